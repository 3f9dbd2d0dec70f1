/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-demo-test-client.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Bad input never crashes the server or changes its state; injected faults look like the ones
 * real servers show; latency and the state file work. */

#define ADMIN STEWARD_DEMO_ROLE_ADMIN

typedef struct
{
  const char *method;
  const char *path;
  const char *valid_body;
} Route;

/* Every route that reads a body, with a body it accepts. */
static const Route body_routes[] = {
  { "POST", "/datastore-groups", "{\"name\": \"Fuzz\", \"icon\": \"mdi-texture-box\"}" },
  { "PUT", "/datastore-groups/2", "{\"name\": \"Renamed\", \"icon\": \"mdi-flask-outline\"}" },
  { "POST", "/datastores",
    "{\"name\": \"F\", \"connection_id\": 7, \"database\": \"production\","
    " \"schema\": \"sales\", \"teams\": [\"Analytics\"], \"tags\": [\"t\"], \"group_id\": 1,"
    " \"enrichment_source_record_limit\": 5, \"trigger_catalog\": false}" },
  { "PUT", "/datastores/42",
    "{\"name\": \"N\", \"description\": \"d\", \"tags\": [\"a\"],"
    " \"teams\": [\"Analytics\"], \"enrichment_prefix\": \"p\", \"high_count_rollup_threshold\": "
    "3}" },
  { "PATCH", "/datastores/42/favorite", "{\"favorite\": true}" },
  { "PATCH", "/datastores/42/assign-group", "{\"group_id\": 5}" },
  { "POST", "/datastores/connection",
    "{\"connection\": {\"type\": \"postgresql\","
    " \"host\": \"db.acme-corp.com\", \"port\": 5432}}" },
  { "POST", "/connections",
    "{\"name\": \"c\", \"type\": \"mysql\", \"host\": \"h\","
    " \"port\": 3306, \"parameters\": {\"a\": 1}}" },
  { "PUT", "/connections/3", "{\"name\": \"c\", \"type\": \"mysql\", \"host\": \"h\"}" },
  { "POST", "/connections/7/test", "{\"password\": \"p\"}" },
  { "POST", "/connections/catalogs", "{\"type\": \"snowflake\", \"host\": \"h\"}" },
  { "POST", "/connections/schemas", "{\"type\": \"snowflake\", \"host\": \"h\"}" },
  { "POST", "/connections/7/datastores/validate",
    "{\"database\": \"production_db\","
    " \"schemas\": [\"public\"]}" },
  { "POST", "/connections/datastores/validate",
    "{\"connection\": {\"type\": \"mysql\","
    " \"host\": \"h\"}, \"schemas\": [\"public\"]}" },
  { "POST", "/connections/7/datastores/bulk",
    "{\"database\": \"production_db\","
    " \"schemas\": [\"public\"], \"name_template\": \"x_{{ schema }}\", \"group\":"
    " {\"name\": \"B\"}, \"tags\": [\"x\"]}" },
  { "POST", "/connections/datastores/bulk",
    "{\"connection\": {\"type\": \"s3\","
    " \"uri\": \"s3://b\"}, \"root_paths\": [\"/a/\"]}" },
  { "POST", "/operations/run", "{\"type\": \"sync\", \"datastore_id\": 42}" },
};

static DemoResponse *
send_bytes (DemoFixture  *f,
            const char   *method,
            const char   *path,
            const char   *data,
            gsize         length)
{
  g_autofree char *authorization = g_strconcat ("Bearer ",
                                                steward_demo_server_get_token (f->server, ADMIN),
                                                NULL);
  g_autoptr(GBytes) body = g_bytes_new (data, length);

  return demo_request_raw (f, authorization, method, path, body, 0);
}

static char *
nested (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, "{\"a\": [");
  return g_string_free (text, FALSE);
}

