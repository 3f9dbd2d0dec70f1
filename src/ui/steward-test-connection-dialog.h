/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-connection-tester.h"
#include "steward-connector-form.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_TEST_CONNECTION_DIALOG (steward_test_connection_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardTestConnectionDialog,
                      steward_test_connection_dialog,
                      STEWARD,
                      TEST_CONNECTION_DIALOG,
                      AdwWindow)

StewardTestConnectionDialog *steward_test_connection_dialog_new (GtkWindow *parent,
                                                                 StewardClient *client);

StewardConnectorForm *steward_test_connection_dialog_get_form (StewardTestConnectionDialog *self);

StewardConnectionTester *steward_test_connection_dialog_get_tester (
    StewardTestConnectionDialog *self);
gboolean steward_test_connection_dialog_get_loading (StewardTestConnectionDialog *self);

G_END_DECLS
