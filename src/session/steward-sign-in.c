/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-sign-in"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-keyring.h"
#include "steward-sign-in.h"

/* Checks a deployment URL and a token before anything is kept, stage by stage, so a failure can
 * name its stage: is the URL a reachable server with a trusted certificate, is it a Qualytics
 * server (GET /api/health), has the token expired (its JWT "exp", read without the signature),
 * and does the server accept it (GET /api/users/me). */

G_DEFINE_QUARK (steward-sign-in-error-quark, steward_sign_in_error)

typedef struct
{
  StewardClient *client;
  char          *token;
  StewardUser   *user;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_clear_object (&check->client);
  g_clear_pointer (&check->token, steward_keyring_wipe_string);
  g_clear_object (&check->user);
  g_free (check);
}

static void
return_stage_error (GTask              *task,
                    StewardSignInError  code,
                    const char         *message)
{
  g_task_return_new_error (task, STEWARD_SIGN_IN_ERROR, code, "%s", message);
}

/* Network and TLS failures look the same whichever request met them. */
static gboolean
return_transport_error (GTask        *task,
                        const GError *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (error));
      return TRUE;
    }

  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TLS))
    {
      message =
          g_strdup_printf (_("The server’s TLS certificate is not trusted: %s"), error->message);
      return_stage_error (task, STEWARD_SIGN_IN_ERROR_TLS, message);
      return TRUE;
    }

  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK))
    {
      message = g_strdup_printf (_("The server cannot be reached: %s"), error->message);
      return_stage_error (task, STEWARD_SIGN_IN_ERROR_UNREACHABLE, message);
      return TRUE;
    }

  return FALSE;
}

static void
user_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  check->user = steward_client_get_current_user_finish (STEWARD_CLIENT (object), result, &error);
  if (check->user != NULL)
    {
      g_task_return_pointer (task, g_object_ref (check->client), g_object_unref);
      return;
    }

  if (return_transport_error (task, error))
    return;

  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
    {
      message = g_strdup_printf (_("The deployment rejected this token: %s"), error->message);
      return_stage_error (task, STEWARD_SIGN_IN_ERROR_REJECTED_TOKEN, message);
      return;
    }

  message = g_strdup_printf (_("Could not read the signed-in user: %s"), error->message);
  return_stage_error (task, STEWARD_SIGN_IN_ERROR_FAILED, message);
}

static void
health_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  gint64 expiry;

  if (!steward_client_check_health_finish (STEWARD_CLIENT (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (return_transport_error (task, error))
        return;

      /* A deployment that is down for maintenance is still a Qualytics deployment. */
      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_SERVER))
        {
          message = g_strdup_printf (_("The server reported a problem: %s"), error->message);
          return_stage_error (task, STEWARD_SIGN_IN_ERROR_FAILED, message);
          return;
        }

      message = g_strdup_printf (_("The server answered, but not like a Qualytics deployment (%s)"),
                                 error->message);
      return_stage_error (task, STEWARD_SIGN_IN_ERROR_NOT_QUALYTICS, message);
      return;
    }

  expiry = steward_jwt_get_expiry (check->token);
  if (expiry <= g_get_real_time () / G_USEC_PER_SEC)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (expiry);
      g_autofree char *date = when != NULL ? g_date_time_format (when, "%x %X") : g_strdup ("?");
      g_autofree char *message =
          g_strdup_printf (_("This token expired on %s; create a new one"), date);

      return_stage_error (task, STEWARD_SIGN_IN_ERROR_EXPIRED_TOKEN, message);
      return;
    }

  /* Read before the task is handed on: argument order is unspecified. */
  cancellable = g_task_get_cancellable (task);
  steward_client_set_token (check->client, check->token);
  steward_client_get_current_user_async (check->client, cancellable, user_cb,
                                         g_steal_pointer (&task));
}

void
steward_sign_in_check_async (const char          *url,
                             const char          *token,
                             gboolean             verify_tls,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  Check *check;

  g_task_set_source_tag (task, steward_sign_in_check_async);

  check = g_new0 (Check, 1);
  g_task_set_task_data (task, check, check_free);

  check->client = steward_client_new (url != NULL ? url : "", &error);
  if (check->client == NULL)
    {
      return_stage_error (task, STEWARD_SIGN_IN_ERROR_INVALID_URL, error->message);
      return;
    }

  if (token == NULL || *token == '\0')
    {
      return_stage_error (task, STEWARD_SIGN_IN_ERROR_REJECTED_TOKEN, _("Enter an API token"));
      return;
    }

  check->token = g_strdup (token);
  steward_client_set_verify_tls (check->client, verify_tls);
  steward_client_check_health_async (check->client, cancellable, health_cb,
                                     g_steal_pointer (&task));
}

/* Returns: (transfer full): a client for the deployment, carrying the checked token */
StewardClient *
steward_sign_in_check_finish (GAsyncResult  *result,
                              StewardUser  **user,
                              GError       **error)
{
  Check *check;
  StewardClient *client;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  check = g_task_get_task_data (G_TASK (result));
  client = g_task_propagate_pointer (G_TASK (result), error);
  if (user != NULL)
    *user = client != NULL ? g_object_ref (check->user) : NULL;
  return client;
}
