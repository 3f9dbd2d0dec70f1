/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Test a Connection" against the demo server: success, the refused host's message verbatim
 * with its hint, the other recognized causes, Cancel while a slow host keeps the server
 * waiting, required fields checked before anything is sent, the server's own connector forms,
 * and secrets gone when the dialog closes. */
#include <adwaita.h>

#include "steward-test-connection-dialog.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

#define CONNECTION_TEST_PATH "/api/datastores/connection"

static gboolean
mapped_cb (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static gboolean
loaded_cb (gpointer user_data)
{
  return !steward_test_connection_dialog_get_loading (user_data);
}

static gboolean
test_done_cb (gpointer user_data)
{
  StewardConnectionTesterState state = steward_connection_tester_get_state (user_data);

  return state == STEWARD_CONNECTION_TESTER_SUCCEEDED || state == STEWARD_CONNECTION_TESTER_FAILED;
}

static StewardTestConnectionDialog *
open_dialog (StewardTestDemo *demo)
{
  StewardTestConnectionDialog *dialog = steward_test_connection_dialog_new (NULL, demo->client);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (steward_test_wait_until (mapped_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (loaded_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  return dialog;
}

static void
fill_postgresql (StewardTestConnectionDialog *dialog,
                 const char                  *host,
                 const char                  *password)
{
  StewardConnectorForm *form = steward_test_connection_dialog_get_form (dialog);

  g_assert_true (steward_connector_form_select_type (form, "postgresql"));
  g_assert_true (steward_connector_form_set_value (form, "host", host));
  g_assert_true (steward_connector_form_set_value (form, "username", "qualytics_reader"));
  g_assert_true (steward_connector_form_set_value (form, "password", password));
}

/* A click: the button must be on screen and sensitive. (gtk_widget_activate() would animate
 * the press and click only 250 ms later.) */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
press_test (StewardTestConnectionDialog *dialog)
{
  click (steward_connection_tester_get_button (steward_test_connection_dialog_get_tester (dialog)));
}

static StewardConnectionTesterState
run_test (StewardTestConnectionDialog *dialog)
{
  StewardConnectionTester *tester = steward_test_connection_dialog_get_tester (dialog);

  press_test (dialog);
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_RUNNING);
  g_assert_true (steward_test_wait_until (test_done_cb, tester, STEWARD_TEST_TIMEOUT_MS));
  return steward_connection_tester_get_state (tester);
}

static JsonObject *
last_body (StewardTestDemo *demo)
{
  g_autofree char *body = steward_test_demo_last_body (demo, "POST", CONNECTION_TEST_PATH);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (body);
  g_assert_true (json_parser_load_from_data (parser, body, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* A label showing @text, on screen. */
static void
assert_label_shown (GtkWidget  *root,
                    const char *text)
{
  GtkWidget *label = steward_test_find_widget (root, GTK_TYPE_LABEL, text);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
}

static void
test_success (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  StewardTestConnectionDialog *dialog = open_dialog (demo);
  StewardConnectionTester *tester = steward_test_connection_dialog_get_tester (dialog);
  g_autoptr(JsonObject) body = NULL;
  JsonObject *connection;

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  fill_postgresql (dialog, "db.acme-corp.com", "s3cur3_p4ssw0rd");
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ENTRY_ROW, "Database")),
                         "production");

  g_assert_cmpint (run_test (dialog), ==, STEWARD_CONNECTION_TESTER_SUCCEEDED);
  assert_label_shown (GTK_WIDGET (dialog), "Connection Verified");
  g_assert_null (steward_connection_tester_get_hint (tester));

  body = last_body (demo);
  g_assert_cmpstr (json_object_get_string_member (body, "database"), ==, "production");
  g_assert_false (json_object_has_member (body, "connection_id"));
  connection = json_object_get_object_member (body, "connection");
  g_assert_cmpstr (json_object_get_string_member (connection, "type"), ==, "postgresql");
  g_assert_cmpstr (json_object_get_string_member (connection, "host"), ==, "db.acme-corp.com");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (connection, "port")), ==,
                   G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (connection, "port"), ==, 5432);
  g_assert_cmpstr (json_object_get_string_member (connection, "password"), ==, "s3cur3_p4ssw0rd");
  g_assert_cmpstr (json_object_get_string_member (connection, "name"), ==,
                   "steward_test_postgresql");

  /* Changing a setting makes the result stale. */
  steward_connector_form_set_value (steward_test_connection_dialog_get_form (dialog), "host",
                                    "db2.acme-corp.com");
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_IDLE);
  g_assert_false (gtk_widget_get_mapped (
      steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Connection Verified")));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_refused (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  StewardTestConnectionDialog *dialog = open_dialog (demo);
  StewardConnectionTester *tester = steward_test_connection_dialog_get_tester (dialog);
  const char *expected =
      "Connection refused: could not connect to server at refused.acme-corp.com:5432";
  const char *hint = steward_connection_problem_get_hint (STEWARD_CONNECTION_PROBLEM_REFUSED);

  fill_postgresql (dialog, "refused.acme-corp.com", "pw");
  g_assert_cmpint (run_test (dialog), ==, STEWARD_CONNECTION_TESTER_FAILED);

  /* The server's words, verbatim, and what to check. */
  g_assert_cmpstr (steward_connection_tester_get_message (tester), ==, expected);
  g_assert_cmpstr (steward_connection_tester_get_hint (tester), ==, hint);
  assert_label_shown (GTK_WIDGET (dialog), "Connection Failed");
  assert_label_shown (GTK_WIDGET (dialog), expected);
  assert_label_shown (GTK_WIDGET (dialog), hint);
  g_assert_true (
      gtk_widget_has_css_class (steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                                          "Connection Failed"),
                                "error"));

  /* The dialog stays as it was, ready to try again. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       steward_connector_form_get_row (steward_test_connection_dialog_get_form (
                                                           dialog),
                                                       "host"))),
                   ==, "refused.acme-corp.com");
  g_assert_true (gtk_widget_is_sensitive (steward_connection_tester_get_button (tester)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_other_causes (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  StewardTestConnectionDialog *dialog = open_dialog (demo);
  StewardConnectionTester *tester = steward_test_connection_dialog_get_tester (dialog);

  fill_postgresql (dialog, "warehouse.invalid", "pw");
  g_assert_cmpint (run_test (dialog), ==, STEWARD_CONNECTION_TESTER_FAILED);
  g_assert_cmpstr (steward_connection_tester_get_message (tester), ==,
                   "Unknown host: could not resolve warehouse.invalid");
  g_assert_cmpstr (steward_connection_tester_get_hint (tester), ==,
                   steward_connection_problem_get_hint (STEWARD_CONNECTION_PROBLEM_UNKNOWN_HOST));

  fill_postgresql (dialog, "db.acme-corp.com", "wrong");
  g_assert_cmpint (run_test (dialog), ==, STEWARD_CONNECTION_TESTER_FAILED);
  g_assert_cmpstr (steward_connection_tester_get_message (tester), ==,
                   "Authentication failed for user \"qualytics_reader\"");
  g_assert_cmpstr (steward_connection_tester_get_hint (tester), ==,
                   steward_connection_problem_get_hint (STEWARD_CONNECTION_PROBLEM_AUTHENTICATION));

  /* A bucket the credentials cannot read. */
  g_assert_true (
      steward_connector_form_select_type (steward_test_connection_dialog_get_form (dialog), "s3"));
  steward_connector_form_set_value (steward_test_connection_dialog_get_form (dialog), "uri",
                                    "s3://denied-bucket");
  steward_connector_form_set_value (steward_test_connection_dialog_get_form (dialog), "access_key",
                                    "AKIA");
  steward_connector_form_set_value (steward_test_connection_dialog_get_form (dialog), "secret_key",
                                    "sk");
  g_assert_cmpint (run_test (dialog), ==, STEWARD_CONNECTION_TESTER_FAILED);
  g_assert_cmpstr (steward_connection_tester_get_hint (tester), ==,
                   steward_connection_problem_get_hint (STEWARD_CONNECTION_PROBLEM_PERMISSION));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
record_state_cb (GObject    *object,
                 GParamSpec *pspec,
                 GArray     *states)
{
  StewardConnectionTesterState state =
      steward_connection_tester_get_state (STEWARD_CONNECTION_TESTER (object));

  g_array_append_val (states, state);
}

static gboolean
request_arrived_cb (gpointer user_data)
{
  StewardTestDemo *demo = user_data;

  return steward_demo_server_count_requests (demo->server, "POST", CONNECTION_TEST_PATH) > 0;
}

static void
test_cancel (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  StewardTestConnectionDialog *dialog = open_dialog (demo);
  StewardConnectionTester *tester = steward_test_connection_dialog_get_tester (dialog);
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (StewardConnectionTesterState));
  GtkWidget *cancel;
  GtkWidget *spinner;

  g_signal_connect (tester, "notify::state", G_CALLBACK (record_state_cb), states);

  /* The demo answers a "slow." host only after 20 s. */
  fill_postgresql (dialog, "slow.acme-corp.com", "pw");
  press_test (dialog);
  g_assert_true (steward_test_wait_until (request_arrived_cb, demo, STEWARD_TEST_TIMEOUT_MS));
  steward_test_iterate (STEWARD_TEST_IDLE_MS);

  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_RUNNING);
  spinner = steward_test_find_widget (GTK_WIDGET (tester), GTK_TYPE_SPINNER, NULL);
  g_assert_true (gtk_widget_get_mapped (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_false (gtk_widget_is_sensitive (steward_connection_tester_get_button (tester)));
  cancel = steward_test_find_widget (GTK_WIDGET (tester), GTK_TYPE_BUTTON, "_Cancel Test");
  g_assert_true (gtk_widget_get_mapped (cancel));

  /* Idle at once, without waiting for the server. */
  click (cancel);
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_IDLE);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_IDLE);
  g_assert_false (gtk_widget_get_mapped (spinner));
  g_assert_false (gtk_widget_get_mapped (cancel));
  g_assert_true (gtk_widget_is_sensitive (steward_connection_tester_get_button (tester)));
  g_assert_null (steward_connection_tester_get_message (tester));
  g_assert_null (
      steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Connection Failed"));

  /* Running, then idle: nothing was reported as failed. */
  g_assert_cmpuint (states->len, ==, 2);
  g_assert_cmpint (g_array_index (states, StewardConnectionTesterState, 0), ==,
                   STEWARD_CONNECTION_TESTER_RUNNING);
  g_assert_cmpint (g_array_index (states, StewardConnectionTesterState, 1), ==,
                   STEWARD_CONNECTION_TESTER_IDLE);

  /* And the next test runs normally. */
  steward_connector_form_set_value (steward_test_connection_dialog_get_form (dialog), "host",
                                    "db.acme-corp.com");
  g_assert_cmpint (run_test (dialog), ==, STEWARD_CONNECTION_TESTER_SUCCEEDED);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_required_first (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  StewardTestConnectionDialog *dialog = open_dialog (demo);
  StewardConnectorForm *form = steward_test_connection_dialog_get_form (dialog);
  StewardConnectionTester *tester = steward_test_connection_dialog_get_tester (dialog);

  g_assert_true (steward_connector_form_select_type (form, "postgresql"));
  steward_connector_form_set_value (form, "username", "reader");
  press_test (dialog);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);

  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_IDLE);
  g_assert_cmpuint (steward_demo_server_count_requests (demo->server, "POST", CONNECTION_TEST_PATH),
                    ==, 0);
  g_assert_cmpstr (steward_connector_form_get_field_message (form, "host"), ==,
                   "This field is required");
  g_assert_cmpstr (steward_connector_form_get_field_message (form, "password"), ==,
                   "This field is required");
  g_assert_null (steward_connector_form_get_field_message (form, "username"));
  g_assert_true (gtk_widget_has_css_class (steward_connector_form_get_row (form, "host"), "error"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* With GET /datastores/specifications, the server's descriptions make the forms. */
static void
test_server_specifications (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_MANAGER,
                                                                "serve-specifications", TRUE, NULL);
  StewardTestConnectionDialog *dialog = open_dialog (demo);
  StewardConnectorForm *form = steward_test_connection_dialog_get_form (dialog);
  g_autoptr(JsonObject) body = NULL;
  GtkWidget *row;

  fill_postgresql (dialog, "db.acme-corp.com", "pw");
  g_assert_cmpint (steward_connector_spec_get_origin (steward_connector_form_get_spec (form)), ==,
                   STEWARD_CONNECTOR_ORIGIN_SERVER);
  row = steward_connector_form_get_row (form, "parameters.sslmode");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "SSL mode");
  g_assert_cmpstr (adw_preferences_row_get_title (
                       ADW_PREFERENCES_ROW (steward_connector_form_get_row (form, "username"))),
                   ==, "User");

  g_assert_cmpint (run_test (dialog), ==, STEWARD_CONNECTION_TESTER_SUCCEEDED);
  body = last_body (demo);
  g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (json_object_get_object_member (body,
                                                                                     "connection"),
                                                      "parameters"),
                       "sslmode"),
                   ==, "prefer");

  /* A type the server does not describe keeps Steward's form. */
  g_assert_true (steward_connector_form_select_type (form, "mariadb"));
  g_assert_cmpint (steward_connector_spec_get_origin (steward_connector_form_get_spec (form)), ==,
                   STEWARD_CONNECTOR_ORIGIN_BUILTIN);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
