/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-deployment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-backoff.h"
#include "steward-deployment-private.h"

/* One signed-in deployment's live state: every datastore (one object per datastore, shared by
 * every view), the groups, and what a browser derives from them (the sidebar's counts). Views
 * filter and sort the loaded set themselves; a server query is sent only to refresh it.
 *
 * A refresh lists the groups and every page of two listings (the API hides enrichment-only
 * datastores unless asked for them) concurrently, merges each page in order into the objects
 * already shown, and once everything arrived removes what the server no longer lists. A warm
 * start shows the last listing from the cache file first. Mutations live in
 * steward-deployment-actions.c, the cache file in steward-deployment-cache.c. */

#define RETRY_FIRST_MS 5000
#define RETRY_MAX_MS   60000

G_DEFINE_FINAL_TYPE (StewardDeployment, steward_deployment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_USER,
  PROP_LOADING,
  PROP_LOADED,
  PROP_LISTED_AT,
  PROP_FROM_CACHE,
  PROP_LOAD_ERROR,
  PROP_UNREACHABLE,
  N_PROPS
};

enum {
  CHANGED,
  COUNTS_CHANGED,
  DATASTORES_GONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
steward_batch_report_free (StewardBatchReport *report)
{
  if (report == NULL)
    return;
  g_clear_error (&report->first_error);
  g_free (report);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* Notifications */

static gboolean
changed_idle_cb (gpointer user_data)
{
  StewardDeployment *self = user_data;
  gboolean edited = self->edited;

  self->changed_idle = 0;
  self->edited = FALSE;
  if (edited)
    g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* The set changed: counts are out of date, and the cache gets written a moment later. */
void
_steward_deployment_set_dirty (StewardDeployment *self)
{
  self->counts_dirty = TRUE;
  if (self->changed_idle == 0)
    self->changed_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, changed_idle_cb, self, NULL);

  _steward_deployment_schedule_save (self);
}

/* Objects changed in place (a favorite, a group, a rename): views re-filter and re-sort. */
void
_steward_deployment_changed (StewardDeployment *self)
{
  self->edited = TRUE;
  _steward_deployment_set_dirty (self);
}

static void
set_load_error (StewardDeployment *self,
                const GError      *error)
{
  const char *message = error != NULL ? error->message : NULL;
  gboolean unreachable = g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->load_error, message) != 0)
    {
      g_free (self->load_error);
      self->load_error = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
    }
  if (self->unreachable != unreachable)
    {
      self->unreachable = unreachable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREACHABLE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_steward_deployment_set_listed (StewardDeployment *self,
                                gint64             listed_at,
                                gboolean           from_cache)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  if (self->listed_at != listed_at)
    {
      self->listed_at = listed_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTED_AT]);
    }
  if (self->from_cache != from_cache)
    {
      self->from_cache = from_cache;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_CACHE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Groups */

static int
compare_group_names (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  g_autofree char *first =
      g_utf8_casefold (steward_datastore_group_get_name ((StewardDatastoreGroup *) a) ?: "", -1);
  g_autofree char *second =
      g_utf8_casefold (steward_datastore_group_get_name ((StewardDatastoreGroup *) b) ?: "", -1);

  return g_utf8_collate (first, second);
}

/* Each answer carries its own copy of its datastore's group; showing the shared one instead
 * means a renamed or re-iconed group shows the same everywhere at once. */
void
_steward_deployment_share_group (StewardDeployment *self,
                                 StewardDatastore  *datastore)
{
  StewardDatastoreGroup *group = steward_datastore_get_group (datastore);
  StewardDatastoreGroup *shared;

  if (group == NULL)
    return;

  shared =
      g_hash_table_lookup (self->groups_by_id, &(gint64){ steward_datastore_group_get_id (group) });
  if (shared != NULL && shared != group)
    steward_datastore_set_group (datastore, shared);
}

static void
share_groups_everywhere (StewardDeployment *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->datastores));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore =
          g_list_model_get_item (G_LIST_MODEL (self->datastores), i);

      _steward_deployment_share_group (self, datastore);
    }
}

