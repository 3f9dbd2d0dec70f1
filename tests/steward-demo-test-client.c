/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo-test"

#include "steward-demo-test-client.h"

#include <string.h>

StewardDemoServer *
demo_server_start (const DemoServerOptions *options)
{
  static const DemoServerOptions defaults = { 0, };
  g_autoptr(StewardDemoServer) server = NULL;
  g_autoptr(GError) error = NULL;

  if (options == NULL)
    options = &defaults;

  server = g_object_new (STEWARD_TYPE_DEMO_SERVER,
                         "extra-datastores", options->extra_datastores,
                         "latency-ms", options->latency_ms,
                         "fault-rate", options->fault_rate,
                         "serve-specifications", options->serve_specifications,
                         NULL);
  if (options->operation_duration_ms > 0)
    g_object_set (server, "operation-duration-ms", options->operation_duration_ms, NULL);

  steward_demo_server_start (server, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (steward_demo_server_get_base_url (server));
  return g_steal_pointer (&server);
}

void
demo_fixture_setup (DemoFixture   *fixture,
                    gconstpointer  options)
{
  fixture->server = demo_server_start (options);
  fixture->session = soup_session_new_with_options ("timeout", 60, NULL);
}

void
demo_fixture_teardown (DemoFixture   *fixture,
                       gconstpointer  options)
{
  g_clear_object (&fixture->session);
  steward_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
}

void
demo_response_free (DemoResponse *response)
{
  if (response == NULL)
    return;

  g_clear_error (&response->error);
  g_free (response->body);
  g_clear_pointer (&response->root, json_node_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_free (response);
}

DemoResponse *
demo_request_raw (DemoFixture      *fixture,
                  const char       *authorization,
                  const char       *method,
                  const char       *path,
                  GBytes           *body,
                  SoupMessageFlags  flags)
{
  g_autofree char *url = g_strconcat (steward_demo_server_get_base_url (fixture->server), path,
                                      NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  DemoResponse *response = g_new0 (DemoResponse, 1);
  gint64 start = g_get_monotonic_time ();
  gsize length;
  const char *data;

  /* soup_message_new() refuses bad escapes ("%zz"), which the robustness tests send on purpose. */
  if (msg == NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED,
                                         NULL);

      g_assert_nonnull (uri);
      msg = soup_message_new_from_uri (method, uri);
    }
  g_assert_nonnull (msg);
  soup_message_set_flags (msg, flags);
  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                  authorization);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);

  bytes = soup_session_send_and_read (fixture->session, msg, NULL, &response->error);
  response->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (bytes == NULL)
    return response;

  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  data = g_bytes_get_data (bytes, &length);
  response->body = g_strndup (data != NULL ? data : "", length);
  if (length > 0 && json_parser_load_from_data (parser, response->body, length, NULL))
    response->root = json_node_ref (json_parser_get_root (parser));

  return response;
}

DemoResponse *
demo_request (DemoFixture     *fixture,
              StewardDemoRole  role,
              const char      *method,
              const char      *path,
              const char      *body)
{
  g_autofree char *authorization = g_strconcat ("Bearer ",
                                                steward_demo_server_get_token (fixture->server,
                                                                               role), NULL);
  g_autoptr(GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;

  return demo_request_raw (fixture, authorization, method, path, bytes, 0);
}

DemoResponse *
demo_request_printf (DemoFixture     *fixture,
                     StewardDemoRole  role,
                     const char      *method,
                     const char      *body,
                     const char      *path_format,
                     ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);

  return demo_request (fixture, role, method, path, body);
}

GSocketConnection *
demo_raw_connect (DemoFixture *fixture)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1",
                                                steward_demo_server_get_port (fixture->server),
                                                NULL, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (g_socket_connection_get_socket (connection), 10);
  return connection;
}

void
demo_raw_send (GSocketConnection *connection,
               const void        *data,
               gssize             length)
{
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (output, data, length >= 0 ? (gsize) length : strlen (data), NULL,
                             NULL, &error);
  g_assert_no_error (error);
}