/* Malformed JSON, the wrong kind of JSON value, bad UTF-8, absurd nesting: 422, nothing changes. */
static void
test_malformed_bodies (DemoFixture   *f,
                       gconstpointer  data)
{
  g_autofree char *deep = nested (100000);
  g_autofree char *before = demo_snapshot (f);
  g_autofree char *after = NULL;
  const struct
  {
    const char *data;
    gsize       length;
    const char *type;
  } bodies[] = {
    { "{", 1, "json_invalid" },
    { "{\"name\": }", 10, "json_invalid" },
    { "nul", 3, "json_invalid" },
    { "\xff\xfe{\"name\": \"x\"}", 15, "json_invalid" },
    { "{\"name\": \"\xc3\x28\"}", 13, "json_invalid" },
    { deep, strlen (deep), "json_invalid" },
    { "[]", 2, "model_attributes_type" },
    { "\"text\"", 6, "model_attributes_type" },
    { "42", 2, "model_attributes_type" },
    { "null", 4, "model_attributes_type" },
    { "", 0, "missing" },
    { "   \n", 4, "missing" },
  };

  for (guint r = 0; r < G_N_ELEMENTS (body_routes); r++)
    for (guint b = 0; b < G_N_ELEMENTS (bodies); b++)
      {
        g_autoptr(DemoResponse) response = send_bytes (f, body_routes[r].method,
                                                       body_routes[r].path, bodies[b].data,
                                                       bodies[b].length);

        /* The connection test of an existing connection takes an optional body. */
        if (g_str_has_suffix (body_routes[r].path, "/test") &&
            g_strcmp0 (bodies[b].type, "missing") == 0)
          {
            demo_assert_status (response, SOUP_STATUS_OK);
            continue;
          }
        demo_assert_validation (response, "body", bodies[b].type);
      }

  after = demo_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

/* null, a list, a number or a string where an object is expected, in nested objects too. */
static void
test_wrong_types (DemoFixture   *f,
                  gconstpointer  data)
{
  static const char *const values[] = { "null", "[]", "[1, 2]", "3", "\"x\"", "true", "{}",
                                        "1e400", "-0", "99999999999999999999999" };
  static const char *const members[] = {
    "name", "icon", "connection", "connection_id", "database", "schema", "root_path",
    "teams", "tags", "group", "group_id", "trigger_catalog", "favorite", "type", "host", "port",
    "parameters", "schemas", "root_paths", "name_template", "datastore_id",
    "enrichment_datastore_id", "enrichment_prefix", "enrichment_source_record_limit",
  };
  g_autoptr(DemoResponse) health = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (body_routes); r++)
    for (guint m = 0; m < G_N_ELEMENTS (members); m++)
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          g_autofree char *body = g_strdup_printf ("{\"%s\": %s}", members[m], values[v]);
          g_autoptr(DemoResponse) response = demo_request (f, ADMIN, body_routes[r].method,
                                                           body_routes[r].path, body);

          /* Some of these are valid (an update of one field, say); none may break the server. */
          if (response->status < 200 || response->status >= 500 ||
              (response->root == NULL && response->status != SOUP_STATUS_NO_CONTENT))
            g_error ("%s %s with %s gave %u: %s", body_routes[r].method, body_routes[r].path,
                     body, response->status, response->body);
        }

  health = demo_request (f, ADMIN, "GET", "/health", NULL);
  demo_assert_status (health, SOUP_STATUS_NO_CONTENT);
}

/* Each refused request alone leaves the state exactly as it was. */
static void
test_refused_changes_nothing (DemoFixture   *f,
                              gconstpointer  data)
{
  static const struct
  {
    const char *method;
    const char *path;
    const char *body;
  } requests[] = {
    { "POST", "/datastores", "{\"name\": \"X\", \"connection\": {\"type\": \"postgresql\","
      " \"host\": \"h\"}, \"group\": {\"name\": \"New Group\"}, \"enrichment_datastore_id\": 9}" },
    { "POST", "/datastores", "{\"name\": \"X\", \"connection\": {\"type\": \"postgresql\","
      " \"host\": \"h\"}, \"group\": {\"name\": \"analytics\"}}" },
    { "PUT", "/datastores/42", "{\"name\": \"Changed\", \"tags\": [], \"group_id\": 999}" },
    { "PUT", "/datastores/42", "{\"name\": \"Changed\", \"high_count_rollup_threshold\": 0}" },
    { "PUT", "/datastores/48", "{\"description\": \"x\", \"enrichment_datastore_id\": null}" },
    { "PUT", "/datastores/42", "{\"connection\": {\"type\": \"s3\", \"uri\": \"s3://x\"}}" },
    { "PUT", "/datastore-groups/1", "{\"name\": \"Gold Tier\", \"icon\": \"mdi-folder-outline\"}" },
    { "PUT", "/connections/7", "{\"name\": \"new\", \"type\": \"oracle\", \"host\": \"h\"}" },
    { "DELETE", "/connections/7", NULL },
    { "DELETE", "/datastores/48/enrichment", NULL },
    { "POST", "/connections/datastores/bulk", "{\"connection\": {\"type\": \"mysql\","
      " \"host\": \"x.invalid\"}, \"schemas\": [\"a\", \"b\"], \"group\": {\"name\": \"Q\"}}" },
    { "POST", "/connections/7/datastores/bulk", "{\"schemas\": [\"public\"],"
      " \"group\": {\"name\": \"Q\"}, \"enrichment_datastore_id\": 999}" },
    { "PATCH", "/datastores/100/enrichment/42", NULL },
    { "POST", "/operations/run", "{\"type\": \"export\", \"datastore_id\": 42}" },
  };
  g_autofree char *before = demo_snapshot (f);

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autoptr(DemoResponse) response = demo_request (f, ADMIN, requests[i].method,
                                                       requests[i].path, requests[i].body);
      g_autofree char *after = NULL;

      g_assert_cmpuint (response->status, >=, 400);
      g_assert_cmpuint (response->status, <, 500);
      after = demo_snapshot (f);
      if (g_strcmp0 (before, after) != 0)
        g_error ("%s %s (%u) changed the state", requests[i].method, requests[i].path,
                 response->status);
    }
}

