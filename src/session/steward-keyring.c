/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-keyring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "steward-keyring.h"

/* API tokens live only in the system keyring (the Secret portal inside Flatpak), one per
 * deployment URL. Nothing here logs a token. */

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "io.github.stewardapp.Steward.Token",
    SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

/* Keyring calls run one at a time, in the order they were made. Signing out and straight back
 * in must leave the new token stored, not race its removal; and libsecret 0.20 fails a removal
 * twice over (returning its task twice) when another removal of the same item wins. */
typedef enum
{
  OPERATION_STORE,
  OPERATION_LOOKUP,
  OPERATION_CLEAR,
} OperationKind;

typedef struct
{
  OperationKind  kind;
  char          *url;
  char          *label;
  char          *token;
} Operation;

static GQueue queue = G_QUEUE_INIT;   /* GTask*, the first one running */

static void run_next (void);

static void
operation_free (gpointer data)
{
  Operation *operation = data;

  g_free (operation->url);
  g_free (operation->label);
  steward_keyring_wipe_string (operation->token);
  g_free (operation);
}

/* The running operation is done: the next one starts, then this one's caller hears of it. */
static GTask *
finish_running (void)
{
  GTask *task = g_queue_pop_head (&queue);

  run_next ();
  return task;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = finish_running ();
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The keyring did not store the token"));
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = finish_running ();
  GError *error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = finish_running ();
  GError *error = NULL;

  /* FALSE without an error just means nothing was stored. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
run_next_idle_cb (gpointer user_data)
{
  GTask *task = g_queue_peek_head (&queue);
  Operation *operation;
  GCancellable *cancellable;

  if (task == NULL)
    return G_SOURCE_REMOVE;

  operation = g_task_get_task_data (task);
  cancellable = g_task_get_cancellable (task);
  switch (operation->kind)
    {
    case OPERATION_STORE:
      secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, operation->label,
                             operation->token, cancellable, store_cb, NULL,
                             "url", operation->url,
                             NULL);
      break;
    case OPERATION_LOOKUP:
      secret_password_lookup (token_schema (), cancellable, lookup_cb, NULL,
                              "url", operation->url,
                              NULL);
      break;
    case OPERATION_CLEAR:
    default:
      secret_password_clear (token_schema (), cancellable, clear_cb, NULL,
                             "url", operation->url,
                             NULL);
      break;
    }

  return G_SOURCE_REMOVE;
}

/* Starts the operation at the head of the queue, from the main loop rather than from inside a
 * caller or a completion; at the priority of I/O, since an idle one could wait behind redraws
 * for as long as a spinner turns on a slow renderer. */
static void
run_next (void)
{
  if (!g_queue_is_empty (&queue))
    g_idle_add_full (G_PRIORITY_DEFAULT, run_next_idle_cb, NULL, NULL);
}

static void
enqueue (GTask *task)
{
  g_queue_push_tail (&queue, task);
  if (g_queue_get_length (&queue) == 1)
    run_next ();
}

static GTask *
new_operation (OperationKind        kind,
               const char          *url,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Operation *operation = g_new0 (Operation, 1);

  operation->kind = kind;
  operation->url = g_strdup (url);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, operation, operation_free);
  return task;
}

void
steward_keyring_store_async (const char          *url,
                             const char          *profile_name,
                             const char          *token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Operation *operation;

  g_return_if_fail (url != NULL && token != NULL);

  task = new_operation (OPERATION_STORE, url, steward_keyring_store_async, cancellable, callback,
                        user_data);
  operation = g_task_get_task_data (task);
  operation->token = g_strdup (token);
  /* Translators: the label of the token in the keyring; %s is the profile's name. */
  operation->label =
      g_strdup_printf (_("Steward API token for %s"), profile_name != NULL ? profile_name : url);
  enqueue (task);
}

gboolean
steward_keyring_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
steward_keyring_lookup_async (const char          *url,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (url != NULL);

  enqueue (new_operation (OPERATION_LOOKUP, url, steward_keyring_lookup_async,
                          cancellable, callback, user_data));
}

/* Returns: (transfer full) (nullable): the token, or NULL when none is stored; free it with
 * steward_keyring_free_token(), which wipes it */
char *
steward_keyring_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
steward_keyring_clear_async (const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (url != NULL);

  enqueue (new_operation (OPERATION_CLEAR, url, steward_keyring_clear_async,
                          cancellable, callback, user_data));
}

gboolean
steward_keyring_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
steward_keyring_free_token (char *token)
{
  secret_password_free (token);
}

/* Frees a copy of a secret after overwriting it, so it does not linger in freed memory. */
void
steward_keyring_wipe_string (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}
