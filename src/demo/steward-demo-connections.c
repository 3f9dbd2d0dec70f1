/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* Connections: CRUD, and connection tests. Tests follow fixed rules on the host, password and URI
 * (see src/demo/README.md) so that every failure a real deployment reports can be shown on
 * purpose, and the same request always gives the same answer. */

#define SLOW_HOST_DELAY_MS 20000
#define REFUSED_HOST "refused.acme-corp.com"

typedef struct
{
  const char *type;
  const char *store_type;
  int         default_port;
  gboolean    needs_host;
} Connector;

/* Athena and BigQuery are reached through the cloud provider's endpoint: no host. Databricks is
 * reached through its workspace host, like the other JDBC connectors. */
static const Connector connectors[] = {
  { "athena", "jdbc", 443, FALSE },
  { "bigquery", "jdbc", 443, FALSE },
  { "databricks", "jdbc", 443, TRUE },
  { "db2", "jdbc", 50000, TRUE },
  { "dremio", "jdbc", 32010, TRUE },
  { "hive", "jdbc", 10000, TRUE },
  { "mariadb", "jdbc", 3306, TRUE },
  { "mysql", "jdbc", 3306, TRUE },
  { "oracle", "jdbc", 1521, TRUE },
  { "postgresql", "jdbc", 5432, TRUE },
  { "presto", "jdbc", 8080, TRUE },
  { "redshift", "jdbc", 5439, TRUE },
  { "snowflake", "jdbc", 443, TRUE },
  { "sqlserver", "jdbc", 1433, TRUE },
  { "synapse", "jdbc", 1433, TRUE },
  { "teradata", "jdbc", 1025, TRUE },
  { "timescale", "jdbc", 5432, TRUE },
  { "trino", "jdbc", 8080, TRUE },
  { "s3", "dfs", 0, FALSE },
  { "gcs", "dfs", 0, FALSE },
  { "abfs", "dfs", 0, FALSE },
};

static const char *const connector_types[] = {
  "athena", "bigquery", "databricks", "db2", "dremio", "hive", "mariadb", "mysql", "oracle",
  "postgresql", "presto", "redshift", "snowflake", "sqlserver", "synapse", "teradata",
  "timescale", "trino", "s3", "gcs", "abfs", NULL
};

typedef enum
{
  FIELD_STRING,
  FIELD_PORT,
  FIELD_COUNT,
  FIELD_OBJECT,
  FIELD_STRING_OR_OBJECT,
} FieldKind;

/* The top-level fields of a connection; every other connector option sits under "parameters". */
static const struct
{
  const char *name;
  FieldKind   kind;
  gboolean    secret;
} top_fields[] = {
  { "host", FIELD_STRING, FALSE },
  { "port", FIELD_PORT, FALSE },
  { "username", FIELD_STRING, FALSE },
  { "password", FIELD_STRING, TRUE },
  { "passphrase", FIELD_STRING, TRUE },
  { "uri", FIELD_STRING, FALSE },
  { "access_key", FIELD_STRING, FALSE },
  { "secret_key", FIELD_STRING, TRUE },
  { "catalog", FIELD_STRING, FALSE },
  { "jdbc_fetch_size", FIELD_COUNT, FALSE },
  { "max_parallelization", FIELD_COUNT, FALSE },
  { "secrets_manager", FIELD_OBJECT, FALSE },
  { "credentials_payload", FIELD_STRING_OR_OBJECT, TRUE },
};

static const Connector *
find_connector (const char *type)
{
  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (connectors); i++)
    if (strcmp (connectors[i].type, type) == 0)
      return &connectors[i];
  return NULL;
}

const char *
_demo_connector_store_type (const char *type)
{
  const Connector *connector = find_connector (type);

  return connector != NULL ? connector->store_type : NULL;
}

static JsonObject *
object_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    json_object_set_member (copy, name, json_node_copy (node));

  return copy;
}

/* Reads NAME, TYPE, the top-level fields and the parameters of OBJECT into CONNECTION, over what
 * it holds already (an update starts from a copy of the stored connection). A null or empty field
 * is removed, but an empty secret leaves the stored one as it is, the way edit forms send it. */
