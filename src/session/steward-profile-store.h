/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-profile.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PROFILE_STORE (steward_profile_store_get_type ())

G_DECLARE_FINAL_TYPE (StewardProfileStore, steward_profile_store, STEWARD, PROFILE_STORE, GObject)

StewardProfileStore *steward_profile_store_new             (GSettings           *settings);
void                 steward_profile_store_add             (StewardProfileStore *self,
                                                            StewardProfile      *profile);
gboolean             steward_profile_store_remove          (StewardProfileStore *self,
                                                            const char          *id);
StewardProfile      *steward_profile_store_find            (StewardProfileStore *self,
                                                            const char          *id);
StewardProfile      *steward_profile_store_find_by_url     (StewardProfileStore *self,
                                                            const char          *url);
const char          *steward_profile_store_get_current_id  (StewardProfileStore *self);
void                 steward_profile_store_set_current_id  (StewardProfileStore *self,
                                                            const char          *id);

G_END_DECLS