/* Random mutations of valid bodies on every route: never a 5xx, never a crash. */
static void
test_fuzz (DemoFixture   *f,
           gconstpointer  data)
{
  static const char *const replacements[] = {
    "null", "[]", "{}", "0", "-1", "1e999", "\"\"", "\"\\u0000\"", "true", "[null]",
    "{\"name\": null}", "\"\\ud800\"", "18446744073709551616", "0.5",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260331);
  g_autoptr(DemoResponse) health = NULL;

  for (guint round = 0; round < 600; round++)
    {
      const Route *route = &body_routes[g_rand_int_range (rand, 0, G_N_ELEMENTS (body_routes))];
      GString *body = g_string_new (route->valid_body);
      g_autoptr(DemoResponse) response = NULL;
      guint mutations = g_rand_int_range (rand, 1, 4);

      for (guint m = 0; m < mutations && body->len > 0; m++)
        {
          guint at = g_rand_int_range (rand, 0, body->len);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: /* cut */
              g_string_truncate (body, at);
              break;
            case 1: /* replace a value after a colon */
              {
                const char *colon = strchr (body->str + at, ':');

                if (colon != NULL)
                  {
                    gsize start = colon - body->str + 1;
                    gsize end = start;

                    while (end < body->len && body->str[end] != ',' && body->str[end] != '}')
                      end++;
                    g_string_erase (body, start, end - start);
                    g_string_insert (body, start,
                                     replacements[g_rand_int_range (rand, 0,
                                                                    G_N_ELEMENTS (replacements))]);
                  }
                break;
              }
            case 2: /* flip a byte */
              body->str[at] = (char) g_rand_int_range (rand, 1, 256);
              break;
            default: /* duplicate a stretch */
              g_string_insert_len (body, at, body->str, MIN (at, 40));
              break;
            }
        }

      response = send_bytes (f, route->method, route->path, body->str, body->len);
      if (response->status == 0 || response->status >= 500)
        g_error ("%s %s with %s gave %u", route->method, route->path, body->str,
                 response->status);
      g_string_free (body, TRUE);
    }

  health = demo_request (f, ADMIN, "GET", "/health", NULL);
  demo_assert_status (health, SOUP_STATUS_NO_CONTENT);
}

static void
test_huge_values (DemoFixture   *f,
                  gconstpointer  data)
{
  gsize big = 5 * 1024 * 1024;
  g_autofree char *huge_body = g_malloc (big);
  g_autofree char *long_name = NULL;
  g_autoptr(DemoResponse) too_large = NULL;
  g_autoptr(DemoResponse) long_string = NULL;
  g_autoptr(DemoResponse) big_int = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                  "{\"enrichment_source_record_limit\":"
                                                  " 99999999999999999999999}");
  g_autoptr(DemoResponse) negative = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                   "{\"high_count_rollup_threshold\":"
                                                   " -99999999999999999999999}");
  g_autoptr(DemoResponse) big_id = demo_request (f, ADMIN, "PATCH",
                                                 "/datastores/42/assign-group",
                                                 "{\"group_id\": 123456789012345678901234567890}");
  g_autoptr(DemoResponse) path_id = demo_request (f, ADMIN, "DELETE",
                                                  "/datastore-groups/99999999999999999999", NULL);

  memset (huge_body, ' ', big);
  huge_body[0] = '{';
  huge_body[big - 1] = '}';
  too_large = send_bytes (f, "POST", "/datastore-groups", huge_body, big);
  demo_assert_status (too_large, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);

  long_name = g_strdup_printf ("{\"name\": \"%0*d\"}", 1000000, 0);
  long_string = demo_request (f, ADMIN, "POST", "/datastore-groups", long_name);
  demo_assert_validation (long_string, "body.name", "string_too_long");

  demo_assert_validation (big_int, "body.enrichment_source_record_limit", "less_than_equal");
  demo_assert_validation (negative, "body.high_count_rollup_threshold", "greater_than_equal");
  demo_assert_validation (big_id, "body.group_id", "less_than_equal");
  demo_assert_detail (path_id, SOUP_STATUS_NOT_FOUND,
                      "Datastore group id: 99999999999999999999 not found");
}