/* One reader per connection: it may hold the start of the next answer. */
static GDataInputStream *
raw_reader (GSocketConnection *connection)
{
  GDataInputStream *reader = g_object_get_data (G_OBJECT (connection), "demo-raw-reader");

  if (reader == NULL)
    {
      reader = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
      g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (reader), FALSE);
      g_data_input_stream_set_newline_type (reader, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
      g_object_set_data_full (G_OBJECT (connection), "demo-raw-reader", reader, g_object_unref);
    }

  return reader;
}

DemoResponse *
demo_raw_read (GSocketConnection *connection)
{
  GDataInputStream *reader = raw_reader (connection);
  g_autoptr(JsonParser) parser = json_parser_new ();
  DemoResponse *response = g_new0 (DemoResponse, 1);
  g_autofree char *status_line = NULL;
  g_autofree char *body = NULL;
  gint64 start = g_get_monotonic_time ();
  goffset length;
  gsize read = 0;

  status_line = g_data_input_stream_read_line (reader, NULL, NULL, &response->error);
  if (status_line == NULL)
    return response;
  g_assert_true (g_str_has_prefix (status_line, "HTTP/1.1 ") && strlen (status_line) >= 12);
  response->status = (guint) g_ascii_strtoull (status_line + 9, NULL, 10);

  response->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (reader, NULL, NULL, &response->error);
      const char *colon;

      g_assert_no_error (response->error);
      g_assert_nonnull (line);
      if (*line == '\0')
        break;
      colon = strchr (line, ':');
      g_assert_nonnull (colon);
      {
        g_autofree char *name = g_strndup (line, colon - line);
        g_autofree char *value = g_strstrip (g_strdup (colon + 1));

        soup_message_headers_append (response->headers, name, value);
      }
    }

  /* The demo server gives every answer with a body its length. */
  length = soup_message_headers_get_content_length (response->headers);
  body = g_malloc (length + 1);
  if (length > 0)
    g_input_stream_read_all (G_INPUT_STREAM (reader), body, length, &read, NULL, &response->error);
  g_assert_no_error (response->error);
  g_assert_cmpint (read, ==, length);
  body[length] = '\0';
  response->body = g_steal_pointer (&body);
  response->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (length > 0 && json_parser_load_from_data (parser, response->body, length, NULL))
    response->root = json_node_ref (json_parser_get_root (parser));

  return response;
}

gboolean
demo_raw_closes (GSocketConnection *connection)
{
  g_autoptr(GError) error = NULL;
  char byte;

  g_socket_shutdown (g_socket_connection_get_socket (connection), FALSE, TRUE, &error);
  g_assert_no_error (error);
  return g_input_stream_read (G_INPUT_STREAM (raw_reader (connection)), &byte, 1, NULL,
                              &error) == 0;
}

JsonNode *
demo_json_at (JsonNode   *root,
              const char *path)
{
  g_auto(GStrv) parts = NULL;
  JsonNode *node = root;

  if (root == NULL)
    return NULL;
  if (path == NULL || *path == '\0')
    return root;

  parts = g_strsplit (path, ".", -1);
  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      guint64 index;

      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node) &&
               g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT, &index, NULL) &&
               index < json_array_get_length (json_node_get_array (node)))
        node = json_array_get_element (json_node_get_array (node), index);
      else
        node = NULL;
    }

  return node;
}

