/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-datastore.h"
#include "steward-datastore-group.h"

G_BEGIN_DECLS

void                   steward_client_list_groups_async    (StewardClient        *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GListModel            *steward_client_list_groups_finish   (StewardClient        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                   steward_client_create_group_async   (StewardClient        *self,
                                                            const char           *name,
                                                            const char           *icon,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
StewardDatastoreGroup *steward_client_create_group_finish  (StewardClient        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                   steward_client_update_group_async   (StewardClient        *self,
                                                            gint64                group_id,
                                                            const char           *name,
                                                            const char           *icon,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
StewardDatastoreGroup *steward_client_update_group_finish  (StewardClient        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                   steward_client_delete_group_async   (StewardClient        *self,
                                                            gint64                group_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean               steward_client_delete_group_finish  (StewardClient        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                   steward_client_assign_group_async   (StewardClient        *self,
                                                            gint64                datastore_id,
                                                            gint64                group_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
StewardDatastore      *steward_client_assign_group_finish  (StewardClient        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
