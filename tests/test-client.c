/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every call of the API client against the demo server, over real HTTP on loopback: what comes
 * back, the typed errors with the server's own texts, and what the server received. */
#include <string.h>

#include "steward-test-async.h"
#include "steward-test-demo.h"

#define CALL(result, call) \
  G_STMT_START { \
    g_clear_object (&result); \
    call; \
    steward_test_wait_result (&result); \
  } G_STMT_END

static gint64
count_requests (StewardTestDemo *demo,
                const char      *method,
                const char      *path)
{
  return steward_demo_server_count_requests (demo->server, method, path);
}

static JsonObject *
parse_body (const char *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (body);
  g_assert_true (json_parser_load_from_data (parser, body, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_session (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardClient) member = steward_test_demo_new_client (demo, STEWARD_DEMO_ROLE_MEMBER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;
  g_autoptr(GError) error = NULL;

  CALL (result, steward_client_check_health_async (demo->client, NULL, steward_test_store_result_cb,
                                                   &result));
  g_assert_true (steward_client_check_health_finish (demo->client, result, &error));
  g_assert_no_error (error);

  CALL (result, steward_client_get_current_user_async (demo->client, NULL,
                                                       steward_test_store_result_cb, &result));
  user = steward_client_get_current_user_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_role (user), ==, STEWARD_ROLE_ADMIN);
  g_assert_nonnull (steward_user_get_email (user));
  g_clear_object (&user);

  CALL (result, steward_client_get_current_user_async (member, NULL, steward_test_store_result_cb,
                                                       &result));
  user = steward_client_get_current_user_finish (member, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_role (user), ==, STEWARD_ROLE_MEMBER);
  g_assert_false (steward_user_can (user, STEWARD_ACTION_MANAGE_GROUPS));
  g_assert_true (steward_user_can (user, STEWARD_ACTION_FAVORITE));
}

static void
test_auth_errors (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardClient) expired = steward_test_demo_new_client (demo, STEWARD_DEMO_ROLE_EXPIRED);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;
  g_autoptr(GError) error = NULL;

  /* An expired token fails before anything is sent. */
  CALL (result, steward_client_get_current_user_async (expired, NULL, steward_test_store_result_cb,
                                                       &result));
  user = steward_client_get_current_user_finish (expired, result, &error);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TOKEN_EXPIRED);
  g_assert_cmpint (count_requests (demo, "GET", "/api/users/me"), ==, 0);
  g_clear_error (&error);

  /* A token the server stopped accepting: the server's 401 and its text. */
  steward_demo_server_revoke_tokens (demo->server, STEWARD_DEMO_ROLE_ADMIN);
  CALL (result, steward_client_get_current_user_async (demo->client, NULL,
                                                       steward_test_store_result_cb, &result));
  user = steward_client_get_current_user_finish (demo->client, result, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (steward_api_error_get_http_status (error), ==, 401);
  g_assert_cmpstr (error->message, ==, "Invalid token");
}

static void
test_groups (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(StewardDatastoreGroup) group = NULL;
  g_autoptr(StewardDatastoreGroup) renamed = NULL;
  g_autoptr(StewardDatastore) datastore = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *last = NULL;
  guint n_before;

  CALL (result, steward_client_list_groups_async (demo->client, NULL, steward_test_store_result_cb,
                                                  &result));
  groups = steward_client_list_groups_finish (demo->client, result, &error);
  g_assert_no_error (error);
  n_before = g_list_model_get_n_items (groups);
  g_assert_cmpuint (n_before, >=, 3);

  CALL (result, steward_client_create_group_async (demo->client, "Production", "mdi-podium-gold",
                                                   NULL, steward_test_store_result_cb, &result));
  group = steward_client_create_group_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_datastore_group_get_name (group), ==, "Production");
  g_assert_cmpstr (steward_datastore_group_get_icon (group), ==, "mdi-podium-gold");
  g_assert_cmpint (steward_datastore_group_get_id (group), >, 0);

  /* Unique case-insensitively: the server's 409 and its documented text. */
  CALL (result, steward_client_create_group_async (demo->client, "PRODUCTION", NULL, NULL,
                                                   steward_test_store_result_cb, &result));
  g_assert_null (steward_client_create_group_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Datastore group name: 'PRODUCTION' already exists");
  g_clear_error (&error);

  /* A rename sends only the name. */
  CALL (result,
        steward_client_update_group_async (demo->client, steward_datastore_group_get_id (group),
                                           "Prod Critical", NULL, NULL,
                                           steward_test_store_result_cb, &result));
  renamed = steward_client_update_group_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_datastore_group_get_name (renamed), ==, "Prod Critical");
  g_assert_cmpstr (steward_datastore_group_get_icon (renamed), ==, "mdi-podium-gold");
  {
    g_autofree char *path = g_strdup_printf ("/api/datastore-groups/%" G_GINT64_FORMAT,
                                             steward_datastore_group_get_id (group));
    last = steward_test_demo_last_body (demo, "PUT", path);
  }
  body = parse_body (last);
  g_assert_cmpuint (json_object_get_size (body), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "Prod Critical");

  /* Assign 42, move it, then delete the group: it becomes ungrouped. */
  CALL (result,
        steward_client_assign_group_async (demo->client, 42, steward_datastore_group_get_id (group),
                                           NULL, steward_test_store_result_cb, &result));
  datastore = steward_client_assign_group_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_datastore_get_group_id (datastore), ==,
                   steward_datastore_group_get_id (group));
  g_clear_object (&datastore);

  CALL (result,
        steward_client_delete_group_async (demo->client, steward_datastore_group_get_id (group),
                                           NULL, steward_test_store_result_cb, &result));
  g_assert_true (steward_client_delete_group_finish (demo->client, result, &error));
  g_assert_no_error (error);

  datastore = steward_test_get_datastore (demo->client, 42, &error);
  g_assert_no_error (error);
  g_assert_null (steward_datastore_get_group (datastore));
  g_clear_object (&datastore);

  /* Unassigning one that is grouped. */
  CALL (result, steward_client_assign_group_async (demo->client, 42, 1, NULL,
                                                   steward_test_store_result_cb, &result));
  g_clear_object (&datastore);
  datastore = steward_client_assign_group_finish (demo->client, result, &error);
  g_assert_cmpint (steward_datastore_get_group_id (datastore), ==, 1);
  g_clear_object (&datastore);
  CALL (result, steward_client_assign_group_async (demo->client, 42, 0, NULL,
                                                   steward_test_store_result_cb, &result));
  datastore = steward_client_assign_group_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_null (steward_datastore_get_group (datastore));
  g_assert_true (steward_datastore_has_field (datastore, "group"));
  g_clear_object (&datastore);

  /* A group that does not exist. */
  CALL (result, steward_client_delete_group_async (demo->client, 999, NULL,
                                                   steward_test_store_result_cb, &result));
  g_assert_false (steward_client_delete_group_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "Datastore group id: 999 not found");
  g_clear_error (&error);

  /* Limits are checked before sending. */
  {
    g_autofree char *long_name = g_strnfill (101, 'g');
    guint posts = count_requests (demo, "POST", "/api/datastore-groups");

    CALL (result, steward_client_create_group_async (demo->client, long_name, NULL, NULL,
                                                     steward_test_store_result_cb, &result));
    g_assert_null (steward_client_create_group_finish (demo->client, result, &error));
    g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
    g_assert_nonnull (steward_api_error_get_field_message (error, "name"));
    g_assert_cmpint (count_requests (demo, "POST", "/api/datastore-groups"), ==, posts);
  }
}

