/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "steward-profile.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ENVIRONMENT_BADGE (steward_environment_badge_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardEnvironmentBadge, steward_environment_badge, STEWARD, ENVIRONMENT_BADGE, GtkWidget)

GtkWidget      *steward_environment_badge_new         (void);
StewardProfile *steward_environment_badge_get_profile (StewardEnvironmentBadge *self);
void            steward_environment_badge_set_profile (StewardEnvironmentBadge *self,
                                                       StewardProfile          *profile);

G_END_DECLS
