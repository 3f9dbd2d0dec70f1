/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-chip-editor.h"
#include "steward-onboarding.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_SETTINGS_PAGE (steward_onboarding_settings_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardOnboardingSettingsPage,
                      steward_onboarding_settings_page,
                      STEWARD,
                      ONBOARDING_SETTINGS_PAGE,
                      AdwBin)

GtkWidget *steward_onboarding_settings_page_new (StewardOnboarding             *onboarding);

const char *steward_onboarding_settings_page_get_names_summary (
    StewardOnboardingSettingsPage *self);
const char *steward_onboarding_settings_page_get_template_message (
    StewardOnboardingSettingsPage *self);

G_END_DECLS
