/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "steward-bulk-result.h"
#include "steward-client.h"
#include "steward-datastore-request.h"
#include "steward-discovered-item.h"
#include "steward-validation-result.h"

G_BEGIN_DECLS

/* Multi-schema onboarding. Each call works on an existing connection (@connection_id > 0) or on
 * a new one described by @new_connection. */

void        steward_client_discover_catalogs_async  (StewardClient            *self,
                                                     gint64                    connection_id,
                                                     JsonObject               *new_connection,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
GListModel *steward_client_discover_catalogs_finish (StewardClient            *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);
void        steward_client_discover_schemas_async   (StewardClient            *self,
                                                     gint64                    connection_id,
                                                     JsonObject               *new_connection,
                                                     const char               *catalog,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
GListModel *steward_client_discover_schemas_finish  (StewardClient            *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);
void        steward_client_validate_schemas_async   (StewardClient            *self,
                                                     gint64                    connection_id,
                                                     JsonObject               *new_connection,
                                                     const char               *database,
                                                     const char * const       *schemas,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
GListModel *steward_client_validate_schemas_finish  (StewardClient            *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);
void steward_client_validate_root_paths_async (StewardClient           *self,
                                               gint64                    connection_id,
                                               JsonObject               *new_connection,
                                               const char * const       *root_paths,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
GListModel        *steward_client_validate_root_paths_finish (StewardClient          *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void               steward_client_bulk_create_async        (StewardClient            *self,
                                                            gint64                    connection_id,
                                                            StewardDatastoreRequest  *request,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
StewardBulkResult *steward_client_bulk_create_finish       (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);

G_END_DECLS
