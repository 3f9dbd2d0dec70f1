/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sign-in dialog against the demo server, driven the way a user drives it: typing, choosing,
 * pressing buttons, playing the browser over real HTTP. Each failure must name its stage and keep
 * what was typed; nothing may be sent to a remote http:// URL without confirmation. */
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "steward-application.h"
#include "steward-keyring.h"
#include "steward-sign-in-dialog.h"
#include "steward-test-demo.h"
#include "steward-test-resolver.h"
#include "steward-test-utils.h"
#include "steward-window.h"

static StewardApplication *app;

typedef struct
{
  GSettings           *settings;
  StewardTestDemo     *demo;
  StewardSession      *session;
  GtkWindow           *parent;
  StewardSignInDialog *dialog;
  char                *url;        /* the demo's URL as a user types it */
  char                *api_url;    /* normalized, as profiles and the keyring keep it */
  guint                signed_in;
} Fixture;

static char *
cli_config_path (void)
{
  return g_build_filename (g_get_home_dir (), ".qualytics", "config.yaml", NULL);
}

static void
remove_cli_config (void)
{
  g_autofree char *path = cli_config_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
write_cli_config (const char *contents)
{
  g_autofree char *path = cli_config_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
signed_in_cb (StewardSignInDialog *dialog,
              Fixture             *f)
{
  f->signed_in++;
}

static void
destroy_dialog (Fixture *f)
{
  if (f->dialog == NULL)
    return;

  /* Pending work may keep the object alive a little longer. */
  g_object_remove_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  f->dialog = NULL;
}

static gboolean
dialog_closed (Fixture *f)
{
  return f->dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (f->dialog));
}

static void
open_dialog (Fixture *f)
{
  destroy_dialog (f);
  f->dialog = steward_sign_in_dialog_new (f->parent, f->session);
  /* Closing destroys it: the pointer goes back to NULL then. */
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  steward_sign_in_dialog_set_launch_browser (f->dialog, FALSE);
  g_signal_connect (f->dialog, "signed-in", G_CALLBACK (signed_in_cb), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, f->dialog, STEWARD_TEST_TIMEOUT_MS));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  remove_cli_config ();
  f->settings = g_settings_new ("io.github.stewardapp.Steward");
  g_settings_reset (f->settings, "profiles");
  g_settings_reset (f->settings, "current-profile");
  f->demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  f->api_url =
      steward_url_normalize_base (steward_demo_server_get_base_url (f->demo->server), NULL);
  f->url = g_strdup_printf ("http://127.0.0.1:%u", steward_demo_server_get_port (f->demo->server));
  f->session = steward_session_new (f->settings);
  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
  open_dialog (f);
}

static void
clear_token (const char *url)
{
  g_autoptr(GAsyncResult) result = NULL;

  steward_keyring_clear_async (url, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
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

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  clear_token (f->api_url);
  destroy_dialog (f);
  g_clear_pointer (&f->parent, gtk_window_destroy);
  g_clear_object (&f->session);
  steward_test_demo_free (f->demo);
  g_clear_object (&f->settings);
  g_free (f->url);
  g_free (f->api_url);
  remove_cli_config ();
}

static GtkWidget *
find (Fixture    *f,
      GType       type,
      const char *text)
{
  GtkWidget *widget = steward_test_find_widget (GTK_WIDGET (f->dialog), type, text);

  if (widget == NULL)
    g_error ("No %s “%s” in the dialog", g_type_name (type), text);
  return widget;
}

static void
type_into (Fixture    *f,
           const char *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, row)), text);
}

static const char *
text_of (Fixture    *f,
         const char *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, row)));
}

static gboolean
press (Fixture    *f,
       const char *label)
{
  GtkWidget *button = find (f, GTK_TYPE_BUTTON, label);

  if (!gtk_widget_is_sensitive (button))
    return FALSE;

  /* A click; keyboard activation would wait for the button's release animation. */
  g_signal_emit_by_name (button, "clicked");
  return TRUE;
}

static gboolean
dialog_settled_cb (gpointer user_data)
{
  Fixture *f = user_data;

  return f->signed_in > 0 || f->dialog == NULL || !steward_sign_in_dialog_get_busy (f->dialog);
}

static void
wait_settled (Fixture *f)
{
  g_assert_true (steward_test_wait_until (dialog_settled_cb, f, STEWARD_TEST_LONG_TIMEOUT_MS));
}

