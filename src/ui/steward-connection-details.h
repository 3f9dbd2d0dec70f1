/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-connection-tester.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CONNECTION_DETAILS (steward_connection_details_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardConnectionDetails, steward_connection_details, STEWARD, CONNECTION_DETAILS, AdwBin)

GtkWidget         *steward_connection_details_new            (void);
StewardDeployment *steward_connection_details_get_deployment (StewardConnectionDetails *self);
void               steward_connection_details_set_deployment (StewardConnectionDetails *self,
                                                              StewardDeployment        *deployment);
StewardConnection *steward_connection_details_get_connection (StewardConnectionDetails *self);
void               steward_connection_details_set_connection (StewardConnectionDetails *self,
                                                              StewardConnection        *connection);
void               steward_connection_details_set_connectors (StewardConnectionDetails *self,
                                                              GListModel               *connectors);
void               steward_connection_details_set_denied     (StewardConnectionDetails *self,
                                                              const char               *why_not);

void steward_connection_details_update_datastores (StewardConnectionDetails *self);

StewardConnectionTester *steward_connection_details_get_tester (StewardConnectionDetails *self);
const char              *steward_connection_credentials_label  (StewardConnectorSpec     *spec);

G_END_DECLS
