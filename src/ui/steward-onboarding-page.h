/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "steward-onboarding.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_PAGE (steward_onboarding_page_get_type ())

G_DECLARE_INTERFACE (
    StewardOnboardingPage, steward_onboarding_page, STEWARD, ONBOARDING_PAGE, GtkWidget)

/* One page of the onboarding wizard. Pages show and change the StewardOnboarding they are given
 * (the "onboarding" property) and keep no state of their own beyond what widgets hold; the wizard
 * moves between them. */
struct _StewardOnboardingPageInterface
{
  GTypeInterface parent_iface;

  /* The page's title, for the window's subtitle. */
  const char *(*get_title)       (StewardOnboardingPage *self);
  /* The page is now shown: start what it needs (a discovery, validation…). */
  void        (*activate)        (StewardOnboardingPage *self);
  /* The page is left, either way: stop what only it needed. */
  void        (*deactivate)      (StewardOnboardingPage *self);
  /* Whether Next may be pressed; notify "can-go-next" when it changes. */
  gboolean    (*can_go_next)     (StewardOnboardingPage *self);
  /* Next was pressed: hand what the page holds to the onboarding. FALSE keeps the page (it shows
   * why). Optional. */
  gboolean    (*apply)           (StewardOnboardingPage *self);
  /* The Next button's label, with a mnemonic; NULL for "Next". Optional. */
  const char *(*get_next_label)  (StewardOnboardingPage *self);
};

StewardOnboarding *steward_onboarding_page_get_onboarding  (StewardOnboardingPage *self);
const char        *steward_onboarding_page_get_title       (StewardOnboardingPage *self);
void               steward_onboarding_page_activate        (StewardOnboardingPage *self);
void               steward_onboarding_page_deactivate      (StewardOnboardingPage *self);
gboolean           steward_onboarding_page_can_go_next     (StewardOnboardingPage *self);
gboolean           steward_onboarding_page_apply           (StewardOnboardingPage *self);
const char        *steward_onboarding_page_get_next_label  (StewardOnboardingPage *self);
void               steward_onboarding_page_notify_can_go_next (StewardOnboardingPage *self);

gboolean           steward_onboarding_page_show_load       (GtkStack              *stack,
                                                            GtkLabel              *error_label,
                                                            StewardLoadState       state,
                                                            const char            *error);

G_END_DECLS
