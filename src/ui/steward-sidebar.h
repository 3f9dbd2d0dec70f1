/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-sidebar-item.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SIDEBAR (steward_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (StewardSidebar, steward_sidebar, STEWARD, SIDEBAR, AdwBin)

void                steward_sidebar_set_groups        (StewardSidebar *self,
                                                       GListModel     *groups);
StewardSidebarItem *steward_sidebar_get_selected_item (StewardSidebar *self);
gboolean            steward_sidebar_select            (StewardSidebar *self,
                                                       StewardScope    scope,
                                                       gint64          group_id);
StewardSidebarItem *steward_sidebar_find_item         (StewardSidebar *self,
                                                       StewardScope    scope,
                                                       gint64          group_id);
GtkWidget          *steward_sidebar_find_row          (StewardSidebar *self,
                                                       StewardScope    scope,
                                                       gint64          group_id);

void                steward_sidebar_explain_new_group (StewardSidebar *self,
                                                       const char     *why_not);
gboolean            steward_sidebar_get_connections_selected (StewardSidebar *self);
void                steward_sidebar_select_connections       (StewardSidebar *self);
gboolean            steward_sidebar_get_activity_selected    (StewardSidebar *self);
void                steward_sidebar_select_activity          (StewardSidebar *self);

G_END_DECLS
