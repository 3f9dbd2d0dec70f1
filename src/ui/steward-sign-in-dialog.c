/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-browser-sign-in.h"
#include "steward-cli-config.h"
#include "steward-keyring.h"
#include "steward-sign-in-dialog.h"
#include "steward-sign-in.h"

/* Signs in to a deployment: its URL, a name and an environment colour for the profile, whether
 * to verify TLS certificates, then either the browser flow of the vendor CLI or a pasted API
 * token. The session checks everything before it keeps anything; a failure is shown inline,
 * naming the stage that failed, and leaves every field as the user typed it.
 *
 * In re-authentication mode the deployment is fixed (the current one, whose token stopped
 * working); success hands the new token to the session so the calls that were waiting go out
 * again, and closing without success tells the session to give up on them.
 *
 * The token is read from the entry only when it is sent, kept no longer than needed, and the
 * entry is cleared when the dialog closes.
 *
 * An error appears at the top of the form, scrolled into view however short the dialog is, as
 * an alert that screen readers announce; focus goes to the field to fix. The button Enter
 * presses, and the highlighted one, follows what was filled in: Sign In once there is a token,
 * the browser otherwise. */
struct _StewardSignInDialog
{
  AdwWindow             parent_instance;

  StewardSession       *session;
  StewardProfile       *profile;          /* a saved profile being signed in to again */
  StewardEnvironment    environment;
  gboolean              reauthenticate;
  gboolean              reauthentication_resolved;
  gboolean              launch_browser;
  gboolean              busy;
  guint                 reveal_tick;
  guint                 reveal_frames;
  guint                 reveal_steady_frames;

  GCancellable         *cancellable;
  StewardBrowserSignIn *browser;
  char                 *authorize_url;

  /* The Qualytics CLI's token, used while the URL is still the CLI's. */
  char                 *imported_url;
  char                 *imported_token;

  /* What is being checked, kept for a second try with the token kept for this session only. */
  StewardProfile       *pending_profile;
  char                 *pending_token;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkLabel             *reauthenticate_label;
  GtkScrolledWindow    *scroller;
  GtkRevealer          *error_revealer;
  GtkWidget            *error_box;
  GtkLabel             *error_heading;
  GtkLabel             *error_detail;
  AdwPreferencesGroup  *import_group;
  AdwActionRow         *import_row;
  AdwPreferencesGroup  *deployment_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *url_row;
  AdwActionRow         *environment_row;
  GtkSwitch            *tls_switch;
  GtkLabel             *tls_warning;
  AdwPreferencesGroup  *summary_group;
  AdwActionRow         *summary_row;
  GtkButton            *browser_button;
  AdwPreferencesGroup  *token_group;
  AdwPasswordEntryRow  *token_row;
  GtkButton            *sign_in_button;
  GtkRevealer          *busy_revealer;
  GtkSpinner           *spinner;
  GtkLabel             *busy_label;
  GtkButton            *cancel_button;
};

G_DEFINE_FINAL_TYPE (StewardSignInDialog, steward_sign_in_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_REAUTHENTICATE,
  PROP_ENVIRONMENT,
  PROP_LAUNCH_BROWSER,
  PROP_AUTHORIZE_URL,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  NEXT_STEP_TOKEN,
  NEXT_STEP_BROWSER,
} NextStep;

static void check_token (StewardSignInDialog *self,
                         StewardTokenStorage  storage);

static const char *
get_url_text (StewardSignInDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->url_row));
}

static gboolean
has_token (StewardSignInDialog *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->token_row)) != '\0' ||
         self->imported_token != NULL;
}

/* Enter presses, and the highlight marks, the button for what was filled in. */
static void
update_default_button (StewardSignInDialog *self)
{
  gboolean token = has_token (self);
  GtkWidget *chosen = token ? GTK_WIDGET (self->sign_in_button) : GTK_WIDGET (self->browser_button);
  GtkWidget *other = token ? GTK_WIDGET (self->browser_button) : GTK_WIDGET (self->sign_in_button);

  gtk_widget_remove_css_class (other, "suggested-action");
  gtk_widget_add_css_class (chosen, "suggested-action");
  if (gtk_window_get_default_widget (GTK_WINDOW (self)) != chosen)
    gtk_window_set_default_widget (GTK_WINDOW (self), chosen);
}

