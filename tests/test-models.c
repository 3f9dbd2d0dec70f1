/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Parsing is lenient the way real servers need: unknown members ignored, null or missing members
 * tolerated, old and new field names, connection as an object or a bare id. */
#include <string.h>

#include "steward-api.h"

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The reference's GET /datastores/42 answer, plus enrichment fields and a member nobody knows. */
static const char full_datastore[] =
    "{\"id\": 42, \"name\": \"Production Sales\", \"type\": \"postgresql\", \"store_type\": "
    "\"jdbc\","
    " \"database\": \"production\", \"schema\": \"sales\", \"connected\": true, \"favorite\": "
    "false,"
    " \"enrichment_only\": false, \"description\": null,"
    " \"created\": \"2026-03-31T14:30:00.000000Z\", \"updated\": \"2026-03-31T14:30:00.000000Z\","
    " \"connection\": {\"id\": 7, \"name\": \"postgres_production\", \"type\": \"postgresql\"},"
    " \"teams\": [{\"name\": \"Data Platform\"}, {\"name\": \"Analytics\"}],"
    " \"global_tags\": [{\"name\": \"production\"}, {\"name\": \"postgresql\"}],"
    " \"metrics\": {\"containers\": 12, \"records\": 1850000, \"fields_profiled\": 87,"
    "               \"active_checks\": 145, \"active_anomalies\": 3},"
    " \"group\": {\"id\": 1, \"name\": \"Mission Critical\", \"icon\": \"mdi-star-outline\"},"
    " \"enrichment_prefix\": \"_healthcare_prod\", \"enrichment_source_record_limit\": 100,"
    " \"enrichment_remediation_strategy\": \"none\", \"high_count_rollup_threshold\": 10,"
    " \"enrich_datastore\": {\"id\": 100, \"name\": \"Healthcare Enrichment\", \"store_type\": "
    "\"jdbc\","
    "                        \"type\": \"postgresql\", \"enrichment_only\": true},"
    " \"some_future_member\": {\"nested\": [1, 2, 3]}}";

static void
test_datastore_full (void)
{
  g_autoptr(JsonObject) object = parse_object (full_datastore);
  g_autoptr(StewardDatastore) datastore = steward_datastore_new_from_json (object);
  const char * const *teams = steward_datastore_get_teams (datastore);
  const char * const *tags = steward_datastore_get_tags (datastore);

  g_assert_cmpint (steward_datastore_get_id (datastore), ==, 42);
  g_assert_cmpstr (steward_datastore_get_name (datastore), ==, "Production Sales");
  g_assert_cmpstr (steward_datastore_get_datastore_type (datastore), ==, "postgresql");
  g_assert_cmpstr (steward_datastore_get_store_type (datastore), ==, "jdbc");
  g_assert_false (steward_datastore_is_dfs (datastore));
  g_assert_cmpstr (steward_datastore_get_database (datastore), ==, "production");
  g_assert_cmpstr (steward_datastore_get_schema (datastore), ==, "sales");
  g_assert_null (steward_datastore_get_description (datastore));
  g_assert_true (steward_datastore_get_connected (datastore));
  g_assert_false (steward_datastore_get_favorite (datastore));
  g_assert_cmpint (g_date_time_get_year (steward_datastore_get_created (datastore)), ==, 2026);
  g_assert_cmpint (g_date_time_get_hour (steward_datastore_get_created (datastore)), ==, 14);
  g_assert_cmpint (steward_datastore_get_connection_id (datastore), ==, 7);
  g_assert_cmpstr (steward_datastore_get_connection_name (datastore), ==, "postgres_production");
  g_assert_cmpuint (g_strv_length ((char **) teams), ==, 2);
  g_assert_cmpstr (teams[0], ==, "Data Platform");
  g_assert_cmpstr (tags[1], ==, "postgresql");
  g_assert_cmpint (steward_datastore_get_containers (datastore), ==, 12);
  g_assert_cmpint (steward_datastore_get_records (datastore), ==, 1850000);
  g_assert_cmpint (steward_datastore_get_fields_profiled (datastore), ==, 87);
  g_assert_cmpint (steward_datastore_get_active_checks (datastore), ==, 145);
  g_assert_cmpint (steward_datastore_get_active_anomalies (datastore), ==, 3);
  g_assert_cmpint (steward_datastore_get_group_id (datastore), ==, 1);
  g_assert_cmpstr (steward_datastore_group_get_icon_name (steward_datastore_get_group (datastore)),
                   ==, "steward-group-star-symbolic");
  g_assert_cmpstr (steward_datastore_get_enrichment_prefix (datastore), ==, "_healthcare_prod");
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (datastore), ==, 100);
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (datastore), ==, "none");
  g_assert_cmpint (steward_datastore_get_high_count_rollup_threshold (datastore), ==, 10);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (datastore), ==, 100);
  g_assert_cmpstr (steward_datastore_get_enrichment_datastore_name (datastore), ==,
                   "Healthcare Enrichment");
}