/* The inline error, if one is shown: its heading, with its details in @detail. */
static const char *
shown_error (Fixture     *f,
             const char **detail)
{
  GtkWidget *revealer = steward_test_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_REVEALER, NULL);
  GtkWidget *box;
  GtkWidget *heading;

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return NULL;

  /* The first revealer is the error's: an icon, then the heading over the details. */
  box = gtk_widget_get_last_child (gtk_revealer_get_child (GTK_REVEALER (revealer)));
  heading = gtk_widget_get_first_child (box);
  if (detail != NULL)
    *detail = gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (heading)));
  return gtk_label_get_label (GTK_LABEL (heading));
}

static const char *
token_of (Fixture         *f,
          StewardDemoRole  role)
{
  return steward_demo_server_get_token (f->demo->server, role);
}

static void
fill_form (Fixture    *f,
           const char *url,
           const char *token)
{
  type_into (f, "Deployment URL", url);
  type_into (f, "Profile Name", "Acme production");
  g_signal_emit_by_name (steward_test_find_widget_by_tooltip (GTK_WIDGET (f->dialog),
                                                              "Production (red)"),
                         "clicked");
  type_into (f, "API Token", token);
}

static void
assert_form_kept (Fixture    *f,
                  const char *url,
                  const char *token)
{
  g_autofree char *environment = NULL;

  g_assert_cmpstr (text_of (f, "Deployment URL"), ==, url);
  g_assert_cmpstr (text_of (f, "Profile Name"), ==, "Acme production");
  g_assert_cmpstr (text_of (f, "API Token"), ==, token);
  g_object_get (f->dialog, "environment", &environment, NULL);
  g_assert_cmpstr (environment, ==, "red");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->dialog)));
  g_assert_false (steward_sign_in_dialog_get_busy (f->dialog));
  g_assert_cmpuint (f->signed_in, ==, 0);
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_OUT);
}

static void
test_good_token (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *token_row;
  StewardProfile *profile;
  g_autofree char *stored = NULL;

  /* Nothing to sign in with yet. */
  g_assert_false (press (f, "_Sign In"));

  fill_form (f, f->url, token_of (f, STEWARD_DEMO_ROLE_ADMIN));
  /* The token is never shown as typed. */
  token_row = find (f, ADW_TYPE_PASSWORD_ENTRY_ROW, "API Token");
  g_assert_false (gtk_text_get_visibility (
      GTK_TEXT (steward_test_find_widget (token_row, GTK_TYPE_TEXT, NULL))));

  g_assert_true (press (f, "_Sign In"));
  g_assert_true (steward_sign_in_dialog_get_busy (f->dialog));
  wait_settled (f);

  g_assert_cmpuint (f->signed_in, ==, 1);
  g_assert_true (dialog_closed (f));
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_IN);
  profile = steward_session_get_profile (f->session);
  g_assert_cmpstr (steward_profile_get_name (profile), ==, "Acme production");
  g_assert_cmpstr (steward_profile_get_url (profile), ==, f->api_url);
  g_assert_cmpint (steward_profile_get_environment (profile), ==, STEWARD_ENVIRONMENT_RED);
  g_assert_true (steward_profile_get_verify_tls (profile));
  stored = lookup_token (f->api_url);
  g_assert_cmpstr (stored, ==, token_of (f, STEWARD_DEMO_ROLE_ADMIN));
}

static void
test_rejected_token (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *revoked = g_strdup (token_of (f, STEWARD_DEMO_ROLE_MEMBER));
  const char *detail = NULL;
  g_autofree char *stored = NULL;

  steward_demo_server_revoke_tokens (f->demo->server, STEWARD_DEMO_ROLE_MEMBER);
  fill_form (f, f->url, revoked);
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);

  g_assert_cmpstr (shown_error (f, &detail), ==, "Token rejected");
  g_assert_nonnull (strstr (detail, "Invalid token"));
  g_assert_true (gtk_widget_has_css_class (find (f, ADW_TYPE_ENTRY_ROW, "API Token"), "error"));
  assert_form_kept (f, f->url, revoked);
  stored = lookup_token (f->api_url);
  g_assert_null (stored);

  /* Fixing the token and trying again works, from the same dialog. */
  type_into (f, "API Token", token_of (f, STEWARD_DEMO_ROLE_MEMBER));
  g_assert_false (gtk_widget_has_css_class (find (f, ADW_TYPE_ENTRY_ROW, "API Token"), "error"));
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);
  g_assert_cmpuint (f->signed_in, ==, 1);
  g_assert_cmpint (steward_user_get_role (steward_session_get_user (f->session)), ==,
                   STEWARD_ROLE_MEMBER);
}

static void
test_expired_token (Fixture       *f,
                    gconstpointer  data)
{
  const char *expired = token_of (f, STEWARD_DEMO_ROLE_EXPIRED);
  const char *detail = NULL;

  fill_form (f, f->url, expired);
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);

  g_assert_cmpstr (shown_error (f, &detail), ==, "Token expired");
  g_assert_nonnull (strstr (detail, "expired"));
  assert_form_kept (f, f->url, expired);
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me"),
                    ==, 0);
}

