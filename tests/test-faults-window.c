/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window against a misbehaving demo server: a third of its answers broken, every
 * answer three seconds late, or the server gone and back. Every screen loads or says why with a
 * way to try again, what was typed stays, a create is never sent twice by itself, Cancel works
 * while a request is slow, and a list whose server went away says so and recovers by itself. */
#include <adwaita.h>
#include <string.h>

#include "steward-connection-tester.h"
#include "steward-connector-form.h"
#include "steward-create-datastore-dialog.h"
#include "steward-datastore-details.h"
#include "steward-datastore-table.h"
#include "steward-main-view.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

/* The slow server's latency, and what counts as prompt beside it: a cancel or a close that ends
 * well within it did not wait for the server. */
#define LATENCY_MS   3000
#define PROMPT_MS    1000
/* The deployment's retry delays here: short, so a test sees several retries. */
#define RETRY_MIN_MS 100
#define RETRY_MAX_MS 500

#define DATASTORES_PATH "/api/datastores"

typedef struct
{
  StewardTestDemo       *demo;
  StewardDeployment     *deployment;
  GtkWindow             *window;
  StewardMainView       *view;
  StewardDatastoreTable *table;
} Fixture;

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (
      G_LIST_MODEL (steward_datastore_table_get_selection (fixture->table)));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
label_shown_cb (gpointer user_data)
{
  LabelSearch *search = user_data;

  return steward_test_shows_text (search->root, search->text);
}

static void
assert_shows (GtkWidget  *root,
              const char *text)
{
  LabelSearch search = { root, text };

  if (!steward_test_wait_until (label_shown_cb, &search, STEWARD_TEST_TIMEOUT_MS))
    g_error ("Nothing visible says “%s”", text);
}

/* The datastores the server has, asked until an answer gets through the faults. */
static guint
server_total (StewardTestDemo *demo)
{
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
      g_autoptr(StewardDatastorePage) page = NULL;

      steward_client_list_datastores_async (demo->client, query, 1, 1, NULL,
                                            steward_test_store_result_cb, &result);
      steward_test_wait_result (&result);
      page = steward_client_list_datastores_finish (demo->client, result, NULL);
      if (page != NULL)
        return steward_datastore_page_get_total (page);
    }
  g_error ("The server never answered");
}

static void
fixture_open (Fixture         *fixture,
              StewardTestDemo *demo)
{
  fixture->demo = demo;
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  fixture->view = STEWARD_MAIN_VIEW (steward_main_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  fixture->table = STEWARD_DATASTORE_TABLE (
      steward_test_find_widget (GTK_WIDGET (fixture->view), STEWARD_TYPE_DATASTORE_TABLE, NULL));
}

/* Signs the view in to the fixture's server; a server that cannot be reached is tried again
 * within a tenth of a second, doubling to half a second. */
static void
fixture_sign_in (Fixture *fixture)
{
  g_clear_object (&fixture->deployment);
  fixture->deployment = steward_deployment_new (fixture->demo->client, NULL, NULL);
  steward_deployment_set_retry_delays (fixture->deployment, RETRY_MIN_MS, RETRY_MAX_MS);
  steward_main_view_set_deployment (fixture->view, fixture->deployment);
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_clear_object (&fixture->deployment);
  g_clear_pointer (&fixture->demo, steward_test_demo_free);
}

typedef struct
{
  Fixture *fixture;
  guint    expected;
  guint    retries;    /* how often the "user" asked again */
} ListWait;

/* Done once every datastore is listed. A failure the deployment does not retry by itself (an
 * answer that was an error) must offer Try Again on the page, or keep the list and take F5: the
 * wait does what a user would. */
static gboolean
all_listed_cb (gpointer user_data)
{
  ListWait *wait = user_data;
  Fixture *fixture = wait->fixture;
  const char *page = steward_datastore_table_get_page (fixture->table);
  gboolean settled = !steward_deployment_get_loading (fixture->deployment);
  const char *error = steward_deployment_get_load_error (fixture->deployment);

  if (settled && error != NULL && !steward_deployment_get_unreachable (fixture->deployment))
    {
      if (g_strcmp0 (page, "error") == 0)
        {
          GtkWidget *retry =
              steward_test_find_widget (GTK_WIDGET (fixture->table), GTK_TYPE_BUTTON, "_Try Again");

          g_assert_nonnull (retry);
          g_assert_true (gtk_widget_get_mapped (retry));
          g_signal_emit_by_name (retry, "clicked");
        }
      else
        {
          g_assert_cmpstr (page, ==, "list");
          gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.reload", NULL);
        }
      wait->retries++;
      return FALSE;
    }

  return g_strcmp0 (page, "list") == 0 && settled && error == NULL &&
         n_rows (fixture) == wait->expected;
}

static gboolean
details_named_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return steward_test_shows_text (GTK_WIDGET (fixture->view), "postgres_production");
}

