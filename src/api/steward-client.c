/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steward-api-error.h"
#include "steward-client-private.h"
#include "steward-jwt.h"
#include "steward-json.h"
#include "steward-url.h"

/* One deployment's API: its normalized base URL, the bearer token, TLS and timeout settings, and
 * one transport (one SoupSession, so connections are reused). Every call is an _async/_finish
 * pair; the answer is parsed on a worker thread.
 *
 * A call the server answers with 401, or one whose token has expired, is not failed at once when
 * someone handles ::authentication-required: it waits until a new token is set and is then sent
 * again, so whatever screen made it carries on. A 401 means the server did nothing, so sending
 * again is safe for every method. */
struct _StewardClient
{
  GObject           parent_instance;

  StewardTransport *transport;
  char             *base_url;
  char             *token;
  gint64            token_expiry;
  gboolean          verify_tls;
  guint             timeout;

  GQueue            waiting_for_token;   /* GTask*, each holding a reference */
  gboolean          reauthenticating;
};

G_DEFINE_FINAL_TYPE (StewardClient, steward_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_VERIFY_TLS,
  PROP_TIMEOUT,
  PROP_REAUTHENTICATING,
  N_PROPS
};

enum {
  AUTHENTICATION_REQUIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  StewardHttpMethod  method;
  char              *path;
  char              *query;
  JsonNode          *body;
  StewardCallFlags   flags;
  StewardParseFunc   parse;
  StewardParseBytesFunc parse_bytes;
  GDestroyNotify     result_free;
  gboolean           compat_resent;
  GBytes            *response_body;
} Call;

static void send_call (GTask *task);

static void
call_free (gpointer data)
{
  Call *call = data;

  g_free (call->path);
  g_free (call->query);
  g_clear_pointer (&call->body, json_node_unref);
  g_clear_pointer (&call->response_body, g_bytes_unref);
  g_free (call);
}

void
steward_query_add (GString    *query,
                   const char *key,
                   const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  escaped = g_uri_escape_string (value, NULL, FALSE);
  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "%s=%s", key, escaped);
}

void
steward_query_add_int (GString    *query,
                       const char *key,
                       gint64      value)
{
  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "%s=%" G_GINT64_FORMAT, key, value);
}

JsonObject *
_steward_expect_object (JsonNode  *root,
                        GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, steward_api_error_new (STEWARD_API_ERROR_PARSE, 0,
                                                       _("The server’s answer is not the object "
                                                          "Steward expected")));
      return NULL;
    }

  return json_node_get_object (root);
}

/* Lists come as a bare array or inside the paginated envelope's "items". */
JsonArray *
_steward_expect_items (JsonNode  *root,
                       GError   **error)
{
  JsonArray *items = NULL;

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    items = json_node_get_array (root);
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    items = steward_json_get_array (json_node_get_object (root), "items");

  if (items == NULL)
    g_propagate_error (error, steward_api_error_new (STEWARD_API_ERROR_PARSE, 0,
                                                     _("The server’s answer is not the list "
                                                        "Steward expected")));
  return items;
}

/* Takes TASK's reference and ERROR. */
static void
complete_with_error (GTask  *task,
                     GError *error)
{
  g_autoptr(GTask) owned = task;

  g_task_return_error (owned, error);
}

static gboolean
is_expired (StewardClient *self)
{
  return self->token != NULL && self->token_expiry <= g_get_real_time () / G_USEC_PER_SEC;
}

/* Parks the call until a new token arrives, if anyone will ask the user for one. Takes TASK's
 * reference and ERROR. */
