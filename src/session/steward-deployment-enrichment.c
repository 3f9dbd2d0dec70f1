/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-deployment"

#include "steward-deployment-private.h"

/* Enrichment, bound to this deployment like its other mutations: linking, unlinking and the
 * settings go through the deployment's own client, and every answer lands in the one shared
 * object of the source datastore, so the list and the details show it at once. The reference
 * needs two calls to link and configure; a caller that makes both sees each applied as it
 * succeeds, which is what lets it say exactly what was done when the second one fails. */

static gint64
task_datastore_id (GTask *task)
{
  return (gint64) GPOINTER_TO_SIZE (g_task_get_task_data (task));
}

static GTask *
start_task (StewardDeployment   *self,
            gint64               datastore_id,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, GSIZE_TO_POINTER ((gsize) datastore_id), NULL);
  return task;
}

static void
link_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardDeployment *self = g_task_get_source_object (task);
  g_autoptr(StewardDatastore) answer = NULL;
  GError *error = NULL;

  /* A 404 here may be about the enrichment datastore rather than the source: nothing is
   * forgotten on its account. */
  answer = steward_client_link_enrichment_finish (STEWARD_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  steward_deployment_apply_datastore (self, answer);
  g_task_return_boolean (task, TRUE);
}

/* Links @datastore_id to the enrichment datastore @enrichment_id (or switches to it). */
void
steward_deployment_link_enrichment_async (StewardDeployment   *self,
                                          gint64               datastore_id,
                                          gint64               enrichment_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  task = start_task (self, datastore_id, steward_deployment_link_enrichment_async, cancellable,
                     callback, user_data);
  steward_client_link_enrichment_async (steward_deployment_get_client (self), datastore_id,
                                        enrichment_id, cancellable, link_cb, task);
}

gboolean
steward_deployment_link_enrichment_finish (StewardDeployment  *self,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The server answers an unlink with no body; what it does is documented: no enrichment
 * datastore, and the remediation strategy back to none. The shared object takes just that. */
static void
apply_unlinked (StewardDeployment *self,
                gint64             datastore_id)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(StewardDatastore) unlinked = NULL;

  if (steward_deployment_find_datastore (self, datastore_id) == NULL)
    return;

  json_object_set_int_member (object, "id", datastore_id);
  json_object_set_null_member (object, "enrich_datastore");
  json_object_set_string_member (object, "enrichment_remediation_strategy", "none");
  unlinked = steward_datastore_new_from_json (object);
  steward_deployment_apply_datastore (self, unlinked);
}

static void
unlink_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardDeployment *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!steward_client_unlink_enrichment_finish (STEWARD_CLIENT (object), result, &error))
    {
      steward_deployment_handle_not_found (self, task_datastore_id (task), error);
      g_task_return_error (task, error);
      return;
    }

  apply_unlinked (self, task_datastore_id (task));
  g_task_return_boolean (task, TRUE);
}

/* Admin only. Also when nothing is linked: the server answers 204 all the same. */
void
steward_deployment_unlink_enrichment_async (StewardDeployment   *self,
                                            gint64               datastore_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  task = start_task (self, datastore_id, steward_deployment_unlink_enrichment_async, cancellable,
                     callback, user_data);
  steward_client_unlink_enrichment_async (steward_deployment_get_client (self), datastore_id,
                                          cancellable, unlink_cb, task);
}

gboolean
steward_deployment_unlink_enrichment_finish (StewardDeployment  *self,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
settings_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardDeployment *self = g_task_get_source_object (task);
  g_autoptr(StewardDatastore) answer = NULL;
  GError *error = NULL;

  answer = steward_client_update_enrichment_settings_finish (STEWARD_CLIENT (object), result,
                                                             &error);
  if (answer == NULL)
    {
      steward_deployment_handle_not_found (self, task_datastore_id (task), error);
      g_task_return_error (task, error);
      return;
    }

  steward_deployment_apply_datastore (self, answer);
  g_task_return_boolean (task, TRUE);
}

/* Sends the enrichment settings in @settings (only those that change). */
void
steward_deployment_update_enrichment_settings_async (StewardDeployment       *self,
                                                     gint64                   datastore_id,
                                                     StewardDatastoreRequest *settings,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));
  g_return_if_fail (settings != NULL);

  task = start_task (self, datastore_id, steward_deployment_update_enrichment_settings_async,
                     cancellable, callback, user_data);
  steward_client_update_enrichment_settings_async (steward_deployment_get_client (self),
                                                   datastore_id, settings, cancellable,
                                                   settings_cb, task);
}

gboolean
steward_deployment_update_enrichment_settings_finish (StewardDeployment  *self,
                                                      GAsyncResult       *result,
                                                      GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
