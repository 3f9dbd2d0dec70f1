/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "steward-onboarding-target.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_TARGET_ROW (steward_onboarding_target_row_get_type ())

G_DECLARE_FINAL_TYPE (StewardOnboardingTargetRow, steward_onboarding_target_row, STEWARD,
                      ONBOARDING_TARGET_ROW, GtkWidget)

StewardOnboardingTarget *steward_onboarding_target_row_get_target (
    StewardOnboardingTargetRow *self);

void     steward_onboarding_target_row_set_target      (StewardOnboardingTargetRow *self,
                                                        StewardOnboardingTarget    *target);
gboolean steward_onboarding_target_row_get_activatable (StewardOnboardingTargetRow *self);

GtkListItemFactory *steward_onboarding_target_row_factory_new (gboolean creation);

G_END_DECLS
