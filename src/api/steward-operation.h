/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  STEWARD_OPERATION_RUNNING,
  STEWARD_OPERATION_SUCCESS,
  STEWARD_OPERATION_WARNING,   /* succeeded with problems (a "warning" result) */
  STEWARD_OPERATION_FAILURE,
  STEWARD_OPERATION_ABORTED,
} StewardOperationResult;

#define STEWARD_TYPE_OPERATION (steward_operation_get_type ())

G_DECLARE_FINAL_TYPE (StewardOperation, steward_operation, STEWARD, OPERATION, GObject)

StewardOperation       *steward_operation_new_from_json          (JsonObject       *object);
gint64                  steward_operation_get_id                 (StewardOperation *self);
const char             *steward_operation_get_operation_type     (StewardOperation *self);
gint64                  steward_operation_get_datastore_id       (StewardOperation *self);
StewardOperationResult  steward_operation_get_result             (StewardOperation *self);
gboolean                steward_operation_is_finished            (StewardOperation *self);
GDateTime              *steward_operation_get_start_time         (StewardOperation *self);
GDateTime              *steward_operation_get_end_time           (StewardOperation *self);
const char             *steward_operation_get_message            (StewardOperation *self);
gint64                  steward_operation_get_total_containers   (StewardOperation *self);
gint64                  steward_operation_get_containers_analyzed (StewardOperation *self);
gint64                  steward_operation_get_records_processed  (StewardOperation *self);
double                  steward_operation_get_fraction           (StewardOperation *self);
void                    steward_operation_update_from            (StewardOperation *self,
                                                                  StewardOperation *other);

G_END_DECLS
