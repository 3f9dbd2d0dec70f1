/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-connection-tester.h"
#include "steward-connector-form.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CREATE_DATASTORE_DIALOG (steward_create_datastore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardCreateDatastoreDialog,
                      steward_create_datastore_dialog,
                      STEWARD,
                      CREATE_DATASTORE_DIALOG,
                      AdwWindow)

StewardCreateDatastoreDialog *steward_create_datastore_dialog_new (GtkWindow *parent,
                                                                   StewardClient *client,
                                                                   GListModel *groups);

StewardConnectorForm *steward_create_datastore_dialog_get_form (StewardCreateDatastoreDialog *self);

StewardConnectionTester *steward_create_datastore_dialog_get_tester (
    StewardCreateDatastoreDialog *self);

gboolean    steward_create_datastore_dialog_get_loading       (StewardCreateDatastoreDialog *self);
gboolean    steward_create_datastore_dialog_get_busy          (StewardCreateDatastoreDialog *self);
const char *steward_create_datastore_dialog_get_error_message (StewardCreateDatastoreDialog *self);
const char *steward_create_datastore_dialog_get_field_message (StewardCreateDatastoreDialog *self,
                                                               const char                   *field);

gboolean steward_create_datastore_dialog_select_connection (StewardCreateDatastoreDialog *self,
                                                            gint64 connection_id);

G_END_DECLS