static void
handle_auth_failure (GTask  *task,
                     GError *error)
{
  g_autoptr(GTask) owned = task;
  StewardClient *self = g_task_get_source_object (task);
  gboolean handled = FALSE;

  if (!self->reauthenticating)
    {
      g_signal_emit (self, signals[AUTHENTICATION_REQUIRED], 0, error, &handled);
      if (handled)
        {
          self->reauthenticating = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REAUTHENTICATING]);
        }
    }

  if (!self->reauthenticating)
    {
      g_task_return_error (owned, error);
      return;
    }

  g_debug ("Waiting for a new token before sending %s again",
           ((Call *) g_task_get_task_data (task))->path);
  g_queue_push_tail (&self->waiting_for_token, g_steal_pointer (&owned));
  g_error_free (error);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Call *call = task_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  if (call->parse_bytes != NULL)
    {
      result = call->parse_bytes (call->response_body, &error);
      if (result == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, result, call->result_free);
      return;
    }

  if (call->response_body != NULL && g_bytes_get_size (call->response_body) > 0)
    {
      root = steward_json_parse (call->response_body, &error);
      if (root == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  result = call->parse (root, &error);
  if (result == NULL)
    {
      if (error == NULL)
        error = steward_api_error_new (STEWARD_API_ERROR_PARSE, 0,
                                       _("The server’s answer is missing what Steward expected"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, call->result_free);
}

/* Servers that renamed trigger_catalog to trigger_sync refuse the old name with a 422 naming it.
 * Returns whether CALL's body was changed to the new name, to be sent once more. */
static gboolean
switch_to_trigger_sync (Call         *call,
                        const GError *error)
{
  JsonObject *body;
  gboolean trigger;

  if (!(call->flags & STEWARD_CALL_TRIGGER_COMPAT) || call->compat_resent ||
      !g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID) ||
      steward_api_error_get_field_message (error, "trigger_catalog") == NULL ||
      call->body == NULL || !JSON_NODE_HOLDS_OBJECT (call->body))
    return FALSE;

  body = json_node_get_object (call->body);
  if (!json_object_has_member (body, "trigger_catalog"))
    return FALSE;

  trigger = steward_json_get_bool (body, "trigger_catalog", FALSE);
  json_object_remove_member (body, "trigger_catalog");
  json_object_set_boolean_member (body, "trigger_sync", trigger);
  call->compat_resent = TRUE;

  g_debug ("%s refused trigger_catalog; sending once more as trigger_sync", call->path);
  return TRUE;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(StewardHttpResponse) response = NULL;
  GError *error = NULL;

  response = steward_transport_send_finish (STEWARD_TRANSPORT (object), result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (response->status >= 200 && response->status < 300)
    {
      if (call->parse == NULL && call->parse_bytes == NULL)
        {
          g_task_return_boolean (task, TRUE);
          return;
        }

      call->response_body = g_steal_pointer (&response->body);
      /* The thread holds a reference of its own. */
      g_task_run_in_thread (task, parse_in_thread);
      return;
    }

  error = steward_api_error_new_from_http (response->status, response->reason, response->body);

  if (response->status == 401 && !(call->flags & STEWARD_CALL_ANONYMOUS))
    {
      handle_auth_failure (g_steal_pointer (&task), error);
      return;
    }

  if (switch_to_trigger_sync (call, error))
    {
      g_error_free (error);
      send_call (g_steal_pointer (&task));
      return;
    }

  g_task_return_error (task, error);
}

/* Takes TASK's reference. */
static void
send_call (GTask *task)
{
  g_autoptr(GTask) owned = task;
  StewardClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autofree char *uri = NULL;
  g_autoptr(GBytes) body = NULL;
  gboolean anonymous = (call->flags & STEWARD_CALL_ANONYMOUS) != 0;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* An expired token fails here, before anything is sent. */
  if (!anonymous && is_expired (self))
    {
      handle_auth_failure (g_steal_pointer (&owned),
                           steward_api_error_new (STEWARD_API_ERROR_TOKEN_EXPIRED, 0,
                                                  _("The API token has expired")));
      return;
    }

  uri = g_strconcat (self->base_url, call->path,
                     call->query != NULL && *call->query != '\0' ? "?" : "",
                     call->query != NULL ? call->query : "",
                     NULL);

  if (call->body != NULL)
    {
      g_autofree char *json = json_to_string (call->body, FALSE);
      gsize len = strlen (json);

      body = g_bytes_new_take (g_steal_pointer (&json), len);
    }

  steward_transport_send_async (self->transport,
                                call->method,
                                uri,
                                anonymous ? NULL : self->token,
                                body,
                                g_task_get_cancellable (task),
                                send_cb,
                                g_steal_pointer (&owned));
}

void
_steward_client_call (StewardClient       *self,
                      StewardHttpMethod    method,
                      const char          *path,
                      const char          *query,
                      JsonNode            *body,
                      StewardCallFlags     flags,
                      StewardParseFunc     parse,
                      GDestroyNotify       result_free,
                      gpointer             source_tag,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task;
  Call *call;

  g_return_if_fail (STEWARD_IS_CLIENT (self));
  g_return_if_fail (path != NULL && *path != '/');

  call = g_new0 (Call, 1);
  call->method = method;
  call->path = g_strdup (path);
  call->query = g_strdup (query);
  call->body = steward_json_deep_copy (body);
  call->flags = flags;
  call->parse = parse;
  call->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, call_free);

  send_call (task);
}

/* A GET whose answer is read from its bytes by @parse_bytes rather than through a JSON tree. */
void
_steward_client_call_raw (StewardClient         *self,
                          const char            *path,
                          const char            *query,
                          StewardParseBytesFunc  parse_bytes,
                          GDestroyNotify         result_free,
                          gpointer               source_tag,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  GTask *task;
  Call *call;

  g_return_if_fail (STEWARD_IS_CLIENT (self));
  g_return_if_fail (path != NULL && *path != '/' && parse_bytes != NULL);

  call = g_new0 (Call, 1);
  call->method = STEWARD_HTTP_GET;
  call->path = g_strdup (path);
  call->query = g_strdup (query);
  call->parse_bytes = parse_bytes;
  call->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, call_free);

  send_call (task);
}

/* Fails a call before anything is sent, e.g. when a limit is exceeded. */
void
_steward_client_fail (StewardClient       *self,
                      gpointer             source_tag,
                      GError              *error,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_return_error (task, error);
}

gpointer
_steward_client_call_finish (StewardClient  *self,
                             GAsyncResult   *result,
                             gpointer        source_tag,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
_steward_client_call_finish_boolean (StewardClient  *self,
                                     GAsyncResult   *result,
                                     gpointer        source_tag,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
fail_waiting_calls (StewardClient *self)
{
  GTask *task;

  while ((task = g_queue_pop_head (&self->waiting_for_token)) != NULL)
    complete_with_error (task, steward_api_error_new (STEWARD_API_ERROR_UNAUTHORIZED, 401,
                                                      _("Signing in again was cancelled")));
}

static void
end_reauthentication (StewardClient *self)
{
  if (!self->reauthenticating)
    return;

  self->reauthenticating = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REAUTHENTICATING]);
}

static void
steward_client_dispose (GObject *object)
{
  StewardClient *self = STEWARD_CLIENT (object);

  fail_waiting_calls (self);
  g_clear_object (&self->transport);

  G_OBJECT_CLASS (steward_client_parent_class)->dispose (object);
}

static void
steward_client_finalize (GObject *object)
{
  StewardClient *self = STEWARD_CLIENT (object);

  g_free (self->base_url);
  if (self->token != NULL)
    explicit_bzero (self->token, strlen (self->token));
  g_free (self->token);

  G_OBJECT_CLASS (steward_client_parent_class)->finalize (object);
}

static void
steward_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StewardClient *self = STEWARD_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_VERIFY_TLS:
      g_value_set_boolean (value, self->verify_tls);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_REAUTHENTICATING:
      g_value_set_boolean (value, self->reauthenticating);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  StewardClient *self = STEWARD_CLIENT (object);

  switch (prop_id)
    {
    case PROP_VERIFY_TLS:
      steward_client_set_verify_tls (self, g_value_get_boolean (value));
      break;
    case PROP_TIMEOUT:
      steward_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_client_class_init (StewardClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_client_dispose;
  object_class->finalize = steward_client_finalize;
  object_class->get_property = steward_client_get_property;
  object_class->set_property = steward_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFY_TLS] =
    g_param_spec_boolean ("verify-tls", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, 30,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REAUTHENTICATING] =
    g_param_spec_boolean ("reauthenticating", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardClient::authentication-required:
   * @error: why: the server's 401, or the token's expiry
   *
   * Return TRUE to ask the user for a new token; calls that hit the problem wait until
   * steward_client_set_token() or steward_client_cancel_reauthentication().
   */
  signals[AUTHENTICATION_REQUIRED] =
    g_signal_new ("authentication-required",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_ERROR);
}

static void
steward_client_init (StewardClient *self)
{
  self->transport = steward_transport_new ();
  self->verify_tls = TRUE;
  self->timeout = 30;
  self->token_expiry = G_MAXINT64;
  g_queue_init (&self->waiting_for_token);
}

/* Returns: (nullable): a client for the deployment at @url (normalized as the vendor CLI does),
 * or NULL with an error naming what is wrong with the URL */
StewardClient *
steward_client_new (const char  *url,
                    GError     **error)
{
  g_autoptr(GError) url_error = NULL;
  g_autofree char *base_url = steward_url_normalize_base (url, &url_error);
  StewardClient *self;

  if (base_url == NULL)
    {
      g_propagate_error (error, steward_api_error_new_invalid_field ("url", url_error->message));
      return NULL;
    }

  self = g_object_new (STEWARD_TYPE_CLIENT, NULL);
  self->base_url = g_steal_pointer (&base_url);
  return self;
}

const char *
steward_client_get_base_url (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), NULL);

  return self->base_url;
}

