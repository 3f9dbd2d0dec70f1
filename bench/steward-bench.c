/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-bench"

#include <adwaita.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "steward-api.h"
#include "steward-application.h"
#include "steward-datastore-table.h"
#include "steward-deployment-private.h"
#include "steward-main-view.h"
#include "steward-profile-store.h"
#include "steward-session.h"

/* steward-bench: how fast Steward lists, shows, scrolls, searches, sorts and filters the
 * datastores of a large deployment. Prints one JSON object per scenario on stdout; it asserts
 * nothing but that searching, sorting and filtering send no request. See the README's
 * Performance section for what each number means and the targets they are held to.
 *
 *   steward-bench [list] [window] [search] [sort] [filter] [search-provider] [all] [OPTION…]
 *
 * By default it starts `steward-demo-server --port 0 --datastores N` (from the build directory,
 * next to this program) as a separate process, reads the URL and the admin token from its
 * output, and kills it at the end; --server URL --token-file FILE measures any deployment
 * instead. The token is never printed.
 *
 * Every measurement runs in a child process of this program (it runs itself again with one of
 * the internal commands list-child, window-child and interact-child), so that each starts from a
 * fresh process: `list` measures the model alone, without GTK, and `window` measures from the
 * child's own process start. search-provider (provider-child) measures GNOME Shell's queries to
 * Steward's search provider over D-Bus, answered from the listing cache of a saved profile that
 * is not signed in. The driver only starts servers, runs the children, takes medians and
 * prints. window, search, sort and filter open real windows: run them under
 * build-aux/headless-run.sh, which gives them Xvfb and a D-Bus session. */

#define DEFAULT_DATASTORES "10000"
#define DEFAULT_REPEAT 5
#define CHILD_TIMEOUT_MS 180000
/* Scrolling 50,000 rows a page a frame takes minutes with a software renderer. */
#define SCROLL_TIMEOUT_MS 1200000
#define FRAME_BUDGET_MS 16.7

typedef struct
{
  /* Driver */
  char    *datastores;       /* "1000,10000,50000" */
  int      repeat;
  char    *server;
  char    *token_file;
  char    *demo_server;
  char    *baseline;
  gboolean no_baseline;
  gboolean no_scroll;

  /* Children */
  char    *cache_dir;
  char    *mode;             /* window-child: cold, warm */
  gboolean scroll;
  gint64   spawned_at;       /* CLOCK_BOOTTIME µs when the driver spawned the child */
  gint64   label;            /* datastores the server was asked for, echoed in the output */
  char    *scenarios;        /* interact-child: "search,sort,filter" */

  char    *token;            /* read from token_file */
} Options;

static void
options_clear (Options *options)
{
  g_free (options->datastores);
  g_free (options->server);
  g_free (options->token_file);
  g_free (options->demo_server);
  g_free (options->baseline);
  g_free (options->cache_dir);
  g_free (options->mode);
  g_free (options->scenarios);
  if (options->token != NULL)
    explicit_bzero (options->token, strlen (options->token));
  g_free (options->token);
}

/* Clocks and the process */

static gint64
boottime_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_BOOTTIME, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* When this process started, on the CLOCK_BOOTTIME scale: field 22 of /proc/self/stat, in clock
 * ticks since boot. The kernel rounds it down to a tick (10 ms), so times measured from it are up
 * to a tick longer than the truth, never shorter. */
static gint64
process_start_us (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  long ticks = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL)
    return 0;

  /* After the command's ")" come the fields from the 3rd (state) on: the 22nd is the 20th. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 20 || ticks <= 0)
    return 0;

  return g_ascii_strtoll (fields[19], NULL, 10) * G_USEC_PER_SEC / ticks;
}

/* User and system CPU time of this process, every thread included. */
static gint64
cpu_time_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss * 1024.0 / 1e6;
}

/* A "Vm…:" line of /proc/self/status, in MB (10⁶ bytes). */
static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return NAN;

  return g_ascii_strtod (line + strlen (key), NULL) * 1024.0 / 1e6;
}

static double
ms_between (gint64 from_us,
            gint64 to_us)
{
  return (to_us - from_us) / 1000.0;
}

/* Statistics */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = values != NULL ? values->len : 0;

  if (n == 0)
    return NAN;

  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2.0;
}

static double
maximum (GArray *values)
{
  double max = NAN;

  for (guint i = 0; values != NULL && i < values->len; i++)
    if (isnan (max) || g_array_index (values, double, i) > max)
      max = g_array_index (values, double, i);
  return max;
}

static void
append_double (GArray *values,
               double  value)
{
  if (!isnan (value))
    g_array_append_val (values, value);
}

static GArray *
doubles_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

/* One JSON object on one line */

typedef struct
{
  GString *text;
} JsonLine;

static JsonLine *
json_line_new (void)
{
  JsonLine *line = g_new0 (JsonLine, 1);

  line->text = g_string_new ("{");
  return line;
}

static void
json_line_key (JsonLine   *line,
               const char *key)
{
  if (line->text->len > 1)
    g_string_append_c (line->text, ',');
  g_string_append_printf (line->text, "\"%s\":", key);
}

static void
json_line_string (JsonLine   *line,
                  const char *key,
                  const char *value)
{
  json_line_key (line, key);
  if (value == NULL)
    {
      g_string_append (line->text, "null");
      return;
    }

  g_string_append_c (line->text, '"');
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_printf (line->text, "\\%c", *c);
      else if ((guchar) *c < 0x20)
        g_string_append_printf (line->text, "\\u%04x", (guchar) *c);
      else
        g_string_append_c (line->text, *c);
    }
  g_string_append_c (line->text, '"');
}

static void
json_line_int (JsonLine   *line,
               const char *key,
               gint64      value)
{
  json_line_key (line, key);
  g_string_append_printf (line->text, "%" G_GINT64_FORMAT, value);
}

static void
json_line_double (JsonLine   *line,
                  const char *key,
                  double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  json_line_key (line, key);
  if (isnan (value) || isinf (value))
    g_string_append (line->text, "null");
  else
    g_string_append (line->text, g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

static void
json_line_bool (JsonLine   *line,
                const char *key,
                gboolean    value)
{
  json_line_key (line, key);
  g_string_append (line->text, value ? "true" : "false");
}

static void
json_line_raw (JsonLine   *line,
               const char *key,
               const char *json)
{
  json_line_key (line, key);
  g_string_append (line->text, json);
}

static void
json_line_doubles (JsonLine   *line,
                   const char *key,
                   GArray     *values)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  json_line_key (line, key);
  g_string_append_c (line->text, '[');
  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append_c (line->text, ',');
      g_string_append (line->text, g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                                    g_array_index (values, double, i)));
    }
  g_string_append_c (line->text, ']');
}

/* Prints the line (and frees it); returns it as text when @keep. */
static char *
json_line_finish (JsonLine *line,
                  gboolean  keep)
{
  char *text;

  g_string_append_c (line->text, '}');
  text = g_string_free (line->text, FALSE);
  g_free (line);
  printf ("%s\n", text);
  fflush (stdout);
  if (keep)
    return text;
  g_free (text);
  return NULL;
}

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;
  return json_node_get_double (node);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_int (node);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

/* The main loop */

typedef gboolean (*Condition) (gpointer user_data);

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; FALSE after @timeout_ms. A low-priority wake-up
 * every 20 ms catches conditions that change without a source of this context (a file written
 * by a worker thread). */
static gboolean
wait_until (Condition condition,
            gpointer  user_data,
            guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (timeout_ms, set_flag_cb, &timed_out);
  guint wake = g_timeout_add_full (G_PRIORITY_LOW, 20, wake_cb, NULL, NULL);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout);
  g_source_remove (wake);
  return condition (user_data);
}

static gboolean
never_cb (gpointer user_data)
{
  return FALSE;
}

static void
iterate_for (guint ms)
{
  wait_until (never_cb, NULL, ms);
}

/* The longest time the main loop could not run anything: a high-priority source due every
 * millisecond notes the longest gap between its dispatches; the stall is that gap minus the
 * millisecond. */
typedef struct
{
  GSource *source;
  gint64   last;
  gint64   longest;
} StallMonitor;

static gboolean
stall_tick_cb (gpointer user_data)
{
  StallMonitor *monitor = user_data;
  gint64 now = g_get_monotonic_time ();

  monitor->longest = MAX (monitor->longest, now - monitor->last);
  monitor->last = now;
  return G_SOURCE_CONTINUE;
}

static void
stall_monitor_start (StallMonitor *monitor)
{
  monitor->source = g_timeout_source_new (1);
  g_source_set_priority (monitor->source, G_PRIORITY_HIGH);
  g_source_set_callback (monitor->source, stall_tick_cb, monitor, NULL);
  monitor->last = g_get_monotonic_time ();
  monitor->longest = 0;
  g_source_attach (monitor->source, NULL);
}

