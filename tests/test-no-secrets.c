/* SPDX-License-Identifier: GPL-3.0-or-later */
/* After signing in (with a pasted token, with the browser, and by restoring at start-up), the
 * token must be nowhere but in the keyring: not in any log message (debug ones included), not in
 * GSettings, not in any file under the XDG config, data and cache directories (gnome-keyring's own
 * file there is encrypted, so the token must not appear in it in clear either), and not on screen.
 */
#include <libsoup/soup.h>
#include <string.h>

#include "steward-application.h"
#include "steward-keyring.h"
#include "steward-sign-in-dialog.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"
#include "steward-window.h"

static StewardApplication *app;
static GString *log_text;
static GMutex log_mutex;

/* Every message, whatever its level or thread, is kept as it would have been printed. */
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

  /* Warnings and worse still show, and still fail the test. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

static char *
dump_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.stewardapp.Steward");
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GString *dump = g_string_new (NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_string_append_printf (dump, "%s=%s\n", keys[i], text);
    }

  return g_string_free (dump, FALSE);
}

static gboolean
contains (const char *haystack,
          gsize       length,
          const char *needle)
{
  gsize needle_length = strlen (needle);

  /* Files are binary: NUL bytes must not end the search. */
  for (gsize i = 0; needle_length <= length && i <= length - needle_length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/* The whole token, and its signature alone, which no other token shares. */
static void
assert_no_secret (const char  *where,
                  const char  *text,
                  gsize        length,
                  GPtrArray   *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);
      const char *signature = strrchr (token, '.');

      if (contains (text, length, token) ||
          (signature != NULL && contains (text, length, signature + 1)))
        g_error ("A token is in %s", where);
    }
}

static void
scan_directory (const char *path,
                GPtrArray  *tokens,
                guint      *n_files,
                guint      *n_keyrings)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          scan_directory (child, tokens, n_files, n_keyrings);
          continue;
        }

      if (!g_file_get_contents (child, &contents, &length, NULL))
        continue;

      assert_no_secret (child, contents, length, tokens);
      (*n_files)++;
      if (g_str_has_suffix (child, ".keyring"))
        (*n_keyrings)++;
    }
}

static void
collect_screen_text (GtkWidget *widget,
                     GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_string_append_printf (text, "%s\n", gtk_window_get_title (GTK_WINDOW (widget)));

  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append_printf (text, "%s\n", gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_screen_text (child, text);
}

static gboolean
signed_in_cb (gpointer user_data)
{
  return steward_session_get_state (user_data) == STEWARD_SESSION_SIGNED_IN;
}

static gboolean
sign_in_dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (STEWARD_TYPE_SIGN_IN_DIALOG) != NULL;
}

typedef struct
{
  StewardSession *session;
  const char     *url;
} SignedInTo;

static gboolean
signed_in_to_cb (gpointer user_data)
{
  SignedInTo *wanted = user_data;
  StewardProfile *profile = steward_session_get_profile (wanted->session);

  return profile != NULL && g_strcmp0 (steward_profile_get_url (profile), wanted->url) == 0;
}

static gboolean
authorize_url_known_cb (gpointer user_data)
{
  return steward_sign_in_dialog_get_authorize_url (user_data) != NULL;
}

static gboolean
bytes_arrived_cb (gpointer user_data)
{
  return *(GBytes **) user_data != NULL;
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GBytes **) user_data = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
}

