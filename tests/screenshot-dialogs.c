/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "steward-activity-page.h"
#include "steward-application.h"
#include "steward-connection-editor.h"
#include "steward-connection-tester.h"
#include "steward-connections-page.h"
#include "steward-connector-form.h"
#include "steward-create-datastore-dialog.h"
#include "steward-datastore-details.h"
#include "steward-datastore-editor.h"
#include "steward-datastore-table.h"
#include "steward-delete-connection-dialog.h"
#include "steward-delete-datastore-dialog.h"
#include "steward-delete-group-dialog.h"
#include "steward-enrichment-bulk-dialog.h"
#include "steward-enrichment-dialog.h"
#include "steward-group-editor.h"
#include "steward-main-view.h"
#include "steward-sidebar.h"
#include "steward-onboarding-paths-page.h"
#include "steward-onboarding-wizard.h"
#include "steward-operation-watch.h"
#include "steward-run-operation-dialog.h"
#include "steward-test-demo.h"
#include "steward-test-connection-dialog.h"
#include "steward-test-utils.h"

/* Screenshots wait for what a user would: the window laid out, and a dialog's or a page's
 * transition ended. */
#define LAYOUT_SETTLE_MS    500
#define ANIMATION_SETTLE_MS 1500

/* For build-aux/screenshot-dialogs.sh: the main view of a demo deployment in a window of the
 * given size, with one of the dialogs open over it, until killed.
 *
 *   screenshot-dialogs DIALOG WIDTH HEIGHT
 *
 * DIALOG is group-editor, delete-confirmation, delete-group, datastore-editor, create-jdbc,
 * create-dfs, create-anyway (Create pressed after a failed connection test), create-organization
 * (teams, tags and a new group without its name, Create pressed),
 * test-connection-failed, or a step of the onboarding wizard (onboarding-connection, -catalog,
 * -schemas, -paths, -validate, -settings, -results: the last with one failure), or one of the
 * states a user meets on the way:
 * new-group-taken (a name another group has), datastore-editor-rejected (a value the server
 * refuses, a tag being added) and delete-confirmation-forbidden (a manager trying); "none" shows
 * the main view alone, a datastore's details open. The Connections page: "connections" (a
 * connection's details), connection-editor (an edit tested before saving), connection-rotation
 * (a new password saved and the datastores using it checked) and delete-connection-refused (the
 * server refusing to delete a connection in use). */

static StewardDatastoreGroup *
dup_group (GListModel *groups,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, i);

      if (steward_datastore_group_get_id (group) == id)
        return g_steal_pointer (&group);
    }

  g_error ("The demo has no group %" G_GINT64_FORMAT, id);
}

/* A screen that did not get where the script needs it would make a wrong picture: stop, saying
 * what did not happen. */
static void
wait_for (StewardTestCondition  condition,
          gpointer              user_data,
          guint                 timeout_ms,
          const char           *what)
{
  if (!steward_test_wait_until (condition, user_data, timeout_ms))
    g_error ("%s did not happen within %u ms", what, timeout_ms);
}

