/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-demo-test-client.h"

#include <string.h>

/* Enrichment, as docs/api.md describes it: link, unlink, settings, limits and
 * prefix normalization. */

#define ADMIN STEWARD_DEMO_ROLE_ADMIN
#define MANAGER STEWARD_DEMO_ROLE_MANAGER
#define MEMBER STEWARD_DEMO_ROLE_MEMBER

static void
assert_enrich_summary (JsonNode   *datastore,
                       gint64      id,
                       const char *name)
{
  g_assert_cmpint (demo_get_int (datastore, "enrich_datastore.id"), ==, id);
  g_assert_cmpstr (demo_get_string (datastore, "enrich_datastore.name"), ==, name);
  demo_get_string (datastore, "enrich_datastore.store_type");
  demo_get_string (datastore, "enrich_datastore.type");
  demo_get_bool (datastore, "enrich_datastore.enrichment_only");
}

/* The reference's link example, then idempotency and switching. */
static void
test_link (DemoFixture   *f,
           gconstpointer  data)
{
  g_autoptr(DemoResponse) link = demo_request (f, MEMBER, "PATCH", "/datastores/42/enrichment/100",
                                               NULL);
  g_autoptr(DemoResponse) again = demo_request (f, MEMBER, "PATCH",
                                                "/datastores/42/enrichment/100", NULL);
  g_autoptr(DemoResponse) get = demo_request (f, MEMBER, "GET", "/datastores/42", NULL);
  g_autoptr(DemoResponse) other = NULL;
  JsonNode *r = link->root;

  demo_assert_status (link, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (r, "id"), ==, 42);
  g_assert_cmpstr (demo_get_string (r, "store_type"), ==, "jdbc");
  g_assert_false (demo_get_bool (r, "enrichment_only"));
  g_assert_cmpstr (demo_get_string (r, "enrichment_prefix"), ==, "_production_sales");
  g_assert_cmpint (demo_get_int (r, "enrichment_source_record_limit"), ==, 10);
  g_assert_cmpstr (demo_get_string (r, "enrichment_remediation_strategy"), ==, "none");
  g_assert_cmpint (demo_get_int (r, "high_count_rollup_threshold"), ==, 10);
  assert_enrich_summary (r, 100, "Healthcare Enrichment");
  g_assert_cmpstr (demo_get_string (r, "enrich_datastore.store_type"), ==, "jdbc");
  g_assert_cmpstr (demo_get_string (r, "enrich_datastore.type"), ==, "postgresql");
  g_assert_true (demo_get_bool (r, "enrich_datastore.enrichment_only"));
  /* The whole datastore comes back. */
  g_assert_cmpint (demo_get_int (r, "metrics.containers"), ==, 12);

  demo_assert_status (again, SOUP_STATUS_OK);
  g_assert_cmpstr (again->body, ==, link->body);
  assert_enrich_summary (get->root, 100, "Healthcare Enrichment");

  other = demo_request (f, MEMBER, "PATCH", "/datastores/42/enrichment/101", NULL);
  demo_assert_status (other, SOUP_STATUS_OK);
  assert_enrich_summary (other->root, 101, "Snowflake Enrichment");
  g_assert_cmpstr (demo_get_string (other->root, "enrich_datastore.type"), ==, "snowflake");
}

/* The datastores reference links datastore 42 as the enrichment of 110, and ignores the body. */
static void
test_link_reference_example (DemoFixture   *f,
                             gconstpointer  data)
{
  g_autoptr(DemoResponse) link = demo_request (f, ADMIN, "PATCH", "/datastores/110/enrichment/42",
                                               "not even JSON");

  demo_assert_status (link, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (link->root, "id"), ==, 110);
  assert_enrich_summary (link->root, 42, "Production Sales");
  g_assert_false (demo_get_bool (link->root, "enrich_datastore.enrichment_only"));
}

