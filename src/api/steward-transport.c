/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-transport"

#include "config.h"

#include <glib/gi18n-lib.h>

/* The only file of Steward's API layer that includes libsoup: it sends one HTTP request, retries
 * idempotent GETs after transient failures, and turns transport failures into StewardApiError.
 *
 * Nothing a server sends is trusted to be reasonable: an answer is read in chunks and refused
 * past MAX_BODY_SIZE (a server cannot make Steward hold hundreds of megabytes), each attempt has
 * a deadline besides libsoup's idle timeout (a server dripping a byte every few seconds cannot
 * keep a request open forever), and redirects are not followed: a deployment's API does not
 * redirect, and an answer from another host must not be taken for the deployment's. */

#include <libsoup/soup.h>
#include <string.h>

#include "steward-api-error.h"
#include "steward-timeout.h"
#include "steward-transport.h"

struct _StewardTransport
{
  GObject      parent_instance;

  SoupSession *session;
  gboolean     verify_tls;
  guint        max_retries;
  guint        first_delay_ms;

  /* What went over the wire, for steward-bench: each attempt sent, and the bodies received. */
  guint        request_count;
  guint64      bytes_received;

  guint        deadline_s;

  /* Each request on a connection of its own: see steward_transport_init(). */
  gboolean     fresh_connections;
};

/* A page of 100 datastores is about 100 KB; nothing the API answers comes near this. */
#define MAX_BODY_SIZE (32 * 1024 * 1024)
#define READ_CHUNK (64 * 1024)
#define DEFAULT_DEADLINE_S 120

G_DEFINE_FINAL_TYPE (StewardTransport, steward_transport, G_TYPE_OBJECT)

typedef struct
{
  StewardHttpMethod  method;
  char              *uri;
  char              *token;
  GBytes            *body;
  SoupMessage       *message;
  guint              attempt;
  guint              delay_ms;
  gint64             started_us;

  /* The attempt in progress: its own cancellable (the caller's cancels it; so does the deadline),
   * the answer's stream and what was read of it. */
  GCancellable      *attempt_cancellable;
  gulong             caller_cancelled_id;
  GSource           *deadline_source;
  gboolean           deadline_hit;
  GInputStream      *stream;
  GByteArray        *received;
} Request;

static void send_attempt (GTask *task);

static void
end_attempt (GTask   *task,
             Request *request)
{
  GCancellable *caller = g_task_get_cancellable (task);

  if (request->caller_cancelled_id != 0 && caller != NULL)
    g_cancellable_disconnect (caller, request->caller_cancelled_id);
  request->caller_cancelled_id = 0;
  if (request->deadline_source != NULL)
    g_source_destroy (request->deadline_source);
  g_clear_pointer (&request->deadline_source, g_source_unref);
  g_clear_object (&request->attempt_cancellable);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->received, g_byte_array_unref);
}

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->message);
  g_clear_pointer (&request->body, g_bytes_unref);
  if (request->deadline_source != NULL)
    g_source_destroy (request->deadline_source);
  g_clear_pointer (&request->deadline_source, g_source_unref);
  g_clear_object (&request->attempt_cancellable);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->received, g_byte_array_unref);
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

/* What a user can act on: the host that could not be reached and, in plain words, why. */
static GError *
map_transport_error (const GError *error,
                     const char   *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *host =
      parsed != NULL && g_uri_get_host (parsed) != NULL ? g_uri_get_host (parsed) : uri;
  const char *why = NULL;
  g_autofree char *message = NULL;

  if (error->domain == G_TLS_ERROR)
    return steward_api_error_new (STEWARD_API_ERROR_TLS, 0, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0,
                                  _("The server did not answer in time"));

  if (error->domain == G_RESOLVER_ERROR)
    why = _("its name could not be found");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    why = _("nothing answers there (connection refused)");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    why = _("there is no route to it; check the network");

  if (why == NULL)
    return steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0, error->message);

  /* Translators: %s is a host name, then why it could not be reached. */
  message = g_strdup_printf (_("Cannot reach %s: %s"), host, why);
  return steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0, message);
}

static gboolean
is_retryable_status (guint status)
{
  return status == 502 || status == 503 || status == 504;
}

static void
retry_wait_cb (GObject      *object,
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

  send_attempt (g_steal_pointer (&task));
}

