/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-cli-config.h"
#include "steward-environment-badge.h"
#include "steward-format.h"
#include "steward-main-view.h"
#include "steward-window.h"

/* The main window: a stack of pages that follows the session (signed out, connecting, signed
 * in), each page with its own header bar. The header bars show the current profile's name as
 * the subtitle, its environment as a badge, and its colour as a stripe along their top (a CSS
 * class on the window, so the datastore browser's header bars get it too). The primary menu
 * lists the saved profiles to switch between. Signed in, the page is the datastore browser,
 * given the session's client whenever a sign-in or a switch produces a new one. */
struct _StewardWindow
{
  AdwApplicationWindow     parent_instance;

  GSettings               *settings;
  StewardSession          *session;
  GCancellable            *cancellable;

  /* Template widgets */
  AdwToastOverlay         *toast_overlay;
  GtkStack                *main_stack;
  AdwWindowTitle          *signed_out_title;
  AdwStatusPage           *signed_out_page;
  GtkWidget               *restore_error_box;
  GtkLabel                *restore_error_label;
  GtkWidget               *import_button;
  AdwWindowTitle          *connecting_title;
  StewardEnvironmentBadge *connecting_badge;
  AdwStatusPage           *connecting_page;
  GtkSpinner              *connecting_spinner;
  GtkWidget               *main_view_slot;
  StewardMainView         *main_view;
  StewardEnvironmentBadge *main_badge;
  GtkLabel                *security_label;   /* how the connection is not safe, if it is not */
  GMenu                   *primary_menu;
  GMenu                   *profiles_section;
  GMenu                   *account_section;
};

G_DEFINE_FINAL_TYPE (StewardWindow, steward_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *environment_classes[] = {
  [STEWARD_ENVIRONMENT_NONE] = NULL,
  [STEWARD_ENVIRONMENT_GREEN] = "environment-green",
  [STEWARD_ENVIRONMENT_YELLOW] = "environment-yellow",
  [STEWARD_ENVIRONMENT_RED] = "environment-red",
};

/* The profile the window is about: the signed-in one, or the one being connected to. */
static StewardProfile *
get_shown_profile (StewardWindow *self)
{
  switch (steward_session_get_state (self->session))
    {
    case STEWARD_SESSION_CONNECTING:
      return steward_session_get_pending_profile (self->session);
    case STEWARD_SESSION_SIGNED_IN:
      return steward_session_get_profile (self->session);
    case STEWARD_SESSION_SIGNED_OUT:
    default:
      return NULL;
    }
}

/* The saved profile "Forget This Profile…" and "Retry" are about. */
static StewardProfile *
get_saved_profile (StewardWindow *self)
{
  StewardProfile *profile = steward_session_get_profile (self->session);

  if (profile != NULL && !steward_profile_get_temporary (profile))
    return profile;

  return steward_session_get_default_profile (self->session);
}

static void
steward_window_restore_size (StewardWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* A signed-in deployment reached in clear text (other than on this machine), or without checking
 * its certificate, says so for as long as it is shown, not only when signing in. */
static void
update_security (StewardWindow  *self,
                 StewardProfile *profile)
{
  StewardTransportRisk risk = profile != NULL ? steward_profile_get_transport_risk (profile)
                                              : STEWARD_TRANSPORT_SAFE;
  const char *url = profile != NULL ? steward_profile_get_url (profile) : NULL;
  const char *label = NULL;
  g_autofree char *tooltip = NULL;

  switch (risk)
    {
    case STEWARD_TRANSPORT_CLEARTEXT:
      label = _("Not Encrypted");
      tooltip =
          g_strdup_printf (_("Everything sent to %s, the API token included, travels unencrypted"),
                           url);
      break;
    case STEWARD_TRANSPORT_UNVERIFIED:
      label = _("Certificate Not Checked");
      tooltip = g_strdup_printf (_("Steward does not check the certificate of %s, so it cannot "
                                    "tell it is "
                                    "talking to the real deployment"),
                                 url);
      break;
    case STEWARD_TRANSPORT_SAFE:
    default:
      break;
    }

  gtk_label_set_label (self->security_label, label != NULL ? label : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->security_label), tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->security_label), label != NULL);
}

static void
update_environment (StewardWindow  *self,
                    StewardProfile *profile)
{
  StewardEnvironment environment = profile != NULL ? steward_profile_get_environment (profile)
                                                   : STEWARD_ENVIRONMENT_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (environment_classes); i++)
    if (environment_classes[i] != NULL)
      gtk_widget_remove_css_class (GTK_WIDGET (self), environment_classes[i]);
  if (environment_classes[environment] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), environment_classes[environment]);

  steward_environment_badge_set_profile (self->connecting_badge, profile);
  steward_environment_badge_set_profile (self->main_badge, profile);
  update_security (self, profile);
}

