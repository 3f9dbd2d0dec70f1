/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-application.h"
#include "steward-main-view.h"
#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_WINDOW (steward_window_get_type ())

G_DECLARE_FINAL_TYPE (StewardWindow, steward_window, STEWARD, WINDOW, AdwApplicationWindow)

StewardWindow  *steward_window_new                (StewardApplication *application);
StewardSession *steward_window_get_session        (StewardWindow      *self);
GMenuModel     *steward_window_get_primary_menu   (StewardWindow      *self);
GtkWidget      *steward_window_get_main_view_slot (StewardWindow      *self);
StewardMainView *steward_window_get_main_view     (StewardWindow      *self);
void            steward_window_add_toast          (StewardWindow      *self,
                                                   AdwToast           *toast);

G_END_DECLS