static void
update_actions (StewardSignInDialog *self)
{
  g_autofree char *url = g_strstrip (g_strdup (get_url_text (self)));
  gboolean has_url = self->reauthenticate || *url != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.browser", !self->busy && has_url);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.token",
                                 !self->busy && has_url && has_token (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.cancel", self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.import", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.environment", !self->busy);
  update_default_button (self);
}

static void
set_busy (StewardSignInDialog *self,
          const char          *message)
{
  gboolean busy = message != NULL;

  gboolean was_busy = self->busy;

  gtk_label_set_label (self->busy_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->busy_revealer, busy);
  gtk_spinner_set_spinning (self->spinner, busy);

  self->busy = busy;
  update_actions (self);

  /* Focus goes to Cancel before the fields stop taking changes, so Escape and Enter keep
   * working, and comes back to the form afterwards. The fields keep what was typed. */
  if (busy && !was_busy)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->deployment_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_group), !busy);
  if (!busy && was_busy)
    gtk_widget_grab_focus (self->reauthenticate ? GTK_WIDGET (self->token_row)
                                                : GTK_WIDGET (self->url_row));

  if (busy != was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_authorize_url (StewardSignInDialog *self,
                   const char          *url)
{
  if (g_strcmp0 (self->authorize_url, url) == 0)
    return;

  g_free (self->authorize_url);
  self->authorize_url = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORIZE_URL]);
}

/* Scrolls the form so that the error, at its top, shows: focus went to the field to fix, which
 * may be further down, and the viewport may still be scrolling there. The first frame lays the
 * error out; from the second, each frame brings it back into view until the revealer has
 * opened and nothing has moved it for a few frames (a slow machine may scroll to the focus
 * late), or for 60 frames at most. */
#define REVEAL_MAX_FRAMES 60
#define REVEAL_STEADY_FRAMES 3

static gboolean
reveal_error_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (widget);
  GtkWidget *viewport;
  GtkWidget *form;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top;

  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;

  viewport = gtk_scrolled_window_get_child (self->scroller);
  form = viewport != NULL ? gtk_widget_get_first_child (viewport) : NULL;
  if (form != NULL && gtk_widget_compute_bounds (GTK_WIDGET (self->error_revealer), form, &bounds))
    {
      /* In the form's own coordinates, which scrolling does not change; the margin above comes
       * along. Setting the value also stops a scroll to the focus under way. */
      adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      top = MAX (bounds.origin.y - 24, 0);
      if (gtk_adjustment_get_value (adjustment) > top)
        {
          gtk_adjustment_set_value (adjustment, top);
          self->reveal_steady_frames = 0;
        }
      else
        self->reveal_steady_frames++;
    }

  if (self->reveal_frames < REVEAL_MAX_FRAMES &&
      (!gtk_revealer_get_child_revealed (self->error_revealer) ||
       self->reveal_steady_frames < REVEAL_STEADY_FRAMES))
    return G_SOURCE_CONTINUE;

  self->reveal_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
reveal_error (StewardSignInDialog *self)
{
  self->reveal_frames = 0;
  self->reveal_steady_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_error_cb,
                                                      NULL, NULL);
}

static void
clear_error (StewardSignInDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->token_row), "error");
}

static void
show_error (StewardSignInDialog *self,
            const char          *heading,
            const char          *detail,
            GtkWidget           *culprit)
{
  gtk_label_set_label (self->error_heading, heading);
  gtk_label_set_label (self->error_detail, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_detail), detail != NULL && *detail != '\0');

  /* An alert is announced as it appears: a new error appears anew. */
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_widget_set_visible (self->error_box, TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);

  if (culprit != NULL)
    {
      gtk_widget_add_css_class (culprit, "error");
      gtk_widget_grab_focus (culprit);
    }

  reveal_error (self);
}

static void
error_revealed_cb (StewardSignInDialog *self)
{
  /* Hidden once gone, to appear again with the next error. */
  if (!gtk_revealer_get_child_revealed (self->error_revealer) &&
      !gtk_revealer_get_reveal_child (self->error_revealer))
    gtk_widget_set_visible (self->error_box, FALSE);
}

