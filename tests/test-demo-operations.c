/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-demo-test-client.h"

#include <string.h>

/* Operations: a sync runs from "running" to "success" over the operation duration, counts its
 * progress, and updates the datastore's metrics. The duration is long enough that nothing ends
 * during a test unless the test ends it with steward_demo_server_finish_operations(). */

#define ADMIN STEWARD_DEMO_ROLE_ADMIN
#define MANAGER STEWARD_DEMO_ROLE_MANAGER
#define MEMBER STEWARD_DEMO_ROLE_MEMBER

#define DURATION_MS 60000

static void
assert_operation_shape (JsonNode *operation)
{
  static const char *const results[] = { "running", "success", "failure", "aborted", NULL };

  demo_get_int (operation, "id");
  demo_get_string (operation, "type");
  demo_get_int (operation, "datastore_id");
  g_assert_true (g_strv_contains (results, demo_get_string (operation, "result")));
  g_assert_true (g_str_has_suffix (demo_get_string (operation, "start_time"), "Z"));
  g_assert_true (demo_has (operation, "end_time"));
  g_assert_true (demo_has (operation, "message"));
  demo_get_int (operation, "status.total_containers");
  demo_get_int (operation, "status.containers_analyzed");
  demo_get_int (operation, "status.records_processed");
}

static DemoResponse *
get_operation (DemoFixture *f,
               gint64       id)
{
  return demo_request_printf (f, MEMBER, "GET", NULL, "/operations/%" G_GINT64_FORMAT, id);
}

static void
test_sync (DemoFixture   *f,
           gconstpointer  data)
{
  g_autoptr(DemoResponse) before = demo_request (f, MEMBER, "GET", "/datastores/66", NULL);
  g_autoptr(DemoResponse) run = demo_request (f, MEMBER, "POST", "/operations/run",
                                              "{\"type\": \"sync\", \"datastore_id\": 66}");
  g_autoptr(DemoResponse) done = NULL;
  g_autoptr(DemoResponse) after = NULL;
  gint64 id, analyzed = 0, records = 0;
  gboolean saw_progress = FALSE;

  demo_assert_status (run, SOUP_STATUS_OK);
  assert_operation_shape (run->root);
  id = demo_get_int (run->root, "id");
  g_assert_cmpstr (demo_get_string (run->root, "type"), ==, "sync");
  g_assert_cmpint (demo_get_int (run->root, "datastore_id"), ==, 66);
  g_assert_cmpstr (demo_get_string (run->root, "result"), ==, "running");
  g_assert_true (demo_is_null (run->root, "end_time"));
  g_assert_cmpint (demo_get_int (run->root, "status.total_containers"), ==,
                   demo_get_int (before->root, "metrics.containers"));

  /* The counters go up with time, and never reach the total while it runs. */
  for (guint i = 0; i < 2000 && !saw_progress; i++)
    {
      g_autoptr(DemoResponse) poll = get_operation (f, id);
      gint64 now_analyzed = demo_get_int (poll->root, "status.containers_analyzed");
      gint64 now_records = demo_get_int (poll->root, "status.records_processed");

      demo_assert_status (poll, SOUP_STATUS_OK);
      g_assert_cmpstr (demo_get_string (poll->root, "result"), ==, "running");
      g_assert_cmpint (now_analyzed, >=, analyzed);
      g_assert_cmpint (now_records, >=, records);
      g_assert_cmpint (now_records, <, demo_get_int (before->root, "metrics.records"));
      saw_progress = now_records > 0;
      analyzed = now_analyzed;
      records = now_records;
    }
  g_assert_true (saw_progress);

  g_assert_cmpuint (steward_demo_server_finish_operations (f->server), ==, 1);
  done = get_operation (f, id);
  g_assert_cmpstr (demo_get_string (done->root, "result"), ==, "success");
  g_assert_true (demo_is_null (done->root, "message"));
  g_assert_true (g_str_has_suffix (demo_get_string (done->root, "end_time"), "Z"));
  g_assert_cmpint (demo_get_int (done->root, "status.containers_analyzed"), ==,
                   demo_get_int (done->root, "status.total_containers"));
  g_assert_cmpint (demo_get_int (done->root, "status.records_processed"), >=, records);
  after = demo_request (f, MEMBER, "GET", "/datastores/66", NULL);
  g_assert_cmpint (demo_get_int (after->root, "metrics.containers"), ==,
                   demo_get_int (done->root, "status.total_containers"));
  g_assert_cmpint (demo_get_int (after->root, "metrics.records"), ==,
                   demo_get_int (done->root, "status.records_processed"));
}