static double
stall_monitor_stop (StallMonitor *monitor)
{
  stall_tick_cb (monitor);
  g_source_destroy (monitor->source);
  g_clear_pointer (&monitor->source, g_source_unref);
  return MAX (monitor->longest - 1000, 0) / 1000.0;
}

/* Child processes */

static void
child_setup (gpointer user_data)
{
  /* Whatever happens to the bench, its servers and children do not outlive it. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocessLauncher *
launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  return launcher;
}

static char *
read_token_file (const char  *path,
                 GError     **error)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  g_strstrip (contents);
  if (*contents == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s holds no token", path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static StewardClient *
make_client (Options  *options,
             GError  **error)
{
  StewardClient *client = steward_client_new (options->server, error);

  if (client != NULL)
    steward_client_set_token (client, options->token);
  return client;
}

/* The baseline: the vendor CLI's sequential pager, in Python, against the same server. The token
 * goes through its standard input, never its command line. */
static JsonObject *
run_baseline (Options  *options,
              GError  **error)
{
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                          G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  JsonObject *result;

  process = g_subprocess_launcher_spawn (launcher, error, "python3", options->baseline,
                                         options->server, "-", NULL);
  if (process == NULL)
    return NULL;

  input = g_strconcat (options->token, "\n", NULL);
  if (!g_subprocess_communicate_utf8 (process, input, NULL, &output, NULL, error))
    return NULL;
  explicit_bzero (input, strlen (input));

  if (!g_subprocess_get_successful (process) || (result = parse_object (output)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the baseline pager failed");
      return NULL;
    }
  return result;
}

/* list: every datastore into a fresh StewardDeployment, in this process, without GTK */

typedef struct
{
  gboolean  done;
  GError   *error;
} Refresh;

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Refresh *refresh = user_data;

  steward_deployment_refresh_finish (STEWARD_DEPLOYMENT (object), result, &refresh->error);
  refresh->done = TRUE;
}

static int
list_child (Options *options)
{
  g_autoptr(GArray) wall = doubles_new ();
  g_autoptr(GArray) cpu = doubles_new ();
  g_autoptr(GArray) stalls = doubles_new ();
  g_autoptr(GArray) rss = doubles_new ();
  g_autoptr(GArray) baseline_wall = doubles_new ();
  g_autoptr(GArray) baseline_cpu = doubles_new ();
  guint requests = 0;
  guint64 bytes = 0;
  guint datastores = 0;
  gint64 baseline_items = 0;
  double ratio;
  JsonLine *line;

  for (int i = 0; i < options->repeat; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StewardClient) client = make_client (options, &error);
      g_autoptr(StewardDeployment) deployment = NULL;
      Refresh refresh = { FALSE, NULL };
      StallMonitor monitor;
      gint64 start, cpu_start;

      if (client == NULL)
        {
          g_printerr ("steward-bench: %s\n", error->message);
          return EXIT_FAILURE;
        }
      deployment = steward_deployment_new (client, NULL, NULL);

      cpu_start = cpu_time_us ();
      start = g_get_monotonic_time ();
      stall_monitor_start (&monitor);
      steward_deployment_refresh_async (deployment, NULL, refreshed_cb, &refresh);
      while (!refresh.done)
        g_main_context_iteration (NULL, TRUE);
      g_array_append_val (wall, (double) { ms_between (start, g_get_monotonic_time ()) });
      g_array_append_val (cpu, (double) { (cpu_time_us () - cpu_start) / 1000.0 });
      append_double (stalls, stall_monitor_stop (&monitor));

      if (refresh.error != NULL)
        {
          g_printerr ("steward-bench: listing failed: %s\n", refresh.error->message);
          g_error_free (refresh.error);
          return EXIT_FAILURE;
        }

      datastores = g_list_model_get_n_items (steward_deployment_get_datastores (deployment));
      requests = steward_client_get_request_count (client);
      bytes = steward_client_get_bytes_received (client);
      append_double (rss, status_mb ("VmRSS"));

      g_clear_object (&deployment);
      g_clear_object (&client);
      iterate_for (50);

      if (!options->no_baseline)
        {
          g_autoptr(JsonObject) baseline = run_baseline (options, &error);

          if (baseline == NULL)
            {
              g_printerr ("steward-bench: %s\n", error->message);
              return EXIT_FAILURE;
            }
          append_double (baseline_wall, member_double (baseline, "wall_ms"));
          append_double (baseline_cpu, member_double (baseline, "cpu_ms"));
          baseline_items = member_int (baseline, "items");
        }
    }

  ratio = median (baseline_wall) / median (wall);
  line = json_line_new ();
  json_line_string (line, "scenario", "list");
  json_line_int (line, "datastores_requested", options->label);
  json_line_int (line, "datastores", datastores);
  json_line_int (line, "repeat", options->repeat);
  json_line_double (line, "wall_ms", median (wall));
  json_line_double (line, "cpu_ms", median (cpu));
  json_line_int (line, "requests", requests);
  json_line_int (line, "bytes", (gint64) bytes);
  json_line_double (line, "peak_rss_mb", peak_rss_mb ());
  json_line_double (line, "rss_loaded_mb", median (rss));
  json_line_double (line, "max_stall_ms", maximum (stalls));
  json_line_double (line, "median_stall_ms", median (stalls));
  json_line_double (line, "baseline_wall_ms", median (baseline_wall));
  json_line_double (line, "baseline_cpu_ms", median (baseline_cpu));
  json_line_int (line, "baseline_items", baseline_items);
  json_line_double (line, "baseline_ratio", ratio);
  json_line_doubles (line, "wall_ms_runs", wall);
  json_line_doubles (line, "cpu_ms_runs", cpu);
  json_line_finish (line, FALSE);
  return EXIT_SUCCESS;
}

/* The real view in a window, for window-child and interact-child */

typedef struct
{
  Options               *options;
  StewardApplication    *app;
  StewardClient         *client;
  StewardDeployment     *deployment;
  GtkWindow             *window;
  StewardMainView       *view;
  StewardDatastoreTable *table;
  GdkFrameClock         *clock;
  char                  *cache_path;
  GError                *error;

  gint64                 started;          /* CLOCK_BOOTTIME µs: this process's start */
  gint64                 any_frame;        /* CLOCK_BOOTTIME µs: the window's first after-paint */
  gint64 user_checked;   /* CLOCK_BOOTTIME µs: the token checked, deployment made */
  gint64 first_in_model; /* CLOCK_BOOTTIME µs: the deployment's first datastores */
  gint64                 first_frame;      /* CLOCK_BOOTTIME µs: after-paint with rows; 0 before */
  guint                  first_rows;
  gboolean               first_from_cache;
  guint                  first_requests;
  gint64                 complete_frame;   /* after-paint once the refresh was done */

  /* The frame being drawn, in monotonic µs */
  gint64                 frame_begin;
  gint64                 layout_end;
  gint64                 paint_end;
  gint64                 last_after_paint;
  gint64                 next_after_paint; /* set by the first after-paint once asked for */
  gboolean               want_after_paint;

  /* Scrolling */
  GtkAdjustment         *vadjustment;
  gboolean               scrolling;
  gboolean               scroll_done;
  gboolean               previous_frame_scrolled;
  guint                  scroll_ticks;
  GArray                 *intervals;
  GArray                 *layouts;
  GArray                 *paints;
} View;

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
shown_rows (View *view)
{
  if (g_strcmp0 (steward_datastore_table_get_page (view->table), "list") != 0)
    return 0;
  return g_list_model_get_n_items (
      G_LIST_MODEL (steward_datastore_table_get_selection (view->table)));
}

static gboolean
refresh_finished (View *view)
{
  return view->deployment != NULL && steward_deployment_get_loaded (view->deployment) &&
         !steward_deployment_get_loading (view->deployment) &&
         !steward_deployment_get_from_cache (view->deployment);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 View          *view)
{
  view->frame_begin = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock,
           View          *view)
{
  view->layout_end = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock,
          View          *view)
{
  view->paint_end = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                View          *view)
{
  gint64 now = g_get_monotonic_time ();
  guint rows = shown_rows (view);

  if (view->any_frame == 0)
    view->any_frame = boottime_us ();
  if (view->first_frame == 0 && rows > 0)
    {
      view->first_frame = boottime_us ();
      view->first_rows = rows;
      view->first_from_cache =
          view->deployment != NULL && steward_deployment_get_from_cache (view->deployment);
      view->first_requests = steward_client_get_request_count (view->client);
    }
  if (view->complete_frame == 0 && rows > 0 && refresh_finished (view))
    view->complete_frame = boottime_us ();

  /* Only intervals between two frames that both scrolled: the first scrolled frame follows an
   * idle pause. */
  if (view->scrolling && view->previous_frame_scrolled)
    {
      g_array_append_val (view->intervals, (double) { ms_between (view->last_after_paint, now) });
      g_array_append_val (view->layouts,
                          (double){ ms_between (view->frame_begin, view->layout_end) });
      g_array_append_val (view->paints, (double){ ms_between (view->layout_end, view->paint_end) });
    }
  view->previous_frame_scrolled = view->scrolling && view->scroll_ticks > 0 && !view->scroll_done;

  if (view->want_after_paint && view->next_after_paint == 0)
    view->next_after_paint = now;
  view->last_after_paint = now;
}