static JsonNode *
value_at (JsonNode   *root,
          const char *path,
          GType       type)
{
  JsonNode *node = demo_json_at (root, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    {
      g_autofree char *text = demo_to_string (root);

      g_error ("No %s at \"%s\" in %s", g_type_name (type), path, text);
    }

  return node;
}

gint64
demo_get_int (JsonNode   *root,
              const char *path)
{
  return json_node_get_int (value_at (root, path, G_TYPE_INT64));
}

const char *
demo_get_string (JsonNode   *root,
                 const char *path)
{
  return json_node_get_string (value_at (root, path, G_TYPE_STRING));
}

gboolean
demo_get_bool (JsonNode   *root,
               const char *path)
{
  return json_node_get_boolean (value_at (root, path, G_TYPE_BOOLEAN));
}

gboolean
demo_is_null (JsonNode   *root,
              const char *path)
{
  JsonNode *node = demo_json_at (root, path);

  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

gboolean
demo_has (JsonNode   *root,
          const char *path)
{
  return demo_json_at (root, path) != NULL;
}

guint
demo_get_length (JsonNode   *root,
                 const char *path)
{
  JsonNode *node = demo_json_at (root, path);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *text = demo_to_string (root);

      g_error ("No array at \"%s\" in %s", path, text);
    }

  return json_array_get_length (json_node_get_array (node));
}

char *
demo_to_string (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : g_strdup ("(no JSON)");
}

void
demo_assert_status_at (const char   *file,
                       int           line,
                       DemoResponse *response,
                       guint         status)
{
  if (response->status == status)
    return;

  g_error ("%s:%d: expected HTTP %u, got %u (%s): %s", file, line, status, response->status,
           response->error != NULL ? response->error->message : "no transport error",
           response->body != NULL ? response->body : "");
}

void
demo_assert_detail_at (const char   *file,
                       int           line,
                       DemoResponse *response,
                       guint         status,
                       const char   *detail)
{
  JsonNode *node;

  demo_assert_status_at (file, line, response, status);
  node = demo_json_at (response->root, "detail");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      g_strcmp0 (json_node_get_string (node), detail) != 0)
    g_error ("%s:%d: expected {\"detail\": \"%s\"}, got %s", file, line, detail, response->body);
}

static char *
loc_to_path (JsonArray *loc)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (loc); i++)
    {
      JsonNode *part = json_array_get_element (loc, i);

      if (i > 0)
        g_string_append_c (path, '.');
      if (json_node_get_value_type (part) == G_TYPE_INT64)
        g_string_append_printf (path, "%" G_GINT64_FORMAT, json_node_get_int (part));
      else
        g_string_append (path, json_node_get_string (part));
    }

  return g_string_free (path, FALSE);
}

void
demo_assert_validation_at (const char   *file,
                           int           line,
                           DemoResponse *response,
                           const char   *loc,
                           const char   *type)
{
  JsonNode *detail;
  JsonArray *errors;

  demo_assert_status_at (file, line, response, SOUP_STATUS_UNPROCESSABLE_ENTITY);
  detail = demo_json_at (response->root, "detail");
  if (detail == NULL || !JSON_NODE_HOLDS_ARRAY (detail))
    g_error ("%s:%d: a 422 without a detail list: %s", file, line, response->body);

  errors = json_node_get_array (detail);
  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      JsonObject *error = json_array_get_object_element (errors, i);
      g_autofree char *path = NULL;

      /* Every error has the three FastAPI members. */
      g_assert_true (json_object_has_member (error, "loc"));
      g_assert_true (json_object_has_member (error, "msg"));
      g_assert_true (json_object_has_member (error, "type"));
      g_assert_cmpstr (json_object_get_string_member (error, "msg"), !=, "");

      path = loc_to_path (json_object_get_array_member (error, "loc"));
      if (g_strcmp0 (path, loc) == 0 &&
          (type == NULL || g_strcmp0 (json_object_get_string_member (error, "type"), type) == 0))
        return;
    }

  g_error ("%s:%d: no error at %s%s%s in %s", file, line, loc, type != NULL ? " of type " : "",
           type != NULL ? type : "", response->body);
}

char *
demo_snapshot (DemoFixture *fixture)
{
  static const char *const paths[] = {
    "/datastores?size=100", "/datastores?size=100&enrichment_only=true", "/datastore-groups",
    "/connections?size=100", "/operations?size=100",
  };
  GString *snapshot = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(DemoResponse) response = demo_request (fixture, STEWARD_DEMO_ROLE_ADMIN, "GET",
                                                       paths[i], NULL);

      demo_assert_status (response, SOUP_STATUS_OK);
      g_string_append_printf (snapshot, "%s\n%s\n", paths[i], response->body);
    }

  return g_string_free (snapshot, FALSE);
}
