/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-api.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SIDEBAR_ITEM (steward_sidebar_item_get_type ())

G_DECLARE_FINAL_TYPE (StewardSidebarItem, steward_sidebar_item, STEWARD, SIDEBAR_ITEM, GObject)

StewardSidebarItem    *steward_sidebar_item_new           (StewardScope           scope,
                                                           StewardDatastoreGroup *group);
StewardScope           steward_sidebar_item_get_scope     (StewardSidebarItem    *self);
StewardDatastoreGroup *steward_sidebar_item_get_group     (StewardSidebarItem    *self);
gint64                 steward_sidebar_item_get_group_id  (StewardSidebarItem    *self);
const char            *steward_sidebar_item_get_title     (StewardSidebarItem    *self);
const char            *steward_sidebar_item_get_icon_name (StewardSidebarItem    *self);
gint64                 steward_sidebar_item_get_count     (StewardSidebarItem    *self);
void                   steward_sidebar_item_set_count     (StewardSidebarItem    *self,
                                                           gint64                 count);
gboolean               steward_sidebar_item_accepts_drop  (StewardSidebarItem    *self);
StewardSidebarItem    *steward_sidebar_item_new_connections (void);
gboolean               steward_sidebar_item_is_connections  (StewardSidebarItem    *self);
StewardSidebarItem    *steward_sidebar_item_new_activity    (void);
gboolean               steward_sidebar_item_is_activity     (StewardSidebarItem    *self);

G_END_DECLS
