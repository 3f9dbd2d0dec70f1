/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_VALIDATION_RESULT (steward_validation_result_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardValidationResult, steward_validation_result, STEWARD, VALIDATION_RESULT, GObject)

StewardValidationResult *steward_validation_result_new_from_json (JsonObject              *object);

const char *steward_validation_result_get_schema_name (StewardValidationResult *self);
gboolean    steward_validation_result_get_success     (StewardValidationResult *self);
const char *steward_validation_result_get_message     (StewardValidationResult *self);

G_END_DECLS
