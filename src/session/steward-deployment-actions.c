/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-deployment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-deployment-private.h"

/* What a user does to datastores, bound to this deployment: every call goes through the client
 * the deployment was made with, so switching to another profile never redirects work in flight,
 * and every answer lands in the one shared object per datastore. */

/* Favorites: shown at once, put back if the server refuses. */

typedef struct
{
  StewardDatastore *datastore;
  gboolean          favorite;
} FavoriteCall;

static void
favorite_call_free (gpointer data)
{
  FavoriteCall *call = data;

  g_object_unref (call->datastore);
  g_free (call);
}

void
_steward_deployment_set_favorite (StewardDeployment *self,
                                  StewardDatastore  *datastore,
                                  gboolean           favorite)
{
  if (steward_datastore_get_favorite (datastore) == favorite)
    return;

  steward_datastore_set_favorite (datastore, favorite);
  _steward_deployment_mark_changed (self, steward_datastore_get_id (datastore));
  _steward_deployment_changed (self);
}

static void
favorite_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardDeployment *self = g_task_get_source_object (task);
  FavoriteCall *call = g_task_get_task_data (task);
  g_autoptr(StewardDatastore) answer = NULL;
  GError *error = NULL;

  answer = steward_client_set_favorite_finish (STEWARD_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      if (!steward_deployment_handle_not_found (self, steward_datastore_get_id (call->datastore),
                                                error))
        _steward_deployment_set_favorite (self, call->datastore, !call->favorite);
      g_task_return_error (task, error);
      return;
    }

  steward_deployment_apply_datastore (self, answer);
  g_task_return_boolean (task, TRUE);
}

void
steward_deployment_set_favorite_async (StewardDeployment   *self,
                                       gint64               datastore_id,
                                       gboolean             favorite,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StewardDatastore *datastore;
  FavoriteCall *call;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_deployment_set_favorite_async);

  datastore = steward_deployment_find_datastore (self, datastore_id);
  if (datastore == NULL)
    {
      g_task_return_new_error (task, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND,
                               "%s", _("This datastore no longer exists"));
      return;
    }

  call = g_new0 (FavoriteCall, 1);
  call->datastore = g_object_ref (datastore);
  call->favorite = favorite;
  g_task_set_task_data (task, call, favorite_call_free);

  _steward_deployment_set_favorite (self, datastore, favorite);
  steward_client_set_favorite_async (steward_deployment_get_client (self), datastore_id, favorite,
                                     cancellable, favorite_cb, g_steal_pointer (&task));
}

gboolean
steward_deployment_set_favorite_finish (StewardDeployment  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Groups: one datastore into a group, or out of it (group 0). */

static void
assign_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardDeployment *self = g_task_get_source_object (task);
  gint64 datastore_id = GPOINTER_TO_SIZE (g_task_get_task_data (task));
  g_autoptr(StewardDatastore) answer = NULL;
  GError *error = NULL;

  answer = steward_client_assign_group_finish (STEWARD_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      steward_deployment_handle_not_found (self, datastore_id, error);
      g_task_return_error (task, error);
      return;
    }

  steward_deployment_apply_datastore (self, answer);
  g_task_return_boolean (task, TRUE);
}

void
steward_deployment_assign_group_async (StewardDeployment   *self,
                                       gint64               datastore_id,
                                       gint64               group_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_deployment_assign_group_async);
  g_task_set_task_data (task, GSIZE_TO_POINTER ((gsize) datastore_id), NULL);
  steward_client_assign_group_async (steward_deployment_get_client (self), datastore_id, group_id,
                                     cancellable, assign_cb, g_steal_pointer (&task));
}

gboolean
steward_deployment_assign_group_finish (StewardDeployment  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Deleting */

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardDeployment *self = g_task_get_source_object (task);
  gint64 datastore_id = GPOINTER_TO_SIZE (g_task_get_task_data (task));
  GError *error = NULL;

  if (!steward_client_delete_datastore_finish (STEWARD_CLIENT (object), result, &error))
    {
      steward_deployment_handle_not_found (self, datastore_id, error);
      g_task_return_error (task, error);
      return;
    }

  steward_deployment_forget_datastore (self, datastore_id);
  g_task_return_boolean (task, TRUE);
}