/* Names the stage that failed, so the user knows whether to fix the URL, the network, the
 * certificate or the token; the server's own words go underneath. */
static void
show_sign_in_error (StewardSignInDialog *self,
                    const GError        *error)
{
  const char *heading = _("Sign-In Failed");
  GtkWidget *culprit = NULL;

  if (error->domain == STEWARD_SIGN_IN_ERROR)
    {
      switch ((StewardSignInError) error->code)
        {
        case STEWARD_SIGN_IN_ERROR_INVALID_URL:
          heading = _("Not a valid URL");
          culprit = GTK_WIDGET (self->url_row);
          break;
        case STEWARD_SIGN_IN_ERROR_UNREACHABLE:
          heading = _("Server unreachable");
          culprit = GTK_WIDGET (self->url_row);
          break;
        case STEWARD_SIGN_IN_ERROR_TLS:
          heading = _("Certificate not trusted");
          culprit = GTK_WIDGET (self->url_row);
          break;
        case STEWARD_SIGN_IN_ERROR_NOT_QUALYTICS:
          heading = _("Not a Qualytics server");
          culprit = GTK_WIDGET (self->url_row);
          break;
        case STEWARD_SIGN_IN_ERROR_EXPIRED_TOKEN:
          heading = _("Token expired");
          culprit = GTK_WIDGET (self->token_row);
          break;
        case STEWARD_SIGN_IN_ERROR_REJECTED_TOKEN:
          heading = _("Token rejected");
          culprit = GTK_WIDGET (self->token_row);
          break;
        case STEWARD_SIGN_IN_ERROR_DENIED:
          heading = _("Access denied in the browser");
          break;
        case STEWARD_SIGN_IN_ERROR_TIMED_OUT:
          heading = _("Browser sign-in timed out");
          break;
        case STEWARD_SIGN_IN_ERROR_FAILED:
        default:
          break;
        }
    }
  else if (g_error_matches (error, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_KEYRING))
    {
      heading = _("Keyring unavailable");
    }

  show_error (self, heading, error->message, culprit);
}

static void
forget_pending (StewardSignInDialog *self)
{
  g_clear_object (&self->pending_profile);
  g_clear_pointer (&self->pending_token, steward_keyring_wipe_string);
}

static void
forget_imported_token (StewardSignInDialog *self)
{
  if (self->imported_token == NULL)
    return;

  g_clear_pointer (&self->imported_token, steward_keyring_wipe_string);
  g_clear_pointer (&self->imported_url, g_free);
  adw_action_row_set_subtitle (self->import_row,
                               _("Use the deployment and token of the qualytics command"));
  update_actions (self);
}