static void
test_permissions (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardClient) member = steward_test_demo_new_client (demo, STEWARD_DEMO_ROLE_MEMBER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) datastore = NULL;

  /* Datastore 42 belongs to Data Platform and Analytics; the member edits Analytics only, so
   * assigning works, but deleting (Admin) and creating groups (Manager) do not. */
  CALL (result, steward_client_create_group_async (member, "Nope", NULL, NULL,
                                                   steward_test_store_result_cb, &result));
  g_assert_null (steward_client_create_group_finish (member, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN);
  g_clear_error (&error);

  CALL (result, steward_client_delete_datastore_async (member, 42, NULL,
                                                       steward_test_store_result_cb, &result));
  g_assert_false (steward_client_delete_datastore_finish (member, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Datastore 27 (HR Warehouse) is Data Platform only: the documented team text. */
  CALL (result, steward_client_assign_group_async (member, 27, 1, NULL,
                                                   steward_test_store_result_cb, &result));
  g_assert_null (steward_client_assign_group_finish (member, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==,
                   "You must have editor permission in at least one of these teams: ['Data "
                   "Platform']");
  g_clear_error (&error);

  datastore = steward_test_get_datastore (demo->client, 27, &error);
  g_assert_no_error (error);
  g_assert_null (steward_datastore_get_group (datastore));
}

static void
test_datastores (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
  g_autoptr(StewardDatastorePage) page = NULL;
  g_autoptr(StewardDatastore) datastore = NULL;
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *query_string = NULL;
  g_autofree char *last = NULL;
  GListModel *items;

  /* One page with filters and a sort: the query the server saw, and what it answered. */
  steward_datastore_query_add_tag (query, "production");
  steward_datastore_query_add_type (query, "postgresql");
  steward_datastore_query_add_sort (query, STEWARD_SORT_NAME, FALSE);
  CALL (result, steward_client_list_datastores_async (demo->client, query, 1, 10, NULL,
                                                      steward_test_store_result_cb, &result));
  page = steward_client_list_datastores_finish (demo->client, result, &error);
  g_assert_no_error (error);
  query_string = steward_demo_server_dup_last_query (demo->server, "GET", "/api/datastores");
  g_assert_nonnull (strstr (query_string, "tag=production"));
  g_assert_nonnull (strstr (query_string, "datastore_type=postgresql"));
  g_assert_nonnull (strstr (query_string, "sort_name=asc"));
  g_assert_nonnull (strstr (query_string, "size=10"));
  items = steward_datastore_page_get_items (page);
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StewardDatastore) item = g_list_model_get_item (items, i);
      g_assert_cmpstr (steward_datastore_get_datastore_type (item), ==, "postgresql");
      g_assert_true (g_strv_contains (steward_datastore_get_tags (item), "production"));
    }
  g_assert_cmpuint (steward_datastore_page_get_size (page), ==, 10);

  /* The reference's datastore 42, every field. */
  datastore = steward_test_get_datastore (demo->client, 42, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_datastore_get_name (datastore), ==, "Production Sales");
  g_assert_cmpint (steward_datastore_get_connection_id (datastore), ==, 7);
  g_assert_cmpstr (steward_datastore_get_connection_name (datastore), ==, "postgres_production");
  g_assert_cmpint (steward_datastore_get_records (datastore), ==, 1850000);
  g_assert_cmpint (steward_datastore_get_active_anomalies (datastore), ==, 3);
  g_clear_object (&datastore);

  /* Create with an existing connection; 201 and the new object. */
  steward_datastore_request_set_name (request, "Production Finance");
  steward_datastore_request_set_connection_id (request, 7);
  steward_datastore_request_set_database (request, "production");
  steward_datastore_request_set_schema (request, "finance");
  {
    const char *teams[] = { "Finance Team", NULL };
    steward_datastore_request_set_teams (request, teams);
  }
  steward_datastore_request_set_trigger_sync (request, FALSE);
  CALL (result, steward_client_create_datastore_async (demo->client, request, NULL,
                                                       steward_test_store_result_cb, &result));
  datastore = steward_client_create_datastore_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_datastore_get_name (datastore), ==, "Production Finance");
  g_assert_cmpstr (steward_datastore_get_schema (datastore), ==, "finance");
  g_assert_cmpstr (steward_datastore_get_teams (datastore)[0], ==, "Finance Team");

  /* An update sends only what changed. */
  {
    g_autoptr(StewardDatastoreRequest) changes = steward_datastore_request_new ();
    g_autoptr(StewardDatastore) updated = NULL;
    g_autofree char *path =
        g_strdup_printf ("/api/datastores/%" G_GINT64_FORMAT, steward_datastore_get_id (datastore));

    steward_datastore_request_set_description (changes, "Month-end figures");
    CALL (result,
          steward_client_update_datastore_async (demo->client, steward_datastore_get_id (datastore),
                                                 changes, NULL, steward_test_store_result_cb,
                                                 &result));
    updated = steward_client_update_datastore_finish (demo->client, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (steward_datastore_get_description (updated), ==, "Month-end figures");
    g_assert_cmpstr (steward_datastore_get_schema (updated), ==, "finance");
    last = steward_test_demo_last_body (demo, "PUT", path);
    body = parse_body (last);
    g_assert_cmpuint (json_object_get_size (body), ==, 1);
    g_assert_true (json_object_has_member (body, "description"));
  }

  /* Favorite, then delete: 204, and then it is gone. */
  {
    g_autoptr(StewardDatastore) favored = NULL;

    CALL (result,
          steward_client_set_favorite_async (demo->client, steward_datastore_get_id (datastore),
                                             TRUE, NULL, steward_test_store_result_cb, &result));
    favored = steward_client_set_favorite_finish (demo->client, result, &error);
    g_assert_no_error (error);
    g_assert_true (steward_datastore_get_favorite (favored));
  }

  CALL (result,
        steward_client_delete_datastore_async (demo->client, steward_datastore_get_id (datastore),
                                               NULL, steward_test_store_result_cb, &result));
  g_assert_true (steward_client_delete_datastore_finish (demo->client, result, &error));
  g_assert_no_error (error);
  {
    g_autoptr(StewardDatastore) gone =
        steward_test_get_datastore (demo->client, steward_datastore_get_id (datastore), &error);
    g_autofree char *expected = g_strdup_printf ("Datastore id: %" G_GINT64_FORMAT " not found",
                                                 steward_datastore_get_id (datastore));

    g_assert_null (gone);
    g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, expected);
  }
}

