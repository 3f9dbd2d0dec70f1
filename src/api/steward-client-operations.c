/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "steward-client-operations.h"
#include "steward-client-private.h"
#include "steward-timeout.h"

/* One datastore per call: servers take a single datastore_id. */
void
steward_client_run_sync_async (StewardClient       *self,
                               gint64               datastore_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "type", "sync");
  json_object_set_int_member (object, "datastore_id", datastore_id);
  json_node_take_object (body, object);

  _steward_client_call (self, STEWARD_HTTP_POST, "operations/run", NULL, body, STEWARD_CALL_NONE,
                        _steward_parse_operation, g_object_unref, steward_client_run_sync_async,
                        cancellable, callback, user_data);
}

StewardOperation *
steward_client_run_sync_finish (StewardClient  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_run_sync_async, error);
}

void
steward_client_get_operation_async (StewardClient       *self,
                                    gint64               operation_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("operations/%" G_GINT64_FORMAT, operation_id);

  _steward_client_call (self, STEWARD_HTTP_GET, path, NULL, NULL, STEWARD_CALL_NONE,
                        _steward_parse_operation, g_object_unref, steward_client_get_operation_async,
                        cancellable, callback, user_data);
}

StewardOperation *
steward_client_get_operation_finish (StewardClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_get_operation_async, error);
}

static gpointer
parse_operations (JsonNode  *root,
                  GError   **error)
{
  JsonArray *items = _steward_expect_items (root, error);
  GListStore *store;

  if (items == NULL)
    return NULL;

  store = g_list_store_new (STEWARD_TYPE_OPERATION);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      g_autoptr(StewardOperation) operation = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      operation = steward_operation_new_from_json (json_node_get_object (element));
      g_list_store_append (store, operation);
    }

  return store;
}

/* The most recent operations of a datastore, newest first. */
void
steward_client_list_operations_async (StewardClient       *self,
                                      gint64               datastore_id,
                                      guint                size,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GString) query = g_string_new (NULL);

  steward_query_add_int (query, "datastore", datastore_id);
  steward_query_add (query, "sort_created", "desc");
  steward_query_add_int (query, "page", 1);
  steward_query_add_int (query, "size", CLAMP (size, 1, 100));

  _steward_client_call (self, STEWARD_HTTP_GET, "operations", query->str, NULL, STEWARD_CALL_NONE,
                        parse_operations, g_object_unref, steward_client_list_operations_async,
                        cancellable, callback, user_data);
}

/* Returns: (transfer full): a GListModel of StewardOperation */
GListModel *
steward_client_list_operations_finish (StewardClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_list_operations_async, error);
}

/* Polls an operation until it finishes, updating @operation in place: its property
 * notifications are the progress reports. A poll that fails on the network is simply tried again
 * at the next tick (GETs already retry transient failures); other errors end the follow. */

typedef struct
{
  StewardOperation *operation;
  guint             interval_ms;
} Follow;

static void
follow_free (gpointer data)
{
  Follow *follow = data;

  g_clear_object (&follow->operation);
  g_free (follow);
}

static void schedule_poll (GTask *task);

static void
poll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Follow *follow = g_task_get_task_data (task);
  g_autoptr(StewardOperation) fresh = NULL;
  GError *error = NULL;

  fresh = steward_client_get_operation_finish (STEWARD_CLIENT (object), result, &error);
  if (fresh == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  steward_operation_update_from (follow->operation, fresh);
  if (steward_operation_is_finished (follow->operation))
    {
      g_task_return_pointer (task, g_object_ref (follow->operation), g_object_unref);
      return;
    }

  schedule_poll (g_steal_pointer (&task));
}

static void
poll_wait_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Follow *follow = g_task_get_task_data (task);
  StewardClient *client = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!steward_timeout_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  steward_client_get_operation_async (client, steward_operation_get_id (follow->operation),
                                      cancellable, poll_cb, g_steal_pointer (&task));
}

/* The task's reference moves to the wait, which ends early when the caller cancels. */
static void
schedule_poll (GTask *task)
{
  Follow *follow = g_task_get_task_data (task);

  steward_timeout_async (follow->interval_ms, g_task_get_cancellable (task), poll_wait_cb, task);
}

void
steward_client_follow_operation_async (StewardClient       *self,
                                       StewardOperation    *operation,
                                       guint                interval_ms,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Follow *follow;
  GTask *task;

  g_return_if_fail (STEWARD_IS_CLIENT (self));
  g_return_if_fail (STEWARD_IS_OPERATION (operation));

  follow = g_new0 (Follow, 1);
  follow->operation = g_object_ref (operation);
  follow->interval_ms = MAX (interval_ms, 50);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_follow_operation_async);
  g_task_set_task_data (task, follow, follow_free);

  if (steward_operation_is_finished (operation))
    {
      g_task_return_pointer (task, g_object_ref (operation), g_object_unref);
      g_object_unref (task);
      return;
    }

  schedule_poll (task);
}

/* Returns: (transfer full): the followed operation, finished */
StewardOperation *
steward_client_follow_operation_finish (StewardClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_follow_operation_async, error);
}
