/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-demo-test-client.h"

#include <string.h>

/* Multi-schema creation, as docs/api.md describes it: discovery, validation and
 * non-atomic bulk creation, with the reference's examples. */

#define ADMIN STEWARD_DEMO_ROLE_ADMIN
#define MANAGER STEWARD_DEMO_ROLE_MANAGER
#define MEMBER STEWARD_DEMO_ROLE_MEMBER

#define SNOWFLAKE \
  "{\"name\": \"snowflake_production\", \"type\": \"snowflake\"," \
  " \"host\": \"acme.snowflakecomputing.com\", \"username\": \"qualytics_user\"," \
  " \"password\": \"your_password\"," \
  " \"parameters\": {\"role\": \"qualytics_read_role\", \"warehouse\": \"qualytics_wh\"}}"

static void
assert_strings (JsonNode           *array,
                const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (demo_get_length (array, ""), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%u", i);

      g_assert_cmpstr (demo_get_string (array, path), ==, expected[i]);
    }
}

static void
test_catalogs (DemoFixture   *f,
               gconstpointer  data)
{
  static const char *const catalogs[] = { "production_db", "staging_db", "analytics_db", NULL };
  g_autoptr(DemoResponse) inline_catalogs = demo_request (f, MANAGER, "POST",
                                                          "/connections/catalogs", SNOWFLAKE);
  g_autoptr(DemoResponse) existing = demo_request (f, MANAGER, "GET", "/connections/7/catalogs",
                                                   NULL);
  g_autoptr(DemoResponse) stored_snowflake = demo_request (f, MANAGER, "GET",
                                                           "/connections/5/catalogs", NULL);
  gboolean found = FALSE;

  demo_assert_status (inline_catalogs, SOUP_STATUS_OK);
  assert_strings (inline_catalogs->root, catalogs);

  demo_assert_status (existing, SOUP_STATUS_OK);
  for (guint i = 0; i < demo_get_length (existing->root, ""); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.name", i);
      g_autofree char *list = g_strdup_printf ("%u.existing_datastores", i);

      demo_get_length (existing->root, list);
      if (g_strcmp0 (demo_get_string (existing->root, name), "production_db") != 0)
        continue;
      found = TRUE;
      g_assert_cmpuint (demo_get_length (existing->root, list), ==, 2);
      g_assert_cmpint (demo_get_int (existing->root, "1.existing_datastores.0.id"), ==, 50);
      g_assert_cmpstr (demo_get_string (existing->root, "1.existing_datastores.0.name"), ==,
                       "prod_public");
    }
  g_assert_true (found);
  g_assert_cmpstr (demo_get_string (stored_snowflake->root, "2.name"), ==, "analytics_db");
  g_assert_cmpuint (demo_get_length (stored_snowflake->root, "2.existing_datastores"), ==, 4);
}