/* Adds a group the deployment did not have; a second group with the same id (a server that
 * answers with duplicates) or one without an id is ignored. */
void
steward_deployment_add_group (StewardDeployment     *self,
                              StewardDatastoreGroup *group)
{
  gint64 id;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));
  g_return_if_fail (STEWARD_IS_DATASTORE_GROUP (group));

  id = steward_datastore_group_get_id (group);
  if (id <= 0 || g_hash_table_contains (self->groups_by_id, &id))
    return;

  g_hash_table_insert (self->groups_by_id, id_key (id), group);
  g_list_store_insert_sorted (self->groups, group, compare_group_names, NULL);
  _steward_deployment_set_dirty (self);
}

/* A group was renamed or re-iconed: keep the list in name order. */
void
steward_deployment_group_changed (StewardDeployment     *self,
                                  StewardDatastoreGroup *group)
{
  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  g_list_store_sort (self->groups, compare_group_names, NULL);
  _steward_deployment_changed (self);
}

/* Its datastores stay, ungrouped: the server does the same. */
void
steward_deployment_remove_group (StewardDeployment *self,
                                 gint64             group_id)
{
  g_autoptr(StewardDatastoreGroup) group = NULL;
  guint position;
  guint n;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  group = g_hash_table_lookup (self->groups_by_id, &group_id);
  if (group == NULL)
    return;
  g_object_ref (group);

  g_hash_table_remove (self->groups_by_id, &group_id);
  if (g_list_store_find (self->groups, group, &position))
    g_list_store_remove (self->groups, position);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->datastores));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore =
          g_list_model_get_item (G_LIST_MODEL (self->datastores), i);

      if (steward_datastore_get_group_id (datastore) == group_id)
        steward_datastore_set_group (datastore, NULL);
    }

  _steward_deployment_changed (self);
}

/* Takes the server's list of groups: updates those known in place, adds new ones, and drops
 * those it no longer lists. */
static void
merge_groups (StewardDeployment *self,
              GListModel        *answer)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (answer);
  gboolean renamed = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (answer, i);
      gint64 id = steward_datastore_group_get_id (group);
      StewardDatastoreGroup *known;

      if (id <= 0 || g_hash_table_contains (listed, &id))
        continue;
      g_hash_table_add (listed, id_key (id));

      known = g_hash_table_lookup (self->groups_by_id, &id);
      if (known == NULL)
        steward_deployment_add_group (self, group);
      else if (g_strcmp0 (steward_datastore_group_get_name (known),
                          steward_datastore_group_get_name (group)) != 0 ||
               g_strcmp0 (steward_datastore_group_get_icon (known),
                          steward_datastore_group_get_icon (group)) != 0)
        {
          steward_datastore_group_update_from (known, group);
          renamed = TRUE;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->groups)); i++)
    {
      g_autoptr(StewardDatastoreGroup) group =
          g_list_model_get_item (G_LIST_MODEL (self->groups), i);
      gint64 id = steward_datastore_group_get_id (group);

      if (!g_hash_table_contains (listed, &id))
        g_array_append_val (gone, id);
    }
  for (guint i = 0; i < gone->len; i++)
    steward_deployment_remove_group (self, g_array_index (gone, gint64, i));

  if (renamed)
    steward_deployment_group_changed (self, NULL);
  share_groups_everywhere (self);
}

/* Datastores */

void
_steward_deployment_insert_datastore (StewardDeployment *self,
                                      StewardDatastore  *datastore)
{
  g_hash_table_insert (self->by_id, id_key (steward_datastore_get_id (datastore)), datastore);
  if (self->seen != NULL)
    g_hash_table_add (self->seen, id_key (steward_datastore_get_id (datastore)));
}

/* Merges one page of a listing, in order: known datastores take the fresh values in place, new
 * ones are appended in one splice. */
