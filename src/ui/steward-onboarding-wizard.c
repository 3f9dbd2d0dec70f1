/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-onboarding-catalog-page.h"
#include "steward-onboarding-connection-page.h"
#include "steward-onboarding-page.h"
#include "steward-onboarding-paths-page.h"
#include "steward-onboarding-results-page.h"
#include "steward-onboarding-schemas-page.h"
#include "steward-onboarding-settings-page.h"
#include "steward-onboarding-validate-page.h"
#include "steward-onboarding-wizard.h"

/* Onboards many schemas at once: the window that moves between the steps, each a
 * StewardOnboardingPage over one StewardOnboarding. It only navigates: Back and Next, the step
 * in the subtitle, Next enabled as the page says, the page's own label for it (Create on the
 * settings), and Done at the end. The steps depend on the connection: catalogs and schemas for a
 * database, root paths for a file system.
 *
 * Closing (Escape, Cancel) asks first when anything was chosen or typed, and never asks once the
 * datastores are created. Once a bulk request went out and created anything, there is no way
 * back: going back and forth could only send the same schemas twice. A creation that ends while
 * the window is not focused is announced with a desktop notification. A user whose role cannot
 * create datastores sees why instead of the steps. */
struct _StewardOnboardingWizard
{
  AdwWindow          parent_instance;

  StewardOnboarding *onboarding;
  GtkWidget         *connection_page;
  GtkWidget         *catalog_page;
  GtkWidget         *schemas_page;
  GtkWidget         *paths_page;
  GtkWidget         *validate_page;
  GtkWidget         *settings_page;
  GtkWidget         *results_page;
  GtkWidget         *current;
  gboolean           refused;
  gboolean           close_confirmed;
  gboolean           asking;
  char              *notification;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *cancel_button;
  GtkButton         *back_button;
  GtkButton         *next_button;
  GtkStack          *stack;
  AdwStatusPage     *refused_page;
};

G_DEFINE_FINAL_TYPE (StewardOnboardingWizard, steward_onboarding_wizard, ADW_TYPE_WINDOW)

enum {
  DATASTORE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The steps for the chosen kind of connection, in order. */
static GPtrArray *
sequence (StewardOnboardingWizard *self)
{
  GPtrArray *pages = g_ptr_array_new ();

  g_ptr_array_add (pages, self->connection_page);
  if (steward_onboarding_get_dfs (self->onboarding))
    g_ptr_array_add (pages, self->paths_page);
  else
    {
      g_ptr_array_add (pages, self->catalog_page);
      g_ptr_array_add (pages, self->schemas_page);
    }
  g_ptr_array_add (pages, self->validate_page);
  g_ptr_array_add (pages, self->settings_page);
  g_ptr_array_add (pages, self->results_page);
  return pages;
}

static gboolean
is_last (StewardOnboardingWizard *self)
{
  return self->current == self->results_page;
}

/* Back from the results only when nothing may have been created. */
static gboolean
can_go_back (StewardOnboardingWizard *self)
{
  StewardOnboarding *onboarding = self->onboarding;

  if (self->current == self->connection_page || self->refused)
    return FALSE;
  if (!is_last (self))
    return TRUE;

  return !steward_onboarding_get_creating (onboarding) &&
         steward_onboarding_get_n_created (onboarding) == 0 &&
         steward_onboarding_get_n_unknown (onboarding) == 0;
}

static void
update_buttons (StewardOnboardingWizard *self)
{
  StewardOnboardingPage *page;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *subtitle = NULL;
  const char *label;
  guint index = 0;

  if (self->refused)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
      gtk_button_set_label (self->next_button, _("_Close"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "window.close");
      return;
    }
  if (self->current == NULL)
    return;

  page = STEWARD_ONBOARDING_PAGE (self->current);
  pages = sequence (self);
  g_ptr_array_find (pages, self->current, &index);
  /* Translators: the wizard's subtitle, e.g. "Step 2 of 6: Catalog". */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), index + 1, pages->len,
                              steward_onboarding_page_get_title (page));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->current == self->connection_page);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", can_go_back (self));

  /* The button's sensitivity follows its action's; it is never set directly. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.done",
                                 !steward_onboarding_get_creating (self->onboarding));
  if (is_last (self))
    {
      gtk_button_set_label (self->next_button, _("_Done"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "wizard.done");
      return;
    }

  label = steward_onboarding_page_get_next_label (page);
  gtk_button_set_label (self->next_button, label != NULL ? label : _("_Next"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "wizard.next");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 steward_onboarding_page_can_go_next (page));
}

static void
show_page (StewardOnboardingWizard *self,
           GtkWidget               *page,
           gboolean                 forward)
{
  if (self->current == page)
    return;

  if (self->current != NULL)
    steward_onboarding_page_deactivate (STEWARD_ONBOARDING_PAGE (self->current));

  self->current = page;
  gtk_stack_set_transition_type (self->stack, forward ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT
                                                      : GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_stack_set_visible_child (self->stack, page);
  g_debug ("Onboarding step: %s",
           steward_onboarding_page_get_title (STEWARD_ONBOARDING_PAGE (page)));
  steward_onboarding_page_activate (STEWARD_ONBOARDING_PAGE (page));
  update_buttons (self);
}

static void
add_page (StewardOnboardingWizard  *self,
          GtkWidget               **field,
          GtkWidget                *page,
          const char               *name)
{
  *field = page;
  gtk_stack_add_named (self->stack, page, name);
  g_signal_connect_object (page, "notify::can-go-next", G_CALLBACK (update_buttons), self,
                           G_CONNECT_SWAPPED);
}

/* Closing */