static void
test_schemas (DemoFixture   *f,
              gconstpointer  data)
{
  static const char *const schemas[] = { "public", "sales", "finance", "hr", "marketing", NULL };
  static const char *const analytics[] = { "raw", "staging", "curated", NULL };
  g_autoptr(DemoResponse) inline_schemas =
      demo_request (f, MANAGER, "POST", "/connections/schemas?catalog=production_db", SNOWFLAKE);
  g_autoptr(DemoResponse) existing = demo_request (f, MANAGER, "GET",
                                                   "/connections/7/schemas?catalog=production_db",
                                                   NULL);
  g_autoptr(DemoResponse) analytics_db =
      demo_request (f, MANAGER, "GET", "/connections/7/schemas?catalog=analytics_db", NULL);
  g_autoptr(DemoResponse) all = demo_request (f, MANAGER, "GET", "/connections/3/schemas", NULL);
  g_autoptr(DemoResponse) unknown = demo_request (f, MANAGER, "GET",
                                                  "/connections/7/schemas?catalog=nope", NULL);

  demo_assert_status (inline_schemas, SOUP_STATUS_OK);
  assert_strings (inline_schemas->root, schemas);

  /* The reference's annotated example. */
  demo_assert_status (existing, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (existing->root, ""), ==, 3);
  g_assert_cmpstr (demo_get_string (existing->root, "0.name"), ==, "public");
  g_assert_cmpuint (demo_get_length (existing->root, "0.existing_datastores"), ==, 1);
  g_assert_cmpint (demo_get_int (existing->root, "0.existing_datastores.0.id"), ==, 50);
  g_assert_cmpstr (demo_get_string (existing->root, "1.name"), ==, "sales");
  g_assert_cmpint (demo_get_int (existing->root, "1.existing_datastores.0.id"), ==, 60);
  g_assert_cmpstr (demo_get_string (existing->root, "1.existing_datastores.0.name"), ==,
                   "prod_sales");
  g_assert_cmpstr (demo_get_string (existing->root, "2.name"), ==, "finance");
  g_assert_cmpuint (demo_get_length (existing->root, "2.existing_datastores"), ==, 0);

  g_assert_cmpuint (demo_get_length (analytics_db->root, ""), ==, 3);
  for (guint i = 0; analytics[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%u.name", i);

      g_assert_cmpstr (demo_get_string (analytics_db->root, path), ==, analytics[i]);
    }

  /* Without a catalog: every catalog's schemas, each once. */
  g_assert_cmpuint (demo_get_length (all->root, ""), ==, 9);
  demo_assert_status (unknown, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (unknown->root, ""), ==, 0);
}

static void
test_discovery_errors (DemoFixture   *f,
                       gconstpointer  data)
{
  g_autoptr(DemoResponse) dfs_catalogs = demo_request (f, MANAGER, "GET",
                                                       "/connections/12/catalogs", NULL);
  g_autoptr(DemoResponse) dfs_schemas = demo_request (f, MANAGER, "GET",
                                                      "/connections/12/schemas", NULL);
  g_autoptr(DemoResponse) dfs_inline = demo_request (f, MANAGER, "POST", "/connections/catalogs",
                                                     "{\"type\": \"s3\", \"uri\": \"s3://b\"}");
  g_autoptr(DemoResponse) refused = demo_request (f, MANAGER, "GET", "/connections/9/catalogs",
                                                  NULL);
  g_autoptr(DemoResponse) invalid = demo_request (f, MANAGER, "POST", "/connections/schemas",
                                                  "{\"type\": \"postgresql\"}");
  g_autoptr(DemoResponse) missing = demo_request (f, MANAGER, "GET", "/connections/999/catalogs",
                                                  NULL);
  g_autoptr(DemoResponse) member = demo_request (f, MEMBER, "GET", "/connections/7/catalogs",
                                                 NULL);
  g_autoptr(DemoResponse) member_inline = demo_request (f, MEMBER, "POST",
                                                        "/connections/catalogs", SNOWFLAKE);

  demo_assert_detail (dfs_catalogs, SOUP_STATUS_CONFLICT,
                      "Catalog discovery is not supported for DFS connections");
  demo_assert_detail (dfs_schemas, SOUP_STATUS_CONFLICT,
                      "Schema discovery is not supported for DFS connections");
  demo_assert_status (dfs_inline, SOUP_STATUS_CONFLICT);
  demo_assert_status (refused, SOUP_STATUS_BAD_REQUEST);
  g_assert_cmpstr (demo_get_string (refused->root, "message"), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  demo_assert_validation (invalid, "body.host", "missing");
  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Connection id: 999 not found");
  demo_assert_detail (member, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");
  demo_assert_detail (member_inline, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");
}

static void
assert_validation_example (DemoResponse *response)
{
  demo_assert_status (response, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (response->root, "results"), ==, 3);
  g_assert_cmpstr (demo_get_string (response->root, "results.0.schema_name"), ==, "public");
  g_assert_cmpstr (demo_get_string (response->root, "results.0.status"), ==, "success");
  g_assert_false (demo_has (response->root, "results.0.message"));
  g_assert_cmpstr (demo_get_string (response->root, "results.1.schema_name"), ==, "sales");
  g_assert_cmpstr (demo_get_string (response->root, "results.1.status"), ==, "success");
  g_assert_cmpstr (demo_get_string (response->root, "results.2.schema_name"), ==, "finance");
  g_assert_cmpstr (demo_get_string (response->root, "results.2.status"), ==, "failure");
  g_assert_cmpstr (demo_get_string (response->root, "results.2.message"), ==,
                   "Permission denied for schema finance");
}

static void
test_validate_examples (DemoFixture   *f,
                        gconstpointer  data)
{
  g_autoptr(DemoResponse) inline_validate =
    demo_request (f, MANAGER, "POST", "/connections/datastores/validate",
                  "{\"connection\": " SNOWFLAKE ", \"database\": \"production_db\","
                  " \"schemas\": [\"public\", \"sales\", \"finance\"]}");
  g_autoptr(DemoResponse) stored_validate =
    demo_request (f, MANAGER, "POST", "/connections/7/datastores/validate",
                  "{\"database\": \"production_db\", \"schemas\": [\"public\", \"sales\","
                  " \"finance\"]}");
  g_autoptr(DemoResponse) unknown =
    demo_request (f, MANAGER, "POST", "/connections/7/datastores/validate",
                  "{\"database\": \"analytics_db\", \"schemas\": [\"raw\", \"gold\"]}");
  g_autoptr(DemoResponse) no_catalog =
    demo_request (f, MANAGER, "POST", "/connections/7/datastores/validate",
                  "{\"database\": \"nope\", \"schemas\": [\"raw\"]}");
  g_autoptr(DemoResponse) paths =
    demo_request (f, MANAGER, "POST", "/connections/12/datastores/validate",
                  "{\"root_paths\": [\"/raw/\", \"/denied/\"]}");

  assert_validation_example (inline_validate);
  assert_validation_example (stored_validate);
  g_assert_cmpstr (demo_get_string (unknown->root, "results.0.status"), ==, "success");
  g_assert_cmpstr (demo_get_string (unknown->root, "results.1.message"), ==,
                   "Schema 'gold' does not exist in database 'analytics_db'");
  g_assert_cmpstr (demo_get_string (no_catalog->root, "results.0.message"), ==,
                   "Database 'nope' does not exist");
  g_assert_cmpstr (demo_get_string (paths->root, "results.0.root_path"), ==, "/raw/");
  g_assert_cmpstr (demo_get_string (paths->root, "results.0.status"), ==, "success");
  g_assert_cmpstr (demo_get_string (paths->root, "results.1.status"), ==, "failure");
}

static char *
schema_list (guint n)
{
  GString *list = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s\"s%u\"", i > 0 ? ", " : "", i);
  g_string_append_c (list, ']');
  return g_string_free (list, FALSE);
}

static void
test_validate_rules (DemoFixture   *f,
                     gconstpointer  data)
{
  g_autofree char *fifty = schema_list (50);
  g_autofree char *fifty_one = schema_list (51);
  g_autofree char *body_50 = g_strdup_printf ("{\"schemas\": %s}", fifty);
  g_autofree char *body_51 = g_strdup_printf ("{\"schemas\": %s}", fifty_one);
  g_autoptr(DemoResponse) at_limit = demo_request (f, MANAGER, "POST",
                                                   "/connections/7/datastores/validate", body_50);
  g_autoptr(DemoResponse) over = demo_request (f, MANAGER, "POST",
                                               "/connections/7/datastores/validate", body_51);
  g_autoptr(DemoResponse) both = demo_request (f, MANAGER, "POST",
                                               "/connections/7/datastores/validate",
                                               "{\"schemas\": [\"a\"], \"root_paths\": [\"/b\"]}");
  g_autoptr(DemoResponse) neither = demo_request (f, MANAGER, "POST",
                                                  "/connections/7/datastores/validate", "{}");
  g_autoptr(DemoResponse) empty = demo_request (f, MANAGER, "POST",
                                                "/connections/7/datastores/validate",
                                                "{\"schemas\": []}");
  g_autoptr(DemoResponse) wrong_kind = demo_request (f, MANAGER, "POST",
                                                     "/connections/12/datastores/validate",
                                                     "{\"schemas\": [\"public\"]}");
  g_autoptr(DemoResponse) no_connection = demo_request (f, MANAGER, "POST",
                                                        "/connections/datastores/validate",
                                                        "{\"schemas\": [\"public\"]}");
  g_autoptr(DemoResponse) refused = demo_request (f, MANAGER, "POST",
                                                  "/connections/9/datastores/validate",
                                                  "{\"schemas\": [\"public\"]}");

  demo_assert_status (at_limit, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (at_limit->root, "results"), ==, 50);
  demo_assert_validation (over, "body.schemas", "too_long");
  demo_assert_validation (both, "body.root_paths", "value_error");
  demo_assert_validation (neither, "body.schemas", "missing");
  demo_assert_validation (empty, "body.schemas", "too_short");
  demo_assert_validation (wrong_kind, "body.schemas", "value_error");
  demo_assert_validation (no_connection, "body.connection", "missing");
  demo_assert_status (refused, SOUP_STATUS_BAD_REQUEST);
}

static guint
datastore_count (DemoFixture *f)
{
  g_autoptr(DemoResponse) list = demo_request (f, ADMIN, "GET", "/datastores?size=1", NULL);

  return demo_get_int (list->root, "total");
}

/* The reference's bulk example with a new connection: non-atomic, finance fails. */
static void
test_bulk_inline_example (DemoFixture   *f,
                          gconstpointer  data)
{
  guint before = datastore_count (f);
  g_autoptr(DemoResponse) bulk = demo_request (f, MANAGER, "POST", "/connections/datastores/bulk",
    "{\"connection\": " SNOWFLAKE ", \"database\": \"production_db\","
    " \"schemas\": [\"public\", \"sales\", \"finance\"], \"name_template\": \"prod_{{ schema }}\","
    " \"description\": \"Production Snowflake datastores\", \"teams\": [\"Data Platform\"],"
    " \"trigger_catalog\": true, \"enrichment_datastore_id\": 42,"
    " \"enrichment_source_record_limit\": 100, \"enrichment_remediation_strategy\": \"append\","
    " \"high_count_rollup_threshold\": 10, \"group_id\": 5,"
    " \"tags\": [\"production\", \"snowflake\"]}");
  g_autoptr(DemoResponse) first = NULL;
  g_autoptr(DemoResponse) operations = NULL;
  g_autoptr(DemoResponse) connections = NULL;

  demo_assert_status (bulk, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (bulk->root, "created"), ==, 2);
  g_assert_cmpuint (demo_get_length (bulk->root, "errors"), ==, 1);
  g_assert_cmpstr (demo_get_string (bulk->root, "errors.0.schema_name"), ==, "finance");
  g_assert_cmpstr (demo_get_string (bulk->root, "errors.0.error"), ==,
                   "Permission denied for schema finance");
  g_assert_cmpuint (datastore_count (f), ==, before + 2);

  first = demo_request_printf (f, ADMIN, "GET", NULL, "/datastores/%" G_GINT64_FORMAT,
                               demo_get_int (bulk->root, "created.0"));
  g_assert_cmpstr (demo_get_string (first->root, "name"), ==, "prod_public");
  g_assert_cmpstr (demo_get_string (first->root, "type"), ==, "snowflake");
  g_assert_cmpstr (demo_get_string (first->root, "database"), ==, "production_db");
  g_assert_cmpstr (demo_get_string (first->root, "schema"), ==, "public");
  g_assert_cmpstr (demo_get_string (first->root, "description"), ==,
                   "Production Snowflake datastores");
  g_assert_cmpstr (demo_get_string (first->root, "teams.0.name"), ==, "Data Platform");
  g_assert_cmpstr (demo_get_string (first->root, "global_tags.1.name"), ==, "snowflake");
  g_assert_cmpint (demo_get_int (first->root, "group.id"), ==, 5);
  g_assert_cmpint (demo_get_int (first->root, "enrich_datastore.id"), ==, 42);
  g_assert_cmpint (demo_get_int (first->root, "enrichment_source_record_limit"), ==, 100);
  g_assert_cmpstr (demo_get_string (first->root, "enrichment_remediation_strategy"), ==,
                   "append");
  g_assert_cmpstr (demo_get_string (first->root, "enrichment_prefix"), ==, "_prod_public");
  g_assert_cmpstr (demo_get_string (first->root, "connection.name"), ==, "snowflake_production");

  operations = demo_request (f, ADMIN, "GET", "/operations?size=100", NULL);
  g_assert_cmpint (demo_get_int (operations->root, "items.0.datastore_id"), ==,
                   demo_get_int (bulk->root, "created.1"));
  connections = demo_request (f, ADMIN, "GET", "/connections?name=snowflake_production", NULL);
  g_assert_cmpint (demo_get_int (connections->root, "total"), ==, 2);
}

/* The reference's bulk example on connection 7, and its PostgreSQL guide. */
static void
test_bulk_existing_examples (DemoFixture   *f,
                             gconstpointer  data)
{
  g_autoptr(DemoResponse) bulk = demo_request (f, MANAGER, "POST", "/connections/7/datastores/bulk",
    "{\"database\": \"production_db\", \"schemas\": [\"public\", \"sales\"],"
    " \"name_template\": \"prod_{{ schema }}\", \"teams\": [\"Data Platform\", \"Analytics\"],"
    " \"trigger_catalog\": true}");
  g_autoptr(DemoResponse) guide =
      demo_request (f, MANAGER, "POST", "/connections/7/datastores/bulk",
                    "{\"database\": \"analytics_db\", \"schemas\": [\"raw\", \"staging\", "
                    "\"curated\"],"
                    " \"name_template\": \"analytics_{{ schema }}\", \"teams\": [\"Analytics\"],"
                    " \"trigger_catalog\": true}");
  g_autoptr(DemoResponse) schemas = NULL;

  demo_assert_status (bulk, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (bulk->root, "created"), ==, 2);
  g_assert_cmpuint (demo_get_length (bulk->root, "errors"), ==, 0);
  g_assert_cmpint (demo_get_int (bulk->root, "created.1"), ==,
                   demo_get_int (bulk->root, "created.0") + 1);

  demo_assert_status (guide, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (guide->root, "created"), ==, 3);

  /* Step 3 of the guide: link enrichment to each new datastore. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("created.%u", i);
      g_autoptr(DemoResponse) link = demo_request_printf (f, MANAGER, "PATCH", NULL,
                                                          "/datastores/%" G_GINT64_FORMAT
                                                          "/enrichment/42",
                                                          demo_get_int (guide->root, path));

      demo_assert_status (link, SOUP_STATUS_OK);
      g_assert_cmpint (demo_get_int (link->root, "enrich_datastore.id"), ==, 42);
    }

  /* Discovery now shows them. */
  schemas = demo_request (f, MANAGER, "GET", "/connections/7/schemas?catalog=production_db",
                          NULL);
  g_assert_cmpuint (demo_get_length (schemas->root, "0.existing_datastores"), ==, 2);
  g_assert_cmpstr (demo_get_string (schemas->root, "0.existing_datastores.1.name"), ==,
                   "prod_public");
}

static void
test_bulk_rules (DemoFixture   *f,
                 gconstpointer  data)
{
  g_autofree char *before = demo_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(DemoResponse) template = demo_request (f, MANAGER, "POST",
                                                   "/connections/7/datastores/bulk",
                                                   "{\"schemas\": [\"public\"],"
                                                   " \"name_template\": \"prod_{schema}\"}");
  g_autoptr(DemoResponse) groups = demo_request (f, MANAGER, "POST",
                                                 "/connections/7/datastores/bulk",
                                                 "{\"schemas\": [\"public\"], \"group_id\": 1,"
                                                 " \"group\": {\"name\": \"New\"}}");
  g_autoptr(DemoResponse) both = demo_request (f, MANAGER, "POST",
                                               "/connections/7/datastores/bulk",
                                               "{\"schemas\": [\"public\"],"
                                               " \"root_paths\": [\"/x/\"]}");
  g_autoptr(DemoResponse) limit = demo_request (f, MANAGER, "POST",
                                                "/connections/7/datastores/bulk",
                                                "{\"schemas\": [\"public\"],"
                                                " \"high_count_rollup_threshold\": 1001}");
  g_autoptr(DemoResponse) no_group = demo_request (f, MANAGER, "POST",
                                                   "/connections/7/datastores/bulk",
                                                   "{\"schemas\": [\"public\"], \"group_id\": 99}");
  g_autoptr(DemoResponse) taken = demo_request (f, MANAGER, "POST",
                                                "/connections/7/datastores/bulk",
                                                "{\"schemas\": [\"public\"],"
                                                " \"group\": {\"name\": \"GOLD TIER\"}}");
  g_autoptr(DemoResponse) no_enrichment = demo_request (f, MANAGER, "POST",
                                                        "/connections/7/datastores/bulk",
                                                        "{\"schemas\": [\"public\"],"
                                                        " \"enrichment_datastore_id\": 999}");
  g_autoptr(DemoResponse) refused = demo_request (f, MANAGER, "POST",
                                                  "/connections/datastores/bulk",
                                                  "{\"connection\": {\"type\": \"postgresql\","
                                                  " \"host\": \"refused.acme-corp.com\"},"
                                                  " \"schemas\": [\"public\"]}");
  g_autoptr(DemoResponse) member = demo_request (f, MEMBER, "POST",
                                                 "/connections/7/datastores/bulk",
                                                 "{\"schemas\": [\"public\"]}");
  g_autoptr(DemoResponse) missing = demo_request (f, MANAGER, "POST",
                                                  "/connections/999/datastores/bulk",
                                                  "{\"schemas\": [\"public\"]}");

  demo_assert_validation (template, "body.name_template", "value_error");
  demo_assert_validation (groups, "body.group", "value_error");
  demo_assert_validation (both, "body.root_paths", "value_error");
  demo_assert_validation (limit, "body.high_count_rollup_threshold", "less_than_equal");
  demo_assert_detail (no_group, SOUP_STATUS_NOT_FOUND, "Datastore group id: 99 not found");
  demo_assert_detail (taken, SOUP_STATUS_CONFLICT,
                      "Datastore group name: 'GOLD TIER' already exists");
  demo_assert_detail (no_enrichment, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
  demo_assert_status (refused, SOUP_STATUS_BAD_REQUEST);
  g_assert_cmpstr (demo_get_string (refused->root, "message"), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  demo_assert_detail (member, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");
  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Connection id: 999 not found");

  /* None of these created anything, not even the refused inline connection. */
  after = demo_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bulk_defaults (DemoFixture   *f,
                    gconstpointer  data)
{
  g_autoptr(DemoResponse) bulk = demo_request (f, MANAGER, "POST", "/connections/3/datastores/bulk",
                                               "{\"database\": \"crm\", \"schemas\": [\"leads\","
                                               " \"accounts\", \"nope\"],"
                                               " \"group\": {\"name\": \"CRM\","
                                               " \"icon\": \"mdi-folder-outline\"}}");
  g_autoptr(DemoResponse) first = NULL;
  g_autoptr(DemoResponse) second = NULL;
  g_autoptr(DemoResponse) operations = NULL;

  demo_assert_status (bulk, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (bulk->root, "created"), ==, 2);
  g_assert_cmpstr (demo_get_string (bulk->root, "errors.0.schema_name"), ==, "nope");
  g_assert_cmpstr (demo_get_string (bulk->root, "errors.0.error"), ==,
                   "Schema 'nope' does not exist in database 'crm'");

  /* The default template is {connection_name}_{{ schema }}; the inline group is made once. */
  first = demo_request_printf (f, ADMIN, "GET", NULL, "/datastores/%" G_GINT64_FORMAT,
                               demo_get_int (bulk->root, "created.0"));
  second = demo_request_printf (f, ADMIN, "GET", NULL, "/datastores/%" G_GINT64_FORMAT,
                                demo_get_int (bulk->root, "created.1"));
  g_assert_cmpstr (demo_get_string (first->root, "name"), ==, "mysql_orders_leads");
  g_assert_cmpstr (demo_get_string (first->root, "group.name"), ==, "CRM");
  g_assert_cmpint (demo_get_int (first->root, "group.id"), ==,
                   demo_get_int (second->root, "group.id"));
  g_assert_cmpstr (demo_get_string (first->root, "enrichment_remediation_strategy"), ==, "none");
  /* No trigger_catalog: no sync. */
  operations = demo_request_printf (f, ADMIN, "GET", NULL, "/operations?datastore=%"
                                    G_GINT64_FORMAT, demo_get_int (bulk->root, "created.0"));
  g_assert_cmpint (demo_get_int (operations->root, "total"), ==, 0);
}

static void
test_bulk_root_paths (DemoFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(DemoResponse) bulk = demo_request (f, MANAGER, "POST",
                                               "/connections/12/datastores/bulk",
                                               "{\"root_paths\": [\"/raw/orders/\","
                                               " \"/denied/area/\"],"
                                               " \"name_template\": \"lake_{{ schema }}\","
                                               " \"trigger_sync\": true}");
  g_autoptr(DemoResponse) created = NULL;
  g_autoptr(DemoResponse) jdbc = demo_request (f, MANAGER, "POST",
                                               "/connections/12/datastores/bulk",
                                               "{\"schemas\": [\"public\"]}");

  demo_assert_status (bulk, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (bulk->root, "created"), ==, 1);
  g_assert_cmpstr (demo_get_string (bulk->root, "errors.0.root_path"), ==, "/denied/area/");
  g_assert_cmpstr (demo_get_string (bulk->root, "errors.0.error"), ==,
                   "Access Denied: the credentials cannot read s3://acme-data-lake/denied/area/");
  created = demo_request_printf (f, ADMIN, "GET", NULL, "/datastores/%" G_GINT64_FORMAT,
                                 demo_get_int (bulk->root, "created.0"));
  g_assert_cmpstr (demo_get_string (created->root, "name"), ==, "lake_raw_orders");
  g_assert_cmpstr (demo_get_string (created->root, "root_path"), ==, "/raw/orders/");
  g_assert_cmpstr (demo_get_string (created->root, "store_type"), ==, "dfs");
  demo_assert_validation (jdbc, "body.schemas", "value_error");
}

#define WAREHOUSE \
  "{\"name\": \"tenant_warehouse\", \"type\": \"postgresql\"," \
  " \"host\": \"warehouse.acme-corp.com\", \"username\": \"qualytics\"," \
  " \"password\": \"demo\"}"

/* The warehouse host holds a catalog of 152 schemas, for onboarding at scale. */
static void
test_many_schemas (DemoFixture   *f,
                   gconstpointer  data)
{
  g_autoptr(DemoResponse) catalogs = demo_request (f, MANAGER, "POST", "/connections/catalogs",
                                                   WAREHOUSE);
  g_autoptr(DemoResponse) schemas = demo_request (f, MANAGER, "POST",
                                                  "/connections/schemas?catalog=tenants",
                                                  WAREHOUSE);
  g_autoptr(DemoResponse) validate = demo_request (f, MANAGER, "POST",
                                                   "/connections/datastores/validate",
                                                   "{\"connection\": " WAREHOUSE ","
                                                   " \"database\": \"tenants\","
                                                   " \"schemas\": [\"tenant_150\", \"finance\","
                                                   " \"tenant_151\"]}");

  demo_assert_status (catalogs, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (catalogs->root, "0"), ==, "tenants");
  demo_assert_status (schemas, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (schemas->root, ""), ==, 152);
  g_assert_cmpstr (demo_get_string (schemas->root, "0"), ==, "public");
  g_assert_cmpstr (demo_get_string (schemas->root, "2"), ==, "tenant_001");
  g_assert_cmpstr (demo_get_string (schemas->root, "151"), ==, "tenant_150");

  demo_assert_status (validate, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (validate->root, "results.0.status"), ==, "success");
  g_assert_cmpstr (demo_get_string (validate->root, "results.1.message"), ==,
                   "Permission denied for schema finance");
  g_assert_cmpstr (demo_get_string (validate->root, "results.2.message"), ==,
                   "Schema 'tenant_151' does not exist in database 'tenants'");
}

/* A test can make chosen schemas fail a bulk creation a number of times; the rest of the request
 * is still created, and validation is not affected. */
static void
test_bulk_injected_failures (DemoFixture   *f,
                             gconstpointer  data)
{
  const char *body = "{\"database\": \"production\", \"schemas\": [\"public\", \"inventory\"],"
                     " \"name_template\": \"injected_{{ schema }}\"}";
  guint before = datastore_count (f);
  g_autoptr(DemoResponse) validate = NULL;
  g_autoptr(DemoResponse) first = NULL;
  g_autoptr(DemoResponse) second = NULL;

  steward_demo_server_fail_bulk_target (f->server, "inventory", "Lock wait timeout exceeded", 1);
  validate = demo_request (f, MANAGER, "POST", "/connections/7/datastores/validate",
                           "{\"database\": \"production\", \"schemas\": [\"inventory\"]}");
  g_assert_cmpstr (demo_get_string (validate->root, "results.0.status"), ==, "success");

  first = demo_request (f, MANAGER, "POST", "/connections/7/datastores/bulk", body);
  demo_assert_status (first, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (first->root, "created"), ==, 1);
  g_assert_cmpstr (demo_get_string (first->root, "errors.0.schema_name"), ==, "inventory");
  g_assert_cmpstr (demo_get_string (first->root, "errors.0.error"), ==,
                   "Lock wait timeout exceeded");
  g_assert_cmpuint (datastore_count (f), ==, before + 1);

  /* Once only: the next request creates it. */
  second = demo_request (f, MANAGER, "POST", "/connections/7/datastores/bulk",
                         "{\"database\": \"production\", \"schemas\": [\"inventory\"]}");
  g_assert_cmpuint (demo_get_length (second->root, "created"), ==, 1);
  g_assert_cmpuint (demo_get_length (second->root, "errors"), ==, 0);
  g_assert_cmpuint (datastore_count (f), ==, before + 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, DemoFixture, NULL, demo_fixture_setup, func, demo_fixture_teardown)

  ADD ("/discovery/catalogs", test_catalogs);
  ADD ("/discovery/schemas", test_schemas);
  ADD ("/discovery/errors", test_discovery_errors);
  ADD ("/discovery/validate-examples", test_validate_examples);
  ADD ("/discovery/validate-rules", test_validate_rules);
  ADD ("/discovery/bulk-inline-example", test_bulk_inline_example);
  ADD ("/discovery/bulk-existing-examples", test_bulk_existing_examples);
  ADD ("/discovery/bulk-rules", test_bulk_rules);
  ADD ("/discovery/bulk-defaults", test_bulk_defaults);
  ADD ("/discovery/bulk-root-paths", test_bulk_root_paths);
  ADD ("/discovery/many-schemas", test_many_schemas);
  ADD ("/discovery/bulk-injected-failures", test_bulk_injected_failures);

  return g_test_run ();
}