/* The browser shows the session's deployment: a new one at each sign-in or switch, none once
 * signed out, so that what it shows and sends always belongs to the signed-in deployment. */
static void
update_main_view (StewardWindow *self)
{
  gboolean signed_in = steward_session_get_state (self->session) == STEWARD_SESSION_SIGNED_IN;

  steward_main_view_set_deployment (self->main_view,
                                    signed_in ? steward_session_get_deployment (self->session)
                                              : NULL);
}

/* The page, its titles and colours: they follow the session's state and the profile shown. */
static void
update_page (StewardWindow *self)
{
  StewardSessionState state = steward_session_get_state (self->session);
  StewardProfile *profile = get_shown_profile (self);
  const char *subtitle = profile != NULL ? steward_profile_get_name (profile) : NULL;

  adw_window_title_set_subtitle (self->signed_out_title, NULL);
  adw_window_title_set_subtitle (self->connecting_title, subtitle);
  steward_main_view_set_subtitle (self->main_view, subtitle);
  update_environment (self, profile);

  gtk_spinner_set_spinning (self->connecting_spinner, state == STEWARD_SESSION_CONNECTING);
  if (state == STEWARD_SESSION_CONNECTING && profile != NULL)
    {
      /* Translators: %s is the name of a deployment profile. */
      g_autofree char *title =
          g_strdup_printf (_("Connecting to %s…"), steward_profile_get_name (profile));

      adw_status_page_set_title (self->connecting_page, title);
    }

  update_main_view (self);

  switch (state)
    {
    case STEWARD_SESSION_CONNECTING:
      gtk_stack_set_visible_child_name (self->main_stack, "connecting");
      break;
    case STEWARD_SESSION_SIGNED_IN:
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      break;
    case STEWARD_SESSION_SIGNED_OUT:
    default:
      gtk_stack_set_visible_child_name (self->main_stack, "signed-out");
      break;
    }
}

/* One item per saved profile: rebuilt only when the profiles are added, removed or renamed. */
static void
rebuild_profiles_section (StewardWindow *self)
{
  GListModel *profiles = steward_session_get_profiles (self->session);
  guint n = g_list_model_get_n_items (profiles);

  g_menu_remove_all (self->profiles_section);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardProfile) profile = g_list_model_get_item (profiles, i);
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      /* Menu labels take mnemonics: an underscore in a name must stay an underscore. */
      parts = g_strsplit (steward_profile_get_name (profile), "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.switch-profile", "s",
                                         steward_profile_get_id (profile));
      g_menu_append_item (self->profiles_section, item);
    }
}

/* Sign in, sign out, forget and retry: they follow the state and the saved profile. */
static void
update_account (StewardWindow *self)
{
  StewardProfile *saved = get_saved_profile (self);
  gboolean signed_out = steward_session_get_state (self->session) == STEWARD_SESSION_SIGNED_OUT;
  g_autoptr(GMenuItem) sign_out = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry", signed_out && saved != NULL);

  g_menu_remove_all (self->account_section);
  g_menu_append (self->account_section,
                 signed_out ? _("_Sign In…") : _("Sign _In to Another Deployment…"),
                 "app.sign-in");
  sign_out = g_menu_item_new (_("Sign _Out"), "app.sign-out");
  g_menu_item_set_attribute (sign_out, "hidden-when", "s", "action-disabled");
  g_menu_append_item (self->account_section, sign_out);
  if (saved != NULL)
    {
      g_autoptr(GMenuItem) forget = g_menu_item_new (_("_Forget This Profile…"), NULL);

      g_menu_item_set_action_and_target (forget, "app.forget-profile", "s",
                                         steward_profile_get_id (saved));
      g_menu_append_item (self->account_section, forget);
    }
}

static void
state_changed_cb (StewardWindow *self)
{
  update_page (self);
  update_account (self);
}

/* Saved profiles added, removed, renamed or recoloured; or another default. */
static void
profiles_changed_cb (StewardWindow *self)
{
  rebuild_profiles_section (self);
  update_page (self);
  update_account (self);
}

static gboolean
transform_or_empty (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}


static void
cli_config_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(StewardWindow) self = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);

  if (info != NULL && self->import_button != NULL)
    gtk_widget_set_visible (self->import_button, TRUE);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StewardWindow *self = STEWARD_WINDOW (widget);
  StewardProfile *profile = get_saved_profile (self);

  if (profile != NULL)
    gtk_widget_activate_action (widget, "app.switch-profile", "s",
                                steward_profile_get_id (profile));
}

