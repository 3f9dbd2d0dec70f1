/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Operations in the app against the demo server, in a real window: a datastore's recent
 * operations in its details (listed, run with the Run menu and the options dialog, aborted after
 * asking, refused in the server's words) and the Activity page (filters narrow the list, a
 * running operation ends live). Operations last a minute here: a test ends them at once with
 * steward_demo_server_finish_operations(), and the app sees the end at its next poll. */
#include <adwaita.h>
#include <string.h>

#include "steward-activity-page.h"
#include "steward-datastore-details.h"
#include "steward-main-view.h"
#include "steward-operation-row.h"
#include "steward-operation-watch.h"
#include "steward-operations-section.h"
#include "steward-run-operation-dialog.h"
#include "steward-sidebar.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

typedef struct
{
  StewardTestDemo     *demo;
  StewardDeployment   *deployment;
  GtkWindow           *window;
  StewardMainView     *view;
  StewardSidebar      *sidebar;
  StewardOperationsSection *section;
  StewardActivityPage *activity;
} Fixture;

static gboolean
datastores_loaded_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return steward_deployment_get_loaded (fixture->deployment) &&
         !steward_deployment_get_loading (fixture->deployment);
}

static void
fixture_setup_role (Fixture         *fixture,
                    StewardDemoRole  role)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;
  GtkWidget *details;

  fixture->demo = steward_test_demo_new_full (role, "operation-duration-ms", 60000, NULL);
  steward_client_get_current_user_async (fixture->demo->client, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (fixture->demo->client, result, NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 900);
  fixture->view = STEWARD_MAIN_VIEW (steward_main_view_new ());
  steward_main_view_set_poll_interval (fixture->view, 100);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  fixture->sidebar = STEWARD_SIDEBAR (steward_test_find_widget (GTK_WIDGET (fixture->view),
                                                                STEWARD_TYPE_SIDEBAR, NULL));
  fixture->activity = STEWARD_ACTIVITY_PAGE (
      steward_test_find_widget (GTK_WIDGET (fixture->view), STEWARD_TYPE_ACTIVITY_PAGE, NULL));
  details =
      steward_test_find_widget (GTK_WIDGET (fixture->view), STEWARD_TYPE_DATASTORE_DETAILS, NULL);
  fixture->section =
      steward_datastore_details_get_operations_section (STEWARD_DATASTORE_DETAILS (details));

  fixture->deployment = steward_deployment_new (fixture->demo->client, user, NULL);
  steward_main_view_set_deployment (fixture->view, fixture->deployment);
  g_assert_true (steward_test_wait_until (datastores_loaded_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture_setup_role (fixture, STEWARD_DEMO_ROLE_ADMIN);
}

static void
fixture_setup_member (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture_setup_role (fixture, STEWARD_DEMO_ROLE_MEMBER);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != fixture->window)
        gtk_window_destroy (window);
    }
  gtk_window_destroy (fixture->window);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_clear_object (&fixture->deployment);
  steward_test_demo_free (fixture->demo);
}

/* What a user sees */

/* The shown row of an operation, found by its id. */
static StewardOperationRow *
find_row (GtkWidget *root,
          gint64     id)
{
  if (STEWARD_IS_OPERATION_ROW (root) && gtk_widget_get_mapped (root) &&
      steward_operation_get_id (
          steward_operation_row_get_operation (STEWARD_OPERATION_ROW (root))) == id)
    return STEWARD_OPERATION_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      StewardOperationRow *row = find_row (child, id);

      if (row != NULL)
        return row;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  gint64      id;
  const char *status;
} RowWait;

static gboolean
row_shows_cb (gpointer user_data)
{
  RowWait *wait = user_data;
  StewardOperationRow *row = find_row (wait->root, wait->id);

  return row != NULL &&
         (wait->status == NULL || steward_test_shows_text (GTK_WIDGET (row), wait->status));
}

static void
assert_row_shows (GtkWidget  *root,
                  gint64      id,
                  const char *status)
{
  RowWait wait = { root, id, status };

  if (!steward_test_wait_until (row_shows_cb, &wait, STEWARD_TEST_TIMEOUT_MS))
    g_error ("Operation %" G_GINT64_FORMAT " never showed “%s”", id, status);
}

static StewardOperation *
section_operation (Fixture *fixture,
                   guint    position)
{
  GListModel *operations = steward_operations_section_get_operations (fixture->section);
  g_autoptr(StewardOperation) operation = g_list_model_get_item (operations, position);

  return operation;
}

