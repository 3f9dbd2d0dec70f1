/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-main-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-main-view-private.h"
#include "steward-operation-row.h"

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Syncs: a running sync shows in the details whenever its datastore is shown, until it ends. */

static void
sync_finished (StewardViewCall             *call,
               StewardOperation *operation,
               const GError     *error)
{
  StewardMainView *self = call->self;
  StewardDatastore *shown = steward_datastore_details_get_datastore (self->details);
  g_autofree char *message = NULL;
  const char *name = call->datastore_name;
  const char *title = _("Sync Failed");
  g_autofree char *notification_id = NULL;

  if (!_steward_view_call_still_shown (call))
    return;

  g_hash_table_remove (self->syncs, &call->datastore_id);
  if (shown != NULL && steward_datastore_get_id (shown) == call->datastore_id)
    steward_datastore_details_set_busy (self->details, "sync", FALSE);

  if (operation == NULL)
    {
      if (!is_cancelled (error))
        _steward_main_view_toast_error (self, STEWARD_ACTION_RUN_SYNC, _("Lost track of the sync"),
                                        error);
      return;
    }

  switch (steward_operation_get_result (operation))
    {
    case STEWARD_OPERATION_SUCCESS:
      title = _("Sync Finished");
      message = g_strdup_printf (_("Sync of “%s” finished"), name);
      break;
    case STEWARD_OPERATION_WARNING:
      title = _("Sync Finished");
      message = g_strdup_printf (_("Sync of “%s” finished with a warning: %s"), name,
                                 steward_operation_get_message (operation));
      break;
    case STEWARD_OPERATION_FAILURE:
      message = g_strdup_printf (_("Sync of “%s” failed: %s"), name,
                                 steward_operation_get_message (operation) != NULL
                                     ? steward_operation_get_message (operation)
                                     : _("no reason given"));
      break;
    case STEWARD_OPERATION_ABORTED:
    case STEWARD_OPERATION_RUNNING:
    default:
      title = _("Sync Aborted");
      message = g_strdup_printf (_("Sync of “%s” was aborted"), name);
      break;
    }
  _steward_main_view_toast (self, message);
  /* One notification per datastore: two syncs ending together are both told. */
  notification_id = g_strdup_printf ("steward-sync-%" G_GINT64_FORMAT, call->datastore_id);
  _steward_main_view_notify_unfocused (self, notification_id, title, message, call->datastore_id);

  /* The sync changed the metrics. */
  _steward_main_view_fetch (self, call->datastore_id);
}

/* A profile or a scan (or a sync run without the main view's Sync) ended: told as a sync's end
 * is, by toast and, when the window is not focused, by notification. The main view's own syncs
 * are told by sync_finished(). */
static void
operation_finished_cb (StewardOperationWatch *watch,
                       StewardOperation      *operation,
                       StewardMainView       *self)
{
  gint64 datastore_id = steward_operation_get_datastore_id (operation);
  StewardDatastore *datastore = _steward_main_view_find_datastore (self, datastore_id);
  const char *type =
      steward_operation_type_title (steward_operation_get_operation_type (operation));
  const char *message_text = steward_operation_get_message (operation);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autofree char *notification_id = NULL;

  if (g_hash_table_lookup (self->syncs, &datastore_id) == operation)
    return;

  if (datastore != NULL)
    name = g_strdup (steward_datastore_get_name (datastore));
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, datastore_id);

      name = g_strdup_printf (_("Datastore %s"), id);
    }
  switch (steward_operation_get_result (operation))
    {
    case STEWARD_OPERATION_SUCCESS:
      title = g_strdup_printf (_("%s Finished"), type);
      message = g_strdup_printf (_("%s of “%s” finished"), type, name);
      break;
    case STEWARD_OPERATION_WARNING:
      title = g_strdup_printf (_("%s Finished"), type);
      message = g_strdup_printf (_("%s of “%s” finished with a warning: %s"), type, name,
                                 message_text != NULL ? message_text : "");
      break;
    case STEWARD_OPERATION_FAILURE:
      title = g_strdup_printf (_("%s Failed"), type);
      message = g_strdup_printf (_("%s of “%s” failed: %s"), type, name,
                                 message_text != NULL ? message_text : _("no reason given"));
      break;
    case STEWARD_OPERATION_ABORTED:
    case STEWARD_OPERATION_RUNNING:
    default:
      title = g_strdup_printf (_("%s Aborted"), type);
      message = g_strdup_printf (_("%s of “%s” was aborted"), type, name);
      break;
    }
  _steward_main_view_toast (self, message);
  notification_id = g_strdup_printf ("steward-operation-%" G_GINT64_FORMAT,
                                     steward_operation_get_id (operation));
  _steward_main_view_notify_unfocused (self, notification_id, title, message, datastore_id);

  /* A profile or a scan changes the metrics. */
  _steward_main_view_fetch (self, datastore_id);
}

