/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long the API client takes to load every datastore of a 10,000-datastore demo server into
 * the list model, with 1 to 6 pages in flight, and the memory the process (client, models and
 * the in-process server) ends up using. Prints numbers; asserts only that the list is complete. */
#include <stdio.h>
#include <sys/resource.h>

#include "steward-test-async.h"
#include "steward-test-demo.h"

#define EXTRA 10000

static double
load_all (StewardTestDemo *demo,
          guint            max_concurrent,
          guint           *n_items)
{
  g_autoptr(StewardDatastoreList) list = steward_datastore_list_new (demo->client, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  steward_datastore_list_set_max_concurrent (list, max_concurrent);
  steward_datastore_list_load_async (list, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_datastore_list_load_finish (list, result, &error));

  *n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (*n_items, ==, steward_datastore_list_get_total (list));
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN,
                                                                "extra-datastores", EXTRA, NULL);
  static const guint concurrency[] = { 1, 2, 4, 6 };
  struct rusage usage;

  for (guint i = 0; i < G_N_ELEMENTS (concurrency); i++)
    {
      guint n = 0;
      double ms = load_all (demo, concurrency[i], &n);

      printf ("load %u datastores, %u page%s in flight: %.0f ms (%.1f ms per 100)\n",
              n, concurrency[i], concurrency[i] == 1 ? "" : "s", ms, ms / (n / 100.0));
    }

  /* A real deployment is some milliseconds away: that is what fetching pages side by side is for. */
  {
    g_autoptr(StewardTestDemo) remote = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN,
                                                                    "extra-datastores", EXTRA,
                                                                    "latency-ms", 30, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (concurrency); i++)
      {
        guint n = 0;
        double ms = load_all (remote, concurrency[i], &n);

        printf ("with 30 ms latency, load %u datastores, %u page%s in flight: %.0f ms\n",
                n, concurrency[i], concurrency[i] == 1 ? "" : "s", ms);
      }
  }

  getrusage (RUSAGE_SELF, &usage);
  printf ("peak RSS (client, models and in-process server): %.1f MiB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
