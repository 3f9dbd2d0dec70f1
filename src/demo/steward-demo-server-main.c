/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>

#include "steward-demo-server.h"

/* steward-demo-server: the demo server on its own, for curl, the vendor's CLI and demos. It
 * prints where it listens and a token per role, then serves until SIGINT or SIGTERM. */

#define EXIT_USAGE 2

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
check_range (const char *option,
             gint64      value,
             gint64      min,
             gint64      max)
{
  if (value >= min && value <= max)
    return TRUE;

  g_printerr ("steward-demo-server: %s must be between %" G_GINT64_FORMAT " and %"
              G_GINT64_FORMAT "\n", option, min, max);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  gint64 port = 8000;
  gint64 datastores = 0;
  gint64 seed = 1;
  gint64 latency_ms = 0;
  gint64 operation_duration_ms = 4000;
  double fault_rate = 0.0;
  gboolean serve_specifications = FALSE;
  g_autofree char *state_file = NULL;
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT64, &port,
      "Port to listen on, on 127.0.0.1 (0: any free port; default 8000)", "N" },
    { "datastores", 0, 0, G_OPTION_ARG_INT64, &datastores,
      "Generate N more datastores, deterministically, for scale work", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generated data (default 1)", "S" },
    { "latency-ms", 0, 0, G_OPTION_ARG_INT64, &latency_ms, "Answer every request MS later", "MS" },
    { "fault-rate", 0, 0, G_OPTION_ARG_DOUBLE, &fault_rate,
      "Make this share of requests fail the ways real servers do (0 to 1)", "F" },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &state_file,
      "Keep the state in FILE across restarts", "FILE" },
    { "operation-duration-ms", 0, 0, G_OPTION_ARG_INT64, &operation_duration_ms,
      "How long an operation runs (default 4000)", "MS" },
    { "serve-specifications", 0, 0, G_OPTION_ARG_NONE, &serve_specifications,
      "Serve GET /api/datastores/specifications", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(StewardDemoServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, "Serves the documented Qualytics API on 127.0.0.1 with "
                                "demo data.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("steward-demo-server: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (argc > 1)
    {
      g_printerr ("steward-demo-server: unexpected argument \"%s\"\n", argv[1]);
      return EXIT_USAGE;
    }
  if (!check_range ("--port", port, 0, 65535) ||
      !check_range ("--datastores", datastores, 0, 1000000) ||
      !check_range ("--seed", seed, 0, G_MAXUINT) ||
      !check_range ("--latency-ms", latency_ms, 0, 600000) ||
      !check_range ("--operation-duration-ms", operation_duration_ms, 0, 3600000))
    return EXIT_USAGE;
  if (!(fault_rate >= 0.0 && fault_rate <= 1.0))
    {
      g_printerr ("steward-demo-server: --fault-rate must be between 0 and 1\n");
      return EXIT_USAGE;
    }

  server = g_object_new (STEWARD_TYPE_DEMO_SERVER,
                         "seed", (guint) seed,
                         "extra-datastores", (guint) datastores,
                         "latency-ms", (guint) latency_ms,
                         "fault-rate", fault_rate,
                         "state-file", state_file,
                         "operation-duration-ms", (guint) operation_duration_ms,
                         "serve-specifications", serve_specifications,
                         NULL);
  if (!steward_demo_server_start (server, (guint16) port, &error))
    {
      g_printerr ("steward-demo-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  printf ("Listening on %s\n", steward_demo_server_get_base_url (server));
  printf ("token admin %s\n", steward_demo_server_get_token (server, STEWARD_DEMO_ROLE_ADMIN));
  printf ("token manager %s\n", steward_demo_server_get_token (server, STEWARD_DEMO_ROLE_MANAGER));
  printf ("token member %s\n", steward_demo_server_get_token (server, STEWARD_DEMO_ROLE_MEMBER));
  printf ("token expired %s\n", steward_demo_server_get_token (server, STEWARD_DEMO_ROLE_EXPIRED));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  /* Saves the state file, when there is one. */
  steward_demo_server_stop (server);
  return EXIT_SUCCESS;
}