static void
datastores_changed_cb (GListModel *datastores,
                       guint       position,
                       guint       removed,
                       guint       added,
                       View       *view)
{
  if (view->first_in_model == 0 && added > 0)
    view->first_in_model = boottime_us ();
}

static void
user_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  View *view = user_data;
  g_autoptr(StewardUser) user = NULL;

  user = steward_client_get_current_user_finish (STEWARD_CLIENT (object), result, &view->error);
  if (user == NULL)
    return;

  /* As the session does once signed in: the deployment, with its listing cache, into the view;
   * the view shows the cache at once and refreshes. */
  view->user_checked = boottime_us ();
  view->deployment = steward_deployment_new (view->client, user, view->cache_path);
  g_signal_connect (steward_deployment_get_datastores (view->deployment), "items-changed",
                    G_CALLBACK (datastores_changed_cb), view);
  steward_main_view_set_deployment (view->view, view->deployment);
}

/* Builds what Steward shows once signed in: the application (its resources and style), a
 * 1280×800 window with the main view, and, once the token is checked as signing in does, the
 * deployment. */
static gboolean
view_start (View     *view,
            Options  *options,
            gboolean  use_cache,
            GError  **error)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  view->options = options;
  view->started = process_start_us ();
  view->intervals = doubles_new ();
  view->layouts = doubles_new ();
  view->paints = doubles_new ();
  if (use_cache)
    view->cache_path = g_build_filename (options->cache_dir, "listing.json", NULL);

  gtk_init ();
  adw_init ();

  view->app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (view->app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (view->app), NULL, error))
    return FALSE;

  view->client = make_client (options, error);
  if (view->client == NULL)
    return FALSE;

  view->window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (view->app)));
  gtk_window_set_title (view->window, "Steward");
  gtk_window_set_default_size (view->window, 1280, 800);
  view->view = STEWARD_MAIN_VIEW (steward_main_view_new ());
  g_menu_append (menu, "_About Steward", "app.about");
  steward_main_view_set_primary_menu (view->view, G_MENU_MODEL (menu));
  steward_main_view_set_subtitle (view->view, "steward-bench");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (view->window),
                                      GTK_WIDGET (view->view));
  view->table = STEWARD_DATASTORE_TABLE (
      find_descendant (GTK_WIDGET (view->view), STEWARD_TYPE_DATASTORE_TABLE));
  if (view->table == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the main view has no datastore table");
      return FALSE;
    }

  gtk_window_present (view->window);
  view->clock = gtk_widget_get_frame_clock (GTK_WIDGET (view->window));
  if (view->clock == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the window has no frame clock (no display?)");
      return FALSE;
    }
  /* After GTK's own handlers of each phase, so the times include its work. */
  g_signal_connect (view->clock, "before-paint", G_CALLBACK (before_paint_cb), view);
  g_signal_connect_after (view->clock, "layout", G_CALLBACK (layout_cb), view);
  g_signal_connect_after (view->clock, "paint", G_CALLBACK (paint_cb), view);
  g_signal_connect_after (view->clock, "after-paint", G_CALLBACK (after_paint_cb), view);

  steward_client_get_current_user_async (view->client, NULL, user_cb, view);
  return TRUE;
}

static gboolean
loaded_cb (gpointer user_data)
{
  View *view = user_data;

  return view->error != NULL || (view->first_frame != 0 && view->complete_frame != 0);
}

static gboolean
view_wait_loaded (View     *view,
                  GError  **error)
{
  if (!wait_until (loaded_cb, view, CHILD_TIMEOUT_MS / 2))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "the list was not shown in time");
      return FALSE;
    }
  if (view->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&view->error));
      return FALSE;
    }
  if (steward_deployment_get_load_error (view->deployment) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "listing failed: %s",
                   steward_deployment_get_load_error (view->deployment));
      return FALSE;
    }
  return TRUE;
}

static void
view_clear (View *view)
{
  if (view->clock != NULL)
    g_signal_handlers_disconnect_by_data (view->clock, view);
  if (view->window != NULL)
    gtk_window_destroy (view->window);
  if (view->deployment != NULL)
    g_signal_handlers_disconnect_by_data (steward_deployment_get_datastores (view->deployment),
                                          view);
  g_clear_object (&view->deployment);
  g_clear_object (&view->client);
  g_clear_object (&view->app);
  g_clear_pointer (&view->cache_path, g_free);
  g_clear_pointer (&view->intervals, g_array_unref);
  g_clear_pointer (&view->layouts, g_array_unref);
  g_clear_pointer (&view->paints, g_array_unref);
  g_clear_error (&view->error);
}

static const char *
renderer_name (View *view)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (view->window));

  return renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none";
}

static double
refresh_interval_ms (View *view)
{
  GdkFrameTimings *timings = gdk_frame_clock_get_current_timings (view->clock);
  gint64 interval = timings != NULL ? gdk_frame_timings_get_refresh_interval (timings) : 0;

  /* 0 when the display does not say (Xvfb). */
  return interval > 0 ? interval / 1000.0 : NAN;
}

/* window-child */

typedef struct
{
  const char *path;
  ino_t       old_inode;
} CacheFile;

/* The deployment saves the cache with an atomic rename: a new inode means a complete new file. */
static gboolean
cache_rewritten_cb (gpointer user_data)
{
  CacheFile *file = user_data;
  struct stat info;

  return stat (file->path, &info) == 0 && info.st_ino != file->old_inode;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  View *view = user_data;
  double value = gtk_adjustment_get_value (view->vadjustment);
  double page = gtk_adjustment_get_page_size (view->vadjustment);
  double upper = gtk_adjustment_get_upper (view->vadjustment);

  if (value + page >= upper - 0.5 || view->scroll_ticks > 100000)
    {
      view->scroll_done = TRUE;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (view->vadjustment, MIN (value + page, upper - page));
  view->scroll_ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
scroll_done_cb (gpointer user_data)
{
  return ((View *) user_data)->scroll_done;
}

/* Top to bottom, one page a frame, from a tick callback (the "update" phase of each frame). */
static gboolean
view_scroll (View     *view,
             GError  **error)
{
  GtkWidget *column_view = find_descendant (GTK_WIDGET (view->table), GTK_TYPE_COLUMN_VIEW);

  if (column_view == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the table has no column view");
      return FALSE;
    }

  view->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  gtk_adjustment_set_value (view->vadjustment, 0);
  iterate_for (200);

  view->scrolling = TRUE;
  gtk_widget_add_tick_callback (column_view, scroll_tick_cb, view, NULL);
  if (!wait_until (scroll_done_cb, view, SCROLL_TIMEOUT_MS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "scrolling did not reach the bottom in time");
      return FALSE;
    }
  view->scrolling = FALSE;
  return TRUE;
}

static guint
count_over (GArray *values,
            double  limit)
{
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, double, i) > limit)
      n++;
  return n;
}

