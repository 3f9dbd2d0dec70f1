/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Connections page against the demo server, in a real window: the list (loaded when first
 * shown), search and sort, the details with the datastores that use a connection, editing with
 * write-only secrets, testing before saving, deleting (refused while used), rotating a password
 * and checking each datastore after it, and what a member sees. */
#include <adwaita.h>
#include <string.h>

#include "steward-connection-details.h"
#include "steward-connection-editor.h"
#include "steward-connections-page.h"
#include "steward-datastore-table.h"
#include "steward-delete-connection-dialog.h"
#include "steward-main-view.h"
#include "steward-sidebar.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

/* Every log message, debug ones included: a secret typed must never be in one. */
static GString *log_text;
static GMutex log_mutex;

static GLogWriterOutput
record_writer (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

  g_mutex_lock (&log_mutex);
  g_string_append (log_text, line);
  g_string_append_c (log_text, '\n');
  g_mutex_unlock (&log_mutex);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static gboolean
logged (const char *text)
{
  gboolean found;

  g_mutex_lock (&log_mutex);
  found = strstr (log_text->str, text) != NULL;
  g_mutex_unlock (&log_mutex);
  return found;
}

typedef struct
{
  StewardTestDemo        *demo;
  StewardDeployment      *deployment;
  GtkWindow              *window;
  StewardMainView        *view;
  StewardSidebar         *sidebar;
  StewardConnectionsPage *page;
  StewardDatastoreTable  *table;
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

  fixture->demo = steward_test_demo_new (role);
  steward_client_get_current_user_async (fixture->demo->client, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (fixture->demo->client, result, NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  fixture->view = STEWARD_MAIN_VIEW (steward_main_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  fixture->sidebar = STEWARD_SIDEBAR (steward_test_find_widget (GTK_WIDGET (fixture->view),
                                                                STEWARD_TYPE_SIDEBAR, NULL));
  fixture->page = STEWARD_CONNECTIONS_PAGE (
      steward_test_find_widget (GTK_WIDGET (fixture->view), STEWARD_TYPE_CONNECTIONS_PAGE, NULL));
  fixture->table = STEWARD_DATASTORE_TABLE (
      steward_test_find_widget (GTK_WIDGET (fixture->view), STEWARD_TYPE_DATASTORE_TABLE, NULL));

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

  /* Dialogs a failed test left open go first. */
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

/* Waiting on what a user sees */

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

/* Something visible in @root (a label, a toast) says @text. */
static void
assert_shows (GtkWidget  *root,
              const char *text)
{
  LabelSearch search = { root, text };

  if (!steward_test_wait_until (label_shown_cb, &search, STEWARD_TEST_TIMEOUT_MS))
    g_error ("Nothing visible says “%s”", text);
}

static gboolean
page_listed_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_strcmp0 (steward_connections_page_get_state (fixture->page), "list") == 0;
}

static void
show_connections (Fixture *fixture)
{
  steward_sidebar_select_connections (fixture->sidebar);
  g_assert_true (steward_test_wait_until (page_listed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_sidebar_get_connections_selected (fixture->sidebar));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (steward_connections_page_get_shown (fixture->page));
}

static const char *
shown_name (Fixture *fixture,
            guint    position)
{
  g_autoptr(StewardConnection) connection =
      g_list_model_get_item (steward_connections_page_get_shown (fixture->page), position);

  return steward_connection_get_name (connection);   /* the deployment keeps it */
}

static void
select_connection (Fixture *fixture,
                   gint64   id)
{
  g_assert_true (steward_connections_page_select (fixture->page, id));
  g_assert_cmpint (steward_connection_get_id (
                       steward_connections_page_get_selected (fixture->page)),
                   ==, id);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Dialogs */

static gboolean
window_gone_cb (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

static gboolean
editor_loaded_cb (gpointer user_data)
{
  return steward_connection_editor_get_loaded (user_data);
}

static StewardConnectionEditor *
open_editor (Fixture    *fixture,
             const char *action)
{
  StewardConnectionEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL);
  editor = STEWARD_CONNECTION_EDITOR (steward_test_find_toplevel (STEWARD_TYPE_CONNECTION_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == fixture->window);
  g_assert_true (steward_test_wait_until (editor_loaded_cb, editor, STEWARD_TEST_TIMEOUT_MS));
  return editor;
}

static GtkWidget *
save_button (StewardConnectionEditor *editor)
{
  GtkWidget *button = steward_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Save");

  g_assert_nonnull (button);
  return button;
}

static gboolean
test_ended_cb (gpointer user_data)
{
  StewardConnectionTesterState state = steward_connection_tester_get_state (user_data);

  return state == STEWARD_CONNECTION_TESTER_SUCCEEDED || state == STEWARD_CONNECTION_TESTER_FAILED;
}

static StewardConnectionTesterState
run_test (StewardConnectionTester *tester)
{
  gtk_widget_activate_action (GTK_WIDGET (tester), "tester.test", NULL);
  g_assert_true (steward_test_wait_until (test_ended_cb, tester, STEWARD_TEST_TIMEOUT_MS));
  return steward_connection_tester_get_state (tester);
}

static gboolean
verify_page_cb (gpointer user_data)
{
  return g_strcmp0 (steward_connection_editor_get_page (user_data), "verify") == 0;
}

/* Done (or Escape) on the verification page: what is saved needs no asking. */
static void
close_and_wait (StewardConnectionEditor *editor)
{
  gpointer weak = editor;

  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  g_assert_nonnull (steward_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Done"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  g_assert_true (steward_test_wait_until (window_gone_cb, &weak, STEWARD_TEST_TIMEOUT_MS));
}

static gboolean
verified_cb (gpointer user_data)
{
  return !steward_connection_editor_get_verifying (user_data);
}

/* Tests */

static guint
requests (Fixture    *fixture,
          const char *method,
          const char *path)
{
  return steward_demo_server_count_requests (fixture->demo->server, method, path);
}

static void
test_list_and_search (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Nothing is listed before the page is shown. */
  g_assert_cmpuint (requests (fixture, "GET", "/api/connections"), ==, 0);
  g_assert_false (steward_deployment_get_connections_loaded (fixture->deployment));

  show_connections (fixture);
  g_assert_cmpuint (requests (fixture, "GET", "/api/connections"), ==, 1);

  /* Every connection, by name, with its connector, where it points and how many use it. */
  g_assert_cmpuint (n_shown (fixture), ==, 5);
  g_assert_cmpstr (shown_name (fixture, 0), ==, "mysql_orders");
  g_assert_cmpstr (shown_name (fixture, 1), ==, "postgres_legacy");
  g_assert_cmpstr (shown_name (fixture, 2), ==, "postgres_production");
  g_assert_cmpstr (shown_name (fixture, 3), ==, "s3_data_lake");
  g_assert_cmpstr (shown_name (fixture, 4), ==, "snowflake_production");
  assert_shows (GTK_WIDGET (fixture->page), "db.acme-corp.com:5432");
  assert_shows (GTK_WIDGET (fixture->page), "s3://acme-data-lake");
  assert_shows (GTK_WIDGET (fixture->page), "PostgreSQL");
  assert_shows (GTK_WIDGET (fixture->page), "5 connections");
  g_assert_cmpuint (steward_connections_page_get_n_datastores (fixture->page, 7), ==, 9);
  g_assert_cmpuint (steward_connections_page_get_n_datastores (fixture->page, 5), ==, 7);
  g_assert_cmpuint (steward_connections_page_get_n_datastores (fixture->page, 3), ==, 4);
  g_assert_cmpuint (steward_connections_page_get_n_datastores (fixture->page, 12), ==, 3);
  g_assert_cmpuint (steward_connections_page_get_n_datastores (fixture->page, 9), ==, 1);

  /* Search: by name, by connector, by host; in memory. */
  steward_connections_page_set_search (fixture->page, "postgres");
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  steward_connections_page_set_search (fixture->page, "Snowflake");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown_name (fixture, 0), ==, "snowflake_production");
  steward_connections_page_set_search (fixture->page, "refused.acme");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpstr (shown_name (fixture, 0), ==, "postgres_legacy");
  steward_connections_page_set_search (fixture->page, "nothing-like-it");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_cmpstr (steward_connections_page_get_state (fixture->page), ==, "empty");
  assert_shows (GTK_WIDGET (fixture->page), "No connection matches “nothing-like-it”.");
  steward_connections_page_set_search (fixture->page, "");
  g_assert_cmpuint (n_shown (fixture), ==, 5);

  /* Sort: by how many datastores use each, most first. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "connections.sort-by", "s", "datastores");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "connections.sort-descending", NULL);
  g_assert_cmpstr (shown_name (fixture, 0), ==, "postgres_production");
  g_assert_cmpstr (shown_name (fixture, 1), ==, "snowflake_production");
  g_assert_cmpstr (shown_name (fixture, 4), ==, "postgres_legacy");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "connections.sort-by", "s", "type");
  /* Descending by the connector's name: Snowflake, PostgreSQL (by name within it), MySQL, Amazon
   * S3. */
  g_assert_cmpstr (shown_name (fixture, 0), ==, "snowflake_production");
  g_assert_cmpstr (shown_name (fixture, 4), ==, "s3_data_lake");

  /* Back to the datastores, and again: no second listing. */
  steward_sidebar_select (fixture->sidebar, STEWARD_SCOPE_ALL, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  steward_sidebar_select_connections (fixture->sidebar);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  g_assert_cmpuint (requests (fixture, "GET", "/api/connections"), ==, 1);
}

static gboolean
datastore_selected_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  StewardDatastore *selected = steward_datastore_table_get_selected (fixture->table);

  return selected != NULL && steward_datastore_get_id (selected) == 42;
}

static gboolean
count_is_8_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return steward_connections_page_get_n_datastores (fixture->page, 7) == 8;
}

static void
test_details (Fixture       *fixture,
              gconstpointer  data)
{
  StewardConnectionDetails *details = steward_connections_page_get_details (fixture->page);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  show_connections (fixture);
  select_connection (fixture, 7);

  /* Its settings, never a secret, and the datastores that use it. */
  assert_shows (GTK_WIDGET (details), "db.acme-corp.com");
  assert_shows (GTK_WIDGET (details), "5432");
  assert_shows (GTK_WIDGET (details), "Not shown");
  assert_shows (GTK_WIDGET (details), "Used by 9 datastores");
  g_assert_nonnull (
      steward_test_find_widget (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW, "Patient Records"));
  g_assert_nonnull (steward_test_find_widget (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW,
                                              "Healthcare Enrichment"));
  g_assert_null (
      steward_test_find_widget (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW, "Customer 360"));

  /* A datastore deleted anywhere leaves the count and the list at once. */
  steward_deployment_delete_datastore_async (fixture->deployment, 75, NULL,
                                             steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_delete_datastore_finish (fixture->deployment, result, &error));
  g_assert_no_error (error);
  g_assert_true (steward_test_wait_until (count_is_8_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (GTK_WIDGET (details), "Used by 8 datastores");
  g_assert_null (
      steward_test_find_widget (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW, "QA Staging"));

  /* Activating one opens it in the datastore browser. */
  row = steward_test_find_widget (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW, "Production Sales");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_sensitive (row));
  g_signal_emit_by_name (row, "activate");
  g_assert_true (steward_test_wait_until (datastore_selected_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_false (steward_sidebar_get_connections_selected (fixture->sidebar));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->table)));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  StewardConnectionEditor *editor;
  StewardConnectorForm *form;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  StewardConnection *shared;
  const char *message;

  show_connections (fixture);
  select_connection (fixture, 3);
  shared = steward_deployment_find_connection (fixture->deployment, 3);

  /* Filled in with what the server keeps; the secret starts empty. */
  editor = open_editor (fixture, "connections.edit");
  form = steward_connection_editor_get_form (editor);
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "name"))),
                   ==, "mysql_orders");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "host"))),
                   ==, "mysql.acme-corp.com");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "username"))),
                   ==, "qualytics");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "password"))),
                   ==, "");
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));

  /* A field: the request carries it, the name and the type, and no secret. What the datastores
   * connect with changed, so checking them is offered; Done closes. */
  steward_connector_form_set_value (form, "host", "mysql2.acme-corp.com");
  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (steward_test_wait_until (verify_page_cb, editor, STEWARD_TEST_TIMEOUT_MS));
  close_and_wait (editor);
  g_assert_cmpstr (steward_connection_get_host (shared), ==, "mysql2.acme-corp.com");
  assert_shows (GTK_WIDGET (fixture->page), "mysql2.acme-corp.com:3306");
  assert_shows (GTK_WIDGET (fixture->page), "Saved “mysql_orders”");

  /* A name another connection has is refused as it is typed, whatever its case. */
  editor = open_editor (fixture, "connections.edit");
  form = steward_connection_editor_get_form (editor);
  steward_connector_form_set_value (form, "name", "Snowflake_Production");
  message = steward_connector_form_get_field_message (form, "name");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "snowflake_production"));
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));

  /* A new name and a secret: the request carries the secret typed. */
  steward_connector_form_set_value (form, "name", "mysql_orders_v2");
  g_assert_null (steward_connector_form_get_field_message (form, "name"));
  steward_connector_form_set_value (form, "password", "n3w-s3cret");
  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  /* The password changed and datastores use the connection: checking them is offered. */
  g_assert_true (steward_test_wait_until (verify_page_cb, editor, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (steward_connection_get_name (shared), ==, "mysql_orders_v2");
  close_and_wait (editor);
  /* The renamed connection is still the one shown. */
  g_assert_true (steward_connections_page_get_selected (fixture->page) == shared);
  assert_shows (GTK_WIDGET (steward_connections_page_get_details (fixture->page)),
                "mysql_orders_v2");

  bodies =
      steward_demo_server_dup_request_bodies (fixture->demo->server, "PUT", "/api/connections/3");
  g_assert_cmpuint (bodies->len, ==, 2);
  first = parse_object (g_ptr_array_index (bodies, 0));
  g_assert_cmpuint (json_object_get_size (first), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "mysql_orders");
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, "mysql");
  g_assert_cmpstr (json_object_get_string_member (first, "host"), ==, "mysql2.acme-corp.com");
  g_assert_false (json_object_has_member (first, "password"));
  second = parse_object (g_ptr_array_index (bodies, 1));
  g_assert_cmpuint (json_object_get_size (second), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (second, "name"), ==, "mysql_orders_v2");
  g_assert_cmpstr (json_object_get_string_member (second, "type"), ==, "mysql");
  g_assert_cmpstr (json_object_get_string_member (second, "password"), ==, "n3w-s3cret");
  g_assert_false (logged ("n3w-s3cret"));
}

