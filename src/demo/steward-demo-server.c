/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-server-private.h"
#include "steward-demo-token.h"

#include <string.h>

/* The server runs on its own thread with its own GMainContext, so that neither the app's UI
 * thread nor a test's synchronous client ever waits on it. Only that thread touches the store,
 * the SoupServer and the deferred replies. What the public API shares with it (tokens, team
 * permissions, fault rules, the request log) sits under `lock`. */

#define STALL_MS 30000
#define SAVE_DELAY_MS 250
#define TOKEN_LIFETIME_S (30 * 24 * 3600)
#define MAX_BODY_SIZE (4 * 1024 * 1024)

typedef struct
{
  const char  *method;
  const char  *pattern;        /* "{id}" stands for a number */
  DemoLevel    level;          /* DEMO_LEVEL_NONE: no token needed */
  DemoHandler  handler;
  gboolean     specifications; /* exists only with "serve-specifications" */
} DemoRoute;

G_DEFINE_FINAL_TYPE (StewardDemoServer, steward_demo_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEED,
  PROP_EXTRA_DATASTORES,
  PROP_LATENCY_MS,
  PROP_FAULT_RATE,
  PROP_STATE_FILE,
  PROP_OPERATION_DURATION_MS,
  PROP_SERVE_SPECIFICATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The routes. Literal segments come before "{id}" ones where both could match. */
static const DemoRoute routes[] = {
  { "GET", "/health", DEMO_LEVEL_NONE, _demo_session_health },
  { "GET", "/users/me", DEMO_LEVEL_MEMBER, _demo_session_me },
  { "GET", "/cli/authorize", DEMO_LEVEL_NONE, _demo_session_authorize },

  { "GET", "/datastore-groups", DEMO_LEVEL_MEMBER, _demo_groups_list },
  { "POST", "/datastore-groups", DEMO_LEVEL_MANAGER, _demo_groups_create },
  { "PUT", "/datastore-groups/{id}", DEMO_LEVEL_MANAGER, _demo_groups_update },
  { "DELETE", "/datastore-groups/{id}", DEMO_LEVEL_MANAGER, _demo_groups_delete },

  { "GET", "/datastores/specifications", DEMO_LEVEL_MEMBER, _demo_specifications_list, TRUE },
  { "POST", "/datastores/connection", DEMO_LEVEL_MANAGER, _demo_datastores_test_connection },
  { "GET", "/datastores", DEMO_LEVEL_MEMBER, _demo_datastores_list },
  { "POST", "/datastores", DEMO_LEVEL_MANAGER, _demo_datastores_create },
  { "GET", "/datastores/{id}", DEMO_LEVEL_MEMBER, _demo_datastores_get },
  { "PUT", "/datastores/{id}", DEMO_LEVEL_MEMBER, _demo_datastores_update },
  { "DELETE", "/datastores/{id}", DEMO_LEVEL_ADMIN, _demo_datastores_delete },
  { "PATCH", "/datastores/{id}/favorite", DEMO_LEVEL_MEMBER, _demo_datastores_favorite },
  { "PATCH", "/datastores/{id}/assign-group", DEMO_LEVEL_MEMBER, _demo_groups_assign },
  { "POST", "/datastores/{id}/connection", DEMO_LEVEL_MANAGER, _demo_datastores_verify },
  { "PATCH", "/datastores/{id}/enrichment/{id}", DEMO_LEVEL_MEMBER, _demo_enrichment_link },
  { "DELETE", "/datastores/{id}/enrichment", DEMO_LEVEL_ADMIN, _demo_enrichment_unlink },

  { "POST", "/connections/catalogs", DEMO_LEVEL_MANAGER, _demo_discovery_catalogs },
  { "POST", "/connections/schemas", DEMO_LEVEL_MANAGER, _demo_discovery_schemas },
  { "POST", "/connections/datastores/validate", DEMO_LEVEL_MANAGER, _demo_discovery_validate },
  { "POST", "/connections/datastores/bulk", DEMO_LEVEL_MANAGER, _demo_discovery_bulk },
  { "GET", "/connections", DEMO_LEVEL_MEMBER, _demo_connections_list },
  { "POST", "/connections", DEMO_LEVEL_MANAGER, _demo_connections_create },
  { "GET", "/connections/{id}", DEMO_LEVEL_MEMBER, _demo_connections_get },
  { "PUT", "/connections/{id}", DEMO_LEVEL_MANAGER, _demo_connections_update },
  { "DELETE", "/connections/{id}", DEMO_LEVEL_MANAGER, _demo_connections_delete },
  { "POST", "/connections/{id}/test", DEMO_LEVEL_MANAGER, _demo_connections_test },
  { "GET", "/connections/{id}/catalogs", DEMO_LEVEL_MANAGER, _demo_discovery_catalogs_existing },
  { "GET", "/connections/{id}/schemas", DEMO_LEVEL_MANAGER, _demo_discovery_schemas_existing },
  { "POST", "/connections/{id}/datastores/validate", DEMO_LEVEL_MANAGER, _demo_discovery_validate },
  { "POST", "/connections/{id}/datastores/bulk", DEMO_LEVEL_MANAGER, _demo_discovery_bulk },

  { "POST", "/operations/run", DEMO_LEVEL_MEMBER, _demo_operations_run },
  { "GET", "/operations", DEMO_LEVEL_MEMBER, _demo_operations_list },
  { "GET", "/operations/{id}", DEMO_LEVEL_MEMBER, _demo_operations_get },
  { "PUT", "/operations/abort/{id}", DEMO_LEVEL_MEMBER, _demo_operations_abort },
};

/* Tokens */

/* Called with the lock held. Tokens carry only a subject and an expiry, so two minted in the same
 * second would be equal; the expiry moves on by a second until the token is new, so that
 * revoking a role's tokens never revokes the next one. */
static const char *
mint_locked (StewardDemoServer *self,
             StewardDemoRole    role,
             gint64             lifetime_s)
{
  const DemoUser *user = _demo_user_for_role (role);
  gint64 expires = g_get_real_time () / G_USEC_PER_SEC + lifetime_s;
  char *token = steward_demo_token_mint (self->secret, user->key, expires);

  while (g_hash_table_contains (self->issued, token))
    {
      g_free (token);
      token = steward_demo_token_mint (self->secret, user->key, ++expires);
    }

  g_ptr_array_add (self->kept_tokens, token);
  g_hash_table_insert (self->issued, token, GINT_TO_POINTER (role + 1));
  return token;
}

static void
mint_current_locked (StewardDemoServer *self,
                     StewardDemoRole    role)
{
  self->tokens[role] = mint_locked (self, role,
                                    role == STEWARD_DEMO_ROLE_EXPIRED ? -3600 : TOKEN_LIFETIME_S);
}

char *
_demo_server_issue_token (StewardDemoServer *self,
                          StewardDemoRole    role)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return g_strdup (mint_locked (self, role, TOKEN_LIFETIME_S));
}