/* Setting a token also resumes the calls that were waiting for one. */
void
steward_client_set_token (StewardClient *self,
                          const char    *token)
{
  g_autoptr(GQueue) waiting = NULL;
  GTask *task;

  g_return_if_fail (STEWARD_IS_CLIENT (self));

  if (self->token != NULL)
    explicit_bzero (self->token, strlen (self->token));
  g_free (self->token);
  self->token = token != NULL && *token != '\0' ? g_strdup (token) : NULL;
  self->token_expiry = steward_jwt_get_expiry (self->token);

  if (self->token == NULL || is_expired (self))
    return;

  end_reauthentication (self);

  waiting = g_queue_copy (&self->waiting_for_token);
  g_queue_clear (&self->waiting_for_token);
  while ((task = g_queue_pop_head (waiting)) != NULL)
    send_call (task);
}

gboolean
steward_client_has_token (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), FALSE);

  return self->token != NULL;
}

/* Unix time the token expires at; G_MAXINT64 when it never does. */
gint64
steward_client_get_token_expiry (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), 0);

  return self->token_expiry;
}

gboolean
steward_client_get_verify_tls (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), TRUE);

  return self->verify_tls;
}

void
steward_client_set_verify_tls (StewardClient *self,
                               gboolean       verify_tls)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));

  verify_tls = !!verify_tls;
  if (self->verify_tls == verify_tls)
    return;

  self->verify_tls = verify_tls;
  steward_transport_set_verify_tls (self->transport, verify_tls);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFY_TLS]);
}