static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autofree char *url = NULL;
  const char *detail = NULL;
  guint16 port;

  /* A port nothing listens on any more. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);

  fill_form (f, url, token_of (f, STEWARD_DEMO_ROLE_ADMIN));
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);

  g_assert_cmpstr (shown_error (f, &detail), ==, "Server unreachable");
  g_assert_cmpstr (detail, !=, "");
  g_assert_true (
      gtk_widget_has_css_class (find (f, ADW_TYPE_ENTRY_ROW, "Deployment URL"), "error"));
  assert_form_kept (f, url, token_of (f, STEWARD_DEMO_ROLE_ADMIN));
}

static void
test_invalid_url (Fixture       *f,
                  gconstpointer  data)
{
  fill_form (f, "ftp://files.example.com", token_of (f, STEWARD_DEMO_ROLE_ADMIN));
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);

  g_assert_cmpstr (shown_error (f, NULL), ==, "Not a valid URL");
  assert_form_kept (f, "ftp://files.example.com", token_of (f, STEWARD_DEMO_ROLE_ADMIN));
}

/* Cancel stops the check and leaves the form as it was. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  steward_demo_server_inject_fault (f->demo->server, "GET", "/api/health", STEWARD_DEMO_FAULT_STALL,
                                    1);
  fill_form (f, f->url, token_of (f, STEWARD_DEMO_ROLE_ADMIN));
  g_assert_true (press (f, "_Sign In"));
  g_assert_true (steward_sign_in_dialog_get_busy (f->dialog));
  g_assert_false (press (f, "_Sign In"));

  g_assert_true (press (f, "_Cancel"));
  g_assert_false (steward_sign_in_dialog_get_busy (f->dialog));
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_null (shown_error (f, NULL));
  assert_form_kept (f, f->url, token_of (f, STEWARD_DEMO_ROLE_ADMIN));
}

static void
test_tls_warning (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *tls = find (f, GTK_TYPE_SWITCH, NULL);
  GtkWidget *warning =
      steward_test_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_LABEL,
                                "Without verification, anyone between you and the "
                                "deployment could pose as it and take the token. Turn "
                                "it off only for a test deployment with a self-signed "
                                "certificate.");

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (tls)));
  g_assert_false (gtk_widget_get_visible (warning));
  gtk_switch_set_active (GTK_SWITCH (tls), FALSE);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_true (gtk_widget_has_css_class (warning, "warning"));

  fill_form (f, f->url, token_of (f, STEWARD_DEMO_ROLE_ADMIN));
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);
  g_assert_false (steward_profile_get_verify_tls (steward_session_get_profile (f->session)));
}

typedef struct
{
  GBytes *body;
  guint   status;
  gboolean done;
} Fetch;

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  g_autoptr(GError) error = NULL;

  fetch->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (error != NULL)
    g_printerr ("Fetching failed: %s\n", error->message);
  fetch->status = soup_message_get_status (message);
  fetch->done = TRUE;
}

static gboolean
fetch_done_cb (gpointer user_data)
{
  return ((Fetch *) user_data)->done;
}

/* What the browser does: a plain GET that follows redirects. The dialog's listener runs on this
 * thread's main loop, so the request must not block it. */
