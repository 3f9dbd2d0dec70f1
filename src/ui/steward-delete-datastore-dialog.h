/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-api.h"
#include "steward-confirm-dialog.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DELETE_DATASTORE_DIALOG (steward_delete_datastore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardDeleteDatastoreDialog,
                      steward_delete_datastore_dialog,
                      STEWARD,
                      DELETE_DATASTORE_DIALOG,
                      StewardConfirmDialog)

StewardDeleteDatastoreDialog *steward_delete_datastore_dialog_new (GtkWindow        *parent,
                                                                   StewardClient    *client,
                                                                   StewardDatastore *datastore);

StewardDatastore *steward_delete_datastore_dialog_get_datastore (
    StewardDeleteDatastoreDialog *self);

G_END_DECLS
