/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The deployment model without a display: it loads every datastore once, keeps one object per
 * datastore up to date through mutations and refreshes, derives the sidebar's counts, keeps a
 * warm-start cache, and decides filters and sorts from memory exactly as the server does. */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "steward-deployment-private.h"
#include "steward-test-async.h"
#include "steward-test-demo.h"

#define EXTRA 230

typedef struct
{
  StewardTestDemo   *demo;
  StewardDeployment *deployment;
  char              *cache_dir;
  char              *cache_path;
} Fixture;

static void
refresh (StewardDeployment *deployment)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_deployment_refresh_async (deployment, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_refresh_finish (deployment, result, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN, "extra-datastores", EXTRA, NULL);
  f->cache_dir = g_dir_make_tmp ("steward-deployment-XXXXXX", &error);
  g_assert_no_error (error);
  f->cache_path = g_build_filename (f->cache_dir, "profile", "listing.json", NULL);
  f->deployment = steward_deployment_new (f->demo->client, NULL, f->cache_path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->cache_path);
  g_autofree char *search_path = _steward_listing_search_path (f->cache_path);

  g_clear_object (&f->deployment);
  g_unlink (f->cache_path);
  g_unlink (search_path);
  g_rmdir (dir);
  g_rmdir (f->cache_dir);
  g_free (f->cache_path);
  g_free (f->cache_dir);
  steward_test_demo_free (f->demo);
}

/* Every datastore of a query, as the server pages it, in the server's order. */

static void
collect_page_cb (StewardDatastoreLoader *loader,
                 GListModel             *items,
                 GArray                 *ids)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (items, i);
      gint64 id = steward_datastore_get_id (datastore);

      g_array_append_val (ids, id);
    }
}

static GArray *
server_ids (StewardClient         *client,
            StewardDatastoreQuery *query)
{
  g_autoptr(StewardDatastoreLoader) loader = steward_datastore_loader_new (client, query);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (loader, "page", G_CALLBACK (collect_page_cb), ids);
  steward_datastore_loader_load_async (loader, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_datastore_loader_load_finish (loader, result, &error));
  return ids;
}

static int
compare_with_query (gconstpointer a,
                    gconstpointer b,
                    gpointer      query)
{
  return steward_datastore_query_compare (query, *(StewardDatastore **) a,
                                          *(StewardDatastore **) b);
}

/* The same query decided from the deployment's loaded set. */
static GArray *
local_ids (StewardDeployment     *deployment,
           StewardDatastoreQuery *query)
{
  GListModel *all = steward_deployment_get_datastores (deployment);
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (all, i);

      if (steward_datastore_query_matches (query, datastore))
        g_ptr_array_add (matches, g_steal_pointer (&datastore));
    }
  g_ptr_array_sort_with_data (matches, compare_with_query, query);

  for (guint i = 0; i < matches->len; i++)
    {
      gint64 id = steward_datastore_get_id (g_ptr_array_index (matches, i));

      g_array_append_val (ids, id);
    }
  return ids;
}