static void
test_link_errors (DemoFixture   *f,
                  gconstpointer  data)
{
  g_autofree char *before = demo_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(DemoResponse) source_enrichment = demo_request (f, ADMIN, "PATCH",
                                                            "/datastores/100/enrichment/101", NULL);
  g_autoptr(DemoResponse) source_missing = demo_request (f, ADMIN, "PATCH",
                                                         "/datastores/999/enrichment/100", NULL);
  g_autoptr(DemoResponse) target_missing = demo_request (f, ADMIN, "PATCH",
                                                         "/datastores/42/enrichment/999", NULL);
  g_autoptr(DemoResponse) self = demo_request (f, ADMIN, "PATCH", "/datastores/42/enrichment/42",
                                               NULL);
  g_autoptr(DemoResponse) platform = demo_request (f, MEMBER, "PATCH",
                                                   "/datastores/27/enrichment/100", NULL);
  g_autoptr(DemoResponse) manager = demo_request (f, MANAGER, "GET",
                                                  "/datastores/42/enrichment/100", NULL);

  demo_assert_detail (source_enrichment, SOUP_STATUS_CONFLICT,
                      "The datastore id: 100 is an enrichment store");
  demo_assert_detail (source_missing, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
  demo_assert_detail (target_missing, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
  demo_assert_status (self, SOUP_STATUS_CONFLICT);
  demo_assert_detail (platform, SOUP_STATUS_FORBIDDEN,
                      "You must have editor permission in at least one of these teams: "
                      "['Data Platform']");
  demo_assert_detail (manager, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method Not Allowed");

  after = demo_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

/* Admin only, 204 even when nothing is linked, and the strategy goes back to none. */
static void
test_unlink (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(DemoResponse) before = demo_request (f, ADMIN, "GET", "/datastores/110", NULL);
  g_autoptr(DemoResponse) member = demo_request (f, MEMBER, "DELETE",
                                                 "/datastores/110/enrichment", NULL);
  g_autoptr(DemoResponse) manager = demo_request (f, MANAGER, "DELETE",
                                                  "/datastores/110/enrichment", NULL);
  g_autoptr(DemoResponse) unlink = demo_request (f, ADMIN, "DELETE", "/datastores/110/enrichment",
                                                 NULL);
  g_autoptr(DemoResponse) after = demo_request (f, ADMIN, "GET", "/datastores/110", NULL);
  g_autoptr(DemoResponse) again = demo_request (f, ADMIN, "DELETE", "/datastores/110/enrichment",
                                                NULL);
  g_autoptr(DemoResponse) never = demo_request (f, ADMIN, "DELETE", "/datastores/42/enrichment",
                                                NULL);
  g_autoptr(DemoResponse) missing = demo_request (f, ADMIN, "DELETE",
                                                  "/datastores/999/enrichment", NULL);

  assert_enrich_summary (before->root, 101, "Snowflake Enrichment");
  g_assert_cmpstr (demo_get_string (before->root, "enrichment_remediation_strategy"), ==,
                   "append");
  demo_assert_detail (member, SOUP_STATUS_FORBIDDEN,
                      "You must have the Admin role to perform this action");
  demo_assert_detail (manager, SOUP_STATUS_FORBIDDEN,
                      "You must have the Admin role to perform this action");
  demo_assert_status (unlink, SOUP_STATUS_NO_CONTENT);
  g_assert_cmpstr (unlink->body, ==, "");
  g_assert_true (demo_is_null (after->root, "enrich_datastore"));
  g_assert_cmpstr (demo_get_string (after->root, "enrichment_remediation_strategy"), ==, "none");
  demo_assert_status (again, SOUP_STATUS_NO_CONTENT);
  demo_assert_status (never, SOUP_STATUS_NO_CONTENT);
  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
}

/* Datastore 48 has a scheduled export: unlinking it is refused and changes nothing. */
static void
test_unlink_active_export (DemoFixture   *f,
                           gconstpointer  data)
{
  g_autoptr(DemoResponse) unlink = demo_request (f, ADMIN, "DELETE", "/datastores/48/enrichment",
                                                 NULL);
  g_autoptr(DemoResponse) after = demo_request (f, ADMIN, "GET", "/datastores/48", NULL);
  g_autoptr(DemoResponse) abort = NULL;
  g_autoptr(DemoResponse) unlink_after_abort = NULL;

  demo_assert_detail (unlink, SOUP_STATUS_CONFLICT,
                      "Cannot disconnect enrichment datastore: active export or materialize "
                      "operations exist");
  assert_enrich_summary (after->root, 100, "Healthcare Enrichment");
  g_assert_cmpstr (demo_get_string (after->root, "enrichment_remediation_strategy"), ==,
                   "overwrite");

  abort = demo_request (f, ADMIN, "PUT", "/operations/abort/4", NULL);
  demo_assert_status (abort, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (abort->root, "result"), ==, "aborted");
  unlink_after_abort = demo_request (f, ADMIN, "DELETE", "/datastores/48/enrichment", NULL);
  demo_assert_status (unlink_after_abort, SOUP_STATUS_NO_CONTENT);
}

/* The reference's three settings examples, one after the other. */
static void
test_settings_examples (DemoFixture   *f,
                        gconstpointer  data)
{
  g_autoptr(DemoResponse) link = demo_request (f, ADMIN, "PATCH", "/datastores/42/enrichment/100",
                                               NULL);
  g_autoptr(DemoResponse) append =
      demo_request (f, MEMBER, "PUT", "/datastores/42",
                    "{\"enrichment_remediation_strategy\": \"append\"}");
  g_autoptr(DemoResponse) prefix = demo_request (f, MEMBER, "PUT", "/datastores/42",
                                                 "{\"enrichment_prefix\": \"_healthcare_prod\","
                                                 " \"enrichment_source_record_limit\": 100}");
  g_autoptr(DemoResponse) reset = demo_request (f, MEMBER, "PUT", "/datastores/42",
                                                "{\"enrichment_remediation_strategy\": \"none\","
                                                " \"high_count_rollup_threshold\": 10}");
  g_autoptr(DemoResponse) info = demo_request (f, MEMBER, "GET", "/datastores/42", NULL);

  demo_assert_status (link, SOUP_STATUS_OK);

  demo_assert_status (append, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (append->root, "enrichment_prefix"), ==, "_production_sales");
  g_assert_cmpint (demo_get_int (append->root, "enrichment_source_record_limit"), ==, 10);
  g_assert_cmpstr (demo_get_string (append->root, "enrichment_remediation_strategy"), ==,
                   "append");
  g_assert_cmpint (demo_get_int (append->root, "high_count_rollup_threshold"), ==, 10);
  assert_enrich_summary (append->root, 100, "Healthcare Enrichment");

  demo_assert_status (prefix, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (prefix->root, "enrichment_prefix"), ==, "_healthcare_prod");
  g_assert_cmpint (demo_get_int (prefix->root, "enrichment_source_record_limit"), ==, 100);
  g_assert_cmpstr (demo_get_string (prefix->root, "enrichment_remediation_strategy"), ==,
                   "append");

  demo_assert_status (reset, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (reset->root, "enrichment_prefix"), ==, "_healthcare_prod");
  g_assert_cmpint (demo_get_int (reset->root, "enrichment_source_record_limit"), ==, 100);
  g_assert_cmpstr (demo_get_string (reset->root, "enrichment_remediation_strategy"), ==, "none");
  g_assert_cmpint (demo_get_int (reset->root, "high_count_rollup_threshold"), ==, 10);

  /* "Get Enrichment Info". */
  g_assert_false (demo_get_bool (info->root, "enrichment_only"));
  g_assert_cmpstr (demo_get_string (info->root, "enrichment_prefix"), ==, "_healthcare_prod");
  assert_enrich_summary (info->root, 100, "Healthcare Enrichment");
}

/* Every documented range, at both edges. */
static void
test_limits (DemoFixture   *f,
             gconstpointer  data)
{
  static const struct
  {
    const char *body;
    const char *loc;    /* NULL: accepted */
    const char *type;
  } cases[] = {
    { "{\"enrichment_source_record_limit\": 1}", NULL, NULL },
    { "{\"enrichment_source_record_limit\": 1000000000}", NULL, NULL },
    { "{\"enrichment_source_record_limit\": 0}", "body.enrichment_source_record_limit",
      "greater_than_equal" },
    { "{\"enrichment_source_record_limit\": 1000000001}", "body.enrichment_source_record_limit",
      "less_than_equal" },
    { "{\"enrichment_source_record_limit\": -5}", "body.enrichment_source_record_limit",
      "greater_than_equal" },
    { "{\"enrichment_source_record_limit\": \"10\"}", "body.enrichment_source_record_limit",
      "int_type" },
    { "{\"high_count_rollup_threshold\": 1}", NULL, NULL },
    { "{\"high_count_rollup_threshold\": 1000}", NULL, NULL },
    { "{\"high_count_rollup_threshold\": 0}", "body.high_count_rollup_threshold",
      "greater_than_equal" },
    { "{\"high_count_rollup_threshold\": 1001}", "body.high_count_rollup_threshold",
      "less_than_equal" },
    { "{\"enrichment_remediation_strategy\": \"none\"}", NULL, NULL },
    { "{\"enrichment_remediation_strategy\": \"append\"}", NULL, NULL },
    { "{\"enrichment_remediation_strategy\": \"overwrite\"}", NULL, NULL },
    { "{\"enrichment_remediation_strategy\": \"Append\"}", "body.enrichment_remediation_strategy",
      "enum" },
    { "{\"enrichment_remediation_strategy\": \"replace\"}", "body.enrichment_remediation_strategy",
      "enum" },
    { "{\"enrichment_prefix\": \"_abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefg\"}",
      NULL, NULL },
    { "{\"enrichment_prefix\": \"_abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefgh\"}",
      "body.enrichment_prefix", "string_too_long" },
    { "{\"enrichment_prefix\": 60}", "body.enrichment_prefix", "string_type" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DemoResponse) before = demo_request (f, ADMIN, "GET", "/datastores/42", NULL);
      g_autoptr(DemoResponse) response = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                       cases[i].body);
      g_autoptr(DemoResponse) after = demo_request (f, ADMIN, "GET", "/datastores/42", NULL);

      if (cases[i].loc == NULL)
        {
          demo_assert_status (response, SOUP_STATUS_OK);
          continue;
        }
      demo_assert_validation (response, cases[i].loc, cases[i].type);
      g_assert_cmpstr (before->body, ==, after->body);
    }
}

/* The same ranges apply when a datastore is created. */
static void
test_limits_on_create (DemoFixture   *f,
                       gconstpointer  data)
{
  g_autoptr(DemoResponse) low = demo_request (f, ADMIN, "POST", "/datastores",
                                              "{\"name\": \"L\", \"connection_id\": 7,"
                                              " \"enrichment_source_record_limit\": 1,"
                                              " \"high_count_rollup_threshold\": 1}");
  g_autoptr(DemoResponse) high = demo_request (f, ADMIN, "POST", "/datastores",
                                               "{\"name\": \"H\", \"connection_id\": 7,"
                                               " \"enrichment_source_record_limit\": 1000000001}");
  g_autoptr(DemoResponse) rollup = demo_request (f, ADMIN, "POST", "/datastores",
                                                 "{\"name\": \"R\", \"connection_id\": 7,"
                                                 " \"high_count_rollup_threshold\": 1001}");

  demo_assert_status (low, SOUP_STATUS_CREATED);
  g_assert_cmpint (demo_get_int (low->root, "enrichment_source_record_limit"), ==, 1);
  g_assert_cmpint (demo_get_int (low->root, "high_count_rollup_threshold"), ==, 1);
  demo_assert_validation (high, "body.enrichment_source_record_limit", "less_than_equal");
  demo_assert_validation (rollup, "body.high_count_rollup_threshold", "less_than_equal");
}

static void
test_prefix_normalization (DemoFixture   *f,
                           gconstpointer  data)
{
  static const struct
  {
    const char *input;
    const char *output;
  } cases[] = {
    { "Analytics Bronze", "_analytics_bronze" },
    { "_healthcare_prod", "_healthcare_prod" },
    { "HealthcareProd", "_healthcare_prod" },
    { "  Sales -- Data  ", "_sales_data" },
    { "HTTPServerLogs", "_http_server_logs" },
    { "q3 2026 Report", "_q3_2026_report" },
    { "___already___", "_already" },
    { "Ünïcode Näme", "_n_code_n_me" },
  };
  g_autoptr(DemoResponse) created = demo_request (f, ADMIN, "POST", "/datastores",
                                                  "{\"name\": \"Claims Gold Layer\","
                                                  " \"connection_id\": 7}");
  g_autoptr(DemoResponse) cleared = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"enrichment_prefix\": \"%s\"}", cases[i].input);
      g_autoptr(DemoResponse) response = demo_request (f, ADMIN, "PUT", "/datastores/42", body);

      demo_assert_status (response, SOUP_STATUS_OK);
      g_assert_cmpstr (demo_get_string (response->root, "enrichment_prefix"), ==,
                       cases[i].output);
    }

  /* The default comes from the name. */
  g_assert_cmpstr (demo_get_string (created->root, "enrichment_prefix"), ==,
                   "_claims_gold_layer");
  /* null goes back to it. */
  cleared = demo_request (f, ADMIN, "PUT", "/datastores/42", "{\"enrichment_prefix\": null}");
  g_assert_cmpstr (demo_get_string (cleared->root, "enrichment_prefix"), ==, "_production_sales");
}

/* Enrichment through PUT: linking like PATCH, unlinking like DELETE (Admin only). */
static void
test_update_link (DemoFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(DemoResponse) link = demo_request (f, MEMBER, "PUT", "/datastores/42",
                                               "{\"enrichment_datastore_id\": 101}");
  g_autoptr(DemoResponse) member_unlink = demo_request (f, MEMBER, "PUT", "/datastores/42",
                                                        "{\"enrichment_datastore_id\": null}");
  g_autoptr(DemoResponse) admin_unlink = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                       "{\"enrichment_datastore_id\": null}");
  g_autoptr(DemoResponse) export = demo_request (f, ADMIN, "PUT", "/datastores/48",
                                                 "{\"enrichment_datastore_id\": null}");
  g_autoptr(DemoResponse) enrichment_source = demo_request (f, ADMIN, "PUT", "/datastores/100",
                                                            "{\"enrichment_datastore_id\": 42}");

  demo_assert_status (link, SOUP_STATUS_OK);
  assert_enrich_summary (link->root, 101, "Snowflake Enrichment");
  demo_assert_detail (member_unlink, SOUP_STATUS_FORBIDDEN,
                      "You must have the Admin role to perform this action");
  demo_assert_status (admin_unlink, SOUP_STATUS_OK);
  g_assert_true (demo_is_null (admin_unlink->root, "enrich_datastore"));
  demo_assert_status (export, SOUP_STATUS_CONFLICT);
  demo_assert_validation (enrichment_source, "body.enrichment_datastore_id", "value_error");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, DemoFixture, NULL, demo_fixture_setup, func, demo_fixture_teardown)

  ADD ("/enrichment/link", test_link);
  ADD ("/enrichment/link-reference-example", test_link_reference_example);
  ADD ("/enrichment/link-errors", test_link_errors);
  ADD ("/enrichment/unlink", test_unlink);
  ADD ("/enrichment/unlink-active-export", test_unlink_active_export);
  ADD ("/enrichment/settings-examples", test_settings_examples);
  ADD ("/enrichment/limits", test_limits);
  ADD ("/enrichment/limits-on-create", test_limits_on_create);
  ADD ("/enrichment/prefix-normalization", test_prefix_normalization);
  ADD ("/enrichment/update-link", test_update_link);

  return g_test_run ();
}