static char *
browse (const char *url,
        guint      *status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  Fetch fetch = { NULL, 0, FALSE };
  char *text;

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, fetched_cb, &fetch);
  g_assert_true (steward_test_wait_until (fetch_done_cb, &fetch, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_nonnull (fetch.body);
  *status = fetch.status;
  text = g_strndup (g_bytes_get_data (fetch.body, NULL), g_bytes_get_size (fetch.body));
  g_bytes_unref (fetch.body);
  return text;
}

static gboolean
authorize_url_known_cb (gpointer user_data)
{
  return steward_sign_in_dialog_get_authorize_url (user_data) != NULL;
}

static const char *
start_browser_sign_in (Fixture *f)
{
  const char *authorize;
  g_autofree char *prefix = NULL;

  g_assert_true (press (f, "Sign In with _Browser"));
  g_assert_true (
      steward_test_wait_until (authorize_url_known_cb, f->dialog, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_sign_in_dialog_get_busy (f->dialog));

  /* The vendor CLI's request: a loopback redirect, a random state, this machine's name. */
  authorize = steward_sign_in_dialog_get_authorize_url (f->dialog);
  prefix = g_strconcat (f->api_url, "cli/authorize?redirect_uri=http%3A%2F%2F127.0.0.1%3A", NULL);
  g_assert_true (g_str_has_prefix (authorize, prefix));
  g_assert_nonnull (strstr (authorize, "%2Fcallback&state="));
  g_assert_nonnull (strstr (authorize, "&hostname="));
  return authorize;
}

static void
token_row_changed_cb (GtkEditable *editable,
                      gboolean    *shown)
{
  if (*gtk_editable_get_text (editable) != '\0')
    *shown = TRUE;
}

static void
test_browser (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *page = NULL;
  g_autofree char *stored = NULL;
  gboolean token_shown = FALSE;
  guint status = 0;

  g_signal_connect (find (f, ADW_TYPE_PASSWORD_ENTRY_ROW, "API Token"), "changed",
                    G_CALLBACK (token_row_changed_cb), &token_shown);
  type_into (f, "Deployment URL", f->url);
  page = browse (start_browser_sign_in (f), &status);

  /* The demo redirected the browser to Steward, which thanked it. */
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (page, "close this tab"));

  wait_settled (f);
  g_assert_cmpuint (f->signed_in, ==, 1);
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_IN);
  g_assert_cmpint (steward_user_get_role (steward_session_get_user (f->session)), ==,
                   STEWARD_ROLE_ADMIN);
  /* The name defaults to the host's. */
  g_assert_cmpstr (steward_profile_get_name (steward_session_get_profile (f->session)), ==,
                   "127.0.0.1");
  stored = lookup_token (f->api_url);
  g_assert_nonnull (stored);
  /* The browser's token never appeared in the form. */
  g_assert_false (token_shown);
}

/* An answer that does not carry the state Steward sent is not taken, and does not end the
 * sign-in: the real answer still signs in afterwards. */
static void
test_browser_state_mismatch (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GUri) authorize = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *callback = NULL;
  g_autofree char *page = NULL;
  g_autofree char *real_page = NULL;
  const char *authorize_url;
  guint status = 0;

  type_into (f, "Deployment URL", f->url);
  authorize_url = start_browser_sign_in (f);
  authorize = g_uri_parse (authorize_url, G_URI_FLAGS_ENCODED, NULL);
  params = g_uri_parse_params (g_uri_get_query (authorize), -1, "&", G_URI_PARAMS_NONE, NULL);
  escaped = g_uri_escape_string (token_of (f, STEWARD_DEMO_ROLE_ADMIN), NULL, FALSE);
  callback = g_strdup_printf ("%s?token=%s&state=not-the-state",
                              (const char *) g_hash_table_lookup (params, "redirect_uri"), escaped);

  page = browse (callback, &status);
  g_assert_cmpuint (status, ==, 400);

  /* Still waiting for the browser; nothing was tried with that token. */
  g_assert_true (steward_sign_in_dialog_get_busy (f->dialog));
  g_assert_cmpuint (f->signed_in, ==, 0);
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me"),
                    ==, 0);

  /* The real answer then signs in. */
  real_page = browse (authorize_url, &status);
  g_assert_cmpuint (status, ==, 200);
  wait_settled (f);
  g_assert_cmpuint (f->signed_in, ==, 1);
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_IN);
}

static gboolean
import_offered_cb (gpointer user_data)
{
  Fixture *f = user_data;
  GtkWidget *row = steward_test_find_widget (GTK_WIDGET (f->dialog), ADW_TYPE_ACTION_ROW,
                                             "Import from the Qualytics CLI");

  return gtk_widget_get_mapped (row);
}

static void
test_cli_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *row;

  contents = g_strdup_printf ("# qualytics init\nurl: \"%s\"\ntoken: %s\nssl_verify: false\n",
                              f->url, token_of (f, STEWARD_DEMO_ROLE_MANAGER));
  write_cli_config (contents);
  open_dialog (f);
  g_assert_true (steward_test_wait_until (import_offered_cb, f, STEWARD_TEST_TIMEOUT_MS));

  g_assert_true (press (f, "_Import"));
  wait_settled (f);
  g_assert_null (shown_error (f, NULL));
  g_assert_cmpstr (text_of (f, "Deployment URL"), ==, f->url);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find (f, GTK_TYPE_SWITCH, NULL))));
  row = find (f, ADW_TYPE_ACTION_ROW, "Import from the Qualytics CLI");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Token from the Qualytics CLI");
  /* The token is held, not shown. */
  g_assert_cmpstr (text_of (f, "API Token"), ==, "");

  type_into (f, "Profile Name", "From the CLI");
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);
  g_assert_cmpuint (f->signed_in, ==, 1);
  g_assert_cmpint (steward_user_get_role (steward_session_get_user (f->session)), ==,
                   STEWARD_ROLE_MANAGER);
  g_assert_false (steward_profile_get_verify_tls (steward_session_get_profile (f->session)));
  stored = lookup_token (f->api_url);
  g_assert_cmpstr (stored, ==, token_of (f, STEWARD_DEMO_ROLE_MANAGER));
}