static guint
server_total (StewardClient         *client,
              StewardDatastoreQuery *query)
{
  g_autoptr(GArray) ids = server_ids (client, query);

  return ids->len;
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(StewardDatastoreQuery) all = steward_datastore_query_new ();
  g_autoptr(StewardDatastoreQuery) enrichment = steward_datastore_query_new ();
  guint regular, enrichment_count;

  g_assert_false (steward_deployment_get_loaded (f->deployment));
  refresh (f->deployment);
  g_assert_true (steward_deployment_get_loaded (f->deployment));
  g_assert_false (steward_deployment_get_loading (f->deployment));
  g_assert_false (steward_deployment_get_from_cache (f->deployment));
  g_assert_cmpint (steward_deployment_get_listed_at (f->deployment), >, 0);
  g_assert_null (steward_deployment_get_load_error (f->deployment));

  steward_datastore_query_set_enrichment_only (enrichment, TRUE);
  regular = server_total (f->demo->client, all);
  enrichment_count = server_total (f->demo->client, enrichment);
  g_assert_cmpuint (regular, >, EXTRA);
  g_assert_cmpuint (enrichment_count, >, 0);

  /* Both listings, one object each. */
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment)),
                    ==, regular + enrichment_count);
  g_assert_cmpuint (steward_deployment_count (f->deployment, STEWARD_SCOPE_ALL, 0), ==, regular);
  g_assert_cmpuint (steward_deployment_count (f->deployment, STEWARD_SCOPE_ENRICHMENT, 0), ==,
                    enrichment_count);

  /* Each group's count is what the server's group filter answers; the rest are ungrouped. */
  {
    GListModel *groups = steward_deployment_get_groups (f->deployment);
    guint grouped = 0;

    g_assert_cmpuint (g_list_model_get_n_items (groups), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
      {
        g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, i);
        g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
        gint64 id = steward_datastore_group_get_id (group);

        steward_datastore_query_add_group (query, id);
        g_assert_cmpuint (steward_deployment_count (f->deployment, STEWARD_SCOPE_GROUP, id), ==,
                          server_total (f->demo->client, query));
        grouped += steward_deployment_count (f->deployment, STEWARD_SCOPE_GROUP, id);
      }
    g_assert_cmpuint (steward_deployment_count (f->deployment, STEWARD_SCOPE_UNGROUPED, 0), ==,
                      regular - grouped);
  }

  /* Datastores of a group show the deployment's own group object. */
  {
    GListModel *datastores = steward_deployment_get_datastores (f->deployment);

    for (guint i = 0; i < g_list_model_get_n_items (datastores); i++)
      {
        g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);
        StewardDatastoreGroup *group = steward_datastore_get_group (datastore);

        if (group != NULL)
          g_assert_true (group ==
                         steward_deployment_find_group (f->deployment,
                                                        steward_datastore_group_get_id (group)));
      }
  }
}

/* The filters and sorts the browser applies in memory give the server's answer, in its order. */
static void
test_filters_agree_with_server (Fixture       *f,
                                gconstpointer  data)
{
  static const struct
  {
    const char     *search;
    const char     *type;
    const char     *tag;
    gboolean        enrichment_only;
    gboolean        group;
    StewardSortKey  sort;
    gboolean        descending;
  } queries[] = {
    { NULL, NULL, NULL, FALSE, FALSE, STEWARD_SORT_NAME, FALSE },
    { NULL, NULL, NULL, FALSE, FALSE, STEWARD_SORT_NAME, TRUE },
    { NULL, NULL, NULL, FALSE, FALSE, STEWARD_SORT_CREATED, FALSE },
    { NULL, NULL, NULL, FALSE, FALSE, STEWARD_SORT_CONTAINERS, TRUE },
    { NULL, NULL, NULL, FALSE, FALSE, STEWARD_SORT_ACTIVE_ANOMALIES, FALSE },
    { NULL, NULL, NULL, FALSE, FALSE, STEWARD_SORT_FAVORITE, FALSE },
    { "inv", NULL, NULL, FALSE, FALSE, STEWARD_SORT_NAME, FALSE },
    { "ARCHIVE", NULL, NULL, FALSE, FALSE, STEWARD_SORT_CONTAINERS, FALSE },
    { "1", NULL, NULL, FALSE, FALSE, STEWARD_SORT_NAME, FALSE },
    { NULL, "postgresql", NULL, FALSE, FALSE, STEWARD_SORT_NAME, FALSE },
    { NULL, "s3", NULL, FALSE, FALSE, STEWARD_SORT_CREATED, TRUE },
    { NULL, NULL, "finance", FALSE, FALSE, STEWARD_SORT_NAME, FALSE },
    { "a", "snowflake", "production", FALSE, FALSE, STEWARD_SORT_ACTIVE_ANOMALIES, TRUE },
    { NULL, NULL, NULL, TRUE, FALSE, STEWARD_SORT_NAME, FALSE },
    { NULL, NULL, NULL, FALSE, TRUE, STEWARD_SORT_NAME, FALSE },
  };

  refresh (f->deployment);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GArray) actual = NULL;
      g_autofree char *text = NULL;

      steward_datastore_query_set_search (query, queries[i].search);
      if (queries[i].type != NULL)
        steward_datastore_query_add_type (query, queries[i].type);
      if (queries[i].tag != NULL)
        steward_datastore_query_add_tag (query, queries[i].tag);
      steward_datastore_query_set_enrichment_only (query, queries[i].enrichment_only);
      if (queries[i].group)
        {
          g_autoptr(StewardDatastoreGroup) group =
            g_list_model_get_item (steward_deployment_get_groups (f->deployment), 0);

          steward_datastore_query_add_group (query, steward_datastore_group_get_id (group));
        }
      steward_datastore_query_add_sort (query, queries[i].sort, queries[i].descending);

      expected = server_ids (f->demo->client, query);
      actual = local_ids (f->deployment, query);
      text = steward_datastore_query_to_string (query, 0, 0);
      g_test_message ("%s: %u datastores", text, expected->len);
      g_assert_cmpuint (expected->len, >, 0);
      if (expected->len != actual->len ||
          memcmp (expected->data, actual->data, expected->len * sizeof (gint64)) != 0)
        g_error ("%s: the server lists %u datastores, the loaded set %u, or in another order",
                 text, expected->len, actual->len);
    }
}

