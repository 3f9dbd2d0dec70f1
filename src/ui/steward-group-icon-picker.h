/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_GROUP_ICON_PICKER (steward_group_icon_picker_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardGroupIconPicker, steward_group_icon_picker, STEWARD, GROUP_ICON_PICKER, GtkWidget)

GtkWidget  *steward_group_icon_picker_new      (void);
const char *steward_group_icon_picker_get_icon (StewardGroupIconPicker *self);
void        steward_group_icon_picker_set_icon (StewardGroupIconPicker *self,
                                                const char             *icon);

G_END_DECLS
