/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-onboarding.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_CATALOG_PAGE (steward_onboarding_catalog_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardOnboardingCatalogPage,
                      steward_onboarding_catalog_page,
                      STEWARD,
                      ONBOARDING_CATALOG_PAGE,
                      AdwBin)

GtkWidget *steward_onboarding_catalog_page_new (StewardOnboarding *onboarding);

G_END_DECLS