static void
test_datastore_invalid (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autofree char *long_name = g_strnfill (256, 'n');

  /* Caught before sending: nothing reaches the server. */
  steward_datastore_request_set_name (request, long_name);
  steward_datastore_request_set_connection_id (request, 7);
  CALL (result, steward_client_create_datastore_async (demo->client, request, NULL,
                                                       steward_test_store_result_cb, &result));
  g_assert_null (steward_client_create_datastore_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_assert_nonnull (steward_api_error_get_field_message (error, "name"));
  g_assert_cmpint (count_requests (demo, "POST", "/api/datastores"), ==, 0);
  g_clear_error (&error);

  /* Only the server knows connection 12 is S3: its 422 names root_path. */
  steward_datastore_request_set_name (request, "Raw Events");
  steward_datastore_request_set_connection_id (request, 12);
  CALL (result, steward_client_create_datastore_async (demo->client, request, NULL,
                                                       steward_test_store_result_cb, &result));
  g_assert_null (steward_client_create_datastore_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_assert_cmpuint (steward_api_error_get_http_status (error), ==, 422);
  g_assert_nonnull (steward_api_error_get_field_message (error, "root_path"));
}

static void
test_enrichment (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardClient) member = steward_test_demo_new_client (demo, STEWARD_DEMO_ROLE_MEMBER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) linked = NULL;
  g_autoptr(StewardDatastore) configured = NULL;
  g_autoptr(StewardDatastoreRequest) settings = steward_datastore_request_new ();
  g_autofree char *preview = steward_enrichment_prefix_normalize ("Analytics Bronze");

  CALL (result, steward_client_link_enrichment_async (demo->client, 42, 100, NULL,
                                                      steward_test_store_result_cb, &result));
  linked = steward_client_link_enrichment_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (linked), ==, 100);
  g_assert_cmpstr (steward_datastore_get_enrichment_datastore_name (linked), ==,
                   "Healthcare Enrichment");

  /* An enrichment datastore cannot have one itself: the documented 409. */
  CALL (result, steward_client_link_enrichment_async (demo->client, 100, 101, NULL,
                                                      steward_test_store_result_cb, &result));
  g_assert_null (steward_client_link_enrichment_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "The datastore id: 100 is an enrichment store");
  g_clear_error (&error);

  /* Settings: the server normalizes the prefix the same way the preview does. */
  steward_datastore_request_set_enrichment_prefix (settings, "Analytics Bronze");
  steward_datastore_request_set_enrichment_source_record_limit (settings, 1000000000);
  steward_datastore_request_set_enrichment_remediation_strategy (settings, "append");
  CALL (result,
        steward_client_update_enrichment_settings_async (demo->client, 42, settings, NULL,
                                                         steward_test_store_result_cb, &result));
  configured = steward_client_update_enrichment_settings_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_datastore_get_enrichment_prefix (configured), ==, "_analytics_bronze");
  g_assert_cmpstr (preview, ==, "_analytics_bronze");
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (configured), ==,
                   1000000000);

  /* Unlinking is for admins; it works even with nothing linked; it resets the strategy. */
  CALL (result, steward_client_unlink_enrichment_async (member, 42, NULL,
                                                        steward_test_store_result_cb, &result));
  g_assert_false (steward_client_unlink_enrichment_finish (member, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN);
  g_clear_error (&error);

  for (guint i = 0; i < 2; i++)
    {
      CALL (result, steward_client_unlink_enrichment_async (demo->client, 42, NULL,
                                                            steward_test_store_result_cb, &result));
      g_assert_true (steward_client_unlink_enrichment_finish (demo->client, result, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(StewardDatastore) after = steward_test_get_datastore (demo->client, 42, &error);

    g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (after), ==, 0);
    g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (after), ==, "none");
  }

  /* Datastore 48 has an export running. */
  CALL (result, steward_client_unlink_enrichment_async (demo->client, 48, NULL,
                                                        steward_test_store_result_cb, &result));
  g_assert_false (steward_client_unlink_enrichment_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "Cannot disconnect enrichment datastore: active export or materialize "
                   "operations exist");
}

