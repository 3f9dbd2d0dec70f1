/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-api.h"
#include "steward-confirm-dialog.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DELETE_GROUP_DIALOG (steward_delete_group_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardDeleteGroupDialog,
                      steward_delete_group_dialog,
                      STEWARD,
                      DELETE_GROUP_DIALOG,
                      StewardConfirmDialog)

StewardDeleteGroupDialog *steward_delete_group_dialog_new (GtkWindow             *parent,
                                                           StewardClient         *client,
                                                           StewardDatastoreGroup *group,
                                                           guint                  n_datastores);

StewardDatastoreGroup *steward_delete_group_dialog_get_group (StewardDeleteGroupDialog *self);

G_END_DECLS
