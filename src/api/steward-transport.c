/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-transport"

#include <glib/gi18n-lib.h>

/* The only file of Steward's API layer that includes libsoup: it sends one HTTP request, retries
 * idempotent GETs after transient failures, and turns transport failures into StewardApiError. */

#include <libsoup/soup.h>
#include <string.h>

#include "steward-api-error.h"
#include "steward-transport.h"

struct _StewardTransport
{
  GObject      parent_instance;

  SoupSession *session;
  gboolean     verify_tls;
  guint        max_retries;
  guint        first_delay_ms;
};

G_DEFINE_FINAL_TYPE (StewardTransport, steward_transport, G_TYPE_OBJECT)

typedef struct
{
  StewardHttpMethod  method;
  char              *uri;
  char              *token;
  GBytes            *body;
  SoupMessage       *message;
  GSource           *wait_source;
  GSource           *cancel_source;
  guint              attempt;
  guint              delay_ms;
  gint64             started_us;
} Request;

static void send_attempt (GTask *task);

static void
request_free (gpointer data)
{
  Request *request = data;

  if (request->wait_source != NULL)
    g_source_destroy (request->wait_source);
  g_clear_pointer (&request->wait_source, g_source_unref);
  if (request->cancel_source != NULL)
    g_source_destroy (request->cancel_source);
  g_clear_pointer (&request->cancel_source, g_source_unref);
  g_clear_object (&request->message);
  g_clear_pointer (&request->body, g_bytes_unref);
  if (request->token != NULL)
    explicit_bzero (request->token, strlen (request->token));
  g_clear_pointer (&request->token, g_free);
  g_free (request->uri);
  g_free (request);
}

void
steward_http_response_free (StewardHttpResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->reason);
  g_free (response->content_type);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

const char *
steward_http_method_to_string (StewardHttpMethod method)
{
  switch (method)
    {
    case STEWARD_HTTP_GET:
      return "GET";
    case STEWARD_HTTP_POST:
      return "POST";
    case STEWARD_HTTP_PUT:
      return "PUT";
    case STEWARD_HTTP_PATCH:
      return "PATCH";
    case STEWARD_HTTP_DELETE:
      return "DELETE";
    default:
      g_return_val_if_reached ("GET");
    }
}

static gboolean
accept_any_certificate_cb (SoupMessage          *message,
                           GTlsCertificate      *certificate,
                           GTlsCertificateFlags  errors,
                           gpointer              user_data)
{
  return TRUE;
}

static GError *
map_transport_error (const GError *error)
{
  if (error->domain == G_TLS_ERROR)
    return steward_api_error_new (STEWARD_API_ERROR_TLS, 0, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0, _("The server did not answer in time"));

  if (error->domain == G_RESOLVER_ERROR)
    return steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0, error->message);

  return steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0, error->message);
}

static gboolean
is_retryable_status (guint status)
{
  return status == 502 || status == 503 || status == 504;
}

static gboolean
retry_wait_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  g_clear_pointer (&request->wait_source, g_source_unref);
  if (request->cancel_source != NULL)
    g_source_destroy (request->cancel_source);
  g_clear_pointer (&request->cancel_source, g_source_unref);

  send_attempt (task);
  return G_SOURCE_REMOVE;
}

static gboolean
retry_wait_cancelled_cb (GCancellable *cancellable,
                         gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  g_clear_pointer (&request->cancel_source, g_source_unref);
  if (request->wait_source != NULL)
    g_source_destroy (request->wait_source);
  g_clear_pointer (&request->wait_source, g_source_unref);

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* Waits with backoff, but gives up the wait at once when the caller cancels. The task's
 * reference moves to whichever of the two sources fires. */
static void
schedule_retry (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GMainContext *context = g_task_get_context (task);

  g_debug ("%s %s: retrying in %u ms (attempt %u)",
           steward_http_method_to_string (request->method), request->uri,
           request->delay_ms, request->attempt + 1);

  request->wait_source = g_timeout_source_new (request->delay_ms);
  g_source_set_callback (request->wait_source, retry_wait_done_cb, task, NULL);
  g_source_attach (request->wait_source, context);

  if (cancellable != NULL)
    {
      request->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (request->cancel_source, G_SOURCE_FUNC (retry_wait_cancelled_cb), task, NULL);
      g_source_attach (request->cancel_source, context);
    }

  request->delay_ms *= 2;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SoupSession *session = SOUP_SESSION (object);
  GTask *task = user_data;
  StewardTransport *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  StewardHttpResponse *response;
  guint status;
  gboolean may_retry;

  body = soup_session_send_and_read_finish (session, result, &error);
  status = soup_message_get_status (request->message);
  may_retry = request->method == STEWARD_HTTP_GET && request->attempt < self->max_retries;

  if (error != NULL)
    {
      g_autoptr(GError) mapped = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }

      mapped = map_transport_error (error);
      g_debug ("%s %s failed: %s", steward_http_method_to_string (request->method),
               request->uri, error->message);

      if (may_retry && mapped->code == STEWARD_API_ERROR_NETWORK)
        {
          request->attempt++;
          schedule_retry (task);
          return;
        }

      g_task_return_error (task, g_steal_pointer (&mapped));
      g_object_unref (task);
      return;
    }

  g_debug ("%s %s → %u (%" G_GINT64_FORMAT " ms)",
           steward_http_method_to_string (request->method), request->uri, status,
           (g_get_monotonic_time () - request->started_us) / 1000);

  if (may_retry && is_retryable_status (status))
    {
      request->attempt++;
      schedule_retry (task);
      return;
    }

  response = g_new0 (StewardHttpResponse, 1);
  response->status = status;
  response->reason = g_strdup (soup_message_get_reason_phrase (request->message));
  response->content_type = g_strdup (soup_message_headers_get_content_type (
                                       soup_message_get_response_headers (request->message), NULL));
  response->body = g_steal_pointer (&body);
  g_task_return_pointer (task, response, (GDestroyNotify) steward_http_response_free);
  g_object_unref (task);
}