static StewardDatastore *
any_datastore (StewardDeployment *deployment,
               gboolean           favorite,
               gboolean           grouped)
{
  GListModel *all = steward_deployment_get_datastores (deployment);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (all, i);

      if (!steward_datastore_get_enrichment_only (datastore) &&
          steward_datastore_get_favorite (datastore) == favorite &&
          (steward_datastore_get_group_id (datastore) != 0) == grouped)
        return datastore;
    }
  g_assert_not_reached ();
}

static void
test_mutations (Fixture       *f,
                gconstpointer  data)
{
  StewardDatastore *datastore;
  StewardDatastoreGroup *group;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint favorites, ungrouped, all;
  gint64 id;

  refresh (f->deployment);
  favorites = steward_deployment_count (f->deployment, STEWARD_SCOPE_FAVORITES, 0);
  ungrouped = steward_deployment_count (f->deployment, STEWARD_SCOPE_UNGROUPED, 0);
  all = steward_deployment_count (f->deployment, STEWARD_SCOPE_ALL, 0);

  /* A favorite shows at once, on the shared object, and the server agrees. */
  datastore = any_datastore (f->deployment, FALSE, FALSE);
  id = steward_datastore_get_id (datastore);
  steward_deployment_set_favorite_async (f->deployment, id, TRUE, NULL,
                                         steward_test_store_result_cb, &result);
  g_assert_true (steward_datastore_get_favorite (datastore));
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_set_favorite_finish (f->deployment, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (steward_deployment_find_datastore (f->deployment, id) == datastore);
  g_assert_cmpuint (steward_deployment_count (f->deployment, STEWARD_SCOPE_FAVORITES, 0), ==,
                    favorites + 1);

  /* A group: the datastore takes the deployment's own group object. */
  {
    g_autoptr(StewardDatastoreGroup) first =
        g_list_model_get_item (steward_deployment_get_groups (f->deployment), 0);

    group = first;
    steward_deployment_assign_group_async (f->deployment, id,
                                           steward_datastore_group_get_id (group), NULL,
                                           steward_test_store_result_cb, &result);
    steward_test_wait_result (&result);
    g_assert_true (steward_deployment_assign_group_finish (f->deployment, result, &error));
    g_clear_object (&result);
    g_assert_true (steward_datastore_get_group (datastore) == group);
    g_assert_cmpuint (steward_deployment_count (f->deployment, STEWARD_SCOPE_UNGROUPED, 0), ==,
                      ungrouped - 1);
  }

  /* Deleted: out of the set, marked deleted for whoever still holds it. */
  g_object_ref (datastore);
  steward_deployment_delete_datastore_async (f->deployment, id, NULL, steward_test_store_result_cb,
                                             &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_delete_datastore_finish (f->deployment, result, &error));
  g_clear_object (&result);
  g_assert_null (steward_deployment_find_datastore (f->deployment, id));
  g_assert_true (steward_datastore_get_deleted (datastore));
  g_assert_cmpuint (steward_deployment_count (f->deployment, STEWARD_SCOPE_ALL, 0), ==, all - 1);
  g_object_unref (datastore);

  /* A refused change is put back. */
  datastore = any_datastore (f->deployment, FALSE, FALSE);
  id = steward_datastore_get_id (datastore);
  steward_demo_server_inject_fault (f->demo->server, "PATCH", "/api/datastores",
                                    STEWARD_DEMO_FAULT_500, 1);
  steward_deployment_set_favorite_async (f->deployment, id, TRUE, NULL,
                                         steward_test_store_result_cb, &result);
  g_assert_true (steward_datastore_get_favorite (datastore));
  steward_test_wait_result (&result);
  g_assert_false (steward_deployment_set_favorite_finish (f->deployment, result, &error));
  g_assert_nonnull (error);
  g_assert_false (steward_datastore_get_favorite (datastore));
}

static void
gone_cb (StewardDeployment *deployment,
         GListModel        *gone,
         GPtrArray         *names)
{
  for (guint i = 0; i < g_list_model_get_n_items (gone); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (gone, i);

      g_ptr_array_add (names, g_strdup (steward_datastore_get_name (datastore)));
    }
}

/* Another client renames, tags and deletes; a refresh brings it all to the same objects. */
static void
test_refresh_follows_other_clients (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(StewardClient) other = steward_test_demo_new_client (f->demo, STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GPtrArray) gone_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(StewardDatastoreRequest) request = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardDatastore) renamed = NULL;
  g_autoptr(StewardDatastore) doomed = NULL;
  g_autoptr(StewardDatastore) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doomed_name = NULL;
  guint before;

  refresh (f->deployment);
  g_signal_connect (f->deployment, "datastores-gone", G_CALLBACK (gone_cb), gone_names);
  before = g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment));

  renamed = g_object_ref (any_datastore (f->deployment, FALSE, FALSE));
  request = steward_datastore_request_new ();
  steward_datastore_request_set_name (request, "Renamed Elsewhere");
  steward_datastore_request_set_tags (request, (const char *[]) { "moved", NULL });
  steward_client_update_datastore_async (other, steward_datastore_get_id (renamed), request, NULL,
                                         steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  saved = steward_client_update_datastore_finish (other, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  doomed = g_object_ref (any_datastore (f->deployment, FALSE, TRUE));
  doomed_name = g_strdup (steward_datastore_get_name (doomed));
  steward_client_delete_datastore_async (other, steward_datastore_get_id (doomed), NULL,
                                         steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_client_delete_datastore_finish (other, result, &error));

  refresh (f->deployment);

  g_assert_true (steward_deployment_find_datastore (f->deployment,
                                                    steward_datastore_get_id (renamed)) == renamed);
  g_assert_cmpstr (steward_datastore_get_name (renamed), ==, "Renamed Elsewhere");
  g_assert_cmpstr (steward_datastore_get_tags (renamed)[0], ==, "moved");
  g_assert_null (
      steward_deployment_find_datastore (f->deployment, steward_datastore_get_id (doomed)));
  g_assert_true (steward_datastore_get_deleted (doomed));
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment)),
                    ==, before - 1);
  g_assert_cmpuint (gone_names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (gone_names, 0), ==, doomed_name);
}

