/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

/* What the demo server does instead of answering plainly: injected and random faults, replies
 * deferred by latency, stalls and slow hosts, and requests refused on their headers before their
 * body is read. Kept apart from steward-demo-server.c so the object and its routing read without
 * the socket handling these need. All of it runs on the server thread, except the public calls
 * that queue faults, which take the lock. */

#include "steward-demo-server-private.h"

#include <string.h>

#define REFUSAL_IDLE_MS 2000
#define REFUSAL_MAX_MS 30000
#define DISCARD_BUFFER_SIZE (64 * 1024)

typedef struct
{
  StewardDemoServer *self;
  SoupServerMessage *msg;
  GSource           *source;
  PendingMode        mode;
  gboolean           truncate;
  gulong             finished_id;
  gboolean           finished;
} Pending;

/* A request refused on its headers alone, answered on the connection taken over from libsoup. */
typedef struct
{
  StewardDemoServer *self;
  GIOStream         *stream;
  GSocket           *socket;
  GCancellable      *cancellable;
  GSource           *idle;     /* closes when the client has sent nothing for a while */
  GSource           *deadline; /* closes in any case */
  GBytes            *answer;
  guint8            *buffer;
} Refusal;

void
_demo_fault_rule_free (gpointer data)
{
  FaultRule *rule = data;

  g_free (rule->method);
  g_free (rule->path_prefix);
  g_free (rule);
}

void
_demo_bulk_failure_free (gpointer data)
{
  BulkFailure *failure = data;

  g_free (failure->target);
  g_free (failure->message);
  g_free (failure);
}

void
_demo_server_truncate_response (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GBytes) full = soup_message_body_flatten (body);
  gsize length = g_bytes_get_size (full);
  const char *text = g_bytes_get_data (full, NULL);

  if (length < 2)
    {
      text = "{\"items\": [{\"id\": 1}]}";
      length = strlen (text);
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, text, length / 2);
}

/* Deferred replies: latency, stalls and slow hosts pause the message and carry on from a timeout
 * on the server's context, so a slow answer never holds up the others. */

static void
pending_free (Pending *pending)
{
  if (pending->source != NULL)
    {
      g_source_destroy (pending->source);
      g_source_unref (pending->source);
    }
  g_clear_signal_handler (&pending->finished_id, pending->msg);
  g_object_unref (pending->msg);
  g_free (pending);
}

static void
pending_finished_cb (SoupServerMessage *msg,
                     gpointer           user_data)
{
  Pending *pending = user_data;

  pending->finished = TRUE;
}

/* A client that gave up while its request was stalled has closed its end: handling the request
 * would change the state for nobody, so it is dropped instead. */
static gboolean
client_gone (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  GIOCondition condition;
  char byte;
  GInputVector vector = { &byte, 1 };
  int flags = G_SOCKET_MSG_PEEK;

  if (socket == NULL)
    return TRUE;

  condition = g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR);
  if ((condition & (G_IO_HUP | G_IO_ERR)) != 0)
    return TRUE;
  if ((condition & G_IO_IN) != 0)
    return g_socket_receive_message (socket, NULL, &vector, 1, NULL, NULL, &flags,
                                     NULL, NULL) <= 0;
  return FALSE;
}

static gboolean
pending_cb (gpointer user_data)
{
  Pending *pending = user_data;
  StewardDemoServer *self = pending->self;
  SoupServerMessage *msg = g_object_ref (pending->msg);
  PendingMode mode = pending->mode;
  gboolean truncate = pending->truncate;
  gboolean finished = pending->finished;

  self->pending = g_list_remove (self->pending, pending);
  g_clear_pointer (&pending->source, g_source_unref);
  pending_free (pending);

  if (!finished)
    {
      if (mode == PENDING_HANDLE && client_gone (msg))
        {
          soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
          soup_server_message_unpause (msg);
        }
      else if (mode == PENDING_HANDLE)
        _demo_server_handle (self, msg, truncate, TRUE);
      else
        soup_server_message_unpause (msg);
    }

  g_object_unref (msg);
  return G_SOURCE_REMOVE;
}

void
_demo_server_defer (StewardDemoServer *self,
                    SoupServerMessage *msg,
                    guint              delay_ms,
                    PendingMode        mode,
                    gboolean           truncate,
                    gboolean           already_paused)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = self;
  pending->msg = g_object_ref (msg);
  pending->mode = mode;
  pending->truncate = truncate;
  pending->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (pending_finished_cb),
                                           pending);
  pending->source = g_timeout_source_new (delay_ms);
  g_source_set_callback (pending->source, pending_cb, pending, NULL);
  g_source_attach (pending->source, self->context);
  self->pending = g_list_prepend (self->pending, pending);

  if (!already_paused)
    soup_server_message_pause (msg);
}

/* Faults */

static const char bad_gateway_page[] =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
  "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
  "</html>\r\n";
static const char unavailable_page[] =
  "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
  "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n"
  "</body>\r\n</html>\r\n";