static void
read_connection_into (DemoRequest    *req,
                      JsonObject     *object,
                      const char     *loc,
                      DemoConnection *connection,
                      gboolean        require_name,
                      gboolean        require_type)
{
  const char *name = NULL;
  const char *type = NULL;
  JsonObject *parameters = NULL;
  const Connector *connector;

  if (_demo_field_string (req, object, loc, "name", require_name ? DEMO_REQUIRED : DEMO_NULLABLE,
                          1, 255, &name) == DEMO_FIELD_SET)
    {
      g_free (connection->name);
      connection->name = g_strdup (name);
    }

  if (_demo_field_enum (req, object, loc, "type", require_type ? DEMO_REQUIRED : DEMO_OPTIONAL,
                        connector_types, &type) == DEMO_FIELD_SET)
    {
      g_free (connection->type);
      connection->type = g_strdup (type);
    }

  for (guint i = 0; i < G_N_ELEMENTS (top_fields); i++)
    {
      const char *member = top_fields[i].name;
      JsonNode *node = json_object_get_member (object, member);
      const char *text = NULL;
      gint64 number;

      if (node == NULL)
        continue;
      if (JSON_NODE_HOLDS_NULL (node))
        {
          json_object_remove_member (connection->fields, member);
          continue;
        }

      switch (top_fields[i].kind)
        {
        case FIELD_STRING:
          if (_demo_field_string (req, object, loc, member, DEMO_NULLABLE, 0, 2048,
                                  &text) != DEMO_FIELD_SET)
            break;
          /* Forms send "" for a field left empty: no value, or for a secret, no change. */
          if (*text == '\0' && !top_fields[i].secret)
            json_object_remove_member (connection->fields, member);
          else if (*text != '\0')
            json_object_set_string_member (connection->fields, member, text);
          break;

        case FIELD_PORT:
        case FIELD_COUNT:
          if (_demo_field_int (req, object, loc, member, DEMO_NULLABLE, 1,
                               top_fields[i].kind == FIELD_PORT ? 65535 : 1000000,
                               &number) == DEMO_FIELD_SET)
            json_object_set_int_member (connection->fields, member, number);
          break;

        case FIELD_STRING_OR_OBJECT:
          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            {
              if (*json_node_get_string (node) != '\0')
                json_object_set_member (connection->fields, member, json_node_copy (node));
              break;
            }
          G_GNUC_FALLTHROUGH;
        case FIELD_OBJECT:
          if (!JSON_NODE_HOLDS_OBJECT (node))
            _demo_error_add (req, loc, member, "model_attributes_type",
                             "Input should be a valid dictionary or object to extract fields from");
          else
            json_object_set_member (connection->fields, member, json_node_copy (node));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  switch (_demo_field_object (req, object, loc, "parameters", DEMO_NULLABLE, &parameters))
    {
    case DEMO_FIELD_SET:
      json_object_unref (connection->parameters);
      connection->parameters = object_copy (parameters);
      break;
    case DEMO_FIELD_NULL:
      json_object_unref (connection->parameters);
      connection->parameters = json_object_new ();
      break;
    case DEMO_FIELD_ABSENT:
    case DEMO_FIELD_INVALID:
    default:
      break;
    }

  /* What a connector needs depends on its type, so check it once the type is known. */
  connector = find_connector (connection->type);
  if (connector == NULL)
    return;
  if (strcmp (connector->store_type, "dfs") == 0 &&
      _demo_connection_get_string (connection, "uri") == NULL)
    _demo_error_add (req, loc, "uri", "missing",
                     "Field required: %s connections need a uri", connector->type);
  if (connector->needs_host && _demo_connection_get_string (connection, "host") == NULL)
    _demo_error_add (req, loc, "host", "missing",
                     "Field required: %s connections need a host", connector->type);
}

/* A new connection (not stored yet) from a request object, or NULL after recording errors. */
DemoConnection *
_demo_connection_read (DemoRequest *req,
                       JsonObject  *object,
                       const char  *loc,
                       gboolean     require_name)
{
  DemoConnection *connection = _demo_connection_new ();
  guint errors = req->errors != NULL ? json_array_get_length (req->errors) : 0;

  read_connection_into (req, object, loc, connection, require_name, TRUE);
  if (req->errors != NULL && json_array_get_length (req->errors) > errors)
    {
      _demo_connection_free (connection);
      return NULL;
    }

  connection->created_us = connection->updated_us = req->now_us;
  return connection;
}

static DemoConnection *
connection_copy (DemoConnection *connection)
{
  DemoConnection *copy = _demo_connection_new ();

  copy->id = connection->id;
  copy->name = g_strdup (connection->name);
  copy->type = g_strdup (connection->type);
  copy->created_us = connection->created_us;
  copy->updated_us = connection->updated_us;
  json_object_unref (copy->fields);
  copy->fields = object_copy (connection->fields);
  json_object_unref (copy->parameters);
  copy->parameters = object_copy (connection->parameters);
  return copy;
}

DemoProbe
_demo_connection_probe (DemoConnection  *connection,
                        char           **message)
{
  const Connector *connector = find_connector (connection->type);
  const char *host = _demo_connection_get_string (connection, "host");
  const char *uri = _demo_connection_get_string (connection, "uri");
  const char *password = _demo_connection_get_string (connection, "password");
  const char *username = _demo_connection_get_string (connection, "username");

  *message = NULL;

  if (connector != NULL && strcmp (connector->store_type, "dfs") == 0)
    {
      if (uri != NULL && strstr (uri, "denied") != NULL)
        {
          *message = g_strdup_printf ("Access Denied: the credentials cannot read %s", uri);
          return DEMO_PROBE_FAILED;
        }
      return DEMO_PROBE_OK;
    }

  if (host != NULL && g_ascii_strcasecmp (host, REFUSED_HOST) == 0)
    {
      gint64 port = _demo_connection_get_int (connection, "port",
                                              connector != NULL ? connector->default_port : 0);

      *message = g_strdup_printf ("Connection refused: could not connect to server at %s:%"
                                  G_GINT64_FORMAT, host, port);
      return DEMO_PROBE_FAILED;
    }
  if (host != NULL && g_str_has_suffix (host, ".invalid"))
    {
      *message = g_strdup_printf ("Unknown host: could not resolve %s", host);
      return DEMO_PROBE_FAILED;
    }
  if (g_strcmp0 (password, "wrong") == 0)
    {
      *message = g_strdup_printf ("Authentication failed for user \"%s\"",
                                  username != NULL ? username : "");
      return DEMO_PROBE_FAILED;
    }
  if (host != NULL && g_str_has_prefix (host, "slow."))
    return DEMO_PROBE_SLOW;

  return DEMO_PROBE_OK;
}

/* Tests CONNECTION for a request that needs it to work: FALSE after answering 400 with the
 * failure's message; a slow host delays the answer instead. */
gboolean
_demo_connection_check (DemoRequest    *req,
                        DemoConnection *connection)
{
  g_autofree char *message = NULL;

  switch (_demo_connection_probe (connection, &message))
    {
    case DEMO_PROBE_FAILED:
      _demo_reply_message (req, SOUP_STATUS_BAD_REQUEST, message);
      return FALSE;
    case DEMO_PROBE_SLOW:
      req->delay_ms = SLOW_HOST_DELAY_MS;
      return TRUE;
    case DEMO_PROBE_OK:
    default:
      return TRUE;
    }
}

DemoConnection *
_demo_connection_lookup (DemoRequest *req,
                         gint64       id,
                         const char  *id_text)
{
  DemoConnection *connection = _demo_store_get_connection (req->store, id);

  if (connection == NULL)
    _demo_reply_not_found (req, DEMO_KIND_CONNECTION, id_text);
  return connection;
}

JsonObject *
_demo_connection_summary (DemoConnection *connection)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", connection->id);
  json_object_set_string_member (object, "name", connection->name);
  json_object_set_string_member (object, "type", connection->type);
  return object;
}

/* Secrets are write-only: they never leave the server. */
static JsonObject *
connection_to_json (DemoConnection *connection)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", connection->id);
  json_object_set_string_member (object, "name", connection->name);
  json_object_set_string_member (object, "type", connection->type);
  json_object_set_string_member (object, "store_type",
                                 _demo_connection_get_store_type (connection));
  for (guint i = 0; i < G_N_ELEMENTS (top_fields); i++)
    {
      JsonNode *node = json_object_get_member (connection->fields, top_fields[i].name);

      if (top_fields[i].secret)
        continue;
      if (node != NULL)
        json_object_set_member (object, top_fields[i].name, json_node_copy (node));
      else
        json_object_set_null_member (object, top_fields[i].name);
    }
  json_object_set_object_member (object, "parameters", json_object_ref (connection->parameters));
  _demo_json_set_time (object, "created", connection->created_us);
  _demo_json_set_time (object, "updated", connection->updated_us);
  return object;
}