static void
test_connections (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) connections = NULL;
  g_autoptr(StewardConnection) postgres = NULL;
  g_autoptr(StewardConnection) created = NULL;
  g_autoptr(StewardConnection) updated = NULL;
  g_autoptr(JsonObject) connection = json_object_new ();
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) sent = NULL;
  g_autofree char *path = NULL;
  g_autofree char *last = NULL;

  CALL (result, steward_client_list_connections_async (demo->client, NULL,
                                                       steward_test_store_result_cb, &result));
  connections = steward_client_list_connections_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (connections), >=, 5);

  CALL (result, steward_client_get_connection_async (demo->client, 7, NULL,
                                                     steward_test_store_result_cb, &result));
  postgres = steward_client_get_connection_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_connection_get_host (postgres), ==, "db.acme-corp.com");
  g_assert_cmpint (steward_connection_get_port (postgres), ==, 5432);

  json_object_set_string_member (connection, "name", "pg_reporting");
  json_object_set_string_member (connection, "type", "postgresql");
  json_object_set_string_member (connection, "host", "reporting.acme-corp.com");
  json_object_set_int_member (connection, "port", 5432);
  json_object_set_string_member (connection, "username", "reader");
  json_object_set_string_member (connection, "password", "secret-password");
  CALL (result, steward_client_create_connection_async (demo->client, connection, NULL,
                                                        steward_test_store_result_cb, &result));
  created = steward_client_create_connection_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_connection_get_name (created), ==, "pg_reporting");

  /* Servers want name and type on every PUT; an empty secret means "unchanged". */
  json_object_set_string_member (changes, "host", "reporting2.acme-corp.com");
  json_object_set_string_member (changes, "password", "");
  CALL (result,
        steward_client_update_connection_async (demo->client, steward_connection_get_id (created),
                                                changes, NULL, steward_test_store_result_cb,
                                                &result));
  updated = steward_client_update_connection_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_connection_get_host (updated), ==, "reporting2.acme-corp.com");
  path =
      g_strdup_printf ("/api/connections/%" G_GINT64_FORMAT, steward_connection_get_id (created));
  last = steward_test_demo_last_body (demo, "PUT", path);
  sent = parse_body (last);
  g_assert_cmpstr (json_object_get_string_member (sent, "name"), ==, "pg_reporting");
  g_assert_cmpstr (json_object_get_string_member (sent, "type"), ==, "postgresql");
  g_assert_false (json_object_has_member (sent, "password"));

  CALL (result,
        steward_client_delete_connection_async (demo->client, steward_connection_get_id (created),
                                                NULL, steward_test_store_result_cb, &result));
  g_assert_true (steward_client_delete_connection_finish (demo->client, result, &error));
  g_assert_no_error (error);

  /* Connection 7 still has datastores. */
  CALL (result, steward_client_delete_connection_async (demo->client, 7, NULL,
                                                        steward_test_store_result_cb, &result));
  g_assert_false (steward_client_delete_connection_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
}