/* A third of the answers broken (500, 502, 503, dropped, cut short, an HTML page): the list
 * still arrives whole, by the client's retries and the deployment's, and details show. */
static void
test_list_under_faults (void)
{
  Fixture fixture = { NULL };
  ListWait wait = { &fixture, 0, 0 };

  fixture_open (&fixture, steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN, "fault-rate", 0.3,
                                                      "seed", 11, "extra-datastores", 450, NULL));
  wait.expected = server_total (fixture.demo);
  g_assert_cmpuint (wait.expected, >, 450);

  fixture_sign_in (&fixture);
  g_assert_true (steward_test_wait_until (all_listed_cb, &wait, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_test_message ("loaded after %u retries asked for", wait.retries);

  g_assert_true (steward_main_view_select_datastore (fixture.view, 42));
  g_assert_true (steward_test_wait_until (details_named_cb, &fixture, STEWARD_TEST_TIMEOUT_MS));

  /* F5 under faults: the list stays whole whatever the refresh meets. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "view.reload", NULL);
  g_assert_true (steward_test_wait_until (all_listed_cb, &wait, STEWARD_TEST_LONG_TIMEOUT_MS));

  fixture_close (&fixture);
}

/* The list's first load fails outright: an error page with Try Again, which works. */
static void
test_first_load_fails (void)
{
  Fixture fixture = { NULL };
  ListWait wait = { &fixture, 0, 0 };
  GtkWidget *retry;

  fixture_open (&fixture, steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN));
  wait.expected = server_total (fixture.demo);
  /* A 500 is not retried by the client, nor by the deployment after it (it is not an outage of
   * the network): the page must offer the retry. */
  steward_demo_server_inject_fault (fixture.demo->server, "GET", DATASTORES_PATH,
                                    STEWARD_DEMO_FAULT_500, 1);
  fixture_sign_in (&fixture);

  assert_shows (GTK_WIDGET (fixture.view), "Could Not Load Datastores");
  assert_shows (GTK_WIDGET (fixture.view), "Internal Server Error");
  retry = steward_test_find_widget (GTK_WIDGET (fixture.table), GTK_TYPE_BUTTON, "_Try Again");
  g_assert_true (gtk_widget_get_mapped (retry));
  g_signal_emit_by_name (retry, "clicked");
  g_assert_true (steward_test_wait_until (all_listed_cb, &wait, STEWARD_TEST_TIMEOUT_MS));

  fixture_close (&fixture);
}

/* The create dialog */

static gboolean
dialog_ready_cb (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) &&
         !steward_create_datastore_dialog_get_loading (user_data);
}

static gboolean
idle_or_closed_cb (gpointer user_data)
{
  StewardCreateDatastoreDialog **dialog = user_data;

  return *dialog == NULL || !steward_create_datastore_dialog_get_busy (*dialog);
}

static GtkWidget *
entry_row (StewardCreateDatastoreDialog *dialog,
           const char                   *title)
{
  GtkWidget *row = steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
fill (StewardCreateDatastoreDialog *dialog,
      const char                   *name)
{
  StewardConnectorForm *form = steward_create_datastore_dialog_get_form (dialog);

  gtk_editable_set_text (GTK_EDITABLE (entry_row (dialog, "Name")), name);
  g_assert_true (steward_connector_form_select_type (form, "postgresql"));
  g_assert_true (steward_connector_form_set_value (form, "host", "db.acme-corp.com"));
  g_assert_true (steward_connector_form_set_value (form, "username", "qualytics_reader"));
  g_assert_true (steward_connector_form_set_value (form, "password", "pw"));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (dialog, "Database")), "production");
}

static guint
count_named (StewardTestDemo *demo,
             const char      *name)
{
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
      g_autoptr(StewardDatastorePage) page = NULL;
      GListModel *items;
      guint n = 0;

      steward_datastore_query_set_search (query, name);
      steward_client_list_datastores_async (demo->client, query, 1, 100, NULL,
                                            steward_test_store_result_cb, &result);
      steward_test_wait_result (&result);
      page = steward_client_list_datastores_finish (demo->client, result, NULL);
      if (page == NULL)
        continue;
      items = steward_datastore_page_get_items (page);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(StewardDatastore) datastore = g_list_model_get_item (items, i);

          n += g_strcmp0 (steward_datastore_get_name (datastore), name) == 0;
        }
      return n;
    }
  g_error ("The server never answered");
}

static gboolean
create_failure_shown_cb (gpointer user_data)
{
  return steward_test_shows_text (user_data, "could not be created") ||
         steward_test_shows_text (user_data, "could not create") ||
         steward_test_shows_text (user_data, "No answer came back");
}

