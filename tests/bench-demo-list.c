/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-demo-test-client.h"

#include <stdio.h>
#include <sys/resource.h>

/* How long a 10,000-datastore demo server takes to start and to serve its whole list page by
 * page, and how much memory the process (server and client) needs. Prints numbers; asserts only
 * that the answers are complete. */

#define EXTRA 10000
#define PAGE_SIZE 100

static double
page_through (DemoFixture *fixture,
              const char  *query,
              guint       *items)
{
  gint64 start = g_get_monotonic_time ();
  gint64 pages = 1;

  *items = 0;
  for (gint64 page = 1; page <= pages; page++)
    {
      g_autoptr(DemoResponse) list = demo_request_printf (fixture, STEWARD_DEMO_ROLE_ADMIN, "GET",
                                                          NULL, "/datastores?size=%d&page=%"
                                                          G_GINT64_FORMAT "%s", PAGE_SIZE, page,
                                                          query);

      demo_assert_status (list, SOUP_STATUS_OK);
      pages = demo_get_int (list->root, "pages");
      *items += demo_get_length (list->root, "items");
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  DemoServerOptions options = { .extra_datastores = EXTRA };
  static const struct
  {
    const char *label;
    const char *query;
  } runs[] = {
    { "default order", "" },
    { "sort_name=asc", "&sort_name=asc" },
    { "sort_containers=desc&sort_created=asc", "&sort_containers=desc&sort_created=asc" },
    { "tag=production (filtered)", "&tag=production" },
    { "search=orders (filtered)", "&search=orders" },
  };
  DemoFixture fixture;
  struct rusage usage;
  gint64 start;
  double start_ms;

  g_test_init (&argc, &argv, NULL);

  start = g_get_monotonic_time ();
  fixture.server = demo_server_start (&options);
  start_ms = (g_get_monotonic_time () - start) / 1000.0;
  fixture.session = soup_session_new ();

  printf ("datastores: %d generated + the seed\n", EXTRA);
  printf ("server start (seed and listen): %.1f ms\n", start_ms);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      guint items;
      double ms = page_through (&fixture, runs[i].query, &items);
      guint pages = (items + PAGE_SIZE - 1) / PAGE_SIZE;

      printf ("%-40s %5u items, %3u pages: %8.1f ms total, %6.2f ms per page\n", runs[i].label,
              items, pages, ms, pages > 0 ? ms / pages : 0.0);
    }

  getrusage (RUSAGE_SELF, &usage);
  printf ("peak RSS (server and client in one process): %.1f MiB\n", usage.ru_maxrss / 1024.0);

  g_clear_object (&fixture.session);
  steward_demo_server_stop (fixture.server);
  g_clear_object (&fixture.server);
  return 0;
}
