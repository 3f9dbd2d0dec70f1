/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-demo-test-client.h"

#include <signal.h>
#include <string.h>

/* Tokens, users, browser sign-in, routing, and the in-process API the tests themselves use. */

static void
test_health (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(DemoResponse) bare = demo_request_raw (f, NULL, "GET", "/health", NULL, 0);
  g_autoptr(DemoResponse) forged = demo_request_raw (f, "Bearer nonsense", "GET", "/health",
                                                     NULL, 0);

  demo_assert_status (bare, SOUP_STATUS_NO_CONTENT);
  g_assert_cmpstr (bare->body, ==, "");
  demo_assert_status (forged, SOUP_STATUS_NO_CONTENT);
}

static void
test_users_me (DemoFixture   *f,
               gconstpointer  data)
{
  static const struct
  {
    StewardDemoRole role;
    const char     *name;
  } roles[] = {
    { STEWARD_DEMO_ROLE_ADMIN, "Admin" },
    { STEWARD_DEMO_ROLE_MANAGER, "Manager" },
    { STEWARD_DEMO_ROLE_MEMBER, "Member" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(DemoResponse) me = demo_request (f, roles[i].role, "GET", "/users/me", NULL);

      demo_assert_status (me, SOUP_STATUS_OK);
      g_assert_cmpstr (demo_get_string (me->root, "role"), ==, roles[i].name);
      g_assert_cmpint (demo_get_int (me->root, "id"), >, 0);
      g_assert_nonnull (strchr (demo_get_string (me->root, "email"), '@'));
      g_assert_cmpstr (demo_get_string (me->root, "name"), !=, "");
    }
}

static gint64
token_expiry (const char *token)
{
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *padded = NULL;
  g_autofree guchar *payload = NULL;
  gsize length;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  padded = g_strdup (parts[1]);
  g_strdelimit (padded, "-", '+');
  g_strdelimit (padded, "_", '/');
  while (strlen (padded) % 4 != 0)
    {
      char *longer = g_strconcat (padded, "=", NULL);

      g_free (padded);
      padded = longer;
    }
  payload = g_base64_decode (padded, &length);
  g_assert_true (json_parser_load_from_data (parser, (const char *) payload, length, NULL));
  return demo_get_int (json_parser_get_root (parser), "exp");
}

/* Tokens look like JWTs with an exp claim, as the vendor's CLI expects. */
static void
test_token_shape (DemoFixture   *f,
                  gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 admin = token_expiry (steward_demo_server_get_token (f->server, STEWARD_DEMO_ROLE_ADMIN));
  gint64 expired = token_expiry (steward_demo_server_get_token (f->server,
                                                                STEWARD_DEMO_ROLE_EXPIRED));

  g_assert_cmpint (admin, >, now + 29 * 24 * 3600);
  g_assert_cmpint (admin, <=, now + 31 * 24 * 3600);
  g_assert_cmpint (expired, <, now);
  g_assert_cmpstr (steward_demo_server_get_token (f->server, STEWARD_DEMO_ROLE_ADMIN), !=,
                   steward_demo_server_get_token (f->server, STEWARD_DEMO_ROLE_MEMBER));
}

static void
test_unauthorized (DemoFixture   *f,
                   gconstpointer  data)
{
  g_autoptr(StewardDemoServer) other = demo_server_start (NULL);
  g_autofree char *foreign = g_strconcat ("Bearer ",
                                          steward_demo_server_get_token (other,
                                                                         STEWARD_DEMO_ROLE_ADMIN),
                                          NULL);
  g_autofree char *admin = g_strdup (steward_demo_server_get_token (f->server,
                                                                    STEWARD_DEMO_ROLE_ADMIN));
  g_autofree char *edited = g_strconcat ("Bearer ", admin, "x", NULL);
  g_autofree char *short_lived = steward_demo_server_mint_token (f->server,
                                                                 STEWARD_DEMO_ROLE_MEMBER, -5);
  g_autofree char *short_header = g_strconcat ("Bearer ", short_lived, NULL);
  g_autoptr(DemoResponse) missing = demo_request_raw (f, NULL, "GET", "/datastores", NULL, 0);
  g_autoptr(DemoResponse) basic = demo_request_raw (f, "Basic YWRtaW46YWRtaW4=", "GET",
                                                    "/datastores", NULL, 0);
  g_autoptr(DemoResponse) garbage = demo_request_raw (f, "Bearer not-a-token", "GET",
                                                      "/datastores", NULL, 0);
  g_autoptr(DemoResponse) forged = demo_request_raw (f, foreign, "GET", "/datastores", NULL, 0);
  g_autoptr(DemoResponse) tampered = demo_request_raw (f, edited, "GET", "/datastores", NULL, 0);
  g_autoptr(DemoResponse) expired = demo_request (f, STEWARD_DEMO_ROLE_EXPIRED, "GET",
                                                  "/datastores", NULL);
  g_autoptr(DemoResponse) minted = demo_request_raw (f, short_header, "GET", "/users/me", NULL, 0);
  g_autoptr(DemoResponse) post = demo_request_raw (f, NULL, "POST", "/datastore-groups", NULL, 0);

  demo_assert_detail (missing, SOUP_STATUS_UNAUTHORIZED, "Not authenticated");
  g_assert_cmpstr (soup_message_headers_get_one (missing->headers, "WWW-Authenticate"), ==,
                   "Bearer");
  demo_assert_detail (basic, SOUP_STATUS_UNAUTHORIZED, "Not authenticated");
  demo_assert_detail (garbage, SOUP_STATUS_UNAUTHORIZED, "Invalid token");
  demo_assert_detail (forged, SOUP_STATUS_UNAUTHORIZED, "Invalid token");
  demo_assert_detail (tampered, SOUP_STATUS_UNAUTHORIZED, "Invalid token");
  demo_assert_detail (expired, SOUP_STATUS_UNAUTHORIZED, "Token has expired");
  demo_assert_detail (minted, SOUP_STATUS_UNAUTHORIZED, "Token has expired");
  /* Authentication comes before the body is even looked at. */
  demo_assert_detail (post, SOUP_STATUS_UNAUTHORIZED, "Not authenticated");
}

static void
test_revoke (DemoFixture   *f,
             gconstpointer  data)
{
  g_autofree char *old = g_strdup (steward_demo_server_get_token (f->server,
                                                                  STEWARD_DEMO_ROLE_MEMBER));
  g_autofree char *old_header = g_strconcat ("Bearer ", old, NULL);
  g_autofree char *extra = steward_demo_server_mint_token (f->server, STEWARD_DEMO_ROLE_MEMBER,
                                                           3600);
  g_autofree char *extra_header = g_strconcat ("Bearer ", extra, NULL);
  g_autoptr(DemoResponse) before = demo_request_raw (f, old_header, "GET", "/users/me", NULL, 0);
  g_autoptr(DemoResponse) after = NULL;
  g_autoptr(DemoResponse) extra_after = NULL;
  g_autoptr(DemoResponse) fresh = NULL;
  g_autoptr(DemoResponse) admin = NULL;

  demo_assert_status (before, SOUP_STATUS_OK);
  steward_demo_server_revoke_tokens (f->server, STEWARD_DEMO_ROLE_MEMBER);

  after = demo_request_raw (f, old_header, "GET", "/users/me", NULL, 0);
  extra_after = demo_request_raw (f, extra_header, "GET", "/users/me", NULL, 0);
  fresh = demo_request (f, STEWARD_DEMO_ROLE_MEMBER, "GET", "/users/me", NULL);
  admin = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "GET", "/users/me", NULL);

  demo_assert_detail (after, SOUP_STATUS_UNAUTHORIZED, "Invalid token");
  demo_assert_detail (extra_after, SOUP_STATUS_UNAUTHORIZED, "Invalid token");
  g_assert_cmpstr (steward_demo_server_get_token (f->server, STEWARD_DEMO_ROLE_MEMBER), !=, old);
  demo_assert_status (fresh, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (fresh->root, "role"), ==, "Member");
  demo_assert_status (admin, SOUP_STATUS_OK);
}

