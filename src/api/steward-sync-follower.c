/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-sync-follower"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-api-error.h"
#include "steward-client-operations.h"
#include "steward-sync-follower.h"
#include "steward-timeout.h"

/* Finds the sync a datastore create started (trigger_catalog / trigger_sync) and follows it to
 * its end. The create answer does not name the operation, so the datastore's newest operations
 * are listed until a sync shows up; a server may queue it a moment after answering. Once found,
 * :operation is set, and the operation's own notifications report its progress until
 * follow_finish() returns it finished (success, warning, failure or aborted). */
struct _StewardSyncFollower
{
  GObject           parent_instance;

  StewardClient    *client;
  gint64            datastore_id;
  StewardOperation *operation;
};

G_DEFINE_FINAL_TYPE (StewardSyncFollower, steward_sync_follower, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OPERATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many times to look for the sync before deciding none was started. */
#define MAX_LOOKUPS 20
#define RECENT_OPERATIONS 5

typedef struct
{
  guint    interval_ms;
  guint    lookups;
} Find;

static gboolean
is_sync (StewardOperation *operation)
{
  const char *type = steward_operation_get_operation_type (operation);

  /* "catalog" is the older servers' name for a sync. */
  return g_strcmp0 (type, "sync") == 0 || g_strcmp0 (type, "catalog") == 0;
}

static void look_up (GTask *task);

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  StewardOperation *operation;

  operation = steward_client_follow_operation_finish (STEWARD_CLIENT (object), result, &error);
  if (operation == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, operation, g_object_unref);
}

static void
look_up_wait_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!steward_timeout_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  look_up (g_steal_pointer (&task));
}

/* The task's reference moves to the wait, which ends early when the caller cancels. */
static void
schedule_look_up (GTask *task)
{
  Find *find = g_task_get_task_data (task);

  steward_timeout_async (find->interval_ms, g_task_get_cancellable (task), look_up_wait_cb, task);
}

static void
operations_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardSyncFollower *self = g_task_get_source_object (task);
  Find *find = g_task_get_task_data (task);
  g_autoptr(GListModel) operations = NULL;
  GError *error = NULL;

  operations = steward_client_list_operations_finish (STEWARD_CLIENT (object), result, &error);
  if (operations == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Newest first: the first sync is the one the create started. */
  for (guint i = 0; i < g_list_model_get_n_items (operations); i++)
    {
      g_autoptr(StewardOperation) operation = g_list_model_get_item (operations, i);
      GCancellable *cancellable = g_task_get_cancellable (task);

      if (!is_sync (operation))
        continue;

      g_debug ("Datastore %" G_GINT64_FORMAT ": following sync %" G_GINT64_FORMAT,
               self->datastore_id, steward_operation_get_id (operation));

      if (g_set_object (&self->operation, operation))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATION]);
      steward_client_follow_operation_async (self->client, self->operation, find->interval_ms,
                                             cancellable, followed_cb, g_steal_pointer (&task));
      return;
    }

  if (++find->lookups >= MAX_LOOKUPS)
    {
      g_task_return_new_error (task, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND, "%s",
                               _("The server started no sync for this datastore"));
      return;
    }

  schedule_look_up (g_steal_pointer (&task));
}

static void
look_up (GTask *task)
{
  StewardSyncFollower *self = g_task_get_source_object (task);

  steward_client_list_operations_async (self->client, self->datastore_id, RECENT_OPERATIONS,
                                        g_task_get_cancellable (task), operations_cb, task);
}

static void
steward_sync_follower_dispose (GObject *object)
{
  StewardSyncFollower *self = STEWARD_SYNC_FOLLOWER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->operation);

  G_OBJECT_CLASS (steward_sync_follower_parent_class)->dispose (object);
}

static void
steward_sync_follower_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StewardSyncFollower *self = STEWARD_SYNC_FOLLOWER (object);

  switch (prop_id)
    {
    case PROP_OPERATION:
      g_value_set_object (value, self->operation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_sync_follower_class_init (StewardSyncFollowerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_sync_follower_dispose;
  object_class->get_property = steward_sync_follower_get_property;

  /* The sync being followed, NULL until it is found. */
  properties[PROP_OPERATION] =
    g_param_spec_object ("operation", NULL, NULL, STEWARD_TYPE_OPERATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_sync_follower_init (StewardSyncFollower *self)
{
}

StewardSyncFollower *
steward_sync_follower_new (StewardClient *client,
                           gint64         datastore_id)
{
  StewardSyncFollower *self;

  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);

  self = g_object_new (STEWARD_TYPE_SYNC_FOLLOWER, NULL);
  self->client = g_object_ref (client);
  self->datastore_id = datastore_id;
  return self;
}

gint64
steward_sync_follower_get_datastore_id (StewardSyncFollower *self)
{
  g_return_val_if_fail (STEWARD_IS_SYNC_FOLLOWER (self), 0);
  return self->datastore_id;
}

/* Returns: (transfer none) (nullable): the sync, once found; it updates as it runs. */
StewardOperation *
steward_sync_follower_get_operation (StewardSyncFollower *self)
{
  g_return_val_if_fail (STEWARD_IS_SYNC_FOLLOWER (self), NULL);
  return self->operation;
}

/* Looks for the sync, then polls it every @interval_ms until it finishes. Fails with
 * STEWARD_API_ERROR_NOT_FOUND when no sync shows up. */
void
steward_sync_follower_follow_async (StewardSyncFollower *self,
                                    guint                interval_ms,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  Find *find;

  g_return_if_fail (STEWARD_IS_SYNC_FOLLOWER (self));

  find = g_new0 (Find, 1);
  find->interval_ms = MAX (interval_ms, 50);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_sync_follower_follow_async);
  g_task_set_task_data (task, find, g_free);
  look_up (task);
}

/* Returns: (transfer full): the finished operation; its result says how it ended. */
StewardOperation *
steward_sync_follower_follow_finish (StewardSyncFollower  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
