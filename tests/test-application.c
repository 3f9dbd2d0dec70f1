/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: its command line (run as the built binary), the demo it carries inside, and
 * the actions that sign in and out, switch and forget profiles. */
#include <string.h>

#include "steward-application.h"
#include "steward-datastore-details.h"
#include "steward-keyring.h"
#include "steward-sign-in-dialog.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"
#include "steward-window.h"

static StewardApplication *app;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* Runs the built steward with @args and waits for it to exit. */
static Run *
run_steward (const char * const *args)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "steward", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);
  int wait_status;

  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  return run;
}

static void
test_help (void)
{
  static const char *args[] = { "--help", NULL };
  g_autoptr(Run) run = run_steward (args);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "--demo"));
  g_assert_nonnull (strstr (run->out, "demo server built into it, signed in as an administrator"));
  g_assert_nonnull (strstr (run->out, "--server=URL"));
  g_assert_nonnull (strstr (run->out, "Sign in to the Qualytics deployment at URL"));
}

static void
test_bad_command_lines (void)
{
  static const char *bad_url[] = { "--server", "ftp://files.example.com", NULL };
  static const char *both[] = { "--demo", "--server", "https://acme.qualytics.io", NULL };
  g_autoptr(Run) first = run_steward (bad_url);
  g_autoptr(Run) second = run_steward (both);

  g_assert_cmpint (first->status, !=, 0);
  g_assert_nonnull (strstr (first->err, "Not a deployment URL: ftp://files.example.com"));
  g_assert_cmpint (second->status, !=, 0);
  g_assert_nonnull (strstr (second->err, "cannot be used together"));
}

static StewardWindow *
open_window (void)
{
  StewardWindow *window = steward_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, window, STEWARD_TEST_TIMEOUT_MS));
  return window;
}

static gboolean
signed_in_cb (gpointer user_data)
{
  return steward_session_get_state (user_data) == STEWARD_SESSION_SIGNED_IN;
}

static gboolean
signed_out_cb (gpointer user_data)
{
  return steward_session_get_state (user_data) == STEWARD_SESSION_SIGNED_OUT;
}

static const char *
visible_page (StewardWindow *window)
{
  GtkWidget *stack = steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
main_page_cb (gpointer user_data)
{
  return g_strcmp0 (visible_page (user_data), "main") == 0;
}

static void
test_actions (void)
{
  static const char *plain[] = { "quit", "about", "shortcuts", "sign-in", "sign-out", "demo",
                                 "import-cli-config", "cancel-connecting", NULL };
  const GVariantType *type;
  g_autoptr(GVariant) state = NULL;

  for (guint i = 0; plain[i] != NULL; i++)
    {
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), plain[i]));
      g_assert_null (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), plain[i]));
    }

  type = g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "switch-profile");
  g_assert_true (g_variant_type_equal (type, G_VARIANT_TYPE_STRING));
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "switch-profile");
  g_assert_true (g_variant_is_of_type (state, G_VARIANT_TYPE_STRING));
  type = g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "forget-profile");
  g_assert_true (g_variant_type_equal (type, G_VARIANT_TYPE_STRING));
  type = g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "show-datastore");
  g_assert_true (g_variant_type_equal (type, G_VARIANT_TYPE_INT64));
}

static gboolean
listed_cb (gpointer user_data)
{
  StewardDeployment *deployment = steward_main_view_get_deployment (user_data);

  return deployment != NULL && steward_deployment_find_datastore (deployment, 42) != NULL;
}

static gboolean
details_show_42_cb (gpointer user_data)
{
  GtkWidget *details = steward_test_find_widget (user_data, STEWARD_TYPE_DATASTORE_DETAILS, NULL);
  StewardDatastore *shown =
      steward_datastore_details_get_datastore (STEWARD_DATASTORE_DETAILS (details));

  return shown != NULL && steward_datastore_get_id (shown) == 42;
}