static void
test_datastore_lenient (void)
{
  /* Older names, a bare connection_id, wrong types, nulls where objects were expected, tags as
   * plain strings, no store_type (decided by the connector type). */
  g_autoptr(JsonObject) object = parse_object (
      "{\"id\": \"44\", \"name\": \"Raw Events S3\", \"type\": \"s3\", \"root_path\": \"/raw/\","
      " \"connection_id\": 12, \"enrich_only\": true, \"enrich_container_prefix\": \"_raw\","
      " \"tags\": [\"lake\", 5, {\"name\": \"s3\"}], \"teams\": null, \"metrics\": null,"
      " \"group\": null, \"enrich_datastore\": null, \"favorite\": \"yes\", \"created\": "
      "\"garbage\"}");
  g_autoptr(StewardDatastore) datastore = steward_datastore_new_from_json (object);
  const char * const *tags = steward_datastore_get_tags (datastore);

  g_assert_cmpint (steward_datastore_get_id (datastore), ==, 44);
  g_assert_true (steward_datastore_is_dfs (datastore));
  g_assert_cmpstr (steward_datastore_get_root_path (datastore), ==, "/raw/");
  g_assert_cmpint (steward_datastore_get_connection_id (datastore), ==, 12);
  g_assert_true (steward_datastore_get_enrichment_only (datastore));
  g_assert_cmpstr (steward_datastore_get_enrichment_prefix (datastore), ==, "_raw");
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "lake");
  g_assert_cmpstr (tags[1], ==, "s3");
  g_assert_true (steward_datastore_get_teams (datastore) == NULL ||
                 steward_datastore_get_teams (datastore)[0] == NULL);
  g_assert_cmpint (steward_datastore_get_containers (datastore), ==, 0);
  g_assert_null (steward_datastore_get_group (datastore));
  g_assert_true (steward_datastore_has_field (datastore, "group"));
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (datastore), ==, 0);
  g_assert_false (steward_datastore_get_favorite (datastore));
  g_assert_null (steward_datastore_get_created (datastore));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_datastore_update_from_abbreviated (void)
{
  g_autoptr(JsonObject) full = parse_object (full_datastore);
  g_autoptr(JsonObject) abbreviated = parse_object (
    "{\"id\": 42, \"name\": \"Production Sales\", \"group\": null}");
  g_autoptr(StewardDatastore) datastore = steward_datastore_new_from_json (full);
  g_autoptr(StewardDatastore) answer = steward_datastore_new_from_json (abbreviated);
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (datastore, "notify", G_CALLBACK (count_notify_cb), notified);
  steward_datastore_update_from (datastore, answer);

  /* The unassign answer only carried the group: everything else stays, and only the group
   * (and its id) notified. */
  g_assert_null (steward_datastore_get_group (datastore));
  g_assert_cmpint (steward_datastore_get_containers (datastore), ==, 12);
  g_assert_cmpstr (steward_datastore_get_schema (datastore), ==, "sales");
  g_assert_cmpstr (steward_datastore_get_enrichment_datastore_name (datastore), ==,
                   "Healthcare Enrichment");
  g_assert_cmpuint (notified->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "group", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (notified, "group-id", g_str_equal, NULL));
}

