/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_BULK_RESULT (steward_bulk_result_get_type ())

G_DECLARE_FINAL_TYPE (StewardBulkResult, steward_bulk_result, STEWARD, BULK_RESULT, GObject)

StewardBulkResult *steward_bulk_result_new                (void);
StewardBulkResult *steward_bulk_result_new_from_json      (JsonObject        *object);
void               steward_bulk_result_append             (StewardBulkResult *self,
                                                           StewardBulkResult *other);
guint              steward_bulk_result_get_n_created      (StewardBulkResult *self);
gint64             steward_bulk_result_get_created_id     (StewardBulkResult *self,
                                                           guint              index);
guint              steward_bulk_result_get_n_errors       (StewardBulkResult *self);
const char        *steward_bulk_result_get_error_schema   (StewardBulkResult *self,
                                                           guint              index);
const char        *steward_bulk_result_get_error_message  (StewardBulkResult *self,
                                                           guint              index);

G_END_DECLS
