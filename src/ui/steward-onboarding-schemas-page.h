/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-onboarding.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_SCHEMAS_PAGE (steward_onboarding_schemas_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardOnboardingSchemasPage,
                      steward_onboarding_schemas_page,
                      STEWARD,
                      ONBOARDING_SCHEMAS_PAGE,
                      AdwBin)

GtkWidget  *steward_onboarding_schemas_page_new          (StewardOnboarding            *onboarding);
GListModel *steward_onboarding_schemas_page_get_shown    (StewardOnboardingSchemasPage *self);
void        steward_onboarding_schemas_page_set_search   (StewardOnboardingSchemasPage *self,
                                                          const char                   *search);
const char *steward_onboarding_schemas_page_get_count    (StewardOnboardingSchemasPage *self);

G_END_DECLS
