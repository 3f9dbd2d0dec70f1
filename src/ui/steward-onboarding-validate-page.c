/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-onboarding-page.h"
#include "steward-onboarding-target-row.h"
#include "steward-onboarding-validate-page.h"

/* Step 4: the selected schemas are checked by the server, in batches of at most 50, each row
 * showing its own progress and, for a failure, the server's message. Failures are skipped:
 * Next goes on with the schemas that passed. A request that fails as a whole stops the run and
 * shows why, with Check Again. Leaving the page stops the checks; coming back asks only about the
 * schemas without an answer. */
struct _StewardOnboardingValidatePage
{
  AdwBin              parent_instance;

  StewardOnboarding  *onboarding;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *detail_label;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkToggleButton    *failures_toggle;
  GtkListView        *list_view;
};

static void page_iface_init (StewardOnboardingPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardOnboardingValidatePage, steward_onboarding_validate_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_ONBOARDING_PAGE,
                                                      page_iface_init))

enum {
  PROP_0,
  PROP_ONBOARDING,
  PROP_CAN_GO_NEXT,
  N_PROPS
};

static gboolean
is_failure (StewardOnboardingTarget *target)
{
  StewardTargetCheck check = steward_onboarding_target_get_check (target);

  return check == STEWARD_TARGET_CHECK_FAILED || check == STEWARD_TARGET_CHECK_ERROR;
}

static gboolean
target_shown (gpointer item,
              gpointer user_data)
{
  StewardOnboardingValidatePage *self = user_data;

  return steward_onboarding_target_get_selected (item) &&
         (!gtk_toggle_button_get_active (self->failures_toggle) || is_failure (item));
}

static void
update_summary (StewardOnboardingValidatePage *self)
{
  StewardOnboarding *onboarding = self->onboarding;
  guint to_check = steward_onboarding_get_n_to_check (onboarding);
  guint checked = steward_onboarding_get_n_checked (onboarding);
  guint passed = steward_onboarding_get_n_passed (onboarding);
  guint failed = steward_onboarding_get_n_failed (onboarding);
  const char *error = steward_onboarding_get_check_error (onboarding);
  gboolean dfs = steward_onboarding_get_dfs (onboarding);
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  if (steward_onboarding_get_validating (onboarding))
    {
      title = g_strdup (dfs ? _("Checking the root paths…") : _("Checking the schemas…"));
      /* Translators: progress of validation, e.g. "50 of 120 checked". */
      detail = g_strdup_printf (_("%u of %u checked"), checked, to_check);
    }
  else if (error != NULL)
    {
      title = g_strdup (_("Checking Stopped"));
      /* Translators: progress of validation, e.g. "50 of 120 checked". */
      detail = g_strdup_printf (_("%u of %u checked"), checked, to_check);
    }
  else if (failed == 0)
    {
      /* Translators: %u is how many schemas (or root paths) passed validation. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u can be onboarded",
                                            "All %u can be onboarded",
                                            passed), passed);
      detail = g_strdup (_("The server can read each one."));
    }
  else
    {
      /* Translators: the first %u is how many passed validation, the second how many were
       * checked. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u can be onboarded",
                                            "%u of %u can be onboarded",
                                            to_check), passed, to_check);
      if (passed > 0)
        /* Translators: %u is how many failed validation. */
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u failed and will be skipped: go on with the "
                                               "others, or go back to change the selection.",
                                               "%u failed and will be skipped: go on with the "
                                               "others, or go back to change the selection.",
                                               failed), failed);
      else
        detail = g_strdup (_("None passed. Go back to choose others, or to check the connection."));
    }

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 to_check > 0 ? (double) checked / to_check : 0.0);
  gtk_label_set_label (self->error_label, error != NULL ? error : "");
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
  if (gtk_toggle_button_get_active (self->failures_toggle))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

/* Callbacks */

static void
failures_toggled_cb (StewardOnboardingValidatePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StewardOnboardingValidatePage *self = STEWARD_ONBOARDING_VALIDATE_PAGE (widget);

  steward_onboarding_validate (self->onboarding);
}

/* StewardOnboardingPage */

static const char *
page_get_title (StewardOnboardingPage *page)
{
  return _("Validation");
}

