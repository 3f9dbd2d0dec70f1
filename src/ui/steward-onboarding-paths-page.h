/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-onboarding.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_PATHS_PAGE (steward_onboarding_paths_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardOnboardingPathsPage,
                      steward_onboarding_paths_page,
                      STEWARD,
                      ONBOARDING_PATHS_PAGE,
                      AdwBin)

GtkWidget *steward_onboarding_paths_page_new      (StewardOnboarding          *onboarding);
void       steward_onboarding_paths_page_set_text (StewardOnboardingPathsPage *self,
                                                   const char                 *text);

G_END_DECLS