/* Waits with backoff, but gives up the wait at once when the caller cancels. The task's
 * reference moves to the wait, and on to the next attempt. */
static void
schedule_retry (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  g_debug ("%s %s: retrying in %u ms (attempt %u)",
           steward_http_method_to_string (request->method), request->uri,
           request->delay_ms, request->attempt + 1);

  steward_timeout_async (request->delay_ms, g_task_get_cancellable (task), retry_wait_cb, task);
  request->delay_ms *= 2;
}

static GError *
too_large_error (void)
{
  g_autofree char *message =
      g_strdup_printf (_("The server’s answer is larger than Steward accepts (%u MB)"),
                       MAX_BODY_SIZE / (1024 * 1024));

  return steward_api_error_new (STEWARD_API_ERROR_PARSE, 0, message);
}

/* The attempt failed on the way (no complete answer): cancelled, timed out, or the network.
 * Takes TASK's reference and ERROR. */
static void
attempt_failed (GTask  *task,
                GError *error)
{
  g_autoptr(GTask) owned_task = task;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) owned = error;
  g_autoptr(GError) mapped = NULL;
  gboolean deadline_hit = request->deadline_hit;
  gboolean may_retry;

  end_attempt (task, request);
  may_retry = request->method == STEWARD_HTTP_GET &&
              request->attempt < STEWARD_TRANSPORT (g_task_get_source_object (task))->max_retries;

  if (g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !deadline_hit)
    {
      g_task_return_error (task, g_steal_pointer (&owned));
      return;
    }

  if (deadline_hit)
    mapped = steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0,
                                    _("The server did not answer in time"));
  else if (owned->domain == STEWARD_API_ERROR)
    mapped = g_steal_pointer (&owned);
  else
    mapped = map_transport_error (owned, request->uri);
  g_debug ("%s %s failed: %s", steward_http_method_to_string (request->method), request->uri,
           mapped->message);

  if (may_retry && mapped->code == STEWARD_API_ERROR_NETWORK && !deadline_hit)
    {
      request->attempt++;
      schedule_retry (g_steal_pointer (&owned_task));
      return;
    }

  g_task_return_error (task, g_steal_pointer (&mapped));
}

/* The whole answer is in: retry a transient failure, else hand the response over. Takes TASK's
 * reference. */
static void
attempt_answered (GTask *task)
{
  g_autoptr(GTask) owned_task = task;
  StewardTransport *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  guint status = soup_message_get_status (request->message);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  gboolean may_retry = request->method == STEWARD_HTTP_GET && request->attempt < self->max_retries;
  StewardHttpResponse *response;
  const char *reason;

  g_debug ("%s %s → %u (%" G_GINT64_FORMAT " ms)",
           steward_http_method_to_string (request->method), request->uri, status,
           (g_get_monotonic_time () - request->started_us) / 1000);

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autofree char *target = g_utf8_make_valid (location != NULL ? location : "", -1);
      g_autofree char *message =
          g_strdup_printf (_("The server sent Steward to another address (%s); "
                              "Steward does not follow redirects. Check the "
                              "deployment’s address."),
                           target);

      attempt_failed (g_steal_pointer (&owned_task),
                      steward_api_error_new (STEWARD_API_ERROR_BAD_REQUEST, status, message));
      return;
    }

  /* The connection closed before the announced length arrived (when nothing was decoded on the
   * way, the lengths are comparable). */
  if (soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
      soup_message_headers_get_content_length (headers) > request->received->len)
    {
      attempt_failed (g_steal_pointer (&owned_task),
                      steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0,
                                             _("The connection closed before the whole "
                                               "answer arrived")));
      return;
    }

  if (may_retry && is_retryable_status (status))
    {
      end_attempt (task, request);
      request->attempt++;
      schedule_retry (g_steal_pointer (&owned_task));
      return;
    }

  response = g_new0 (StewardHttpResponse, 1);
  response->status = status;
  /* A reason phrase is whatever bytes the server sent: never show invalid UTF-8. */
  reason = soup_message_get_reason_phrase (request->message);
  response->reason = reason != NULL ? g_utf8_make_valid (reason, -1) : NULL;
  response->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&request->received));
  end_attempt (task, request);
  g_task_return_pointer (task, response, (GDestroyNotify) steward_http_response_free);
}