/* A failed refresh keeps what was shown and says why. */
static void
test_refresh_failure_keeps_listing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  refresh (f->deployment);
  before = g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment));

  steward_demo_server_inject_fault (f->demo->server, "GET", "/api/datastores",
                                    STEWARD_DEMO_FAULT_500, 10);
  steward_deployment_refresh_async (f->deployment, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_false (steward_deployment_refresh_finish (f->deployment, result, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment)),
                    ==, before);
  g_assert_nonnull (steward_deployment_get_load_error (f->deployment));
}

static StewardDeployment *
load_from_cache (Fixture  *f,
                 gboolean *shown,
                 GError  **error)
{
  StewardDeployment *deployment = steward_deployment_new (f->demo->client, NULL, f->cache_path);
  g_autoptr(GAsyncResult) result = NULL;

  steward_deployment_load_cache_async (deployment, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  *shown = steward_deployment_load_cache_finish (deployment, result, error);
  return deployment;
}

/* Whether the search index beside the cache is of the listing in it (a refresh and a save each
 * write both: the test waits for the last). */
static gboolean
search_index_current_cb (gpointer user_data)
{
  Fixture *f = user_data;
  g_autofree char *search_path = _steward_listing_search_path (f->cache_path);
  g_autofree char *stamp = _steward_listing_cache_stamp (f->cache_path);
  g_autoptr(GVariant) search = NULL;

  if (stamp != NULL)
    search = _steward_listing_search_load (search_path, stamp,
                                           steward_client_get_base_url (f->demo->client),
                                           G_MAXSIZE, NULL);
  return search != NULL &&
         g_variant_n_children (search) ==
         g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment));
}