static void
test_query_garbage (DemoFixture   *f,
                    gconstpointer  data)
{
  static const char *const queries[] = {
    "/datastores?%zz=1", "/datastores?tag=%ff%fe", "/datastores?&&&=&", "/datastores?search=%00",
    "/datastores?page=1&page=2&size=1&size=", "/operations?datastore=&datastore=1",
    "/connections?type=,,,", "/datastores?search=%E2%82%AC",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(DemoResponse) response = demo_request (f, ADMIN, "GET", queries[i], NULL);

      g_assert_cmpuint (response->status, >=, 200);
      g_assert_cmpuint (response->status, <, 500);
      /* libsoup itself answers a URI it cannot parse ("%zz") with a bare 400. */
      if (response->status != SOUP_STATUS_BAD_REQUEST)
        g_assert_nonnull (response->root);
    }
}

/* Each fault, on the requests it names and only on them. */
static void
test_faults (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(DemoResponse) e500 = NULL;
  g_autoptr(DemoResponse) e502 = NULL;
  g_autoptr(DemoResponse) e503 = NULL;
  g_autoptr(DemoResponse) drop = NULL;
  g_autoptr(DemoResponse) truncated = NULL;
  g_autoptr(DemoResponse) html = NULL;
  g_autoptr(DemoResponse) other_method = NULL;
  g_autoptr(DemoResponse) recovered = NULL;
  g_autoptr(DemoResponse) groups = NULL;

  steward_demo_server_inject_fault (f->server, "GET", "/api/datastores", STEWARD_DEMO_FAULT_500, 1);
  steward_demo_server_inject_fault (f->server, "GET", "/api/datastores", STEWARD_DEMO_FAULT_502, 1);
  steward_demo_server_inject_fault (f->server, "GET", "/api/datastores", STEWARD_DEMO_FAULT_503, 1);
  steward_demo_server_inject_fault (f->server, NULL, "/api/datastores",
                                    STEWARD_DEMO_FAULT_DROP, 1);
  steward_demo_server_inject_fault (f->server, "get", NULL, STEWARD_DEMO_FAULT_TRUNCATED, 1);
  steward_demo_server_inject_fault (f->server, "GET", "/api/", STEWARD_DEMO_FAULT_NOT_JSON, 1);

  other_method = demo_request (f, ADMIN, "POST", "/datastore-groups", "{\"name\": \"Untouched\"}");
  e500 = demo_request (f, ADMIN, "GET", "/datastores", NULL);
  e502 = demo_request (f, ADMIN, "GET", "/datastores/42", NULL);
  e503 = demo_request (f, ADMIN, "GET", "/datastores", NULL);
  {
    /* libsoup resends an idempotent request once when a reused connection closes without an
     * answer, so the drop is shown on a connection of its own. */
    g_autoptr(SoupSession) fresh = soup_session_new ();
    DemoFixture fresh_fixture = { f->server, fresh };

    drop = demo_request (&fresh_fixture, ADMIN, "GET", "/datastores", NULL);
  }
  truncated = demo_request (f, ADMIN, "GET", "/datastores", NULL);
  html = demo_request (f, ADMIN, "GET", "/datastore-groups", NULL);
  recovered = demo_request (f, ADMIN, "GET", "/datastores", NULL);

  demo_assert_status (other_method, SOUP_STATUS_OK);
  demo_assert_status (e500, SOUP_STATUS_INTERNAL_SERVER_ERROR);
  g_assert_null (e500->root);
  demo_assert_status (e502, SOUP_STATUS_BAD_GATEWAY);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (e502->headers, NULL),
                                   "text/html"));
  demo_assert_status (e503, SOUP_STATUS_SERVICE_UNAVAILABLE);
  g_assert_nonnull (soup_message_headers_get_one (e503->headers, "Retry-After"));
  g_assert_cmpuint (drop->status, ==, 0);
  g_assert_nonnull (drop->error);
  demo_assert_status (truncated, SOUP_STATUS_OK);
  g_assert_cmpstr (soup_message_headers_get_content_type (truncated->headers, NULL), ==,
                   "application/json");
  g_assert_null (truncated->root);
  g_assert_cmpuint (strlen (truncated->body), >, 10);
  demo_assert_status (html, SOUP_STATUS_OK);
  g_assert_null (html->root);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (html->headers, NULL),
                                   "text/html"));
  demo_assert_status (recovered, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (recovered->root, "total"), ==, 22);

  /* Faulty requests were counted, and a fault that answers before handling changed nothing. */
  g_assert_cmpuint (steward_demo_server_count_requests (f->server, "GET", "/api/datastores"),
                    ==, 5);
  steward_demo_server_inject_fault (f->server, "POST", "/api/datastore-groups",
                                    STEWARD_DEMO_FAULT_503, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DemoResponse) refused = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                      "{\"name\": \"Never\"}");

      demo_assert_status (refused, SOUP_STATUS_SERVICE_UNAVAILABLE);
    }
  groups = demo_request (f, ADMIN, "GET", "/datastore-groups", NULL);
  g_assert_cmpuint (demo_get_length (groups->root, ""), ==, 4);
}

