/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-operation.h"

G_BEGIN_DECLS

/* What a profile or a scan may be told (the vendor's CLI documents them); zero means the
 * server's default. Ignored for a sync. */
typedef struct
{
  char     **container_names;            /* NULL or empty: every container */
  gint64     max_records_per_partition;  /* 0: server default */
  gboolean   incremental;                /* scan: only records new since the last scan */
  gboolean   keep_passed_anomalies;      /* scan: do not auto-resolve anomalies that now pass */
  gboolean   infer_as_draft;             /* profile: inferred checks start as drafts */
} StewardRunOptions;

/* The most operations one deployment-wide listing reads, whatever the caller asks. */
#define STEWARD_OPERATIONS_LIST_CAP 500

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

void              steward_client_run_operation_async     (StewardClient           *self,
                                                          gint64                   datastore_id,
                                                          const char              *type,
                                                          const StewardRunOptions *options,
                                                          GCancellable            *cancellable,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data);
StewardOperation *steward_client_run_operation_finish    (StewardClient        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void              steward_client_abort_operation_async   (StewardClient        *self,
                                                          gint64                operation_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
StewardOperation *steward_client_abort_operation_finish  (StewardClient        *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void              steward_client_list_recent_operations_async  (StewardClient        *self,
                                                                const char          *type,
                                                                const char          *result,
                                                                guint                max_items,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GListModel       *steward_client_list_recent_operations_finish (StewardClient        *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

G_END_DECLS
