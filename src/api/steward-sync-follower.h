/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-operation.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SYNC_FOLLOWER (steward_sync_follower_get_type ())

G_DECLARE_FINAL_TYPE (StewardSyncFollower, steward_sync_follower, STEWARD, SYNC_FOLLOWER, GObject)

StewardSyncFollower *steward_sync_follower_new              (StewardClient        *client,
                                                             gint64                datastore_id);
gint64               steward_sync_follower_get_datastore_id (StewardSyncFollower  *self);
StewardOperation    *steward_sync_follower_get_operation    (StewardSyncFollower  *self);
void                 steward_sync_follower_follow_async     (StewardSyncFollower  *self,
                                                             guint                 interval_ms,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
StewardOperation    *steward_sync_follower_follow_finish    (StewardSyncFollower  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