void
steward_deployment_delete_datastore_async (StewardDeployment   *self,
                                           gint64               datastore_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_deployment_delete_datastore_async);
  g_task_set_task_data (task, GSIZE_TO_POINTER ((gsize) datastore_id), NULL);
  steward_client_delete_datastore_async (steward_deployment_get_client (self), datastore_id,
                                         cancellable, delete_cb, g_steal_pointer (&task));
}

gboolean
steward_deployment_delete_datastore_finish (StewardDeployment  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Many datastores at once, a few requests at a time. Cancelling stops sending; what was sent is
 * still counted, so the report always tells what happened. */

#define BATCH_IN_FLIGHT 4

typedef struct
{
  StewardBatchReport *report;
  GArray             *ids;
  guint               next;
  guint               running;
} Batch;

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  steward_batch_report_free (batch->report);
  g_array_unref (batch->ids);
  g_free (batch);
}

static void batch_next (GTask *task);

static void
batch_item_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardDeployment *self = g_task_get_source_object (task);
  Batch *batch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  switch (batch->report->kind)
    {
    case STEWARD_BATCH_ASSIGN:
      ok = steward_deployment_assign_group_finish (self, result, &error);
      break;
    case STEWARD_BATCH_FAVORITE:
      ok = steward_deployment_set_favorite_finish (self, result, &error);
      break;
    case STEWARD_BATCH_DELETE:
    default:
      ok = steward_deployment_delete_datastore_finish (self, result, &error);
      break;
    }

  if (ok)
    batch->report->succeeded++;
  else
    {
      batch->report->failed++;
      if (batch->report->first_error == NULL)
        batch->report->first_error = g_steal_pointer (&error);
    }

  batch->running--;
  batch_next (g_steal_pointer (&task));
}

static void
batch_next (GTask *task)
{
  StewardDeployment *self = g_task_get_source_object (task);
  Batch *batch = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  while (batch->running < BATCH_IN_FLIGHT && batch->next < batch->ids->len &&
         !g_cancellable_is_cancelled (cancellable))
    {
      gint64 id = g_array_index (batch->ids, gint64, batch->next++);

      batch->running++;
      switch (batch->report->kind)
        {
        case STEWARD_BATCH_ASSIGN:
          steward_deployment_assign_group_async (self, id, batch->report->group_id, cancellable,
                                                 batch_item_cb, g_object_ref (task));
          break;
        case STEWARD_BATCH_FAVORITE:
          steward_deployment_set_favorite_async (self, id, TRUE, cancellable, batch_item_cb,
                                                 g_object_ref (task));
          break;
        case STEWARD_BATCH_DELETE:
        default:
          steward_deployment_delete_datastore_async (self, id, cancellable, batch_item_cb,
                                                     g_object_ref (task));
          break;
        }
    }

  if (batch->running == 0 &&
      (batch->next >= batch->ids->len || g_cancellable_is_cancelled (cancellable)))
    {
      /* Not sent at all: neither done nor failed, so the report's numbers add up to what was sent.
       */
      batch->report->total = batch->next;
      g_task_return_pointer (task, g_steal_pointer (&batch->report),
                             (GDestroyNotify) steward_batch_report_free);
    }

  g_object_unref (task);
}

void
steward_deployment_run_batch_async (StewardDeployment   *self,
                                    StewardBatchKind     kind,
                                    const gint64        *ids,
                                    guint                n_ids,
                                    gint64               group_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  Batch *batch;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  batch = g_new0 (Batch, 1);
  batch->report = g_new0 (StewardBatchReport, 1);
  batch->report->kind = kind;
  batch->report->group_id = group_id;
  batch->report->total = n_ids;
  batch->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (batch->ids, ids, n_ids);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_deployment_run_batch_async);
  g_task_set_task_data (task, batch, batch_free);
  /* Each report is delivered even when cancelled: it says how far the run got. */
  g_task_set_check_cancellable (task, FALSE);
  batch_next (task);
}

StewardBatchReport *
steward_deployment_run_batch_finish (StewardDeployment *self,
                                     GAsyncResult      *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}
