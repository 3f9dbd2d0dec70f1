/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_OPERATION_WATCH (steward_operation_watch_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardOperationWatch, steward_operation_watch, STEWARD, OPERATION_WATCH, GObject)

StewardOperationWatch *steward_operation_watch_get          (StewardDeployment      *deployment);
guint                  steward_operation_watch_get_interval (StewardOperationWatch  *self);
void                   steward_operation_watch_set_interval (StewardOperationWatch  *self,
                                                             guint                   interval_ms);
StewardOperation      *steward_operation_watch_track        (StewardOperationWatch  *self,
                                                             StewardOperation       *operation);
void                   steward_operation_watch_adopt        (StewardOperationWatch  *self,
                                                             StewardOperation       *operation);
guint                  steward_operation_watch_get_n_running (StewardOperationWatch *self);
void                   steward_operation_watch_run_async    (StewardOperationWatch  *self,
                                                             gint64                  datastore_id,
                                                             const char             *type,
                                                             const StewardRunOptions *options,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
StewardOperation      *steward_operation_watch_run_finish   (StewardOperationWatch  *self,
                                                             GAsyncResult           *result,
                                                             GError                **error);
void                   steward_operation_watch_abort_async  (StewardOperationWatch  *self,
                                                             StewardOperation       *operation,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);
gboolean               steward_operation_watch_abort_finish (StewardOperationWatch  *self,
                                                             GAsyncResult           *result,
                                                             GError                **error);

G_END_DECLS
