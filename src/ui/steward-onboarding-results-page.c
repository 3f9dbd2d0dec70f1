/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-onboarding-page.h"
#include "steward-onboarding-target-row.h"
#include "steward-onboarding-results-page.h"

/* Step 6: Create was pressed, so the plan is sent in one bulk request; then every schema's
 * outcome: the datastore it became (activating the row shows it in the main window), or the
 * server's reason it was not created. Retry Failed sends the failed ones, and only those, in a
 * new request. Nothing is ever sent again without the user asking: when the server did not
 * answer, the datastores it may have made are looked for in the deployment first. */
struct _StewardOnboardingResultsPage
{
  AdwBin             parent_instance;

  StewardOnboarding *onboarding;

  /* Template widgets */
  GtkSpinner        *spinner;
  GtkLabel          *title_label;
  GtkLabel          *detail_label;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkButton         *retry_button;
  GtkButton         *reconcile_button;
  GtkListView       *list_view;
};

static void page_iface_init (StewardOnboardingPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardOnboardingResultsPage, steward_onboarding_results_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_ONBOARDING_PAGE,
                                                      page_iface_init))

enum {
  PROP_0,
  PROP_ONBOARDING,
  PROP_CAN_GO_NEXT,
  N_PROPS
};

enum {
  DATASTORE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_summary (StewardOnboardingResultsPage *self)
{
  StewardOnboarding *onboarding = self->onboarding;
  gboolean creating = steward_onboarding_get_creating (onboarding);
  guint created = steward_onboarding_get_n_created (onboarding);
  guint failed = steward_onboarding_get_n_create_failed (onboarding);
  guint unknown = steward_onboarding_get_n_unknown (onboarding);
  guint total = g_list_model_get_n_items (steward_onboarding_get_plan (onboarding));
  const char *error = steward_onboarding_get_create_error (onboarding);
  g_autofree char *title = NULL;
  const char *detail = NULL;

  if (creating)
    {
      /* Translators: %u is how many datastores are being created. */
      guint n = total - created;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Creating %u datastore…",
                                            "Creating %u datastores…", n), n);
      detail = _("One request creates them all. It is sent once, and never again unless you ask.");
    }
  else if (unknown > 0)
    {
      /* Translators: %u is how many datastores the server did not confirm. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not confirmed", "%u not confirmed",
                                            unknown), unknown);
      detail = _("The server did not answer, so some of these may exist. Check Again looks for "
                 "them before anything is sent again.");
    }
  else if (failed == 0)
    {
      /* Translators: %u is how many datastores were created. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Datastore Created",
                                            "%u Datastores Created",
                                            created), created);
      detail = _("Activate one to show it in the main window.");
    }
  else
    {
      /* Translators: how a bulk creation went, e.g. "97 created, 3 failed". */
      title = g_strdup_printf (_("%u created, %u failed"), created, failed);
      detail = _("Retry Failed sends the failed ones again, and only those, in a new request.");
    }

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), creating);
  gtk_spinner_set_spinning (self->spinner, creating);
  gtk_label_set_label (self->error_label, error != NULL ? error : "");
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), !creating && failed > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reconcile_button), !creating && unknown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results-page.retry-failed",
                                 !creating && failed > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results-page.reconcile",
                                 !creating && unknown > 0);
}

/* Callbacks and actions */

static void
activate_cb (StewardOnboardingResultsPage *self,
             guint                         position)
{
  steward_onboarding_results_page_activate_row (self, position);
}

static void
retry_failed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardOnboardingResultsPage *self = STEWARD_ONBOARDING_RESULTS_PAGE (widget);

  steward_onboarding_retry_failed (self->onboarding);
}

static void
reconcile_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StewardOnboardingResultsPage *self = STEWARD_ONBOARDING_RESULTS_PAGE (widget);

  steward_onboarding_reconcile (self->onboarding);
}

/* StewardOnboardingPage */

static const char *
page_get_title (StewardOnboardingPage *page)
{
  return _("Results");
}

/* Reaching this page is pressing Create: what was never sent, or was refused, goes out. */
static void
page_activate (StewardOnboardingPage *page)
{
  StewardOnboardingResultsPage *self = STEWARD_ONBOARDING_RESULTS_PAGE (page);

  steward_onboarding_create (self->onboarding);
  update_summary (self);
}