static const char sign_in_page[] =
  "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Sign in · Acme SSO"
  "</title></head>\n<body><form method=\"post\" action=\"/sso/login\"><input name=\"user\">"
  "<input name=\"password\" type=\"password\"><button>Sign in</button></form></body>\n</html>\n";

gboolean
_demo_server_take_fault (StewardDemoServer *self,
                         const char        *method,
                         const char        *path,
                         StewardDemoFault  *out)
{
  static const StewardDemoFault random_faults[] = {
    STEWARD_DEMO_FAULT_500, STEWARD_DEMO_FAULT_502, STEWARD_DEMO_FAULT_503,
    STEWARD_DEMO_FAULT_DROP, STEWARD_DEMO_FAULT_TRUNCATED, STEWARD_DEMO_FAULT_NOT_JSON,
  };

  g_mutex_lock (&self->lock);
  for (GList *l = self->faults.head; l != NULL; l = l->next)
    {
      FaultRule *rule = l->data;

      if ((rule->method != NULL && g_ascii_strcasecmp (rule->method, method) != 0) ||
          (rule->path_prefix != NULL && !g_str_has_prefix (path, rule->path_prefix)))
        continue;

      *out = rule->fault;
      if (--rule->count == 0)
        {
          g_queue_delete_link (&self->faults, l);
          _demo_fault_rule_free (rule);
        }
      g_mutex_unlock (&self->lock);
      return TRUE;
    }
  g_mutex_unlock (&self->lock);

  /* The random generator is the server thread's alone. */
  if (self->fault_rate > 0 && g_rand_double (self->fault_rand) < self->fault_rate)
    {
      *out = random_faults[g_rand_int_range (self->fault_rand, 0, G_N_ELEMENTS (random_faults))];
      return TRUE;
    }

  return FALSE;
}

/* Called by bulk creation on the server thread: the message TARGET must fail with this time, or
 * NULL when it may be created. */
char *
_demo_server_take_bulk_failure (StewardDemoServer *self,
                                const char        *target)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  for (GList *l = self->bulk_failures.head; l != NULL; l = l->next)
    {
      BulkFailure *failure = l->data;
      char *message;

      if (strcmp (failure->target, target) != 0)
        continue;

      message = g_strdup (failure->message);
      if (--failure->count == 0)
        {
          g_queue_delete_link (&self->bulk_failures, l);
          _demo_bulk_failure_free (failure);
        }
      return message;
    }

  return NULL;
}

/* The faults that answer without handling the request: nothing changes. */
void
_demo_server_answer_fault (SoupServerMessage *msg,
                           StewardDemoFault   fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  GIOStream *stream;

  switch (fault)
    {
    case STEWARD_DEMO_FAULT_500:
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC,
                                        "Internal Server Error", strlen ("Internal Server Error"));
      break;

    case STEWARD_DEMO_FAULT_502:
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_GATEWAY, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        bad_gateway_page, strlen (bad_gateway_page));
      break;

    case STEWARD_DEMO_FAULT_503:
      soup_message_headers_replace (headers, "Retry-After", "5");
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        unavailable_page, strlen (unavailable_page));
      break;

    case STEWARD_DEMO_FAULT_NOT_JSON:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        sign_in_page, strlen (sign_in_page));
      break;

    case STEWARD_DEMO_FAULT_DROP:
      stream = soup_server_message_steal_connection (msg);
      if (stream != NULL)
        {
          g_io_stream_close (stream, NULL, NULL);
          g_object_unref (stream);
        }
      break;

    case STEWARD_DEMO_FAULT_TRUNCATED:
    case STEWARD_DEMO_FAULT_STALL:
    default:
      g_assert_not_reached ();
    }
}

/* Refusing a request before its body. libsoup reads a request's whole body before the handler
 * runs, whatever an early handler answers, so a request that can be refused on its headers alone
 * (a body announced over the limit, a missing or bad token) is answered on the connection, taken
 * over from libsoup, before any of the body is read into memory. The answer says
 * "Connection: close"; what the client still sends is dropped through a small buffer until it
 * stops sending (or 30 s pass), so that a client busy sending its body reads the answer rather
 * than a reset, and then the connection closes. Nothing of the body is kept or parsed. */

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
refusal_done (Refusal *refusal)
{
  refusal->self->refusals = g_list_remove (refusal->self->refusals, refusal);
  clear_source (&refusal->idle);
  clear_source (&refusal->deadline);
  g_io_stream_close (refusal->stream, NULL, NULL);
  g_object_unref (refusal->stream);
  g_object_unref (refusal->socket);
  g_object_unref (refusal->cancellable);
  g_bytes_unref (refusal->answer);
  g_free (refusal->buffer);
  g_free (refusal);
}

static gboolean
refusal_time_up_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static GSource *
refusal_timer (Refusal *refusal,
               guint    ms)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, refusal_time_up_cb, g_object_ref (refusal->cancellable),
                         g_object_unref);
  g_source_attach (source, refusal->self->context);
  return source;
}

static void
refusal_discard (Refusal *refusal);

