/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-operation-watch"

#include "steward-operation-watch.h"

/* The running operations of one deployment, one shared object per operation id, each polled by
 * one follower only, at the interval the sync follower uses: a datastore's details and the
 * Activity page show the same object, so both follow it live without a request of their own.
 * A running operation is polled here unless its owner already follows it (adopt). It belongs to
 * its deployment (object data), and stops polling when the deployment goes. */
struct _StewardOperationWatch
{
  GObject       parent_instance;

  StewardClient *client;         /* the deployment's */
  GCancellable  *cancellable;    /* every poll; cancelled when the deployment goes */
  GHashTable    *running;        /* gint64* → StewardOperation (a reference) */
  guint          interval_ms;
};

G_DEFINE_FINAL_TYPE (StewardOperationWatch, steward_operation_watch, G_TYPE_OBJECT)

enum {
  STARTED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define WATCH_KEY "steward-operation-watch"
/* The main view's: a sync is followed at this interval (steward_main_view_set_poll_interval). */
#define DEFAULT_INTERVAL_MS 1000

static void
steward_operation_watch_dispose (GObject *object)
{
  StewardOperationWatch *self = STEWARD_OPERATION_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->running, g_hash_table_unref);

  G_OBJECT_CLASS (steward_operation_watch_parent_class)->dispose (object);
}

static void
steward_operation_watch_finalize (GObject *object)
{
  StewardOperationWatch *self = STEWARD_OPERATION_WATCH (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (steward_operation_watch_parent_class)->finalize (object);
}

static void
steward_operation_watch_class_init (StewardOperationWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_operation_watch_dispose;
  object_class->finalize = steward_operation_watch_finalize;

  /* An operation started (here or by the app elsewhere), now watched. */
  signals[STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, STEWARD_TYPE_OPERATION);
  /* A watched operation ended (in any way): its result says how. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, STEWARD_TYPE_OPERATION);
}

static void
steward_operation_watch_init (StewardOperationWatch *self)
{
  self->cancellable = g_cancellable_new ();
  self->running = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->interval_ms = DEFAULT_INTERVAL_MS;
}

/* Pending polls hold the watch: they are cancelled first, so they let it go. */
static void
watch_release (gpointer data)
{
  StewardOperationWatch *self = data;

  g_cancellable_cancel (self->cancellable);
  g_object_run_dispose (G_OBJECT (self));
  g_object_unref (self);
}

/* Returns: (transfer none): the deployment's watch, made on first use */
StewardOperationWatch *
steward_operation_watch_get (StewardDeployment *deployment)
{
  StewardOperationWatch *self;

  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (deployment), NULL);

  self = g_object_get_data (G_OBJECT (deployment), WATCH_KEY);
  if (self != NULL)
    return self;

  self = g_object_new (STEWARD_TYPE_OPERATION_WATCH, NULL);
  self->client = g_object_ref (steward_deployment_get_client (deployment));
  g_object_set_data_full (G_OBJECT (deployment), WATCH_KEY, self, watch_release);
  return self;
}

guint
steward_operation_watch_get_interval (StewardOperationWatch *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION_WATCH (self), 0);

  return self->interval_ms;
}

/* Applies to polls started from now on. Tests shorten it; the app keeps the default. */
void
steward_operation_watch_set_interval (StewardOperationWatch *self,
                                      guint                  interval_ms)
{
  g_return_if_fail (STEWARD_IS_OPERATION_WATCH (self));

  self->interval_ms = MAX (interval_ms, 50);
}

guint
steward_operation_watch_get_n_running (StewardOperationWatch *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION_WATCH (self), 0);

  return self->running != NULL ? g_hash_table_size (self->running) : 0;
}

static void
ended (StewardOperationWatch *self,
       StewardOperation      *operation)
{
  gint64 id = steward_operation_get_id (operation);
  g_autoptr(StewardOperation) held = g_object_ref (operation);

  if (self->running == NULL || !g_hash_table_remove (self->running, &id))
    return;

  g_signal_emit (self, signals[FINISHED], 0, held);
}

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StewardOperationWatch) self = user_data;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = steward_client_follow_operation_finish (STEWARD_CLIENT (object), result, &error);
  if (operation != NULL)
    ended (self, operation);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Lost track of an operation: %s", error->message);
}

/* An adopted operation is polled by its owner: its end shows in its own notifications. */
static void
adopted_notify_cb (StewardOperation      *operation,
                   GParamSpec            *pspec,
                   StewardOperationWatch *self)
{
  if (!steward_operation_is_finished (operation))
    return;

  g_signal_handlers_disconnect_by_func (operation, adopted_notify_cb, self);
  ended (self, operation);
}