static void read_more (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  StewardTransport *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      attempt_failed (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      attempt_answered (task);
      return;
    }

  self->bytes_received += g_bytes_get_size (chunk);
  if (request->received->len + g_bytes_get_size (chunk) > MAX_BODY_SIZE)
    {
      attempt_failed (task, too_large_error ());
      return;
    }

  g_byte_array_append (request->received, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_more (task);
}

static void
read_more (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (request->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   request->attempt_cancellable, read_cb, task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  goffset length;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      attempt_failed (task, error);
      return;
    }

  /* Refused before reading when the server announces too much. */
  length = soup_message_headers_get_content_length (
      soup_message_get_response_headers (request->message));
  if (length > MAX_BODY_SIZE)
    {
      attempt_failed (task, too_large_error ());
      return;
    }

  request->received = g_byte_array_sized_new (length > 0 ? (guint) length : READ_CHUNK);
  read_more (task);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Request *request = user_data;

  request->deadline_hit = TRUE;
  g_clear_pointer (&request->deadline_source, g_source_unref);
  g_cancellable_cancel (request->attempt_cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *attempt)
{
  g_cancellable_cancel (attempt);
}

/* Takes TASK's reference; the attempt holds it until its answer is read. */
static void
send_attempt (GTask *task)
{
  g_autoptr(GTask) owned = task;
  StewardTransport *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_clear_object (&request->message);
  request->message =
      soup_message_new (steward_http_method_to_string (request->method), request->uri);
  if (request->message == NULL)
    {
      g_task_return_error (task,
                           steward_api_error_new (STEWARD_API_ERROR_NETWORK, 0,
                                                  _("The server address is not a valid URL")));
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

  /* Redirects are answers to report, not to follow. */
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);
  if (self->fresh_connections)
    soup_message_add_flags (request->message, SOUP_MESSAGE_NEW_CONNECTION);

  request->attempt_cancellable = g_cancellable_new ();
  request->deadline_hit = FALSE;
  if (g_task_get_cancellable (task) != NULL)
    request->caller_cancelled_id =
        g_cancellable_connect (g_task_get_cancellable (task), G_CALLBACK (caller_cancelled_cb),
                               g_object_ref (request->attempt_cancellable), g_object_unref);
  request->deadline_source = g_timeout_source_new_seconds (self->deadline_s);
  g_source_set_callback (request->deadline_source, deadline_cb, request, NULL);
  g_source_attach (request->deadline_source, g_task_get_context (task));

  request->started_us = g_get_monotonic_time ();
  self->request_count++;
  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           request->attempt_cancellable, send_cb, g_steal_pointer (&owned));
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
  self->deadline_s = DEFAULT_DEADLINE_S;
  /* libsoup 3.2 (Debian 12) crashes when a server closes a kept-alive connection while it is
   * answering: libsoup sends the request again on a new connection, then the first connection's
   * late error finishes the message and the second answer reads what that cleared (a NULL read
   * in run_until_read_done(); tests/test-faults-window.c met it in about half its runs on a busy
   * machine). A request on a connection of its own is never sent again by libsoup, and Steward's
   * own retries cover failed reads. Later libsoup checks for the restarted message: there,
   * connections are kept. */
  self->fresh_connections = soup_get_major_version () == 3 && soup_get_minor_version () < 4;
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

/* The most any one attempt may take, however slowly the server trickles its answer. */
void
steward_transport_set_deadline (StewardTransport *self,
                                guint             seconds)
{
  g_return_if_fail (STEWARD_IS_TRANSPORT (self));

  self->deadline_s = MAX (seconds, 1);
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

/* How many requests this transport has sent (a retry counts again). Counted on the thread that
 * sends, like everything else here; steward-bench reads it to check what a measurement cost. */
guint
steward_transport_get_request_count (StewardTransport *self)
{
  g_return_val_if_fail (STEWARD_IS_TRANSPORT (self), 0);

  return self->request_count;
}

/* How many bytes of response bodies (as decoded by libsoup) this transport has received. */
guint64
steward_transport_get_bytes_received (StewardTransport *self)
{
  g_return_val_if_fail (STEWARD_IS_TRANSPORT (self), 0);

  return self->bytes_received;
}
