/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-api-error.h"
#include "steward-client-discovery.h"
#include "steward-client-private.h"
#include "steward-json.h"
#include "steward-validate.h"

static gpointer
parse_discovered (JsonNode  *root,
                  GError   **error)
{
  JsonArray *items = _steward_expect_items (root, error);
  GListStore *store;

  if (items == NULL)
    return NULL;

  store = g_list_store_new (STEWARD_TYPE_DISCOVERED_ITEM);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(StewardDiscoveredItem) item =
          steward_discovered_item_new_from_json (json_array_get_element (items, i));

      if (item != NULL)
        g_list_store_append (store, item);
    }

  return store;
}

static gboolean
check_connection_choice (StewardClient        *self,
                         gint64                connection_id,
                         JsonObject           *new_connection,
                         gpointer              source_tag,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  GError *error = NULL;

  if (connection_id <= 0 && new_connection == NULL)
    error = steward_api_error_new_invalid_field ("connection", _("Choose a connection"));
  else if (connection_id <= 0)
    steward_validate_connection (new_connection, &error);

  if (error == NULL)
    return TRUE;

  _steward_client_fail (self, source_tag, error, callback, user_data);
  return FALSE;
}

/* The server answers 409 for file-system (DFS) connections, which have no catalogs. */
void
steward_client_discover_catalogs_async (StewardClient       *self,
                                        gint64               connection_id,
                                        JsonObject          *new_connection,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (!check_connection_choice (self, connection_id, new_connection,
                                steward_client_discover_catalogs_async, callback, user_data))
    return;

  if (connection_id > 0)
    path = g_strdup_printf ("connections/%" G_GINT64_FORMAT "/catalogs", connection_id);
  else
    body = steward_json_object_node (new_connection);

  _steward_client_call (self, body != NULL ? STEWARD_HTTP_POST : STEWARD_HTTP_GET,
                        path != NULL ? path : "connections/catalogs", NULL, body, STEWARD_CALL_NONE,
                        parse_discovered, g_object_unref, steward_client_discover_catalogs_async,
                        cancellable, callback, user_data);
}

/* Returns: (transfer full): a GListModel of StewardDiscoveredItem */
GListModel *
steward_client_discover_catalogs_finish (StewardClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_discover_catalogs_async, error);
}

void
steward_client_discover_schemas_async (StewardClient       *self,
                                       gint64               connection_id,
                                       JsonObject          *new_connection,
                                       const char          *catalog,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GString) query = g_string_new (NULL);

  if (!check_connection_choice (self, connection_id, new_connection,
                                steward_client_discover_schemas_async, callback, user_data))
    return;

  if (connection_id > 0)
    path = g_strdup_printf ("connections/%" G_GINT64_FORMAT "/schemas", connection_id);
  else
    body = steward_json_object_node (new_connection);
  steward_query_add (query, "catalog", catalog);

  _steward_client_call (self, body != NULL ? STEWARD_HTTP_POST : STEWARD_HTTP_GET,
                        path != NULL ? path : "connections/schemas", query->str, body,
                        STEWARD_CALL_NONE, parse_discovered, g_object_unref,
                        steward_client_discover_schemas_async, cancellable, callback, user_data);
}

/* Returns: (transfer full): a GListModel of StewardDiscoveredItem */
GListModel *
steward_client_discover_schemas_finish (StewardClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_discover_schemas_async, error);
}

/* Validation accepts at most 50 schemas a request, so longer lists go out in batches, one after
 * another, and the results come back as one list in the order asked. */

typedef struct
{
  gint64      connection_id;
  JsonObject *new_connection;
  char       *database;
  const char *member;   /* "schemas", or "root_paths" for DFS */
  GStrv       schemas;
  guint       next;
  GListStore *results;
} Validation;

static void
validation_free (gpointer data)
{
  Validation *validation = data;

  g_clear_pointer (&validation->new_connection, json_object_unref);
  g_free (validation->database);
  g_strfreev (validation->schemas);
  g_clear_object (&validation->results);
  g_free (validation);
}

static gpointer
parse_validation (JsonNode  *root,
                  GError   **error)
{
  JsonObject *object = _steward_expect_object (root, error);
  JsonArray *results = object != NULL ? steward_json_get_array (object, "results") : NULL;
  GListStore *store;

  if (object == NULL)
    return NULL;
  if (results == NULL)
    {
      g_propagate_error (error, steward_api_error_new (STEWARD_API_ERROR_PARSE, 0,
                                                       _("The server’s answer has no validation "
                                                          "results")));
      return NULL;
    }

  store = g_list_store_new (STEWARD_TYPE_VALIDATION_RESULT);
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *element = json_array_get_element (results, i);
      g_autoptr(StewardValidationResult) result = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      result = steward_validation_result_new_from_json (json_node_get_object (element));
      g_list_store_append (store, result);
    }

  return store;
}

static void validate_next_batch (GTask *task);

static void
validate_batch_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Validation *validation = g_task_get_task_data (task);
  g_autoptr(GListModel) batch = NULL;
  GError *error = NULL;

  batch =
      _steward_client_call_finish (STEWARD_CLIENT (object), result, validate_next_batch, &error);
  if (batch == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (batch); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (batch, i);
      g_list_store_append (validation->results, item);
    }

  if (validation->schemas[validation->next] == NULL)
    g_task_return_pointer (task, g_steal_pointer (&validation->results), g_object_unref);
  else
    validate_next_batch (g_steal_pointer (&task));
}