/* Handlers */

static gboolean
matches_type (GPtrArray  *types,
              const char *type)
{
  if (types->len == 0)
    return TRUE;

  /* Accepted both repeated (type=a&type=b) and comma-separated (type=a,b). */
  for (guint i = 0; i < types->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (types, i), ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (strcmp (g_strstrip (parts[j]), type) == 0)
          return TRUE;
    }

  return FALSE;
}

void
_demo_connections_list (DemoRequest *req)
{
  g_autoptr(GPtrArray) types = _demo_query_get_all (req, "type");
  const char *name = _demo_query_get (req, "name");
  const char *search = _demo_query_get (req, "search");
  g_autofree char *search_folded = search != NULL ? g_utf8_casefold (search, -1) : NULL;
  JsonArray *items;
  gint64 page, size, skip;
  guint total = 0;

  if (!_demo_query_pagination (req, &page, &size))
    {
      _demo_reply_validation (req);
      return;
    }

  items = json_array_new ();
  skip = (page - 1) * size;
  for (guint i = 0; i < req->store->connections->len; i++)
    {
      DemoConnection *connection = g_ptr_array_index (req->store->connections, i);

      if (!matches_type (types, connection->type) ||
          (name != NULL && strcmp (name, connection->name) != 0))
        continue;
      if (search_folded != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (connection->name, -1);

          if (strstr (folded, search_folded) == NULL)
            continue;
        }

      if (total >= skip && total < skip + size)
        json_array_add_object_element (items, connection_to_json (connection));
      total++;
    }

  _demo_reply_object (req, SOUP_STATUS_OK, _demo_page_envelope (items, total, page, size));
}

