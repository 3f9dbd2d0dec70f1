/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_DATASTORE_GROUP (steward_datastore_group_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardDatastoreGroup, steward_datastore_group, STEWARD, DATASTORE_GROUP, GObject)

StewardDatastoreGroup *steward_datastore_group_new_from_json (JsonObject            *object);
gint64                 steward_datastore_group_get_id        (StewardDatastoreGroup *self);
const char            *steward_datastore_group_get_name      (StewardDatastoreGroup *self);
void                   steward_datastore_group_set_name      (StewardDatastoreGroup *self,
                                                              const char            *name);
const char            *steward_datastore_group_get_icon      (StewardDatastoreGroup *self);
void                   steward_datastore_group_set_icon      (StewardDatastoreGroup *self,
                                                              const char            *icon);
const char            *steward_datastore_group_get_icon_name (StewardDatastoreGroup *self);
GDateTime             *steward_datastore_group_get_created   (StewardDatastoreGroup *self);
void                   steward_datastore_group_update_from   (StewardDatastoreGroup *self,
                                                              StewardDatastoreGroup *other);

G_END_DECLS