static char *
query_value (const char *location,
             const char *key)
{
  g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GHashTable) params = NULL;

  g_assert_nonnull (uri);
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  return g_strdup (g_hash_table_lookup (params, key));
}

static void
test_authorize (DemoFixture   *f,
                gconstpointer  data)
{
  g_autoptr(DemoResponse) approve =
    demo_request_raw (f, NULL, "GET", "/cli/authorize?redirect_uri="
                      "http%3A%2F%2F127.0.0.1%3A41234%2Fcallback&state=s7aTe&hostname=laptop",
                      NULL, SOUP_MESSAGE_NO_REDIRECT);
  g_autoptr(DemoResponse) localhost =
    demo_request_raw (f, NULL, "GET", "/cli/authorize?redirect_uri=http://localhost:8123/cb"
                      "&state=x", NULL, SOUP_MESSAGE_NO_REDIRECT);
  const char *location;
  g_autofree char *token = NULL;
  g_autofree char *state = NULL;
  g_autofree char *header = NULL;
  g_autoptr(DemoResponse) me = NULL;
  static const char *const refused[] = {
    "/cli/authorize?state=x",
    "/cli/authorize?redirect_uri=&state=x",
    "/cli/authorize?redirect_uri=http://evil.example.com:8000/callback&state=x",
    "/cli/authorize?redirect_uri=https://127.0.0.1:8000/callback&state=x",
    "/cli/authorize?redirect_uri=http://127.0.0.1/callback&state=x",
    "/cli/authorize?redirect_uri=not%20a%20url&state=x",
  };

  demo_assert_status (approve, SOUP_STATUS_FOUND);
  location = soup_message_headers_get_one (approve->headers, "Location");
  g_assert_true (g_str_has_prefix (location, "http://127.0.0.1:41234/callback?"));
  token = query_value (location, "token");
  state = query_value (location, "state");
  g_assert_cmpstr (state, ==, "s7aTe");
  g_assert_nonnull (token);

  header = g_strconcat ("Bearer ", token, NULL);
  me = demo_request_raw (f, header, "GET", "/users/me", NULL, 0);
  demo_assert_status (me, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (me->root, "role"), ==, "Admin");

  demo_assert_status (localhost, SOUP_STATUS_FOUND);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(DemoResponse) response = demo_request_raw (f, NULL, "GET", refused[i], NULL,
                                                           SOUP_MESSAGE_NO_REDIRECT);

      demo_assert_status (response, SOUP_STATUS_BAD_REQUEST);
      g_assert_nonnull (demo_json_at (response->root, "detail"));
    }
}