static void
refusal_discarded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Refusal *refusal = user_data;

  /* The end of the body, an error, or the time is up. */
  if (g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL) <= 0)
    refusal_done (refusal);
  else
    refusal_discard (refusal);
}

static void
refusal_discard (Refusal *refusal)
{
  clear_source (&refusal->idle);
  refusal->idle = refusal_timer (refusal, REFUSAL_IDLE_MS);
  g_input_stream_read_async (g_io_stream_get_input_stream (refusal->stream), refusal->buffer,
                             DISCARD_BUFFER_SIZE, G_PRIORITY_DEFAULT, refusal->cancellable,
                             refusal_discarded_cb, refusal);
}

static void
refusal_answered_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Refusal *refusal = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL))
    {
      refusal_done (refusal);
      return;
    }

  /* The client sees the end of the answer, which a reset could take from it. */
  g_socket_shutdown (refusal->socket, FALSE, TRUE, NULL);
  refusal_discard (refusal);
}

/* The answer set on MSG, as it goes on the wire, closing the connection. */
static GBytes *
serialize_answer (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_response_body (msg));
  GString *text = g_string_new (NULL);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  soup_message_headers_replace (headers, "Connection", "close");
  soup_message_headers_set_content_length (headers, g_bytes_get_size (body));
  g_string_append_printf (text, "HTTP/1.%c %u %s\r\n",
                          soup_server_message_get_http_version (msg) == SOUP_HTTP_1_0 ? '0' : '1',
                          soup_server_message_get_status (msg),
                          soup_server_message_get_reason_phrase (msg));
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_string_append_printf (text, "%s: %s\r\n", name, value);
  g_string_append (text, "\r\n");
  g_string_append_len (text, g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  return g_string_free_to_bytes (text);
}

/* Sends the answer already set on MSG and closes its connection, reading no more of its body. */
void
_demo_server_refuse (StewardDemoServer *self,
                     SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GBytes) answer = NULL;
  GIOStream *stream;
  Refusal *refusal;
  gsize length;
  const char *data;

  _demo_server_log_request (self, soup_server_message_get_method (msg), g_uri_get_path (uri), uri,
                            msg);
  answer = serialize_answer (msg);
  if (socket == NULL)
    return;

  g_object_ref (socket);
  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    {
      g_object_unref (socket);
      return;
    }

  refusal = g_new0 (Refusal, 1);
  refusal->self = self;
  refusal->stream = stream;
  refusal->socket = socket;
  refusal->cancellable = g_cancellable_new ();
  refusal->answer = g_steal_pointer (&answer);
  refusal->buffer = g_malloc (DISCARD_BUFFER_SIZE);
  refusal->idle = refusal_timer (refusal, REFUSAL_IDLE_MS);
  refusal->deadline = refusal_timer (refusal, REFUSAL_MAX_MS);
  self->refusals = g_list_prepend (self->refusals, refusal);

  data = g_bytes_get_data (refusal->answer, &length);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream), data, length,
                                   G_PRIORITY_DEFAULT, refusal->cancellable, refusal_answered_cb,
                                   refusal);
}

/* On the server thread, as it stops. */
void
_demo_server_drop_deferred (StewardDemoServer *self)
{
  g_list_free_full (g_steal_pointer (&self->pending), (GDestroyNotify) pending_free);
  /* Refusals end when their cancelled reads or writes report back. */
  for (GList *l = self->refusals; l != NULL; l = l->next)
    g_cancellable_cancel (((Refusal *) l->data)->cancellable);
  while (self->refusals != NULL)
    g_main_context_iteration (self->context, TRUE);
}

void
steward_demo_server_inject_fault (StewardDemoServer *self,
                                  const char        *method,
                                  const char        *path_prefix,
                                  StewardDemoFault   fault,
                                  guint              count)
{
  g_autoptr(GMutexLocker) locker = NULL;
  FaultRule *rule;

  g_return_if_fail (STEWARD_IS_DEMO_SERVER (self));
  g_return_if_fail (fault <= STEWARD_DEMO_FAULT_STALL);

  if (count == 0)
    return;

  rule = g_new0 (FaultRule, 1);
  rule->method = g_strdup (method);
  rule->path_prefix = g_strdup (path_prefix);
  rule->fault = fault;
  rule->count = count;

  locker = g_mutex_locker_new (&self->lock);
  g_queue_push_tail (&self->faults, rule);
}

void
steward_demo_server_fail_bulk_target (StewardDemoServer *self,
                                      const char        *target,
                                      const char        *message,
                                      guint              count)
{
  g_autoptr(GMutexLocker) locker = NULL;
  BulkFailure *failure;

  g_return_if_fail (STEWARD_IS_DEMO_SERVER (self));
  g_return_if_fail (target != NULL && message != NULL);

  if (count == 0)
    return;

  failure = g_new0 (BulkFailure, 1);
  failure->target = g_strdup (target);
  failure->message = g_strdup (message);
  failure->count = count;

  locker = g_mutex_locker_new (&self->lock);
  g_queue_push_tail (&self->bulk_failures, failure);
}