/* A new datastore's first sync fills its metrics, whether or not anybody polls the operation. */
static void
test_trigger_updates_metrics (DemoFixture   *f,
                              gconstpointer  data)
{
  g_autoptr(DemoResponse) created =
      demo_request (f, MANAGER, "POST", "/datastores",
                    "{\"name\": \"Fresh\", \"connection_id\": 5,"
                    " \"database\": \"staging_db\","
                    " \"schema\": \"sales\", \"trigger_catalog\": true}");
  g_autoptr(DemoResponse) list = NULL;
  gint64 id = demo_get_int (created->root, "id");

  demo_assert_status (created, SOUP_STATUS_CREATED);
  g_assert_cmpint (demo_get_int (created->root, "metrics.containers"), ==, 0);
  g_assert_cmpint (demo_get_int (created->root, "metrics.records"), ==, 0);

  g_assert_cmpuint (steward_demo_server_finish_operations (f->server), ==, 1);
  list = demo_request_printf (f, MEMBER, "GET", NULL, "/datastores?id=%" G_GINT64_FORMAT, id);
  g_assert_cmpint (demo_get_int (list->root, "total"), ==, 1);
  g_assert_cmpint (demo_get_int (list->root, "items.0.metrics.containers"), >, 0);
  g_assert_cmpint (demo_get_int (list->root, "items.0.metrics.records"), >, 0);
}

static void
test_failure (DemoFixture   *f,
              gconstpointer  data)
{
  g_autoptr(DemoResponse) run = demo_request (f, ADMIN, "POST", "/operations/run",
                                              "{\"type\": \"sync\", \"datastore_id\": 39}");
  g_autoptr(DemoResponse) done = NULL;

  demo_assert_status (run, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (run->root, "result"), ==, "running");
  g_assert_cmpuint (steward_demo_server_finish_operations (f->server), ==, 1);
  done = get_operation (f, demo_get_int (run->root, "id"));
  g_assert_cmpstr (demo_get_string (done->root, "result"), ==, "failure");
  g_assert_cmpstr (demo_get_string (done->root, "message"), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
}

static void
test_other_types (DemoFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(DemoResponse) profile = demo_request (f, ADMIN, "POST", "/operations/run",
                                                  "{\"type\": \"profile\", \"datastore_id\": 42}");
  g_autoptr(DemoResponse) catalog = demo_request (f, ADMIN, "POST", "/operations/run",
                                                  "{\"type\": \"catalog\", \"datastore_id\": 42}");
  g_autoptr(DemoResponse) scan = demo_request (f, ADMIN, "POST", "/operations/run",
                                               "{\"type\": \"scan\", \"datastore_id\": 45}");
  g_autoptr(DemoResponse) export = demo_request (f, ADMIN, "POST", "/operations/run",
                                                 "{\"type\": \"export\", \"datastore_id\": 42}");
  g_autoptr(DemoResponse) strategy = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                   "{\"enrichment_remediation_strategy\":"
                                                   " \"overwrite\"}");
  g_autoptr(DemoResponse) unlinked_scan = demo_request (f, ADMIN, "POST", "/operations/run",
                                                        "{\"type\": \"scan\","
                                                        " \"datastore_id\": 42}");

  demo_assert_status (profile, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (profile->root, "type"), ==, "profile");
  /* "catalog" is the deprecated name of a sync. */
  g_assert_cmpstr (demo_get_string (catalog->root, "type"), ==, "sync");
  demo_assert_status (scan, SOUP_STATUS_OK);
  demo_assert_detail (export, SOUP_STATUS_CONFLICT,
                      "Cannot run export: the datastore id: 42 has no enrichment datastore");
  demo_assert_status (strategy, SOUP_STATUS_OK);
  demo_assert_detail (unlinked_scan, SOUP_STATUS_CONFLICT,
                      "Cannot run a scan with remediation strategy 'overwrite': the datastore "
                      "id: 42 has no enrichment datastore");
}