static int
window_child (Options *options)
{
  g_autoptr(GError) error = NULL;
  gboolean use_cache = g_strcmp0 (options->mode, "empty") != 0;
  View view = { 0 };
  CacheFile cache = { NULL, 0 };
  double rss_mb;
  JsonLine *line;

  if (use_cache)
    {
      g_autofree char *path = g_build_filename (options->cache_dir, "listing.json", NULL);
      struct stat info;

      if (stat (path, &info) == 0)
        cache.old_inode = info.st_ino;
      if (g_strcmp0 (options->mode, "warm") == 0 && cache.old_inode == 0)
        {
          g_printerr ("steward-bench: a warm start needs the cache a cold run writes: %s\n", path);
          return EXIT_FAILURE;
        }
    }

  if (!view_start (&view, options, use_cache, &error) || !view_wait_loaded (&view, &error))
    goto failed;

  /* The refresh rewrites the cache; the next run's warm start reads it, and its writing must not
   * fall into the scrolling measured below. */
  if (use_cache)
    {
      cache.path = view.cache_path;
      if (!wait_until (cache_rewritten_cb, &cache, CHILD_TIMEOUT_MS / 4))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "the listing cache was not written");
          goto failed;
        }
    }
  iterate_for (100);
  rss_mb = status_mb ("VmRSS");

  if (options->scroll && !view_scroll (&view, &error))
    goto failed;

  line = json_line_new ();
  json_line_string (line, "mode", options->mode);
  json_line_double (line, "first_frame_ms", ms_between (view.started, view.first_frame));
  json_line_double (line, "spawn_to_first_frame_ms",
                    options->spawned_at > 0 ? ms_between (options->spawned_at, view.first_frame)
                                            : NAN);
  json_line_double (line, "any_frame_ms", ms_between (view.started, view.any_frame));
  json_line_double (line, "signed_in_ms", ms_between (view.started, view.user_checked));
  json_line_double (line, "first_in_model_ms", ms_between (view.started, view.first_in_model));
  json_line_int (line, "first_frame_rows", view.first_rows);
  json_line_bool (line, "first_frame_from_cache", view.first_from_cache);
  json_line_int (line, "requests_before_first_frame", view.first_requests);
  json_line_double (line, "complete_ms", ms_between (view.started, view.complete_frame));
  json_line_int (line, "datastores",
                 g_list_model_get_n_items (steward_deployment_get_datastores (view.deployment)));
  json_line_int (line, "rows", shown_rows (&view));
  json_line_double (line, "rss_mb", rss_mb);
  json_line_string (line, "renderer", renderer_name (&view));
  json_line_double (line, "refresh_interval_ms", refresh_interval_ms (&view));
  if (options->scroll)
    {
      json_line_int (line, "scroll_frames", view.intervals->len);
      json_line_double (line, "scroll_longest_gap_ms", maximum (view.intervals));
      json_line_double (line, "scroll_median_gap_ms", median (view.intervals));
      json_line_int (line, "scroll_gaps_over_16_7ms", count_over (view.intervals, FRAME_BUDGET_MS));
      json_line_int (line, "scroll_gaps_over_1_5_frames",
                     count_over (view.intervals, 1.5 * FRAME_BUDGET_MS));
      json_line_double (line, "scroll_longest_layout_ms", maximum (view.layouts));
      json_line_double (line, "scroll_median_layout_ms", median (view.layouts));
      json_line_double (line, "scroll_longest_paint_ms", maximum (view.paints));
      json_line_double (line, "scroll_median_paint_ms", median (view.paints));
    }
  json_line_finish (line, FALSE);
  view_clear (&view);
  return EXIT_SUCCESS;

failed:
  g_printerr ("steward-bench: window (%s): %s\n", options->mode, error->message);
  view_clear (&view);
  return EXIT_FAILURE;
}

/* interact-child: search, sort and filter in the loaded view */

typedef struct
{
  View         *view;
  GtkEditable  *search_entry;
  GListModel   *sorted;
  GListModel   *filtered;
  gboolean      search_changed;
} Interaction;

typedef struct
{
  const char *kind;     /* search, sort-by, sort-descending, filter-type, filter-tag */
  char       *value;
  char       *label;
  GArray     *model_ms;
  GArray     *frame_ms;
  guint       rows;
} Step;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->value);
  g_free (step->label);
  g_array_unref (step->model_ms);
  g_array_unref (step->frame_ms);
  g_free (step);
}

static void
add_step (GPtrArray  *steps,
          const char *kind,
          const char *value)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->value = g_strdup (value);
  step->label = value != NULL ? g_strdup_printf ("%s %s", kind, *value != '\0' ? value : "(none)")
                              : g_strdup (kind);
  step->model_ms = doubles_new ();
  step->frame_ms = doubles_new ();
  g_ptr_array_add (steps, step);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   Interaction    *interaction)
{
  interaction->search_changed = TRUE;
}

static guint
model_pending (GListModel *model)
{
  if (GTK_IS_SORT_LIST_MODEL (model))
    return gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (model));
  if (GTK_IS_FILTER_LIST_MODEL (model))
    return gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (model));
  return 0;
}

static gboolean
settled_cb (gpointer user_data)
{
  Interaction *interaction = user_data;

  return interaction->search_changed && model_pending (interaction->sorted) == 0 &&
         model_pending (interaction->filtered) == 0;
}

static gboolean
next_frame_cb (gpointer user_data)
{
  return ((View *) user_data)->next_after_paint != 0;
}

/* From the input to the list model settled (the sorted model the table shows has taken the
 * change), then to the next frame painted. */
static gboolean
measure_step (Interaction  *interaction,
              Step         *step,
              GError      **error)
{
  View *view = interaction->view;
  gint64 start;

  view->want_after_paint = FALSE;
  view->next_after_paint = 0;
  interaction->search_changed = !g_str_equal (step->kind, "search");

  start = g_get_monotonic_time ();
  if (g_str_equal (step->kind, "search"))
    gtk_editable_set_text (interaction->search_entry, step->value);
  else if (g_str_equal (step->kind, "sort-descending"))
    gtk_widget_activate_action (GTK_WIDGET (view->view), "view.sort-descending", NULL);
  else
    {
      g_autofree char *action = g_strconcat ("view.", step->kind, NULL);

      gtk_widget_activate_action (GTK_WIDGET (view->view), action, "s", step->value);
    }

  if (!wait_until (settled_cb, interaction, 10000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s: the list did not settle",
                   step->label);
      return FALSE;
    }
  append_double (step->model_ms, ms_between (start, g_get_monotonic_time ()));

  view->want_after_paint = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (view->table));
  if (wait_until (next_frame_cb, view, 2000))
    append_double (step->frame_ms, ms_between (start, view->next_after_paint));
  view->want_after_paint = FALSE;
  step->rows = g_list_model_get_n_items (interaction->sorted);

  /* Let the frame and anything it started finish before the next input. */
  iterate_for (60);
  return TRUE;
}

static char *
most_common (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count ||
        (GPOINTER_TO_UINT (value) == best_count && g_strcmp0 (key, best) < 0))
      {
        best = key;
        best_count = GPOINTER_TO_UINT (value);
      }
  return g_strdup (best);
}

static void
count_value (GHashTable *counts,
             const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (counts, g_strdup (value),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, value)) +
                                           1));
}

/* The connector type and the tag most datastores have: filters that keep a real share. */
static void
pick_filters (View  *view,
              char **type,
              char **tag)
{
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *datastores = steward_deployment_get_datastores (view->deployment);

  for (guint i = 0; i < g_list_model_get_n_items (datastores); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);
      const char * const *its_tags = steward_datastore_get_tags (datastore);

      count_value (types, steward_datastore_get_datastore_type (datastore));
      for (guint j = 0; its_tags != NULL && its_tags[j] != NULL; j++)
        count_value (tags, its_tags[j]);
    }

  *type = most_common (types);
  *tag = most_common (tags);
}

static void
print_steps (Options    *options,
             const char *scenario,
             GPtrArray  *steps,
             guint       datastores,
             guint       requests)
{
  g_autoptr(GArray) model_ms = doubles_new ();
  g_autoptr(GArray) frame_ms = doubles_new ();
  g_autoptr(GString) details = g_string_new ("[");
  JsonLine *line;
  gboolean any = FALSE;

  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = g_ptr_array_index (steps, i);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (!g_str_has_prefix (step->kind, scenario))
        continue;
      g_array_append_vals (model_ms, step->model_ms->data, step->model_ms->len);
      g_array_append_vals (frame_ms, step->frame_ms->data, step->frame_ms->len);

      if (any)
        g_string_append_c (details, ',');
      g_string_append_printf (details, "{\"input\":\"%s\",\"rows\":%u,\"ms\":%s,", step->label,
                              step->rows,
                              g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                               median (step->model_ms)));
      g_string_append_printf (details, "\"frame_ms\":%s}",
                              g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                               median (step->frame_ms)));
      any = TRUE;
    }
  g_string_append_c (details, ']');

  line = json_line_new ();
  json_line_string (line, "scenario", scenario);
  json_line_int (line, "datastores_requested", options->label);
  json_line_int (line, "datastores", datastores);
  json_line_int (line, "repeat", options->repeat);
  json_line_int (line, "measurements", model_ms->len);
  json_line_double (line, "ms", median (model_ms));
  json_line_double (line, "max_ms", maximum (model_ms));
  json_line_double (line, "frame_ms", median (frame_ms));
  json_line_double (line, "frame_max_ms", maximum (frame_ms));
  json_line_int (line, "requests", requests);
  json_line_bool (line, "no_request", requests == 0);
  json_line_raw (line, "steps", details->str);
  json_line_finish (line, FALSE);
}

