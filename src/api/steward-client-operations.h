/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-operation.h"

G_BEGIN_DECLS

void              steward_client_run_sync_async          (StewardClient        *self,
                                                          gint64                datastore_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
StewardOperation *steward_client_run_sync_finish         (StewardClient        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void              steward_client_get_operation_async     (StewardClient        *self,
                                                          gint64                operation_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
StewardOperation *steward_client_get_operation_finish    (StewardClient        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void              steward_client_list_operations_async   (StewardClient        *self,
                                                          gint64                datastore_id,
                                                          guint                 size,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
GListModel       *steward_client_list_operations_finish  (StewardClient        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void              steward_client_follow_operation_async  (StewardClient        *self,
                                                          StewardOperation     *operation,
                                                          guint                 interval_ms,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
StewardOperation *steward_client_follow_operation_finish (StewardClient        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
