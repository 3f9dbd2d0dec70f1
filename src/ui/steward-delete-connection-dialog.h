/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-confirm-dialog.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DELETE_CONNECTION_DIALOG (steward_delete_connection_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardDeleteConnectionDialog, steward_delete_connection_dialog,
                      STEWARD, DELETE_CONNECTION_DIALOG, StewardConfirmDialog)

StewardDeleteConnectionDialog *
steward_delete_connection_dialog_new            (GtkWindow                     *parent,
                                                 StewardDeployment             *deployment,
                                                 StewardConnection             *connection);
StewardConnection *
steward_delete_connection_dialog_get_connection (StewardDeleteConnectionDialog *self);
guint
steward_delete_connection_dialog_get_n_users    (StewardDeleteConnectionDialog *self);

G_END_DECLS
