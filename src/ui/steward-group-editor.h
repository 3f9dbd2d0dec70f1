/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_GROUP_EDITOR (steward_group_editor_get_type ())

G_DECLARE_FINAL_TYPE (StewardGroupEditor, steward_group_editor, STEWARD, GROUP_EDITOR, AdwWindow)

StewardGroupEditor    *steward_group_editor_new       (GtkWindow             *parent,
                                                       StewardClient         *client,
                                                       GListModel            *groups,
                                                       StewardDatastoreGroup *group);
StewardDatastoreGroup *steward_group_editor_get_group (StewardGroupEditor    *self);

G_END_DECLS
