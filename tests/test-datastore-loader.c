/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The all-pages loader: every datastore, in the server's order, pages fetched a few at a time
 * and handed over in order, and cancellable. */
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
collect_cb (StewardDatastoreLoader *loader,
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

static void
test_loader_10000 (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN,
                                                                "extra-datastores", 10000, NULL);
  g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
  g_autoptr(StewardDatastoreLoader) loader = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  steward_datastore_query_add_sort (query, STEWARD_SORT_NAME, FALSE);
  loader = steward_datastore_loader_new (demo->client, query);
  g_signal_connect (loader, "page", G_CALLBACK (collect_cb), ids);
  steward_datastore_loader_load_async (loader, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_datastore_loader_load_finish (loader, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (ids->len, >=, 10000);
  g_assert_cmpuint (ids->len, ==, steward_datastore_loader_get_total (loader));

  /* Exactly the server's order, each once. */
  expected = server_order (demo, query);
  g_assert_cmpuint (expected->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_cmpint (g_array_index (ids, gint64, i), ==, g_array_index (expected, gint64, i));
      g_assert_false (g_hash_table_contains (seen, &g_array_index (expected, gint64, i)));
      g_hash_table_add (seen, &g_array_index (expected, gint64, i));
    }
}

static void
count_page_cb (StewardDatastoreLoader *loader,
               GListModel             *items,
               guint                  *pages)
{
  (*pages)++;
}

static void
test_loader_pages_in_order (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN,
                                                                "extra-datastores", 450, NULL);
  g_autoptr(StewardDatastoreLoader) loader = steward_datastore_loader_new (demo->client, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint pages = 0;

  /* Pages of 50, four in flight, handed over one by one in page order. */
  g_signal_connect (loader, "page", G_CALLBACK (count_page_cb), &pages);
  g_signal_connect (loader, "page", G_CALLBACK (collect_cb), ids);
  steward_datastore_loader_set_page_size (loader, 50);
  steward_datastore_loader_load_async (loader, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_datastore_loader_load_finish (loader, result, &error));
  g_assert_cmpuint (pages, ==, (steward_datastore_loader_get_total (loader) + 49) / 50);
  g_assert_cmpuint (steward_datastore_loader_get_pages_loaded (loader), ==, pages);

  expected = server_order (demo, NULL);
  g_assert_cmpuint (ids->len, ==, expected->len);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), expected->data,
                   expected->len * sizeof (gint64));
}

static gboolean
got_a_page_cb (gpointer user_data)
{
  return ((GArray *) user_data)->len > 0;
}

static void
test_loader_cancel (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN,
                                                                "extra-datastores", 2000, NULL);
  g_autoptr(StewardDatastoreLoader) loader = steward_datastore_loader_new (demo->client, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_at_cancel;

  /* Every page after the first stalls, so the load is surely under way when cancelled. */
  g_signal_connect (loader, "page", G_CALLBACK (collect_cb), ids);
  steward_datastore_loader_load_async (loader, cancellable, steward_test_store_result_cb, &result);
  g_assert_true (steward_test_wait_until (got_a_page_cb, ids, STEWARD_TEST_LONG_TIMEOUT_MS));
  steward_demo_server_inject_fault (demo->server, "GET", "/api/datastores",
                                    STEWARD_DEMO_FAULT_STALL, 100);
  g_cancellable_cancel (cancellable);
  n_at_cancel = ids->len;

  steward_test_wait_result (&result);
  g_assert_false (steward_datastore_loader_load_finish (loader, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Nothing more arrives after the cancel. */
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_cmpuint (ids->len, ==, n_at_cancel);
  g_assert_cmpuint (n_at_cancel, <, steward_datastore_loader_get_total (loader));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/datastore-loader/10000-in-server-order", test_loader_10000);
  g_test_add_func ("/datastore-loader/pages-in-order", test_loader_pages_in_order);
  g_test_add_func ("/datastore-loader/cancel", test_loader_cancel);

  return g_test_run ();
}
