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
                        _steward_parse_operation, g_object_unref,
                        steward_client_get_operation_async, cancellable, callback, user_data);
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

/* A sync, profile or scan of one datastore. Only the options that differ from the server's
 * defaults are sent, so a server that lacks one of them still runs the plain operation. */
void
steward_client_run_operation_async (StewardClient           *self,
                                    gint64                   datastore_id,
                                    const char              *type,
                                    const StewardRunOptions *options,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  gboolean profile = g_strcmp0 (type, "profile") == 0;
  gboolean scan = g_strcmp0 (type, "scan") == 0;

  g_return_if_fail (type != NULL);

  json_object_set_string_member (object, "type", type);
  json_object_set_int_member (object, "datastore_id", datastore_id);
  if (options != NULL && (profile || scan))
    {
      if (options->container_names != NULL && options->container_names[0] != NULL)
        {
          JsonArray *names = json_array_new ();

          for (guint i = 0; options->container_names[i] != NULL; i++)
            json_array_add_string_element (names, options->container_names[i]);
          json_object_set_array_member (object, "container_names", names);
        }
      if (options->max_records_per_partition > 0)
        json_object_set_int_member (object, "max_records_analyzed_per_partition",
                                    options->max_records_per_partition);
      if (profile && options->infer_as_draft)
        json_object_set_boolean_member (object, "infer_as_draft", TRUE);
      if (scan)
        {
          json_object_set_boolean_member (object, "incremental", options->incremental);
          if (options->keep_passed_anomalies)
            json_object_set_boolean_member (object, "auto_resolve_passed_anomalies", FALSE);
        }
    }
  json_node_take_object (body, object);

  _steward_client_call (self, STEWARD_HTTP_POST, "operations/run", NULL, body, STEWARD_CALL_NONE,
                        _steward_parse_operation, g_object_unref,
                        steward_client_run_operation_async, cancellable, callback, user_data);
}

StewardOperation *
steward_client_run_operation_finish (StewardClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_run_operation_async, error);
}

/* Best effort on the server: an operation that has ended comes back as it ended. */
void
steward_client_abort_operation_async (StewardClient       *self,
                                      gint64               operation_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("operations/abort/%" G_GINT64_FORMAT, operation_id);

  _steward_client_call (self, STEWARD_HTTP_PUT, path, NULL, NULL, STEWARD_CALL_NONE,
                        _steward_parse_operation, g_object_unref,
                        steward_client_abort_operation_async, cancellable, callback, user_data);
}

StewardOperation *
steward_client_abort_operation_finish (StewardClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_abort_operation_async, error);
}

/* Deployment-wide: pages of the newest operations, optionally of one type and one result, read
 * until @max_items (at most STEWARD_OPERATIONS_LIST_CAP) or a short page. */

#define LIST_PAGE_SIZE 100

typedef struct
{
  char       *type;
  char       *result;
  guint       max_items;
  guint       page;
  GListStore *store;
} RecentList;

static void
recent_list_free (gpointer data)
{
  RecentList *list = data;

  g_free (list->type);
  g_free (list->result);
  g_clear_object (&list->store);
  g_free (list);
}

static void fetch_recent_page (GTask *task);

static void
recent_page_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RecentList *list = g_task_get_task_data (task);
  g_autoptr(GListModel) page = NULL;
  GError *error = NULL;
  guint n, seen;

  page = _steward_client_call_finish (STEWARD_CLIENT (object), result,
                                      steward_client_list_recent_operations_async, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  n = g_list_model_get_n_items (page);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOperation) operation = g_list_model_get_item (page, i);

      if (g_list_model_get_n_items (G_LIST_MODEL (list->store)) >= list->max_items)
        break;
      g_list_store_append (list->store, operation);
    }

  seen = g_list_model_get_n_items (G_LIST_MODEL (list->store));
  if (n < LIST_PAGE_SIZE || seen >= list->max_items)
    {
      g_task_return_pointer (task, g_object_ref (list->store), g_object_unref);
      return;
    }

  list->page++;
  fetch_recent_page (g_steal_pointer (&task));
}

static void
fetch_recent_page (GTask *task)
{
  RecentList *list = g_task_get_task_data (task);
  g_autoptr(GString) query = g_string_new (NULL);

  if (list->type != NULL)
    steward_query_add (query, "operation_type", list->type);
  if (list->result != NULL)
    steward_query_add (query, "result", list->result);
  steward_query_add (query, "sort_created", "desc");
  steward_query_add_int (query, "page", list->page);
  steward_query_add_int (query, "size", LIST_PAGE_SIZE);

  _steward_client_call (g_task_get_source_object (task), STEWARD_HTTP_GET, "operations",
                        query->str, NULL, STEWARD_CALL_NONE, parse_operations, g_object_unref,
                        steward_client_list_recent_operations_async,
                        g_task_get_cancellable (task), recent_page_cb, task);
}

void
steward_client_list_recent_operations_async (StewardClient       *self,
                                             const char          *type,
                                             const char          *result,
                                             guint                max_items,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  RecentList *list;
  GTask *task;

  g_return_if_fail (STEWARD_IS_CLIENT (self));

  list = g_new0 (RecentList, 1);
  list->type = g_strdup (type);
  list->result = g_strdup (result);
  list->max_items = CLAMP (max_items, 1, STEWARD_OPERATIONS_LIST_CAP);
  list->page = 1;
  list->store = g_list_store_new (STEWARD_TYPE_OPERATION);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_list_recent_operations_async);
  g_task_set_task_data (task, list, recent_list_free);
  fetch_recent_page (task);
}

/* Returns: (transfer full): a GListModel of StewardOperation, newest first */
GListModel *
steward_client_list_recent_operations_finish (StewardClient  *self,
                                              GAsyncResult   *result,
                                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
