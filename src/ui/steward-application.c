/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "steward-application.h"
#include "steward-demo-server.h"
#include "steward-search-provider.h"
#include "steward-sign-in-dialog.h"
#include "steward-window.h"

/* The application owns the session (who is signed in where) and the in-process demo server, and
 * offers the ways in and out as actions: sign-in, sign-out, switch-profile, forget-profile, demo
 * and import-cli-config. At start-up it restores the last session, unless the command line asks
 * for the demo (--demo) or a deployment (--server URL). When the deployment stops accepting the
 * token, it asks for a new one over the active window. */
struct _StewardApplication
{
  AdwApplication     parent_instance;

  StewardSession    *session;
  StewardDemoServer *demo_server;
  StewardProfile    *demo_profile;

  /* Restoring, switching or starting the demo: the connecting page's Cancel stops it. */
  GCancellable      *connect_cancellable;
  GtkWindow         *reauthentication_dialog;
  gboolean           started;

  /* GNOME Shell's search, exported beside the application on the session bus. */
  StewardSearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (StewardApplication, steward_application, ADW_TYPE_APPLICATION)

/* What a callback needs after an action: the application and the name of what it acted on. */
typedef struct
{
  StewardApplication *app;
  char               *id;
  char               *name;
} ActionData;

static ActionData *
action_data_new (StewardApplication *app,
                 StewardProfile     *profile)
{
  ActionData *data = g_new0 (ActionData, 1);

  data->app = g_object_ref (app);
  data->id = g_strdup (steward_profile_get_id (profile));
  data->name = g_strdup (steward_profile_get_name (profile));
  return data;
}

static ActionData *
action_data_copy (const ActionData *data)
{
  ActionData *copy = g_new0 (ActionData, 1);

  copy->app = g_object_ref (data->app);
  copy->id = g_strdup (data->id);
  copy->name = g_strdup (data->name);
  return copy;
}

static void
action_data_free (ActionData *data)
{
  g_object_unref (data->app);
  g_free (data->id);
  g_free (data->name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActionData, action_data_free)

static StewardWindow *
find_main_window (StewardApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (STEWARD_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static StewardWindow *
ensure_main_window (StewardApplication *self)
{
  StewardWindow *window = find_main_window (self);

  if (window == NULL)
    {
      window = steward_window_new (self);
      gtk_window_present (GTK_WINDOW (window));
    }

  return window;
}

/* Dialogs go over whatever window the user is looking at. */
static GtkWindow *
get_parent_window (StewardApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  return active != NULL ? active : GTK_WINDOW (ensure_main_window (self));
}

static void
show_toast (StewardApplication *self,
            const char         *message)
{
  StewardWindow *window = find_main_window (self);

  /* Toast titles are markup; the message may name a profile or quote a server. */
  if (window != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      steward_window_add_toast (window, adw_toast_new (escaped));
    }
}

static GCancellable *
renew_connect_cancellable (StewardApplication *self)
{
  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);
  self->connect_cancellable = g_cancellable_new ();
  return self->connect_cancellable;
}

static StewardSignInDialog *
open_sign_in_dialog (StewardApplication *self,
                     StewardProfile     *profile,
                     const char         *url)
{
  StewardSignInDialog *dialog;

  ensure_main_window (self);
  dialog = steward_sign_in_dialog_new (get_parent_window (self), self->session);
  if (profile != NULL)
    steward_sign_in_dialog_set_profile (dialog, profile);
  else if (url != NULL)
    steward_sign_in_dialog_set_url (dialog, url);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
switched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ActionData) data = user_data;
  StewardSession *session = STEWARD_SESSION (object);
  g_autoptr(GError) error = NULL;

  if (steward_session_switch_finish (session, result, &error))
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* No token kept for it: ask for one, with the profile filled in. */
  if (g_error_matches (error, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN))
    {
      StewardProfile *profile = steward_session_find_profile (session, data->id);

      if (profile != NULL)
        open_sign_in_dialog (data->app, profile, NULL);
      return;
    }

  /* Signed out, the page says why and offers to retry; signed in, the user stays where they were.
   */
  if (steward_session_get_state (session) == STEWARD_SESSION_SIGNED_IN)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the name of a deployment profile, then why switching failed. */
      message = g_strdup_printf (_("Could not switch to %s: %s"), data->name, error->message);
      show_toast (data->app, message);
    }
}

static void
switch_to_profile (StewardApplication *self,
                   const char         *id)
{
  StewardProfile *profile = steward_session_find_profile (self->session, id);
  StewardProfile *current = steward_session_get_profile (self->session);

  if (profile == NULL)
    {
      show_toast (self, _("That profile no longer exists"));
      return;
    }

  if (current == profile && steward_session_get_state (self->session) == STEWARD_SESSION_SIGNED_IN)
    return;

  steward_session_switch_async (self->session, id, renew_connect_cancellable (self),
                                switched_cb, action_data_new (self, profile));
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A failure is on the signed-out page already, with a Retry. */
  if (!steward_session_restore_finish (STEWARD_SESSION (object), result, &error) && error != NULL)
    g_debug ("Not restoring the last session: %s", error->message);
}

static void
restore (StewardApplication *self)
{
  steward_session_restore_async (self->session, renew_connect_cancellable (self), restored_cb,
                                 NULL);
}

static void
demo_signed_in_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StewardApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steward_session_sign_in_finish (STEWARD_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message =
          g_strdup_printf (_("Could not start the demo: %s"), error->message);

      show_toast (self, message);
    }
}