static gboolean
should_ask (StewardOnboardingWizard *self)
{
  StewardOnboarding *onboarding = self->onboarding;

  if (self->refused || self->close_confirmed)
    return FALSE;
  if (steward_onboarding_get_creating (onboarding))
    return TRUE;
  /* The datastores are made and the results shown: nothing would be lost. */
  if (steward_onboarding_get_sent (onboarding))
    return FALSE;

  return steward_onboarding_get_dirty (onboarding);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (AdwMessageDialog        *dialog,
                     const char              *response,
                     StewardOnboardingWizard *self)
{
  self->asking = FALSE;
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Once the dialog, which is transient for this window, has closed. */
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
steward_onboarding_wizard_close_request (GtkWindow *window)
{
  StewardOnboardingWizard *self = STEWARD_ONBOARDING_WIZARD (window);
  AdwMessageDialog *dialog;
  gboolean creating;

  if (!should_ask (self))
    {
      steward_onboarding_cancel (self->onboarding);
      return GTK_WINDOW_CLASS (steward_onboarding_wizard_parent_class)->close_request (window);
    }

  if (self->asking)
    return TRUE;

  creating = steward_onboarding_get_creating (self->onboarding);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       creating ? _("Close While Creating?")
                                                                : _("Discard the Onboarding?"),
                                                       creating
                                                       ? _("The server goes on creating the "
                                                           "datastores. They appear in the main "
                                                           "window when it answers.")
                                                       : _("The connection and schemas chosen so "
                                                           "far will be lost. Nothing has been "
                                                           "created.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", creating ? _("_Stay") : _("_Keep Editing"),
                                    "discard", creating ? _("_Close") : _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", creating
                                                                ? ADW_RESPONSE_SUGGESTED
                                                                : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  self->asking = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Callbacks and actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardOnboardingWizard *self = STEWARD_ONBOARDING_WIZARD (widget);
  StewardOnboardingPage *page = STEWARD_ONBOARDING_PAGE (self->current);
  g_autoptr(GPtrArray) pages = NULL;
  guint index;

  if (self->refused || is_last (self) || !steward_onboarding_page_can_go_next (page) ||
      !steward_onboarding_page_apply (page))
    return;

  /* Applying the connection step may change the steps that follow it. */
  pages = sequence (self);
  if (g_ptr_array_find (pages, self->current, &index) && index + 1 < pages->len)
    show_page (self, g_ptr_array_index (pages, index + 1), TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardOnboardingWizard *self = STEWARD_ONBOARDING_WIZARD (widget);
  g_autoptr(GPtrArray) pages = NULL;
  guint index;

  if (!can_go_back (self))
    return;

  pages = sequence (self);
  if (g_ptr_array_find (pages, self->current, &index) && index > 0)
    show_page (self, g_ptr_array_index (pages, index - 1), FALSE);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
preselected_cb (StewardOnboardingWizard *self)
{
  if (self->current == self->connection_page)
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
}

static void
datastore_activated_cb (StewardOnboardingWizard *self,
                        gint64                   datastore_id)
{
  g_signal_emit (self, signals[DATASTORE_ACTIVATED], 0, datastore_id);
}

/* The end of a creation, told to whoever is not looking at the window. */
static void
finished_cb (StewardOnboardingWizard *self)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;
  guint created = steward_onboarding_get_n_created (self->onboarding);
  guint failed = steward_onboarding_get_n_create_failed (self->onboarding) +
                 steward_onboarding_get_n_unknown (self->onboarding);
  g_autofree char *created_text = NULL;
  g_autofree char *body = NULL;

  update_buttons (self);
  if (gtk_window_is_active (GTK_WINDOW (self)) || app == NULL)
    return;

  /* Translators: part of "3 datastores created, 1 failed". */
  created_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u datastore created",
                                               "%u datastores created",
                                               created), created);
  /* Translators: %s is "N datastores created", %u how many failed. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u failed", "%s, %u failed", failed),
                          created_text, failed);

  notification = g_notification_new (_("Onboarding Finished"));
  g_notification_set_body (notification, body);
  g_application_send_notification (app, "steward-onboarding", notification);
  g_free (self->notification);
  self->notification = g_steal_pointer (&body);
}

/* GObject */

static void
steward_onboarding_wizard_dispose (GObject *object)
{
  StewardOnboardingWizard *self = STEWARD_ONBOARDING_WIZARD (object);

  if (self->onboarding != NULL)
    {
      steward_onboarding_cancel (self->onboarding);
      g_signal_handlers_disconnect_by_data (self->onboarding, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ONBOARDING_WIZARD);
  g_clear_object (&self->onboarding);

  G_OBJECT_CLASS (steward_onboarding_wizard_parent_class)->dispose (object);
}

static void
steward_onboarding_wizard_finalize (GObject *object)
{
  StewardOnboardingWizard *self = STEWARD_ONBOARDING_WIZARD (object);

  g_free (self->notification);

  G_OBJECT_CLASS (steward_onboarding_wizard_parent_class)->finalize (object);
}

static void
steward_onboarding_wizard_class_init (StewardOnboardingWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_onboarding_wizard_dispose;
  object_class->finalize = steward_onboarding_wizard_finalize;
  window_class->close_request = steward_onboarding_wizard_close_request;

  /**
   * StewardOnboardingWizard::datastore-activated:
   * @datastore_id: a datastore the wizard created
   *
   * The user asked to see it: select it in the main window.
   */
  signals[DATASTORE_ACTIVATED] = g_signal_new ("datastore-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-onboarding-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingWizard, refused_page);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.done", NULL, done_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "wizard.next",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "wizard.back",
                                       NULL);
}

static void
steward_onboarding_wizard_init (StewardOnboardingWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns: (transfer full) */
StewardOnboardingWizard *
steward_onboarding_wizard_new (GtkWindow         *parent,
                               StewardDeployment *deployment,
                               gint64             connection_id)
{
  StewardOnboardingWizard *self;
  StewardUser *user;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (deployment), NULL);

  self = g_object_new (STEWARD_TYPE_ONBOARDING_WIZARD, "transient-for", parent, NULL);
  self->onboarding = steward_onboarding_new (deployment);

  user = steward_deployment_get_user (deployment);
  if (!steward_user_can (user, STEWARD_ACTION_ONBOARD_SCHEMAS))
    {
      g_autofree char *why = steward_action_explain_denied (STEWARD_ACTION_ONBOARD_SCHEMAS);
      /* Translators: %s says which role is needed, e.g. "Requires the Manager role". */
      g_autofree char *description = g_strdup_printf (_("%s to create datastores. Ask an "
                                                        "administrator of the deployment for it."),
                                                      why);

      self->refused = TRUE;
      adw_status_page_set_description (self->refused_page, description);
      gtk_stack_set_visible_child_name (self->stack, "refused");
      update_buttons (self);
      return self;
    }

  add_page (self, &self->connection_page, steward_onboarding_connection_page_new (self->onboarding),
            "connection");
  add_page (self, &self->catalog_page, steward_onboarding_catalog_page_new (self->onboarding),
            "catalog");
  add_page (self, &self->schemas_page, steward_onboarding_schemas_page_new (self->onboarding),
            "schemas");
  add_page (self, &self->paths_page, steward_onboarding_paths_page_new (self->onboarding), "paths");
  add_page (self, &self->validate_page, steward_onboarding_validate_page_new (self->onboarding),
            "validate");
  add_page (self, &self->settings_page, steward_onboarding_settings_page_new (self->onboarding),
            "settings");
  add_page (self, &self->results_page, steward_onboarding_results_page_new (self->onboarding),
            "results");

  g_signal_connect_object (self->results_page, "datastore-activated",
                           G_CALLBACK (datastore_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->connection_page, "preselected",
                           G_CALLBACK (preselected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->onboarding, "finished", G_CALLBACK (finished_cb), self);
  g_signal_connect_swapped (self->onboarding, "notify::creating", G_CALLBACK (update_buttons),
                            self);

  show_page (self, self->connection_page, TRUE);
  if (connection_id > 0)
    {
      GtkWidget *page = self->connection_page;

      steward_onboarding_connection_page_preselect (STEWARD_ONBOARDING_CONNECTION_PAGE (page),
                                                    connection_id);
    }
  return self;
}

/* Returns: (transfer none) */
StewardOnboarding *
steward_onboarding_wizard_get_onboarding (StewardOnboardingWizard *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_WIZARD (self), NULL);
  return self->onboarding;
}

/* Returns: (transfer none) (nullable): the step shown */
GtkWidget *
steward_onboarding_wizard_get_page (StewardOnboardingWizard *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_WIZARD (self), NULL);
  return self->current;
}

/* "connection", "catalog", "schemas", "paths", "validate", "settings", "results" or "refused". */
const char *
steward_onboarding_wizard_get_page_name (StewardOnboardingWizard *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_WIZARD (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
steward_onboarding_wizard_get_refused (StewardOnboardingWizard *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_WIZARD (self), FALSE);
  return self->refused;
}

/* Returns: (nullable): the text of the last desktop notification the wizard sent */
const char *
steward_onboarding_wizard_get_notification (StewardOnboardingWizard *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_WIZARD (self), NULL);
  return self->notification;
}