/* Once the index was seen current, it stays seen: the refresh scheduled a save of its own, and
 * while that one renames the cache and then the index into place, the pair briefly differs. */
typedef struct
{
  Fixture  *f;
  gboolean  seen;
} IndexSeen;

static gboolean
search_index_seen_cb (gpointer user_data)
{
  IndexSeen *wait = user_data;

  wait->seen = wait->seen || search_index_current_cb (wait->f);
  return wait->seen;
}

static void
test_cache_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(StewardDeployment) warm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *search_path = _steward_listing_search_path (f->cache_path);
  const char *token = steward_demo_server_get_token (f->demo->server, STEWARD_DEMO_ROLE_ADMIN);
  GListModel *before, *after;
  gboolean shown = FALSE;
  IndexSeen seen = { f, FALSE };
  GStatBuf info;
  gsize length;

  refresh (f->deployment);
  steward_deployment_save_cache (f->deployment);
  /* The search index is written after the cache, both by a worker thread through a rename, so
   * each is complete once it exists. It holds every datastore, read back by the search's
   * reader. */
  g_assert_true (steward_test_wait_until (search_index_seen_cb, &seen, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpint (g_stat (f->cache_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (search_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* No secret: the token is in neither. */
  g_assert_true (g_file_get_contents (f->cache_path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, token));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (search_path, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, token));

  warm = load_from_cache (f, &shown, &error);
  g_assert_no_error (error);
  g_assert_true (shown);
  g_assert_true (steward_deployment_get_loaded (warm));
  g_assert_true (steward_deployment_get_from_cache (warm));
  g_assert_cmpint (steward_deployment_get_listed_at (warm), ==,
                   steward_deployment_get_listed_at (f->deployment));

  before = steward_deployment_get_datastores (f->deployment);
  after = steward_deployment_get_datastores (warm);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(StewardDatastore) a = g_list_model_get_item (before, i);
      StewardDatastore *b = steward_deployment_find_datastore (warm, steward_datastore_get_id (a));

      g_assert_nonnull (b);
      g_assert_cmpstr (steward_datastore_get_name (a), ==, steward_datastore_get_name (b));
      g_assert_cmpint (steward_datastore_get_group_id (a), ==, steward_datastore_get_group_id (b));
      g_assert_cmpint (steward_datastore_get_favorite (a), ==, steward_datastore_get_favorite (b));
      g_assert_cmpint (steward_datastore_get_created_usec (a), ==,
                       steward_datastore_get_created_usec (b));
      g_assert_cmpint (steward_datastore_get_containers (a), ==,
                       steward_datastore_get_containers (b));
      g_assert_true (g_strv_equal (steward_datastore_get_tags (a), steward_datastore_get_tags (b)));
      if (steward_datastore_get_group (b) != NULL)
        g_assert_true (steward_datastore_get_group (b) ==
                       steward_deployment_find_group (warm, steward_datastore_get_group_id (b)));
    }
  for (StewardScope scope = STEWARD_SCOPE_ALL; scope <= STEWARD_SCOPE_UNGROUPED; scope++)
    if (scope != STEWARD_SCOPE_GROUP)
      g_assert_cmpuint (steward_deployment_count (warm, scope, 0), ==,
                        steward_deployment_count (f->deployment, scope, 0));

  /* Revalidating replaces the cached listing with the server's. */
  refresh (warm);
  g_assert_false (steward_deployment_get_from_cache (warm));
}

static void
test_cache_corrupt (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(StewardDeployment) warm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->cache_path);
  g_autofree char *search_path = _steward_listing_search_path (f->cache_path);
  gboolean shown = TRUE;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (f->cache_path,
                                      "{\"format\": \"steward-listing\", \"version\": 1, [", -1,
                                      NULL));
  g_assert_true (g_file_set_contents (search_path, "", -1, NULL));

  warm = load_from_cache (f, &shown, &error);
  g_assert_false (shown);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_false (steward_deployment_get_loaded (warm));
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_datastores (warm)), ==, 0);
  /* An unreadable cache is dropped, with its search index, so it costs nothing next time. */
  g_assert_false (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (search_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Another version is dropped the same way. */
  g_assert_true (g_file_set_contents (f->cache_path,
                                      "{\"format\": \"steward-listing\", \"version\": 99,"
                                      " \"base_url\": \"x\", \"datastores\": []}",
                                      -1, NULL));
  g_clear_object (&warm);
  warm = load_from_cache (f, &shown, &error);
  g_assert_false (shown);
  g_assert_false (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
}

/* A run over many datastores stays with the deployment it started on, whatever happens next. */
static void
test_batch_stays_on_its_deployment (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(StewardTestDemo) slow =
      steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN, "latency-ms", 100, NULL);
  g_autoptr(StewardDeployment) on_slow = steward_deployment_new (slow->client, NULL, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardBatchReport) report = NULL;
  g_autoptr(StewardDeployment) keeper = NULL;
  GListModel *all;
  guint slow_before, fast_before;

  refresh (on_slow);
  refresh (f->deployment);
  all = steward_deployment_get_datastores (on_slow);
  slow_before = g_list_model_get_n_items (all);
  fast_before = g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment));
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (all, i);
      gint64 id = steward_datastore_get_id (datastore);

      g_array_append_val (ids, id);
    }

  steward_deployment_run_batch_async (on_slow, STEWARD_BATCH_DELETE, (gint64 *) ids->data, ids->len,
                                      0, NULL, steward_test_store_result_cb, &result);
  /* The user moves on to the other deployment; the view lets go of the first one, which the
   * run keeps alive until it ends. */
  keeper = g_object_ref (on_slow);
  g_clear_object (&on_slow);
  steward_test_wait_result (&result);
  report = steward_deployment_run_batch_finish (keeper, result);
  g_assert_cmpuint (report->total, ==, 12);
  g_assert_cmpuint (report->succeeded, ==, 12);
  g_assert_cmpuint (report->failed, ==, 0);

  on_slow = steward_deployment_new (slow->client, NULL, NULL);
  refresh (on_slow);
  refresh (f->deployment);
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_datastores (on_slow)), ==,
                    slow_before - 12);
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment)),
                    ==, fast_before);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *path =
          g_strdup_printf ("/api/datastores/%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));

      g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "DELETE", path), ==,
                        0);
      g_assert_cmpuint (steward_demo_server_count_requests (slow->server, "DELETE", path), ==, 1);
    }
}

