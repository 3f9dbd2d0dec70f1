/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Operations through the API client against the demo server: a profile and a scan with their
 * options, the deployment-wide listing with its filters and its cap, and abort. The operations
 * last a minute: a test ends them at once with steward_demo_server_finish_operations(). */
#include <string.h>

#include "steward-test-async.h"
#include "steward-test-demo.h"

#define CALL(result, call) \
  G_STMT_START { \
    g_clear_object (&result); \
    call; \
    steward_test_wait_result (&result); \
  } G_STMT_END

static StewardTestDemo *
new_demo (void)
{
  return steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN, "operation-duration-ms", 60000, NULL);
}

static JsonObject *
last_run_body (StewardTestDemo *demo)
{
  g_autofree char *body = steward_test_demo_last_body (demo, "POST", "/api/operations/run");
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (body);
  g_assert_true (json_parser_load_from_data (parser, body, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static StewardOperation *
run (StewardTestDemo         *demo,
     gint64                   datastore_id,
     const char              *type,
     const StewardRunOptions *options)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  StewardOperation *operation;

  CALL (result, steward_client_run_operation_async (demo->client, datastore_id, type, options, NULL,
                                                    steward_test_store_result_cb, &result));
  operation = steward_client_run_operation_finish (demo->client, result, &error);
  g_assert_no_error (error);
  return operation;
}

static void
test_run_with_options (void)
{
  g_autoptr(StewardTestDemo) demo = new_demo ();
  char *names[] = { (char *) "orders", (char *) "customers", NULL };
  StewardRunOptions profile_options = {
    .container_names = names, .max_records_per_partition = 5000, .infer_as_draft = TRUE,
  };
  StewardRunOptions scan_options = { .incremental = TRUE, .keep_passed_anomalies = TRUE };
  g_autoptr(StewardOperation) profile = run (demo, 66, "profile", &profile_options);
  g_autoptr(JsonObject) profile_body = last_run_body (demo);
  g_autoptr(StewardOperation) scan = run (demo, 66, "scan", &scan_options);
  g_autoptr(JsonObject) scan_body = last_run_body (demo);
  g_autoptr(StewardOperation) sync = run (demo, 66, "sync", &scan_options);
  g_autoptr(JsonObject) sync_body = last_run_body (demo);
  JsonArray *sent_names;

  g_assert_cmpstr (steward_operation_get_operation_type (profile), ==, "profile");
  g_assert_cmpint (steward_operation_get_result (profile), ==, STEWARD_OPERATION_RUNNING);
  g_assert_cmpint (json_object_get_int_member (profile_body, "datastore_id"), ==, 66);
  sent_names = json_object_get_array_member (profile_body, "container_names");
  g_assert_cmpuint (json_array_get_length (sent_names), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (sent_names, 1), ==, "customers");
  g_assert_cmpint (json_object_get_int_member (profile_body, "max_records_analyzed_per_partition"),
                   ==, 5000);
  g_assert_true (json_object_get_boolean_member (profile_body, "infer_as_draft"));
  g_assert_false (json_object_has_member (profile_body, "incremental"));

  g_assert_cmpstr (steward_operation_get_operation_type (scan), ==, "scan");
  g_assert_true (json_object_get_boolean_member (scan_body, "incremental"));
  g_assert_false (json_object_get_boolean_member (scan_body, "auto_resolve_passed_anomalies"));
  g_assert_false (json_object_has_member (scan_body, "container_names"));

  /* A sync takes none of them. */
  g_assert_cmpstr (steward_operation_get_operation_type (sync), ==, "sync");
  g_assert_cmpuint (json_object_get_size (sync_body), ==, 2);

  g_assert_cmpuint (steward_demo_server_finish_operations (demo->server), ==, 3);
}

static GListModel *
list_recent (StewardTestDemo *demo,
             const char      *type,
             const char      *result_filter,
             guint            max_items)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *operations;

  CALL (result,
        steward_client_list_recent_operations_async (demo->client, type, result_filter, max_items,
                                                     NULL, steward_test_store_result_cb, &result));
  operations = steward_client_list_recent_operations_finish (demo->client, result, &error);
  g_assert_no_error (error);
  return operations;
}

static void
test_list_recent (void)
{
  g_autoptr(StewardTestDemo) demo = new_demo ();
  g_autoptr(StewardOperation) scan = run (demo, 66, "scan", NULL);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) syncs = NULL;
  g_autoptr(GListModel) running = NULL;
  g_autoptr(GListModel) capped = NULL;
  g_autoptr(StewardOperation) newest = NULL;

  /* The seeded four and the scan, newest first, from every datastore. */
  all = list_recent (demo, NULL, NULL, 50);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 5);
  newest = g_list_model_get_item (all, 0);
  g_assert_cmpint (steward_operation_get_id (newest), ==, steward_operation_get_id (scan));

  syncs = list_recent (demo, "sync", NULL, 50);
  g_assert_cmpuint (g_list_model_get_n_items (syncs), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (syncs); i++)
    {
      g_autoptr(StewardOperation) operation = g_list_model_get_item (syncs, i);

      g_assert_cmpstr (steward_operation_get_operation_type (operation), ==, "sync");
    }

  /* The scan and the seeded endless export. */
  running = list_recent (demo, NULL, "running", 50);
  g_assert_cmpuint (g_list_model_get_n_items (running), ==, 2);

  capped = list_recent (demo, NULL, NULL, 3);
  g_assert_cmpuint (g_list_model_get_n_items (capped), ==, 3);

  g_assert_cmpuint (steward_demo_server_finish_operations (demo->server), ==, 1);
}