static void
test_connection_testing (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autoptr(JsonObject) connection = json_object_new ();
  g_autofree char *message = NULL;

  json_object_set_string_member (connection, "name", "pg_test");
  json_object_set_string_member (connection, "type", "postgresql");
  json_object_set_string_member (connection, "host", "db.acme-corp.com");
  json_object_set_int_member (connection, "port", 5432);
  json_object_set_string_member (connection, "username", "qualytics_reader");
  json_object_set_string_member (connection, "password", "s3cur3_p4ssw0rd");
  steward_datastore_request_set_name (request, "Test PostgreSQL");
  steward_datastore_request_set_connection (request, connection);
  steward_datastore_request_set_database (request, "production");
  steward_datastore_request_set_schema (request, "public");

  CALL (result, steward_client_test_connection_async (demo->client, request, NULL,
                                                      steward_test_store_result_cb, &result));
  g_assert_true (steward_client_test_connection_finish (demo->client, result, &error));
  g_assert_no_error (error);

  /* The refused host: a 400 whose message is passed on verbatim. */
  json_object_set_string_member (connection, "host", "refused.acme-corp.com");
  steward_datastore_request_set_connection (request, connection);
  CALL (result, steward_client_test_connection_async (demo->client, request, NULL,
                                                      steward_test_store_result_cb, &result));
  g_assert_false (steward_client_test_connection_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_BAD_REQUEST);
  g_assert_cmpstr (error->message, ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  g_clear_error (&error);

  /* Verifying existing datastores: a failed verification is an answer, not an error. */
  CALL (result, steward_client_verify_datastore_async (demo->client, 42, NULL,
                                                       steward_test_store_result_cb, &result));
  g_assert_true (steward_client_verify_datastore_finish (demo->client, result, &message, &error));
  g_assert_no_error (error);
  g_clear_pointer (&message, g_free);

  CALL (result, steward_client_verify_datastore_async (demo->client, 39, NULL,
                                                       steward_test_store_result_cb, &result));
  g_assert_false (steward_client_verify_datastore_finish (demo->client, result, &message, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (message, "Connection refused"));
  g_clear_pointer (&message, g_free);

  CALL (result, steward_client_test_connection_by_id_async (demo->client, 9, NULL, NULL,
                                                            steward_test_store_result_cb, &result));
  g_assert_false (
      steward_client_test_connection_by_id_finish (demo->client, result, &message, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (message, "refused.acme-corp.com"));
}

static void
test_discovery (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) catalogs = NULL;
  g_autoptr(GListModel) schemas = NULL;
  g_autoptr(GListModel) validation = NULL;
  g_autoptr(JsonObject) snowflake = json_object_new ();
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  gboolean found_existing = FALSE;

  CALL (result, steward_client_discover_catalogs_async (demo->client, 7, NULL, NULL,
                                                        steward_test_store_result_cb, &result));
  catalogs = steward_client_discover_catalogs_finish (demo->client, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (catalogs); i++)
    {
      g_autoptr(StewardDiscoveredItem) item = g_list_model_get_item (catalogs, i);

      if (g_str_equal (steward_discovered_item_get_name (item), "production_db"))
        found_existing = steward_discovered_item_get_n_existing (item) > 0;
    }
  g_assert_true (found_existing);

  /* A file-system connection has no catalogs. */
  CALL (result, steward_client_discover_catalogs_async (demo->client, 12, NULL, NULL,
                                                        steward_test_store_result_cb, &result));
  g_assert_null (steward_client_discover_catalogs_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_clear_error (&error);

  json_object_set_string_member (snowflake, "name", "snowflake_production");
  json_object_set_string_member (snowflake, "type", "snowflake");
  json_object_set_string_member (snowflake, "host", "acme.snowflakecomputing.com");
  json_object_set_string_member (snowflake, "username", "qualytics_user");
  json_object_set_string_member (snowflake, "password", "your_password");
  CALL (result,
        steward_client_discover_schemas_async (demo->client, 0, snowflake, "production_db", NULL,
                                               steward_test_store_result_cb, &result));
  schemas = steward_client_discover_schemas_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (schemas), ==, 5);

  /* 120 schemas go out as three requests of at most 50, and come back as one list, in order. */
  for (guint i = 0; i < 120; i++)
    g_ptr_array_add (many, i == 2 ? g_strdup ("finance") : g_strdup_printf ("schema_%03u", i));
  g_ptr_array_add (many, NULL);
  CALL (result, steward_client_validate_schemas_async (demo->client, 7, NULL, "production_db",
                                                       (const char * const *) many->pdata, NULL,
                                                       steward_test_store_result_cb, &result));
  validation = steward_client_validate_schemas_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (validation), ==, 120);
  g_assert_cmpint (count_requests (demo, "POST", "/api/connections/7/datastores/validate"), ==, 3);
  {
    g_autoptr(StewardValidationResult) finance = g_list_model_get_item (validation, 2);

    g_assert_cmpstr (steward_validation_result_get_schema_name (finance), ==, "finance");
    g_assert_false (steward_validation_result_get_success (finance));
    g_assert_cmpstr (steward_validation_result_get_message (finance), ==,
                     "Permission denied for schema finance");
  }
}

/* A file-system connection's root paths are checked the same way, and reported by path. */
static void
test_validate_root_paths (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) validation = NULL;
  g_autoptr(StewardValidationResult) orders = NULL;
  g_autoptr(StewardValidationResult) denied = NULL;
  g_autofree char *body = NULL;
  static const char *paths[] = { "/raw/orders/", "/denied/area/", NULL };

  CALL (result, steward_client_validate_root_paths_async (demo->client, 12, NULL, paths, NULL,
                                                          steward_test_store_result_cb, &result));
  validation = steward_client_validate_root_paths_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (validation), ==, 2);
  orders = g_list_model_get_item (validation, 0);
  denied = g_list_model_get_item (validation, 1);
  g_assert_cmpstr (steward_validation_result_get_schema_name (orders), ==, "/raw/orders/");
  g_assert_true (steward_validation_result_get_success (orders));
  g_assert_cmpstr (steward_validation_result_get_schema_name (denied), ==, "/denied/area/");
  g_assert_false (steward_validation_result_get_success (denied));
  g_assert_cmpstr (steward_validation_result_get_message (denied), ==,
                   "Access Denied: the credentials cannot read s3://acme-data-lake/denied/area/");

  body = steward_test_demo_last_body (demo, "POST", "/api/connections/12/datastores/validate");
  g_assert_nonnull (strstr (body, "\"root_paths\""));
  g_assert_null (strstr (body, "\"schemas\""));
}