static gboolean
steward_window_close_request (GtkWindow *window)
{
  StewardWindow *self = STEWARD_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  int width;
  int height;

  /* The default size tracks the unmaximized size, which is what should come back next time. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (steward_window_parent_class)->close_request (window);
}

static void
steward_window_constructed (GObject *object)
{
  StewardWindow *self = STEWARD_WINDOW (object);
  g_autofree char *path = steward_cli_config_default_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  G_OBJECT_CLASS (steward_window_parent_class)->constructed (object);

  g_return_if_fail (STEWARD_IS_SESSION (self->session));

  /* The session is the window's for its whole life: its signals are connected once, each to
   * what depends on it, and the last error is bound. */
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::profile", G_CALLBACK (state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::pending-profile", G_CALLBACK (update_page),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::deployment", G_CALLBACK (update_main_view),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property_full (self->session, "last-error", self->restore_error_label, "label",
                               G_BINDING_SYNC_CREATE, transform_or_empty, NULL, NULL, NULL);
  g_object_bind_property_full (self->session, "last-error", self->restore_error_box, "visible",
                               G_BINDING_SYNC_CREATE, steward_format_transform_nonempty,
                               NULL, NULL, NULL);
  g_signal_connect_object (steward_session_get_profiles (self->session), "items-changed",
                           G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);
  /* Renaming or recolouring a saved profile, or a new default profile, is written here. */
  g_signal_connect_object (self->settings, "changed::profiles", G_CALLBACK (profiles_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::current-profile",
                           G_CALLBACK (update_account), self, G_CONNECT_SWAPPED);

  profiles_changed_cb (self);

  /* Offer the Qualytics CLI's configuration when there is one. */
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, cli_config_found_cb,
                           g_object_ref (self));
}

static void
steward_window_dispose (GObject *object)
{
  StewardWindow *self = STEWARD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_window_parent_class)->dispose (object);
}

static void
steward_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StewardWindow *self = STEWARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  StewardWindow *self = STEWARD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_window_class_init (StewardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steward_window_constructed;
  object_class->dispose = steward_window_dispose;
  object_class->get_property = steward_window_get_property;
  object_class->set_property = steward_window_set_property;
  window_class->close_request = steward_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, STEWARD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_ENVIRONMENT_BADGE);
  g_type_ensure (STEWARD_TYPE_MAIN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steward-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, signed_out_title);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, signed_out_page);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, restore_error_box);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, restore_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, connecting_title);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, connecting_badge);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, connecting_page);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, connecting_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, main_view_slot);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, main_view);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, profiles_section);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, account_section);

  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
}

static void
steward_window_init (StewardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->main_badge = STEWARD_ENVIRONMENT_BADGE (steward_environment_badge_new ());
  steward_main_view_add_header_end (self->main_view, GTK_WIDGET (self->main_badge));
  self->security_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->security_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->security_label), "caption-heading");
  gtk_widget_set_visible (GTK_WIDGET (self->security_label), FALSE);
  steward_main_view_add_header_end (self->main_view, GTK_WIDGET (self->security_label));
  steward_main_view_set_primary_menu (self->main_view, G_MENU_MODEL (self->primary_menu));

  self->cancellable = g_cancellable_new ();
  /* The settings schema keeps the base id in every profile. */
  self->settings = g_settings_new (BASE_APP_ID);
  /* libadwaita's stripe tells a development build from the installed app at a glance. */
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  steward_window_restore_size (self);
}

StewardWindow *
steward_window_new (StewardApplication *application)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (application), NULL);

  return g_object_new (STEWARD_TYPE_WINDOW,
                       "application", application,
                       "session", steward_application_get_session (application),
                       NULL);
}

/* Returns: (transfer none): the session the window shows */
StewardSession *
steward_window_get_session (StewardWindow *self)
{
  g_return_val_if_fail (STEWARD_IS_WINDOW (self), NULL);

  return self->session;
}

/* Returns: (transfer none): the primary menu, for the header bars of the pages put in the main
 * view slot */
GMenuModel *
steward_window_get_primary_menu (StewardWindow *self)
{
  g_return_val_if_fail (STEWARD_IS_WINDOW (self), NULL);

  return G_MENU_MODEL (self->primary_menu);
}

/* Returns: (transfer none): the box the signed-in page is made of */
GtkWidget *
steward_window_get_main_view_slot (StewardWindow *self)
{
  g_return_val_if_fail (STEWARD_IS_WINDOW (self), NULL);

  return self->main_view_slot;
}

/* Returns: (transfer none): the datastore browser shown while signed in */
StewardMainView *
steward_window_get_main_view (StewardWindow *self)
{
  g_return_val_if_fail (STEWARD_IS_WINDOW (self), NULL);

  return self->main_view;
}

void
steward_window_add_toast (StewardWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (STEWARD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
