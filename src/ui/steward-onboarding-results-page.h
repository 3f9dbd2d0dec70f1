/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-onboarding.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_RESULTS_PAGE (steward_onboarding_results_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardOnboardingResultsPage,
                      steward_onboarding_results_page,
                      STEWARD,
                      ONBOARDING_RESULTS_PAGE,
                      AdwBin)

GtkWidget  *steward_onboarding_results_page_new       (StewardOnboarding            *onboarding);
const char *steward_onboarding_results_page_get_summary (StewardOnboardingResultsPage *self);
void        steward_onboarding_results_page_activate_row (StewardOnboardingResultsPage *self,
                                                          guint                         position);

G_END_DECLS