/* Everything the dialog held of a token goes, from the entry too. */
static void
wipe_secrets (StewardSignInDialog *self)
{
  forget_pending (self);
  forget_imported_token (self);
  if (self->token_row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
}

static void
renew_cancellable (StewardSignInDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
succeed (StewardSignInDialog *self)
{
  self->reauthentication_resolved = TRUE;
  forget_pending (self);
  set_busy (self, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* The profile the form describes, or NULL with the reason shown. */
static StewardProfile *
build_profile (StewardSignInDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *name = NULL;
  StewardProfile *profile;

  if (self->reauthenticate)
    return g_object_ref (steward_session_get_profile (self->session));

  url = steward_url_normalize_base (get_url_text (self), &error);
  if (url == NULL)
    {
      show_error (self, _("Not a valid URL"), error->message, GTK_WIDGET (self->url_row));
      return NULL;
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

      g_free (name);
      name = g_strdup (uri != NULL ? g_uri_get_host (uri) : url);
    }

  /* Signing in to a saved profile again updates it, so it keeps its id. */
  profile =
      g_object_new (STEWARD_TYPE_PROFILE, "id",
                    self->profile != NULL ? steward_profile_get_id (self->profile) : NULL, "name",
                    name, "url", url, "verify-tls", gtk_switch_get_active (self->tls_switch),
                    "environment", self->environment, NULL);
  return profile;
}

static void
keyring_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     StewardSignInDialog *self)
{
  if (g_str_equal (response, "session") && self->pending_token != NULL)
    check_token (self, STEWARD_TOKEN_SESSION_ONLY);
  else
    forget_pending (self);
}

static void
offer_session_only (StewardSignInDialog *self,
                    const GError        *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Keyring Unavailable"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nSteward can keep the token until it quits instead; you "
                                     "will "
                                     "then sign in again next time."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "session", _("_Keep for This Session Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "session", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "session");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (keyring_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StewardSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->reauthenticate)
    ok = steward_session_reauthenticate_finish (STEWARD_SESSION (object), result, &error);
  else
    ok = steward_session_sign_in_finish (STEWARD_SESSION (object), result, &error);

  if (ok)
    {
      succeed (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  show_sign_in_error (self, error);

  /* The token is good, only the keyring cannot keep it: offer to keep it in memory instead. */
  if (g_error_matches (error, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_KEYRING))
    offer_session_only (self, error);
  else
    forget_pending (self);
}

/* Checks the pending token against the pending profile's deployment, through the session. */
static void
check_token (StewardSignInDialog *self,
             StewardTokenStorage  storage)
{
  g_autofree char *message = NULL;

  g_return_if_fail (self->pending_profile != NULL && self->pending_token != NULL);

  clear_error (self);
  /* Translators: %s is the name of a deployment profile. */
  message = g_strdup_printf (_("Checking %s…"), steward_profile_get_name (self->pending_profile));
  set_busy (self, message);

  if (self->reauthenticate)
    steward_session_reauthenticate_async (self->session, self->pending_token, self->cancellable,
                                          checked_cb, g_object_ref (self));
  else
    steward_session_sign_in_async (self->session, self->pending_profile, self->pending_token,
                                   storage, self->cancellable, checked_cb, g_object_ref (self));
}

static void
browser_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(StewardSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = steward_browser_sign_in_run_finish (STEWARD_BROWSER_SIGN_IN (object), result, &error);
  if (token == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_authorize_url (self, NULL);
  if (self->browser == STEWARD_BROWSER_SIGN_IN (object))
    g_clear_object (&self->browser);

  if (token == NULL)
    {
      set_busy (self, NULL);
      forget_pending (self);
      show_sign_in_error (self, error);
      return;
    }

  g_clear_pointer (&self->pending_token, steward_keyring_wipe_string);
  self->pending_token = token;
  check_token (self, STEWARD_TOKEN_KEYRING);
}

static void
run_browser (StewardSignInDialog *self)
{
  g_autofree char *base_url = NULL;

  clear_error (self);
  set_busy (self, _("Continue in your web browser. Steward is waiting for the deployment to "
                    "send it here."));

  /* The deployment redirects the browser to Steward's loopback listener with the token. */
  g_clear_object (&self->browser);
  base_url = steward_url_normalize_base (steward_profile_get_url (self->pending_profile), NULL);
  self->browser = steward_browser_sign_in_new (base_url);
  steward_browser_sign_in_set_open_browser (self->browser, self->launch_browser);
  steward_browser_sign_in_run_async (self->browser, self->cancellable,
                                     browser_done_cb, g_object_ref (self));
  set_authorize_url (self, steward_browser_sign_in_get_authorize_url (self->browser));
}

static void
run_next_step (StewardSignInDialog *self,
               NextStep             step)
{
  if (step == NEXT_STEP_BROWSER)
    run_browser (self);
  else
    check_token (self, STEWARD_TOKEN_KEYRING);
}

static void
cleartext_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       StewardSignInDialog *self)
{
  NextStep step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "next-step"));

  if (g_str_equal (response, "send"))
    run_next_step (self, step);
  else
    forget_pending (self);
}

/* A token sent over http:// to another machine can be read by anyone on the way: ask first. */
static void
confirm_then_run (StewardSignInDialog *self,
                  NextStep             step)
{
  const char *url = steward_profile_get_url (self->pending_profile);
  AdwMessageDialog *dialog;

  if (self->reauthenticate || g_ascii_strncasecmp (url, "http://", strlen ("http://")) != 0 ||
      steward_url_is_loopback (url))
    {
      run_next_step (self, step);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Send the Token Unencrypted?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s does not use https://, so the API token would travel in "
                                    "clear text and anyone on the network could read it and act as "
                                    "you. Use https:// unless you trust every network in between."),
                                  url);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "send", _("_Send Unencrypted"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "send", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "next-step", GINT_TO_POINTER (step));
  g_signal_connect_object (dialog, "response", G_CALLBACK (cleartext_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
prepare (StewardSignInDialog *self)
{
  forget_pending (self);
  clear_error (self);
  self->pending_profile = build_profile (self);
  return self->pending_profile != NULL;
}

static void
sign_in_token_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (widget);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  if (self->busy || !has_token (self) || !prepare (self))
    return;

  /* A token typed in wins over the one imported from the CLI. */
  self->pending_token = g_strdup (*typed != '\0' ? typed : self->imported_token);
  g_strstrip (self->pending_token);
  confirm_then_run (self, NEXT_STEP_TOKEN);
}

static void
sign_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (widget);

  if (self->busy || !prepare (self))
    return;

  confirm_then_run (self, NEXT_STEP_BROWSER);
}

static void
sign_in_cancel_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (widget);

  renew_cancellable (self);
  g_clear_object (&self->browser);
  set_authorize_url (self, NULL);
  forget_pending (self);
  set_busy (self, NULL);
}

static void
load_cli_config_in_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  g_autofree char *path = steward_cli_config_default_path ();
  GError *error = NULL;
  StewardCliConfig *config;

  config = steward_cli_config_load (path, &error);
  if (config == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, config, (GDestroyNotify) steward_cli_config_free);
}

static void
cli_config_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (object);
  g_autoptr(StewardCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  config = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);

  /* A file that cannot be used changes nothing in the form. */
  if (config == NULL)
    {
      show_error (self, _("Could not import the Qualytics CLI configuration"), error->message,
                  NULL);
      return;
    }

  forget_imported_token (self);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), config->url);
  gtk_switch_set_active (self->tls_switch, config->ssl_verify);
  self->imported_url = g_strdup (config->url);
  self->imported_token = g_steal_pointer (&config->token);
  adw_action_row_set_subtitle (self->import_row, _("Token from the Qualytics CLI"));
  update_actions (self);
}

