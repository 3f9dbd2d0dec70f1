/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-api-error.h"
#include "steward-client-connections.h"
#include "steward-client-private.h"
#include "steward-json.h"
#include "steward-validate.h"

/* Connections hold credentials: nothing here logs a body, and the model never keeps a secret. */

#define PAGE_SIZE 100
/* A server announcing more pages is not believed past 10,000 connections. */
#define MAX_PAGES 100

/* All pages, fetched one after another: deployments have tens of connections, not thousands. */
typedef struct
{
  GListStore *store;
  guint       page;
} ListAll;

static void
list_all_free (gpointer data)
{
  ListAll *list = data;

  g_clear_object (&list->store);
  g_free (list);
}

typedef struct
{
  GListStore *items;
  guint       pages;
} ConnectionPage;

static void
connection_page_free (gpointer data)
{
  ConnectionPage *page = data;

  g_clear_object (&page->items);
  g_free (page);
}

static gpointer
parse_connection_page (JsonNode  *root,
                       GError   **error)
{
  JsonArray *items = _steward_expect_items (root, error);
  ConnectionPage *page;

  if (items == NULL)
    return NULL;

  page = g_new0 (ConnectionPage, 1);
  page->items = g_list_store_new (STEWARD_TYPE_CONNECTION);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      g_autoptr(StewardConnection) connection = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      connection = steward_connection_new_from_json (json_node_get_object (element));
      g_list_store_append (page->items, connection);
    }

  page->pages = JSON_NODE_HOLDS_OBJECT (root)
    ? MAX (1, steward_json_get_int (json_node_get_object (root), "pages", 1))
    : 1;
  return page;
}

static void fetch_connection_page (GTask *task);

static void
connection_page_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListAll *list = g_task_get_task_data (task);
  ConnectionPage *page;
  GError *error = NULL;

  page =
      _steward_client_call_finish (STEWARD_CLIENT (object), result, fetch_connection_page, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (page->items)); i++)
    {
      g_autoptr(StewardConnection) connection =
          g_list_model_get_item (G_LIST_MODEL (page->items), i);
      g_list_store_append (list->store, connection);
    }

  if (list->page >= page->pages || list->page >= MAX_PAGES)
    {
      connection_page_free (page);
      g_task_return_pointer (task, g_steal_pointer (&list->store), g_object_unref);
      return;
    }

  connection_page_free (page);
  list->page++;
  fetch_connection_page (g_steal_pointer (&task));
}

static void
fetch_connection_page (GTask *task)
{
  ListAll *list = g_task_get_task_data (task);
  g_autoptr(GString) query = g_string_new (NULL);

  steward_query_add_int (query, "page", list->page);
  steward_query_add_int (query, "size", PAGE_SIZE);
  _steward_client_call (g_task_get_source_object (task), STEWARD_HTTP_GET, "connections",
                        query->str, NULL, STEWARD_CALL_NONE, parse_connection_page,
                        connection_page_free, fetch_connection_page, g_task_get_cancellable (task),
                        connection_page_cb, task);
}

void
steward_client_list_connections_async (StewardClient       *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  ListAll *list = g_new0 (ListAll, 1);
  GTask *task;

  list->store = g_list_store_new (STEWARD_TYPE_CONNECTION);
  list->page = 1;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_list_connections_async);
  g_task_set_task_data (task, list, list_all_free);
  fetch_connection_page (task);
}

/* Returns: (transfer full): a GListModel of StewardConnection, every page */
GListModel *
steward_client_list_connections_finish (StewardClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_list_connections_async, error);
}

void
steward_client_get_connection_async (StewardClient       *self,
                                     gint64               connection_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("connections/%" G_GINT64_FORMAT, connection_id);

  _steward_client_call (self, STEWARD_HTTP_GET, path, NULL, NULL, STEWARD_CALL_NONE,
                        _steward_parse_connection, g_object_unref,
                        steward_client_get_connection_async, cancellable, callback, user_data);
}

StewardConnection *
steward_client_get_connection_finish (StewardClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_get_connection_async, error);
}

