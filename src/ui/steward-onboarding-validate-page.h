/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-onboarding.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_VALIDATE_PAGE (steward_onboarding_validate_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardOnboardingValidatePage,
                      steward_onboarding_validate_page,
                      STEWARD,
                      ONBOARDING_VALIDATE_PAGE,
                      AdwBin)

GtkWidget  *steward_onboarding_validate_page_new       (StewardOnboarding             *onboarding);
GListModel *steward_onboarding_validate_page_get_shown (StewardOnboardingValidatePage *self);
const char *steward_onboarding_validate_page_get_summary (StewardOnboardingValidatePage *self);

G_END_DECLS