static void
merge_page (StewardDeployment *self,
            GListModel        *items)
{
  guint n = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_full (n, g_object_unref);
  gboolean edited = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (items, i);
      gint64 id = steward_datastore_get_id (datastore);
      StewardDatastore *known;

      if (id <= 0 || g_hash_table_contains (self->forgotten, &id))
        continue;

      if (self->seen != NULL && !g_hash_table_contains (self->seen, &id))
        g_hash_table_add (self->seen, id_key (id));

      known = g_hash_table_lookup (self->by_id, &id);
      if (known != NULL)
        {
          edited |= steward_datastore_update_from (known, datastore);
          _steward_deployment_share_group (self, known);
          continue;
        }

      _steward_deployment_share_group (self, datastore);
      g_hash_table_insert (self->by_id, id_key (id), datastore);
      g_ptr_array_add (fresh, g_steal_pointer (&datastore));
    }

  if (fresh->len > 0)
    g_list_store_splice (self->datastores,
                         g_list_model_get_n_items (G_LIST_MODEL (self->datastores)), 0,
                         fresh->pdata, fresh->len);

  if (edited)
    _steward_deployment_changed (self);
  else if (fresh->len > 0)
    _steward_deployment_set_dirty (self);
}

/* Removes datastores from the set and marks them deleted, so every view showing one says so. */
static void
drop_datastores (StewardDeployment *self,
                 GHashTable        *keep,
                 GListStore        *dropped)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->datastores));

  /* From the end, so positions stay valid; runs of neighbours go in one splice. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(StewardDatastore) datastore =
          g_list_model_get_item (G_LIST_MODEL (self->datastores), i - 1);
      gint64 id = steward_datastore_get_id (datastore);
      guint run = 1;

      if (g_hash_table_contains (keep, &id))
        continue;

      while (i - run > 0)
        {
          g_autoptr(StewardDatastore) before =
              g_list_model_get_item (G_LIST_MODEL (self->datastores), i - run - 1);
          gint64 before_id = steward_datastore_get_id (before);

          if (g_hash_table_contains (keep, &before_id))
            break;
          run++;
        }

      for (guint j = i - run; j < i; j++)
        {
          g_autoptr(StewardDatastore) gone =
              g_list_model_get_item (G_LIST_MODEL (self->datastores), j);
          gint64 gone_id = steward_datastore_get_id (gone);

          g_hash_table_remove (self->by_id, &gone_id);
          steward_datastore_set_deleted (gone, TRUE);
          if (dropped != NULL)
            g_list_store_append (dropped, gone);
        }
      g_list_store_splice (self->datastores, i - run, run, NULL, 0);
      i -= run - 1;
    }
}

/* Takes an answer about one datastore (a save, a fetch for the details) into the shared object,
 * or adds it when it is new. Returns: (transfer none): the shared object */
StewardDatastore *
steward_deployment_apply_datastore (StewardDeployment *self,
                                    StewardDatastore  *answer)
{
  StewardDatastore *known;
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (answer), NULL);

  id = steward_datastore_get_id (answer);
  known = g_hash_table_lookup (self->by_id, &id);
  if (known == NULL)
    {
      steward_deployment_add_datastore (self, answer);
      return g_hash_table_lookup (self->by_id, &id);
    }

  _steward_deployment_mark_changed (self, id);
  steward_datastore_update_from (known, answer);
  _steward_deployment_share_group (self, known);
  _steward_deployment_changed (self);
  return known;
}

/* Records that the datastore DATASTORE_ID was changed here now: a read of it that left before
 * must not undo the change when it comes back. */
void
_steward_deployment_mark_changed (StewardDeployment *self,
                                  gint64             datastore_id)
{
  self->generation++;
  g_hash_table_insert (self->changed_at, id_key (datastore_id),
                       g_memdup2 (&self->generation, sizeof self->generation));
}

/* Returns: a stamp to give steward_deployment_apply_fetched() with the answer of a read of a
 * datastore started now. */