void
steward_client_create_connection_async (StewardClient       *self,
                                        JsonObject          *connection,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  if (!steward_validate_connection (connection, &error))
    {
      _steward_client_fail (self, steward_client_create_connection_async, error, callback,
                            user_data);
      return;
    }

  body = steward_json_object_node (connection);
  _steward_client_call (self, STEWARD_HTTP_POST, "connections", NULL, body, STEWARD_CALL_NONE,
                        _steward_parse_connection, g_object_unref,
                        steward_client_create_connection_async, cancellable, callback, user_data);
}

StewardConnection *
steward_client_create_connection_finish (StewardClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_create_connection_async, error);
}

/* PUT /connections/{id} always requires name and type; when the changes lack them they are
 * taken from the connection as it is now. An empty secret means "unchanged" and is not sent. */

typedef struct
{
  gint64      connection_id;
  JsonObject *changes;
} ConnectionUpdate;

static void
connection_update_free (gpointer data)
{
  ConnectionUpdate *update = data;

  g_clear_pointer (&update->changes, json_object_unref);
  g_free (update);
}

static void
connection_updated_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  StewardConnection *connection;

  connection =
      _steward_client_call_finish (STEWARD_CLIENT (object), result, connection_updated_cb, &error);
  if (connection == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, connection, g_object_unref);
}

static void
send_connection_update (GTask *task)
{
  ConnectionUpdate *update = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("connections/%" G_GINT64_FORMAT, update->connection_id);
  g_autoptr(JsonNode) body = steward_json_object_node (update->changes);

  _steward_client_call (g_task_get_source_object (task), STEWARD_HTTP_PUT, path, NULL, body,
                        STEWARD_CALL_NONE, _steward_parse_connection, g_object_unref,
                        connection_updated_cb, g_task_get_cancellable (task),
                        connection_updated_cb, task);
}

static void
current_connection_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectionUpdate *update = g_task_get_task_data (task);
  g_autoptr(StewardConnection) current = NULL;
  GError *error = NULL;

  current = steward_client_get_connection_finish (STEWARD_CLIENT (object), result, &error);
  if (current == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!json_object_has_member (update->changes, "name"))
    json_object_set_string_member (update->changes, "name", steward_connection_get_name (current));
  if (!json_object_has_member (update->changes, "type"))
    json_object_set_string_member (update->changes, "type",
                                   steward_connection_get_type_name (current));

  send_connection_update (g_steal_pointer (&task));
}

static const char * const secret_fields[] = {
  "password", "passphrase", "secret_key", "credentials_payload", NULL
};

void
steward_client_update_connection_async (StewardClient       *self,
                                        gint64               connection_id,
                                        JsonObject          *changes,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) duplicate = NULL;
  ConnectionUpdate *update;
  GTask *task;

  g_return_if_fail (changes != NULL);

  original = steward_json_object_node (changes);
  duplicate = steward_json_deep_copy (original);

  update = g_new0 (ConnectionUpdate, 1);
  update->connection_id = connection_id;
  update->changes = json_object_ref (json_node_get_object (duplicate));

  for (guint i = 0; secret_fields[i] != NULL; i++)
    {
      const char *value = steward_json_get_string (update->changes, secret_fields[i]);

      if (json_object_has_member (update->changes, secret_fields[i]) &&
          (value == NULL || *value == '\0'))
        json_object_remove_member (update->changes, secret_fields[i]);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_update_connection_async);
  g_task_set_task_data (task, update, connection_update_free);

  if (json_object_has_member (update->changes, "name") &&
      json_object_has_member (update->changes, "type"))
    send_connection_update (task);
  else
    steward_client_get_connection_async (self, connection_id, cancellable, current_connection_cb,
                                         task);
}

StewardConnection *
steward_client_update_connection_finish (StewardClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_update_connection_async, error);
}

/* The server refuses (409) while datastores still use the connection. */
void
steward_client_delete_connection_async (StewardClient       *self,
                                        gint64               connection_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("connections/%" G_GINT64_FORMAT, connection_id);

  _steward_client_call (self, STEWARD_HTTP_DELETE, path, NULL, NULL, STEWARD_CALL_NONE,
                        NULL, NULL, steward_client_delete_connection_async,
                        cancellable, callback, user_data);
}