/* Follows the deployment's operation watch (NULL: stops following the current one). */
void
_steward_main_view_watch_operations (StewardMainView   *self,
                                     StewardDeployment *deployment)
{
  if (deployment == NULL)
    {
      if (self->deployment != NULL)
        g_signal_handlers_disconnect_by_func (steward_operation_watch_get (self->deployment),
                                              operation_finished_cb, self);
      return;
    }

  steward_operation_watch_set_interval (steward_operation_watch_get (deployment),
                                        self->poll_interval_ms);
  g_signal_connect_object (steward_operation_watch_get (deployment), "finished",
                           G_CALLBACK (operation_finished_cb), self, 0);
}

void
_steward_main_view_show_sync (StewardMainView  *self,
                              StewardOperation *operation)
{
  gint64 datastore_id = steward_operation_get_datastore_id (operation);
  StewardDatastore *shown = steward_datastore_details_get_datastore (self->details);

  g_hash_table_insert (self->syncs, g_memdup2 (&datastore_id, sizeof datastore_id),
                       g_object_ref (operation));
  /* Shown by the Activity page and the datastore's operations too, and polled here only. */
  if (self->deployment != NULL)
    steward_operation_watch_adopt (steward_operation_watch_get (self->deployment), operation);
  if (shown != NULL && steward_datastore_get_id (shown) == datastore_id)
    {
      steward_datastore_details_set_operation (self->details, operation);
      steward_datastore_details_set_busy (self->details, "sync", TRUE);
    }
}

static void
sync_followed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StewardViewCall) call = user_data;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = steward_client_follow_operation_finish (STEWARD_CLIENT (object), result, &error);
  sync_finished (call, operation, error);
}

/* Shows a sync's progress in the details (whenever its datastore is shown) until it ends. */
void
steward_main_view_follow_sync (StewardMainView  *self,
                               StewardOperation *operation)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));
  g_return_if_fail (STEWARD_IS_OPERATION (operation));

  if (self->deployment == NULL)
    return;

  _steward_main_view_show_sync (self, operation);
  steward_client_follow_operation_async (
      steward_deployment_get_client (self->deployment), operation, self->poll_interval_ms,
      self->cancellable, sync_followed_cb,
      _steward_view_call_new (self, steward_operation_get_datastore_id (operation)));
}

static void
sync_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(StewardViewCall) call = user_data;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = steward_client_run_sync_finish (STEWARD_CLIENT (object), result, &error);
  if (!_steward_view_call_still_shown (call))
    return;

  if (operation == NULL)
    {
      StewardDatastore *shown = steward_datastore_details_get_datastore (call->self->details);

      if (is_cancelled (error))
        return;
      if (shown != NULL)
        steward_datastore_details_set_busy (call->self->details, "sync", FALSE);
      if (!steward_deployment_handle_not_found (call->deployment, call->datastore_id, error))
        _steward_main_view_toast_error (call->self, STEWARD_ACTION_RUN_SYNC,
                                        _("Could not start a sync"), error);
      return;
    }

  steward_main_view_follow_sync (call->self, operation);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (self->deployment == NULL || g_hash_table_contains (self->syncs, &id))
    return;

  steward_datastore_details_set_busy (self->details, "sync", TRUE);
  steward_client_run_sync_async (steward_deployment_get_client (self->deployment), id,
                                 self->cancellable, sync_started_cb,
                                 _steward_view_call_new (self, id));
}

static void
follower_operation_cb (StewardSyncFollower *follower,
                       GParamSpec          *pspec,
                       StewardMainView     *self)
{
  StewardOperation *operation = steward_sync_follower_get_operation (follower);

  if (operation != NULL)
    _steward_main_view_show_sync (self, operation);
}

static void
follower_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StewardViewCall) call = user_data;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (object, follower_operation_cb, call->self);
  operation = steward_sync_follower_follow_finish (STEWARD_SYNC_FOLLOWER (object), result, &error);
  sync_finished (call, operation, error);
  g_object_unref (object);
}

/* A sync started by creating DATASTORE: found among its operations, then followed. */
void
_steward_main_view_follow_new_sync (StewardMainView  *self,
                                    StewardDatastore *datastore)
{
  gint64 id = steward_datastore_get_id (datastore);
  StewardSyncFollower *follower =
    steward_sync_follower_new (steward_deployment_get_client (self->deployment), id);

  g_signal_connect_object (follower, "notify::operation", G_CALLBACK (follower_operation_cb),
                           self, 0);
  steward_sync_follower_follow_async (follower, self->poll_interval_ms, self->cancellable,
                                      follower_done_cb, _steward_view_call_new (self, id));
}

void
_steward_main_view_class_sync_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.sync", "x", sync_action);
}
