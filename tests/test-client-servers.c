/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the client does with servers that differ from the demo, over real HTTP on loopback: a
 * certificate nobody trusts, a server that wants whole objects on PUT, one that only knows
 * trigger_sync, one that only knows the older enrich_* names, creates answered 200 instead of
 * 201, and errors that are not JSON. Each server
 * here is a few lines of libsoup written for the one behaviour under test. */
#include <libsoup/soup.h>
#include <string.h>

#include "steward-api.h"
#include "steward-test-async.h"

/* A self-signed certificate for 127.0.0.1, made for these tests only. */
static const char test_certificate[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBpTCCAUygAwIBAgIUGd/kfCmjTlOwGciVegCrjKrUhpUwCgYIKoZIzj0EAwIw\n"
  "HzEdMBsGA1UEAwwUc3Rld2FyZC10ZXN0LmludmFsaWQwIBcNMjYxMTIxMTYwNDA5\n"
  "WhgPMjEyNjEwMjgxNjA0MDlaMB8xHTAbBgNVBAMMFHN0ZXdhcmQtdGVzdC5pbnZh\n"
  "bGlkMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE8UVQqIuki+Jeis5lc69TLMMt\n"
  "IkA4XV2peidoEExo/fS53ayI0XH+XxRdxtfkglpqHG+99fSbVewro6oQF0PIH6Nk\n"
  "MGIwHQYDVR0OBBYEFINm6XyNWiSX3qmpOPyOVlSFji3vMB8GA1UdIwQYMBaAFINm\n"
  "6XyNWiSX3qmpOPyOVlSFji3vMA8GA1UdEwEB/wQFMAMBAf8wDwYDVR0RBAgwBocE\n"
  "fwAAATAKBggqhkjOPQQDAgNHADBEAiATIOcKy21A/xIJhnVjGYYHXWE52zQ1kGNg\n"
  "rMAJW3ZU1wIgB1w2j4iKeFeRgllasjfKd2bA53wQwDtVWmZ3t0rFU6M=\n"
  "-----END CERTIFICATE-----\n"
;

static const char test_key[] =
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg64Ie4VjVwnw1wxr1\n"
  "/b0eImXziJQKQenaFYZ4/P6SSmehRANCAATxRVCoi6SL4l6KzmVzr1Mswy0iQDhd\n"
  "Xal6J2gQTGj99LndrIjRcf5fFF3G1+SCWmocb7319JtV7CujqhAXQ8gf\n"
  "-----END PRIVATE KEY-----\n"
;

typedef struct
{
  SoupServer *server;
  char       *url;
  GPtrArray  *bodies;     /* what each request carried, in order */
  GPtrArray  *requests;   /* "METHOD /path" */
} TestServer;

typedef void (*Handler) (TestServer        *test,
                         SoupServerMessage *message,
                         const char        *method,
                         const char        *path,
                         const char        *body);

typedef struct
{
  TestServer *test;
  Handler     handler;
} HandlerData;

static void
dispatch_cb (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  HandlerData *data = user_data;
  SoupMessageBody *request_body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (request_body);
  g_autofree char *body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *method = soup_server_message_get_method (message);

  g_ptr_array_add (data->test->bodies, g_strdup (body));
  g_ptr_array_add (data->test->requests, g_strdup_printf ("%s %s", method, path));
  data->handler (data->test, message, method, path, body);
}

static void
respond_json (SoupServerMessage *message,
              guint              status,
              const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  if (json != NULL)
    soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, json,
                                      strlen (json));
}