/* Until the script has taken its pictures and stops the program. */
G_GNUC_NORETURN static void
run_until_stopped (void)
{
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
loaded_cb (gpointer user_data)
{
  return steward_datastore_editor_get_loaded (user_data);
}

static gboolean
create_loaded_cb (gpointer user_data)
{
  return !steward_create_datastore_dialog_get_loading (user_data);
}

static gboolean
test_connection_loaded_cb (gpointer user_data)
{
  return !steward_test_connection_dialog_get_loading (user_data);
}

static gboolean
tested_cb (gpointer user_data)
{
  StewardConnectionTesterState state = steward_connection_tester_get_state (user_data);

  return state == STEWARD_CONNECTION_TESTER_SUCCEEDED || state == STEWARD_CONNECTION_TESTER_FAILED;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return steward_test_find_widget (root, ADW_TYPE_ENTRY_ROW, title);
}

/* Shows the end of a dialog's form, once it is laid out. */
static gboolean
scroll_to_end_cb (gpointer user_data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (user_data);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

static void
choose_enrichment (GtkWindow  *dialog,
                   const char *name)
{
  AdwComboRow *row =
      ADW_COMBO_ROW (steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Link To"));
  GListModel *names = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      adw_combo_row_set_selected (row, i);
}

static gboolean
bulk_done_cb (gpointer user_data)
{
  return !steward_enrichment_bulk_dialog_get_running (user_data);
}

static gboolean
connections_listed_cb (gpointer user_data)
{
  return g_strcmp0 (steward_connections_page_get_state (user_data), "list") == 0;
}

static gboolean
editor_loaded_cb (gpointer user_data)
{
  return steward_connection_editor_get_loaded (user_data);
}

static gboolean
editor_verified_cb (gpointer user_data)
{
  return g_strcmp0 (steward_connection_editor_get_page (user_data), "verify") == 0 &&
         !steward_connection_editor_get_verifying (user_data);
}

static gboolean
not_busy_cb (gpointer user_data)
{
  return !steward_confirm_dialog_get_busy (user_data);
}

/* The Connections page with a connection selected, and the dialog @which opens from it. */
/* A profile and a scan running on the selected datastore, after its finished operations. */
static void
start_operations (StewardDeployment *deployment,
                  gint64             datastore_id)
{
  static const char *const types[] = { "profile", "scan" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(StewardOperation) operation = NULL;

      steward_operation_watch_run_async (steward_operation_watch_get (deployment), datastore_id,
                                         types[i], NULL, NULL, steward_test_store_result_cb,
                                         &result);
      steward_test_wait_result (&result);
      operation = steward_operation_watch_run_finish (steward_operation_watch_get (deployment),
                                                      result, NULL);
      if (operation == NULL)
        g_error ("Could not start a %s", types[i]);
    }
}

static gboolean
activity_loaded_cb (gpointer user_data)
{
  return !steward_activity_page_get_loading (user_data) &&
         g_list_model_get_n_items (steward_activity_page_get_shown (user_data)) > 0;
}

static gboolean
section_loaded_cb (gpointer user_data)
{
  return g_list_model_get_n_items (steward_operations_section_get_operations (user_data)) >= 3;
}

/* The details scrolled down to the datastore's operations, or the Activity page. */
static void
show_operations (GtkWidget  *view,
                 GtkWindow  *window,
                 const char *which)
{
  if (g_str_equal (which, "activity"))
    {
      GtkWidget *page = steward_test_find_widget (view, STEWARD_TYPE_ACTIVITY_PAGE, NULL);

      steward_sidebar_select_activity (
          STEWARD_SIDEBAR (steward_test_find_widget (view, STEWARD_TYPE_SIDEBAR, NULL)));
      wait_for (activity_loaded_cb, page, STEWARD_TEST_TIMEOUT_MS,
                "The Activity page listing the operations");
    }
  else
    {
      GtkWidget *details = steward_test_find_widget (view, STEWARD_TYPE_DATASTORE_DETAILS, NULL);
      GtkWidget *section =
          steward_test_find_widget (details, STEWARD_TYPE_OPERATIONS_SECTION, NULL);
      GtkWidget *scrolled = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment;

      /* Past the sidebar, as a click on All Datastores goes; the datastore is opened below. */
      adw_leaflet_navigate (ADW_LEAFLET (steward_test_find_widget (view, ADW_TYPE_LEAFLET, NULL)),
                            ADW_NAVIGATION_DIRECTION_FORWARD);
      wait_for (section_loaded_cb, section, STEWARD_TEST_TIMEOUT_MS,
                "The datastore's operations listing");
      /* Opened as a user would, so a folded window shows the details page. */
      g_signal_emit_by_name (steward_test_find_widget (view, STEWARD_TYPE_DATASTORE_TABLE, NULL),
                             "datastore-activated",
                             steward_datastore_details_get_datastore (
                                 STEWARD_DATASTORE_DETAILS (details)));
      steward_test_iterate (LAYOUT_SETTLE_MS);
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      if (g_str_equal (which, "run-scan"))
        gtk_widget_activate_action (section, "operations.run-scan", NULL);
    }
}

static void
show_connections (GtkWidget  *view,
                  const char *which)
{
  StewardConnectionsPage *page = STEWARD_CONNECTIONS_PAGE (
      steward_test_find_widget (view, STEWARD_TYPE_CONNECTIONS_PAGE, NULL));
  StewardConnectionEditor *editor;

  steward_sidebar_select_connections (
      STEWARD_SIDEBAR (steward_test_find_widget (view, STEWARD_TYPE_SIDEBAR, NULL)));
  wait_for (connections_listed_cb, page, STEWARD_TEST_TIMEOUT_MS,
            "The Connections page listing its connections");
  steward_connections_page_select (page, g_str_equal (which, "connection-rotation") ? 3 : 7);
  /* Opened as a user would, so a folded window shows the details page rather than the list; once
   * the window is laid out, so that the page knows whether it is folded. */
  steward_test_iterate (LAYOUT_SETTLE_MS);
  gtk_widget_activate_action (GTK_WIDGET (page), "connections.show-details", NULL);

  if (g_str_equal (which, "connection-editor"))
    {
      StewardConnectorForm *form;

      gtk_widget_activate_action (GTK_WIDGET (page), "connections.edit", NULL);
      editor =
          STEWARD_CONNECTION_EDITOR (steward_test_find_toplevel (STEWARD_TYPE_CONNECTION_EDITOR));
      wait_for (editor_loaded_cb, editor, STEWARD_TEST_TIMEOUT_MS,
                "The connection editor loading the connection");
      form = steward_connection_editor_get_form (editor);
      steward_connector_form_set_value (form, "host", "db-replica.acme-corp.com");
      steward_connector_form_set_value (form, "parameters.sslmode", "require");
      g_signal_emit_by_name (steward_connection_tester_get_button (
                                 steward_connection_editor_get_tester (editor)),
                             "clicked");
      wait_for (tested_cb, steward_connection_editor_get_tester (editor), STEWARD_TEST_TIMEOUT_MS,
                "The connection test finishing");
    }
  else if (g_str_equal (which, "connection-rotation"))
    {
      gtk_widget_activate_action (GTK_WIDGET (page), "connections.change-credentials", NULL);
      editor =
          STEWARD_CONNECTION_EDITOR (steward_test_find_toplevel (STEWARD_TYPE_CONNECTION_EDITOR));
      wait_for (editor_loaded_cb, editor, STEWARD_TEST_TIMEOUT_MS,
                "The connection editor loading the connection");
      steward_connector_form_set_value (steward_connection_editor_get_form (editor), "password",
                                        "rotated-2026");
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
      wait_for (editor_verified_cb, editor, STEWARD_TEST_TIMEOUT_MS,
                "The connection editor finishing its checks");
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.verify", NULL);
      wait_for (editor_verified_cb, editor, STEWARD_TEST_TIMEOUT_MS,
                "The connection editor finishing its checks");
    }
  else if (g_str_equal (which, "delete-connection-refused"))
    {
      GtkWindow *dialog;

      gtk_widget_activate_action (GTK_WIDGET (page), "connections.delete", NULL);
      dialog = steward_test_find_toplevel (STEWARD_TYPE_DELETE_CONNECTION_DIALOG);
      gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                     GTK_TYPE_ENTRY, NULL)),
                             "postgres_production");
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
      wait_for (not_busy_cb, dialog, STEWARD_TEST_TIMEOUT_MS, "The delete dialog answering");
    }
}

