/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEWARD_GROUP_ICON_DEFAULT "mdi-bookmark-box-outline"

guint       steward_group_icon_get_count     (void);
const char *steward_group_icon_get_value     (guint       index);
gboolean    steward_group_icon_is_valid      (const char *value);
const char *steward_group_icon_get_icon_name (const char *value);
const char *steward_group_icon_get_label     (const char *value);
const char *steward_group_icon_from_icon_name (const char *icon_name);

G_END_DECLS