/* Under the same broken server, each press of Create sends exactly one POST (the server's log
 * counts them); a failed one leaves the form as typed and says why. */
static void
test_create_sent_once (void)
{
  g_autoptr(StewardTestDemo) demo =
      steward_test_demo_new_full (STEWARD_DEMO_ROLE_MANAGER, "fault-rate", 0.3, "seed", 5, NULL);
  StewardCreateDatastoreDialog *dialog =
      steward_create_datastore_dialog_new (NULL, demo->client, NULL);
  StewardCreateDatastoreDialog *alive = dialog;
  guint presses = 0;
  guint failures = 0;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &alive);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (steward_test_wait_until (dialog_ready_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  fill (dialog, "Faulty Sales");
  /* The first two presses surely fail: a proxy's 503, then a connection dropped unanswered. */
  steward_demo_server_inject_fault (demo->server, "POST", DATASTORES_PATH, STEWARD_DEMO_FAULT_503,
                                    1);
  steward_demo_server_inject_fault (demo->server, "POST", DATASTORES_PATH, STEWARD_DEMO_FAULT_DROP,
                                    1);

  while (alive != NULL && presses < 12)
    {
      GtkWidget *create =
          steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate");

      g_assert_true (gtk_widget_is_sensitive (create));
      g_signal_emit_by_name (create, "clicked");
      presses++;
      g_assert_true (steward_test_wait_until (idle_or_closed_cb, &alive, STEWARD_TEST_TIMEOUT_MS));
      g_assert_cmpuint (steward_demo_server_count_requests (demo->server, "POST", DATASTORES_PATH),
                        ==, presses);
      if (alive == NULL)
        break;

      /* Failed: said so, and nothing typed is lost. */
      failures++;
      g_assert_true (
          steward_test_wait_until (create_failure_shown_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (dialog, "Name"))), ==,
                       "Faulty Sales");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (dialog, "Database"))), ==,
                       "production");
      /* A server that created it without saying so refuses the name the next time. */
      if (count_named (demo, "Faulty Sales") == 1)
        break;
    }

  g_test_message ("%u presses, %u failed", presses, failures);
  g_assert_cmpuint (failures, >=, 2);
  g_assert_cmpuint (count_named (demo, "Faulty Sales"), ==, 1);
  if (alive != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
tester_running_cb (gpointer user_data)
{
  return steward_connection_tester_get_state (user_data) == STEWARD_CONNECTION_TESTER_RUNNING;
}

static gboolean
tester_idle_cb (gpointer user_data)
{
  return steward_connection_tester_get_state (user_data) == STEWARD_CONNECTION_TESTER_IDLE;
}

static gboolean
destroyed_cb (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

/* Every answer three seconds late: the window keeps drawing, Cancel Test stops a test at once
 * and keeps the form, and closing the dialog during a create does not wait for the server. */
static void
test_slow_server_cancel (void)
{
  g_autoptr(StewardTestDemo) demo =
      steward_test_demo_new_full (STEWARD_DEMO_ROLE_MANAGER, "latency-ms", LATENCY_MS, NULL);
  StewardCreateDatastoreDialog *dialog =
      steward_create_datastore_dialog_new (NULL, demo->client, NULL);
  StewardCreateDatastoreDialog *alive = dialog;
  StewardConnectionTester *tester = steward_create_datastore_dialog_get_tester (dialog);
  GtkWidget *cancel;
  gint64 started;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &alive);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (steward_test_wait_until (dialog_ready_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  fill (dialog, "Slow Sales");

  g_signal_emit_by_name (steward_connection_tester_get_button (tester), "clicked");
  g_assert_true (steward_test_wait_until (tester_running_cb, tester, STEWARD_TEST_TIMEOUT_MS));
  cancel = steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Cancel Test");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_get_mapped (cancel));
  started = g_get_monotonic_time ();
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_true (steward_test_wait_until (tester_idle_cb, tester, PROMPT_MS));
  g_assert_cmpint (g_get_monotonic_time () - started, <, PROMPT_MS * 1000);
  g_assert_null (steward_connection_tester_get_message (tester));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (dialog, "Name"))), ==,
                   "Slow Sales");
  g_assert_true (gtk_widget_is_sensitive (steward_connection_tester_get_button (tester)));

  /* Create is on its way; the user closes the dialog: it goes now, not in three seconds. */
  g_signal_emit_by_name (steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate"),
                         "clicked");
  g_assert_true (steward_create_datastore_dialog_get_busy (dialog));
  started = g_get_monotonic_time ();
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (steward_test_wait_until (destroyed_cb, &alive, PROMPT_MS));
  g_assert_cmpint (g_get_monotonic_time () - started, <, PROMPT_MS * 1000);
  /* Whether the request got there before the close or not, it went once at most. */
  g_assert_cmpuint (steward_demo_server_count_requests (demo->server, "POST", DATASTORES_PATH), <=,
                    1);
}