/* Signs in as the admin to a demo server running inside Steward, under a profile that is never
 * saved. The server lives until Steward quits, so its data survives signing out and in again. */
static void
start_demo (StewardApplication *self)
{
  g_autoptr(GError) error = NULL;

  ensure_main_window (self);

  if (self->demo_server == NULL)
    {
      g_autofree char *url = NULL;

      self->demo_server = steward_demo_server_new ();
      if (!steward_demo_server_start (self->demo_server, 0, &error))
        {
          g_autofree char *message =
              g_strdup_printf (_("Could not start the demo: %s"), error->message);

          g_clear_object (&self->demo_server);
          show_toast (self, message);
          return;
        }

      url = steward_url_normalize_base (steward_demo_server_get_base_url (self->demo_server), NULL);
      g_clear_object (&self->demo_profile);
      self->demo_profile = steward_profile_new (_("Demo"), url);
      steward_profile_set_temporary (self->demo_profile, TRUE);
    }

  if (steward_session_get_profile (self->session) == self->demo_profile &&
      steward_session_get_state (self->session) == STEWARD_SESSION_SIGNED_IN)
    return;

  steward_session_sign_in_async (self->session, self->demo_profile,
                                 steward_demo_server_get_token (self->demo_server,
                                                                STEWARD_DEMO_ROLE_ADMIN),
                                 STEWARD_TOKEN_NOT_STORED, renew_connect_cancellable (self),
                                 demo_signed_in_cb, g_object_ref (self));
}

/* --server URL: the saved profile of that deployment, or a new one. */
static void
open_server (StewardApplication *self,
             const char         *url)
{
  StewardProfile *profile = steward_session_find_profile_by_url (self->session, url);

  ensure_main_window (self);
  if (profile != NULL)
    switch_to_profile (self, steward_profile_get_id (profile));
  else
    open_sign_in_dialog (self, NULL, url);
}

static void
reauthentication_required_cb (StewardApplication *self)
{
  if (self->reauthentication_dialog != NULL)
    {
      gtk_window_present (self->reauthentication_dialog);
      return;
    }

  self->reauthentication_dialog = GTK_WINDOW (
      steward_sign_in_dialog_new_reauthenticate (get_parent_window (self), self->session));
  g_object_add_weak_pointer (G_OBJECT (self->reauthentication_dialog),
                             (gpointer *) &self->reauthentication_dialog);
  gtk_window_present (self->reauthentication_dialog);
}

/* The radio items of the profiles menu show the signed-in profile. */
static void
session_profile_changed_cb (StewardApplication *self)
{
  StewardProfile *profile = steward_session_get_profile (self->session);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "switch-profile");
  gboolean signed_in = steward_session_get_state (self->session) == STEWARD_SESSION_SIGNED_IN;

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new_string (profile != NULL && signed_in
                                                       ? steward_profile_get_id (profile) : ""));

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "sign-out");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), signed_in);
}

static void
steward_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing, rather than destroying, lets each window save its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
steward_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Steward developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Steward"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Steward developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Administer the datastores of a Qualytics deployment"),
                        "website", "https://github.com/stewardapp/steward",
                        "issue-url", "https://github.com/stewardapp/steward/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Steward developers"),
                        "developers", developers,
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
steward_application_shortcuts_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/steward-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, gtk_application_get_active_window (app));
  gtk_window_present (shortcuts);
}