static void
test_routing (DemoFixture   *f,
              gconstpointer  data)
{
  g_autoptr(DemoResponse) unknown = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "GET",
                                                  "/no-such-thing", NULL);
  g_autoptr(DemoResponse) deep = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "GET",
                                               "/datastores/42/nothing", NULL);
  g_autoptr(DemoResponse) word = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "GET",
                                               "/datastores/forty-two", NULL);
  g_autoptr(DemoResponse) wrong = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "PATCH",
                                                "/datastores/42", "{}");
  g_autoptr(DemoResponse) slash = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "GET",
                                                "/datastores/42/", NULL);
  g_autoptr(DemoResponse) specifications = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "GET",
                                                         "/datastores/specifications", NULL);
  g_autoptr(DemoResponse) huge = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "GET",
                                               "/datastores/99999999999999999999999", NULL);
  g_autofree char *outside = g_strdup_printf ("http://127.0.0.1:%u/datastores",
                                              steward_demo_server_get_port (f->server));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", outside);
  g_autoptr(GBytes) bytes = soup_session_send_and_read (f->session, msg, NULL, NULL);
  const char *allow;

  demo_assert_detail (unknown, SOUP_STATUS_NOT_FOUND, "Not Found");
  demo_assert_detail (deep, SOUP_STATUS_NOT_FOUND, "Not Found");
  demo_assert_detail (word, SOUP_STATUS_NOT_FOUND, "Not Found");
  demo_assert_detail (wrong, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");
  allow = soup_message_headers_get_one (wrong->headers, "Allow");
  g_assert_nonnull (strstr (allow, "GET"));
  g_assert_nonnull (strstr (allow, "PUT"));
  g_assert_nonnull (strstr (allow, "DELETE"));
  demo_assert_status (slash, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (slash->root, "id"), ==, 42);
  /* Without "serve-specifications" the route does not exist, as on servers that lack it. */
  demo_assert_detail (specifications, SOUP_STATUS_NOT_FOUND, "Not Found");
  demo_assert_detail (huge, SOUP_STATUS_NOT_FOUND,
                      "Datastore id: 99999999999999999999999 not found");
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_NOT_FOUND);
  g_assert_nonnull (bytes);
}