/* A running export blocks unlinking until it ends. */
static void
test_export_blocks_unlink (DemoFixture   *f,
                           gconstpointer  data)
{
  g_autoptr(DemoResponse) export = demo_request (f, ADMIN, "POST", "/operations/run",
                                                 "{\"type\": \"export\", \"datastore_id\": 110}");
  g_autoptr(DemoResponse) blocked = demo_request (f, ADMIN, "DELETE",
                                                  "/datastores/110/enrichment", NULL);
  g_autoptr(DemoResponse) unblocked = NULL;

  demo_assert_status (export, SOUP_STATUS_OK);
  demo_assert_detail (blocked, SOUP_STATUS_CONFLICT,
                      "Cannot disconnect enrichment datastore: active export or materialize "
                      "operations exist");
  g_assert_cmpuint (steward_demo_server_finish_operations (f->server), ==, 1);
  unblocked = demo_request (f, ADMIN, "DELETE", "/datastores/110/enrichment", NULL);
  demo_assert_status (unblocked, SOUP_STATUS_NO_CONTENT);
}

static void
test_validation (DemoFixture   *f,
                 gconstpointer  data)
{
  static const struct
  {
    const char *body;
    const char *loc;
    const char *type;
  } cases[] = {
    { "{\"type\": \"sync\", \"datastore_ids\": [42, 43]}", "body.datastore_ids",
      "extra_forbidden" },
    { "{\"type\": \"sync\", \"datastore_ids\": [42, 43]}", "body.datastore_id", "missing" },
    { "{\"datastore_id\": 42}", "body.type", "missing" },
    { "{\"type\": \"vacuum\", \"datastore_id\": 42}", "body.type", "enum" },
    { "{\"type\": \"sync\", \"datastore_id\": \"42\"}", "body.datastore_id", "int_type" },
    { "{\"type\": \"sync\", \"datastore_id\": 0}", "body.datastore_id", "greater_than_equal" },
  };
  g_autofree char *before = demo_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(DemoResponse) missing = demo_request (f, ADMIN, "POST", "/operations/run",
                                                  "{\"type\": \"sync\", \"datastore_id\": 999}");
  g_autoptr(DemoResponse) platform = demo_request (f, MEMBER, "POST", "/operations/run",
                                                   "{\"type\": \"sync\", \"datastore_id\": 27}");
  g_autoptr(DemoResponse) no_operation = demo_request (f, MEMBER, "GET", "/operations/999", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DemoResponse) response = demo_request (f, ADMIN, "POST", "/operations/run",
                                                       cases[i].body);

      demo_assert_validation (response, cases[i].loc, cases[i].type);
    }
  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
  demo_assert_detail (platform, SOUP_STATUS_FORBIDDEN,
                      "You must have editor permission in at least one of these teams: "
                      "['Data Platform']");
  demo_assert_detail (no_operation, SOUP_STATUS_NOT_FOUND, "Operation id: 999 not found");

  after = demo_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_list (DemoFixture   *f,
           gconstpointer  data)
{
  g_autoptr(DemoResponse) run = demo_request (f, MEMBER, "POST", "/operations/run",
                                              "{\"type\": \"sync\", \"datastore_id\": 42}");
  g_autoptr(DemoResponse) all = demo_request (f, MEMBER, "GET", "/operations", NULL);
  g_autoptr(DemoResponse) for_42 = demo_request (f, MEMBER, "GET", "/operations?datastore=42",
                                                 NULL);
  g_autoptr(DemoResponse) two = demo_request (f, MEMBER, "GET",
                                              "/operations?datastore=39&datastore=48", NULL);
  g_autoptr(DemoResponse) paged = demo_request (f, MEMBER, "GET", "/operations?size=2&page=3",
                                                NULL);
  g_autoptr(DemoResponse) running = demo_request (f, MEMBER, "GET", "/operations?result=running",
                                                  NULL);
  g_autoptr(DemoResponse) bad = demo_request (f, MEMBER, "GET", "/operations?datastore=x", NULL);

  demo_assert_status (all, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (all->root, "total"), ==, 5);
  assert_operation_shape (demo_json_at (all->root, "items.0"));
  /* Newest first. */
  g_assert_cmpint (demo_get_int (all->root, "items.0.id"), ==, demo_get_int (run->root, "id"));
  g_assert_cmpint (demo_get_int (all->root, "items.4.id"), ==, 1);

  g_assert_cmpint (demo_get_int (for_42->root, "total"), ==, 2);
  g_assert_cmpint (demo_get_int (two->root, "total"), ==, 2);
  g_assert_cmpint (demo_get_int (paged->root, "pages"), ==, 3);
  g_assert_cmpuint (demo_get_length (paged->root, "items"), ==, 1);
  g_assert_cmpint (demo_get_int (running->root, "total"), ==, 2);
  demo_assert_validation (bad, "query.datastore.0", "int_parsing");
}