/* Signed out, it offers the profile signed in to last; signed in, a new deployment. */
static void
steward_application_sign_in_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  StewardApplication *self = STEWARD_APPLICATION (user_data);
  StewardProfile *profile = NULL;

  if (steward_session_get_state (self->session) == STEWARD_SESSION_SIGNED_OUT)
    profile = steward_session_get_default_profile (self->session);

  open_sign_in_dialog (self, profile, NULL);
}

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ActionData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (steward_session_sign_out_finish (STEWARD_SESSION (object), result, &error))
    /* Translators: %s is the name of a deployment profile. */
    message = g_strdup_printf (_("Signed out of %s"), data->name);
  else
    message = g_strdup_printf (_("Signed out of %s, but its token could not be removed from the "
                                 "keyring: %s"), data->name, error->message);
  show_toast (data->app, message);
}

static void
steward_application_sign_out_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  StewardApplication *self = STEWARD_APPLICATION (user_data);
  StewardProfile *profile = steward_session_get_profile (self->session);

  if (profile == NULL)
    return;

  steward_session_sign_out_async (self->session, NULL, signed_out_cb,
                                  action_data_new (self, profile));
}

static void
steward_application_switch_profile_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  switch_to_profile (STEWARD_APPLICATION (user_data), g_variant_get_string (parameter, NULL));
}

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ActionData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (steward_session_forget_profile_finish (STEWARD_SESSION (object), result, &error))
    /* Translators: %s is the name of a deployment profile. */
    message = g_strdup_printf (_("Forgot %s"), data->name);
  else
    message = g_strdup_printf (_("Could not forget %s: %s"), data->name, error->message);
  show_toast (data->app, message);
}

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ActionData       *data)
{
  if (g_str_equal (response, "forget"))
    steward_session_forget_profile_async (data->app->session, data->id, NULL, forgotten_cb,
                                          action_data_copy (data));
}

static void
steward_application_forget_profile_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  StewardApplication *self = STEWARD_APPLICATION (user_data);
  StewardProfile *profile = steward_session_find_profile (self->session,
                                                          g_variant_get_string (parameter, NULL));
  AdwMessageDialog *dialog;

  if (profile == NULL)
    return;

  /* Translators: %s is the name of a deployment profile. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Forget %s?"), steward_profile_get_name (profile));
  adw_message_dialog_format_body (
      dialog, _("Steward will remove this profile and delete its API token from "
                 "the keyring. You can add the deployment again by signing in."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "forget", _("_Forget"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (forget_response_cb),
                         action_data_new (self, profile), (GClosureNotify) action_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
steward_application_demo_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  start_demo (STEWARD_APPLICATION (user_data));
}

static void
steward_application_import_cli_config_action (GSimpleAction *action,
                                              GVariant      *parameter,
                                              gpointer       user_data)
{
  StewardSignInDialog *dialog = open_sign_in_dialog (STEWARD_APPLICATION (user_data), NULL, NULL);

  steward_sign_in_dialog_import_cli_config (dialog);
}

static void
steward_application_cancel_connecting_action (GSimpleAction *action,
                                              GVariant      *parameter,
                                              gpointer       user_data)
{
  renew_connect_cancellable (STEWARD_APPLICATION (user_data));
}

/* A desktop notification's click: the window, in front, showing the datastore the news is about
 * (0 for none, as after a bulk action). */
static void
steward_application_show_datastore_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  StewardApplication *self = STEWARD_APPLICATION (user_data);
  StewardWindow *window = ensure_main_window (self);
  gint64 id = g_variant_get_int64 (parameter);

  gtk_window_present (GTK_WINDOW (window));
  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (steward_window_get_main_view (window)),
                                "view.open-datastore", "x", id);
}

static const GActionEntry app_actions[] = {
  { "quit", steward_application_quit_action },
  { "about", steward_application_about_action },
  { "shortcuts", steward_application_shortcuts_action },
  { "sign-in", steward_application_sign_in_action },
  { "sign-out", steward_application_sign_out_action },
  { "switch-profile", steward_application_switch_profile_action, "s", "''" },
  { "forget-profile", steward_application_forget_profile_action, "s" },
  { "demo", steward_application_demo_action },
  { "import-cli-config", steward_application_import_cli_config_action },
  { "cancel-connecting", steward_application_cancel_connecting_action },
  { "show-datastore", steward_application_show_datastore_action, "x" },
};

static void
steward_application_activate (GApplication *app)
{
  StewardApplication *self = STEWARD_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (ensure_main_window (self)));

  if (!self->started)
    {
      self->started = TRUE;
      restore (self);
    }
}