static gboolean
page_can_go_next (StewardOnboardingPage *page)
{
  return FALSE;
}

static void
page_iface_init (StewardOnboardingPageInterface *iface)
{
  iface->get_title = page_get_title;
  iface->activate = page_activate;
  iface->can_go_next = page_can_go_next;
}

/* GObject */

static void
steward_onboarding_results_page_constructed (GObject *object)
{
  StewardOnboardingResultsPage *self = STEWARD_ONBOARDING_RESULTS_PAGE (object);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  static const char * const counts[] = {
    "notify::creating", "notify::n-created", "notify::n-create-failed", "notify::n-unknown",
    "notify::create-error",
  };

  G_OBJECT_CLASS (steward_onboarding_results_page_parent_class)->constructed (object);

  g_assert (STEWARD_IS_ONBOARDING (self->onboarding));
  factory = steward_onboarding_target_row_factory_new (TRUE);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (steward_onboarding_get_plan (self->onboarding)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_signal_connect_object (self->onboarding, counts[i], G_CALLBACK (update_summary), self,
                             G_CONNECT_SWAPPED);
  update_summary (self);
}

static void
steward_onboarding_results_page_dispose (GObject *object)
{
  StewardOnboardingResultsPage *self = STEWARD_ONBOARDING_RESULTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ONBOARDING_RESULTS_PAGE);
  g_clear_object (&self->onboarding);

  G_OBJECT_CLASS (steward_onboarding_results_page_parent_class)->dispose (object);
}

static void
steward_onboarding_results_page_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  StewardOnboardingResultsPage *self = STEWARD_ONBOARDING_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ONBOARDING:
      g_value_set_object (value, self->onboarding);
      break;
    case PROP_CAN_GO_NEXT:
      g_value_set_boolean (value, FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_results_page_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  StewardOnboardingResultsPage *self = STEWARD_ONBOARDING_RESULTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ONBOARDING:
      self->onboarding = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_results_page_class_init (StewardOnboardingResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steward_onboarding_results_page_constructed;
  object_class->dispose = steward_onboarding_results_page_dispose;
  object_class->get_property = steward_onboarding_results_page_get_property;
  object_class->set_property = steward_onboarding_results_page_set_property;

  g_object_class_override_property (object_class, PROP_ONBOARDING, "onboarding");
  g_object_class_override_property (object_class, PROP_CAN_GO_NEXT, "can-go-next");

  /**
   * StewardOnboardingResultsPage::datastore-activated:
   * @datastore_id: the created datastore
   *
   * A created datastore's row was activated.
   */
  signals[DATASTORE_ACTIVATED] = g_signal_new ("datastore-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/steward-onboarding-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingResultsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingResultsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingResultsPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingResultsPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingResultsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingResultsPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingResultsPage,
                                        reconcile_button);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingResultsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "results-page.retry-failed", NULL,
                                   retry_failed_action);
  gtk_widget_class_install_action (widget_class, "results-page.reconcile", NULL, reconcile_action);
}

static void
steward_onboarding_results_page_init (StewardOnboardingResultsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steward_onboarding_results_page_new (StewardOnboarding *onboarding)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (onboarding), NULL);

  return g_object_new (STEWARD_TYPE_ONBOARDING_RESULTS_PAGE, "onboarding", onboarding, NULL);
}

/* The line above the list, as shown. */
const char *
steward_onboarding_results_page_get_summary (StewardOnboardingResultsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_RESULTS_PAGE (self), NULL);
  return gtk_label_get_label (self->title_label);
}

/* As a click on the row at @position: a created datastore is shown in the main window. */
void
steward_onboarding_results_page_activate_row (StewardOnboardingResultsPage *self,
                                              guint                         position)
{
  g_autoptr(StewardOnboardingTarget) target = NULL;

  g_return_if_fail (STEWARD_IS_ONBOARDING_RESULTS_PAGE (self));

  target = g_list_model_get_item (steward_onboarding_get_plan (self->onboarding), position);
  if (target == NULL ||
      steward_onboarding_target_get_outcome (target) != STEWARD_TARGET_OUTCOME_CREATED ||
      steward_onboarding_target_get_datastore_id (target) <= 0)
    return;

  g_signal_emit (self, signals[DATASTORE_ACTIVATED], 0,
                 steward_onboarding_target_get_datastore_id (target));
}