static int
interact_child (Options *options)
{
  static const char *sorts[] = { "created", "favorite", "containers", "anomalies", "name" };
  static const char *keys[] = { "o", "or", "ord", "orde", "order", "orders", "" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (step_free);
  g_auto(GStrv) scenarios = g_strsplit (options->scenarios, ",", 0);
  g_autofree char *type = NULL;
  g_autofree char *tag = NULL;
  Interaction interaction = { 0 };
  View view = { 0 };
  guint requests_before;
  guint datastores;

  if (!view_start (&view, options, FALSE, &error) || !view_wait_loaded (&view, &error))
    goto failed;
  iterate_for (500);

  interaction.view = &view;
  interaction.search_entry =
      GTK_EDITABLE (find_descendant (GTK_WIDGET (view.view), GTK_TYPE_SEARCH_ENTRY));
  g_object_get (steward_datastore_table_get_selection (view.table), "model", &interaction.sorted,
                NULL);
  if (interaction.search_entry == NULL || interaction.sorted == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "no search entry or list model in the view");
      goto failed;
    }
  interaction.filtered =
      GTK_IS_SORT_LIST_MODEL (interaction.sorted)
          ? gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (interaction.sorted))
          : NULL;
  g_signal_connect_after (interaction.search_entry, "search-changed",
                          G_CALLBACK (search_changed_cb), &interaction);
  datastores = g_list_model_get_n_items (steward_deployment_get_datastores (view.deployment));
  pick_filters (&view, &type, &tag);

  if (g_strv_contains ((const char * const *) scenarios, "search"))
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      add_step (steps, "search", keys[i]);
  if (g_strv_contains ((const char * const *) scenarios, "sort"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
        add_step (steps, "sort-by", sorts[i]);
      add_step (steps, "sort-descending", NULL);
      add_step (steps, "sort-descending", NULL);
    }
  if (g_strv_contains ((const char * const *) scenarios, "filter"))
    {
      add_step (steps, "filter-type", type != NULL ? type : "");
      add_step (steps, "filter-type", "");
      add_step (steps, "filter-tag", tag != NULL ? tag : "");
      add_step (steps, "filter-tag", "");
    }

  /* As a user would open it, with Ctrl+F. */
  gtk_widget_activate_action (GTK_WIDGET (view.view), "view.search", NULL);
  iterate_for (200);

  requests_before = steward_client_get_request_count (view.client);
  for (int r = 0; r < options->repeat; r++)
    for (guint i = 0; i < steps->len; i++)
      if (!measure_step (&interaction, g_ptr_array_index (steps, i), &error))
        goto failed;

  {
    guint requests = steward_client_get_request_count (view.client) - requests_before;

    for (guint i = 0; scenarios[i] != NULL; i++)
      print_steps (options, scenarios[i], steps, datastores, requests);

    g_object_unref (interaction.sorted);
    view_clear (&view);
    return requests == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
  }

failed:
  g_printerr ("steward-bench: %s: %s\n", options->scenarios, error->message);
  g_clear_object (&interaction.sorted);
  view_clear (&view);
  return EXIT_FAILURE;
}

/* GNOME Shell's search, for provider-child: the listing of a saved profile saved to its cache,
 * then Steward, signed out, asked over D-Bus as the Shell asks: GetInitialResultSet for what
 * was typed, then GetResultMetas for the results it shows. */

typedef struct
{
  GDBusConnection *shell;
  const char      *bus_name;
  char            *object_path;
  GVariant        *reply;
  GError          *error;
  gboolean         done;
} ShellCall;

static void
shell_call_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShellCall *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &call->error);
  call->done = TRUE;
}

static gboolean
shell_call_done_cb (gpointer user_data)
{
  return ((ShellCall *) user_data)->done;
}

static GVariant *
shell_call (ShellCall   *call,
            const char  *method,
            GVariant    *parameters,
            const char  *reply_type,
            GError     **error)
{
  call->done = FALSE;
  g_dbus_connection_call (call->shell, call->bus_name, call->object_path,
                          "org.gnome.Shell.SearchProvider2", method, parameters,
                          G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 60000, NULL,
                          shell_call_cb, call);
  if (!wait_until (shell_call_done_cb, call, 60000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s did not answer", method);
      return NULL;
    }
  if (call->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&call->error));
      return NULL;
    }
  return g_steal_pointer (&call->reply);
}

/* One query as the Shell makes it; returns how many results it had, or -1 on failure. */
static int
shell_query (ShellCall   *call,
             const char  *text,
             GError     **error)
{
  g_auto(GStrv) terms = g_strsplit (text, " ", 0);
  g_autoptr(GVariant) results = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autofree const char **ids = NULL;
  const char *shown[6] = { NULL };

  results = shell_call (call, "GetInitialResultSet", g_variant_new ("(^as)", terms), "(as)", error);
  if (results == NULL)
    return -1;
  g_variant_get (results, "(^a&s)", &ids);
  /* The Shell shows five results of a provider at first. */
  for (guint i = 0; ids[i] != NULL && i < 5; i++)
    shown[i] = ids[i];
  metas = shell_call (call, "GetResultMetas", g_variant_new ("(^as)", shown), "(aa{sv})", error);
  if (metas == NULL)
    return -1;
  return (int) g_strv_length ((char **) ids);
}

/* Whether the listing cache and the search index beside it are written, and of one listing (a
 * refresh and a save each write both). */
static gboolean
search_index_current_cb (gpointer user_data)
{
  StewardDeployment *deployment = user_data;
  g_autoptr(GVariant) search = NULL;
  g_autofree char *search_path = NULL;
  g_autofree char *stamp = NULL;

  if (deployment->cache_path == NULL ||
      (stamp = _steward_listing_cache_stamp (deployment->cache_path)) == NULL)
    return FALSE;
  search_path = _steward_listing_search_path (deployment->cache_path);
  search = _steward_listing_search_load (search_path, stamp,
                                         steward_client_get_base_url (deployment->client),
                                         G_MAXSIZE, NULL);
  return search != NULL &&
         g_variant_n_children (search) ==
         g_list_model_get_n_items (steward_deployment_get_datastores (deployment));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
provider_child (Options *options)
{
  /* What users type: a word of names, a connector, a tag, a letter, two terms, nothing found. */
  static const char *queries[] = {
    "orders", "cust", "Payments", "snowflake", "pii", "gdpr", "e", "eu ledger", "raw archive",
    "postgresql critical", "zzz",
  };
  g_autofree char *cache_home = g_dir_make_tmp ("steward-bench-provider-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) totals = doubles_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(StewardProfileStore) profiles = NULL;
  g_autoptr(StewardProfile) profile = NULL;
  g_autoptr(StewardClient) client = NULL;
  g_autoptr(StewardDeployment) deployment = NULL;
  g_autoptr(StewardApplication) app = NULL;
  g_autofree char *cache_path = NULL;
  g_autofree char *address = NULL;
  ShellCall call = { 0 };
  Refresh refresh = { FALSE, NULL };
  guint datastores;
  gint64 start;
  double first_ms;
  int found = 0;
  int results = 0;
  JsonLine *line;

  /* Before anything reads it: the cache is the child's own. */
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  client = make_client (options, &error);
  if (client == NULL)
    goto failed;

  /* A saved profile and its listing's cache, as an earlier run of Steward leaves them. */
  settings = g_settings_new ("io.github.stewardapp.Steward");
  profiles = steward_profile_store_new (settings);
  profile = steward_profile_new ("Bench", steward_client_get_base_url (client));
  steward_profile_store_add (profiles, profile);
  cache_path = steward_session_listing_cache_path (profile);
  deployment = steward_deployment_new (client, NULL, cache_path);
  steward_deployment_refresh_async (deployment, NULL, refreshed_cb, &refresh);
  while (!refresh.done)
    g_main_context_iteration (NULL, TRUE);
  if (refresh.error != NULL)
    {
      g_propagate_error (&error, refresh.error);
      goto failed;
    }
  datastores = g_list_model_get_n_items (steward_deployment_get_datastores (deployment));
  steward_deployment_save_cache (deployment);
  if (!wait_until (search_index_current_cb, deployment, CHILD_TIMEOUT_MS / 2))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "the listing cache and its search index were not written");
      goto failed;
    }
  /* From here on there is no client: nothing can reach the server. */
  g_clear_object (&deployment);
  g_clear_object (&client);
  iterate_for (100);

  gtk_init ();
  adw_init ();
  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    goto failed;

  /* The Shell's side: a connection of its own to the session bus. */
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (address == NULL)
    goto failed;
  call.shell = g_dbus_connection_new_for_address_sync (
    address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  if (call.shell == NULL)
    goto failed;
  call.bus_name =
    g_dbus_connection_get_unique_name (g_application_get_dbus_connection (G_APPLICATION (app)));
  call.object_path = g_strconcat (g_application_get_dbus_object_path (G_APPLICATION (app)),
                                  "/SearchProvider", NULL);

  /* The first query just after start: it waits for the cache to be read. */
  start = g_get_monotonic_time ();
  if ((found = shell_query (&call, queries[0], &error)) < 0)
    goto failed;
  first_ms = ms_between (start, g_get_monotonic_time ());
  if (found == 0 && shell_query (&call, "orders", &error) == 0)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the provider found nothing in the cache");
      goto failed;
    }

  for (int r = 0; r < MAX (options->repeat, 1) * 4; r++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        int n;

        start = g_get_monotonic_time ();
        n = shell_query (&call, queries[i], &error);
        if (n < 0)
          goto failed;
        append_double (totals, ms_between (start, g_get_monotonic_time ()));
        results += r == 0 ? n : 0;
      }

  line = json_line_new ();
  json_line_string (line, "scenario", "search-provider");
  json_line_int (line, "datastores_requested", options->label);
  json_line_int (line, "datastores", datastores);
  json_line_int (line, "queries", totals->len);
  json_line_int (line, "results_first_round", results);
  json_line_double (line, "first_query_ms", first_ms);
  json_line_double (line, "median_ms", median (totals));
  json_line_double (line, "worst_ms", maximum (totals));
  json_line_finish (line, FALSE);

  g_clear_object (&call.shell);
  g_free (call.object_path);
  g_clear_object (&app);
  remove_tree (cache_home);
  return EXIT_SUCCESS;

failed:
  g_printerr ("steward-bench: search-provider: %s\n", error->message);
  g_clear_object (&call.shell);
  g_free (call.object_path);
  remove_tree (cache_home);
  return EXIT_FAILURE;
}