void
_demo_connections_get (DemoRequest *req)
{
  DemoConnection *connection = _demo_connection_lookup (req, req->ids[0], req->id_texts[0]);

  if (connection != NULL)
    _demo_reply_object (req, SOUP_STATUS_OK, connection_to_json (connection));
}

/* Connection names are not unique: the reference's own examples reuse one. */
void
_demo_connections_create (DemoRequest *req)
{
  JsonObject *body = _demo_request_body_object (req, TRUE);
  DemoConnection *connection = NULL;

  if (body != NULL)
    connection = _demo_connection_read (req, body, "body", TRUE);

  if (_demo_request_failed (req))
    return;

  _demo_store_add_connection (req->store, connection);
  req->changed = TRUE;
  _demo_reply_object (req, SOUP_STATUS_CREATED, connection_to_json (connection));
}

static void
connection_swap (DemoConnection *a,
                 DemoConnection *b)
{
  DemoConnection tmp = *a;

  *a = *b;
  *b = tmp;
}

/* Deployed servers require name and type on every update; the other fields are partial. */
void
_demo_connections_update (DemoRequest *req)
{
  DemoConnection *connection = _demo_connection_lookup (req, req->ids[0], req->id_texts[0]);
  DemoConnection *updated;
  JsonObject *body;

  if (connection == NULL)
    return;

  body = _demo_request_body_object (req, TRUE);
  if (body == NULL)
    {
      _demo_reply_validation (req);
      return;
    }

  updated = connection_copy (connection);
  read_connection_into (req, body, "body", updated, TRUE, TRUE);
  if (_demo_request_failed (req))
    {
      _demo_connection_free (updated);
      return;
    }

  if (strcmp (updated->type, connection->type) != 0 &&
      _demo_store_count_datastores_using (req->store, connection->id) > 0)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT,
                          "Connection id: %" G_GINT64_FORMAT " cannot change its type while "
                          "datastores use it", connection->id);
      _demo_connection_free (updated);
      return;
    }

  updated->updated_us = req->now_us;
  connection_swap (connection, updated);
  /* The swap moved the id too; the hash table keys on the stored struct's id, which is equal. */
  _demo_connection_free (updated);
  req->changed = TRUE;
  _demo_reply_object (req, SOUP_STATUS_OK, connection_to_json (connection));
}

void
_demo_connections_delete (DemoRequest *req)
{
  DemoConnection *connection = _demo_connection_lookup (req, req->ids[0], req->id_texts[0]);
  guint users;

  if (connection == NULL)
    return;

  users = _demo_store_count_datastores_using (req->store, connection->id);
  if (users > 0)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT,
                          "Connection id: %" G_GINT64_FORMAT " is used by %u datastore%s",
                          connection->id, users, users == 1 ? "" : "s");
      return;
    }

  _demo_store_remove_connection (req->store, connection->id);
  req->changed = TRUE;
  _demo_reply_empty (req, SOUP_STATUS_NO_CONTENT);
}