/* The ids of a page of operations, in order: "4,3,2,1". */
static char *
listed_ids (DemoFixture *f,
            const char  *query)
{
  g_autofree char *path = g_strconcat ("/operations?size=100&", query, NULL);
  g_autoptr(DemoResponse) list = demo_request (f, MEMBER, "GET", path, NULL);
  GString *ids = g_string_new (NULL);

  demo_assert_status (list, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (list->root, "items"), ==, demo_get_int (list->root, "total"));
  for (guint i = 0; i < demo_get_length (list->root, "items"); i++)
    {
      g_autofree char *member = g_strdup_printf ("items.%u.id", i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              demo_get_int (list->root, member));
    }

  return g_string_free (ids, FALSE);
}

/* The filters the vendor's CLI lists operations with, on the seeded operations (1: sync of 42,
 * success, 2026-03-31 14:31; 2: sync of 39, failure, 2026-04-01 02:00; 3: profile of 11,
 * success, 2026-04-01 03:00; 4: export of 48, running since 2026-04-02 06:00). */
static void
test_list_filters (DemoFixture   *f,
                   gconstpointer  data)
{
  static const struct
  {
    const char *query;
    const char *ids;
  } cases[] = {
    { "operation_type=sync", "2,1" },
    { "operation_type=catalog", "2,1" },
    { "operation_type=profile&operation_type=export", "4,3" },
    { "type=export", "4" },
    { "finished=true", "3,2,1" },
    { "finished=True", "3,2,1" },
    { "finished=false", "4" },
    { "start_date=2026-04-01", "4,3,2" },
    { "end_date=2026-04-01", "3,2,1" },
    { "start_date=2026-04-01&end_date=2026-04-01", "3,2" },
    { "start_date=2026-04-01T02:30:00Z&end_date=2026-04-02T06:00:00Z", "4,3" },
    { "start_date=2026-04-01T04:00:00%2B02:00", "4,3,2" },
    { "start_date=2026-04-03", "" },
    { "sort_created=asc", "1,2,3,4" },
    { "sort_created=desc", "4,3,2,1" },
    { "sort_created=asc&finished=true&operation_type=sync", "1,2" },
    /* As the CLI sends them for "operations list --datastore-id 42 --type sync --status success
     * --start-date 2026-01-01 --end-date 2026-12-31". */
    { "page=1&datastore=42&operation_type=sync&result=success&start_date=2026-01-01"
      "&end_date=2026-12-31&sort_created=desc", "1" },
  };
  static const struct
  {
    const char *query;
    const char *loc;
    const char *type;
  } invalid[] = {
    { "operation_type=vacuum", "query.operation_type.0", "enum" },
    { "finished=maybe", "query.finished", "bool_parsing" },
    { "start_date=2026-02-30", "query.start_date", "date_parsing" },
    { "end_date=yesterday", "query.end_date", "date_parsing" },
    { "sort_created=up", "query.sort_created", "enum" },
  };
  g_autoptr(DemoResponse) run = NULL;
  g_autofree char *running = NULL;
  g_autofree char *ended = NULL;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = listed_ids (f, cases[i].query);

      if (g_strcmp0 (ids, cases[i].ids) != 0)
        g_error ("/operations?%s listed %s, not %s", cases[i].query, ids, cases[i].ids);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(DemoResponse) response = demo_request_printf (f, MEMBER, "GET", NULL,
                                                              "/operations?%s",
                                                              invalid[i].query);

      demo_assert_validation (response, invalid[i].loc, invalid[i].type);
    }

  /* finished follows an operation from running to its end. */
  run = demo_request (f, MEMBER, "POST", "/operations/run",
                      "{\"type\": \"sync\", \"datastore_id\": 66}");
  id = demo_get_int (run->root, "id");
  running = listed_ids (f, "finished=false&datastore=66");
  g_assert_cmpint (g_ascii_strtoll (running, NULL, 10), ==, id);
  g_assert_cmpuint (steward_demo_server_finish_operations (f->server), ==, 1);
  ended = listed_ids (f, "finished=true&datastore=66");
  g_assert_cmpint (g_ascii_strtoll (ended, NULL, 10), ==, id);
}