/* The onboarding wizard, walked to the step @which names (after "onboarding-"), with demo data:
 * PostgreSQL's production catalog, whose finance schema fails validation; a template giving a
 * name a datastore has already (prod_public); the S3 lake's root paths; a bulk creation where
 * one schema fails. */

static gboolean
onboarding_step_cb (gpointer user_data)
{
  StewardOnboarding *onboarding = steward_onboarding_wizard_get_onboarding (user_data);

  return steward_onboarding_get_connections_state (onboarding) != STEWARD_LOAD_RUNNING &&
         steward_onboarding_get_catalogs_state (onboarding) != STEWARD_LOAD_RUNNING &&
         steward_onboarding_get_targets_state (onboarding) != STEWARD_LOAD_RUNNING &&
         !steward_onboarding_get_validating (onboarding) &&
         !steward_onboarding_get_creating (onboarding);
}

static gboolean
onboarding_at (StewardOnboardingWizard *wizard,
               const char              *page,
               const char              *which)
{
  wait_for (onboarding_step_cb, wizard, STEWARD_TEST_TIMEOUT_MS, "The onboarding step settling");
  return g_str_equal (page, which);
}

static void
onboarding_next (StewardOnboardingWizard *wizard)
{
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  wait_for (onboarding_step_cb, wizard, STEWARD_TEST_TIMEOUT_MS, "The onboarding step settling");
}