/* The user behind the request's bearer token, or NULL after answering 401. */
static const DemoUser *
authenticate (StewardDemoServer *self,
              DemoRequest       *req)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *header = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *token = NULL;
  g_autofree char *subject = NULL;
  const DemoUser *user = NULL;
  gint64 expires = 0;
  gboolean revoked;

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "WWW-Authenticate", "Bearer");

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    {
      _demo_reply_detail (req, SOUP_STATUS_UNAUTHORIZED, "Not authenticated");
      return NULL;
    }

  token = g_strstrip (g_strdup (header + 7));
  g_mutex_lock (&self->lock);
  revoked = g_hash_table_contains (self->revoked, token);
  g_mutex_unlock (&self->lock);

  if (!revoked && steward_demo_token_verify (self->secret, token, &subject, &expires))
    user = _demo_user_for_key (subject);
  if (user == NULL)
    {
      _demo_reply_detail (req, SOUP_STATUS_UNAUTHORIZED, "Invalid token");
      return NULL;
    }
  if (expires <= req->now_us / G_USEC_PER_SEC)
    {
      _demo_reply_detail (req, SOUP_STATUS_UNAUTHORIZED, "Token has expired");
      return NULL;
    }

  soup_message_headers_remove (soup_server_message_get_response_headers (req->msg),
                               "WWW-Authenticate");
  return user;
}

/* Permissions */

gboolean
_demo_require_level (DemoRequest *req,
                     DemoLevel    level)
{
  if (req->user->level >= level)
    return TRUE;

  _demo_reply_role_required (req, level);
  return FALSE;
}

