/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "steward-api-error.h"
#include "steward-client-datastores.h"
#include "steward-client-private.h"
#include "steward-json.h"
#include "steward-validate.h"

static gpointer
parse_page (GBytes  *body,
            GError **error)
{
  return steward_datastore_page_new_from_bytes (body, error);
}

void
steward_client_list_datastores_async (StewardClient         *self,
                                      StewardDatastoreQuery *query,
                                      guint                  page,
                                      guint                  size,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(StewardDatastoreQuery) empty = NULL;
  g_autofree char *query_string = NULL;

  if (query == NULL)
    query = empty = steward_datastore_query_new ();

  query_string = steward_datastore_query_to_string (query, page, size);
  _steward_client_call_raw (self, "datastores", query_string, parse_page, g_object_unref,
                            steward_client_list_datastores_async, cancellable, callback, user_data);
}

StewardDatastorePage *
steward_client_list_datastores_finish (StewardClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_list_datastores_async, error);
}

void
steward_client_get_datastore_async (StewardClient       *self,
                                    gint64               datastore_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("datastores/%" G_GINT64_FORMAT, datastore_id);

  _steward_client_call (self, STEWARD_HTTP_GET, path, NULL, NULL, STEWARD_CALL_NONE,
                        _steward_parse_datastore, g_object_unref,
                        steward_client_get_datastore_async, cancellable, callback, user_data);
}

StewardDatastore *
steward_client_get_datastore_finish (StewardClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_get_datastore_async, error);
}

/* Servers answer 200 or 201; both are fine. */
void
steward_client_create_datastore_async (StewardClient           *self,
                                       StewardDatastoreRequest *request,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  if (!steward_validate_datastore_request (request, STEWARD_REQUEST_CREATE, &error))
    {
      _steward_client_fail (self, steward_client_create_datastore_async, error, callback,
                            user_data);
      return;
    }

  body = steward_datastore_request_to_node (request);
  _steward_client_call (self, STEWARD_HTTP_POST, "datastores", NULL, body,
                        STEWARD_CALL_TRIGGER_COMPAT, _steward_parse_datastore, g_object_unref,
                        steward_client_create_datastore_async, cancellable, callback, user_data);
}

StewardDatastore *
steward_client_create_datastore_finish (StewardClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_create_datastore_async, error);
}

/* Updating sends only the fields in @changes, as the reference documents. A server that insists
 * on the whole object answers 422 naming missing fields: then the datastore is fetched fresh,
 * the changes are laid over it, and the whole object is sent, once. */

typedef struct
{
  gint64                   datastore_id;
  StewardDatastoreRequest *changes;
  gboolean                 sent_full;
} Update;

static void
update_free (gpointer data)
{
  Update *update = data;

  g_clear_pointer (&update->changes, steward_datastore_request_unref);
  g_free (update);
}

static void put_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static void
send_put (GTask    *task,
          JsonNode *body)
{
  StewardClient *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  g_autofree char *path = g_strdup_printf ("datastores/%" G_GINT64_FORMAT, update->datastore_id);

  _steward_client_call (self, STEWARD_HTTP_PUT, path, NULL, body, STEWARD_CALL_NONE,
                        _steward_parse_datastore, g_object_unref, send_put,
                        g_task_get_cancellable (task), put_cb, task);
}

static void
set_string_member (JsonObject *object,
                   const char *member,
                   const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

/* The writable fields of @datastore, in request form (tags as names, connection by id). */
static JsonNode *
full_body (StewardDatastore        *datastore,
           StewardDatastoreRequest *changes)
{
  g_autoptr(JsonNode) node = steward_datastore_request_to_node (changes);
  JsonObject *body = json_node_get_object (node);
  JsonObject *full = json_object_new ();
  JsonNode *result = json_node_new (JSON_NODE_OBJECT);
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  set_string_member (full, "name", steward_datastore_get_name (datastore));
  if (steward_datastore_get_description (datastore) != NULL)
    json_object_set_string_member (full, "description",
                                   steward_datastore_get_description (datastore));
  else
    json_object_set_null_member (full, "description");
  if (steward_datastore_get_connection_id (datastore) > 0)
    json_object_set_int_member (full, "connection_id",
                                steward_datastore_get_connection_id (datastore));
  if (steward_datastore_is_dfs (datastore))
    {
      set_string_member (full, "root_path", steward_datastore_get_root_path (datastore));
      json_object_set_boolean_member (full, "folder_globbing_enabled",
                                      steward_datastore_get_folder_globbing_enabled (datastore));
    }
  else
    {
      set_string_member (full, "database", steward_datastore_get_database (datastore));
      set_string_member (full, "schema", steward_datastore_get_schema (datastore));
    }
  json_object_set_member (full, "tags",
                          steward_json_strv_node (steward_datastore_get_tags (datastore)));
  json_object_set_member (full, "teams",
                          steward_json_strv_node (steward_datastore_get_teams (datastore)));
  json_object_set_boolean_member (full, "enrichment_only",
                                  steward_datastore_get_enrichment_only (datastore));
  set_string_member (full, "enrichment_prefix",
                     steward_datastore_get_enrichment_prefix (datastore));
  if (steward_datastore_has_field (datastore, "enrichment-source-record-limit"))
    json_object_set_int_member (full, "enrichment_source_record_limit",
                                steward_datastore_get_enrichment_source_record_limit (datastore));
  set_string_member (full, "enrichment_remediation_strategy",
                     steward_datastore_get_enrichment_remediation_strategy (datastore));
  if (steward_datastore_has_field (datastore, "high-count-rollup-threshold"))
    json_object_set_int_member (full, "high_count_rollup_threshold",
                                steward_datastore_get_high_count_rollup_threshold (datastore));

  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &member, &value))
    json_object_set_member (full, member, steward_json_deep_copy (value));

  json_node_take_object (result, full);
  return result;
}