/* A stalled request does not hold up the others; stopping the server with it pending is fine. */
static void
test_stall (DemoFixture   *f,
            gconstpointer  data)
{
  g_autoptr(SoupSession) impatient = soup_session_new_with_options ("timeout", 1, NULL);
  DemoFixture impatient_fixture = { f->server, impatient };
  g_autoptr(DemoResponse) stalled = NULL;
  g_autoptr(DemoResponse) other = NULL;
  g_autoptr(DemoResponse) group = NULL;

  steward_demo_server_inject_fault (f->server, "POST", "/api/datastore-groups",
                                    STEWARD_DEMO_FAULT_STALL, 1);
  stalled = demo_request (&impatient_fixture, ADMIN, "POST", "/datastore-groups",
                          "{\"name\": \"Stalled\"}");
  other = demo_request (f, ADMIN, "GET", "/datastores/42", NULL);
  group = demo_request (f, ADMIN, "GET", "/datastore-groups", NULL);

  g_assert_error (stalled->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  demo_assert_status (other, SOUP_STATUS_OK);
  g_assert_cmpfloat (other->seconds, <, 1.0);
  /* A stalled request is handled only when its 30 s are over, if its client is still there. */
  g_assert_cmpuint (demo_get_length (group->root, ""), ==, 3);
}

static void
test_fault_rate (DemoFixture   *f,
                 gconstpointer  data)
{
  guint faulty = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(DemoResponse) response = demo_request (f, ADMIN, "GET", "/datastore-groups",
                                                       NULL);

      if (response->status != SOUP_STATUS_OK || response->root == NULL)
        {
          faulty++;
          g_assert_true (response->status == 0 || response->status == 200 ||
                         response->status == 500 || response->status == 502 ||
                         response->status == 503);
        }
    }

  /* With a rate of one half, 40 requests that all pass or all fail are next to impossible. */
  g_assert_cmpuint (faulty, >, 5);
  g_assert_cmpuint (faulty, <, 35);
}

static void
test_latency (DemoFixture   *f,
              gconstpointer  data)
{
  g_autoptr(DemoResponse) health = demo_request (f, ADMIN, "GET", "/health", NULL);
  g_autoptr(DemoResponse) created = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                  "{\"name\": \"Slowly\"}");

  demo_assert_status (health, SOUP_STATUS_NO_CONTENT);
  g_assert_cmpfloat (health->seconds, >=, 0.29);
  demo_assert_status (created, SOUP_STATUS_OK);
  g_assert_cmpfloat (created->seconds, >=, 0.29);
}

/* A client that gives up while its request waits is gone when the request's turn comes: the
 * request is dropped, not handled, and nothing breaks. */