guint
steward_client_get_timeout (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), 0);

  return self->timeout;
}

void
steward_client_set_timeout (StewardClient *self,
                            guint          seconds)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  steward_transport_set_timeout (self->transport, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/* The most one request may take in all (the timeout covers only silence); tests shorten it. */
void
steward_client_set_deadline (StewardClient *self,
                             guint          seconds)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));

  steward_transport_set_deadline (self->transport, seconds);
}

/* How often, and after how long, idempotent GETs are tried again; tests shorten the wait. */
void
steward_client_set_retries (StewardClient *self,
                            guint          max_retries,
                            guint          first_delay_ms)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));

  steward_transport_set_retries (self->transport, max_retries, first_delay_ms);
}

gboolean
steward_client_is_reauthenticating (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), FALSE);

  return self->reauthenticating;
}

/* The user gave up signing in again: the waiting calls fail as unauthorized. */
void
steward_client_cancel_reauthentication (StewardClient *self)
{
  g_return_if_fail (STEWARD_IS_CLIENT (self));

  end_reauthentication (self);
  fail_waiting_calls (self);
}

/* How many HTTP requests this client has sent, retries and resends included. For measuring
 * (steward-bench checks that searching, sorting and filtering send none); it is never reset. */
guint
steward_client_get_request_count (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), 0);

  return steward_transport_get_request_count (self->transport);
}

/* How many bytes of response bodies this client has received, for measuring. */
guint64
steward_client_get_bytes_received (StewardClient *self)
{
  g_return_val_if_fail (STEWARD_IS_CLIENT (self), 0);

  return steward_transport_get_bytes_received (self->transport);
}