static TestServer *
test_server_new (Handler   handler,
                 gboolean  tls)
{
  TestServer *test = g_new0 (TestServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GTlsCertificate) certificate = NULL;
  GSList *uris;
  HandlerData *data = g_new0 (HandlerData, 1);

  test->bodies = g_ptr_array_new_with_free_func (g_free);
  test->requests = g_ptr_array_new_with_free_func (g_free);
  if (tls)
    {
      g_autofree char *pem = g_strconcat (test_certificate, test_key, NULL);

      certificate = g_tls_certificate_new_from_pem (pem, -1, &error);
      g_assert_no_error (error);
      test->server = soup_server_new ("tls-certificate", certificate, NULL);
    }
  else
    test->server = soup_server_new (NULL, NULL);

  data->test = test;
  data->handler = handler;
  soup_server_add_handler (test->server, NULL, dispatch_cb, data, g_free);
  soup_server_listen (test->server, address, tls ? SOUP_SERVER_LISTEN_HTTPS : 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (test->server);
  test->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return test;
}

static void
test_server_free (TestServer *test)
{
  soup_server_disconnect (test->server);
  g_object_unref (test->server);
  g_ptr_array_unref (test->bodies);
  g_ptr_array_unref (test->requests);
  g_free (test->url);
  g_free (test);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

static StewardClient *
client_for (TestServer *test)
{
  g_autoptr(GError) error = NULL;
  StewardClient *client = steward_client_new (test->url, &error);

  g_assert_no_error (error);
  steward_client_set_token (client, "opaque-test-token");
  steward_client_set_retries (client, 1, 10);
  return client;
}

/* TLS */

static void
user_handler (TestServer        *test,
              SoupServerMessage *message,
              const char        *method,
              const char        *path,
              const char        *body)
{
  respond_json (message, 200, "{\"id\": 1, \"name\": \"Ada\", \"role\": \"Admin\"}");
}

static void
test_tls (void)
{
  g_autoptr(TestServer) test = test_server_new (user_handler, TRUE);
  g_autoptr(StewardClient) client = client_for (test);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardUser) user = NULL;

  g_assert_true (g_str_has_prefix (test->url, "https://"));

  /* Verification is on by default: a certificate nobody vouches for is a TLS error, distinct
   * from network errors, and is not retried. */
  steward_client_get_current_user_async (client, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (client, result, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TLS);
  g_assert_false (steward_api_error_is_transient (error));
  g_clear_error (&error);
  g_clear_object (&result);

  /* With verification turned off the same server answers. */
  steward_client_set_verify_tls (client, FALSE);
  steward_client_get_current_user_async (client, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_user_get_name (user), ==, "Ada");
}

static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;
  g_autoptr(StewardClient) client = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  /* A port that was free a moment ago: nothing listens, the connection is refused. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  client = steward_client_new (url, &error);
  steward_client_set_token (client, "t");
  steward_client_set_retries (client, 1, 10);
  steward_client_get_current_user_async (client, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (client, result, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);
  g_assert_true (steward_api_error_is_transient (error));
}

/* A server that wants the whole object on PUT */

static const char datastore_42[] =
  "{\"id\": 42, \"name\": \"Production Sales\", \"type\": \"postgresql\", \"store_type\": \"jdbc\","
  " \"database\": \"production\", \"schema\": \"sales\", \"description\": null,"
  " \"connection\": {\"id\": 7, \"name\": \"postgres_production\", \"type\": \"postgresql\"},"
  " \"teams\": [{\"name\": \"Data Platform\"}], \"global_tags\": [{\"name\": \"production\"}],"
  " \"enrichment_only\": false}";

static void
full_put_handler (TestServer        *test,
                  SoupServerMessage *message,
                  const char        *method,
                  const char        *path,
                  const char        *body)
{
  if (g_str_equal (method, "GET"))
    {
      respond_json (message, 200, datastore_42);
      return;
    }

  /* Pydantic's answer to a partial body. */
  if (strstr (body, "\"connection_id\"") == NULL || strstr (body, "\"tags\"") == NULL)
    {
      respond_json (message, 422,
                    "{\"detail\": [{\"loc\": [\"body\", \"connection_id\"], \"msg\": \"Field "
                    "required\","
                    " \"type\": \"missing\"}]}");
      return;
    }

  respond_json (message, 200,
                "{\"id\": 42, \"name\": \"Production Sales\", \"description\": \"Quarterly\"}");
}

static void
test_update_falls_back_to_full_body (void)
{
  g_autoptr(TestServer) test = test_server_new (full_put_handler, FALSE);
  g_autoptr(StewardClient) client = client_for (test);
  g_autoptr(StewardDatastoreRequest) changes = steward_datastore_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) updated = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *sent;

  steward_datastore_request_set_description (changes, "Quarterly");
  steward_client_update_datastore_async (client, 42, changes, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  updated = steward_client_update_datastore_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_datastore_get_description (updated), ==, "Quarterly");

  /* The partial PUT, then the fresh copy, then one whole PUT with the change laid over it. */
  g_assert_cmpuint (test->requests->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (test->requests, 0), ==, "PUT /api/datastores/42");
  g_assert_cmpstr (g_ptr_array_index (test->requests, 1), ==, "GET /api/datastores/42");
  g_assert_cmpstr (g_ptr_array_index (test->requests, 2), ==, "PUT /api/datastores/42");
  g_assert_true (
      json_parser_load_from_data (parser, g_ptr_array_index (test->bodies, 2), -1, NULL));
  sent = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (sent, "description"), ==, "Quarterly");
  g_assert_cmpstr (json_object_get_string_member (sent, "name"), ==, "Production Sales");
  g_assert_cmpint (json_object_get_int_member (sent, "connection_id"), ==, 7);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (sent, "tags"), 0),
                   ==, "production");
}