closed_cb (GtkWindow *window,
           gpointer   user_data)
{
  char **password = user_data;
  StewardConnectorForm *form =
      steward_test_connection_dialog_get_form (STEWARD_TEST_CONNECTION_DIALOG (window));

  *password = g_strdup (
      gtk_editable_get_text (GTK_EDITABLE (steward_connector_form_get_row (form, "password"))));
}

static void
test_close_forgets_secrets (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  StewardTestConnectionDialog *dialog = open_dialog (demo);
  g_autofree char *password_at_close = NULL;
  GtkWidget *row;

  fill_postgresql (dialog, "db.acme-corp.com", "hunter2-closing");
  g_signal_connect_after (dialog, "close-request", G_CALLBACK (closed_cb), &password_at_close);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpstr (password_at_close, ==, "");

  dialog = open_dialog (demo);
  g_assert_true (
      steward_connector_form_select_type (steward_test_connection_dialog_get_form (dialog),
                                          "postgresql"));
  row =
      steward_connector_form_get_row (steward_test_connection_dialog_get_form (dialog), "password");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/test-connection/success", test_success);
  g_test_add_func ("/test-connection/refused", test_refused);
  g_test_add_func ("/test-connection/other-causes", test_other_causes);
  g_test_add_func ("/test-connection/cancel", test_cancel);
  g_test_add_func ("/test-connection/required-first", test_required_first);
  g_test_add_func ("/test-connection/server-specifications", test_server_specifications);
  g_test_add_func ("/test-connection/close-forgets-secrets", test_close_forgets_secrets);

  return g_test_run ();
}