/* The main view over the slow server: loading shows while it waits, and signing out then does
 * not wait for it, nor does the late answer fill the signed-out view. */
static void
test_slow_server_sign_out (void)
{
  Fixture fixture = { NULL };

  fixture_open (&fixture, steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN, "latency-ms",
                                                      LATENCY_MS, NULL));
  fixture_sign_in (&fixture);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_cmpstr (steward_datastore_table_get_page (fixture.table), ==, "loading");

  steward_main_view_set_deployment (fixture.view, NULL);
  g_clear_object (&fixture.deployment);
  steward_test_iterate (LATENCY_MS + 500);
  g_assert_cmpuint (n_rows (&fixture), ==, 0);

  fixture_close (&fixture);
}

/* The server goes away */

static gboolean
recovered_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return !steward_deployment_get_unreachable (fixture->deployment) &&
         steward_deployment_get_load_error (fixture->deployment) == NULL &&
         !steward_deployment_get_loading (fixture->deployment) &&
         g_strcmp0 (steward_datastore_table_get_page (fixture->table), "list") == 0;
}

static gboolean
unreachable_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return steward_deployment_get_unreachable (fixture->deployment) &&
         !steward_deployment_get_loading (fixture->deployment);
}

static void
restart (StewardTestDemo *demo,
         guint16          port)
{
  g_autoptr(GError) error = NULL;

  steward_demo_server_start (demo->server, port, &error);
  g_assert_no_error (error);
}

/* Stopped mid-session: the list stays, the subtitle and a toast say the server cannot be
 * reached, and once it is back the deployment refreshes by itself. Signing in while it is away
 * shows a page that says so, which also clears once it is back. */
static void
test_server_gone_and_back (void)
{
  Fixture fixture = { NULL };
  ListWait wait = { &fixture, 0, 0 };
  guint16 port;
  guint shown;

  fixture_open (&fixture, steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN));
  wait.expected = server_total (fixture.demo);
  port = steward_demo_server_get_port (fixture.demo->server);
  fixture_sign_in (&fixture);
  g_assert_true (steward_test_wait_until (all_listed_cb, &wait, STEWARD_TEST_TIMEOUT_MS));
  shown = n_rows (&fixture);

  steward_demo_server_stop (fixture.demo->server);
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "view.reload", NULL);
  g_assert_true (steward_test_wait_until (unreachable_cb, &fixture, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (GTK_WIDGET (fixture.view), "cannot reach the server");
  assert_shows (GTK_WIDGET (fixture.view), "Could not refresh the list: Cannot reach 127.0.0.1");
  g_assert_cmpuint (n_rows (&fixture), ==, shown);
  g_assert_cmpstr (steward_datastore_table_get_page (fixture.table), ==, "list");

  /* It keeps trying by itself, and the retries stay quiet. */
  /* Longer than the deployment's retry delays (set by fixture_open), so it has retried. */
  steward_test_iterate (RETRY_MAX_MS * 2 + 200);
  g_assert_true (steward_deployment_get_unreachable (fixture.deployment));

  restart (fixture.demo, port);
  g_assert_true (steward_test_wait_until (recovered_cb, &fixture, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (GTK_WIDGET (fixture.view), "updated at");
  g_assert_cmpuint (n_rows (&fixture), ==, shown);

  /* Signing in while it is away: a page that says so, with Try Again; it clears by itself. */
  steward_demo_server_stop (fixture.demo->server);
  fixture_sign_in (&fixture);
  assert_shows (GTK_WIDGET (fixture.view), "Cannot Reach the Server");
  assert_shows (GTK_WIDGET (fixture.view), "nothing answers there");
  g_assert_true (gtk_widget_get_mapped (
      steward_test_find_widget (GTK_WIDGET (fixture.table), GTK_TYPE_BUTTON, "_Try Again")));
  restart (fixture.demo, port);
  g_assert_true (steward_test_wait_until (all_listed_cb, &wait, STEWARD_TEST_TIMEOUT_MS));

  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/faults-window/list-under-faults", test_list_under_faults);
  g_test_add_func ("/faults-window/first-load-fails", test_first_load_fails);
  g_test_add_func ("/faults-window/create-sent-once", test_create_sent_once);
  g_test_add_func ("/faults-window/slow-server-cancel", test_slow_server_cancel);
  g_test_add_func ("/faults-window/slow-server-sign-out", test_slow_server_sign_out);
  g_test_add_func ("/faults-window/server-gone-and-back", test_server_gone_and_back);

  return g_test_run ();
}
