/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The deployment's connections without a display: listed only when asked for, one object per
 * connection kept up to date in place, the datastores that use each derived from the loaded
 * datastores, and no secret ever kept. */
#include <string.h>

#include "steward-deployment.h"
#include "steward-test-async.h"
#include "steward-test-demo.h"

typedef struct
{
  StewardTestDemo   *demo;
  StewardDeployment *deployment;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  f->deployment = steward_deployment_new (f->demo->client, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->deployment);
  steward_test_demo_free (f->demo);
}

static void
refresh_datastores (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_deployment_refresh_async (f->deployment, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_refresh_finish (f->deployment, result, &error));
  g_assert_no_error (error);
}

static void
refresh_connections (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_deployment_refresh_connections_async (f->deployment, NULL, steward_test_store_result_cb,
                                                &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_refresh_connections_finish (f->deployment, result, &error));
  g_assert_no_error (error);
}

static StewardConnection *
update_on_server (StewardClient *client,
                  gint64         id,
                  const char    *member,
                  const char    *value)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  StewardConnection *answer;

  json_object_set_string_member (changes, member, value);
  steward_client_update_connection_async (client, id, changes, NULL, steward_test_store_result_cb,
                                          &result);
  steward_test_wait_result (&result);
  answer = steward_client_update_connection_finish (client, result, &error);
  g_assert_no_error (error);
  return answer;
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  (*changes)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *notifications)
{
  (*notifications)++;
}

static void
test_lazy_and_shared (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *connections = steward_deployment_get_connections (f->deployment);
  g_autoptr(StewardConnection) answer = NULL;
  g_autoptr(StewardClient) other = NULL;
  StewardConnection *shared;
  guint changes = 0;
  guint notifications = 0;

  /* Nothing is asked for until someone wants the connections. */
  refresh_datastores (f);
  g_assert_false (steward_deployment_get_connections_loaded (f->deployment));
  g_assert_cmpuint (g_list_model_get_n_items (connections), ==, 0);
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/connections"),
                    ==, 0);

  refresh_connections (f);
  g_assert_true (steward_deployment_get_connections_loaded (f->deployment));
  g_assert_cmpuint (g_list_model_get_n_items (connections), ==, 5);
  shared = steward_deployment_find_connection (f->deployment, 7);
  g_assert_nonnull (shared);
  g_assert_cmpstr (steward_connection_get_name (shared), ==, "postgres_production");
  g_assert_null (steward_deployment_find_connection (f->deployment, 8));

  /* An answer about it changes the object everybody holds, and views hear of it. */
  g_signal_connect (connections, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  g_signal_connect (shared, "notify::host", G_CALLBACK (count_notify_cb), &notifications);
  answer = update_on_server (f->demo->client, 7, "host", "db2.acme-corp.com");
  g_assert_true (steward_deployment_apply_connection (f->deployment, answer) == shared);
  g_assert_cmpstr (steward_connection_get_host (shared), ==, "db2.acme-corp.com");
  g_assert_cmpuint (notifications, ==, 1);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (connections), ==, 5);

  /* Changes made elsewhere arrive with the next listing, into the same objects; a connection
   * deleted elsewhere leaves. */
  other = steward_test_demo_new_client (f->demo, STEWARD_DEMO_ROLE_ADMIN);
  g_clear_object (&answer);
  answer = update_on_server (other, 7, "name", "postgres_primary");
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    steward_client_delete_connection_async (other, 9, NULL, steward_test_store_result_cb, &result);
    steward_test_wait_result (&result);
    /* Still used by Legacy Inventory. */
    g_assert_false (steward_client_delete_connection_finish (other, result, &error));
    g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
    g_assert_cmpstr (error->message, ==, "Connection id: 9 is used by 1 datastore");
  }
  refresh_connections (f);
  g_assert_true (steward_deployment_find_connection (f->deployment, 7) == shared);
  g_assert_cmpstr (steward_connection_get_name (shared), ==, "postgres_primary");

  /* Forgotten on request, found again by the next listing. */
  steward_deployment_remove_connection (f->deployment, 12);
  g_assert_null (steward_deployment_find_connection (f->deployment, 12));
  g_assert_cmpuint (g_list_model_get_n_items (connections), ==, 4);
  refresh_connections (f);
  g_assert_nonnull (steward_deployment_find_connection (f->deployment, 12));
  g_assert_cmpuint (g_list_model_get_n_items (connections), ==, 5);

  g_signal_handlers_disconnect_by_func (connections, count_changes_cb, &changes);
}