static void
test_specifications (DemoFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(DemoResponse) list = demo_request (f, STEWARD_DEMO_ROLE_MEMBER, "GET",
                                               "/datastores/specifications", NULL);
  gboolean seen[3] = { FALSE, };

  demo_assert_status (list, SOUP_STATUS_OK);
  for (guint i = 0; i < demo_get_length (list->root, ""); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%u", i);
      JsonNode *item = demo_json_at (list->root, prefix);
      const char *type = demo_get_string (item, "type");

      g_assert_cmpstr (demo_get_string (item, "display_name"), !=, "");
      demo_get_bool (item, "supports_enrichment");
      g_assert_cmpuint (demo_get_length (item, "properties"), >, 0);
      for (guint p = 0; p < demo_get_length (item, "properties"); p++)
        {
          g_autofree char *path = g_strdup_printf ("properties.%u", p);
          JsonNode *property = demo_json_at (item, path);
          const char *map_to = demo_get_string (property, "map_to");

          demo_get_string (property, "field");
          demo_get_string (property, "title");
          demo_get_string (property, "type");
          demo_get_bool (property, "required");
          demo_get_bool (property, "secret");
          g_assert_true (demo_has (property, "default"));
          g_assert_true (demo_has (property, "placeholder"));
          g_assert_true (demo_has (property, "values"));
          g_assert_true (g_str_has_prefix (map_to, "parameters.") || strchr (map_to, '.') == NULL);
        }

      seen[0] |= g_strcmp0 (type, "postgresql") == 0;
      seen[1] |= g_strcmp0 (type, "snowflake") == 0;
      seen[2] |= g_strcmp0 (type, "s3") == 0;
    }
  g_assert_true (seen[0] && seen[1] && seen[2]);
}

static void
test_request_log (DemoFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(DemoResponse) a = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "POST",
                                            "/datastore-groups", "{\"name\": \"First\"}");
  g_autoptr(DemoResponse) b = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "POST",
                                            "/datastore-groups", "{\"name\": \"Second\"}");
  g_autoptr(DemoResponse) c = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "GET",
                                            "/datastores?tag=pii&tag=raw&size=5", NULL);
  g_autoptr(GPtrArray) bodies = steward_demo_server_dup_request_bodies (f->server, "POST",
                                                                        "/api/datastore-groups");
  g_autofree char *query = steward_demo_server_dup_last_query (f->server, "GET", "/api/datastores");
  g_autofree char *none = steward_demo_server_dup_last_query (f->server, "GET", "/api/nothing");

  g_assert_cmpuint (steward_demo_server_count_requests (f->server, "POST",
                                                        "/api/datastore-groups"), ==, 2);
  g_assert_cmpuint (steward_demo_server_count_requests (f->server, "GET", "/api/datastores"),
                    ==, 1);
  g_assert_cmpuint (steward_demo_server_count_requests (f->server, "DELETE", "/api/datastores"),
                    ==, 0);
  g_assert_cmpuint (bodies->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (bodies, 0), ==, "{\"name\": \"First\"}");
  g_assert_cmpstr (g_ptr_array_index (bodies, 1), ==, "{\"name\": \"Second\"}");
  g_assert_cmpstr (query, ==, "tag=pii&tag=raw&size=5");
  g_assert_null (none);
}

/* The log keeps the last 200 requests; counts cover all of them. */
static void
test_request_log_bounded (DemoFixture   *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) bodies = NULL;

  for (guint i = 0; i < 210; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"name\": \"Group %u\"}", i);
      g_autoptr(DemoResponse) response = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "POST",
                                                       "/datastore-groups", body);

      demo_assert_status (response, SOUP_STATUS_OK);
    }

  bodies = steward_demo_server_dup_request_bodies (f->server, "POST", "/api/datastore-groups");
  g_assert_cmpuint (bodies->len, ==, 200);
  g_assert_cmpstr (g_ptr_array_index (bodies, 0), ==, "{\"name\": \"Group 10\"}");
  g_assert_cmpuint (steward_demo_server_count_requests (f->server, "POST",
                                                        "/api/datastore-groups"), ==, 210);
}