static GtkWindow *
open_onboarding (GtkWindow         *window,
                 StewardTestDemo   *demo,
                 StewardDeployment *deployment,
                 const char        *which)
{
  gboolean paths = g_str_equal (which, "paths");
  StewardOnboardingWizard *wizard = steward_onboarding_wizard_new (window, deployment,
                                                                   paths ? 12 : 7);
  StewardOnboarding *onboarding = steward_onboarding_wizard_get_onboarding (wizard);
  GtkWidget *page;
  GtkWidget *description;

  gtk_window_present (GTK_WINDOW (wizard));
  if (onboarding_at (wizard, "connection", which))
    {
      /* Back to the first step, the connection chosen. */
      gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
      return GTK_WINDOW (wizard);
    }

  if (paths)
    {
      wait_for (onboarding_step_cb, wizard, STEWARD_TEST_TIMEOUT_MS,
                "The onboarding step settling");
      page = steward_onboarding_wizard_get_page (wizard);
      steward_onboarding_paths_page_set_text (STEWARD_ONBOARDING_PATHS_PAGE (page),
                                              "/raw/orders/\n/raw/customers/\n/raw/payments/\n"
                                              "/curated/revenue/\n");
      return GTK_WINDOW (wizard);
    }

  steward_onboarding_set_catalog (onboarding, "production");
  if (onboarding_at (wizard, "catalog", which))
    return GTK_WINDOW (wizard);

  onboarding_next (wizard);
  if (onboarding_at (wizard, "schemas", which))
    return GTK_WINDOW (wizard);

  onboarding_next (wizard);
  if (onboarding_at (wizard, "validate", which))
    return GTK_WINDOW (wizard);

  onboarding_next (wizard);
  page = steward_onboarding_wizard_get_page (wizard);
  gtk_editable_set_text (GTK_EDITABLE (find_row (page, "Name Template")), "prod_{{ schema }}");
  description = steward_test_find_widget (page, GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (description)),
                            "Production PostgreSQL schemas", -1);
  if (onboarding_at (wizard, "settings", which))
    return GTK_WINDOW (wizard);

  steward_demo_server_fail_bulk_target (demo->server, "inventory",
                                        "Lock wait timeout exceeded; try restarting transaction",
                                        1);
  onboarding_next (wizard);
  return GTK_WINDOW (wizard);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StewardApplication) app = NULL;
  g_autoptr(StewardTestDemo) demo = NULL;
  g_autoptr(StewardUser) user = NULL;
  g_autoptr(StewardDeployment) deployment = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(StewardDatastore) datastore = NULL;
  g_autoptr(StewardDatastoreGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenu) menu = NULL;
  GtkWindow *window;
  GtkWidget *view;
  GtkWindow *dialog = NULL;
  const char *which;
  gboolean refused;

  if (argc != 4)
    {
      g_printerr ("usage: %s DIALOG WIDTH HEIGHT\n", argv[0]);
      return 2;
    }
  which = argv[1];

  gtk_init ();
  adw_init ();

  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  /* The member's view of a datastore the server no longer lets them read. */
  refused = g_str_equal (which, "member-refused");
  /* The operations modes show operations that still run when the screenshot is taken. */
  demo = steward_test_demo_new_full (refused ? STEWARD_DEMO_ROLE_MEMBER : STEWARD_DEMO_ROLE_ADMIN,
                                     "operation-duration-ms",
                                     g_str_equal (which, "operations") ||
                                             g_str_equal (which, "activity") ||
                                             g_str_equal (which, "run-scan")
                                         ? 600000
                                         : 300,
                                     NULL);
  steward_client_get_current_user_async (demo->client, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (demo->client, result, NULL);

  window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_title (window, "Steward");
  gtk_window_set_default_size (window, atoi (argv[2]), atoi (argv[3]));
  view = steward_main_view_new ();
  steward_main_view_set_subtitle (STEWARD_MAIN_VIEW (view), "acme.qualytics.io");
  /* The window's menu, as Steward shows it (the button would be greyed out without one). */
  menu = g_menu_new ();
  g_menu_append (menu, "_Keyboard Shortcuts", "app.shortcuts");
  g_menu_append (menu, "_About Steward", "app.about");
  steward_main_view_set_primary_menu (STEWARD_MAIN_VIEW (view), G_MENU_MODEL (menu));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  gtk_window_present (window);
  deployment = steward_deployment_new (demo->client, user, NULL);
  steward_main_view_set_deployment (STEWARD_MAIN_VIEW (view), deployment);
  if (refused)
    {
      const char *editor[] = { "Analytics", NULL };

      steward_test_iterate (ANIMATION_SETTLE_MS);
      steward_demo_server_set_role_teams (demo->server, STEWARD_DEMO_ROLE_MEMBER, NULL, editor,
                                          NULL);
    }
  steward_main_view_select_datastore (STEWARD_MAIN_VIEW (view), refused ? 27 : 42);
  steward_test_iterate (ANIMATION_SETTLE_MS);

  groups = steward_test_list_groups (demo->client);
  datastore = steward_test_get_datastore (demo->client, 42, NULL);

  if (g_str_equal (which, "group-editor"))
    {
      group = dup_group (groups, 5);
      dialog = GTK_WINDOW (steward_group_editor_new (window, demo->client, groups, group));
    }
  else if (g_str_equal (which, "delete-group"))
    {
      group = dup_group (groups, 1);
      dialog = GTK_WINDOW (steward_delete_group_dialog_new (window, demo->client, group, 3));
    }
  else if (g_str_equal (which, "delete-confirmation"))
    dialog = GTK_WINDOW (steward_delete_datastore_dialog_new (window, demo->client, datastore));
  else if (g_str_equal (which, "datastore-editor") ||
           g_str_equal (which, "datastore-editor-rejected"))
    dialog = GTK_WINDOW (steward_datastore_editor_new (window, demo->client, datastore));
  else if (g_str_equal (which, "new-group-taken"))
    dialog = GTK_WINDOW (steward_group_editor_new (window, demo->client, groups, NULL));
  else if (g_str_equal (which, "delete-confirmation-forbidden"))
    {
      g_autoptr(StewardClient) manager =
          steward_test_demo_new_client (demo, STEWARD_DEMO_ROLE_MANAGER);

      dialog = GTK_WINDOW (steward_delete_datastore_dialog_new (window, manager, datastore));
    }
  else if (g_str_equal (which, "create-jdbc") || g_str_equal (which, "create-dfs") ||
           g_str_equal (which, "create-anyway") || g_str_equal (which, "create-organization"))
    dialog = GTK_WINDOW (steward_create_datastore_dialog_new (window, demo->client, groups));
  else if (g_str_equal (which, "test-connection-failed"))
    dialog = GTK_WINDOW (steward_test_connection_dialog_new (window, demo->client));
  else if (g_str_equal (which, "enrichment-linked"))
    dialog = GTK_WINDOW (
        steward_enrichment_dialog_new (window, deployment,
                                       steward_deployment_find_datastore (deployment, 45)));
  else if (g_str_equal (which, "enrichment-unlinked") ||
           g_str_equal (which, "enrichment-collision"))
    dialog = GTK_WINDOW (
        steward_enrichment_dialog_new (window, deployment,
                                       steward_deployment_find_datastore (deployment, 42)));
  else if (g_str_equal (which, "enrichment-bulk"))
    {
      static const gint64 ids[] = { 11, 15, 18, 21, 100 };

      dialog = GTK_WINDOW (
          steward_enrichment_bulk_dialog_new (window, deployment, ids, G_N_ELEMENTS (ids)));
    }
  else if (g_str_equal (which, "connections") || g_str_equal (which, "connection-editor") ||
           g_str_equal (which, "connection-rotation") ||
           g_str_equal (which, "delete-connection-refused"))
    {
      show_connections (view, which);
      run_until_stopped ();
    }
  else if (g_str_equal (which, "operations") || g_str_equal (which, "activity") ||
           g_str_equal (which, "run-scan"))
    {
      start_operations (deployment, 42);
      show_operations (view, window, which);
      run_until_stopped ();
    }
  else if (g_str_equal (which, "context-menu"))
    {
      /* The selected datastore's menu, as Shift+F10 opens it on its focused row. */
      GtkWidget *table = steward_test_find_widget (view, STEWARD_TYPE_DATASTORE_TABLE, NULL);
      GtkWidget *row = steward_test_find_widget (table, GTK_TYPE_LABEL, "Production Sales");

      while (row != NULL && !gtk_widget_get_focusable (row))
        row = gtk_widget_get_parent (row);
      if (row != NULL)
        gtk_widget_grab_focus (row);
      gtk_widget_activate_action (table, "table.context-menu", NULL);
      run_until_stopped ();
    }
  else if (g_str_has_prefix (which, "onboarding-"))
    dialog = open_onboarding (window, demo, deployment, which + strlen ("onboarding-"));
  else if (!g_str_equal (which, "none") && !refused)
    g_error ("No dialog called %s", which);

  if (dialog == NULL)
    {
      /* Opened as a user would (a double click or Enter), so a folded window shows the details
       * page rather than the list. */
      g_signal_emit_by_name (steward_test_find_widget (view, STEWARD_TYPE_DATASTORE_TABLE, NULL),
                             "datastore-activated", datastore);
      run_until_stopped ();
    }

  gtk_window_present (dialog);

  if (g_str_equal (which, "new-group-taken"))
    {
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Name")), "gold tier");
      gtk_widget_activate (steward_test_find_widget_by_tooltip (GTK_WIDGET (dialog), "Flask"));
    }
  else if (g_str_equal (which, "datastore-editor-rejected"))
    {
      GtkWidget *view_widget;

      wait_for (loaded_cb, dialog, STEWARD_TEST_TIMEOUT_MS, "The datastore editor loading");
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Database")), "");
      view_widget = steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view_widget)),
                                "Core sales data from the production PostgreSQL database", -1);
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Add Tag")), "sales,");
      gtk_widget_activate_action (GTK_WIDGET (dialog), "datastore-editor.save", NULL);
    }
  else if (g_str_equal (which, "delete-confirmation-forbidden"))
    {
      gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                     GTK_TYPE_ENTRY, NULL)),
                             "Production Sales");
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
    }

  else if (g_str_equal (which, "create-jdbc"))
    {
      StewardConnectorForm *form =
          steward_create_datastore_dialog_get_form (STEWARD_CREATE_DATASTORE_DIALOG (dialog));

      wait_for (create_loaded_cb, dialog, STEWARD_TEST_TIMEOUT_MS, "The create dialog loading");
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Name")),
                             "Orders Warehouse");
      steward_connector_form_select_type (form, "postgresql");
      steward_connector_form_set_value (form, "host", "db.acme-corp.com");
      steward_connector_form_set_value (form, "username", "qualytics_reader");
      steward_connector_form_set_value (form, "password", "example-password");
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Database")), "orders");
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Schema")), "public");
    }
  else if (g_str_equal (which, "create-organization"))
    {
      /* The lower sections: chips, a new group's icons, and the problem Create finds there. */
      StewardCreateDatastoreDialog *create = STEWARD_CREATE_DATASTORE_DIALOG (dialog);
      StewardConnectorForm *form = steward_create_datastore_dialog_get_form (create);
      GtkWidget *root = GTK_WIDGET (dialog);

      wait_for (create_loaded_cb, dialog, STEWARD_TEST_TIMEOUT_MS, "The create dialog loading");
      gtk_editable_set_text (GTK_EDITABLE (find_row (root, "Name")), "Orders Warehouse");
      steward_connector_form_select_type (form, "postgresql");
      steward_connector_form_set_value (form, "host", "db.acme-corp.com");
      steward_connector_form_set_value (form, "username", "qualytics_reader");
      steward_connector_form_set_value (form, "password", "example-password");
      gtk_editable_set_text (GTK_EDITABLE (find_row (root, "Add Team")), "Data Platform, Finance,");
      gtk_editable_set_text (GTK_EDITABLE (find_row (root, "Add Tag")), "orders, pii,");
      adw_combo_row_set_selected (ADW_COMBO_ROW (steward_test_find_widget (root, ADW_TYPE_COMBO_ROW,
                                                                           "Group")), 1);
      gtk_widget_activate_action (root, "dialog.create", NULL);
      g_timeout_add (500, scroll_to_end_cb,
                     steward_test_find_widget (root, GTK_TYPE_SCROLLED_WINDOW, NULL));
    }
  else if (g_str_equal (which, "create-anyway"))
    {
      /* A connection whose test failed, then Create: the dialog asks first. */
      StewardCreateDatastoreDialog *create = STEWARD_CREATE_DATASTORE_DIALOG (dialog);
      StewardConnectorForm *form = steward_create_datastore_dialog_get_form (create);
      StewardConnectionTester *tester = steward_create_datastore_dialog_get_tester (create);

      wait_for (create_loaded_cb, dialog, STEWARD_TEST_TIMEOUT_MS, "The create dialog loading");
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Name")),
                             "Unreachable Sales");
      steward_connector_form_select_type (form, "postgresql");
      steward_connector_form_set_value (form, "host", "refused.acme-corp.com");
      steward_connector_form_set_value (form, "username", "qualytics_reader");
      steward_connector_form_set_value (form, "password", "example-password");
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Database")), "sales");
      g_signal_emit_by_name (steward_connection_tester_get_button (tester), "clicked");
      wait_for (tested_cb, tester, STEWARD_TEST_TIMEOUT_MS, "The connection test finishing");
      g_signal_emit_by_name (steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                       "C_reate"),
                             "clicked");
    }
  else if (g_str_equal (which, "create-dfs"))
    {
      StewardConnectorForm *form =
          steward_create_datastore_dialog_get_form (STEWARD_CREATE_DATASTORE_DIALOG (dialog));

      wait_for (create_loaded_cb, dialog, STEWARD_TEST_TIMEOUT_MS, "The create dialog loading");
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Name")),
                             "Raw Events S3");
      steward_connector_form_select_type (form, "s3");
      steward_connector_form_set_value (form, "uri", "s3://acme-data-lake");
      steward_connector_form_set_value (form, "access_key", "AKIAEXAMPLEKEY");
      steward_connector_form_set_value (form, "secret_key", "example-secret");
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Root Path")),
                             "/raw/events/");
    }
  else if (g_str_equal (which, "test-connection-failed"))
    {
      StewardTestConnectionDialog *tester_dialog = STEWARD_TEST_CONNECTION_DIALOG (dialog);
      StewardConnectorForm *form = steward_test_connection_dialog_get_form (tester_dialog);
      StewardConnectionTester *tester = steward_test_connection_dialog_get_tester (tester_dialog);

      wait_for (test_connection_loaded_cb, dialog, STEWARD_TEST_TIMEOUT_MS,
                "The test-connection dialog loading");
      steward_connector_form_select_type (form, "postgresql");
      steward_connector_form_set_value (form, "host", "refused.acme-corp.com");
      steward_connector_form_set_value (form, "username", "qualytics_reader");
      steward_connector_form_set_value (form, "password", "example-password");
      g_signal_emit_by_name (steward_connection_tester_get_button (tester), "clicked");
      wait_for (tested_cb, tester, STEWARD_TEST_TIMEOUT_MS, "The connection test finishing");
    }

  else if (g_str_equal (which, "enrichment-collision"))
    {
      choose_enrichment (dialog, "Healthcare Enrichment");
      gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Table Prefix")),
                             "Patient Records");
    }
  else if (g_str_equal (which, "enrichment-bulk"))
    {
      GtkWidget *apply = steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                                   "Apply the Same Settings");

      choose_enrichment (dialog, "Snowflake Enrichment");
      gtk_switch_set_active (GTK_SWITCH (steward_test_find_widget (apply, GTK_TYPE_SWITCH, NULL)),
                             TRUE);
      /* Orders OLTP fails once, as a flaky gateway would make it. */
      steward_demo_server_inject_fault (demo->server, "PATCH", "/api/datastores/18/enrichment",
                                        STEWARD_DEMO_FAULT_502, 1);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "bulk-enrichment.link", NULL);
      wait_for (bulk_done_cb, dialog, STEWARD_TEST_LONG_TIMEOUT_MS,
                "The bulk enrichment finishing");
    }

  run_until_stopped ();
}