static gboolean
section_loaded_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_list_model_get_n_items (steward_operations_section_get_operations (fixture->section)) >
         0;
}

typedef struct
{
  Fixture    *fixture;
  guint       n;
  const char *type;
} CountWait;

static gboolean
section_has_cb (gpointer user_data)
{
  CountWait *wait = user_data;
  GListModel *operations = steward_operations_section_get_operations (wait->fixture->section);
  g_autoptr(StewardOperation) first = NULL;

  if (g_list_model_get_n_items (operations) < wait->n)
    return FALSE;
  first = g_list_model_get_item (operations, 0);
  return g_strcmp0 (steward_operation_get_operation_type (first), wait->type) == 0;
}

static void
wait_section_top (Fixture    *fixture,
                  guint       n,
                  const char *type)
{
  CountWait wait = { fixture, n, type };

  if (!steward_test_wait_until (section_has_cb, &wait, STEWARD_TEST_TIMEOUT_MS))
    g_error ("No %s on top of the datastore's operations", type);
}

static void
select_datastore (Fixture *fixture,
                  gint64   id)
{
  g_assert_true (steward_main_view_select_datastore (fixture->view, id));
  g_assert_true (steward_operations_section_get_datastore (fixture->section) != NULL);
}

/* The seeded sync of Production Sales shows with its outcome, start and duration. */
static void
test_section_lists (Fixture       *fixture,
                    gconstpointer  data)
{
  StewardOperation *operation;

  select_datastore (fixture, 42);
  g_assert_true (steward_test_wait_until (section_loaded_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  operation = section_operation (fixture, 0);
  g_assert_cmpint (steward_operation_get_id (operation), ==, 1);
  assert_row_shows (GTK_WIDGET (fixture->section), 1, "Succeeded");
  g_assert_true (steward_test_shows_text (GTK_WIDGET (fixture->section), "Started "));

  /* Another datastore, its own operations: a failed sync with the server's reason. */
  select_datastore (fixture, 39);
  assert_row_shows (GTK_WIDGET (fixture->section), 2, "Failed");
  g_assert_null (find_row (GTK_WIDGET (fixture->section), 1));
}

static StewardRunOperationDialog *
open_run_dialog (Fixture    *fixture,
                 const char *action)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->section), action, NULL));
  dialog = steward_test_find_toplevel (STEWARD_TYPE_RUN_OPERATION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  return STEWARD_RUN_OPERATION_DIALOG (dialog);
}

static gboolean
no_run_dialog_cb (gpointer user_data)
{
  return steward_test_find_toplevel (STEWARD_TYPE_RUN_OPERATION_DIALOG) == NULL;
}

