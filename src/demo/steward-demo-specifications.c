/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

/* GET /datastores/specifications: the connector forms some servers describe. Only served with
 * "serve-specifications", because other servers lack it and clients must cope with its absence.
 * "map_to" says where a value goes in a connection payload: a top-level field, or
 * "parameters.<name>". */

typedef struct
{
  const char *field;
  const char *title;
  const char *type;        /* "string", "integer", "boolean" or "select" */
  gboolean    required;
  gboolean    secret;
  const char *default_value;
  const char *placeholder;
  const char *map_to;
  const char *values;      /* "|"-separated choices of a select */
} Property;

typedef struct
{
  const char     *type;
  const char     *display_name;
  gboolean        supports_enrichment;
  const Property *properties;
} Specification;

static const Property postgresql[] = {
  { "host", "Host", "string", TRUE, FALSE, NULL, "db.example.com", "host", NULL },
  { "port", "Port", "integer", TRUE, FALSE, "5432", NULL, "port", NULL },
  { "username", "User", "string", TRUE, FALSE, NULL, "qualytics_reader", "username", NULL },
  { "password", "Password", "string", TRUE, TRUE, NULL, NULL, "password", NULL },
  { "sslmode", "SSL mode", "select", FALSE, FALSE, "prefer", NULL, "parameters.sslmode",
    "disable|prefer|require|verify-full" },
  { NULL }
};

static const Property mysql[] = {
  { "host", "Host", "string", TRUE, FALSE, NULL, "mysql.example.com", "host", NULL },
  { "port", "Port", "integer", TRUE, FALSE, "3306", NULL, "port", NULL },
  { "username", "User", "string", TRUE, FALSE, NULL, NULL, "username", NULL },
  { "password", "Password", "string", TRUE, TRUE, NULL, NULL, "password", NULL },
  { NULL }
};

static const Property snowflake[] = {
  { "host", "Account host", "string", TRUE, FALSE, NULL, "account.snowflakecomputing.com", "host",
    NULL },
  { "username", "User", "string", TRUE, FALSE, NULL, NULL, "username", NULL },
  { "authentication_type", "Authentication", "select", TRUE, FALSE, "password", NULL,
    "parameters.authentication_type", "password|keypair" },
  { "password", "Password", "string", FALSE, TRUE, NULL, NULL, "password", NULL },
  { "passphrase", "Private key passphrase", "string", FALSE, TRUE, NULL, NULL, "passphrase",
    NULL },
  { "role", "Role", "string", TRUE, FALSE, NULL, "QUALYTICS_READ_ROLE", "parameters.role", NULL },
  { "warehouse", "Warehouse", "string", TRUE, FALSE, NULL, "QUALYTICS_WH", "parameters.warehouse",
    NULL },
  { NULL }
};

static const Property databricks[] = {
  { "host", "Workspace host", "string", TRUE, FALSE, NULL, "dbc-1234.cloud.databricks.com", "host",
    NULL },
  { "path", "HTTP path", "string", TRUE, FALSE, NULL, "/sql/1.0/warehouses/abc123",
    "parameters.path", NULL },
  { "password", "Access token", "string", TRUE, TRUE, NULL, NULL, "password", NULL },
  { NULL }
};

static const Property s3[] = {
  { "uri", "Bucket URI", "string", TRUE, FALSE, NULL, "s3://bucket-name", "uri", NULL },
  { "access_key", "Access key", "string", TRUE, FALSE, NULL, NULL, "access_key", NULL },
  { "secret_key", "Secret key", "string", TRUE, TRUE, NULL, NULL, "secret_key", NULL },
  { "role_arn", "Role ARN", "string", FALSE, FALSE, NULL, "arn:aws:iam::123456789012:role/name",
    "parameters.role_arn", NULL },
  { NULL }
};

static const Specification specifications[] = {
  { "postgresql", "PostgreSQL", TRUE, postgresql },
  { "mysql", "MySQL", TRUE, mysql },
  { "snowflake", "Snowflake", TRUE, snowflake },
  { "databricks", "Databricks", TRUE, databricks },
  { "s3", "Amazon S3", TRUE, s3 },
};

static JsonObject *
property_to_json (const Property *property)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "field", property->field);
  json_object_set_string_member (object, "title", property->title);
  json_object_set_string_member (object, "type", property->type);
  json_object_set_boolean_member (object, "required", property->required);
  json_object_set_boolean_member (object, "secret", property->secret);
  if (property->default_value != NULL && g_strcmp0 (property->type, "integer") == 0)
    json_object_set_int_member (object, "default", g_ascii_strtoll (property->default_value,
                                                                    NULL, 10));
  else
    _demo_json_set_string (object, "default", property->default_value);
  _demo_json_set_string (object, "placeholder", property->placeholder);
  json_object_set_string_member (object, "map_to", property->map_to);
  if (property->values != NULL)
    {
      g_auto(GStrv) values = g_strsplit (property->values, "|", -1);
      JsonArray *array = json_array_new ();

      for (guint i = 0; values[i] != NULL; i++)
        json_array_add_string_element (array, values[i]);
      json_object_set_array_member (object, "values", array);
    }
  else
    json_object_set_null_member (object, "values");

  return object;
}

void
_demo_specifications_list (DemoRequest *req)
{
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (specifications); i++)
    {
      const Specification *specification = &specifications[i];
      JsonObject *item = json_object_new ();
      JsonArray *properties = json_array_new ();

      for (const Property *p = specification->properties; p->field != NULL; p++)
        json_array_add_object_element (properties, property_to_json (p));

      json_object_set_string_member (item, "type", specification->type);
      json_object_set_string_member (item, "display_name", specification->display_name);
      json_object_set_boolean_member (item, "supports_enrichment",
                                      specification->supports_enrichment);
      json_object_set_array_member (item, "properties", properties);
      json_array_add_object_element (items, item);
    }

  _demo_reply_array (req, SOUP_STATUS_OK, items);
}