/* The CLI's token belongs to the CLI's deployment: another URL drops it. */
static void
test_cli_import_other_url (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *contents = g_strdup_printf ("url: %s\ntoken: %s\n", f->url,
                                               token_of (f, STEWARD_DEMO_ROLE_ADMIN));

  write_cli_config (contents);
  open_dialog (f);
  steward_sign_in_dialog_import_cli_config (f->dialog);
  wait_settled (f);
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);
  g_assert_cmpuint (f->signed_in, ==, 1);

  /* A second dialog: import, then point it elsewhere. */
  f->signed_in = 0;
  open_dialog (f);
  steward_sign_in_dialog_import_cli_config (f->dialog);
  wait_settled (f);
  type_into (f, "Deployment URL", "https://elsewhere.example.com");
  g_assert_false (press (f, "_Sign In"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                       find (f, ADW_TYPE_ACTION_ROW, "Import from the Qualytics CLI"))),
                   !=, "Token from the Qualytics CLI");
}

static void
test_cli_import_malformed (Fixture       *f,
                           gconstpointer  data)
{
  const char *detail = NULL;

  write_cli_config ("url: https://acme.qualytics.io\ntoken: abc\n  bad: indent: here\n");
  open_dialog (f);
  g_assert_true (steward_test_wait_until (import_offered_cb, f, STEWARD_TEST_TIMEOUT_MS));
  type_into (f, "Deployment URL", "https://typed.example.com");

  g_assert_true (press (f, "_Import"));
  wait_settled (f);
  g_assert_cmpstr (shown_error (f, &detail), ==,
                   "Could not import the Qualytics CLI configuration");
  g_assert_nonnull (strstr (detail, "line 3"));

  /* Nothing changed. */
  g_assert_cmpstr (text_of (f, "Deployment URL"), ==, "https://typed.example.com");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find (f, GTK_TYPE_SWITCH, NULL))));
  g_assert_false (press (f, "_Sign In"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                       find (f, ADW_TYPE_ACTION_ROW, "Import from the Qualytics CLI"))),
                   !=, "Token from the Qualytics CLI");
}

/* No config, no offer. */
static void
test_cli_import_not_offered (Fixture       *f,
                             gconstpointer  data)
{
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_false (
      gtk_widget_get_mapped (find (f, ADW_TYPE_ACTION_ROW, "Import from the Qualytics CLI")));
}

typedef struct
{
  guint requests;
} Counter;