static void
test_bulk_create (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autoptr(StewardBulkResult) bulk = NULL;
  static const char *schemas[] = { "public", "sales", "finance", NULL };

  steward_datastore_request_set_database (request, "production_db");
  steward_datastore_request_set_schemas (request, schemas);
  steward_datastore_request_set_name_template (request, "prod_{{ schema }}");
  steward_datastore_request_set_trigger_sync (request, FALSE);

  /* Non-atomic: two made, one refused with the server's reason. */
  CALL (result, steward_client_bulk_create_async (demo->client, 7, request, NULL,
                                                  steward_test_store_result_cb, &result));
  bulk = steward_client_bulk_create_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_bulk_result_get_n_created (bulk), ==, 2);
  g_assert_cmpuint (steward_bulk_result_get_n_errors (bulk), ==, 1);
  g_assert_cmpstr (steward_bulk_result_get_error_schema (bulk, 0), ==, "finance");
  g_assert_cmpstr (steward_bulk_result_get_error_message (bulk, 0), ==,
                   "Permission denied for schema finance");
  {
    g_autoptr(StewardDatastore) made =
        steward_test_get_datastore (demo->client, steward_bulk_result_get_created_id (bulk, 1),
                                    &error);

    g_assert_no_error (error);
    g_assert_cmpstr (steward_datastore_get_name (made), ==, "prod_sales");
  }

  /* A template without {{ schema }} is refused before sending. */
  steward_datastore_request_set_name_template (request, "prod");
  CALL (result, steward_client_bulk_create_async (demo->client, 7, request, NULL,
                                                  steward_test_store_result_cb, &result));
  g_assert_null (steward_client_bulk_create_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_assert_cmpint (count_requests (demo, "POST", "/api/connections/7/datastores/bulk"), ==, 1);
}

