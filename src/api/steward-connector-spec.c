/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connector"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-api-error.h"
#include "steward-connection.h"
#include "steward-connector-spec.h"
#include "steward-api-resources.h"
#include "steward-connector-spec-private.h"
#include "steward-json.h"

/* A connector type and the fields its form needs. Forms are data: Steward's own table
 * (connectors.json) describes every connector, and a server that offers
 * GET /datastores/specifications describes its own, read into the same fields. */
struct _StewardConnectorSpec
{
  GObject                 parent_instance;

  char                   *type_name;
  char                   *display_name;
  char                   *store_type;
  gboolean                generic;
  gboolean                supports_enrichment;
  StewardConnectorOrigin  origin;
  GPtrArray              *fields;   /* StewardConnectorField */
};

G_DEFINE_FINAL_TYPE (StewardConnectorSpec, steward_connector_spec, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TYPE_NAME,
  PROP_DISPLAY_NAME,
  PROP_STORE_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* gettext cannot read JSON: the table's labels are marked here, and the test that loads the
 * table checks that it uses no label missing from this list. */
static const char * const table_strings[] = {
  /* Connector names */
  NC_("connector", "PostgreSQL"),
  NC_("connector", "MySQL"),
  NC_("connector", "MariaDB"),
  NC_("connector", "Microsoft SQL Server"),
  NC_("connector", "Oracle"),
  NC_("connector", "Snowflake"),
  NC_("connector", "Google BigQuery"),
  NC_("connector", "Databricks"),
  NC_("connector", "Amazon Redshift"),
  NC_("connector", "Trino"),
  NC_("connector", "Amazon Athena"),
  NC_("connector", "Amazon S3"),
  NC_("connector", "Google Cloud Storage"),
  NC_("connector", "Azure Data Lake Storage"),
  NC_("connector", "Other JDBC Database"),
  NC_("connector", "IBM Db2"),
  NC_("connector", "Dremio"),
  NC_("connector", "Apache Hive"),
  NC_("connector", "Presto"),
  NC_("connector", "Azure Synapse"),
  NC_("connector", "Teradata"),
  NC_("connector", "TimescaleDB"),
  /* Field labels */
  NC_("connector", "Host"),
  NC_("connector", "Port"),
  NC_("connector", "User Name"),
  NC_("connector", "Password"),
  NC_("connector", "SSL Mode"),
  NC_("connector", "Encrypt Connection"),
  NC_("connector", "Trust Server Certificate"),
  NC_("connector", "Service Name"),
  NC_("connector", "Account Host"),
  NC_("connector", "Authentication"),
  NC_("connector", "Private Key"),
  NC_("connector", "Private Key Passphrase"),
  NC_("connector", "Role"),
  NC_("connector", "Warehouse"),
  NC_("connector", "Service Account Key"),
  NC_("connector", "Fetch Size"),
  NC_("connector", "Workspace Host"),
  NC_("connector", "HTTP Path"),
  NC_("connector", "Access Token"),
  NC_("connector", "Catalog"),
  NC_("connector", "Use TLS"),
  NC_("connector", "Access Key ID"),
  NC_("connector", "Secret Access Key"),
  NC_("connector", "Region"),
  NC_("connector", "Query Results Location"),
  NC_("connector", "Workgroup"),
  NC_("connector", "Bucket URI"),
  NC_("connector", "Role ARN"),
  NC_("connector", "Container URI"),
  NC_("connector", "Storage Account Name"),
  NC_("connector", "Account Key"),
  NC_("connector", "Database Type"),
  NC_("connector", "Parameters (JSON)"),
  /* Choices */
  NC_("connector", "Disable"),
  NC_("connector", "Allow"),
  NC_("connector", "Prefer"),
  NC_("connector", "Require"),
  NC_("connector", "Verify CA"),
  NC_("connector", "Verify Full"),
  NC_("connector", "Key Pair"),
  NULL
};

const char * const *
_steward_connector_table_strings (void)
{
  return table_strings;
}

static void
steward_connector_spec_finalize (GObject *object)
{
  StewardConnectorSpec *self = STEWARD_CONNECTOR_SPEC (object);

  g_free (self->type_name);
  g_free (self->display_name);
  g_free (self->store_type);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_connector_spec_parent_class)->finalize (object);
}