static void
test_group_and_connection (void)
{
  g_autoptr(JsonObject) group_json =
      parse_object ("{\"id\": 3, \"name\": \"Production\", \"icon\": \"mdi-unknown-thing\", "
                    "\"created\": \"2026-04-01T10:00:00.000000Z\"}");
  g_autoptr(StewardDatastoreGroup) group = steward_datastore_group_new_from_json (group_json);
  g_autoptr(JsonObject) no_icon = parse_object ("{\"id\": 4, \"name\": \"Plain\"}");
  g_autoptr(StewardDatastoreGroup) plain = steward_datastore_group_new_from_json (no_icon);
  g_autoptr(JsonObject) connection_json = parse_object (
      "{\"id\": 7, \"name\": \"pg\", \"type\": \"postgresql\", \"host\": \"db\", \"port\": 5432,"
      " \"username\": \"u\", \"password\": \"must-not-be-kept\", \"parameters\": {\"sslmode\": "
      "\"require\"}}");
  g_autoptr(StewardConnection) connection = steward_connection_new_from_json (connection_json);
  g_autoptr(JsonObject) dfs_json =
      parse_object ("{\"id\": 12, \"name\": \"lake\", \"type\": \"s3\", \"uri\": \"s3://x\"}");
  g_autoptr(StewardConnection) dfs = steward_connection_new_from_json (dfs_json);

  /* An icon value a newer server invented keeps its value but draws as the bookmark. */
  g_assert_cmpstr (steward_datastore_group_get_icon (group), ==, "mdi-unknown-thing");
  g_assert_cmpstr (steward_datastore_group_get_icon_name (group), ==,
                   "steward-group-bookmark-symbolic");
  g_assert_cmpstr (steward_datastore_group_get_icon (plain), ==, STEWARD_GROUP_ICON_DEFAULT);
  g_assert_cmpint (g_date_time_get_month (steward_datastore_group_get_created (group)), ==, 4);

  g_assert_cmpstr (steward_connection_get_store_type (connection), ==, "jdbc");
  g_assert_cmpint (steward_connection_get_port (connection), ==, 5432);
  g_assert_cmpstr (steward_json_get_string (steward_connection_get_parameters (connection),
                                            "sslmode"),
                   ==, "require");
  g_assert_true (steward_connection_is_dfs (dfs));
  g_assert_cmpstr (steward_connection_get_uri (dfs), ==, "s3://x");
}

static void
test_operation_and_results (void)
{
  g_autoptr(JsonObject) running_json = parse_object (
      "{\"id\": 9, \"type\": \"sync\", \"datastore_id\": 42, \"result\": \"running\","
      " \"start_time\": \"2026-04-01T10:00:00Z\", \"end_time\": null, \"message\": null,"
      " \"status\": {\"total_containers\": 10, \"containers_analyzed\": 4, \"records_processed\": "
      "100}}");
  g_autoptr(JsonObject) done_json = parse_object (
      "{\"id\": 9, \"type\": \"sync\", \"datastore\": {\"id\": 42}, \"result\": \"warning\","
      " \"message\": \"2 containers skipped\", \"status\": {\"total_containers\": 10, "
      "\"containers_analyzed\": 10}}");
  g_autoptr(StewardOperation) running = steward_operation_new_from_json (running_json);
  g_autoptr(StewardOperation) done = steward_operation_new_from_json (done_json);
  g_autoptr(JsonObject) bulk_json =
      parse_object ("{\"created\": [101, {\"id\": 102}], \"errors\": [{\"schema_name\": "
                    "\"finance\", \"error\": \"Permission denied for schema finance\"}]}");
  g_autoptr(StewardBulkResult) bulk = steward_bulk_result_new_from_json (bulk_json);
  g_autoptr(JsonObject) failure_json = parse_object (
    "{\"schema_name\": \"finance\", \"status\": \"failure\", \"message\": \"Permission denied\"}");
  g_autoptr(StewardValidationResult) failure =
      steward_validation_result_new_from_json (failure_json);

  g_assert_false (steward_operation_is_finished (running));
  g_assert_cmpfloat_with_epsilon (steward_operation_get_fraction (running), 0.4, 1e-9);
  g_assert_cmpint (steward_operation_get_datastore_id (done), ==, 42);
  g_assert_cmpint (steward_operation_get_result (done), ==, STEWARD_OPERATION_WARNING);

  steward_operation_update_from (running, done);
  g_assert_true (steward_operation_is_finished (running));
  g_assert_cmpstr (steward_operation_get_message (running), ==, "2 containers skipped");
  g_assert_cmpfloat (steward_operation_get_fraction (running), ==, 1.0);

  g_assert_cmpuint (steward_bulk_result_get_n_created (bulk), ==, 2);
  g_assert_cmpint (steward_bulk_result_get_created_id (bulk, 1), ==, 102);
  g_assert_cmpuint (steward_bulk_result_get_n_errors (bulk), ==, 1);
  g_assert_cmpstr (steward_bulk_result_get_error_schema (bulk, 0), ==, "finance");

  g_assert_false (steward_validation_result_get_success (failure));
  g_assert_cmpstr (steward_validation_result_get_message (failure), ==, "Permission denied");
}