static DemoTeamLevel
best_team_level (StewardDemoServer *self,
                 const DemoUser    *user,
                 GPtrArray         *teams)
{
  TeamConfig *config = &self->teams[user->index];
  DemoTeamLevel best = DEMO_TEAM_NONE;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  for (guint i = 0; i < teams->len; i++)
    {
      gpointer value;
      DemoTeamLevel level = config->other_teams;

      if (g_hash_table_lookup_extended (config->teams, g_ptr_array_index (teams, i), NULL, &value))
        level = GPOINTER_TO_INT (value);
      best = MAX (best, level);
    }

  return best;
}

/* Admins bypass team checks, and a datastore without teams is open to every role. */
gboolean
_demo_require_teams (DemoRequest   *req,
                     DemoDatastore *datastore,
                     DemoTeamLevel  level)
{
  if (req->user->level == DEMO_LEVEL_ADMIN || datastore->teams->len == 0 ||
      best_team_level (req->server, req->user, datastore->teams) >= level)
    return TRUE;

  _demo_reply_team_required (req, level, datastore->teams);
  return FALSE;
}

gboolean
_demo_user_can_see (DemoRequest   *req,
                    DemoDatastore *datastore)
{
  return req->user->level == DEMO_LEVEL_ADMIN || datastore->teams->len == 0 ||
         best_team_level (req->server, req->user, datastore->teams) >= DEMO_TEAM_REPORTER;
}

/* Routing */

static gboolean
route_matches (const DemoRoute  *route,
               char            **segments,
               DemoRequest      *req)
{
  g_auto(GStrv) parts = g_strsplit (route->pattern + 1, "/", -1);
  guint n_ids = 0;
  guint i;

  for (i = 0; parts[i] != NULL && segments[i] != NULL; i++)
    {
      if (strcmp (parts[i], "{id}") == 0)
        {
          guint64 value;

          if (segments[i][0] == '\0' || strspn (segments[i], "0123456789") != strlen (segments[i]))
            return FALSE;
          /* Ids too large for the store cannot exist: they answer 404 with the text given. */
          req->ids[n_ids] = g_ascii_string_to_unsigned (segments[i], 10, 0, G_MAXINT64,
                                                        &value, NULL) ? (gint64) value : -1;
          req->id_texts[n_ids] = segments[i];
          n_ids++;
        }
      else if (strcmp (parts[i], segments[i]) != 0)
        return FALSE;
    }

  return parts[i] == NULL && segments[i] == NULL;
}

/* The route of REQ's method and FULL_PATH, or NULL. Sets req->path and req->id_texts, which
 * point into PATH and SEGMENTS (for the caller to free), and lists in ALLOWED the methods the
 * path has when the request's is not one of them. */
static const DemoRoute *
find_route (StewardDemoServer  *self,
            DemoRequest        *req,
            const char         *full_path,
            char              **path,
            GStrv              *segments,
            GString            *allowed)
{
  *path = NULL;
  *segments = NULL;
  if (strcmp (full_path, "/api") != 0 && !g_str_has_prefix (full_path, "/api/"))
    return NULL;

  /* "/api/datastores/" is "/api/datastores". */
  *path = g_strdup (full_path + strlen ("/api"));
  if (strlen (*path) > 1 && g_str_has_suffix (*path, "/"))
    (*path)[strlen (*path) - 1] = '\0';
  req->path = *path;
  *segments = g_strsplit (*path + 1, "/", -1);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (routes[i].specifications && !self->serve_specifications)
        continue;
      if (!route_matches (&routes[i], *segments, req))
        continue;
      if (strcmp (routes[i].method, req->method) == 0)
        return &routes[i];
      g_string_append_printf (allowed, "%s%s", allowed->len > 0 ? ", " : "", routes[i].method);
    }

  return NULL;
}

static void
dispatch (StewardDemoServer *self,
          DemoRequest       *req,
          const char        *full_path)
{
  g_autoptr(GString) allowed = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_auto(GStrv) segments = NULL;
  const DemoRoute *route = find_route (self, req, full_path, &path, &segments, allowed);

  if (route == NULL)
    {
      if (allowed->len == 0)
        {
          _demo_reply_detail (req, SOUP_STATUS_NOT_FOUND, "Not Found");
          return;
        }
      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                    "Allow", allowed->str);
      _demo_reply_detail (req, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
      return;
    }

  if (route->level != DEMO_LEVEL_NONE)
    {
      req->user = authenticate (self, req);
      if (req->user == NULL || !_demo_require_level (req, route->level))
        return;
    }

  route->handler (req);
}