static void
always_missing_handler (TestServer        *test,
                        SoupServerMessage *message,
                        const char        *method,
                        const char        *path,
                        const char        *body)
{
  if (g_str_equal (method, "GET"))
    respond_json (message, 200, datastore_42);
  else
    respond_json (message, 422,
                  "{\"detail\": [{\"loc\": [\"body\", \"owner\"], \"msg\": \"Field required\","
                  " \"type\": \"missing\"}]}");
}

static void
test_update_full_body_once (void)
{
  g_autoptr(TestServer) test = test_server_new (always_missing_handler, FALSE);
  g_autoptr(StewardClient) client = client_for (test);
  g_autoptr(StewardDatastoreRequest) changes = steward_datastore_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) updated = NULL;

  /* Sent whole once; if even that is refused, the refusal is the answer. */
  steward_datastore_request_set_description (changes, "Quarterly");
  steward_client_update_datastore_async (client, 42, changes, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  updated = steward_client_update_datastore_finish (client, result, &error);
  g_assert_null (updated);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_assert_cmpstr (steward_api_error_get_field_message (error, "owner"), ==, "Field required");
  g_assert_cmpuint (test->requests->len, ==, 3);
}

/* A server that renamed trigger_catalog */

static void
trigger_sync_handler (TestServer        *test,
                      SoupServerMessage *message,
                      const char        *method,
                      const char        *path,
                      const char        *body)
{
  if (strstr (body, "trigger_catalog") != NULL)
    {
      respond_json (message, 422,
                    "{\"detail\": [{\"loc\": [\"body\", \"trigger_catalog\"],"
                    " \"msg\": \"Extra inputs are not permitted\", \"type\": "
                    "\"extra_forbidden\"}]}");
      return;
    }

  /* And it answers a create with 200, not 201. */
  respond_json (message, 200,
                "{\"id\": 43, \"name\": \"Production Finance\", \"type\": \"postgresql\"}");
}

static void
test_trigger_sync_compat (void)
{
  g_autoptr(TestServer) test = test_server_new (trigger_sync_handler, FALSE);
  g_autoptr(StewardClient) client = client_for (test);
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) created = NULL;

  steward_datastore_request_set_name (request, "Production Finance");
  steward_datastore_request_set_connection_id (request, 7);
  steward_datastore_request_set_trigger_sync (request, TRUE);
  steward_client_create_datastore_async (client, request, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  created = steward_client_create_datastore_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_datastore_get_id (created), ==, 43);

  /* The documented name first, then once more as trigger_sync, with the same value. */
  g_assert_cmpuint (test->bodies->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (test->bodies, 0), "\"trigger_catalog\":true"));
  g_assert_nonnull (strstr (g_ptr_array_index (test->bodies, 1), "\"trigger_sync\":true"));
  g_assert_null (strstr (g_ptr_array_index (test->bodies, 1), "trigger_catalog"));
}

/* A server that knows the enrichment settings by their older names only: like pydantic, it
 * ignores the members it does not know and answers with what it has. */

typedef struct
{
  char   *prefix;
  gint64  limit;
  char   *strategy;
} OldSettings;

static OldSettings old_settings;

static void
old_names_handler (TestServer        *test,
                   SoupServerMessage *message,
                   const char        *method,
                   const char        *path,
                   const char        *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *answer = NULL;

  if (g_str_equal (method, "PUT") && json_parser_load_from_data (parser, body, -1, NULL))
    {
      JsonObject *sent = json_node_get_object (json_parser_get_root (parser));

      if (json_object_has_member (sent, "enrich_container_prefix"))
        {
          g_free (old_settings.prefix);
          old_settings.prefix =
              g_strdup (json_object_get_string_member (sent, "enrich_container_prefix"));
        }
      if (json_object_has_member (sent, "enrich_source_record_limit"))
        old_settings.limit = json_object_get_int_member (sent, "enrich_source_record_limit");
      if (json_object_has_member (sent, "enrich_remediation_strategy"))
        {
          g_free (old_settings.strategy);
          old_settings.strategy =
              g_strdup (json_object_get_string_member (sent, "enrich_remediation_strategy"));
        }
    }

  answer = g_strdup_printf (
      "{\"id\": 42, \"name\": \"Production Sales\", \"enrich_only\": false,"
      " \"enrich_container_prefix\": \"%s\", \"enrich_source_record_limit\": %" G_GINT64_FORMAT
      ", \"enrich_remediation_strategy\": \"%s\","
      " \"high_count_rollup_threshold\": 10, \"enrichment_datastore\": {\"id\": 100,"
      " \"name\": \"Healthcare Enrichment\"}}",
      old_settings.prefix, old_settings.limit, old_settings.strategy);
  respond_json (message, 200, answer);
}