static GError *
error_for (guint       status,
           const char *body)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return steward_api_error_new_from_http (status, "Reason", bytes);
}

static void
test_error_bodies (void)
{
  g_autoptr(GError) detail =
      error_for (409, "{\"detail\": \"Datastore group name: 'Production' already exists\"}");
  g_autoptr(GError) list =
      error_for (422, "{\"detail\": [{\"loc\": [\"body\", \"name\"], \"msg\": \"String should have "
                      "at most 255 characters\", \"type\": \"string_too_long\"},"
                      "              {\"loc\": [\"body\", \"connection\", \"host\"], \"msg\": "
                      "\"Field required\", \"type\": \"missing\"}]}");
  g_autoptr(GError) message =
      error_for (400,
                 "{\"message\": \"Connection refused: could not connect to server at db:5432\"}");
  g_autoptr(GError) html = error_for (502, "<html>Bad gateway</html>");
  g_autoptr(GError) empty401 = error_for (401, "");
  g_autoptr(GError) forbidden =
      error_for (403, "{\"detail\": \"You must have editor permission in at least one of these "
                      "teams: ['Data Platform']\"}");

  g_assert_error (detail, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT);
  g_assert_cmpstr (detail->message, ==, "Datastore group name: 'Production' already exists");
  g_assert_cmpuint (steward_api_error_get_http_status (detail), ==, 409);

  g_assert_error (list, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID);
  g_assert_cmpstr (steward_api_error_get_field_message (list, "name"), ==,
                   "String should have at most 255 characters");
  g_assert_cmpstr (steward_api_error_get_field_message (list, "connection.host"), ==,
                   "Field required");
  g_assert_nonnull (strstr (list->message, "name: String should have at most 255 characters"));
  g_assert_true (steward_api_error_has_missing_field (list));

  g_assert_error (message, STEWARD_API_ERROR, STEWARD_API_ERROR_BAD_REQUEST);
  g_assert_cmpstr (message->message, ==,
                   "Connection refused: could not connect to server at db:5432");

  g_assert_error (html, STEWARD_API_ERROR, STEWARD_API_ERROR_SERVER);
  g_assert_true (steward_api_error_is_transient (html));
  g_assert_error (empty401, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
  g_assert_error (forbidden, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (forbidden->message, "Data Platform"));

  /* Extended errors survive copying, as GTask and callers copy them. */
  {
    g_autoptr(GError) copy = g_error_copy (list);
    g_assert_cmpstr (steward_api_error_get_field_message (copy, "connection.host"), ==,
                     "Field required");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/datastore/full", test_datastore_full);
  g_test_add_func ("/models/datastore/lenient", test_datastore_lenient);
  g_test_add_func ("/models/datastore/update-from-abbreviated",
                   test_datastore_update_from_abbreviated);
  g_test_add_func ("/models/group-and-connection", test_group_and_connection);
  g_test_add_func ("/models/operation-and-results", test_operation_and_results);
  g_test_add_func ("/models/error-bodies", test_error_bodies);

  return g_test_run ();
}