static int
steward_application_command_line (GApplication            *app,
                                  GApplicationCommandLine *command_line)
{
  StewardApplication *self = STEWARD_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  gboolean demo = g_variant_dict_contains (options, "demo");
  const char *server = NULL;

  g_variant_dict_lookup (options, "server", "&s", &server);

  if (demo && server != NULL)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("--demo and --server cannot be used together"));
      return EXIT_FAILURE;
    }

  if (server != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = steward_url_normalize_base (server, &error);

      if (url == NULL)
        {
          /* Translators: the first %s is what was given after --server, the second why it is wrong.
           */
          g_application_command_line_printerr (command_line, _("Not a deployment URL: %s (%s)\n"),
                                               server, error->message);
          return EXIT_FAILURE;
        }
    }

  /* What the command line asks for replaces restoring the last session. */
  if (demo || server != NULL)
    self->started = TRUE;

  g_application_activate (app);

  if (demo)
    start_demo (self);
  else if (server != NULL)
    open_server (self, server);

  return EXIT_SUCCESS;
}

static void
steward_application_startup (GApplication *app)
{
  StewardApplication *self = STEWARD_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  g_autoptr(GSettings) settings = NULL;

  G_APPLICATION_CLASS (steward_application_parent_class)->startup (app);

  settings = g_settings_new (BASE_APP_ID);
  self->session = steward_session_new (settings);
  g_signal_connect_object (self->session, "reauthentication-required",
                           G_CALLBACK (reauthentication_required_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::profile",
                           G_CALLBACK (session_profile_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::state",
                           G_CALLBACK (session_profile_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->search_provider != NULL)
    steward_search_provider_follow_session (self->search_provider);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  session_profile_changed_cb (self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
}

static void
steward_application_shutdown (GApplication *app)
{
  StewardApplication *self = STEWARD_APPLICATION (app);

  g_cancellable_cancel (self->connect_cancellable);
  if (self->demo_server != NULL)
    steward_demo_server_stop (self->demo_server);

  G_APPLICATION_CLASS (steward_application_parent_class)->shutdown (app);
}

static gboolean
steward_application_dbus_register (GApplication     *app,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  StewardApplication *self = STEWARD_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (steward_application_parent_class)->dbus_register (app, connection,
                                                                              object_path, error))
    return FALSE;

  /* data/…search-provider.ini.in gives the Shell this path. */
  if (self->search_provider == NULL)
    self->search_provider = steward_search_provider_new (self);
  return steward_search_provider_register (self->search_provider, connection, path, error);
}

static void
steward_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  StewardApplication *self = STEWARD_APPLICATION (app);

  if (self->search_provider != NULL)
    steward_search_provider_unregister (self->search_provider);

  G_APPLICATION_CLASS (steward_application_parent_class)->dbus_unregister (app, connection,
                                                                           object_path);
}

static void
steward_application_dispose (GObject *object)
{
  StewardApplication *self = STEWARD_APPLICATION (object);

  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->demo_profile);
  if (self->demo_server != NULL)
    steward_demo_server_stop (self->demo_server);
  g_clear_object (&self->demo_server);
  g_clear_object (&self->search_provider);

  G_OBJECT_CLASS (steward_application_parent_class)->dispose (object);
}

static void
steward_application_class_init (StewardApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = steward_application_dispose;
  app_class->activate = steward_application_activate;
  app_class->command_line = steward_application_command_line;
  app_class->startup = steward_application_startup;
  app_class->shutdown = steward_application_shutdown;
  app_class->dbus_register = steward_application_dbus_register;
  app_class->dbus_unregister = steward_application_dbus_unregister;
}

static void
steward_application_init (StewardApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Try Steward against a demo server built into it, signed in as an administrator"), NULL },
    { "server", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Sign in to the Qualytics deployment at URL, with its saved profile or a new one"),
      N_("URL") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self), _("Administer the datastores of "
                                                                     "a Qualytics deployment."));
  self->connect_cancellable = g_cancellable_new ();
}

StewardApplication *
steward_application_new (void)
{
  return g_object_new (STEWARD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

/* Returns: (transfer none): who is signed in where; created at start-up */
StewardSession *
steward_application_get_session (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), NULL);

  return self->session;
}

/* The window, in front, on @profile_id's deployment (signing in to it with its stored token if
 * another is signed in). What was asked for replaces restoring the last session. */
void
steward_application_open_profile (StewardApplication *self,
                                  const char         *profile_id)
{
  g_return_if_fail (STEWARD_IS_APPLICATION (self));
  g_return_if_fail (profile_id != NULL);

  self->started = TRUE;
  gtk_window_present (GTK_WINDOW (ensure_main_window (self)));
  switch_to_profile (self, profile_id);
}