static StewardSignInDialog *
open_sign_in_dialog (StewardWindow *window)
{
  StewardSignInDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-in", NULL);
  g_assert_true (steward_test_wait_until (sign_in_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  dialog = STEWARD_SIGN_IN_DIALOG (steward_test_find_toplevel (STEWARD_TYPE_SIGN_IN_DIALOG));
  steward_sign_in_dialog_set_launch_browser (dialog, FALSE);
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  return dialog;
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
test_no_secrets (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SoupSession) browser = soup_session_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.stewardapp.Steward");
  g_autoptr(StewardSession) restarted = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed_url = NULL;
  g_autofree char *other_url = NULL;
  g_autofree char *api_url = NULL;
  g_autofree char *settings_dump = NULL;
  g_autofree char *log_copy = NULL;
  g_autoptr(GString) screen = g_string_new (NULL);
  StewardSession *session = steward_application_get_session (app);
  StewardSignInDialog *dialog;
  StewardWindow *window;
  GListModel *toplevels;
  guint n_files = 0;
  guint n_keyrings = 0;
  const char *dirs[3];

  window = steward_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, window, STEWARD_TEST_TIMEOUT_MS));

  /* A pasted token, through the window's Sign In. */
  typed_url = g_strdup_printf ("http://127.0.0.1:%u", steward_demo_server_get_port (demo->server));
  api_url = steward_url_normalize_base (typed_url, NULL);
  g_ptr_array_add (tokens, g_strdup (steward_demo_server_get_token (demo->server,
                                                                    STEWARD_DEMO_ROLE_MANAGER)));
  dialog = open_sign_in_dialog (window);
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ENTRY_ROW,
                                                                 "Deployment URL")),
                         typed_url);
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ENTRY_ROW, "API Token")),
                         g_ptr_array_index (tokens, 0));
  g_signal_emit_by_name (steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                   "_Sign In"),
                         "clicked");
  g_assert_true (steward_test_wait_until (signed_in_cb, session, STEWARD_TEST_LONG_TIMEOUT_MS));

  /* The browser, for a second deployment (the same demo under another name). */
  other_url = g_strdup_printf ("http://localhost:%u", steward_demo_server_get_port (demo->server));
  dialog = open_sign_in_dialog (window);
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ENTRY_ROW,
                                                                 "Deployment URL")),
                         other_url);
  g_signal_emit_by_name (steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                   "Sign In with _Browser"),
                         "clicked");
  g_assert_true (steward_test_wait_until (authorize_url_known_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  message = soup_message_new ("GET", steward_sign_in_dialog_get_authorize_url (dialog));
  soup_session_send_and_read_async (browser, message, G_PRIORITY_DEFAULT, NULL, fetched_cb, &page);
  g_assert_true (steward_test_wait_until (bytes_arrived_cb, &page, STEWARD_TEST_LONG_TIMEOUT_MS));
  {
    g_autofree char *other_api_url = steward_url_normalize_base (other_url, NULL);
    SignedInTo wanted = { session, other_api_url };

    g_assert_true (
        steward_test_wait_until (signed_in_to_cb, &wanted, STEWARD_TEST_LONG_TIMEOUT_MS));
    g_ptr_array_add (tokens, lookup_token (other_api_url));
    g_assert_nonnull (g_ptr_array_index (tokens, 1));
  }

  /* Restoring at start-up reads the keyring. */
  restarted = steward_session_new (settings);
  steward_session_restore_async (restarted, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_session_restore_finish (restarted, result, &error));
  g_assert_no_error (error);

  /* The tokens really are kept, in the keyring. */
  {
    g_autofree char *kept = lookup_token (api_url);

    g_assert_cmpstr (kept, ==, g_ptr_array_index (tokens, 0));
  }

  /* The log caught the debug messages, so finding nothing in it means something. */
  g_mutex_lock (&log_mutex);
  log_copy = g_strndup (log_text->str, log_text->len);
  g_mutex_unlock (&log_mutex);
  /* Outside the lock: a failure logs too. */
  g_assert_nonnull (strstr (log_copy, "users/me"));
  assert_no_secret ("the log", log_copy, strlen (log_copy), tokens);

  settings_dump = dump_settings ();
  g_assert_nonnull (strstr (settings_dump, api_url));
  assert_no_secret ("GSettings", settings_dump, strlen (settings_dump), tokens);

  dirs[0] = g_get_user_config_dir ();
  dirs[1] = g_get_user_data_dir ();
  dirs[2] = g_get_user_cache_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    scan_directory (dirs[i], tokens, &n_files, &n_keyrings);
  /* gnome-keyring's file was among them. */
  g_assert_cmpuint (n_keyrings, >=, 1);
  g_test_message ("Scanned %u files, %u of them keyrings", n_files, n_keyrings);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      collect_screen_text (toplevel, screen);
    }
  g_assert_nonnull (strstr (screen->str, "Steward"));
  assert_no_secret ("the screen", screen->str, screen->len, tokens);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything logs: every message, debug ones included, goes through the recorder. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (record_writer, NULL, NULL);
  g_log_set_debug_enabled (TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/no-secrets/after-sign-in", test_no_secrets);

  status = g_test_run ();
  g_clear_object (&app);
  g_string_free (log_text, TRUE);
  return status;
}