static void
test_datastores_of_a_connection (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const expected[] = {
    "Analytics Raw",   "Claims Processing", "Finance Reporting", "Healthcare Enrichment",
    "Patient Records", "prod_public",       "prod_sales",        "Production Sales",
    "QA Staging",
  };

  refresh_datastores (f);

  /* Enrichment-only datastores count too. */
  counts = steward_deployment_count_connection_datastores (f->deployment);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &(gint64) { 7 })), ==, 9);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &(gint64) { 5 })), ==, 7);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &(gint64) { 3 })), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &(gint64) { 12 })), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &(gint64) { 9 })), ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 5);

  /* The shared objects, by name regardless of case. */
  users = steward_deployment_list_connection_datastores (f->deployment, 7);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (users, i);

      g_assert_cmpstr (steward_datastore_get_name (datastore), ==, expected[i]);
      g_assert_true (
          datastore ==
          steward_deployment_find_datastore (f->deployment, steward_datastore_get_id (datastore)));
    }
  none = steward_deployment_list_connection_datastores (f->deployment, 404);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* A datastore deleted through the deployment leaves the count at once. */
  steward_deployment_delete_datastore_async (f->deployment, 39, NULL, steward_test_store_result_cb,
                                             &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_delete_datastore_finish (f->deployment, result, &error));
  g_assert_no_error (error);
  after = steward_deployment_count_connection_datastores (f->deployment);
  g_assert_false (g_hash_table_contains (after, &(gint64) { 9 }));
}

static StewardConnection *
connection_from (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return steward_connection_new_from_json (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_no_secret_kept (void)
{
  /* A server that sends secrets by mistake: none is kept, not even under "parameters". */
  g_autoptr(StewardConnection) connection = connection_from (
      "{\"id\": 5, \"name\": \"snow\", \"type\": \"snowflake\", \"host\": "
      "\"acme.snowflakecomputing.com\","
      " \"port\": 443, \"username\": \"svc\", \"password\": \"hunter2\", \"passphrase\": \"pp\","
      " \"secret_key\": \"sk\", \"credentials_payload\": \"{}\", \"catalog\": null,"
      " \"parameters\": {\"role\": \"ANALYST\", \"private_key\": \"-----BEGIN\", \"sso\": true,"
      " \"api_token\": \"t0k\"}}");
  g_autoptr(StewardConnection) newer = connection_from (
      "{\"id\": 5, \"name\": \"snow\", \"type\": \"snowflake\", \"host\": "
      "\"acme2.snowflakecomputing.com\","
      " \"port\": 443, \"username\": \"svc\", \"parameters\": {\"role\": \"ANALYST\"}}");
  g_autofree char *fields = NULL;
  g_autofree char *parameters = NULL;
  g_autofree char *port = NULL;
  g_autofree char *sso = NULL;
  const char * const *hidden;

  {
    g_autoptr(JsonNode) node =
        json_node_init_object (json_node_alloc (), steward_connection_get_fields (connection));
    fields = json_to_string (node, FALSE);
  }
  {
    g_autoptr(JsonNode) node =
        json_node_init_object (json_node_alloc (), steward_connection_get_parameters (connection));
    parameters = json_to_string (node, FALSE);
  }
  g_assert_null (strstr (fields, "hunter2"));
  g_assert_null (strstr (fields, "pp"));
  g_assert_null (strstr (fields, "sk"));
  g_assert_null (strstr (parameters, "BEGIN"));
  g_assert_null (strstr (parameters, "t0k"));
  g_assert_false (json_object_has_member (steward_connection_get_fields (connection), "catalog"));

  hidden = steward_connection_get_hidden_parameters (connection);
  g_assert_true (g_strv_contains (hidden, "private_key"));
  g_assert_true (g_strv_contains (hidden, "api_token"));
  g_assert_false (g_strv_contains (hidden, "role"));
  g_assert_null (steward_connection_get_value (connection, "password"));
  g_assert_null (steward_connection_get_value (connection, "parameters.private_key"));

  port = steward_connection_dup_value_text (connection, "port");
  sso = steward_connection_dup_value_text (connection, "parameters.sso");
  g_assert_cmpstr (port, ==, "443");
  g_assert_cmpstr (sso, ==, "true");

  /* Taking a fresh answer changes what changed and says whether anything did. */
  g_assert_true (steward_connection_update_from (connection, newer));
  g_assert_cmpstr (steward_connection_get_host (connection), ==, "acme2.snowflakecomputing.com");
  g_assert_null (steward_connection_get_value (connection, "parameters.sso"));
  g_assert_false (steward_connection_update_from (connection, newer));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/deployment-connections/lazy-and-shared", Fixture, NULL, fixture_set_up,
              test_lazy_and_shared, fixture_tear_down);
  g_test_add ("/deployment-connections/datastores-of-a-connection", Fixture, NULL, fixture_set_up,
              test_datastores_of_a_connection, fixture_tear_down);
  g_test_add_func ("/deployment-connections/no-secret-kept", test_no_secret_kept);

  return g_test_run ();
}