static void
test_latency_client_gone (DemoFixture   *f,
                          gconstpointer  data)
{
  g_autoptr(SoupSession) impatient = soup_session_new_with_options ("timeout", 1, NULL);
  DemoFixture impatient_fixture = { f->server, impatient };
  g_autoptr(DemoResponse) gave_up = demo_request (&impatient_fixture, ADMIN, "POST",
                                                  "/datastore-groups", "{\"name\": \"Abandoned\"}");
  g_autoptr(DemoResponse) groups = NULL;

  g_assert_error (gave_up->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  /* This request waits its 1.5 s too, so its turn comes after the abandoned one's. */
  groups = demo_request (f, ADMIN, "GET", "/datastore-groups", NULL);
  demo_assert_status (groups, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (groups->root, ""), ==, 3);
  g_assert_cmpuint (steward_demo_server_count_requests (f->server, "POST",
                                                        "/api/datastore-groups"), ==, 1);
}

static char *
authorization_line (DemoFixture     *f,
                    StewardDemoRole  role)
{
  return g_strdup_printf ("Authorization: Bearer %s\r\n",
                          steward_demo_server_get_token (f->server, role));
}

static gboolean
says_close (DemoResponse *response)
{
  return soup_message_headers_header_contains (response->headers, "Connection", "close");
}

/* A 204 keeps the connection open, as HTTP/1.1 says when the answer does not say
 * "Connection: close": clients send their next request on it, pipelined or not. */
static void
test_keep_alive_after_no_content (DemoFixture   *f,
                                  gconstpointer  data)
{
  static const struct
  {
    const char *method;
    const char *path;
    guint       status;
  } turns[] = {
    { "DELETE", "/api/datastores/21", SOUP_STATUS_NO_CONTENT },
    { "GET", "/api/datastores/21", SOUP_STATUS_NOT_FOUND },
    { "DELETE", "/api/datastores/110/enrichment", SOUP_STATUS_NO_CONTENT },
    { "GET", "/api/health", SOUP_STATUS_NO_CONTENT },
    { "GET", "/api/datastore-groups", SOUP_STATUS_OK },
  };
  g_autoptr(GSocketConnection) connection = demo_raw_connect (f);
  g_autofree char *admin = authorization_line (f, ADMIN);
  g_autofree char *pipelined = g_strdup_printf ("GET /api/health HTTP/1.1\r\n"
                                                "Host: 127.0.0.1\r\n\r\n"
                                                "GET /api/users/me HTTP/1.1\r\n"
                                                "Host: 127.0.0.1\r\n%s\r\n", admin);
  g_autoptr(DemoResponse) health = NULL;
  g_autoptr(DemoResponse) me = NULL;

  demo_raw_send (connection, pipelined, -1);
  health = demo_raw_read (connection);
  me = demo_raw_read (connection);
  demo_assert_status (health, SOUP_STATUS_NO_CONTENT);
  g_assert_false (says_close (health));
  g_assert_null (soup_message_headers_get_one (health->headers, "Content-Length"));
  demo_assert_status (me, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (me->root, "id"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (turns); i++)
    {
      g_autofree char *request = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s\r\n",
                                                  turns[i].method, turns[i].path, admin);
      g_autoptr(DemoResponse) response = NULL;

      demo_raw_send (connection, request, -1);
      response = demo_raw_read (connection);
      demo_assert_status (response, turns[i].status);
      g_assert_false (says_close (response));
    }
}

/* A request the server refuses on its headers is answered before its body is read: the answer
 * comes although the client sends none of it, says "Connection: close", and the connection
 * closes once the client stops. */
static void
test_refused_before_body (DemoFixture   *f,
                          gconstpointer  data)
{
  g_autofree char *admin = authorization_line (f, ADMIN);
  g_autofree char *announced = g_strdup_printf ("POST /api/datastore-groups HTTP/1.1\r\n"
                                                "Host: 127.0.0.1\r\n%s"
                                                "Content-Type: application/json\r\n"
                                                "Content-Length: 314572800\r\n\r\n{", admin);
  g_autofree char *expecting = g_strdup_printf ("POST /api/datastore-groups HTTP/1.1\r\n"
                                                "Host: 127.0.0.1\r\n%s"
                                                "Expect: 100-continue\r\n"
                                                "Content-Length: 5242880\r\n\r\n", admin);
  g_autofree char *chunked_head = g_strdup_printf ("POST /api/datastore-groups HTTP/1.1\r\n"
                                                   "Host: 127.0.0.1\r\n%s"
                                                   "Transfer-Encoding: chunked\r\n\r\n", admin);
  const struct
  {
    const char *request;
    guint       status;
    const char *detail;
  } cases[] = {
    { announced, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large" },
    { expecting, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large" },
    { "POST /api/datastore-groups HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 20\r\n\r\n",
      SOUP_STATUS_UNAUTHORIZED, "Not authenticated" },
    { "PUT /api/datastores/42 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer forged\r\n"
      "Content-Length: 20\r\n\r\n", SOUP_STATUS_UNAUTHORIZED, "Invalid token" },
    /* Chunked bodies have no length to judge by: 5 MiB of chunks and no end. */
    { chunked_head, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large" },
  };
  g_autoptr(DemoResponse) groups = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSocketConnection) connection = demo_raw_connect (f);
      g_autoptr(DemoResponse) response = NULL;

      demo_raw_send (connection, cases[i].request, -1);
      if (cases[i].request == chunked_head)
        {
          g_autofree char *chunk = g_malloc (1024 * 1024);

          memset (chunk, ' ', 1024 * 1024);
          for (guint c = 0; c < 5; c++)
            {
              demo_raw_send (connection, "100000\r\n", -1);
              demo_raw_send (connection, chunk, 1024 * 1024);
              demo_raw_send (connection, "\r\n", -1);
            }
        }

      response = demo_raw_read (connection);
      demo_assert_detail (response, cases[i].status, cases[i].detail);
      g_assert_true (says_close (response));
      if (cases[i].status == SOUP_STATUS_UNAUTHORIZED)
        g_assert_cmpstr (soup_message_headers_get_one (response->headers, "WWW-Authenticate"), ==,
                         "Bearer");
      g_assert_true (demo_raw_closes (connection));
    }

  /* Refused requests are counted like the others, and changed nothing. */
  g_assert_cmpuint (steward_demo_server_count_requests (f->server, "POST",
                                                        "/api/datastore-groups"), ==, 4);
  groups = demo_request (f, ADMIN, "GET", "/datastore-groups", NULL);
  g_assert_cmpuint (demo_get_length (groups->root, ""), ==, 3);
}

/* The peak resident memory of this process, which runs the server, in bytes. */
static gsize
peak_memory (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) * 1024;
}

/* Linux starts the peak over from the current size when told "5" here. */
static void
reset_peak_memory (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  g_assert_nonnull (file);
  g_assert_cmpint (fputs ("5", file), >=, 0);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Big bodies sent whole, announced or chunked, with or without a token, cost the server no
 * memory: it used to hold each one, several times over, before refusing it. */
static void
test_big_bodies_keep_memory_flat (DemoFixture   *f,
                                  gconstpointer  data)
{
  const gsize megabyte = 1024 * 1024;
  const guint megabytes = 64;
  g_autofree char *admin = authorization_line (f, ADMIN);
  g_autofree char *block = g_malloc (megabyte);
  g_autofree char *chunk_size = g_strdup_printf ("%" G_GSIZE_MODIFIER "x\r\n", megabyte);
  const char *authorizations[] = { admin, "" };
  gsize before;

  memset (block, ' ', megabyte);
  reset_peak_memory ();
  before = peak_memory ();

  for (guint a = 0; a < G_N_ELEMENTS (authorizations); a++)
    for (guint chunked = 0; chunked <= 1; chunked++)
      {
        g_autoptr(GSocketConnection) connection = demo_raw_connect (f);
        g_autofree char *head = g_strdup_printf ("POST /api/datastore-groups HTTP/1.1\r\n"
                                                 "Host: 127.0.0.1\r\n%s%s\r\n",
                                                 authorizations[a],
                                                 chunked ? "Transfer-Encoding: chunked\r\n"
                                                 : "Content-Length: 67108864\r\n");
        g_autoptr(DemoResponse) response = NULL;

        demo_raw_send (connection, head, -1);
        for (guint i = 0; i < megabytes; i++)
          {
            if (chunked)
              demo_raw_send (connection, chunk_size, -1);
            demo_raw_send (connection, block, megabyte);
            if (chunked)
              demo_raw_send (connection, "\r\n", -1);
          }
        if (chunked)
          demo_raw_send (connection, "0\r\n\r\n", -1);

        response = demo_raw_read (connection);
        /* The 4 MiB a chunked body may take before it is refused, and change. */
        g_assert_cmpuint (peak_memory () - before, <, 16 * megabyte);
        /* The announced size is judged first; a chunked body's only once it is too long. */
        demo_assert_status (response, a == 1 && chunked ? SOUP_STATUS_UNAUTHORIZED
                                                        : SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
      }
}

static void
test_state_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("steward-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autoptr(StewardDemoServer) first = g_object_new (STEWARD_TYPE_DEMO_SERVER, "state-file", path,
                                                     NULL);
  g_autoptr(StewardDemoServer) second = NULL;
  g_autoptr(StewardDemoServer) broken = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *first_token = NULL;
  DemoFixture fixture = { NULL, session };
  GStatBuf info;

  g_assert_true (steward_demo_server_start (first, 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  fixture.server = first;
  {
    g_autoptr(DemoResponse) group = demo_request (&fixture, ADMIN, "POST", "/datastore-groups",
                                                  "{\"name\": \"Persisted\"}");
    g_autoptr(DemoResponse) favorite = demo_request (&fixture, ADMIN, "PATCH",
                                                     "/datastores/42/favorite",
                                                     "{\"favorite\": true}");
    g_autoptr(DemoResponse) deleted = demo_request (&fixture, ADMIN, "DELETE", "/datastores/39",
                                                    NULL);

    demo_assert_status (group, SOUP_STATUS_OK);
    demo_assert_status (favorite, SOUP_STATUS_OK);
    demo_assert_status (deleted, SOUP_STATUS_NO_CONTENT);
  }
  first_token = g_strdup (steward_demo_server_get_token (first, ADMIN));
  steward_demo_server_stop (first);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_true (json_parser_load_from_file (parser, path, NULL));

  second = g_object_new (STEWARD_TYPE_DEMO_SERVER, "state-file", path, "extra-datastores", 5,
                         NULL);
  g_assert_true (steward_demo_server_start (second, 0, &error));
  fixture.server = second;
  {
    g_autoptr(DemoResponse) groups = demo_request (&fixture, ADMIN, "GET", "/datastore-groups",
                                                   NULL);
    g_autoptr(DemoResponse) get = demo_request (&fixture, ADMIN, "GET", "/datastores/42", NULL);
    g_autoptr(DemoResponse) gone = demo_request (&fixture, ADMIN, "GET", "/datastores/39", NULL);
    g_autoptr(DemoResponse) list = demo_request (&fixture, ADMIN, "GET", "/datastores", NULL);
    g_autoptr(DemoResponse) next = demo_request (&fixture, ADMIN, "POST", "/datastore-groups",
                                                 "{\"name\": \"After\"}");
    g_autofree char *old_header = g_strconcat ("Bearer ", first_token, NULL);
    g_autoptr(DemoResponse) old_token = demo_request_raw (&fixture, old_header, "GET",
                                                          "/users/me", NULL, 0);

    g_assert_cmpuint (demo_get_length (groups->root, ""), ==, 4);
    g_assert_true (demo_get_bool (get->root, "favorite"));
    demo_assert_status (gone, SOUP_STATUS_NOT_FOUND);
    /* The state file wins over the seed options. */
    g_assert_cmpint (demo_get_int (list->root, "total"), ==, 21);
    g_assert_cmpint (demo_get_int (next->root, "id"), ==, 4);
    /* Tokens are not kept: each run has its own secret. */
    demo_assert_detail (old_token, SOUP_STATUS_UNAUTHORIZED, "Invalid token");
  }
  steward_demo_server_stop (second);

  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"datastores\": [{\"id\": 1}]}",
                                      -1, NULL));
  broken = g_object_new (STEWARD_TYPE_DEMO_SERVER, "state-file", path, NULL);
  g_assert_false (steward_demo_server_start (broken, 0, &error));
  g_assert_nonnull (error);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_state_file_unwritable (void)
{
  g_autoptr(StewardDemoServer) server = g_object_new (STEWARD_TYPE_DEMO_SERVER, "state-file",
                                                      "/nonexistent-dir/state.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (steward_demo_server_start (server, 0, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  static const DemoServerOptions half_faulty = { .fault_rate = 0.5 };
  static const DemoServerOptions slow = { .latency_ms = 300 };
  static const DemoServerOptions slower = { .latency_ms = 1500 };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, options) \
  g_test_add (path, DemoFixture, options, demo_fixture_setup, func, demo_fixture_teardown)

  ADD ("/robustness/malformed-bodies", test_malformed_bodies, NULL);
  ADD ("/robustness/wrong-types", test_wrong_types, NULL);
  ADD ("/robustness/refused-changes-nothing", test_refused_changes_nothing, NULL);
  ADD ("/robustness/fuzz", test_fuzz, NULL);
  ADD ("/robustness/huge-values", test_huge_values, NULL);
  ADD ("/robustness/query-garbage", test_query_garbage, NULL);
  ADD ("/robustness/faults", test_faults, NULL);
  ADD ("/robustness/stall", test_stall, NULL);
  ADD ("/robustness/fault-rate", test_fault_rate, &half_faulty);
  ADD ("/robustness/latency", test_latency, &slow);
  ADD ("/robustness/latency-client-gone", test_latency_client_gone, &slower);
  ADD ("/robustness/keep-alive-after-no-content", test_keep_alive_after_no_content, NULL);
  ADD ("/robustness/refused-before-body", test_refused_before_body, NULL);
  ADD ("/robustness/big-bodies-keep-memory-flat", test_big_bodies_keep_memory_flat, NULL);
  g_test_add_func ("/robustness/state-file", test_state_file);
  g_test_add_func ("/robustness/state-file-unwritable", test_state_file_unwritable);

  return g_test_run ();
}