gboolean
steward_client_delete_connection_finish (StewardClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return _steward_client_call_finish_boolean (self, result, steward_client_delete_connection_async,
                                              error);
}

/* POST /datastores/connection: 204 when the server could connect, else a 400 whose message is
 * the driver's own words, passed on verbatim as a STEWARD_API_ERROR_BAD_REQUEST. */
void
steward_client_test_connection_async (StewardClient           *self,
                                      StewardDatastoreRequest *request,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  JsonObject *connection = steward_json_get_object (steward_datastore_request_get_object (request),
                                                    "connection");
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  if (connection == NULL)
    {
      _steward_client_fail (
          self, steward_client_test_connection_async,
          steward_api_error_new_invalid_field ("connection", _("Fill in the connection first")),
          callback, user_data);
      return;
    }

  if (!steward_validate_connection (connection, &error))
    {
      _steward_client_fail (self, steward_client_test_connection_async, error, callback, user_data);
      return;
    }

  body = steward_datastore_request_to_node (request);
  _steward_client_call (self, STEWARD_HTTP_POST, "datastores/connection", NULL, body,
                        STEWARD_CALL_NONE, NULL, NULL, steward_client_test_connection_async,
                        cancellable, callback, user_data);
}

gboolean
steward_client_test_connection_finish (StewardClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return _steward_client_call_finish_boolean (self, result, steward_client_test_connection_async,
                                              error);
}

/* {"connected": bool, "message"?}; a failed verification is an HTTP 200, not an error. */
typedef struct
{
  gboolean  connected;
  char     *message;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_free (check->message);
  g_free (check);
}

static gpointer
parse_check (JsonNode  *root,
             GError   **error)
{
  Check *check = g_new0 (Check, 1);
  JsonObject *object =
      root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  /* An empty 2xx answer means the server could connect. */
  check->connected = object == NULL || steward_json_get_bool (object, "connected", TRUE);
  check->message = g_strdup (steward_json_get_string2 (object, "message", "detail"));
  return check;
}

static gboolean
finish_check (StewardClient  *self,
              GAsyncResult   *result,
              gpointer        source_tag,
              char          **message,
              GError        **error)
{
  Check *check = _steward_client_call_finish (self, result, source_tag, error);
  gboolean connected;

  if (message != NULL)
    *message = NULL;
  if (check == NULL)
    return FALSE;

  connected = check->connected;
  if (message != NULL)
    *message = g_steal_pointer (&check->message);
  check_free (check);
  return connected;
}

void
steward_client_verify_datastore_async (StewardClient       *self,
                                       gint64               datastore_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path =
      g_strdup_printf ("datastores/%" G_GINT64_FORMAT "/connection", datastore_id);

  _steward_client_call (self, STEWARD_HTTP_POST, path, NULL, NULL, STEWARD_CALL_NONE,
                        parse_check, check_free, steward_client_verify_datastore_async,
                        cancellable, callback, user_data);
}

/* Returns: whether the server reached the datastore; when it did not, @message says why. FALSE
 * with @error set when the call itself failed. */
gboolean
steward_client_verify_datastore_finish (StewardClient  *self,
                                        GAsyncResult   *result,
                                        char          **message,
                                        GError        **error)
{
  return finish_check (self, result, steward_client_verify_datastore_async, message, error);
}

void
steward_client_test_connection_by_id_async (StewardClient       *self,
                                            gint64               connection_id,
                                            JsonObject          *overrides,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("connections/%" G_GINT64_FORMAT "/test", connection_id);
  g_autoptr(JsonNode) body = overrides != NULL ? steward_json_object_node (overrides) : NULL;

  _steward_client_call (self, STEWARD_HTTP_POST, path, NULL, body, STEWARD_CALL_NONE,
                        parse_check, check_free, steward_client_test_connection_by_id_async,
                        cancellable, callback, user_data);
}

gboolean
steward_client_test_connection_by_id_finish (StewardClient  *self,
                                             GAsyncResult   *result,
                                             char          **message,
                                             GError        **error)
{
  return finish_check (self, result, steward_client_test_connection_by_id_async, message, error);
}