/* The driver */

typedef struct
{
  GSubprocess *process;
  char        *url;
  char        *token;
} DemoServer;

static void
demo_server_stop (DemoServer *server)
{
  if (server->process != NULL)
    {
      g_subprocess_send_signal (server->process, SIGTERM);
      g_subprocess_wait (server->process, NULL, NULL);
    }
  g_clear_object (&server->process);
  g_clear_pointer (&server->url, g_free);
  if (server->token != NULL)
    explicit_bzero (server->token, strlen (server->token));
  g_clear_pointer (&server->token, g_free);
}

/* `steward-demo-server --port 0 --datastores N`, in its own process; its first lines say where
 * it listens and the admin's token. */
static gboolean
demo_server_start (DemoServer  *server,
                   const char  *program,
                   gint64       datastores,
                   GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, datastores);

  server->process = g_subprocess_launcher_spawn (launcher, error, program, "--port", "0",
                                                 "--datastores", count, NULL);
  if (server->process == NULL)
    return FALSE;

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  while (server->url == NULL || server->token == NULL)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, error);

      if (line == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s ended before it listened",
                         program);
          demo_server_stop (server);
          return FALSE;
        }
      if (g_str_has_prefix (line, "Listening on "))
        server->url = g_strdup (line + strlen ("Listening on "));
      else if (g_str_has_prefix (line, "token admin "))
        {
          server->token = g_strdup (line + strlen ("token admin "));
          explicit_bzero (line, strlen (line));
        }
    }
  return TRUE;
}

typedef struct
{
  const char *self_path;
  char       *tmp_dir;
  char       *token_path;
  gboolean    failed;
} Driver;

/* Runs this program again with @args; returns its stdout, or NULL when it failed. */
static char *
run_child (Driver      *driver,
           GPtrArray   *args,
           GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;

  g_ptr_array_insert (args, 0, g_strdup (driver->self_path));
  g_ptr_array_add (args, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, error);
  if (process == NULL)
    return NULL;
  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, error))
    return NULL;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s failed (see above)",
                   (char *) args->pdata[1]);
      if (output != NULL && *output != '\0')
        printf ("%s", output);
      return NULL;
    }
  return g_steal_pointer (&output);
}

static GPtrArray *
child_args (Driver     *driver,
            Options    *options,
            const char *command,
            const char *url,
            gint64      label)
{
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup (command));
  g_ptr_array_add (args, g_strdup_printf ("--server=%s", url));
  g_ptr_array_add (args, g_strdup_printf ("--token-file=%s", driver->token_path));
  g_ptr_array_add (args, g_strdup_printf ("--label=%" G_GINT64_FORMAT, label));
  g_ptr_array_add (args, g_strdup_printf ("--repeat=%d", options->repeat));
  return args;
}

/* What one size measured, for the scale table. */
typedef struct
{
  gint64      label;
  JsonObject *list;
  JsonObject *window;
  JsonObject *search;
  JsonObject *sort;
  JsonObject *filter;
} SizeResult;

static void
size_result_clear (SizeResult *result)
{
  g_clear_pointer (&result->list, json_object_unref);
  g_clear_pointer (&result->window, json_object_unref);
  g_clear_pointer (&result->search, json_object_unref);
  g_clear_pointer (&result->sort, json_object_unref);
  g_clear_pointer (&result->filter, json_object_unref);
}

/* Prints the children's lines as they are, keeping each scenario's object. */
static void
relay (const char *output,
       SizeResult *result)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", 0);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonObject) object = NULL;
      const char *scenario;

      if (*lines[i] == '\0')
        continue;
      printf ("%s\n", lines[i]);
      fflush (stdout);

      object = parse_object (lines[i]);
      scenario = object != NULL && json_object_has_member (object, "scenario")
                 ? json_object_get_string_member (object, "scenario") : NULL;
      if (g_strcmp0 (scenario, "list") == 0)
        result->list = g_steal_pointer (&object);
      else if (g_strcmp0 (scenario, "search") == 0)
        result->search = g_steal_pointer (&object);
      else if (g_strcmp0 (scenario, "sort") == 0)
        result->sort = g_steal_pointer (&object);
      else if (g_strcmp0 (scenario, "filter") == 0)
        result->filter = g_steal_pointer (&object);
    }
}

static JsonObject *
run_window_child (Driver      *driver,
                  Options     *options,
                  const char  *url,
                  gint64       label,
                  const char  *mode,
                  const char  *cache_dir,
                  gboolean     scroll,
                  GError     **error)
{
  g_autoptr(GPtrArray) args = child_args (driver, options, "window-child", url, label);
  g_autofree char *output = NULL;
  JsonObject *object;

  g_ptr_array_add (args, g_strdup_printf ("--mode=%s", mode));
  g_ptr_array_add (args, g_strdup_printf ("--cache-dir=%s", cache_dir));
  if (scroll)
    g_ptr_array_add (args, g_strdup ("--scroll"));
  g_ptr_array_add (args, g_strdup_printf ("--spawned-at=%" G_GINT64_FORMAT, boottime_us ()));

  output = run_child (driver, args, error);
  if (output == NULL)
    return NULL;
  object = parse_object (output);
  if (object == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "window-child printed no result");
  return object;
}

static void
collect (GArray     *values,
         JsonObject *object,
         const char *name)
{
  append_double (values, member_double (object, name));
}

/* window: per repeat, a cold start (no cache; it writes one) then a warm start from that cache,
 * each in a new process; the cold ones also scroll. An empty view's memory, measured once against
 * a server with no generated datastores, gives the growth per datastore. */
