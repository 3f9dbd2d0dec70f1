/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-deployment"

#include "steward-deployment.h"

/* The deployment's connections: loaded when first asked for (a browser that never shows them
 * never lists them), one object per connection shared by every view, changed in place when the
 * server answers about one. Which datastores use a connection is derived from the loaded
 * datastores, so the counts follow every change to them without a request.
 *
 * The state hangs off the deployment as object data, so that this file owns it whole: the
 * datastore model in steward-deployment.c is untouched by it. */

typedef struct
{
  GListStore *connections;   /* StewardConnection, in the server's order */
  GHashTable *by_id;         /* gint64* → StewardConnection (borrowed from connections) */
  gboolean    loaded;
} Connections;

static void
connections_free (gpointer data)
{
  Connections *state = data;

  g_clear_object (&state->connections);
  g_clear_pointer (&state->by_id, g_hash_table_unref);
  g_free (state);
}

static Connections *
get_state (StewardDeployment *self)
{
  static GQuark quark;
  Connections *state;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("steward-deployment-connections");

  state = g_object_get_qdata (G_OBJECT (self), quark);
  if (state == NULL)
    {
      state = g_new0 (Connections, 1);
      state->connections = g_list_store_new (STEWARD_TYPE_CONNECTION);
      state->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_object_set_qdata_full (G_OBJECT (self), quark, state, connections_free);
    }

  return state;
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* Views filter and sort on what a connection shows: telling them the item changed makes them
 * place it again, without replacing the object they hold. */
static void
announce_changed (Connections       *state,
                  StewardConnection *connection)
{
  guint position;

  if (g_list_store_find (state->connections, connection, &position))
    g_list_model_items_changed (G_LIST_MODEL (state->connections), position, 1, 1);
}

/* Takes the server's list: known connections take the fresh values in place, new ones are
 * appended, and those it no longer lists are removed. */
static void
merge_connections (StewardDeployment *self,
                   GListModel        *answer)
{
  Connections *state = get_state (self);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (answer);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardConnection) connection = g_list_model_get_item (answer, i);
      gint64 id = steward_connection_get_id (connection);
      StewardConnection *known;

      /* Without an id nothing could be done with it; a repeated id is listed once. */
      if (id <= 0 || g_hash_table_contains (listed, &id))
        continue;
      g_hash_table_add (listed, id_key (id));

      known = g_hash_table_lookup (state->by_id, &id);
      if (known != NULL)
        {
          if (steward_connection_update_from (known, connection))
            announce_changed (state, known);
          continue;
        }

      g_hash_table_insert (state->by_id, id_key (id), connection);
      g_ptr_array_add (fresh, g_steal_pointer (&connection));
    }

  /* From the end, so positions stay valid. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (state->connections)); i > 0; i--)
    {
      g_autoptr(StewardConnection) connection =
          g_list_model_get_item (G_LIST_MODEL (state->connections), i - 1);
      gint64 id = steward_connection_get_id (connection);

      if (g_hash_table_contains (listed, &id))
        continue;
      g_hash_table_remove (state->by_id, &id);
      g_list_store_remove (state->connections, i - 1);
    }

  if (fresh->len > 0)
    g_list_store_splice (state->connections,
                         g_list_model_get_n_items (G_LIST_MODEL (state->connections)), 0,
                         fresh->pdata, fresh->len);
}

/* Returns: (transfer none): the connections (StewardConnection) listed so far; empty until the
 * first steward_deployment_refresh_connections_async() answers */
GListModel *
steward_deployment_get_connections (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  return G_LIST_MODEL (get_state (self)->connections);
}

/* Whether the connections were listed at least once. */
gboolean
steward_deployment_get_connections_loaded (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), FALSE);

  return get_state (self)->loaded;
}

/* Returns: (transfer none) (nullable) */
StewardConnection *
steward_deployment_find_connection (StewardDeployment *self,
                                    gint64             connection_id)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  return g_hash_table_lookup (get_state (self)->by_id, &connection_id);
}