static void
steward_connector_spec_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardConnectorSpec *self = STEWARD_CONNECTOR_SPEC (object);

  switch (prop_id)
    {
    case PROP_TYPE_NAME:
      g_value_set_string (value, self->type_name);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_STORE_TYPE:
      g_value_set_string (value, self->store_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connector_spec_class_init (StewardConnectorSpecClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_connector_spec_finalize;
  object_class->get_property = steward_connector_spec_get_property;

  properties[PROP_TYPE_NAME] =
    g_param_spec_string ("type-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_TYPE] =
    g_param_spec_string ("store-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_connector_spec_init (StewardConnectorSpec *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
}

/* One connector of the built-in table: {"type", "display_name", "store_type", "generic",
 * "supports_enrichment", "fields": [...]}. */
StewardConnectorSpec *
steward_connector_spec_new_from_table (JsonObject  *object,
                                       gboolean     translate,
                                       GError     **error)
{
  g_autoptr(StewardConnectorSpec) self = g_object_new (STEWARD_TYPE_CONNECTOR_SPEC, NULL);
  const char *display_name = steward_json_get_string (object, "display_name");
  const char *store_type = steward_json_get_string (object, "store_type");
  JsonArray *fields = steward_json_get_array (object, "fields");

  self->type_name = g_strdup (steward_json_get_string (object, "type"));
  if (self->type_name == NULL || fields == NULL)
    {
      g_set_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                   "Connector “%s” needs a type and fields",
                   self->type_name != NULL ? self->type_name : "?");
      return NULL;
    }

  if (display_name == NULL)
    display_name = self->type_name;
  else if (translate)
    display_name = g_dpgettext2 (GETTEXT_PACKAGE, STEWARD_CONNECTOR_CONTEXT, display_name);
  self->display_name = g_strdup (display_name);

  if (store_type == NULL)
    store_type = steward_connector_type_is_dfs (self->type_name) ? "dfs" : "jdbc";
  if (!g_str_equal (store_type, "dfs") && !g_str_equal (store_type, "jdbc"))
    {
      g_set_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                   "Connector “%s” has an unknown store type “%s”", self->type_name, store_type);
      return NULL;
    }
  self->store_type = g_strdup (store_type);
  self->generic = steward_json_get_bool (object, "generic", FALSE);
  self->supports_enrichment = steward_json_get_bool (object, "supports_enrichment", TRUE);
  self->origin = STEWARD_CONNECTOR_ORIGIN_BUILTIN;

  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonNode *element = json_array_get_element (fields, i);
      StewardConnectorField *field;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                       "Connector “%s”: field %u is not an object", self->type_name, i);
          return NULL;
        }

      field =
          steward_connector_field_new_from_table (json_node_get_object (element), translate, error);
      if (field == NULL)
        {
          g_prefix_error (error, "Connector “%s”: ", self->type_name);
          return NULL;
        }
      g_ptr_array_add (self->fields, field);
    }

  return g_steal_pointer (&self);
}

/* One item of GET /datastores/specifications: {"type", "display_name", "supports_enrichment",
 * "properties": [...]}. The store type follows from the connector type. */
StewardConnectorSpec *
steward_connector_spec_new_from_specification (JsonObject  *object,
                                               GError     **error)
{
  g_autoptr(StewardConnectorSpec) self = g_object_new (STEWARD_TYPE_CONNECTOR_SPEC, NULL);
  const char *display_name = steward_json_get_string (object, "display_name");
  JsonArray *props = steward_json_get_array (object, "properties");

  self->type_name = g_strdup (steward_json_get_string (object, "type"));
  if (self->type_name == NULL || *self->type_name == '\0')
    {
      g_set_error_literal (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                           "A connector specification has no type");
      return NULL;
    }

  self->display_name = g_strdup (display_name != NULL ? display_name : self->type_name);
  self->store_type = g_strdup (steward_connector_type_is_dfs (self->type_name) ? "dfs" : "jdbc");
  self->supports_enrichment = steward_json_get_bool (object, "supports_enrichment", TRUE);
  self->origin = STEWARD_CONNECTOR_ORIGIN_SERVER;

  for (guint i = 0; props != NULL && i < json_array_get_length (props); i++)
    {
      JsonNode *element = json_array_get_element (props, i);
      StewardConnectorField *field;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      field = steward_connector_field_new_from_property (json_node_get_object (element), error);
      if (field == NULL)
        {
          g_prefix_error (error, "Connector “%s”: ", self->type_name);
          return NULL;
        }
      g_ptr_array_add (self->fields, field);
    }

  return g_steal_pointer (&self);
}

const char *
steward_connector_spec_get_type_name (StewardConnectorSpec *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), NULL);
  return self->type_name;
}

const char *
steward_connector_spec_get_display_name (StewardConnectorSpec *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), NULL);
  return self->display_name;
}

/* "jdbc" or "dfs". */
const char *
steward_connector_spec_get_store_type (StewardConnectorSpec *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), NULL);
  return self->store_type;
}

gboolean
steward_connector_spec_is_dfs (StewardConnectorSpec *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), FALSE);
  return g_strcmp0 (self->store_type, "dfs") == 0;
}

/* The generic JDBC connector: its form has a "type" field that picks the connector type. */
gboolean
steward_connector_spec_is_generic (StewardConnectorSpec *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), FALSE);
  return self->generic;
}

gboolean
steward_connector_spec_get_supports_enrichment (StewardConnectorSpec *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), FALSE);
  return self->supports_enrichment;
}

StewardConnectorOrigin
steward_connector_spec_get_origin (StewardConnectorSpec *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), STEWARD_CONNECTOR_ORIGIN_BUILTIN);
  return self->origin;
}