static void
count_and_refuse_cb (SoupServer        *server,
                     SoupServerMessage *message,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  ((Counter *) user_data)->requests++;
  soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static gboolean
message_dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
requests_arrived_cb (gpointer user_data)
{
  return ((Counter *) user_data)->requests > 0;
}

/* A token to a remote http:// URL would travel in clear: nothing is sent until the user says so.
 * The "remote" host is a name that is not a loopback name, resolved to this machine by the test
 * (a fresh machine's own host name need not resolve at all). */
static void
test_cleartext_confirmation (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  Counter counter = { 0 };
  AdwMessageDialog *confirm;
  g_autofree char *url = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, count_and_refuse_cb, &counter, NULL);
  soup_server_listen_all (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  steward_test_resolver_add_host ("qualytics.steward-test.example");
  url = g_strdup_printf ("http://qualytics.steward-test.example:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_false (steward_url_is_loopback (url));

  fill_form (f, url, token_of (f, STEWARD_DEMO_ROLE_ADMIN));
  g_assert_true (press (f, "_Sign In"));
  g_assert_true (steward_test_wait_until (message_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  confirm = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (confirm)) == GTK_WINDOW (f->dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Send the Token Unencrypted?");
  g_assert_false (steward_sign_in_dialog_get_busy (f->dialog));

  adw_message_dialog_response (confirm, "cancel");
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_cmpuint (counter.requests, ==, 0);
  g_assert_null (shown_error (f, NULL));
  assert_form_kept (f, url, token_of (f, STEWARD_DEMO_ROLE_ADMIN));

  /* Confirmed, it goes out (and this server is no Qualytics deployment). */
  g_assert_true (press (f, "_Sign In"));
  g_assert_true (steward_test_wait_until (message_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  confirm = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (confirm, "send");
  g_assert_true (steward_test_wait_until (requests_arrived_cb, &counter, STEWARD_TEST_TIMEOUT_MS));
  wait_settled (f);
  g_assert_cmpstr (shown_error (f, NULL), ==, "Not a Qualytics server");
  soup_server_disconnect (server);
}

/* Loopback http:// (the demo) needs no confirmation. */
static void
test_loopback_needs_no_confirmation (Fixture       *f,
                                     gconstpointer  data)
{
  fill_form (f, f->url, token_of (f, STEWARD_DEMO_ROLE_ADMIN));
  g_assert_true (press (f, "_Sign In"));
  g_assert_null (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  wait_settled (f);
  g_assert_cmpuint (f->signed_in, ==, 1);
}

/* A saved profile fills the form, and signing in updates that profile. */
static void
test_saved_profile (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Staging", f->api_url);

  steward_profile_set_environment (profile, STEWARD_ENVIRONMENT_YELLOW);
  steward_profile_set_verify_tls (profile, FALSE);
  steward_sign_in_dialog_set_profile (f->dialog, profile);
  g_assert_cmpstr (text_of (f, "Profile Name"), ==, "Staging");
  g_assert_cmpstr (text_of (f, "Deployment URL"), ==, f->api_url);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find (f, GTK_TYPE_SWITCH, NULL))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    steward_test_find_widget_by_tooltip (GTK_WIDGET (f->dialog), "Test (yellow)"))));

  type_into (f, "API Token", token_of (f, STEWARD_DEMO_ROLE_ADMIN));
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);
  g_assert_cmpuint (f->signed_in, ==, 1);
  g_assert_cmpstr (steward_profile_get_id (steward_session_get_profile (f->session)), ==,
                   steward_profile_get_id (profile));
}

typedef struct
{
  GtkWidget *widget;
  GtkWidget *viewport;
} InView;

/* Whether the whole of @widget is inside the part of the scrolled window that shows. */
static gboolean
in_view_cb (gpointer user_data)
{
  InView *in_view = user_data;
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (in_view->widget) ||
      !gtk_widget_compute_bounds (in_view->widget, in_view->viewport, &bounds))
    return FALSE;

  return bounds.size.height > 0 && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (in_view->viewport);
}

static gboolean
overflows_cb (gpointer user_data)
{
  GtkAdjustment *adjustment = user_data;

  return gtk_adjustment_get_page_size (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

/* A sign-in error shows without scrolling, even when the dialog is too short for the whole form
 * and the field to fix is further down; it is an alert for screen readers. */
static void
test_error_in_view (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *revoked = g_strdup (token_of (f, STEWARD_DEMO_ROLE_MEMBER));
  GtkWidget *scroller;
  GtkWidget *revealer;
  GtkWidget *alert;
  GtkAdjustment *adjustment;
  InView in_view;

  /* A short dialog, opened that size. */
  destroy_dialog (f);
  f->dialog = steward_sign_in_dialog_new (f->parent, f->session);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  steward_sign_in_dialog_set_launch_browser (f->dialog, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->dialog), 520, 400);
  gtk_window_present (GTK_WINDOW (f->dialog));
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, f->dialog, STEWARD_TEST_TIMEOUT_MS));

  scroller = find (f, GTK_TYPE_SCROLLED_WINDOW, NULL);
  revealer = find (f, GTK_TYPE_REVEALER, NULL);
  alert = gtk_revealer_get_child (GTK_REVEALER (revealer));

  steward_demo_server_revoke_tokens (f->demo->server, STEWARD_DEMO_ROLE_MEMBER);
  fill_form (f, f->url, revoked);
  g_assert_true (press (f, "_Sign In"));
  wait_settled (f);
  g_assert_cmpstr (shown_error (f, NULL), ==, "Token rejected");

  /* The form does not fit: the check below is about scrolling (once the dialog is laid out). */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (steward_test_wait_until (overflows_cb, adjustment, STEWARD_TEST_TIMEOUT_MS));

  in_view.widget = alert;
  in_view.viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_get_visible (alert));
  g_assert_true (steward_test_wait_until (in_view_cb, &in_view, STEWARD_TEST_TIMEOUT_MS));
  /* …and it stays there once the dialog has settled. */
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_true (in_view_cb (&in_view));

  /* Announced: screen readers present an alert as it appears. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (alert)), ==,
                   GTK_ACCESSIBLE_ROLE_ALERT);
}

/* The highlighted button, the one Enter presses, is the one for what was filled in: the browser
 * without a token, Sign In with one. */