static void
reply_connected (DemoRequest    *req,
                 DemoConnection *connection,
                 gboolean       *connected)
{
  g_autofree char *message = NULL;
  JsonObject *object = json_object_new ();
  DemoProbe probe = _demo_connection_probe (connection, &message);

  if (probe == DEMO_PROBE_SLOW)
    req->delay_ms = SLOW_HOST_DELAY_MS;

  json_object_set_boolean_member (object, "connected", probe != DEMO_PROBE_FAILED);
  if (message != NULL)
    json_object_set_string_member (object, "message", message);
  if (connected != NULL)
    *connected = probe != DEMO_PROBE_FAILED;
  _demo_reply_object (req, SOUP_STATUS_OK, object);
}

/* Tests a stored connection, optionally with other credentials given in the body. A failure is
 * an answer, not an error: 200 with "connected": false. */
void
_demo_connections_test (DemoRequest *req)
{
  DemoConnection *connection = _demo_connection_lookup (req, req->ids[0], req->id_texts[0]);
  DemoConnection *candidate;
  JsonObject *body;

  if (connection == NULL)
    return;

  body = _demo_request_body_object (req, FALSE);
  if (body == NULL)
    {
      _demo_reply_validation (req);
      return;
    }

  candidate = connection_copy (connection);
  read_connection_into (req, body, "body", candidate, FALSE, FALSE);
  if (!_demo_request_failed (req))
    reply_connected (req, candidate, NULL);
  _demo_connection_free (candidate);
}

/* POST /datastores/connection: a datastore's connection, new or stored, tested before the
 * datastore exists. */
void
_demo_datastores_test_connection (DemoRequest *req)
{
  JsonObject *body = _demo_request_body_object (req, TRUE);
  JsonObject *inline_connection = NULL;
  DemoConnection *connection = NULL;
  DemoConnection *candidate = NULL;
  gint64 connection_id = 0;
  DemoField inline_field, id_field;

  if (body == NULL)
    {
      _demo_reply_validation (req);
      return;
    }

  inline_field = _demo_field_object (req, body, "body", "connection", DEMO_NULLABLE,
                                     &inline_connection);
  id_field = _demo_field_int (req, body, "body", "connection_id", DEMO_NULLABLE, 1, G_MAXINT64,
                              &connection_id);
  if (inline_field == DEMO_FIELD_SET && id_field == DEMO_FIELD_SET)
    _demo_error_add (req, "body", "connection_id", "value_error",
                     "Value error, connection and connection_id are mutually exclusive: give one");
  else if (inline_field != DEMO_FIELD_SET && id_field != DEMO_FIELD_SET &&
           inline_field != DEMO_FIELD_INVALID && id_field != DEMO_FIELD_INVALID)
    _demo_error_add (req, "body", "connection", "missing",
                     "Field required: give either connection or connection_id");
  else if (inline_field == DEMO_FIELD_SET)
    candidate = _demo_connection_read (req, inline_connection, "body.connection", FALSE);

  if (_demo_request_failed (req))
    {
      g_clear_pointer (&candidate, _demo_connection_free);
      return;
    }

  if (candidate == NULL)
    {
      connection = _demo_store_get_connection (req->store, connection_id);
      if (connection == NULL)
        {
          _demo_reply_not_found_id (req, DEMO_KIND_CONNECTION, connection_id);
          return;
        }
    }

  if (_demo_connection_check (req, candidate != NULL ? candidate : connection))
    _demo_reply_empty (req, SOUP_STATUS_NO_CONTENT);
  g_clear_pointer (&candidate, _demo_connection_free);
}

/* POST /datastores/{id}/connection: verifies a datastore's connection and remembers the outcome
 * in its "connected" flag. */
void
_demo_datastores_verify (DemoRequest *req)
{
  DemoDatastore *datastore = _demo_datastore_lookup (req, 0, DEMO_TEAM_REPORTER);
  gboolean connected;

  if (datastore == NULL)
    return;

  reply_connected (req, _demo_store_get_connection (req->store, datastore->connection_id),
                   &connected);
  if (datastore->connected != connected)
    {
      datastore->connected = connected;
      req->changed = TRUE;
    }
}