/* A success has no message (clients show one as a warning); a failure and an abort say why. */
static void
test_messages (DemoFixture   *f,
               gconstpointer  data)
{
  static const char *const runs[] = {
    "{\"type\": \"sync\", \"datastore_id\": 42}",
    "{\"type\": \"profile\", \"datastore_id\": 11}",
    "{\"type\": \"scan\", \"datastore_id\": 45}",
    "{\"type\": \"export\", \"datastore_id\": 110}",
  };
  g_autoptr(DemoResponse) sync = get_operation (f, 1);
  g_autoptr(DemoResponse) profile = get_operation (f, 3);
  g_autoptr(DemoResponse) failure = get_operation (f, 2);
  g_autoptr(DemoResponse) list = NULL;

  g_assert_cmpstr (demo_get_string (sync->root, "result"), ==, "success");
  g_assert_true (demo_is_null (sync->root, "message"));
  g_assert_cmpstr (demo_get_string (profile->root, "result"), ==, "success");
  g_assert_true (demo_is_null (profile->root, "message"));
  g_assert_cmpstr (demo_get_string (failure->root, "message"), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(DemoResponse) run = demo_request (f, ADMIN, "POST", "/operations/run", runs[i]);

      demo_assert_status (run, SOUP_STATUS_OK);
      g_assert_true (demo_is_null (run->root, "message"));
    }
  g_assert_cmpuint (steward_demo_server_finish_operations (f->server), ==, G_N_ELEMENTS (runs));

  list = demo_request (f, MEMBER, "GET", "/operations?result=success&size=100", NULL);
  g_assert_cmpint (demo_get_int (list->root, "total"), ==, 2 + G_N_ELEMENTS (runs));
  for (guint i = 0; i < demo_get_length (list->root, "items"); i++)
    {
      g_autofree char *message = g_strdup_printf ("items.%u.message", i);

      g_assert_true (demo_is_null (list->root, message));
    }
}