/* A server can stop and start again with its state. */
static void
test_restart (DemoFixture   *f,
              gconstpointer  data)
{
  g_autoptr(DemoResponse) created = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "POST",
                                                  "/datastore-groups", "{\"name\": \"Kept\"}");
  g_autoptr(DemoResponse) list = NULL;
  g_autoptr(GError) error = NULL;

  demo_assert_status (created, SOUP_STATUS_OK);
  steward_demo_server_stop (f->server);
  steward_demo_server_stop (f->server);
  g_assert_true (steward_demo_server_start (f->server, 0, &error));
  g_assert_no_error (error);
  g_assert_false (steward_demo_server_start (f->server, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  list = demo_request (f, STEWARD_DEMO_ROLE_ADMIN, "GET", "/datastore-groups", NULL);
  demo_assert_status (list, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (list->root, ""), ==, 4);
}

static void
test_port_in_use (DemoFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(StewardDemoServer) second = steward_demo_server_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (steward_demo_server_start (second, steward_demo_server_get_port (f->server),
                                             &error));
  g_assert_nonnull (error);
  g_assert_null (steward_demo_server_get_base_url (second));
}

static char *
read_line (GDataInputStream *stream)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (stream, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  return line;
}

/* steward-demo-server prints where it listens and a token per role, serves, and stops cleanly
 * on SIGTERM. */
static void
test_standalone (void)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "demo",
                                                    "steward-demo-server", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GSubprocess) bad = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listening = NULL;
  g_auto(GStrv) tokens = g_new0 (char *, 5);
  static const char *const roles[] = { "admin", "manager", "member", "expired" };
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = NULL;
  g_autofree char *header = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, program, "--port", "0",
                              "--datastores", "3", "--operation-duration-ms", "100", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  listening = read_line (out);
  g_assert_true (g_str_has_prefix (listening, "Listening on http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (listening, "/api"));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *line = read_line (out);
      g_auto(GStrv) parts = g_strsplit (line, " ", -1);
      g_auto(GStrv) segments = NULL;

      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      g_assert_cmpstr (parts[0], ==, "token");
      g_assert_cmpstr (parts[1], ==, roles[i]);
      segments = g_strsplit (parts[2], ".", -1);
      g_assert_cmpuint (g_strv_length (segments), ==, 3);
      tokens[i] = g_strdup (parts[2]);
    }

  url = g_strconcat (listening + strlen ("Listening on "), "/users/me", NULL);
  msg = soup_message_new ("GET", url);
  header = g_strconcat ("Bearer ", tokens[0], NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (g_bytes_get_data (body, NULL), "\"Admin\""));

  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  bad = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                          &error, program, "--fault-rate", "1.5", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (bad, NULL, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (bad), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  static const DemoServerOptions specifications = { .serve_specifications = TRUE };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, options) \
  g_test_add (path, DemoFixture, options, demo_fixture_setup, func, demo_fixture_teardown)

  ADD ("/session/health", test_health, NULL);
  ADD ("/session/users-me", test_users_me, NULL);
  ADD ("/session/token-shape", test_token_shape, NULL);
  ADD ("/session/unauthorized", test_unauthorized, NULL);
  ADD ("/session/revoke", test_revoke, NULL);
  ADD ("/session/authorize", test_authorize, NULL);
  ADD ("/session/routing", test_routing, NULL);
  ADD ("/session/specifications", test_specifications, &specifications);
  ADD ("/session/request-log", test_request_log, NULL);
  ADD ("/session/request-log-bounded", test_request_log_bounded, NULL);
  ADD ("/session/restart", test_restart, NULL);
  ADD ("/session/port-in-use", test_port_in_use, NULL);
  g_test_add_func ("/session/standalone", test_standalone);

  return g_test_run ();
}
