/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_DISCOVERED_ITEM (steward_discovered_item_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardDiscoveredItem, steward_discovered_item, STEWARD, DISCOVERED_ITEM, GObject)

StewardDiscoveredItem *steward_discovered_item_new_from_json     (JsonNode              *node);
const char            *steward_discovered_item_get_name          (StewardDiscoveredItem *self);
guint                  steward_discovered_item_get_n_existing    (StewardDiscoveredItem *self);
gint64                 steward_discovered_item_get_existing_id   (StewardDiscoveredItem *self,
                                                                  guint                  index);
const char            *steward_discovered_item_get_existing_name (StewardDiscoveredItem *self,
                                                                  guint                  index);

G_END_DECLS
