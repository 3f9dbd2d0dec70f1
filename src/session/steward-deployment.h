/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-api.h"

G_BEGIN_DECLS

/* The parts of a deployment's datastores a browser shows. The API filters by group and by
 * enrichment; favorites and ungrouped datastores have no server filter. */
typedef enum
{
  STEWARD_SCOPE_ALL,
  STEWARD_SCOPE_FAVORITES,
  STEWARD_SCOPE_ENRICHMENT,
  STEWARD_SCOPE_GROUP,
  STEWARD_SCOPE_UNGROUPED,
} StewardScope;

/* What a run over many datastores does to each. */
typedef enum
{
  STEWARD_BATCH_ASSIGN,
  STEWARD_BATCH_FAVORITE,
  STEWARD_BATCH_DELETE,
} StewardBatchKind;

/* How a run over many datastores went. */
typedef struct
{
  StewardBatchKind  kind;
  gint64            group_id;
  guint             total;
  guint             succeeded;
  guint             failed;
  GError           *first_error;
} StewardBatchReport;

void steward_batch_report_free (StewardBatchReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardBatchReport, steward_batch_report_free)

#define STEWARD_TYPE_DEPLOYMENT (steward_deployment_get_type ())
G_DECLARE_FINAL_TYPE (StewardDeployment, steward_deployment, STEWARD, DEPLOYMENT, GObject)

StewardDeployment     *steward_deployment_new                   (StewardClient       *client,
                                                                 StewardUser         *user,
                                                                 const char          *cache_path);
StewardClient         *steward_deployment_get_client            (StewardDeployment   *self);
StewardUser           *steward_deployment_get_user              (StewardDeployment   *self);
void                   steward_deployment_set_user              (StewardDeployment   *self,
                                                                 StewardUser         *user);

GListModel            *steward_deployment_get_datastores        (StewardDeployment   *self);
GListModel            *steward_deployment_get_groups            (StewardDeployment   *self);
StewardDatastore      *steward_deployment_find_datastore        (StewardDeployment   *self,
                                                                 gint64               datastore_id);
StewardDatastoreGroup *steward_deployment_find_group            (StewardDeployment   *self,
                                                                 gint64               group_id);
guint                  steward_deployment_count                 (StewardDeployment   *self,
                                                                 StewardScope         scope,
                                                                 gint64               group_id);

gboolean               steward_deployment_get_loading           (StewardDeployment   *self);
gboolean               steward_deployment_get_loaded            (StewardDeployment   *self);
gint64                 steward_deployment_get_listed_at         (StewardDeployment   *self);
gboolean               steward_deployment_get_from_cache        (StewardDeployment   *self);
const char            *steward_deployment_get_load_error        (StewardDeployment   *self);
gboolean               steward_deployment_get_unreachable       (StewardDeployment   *self);
void                   steward_deployment_set_retry_delays      (StewardDeployment   *self,
                                                                 guint                first_ms,
                                                                 guint                max_ms);

void                   steward_deployment_load_cache_async      (StewardDeployment   *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               steward_deployment_load_cache_finish     (StewardDeployment   *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   steward_deployment_refresh_async         (StewardDeployment   *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               steward_deployment_refresh_finish        (StewardDeployment   *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   steward_deployment_save_cache            (StewardDeployment   *self);

/* Changes made elsewhere (dialogs, answers) that the one object per datastore must reflect. */
StewardDatastore      *steward_deployment_apply_datastore       (StewardDeployment   *self,
                                                                 StewardDatastore    *answer);
guint64                steward_deployment_begin_fetch           (StewardDeployment   *self);
StewardDatastore      *steward_deployment_apply_fetched         (StewardDeployment   *self,
                                                                 StewardDatastore    *answer,
                                                                 guint64              stamp);
void                   steward_deployment_add_datastore         (StewardDeployment   *self,
                                                                 StewardDatastore    *datastore);
void                   steward_deployment_forget_datastore      (StewardDeployment   *self,
                                                                 gint64               datastore_id);
void                   steward_deployment_add_group             (StewardDeployment   *self,
                                                                 StewardDatastoreGroup *group);
void                   steward_deployment_group_changed         (StewardDeployment   *self,
                                                                 StewardDatastoreGroup *group);
void                   steward_deployment_remove_group          (StewardDeployment   *self,
                                                                 gint64               group_id);
gboolean               steward_deployment_handle_not_found      (StewardDeployment   *self,
                                                                 gint64               datastore_id,
                                                                 const GError        *error);

/* Mutations: each uses this deployment's client and changes the shared objects in place. */
void                   steward_deployment_set_favorite_async    (StewardDeployment   *self,
                                                                 gint64               datastore_id,
                                                                 gboolean             favorite,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               steward_deployment_set_favorite_finish   (StewardDeployment   *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   steward_deployment_assign_group_async    (StewardDeployment   *self,
                                                                 gint64               datastore_id,
                                                                 gint64               group_id,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               steward_deployment_assign_group_finish   (StewardDeployment   *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   steward_deployment_delete_datastore_async (StewardDeployment  *self,
                                                                 gint64               datastore_id,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               steward_deployment_delete_datastore_finish (StewardDeployment *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   steward_deployment_run_batch_async       (StewardDeployment   *self,
                                                                 StewardBatchKind     kind,
                                                                 const gint64        *ids,
                                                                 guint                n_ids,
                                                                 gint64               group_id,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
StewardBatchReport    *steward_deployment_run_batch_finish      (StewardDeployment   *self,
                                                                 GAsyncResult        *result);

/* Enrichment (steward-deployment-enrichment.c): each applies the server's answer to the source. */
void                   steward_deployment_link_enrichment_async (StewardDeployment   *self,
                                                                 gint64               datastore_id,
                                                                 gint64               enrichment_id,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               steward_deployment_link_enrichment_finish (StewardDeployment  *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   steward_deployment_unlink_enrichment_async (StewardDeployment *self,
                                                                 gint64               datastore_id,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean               steward_deployment_unlink_enrichment_finish (StewardDeployment *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void                   steward_deployment_update_enrichment_settings_async (StewardDeployment *self,
                                                                 gint64               datastore_id,
                                                                 StewardDatastoreRequest *settings,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean steward_deployment_update_enrichment_settings_finish (StewardDeployment *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* Connections (steward-deployment-connections.c): listed when first asked for, one object each. */
GListModel        *steward_deployment_get_connections        (StewardDeployment   *self);
gboolean           steward_deployment_get_connections_loaded (StewardDeployment   *self);
StewardConnection *steward_deployment_find_connection        (StewardDeployment   *self,
                                                              gint64               connection_id);
void                   steward_deployment_refresh_connections_async  (StewardDeployment   *self,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
gboolean               steward_deployment_refresh_connections_finish (StewardDeployment   *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
StewardConnection *steward_deployment_apply_connection  (StewardDeployment   *self,
                                                         StewardConnection   *answer);
void               steward_deployment_remove_connection (StewardDeployment   *self,
                                                         gint64               connection_id);
GHashTable *steward_deployment_count_connection_datastores (StewardDeployment *self);
GListModel *steward_deployment_list_connection_datastores  (StewardDeployment *self,
                                                            gint64               connection_id);

G_END_DECLS
