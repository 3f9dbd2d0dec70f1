/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-application.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_WINDOW (steward_window_get_type ())

G_DECLARE_FINAL_TYPE (StewardWindow, steward_window, STEWARD, WINDOW, AdwApplicationWindow)

StewardWindow *steward_window_new (StewardApplication *application);

G_END_DECLS