static JsonObject *
run_window (Driver      *driver,
            Options     *options,
            const char  *url,
            gint64       label,
            JsonObject  *empty,
            GError     **error)
{
  g_autofree char *cache_dir = g_build_filename (driver->tmp_dir, "cache", NULL);
  g_autofree char *cache_path = g_build_filename (cache_dir, "listing.json", NULL);
  g_autoptr(GArray) cold = doubles_new ();
  g_autoptr(GArray) cold_spawn = doubles_new ();
  g_autoptr(GArray) cold_complete = doubles_new ();
  g_autoptr(GArray) cold_any = doubles_new ();
  g_autoptr(GArray) cold_in_model = doubles_new ();
  g_autoptr(GArray) warm_any = doubles_new ();
  g_autoptr(GArray) warm_in_model = doubles_new ();
  g_autoptr(GArray) warm = doubles_new ();
  g_autoptr(GArray) warm_spawn = doubles_new ();
  g_autoptr(GArray) rss = doubles_new ();
  g_autoptr(GArray) gap = doubles_new ();
  g_autoptr(GArray) median_gap = doubles_new ();
  g_autoptr(GArray) layout = doubles_new ();
  g_autoptr(GArray) paint = doubles_new ();
  g_autoptr(GString) renderer = g_string_new (NULL);
  gint64 over = 0, over_frames = 0, frames = 0, rows = 0, warm_from_cache = 0;
  double refresh_interval = NAN, growth = NAN;
  JsonLine *line;
  char *text;
  JsonObject *result;

  g_mkdir_with_parents (cache_dir, 0700);
  for (int i = 0; i < options->repeat; i++)
    {
      g_autoptr(JsonObject) cold_run = NULL;
      g_autoptr(JsonObject) warm_run = NULL;
      gboolean scroll = !options->no_scroll;

      g_unlink (cache_path);
      cold_run = run_window_child (driver, options, url, label, "cold", cache_dir, scroll, error);
      if (cold_run == NULL)
        return NULL;
      warm_run = run_window_child (driver, options, url, label, "warm", cache_dir, FALSE, error);
      if (warm_run == NULL)
        return NULL;

      collect (cold, cold_run, "first_frame_ms");
      collect (cold_spawn, cold_run, "spawn_to_first_frame_ms");
      collect (cold_complete, cold_run, "complete_ms");
      collect (cold_any, cold_run, "any_frame_ms");
      collect (cold_in_model, cold_run, "first_in_model_ms");
      collect (warm_any, warm_run, "any_frame_ms");
      collect (warm_in_model, warm_run, "first_in_model_ms");
      collect (warm, warm_run, "first_frame_ms");
      collect (warm_spawn, warm_run, "spawn_to_first_frame_ms");
      collect (rss, cold_run, "rss_mb");
      collect (gap, cold_run, "scroll_longest_gap_ms");
      collect (median_gap, cold_run, "scroll_median_gap_ms");
      collect (layout, cold_run, "scroll_longest_layout_ms");
      collect (paint, cold_run, "scroll_longest_paint_ms");
      over += member_int (cold_run, "scroll_gaps_over_16_7ms");
      over_frames += member_int (cold_run, "scroll_gaps_over_1_5_frames");
      frames += member_int (cold_run, "scroll_frames");
      rows = member_int (cold_run, "datastores");
      warm_from_cache +=
          json_object_get_boolean_member_with_default (warm_run, "first_frame_from_cache", FALSE);
      refresh_interval = member_double (cold_run, "refresh_interval_ms");
      g_string_assign (renderer,
                       json_object_get_string_member_with_default (cold_run, "renderer", "?"));
    }
  g_unlink (cache_path);
  g_rmdir (cache_dir);

  if (empty != NULL && rows > member_int (empty, "datastores"))
    growth = (median (rss) - member_double (empty, "rss_mb")) /
             (double) (rows - member_int (empty, "datastores")) * 10000.0;

  line = json_line_new ();
  json_line_string (line, "scenario", "window");
  json_line_int (line, "datastores_requested", label);
  json_line_int (line, "datastores", rows);
  json_line_int (line, "repeat", options->repeat);
  /* Where the time to the first populated frame went: the window's first frame (the toolkit's
   * start and first paint), the first datastores in the model, then the frame that shows them. */
  json_line_double (line, "cold_any_frame_ms", median (cold_any));
  json_line_double (line, "cold_first_in_model_ms", median (cold_in_model));
  json_line_double (line, "cold_first_frame_ms", median (cold));
  json_line_double (line, "cold_spawn_to_first_frame_ms", median (cold_spawn));
  json_line_double (line, "cold_complete_ms", median (cold_complete));
  json_line_double (line, "warm_any_frame_ms", median (warm_any));
  json_line_double (line, "warm_first_in_model_ms", median (warm_in_model));
  json_line_double (line, "warm_first_frame_ms", median (warm));
  json_line_double (line, "warm_spawn_to_first_frame_ms", median (warm_spawn));
  json_line_int (line, "warm_from_cache_runs", warm_from_cache);
  json_line_string (line, "renderer", renderer->str);
  json_line_double (line, "refresh_interval_ms", refresh_interval);
  json_line_double (line, "rss_mb", median (rss));
  json_line_double (line, "empty_view_rss_mb", member_double (empty, "rss_mb"));
  json_line_double (line, "rss_growth_per_10k_mb", growth);
  if (!options->no_scroll)
    {
      json_line_int (line, "scroll_frames", frames);
      json_line_double (line, "scroll_longest_gap_ms", maximum (gap));
      json_line_double (line, "scroll_longest_gap_median_ms", median (gap));
      json_line_double (line, "scroll_median_gap_ms", median (median_gap));
      json_line_int (line, "scroll_gaps_over_16_7ms", over);
      json_line_int (line, "scroll_gaps_over_1_5_frames", over_frames);
      json_line_double (line, "scroll_longest_layout_ms", maximum (layout));
      json_line_double (line, "scroll_longest_paint_ms", maximum (paint));
    }
  json_line_doubles (line, "cold_first_frame_ms_runs", cold);
  json_line_doubles (line, "warm_first_frame_ms_runs", warm);
  text = json_line_finish (line, TRUE);
  result = parse_object (text);
  g_free (text);
  return result;
}