static void
sign_in_import_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (widget);
  g_autoptr(GTask) task = NULL;

  if (self->busy)
    return;

  clear_error (self);
  set_busy (self, _("Reading the Qualytics CLI configuration…"));
  task = g_task_new (self, self->cancellable, cli_config_loaded_cb, NULL);
  g_task_set_source_tag (task, sign_in_import_action);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_cli_config_in_thread);
}

static void
cli_config_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(StewardSignInDialog) self = user_data;
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, NULL);
  if (info != NULL && !self->reauthenticate)
    gtk_widget_set_visible (GTK_WIDGET (self->import_group), TRUE);
}

static void
url_changed_cb (StewardSignInDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");

  /* The CLI's token belongs to the CLI's deployment: never send it anywhere else. */
  if (self->imported_token != NULL && g_strcmp0 (get_url_text (self), self->imported_url) != 0)
    forget_imported_token (self);

  update_actions (self);
}

static void
token_changed_cb (StewardSignInDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->token_row), "error");
  update_actions (self);
}

static void
set_environment (StewardSignInDialog *self,
                 StewardEnvironment   environment)
{
  if (self->environment == environment)
    return;

  self->environment = environment;
  adw_action_row_set_subtitle (self->environment_row, steward_environment_get_label (environment));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENT]);
}

static gboolean
steward_sign_in_dialog_close_request (GtkWindow *window)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->browser);
  wipe_secrets (self);

  /* The calls waiting for a new token fail now, rather than wait for ever. */
  if (self->reauthenticate && !self->reauthentication_resolved)
    {
      self->reauthentication_resolved = TRUE;
      steward_session_cancel_reauthentication (self->session);
    }

  return GTK_WINDOW_CLASS (steward_sign_in_dialog_parent_class)->close_request (window);
}