static void
test_default_button (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *browser = find (f, GTK_TYPE_BUTTON, "Sign In with _Browser");
  GtkWidget *token = find (f, GTK_TYPE_BUTTON, "_Sign In");

  type_into (f, "Deployment URL", f->url);
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (f->dialog)) == browser);
  g_assert_true (gtk_widget_has_css_class (browser, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (token, "suggested-action"));

  type_into (f, "API Token", "typed-token");
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (f->dialog)) == token);
  g_assert_true (gtk_widget_has_css_class (token, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (browser, "suggested-action"));

  type_into (f, "API Token", "");
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (f->dialog)) == browser);
  g_assert_true (gtk_widget_has_css_class (browser, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (token, "suggested-action"));
}

/* Escape is bound to closing the dialog. */
static void
test_escape_closes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->dialog));
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);
  GtkShortcut *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; found == NULL && j < g_list_model_get_n_items (G_LIST_MODEL (controller));
           j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            found = shortcut;
        }
    }

  g_assert_nonnull (found);
  type_into (f, "API Token", "typed-secret");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (found), 0,
                                               GTK_WIDGET (f->dialog), NULL));
  g_assert_true (dialog_closed (f));
}

/* The re-authentication prompt, through the application: a call gets 401, the prompt comes up
 * over the window, and after signing in again the call completes; a form open in another dialog
 * keeps what was typed. */

static StewardSignInDialog *
find_reauthentication_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (STEWARD_IS_SIGN_IN_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          steward_sign_in_dialog_get_reauthenticate (STEWARD_SIGN_IN_DIALOG (window)))
        return STEWARD_SIGN_IN_DIALOG (window);
    }

  return NULL;
}

static gboolean
reauthentication_dialog_shown_cb (gpointer user_data)
{
  return find_reauthentication_dialog () != NULL;
}

static gboolean
result_arrived_cb (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

typedef struct
{
  StewardTestDemo *demo;
  StewardWindow   *window;
  StewardSession  *session;
  StewardProfile  *profile;
} AppFixture;

/* The count beside a sidebar entry, once known. */
static gboolean
sidebar_count_shown (GtkWidget  *window,
                     const char *title)
{
  GtkWidget *label = steward_test_find_widget (window, GTK_TYPE_LABEL, title);
  GtkWidget *count;

  if (label == NULL)
    return FALSE;

  count = gtk_widget_get_last_child (gtk_widget_get_parent (label));
  return GTK_IS_LABEL (count) && *gtk_label_get_label (GTK_LABEL (count)) != '\0';
}

/* Listed, with every count in the sidebar (Ungrouped is known once all the groups are). */
static gboolean
browser_loaded_cb (gpointer user_data)
{
  GtkWidget *window = user_data;

  return steward_test_find_widget (window, GTK_TYPE_LABEL, "Billing Ledger") != NULL &&
         sidebar_count_shown (window, "Ungrouped") &&
         sidebar_count_shown (window, "Enrichment Datastores");
}

static void
app_fixture_set_up (AppFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  f->demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  f->session = steward_application_get_session (app);
  f->window = steward_window_new (app);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, f->window, STEWARD_TEST_TIMEOUT_MS));

  url = steward_url_normalize_base (steward_demo_server_get_base_url (f->demo->server), NULL);
  f->profile = steward_profile_new ("Reauth", url);
  steward_profile_set_temporary (f->profile, TRUE);
  steward_session_sign_in_async (f->session, f->profile,
                                 steward_demo_server_get_token (f->demo->server,
                                                                STEWARD_DEMO_ROLE_ADMIN),
                                 STEWARD_TOKEN_NOT_STORED, NULL, steward_test_store_result_cb,
                                 &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_session_sign_in_finish (f->session, result, &error));

  /* The window's datastore browser has listed the deployment, so that the only requests left to
   * meet a revoked token are the test's own. */
  g_assert_true (
      steward_test_wait_until (browser_loaded_cb, f->window, STEWARD_TEST_LONG_TIMEOUT_MS));
}

static void
app_fixture_tear_down (AppFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;

  steward_session_sign_out_async (f->session, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->profile);
  steward_test_demo_free (f->demo);
}