static void
count_fraction_cb (GObject    *object,
                   GParamSpec *pspec,
                   guint      *changes)
{
  (*changes)++;
}

static void
test_operations (void)
{
  g_autoptr(StewardTestDemo) demo =
      steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN, "operation-duration-ms", 1000, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(StewardOperation) finished = NULL;
  g_autoptr(GListModel) operations = NULL;
  guint changes = 0;

  CALL (result, steward_client_run_sync_async (demo->client, 42, NULL, steward_test_store_result_cb,
                                               &result));
  operation = steward_client_run_sync_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_false (steward_operation_is_finished (operation));
  g_assert_cmpstr (steward_operation_get_operation_type (operation), ==, "sync");

  /* Following updates the same object, step by step, until it ends. */
  g_signal_connect (operation, "notify::fraction", G_CALLBACK (count_fraction_cb), &changes);
  CALL (result, steward_client_follow_operation_async (demo->client, operation, 100, NULL,
                                                       steward_test_store_result_cb, &result));
  finished = steward_client_follow_operation_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_true (finished == operation);
  g_assert_cmpint (steward_operation_get_result (operation), ==, STEWARD_OPERATION_SUCCESS);
  g_assert_cmpfloat (steward_operation_get_fraction (operation), ==, 1.0);
  g_assert_cmpuint (changes, >=, 2);

  CALL (result, steward_client_list_operations_async (demo->client, 42, 10, NULL,
                                                      steward_test_store_result_cb, &result));
  operations = steward_client_list_operations_finish (demo->client, result, &error);
  g_assert_no_error (error);
  {
    g_autoptr(StewardOperation) newest = g_list_model_get_item (operations, 0);
    g_assert_cmpint (steward_operation_get_id (newest), ==, steward_operation_get_id (operation));
  }
}