static void
page_activate (StewardOnboardingPage *page)
{
  StewardOnboardingValidatePage *self = STEWARD_ONBOARDING_VALIDATE_PAGE (page);

  /* The selection may have changed since the page was last shown. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  steward_onboarding_validate (self->onboarding);
  update_summary (self);
}

static void
page_deactivate (StewardOnboardingPage *page)
{
  StewardOnboardingValidatePage *self = STEWARD_ONBOARDING_VALIDATE_PAGE (page);

  steward_onboarding_stop_validation (self->onboarding);
}

static gboolean
page_can_go_next (StewardOnboardingPage *page)
{
  StewardOnboardingValidatePage *self = STEWARD_ONBOARDING_VALIDATE_PAGE (page);

  return !steward_onboarding_get_validating (self->onboarding) &&
         steward_onboarding_get_n_passed (self->onboarding) > 0;
}

static const char *
page_get_next_label (StewardOnboardingPage *page)
{
  StewardOnboardingValidatePage *self = STEWARD_ONBOARDING_VALIDATE_PAGE (page);

  return steward_onboarding_get_n_failed (self->onboarding) > 0 ? _("_Skip Failures") : NULL;
}

static void
page_iface_init (StewardOnboardingPageInterface *iface)
{
  iface->get_title = page_get_title;
  iface->activate = page_activate;
  iface->deactivate = page_deactivate;
  iface->can_go_next = page_can_go_next;
  iface->get_next_label = page_get_next_label;
}

/* GObject */

static void
steward_onboarding_validate_page_constructed (GObject *object)
{
  StewardOnboardingValidatePage *self = STEWARD_ONBOARDING_VALIDATE_PAGE (object);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  static const char * const counts[] = {
    "notify::validating", "notify::n-checked", "notify::n-to-check", "notify::n-passed",
    "notify::n-failed", "notify::check-error",
  };

  G_OBJECT_CLASS (steward_onboarding_validate_page_parent_class)->constructed (object);

  g_assert (STEWARD_IS_ONBOARDING (self->onboarding));
  self->filter = gtk_custom_filter_new (target_shown, self, NULL);
  self->filtered =
    gtk_filter_list_model_new (g_object_ref (steward_onboarding_get_targets (self->onboarding)),
                                              GTK_FILTER (g_object_ref (self->filter)));

  factory = steward_onboarding_target_row_factory_new (FALSE);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_signal_connect_object (self->onboarding, counts[i], G_CALLBACK (update_summary), self,
                             G_CONNECT_SWAPPED);
}

static void
steward_onboarding_validate_page_dispose (GObject *object)
{
  StewardOnboardingValidatePage *self = STEWARD_ONBOARDING_VALIDATE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ONBOARDING_VALIDATE_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->onboarding);

  G_OBJECT_CLASS (steward_onboarding_validate_page_parent_class)->dispose (object);
}

static void
steward_onboarding_validate_page_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  StewardOnboardingValidatePage *self = STEWARD_ONBOARDING_VALIDATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ONBOARDING:
      g_value_set_object (value, self->onboarding);
      break;
    case PROP_CAN_GO_NEXT:
      g_value_set_boolean (value, page_can_go_next (STEWARD_ONBOARDING_PAGE (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_validate_page_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  StewardOnboardingValidatePage *self = STEWARD_ONBOARDING_VALIDATE_PAGE (object);

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
steward_onboarding_validate_page_class_init (StewardOnboardingValidatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steward_onboarding_validate_page_constructed;
  object_class->dispose = steward_onboarding_validate_page_dispose;
  object_class->get_property = steward_onboarding_validate_page_get_property;
  object_class->set_property = steward_onboarding_validate_page_set_property;

  g_object_class_override_property (object_class, PROP_ONBOARDING, "onboarding");
  g_object_class_override_property (object_class, PROP_CAN_GO_NEXT, "can-go-next");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/steward-onboarding-validate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingValidatePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingValidatePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingValidatePage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingValidatePage,
                                        error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingValidatePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingValidatePage,
                                        failures_toggle);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingValidatePage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, failures_toggled_cb);

  gtk_widget_class_install_action (widget_class, "validate-page.retry", NULL, retry_action);
}

static void
steward_onboarding_validate_page_init (StewardOnboardingValidatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steward_onboarding_validate_page_new (StewardOnboarding *onboarding)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (onboarding), NULL);

  return g_object_new (STEWARD_TYPE_ONBOARDING_VALIDATE_PAGE, "onboarding", onboarding, NULL);
}

/* Returns: (transfer none): the targets the list shows */
GListModel *
steward_onboarding_validate_page_get_shown (StewardOnboardingValidatePage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_VALIDATE_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/* The summary above the list, as shown. */
const char *
steward_onboarding_validate_page_get_summary (StewardOnboardingValidatePage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_VALIDATE_PAGE (self), NULL);
  return gtk_label_get_label (self->title_label);
}
