/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How a connector field is entered. JSON is the generic connector's raw "parameters" object. */
typedef enum
{
  STEWARD_CONNECTOR_FIELD_TEXT,
  STEWARD_CONNECTOR_FIELD_NUMBER,
  STEWARD_CONNECTOR_FIELD_SECRET,
  STEWARD_CONNECTOR_FIELD_BOOLEAN,
  STEWARD_CONNECTOR_FIELD_FILE,
  STEWARD_CONNECTOR_FIELD_CHOICE,
  STEWARD_CONNECTOR_FIELD_JSON,
} StewardConnectorFieldKind;

/* Where the value goes in a connection object: a member of its own, or under "parameters". */
typedef enum
{
  STEWARD_CONNECTOR_TARGET_TOP,
  STEWARD_CONNECTOR_TARGET_PARAMETERS,
} StewardConnectorTarget;

#define STEWARD_TYPE_CONNECTOR_FIELD (steward_connector_field_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardConnectorField, steward_connector_field, STEWARD, CONNECTOR_FIELD, GObject)

StewardConnectorField *steward_connector_field_new_from_table    (JsonObject             *object,
                                                                  gboolean                translate,
                                                                  GError                **error);
StewardConnectorField *steward_connector_field_new_from_property (JsonObject             *object,
                                                                  GError                **error);

const char                *steward_connector_field_get_name          (StewardConnectorField  *self);
const char                *steward_connector_field_get_path          (StewardConnectorField  *self);
const char                *steward_connector_field_get_label         (StewardConnectorField  *self);
StewardConnectorFieldKind  steward_connector_field_get_kind          (StewardConnectorField  *self);
StewardConnectorTarget     steward_connector_field_get_target        (StewardConnectorField  *self);
gboolean                   steward_connector_field_get_required      (StewardConnectorField  *self);
gboolean                   steward_connector_field_get_secret        (StewardConnectorField  *self);
const char                *steward_connector_field_get_placeholder   (StewardConnectorField  *self);
const char                *steward_connector_field_get_default_value (StewardConnectorField  *self);
const char * const        *steward_connector_field_get_choices       (StewardConnectorField  *self);
const char * const        *steward_connector_field_get_choice_labels (StewardConnectorField  *self);
gboolean                   steward_connector_field_get_range         (StewardConnectorField  *self,
                                                                      gint64                 *min,
                                                                      gint64                 *max);

gboolean    steward_connector_field_is_top_level_name (const char             *name);
gboolean    steward_connector_field_is_secret_name    (const char             *name);
const char *steward_connector_field_kind_to_string    (StewardConnectorFieldKind kind);

G_END_DECLS