static StewardDatastore *
update_settings (StewardClient           *client,
                 StewardDatastoreRequest *settings)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  StewardDatastore *updated;

  steward_client_update_enrichment_settings_async (client, 42, settings, NULL,
                                                   steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  updated = steward_client_update_enrichment_settings_finish (client, result, &error);
  g_assert_no_error (error);
  return updated;
}

static void
test_enrichment_old_names (void)
{
  g_autoptr(TestServer) test = test_server_new (old_names_handler, FALSE);
  g_autoptr(StewardClient) client = client_for (test);
  g_autoptr(StewardDatastoreRequest) settings = steward_datastore_request_new ();
  g_autoptr(StewardDatastoreRequest) same = steward_datastore_request_new ();
  g_autoptr(StewardDatastore) updated = NULL;
  g_autoptr(StewardDatastore) again = NULL;

  old_settings.prefix = g_strdup ("_production_sales");
  old_settings.limit = 10;
  old_settings.strategy = g_strdup ("none");

  /* The documented names first; the answer shows them ignored, so they go again under the old
   * names, and the second answer is the result. */
  steward_datastore_request_set_enrichment_prefix (settings, "Quarterly Close");
  steward_datastore_request_set_enrichment_source_record_limit (settings, 25);
  steward_datastore_request_set_enrichment_remediation_strategy (settings, "append");
  updated = update_settings (client, settings);
  g_assert_cmpstr (steward_datastore_get_enrichment_prefix (updated), ==, "Quarterly Close");
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (updated), ==, 25);
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (updated), ==, "append");
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (updated), ==, 100);

  g_assert_cmpuint (test->bodies->len, ==, 2);
  g_assert_nonnull (
      strstr (g_ptr_array_index (test->bodies, 0), "\"enrichment_prefix\":\"Quarterly Close\""));
  g_assert_nonnull (strstr (g_ptr_array_index (test->bodies, 1),
                            "\"enrich_container_prefix\":\"Quarterly Close\""));
  g_assert_nonnull (
      strstr (g_ptr_array_index (test->bodies, 1), "\"enrich_source_record_limit\":25"));
  g_assert_nonnull (
      strstr (g_ptr_array_index (test->bodies, 1), "\"enrich_remediation_strategy\":\"append\""));
  g_assert_null (strstr (g_ptr_array_index (test->bodies, 1), "\"enrichment_prefix\""));

  /* Settings the answer already shows are not sent twice. */
  steward_datastore_request_set_enrichment_source_record_limit (same, 25);
  again = update_settings (client, same);
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (again), ==, 25);
  g_assert_cmpuint (test->bodies->len, ==, 3);

  g_clear_pointer (&old_settings.prefix, g_free);
  g_clear_pointer (&old_settings.strategy, g_free);
}

/* Error bodies that are not JSON */

static void
html_error_handler (TestServer        *test,
                    SoupServerMessage *message,
                    const char        *method,
                    const char        *path,
                    const char        *body)
{
  static const char page[] = "<html><body>Bad gateway</body></html>";

  soup_server_message_set_status (message, 502, NULL);
  soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

static void
test_html_error (void)
{
  g_autoptr(TestServer) test = test_server_new (html_error_handler, FALSE);
  g_autoptr(StewardClient) client = client_for (test);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* A proxy's page instead of the API's JSON: a server error naming the status; a DELETE is
   * not retried even though 502 is transient. */
  steward_client_delete_datastore_async (client, 42, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_false (steward_client_delete_datastore_finish (client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_SERVER);
  g_assert_cmpuint (steward_api_error_get_http_status (error), ==, 502);
  g_assert_nonnull (strstr (error->message, "502"));
  g_assert_cmpuint (test->requests->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-servers/tls", test_tls);
  g_test_add_func ("/client-servers/unreachable", test_unreachable);
  g_test_add_func ("/client-servers/update-falls-back-to-full-body",
                   test_update_falls_back_to_full_body);
  g_test_add_func ("/client-servers/update-full-body-once", test_update_full_body_once);
  g_test_add_func ("/client-servers/trigger-sync-compat", test_trigger_sync_compat);
  g_test_add_func ("/client-servers/enrichment-old-names", test_enrichment_old_names);
  g_test_add_func ("/client-servers/html-error", test_html_error);

  return g_test_run ();
}