static JsonObject *
last_run_body (Fixture *fixture)
{
  g_autofree char *body =
      steward_test_demo_last_body (fixture->demo, "POST", "/api/operations/run");
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (body);
  g_assert_true (json_parser_load_from_data (parser, body, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Sync, Profile… and Scan… from the Run menu: each shows on top while it runs, the options
 * reach the server, and all three end live. */
static void
test_section_run (Fixture       *fixture,
                  gconstpointer  data)
{
  StewardRunOperationDialog *dialog;
  GtkWidget *containers, *incremental;
  g_autoptr(JsonObject) profile_body = NULL;
  g_autoptr(JsonObject) scan_body = NULL;
  gint64 sync_id, profile_id, scan_id;

  select_datastore (fixture, 66);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->section), "operations.run-sync", NULL));
  wait_section_top (fixture, 1, "sync");
  sync_id = steward_operation_get_id (section_operation (fixture, 0));
  assert_row_shows (GTK_WIDGET (fixture->section), sync_id, "Running");

  dialog = open_run_dialog (fixture, "operations.run-profile");
  containers = steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (containers), "orders, customers");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-operation.run", NULL));
  g_assert_true (steward_test_wait_until (no_run_dialog_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  wait_section_top (fixture, 2, "profile");
  profile_id = steward_operation_get_id (section_operation (fixture, 0));
  profile_body = last_run_body (fixture);
  g_assert_cmpstr (json_object_get_string_member (profile_body, "type"), ==, "profile");
  g_assert_cmpuint (json_array_get_length (
                        json_object_get_array_member (profile_body, "container_names")),
                    ==, 2);

  dialog = open_run_dialog (fixture, "operations.run-scan");
  incremental = steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Incremental");
  g_assert_nonnull (incremental);
  gtk_switch_set_active (GTK_SWITCH (steward_test_find_widget (incremental, GTK_TYPE_SWITCH, NULL)),
                         TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-operation.run", NULL));
  g_assert_true (steward_test_wait_until (no_run_dialog_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  wait_section_top (fixture, 3, "scan");
  scan_id = steward_operation_get_id (section_operation (fixture, 0));
  scan_body = last_run_body (fixture);
  g_assert_true (json_object_get_boolean_member (scan_body, "incremental"));
  assert_row_shows (GTK_WIDGET (fixture->section), scan_id, "Running");

  /* Each is followed once, whoever shows it. */
  g_assert_cmpuint (steward_operation_watch_get_n_running (
                        steward_operation_watch_get (fixture->deployment)),
                    ==, 3);

  g_assert_cmpuint (steward_demo_server_finish_operations (fixture->demo->server), ==, 3);
  assert_row_shows (GTK_WIDGET (fixture->section), sync_id, "Succeeded");
  assert_row_shows (GTK_WIDGET (fixture->section), profile_id, "Succeeded");
  assert_row_shows (GTK_WIDGET (fixture->section), scan_id, "Succeeded");
}

static gboolean
abort_confirm_cb (gpointer user_data)
{
  return steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
no_confirm_cb (gpointer user_data)
{
  return steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Abort asks first; Keep Running leaves it be, Abort ends it and the row says so. */
static void
test_section_abort (Fixture       *fixture,
                    gconstpointer  data)
{
  StewardRunOperationDialog *dialog;
  GtkWindow *confirm;
  gint64 id;

  select_datastore (fixture, 66);
  dialog = open_run_dialog (fixture, "operations.run-scan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-operation.run", NULL));
  wait_section_top (fixture, 1, "scan");
  id = steward_operation_get_id (section_operation (fixture, 0));

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->section), "operations.abort", "x", id));
  g_assert_true (steward_test_wait_until (abort_confirm_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  confirm = steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  /* A response given by code does not close the dialog as a click does. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  gtk_window_destroy (confirm);
  g_assert_true (steward_test_wait_until (no_confirm_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  assert_row_shows (GTK_WIDGET (fixture->section), id, "Running");

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->section), "operations.abort", "x", id));
  g_assert_true (steward_test_wait_until (abort_confirm_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  confirm = steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "abort");
  assert_row_shows (GTK_WIDGET (fixture->section), id, "Aborted");
  g_assert_cmpint (steward_operation_get_result (section_operation (fixture, 0)), ==,
                   STEWARD_OPERATION_ABORTED);
  g_assert_cmpuint (steward_demo_server_finish_operations (fixture->demo->server), ==, 0);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown_cb (gpointer user_data)
{
  LabelWait *wait = user_data;

  return steward_test_shows_text (wait->root, wait->text);
}

/* A member outside HR Warehouse's editing teams: the server refuses, and says why. */
static void
test_section_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  StewardRunOperationDialog *dialog;
  LabelWait wait = { NULL, "editor permission" };

  select_datastore (fixture, 27);
  dialog = open_run_dialog (fixture, "operations.run-profile");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-operation.run", NULL));
  wait.root = GTK_WIDGET (dialog);
  g_assert_true (steward_test_wait_until (label_shown_cb, &wait, STEWARD_TEST_TIMEOUT_MS));
  /* The dialog stays, with what was set. */
  g_assert_nonnull (steward_test_find_toplevel (STEWARD_TYPE_RUN_OPERATION_DIALOG));
}

static gboolean
activity_loaded_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->activity)) &&
         !steward_activity_page_get_loading (fixture->activity);
}

typedef struct
{
  Fixture    *fixture;
  guint       n;
} ShownWait;

static gboolean
activity_shows_cb (gpointer user_data)
{
  ShownWait *wait = user_data;

  return !steward_activity_page_get_loading (wait->fixture->activity) &&
         g_list_model_get_n_items (steward_activity_page_get_shown (wait->fixture->activity)) ==
             wait->n;
}

static void
assert_activity_shows (Fixture *fixture,
                       guint    n)
{
  ShownWait wait = { fixture, n };

  if (!steward_test_wait_until (activity_shows_cb, &wait, STEWARD_TEST_TIMEOUT_MS))
    g_error ("The Activity page shows %u operations, not %u",
             g_list_model_get_n_items (steward_activity_page_get_shown (fixture->activity)), n);
}

static void
set_filter (Fixture *fixture,
            guint    type,
            guint    status)
{
  GtkDropDown *types = GTK_DROP_DOWN (steward_test_find_widget (GTK_WIDGET (fixture->activity),
                                                                GTK_TYPE_DROP_DOWN,
                                                                "Show operations of one type"));
  GtkDropDown *statuses =
      GTK_DROP_DOWN (steward_test_find_widget (GTK_WIDGET (fixture->activity), GTK_TYPE_DROP_DOWN,
                                               "Show operations by how they went"));

  gtk_drop_down_set_selected (types, type);
  gtk_drop_down_set_selected (statuses, status);
}

/* Every operation of the deployment; the filters narrow the list; a row opens its datastore. */
static void
test_activity_filters (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *shown = steward_activity_page_get_shown (fixture->activity);
  g_autoptr(StewardOperation) first = NULL;
  StewardOperationRow *row;

  steward_sidebar_select_activity (fixture->sidebar);
  g_assert_true (steward_test_wait_until (activity_loaded_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  assert_activity_shows (fixture, 4);
  /* Named by datastore: the list mixes them. */
  g_assert_true (
      steward_test_shows_text (GTK_WIDGET (fixture->activity), "Sync of “Production Sales”"));

  set_filter (fixture, 1, 0);   /* syncs */
  assert_activity_shows (fixture, 2);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(StewardOperation) operation = g_list_model_get_item (shown, i);

      g_assert_cmpstr (steward_operation_get_operation_type (operation), ==, "sync");
    }

  set_filter (fixture, 1, 3);   /* failed syncs */
  assert_activity_shows (fixture, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpint (steward_operation_get_id (first), ==, 2);

  set_filter (fixture, 0, 1);   /* running: the endless export */
  assert_activity_shows (fixture, 1);

  set_filter (fixture, 3, 0);   /* no scan has run */
  assert_activity_shows (fixture, 0);
  g_assert_true (
      steward_test_shows_text (GTK_WIDGET (fixture->activity), "No operation matches the filters"));

  /* A row opens its datastore in the browser. */
  set_filter (fixture, 2, 0);   /* the profile of 11 */
  assert_activity_shows (fixture, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (shown, 0);
  row = find_row (GTK_WIDGET (fixture->activity), steward_operation_get_id (first));
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_assert_false (steward_sidebar_get_activity_selected (fixture->sidebar));
  g_assert_cmpint (steward_datastore_get_id (
                       steward_operations_section_get_datastore (fixture->section)),
                   ==, 11);
}

/* A scan started in a datastore's details shows on the Running filter and leaves it when it
 * ends, without reloading the page. */
static void
test_activity_live (Fixture       *fixture,
                    gconstpointer  data)
{
  StewardRunOperationDialog *dialog;
  guint list_requests;
  gint64 id;

  select_datastore (fixture, 66);
  dialog = open_run_dialog (fixture, "operations.run-scan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "run-operation.run", NULL));
  wait_section_top (fixture, 1, "scan");
  id = steward_operation_get_id (section_operation (fixture, 0));

  steward_sidebar_select_activity (fixture->sidebar);
  g_assert_true (steward_test_wait_until (activity_loaded_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  set_filter (fixture, 0, 1);   /* running: the scan and the endless export */
  assert_activity_shows (fixture, 2);
  assert_row_shows (GTK_WIDGET (fixture->activity), id, "Running");
  list_requests =
      steward_demo_server_count_requests (fixture->demo->server, "GET", "/api/operations");

  g_assert_cmpuint (steward_demo_server_finish_operations (fixture->demo->server), ==, 1);
  assert_activity_shows (fixture, 1);
  g_assert_null (find_row (GTK_WIDGET (fixture->activity), id));
  /* Seen through the followed operation, not by listing again. */
  g_assert_cmpuint (steward_demo_server_count_requests (fixture->demo->server, "GET",
                                                        "/api/operations"),
                    ==, list_requests);

  set_filter (fixture, 3, 2);   /* succeeded scans */
  assert_activity_shows (fixture, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, setup, func) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_teardown)

  ADD ("/operations/section-lists", fixture_setup, test_section_lists);
  ADD ("/operations/section-run", fixture_setup, test_section_run);
  ADD ("/operations/section-abort", fixture_setup, test_section_abort);
  ADD ("/operations/section-refused", fixture_setup_member, test_section_refused);
  ADD ("/operations/activity-filters", fixture_setup, test_activity_filters);
  ADD ("/operations/activity-live", fixture_setup, test_activity_live);

  return g_test_run ();
}
