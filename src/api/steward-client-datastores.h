/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-datastore.h"
#include "steward-datastore-page.h"
#include "steward-datastore-query.h"
#include "steward-datastore-request.h"

G_BEGIN_DECLS

void                  steward_client_list_datastores_async  (StewardClient            *self,
                                                             StewardDatastoreQuery    *query,
                                                             guint                     page,
                                                             guint                     size,
                                                             GCancellable             *cancellable,
                                                             GAsyncReadyCallback       callback,
                                                             gpointer                  user_data);
StewardDatastorePage *steward_client_list_datastores_finish (StewardClient            *self,
                                                             GAsyncResult             *result,
                                                             GError                  **error);
void                  steward_client_get_datastore_async    (StewardClient            *self,
                                                             gint64                    datastore_id,
                                                             GCancellable             *cancellable,
                                                             GAsyncReadyCallback       callback,
                                                             gpointer                  user_data);
StewardDatastore     *steward_client_get_datastore_finish   (StewardClient            *self,
                                                             GAsyncResult             *result,
                                                             GError                  **error);
void                  steward_client_create_datastore_async (StewardClient            *self,
                                                             StewardDatastoreRequest  *request,
                                                             GCancellable             *cancellable,
                                                             GAsyncReadyCallback       callback,
                                                             gpointer                  user_data);
StewardDatastore     *steward_client_create_datastore_finish (StewardClient           *self,
                                                             GAsyncResult             *result,
                                                             GError                  **error);
void                  steward_client_update_datastore_async (StewardClient            *self,
                                                             gint64                    datastore_id,
                                                             StewardDatastoreRequest  *changes,
                                                             GCancellable             *cancellable,
                                                             GAsyncReadyCallback       callback,
                                                             gpointer                  user_data);
StewardDatastore     *steward_client_update_datastore_finish (StewardClient           *self,
                                                             GAsyncResult             *result,
                                                             GError                  **error);
void                  steward_client_delete_datastore_async (StewardClient            *self,
                                                             gint64                    datastore_id,
                                                             GCancellable             *cancellable,
                                                             GAsyncReadyCallback       callback,
                                                             gpointer                  user_data);
gboolean              steward_client_delete_datastore_finish (StewardClient           *self,
                                                             GAsyncResult             *result,
                                                             GError                  **error);
void                  steward_client_set_favorite_async     (StewardClient            *self,
                                                             gint64                    datastore_id,
                                                             gboolean                  favorite,
                                                             GCancellable             *cancellable,
                                                             GAsyncReadyCallback       callback,
                                                             gpointer                  user_data);
StewardDatastore     *steward_client_set_favorite_finish    (StewardClient            *self,
                                                             GAsyncResult             *result,
                                                             GError                  **error);

G_END_DECLS