static void
connections_listed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardDeployment *self = g_task_get_source_object (task);
  g_autoptr(GListModel) answer = NULL;
  GError *error = NULL;

  answer = steward_client_list_connections_finish (STEWARD_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  merge_connections (self, answer);
  get_state (self)->loaded = TRUE;
  g_task_return_boolean (task, TRUE);
}

/* Lists every connection again with this deployment's client and merges the answer into the
 * objects already shown. A failure leaves what was shown as it was. */
void
steward_deployment_refresh_connections_async (StewardDeployment   *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_deployment_refresh_connections_async);
  steward_client_list_connections_async (steward_deployment_get_client (self), cancellable,
                                         connections_listed_cb, task);
}

gboolean
steward_deployment_refresh_connections_finish (StewardDeployment  *self,
                                               GAsyncResult       *result,
                                               GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Takes the server's answer about one connection (after an update, a create, a get): the shared
 * object takes its values, or the answer becomes the shared object when the connection is new.
 *
 * Returns: (transfer none) (nullable): the shared object; NULL for an answer without an id */
StewardConnection *
steward_deployment_apply_connection (StewardDeployment *self,
                                     StewardConnection *answer)
{
  Connections *state;
  StewardConnection *known;
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (STEWARD_IS_CONNECTION (answer), NULL);

  state = get_state (self);
  id = steward_connection_get_id (answer);
  if (id <= 0)
    return NULL;

  known = g_hash_table_lookup (state->by_id, &id);
  if (known != NULL)
    {
      if (steward_connection_update_from (known, answer))
        announce_changed (state, known);
      return known;
    }

  g_hash_table_insert (state->by_id, id_key (id), answer);
  g_list_store_append (state->connections, answer);
  return answer;
}

/* The connection is gone (deleted here or elsewhere). */
void
steward_deployment_remove_connection (StewardDeployment *self,
                                      gint64             connection_id)
{
  Connections *state;
  StewardConnection *known;
  guint position;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  state = get_state (self);
  known = g_hash_table_lookup (state->by_id, &connection_id);
  if (known == NULL)
    return;

  if (g_list_store_find (state->connections, known, &position))
    {
      g_hash_table_remove (state->by_id, &connection_id);
      g_list_store_remove (state->connections, position);
    }
}

/* Returns: (transfer full): how many loaded datastores use each connection, as a table from
 * gint64* connection ids to counts (GUINT_TO_POINTER); connections no datastore uses are not in
 * it. One pass over the datastores, for views that show many counts at once. */
GHashTable *
steward_deployment_count_connection_datastores (StewardDeployment *self)
{
  GHashTable *counts;
  GListModel *datastores;
  guint n;

  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  datastores = steward_deployment_get_datastores (self);
  n = g_list_model_get_n_items (datastores);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);
      gint64 id = steward_datastore_get_connection_id (datastore);
      guint count;

      if (id <= 0)
        continue;

      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));
      g_hash_table_insert (counts, id_key (id), GUINT_TO_POINTER (count + 1));
    }

  return counts;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  /* The array's elements are pointers: the sort passes their addresses. */
  StewardDatastore *first = *(StewardDatastore **) a;
  StewardDatastore *second = *(StewardDatastore **) b;
  int order = g_strcmp0 (steward_datastore_get_name_folded (first),
                         steward_datastore_get_name_folded (second));

  if (order != 0)
    return order;

  return steward_datastore_get_id (first) < steward_datastore_get_id (second) ? -1 : 1;
}

/* Returns: (transfer full): the loaded datastores (StewardDatastore, the shared objects) that use
 * the connection, in name order */
GListModel *
steward_deployment_list_connection_datastores (StewardDeployment *self,
                                               gint64             connection_id)
{
  GListStore *users;
  GListModel *datastores;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  users = g_list_store_new (STEWARD_TYPE_DATASTORE);
  datastores = steward_deployment_get_datastores (self);
  n = g_list_model_get_n_items (datastores);
  for (guint i = 0; connection_id > 0 && i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);

      if (steward_datastore_get_connection_id (datastore) == connection_id)
        g_ptr_array_add (found, g_steal_pointer (&datastore));
    }

  g_ptr_array_sort_with_data (found, compare_names, NULL);
  g_list_store_splice (users, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (users);
}