static gboolean
write_token (Driver      *driver,
             const char  *token,
             GError     **error)
{
  return g_file_set_contents_full (driver->token_path, token, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}

static void
target (JsonLine   *line,
        const char *name,
        double      value,
        double      limit,
        gboolean    at_least)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean met = !isnan (value) && (at_least ? value >= limit : value <= limit);

  if (isnan (value))
    return;
  g_string_append_printf (text, "{\"value\":%s,",
                          g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
  g_string_append_printf (text, "\"%s\":%s,\"met\":%s}", at_least ? "min" : "max",
                          g_ascii_formatd (buffer, sizeof buffer, "%.1f", limit),
                          met ? "true" : "false");
  json_line_raw (line, name, text->str);
}

/* The project's targets, set for 10,000 datastores. */
static void
print_targets (SizeResult *result)
{
  JsonLine *line = json_line_new ();

  json_line_string (line, "scenario", "targets");
  json_line_int (line, "datastores_requested", result->label);
  target (line, "list_wall_ms", member_double (result->list, "wall_ms"), 400, FALSE);
  target (line, "list_cpu_ms", member_double (result->list, "cpu_ms"), 250, FALSE);
  target (line, "list_baseline_ratio", member_double (result->list, "baseline_ratio"), 3, TRUE);
  target (line, "list_peak_rss_mb", member_double (result->list, "peak_rss_mb"), 150, FALSE);
  target (line, "window_cold_first_frame_ms", member_double (result->window, "cold_first_frame_ms"),
          1000, FALSE);
  target (line, "window_warm_first_frame_ms", member_double (result->window, "warm_first_frame_ms"),
          300, FALSE);
  target (line, "scroll_longest_layout_ms",
          member_double (result->window, "scroll_longest_layout_ms"), 16, FALSE);
  target (line, "search_ms", member_double (result->search, "max_ms"), 50, FALSE);
  target (line, "sort_ms", member_double (result->sort, "max_ms"), 50, FALSE);
  target (line, "filter_ms", member_double (result->filter, "max_ms"), 50, FALSE);
  json_line_finish (line, FALSE);
}

static void
print_scale_row (SizeResult *result)
{
  JsonLine *line = json_line_new ();

  json_line_string (line, "scenario", "scale");
  json_line_int (line, "datastores_requested", result->label);
  json_line_int (line, "datastores",
                 result->list != NULL ? member_int (result->list, "datastores")
                                      : member_int (result->window, "datastores"));
  json_line_double (line, "list_wall_ms", member_double (result->list, "wall_ms"));
  json_line_double (line, "list_cpu_ms", member_double (result->list, "cpu_ms"));
  json_line_double (line, "list_peak_rss_mb", member_double (result->list, "peak_rss_mb"));
  json_line_double (line, "baseline_wall_ms", member_double (result->list, "baseline_wall_ms"));
  json_line_double (line, "baseline_ratio", member_double (result->list, "baseline_ratio"));
  json_line_double (line, "window_cold_ms", member_double (result->window, "cold_first_frame_ms"));
  json_line_double (line, "window_complete_ms", member_double (result->window, "cold_complete_ms"));
  json_line_double (line, "window_warm_ms", member_double (result->window, "warm_first_frame_ms"));
  json_line_double (line, "window_rss_mb", member_double (result->window, "rss_mb"));
  json_line_double (line, "scroll_longest_gap_ms",
                    member_double (result->window, "scroll_longest_gap_ms"));
  json_line_double (line, "search_ms", member_double (result->search, "ms"));
  json_line_double (line, "search_max_ms", member_double (result->search, "max_ms"));
  json_line_double (line, "sort_ms", member_double (result->sort, "ms"));
  json_line_double (line, "sort_max_ms", member_double (result->sort, "max_ms"));
  json_line_double (line, "filter_ms", member_double (result->filter, "ms"));
  json_line_double (line, "filter_max_ms", member_double (result->filter, "max_ms"));
  json_line_finish (line, FALSE);
}

static void
driver_error (Driver       *driver,
              const GError *error)
{
  g_printerr ("steward-bench: %s\n", error->message);
  driver->failed = TRUE;
}

static int
run_driver (Options  *options,
            char    **scenarios)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) size_texts = g_strsplit (options->datastores, ",", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) empty = NULL;
  SizeResult *results;
  DemoServer empty_server = { 0 };
  Driver driver = { 0 };
  gboolean want_list = FALSE, want_window = FALSE, want_provider = FALSE;
  g_autoptr(GString) interactions = g_string_new (NULL);

  for (guint i = 0; scenarios[i] != NULL; i++)
    {
      const char *name = scenarios[i];
      gboolean all = g_str_equal (name, "all");

      if (all || g_str_equal (name, "list"))
        want_list = TRUE;
      if (all || g_str_equal (name, "window"))
        want_window = TRUE;
      if (all || g_str_equal (name, "search-provider"))
        want_provider = TRUE;
      for (guint j = 0; j < 3; j++)
        {
          static const char *interactive[] = { "search", "sort", "filter" };

          if ((all || g_str_equal (name, interactive[j])) &&
              strstr (interactions->str, interactive[j]) == NULL)
            g_string_append_printf (interactions, "%s%s", interactions->len > 0 ? "," : "",
                                    interactive[j]);
        }
      if (!all && !g_str_equal (name, "list") && !g_str_equal (name, "window") &&
          !g_str_equal (name, "search") && !g_str_equal (name, "sort") &&
          !g_str_equal (name, "filter") && !g_str_equal (name, "search-provider"))
        {
          g_printerr ("steward-bench: unknown scenario \"%s\" (list, window, search, sort, filter, "
                      "search-provider, all)\n", name);
          return 2;
        }
    }

  for (guint i = 0; size_texts[i] != NULL; i++)
    {
      gint64 size;

      if (!g_ascii_string_to_signed (g_strstrip (size_texts[i]), 10, 0, 1000000, &size, &error))
        {
          g_printerr ("steward-bench: --datastores: %s\n", error->message);
          return 2;
        }
      g_array_append_val (sizes, size);
    }
  if (options->server != NULL && sizes->len > 1)
    {
      g_printerr (
          "steward-bench: --datastores with several sizes needs the demo server, not --server\n");
      return 2;
    }
  if ((want_window || want_provider || interactions->len > 0) && g_getenv ("DISPLAY") == NULL &&
      g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("steward-bench: window, search, sort, filter and search-provider need a display: "
                  "run under "
                  "build-aux/headless-run.sh -C BUILDDIR\n");
      return 2;
    }
  if (options->repeat < 1)
    {
      g_printerr ("steward-bench: --repeat must be at least 1\n");
      return 2;
    }

  driver.self_path = self_path;
  driver.tmp_dir = g_dir_make_tmp ("steward-bench-XXXXXX", &error);
  if (driver.tmp_dir == NULL)
    {
      g_printerr ("steward-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  driver.token_path = g_build_filename (driver.tmp_dir, "token", NULL);
  if (options->demo_server == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_path);

      options->demo_server =
          g_build_filename (dir, "..", "src", "demo", "steward-demo-server", NULL);
    }

  results = g_new0 (SizeResult, sizes->len);
  for (guint i = 0; i < sizes->len && !driver.failed; i++)
    {
      gint64 size = options->server != NULL ? 0 : g_array_index (sizes, gint64, i);
      DemoServer server = { 0 };
      const char *url;

      results[i].label = size;
      if (options->server != NULL)
        {
          g_autofree char *token = read_token_file (options->token_file, &error);

          if (token == NULL || !write_token (&driver, token, &error))
            {
              driver_error (&driver, error);
              if (token != NULL)
                explicit_bzero (token, strlen (token));
              break;
            }
          explicit_bzero (token, strlen (token));
          url = options->server;
        }
      else
        {
          if (!demo_server_start (&server, options->demo_server, size, &error) ||
              !write_token (&driver, server.token, &error))
            {
              driver_error (&driver, error);
              demo_server_stop (&server);
              break;
            }
          url = server.url;
        }

      if (want_list)
        {
          g_autoptr(GPtrArray) args = child_args (&driver, options, "list-child", url, size);
          g_autofree char *output = NULL;

          g_ptr_array_add (args, g_strdup_printf ("--baseline=%s", options->baseline));
          if (options->no_baseline)
            g_ptr_array_add (args, g_strdup ("--no-baseline"));
          output = run_child (&driver, args, &error);
          if (output != NULL)
            relay (output, &results[i]);
          else
            driver_error (&driver, error);
          g_clear_error (&error);
        }

      if (want_window && !driver.failed)
        {
          /* The empty view's memory: once, against a server with no generated datastores. */
          if (empty == NULL && options->server == NULL)
            {
              if (demo_server_start (&empty_server, options->demo_server, 0, &error) &&
                  write_token (&driver, empty_server.token, &error))
                empty = run_window_child (&driver, options, empty_server.url, 0, "empty",
                                          driver.tmp_dir, FALSE, &error);
              demo_server_stop (&empty_server);
              if (empty == NULL)
                driver_error (&driver, error);
              g_clear_error (&error);
              write_token (&driver, server.token, NULL);
            }

          if (!driver.failed)
            {
              results[i].window = run_window (&driver, options, url, size, empty, &error);
              if (results[i].window == NULL)
                driver_error (&driver, error);
              g_clear_error (&error);
            }
        }

      if (interactions->len > 0 && !driver.failed)
        {
          g_autoptr(GPtrArray) args = child_args (&driver, options, "interact-child", url, size);
          g_autofree char *output = NULL;

          g_ptr_array_add (args, g_strdup_printf ("--scenarios=%s", interactions->str));
          output = run_child (&driver, args, &error);
          if (output != NULL)
            relay (output, &results[i]);
          else
            driver_error (&driver, error);
          g_clear_error (&error);
        }

      if (want_provider && !driver.failed)
        {
          g_autoptr(GPtrArray) args = child_args (&driver, options, "provider-child", url, size);
          g_autofree char *output = NULL;

          output = run_child (&driver, args, &error);
          if (output != NULL)
            relay (output, &results[i]);
          else
            driver_error (&driver, error);
          g_clear_error (&error);
        }

      if (size == 10000 && !driver.failed)
        print_targets (&results[i]);
      demo_server_stop (&server);
    }

  if (sizes->len > 1 && !driver.failed)
    for (guint i = 0; i < sizes->len; i++)
      print_scale_row (&results[i]);

  for (guint i = 0; i < sizes->len; i++)
    size_result_clear (&results[i]);
  g_free (results);
  g_unlink (driver.token_path);
  g_rmdir (driver.tmp_dir);
  g_free (driver.token_path);
  g_free (driver.tmp_dir);
  return driver.failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  Options options = { .repeat = DEFAULT_REPEAT };
  const GOptionEntry entries[] = {
    { "datastores", 0, 0, G_OPTION_ARG_STRING, &options.datastores,
      "Datastores the demo server generates; several, comma-separated, print a scale table "
      "(default " DEFAULT_DATASTORES ")",
      "N[,N…]" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &options.repeat,
      "Runs per measurement; medians are printed (default 5)", "N" },
    { "server", 0, 0, G_OPTION_ARG_STRING, &options.server,
      "Measure this deployment's API instead of a demo server", "URL" },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &options.token_file, "The API token for --server",
      "FILE" },
    { "demo-server", 0, 0, G_OPTION_ARG_FILENAME, &options.demo_server,
      "The steward-demo-server program (default: the build's)", "PATH" },
    { "baseline", 0, 0, G_OPTION_ARG_FILENAME, &options.baseline,
      "The baseline pager (default: the source's)", "PATH" },
    { "no-baseline", 0, 0, G_OPTION_ARG_NONE, &options.no_baseline, "Do not run the baseline pager",
      NULL },
    { "no-scroll", 0, 0, G_OPTION_ARG_NONE, &options.no_scroll,
      "Do not scroll in the window scenario", NULL },
    /* For the children */
    { "cache-dir", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &options.cache_dir, NULL, NULL },
    { "mode", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &options.mode, NULL, NULL },
    { "scroll", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &options.scroll, NULL, NULL },
    { "spawned-at", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &options.spawned_at, NULL, NULL },
    { "label", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &options.label, NULL, NULL },
    { "scenarios", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &options.scenarios, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
      g_option_context_new ("[list|window|search|sort|filter|search-provider|all…]");
  g_autoptr(GError) error = NULL;
  const char *command;
  int status;

  g_option_context_set_summary (
      context, "Measures how fast Steward lists, shows, scrolls, searches, sorts and filters a "
               "deployment's datastores. Prints one JSON object per scenario.\n\n"
               "window, search, sort, filter and search-provider need a display: run them under "
               "build-aux/headless-run.sh.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("steward-bench: %s\n", error->message);
      return 2;
    }
  if (options.datastores == NULL)
    options.datastores = g_strdup (DEFAULT_DATASTORES);
  if (options.baseline == NULL)
    options.baseline = g_strdup (STEWARD_BENCH_BASELINE);
  if ((options.server == NULL) != (options.token_file == NULL))
    {
      g_printerr ("steward-bench: --server and --token-file go together\n");
      return 2;
    }

  command = argc > 1 ? argv[1] : "all";
  if (g_str_has_suffix (command, "-child"))
    {
      if (options.server == NULL ||
          (options.token = read_token_file (options.token_file, &error)) == NULL)
        {
          g_printerr ("steward-bench: %s: %s\n", command,
                      error != NULL ? error->message : "--server and --token-file are needed");
          return 2;
        }
      if (g_str_equal (command, "list-child"))
        status = list_child (&options);
      else if (g_str_equal (command, "window-child") && options.cache_dir != NULL &&
               options.mode != NULL)
        status = window_child (&options);
      else if (g_str_equal (command, "interact-child") && options.scenarios != NULL)
        status = interact_child (&options);
      else if (g_str_equal (command, "provider-child"))
        status = provider_child (&options);
      else
        {
          g_printerr ("steward-bench: unknown or incomplete command %s\n", command);
          status = 2;
        }
    }
  else
    {
      char *all[] = { (char *) "all", NULL };

      status = run_driver (&options, argc > 1 ? argv + 1 : all);
    }

  options_clear (&options);
  return status;
}
