/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "steward-client.h"
#include "steward-connection.h"
#include "steward-datastore-request.h"

G_BEGIN_DECLS

void               steward_client_list_connections_async   (StewardClient            *self,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
GListModel        *steward_client_list_connections_finish  (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void               steward_client_get_connection_async     (StewardClient            *self,
                                                            gint64                    connection_id,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
StewardConnection *steward_client_get_connection_finish    (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void               steward_client_create_connection_async  (StewardClient            *self,
                                                            JsonObject               *connection,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
StewardConnection *steward_client_create_connection_finish (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void               steward_client_update_connection_async  (StewardClient            *self,
                                                            gint64                    connection_id,
                                                            JsonObject               *changes,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
StewardConnection *steward_client_update_connection_finish (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void               steward_client_delete_connection_async  (StewardClient            *self,
                                                            gint64                    connection_id,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean           steward_client_delete_connection_finish (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);

void               steward_client_test_connection_async    (StewardClient            *self,
                                                            StewardDatastoreRequest  *request,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean           steward_client_test_connection_finish   (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void               steward_client_verify_datastore_async   (StewardClient            *self,
                                                            gint64                    datastore_id,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean           steward_client_verify_datastore_finish  (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            char                    **message,
                                                            GError                  **error);
void               steward_client_test_connection_by_id_async  (StewardClient        *self,
                                                                gint64                connection_id,
                                                                JsonObject           *overrides,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean           steward_client_test_connection_by_id_finish (StewardClient        *self,
                                                                GAsyncResult         *result,
                                                                char                **message,
                                                                GError              **error);

G_END_DECLS
