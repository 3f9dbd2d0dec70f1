/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean steward_connector_type_is_dfs (const char *type);

#define STEWARD_TYPE_CONNECTION (steward_connection_get_type ())

G_DECLARE_FINAL_TYPE (StewardConnection, steward_connection, STEWARD, CONNECTION, GObject)

StewardConnection *steward_connection_new_from_json  (JsonObject        *object);
gint64             steward_connection_get_id         (StewardConnection *self);
const char        *steward_connection_get_name       (StewardConnection *self);
const char        *steward_connection_get_type_name  (StewardConnection *self);
const char        *steward_connection_get_store_type (StewardConnection *self);
gboolean           steward_connection_is_dfs         (StewardConnection *self);
const char        *steward_connection_get_host       (StewardConnection *self);
gint64             steward_connection_get_port       (StewardConnection *self);
const char        *steward_connection_get_username   (StewardConnection *self);
const char        *steward_connection_get_uri        (StewardConnection *self);
JsonObject        *steward_connection_get_parameters (StewardConnection *self);
GDateTime         *steward_connection_get_created    (StewardConnection *self);
GDateTime         *steward_connection_get_updated    (StewardConnection *self);
JsonObject        *steward_connection_get_fields     (StewardConnection *self);
const char * const *steward_connection_get_hidden_parameters (StewardConnection *self);
JsonNode          *steward_connection_get_value      (StewardConnection *self,
                                                      const char        *path);
char              *steward_connection_dup_value_text (StewardConnection *self,
                                                      const char        *path);
gboolean           steward_connection_update_from    (StewardConnection *self,
                                                      StewardConnection *other);
gboolean           steward_connection_matches        (StewardConnection *self,
                                                      const char        *search);

G_END_DECLS