static StewardOperation *
add_running (StewardOperationWatch *self,
             StewardOperation      *operation,
             gboolean               poll)
{
  gint64 id = steward_operation_get_id (operation);

  g_hash_table_insert (self->running, g_memdup2 (&id, sizeof id), g_object_ref (operation));
  if (poll)
    steward_client_follow_operation_async (self->client, operation, self->interval_ms,
                                           self->cancellable, followed_cb, g_object_ref (self));
  else
    g_signal_connect_object (operation, "notify::finished", G_CALLBACK (adopted_notify_cb), self,
                             0);
  return operation;
}

/* The shared object for a listed operation: a running one is followed from now on (once,
 * whoever lists it), and a fresher listing of it updates the shared object.
 * Returns: (transfer none): the object to show */
StewardOperation *
steward_operation_watch_track (StewardOperationWatch *self,
                               StewardOperation      *operation)
{
  gint64 id;
  StewardOperation *shared;

  g_return_val_if_fail (STEWARD_IS_OPERATION_WATCH (self), NULL);
  g_return_val_if_fail (STEWARD_IS_OPERATION (operation), NULL);

  if (self->running == NULL)
    return operation;

  id = steward_operation_get_id (operation);
  shared = g_hash_table_lookup (self->running, &id);
  if (shared != NULL)
    {
      if (shared != operation)
        steward_operation_update_from (shared, operation);
      return shared;
    }
  if (steward_operation_is_finished (operation))
    return operation;

  return add_running (self, operation, TRUE);
}

/* An operation someone else follows already (the main view's syncs): shown by everyone, polled
 * once. */
void
steward_operation_watch_adopt (StewardOperationWatch *self,
                               StewardOperation      *operation)
{
  gint64 id;

  g_return_if_fail (STEWARD_IS_OPERATION_WATCH (self));
  g_return_if_fail (STEWARD_IS_OPERATION (operation));

  id = steward_operation_get_id (operation);
  if (self->running == NULL || steward_operation_is_finished (operation) ||
      g_hash_table_contains (self->running, &id))
    return;

  add_running (self, operation, FALSE);
  g_signal_emit (self, signals[STARTED], 0, operation);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardOperationWatch *self = g_task_get_source_object (task);
  g_autoptr(StewardOperation) operation = NULL;
  StewardOperation *shared;
  GError *error = NULL;

  operation = steward_client_run_operation_finish (STEWARD_CLIENT (object), result, &error);
  if (operation == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  shared = steward_operation_watch_track (self, operation);
  if (!steward_operation_is_finished (shared))
    g_signal_emit (self, signals[STARTED], 0, shared);
  g_task_return_pointer (task, g_object_ref (shared), g_object_unref);
}

/* Starts an operation and follows it; ::started tells every view. */
void
steward_operation_watch_run_async (StewardOperationWatch   *self,
                                   gint64                   datastore_id,
                                   const char              *type,
                                   const StewardRunOptions *options,
                                   GCancellable            *cancellable,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_OPERATION_WATCH (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_operation_watch_run_async);
  steward_client_run_operation_async (self->client, datastore_id, type, options, cancellable,
                                      run_cb, task);
}

/* Returns: (transfer full): the operation started, followed */
StewardOperation *
steward_operation_watch_run_finish (StewardOperationWatch  *self,
                                    GAsyncResult           *result,
                                    GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
abort_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardOperationWatch *self = g_task_get_source_object (task);
  StewardOperation *operation = g_task_get_task_data (task);
  g_autoptr(StewardOperation) answer = NULL;
  GError *error = NULL;

  answer = steward_client_abort_operation_finish (STEWARD_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The answer is the operation as it is now: aborted, or ended by itself before. */
  steward_operation_update_from (operation, answer);
  if (steward_operation_is_finished (operation))
    ended (self, operation);
  g_task_return_boolean (task, TRUE);
}

/* Asks the server to abort @operation; the shared object shows how it ended at once. */
void
steward_operation_watch_abort_async (StewardOperationWatch *self,
                                     StewardOperation      *operation,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_OPERATION_WATCH (self));
  g_return_if_fail (STEWARD_IS_OPERATION (operation));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_operation_watch_abort_async);
  g_task_set_task_data (task, g_object_ref (operation), g_object_unref);
  steward_client_abort_operation_async (self->client, steward_operation_get_id (operation),
                                        cancellable, abort_cb, task);
}

gboolean
steward_operation_watch_abort_finish (StewardOperationWatch  *self,
                                      GAsyncResult           *result,
                                      GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
