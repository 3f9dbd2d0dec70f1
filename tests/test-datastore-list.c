/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The all-pages list model: every datastore, in the server's order, pages fetched a few at a
 * time, and cancellable when the query changes. */
#include "steward-test-async.h"
#include "steward-test-demo.h"

/* The order the server gives, read one page after another. */
static GArray *
server_order (StewardTestDemo      *demo,
              StewardDatastoreQuery *query)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint page = 1;; page++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(StewardDatastorePage) answer = NULL;
      GListModel *items;

      steward_client_list_datastores_async (demo->client, query, page, 100, NULL,
                                            steward_test_store_result_cb, &result);
      steward_test_wait_result (&result);
      answer = steward_client_list_datastores_finish (demo->client, result, &error);
      g_assert_no_error (error);

      items = steward_datastore_page_get_items (answer);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(StewardDatastore) datastore = g_list_model_get_item (items, i);
          gint64 id = steward_datastore_get_id (datastore);
          g_array_append_val (ids, id);
        }

      if (page >= steward_datastore_page_get_pages (answer))
        break;
    }

  return ids;
}

static void
test_list_10000 (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN,
                                                                "extra-datastores", 10000, NULL);
  g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
  g_autoptr(StewardDatastoreList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n;

  steward_datastore_query_add_sort (query, STEWARD_SORT_NAME, FALSE);
  list = steward_datastore_list_new (demo->client, query);
  steward_datastore_list_load_async (list, NULL, steward_test_store_result_cb, &result);
  g_assert_true (steward_datastore_list_get_loading (list));
  steward_test_wait_result (&result);
  g_assert_true (steward_datastore_list_load_finish (list, result, &error));
  g_assert_no_error (error);
  g_assert_false (steward_datastore_list_get_loading (list));

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >=, 10000);
  g_assert_cmpuint (n, ==, steward_datastore_list_get_total (list));

  /* Exactly the server's order. */
  expected = server_order (demo, query);
  g_assert_cmpuint (expected->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = steward_datastore_get_id (datastore);

      g_assert_cmpint (id, ==, g_array_index (expected, gint64, i));
      g_assert_false (g_hash_table_contains (seen, &g_array_index (expected, gint64, i)));
      g_hash_table_add (seen, &g_array_index (expected, gint64, i));
    }
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *changes)
{
  (*changes)++;
}

static void
test_list_grows_in_order (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN,
                                                                "extra-datastores", 450, NULL);
  g_autoptr(StewardDatastoreList) list = steward_datastore_list_new (demo->client, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  /* Pages arrive as a growing prefix: every change appends at the end. */
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed_cb), &changes);
  steward_datastore_list_set_page_size (list, 50);
  steward_datastore_list_load_async (list, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_datastore_list_load_finish (list, result, &error));
  g_assert_cmpuint (changes, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, steward_datastore_list_get_total (list));

  /* Removing and finding by id keep the list and its total true. */
  {
    g_autoptr(StewardDatastore) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    gint64 id = steward_datastore_get_id (first);
    guint total = steward_datastore_list_get_total (list);

    g_assert_true (steward_datastore_list_find (list, id, NULL) == first);
    g_assert_true (steward_datastore_list_remove (list, id));
    g_assert_null (steward_datastore_list_find (list, id, NULL));
    g_assert_cmpuint (steward_datastore_list_get_total (list), ==, total - 1);
  }
}

static gboolean
list_not_empty_cb (gpointer user_data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (user_data)) > 0;
}

static void
test_list_cancel (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN,
                                                                "extra-datastores", 2000, NULL);
  g_autoptr(StewardDatastoreList) list = steward_datastore_list_new (demo->client, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_at_cancel;

  /* Every page after the first stalls, so the load is surely under way when cancelled. */
  steward_datastore_list_load_async (list, cancellable, steward_test_store_result_cb, &result);
  g_assert_true (steward_test_wait_until (list_not_empty_cb, list, 30000));
  steward_demo_server_inject_fault (demo->server, "GET", "/api/datastores",
                                    STEWARD_DEMO_FAULT_STALL, 100);
  g_cancellable_cancel (cancellable);
  n_at_cancel = g_list_model_get_n_items (G_LIST_MODEL (list));

  steward_test_wait_result (&result);
  g_assert_false (steward_datastore_list_load_finish (list, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (steward_datastore_list_get_loading (list));

  /* Nothing more arrives after the cancel. */
  steward_test_iterate (300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_at_cancel);
  g_assert_cmpuint (n_at_cancel, <, steward_datastore_list_get_total (list));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/datastore-list/10000-in-server-order", test_list_10000);
  g_test_add_func ("/datastore-list/grows-in-order", test_list_grows_in_order);
  g_test_add_func ("/datastore-list/cancel", test_list_cancel);

  return g_test_run ();
}