static void
get_for_full_update_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Update *update = g_task_get_task_data (task);
  g_autoptr(StewardDatastore) current = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  current = steward_client_get_datastore_finish (STEWARD_CLIENT (object), result, &error);
  if (current == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  update->sent_full = TRUE;
  body = full_body (current, update->changes);
  send_put (g_steal_pointer (&task), body);
}

static void
put_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  StewardClient *self = STEWARD_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  Update *update = g_task_get_task_data (task);
  g_autoptr(StewardDatastore) datastore = NULL;
  GError *error = NULL;

  datastore = _steward_client_call_finish (self, result, send_put, &error);
  if (datastore != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&datastore), g_object_unref);
      return;
    }

  if (!update->sent_full && steward_api_error_has_missing_field (error))
    {
      /* Read before the task is handed on: argument order is not defined. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_debug ("Datastore %" G_GINT64_FORMAT ": the server wants the whole object",
               update->datastore_id);
      g_error_free (error);
      steward_client_get_datastore_async (self, update->datastore_id, cancellable,
                                          get_for_full_update_cb, g_steal_pointer (&task));
      return;
    }

  g_task_return_error (task, error);
}

void
steward_client_update_datastore_async (StewardClient           *self,
                                       gint64                   datastore_id,
                                       StewardDatastoreRequest *changes,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;
  Update *update;
  GTask *task;

  g_return_if_fail (STEWARD_IS_CLIENT (self));
  g_return_if_fail (changes != NULL);

  if (!steward_validate_datastore_request (changes, STEWARD_REQUEST_UPDATE, &error))
    {
      _steward_client_fail (self, steward_client_update_datastore_async, error, callback,
                            user_data);
      return;
    }

  update = g_new0 (Update, 1);
  update->datastore_id = datastore_id;
  update->changes = steward_datastore_request_copy (changes);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_update_datastore_async);
  g_task_set_task_data (task, update, update_free);

  body = steward_datastore_request_to_node (changes);
  send_put (task, body);
}

StewardDatastore *
steward_client_update_datastore_finish (StewardClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_update_datastore_async, error);
}

/* Deletes the datastore with its containers, checks, anomalies and enrichment data. */
void
steward_client_delete_datastore_async (StewardClient       *self,
                                       gint64               datastore_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("datastores/%" G_GINT64_FORMAT, datastore_id);

  _steward_client_call (self, STEWARD_HTTP_DELETE, path, NULL, NULL, STEWARD_CALL_NONE,
                        NULL, NULL, steward_client_delete_datastore_async,
                        cancellable, callback, user_data);
}

gboolean
steward_client_delete_datastore_finish (StewardClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return _steward_client_call_finish_boolean (self, result, steward_client_delete_datastore_async,
                                              error);
}

void
steward_client_set_favorite_async (StewardClient       *self,
                                   gint64               datastore_id,
                                   gboolean             favorite,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path =
      g_strdup_printf ("datastores/%" G_GINT64_FORMAT "/favorite", datastore_id);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "favorite", favorite);
  json_node_take_object (body, object);

  _steward_client_call (self, STEWARD_HTTP_PATCH, path, NULL, body, STEWARD_CALL_NONE,
                        _steward_parse_datastore, g_object_unref, steward_client_set_favorite_async,
                        cancellable, callback, user_data);
}

StewardDatastore *
steward_client_set_favorite_finish (StewardClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_set_favorite_async, error);
}