static gboolean
dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_test_before_saving (Fixture       *fixture,
                         gconstpointer  data)
{
  StewardConnectionDetails *details = steward_connections_page_get_details (fixture->page);
  StewardConnectionEditor *editor;
  StewardConnectorForm *form;
  StewardConnectionTester *tester;
  g_autoptr(GPtrArray) tests = NULL;
  g_autoptr(JsonObject) first = NULL;
  AdwMessageDialog *ask;
  gpointer weak;

  show_connections (fixture);

  /* The saved connection, from its details: the server's words when it fails. */
  select_connection (fixture, 9);
  tester = steward_connection_details_get_tester (details);
  g_assert_cmpint (run_test (tester), ==, STEWARD_CONNECTION_TESTER_FAILED);
  g_assert_cmpstr (steward_connection_tester_get_message (tester), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  assert_shows (GTK_WIDGET (details), "Connection Failed");

  /* Edited values before saving: a refused host, then the right one; nothing is saved. */
  select_connection (fixture, 7);
  editor = open_editor (fixture, "connections.edit");
  form = steward_connection_editor_get_form (editor);
  tester = steward_connection_editor_get_tester (editor);
  steward_connector_form_set_value (form, "host", "refused.acme-corp.com");
  g_assert_cmpint (run_test (tester), ==, STEWARD_CONNECTION_TESTER_FAILED);
  g_assert_cmpstr (steward_connection_tester_get_message (tester), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  assert_shows (GTK_WIDGET (editor), "Connection refused");

  steward_connector_form_set_value (form, "host", "db2.acme-corp.com");
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_IDLE);
  g_assert_cmpint (run_test (tester), ==, STEWARD_CONNECTION_TESTER_SUCCEEDED);
  assert_shows (GTK_WIDGET (editor), "Connection Verified");

  tests = steward_demo_server_dup_request_bodies (fixture->demo->server, "POST",
                                                  "/api/connections/7/test");
  g_assert_cmpuint (tests->len, ==, 2);
  first = parse_object (g_ptr_array_index (tests, 0));
  g_assert_cmpstr (json_object_get_string_member (first, "host"), ==, "refused.acme-corp.com");
  g_assert_false (json_object_has_member (first, "password"));
  g_assert_cmpuint (requests (fixture, "PUT", "/api/connections/7"), ==, 0);

  /* Escape asks before what was typed is lost; keeping on editing keeps it. */
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  g_assert_true (steward_test_wait_until (dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  ask = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "Discard Changes?");
  adw_message_dialog_response (ask, "cancel");
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_assert_nonnull (weak);
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "host"))),
                   ==, "db2.acme-corp.com");

  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  g_assert_true (steward_test_wait_until (dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  ask = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (ask, "discard");
  g_assert_true (steward_test_wait_until (window_gone_cb, &weak, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (requests (fixture, "PUT", "/api/connections/7"), ==, 0);
  g_assert_cmpstr (steward_connection_get_host (
                       steward_deployment_find_connection (fixture->deployment, 7)),
                   ==, "db.acme-corp.com");
}

static gboolean
not_busy_cb (gpointer user_data)
{
  return !steward_confirm_dialog_get_busy (user_data);
}

static StewardDeleteConnectionDialog *
open_delete (Fixture *fixture)
{
  StewardDeleteConnectionDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "connections.delete", NULL);
  dialog = STEWARD_DELETE_CONNECTION_DIALOG (
      steward_test_find_toplevel (STEWARD_TYPE_DELETE_CONNECTION_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  return dialog;
}

static void
type_name (StewardDeleteConnectionDialog *dialog,
           const char                    *name)
{
  GtkWidget *entry = steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
}

static gboolean
connection_gone_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return steward_deployment_find_connection (fixture->deployment, 9) == NULL &&
         n_shown (fixture) == 4;
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  StewardDeleteConnectionDialog *dialog;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gpointer weak;

  show_connections (fixture);
  select_connection (fixture, 9);

  /* In use: the datastores using it are listed, and the server's refusal is shown. */
  dialog = open_delete (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Delete “postgres_legacy”?");
  g_assert_cmpuint (steward_delete_connection_dialog_get_n_users (dialog), ==, 1);
  g_assert_nonnull (
      steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Legacy Inventory"));
  type_name (dialog, "postgres_legac");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  g_assert_cmpuint (requests (fixture, "DELETE", "/api/connections/9"), ==, 0);
  type_name (dialog, "postgres_legacy");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  g_assert_true (steward_test_wait_until (not_busy_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (GTK_WIDGET (dialog), "Connection id: 9 is used by 1 datastore");
  g_assert_nonnull (steward_deployment_find_connection (fixture->deployment, 9));
  g_assert_cmpuint (n_shown (fixture), ==, 5);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_true (steward_test_wait_until (window_gone_cb, &weak, STEWARD_TEST_TIMEOUT_MS));

  /* Once its datastore is gone, it can go. */
  steward_deployment_delete_datastore_async (fixture->deployment, 39, NULL,
                                             steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_delete_datastore_finish (fixture->deployment, result, &error));
  g_assert_no_error (error);

  dialog = open_delete (fixture);
  g_assert_cmpuint (steward_delete_connection_dialog_get_n_users (dialog), ==, 0);
  g_assert_null (
      steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Legacy Inventory"));
  type_name (dialog, "postgres_legacy");
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  g_assert_true (steward_test_wait_until (window_gone_cb, &weak, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (connection_gone_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_null (steward_connections_page_get_selected (fixture->page));
  assert_shows (GTK_WIDGET (fixture->page), "Deleted “postgres_legacy”");
  assert_shows (GTK_WIDGET (fixture->page), "4 connections");
}

static void
test_rotation (Fixture       *fixture,
               gconstpointer  data)
{
  static const gint64 users[] = { 15, 18, 21, 72 };
  StewardConnectionEditor *editor;
  StewardConnectorForm *form;
  StewardConnectionTester *tester;
  g_autofree char *body_text = NULL;
  g_autoptr(JsonObject) body = NULL;

  show_connections (fixture);
  select_connection (fixture, 3);

  /* The password alone, in one place. */
  editor = open_editor (fixture, "connections.change-credentials");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Change Password");
  form = steward_connection_editor_get_form (editor);
  tester = steward_connection_editor_get_tester (editor);
  g_assert_true (gtk_widget_get_visible (steward_connector_form_get_row (form, "password")));
  g_assert_false (gtk_widget_get_visible (steward_connector_form_get_row (form, "host")));
  g_assert_false (gtk_widget_get_visible (steward_connector_form_get_row (form, "name")));

  /* A wrong one fails its test, the new one passes; then it is saved, alone. */
  steward_connector_form_set_value (form, "password", "wrong");
  g_assert_cmpint (run_test (tester), ==, STEWARD_CONNECTION_TESTER_FAILED);
  g_assert_cmpstr (steward_connection_tester_get_message (tester), ==,
                   "Authentication failed for user \"qualytics\"");
  steward_connector_form_set_value (form, "password", "rotated-2026");
  g_assert_cmpint (run_test (tester), ==, STEWARD_CONNECTION_TESTER_SUCCEEDED);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (steward_test_wait_until (verify_page_cb, editor, STEWARD_TEST_TIMEOUT_MS));

  body_text = steward_test_demo_last_body (fixture->demo, "PUT", "/api/connections/3");
  body = parse_object (body_text);
  g_assert_cmpuint (json_object_get_size (body), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "mysql_orders");
  g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "mysql");
  g_assert_cmpstr (json_object_get_string_member (body, "password"), ==, "rotated-2026");
  /* The form forgot it once saved. */
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "password"))),
                   ==, "");

  /* Each datastore that uses it, checked, with its own result. */
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_assert_nonnull (steward_connection_editor_get_verify_row (editor, users[i]));
      g_assert_cmpstr (steward_connection_editor_get_verify_result (editor, users[i]), ==,
                       "pending");
    }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.verify", NULL);
  g_assert_true (steward_connection_editor_get_verifying (editor));
  g_assert_true (steward_test_wait_until (verified_cb, editor, STEWARD_TEST_TIMEOUT_MS));
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *path =
          g_strdup_printf ("/api/datastores/%" G_GINT64_FORMAT "/connection", users[i]);

      g_assert_cmpstr (steward_connection_editor_get_verify_result (editor, users[i]), ==,
                       "connected");
      g_assert_cmpuint (requests (fixture, "POST", path), ==, 1);
    }
  assert_shows (GTK_WIDGET (editor), "All 4 datastores connect.");
  close_and_wait (editor);

  /* A datastore that cannot connect says why, in the server's words. */
  select_connection (fixture, 9);
  editor = open_editor (fixture, "connections.change-credentials");
  form = steward_connection_editor_get_form (editor);
  steward_connector_form_set_value (form, "password", "still-refused");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (steward_test_wait_until (verify_page_cb, editor, STEWARD_TEST_TIMEOUT_MS));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.verify", NULL);
  g_assert_true (steward_test_wait_until (verified_cb, editor, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (steward_connection_editor_get_verify_result (editor, 39), ==, "failed");
  g_assert_cmpstr (adw_action_row_get_subtitle (
                       ADW_ACTION_ROW (steward_connection_editor_get_verify_row (editor, 39))),
                   ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  assert_shows (GTK_WIDGET (editor), "0 connect, 1 failed.");

  /* No password typed reached a log message. */
  g_assert_false (logged ("rotated-2026"));
  g_assert_false (logged ("still-refused"));
  g_assert_true (logged ("PUT http"));
}

static gboolean
banner_shown_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkRevealer *revealer =
      GTK_REVEALER (steward_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_REVEALER, NULL));

  return gtk_revealer_get_child_revealed (revealer);
}

static void
test_member (Fixture       *fixture,
             gconstpointer  data)
{
  StewardConnectionDetails *details = steward_connections_page_get_details (fixture->page);
  GtkWidget *edit;
  GtkWidget *test_button;

  /* Members may read connections: the page lists them, read-only, and says why. */
  show_connections (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 5);
  g_assert_true (steward_test_wait_until (banner_shown_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (GTK_WIDGET (fixture->page), "Requires the Manager role");

  select_connection (fixture, 7);
  edit = steward_test_find_widget (GTK_WIDGET (details), GTK_TYPE_BUTTON, "_Edit…");
  g_assert_nonnull (edit);
  g_assert_false (gtk_widget_get_sensitive (edit));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (edit), ==, "Requires the Manager role");
  g_assert_false (gtk_widget_get_sensitive (
      steward_test_find_widget_by_tooltip (GTK_WIDGET (details), "Requires the Manager role")));
  test_button =
      steward_connection_tester_get_button (steward_connection_details_get_tester (details));
  g_assert_false (gtk_widget_is_sensitive (test_button));
  assert_shows (GTK_WIDGET (details), "Requires the Manager role");

  /* Nothing opens through the actions either. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "connections.edit", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "connections.change-credentials", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "connections.delete", NULL);
  g_assert_null (steward_test_find_toplevel (STEWARD_TYPE_CONNECTION_EDITOR));
  g_assert_null (steward_test_find_toplevel (STEWARD_TYPE_DELETE_CONNECTION_DIALOG));

  /* What they can read still shows: the datastores they may see that use it. */
  assert_shows (GTK_WIDGET (details), "db.acme-corp.com");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  log_text = g_string_new (NULL);
  g_log_set_writer_func (record_writer, NULL, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/connections/list-and-search", test_list_and_search);
  ADD ("/connections/details", test_details);
  ADD ("/connections/edit", test_edit);
  ADD ("/connections/test-before-saving", test_test_before_saving);
  ADD ("/connections/delete", test_delete);
  ADD ("/connections/rotation", test_rotation);
#undef ADD
  g_test_add ("/connections/member", Fixture, NULL, fixture_setup_member, test_member,
              fixture_teardown);

  return g_test_run ();
}