static void
test_cancel (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastoreGroup) group = NULL;

  /* The server stalls; cancelling returns at once with CANCELLED and nothing else. */
  steward_demo_server_inject_fault (demo->server, "POST", "/api/datastore-groups",
                                    STEWARD_DEMO_FAULT_STALL, 1);
  steward_client_create_group_async (demo->client, "Stalled", NULL, cancellable,
                                     steward_test_store_result_cb, &result);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_null (result);
  g_cancellable_cancel (cancellable);
  steward_test_wait_result (&result);
  group = steward_client_create_group_finish (demo->client, result, &error);
  g_assert_null (group);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (steward_demo_server_count_requests (demo->server, "POST",
                                                       "/api/datastore-groups"),
                   ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/session", test_session);
  g_test_add_func ("/client/auth-errors", test_auth_errors);
  g_test_add_func ("/client/groups", test_groups);
  g_test_add_func ("/client/permissions", test_permissions);
  g_test_add_func ("/client/datastores", test_datastores);
  g_test_add_func ("/client/datastore-invalid", test_datastore_invalid);
  g_test_add_func ("/client/enrichment", test_enrichment);
  g_test_add_func ("/client/connections", test_connections);
  g_test_add_func ("/client/connection-testing", test_connection_testing);
  g_test_add_func ("/client/discovery", test_discovery);
  g_test_add_func ("/client/validate-root-paths", test_validate_root_paths);
  g_test_add_func ("/client/bulk-create", test_bulk_create);
  g_test_add_func ("/client/operations", test_operations);
  g_test_add_func ("/client/cancel", test_cancel);

  return g_test_run ();
}
