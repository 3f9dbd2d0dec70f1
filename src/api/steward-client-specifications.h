/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-connector-spec.h"

G_BEGIN_DECLS

/* GET /datastores/specifications: the server's own connector forms, as StewardConnectorSpec. */
void        steward_client_get_specifications_async   (StewardClient        *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GListModel *steward_client_get_specifications_finish  (StewardClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* The connectors a form offers: the built-in table, with the server's descriptions in place of
 * the built-in ones when the server has the specifications endpoint. Fails only when cancelled
 * or when the built-in table is missing. */
void        steward_client_load_connectors_async      (StewardClient        *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GListModel *steward_client_load_connectors_finish     (StewardClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