guint64
steward_deployment_begin_fetch (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), 0);

  return self->generation;
}

/* Like steward_deployment_apply_datastore(), for the answer of a read started at STAMP: when the
 * datastore was changed here since (a favorite, a group, an answer to a change), the answer is
 * older than what is shown and is dropped. Answers can overtake each other (each is parsed on a
 * worker thread), so the order they arrive in says nothing.
 *
 * Returns: (transfer none): the shared object */
StewardDatastore *
steward_deployment_apply_fetched (StewardDeployment *self,
                                  StewardDatastore  *answer,
                                  guint64            stamp)
{
  gint64 id;
  const guint64 *changed;

  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (answer), NULL);

  id = steward_datastore_get_id (answer);
  changed = g_hash_table_lookup (self->changed_at, &id);
  if (changed != NULL && *changed > stamp && g_hash_table_contains (self->by_id, &id))
    {
      g_debug ("Datastore %" G_GINT64_FORMAT " changed since it was read: the answer is dropped",
               id);
      return g_hash_table_lookup (self->by_id, &id);
    }

  return steward_deployment_apply_datastore (self, answer);
}

/* A datastore created here. */
void
steward_deployment_add_datastore (StewardDeployment *self,
                                  StewardDatastore  *datastore)
{
  gint64 id;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));
  g_return_if_fail (STEWARD_IS_DATASTORE (datastore));

  id = steward_datastore_get_id (datastore);
  if (id <= 0 || g_hash_table_contains (self->by_id, &id))
    return;

  g_hash_table_remove (self->forgotten, &id);
  _steward_deployment_share_group (self, datastore);
  _steward_deployment_insert_datastore (self, datastore);
  g_list_store_append (self->datastores, datastore);
  _steward_deployment_set_dirty (self);
}

/* A datastore deleted here, or found gone: out of the set, and marked deleted. */
void
steward_deployment_forget_datastore (StewardDeployment *self,
                                     gint64             datastore_id)
{
  StewardDatastore *datastore;
  guint position;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  g_hash_table_add (self->forgotten, id_key (datastore_id));
  datastore = g_hash_table_lookup (self->by_id, &datastore_id);
  if (datastore == NULL)
    return;

  g_object_ref (datastore);
  g_hash_table_remove (self->by_id, &datastore_id);
  if (g_list_store_find (self->datastores, datastore, &position))
    g_list_store_remove (self->datastores, position);
  steward_datastore_set_deleted (datastore, TRUE);
  g_object_unref (datastore);
  _steward_deployment_set_dirty (self);
}

/* An answer of 404 about a datastore means another client deleted it: forget it and tell the
 * views, as a refresh that no longer lists it would. Returns whether that was the case. */
gboolean
steward_deployment_handle_not_found (StewardDeployment *self,
                                     gint64             datastore_id,
                                     const GError      *error)
{
  g_autoptr(GListStore) gone = NULL;
  StewardDatastore *datastore;

  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), FALSE);

  if (!g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND))
    return FALSE;

  datastore = g_hash_table_lookup (self->by_id, &datastore_id);
  if (datastore == NULL)
    return TRUE;

  gone = g_list_store_new (STEWARD_TYPE_DATASTORE);
  g_list_store_append (gone, datastore);
  steward_deployment_forget_datastore (self, datastore_id);
  g_signal_emit (self, signals[DATASTORES_GONE], 0, gone);
  return TRUE;
}

/* Counts */