static void
test_abort (DemoFixture   *f,
            gconstpointer  data)
{
  g_autoptr(DemoResponse) run = demo_request (f, MEMBER, "POST", "/operations/run",
                                              "{\"type\": \"sync\", \"datastore_id\": 42}");
  g_autoptr(DemoResponse) member = demo_request (f, MEMBER, "PUT", "/operations/abort/4", NULL);
  g_autoptr(DemoResponse) abort = NULL;
  g_autoptr(DemoResponse) later = NULL;
  g_autoptr(DemoResponse) ended = demo_request (f, MEMBER, "PUT", "/operations/abort/1", NULL);
  g_autoptr(DemoResponse) datastore = NULL;

  abort = demo_request_printf (f, MEMBER, "PUT", NULL, "/operations/abort/%" G_GINT64_FORMAT,
                               demo_get_int (run->root, "id"));
  demo_assert_status (abort, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (abort->root, "result"), ==, "aborted");
  g_assert_false (demo_is_null (abort->root, "end_time"));
  demo_assert_detail (member, SOUP_STATUS_FORBIDDEN,
                      "You must have editor permission in at least one of these teams: "
                      "['Data Platform', 'Finance Team']");
  /* An ended operation stays as it was. */
  g_assert_cmpstr (demo_get_string (ended->root, "result"), ==, "success");

  /* Aborted, it does not end again; the seeded export runs until aborted. */
  g_assert_cmpuint (steward_demo_server_finish_operations (f->server), ==, 0);
  later = get_operation (f, demo_get_int (run->root, "id"));
  g_assert_cmpstr (demo_get_string (later->root, "result"), ==, "aborted");
  datastore = demo_request (f, MEMBER, "GET", "/datastores/42", NULL);
  g_assert_cmpint (demo_get_int (datastore->root, "metrics.containers"), ==, 12);
}

/* A profile and a scan take the options the vendor's CLI documents; their types are checked,
 * and the ones of one type are refused on another. */
static void
test_run_options (DemoFixture   *f,
                  gconstpointer  data)
{
  static const struct
  {
    const char *body;
    const char *loc;
    const char *type;
  } cases[] = {
    { "{\"type\": \"scan\", \"datastore_id\": 66, \"incremental\": \"yes\"}",
      "body.incremental", "bool_type" },
    { "{\"type\": \"profile\", \"datastore_id\": 66, \"container_names\": \"orders\"}",
      "body.container_names", "list_type" },
    { "{\"type\": \"profile\", \"datastore_id\": 66, \"incremental\": true}",
      "body.incremental", "extra_forbidden" },
    { "{\"type\": \"sync\", \"datastore_id\": 66, \"infer_as_draft\": true}",
      "body.infer_as_draft", "extra_forbidden" },
    { "{\"type\": \"scan\", \"datastore_id\": 66, "
      "\"max_records_analyzed_per_partition\": \"many\"}",
      "body.max_records_analyzed_per_partition", "int_type" },
  };
  g_autoptr(DemoResponse) profile =
    demo_request (f, MEMBER, "POST", "/operations/run",
                  "{\"type\": \"profile\", \"datastore_id\": 66, \"infer_as_draft\": true, "
                  "\"container_names\": [\"orders\"], "
                  "\"max_records_analyzed_per_partition\": 1000}");
  g_autoptr(DemoResponse) scan =
    demo_request (f, MEMBER, "POST", "/operations/run",
                  "{\"type\": \"scan\", \"datastore_id\": 66, \"incremental\": true, "
                  "\"auto_resolve_passed_anomalies\": false}");

  demo_assert_status (profile, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (profile->root, "type"), ==, "profile");
  demo_assert_status (scan, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (scan->root, "type"), ==, "scan");
  g_assert_cmpstr (demo_get_string (scan->root, "result"), ==, "running");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DemoResponse) response = demo_request (f, ADMIN, "POST", "/operations/run",
                                                       cases[i].body);

      demo_assert_validation (response, cases[i].loc, cases[i].type);
    }

  g_assert_cmpuint (steward_demo_server_finish_operations (f->server), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  static const DemoServerOptions options = { .operation_duration_ms = DURATION_MS };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, DemoFixture, &options, demo_fixture_setup, func, demo_fixture_teardown)

  ADD ("/operations/sync", test_sync);
  ADD ("/operations/trigger-updates-metrics", test_trigger_updates_metrics);
  ADD ("/operations/failure", test_failure);
  ADD ("/operations/other-types", test_other_types);
  ADD ("/operations/export-blocks-unlink", test_export_blocks_unlink);
  ADD ("/operations/validation", test_validation);
  ADD ("/operations/list", test_list);
  ADD ("/operations/list-filters", test_list_filters);
  ADD ("/operations/messages", test_messages);
  ADD ("/operations/abort", test_abort);
  ADD ("/operations/run-options", test_run_options);

  return g_test_run ();
}
