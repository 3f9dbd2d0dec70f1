/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-timeout"

#include "steward-timeout.h"

/* A wait of @ms that a GCancellable ends at once: what the transport's retry backoff, following
 * an operation and looking for a new datastore's sync all need between two requests. A timer
 * alone would hold a cancelled caller until it fires; so the wait is a race between a timeout
 * source and a cancellable source on the caller's main context, and whichever fires first
 * destroys the other and completes the task. Each source holds a reference to the task until it
 * fires or is destroyed, so the task lives exactly as long as the wait. */

typedef struct
{
  GSource *timer;
  GSource *cancel_source;
} Wait;

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
wait_free (gpointer data)
{
  Wait *wait = data;

  clear_source (&wait->timer);
  clear_source (&wait->cancel_source);
  g_free (wait);
}

static gboolean
timer_cb (gpointer user_data)
{
  GTask *task = user_data;
  Wait *wait = g_task_get_task_data (task);

  /* The task stays alive until this callback returns: the timer's own reference goes with it. */
  clear_source (&wait->cancel_source);
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  GTask *task = user_data;
  Wait *wait = g_task_get_task_data (task);

  clear_source (&wait->timer);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  return G_SOURCE_REMOVE;
}

/* Completes after @ms on the thread-default main context, or as soon as @cancellable is cancelled
 * (then with G_IO_ERROR_CANCELLED), whichever comes first. */
void
steward_timeout_async (guint                ms,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GMainContext *context;
  Wait *wait;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_timeout_async);
  /* What fired first decides: a cancellation after the timer fired does not turn the result into
   * an error, as it would not have for a timer of the caller's own. */
  g_task_set_check_cancellable (task, FALSE);
  wait = g_new0 (Wait, 1);
  g_task_set_task_data (task, wait, wait_free);
  context = g_task_get_context (task);

  wait->timer = g_timeout_source_new (ms);
  g_source_set_callback (wait->timer, timer_cb, g_object_ref (task), g_object_unref);
  g_source_attach (wait->timer, context);

  if (cancellable != NULL)
    {
      wait->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (wait->cancel_source, G_SOURCE_FUNC (cancelled_cb), g_object_ref (task),
                             g_object_unref);
      g_source_attach (wait->cancel_source, context);
    }
}

/* Returns: TRUE when the time was up, FALSE with G_IO_ERROR_CANCELLED when cancelled first. */
gboolean
steward_timeout_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, steward_timeout_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