static void
ensure_counts (StewardDeployment *self)
{
  guint n;

  if (!self->counts_dirty)
    return;

  self->count_all = self->count_favorites = self->count_enrichment = self->count_ungrouped = 0;
  g_hash_table_remove_all (self->group_counts);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->datastores));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore =
          g_list_model_get_item (G_LIST_MODEL (self->datastores), i);
      gint64 group_id;

      /* The scopes mean what the API's filters mean: enrichment-only datastores are listed only
       * under enrichment_only=true, so groups and favorites count the others. */
      if (steward_datastore_get_enrichment_only (datastore))
        {
          self->count_enrichment++;
          continue;
        }

      self->count_all++;
      if (steward_datastore_get_favorite (datastore))
        self->count_favorites++;
      group_id = steward_datastore_get_group_id (datastore);
      if (group_id == 0)
        self->count_ungrouped++;
      else
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_counts, &group_id));

          if (count == 0)
            g_hash_table_insert (self->group_counts, id_key (group_id), GUINT_TO_POINTER (1));
          else
            g_hash_table_insert (self->group_counts, id_key (group_id),
                                 GUINT_TO_POINTER (count + 1));
        }
    }

  self->counts_dirty = FALSE;
}

/* How many datastores a scope of the browser holds, from the loaded set. */
guint
steward_deployment_count (StewardDeployment *self,
                          StewardScope       scope,
                          gint64             group_id)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), 0);

  ensure_counts (self);
  switch (scope)
    {
    case STEWARD_SCOPE_ALL:
      return self->count_all;
    case STEWARD_SCOPE_FAVORITES:
      return self->count_favorites;
    case STEWARD_SCOPE_ENRICHMENT:
      return self->count_enrichment;
    case STEWARD_SCOPE_UNGROUPED:
      return self->count_ungrouped;
    case STEWARD_SCOPE_GROUP:
      return GPOINTER_TO_UINT (g_hash_table_lookup (self->group_counts, &group_id));
    default:
      g_return_val_if_reached (0);
    }
}

/* Refreshing */

static void
finish_refresh (StewardDeployment *self)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->refresh_tasks);
  g_autoptr(GError) error = g_steal_pointer (&self->refresh_error);
  g_autoptr(GHashTable) seen = g_steal_pointer (&self->seen);

  if (error == NULL)
    {
      g_autoptr(GListStore) gone = g_list_store_new (STEWARD_TYPE_DATASTORE);

      drop_datastores (self, seen, gone);
      steward_backoff_reset (self->retry);
      set_load_error (self, NULL);
      _steward_deployment_set_listed (self, g_get_real_time (), FALSE);
      if (g_list_model_get_n_items (G_LIST_MODEL (gone)) > 0)
        {
          _steward_deployment_set_dirty (self);
          g_signal_emit (self, signals[DATASTORES_GONE], 0, gone);
        }
      steward_deployment_save_cache (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_load_error (self, error);
      /* A server out of reach is tried again without anyone asking; an answer (a refusal, a
       * server error, a page that is not JSON) is shown until someone asks again. */
      if (self->unreachable)
        steward_backoff_schedule (self->retry);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
part_done (StewardDeployment *self,
           GError            *error)
{
  if (error != NULL)
    {
      /* The first failure is the one to report; the other parts are stopped. */
      if (self->refresh_error == NULL)
        {
          self->refresh_error = error;
          g_cancellable_cancel (self->cancellable);
          g_clear_object (&self->cancellable);
          self->cancellable = g_cancellable_new ();
        }
      else
        g_error_free (error);
    }

  if (--self->parts_pending == 0)
    finish_refresh (self);
}

static void
groups_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StewardDeployment) self = user_data;
  g_autoptr(GListModel) groups = NULL;
  GError *error = NULL;

  groups = steward_client_list_groups_finish (STEWARD_CLIENT (object), result, &error);
  if (groups != NULL && self->refresh_error == NULL)
    merge_groups (self, groups);

  part_done (self, error);
}

static void
page_cb (StewardDatastoreLoader *loader,
         GListModel             *items,
         StewardDeployment      *self)
{
  if (self->refresh_error == NULL)
    merge_page (self, items);
}

static void
listing_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StewardDeployment) self = user_data;
  GError *error = NULL;

  steward_datastore_loader_load_finish (STEWARD_DATASTORE_LOADER (object), result, &error);
  g_signal_handlers_disconnect_by_func (object, page_cb, self);
  g_object_unref (object);
  part_done (self, error);
}