/* Paging: more operations than one page holds are read page by page, up to the cap. */
static void
test_list_pages (void)
{
  g_autoptr(StewardTestDemo) demo = new_demo ();
  g_autoptr(GListModel) operations = NULL;
  guint before = steward_demo_server_count_requests (demo->server, "GET", "/api/operations");

  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(StewardOperation) operation = run (demo, 66, "profile", NULL);
    }

  operations = list_recent (demo, "profile", NULL, 150);
  g_assert_cmpuint (g_list_model_get_n_items (operations), ==, 121);
  g_assert_cmpuint (steward_demo_server_count_requests (demo->server, "GET", "/api/operations") -
                    before, ==, 2);

  g_assert_cmpuint (steward_demo_server_finish_operations (demo->server), ==, 120);
}

static void
test_abort (void)
{
  g_autoptr(StewardTestDemo) demo = new_demo ();
  g_autoptr(StewardOperation) scan = run (demo, 66, "scan", NULL);
  g_autoptr(StewardOperation) aborted = NULL;
  g_autoptr(StewardOperation) again = NULL;
  g_autoptr(StewardClient) member = steward_test_demo_new_client (demo, STEWARD_DEMO_ROLE_MEMBER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Someone outside the datastore's editing teams is refused in the server's words. */
  CALL (result, steward_client_abort_operation_async (member, 4, NULL,
                                                      steward_test_store_result_cb, &result));
  g_assert_null (steward_client_abort_operation_finish (member, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "editor permission"));
  g_clear_error (&error);

  CALL (result, steward_client_abort_operation_async (demo->client, steward_operation_get_id (scan),
                                                      NULL, steward_test_store_result_cb, &result));
  aborted = steward_client_abort_operation_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_operation_get_result (aborted), ==, STEWARD_OPERATION_ABORTED);
  g_assert_true (steward_operation_is_finished (aborted));
  g_assert_nonnull (steward_operation_get_end_time (aborted));
  g_assert_nonnull (steward_operation_get_message (aborted));

  /* Ended, it stays as it ended. */
  CALL (result, steward_client_abort_operation_async (demo->client, 1, NULL,
                                                      steward_test_store_result_cb, &result));
  again = steward_client_abort_operation_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_operation_get_result (again), ==, STEWARD_OPERATION_SUCCESS);

  CALL (result, steward_client_abort_operation_async (demo->client, 999, NULL,
                                                      steward_test_store_result_cb, &result));
  g_assert_null (steward_client_abort_operation_finish (demo->client, result, &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);

  g_assert_cmpuint (steward_demo_server_finish_operations (demo->server), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-operations/run-with-options", test_run_with_options);
  g_test_add_func ("/client-operations/list-recent", test_list_recent);
  g_test_add_func ("/client-operations/list-pages", test_list_pages);
  g_test_add_func ("/client-operations/abort", test_abort);

  return g_test_run ();
}