static void
send_attempt (GTask *task)
{
  StewardTransport *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  g_clear_object (&request->message);
  request->message = soup_message_new (steward_http_method_to_string (request->method), request->uri);
  if (request->message == NULL)
    {
      g_task_return_error (task, steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0,
                                                        _("The server address is not a valid URL")));
      g_object_unref (task);
      return;
    }

  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (request->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", request->token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
      explicit_bzero (value, strlen (value));
    }

  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json", request->body);

  if (!self->verify_tls)
    g_signal_connect (request->message, "accept-certificate",
                      G_CALLBACK (accept_any_certificate_cb), NULL);

  request->started_us = g_get_monotonic_time ();
  soup_session_send_and_read_async (self->session,
                                    request->message,
                                    G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task),
                                    send_cb,
                                    task);
}

static void
steward_transport_dispose (GObject *object)
{
  StewardTransport *self = STEWARD_TRANSPORT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_transport_parent_class)->dispose (object);
}

static void
steward_transport_class_init (StewardTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_transport_dispose;
}

static void
steward_transport_init (StewardTransport *self)
{
  /* Enough connections per host for the bounded page fetches of the datastore list. */
  self->session = soup_session_new_with_options ("user-agent", "Steward/" PACKAGE_VERSION " ",
                                                 "max-conns-per-host", 6,
                                                 "timeout", 30,
                                                 "idle-timeout", 60,
                                                 NULL);
  self->verify_tls = TRUE;
  self->max_retries = 3;
  self->first_delay_ms = 250;
}

StewardTransport *
steward_transport_new (void)
{
  return g_object_new (STEWARD_TYPE_TRANSPORT, NULL);
}

void
steward_transport_set_verify_tls (StewardTransport *self,
                                  gboolean          verify_tls)
{
  g_return_if_fail (STEWARD_IS_TRANSPORT (self));

  self->verify_tls = !!verify_tls;
}

void
steward_transport_set_timeout (StewardTransport *self,
                               guint             seconds)
{
  g_return_if_fail (STEWARD_IS_TRANSPORT (self));

  soup_session_set_timeout (self->session, seconds);
}

void
steward_transport_set_retries (StewardTransport *self,
                               guint             max_retries,
                               guint             first_delay_ms)
{
  g_return_if_fail (STEWARD_IS_TRANSPORT (self));

  self->max_retries = max_retries;
  self->first_delay_ms = MAX (first_delay_ms, 1);
}

/* Sends one request; only GET is ever sent again, after a network error or a 502/503/504, at
 * most max_retries times with doubling delays. POST, PUT, PATCH and DELETE go out exactly once:
 * a bulk create must never be sent twice. */
void
steward_transport_send_async (StewardTransport    *self,
                              StewardHttpMethod    method,
                              const char          *uri,
                              const char          *bearer_token,
                              GBytes              *json_body,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  Request *request;

  g_return_if_fail (STEWARD_IS_TRANSPORT (self));
  g_return_if_fail (uri != NULL);

  request = g_new0 (Request, 1);
  request->method = method;
  request->uri = g_strdup (uri);
  request->token = g_strdup (bearer_token);
  request->body = json_body != NULL ? g_bytes_ref (json_body) : NULL;
  request->delay_ms = self->first_delay_ms;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_transport_send_async);
  g_task_set_task_data (task, request, request_free);

  send_attempt (task);
}

StewardHttpResponse *
steward_transport_send_finish (StewardTransport  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