static void
start_listing (StewardDeployment *self,
               gboolean           enrichment_only)
{
  g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
  StewardDatastoreLoader *loader;

  steward_datastore_query_set_enrichment_only (query, enrichment_only);
  loader = steward_datastore_loader_new (self->client, query);
  /* libsoup keeps six connections to a host: most of them for the big listing. */
  steward_datastore_loader_set_max_concurrent (loader, enrichment_only ? 2 : 4);
  g_signal_connect (loader, "page", G_CALLBACK (page_cb), self);
  self->parts_pending++;
  steward_datastore_loader_load_async (loader, self->cancellable, listing_loaded_cb,
                                       g_object_ref (self));
}

/* Lists everything again and brings the shared objects up to date; what the server no longer
 * lists is removed (and ::datastores-gone says which). A refresh asked for while one runs joins
 * it. On failure what was shown stays, with #StewardDeployment:load-error set. */
void
steward_deployment_refresh_async (StewardDeployment   *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_deployment_refresh_async);

  if (self->refresh_tasks != NULL)
    {
      g_ptr_array_add (self->refresh_tasks, task);
      return;
    }

  /* Asked for, or the retry's own: either way the next retry waits for how this one ends. */
  steward_backoff_cancel (self->retry);
  self->refresh_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->refresh_tasks, task);
  self->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  self->parts_pending = 1;
  steward_client_list_groups_async (self->client, self->cancellable, groups_listed_cb,
                                    g_object_ref (self));
  start_listing (self, FALSE);
  start_listing (self, TRUE);
}

gboolean
steward_deployment_refresh_finish (StewardDeployment  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static void
retry_cb (gpointer user_data)
{
  steward_deployment_refresh_async (STEWARD_DEPLOYMENT (user_data), NULL, NULL, NULL);
}

static void
steward_deployment_dispose (GObject *object)
{
  StewardDeployment *self = STEWARD_DEPLOYMENT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->changed_idle, g_source_remove);
  /* Changes of the last moments miss the cache; the next start's refresh brings them back. */
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  g_clear_pointer (&self->retry, steward_backoff_free);

  G_OBJECT_CLASS (steward_deployment_parent_class)->dispose (object);
}

static void
steward_deployment_finalize (GObject *object)
{
  StewardDeployment *self = STEWARD_DEPLOYMENT (object);

  g_clear_object (&self->client);
  g_clear_object (&self->user);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->datastores);
  g_clear_object (&self->groups);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->forgotten, g_hash_table_unref);
  g_clear_pointer (&self->changed_at, g_hash_table_unref);
  g_clear_pointer (&self->groups_by_id, g_hash_table_unref);
  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_error (&self->refresh_error);
  g_free (self->cache_path);
  g_free (self->load_error);

  G_OBJECT_CLASS (steward_deployment_parent_class)->finalize (object);
}

