/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "steward-onboarding-page.h"

/* The interface between the onboarding wizard and its pages, after the page interface of GNOME
 * Calendar's calendar management dialog: the window only navigates, each page does one step.
 * Every page has an "onboarding" property (construct-only, the state it shows) and a
 * "can-go-next" property that the wizard follows to enable Next. */

G_DEFINE_INTERFACE (StewardOnboardingPage, steward_onboarding_page, GTK_TYPE_WIDGET)

static void
steward_onboarding_page_default_init (StewardOnboardingPageInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_object ("onboarding", NULL, NULL, STEWARD_TYPE_ONBOARDING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_boolean ("can-go-next", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

/* Returns: (transfer none) */
StewardOnboarding *
steward_onboarding_page_get_onboarding (StewardOnboardingPage *self)
{
  g_autoptr(StewardOnboarding) onboarding = NULL;

  g_return_val_if_fail (STEWARD_IS_ONBOARDING_PAGE (self), NULL);

  g_object_get (self, "onboarding", &onboarding, NULL);
  return onboarding;   /* the page keeps it */
}

const char *
steward_onboarding_page_get_title (StewardOnboardingPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_PAGE (self), NULL);

  return STEWARD_ONBOARDING_PAGE_GET_IFACE (self)->get_title (self);
}

void
steward_onboarding_page_activate (StewardOnboardingPage *self)
{
  StewardOnboardingPageInterface *iface;

  g_return_if_fail (STEWARD_IS_ONBOARDING_PAGE (self));

  iface = STEWARD_ONBOARDING_PAGE_GET_IFACE (self);
  if (iface->activate != NULL)
    iface->activate (self);
}

void
steward_onboarding_page_deactivate (StewardOnboardingPage *self)
{
  StewardOnboardingPageInterface *iface;

  g_return_if_fail (STEWARD_IS_ONBOARDING_PAGE (self));

  iface = STEWARD_ONBOARDING_PAGE_GET_IFACE (self);
  if (iface->deactivate != NULL)
    iface->deactivate (self);
}

gboolean
steward_onboarding_page_can_go_next (StewardOnboardingPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_PAGE (self), FALSE);

  return STEWARD_ONBOARDING_PAGE_GET_IFACE (self)->can_go_next (self);
}

gboolean
steward_onboarding_page_apply (StewardOnboardingPage *self)
{
  StewardOnboardingPageInterface *iface;

  g_return_val_if_fail (STEWARD_IS_ONBOARDING_PAGE (self), FALSE);

  iface = STEWARD_ONBOARDING_PAGE_GET_IFACE (self);
  return iface->apply == NULL || iface->apply (self);
}

/* Returns: (nullable) */
const char *
steward_onboarding_page_get_next_label (StewardOnboardingPage *self)
{
  StewardOnboardingPageInterface *iface;

  g_return_val_if_fail (STEWARD_IS_ONBOARDING_PAGE (self), NULL);

  iface = STEWARD_ONBOARDING_PAGE_GET_IFACE (self);
  return iface->get_next_label != NULL ? iface->get_next_label (self) : NULL;
}

/* For the pages: their answer to can_go_next() may have changed. */
void
steward_onboarding_page_notify_can_go_next (StewardOnboardingPage *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING_PAGE (self));

  g_object_notify (G_OBJECT (self), "can-go-next");
}

/* Shows a discovery's progress in STACK, whose pages are "loading" and "error" (ERROR_LABEL
 * says what failed, with a Retry of the page's own) besides what the page shows once it is done.
 * Returns: whether the discovery is done, for the caller to show its "list" or "empty" page. */
gboolean
steward_onboarding_page_show_load (GtkStack         *stack,
                                   GtkLabel         *error_label,
                                   StewardLoadState  state,
                                   const char       *error)
{
  g_return_val_if_fail (GTK_IS_STACK (stack), FALSE);
  g_return_val_if_fail (GTK_IS_LABEL (error_label), FALSE);

  switch (state)
    {
    case STEWARD_LOAD_IDLE:
    case STEWARD_LOAD_RUNNING:
      gtk_stack_set_visible_child_name (stack, "loading");
      return FALSE;
    case STEWARD_LOAD_FAILED:
      gtk_label_set_label (error_label, error != NULL ? error : "");
      gtk_stack_set_visible_child_name (stack, "error");
      return FALSE;
    case STEWARD_LOAD_DONE:
    default:
      return TRUE;
    }
}