static void
steward_sign_in_dialog_constructed (GObject *object)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (object);
  g_autofree char *path = steward_cli_config_default_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  G_OBJECT_CLASS (steward_sign_in_dialog_parent_class)->constructed (object);

  g_return_if_fail (STEWARD_IS_SESSION (self->session));

  if (self->reauthenticate)
    {
      StewardProfile *profile = steward_session_get_profile (self->session);
      g_autofree char *explanation = NULL;

      g_return_if_fail (profile != NULL);

      gtk_window_set_title (GTK_WINDOW (self), _("Sign In Again"));
      adw_window_title_set_title (self->window_title, _("Sign In Again"));
      explanation =
          g_strdup_printf (_("%s no longer accepts Steward’s token: it has expired or was "
                              "revoked. Sign in again to carry on; what you were doing "
                              "waits, and nothing you typed is lost."),
                           steward_profile_get_name (profile));
      gtk_label_set_label (self->reauthenticate_label, explanation);
      gtk_widget_set_visible (GTK_WIDGET (self->reauthenticate_label), TRUE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row),
                                     steward_profile_get_name (profile));
      adw_action_row_set_subtitle (self->summary_row, steward_profile_get_url (profile));
      gtk_widget_set_visible (GTK_WIDGET (self->summary_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->deployment_group), FALSE);
    }
  else
    {
      g_object_bind_property (self->tls_switch, "active", self->tls_warning, "visible",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
      g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                               G_PRIORITY_DEFAULT, self->cancellable, cli_config_found_cb,
                               g_object_ref (self));
    }

  update_actions (self);
}

static void
steward_sign_in_dialog_dispose (GObject *object)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  if (self->reauthenticate && !self->reauthentication_resolved && self->session != NULL)
    {
      self->reauthentication_resolved = TRUE;
      steward_session_cancel_reauthentication (self->session);
    }
  wipe_secrets (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_SIGN_IN_DIALOG);

  g_clear_object (&self->browser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->profile);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_sign_in_dialog_parent_class)->dispose (object);
}

static void
steward_sign_in_dialog_finalize (GObject *object)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (object);

  g_free (self->authorize_url);

  G_OBJECT_CLASS (steward_sign_in_dialog_parent_class)->finalize (object);
}

static void
steward_sign_in_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_REAUTHENTICATE:
      g_value_set_boolean (value, self->reauthenticate);
      break;
    case PROP_ENVIRONMENT:
      g_value_set_string (value, steward_environment_to_string (self->environment));
      break;
    case PROP_LAUNCH_BROWSER:
      g_value_set_boolean (value, self->launch_browser);
      break;
    case PROP_AUTHORIZE_URL:
      g_value_set_string (value, self->authorize_url);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_sign_in_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StewardSignInDialog *self = STEWARD_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_REAUTHENTICATE:
      self->reauthenticate = g_value_get_boolean (value);
      break;
    case PROP_ENVIRONMENT:
      set_environment (self, steward_environment_from_string (g_value_get_string (value)));
      break;
    case PROP_LAUNCH_BROWSER:
      steward_sign_in_dialog_set_launch_browser (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_sign_in_dialog_class_init (StewardSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steward_sign_in_dialog_constructed;
  object_class->dispose = steward_sign_in_dialog_dispose;
  object_class->finalize = steward_sign_in_dialog_finalize;
  object_class->get_property = steward_sign_in_dialog_get_property;
  object_class->set_property = steward_sign_in_dialog_set_property;
  window_class->close_request = steward_sign_in_dialog_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STEWARD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Signing in again to the current deployment, after its token stopped working. */
  properties[PROP_REAUTHENTICATE] =
    g_param_spec_boolean ("reauthenticate", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The chosen colour, as the profile's environment names it: "none", "green", "yellow", "red". */
  properties[PROP_ENVIRONMENT] =
    g_param_spec_string ("environment", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether browser sign-in opens the web browser; tests play the browser themselves. */
  properties[PROP_LAUNCH_BROWSER] =
    g_param_spec_boolean ("launch-browser", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The page the browser is sent to, while browser sign-in waits for it. */
  properties[PROP_AUTHORIZE_URL] =
    g_param_spec_string ("authorize-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardSignInDialog::signed-in:
   *
   * The checks passed and the session is signed in (or carries on with the new token); the
   * dialog closes.
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, reauthenticate_label);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, error_heading);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, error_detail);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, import_group);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, import_row);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, deployment_group);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, environment_row);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, tls_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, tls_warning);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, browser_button);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, token_group);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, StewardSignInDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_revealed_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.token", NULL, sign_in_token_action);
  gtk_widget_class_install_action (widget_class, "sign-in.browser", NULL, sign_in_browser_action);
  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL, sign_in_cancel_action);
  gtk_widget_class_install_action (widget_class, "sign-in.import", NULL, sign_in_import_action);
  gtk_widget_class_install_property_action (widget_class, "sign-in.environment", "environment");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_sign_in_dialog_init (StewardSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->launch_browser = TRUE;
  self->cancellable = g_cancellable_new ();
  adw_action_row_set_subtitle (self->environment_row,
                               steward_environment_get_label (STEWARD_ENVIRONMENT_NONE));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->error_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->error_heading, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_detail, NULL,
                                  -1);
  update_default_button (self);
}