static void
steward_deployment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StewardDeployment *self = STEWARD_DEPLOYMENT (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, steward_deployment_get_loading (self));
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_LISTED_AT:
      g_value_set_int64 (value, self->listed_at);
      break;
    case PROP_FROM_CACHE:
      g_value_set_boolean (value, self->from_cache);
      break;
    case PROP_LOAD_ERROR:
      g_value_set_string (value, self->load_error);
      break;
    case PROP_UNREACHABLE:
      g_value_set_boolean (value, self->unreachable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_deployment_class_init (StewardDeploymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = steward_deployment_dispose;
  object_class->finalize = steward_deployment_finalize;
  object_class->get_property = steward_deployment_get_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, STEWARD_TYPE_CLIENT, flags);
  properties[PROP_USER] = g_param_spec_object ("user", NULL, NULL, STEWARD_TYPE_USER, flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  /* A listing is shown: from the server, or from the cache until the refresh replaces it. */
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  /* When the listing shown was taken, in µs since 1970; 0 before any. */
  properties[PROP_LISTED_AT] =
      g_param_spec_int64 ("listed-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FROM_CACHE] = g_param_spec_boolean ("from-cache", NULL, NULL, FALSE, flags);
  /* Why the last refresh failed; NULL once one succeeds. */
  properties[PROP_LOAD_ERROR] = g_param_spec_string ("load-error", NULL, NULL, NULL, flags);
  /* The last refresh got no answer (network); it is tried again by itself. */
  properties[PROP_UNREACHABLE] = g_param_spec_boolean ("unreachable", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::changed: datastores changed in place (not only added or removed); views re-filter. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* ::counts-changed: steward_deployment_count() may answer differently. */
  signals[COUNTS_CHANGED] = g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* ::datastores-gone (GListModel): datastores found deleted elsewhere, already removed. */
  signals[DATASTORES_GONE] =
      g_signal_new ("datastores-gone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);
}

static void
steward_deployment_init (StewardDeployment *self)
{
  self->datastores = g_list_store_new (STEWARD_TYPE_DATASTORE);
  self->groups = g_list_store_new (STEWARD_TYPE_DATASTORE_GROUP);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->forgotten = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->changed_at = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->groups_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->group_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->counts_dirty = TRUE;
  self->retry = steward_backoff_new (RETRY_FIRST_MS, RETRY_MAX_MS, retry_cb, self);
}

/* The deployment @client talks to, as @user. @cache_path, when given, is where the listing is
 * kept between runs. */
StewardDeployment *
steward_deployment_new (StewardClient *client,
                        StewardUser   *user,
                        const char    *cache_path)
{
  StewardDeployment *self;

  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (user == NULL || STEWARD_IS_USER (user), NULL);

  self = g_object_new (STEWARD_TYPE_DEPLOYMENT, NULL);
  self->client = g_object_ref (client);
  self->user = user != NULL ? g_object_ref (user) : NULL;
  self->cache_path = g_strdup (cache_path);
  return self;
}

StewardClient *
steward_deployment_get_client (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  return self->client;
}

StewardUser *
steward_deployment_get_user (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  return self->user;
}

/* Signing in again may come back as another role. */
void
steward_deployment_set_user (StewardDeployment *self,
                             StewardUser       *user)
{
  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  if (g_set_object (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

/* Returns: (transfer none): every datastore, enrichment-only ones included, one object each */
GListModel *
steward_deployment_get_datastores (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  return G_LIST_MODEL (self->datastores);
}

/* Returns: (transfer none): the groups, in name order */
GListModel *
steward_deployment_get_groups (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  return G_LIST_MODEL (self->groups);
}

/* Returns: (transfer none) (nullable) */
StewardDatastore *
steward_deployment_find_datastore (StewardDeployment *self,
                                   gint64             datastore_id)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  return g_hash_table_lookup (self->by_id, &datastore_id);
}

/* Returns: (transfer none) (nullable) */
StewardDatastoreGroup *
steward_deployment_find_group (StewardDeployment *self,
                               gint64             group_id)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  return g_hash_table_lookup (self->groups_by_id, &group_id);
}

gboolean
steward_deployment_get_loading (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), FALSE);

  return self->refresh_tasks != NULL;
}

gboolean
steward_deployment_get_loaded (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), FALSE);

  return self->loaded;
}

gint64
steward_deployment_get_listed_at (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), 0);

  return self->listed_at;
}

gboolean
steward_deployment_get_from_cache (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), FALSE);

  return self->from_cache;
}

const char *
steward_deployment_get_load_error (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), NULL);

  return self->load_error;
}

gboolean
steward_deployment_get_unreachable (StewardDeployment *self)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (self), FALSE);

  return self->unreachable;
}

/* How long an unreachable deployment waits before refreshing again: @first_ms, doubling up to
 * @max_ms (by default 5 s up to a minute). */
void
steward_deployment_set_retry_delays (StewardDeployment *self,
                                     guint              first_ms,
                                     guint              max_ms)
{
  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  steward_backoff_set_delays (self->retry, first_ms, max_ms);
}