/* Enrichment: each answer lands in the shared object; an unlink, answered without a body, takes
 * the documented effect (no link, remediation back to none). */
static void
test_enrichment (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastoreRequest) settings = steward_datastore_request_new ();
  StewardDatastore *datastore;

  refresh (f->deployment);
  datastore = steward_deployment_find_datastore (f->deployment, 42);
  g_assert_nonnull (datastore);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (datastore), ==, 0);

  steward_deployment_link_enrichment_async (f->deployment, 42, 100, NULL,
                                            steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_link_enrichment_finish (f->deployment, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (steward_deployment_find_datastore (f->deployment, 42) == datastore);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (datastore), ==, 100);
  g_assert_cmpstr (steward_datastore_get_enrichment_datastore_name (datastore), ==,
                   "Healthcare Enrichment");

  steward_datastore_request_set_enrichment_remediation_strategy (settings, "append");
  steward_datastore_request_set_enrichment_source_record_limit (settings, 50);
  steward_deployment_update_enrichment_settings_async (f->deployment, 42, settings, NULL,
                                                       steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (
      steward_deployment_update_enrichment_settings_finish (f->deployment, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (datastore), ==, "append");
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (datastore), ==, 50);

  steward_deployment_unlink_enrichment_async (f->deployment, 42, NULL, steward_test_store_result_cb,
                                              &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_unlink_enrichment_finish (f->deployment, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (datastore), ==, 0);
  g_assert_null (steward_datastore_get_enrichment_datastore_name (datastore));
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (datastore), ==, "none");
  /* What the unlink did not touch stays as the server has it. */
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (datastore), ==, 50);
  g_assert_cmpstr (steward_datastore_get_name (datastore), ==, "Production Sales");

  /* 48 has an export running: the 409 comes back, and the link stays. */
  steward_deployment_unlink_enrichment_async (f->deployment, 48, NULL, steward_test_store_result_cb,
                                              &result);
  steward_test_wait_result (&result);
  g_assert_false (steward_deployment_unlink_enrichment_finish (f->deployment, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (
                       steward_deployment_find_datastore (f->deployment, 48)),
                   ==, 100);
}

/* A read of a datastore that left before a change made here comes back older than the change:
 * it is dropped, whatever order the answers arrive in. A read that left after is applied. */
static void
test_stale_read_dropped (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) before = NULL;
  g_autoptr(StewardDatastore) after = NULL;
  StewardDatastore *datastore;
  guint64 stamp;

  refresh (f->deployment);
  datastore = steward_deployment_find_datastore (f->deployment, 42);
  g_assert_nonnull (datastore);
  g_assert_null (steward_datastore_get_group (datastore));

  stamp = steward_deployment_begin_fetch (f->deployment);
  before = steward_test_get_datastore (f->demo->client, 42, &error);
  g_assert_no_error (error);

  steward_deployment_assign_group_async (f->deployment, 42, 5, NULL,
                                         steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_assign_group_finish (f->deployment, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_datastore_get_group_id (datastore), ==, 5);

  /* The read from before the move answers last: the move stays. */
  g_assert_true (steward_deployment_apply_fetched (f->deployment, before, stamp) == datastore);
  g_assert_cmpint (steward_datastore_get_group_id (datastore), ==, 5);

  /* A read from after it is taken in. */
  stamp = steward_deployment_begin_fetch (f->deployment);
  after = steward_test_get_datastore (f->demo->client, 42, &error);
  g_assert_no_error (error);
  g_assert_true (steward_deployment_apply_fetched (f->deployment, after, stamp) == datastore);
  g_assert_cmpint (steward_datastore_get_group_id (datastore), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func)                                                                            \
  g_test_add ("/deployment/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("load", test_load);
  ADD ("filters-agree-with-server", test_filters_agree_with_server);
  ADD ("mutations", test_mutations);
  ADD ("refresh-follows-other-clients", test_refresh_follows_other_clients);
  ADD ("refresh-failure-keeps-listing", test_refresh_failure_keeps_listing);
  ADD ("cache-round-trip", test_cache_round_trip);
  ADD ("cache-corrupt", test_cache_corrupt);
  ADD ("batch-stays-on-its-deployment", test_batch_stays_on_its_deployment);
  ADD ("enrichment", test_enrichment);
  ADD ("stale-read-dropped", test_stale_read_dropped);
#undef ADD

  return g_test_run ();
}
