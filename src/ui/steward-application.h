/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_APPLICATION (steward_application_get_type ())

G_DECLARE_FINAL_TYPE (StewardApplication, steward_application, STEWARD, APPLICATION, AdwApplication)

StewardApplication *steward_application_new         (void);
StewardSession     *steward_application_get_session (StewardApplication *self);
void                steward_application_open_profile (StewardApplication *self,
                                                      const char         *profile_id);

G_END_DECLS
