/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "steward-datastore-drag.h"
#include "steward-sidebar-item.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SIDEBAR_ROW (steward_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (StewardSidebarRow, steward_sidebar_row, STEWARD, SIDEBAR_ROW, GtkListBoxRow)

GtkWidget          *steward_sidebar_row_new      (StewardSidebarItem *item);
StewardSidebarItem *steward_sidebar_row_get_item (StewardSidebarRow  *self);
gboolean            steward_sidebar_row_drop     (StewardSidebarRow  *self,
                                                  StewardDatastoreDrag *drag);

G_END_DECLS