guint
steward_connector_spec_get_n_fields (StewardConnectorSpec *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), 0);
  return self->fields->len;
}

/* Returns: (transfer none) */
StewardConnectorField *
steward_connector_spec_get_field (StewardConnectorSpec *self,
                                  guint                 index)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);
  return g_ptr_array_index (self->fields, index);
}

/* Returns: (transfer none) (nullable): the field at @path ("host", "parameters.role"). */
StewardConnectorField *
steward_connector_spec_find_field (StewardConnectorSpec *self,
                                   const char           *path)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_SPEC (self), NULL);

  for (guint i = 0; path != NULL && i < self->fields->len; i++)
    {
      StewardConnectorField *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (steward_connector_field_get_path (field), path))
        return field;
    }

  return NULL;
}

/* Returns: (transfer full): the table {"connectors": [...]}, strictly: it is Steward's own. */
GListModel *
steward_connector_spec_list_new_from_table (JsonNode  *root,
                                            gboolean   translate,
                                            GError   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (STEWARD_TYPE_CONNECTOR_SPEC);
  JsonArray *connectors = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    connectors = steward_json_get_array (json_node_get_object (root), "connectors");
  if (connectors == NULL)
    {
      g_set_error_literal (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                           "The connector table has no “connectors” list");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (connectors); i++)
    {
      JsonNode *element = json_array_get_element (connectors, i);
      g_autoptr(StewardConnectorSpec) spec = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                       "Connector %u is not an object", i);
          return NULL;
        }

      spec =
          steward_connector_spec_new_from_table (json_node_get_object (element), translate, error);
      if (spec == NULL)
        return NULL;
      g_list_store_append (store, spec);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Returns: (transfer full): a server's specifications, a bare list or an {"items": [...]}
 * page. A connector the server describes badly is left out, so that one odd entry does not
 * cost the user the server's descriptions of all the others. */
GListModel *
steward_connector_spec_list_new_from_specifications (JsonNode  *root,
                                                     GError   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (STEWARD_TYPE_CONNECTOR_SPEC);
  JsonArray *items = NULL;

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    items = json_node_get_array (root);
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    items = steward_json_get_array (json_node_get_object (root), "items");
  if (items == NULL)
    {
      g_set_error_literal (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                           _("The server’s connector specifications are not a list"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      g_autoptr(StewardConnectorSpec) spec = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      spec = steward_connector_spec_new_from_specification (json_node_get_object (element),
                                                            &local_error);
      if (spec == NULL)
        {
          g_debug ("Skipping a connector specification: %s", local_error->message);
          continue;
        }
      g_list_store_append (store, spec);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Returns: (transfer full): Steward's own table, from the resource compiled into the program. */
GListModel *
steward_connector_spec_list_load_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;

  bytes = g_resource_lookup_data (steward_api_get_resource (), STEWARD_CONNECTOR_TABLE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  root = steward_json_parse (bytes, error);
  if (root == NULL)
    return NULL;

  return steward_connector_spec_list_new_from_table (root, TRUE, error);
}

/* Returns: (transfer full): the built-in connectors, each replaced by the server's description
 * of the same type when it has one, followed by the types only the server knows; the generic
 * JDBC connector stays last, so that an undescribed type can still be reached. */
GListModel *
steward_connector_spec_list_merge (GListModel *builtin,
                                   GListModel *server)
{
  GListStore *store = g_list_store_new (STEWARD_TYPE_CONNECTOR_SPEC);
  g_autoptr(StewardConnectorSpec) generic = NULL;
  guint n_builtin = builtin != NULL ? g_list_model_get_n_items (builtin) : 0;
  guint n_server = server != NULL ? g_list_model_get_n_items (server) : 0;

  for (guint i = 0; i < n_builtin; i++)
    {
      g_autoptr(StewardConnectorSpec) spec = g_list_model_get_item (builtin, i);
      StewardConnectorSpec *described = server != NULL
        ? steward_connector_spec_list_find (server, spec->type_name)
        : NULL;

      if (spec->generic)
        g_set_object (&generic, spec);
      else
        g_list_store_append (store, described != NULL ? described : spec);
    }

  for (guint i = 0; i < n_server; i++)
    {
      g_autoptr(StewardConnectorSpec) spec = g_list_model_get_item (server, i);

      if (builtin == NULL || steward_connector_spec_list_find (builtin, spec->type_name) == NULL)
        g_list_store_append (store, spec);
    }

  if (generic != NULL)
    g_list_store_append (store, generic);

  return G_LIST_MODEL (store);
}

/* Returns: (transfer none) (nullable) */
StewardConnectorSpec *
steward_connector_spec_list_find (GListModel *specs,
                                  const char *type)
{
  guint n = specs != NULL ? g_list_model_get_n_items (specs) : 0;

  for (guint i = 0; type != NULL && i < n; i++)
    {
      g_autoptr(StewardConnectorSpec) spec = g_list_model_get_item (specs, i);

      if (g_str_equal (spec->type_name, type))
        return spec;
    }

  return NULL;
}