static void
validate_next_batch (GTask *task)
{
  Validation *validation = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *schemas = json_array_new ();

  for (guint n = 0; n < STEWARD_VALIDATE_BATCH_MAX && validation->schemas[validation->next] != NULL;
       n++)
    json_array_add_string_element (schemas, validation->schemas[validation->next++]);

  if (validation->connection_id > 0)
    path = g_strdup_printf ("connections/%" G_GINT64_FORMAT "/datastores/validate",
                            validation->connection_id);
  else
    json_object_set_object_member (object, "connection",
                                   json_object_ref (validation->new_connection));
  if (validation->database != NULL)
    json_object_set_string_member (object, "database", validation->database);
  json_object_set_array_member (object, validation->member, schemas);
  json_node_take_object (body, object);

  _steward_client_call (g_task_get_source_object (task), STEWARD_HTTP_POST,
                        path != NULL ? path : "connections/datastores/validate", NULL, body,
                        STEWARD_CALL_NONE, parse_validation, g_object_unref, validate_next_batch,
                        g_task_get_cancellable (task), validate_batch_cb, task);
}

static void
validate_targets (StewardClient       *self,
                  gint64               connection_id,
                  JsonObject          *new_connection,
                  const char          *database,
                  const char          *member,
                  const char * const  *targets,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  Validation *validation;
  GTask *task;

  if (!check_connection_choice (self, connection_id, new_connection,
                                steward_client_validate_schemas_async, callback, user_data))
    return;

  if (targets == NULL || targets[0] == NULL)
    {
      const char *message = g_str_equal (member, "schemas") ? _("Choose at least one schema")
                                                            : _("Give at least one root path");

      _steward_client_fail (self, steward_client_validate_schemas_async,
                            steward_api_error_new_invalid_field (member, message),
                            callback, user_data);
      return;
    }

  validation = g_new0 (Validation, 1);
  validation->connection_id = connection_id;
  validation->new_connection = new_connection != NULL ? json_object_ref (new_connection) : NULL;
  validation->database = g_strdup (database);
  validation->member = member;
  validation->schemas = g_strdupv ((char **) targets);
  validation->results = g_list_store_new (STEWARD_TYPE_VALIDATION_RESULT);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_validate_schemas_async);
  g_task_set_task_data (task, validation, validation_free);
  validate_next_batch (task);
}

void
steward_client_validate_schemas_async (StewardClient       *self,
                                       gint64               connection_id,
                                       JsonObject          *new_connection,
                                       const char          *database,
                                       const char * const  *schemas,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  validate_targets (self, connection_id, new_connection, database, "schemas", schemas,
                    cancellable, callback, user_data);
}

/* The same for the root paths of a file-system (DFS) connection, which has no database. Each
 * result names its root path where a schema's would name the schema. */
void
steward_client_validate_root_paths_async (StewardClient       *self,
                                          gint64               connection_id,
                                          JsonObject          *new_connection,
                                          const char * const  *root_paths,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  validate_targets (self, connection_id, new_connection, NULL, "root_paths", root_paths,
                    cancellable, callback, user_data);
}

/* Returns: (transfer full): a GListModel of StewardValidationResult, one per schema */
GListModel *
steward_client_validate_schemas_finish (StewardClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_validate_schemas_async, error);
}

/* Returns: (transfer full): a GListModel of StewardValidationResult, one per root path */
GListModel *
steward_client_validate_root_paths_finish (StewardClient  *self,
                                           GAsyncResult   *result,
                                           GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_validate_schemas_async, error);
}

static gpointer
parse_bulk (JsonNode  *root,
            GError   **error)
{
  JsonObject *object = _steward_expect_object (root, error);

  return object != NULL ? steward_bulk_result_new_from_json (object) : NULL;
}

/* Non-atomic: what could be made is made, and the result lists what failed. Sent exactly once:
 * never retried, whatever happens to the connection. */
void
steward_client_bulk_create_async (StewardClient           *self,
                                  gint64                   connection_id,
                                  StewardDatastoreRequest *request,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;
  StewardRequestKind kind = connection_id > 0 ? STEWARD_REQUEST_BULK_EXISTING_CONNECTION
                                              : STEWARD_REQUEST_BULK_NEW_CONNECTION;

  if (!steward_validate_datastore_request (request, kind, &error))
    {
      _steward_client_fail (self, steward_client_bulk_create_async, error, callback, user_data);
      return;
    }

  if (connection_id > 0)
    path = g_strdup_printf ("connections/%" G_GINT64_FORMAT "/datastores/bulk", connection_id);

  body = steward_datastore_request_to_node (request);
  _steward_client_call (self, STEWARD_HTTP_POST,
                        path != NULL ? path : "connections/datastores/bulk", NULL, body,
                        STEWARD_CALL_TRIGGER_COMPAT, parse_bulk, g_object_unref,
                        steward_client_bulk_create_async, cancellable, callback, user_data);
}

StewardBulkResult *
steward_client_bulk_create_finish (StewardClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_bulk_create_async, error);
}