/* A dialog to sign in to a deployment, new or saved, over @parent. */
StewardSignInDialog *
steward_sign_in_dialog_new (GtkWindow      *parent,
                            StewardSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);

  return g_object_new (STEWARD_TYPE_SIGN_IN_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

/* A dialog to sign in again to the session's current deployment, whose token stopped working. */
StewardSignInDialog *
steward_sign_in_dialog_new_reauthenticate (GtkWindow      *parent,
                                           StewardSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_SESSION (session), NULL);
  g_return_val_if_fail (steward_session_get_profile (session) != NULL, NULL);

  return g_object_new (STEWARD_TYPE_SIGN_IN_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       "reauthenticate", TRUE,
                       NULL);
}

void
steward_sign_in_dialog_set_url (StewardSignInDialog *self,
                                const char          *url)
{
  g_return_if_fail (STEWARD_IS_SIGN_IN_DIALOG (self));
  g_return_if_fail (!self->reauthenticate);

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url != NULL ? url : "");
}

/* Fills the form from a saved profile; signing in updates that profile. */
void
steward_sign_in_dialog_set_profile (StewardSignInDialog *self,
                                    StewardProfile      *profile)
{
  g_return_if_fail (STEWARD_IS_SIGN_IN_DIALOG (self));
  g_return_if_fail (profile == NULL || STEWARD_IS_PROFILE (profile));
  g_return_if_fail (!self->reauthenticate);

  g_set_object (&self->profile, profile);
  if (profile == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), steward_profile_get_name (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), steward_profile_get_url (profile));
  gtk_switch_set_active (self->tls_switch, steward_profile_get_verify_tls (profile));
  set_environment (self, steward_profile_get_environment (profile));
}

/* Reads the Qualytics CLI's configuration into the form, as the import row does. */
void
steward_sign_in_dialog_import_cli_config (StewardSignInDialog *self)
{
  g_return_if_fail (STEWARD_IS_SIGN_IN_DIALOG (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.import", NULL);
}

gboolean
steward_sign_in_dialog_get_reauthenticate (StewardSignInDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_SIGN_IN_DIALOG (self), FALSE);

  return self->reauthenticate;
}

/* Whether a check, a browser sign-in or an import is under way. */
gboolean
steward_sign_in_dialog_get_busy (StewardSignInDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_SIGN_IN_DIALOG (self), FALSE);

  return self->busy;
}

gboolean
steward_sign_in_dialog_get_launch_browser (StewardSignInDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_SIGN_IN_DIALOG (self), TRUE);

  return self->launch_browser;
}

void
steward_sign_in_dialog_set_launch_browser (StewardSignInDialog *self,
                                           gboolean             launch_browser)
{
  g_return_if_fail (STEWARD_IS_SIGN_IN_DIALOG (self));

  launch_browser = !!launch_browser;
  if (self->launch_browser == launch_browser)
    return;

  self->launch_browser = launch_browser;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAUNCH_BROWSER]);
}

/* Returns: (nullable): the deployment's authorize page the browser is sent to, while browser
 * sign-in waits for its answer */
const char *
steward_sign_in_dialog_get_authorize_url (StewardSignInDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_SIGN_IN_DIALOG (self), NULL);

  return self->authorize_url;
}