/* Saving the state file */

static gboolean
save_cb (gpointer user_data)
{
  StewardDemoServer *self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->save_source, g_source_unref);
  if (!_demo_store_save (self->store, self->state_file, &error))
    g_warning ("Could not save the demo state: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* A burst of changes (a bulk create, say) is saved once, shortly after. */
static void
schedule_save (StewardDemoServer *self)
{
  if (self->state_file == NULL || self->save_source != NULL)
    return;

  self->save_source = g_timeout_source_new (SAVE_DELAY_MS);
  g_source_set_callback (self->save_source, save_cb, self, NULL);
  g_source_attach (self->save_source, self->context);
}

/* Handling one request */

void
_demo_server_handle (StewardDemoServer *self,
                     SoupServerMessage *msg,
                     gboolean           truncate,
                     gboolean           paused)
{
  GUri *uri = soup_server_message_get_uri (msg);
  DemoRequest req = { 0, };

  req.server = self;
  req.store = self->store;
  req.msg = msg;
  req.method = soup_server_message_get_method (msg);
  req.query = _demo_query_parse (g_uri_get_query (uri));
  req.body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  req.ids[0] = req.ids[1] = -1;
  req.now_us = g_get_real_time ();

  /* Operations progress with time: settle the ones that ended before anything reads the state. */
  req.changed = _demo_operations_advance (self->store, req.now_us);
  if (req.changed)
    _demo_store_touch (self->store);

  if (g_bytes_get_size (req.body) > MAX_BODY_SIZE)
    _demo_reply_detail (&req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
  else
    dispatch (self, &req, g_uri_get_path (uri));

  if (truncate)
    _demo_server_truncate_response (msg);
  if (req.changed)
    {
      _demo_store_touch (self->store);
      schedule_save (self);
    }
  if (req.delay_ms > 0)
    _demo_server_defer (self, msg, req.delay_ms, PENDING_RESPOND, FALSE, paused);
  else if (paused)
    soup_server_message_unpause (msg);

  g_ptr_array_unref (req.query);
  g_bytes_unref (req.body);
  g_clear_pointer (&req.body_node, json_node_unref);
  g_clear_pointer (&req.errors, json_array_unref);
}

/* A chunked body has no length to check beforehand: it is counted as it comes. */
static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  StewardDemoServer *self = user_data;
  DemoRequest req = { 0, };

  if (soup_server_message_get_request_body (msg)->length <= MAX_BODY_SIZE)
    return;

  g_signal_handlers_disconnect_by_func (msg, got_chunk_cb, self);
  req.msg = msg;
  _demo_reply_detail (&req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
  _demo_server_refuse (self, msg);
}

/* Runs once the headers are read, before the body. Requests without a body go the usual way
 * (faults and latency apply to them): there is nothing to spare by answering them early. */
static void
early_cb (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  StewardDemoServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);
  g_autoptr(GString) allowed = g_string_new (NULL);
  g_autofree char *api_path = NULL;
  g_auto(GStrv) segments = NULL;
  const DemoRoute *route;
  DemoRequest req = { 0, };

  if (encoding == SOUP_ENCODING_NONE ||
      (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
       soup_message_headers_get_content_length (headers) == 0))
    return;

  req.server = self;
  req.msg = msg;
  req.method = soup_server_message_get_method (msg);
  req.ids[0] = req.ids[1] = -1;
  req.now_us = g_get_real_time ();

  if (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > MAX_BODY_SIZE)
    {
      _demo_reply_detail (&req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
      _demo_server_refuse (self, msg);
      return;
    }

  route = find_route (self, &req, path, &api_path, &segments, allowed);
  if (route != NULL && route->level != DEMO_LEVEL_NONE && authenticate (self, &req) == NULL)
    {
      _demo_server_refuse (self, msg);
      return;
    }

  if (encoding == SOUP_ENCODING_CHUNKED)
    g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self);
}

/* libsoup 3.2 drops a 204's Content-Length as it writes the headers, after which the message's
 * headers claim a body that ends with the connection, so libsoup closed every connection after
 * a 204 without saying "Connection: close", and the client's next request on it failed. Once
 * the headers are out, the message says what was sent: no body, and the connection stays. */
static void
wrote_headers_cb (SoupServerMessage *msg,
                  gpointer           user_data)
{
  if (soup_server_message_get_status (msg) == SOUP_STATUS_NO_CONTENT)
    soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                       SOUP_ENCODING_NONE);
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  g_signal_connect (msg, "wrote-headers", G_CALLBACK (wrote_headers_cb), NULL);
}