static void
test_reauthentication (AppFixture    *f,
                       gconstpointer  data)
{
  StewardClient *client = steward_session_get_client (f->session);
  StewardSignInDialog *other;
  StewardSignInDialog *prompt;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *other_url;
  GtkWidget *other_name;
  guint me;

  /* Something typed into another dialog, over the window. */
  other = steward_sign_in_dialog_new (GTK_WINDOW (f->window), f->session);
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, other, STEWARD_TEST_TIMEOUT_MS));
  other_url = steward_test_find_widget (GTK_WIDGET (other), ADW_TYPE_ENTRY_ROW, "Deployment URL");
  other_name = steward_test_find_widget (GTK_WIDGET (other), ADW_TYPE_ENTRY_ROW, "Profile Name");
  gtk_editable_set_text (GTK_EDITABLE (other_url), "https://half-typed.example.com");
  gtk_editable_set_text (GTK_EDITABLE (other_name), "Work in progress");

  /* The deployment stops accepting the token; the next call gets a 401 and waits. */
  steward_demo_server_revoke_tokens (f->demo->server, STEWARD_DEMO_ROLE_ADMIN);
  me = steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me");
  steward_client_get_current_user_async (client, NULL, steward_test_store_result_cb, &result);
  g_assert_true (
      steward_test_wait_until (reauthentication_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  prompt = find_reauthentication_dialog ();
  g_assert_nonnull (prompt);
  g_assert_null (result);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prompt)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (prompt)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (prompt)), ==, "Sign In Again");
  /* The deployment is shown, not editable. */
  g_assert_nonnull (steward_test_find_widget (GTK_WIDGET (prompt), ADW_TYPE_ACTION_ROW, "Reauth"));
  g_assert_false (gtk_widget_get_mapped (
      steward_test_find_widget (GTK_WIDGET (prompt), ADW_TYPE_ENTRY_ROW, "Deployment URL")));

  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (prompt),
                                                                 ADW_TYPE_PASSWORD_ENTRY_ROW,
                                                                 NULL)),
                         steward_demo_server_get_token (f->demo->server, STEWARD_DEMO_ROLE_ADMIN));
  g_signal_emit_by_name (steward_test_find_widget (GTK_WIDGET (prompt), GTK_TYPE_BUTTON,
                                                   "_Sign In"),
                         "clicked");
  g_assert_true (
      steward_test_wait_until (result_arrived_cb, &result, STEWARD_TEST_LONG_TIMEOUT_MS));

  user = steward_client_get_current_user_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_role (user), ==, STEWARD_ROLE_ADMIN);
  /* Sent again on the same client, after the fresh token was checked. */
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me"),
                    ==, me + 3);
  g_assert_true (steward_session_get_client (f->session) == client);
  g_assert_null (find_reauthentication_dialog ());

  /* The other dialog still holds what was typed. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (other)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other_url)), ==,
                   "https://half-typed.example.com");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other_name)), ==, "Work in progress");
  gtk_window_destroy (GTK_WINDOW (other));
}

/* Closing the prompt gives up: the waiting call fails as unauthorized, and the session is still
 * there to retry later. */
static void
test_reauthentication_closed (AppFixture    *f,
                              gconstpointer  data)
{
  StewardClient *client = steward_session_get_client (f->session);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;
  g_autoptr(GError) error = NULL;

  steward_demo_server_revoke_tokens (f->demo->server, STEWARD_DEMO_ROLE_ADMIN);
  steward_client_get_current_user_async (client, NULL, steward_test_store_result_cb, &result);
  g_assert_true (
      steward_test_wait_until (reauthentication_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));

  gtk_widget_activate_action (GTK_WIDGET (find_reauthentication_dialog ()), "window.close", NULL);
  g_assert_true (steward_test_wait_until (result_arrived_cb, &result, STEWARD_TEST_TIMEOUT_MS));
  user = steward_client_get_current_user_finish (client, result, &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
  g_assert_false (steward_client_is_reauthenticating (client));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Several test programs share one D-Bus session, so none may claim the app id for itself. */
  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) \
  g_test_add ("/sign-in-dialog/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("good-token", test_good_token);
  ADD ("rejected-token", test_rejected_token);
  ADD ("expired-token", test_expired_token);
  ADD ("unreachable", test_unreachable);
  ADD ("invalid-url", test_invalid_url);
  ADD ("cancel", test_cancel);
  ADD ("tls-warning", test_tls_warning);
  ADD ("browser", test_browser);
  ADD ("browser-state-mismatch", test_browser_state_mismatch);
  ADD ("cli-import", test_cli_import);
  ADD ("cli-import-other-url", test_cli_import_other_url);
  ADD ("cli-import-malformed", test_cli_import_malformed);
  ADD ("cli-import-not-offered", test_cli_import_not_offered);
  ADD ("cleartext-confirmation", test_cleartext_confirmation);
  ADD ("loopback-needs-no-confirmation", test_loopback_needs_no_confirmation);
  ADD ("saved-profile", test_saved_profile);
  ADD ("escape-closes", test_escape_closes);
  ADD ("error-in-view", test_error_in_view);
  ADD ("default-button", test_default_button);
#undef ADD
  g_test_add ("/sign-in-dialog/reauthentication", AppFixture, NULL,
              app_fixture_set_up, test_reauthentication, app_fixture_tear_down);
  g_test_add ("/sign-in-dialog/reauthentication-closed", AppFixture, NULL,
              app_fixture_set_up, test_reauthentication_closed, app_fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
