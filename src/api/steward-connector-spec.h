/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "steward-connector-field.h"

G_BEGIN_DECLS

/* Where a connector's description came from. */
typedef enum
{
  STEWARD_CONNECTOR_ORIGIN_BUILTIN,
  STEWARD_CONNECTOR_ORIGIN_SERVER,
} StewardConnectorOrigin;

/* The type of the built-in generic JDBC connector, whose form picks the real type. */
#define STEWARD_CONNECTOR_GENERIC_JDBC "generic-jdbc"

/* The resource holding Steward's own connector table. */
#define STEWARD_CONNECTOR_TABLE_RESOURCE RESOURCE_PREFIX "/api/connectors.json"

#define STEWARD_TYPE_CONNECTOR_SPEC (steward_connector_spec_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardConnectorSpec, steward_connector_spec, STEWARD, CONNECTOR_SPEC, GObject)

StewardConnectorSpec *steward_connector_spec_new_from_table (JsonObject           *object,
                                                             gboolean              translate,
                                                             GError              **error);

StewardConnectorSpec *steward_connector_spec_new_from_specification (JsonObject           *object,
                                                                     GError              **error);

const char             *steward_connector_spec_get_type_name          (StewardConnectorSpec *self);
const char             *steward_connector_spec_get_display_name       (StewardConnectorSpec *self);
const char             *steward_connector_spec_get_store_type         (StewardConnectorSpec *self);
gboolean                steward_connector_spec_is_dfs                 (StewardConnectorSpec *self);
gboolean                steward_connector_spec_is_generic             (StewardConnectorSpec *self);
gboolean                steward_connector_spec_get_supports_enrichment (StewardConnectorSpec *self);
StewardConnectorOrigin  steward_connector_spec_get_origin             (StewardConnectorSpec *self);
guint                   steward_connector_spec_get_n_fields           (StewardConnectorSpec *self);
StewardConnectorField  *steward_connector_spec_get_field              (StewardConnectorSpec *self,
                                                                       guint                 index);
StewardConnectorField  *steward_connector_spec_find_field             (StewardConnectorSpec *self,
                                                                       const char           *path);

/* Lists of StewardConnectorSpec. */
GListModel *steward_connector_spec_list_new_from_table (JsonNode             *root,
                                                        gboolean              translate,
                                                        GError              **error);
GListModel             *steward_connector_spec_list_new_from_specifications (JsonNode       *root,
                                                                       GError              **error);
GListModel           *steward_connector_spec_list_load_builtin (GError              **error);
GListModel           *steward_connector_spec_list_merge        (GListModel           *builtin,
                                                                GListModel           *server);
StewardConnectorSpec *steward_connector_spec_list_find         (GListModel           *specs,
                                                                const char           *type);

G_END_DECLS
