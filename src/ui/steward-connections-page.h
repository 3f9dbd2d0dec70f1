/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-connection-details.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CONNECTIONS_PAGE (steward_connections_page_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardConnectionsPage, steward_connections_page, STEWARD, CONNECTIONS_PAGE, AdwBin)

GtkWidget         *steward_connections_page_new            (void);
StewardDeployment *steward_connections_page_get_deployment (StewardConnectionsPage *self);
void               steward_connections_page_set_deployment (StewardConnectionsPage *self,
                                                            StewardDeployment      *deployment);
const char        *steward_connections_page_get_state      (StewardConnectionsPage *self);
GListModel        *steward_connections_page_get_shown      (StewardConnectionsPage *self);
StewardConnection *steward_connections_page_get_selected   (StewardConnectionsPage *self);
gboolean           steward_connections_page_select         (StewardConnectionsPage *self,
                                                            gint64                  connection_id);
guint steward_connections_page_get_n_datastores (StewardConnectionsPage *self,
                                                 gint64                  connection_id);
StewardConnectionDetails *steward_connections_page_get_details    (StewardConnectionsPage *self);
void                      steward_connections_page_set_search     (StewardConnectionsPage *self,
                                                                   const char             *text);
void steward_connections_page_set_key_capture_widget (StewardConnectionsPage *self,
                                                      GtkWidget              *widget);

G_END_DECLS