/* app.demo: a demo server inside Steward, signed in as the admin, under a profile never saved. */
static void
test_demo (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.stewardapp.Steward");
  StewardSession *session = steward_application_get_session (app);
  StewardWindow *window = open_window ();
  g_autoptr(GVariant) profiles = NULL;
  g_autofree char *current = NULL;
  StewardProfile *profile;
  GtkWidget *title;
  GtkWidget *page;
  StewardClient *client;

  g_assert_cmpstr (visible_page (window), ==, "signed-out");
  g_signal_emit_by_name (steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                                                   "_Try the Demo"),
                         "clicked");
  g_assert_true (steward_test_wait_until (main_page_cb, window, STEWARD_TEST_LONG_TIMEOUT_MS));

  profile = steward_session_get_profile (session);
  g_assert_cmpstr (steward_profile_get_name (profile), ==, "Demo");
  g_assert_true (steward_profile_get_temporary (profile));
  g_assert_cmpint (steward_user_get_role (steward_session_get_user (session)), ==,
                   STEWARD_ROLE_ADMIN);
  g_assert_cmpint (steward_session_get_token_storage (session), ==, STEWARD_TOKEN_NOT_STORED);

  /* The datastore list's subtitle names the demo profile. */
  page = gtk_stack_get_visible_child (GTK_STACK (steward_test_find_widget (GTK_WIDGET (window),
                                                                           GTK_TYPE_STACK, NULL)));
  title = steward_test_find_widget (page, ADW_TYPE_WINDOW_TITLE, "All Datastores");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "Demo");
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, title, STEWARD_TEST_TIMEOUT_MS));

  /* It is a real server: the demo's seed answers. */
  client = steward_session_get_client (session);
  g_assert_true (g_str_has_prefix (steward_client_get_base_url (client), "http://127.0.0.1:"));

  /* A notification's click: the window, showing the datastore it was about. */
  g_assert_true (steward_test_wait_until (listed_cb, steward_window_get_main_view (window),
                                          STEWARD_TEST_TIMEOUT_MS));
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-datastore", g_variant_new_int64 (42));
  g_assert_true (steward_test_wait_until (details_show_42_cb, window, STEWARD_TEST_TIMEOUT_MS));

  /* Never saved, never the start-up profile. */
  profiles = g_settings_get_value (settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 0);
  current = g_settings_get_string (settings, "current-profile");
  g_assert_cmpstr (current, ==, "");

  /* Again: nothing changes. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "demo", NULL);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_true (steward_session_get_profile (session) == profile);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-out", NULL);
  g_assert_true (steward_test_wait_until (signed_out_cb, session, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (visible_page (window), ==, "signed-out");

  /* The demo keeps running until Steward quits: back in at once. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "demo", NULL);
  g_assert_true (steward_test_wait_until (signed_in_cb, session, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_true (steward_session_get_profile (session) == profile);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-out", NULL);
  g_assert_true (steward_test_wait_until (signed_out_cb, session, STEWARD_TEST_TIMEOUT_MS));
  gtk_window_destroy (GTK_WINDOW (window));
}

static StewardProfile *
sign_in (StewardTestDemo *demo,
         const char      *name)
{
  StewardSession *session = steward_application_get_session (app);
  g_autofree char *url =
      steward_url_normalize_base (steward_demo_server_get_base_url (demo->server), NULL);
  g_autoptr(StewardProfile) profile = steward_profile_new (name, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_session_sign_in_async (session, profile,
                                 steward_demo_server_get_token (demo->server,
                                                                STEWARD_DEMO_ROLE_ADMIN),
                                 STEWARD_TOKEN_KEYRING, NULL, steward_test_store_result_cb,
                                 &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_session_sign_in_finish (session, result, &error));
  return steward_session_get_profile (session);
}

static gboolean
message_dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
profile_gone_cb (gpointer user_data)
{
  return steward_session_find_profile (steward_application_get_session (app), user_data) == NULL;
}

static char *
lookup_token (const char *url)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *token;
  char *copy;

  steward_keyring_lookup_async (url, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  token = steward_keyring_lookup_finish (result, NULL);
  copy = g_strdup (token);
  steward_keyring_free_token (token);
  return copy;
}

/* Forgetting asks first; cancelled, nothing changes; confirmed, profile and token go. */
static void
test_forget_profile (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  StewardSession *session = steward_application_get_session (app);
  StewardWindow *window = open_window ();
  g_autofree char *id = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  StewardProfile *profile;
  AdwMessageDialog *confirm;

  profile = sign_in (demo, "Old staging");
  id = g_strdup (steward_profile_get_id (profile));
  url = g_strdup (steward_profile_get_url (profile));

  gtk_widget_activate_action (GTK_WIDGET (window), "app.forget-profile", "s", id);
  g_assert_true (steward_test_wait_until (message_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  confirm = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Forget Old staging?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "forget"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (confirm, "cancel");
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_true (steward_session_find_profile (session, id) == profile);
  g_assert_cmpint (steward_session_get_state (session), ==, STEWARD_SESSION_SIGNED_IN);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.forget-profile", "s", id);
  g_assert_true (steward_test_wait_until (message_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  confirm = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (confirm, "forget");
  g_assert_true (steward_test_wait_until (profile_gone_cb, id, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (signed_out_cb, session, STEWARD_TEST_TIMEOUT_MS));
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  token = lookup_token (url);
  g_assert_null (token);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
sign_in_dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (STEWARD_TYPE_SIGN_IN_DIALOG) != NULL;
}

/* A saved profile whose token is gone: switching to it asks for one, with the form filled in. */
static void
test_switch_without_token (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  StewardSession *session = steward_application_get_session (app);
  StewardWindow *window = open_window ();
  g_autoptr(GAsyncResult) result = NULL;
  StewardProfile *profile;
  GtkWindow *dialog;
  g_autofree char *id = NULL;

  profile = sign_in (demo, "Tokenless");
  id = g_strdup (steward_profile_get_id (profile));
  steward_session_sign_out_async (session, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.switch-profile", "s", id);
  g_assert_true (steward_test_wait_until (sign_in_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  dialog = steward_test_find_toplevel (STEWARD_TYPE_SIGN_IN_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Profile Name"))),
                   ==, "Tokenless");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Deployment URL"))),
                   ==, steward_profile_get_url (profile));
  g_assert_cmpint (steward_session_get_state (session), ==, STEWARD_SESSION_SIGNED_OUT);
  /* No token is not an error to show. */
  g_assert_null (steward_session_get_last_error (session));

  gtk_window_destroy (dialog);
  g_clear_object (&result);
  steward_session_forget_profile_async (session, id, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Signed out with a saved profile, Sign In offers that one; signed in, a blank form. */
static void
test_sign_in_action (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  StewardSession *session = steward_application_get_session (app);
  StewardWindow *window = open_window ();
  g_autoptr(GAsyncResult) result = NULL;
  GtkWindow *dialog;
  g_autofree char *id = NULL;

  id = g_strdup (steward_profile_get_id (sign_in (demo, "Last used")));

  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-in", NULL);
  g_assert_true (steward_test_wait_until (sign_in_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  dialog = steward_test_find_toplevel (STEWARD_TYPE_SIGN_IN_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Profile Name"))),
                   ==, "");
  gtk_window_destroy (dialog);

  steward_session_sign_out_async (session, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-in", NULL);
  g_assert_true (steward_test_wait_until (sign_in_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  dialog = steward_test_find_toplevel (STEWARD_TYPE_SIGN_IN_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Profile Name"))),
                   ==, "Last used");
  gtk_window_destroy (dialog);

  g_clear_object (&result);
  steward_session_forget_profile_async (session, id, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/application/help", test_help);
  g_test_add_func ("/application/bad-command-lines", test_bad_command_lines);
  g_test_add_func ("/application/actions", test_actions);
  g_test_add_func ("/application/demo", test_demo);
  g_test_add_func ("/application/forget-profile", test_forget_profile);
  g_test_add_func ("/application/switch-without-token", test_switch_without_token);
  g_test_add_func ("/application/sign-in-action", test_sign_in_action);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