static void
server_cb (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  StewardDemoServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  StewardDemoFault fault;
  gboolean faulty;
  gboolean stall;
  gboolean truncate;

  _demo_server_log_request (self, method, path, soup_server_message_get_uri (msg), msg);

  faulty = _demo_server_take_fault (self, method, path, &fault);
  stall = faulty && fault == STEWARD_DEMO_FAULT_STALL;
  truncate = faulty && fault == STEWARD_DEMO_FAULT_TRUNCATED;
  if (faulty && !stall && !truncate)
    {
      _demo_server_answer_fault (msg, fault);
      return;
    }

  if (stall || self->latency_ms > 0)
    _demo_server_defer (self, msg, self->latency_ms + (stall ? STALL_MS : 0), PENDING_HANDLE,
                        truncate, FALSE);
  else
    _demo_server_handle (self, msg, truncate, FALSE);
}

/* The thread */

static void
signal_started (StewardDemoServer *self,
                GError            *error)
{
  g_mutex_lock (&self->start_mutex);
  self->start_error = error;
  self->start_done = TRUE;
  g_cond_signal (&self->start_cond);
  g_mutex_unlock (&self->start_mutex);
}

static gpointer
server_thread (gpointer data)
{
  StewardDemoServer *self = data;
  GError *error = NULL;

  g_main_context_push_thread_default (self->context);

  self->soup = soup_server_new ("server-header", "steward-demo-server", NULL);
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, server_cb, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  if (soup_server_listen_local (self->soup, self->port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      GSList *uris = soup_server_get_uris (self->soup);

      self->port = (guint16) g_uri_get_port (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }

  if (error != NULL)
    {
      g_clear_object (&self->soup);
      g_main_context_pop_thread_default (self->context);
      signal_started (self, error);
      return NULL;
    }

  signal_started (self, NULL);
  g_main_loop_run (self->loop);

  _demo_server_drop_deferred (self);
  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  if (self->save_source != NULL)
    {
      g_source_destroy (self->save_source);
      g_clear_pointer (&self->save_source, g_source_unref);
    }
  /* Let libsoup finish closing its connections before the context goes. */
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* GObject */

static void
steward_demo_server_dispose (GObject *object)
{
  steward_demo_server_stop (STEWARD_DEMO_SERVER (object));

  G_OBJECT_CLASS (steward_demo_server_parent_class)->dispose (object);
}

static void
steward_demo_server_finalize (GObject *object)
{
  StewardDemoServer *self = STEWARD_DEMO_SERVER (object);

  g_clear_pointer (&self->store, _demo_store_free);
  g_clear_pointer (&self->fault_rand, g_rand_free);
  g_free (self->state_file);
  g_free (self->secret);
  g_free (self->base_url);
  g_hash_table_unref (self->issued);
  g_hash_table_unref (self->revoked);
  g_ptr_array_unref (self->kept_tokens);
  for (guint i = 0; i < G_N_ELEMENTS (self->teams); i++)
    g_hash_table_unref (self->teams[i].teams);
  g_queue_clear_full (&self->faults, _demo_fault_rule_free);
  g_queue_clear_full (&self->bulk_failures, _demo_bulk_failure_free);
  g_hash_table_unref (self->request_counts);
  g_queue_clear_full (&self->request_log, _demo_logged_request_free);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->start_mutex);
  g_cond_clear (&self->start_cond);

  G_OBJECT_CLASS (steward_demo_server_parent_class)->finalize (object);
}

static void
steward_demo_server_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StewardDemoServer *self = STEWARD_DEMO_SERVER (object);

  switch (prop_id)
    {
    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;
    case PROP_EXTRA_DATASTORES:
      g_value_set_uint (value, self->extra_datastores);
      break;
    case PROP_LATENCY_MS:
      g_value_set_uint (value, self->latency_ms);
      break;
    case PROP_FAULT_RATE:
      g_value_set_double (value, self->fault_rate);
      break;
    case PROP_STATE_FILE:
      g_value_set_string (value, self->state_file);
      break;
    case PROP_OPERATION_DURATION_MS:
      g_value_set_uint (value, self->operation_duration_ms);
      break;
    case PROP_SERVE_SPECIFICATIONS:
      g_value_set_boolean (value, self->serve_specifications);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_uint (GObject    *object,
          guint      *field,
          guint       value,
          GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

static void
steward_demo_server_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StewardDemoServer *self = STEWARD_DEMO_SERVER (object);

  /* The server thread reads these without a lock: they only change while it is not running. */
  if (self->thread != NULL)
    {
      g_warning ("%s: cannot change \"%s\" while the server runs", G_STRFUNC, pspec->name);
      return;
    }

  switch (prop_id)
    {
    case PROP_SEED:
      set_uint (object, &self->seed, g_value_get_uint (value), pspec);
      break;
    case PROP_EXTRA_DATASTORES:
      set_uint (object, &self->extra_datastores, g_value_get_uint (value), pspec);
      break;
    case PROP_LATENCY_MS:
      set_uint (object, &self->latency_ms, g_value_get_uint (value), pspec);
      break;
    case PROP_OPERATION_DURATION_MS:
      set_uint (object, &self->operation_duration_ms, g_value_get_uint (value), pspec);
      break;
    case PROP_FAULT_RATE:
      if (self->fault_rate != g_value_get_double (value))
        {
          self->fault_rate = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STATE_FILE:
      if (g_strcmp0 (self->state_file, g_value_get_string (value)) != 0)
        {
          g_free (self->state_file);
          self->state_file = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SERVE_SPECIFICATIONS:
      if (self->serve_specifications != g_value_get_boolean (value))
        {
          self->serve_specifications = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_demo_server_class_init (StewardDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = steward_demo_server_dispose;
  object_class->finalize = steward_demo_server_finalize;
  object_class->get_property = steward_demo_server_get_property;
  object_class->set_property = steward_demo_server_set_property;

  properties[PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXUINT, 1, flags);
  properties[PROP_EXTRA_DATASTORES] =
    g_param_spec_uint ("extra-datastores", NULL, NULL, 0, 1000000, 0, flags);
  properties[PROP_LATENCY_MS] =
    g_param_spec_uint ("latency-ms", NULL, NULL, 0, 600000, 0, flags);
  properties[PROP_FAULT_RATE] =
    g_param_spec_double ("fault-rate", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_STATE_FILE] =
    g_param_spec_string ("state-file", NULL, NULL, NULL, flags);
  properties[PROP_OPERATION_DURATION_MS] =
    g_param_spec_uint ("operation-duration-ms", NULL, NULL, 0, 3600000, 4000, flags);
  properties[PROP_SERVE_SPECIFICATIONS] =
    g_param_spec_boolean ("serve-specifications", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_demo_server_init (StewardDemoServer *self)
{
  TeamConfig *member;
  guint8 random[32];

  self->seed = 1;
  self->operation_duration_ms = 4000;

  g_mutex_init (&self->lock);
  g_mutex_init (&self->start_mutex);
  g_cond_init (&self->start_cond);

  /* A new secret per instance: tokens from another run are forged as far as this one knows. */
  for (guint i = 0; i < sizeof random; i++)
    random[i] = (guint8) g_random_int_range (0, 256);
  self->secret = g_base64_encode (random, sizeof random);

  self->kept_tokens = g_ptr_array_new_with_free_func (g_free);
  self->issued = g_hash_table_new (g_str_hash, g_str_equal);
  self->revoked = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (self->teams); i++)
    self->teams[i].teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The manager edits in every team; the member reports everywhere but edits in Analytics. */
  member = &self->teams[_demo_user_for_role (STEWARD_DEMO_ROLE_MEMBER)->index];
  self->teams[_demo_user_for_role (STEWARD_DEMO_ROLE_ADMIN)->index].other_teams = DEMO_TEAM_EDITOR;
  self->teams[_demo_user_for_role (STEWARD_DEMO_ROLE_MANAGER)->index].other_teams =
    DEMO_TEAM_EDITOR;
  member->other_teams = DEMO_TEAM_REPORTER;
  g_hash_table_insert (member->teams, g_strdup ("Analytics"), GINT_TO_POINTER (DEMO_TEAM_EDITOR));

  g_queue_init (&self->faults);
  g_queue_init (&self->bulk_failures);
  g_queue_init (&self->request_log);
  self->request_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (StewardDemoRole role = STEWARD_DEMO_ROLE_ADMIN; role <= STEWARD_DEMO_ROLE_EXPIRED; role++)
    mint_current_locked (self, role);
}

/* Public API */

StewardDemoServer *
steward_demo_server_new (void)
{
  return g_object_new (STEWARD_TYPE_DEMO_SERVER, NULL);
}

static DemoStore *
open_store (StewardDemoServer  *self,
            GError            **error)
{
  DemoStore *store = _demo_store_new ();

  if (self->state_file != NULL && g_file_test (self->state_file, G_FILE_TEST_EXISTS))
    {
      if (!_demo_store_load (store, self->state_file, error))
        {
          _demo_store_free (store);
          return NULL;
        }
      return store;
    }

  _demo_seed_populate (store, self->seed, self->extra_datastores);
  /* Saving at once shows a bad state-file path now rather than at the first change. */
  if (self->state_file != NULL && !_demo_store_save (store, self->state_file, error))
    {
      _demo_store_free (store);
      return NULL;
    }

  return store;
}

gboolean
steward_demo_server_start (StewardDemoServer  *self,
                           guint16             port,
                           GError            **error)
{
  g_return_val_if_fail (STEWARD_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->thread != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "The demo server already runs");
      return FALSE;
    }

  if (self->store == NULL && (self->store = open_store (self, error)) == NULL)
    return FALSE;
  self->store->operation_duration_us = (gint64) self->operation_duration_ms * 1000;

  if (self->fault_rand == NULL)
    self->fault_rand = g_rand_new_with_seed (self->seed);

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->port = port;
  self->start_done = FALSE;
  self->start_error = NULL;
  self->thread = g_thread_new ("steward-demo", server_thread, self);

  g_mutex_lock (&self->start_mutex);
  while (!self->start_done)
    g_cond_wait (&self->start_cond, &self->start_mutex);
  g_mutex_unlock (&self->start_mutex);

  if (self->start_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->loop, g_main_loop_unref);
      g_clear_pointer (&self->context, g_main_context_unref);
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      return FALSE;
    }

  g_free (self->base_url);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u/api", self->port);
  g_debug ("Demo server listening on %s", self->base_url);
  return TRUE;
}

void
steward_demo_server_stop (StewardDemoServer *self)
{
  g_autoptr(GError) error = NULL;
  GSource *source;

  g_return_if_fail (STEWARD_IS_DEMO_SERVER (self));

  if (self->thread == NULL)
    return;

  /* Quitting from a source, not with g_main_loop_quit() here: a quit that came before the
   * thread entered g_main_loop_run() would be lost. */
  source = g_idle_source_new ();
  g_source_set_callback (source, quit_cb, self->loop, NULL);
  g_source_attach (source, self->context);
  g_source_unref (source);

  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  if (self->state_file != NULL && !_demo_store_save (self->store, self->state_file, &error))
    g_warning ("Could not save the demo state: %s", error->message);
}

const char *
steward_demo_server_get_base_url (StewardDemoServer *self)
{
  g_return_val_if_fail (STEWARD_IS_DEMO_SERVER (self), NULL);

  return self->base_url;
}

guint16
steward_demo_server_get_port (StewardDemoServer *self)
{
  g_return_val_if_fail (STEWARD_IS_DEMO_SERVER (self), 0);

  return self->port;
}

const char *
steward_demo_server_get_token (StewardDemoServer *self,
                               StewardDemoRole    role)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (STEWARD_IS_DEMO_SERVER (self), NULL);
  g_return_val_if_fail (role <= STEWARD_DEMO_ROLE_EXPIRED, NULL);

  locker = g_mutex_locker_new (&self->lock);
  return self->tokens[role];
}

char *
steward_demo_server_mint_token (StewardDemoServer *self,
                                StewardDemoRole    role,
                                gint64             lifetime_seconds)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (STEWARD_IS_DEMO_SERVER (self), NULL);
  g_return_val_if_fail (role <= STEWARD_DEMO_ROLE_EXPIRED, NULL);

  locker = g_mutex_locker_new (&self->lock);
  return g_strdup (mint_locked (self, role, lifetime_seconds));
}

void
steward_demo_server_revoke_tokens (StewardDemoServer *self,
                                   StewardDemoRole    role)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GHashTableIter iter;
  gpointer token, value;

  g_return_if_fail (STEWARD_IS_DEMO_SERVER (self));
  g_return_if_fail (role <= STEWARD_DEMO_ROLE_EXPIRED);

  locker = g_mutex_locker_new (&self->lock);
  g_hash_table_iter_init (&iter, self->issued);
  while (g_hash_table_iter_next (&iter, &token, &value))
    if (GPOINTER_TO_INT (value) == (int) role + 1)
      g_hash_table_add (self->revoked, token);

  mint_current_locked (self, role);
}

static DemoTeamLevel
parse_team_level (const char *text)
{
  if (g_strcmp0 (text, "Editor") == 0)
    return DEMO_TEAM_EDITOR;
  if (g_strcmp0 (text, "Reporter") == 0)
    return DEMO_TEAM_REPORTER;
  return DEMO_TEAM_NONE;
}

void
steward_demo_server_set_role_teams (StewardDemoServer  *self,
                                    StewardDemoRole     role,
                                    const char         *other_teams,
                                    const char * const *editor_teams,
                                    const char * const *reporter_teams)
{
  g_autoptr(GMutexLocker) locker = NULL;
  TeamConfig *config;

  g_return_if_fail (STEWARD_IS_DEMO_SERVER (self));
  g_return_if_fail (role <= STEWARD_DEMO_ROLE_EXPIRED);

  locker = g_mutex_locker_new (&self->lock);
  config = &self->teams[_demo_user_for_role (role)->index];
  config->other_teams = parse_team_level (other_teams);
  g_hash_table_remove_all (config->teams);
  for (guint i = 0; reporter_teams != NULL && reporter_teams[i] != NULL; i++)
    g_hash_table_insert (config->teams, g_strdup (reporter_teams[i]),
                         GINT_TO_POINTER (DEMO_TEAM_REPORTER));
  for (guint i = 0; editor_teams != NULL && editor_teams[i] != NULL; i++)
    g_hash_table_insert (config->teams, g_strdup (editor_teams[i]),
                         GINT_TO_POINTER (DEMO_TEAM_EDITOR));
}

typedef struct
{
  StewardDemoServer *self;
  GMutex             mutex;
  GCond              cond;
  gboolean           done;
  guint              finished;
} FinishCall;

/* On the server thread, the only one that touches the store. */
static gboolean
finish_operations_cb (gpointer user_data)
{
  FinishCall *call = user_data;
  StewardDemoServer *self = call->self;
  guint finished = _demo_operations_finish (self->store, g_get_real_time ());

  if (finished > 0)
    {
      _demo_store_touch (self->store);
      schedule_save (self);
    }

  g_mutex_lock (&call->mutex);
  call->finished = finished;
  call->done = TRUE;
  g_cond_signal (&call->cond);
  g_mutex_unlock (&call->mutex);
  return G_SOURCE_REMOVE;
}

guint
steward_demo_server_finish_operations (StewardDemoServer *self)
{
  FinishCall call = { self, };
  GSource *source;

  g_return_val_if_fail (STEWARD_IS_DEMO_SERVER (self), 0);

  if (self->store == NULL)
    return 0;
  /* Not running: nobody else touches the store. */
  if (self->thread == NULL)
    return _demo_operations_finish (self->store, g_get_real_time ());

  g_mutex_init (&call.mutex);
  g_cond_init (&call.cond);
  source = g_idle_source_new ();
  g_source_set_callback (source, finish_operations_cb, &call, NULL);
  g_source_attach (source, self->context);
  g_source_unref (source);

  g_mutex_lock (&call.mutex);
  while (!call.done)
    g_cond_wait (&call.cond, &call.mutex);
  g_mutex_unlock (&call.mutex);

  g_mutex_clear (&call.mutex);
  g_cond_clear (&call.cond);
  return call.finished;
}
