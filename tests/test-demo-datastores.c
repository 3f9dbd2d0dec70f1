/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-demo-test-client.h"

#include <string.h>

/* Datastores, as docs/api.md describes them: create, get, list, update, delete,
 * favorite, and a 10,000-datastore list read page by page. */

#define ADMIN STEWARD_DEMO_ROLE_ADMIN
#define MANAGER STEWARD_DEMO_ROLE_MANAGER
#define MEMBER STEWARD_DEMO_ROLE_MEMBER

#define SOURCE_DATASTORES 22

static char *
repeat (char  c,
        guint n)
{
  char *text = g_malloc (n + 1);

  memset (text, c, n);
  text[n] = '\0';
  return text;
}

static gboolean
has_name (JsonNode   *root,
          const char *path,
          const char *name)
{
  for (guint i = 0; i < demo_get_length (root, path); i++)
    {
      g_autofree char *item = *path != '\0' ? g_strdup_printf ("%s.%u.name", path, i)
                                            : g_strdup_printf ("%u.name", i);

      if (g_strcmp0 (demo_get_string (root, item), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every documented member of the full datastore object. */
static void
assert_full_shape (JsonNode *datastore)
{
  static const char *const members[] = {
    "id", "name", "type", "store_type", "database", "schema", "root_path",
    "folder_globbing_enabled", "connected", "favorite", "enrichment_only", "description",
    "created", "updated", "connection", "teams", "global_tags", "group", "metrics",
    "enrichment_prefix", "enrichment_source_record_limit", "enrichment_remediation_strategy",
    "high_count_rollup_threshold", "enrich_datastore",
  };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (!demo_has (datastore, members[i]))
      g_error ("The datastore has no \"%s\"", members[i]);

  demo_get_int (datastore, "connection.id");
  demo_get_string (datastore, "connection.name");
  demo_get_string (datastore, "connection.type");
  demo_get_int (datastore, "metrics.containers");
  demo_get_int (datastore, "metrics.records");
  demo_get_int (datastore, "metrics.fields_profiled");
  demo_get_int (datastore, "metrics.active_checks");
  demo_get_int (datastore, "metrics.active_anomalies");
}

/* GET /datastores/42 is the reference's example answer, member for member. */
static void
test_get_example (DemoFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(DemoResponse) get = demo_request (f, MEMBER, "GET", "/datastores/42", NULL);
  JsonNode *r = get->root;

  demo_assert_status (get, SOUP_STATUS_OK);
  assert_full_shape (r);
  g_assert_cmpint (demo_get_int (r, "id"), ==, 42);
  g_assert_cmpstr (demo_get_string (r, "name"), ==, "Production Sales");
  g_assert_cmpstr (demo_get_string (r, "type"), ==, "postgresql");
  g_assert_cmpstr (demo_get_string (r, "store_type"), ==, "jdbc");
  g_assert_cmpstr (demo_get_string (r, "database"), ==, "production");
  g_assert_cmpstr (demo_get_string (r, "schema"), ==, "sales");
  g_assert_true (demo_get_bool (r, "connected"));
  g_assert_false (demo_get_bool (r, "favorite"));
  g_assert_false (demo_get_bool (r, "enrichment_only"));
  g_assert_true (demo_is_null (r, "description"));
  g_assert_cmpstr (demo_get_string (r, "created"), ==, "2026-03-31T14:30:00.000000Z");
  g_assert_cmpstr (demo_get_string (r, "updated"), ==, "2026-03-31T14:30:00.000000Z");
  g_assert_cmpint (demo_get_int (r, "connection.id"), ==, 7);
  g_assert_cmpstr (demo_get_string (r, "connection.name"), ==, "postgres_production");
  g_assert_cmpstr (demo_get_string (r, "connection.type"), ==, "postgresql");
  g_assert_cmpuint (demo_get_length (r, "teams"), ==, 2);
  g_assert_cmpstr (demo_get_string (r, "teams.0.name"), ==, "Data Platform");
  g_assert_cmpstr (demo_get_string (r, "teams.1.name"), ==, "Analytics");
  g_assert_cmpuint (demo_get_length (r, "global_tags"), ==, 2);
  g_assert_cmpstr (demo_get_string (r, "global_tags.0.name"), ==, "production");
  g_assert_cmpstr (demo_get_string (r, "global_tags.1.name"), ==, "postgresql");
  g_assert_cmpint (demo_get_int (r, "metrics.containers"), ==, 12);
  g_assert_cmpint (demo_get_int (r, "metrics.records"), ==, 1850000);
  g_assert_cmpint (demo_get_int (r, "metrics.fields_profiled"), ==, 87);
  g_assert_cmpint (demo_get_int (r, "metrics.active_checks"), ==, 145);
  g_assert_cmpint (demo_get_int (r, "metrics.active_anomalies"), ==, 3);
  g_assert_true (demo_is_null (r, "enrich_datastore"));
  g_assert_cmpstr (demo_get_string (r, "enrichment_prefix"), ==, "_production_sales");
}

static void
test_get_not_found (DemoFixture   *f,
                    gconstpointer  data)
{
  g_autoptr(DemoResponse) get = demo_request (f, MEMBER, "GET", "/datastores/999", NULL);
  g_autoptr(DemoResponse) enrichment = demo_request (f, MEMBER, "GET", "/datastores/100", NULL);

  demo_assert_detail (get, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
  /* Enrichment-only datastores are hidden from lists, not from GET. */
  demo_assert_status (enrichment, SOUP_STATUS_OK);
  g_assert_true (demo_get_bool (enrichment->root, "enrichment_only"));
}

static guint
count_connections_named (DemoFixture *f,
                         const char  *name)
{
  g_autoptr(DemoResponse) list = demo_request_printf (f, ADMIN, "GET", NULL,
                                                      "/connections?name=%s", name);

  demo_assert_status (list, SOUP_STATUS_OK);
  return demo_get_int (list->root, "total");
}

/* The reference's four create examples. */
static void
test_create_examples (DemoFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(DemoResponse) jdbc_new = demo_request (f, MANAGER, "POST", "/datastores",
    "{\"name\": \"Production Sales\","
    " \"connection\": {\"name\": \"postgres_production\", \"type\": \"postgresql\","
    "   \"host\": \"db.acme-corp.com\", \"port\": 5432, \"username\": \"qualytics_reader\","
    "   \"password\": \"s3cur3_p4ssw0rd\", \"parameters\": {}},"
    " \"database\": \"production\", \"schema\": \"sales\","
    " \"teams\": [\"Data Platform\", \"Analytics\"], \"tags\": [\"production\", \"postgresql\"],"
    " \"trigger_catalog\": true}");
  g_autoptr(DemoResponse) jdbc_existing = demo_request (f, MANAGER, "POST", "/datastores",
    "{\"name\": \"Production Finance\", \"connection_id\": 7, \"database\": \"production\","
    " \"schema\": \"finance\", \"teams\": [\"Finance Team\"], \"trigger_catalog\": true}");
  g_autoptr(DemoResponse) dfs_existing = demo_request (f, MANAGER, "POST", "/datastores",
    "{\"name\": \"Processed Events S3\", \"connection_id\": 12,"
    " \"root_path\": \"/processed/events/2026/\", \"teams\": [\"Data Engineering\"],"
    " \"trigger_catalog\": true}");
  g_autoptr(DemoResponse) dfs_new = demo_request (f, MANAGER, "POST", "/datastores",
    "{\"name\": \"Raw Events S3\", \"connection\": {\"name\": \"s3_data_lake\", \"type\": \"s3\","
    "   \"uri\": \"s3://acme-data-lake\", \"access_key\": \"AKIAIOSFODNN7EXAMPLE\","
    "   \"secret_key\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE\"},"
    " \"root_path\": \"/raw/events/2026/\", \"teams\": [\"Data Engineering\"],"
    " \"trigger_catalog\": true}");
  g_autoptr(DemoResponse) get = NULL;
  g_autoptr(DemoResponse) operations = NULL;

  demo_assert_status (jdbc_new, SOUP_STATUS_CREATED);
  assert_full_shape (jdbc_new->root);
  g_assert_cmpstr (demo_get_string (jdbc_new->root, "name"), ==, "Production Sales");
  g_assert_cmpstr (demo_get_string (jdbc_new->root, "type"), ==, "postgresql");
  g_assert_cmpstr (demo_get_string (jdbc_new->root, "store_type"), ==, "jdbc");
  g_assert_cmpstr (demo_get_string (jdbc_new->root, "database"), ==, "production");
  g_assert_cmpstr (demo_get_string (jdbc_new->root, "schema"), ==, "sales");
  g_assert_true (demo_get_bool (jdbc_new->root, "connected"));
  g_assert_false (demo_get_bool (jdbc_new->root, "favorite"));
  g_assert_false (demo_get_bool (jdbc_new->root, "enrichment_only"));
  g_assert_true (g_str_has_suffix (demo_get_string (jdbc_new->root, "created"), "Z"));
  g_assert_cmpstr (demo_get_string (jdbc_new->root, "teams.0.name"), ==, "Data Platform");
  g_assert_cmpstr (demo_get_string (jdbc_new->root, "teams.1.name"), ==, "Analytics");
  g_assert_cmpstr (demo_get_string (jdbc_new->root, "global_tags.0.name"), ==, "production");
  g_assert_cmpstr (demo_get_string (jdbc_new->root, "global_tags.1.name"), ==, "postgresql");
  /* The new datastore's id continues after the seed's highest. */
  g_assert_cmpint (demo_get_int (jdbc_new->root, "id"), >, 110);
  /* Connection names are not unique: the example's reuses the seeded connection's. */
  g_assert_cmpint (demo_get_int (jdbc_new->root, "connection.id"), !=, 7);
  g_assert_cmpuint (count_connections_named (f, "postgres_production"), ==, 2);

  demo_assert_status (jdbc_existing, SOUP_STATUS_CREATED);
  g_assert_cmpstr (demo_get_string (jdbc_existing->root, "name"), ==, "Production Finance");
  g_assert_cmpstr (demo_get_string (jdbc_existing->root, "type"), ==, "postgresql");
  g_assert_cmpstr (demo_get_string (jdbc_existing->root, "store_type"), ==, "jdbc");
  g_assert_cmpstr (demo_get_string (jdbc_existing->root, "schema"), ==, "finance");
  g_assert_true (demo_get_bool (jdbc_existing->root, "connected"));
  g_assert_cmpint (demo_get_int (jdbc_existing->root, "connection.id"), ==, 7);

  demo_assert_status (dfs_existing, SOUP_STATUS_CREATED);
  g_assert_cmpstr (demo_get_string (dfs_existing->root, "type"), ==, "s3");
  g_assert_cmpstr (demo_get_string (dfs_existing->root, "store_type"), ==, "dfs");
  g_assert_cmpstr (demo_get_string (dfs_existing->root, "root_path"), ==,
                   "/processed/events/2026/");
  g_assert_true (demo_is_null (dfs_existing->root, "database"));
  g_assert_true (demo_get_bool (dfs_existing->root, "connected"));

  demo_assert_status (dfs_new, SOUP_STATUS_CREATED);
  g_assert_cmpstr (demo_get_string (dfs_new->root, "name"), ==, "Raw Events S3");
  g_assert_cmpstr (demo_get_string (dfs_new->root, "type"), ==, "s3");
  g_assert_cmpstr (demo_get_string (dfs_new->root, "store_type"), ==, "dfs");
  g_assert_cmpstr (demo_get_string (dfs_new->root, "root_path"), ==, "/raw/events/2026/");
  g_assert_true (demo_get_bool (dfs_new->root, "connected"));

  /* What was created can be read back, and trigger_catalog started a sync for each. */
  get = demo_request_printf (f, MEMBER, "GET", NULL, "/datastores/%" G_GINT64_FORMAT,
                             demo_get_int (dfs_new->root, "id"));
  demo_assert_status (get, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (get->root, "connection.name"), ==, "s3_data_lake");
  operations = demo_request_printf (f, MEMBER, "GET", NULL, "/operations?datastore=%"
                                    G_GINT64_FORMAT "&datastore=%" G_GINT64_FORMAT,
                                    demo_get_int (jdbc_new->root, "id"),
                                    demo_get_int (dfs_new->root, "id"));
  g_assert_cmpint (demo_get_int (operations->root, "total"), ==, 2);
  g_assert_cmpstr (demo_get_string (operations->root, "items.0.type"), ==, "sync");
}

static void
test_create_options (DemoFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(DemoResponse) grouped = demo_request (f, MANAGER, "POST", "/datastores",
    "{\"name\": \"Grouped\", \"connection_id\": 5, \"database\": \"staging_db\","
    " \"schema\": \"hr\", \"group\": {\"name\": \"People\", \"icon\": \"mdi-shape-outline\"},"
    " \"description\": \"HR staging\", \"tags\": [\"pii\", \"pii\", \"staging\"]}");
  g_autoptr(DemoResponse) by_id = demo_request (f, MANAGER, "POST", "/datastores",
    "{\"name\": \"By id\", \"connection_id\": 12, \"root_path\": \"/x/\","
    " \"folder_globbing_enabled\": true, \"group_id\": 5}");
  g_autoptr(DemoResponse) enriched = demo_request (f, MANAGER, "POST", "/datastores",
    "{\"name\": \"Enriched Store\", \"connection_id\": 7, \"enrichment_datastore_id\": 100,"
    " \"enrichment_source_record_limit\": 1000000000, \"enrichment_remediation_strategy\":"
    " \"overwrite\", \"high_count_rollup_threshold\": 1000}");
  g_autoptr(DemoResponse) old_names = demo_request (f, MANAGER, "POST", "/datastores",
    "{\"name\": \"Old Names\", \"connection_id\": 7, \"enrich_only\": true,"
    " \"enrich_container_prefix\": \"Legacy Prefix\", \"trigger_sync\": true}");
  g_autoptr(DemoResponse) refused = demo_request (f, MANAGER, "POST", "/datastores",
    "{\"name\": \"Unreachable\", \"connection\": {\"type\": \"mysql\","
    " \"host\": \"refused.acme-corp.com\"}}");
  g_autoptr(DemoResponse) groups = demo_request (f, MEMBER, "GET", "/datastore-groups", NULL);
  g_autoptr(DemoResponse) operations = NULL;
  g_autoptr(DemoResponse) connection = NULL;

  demo_assert_status (grouped, SOUP_STATUS_CREATED);
  g_assert_cmpstr (demo_get_string (grouped->root, "group.name"), ==, "People");
  g_assert_cmpstr (demo_get_string (grouped->root, "group.icon"), ==, "mdi-shape-outline");
  g_assert_cmpstr (demo_get_string (grouped->root, "description"), ==, "HR staging");
  g_assert_cmpuint (demo_get_length (grouped->root, "global_tags"), ==, 2);
  g_assert_true (has_name (groups->root, "", "People"));

  demo_assert_status (by_id, SOUP_STATUS_CREATED);
  g_assert_cmpint (demo_get_int (by_id->root, "group.id"), ==, 5);
  g_assert_true (demo_get_bool (by_id->root, "folder_globbing_enabled"));

  demo_assert_status (enriched, SOUP_STATUS_CREATED);
  g_assert_cmpint (demo_get_int (enriched->root, "enrich_datastore.id"), ==, 100);
  g_assert_cmpint (demo_get_int (enriched->root, "enrichment_source_record_limit"), ==,
                   1000000000);
  g_assert_cmpstr (demo_get_string (enriched->root, "enrichment_remediation_strategy"), ==,
                   "overwrite");
  g_assert_cmpint (demo_get_int (enriched->root, "high_count_rollup_threshold"), ==, 1000);
  g_assert_cmpstr (demo_get_string (enriched->root, "enrichment_prefix"), ==, "_enriched_store");

  /* The older field names, and trigger_sync for trigger_catalog. */
  demo_assert_status (old_names, SOUP_STATUS_CREATED);
  g_assert_true (demo_get_bool (old_names->root, "enrichment_only"));
  g_assert_cmpstr (demo_get_string (old_names->root, "enrichment_prefix"), ==, "_legacy_prefix");
  operations = demo_request_printf (f, MEMBER, "GET", NULL, "/operations?datastore=%"
                                    G_GINT64_FORMAT, demo_get_int (old_names->root, "id"));
  g_assert_cmpint (demo_get_int (operations->root, "total"), ==, 1);

  /* A connection that fails its test still makes a datastore, flagged as not connected. */
  demo_assert_status (refused, SOUP_STATUS_CREATED);
  g_assert_false (demo_get_bool (refused->root, "connected"));
  connection = demo_request_printf (f, ADMIN, "GET", NULL, "/connections/%" G_GINT64_FORMAT,
                                    demo_get_int (refused->root, "connection.id"));
  g_assert_cmpstr (demo_get_string (connection->root, "name"), ==, "Unreachable");
}

static void
test_create_validation (DemoFixture   *f,
                        gconstpointer  data)
{
  g_autofree char *name_256 = repeat ('n', 256);
  g_autofree char *description_256 = repeat ('d', 256);
  g_autofree char *long_name = g_strdup_printf ("{\"name\": \"%s\", \"connection_id\": 7}",
                                                name_256);
  g_autofree char *long_description =
    g_strdup_printf ("{\"name\": \"D\", \"connection_id\": 7, \"description\": \"%s\"}",
                     description_256);
  const struct
  {
    const char *body;
    const char *loc;
    const char *type;
  } cases[] = {
    { "{}", "body.name", "missing" },
    { "{}", "body.connection", "missing" },
    { "{\"name\": \"\", \"connection_id\": 7}", "body.name", "string_too_short" },
    { long_name, "body.name", "string_too_long" },
    { long_description, "body.description", "string_too_long" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"connection\": {\"type\": \"postgresql\","
      " \"host\": \"h\"}}", "body.connection_id", "value_error" },
    { "{\"name\": \"X\", \"connection_id\": 12}", "body.root_path", "missing" },
    { "{\"name\": \"X\", \"connection_id\": 12, \"root_path\": \"/a/\", \"database\": \"d\"}",
      "body.database", "value_error" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"root_path\": \"/a/\"}", "body.root_path",
      "value_error" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"folder_globbing_enabled\": true}",
      "body.folder_globbing_enabled", "value_error" },
    { "{\"name\": \"X\", \"connection\": {\"host\": \"h\"}}", "body.connection.type", "missing" },
    { "{\"name\": \"X\", \"connection\": {\"type\": \"oracle9\"}}", "body.connection.type",
      "enum" },
    { "{\"name\": \"X\", \"connection\": {\"type\": \"postgresql\"}}", "body.connection.host",
      "missing" },
    { "{\"name\": \"X\", \"connection\": {\"type\": \"s3\"}, \"root_path\": \"/\"}",
      "body.connection.uri", "missing" },
    { "{\"name\": \"X\", \"connection\": {\"type\": \"postgresql\", \"host\": \"h\","
      " \"port\": 70000}}", "body.connection.port", "less_than_equal" },
    { "{\"name\": \"X\", \"connection\": \"postgres_production\"}", "body.connection",
      "model_attributes_type" },
    { "{\"name\": \"X\", \"connection_id\": \"7\"}", "body.connection_id", "int_type" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"teams\": \"Analytics\"}", "body.teams",
      "list_type" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"tags\": [\"ok\", 1]}", "body.tags.1",
      "string_type" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"group_id\": 1, \"group\": {\"name\": \"G\"}}",
      "body.group", "value_error" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"group\": {\"icon\": \"mdi-folder-outline\"}}",
      "body.group.name", "missing" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"trigger_catalog\": \"yes\"}",
      "body.trigger_catalog", "bool_type" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"enrichment_only\": true,"
      " \"enrichment_datastore_id\": 100}", "body.enrichment_datastore_id", "value_error" },
    { "{\"name\": \"X\", \"connection_id\": 7, \"enrichment_source_record_limit\": 0}",
      "body.enrichment_source_record_limit", "greater_than_equal" },
  };
  g_autofree char *before = demo_snapshot (f);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DemoResponse) response = demo_request (f, ADMIN, "POST", "/datastores",
                                                       cases[i].body);

      demo_assert_validation (response, cases[i].loc, cases[i].type);
    }

  after = demo_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_create_limits (DemoFixture   *f,
                    gconstpointer  data)
{
  g_autofree char *name_255 = repeat ('n', 255);
  g_autofree char *description_255 = repeat ('d', 255);
  g_autofree char *body = g_strdup_printf ("{\"name\": \"%s\", \"connection_id\": 7,"
                                           " \"description\": \"%s\"}", name_255,
                                           description_255);
  g_autoptr(DemoResponse) longest = demo_request (f, ADMIN, "POST", "/datastores", body);
  g_autoptr(DemoResponse) shortest = demo_request (f, ADMIN, "POST", "/datastores",
                                                   "{\"name\": \"n\", \"connection_id\": 7}");

  demo_assert_status (longest, SOUP_STATUS_CREATED);
  g_assert_cmpstr (demo_get_string (longest->root, "name"), ==, name_255);
  g_assert_cmpstr (demo_get_string (longest->root, "description"), ==, description_255);
  /* The prefix made from a long name stops at 60 characters. */
  g_assert_cmpuint (strlen (demo_get_string (longest->root, "enrichment_prefix")), ==, 60);
  demo_assert_status (shortest, SOUP_STATUS_CREATED);
}

static void
test_create_references (DemoFixture   *f,
                        gconstpointer  data)
{
  g_autofree char *before = demo_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(DemoResponse) connection = demo_request (f, ADMIN, "POST", "/datastores",
                                                     "{\"name\": \"X\", \"connection_id\": 999}");
  g_autoptr(DemoResponse) group = demo_request (f, ADMIN, "POST", "/datastores",
                                                "{\"name\": \"X\", \"connection_id\": 7,"
                                                " \"group_id\": 999}");
  g_autoptr(DemoResponse) enrichment = demo_request (f, ADMIN, "POST", "/datastores",
                                                     "{\"name\": \"X\", \"connection_id\": 7,"
                                                     " \"enrichment_datastore_id\": 999}");
  /* The inline connection is not created when the request fails later. */
  g_autoptr(DemoResponse) taken = demo_request (f, ADMIN, "POST", "/datastores",
                                                "{\"name\": \"X\", \"connection\": {\"type\":"
                                                " \"postgresql\", \"host\": \"h\"},"
                                                " \"group\": {\"name\": \"analytics\"}}");
  g_autoptr(DemoResponse) member = demo_request (f, MEMBER, "POST", "/datastores",
                                                 "{\"name\": \"X\", \"connection_id\": 7}");

  demo_assert_detail (connection, SOUP_STATUS_NOT_FOUND, "Connection id: 999 not found");
  demo_assert_detail (group, SOUP_STATUS_NOT_FOUND, "Datastore group id: 999 not found");
  demo_assert_detail (enrichment, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
  demo_assert_detail (taken, SOUP_STATUS_CONFLICT,
                      "Datastore group name: 'analytics' already exists");
  demo_assert_detail (member, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");

  after = demo_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static GArray *
ids_of (JsonNode *page)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < demo_get_length (page, "items"); i++)
    {
      g_autofree char *path = g_strdup_printf ("items.%u.id", i);
      gint64 id = demo_get_int (page, path);

      g_array_append_val (ids, id);
    }
  return ids;
}

static guint
total_of (DemoFixture *f,
          const char  *query)
{
  g_autoptr(DemoResponse) list = demo_request_printf (f, MEMBER, "GET", NULL, "/datastores?%s",
                                                      query);

  demo_assert_status (list, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (list->root, "total"), ==, demo_get_length (list->root, "items"));
  return demo_get_int (list->root, "total");
}

static void
test_list_pagination (DemoFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(DemoResponse) first = demo_request (f, MEMBER, "GET", "/datastores", NULL);
  g_autoptr(DemoResponse) limit = demo_request (f, MEMBER, "GET", "/datastores?limit=10", NULL);
  g_autoptr(DemoResponse) both = demo_request (f, MEMBER, "GET", "/datastores?limit=10&size=3",
                                               NULL);
  g_autoptr(DemoResponse) beyond = demo_request (f, MEMBER, "GET", "/datastores?page=9&size=5",
                                                 NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  static const struct
  {
    const char *query;
    const char *loc;
    const char *type;
  } bad[] = {
    { "size=0", "query.size", "greater_than_equal" },
    { "size=101", "query.size", "less_than_equal" },
    { "limit=101", "query.limit", "less_than_equal" },
    { "limit=0", "query.limit", "greater_than_equal" },
    { "page=0", "query.page", "greater_than_equal" },
    { "size=ten", "query.size", "int_parsing" },
    { "page=-1", "query.page", "greater_than_equal" },
    { "id=abc", "query.id.0", "int_parsing" },
    { "group=1&group=x", "query.group.1", "int_parsing" },
    { "enrichment_only=maybe", "query.enrichment_only", "bool_parsing" },
    { "sort_name=up", "query.sort_name", "enum" },
  };

  demo_assert_status (first, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (first->root, "total"), ==, SOURCE_DATASTORES);
  g_assert_cmpint (demo_get_int (first->root, "page"), ==, 1);
  g_assert_cmpint (demo_get_int (first->root, "size"), ==, 50);
  g_assert_cmpint (demo_get_int (first->root, "pages"), ==, 1);
  assert_full_shape (demo_json_at (first->root, "items.0"));

  g_assert_cmpint (demo_get_int (limit->root, "size"), ==, 10);
  g_assert_cmpuint (demo_get_length (limit->root, "items"), ==, 10);
  g_assert_cmpint (demo_get_int (limit->root, "pages"), ==, 3);
  g_assert_cmpint (demo_get_int (both->root, "size"), ==, 3);

  for (guint page = 1; page <= 5; page++)
    {
      g_autoptr(DemoResponse) list = demo_request_printf (f, MEMBER, "GET", NULL,
                                                          "/datastores?size=5&page=%u", page);
      g_autoptr(GArray) ids = ids_of (list->root);

      demo_assert_status (list, SOUP_STATUS_OK);
      g_assert_cmpint (demo_get_int (list->root, "pages"), ==, 5);
      g_assert_cmpint (demo_get_int (list->root, "page"), ==, page);
      g_assert_cmpuint (ids->len, ==, page < 5 ? 5 : 2);
      for (guint i = 0; i < ids->len; i++)
        g_assert_true (g_hash_table_add (seen, g_memdup2 (&g_array_index (ids, gint64, i),
                                                          sizeof (gint64))));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, SOURCE_DATASTORES);

  demo_assert_status (beyond, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (beyond->root, "items"), ==, 0);
  g_assert_cmpint (demo_get_int (beyond->root, "total"), ==, SOURCE_DATASTORES);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(DemoResponse) response = demo_request_printf (f, MEMBER, "GET", NULL,
                                                              "/datastores?%s", bad[i].query);

      demo_assert_validation (response, bad[i].loc, bad[i].type);
    }
}

static void
test_list_filters (DemoFixture   *f,
                   gconstpointer  data)
{
  g_autoptr(DemoResponse) enrichment = demo_request (f, MEMBER, "GET",
                                                     "/datastores?enrichment_only=true", NULL);
  g_autoptr(DemoResponse) ids = demo_request (f, MEMBER, "GET",
                                              "/datastores?id=42&id=50&id=100", NULL);
  g_autoptr(DemoResponse) search = demo_request (f, MEMBER, "GET",
                                                 "/datastores?search=SALES&sort_name=asc", NULL);
  g_autoptr(GArray) id_list = ids_of (ids->root);

  g_assert_cmpuint (total_of (f, "enrichment_only=false"), ==, SOURCE_DATASTORES);
  g_assert_cmpint (demo_get_int (enrichment->root, "total"), ==, 2);
  g_assert_cmpint (demo_get_int (enrichment->root, "items.0.id"), ==, 100);
  g_assert_cmpint (demo_get_int (enrichment->root, "items.1.id"), ==, 101);

  /* An enrichment-only id stays hidden unless enrichment_only=true. */
  g_assert_cmpuint (id_list->len, ==, 2);
  g_assert_cmpint (g_array_index (id_list, gint64, 0), ==, 42);
  g_assert_cmpint (g_array_index (id_list, gint64, 1), ==, 50);

  g_assert_cmpuint (total_of (f, "name=prod_sales"), ==, 1);
  g_assert_cmpuint (total_of (f, "name=Prod_Sales"), ==, 0);
  g_assert_cmpuint (total_of (f, "name=Production%20Sales"), ==, 1);
  g_assert_cmpuint (total_of (f, "name=Production+Sales"), ==, 1);

  g_assert_cmpint (demo_get_int (search->root, "total"), ==, 3);
  g_assert_cmpstr (demo_get_string (search->root, "items.0.name"), ==, "prod_sales");
  g_assert_cmpstr (demo_get_string (search->root, "items.1.name"), ==, "Production Sales");
  g_assert_cmpstr (demo_get_string (search->root, "items.2.name"), ==, "Sales Mart");
  g_assert_cmpuint (total_of (f, "search=42"), ==, 1);
  g_assert_cmpuint (total_of (f, "search=oRdEr"), ==, 1);
  g_assert_cmpuint (total_of (f, "search=nothing-like-this"), ==, 0);

  g_assert_cmpuint (total_of (f, "datastore_type=s3"), ==, 3);
  g_assert_cmpuint (total_of (f, "datastore_type=mysql"), ==, 4);
  g_assert_cmpuint (total_of (f, "datastore_type=snowflake&datastore_type=s3"), ==, 9);
  g_assert_cmpuint (total_of (f, "datastore_type=postgresql"), ==, 9);

  g_assert_cmpuint (total_of (f, "tag=production"), ==, 9);
  g_assert_cmpuint (total_of (f, "tag=pii"), ==, 3);
  g_assert_cmpuint (total_of (f, "tag=pii&tag=raw"), ==, 6);
  g_assert_cmpuint (total_of (f, "tag=none-such"), ==, 0);

  g_assert_cmpuint (total_of (f, "group=1"), ==, 3);
  g_assert_cmpuint (total_of (f, "group=1&group=5"), ==, 6);
  g_assert_cmpuint (total_of (f, "group=999"), ==, 0);

  g_assert_cmpuint (total_of (f, "tag=production&datastore_type=postgresql&group=1"), ==, 2);
  g_assert_cmpuint (total_of (f, "unknown_parameter=1"), ==, SOURCE_DATASTORES);
}

/* The reference's list example: tag filter, name sort, limit 10. */
static void
test_list_example (DemoFixture   *f,
                   gconstpointer  data)
{
  g_autoptr(DemoResponse) list = demo_request (f, ADMIN, "GET",
                                               "/datastores?tag=production&sort_name=asc&limit=10",
                                               NULL);
  const char *previous = NULL;

  demo_assert_status (list, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (list->root, "page"), ==, 1);
  g_assert_cmpint (demo_get_int (list->root, "size"), ==, 10);
  g_assert_cmpint (demo_get_int (list->root, "pages"), ==, 1);
  g_assert_cmpint (demo_get_int (list->root, "total"), ==, 9);

  /* Favorites first (sort_favorite defaults to desc), then by name. */
  g_assert_cmpstr (demo_get_string (list->root, "items.0.name"), ==, "Billing Ledger");
  g_assert_cmpstr (demo_get_string (list->root, "items.1.name"), ==, "Customer 360");
  for (guint i = 2; i < 9; i++)
    {
      g_autofree char *path = g_strdup_printf ("items.%u", i);
      JsonNode *item = demo_json_at (list->root, path);
      g_autofree char *folded = g_utf8_casefold (demo_get_string (item, "name"), -1);

      g_assert_false (demo_get_bool (item, "favorite"));
      g_assert_true (demo_get_bool (item, "connected"));
      g_assert_true (demo_has (item, "type"));
      g_assert_true (demo_has (item, "store_type"));
      if (previous != NULL)
        g_assert_cmpstr (previous, <, folded);
      g_free ((char *) previous);
      previous = g_steal_pointer (&folded);
    }
  g_free ((char *) previous);
}

typedef gint64 (*KeyFunc) (JsonNode *item);

static gint64
key_favorite (JsonNode *item)
{
  return demo_get_bool (item, "favorite");
}

static gint64
key_containers (JsonNode *item)
{
  return demo_get_int (item, "metrics.containers");
}

static gint64
key_anomalies (JsonNode *item)
{
  return demo_get_int (item, "metrics.active_anomalies");
}

static gint64
key_created (JsonNode *item)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (demo_get_string (item, "created"),
                                                            NULL);

  return g_date_time_to_unix (time);
}

static gint64
key_id (JsonNode *item)
{
  return demo_get_int (item, "id");
}

/* Checks that consecutive items are ordered by KEYS (signs give the direction). */
static void
assert_ordered (JsonNode      *list,
                const KeyFunc *keys,
                const int     *signs,
                guint          n_keys)
{
  for (guint i = 1; i < demo_get_length (list, "items"); i++)
    {
      g_autofree char *a_path = g_strdup_printf ("items.%u", i - 1);
      g_autofree char *b_path = g_strdup_printf ("items.%u", i);
      JsonNode *a = demo_json_at (list, a_path);
      JsonNode *b = demo_json_at (list, b_path);
      int order = 0;

      for (guint k = 0; k < n_keys && order == 0; k++)
        {
          gint64 x = keys[k] (a), y = keys[k] (b);

          order = (x < y ? -1 : x > y) * signs[k];
        }
      if (order > 0)
        g_error ("items %u and %u are out of order", i - 1, i);
    }
}

static void
test_list_sorts (DemoFixture   *f,
                 gconstpointer  data)
{
  g_autoptr(DemoResponse) plain = demo_request (f, ADMIN, "GET", "/datastores", NULL);
  g_autoptr(DemoResponse) containers = demo_request (f, ADMIN, "GET",
                                                     "/datastores?sort_containers=desc", NULL);
  g_autoptr(DemoResponse) anomalies = demo_request (f, ADMIN, "GET",
                                                    "/datastores?sort_active_anomalies=asc", NULL);
  g_autoptr(DemoResponse) created = demo_request (f, ADMIN, "GET",
                                                  "/datastores?sort_created=desc", NULL);
  g_autoptr(DemoResponse) unfavored = demo_request (f, ADMIN, "GET",
                                                    "/datastores?sort_favorite=asc", NULL);
  g_autoptr(DemoResponse) by_name = demo_request (f, ADMIN, "GET",
                                                  "/datastores?sort_name=DESC", NULL);
  const KeyFunc plain_keys[] = { key_favorite, key_id };
  const int plain_signs[] = { -1, 1 };
  const KeyFunc container_keys[] = { key_favorite, key_containers, key_id };
  const int container_signs[] = { -1, -1, 1 };
  const KeyFunc anomaly_keys[] = { key_favorite, key_anomalies, key_id };
  const int anomaly_signs[] = { -1, 1, 1 };
  const KeyFunc created_keys[] = { key_favorite, key_created };
  const int created_signs[] = { -1, -1 };
  const int unfavored_signs[] = { 1, 1 };

  assert_ordered (plain->root, plain_keys, plain_signs, 2);
  g_assert_cmpint (demo_get_int (plain->root, "items.0.id"), ==, 11);
  g_assert_cmpint (demo_get_int (plain->root, "items.1.id"), ==, 15);
  g_assert_cmpint (demo_get_int (plain->root, "items.2.id"), ==, 63);
  g_assert_cmpint (demo_get_int (plain->root, "items.3.id"), ==, 18);

  assert_ordered (containers->root, container_keys, container_signs, 3);
  assert_ordered (anomalies->root, anomaly_keys, anomaly_signs, 3);
  assert_ordered (created->root, created_keys, created_signs, 2);
  assert_ordered (unfavored->root, plain_keys, unfavored_signs, 2);
  g_assert_false (demo_get_bool (unfavored->root, "items.0.favorite"));
  g_assert_true (demo_get_bool (unfavored->root, "items.21.favorite"));

  g_assert_cmpstr (demo_get_string (by_name->root, "items.0.name"), ==, "Finance Reporting");
  g_assert_cmpstr (demo_get_string (by_name->root, "items.3.name"), ==, "Supply Chain");
}

/* The sort keys apply in the order the query gives them. */
static void
test_list_sort_order (DemoFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(DemoResponse) a = demo_request (f, ADMIN, "PUT", "/datastores/18",
                                            "{\"name\": \"Twin\"}");
  g_autoptr(DemoResponse) b = demo_request (f, ADMIN, "PUT", "/datastores/21",
                                            "{\"name\": \"Twin\"}");
  g_autoptr(DemoResponse) name_then_old = NULL;
  g_autoptr(DemoResponse) name_then_new = NULL;
  g_autoptr(DemoResponse) created_then_name = NULL;
  gboolean older_is_18;

  demo_assert_status (a, SOUP_STATUS_OK);
  demo_assert_status (b, SOUP_STATUS_OK);
  older_is_18 = key_created (a->root) < key_created (b->root);

  name_then_old = demo_request (f, ADMIN, "GET", "/datastores?name=Twin&sort_name=asc"
                                "&sort_created=asc", NULL);
  name_then_new = demo_request (f, ADMIN, "GET", "/datastores?name=Twin&sort_name=asc"
                                "&sort_created=desc", NULL);
  created_then_name = demo_request (f, ADMIN, "GET", "/datastores?sort_created=asc"
                                    "&sort_name=desc&size=100", NULL);

  g_assert_cmpint (demo_get_int (name_then_old->root, "total"), ==, 2);
  g_assert_cmpint (demo_get_int (name_then_old->root, "items.0.id"), ==, older_is_18 ? 18 : 21);
  g_assert_cmpint (demo_get_int (name_then_new->root, "items.0.id"), ==, older_is_18 ? 21 : 18);
  {
    const KeyFunc keys[] = { key_favorite, key_created };
    const int signs[] = { -1, 1 };

    assert_ordered (created_then_name->root, keys, signs, 2);
  }
}

/* The reference's update example; tags and teams replace whole lists. */
static void
test_update_example (DemoFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(DemoResponse) update = demo_request (f, MANAGER, "PUT", "/datastores/42",
    "{\"name\": \"Production Sales (Updated)\","
    " \"description\": \"Core sales data from the production PostgreSQL database\","
    " \"connection_id\": 7, \"database\": \"production\", \"schema\": \"sales\","
    " \"enrichment_only\": false, \"enrichment_prefix\": \"_production_sales\","
    " \"tags\": [\"production\", \"postgresql\", \"sales\"],"
    " \"teams\": [\"Data Platform\", \"Analytics\", \"Sales Ops\"]}");
  g_autoptr(DemoResponse) fewer = NULL;
  JsonNode *r = update->root;

  demo_assert_status (update, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (r, "id"), ==, 42);
  g_assert_cmpstr (demo_get_string (r, "name"), ==, "Production Sales (Updated)");
  g_assert_cmpstr (demo_get_string (r, "description"), ==,
                   "Core sales data from the production PostgreSQL database");
  g_assert_cmpstr (demo_get_string (r, "type"), ==, "postgresql");
  g_assert_cmpstr (demo_get_string (r, "store_type"), ==, "jdbc");
  g_assert_cmpstr (demo_get_string (r, "database"), ==, "production");
  g_assert_cmpstr (demo_get_string (r, "schema"), ==, "sales");
  g_assert_cmpuint (demo_get_length (r, "global_tags"), ==, 3);
  g_assert_cmpstr (demo_get_string (r, "global_tags.2.name"), ==, "sales");
  g_assert_cmpuint (demo_get_length (r, "teams"), ==, 3);
  g_assert_cmpstr (demo_get_string (r, "teams.2.name"), ==, "Sales Ops");
  g_assert_cmpstr (demo_get_string (r, "updated"), !=, "2026-03-31T14:30:00.000000Z");
  g_assert_cmpstr (demo_get_string (r, "created"), ==, "2026-03-31T14:30:00.000000Z");

  fewer = demo_request (f, MANAGER, "PUT", "/datastores/42", "{\"tags\": [\"sales\"]}");
  g_assert_cmpuint (demo_get_length (fewer->root, "global_tags"), ==, 1);
  g_assert_cmpstr (demo_get_string (fewer->root, "global_tags.0.name"), ==, "sales");
  g_assert_cmpuint (demo_get_length (fewer->root, "teams"), ==, 3);
}

/* Omitted fields stay as they were. */
static void
test_update_partial (DemoFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(DemoResponse) before = demo_request (f, ADMIN, "GET", "/datastores/24", NULL);
  g_autoptr(DemoResponse) description = demo_request (f, ADMIN, "PUT", "/datastores/24",
                                                      "{\"description\": \"Only this\"}");
  g_autoptr(DemoResponse) cleared = demo_request (f, ADMIN, "PUT", "/datastores/24",
                                                  "{\"description\": null, \"tags\": []}");
  g_autoptr(DemoResponse) nothing = demo_request (f, ADMIN, "PUT", "/datastores/24", "{}");
  g_autoptr(DemoResponse) null_name = demo_request (f, ADMIN, "PUT", "/datastores/24",
                                                    "{\"name\": null}");
  g_autoptr(DemoResponse) missing = demo_request (f, ADMIN, "PUT", "/datastores/999", "{}");
  g_autoptr(DemoResponse) bad_connection = demo_request (f, ADMIN, "PUT", "/datastores/24",
                                                         "{\"connection_id\": 999}");

  demo_assert_status (description, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (description->root, "description"), ==, "Only this");
  g_assert_cmpstr (demo_get_string (description->root, "name"), ==,
                   demo_get_string (before->root, "name"));
  g_assert_cmpuint (demo_get_length (description->root, "global_tags"), ==,
                    demo_get_length (before->root, "global_tags"));
  g_assert_cmpuint (demo_get_length (description->root, "teams"), ==, 2);
  g_assert_cmpint (demo_get_int (description->root, "group.id"), ==, 2);

  demo_assert_status (cleared, SOUP_STATUS_OK);
  g_assert_true (demo_is_null (cleared->root, "description"));
  g_assert_cmpuint (demo_get_length (cleared->root, "global_tags"), ==, 0);
  g_assert_cmpuint (demo_get_length (cleared->root, "teams"), ==, 2);

  demo_assert_status (nothing, SOUP_STATUS_OK);
  demo_assert_validation (null_name, "body.name", "string_type");
  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
  demo_assert_detail (bad_connection, SOUP_STATUS_NOT_FOUND, "Connection id: 999 not found");
}

/* What the vendor's CLI sends to update a datastore: the whole object as GET shows it, with
 * teams and tags as names and the connection as connection_id. */
static char *
flattened_for_put (JsonNode *datastore)
{
  g_autofree char *text = json_to_string (datastore, FALSE);
  /* A deep copy: json_node_copy() shares the object. */
  g_autoptr(JsonNode) copy = json_from_string (text, NULL);
  JsonObject *object = json_node_get_object (copy);
  JsonArray *teams = json_object_get_array_member (object, "teams");
  JsonObject *connection = json_object_get_object_member (object, "connection");
  JsonArray *names = json_array_new ();

  for (guint i = 0; i < json_array_get_length (teams); i++)
    {
      JsonObject *team = json_array_get_object_element (teams, i);

      json_array_add_string_element (names, json_object_get_string_member (team, "name"));
    }
  json_object_set_array_member (object, "teams", names);
  json_object_set_int_member (object, "connection_id",
                              json_object_get_int_member (connection, "id"));
  json_object_remove_member (object, "connection");

  return json_to_string (copy, FALSE);
}

/* In an update, "group" is the group the datastore is to be in, not a group to create: a
 * datastore read and sent back whole keeps its group. */
static void
test_update_round_trip (DemoFixture   *f,
                        gconstpointer  data)
{
  static const gint64 ids[] = { 11, 45, 33, 42, 110 };
  g_autoptr(DemoResponse) groups = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DemoResponse) before = demo_request_printf (f, ADMIN, "GET", NULL,
                                                            "/datastores/%" G_GINT64_FORMAT,
                                                            ids[i]);
      g_autofree char *body = flattened_for_put (before->root);
      g_autoptr(DemoResponse) after = demo_request_printf (f, ADMIN, "PUT", body,
                                                           "/datastores/%" G_GINT64_FORMAT,
                                                           ids[i]);
      g_autofree char *group_before = demo_to_string (demo_json_at (before->root, "group"));
      g_autofree char *group_after = NULL;

      demo_assert_status (after, SOUP_STATUS_OK);
      group_after = demo_to_string (demo_json_at (after->root, "group"));
      g_assert_cmpstr (group_after, ==, group_before);
      g_assert_cmpuint (demo_get_length (after->root, "teams"), ==,
                        demo_get_length (before->root, "teams"));
      g_assert_cmpint (demo_get_int (after->root, "connection.id"), ==,
                       demo_get_int (before->root, "connection.id"));
    }

  /* Sending the groups back made no new group. */
  groups = demo_request (f, ADMIN, "GET", "/datastore-groups", NULL);
  g_assert_cmpuint (demo_get_length (groups->root, ""), ==, 3);
}

/* A group object names its group by id, else by name (a new name makes a new group); null
 * takes the datastore out of its group. */
static void
test_update_group_reference (DemoFixture   *f,
                             gconstpointer  data)
{
  g_autoptr(DemoResponse) by_id = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                "{\"group\": {\"id\": 5, \"name\": \"Ignored\","
                                                " \"icon\": \"mdi-flask-outline\"}}");
  g_autoptr(DemoResponse) by_name = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                  "{\"group\": {\"name\": \"mission critical\"}}");
  g_autoptr(DemoResponse) created = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                  "{\"group\": {\"name\": \"Fresh\","
                                                  " \"icon\": \"mdi-flask-outline\"}}");
  g_autoptr(DemoResponse) unchanged = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                    "{\"description\": \"d\"}");
  g_autoptr(DemoResponse) ungrouped = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                    "{\"group\": null}");
  g_autoptr(DemoResponse) missing = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                  "{\"group\": {\"id\": 99,"
                                                  " \"name\": \"Analytics\"}}");
  g_autoptr(DemoResponse) both = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                               "{\"group_id\": 1, \"group\": {\"id\": 1}}");
  g_autoptr(DemoResponse) nameless = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                   "{\"group\": {\"icon\":"
                                                   " \"mdi-flask-outline\"}}");
  g_autoptr(DemoResponse) bad_id = demo_request (f, ADMIN, "PUT", "/datastores/42",
                                                 "{\"group\": {\"id\": \"5\"}}");
  g_autoptr(DemoResponse) groups = demo_request (f, ADMIN, "GET", "/datastore-groups", NULL);
  g_autoptr(DemoResponse) after = demo_request (f, ADMIN, "GET", "/datastores/42", NULL);

  demo_assert_status (by_id, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (by_id->root, "group.id"), ==, 5);
  g_assert_cmpstr (demo_get_string (by_id->root, "group.name"), ==, "Gold Tier");
  demo_assert_status (by_name, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (by_name->root, "group.id"), ==, 1);
  demo_assert_status (created, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (created->root, "group.id"), ==, 3);
  g_assert_cmpstr (demo_get_string (created->root, "group.name"), ==, "Fresh");
  g_assert_cmpstr (demo_get_string (created->root, "group.icon"), ==, "mdi-flask-outline");
  g_assert_cmpint (demo_get_int (unchanged->root, "group.id"), ==, 3);
  demo_assert_status (ungrouped, SOUP_STATUS_OK);
  g_assert_true (demo_is_null (ungrouped->root, "group"));

  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Datastore group id: 99 not found");
  demo_assert_validation (both, "body.group", "value_error");
  demo_assert_validation (nameless, "body.group.name", "missing");
  demo_assert_validation (bad_id, "body.group.id", "int_type");
  g_assert_true (demo_is_null (after->root, "group"));

  /* Only "Fresh" is new; Gold Tier was not renamed. */
  g_assert_cmpuint (demo_get_length (groups->root, ""), ==, 4);
  g_assert_true (has_name (groups->root, "", "Gold Tier"));
  g_assert_true (has_name (groups->root, "", "Fresh"));
}

/* Moving a datastore to a DFS connection needs a root path, and drops database and schema. */
static void
test_update_connection (DemoFixture   *f,
                        gconstpointer  data)
{
  g_autoptr(DemoResponse) no_path = demo_request (f, ADMIN, "PUT", "/datastores/50",
                                                  "{\"connection_id\": 12}");
  g_autoptr(DemoResponse) moved = demo_request (f, ADMIN, "PUT", "/datastores/50",
                                                "{\"connection_id\": 12, \"root_path\": \"/p/\"}");
  g_autoptr(DemoResponse) back =
      demo_request (f, ADMIN, "PUT", "/datastores/50",
                    "{\"connection_id\": 5, \"database\": \"staging_db\","
                    " \"schema\": \"public\"}");

  demo_assert_validation (no_path, "body.root_path", "missing");
  demo_assert_status (moved, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (moved->root, "type"), ==, "s3");
  g_assert_cmpstr (demo_get_string (moved->root, "store_type"), ==, "dfs");
  g_assert_cmpstr (demo_get_string (moved->root, "root_path"), ==, "/p/");
  g_assert_true (demo_is_null (moved->root, "database"));
  g_assert_true (demo_is_null (moved->root, "schema"));
  demo_assert_status (back, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (back->root, "type"), ==, "snowflake");
  g_assert_true (demo_is_null (back->root, "root_path"));
  g_assert_cmpstr (demo_get_string (back->root, "schema"), ==, "public");
}

/* Update needs Editor permission in one of the datastore's teams. */
static void
test_update_permissions (DemoFixture   *f,
                         gconstpointer  data)
{
  g_autoptr(DemoResponse) platform = demo_request (f, MEMBER, "PUT", "/datastores/27",
                                                   "{\"name\": \"Mine\"}");
  g_autoptr(DemoResponse) invalid = demo_request (f, MEMBER, "PUT", "/datastores/27",
                                                  "{\"name\": 5}");
  g_autoptr(DemoResponse) analytics = demo_request (f, MEMBER, "PUT", "/datastores/42",
                                                    "{\"description\": \"by a member\"}");
  g_autoptr(DemoResponse) manager = demo_request (f, MANAGER, "PUT", "/datastores/27",
                                                  "{\"description\": \"by a manager\"}");
  g_autoptr(DemoResponse) read = demo_request (f, MEMBER, "GET", "/datastores/27", NULL);

  demo_assert_detail (platform, SOUP_STATUS_FORBIDDEN,
                      "You must have editor permission in at least one of these teams: "
                      "['Data Platform']");
  /* Permission comes before validation: nothing about the body leaks. */
  demo_assert_status (invalid, SOUP_STATUS_FORBIDDEN);
  demo_assert_status (analytics, SOUP_STATUS_OK);
  demo_assert_status (manager, SOUP_STATUS_OK);
  demo_assert_status (read, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (read->root, "name"), ==, "HR Warehouse");
}

/* Reading a datastore needs Reporter permission in one of its teams. */
static void
test_reporter_permission (DemoFixture   *f,
                          gconstpointer  data)
{
  const char *editor[] = { "Analytics", NULL };
  g_autoptr(DemoResponse) hidden = NULL;
  g_autoptr(DemoResponse) shown = NULL;
  g_autoptr(DemoResponse) list = NULL;
  g_autoptr(DemoResponse) cleared = NULL;
  g_autoptr(DemoResponse) open = NULL;

  steward_demo_server_set_role_teams (f->server, MEMBER, NULL, editor, NULL);
  hidden = demo_request (f, MEMBER, "GET", "/datastores/27", NULL);
  shown = demo_request (f, MEMBER, "GET", "/datastores/42", NULL);
  list = demo_request (f, MEMBER, "GET", "/datastores?size=100", NULL);

  demo_assert_detail (hidden, SOUP_STATUS_FORBIDDEN,
                      "You must have reporter permission in at least one of these teams: "
                      "['Data Platform']");
  demo_assert_status (shown, SOUP_STATUS_OK);
  /* Lists show only what the user may read. */
  g_assert_cmpint (demo_get_int (list->root, "total"), ==, 8);
  g_assert_false (has_name (list->root, "items", "HR Warehouse"));

  cleared = demo_request (f, ADMIN, "PUT", "/datastores/27", "{\"teams\": []}");
  demo_assert_status (cleared, SOUP_STATUS_OK);
  open = demo_request (f, MEMBER, "GET", "/datastores/27", NULL);
  demo_assert_status (open, SOUP_STATUS_OK);
}

/* Admin only; cascading. */
static void
test_delete (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(DemoResponse) member = demo_request (f, MEMBER, "DELETE", "/datastores/42", NULL);
  g_autoptr(DemoResponse) manager = demo_request (f, MANAGER, "DELETE", "/datastores/42", NULL);
  g_autoptr(DemoResponse) operation = demo_request (f, ADMIN, "GET", "/operations/1", NULL);
  g_autoptr(DemoResponse) admin = demo_request (f, ADMIN, "DELETE", "/datastores/42", NULL);
  g_autoptr(DemoResponse) get = demo_request (f, ADMIN, "GET", "/datastores/42", NULL);
  g_autoptr(DemoResponse) again = demo_request (f, ADMIN, "DELETE", "/datastores/42", NULL);
  g_autoptr(DemoResponse) operation_after = demo_request (f, ADMIN, "GET", "/operations/1", NULL);
  g_autoptr(DemoResponse) connection = demo_request (f, ADMIN, "GET", "/connections/7", NULL);

  demo_assert_detail (member, SOUP_STATUS_FORBIDDEN,
                      "You must have the Admin role to perform this action");
  demo_assert_detail (manager, SOUP_STATUS_FORBIDDEN,
                      "You must have the Admin role to perform this action");
  demo_assert_status (operation, SOUP_STATUS_OK);
  demo_assert_status (admin, SOUP_STATUS_NO_CONTENT);
  g_assert_cmpstr (admin->body, ==, "");
  demo_assert_detail (get, SOUP_STATUS_NOT_FOUND, "Datastore id: 42 not found");
  demo_assert_detail (again, SOUP_STATUS_NOT_FOUND, "Datastore id: 42 not found");
  demo_assert_detail (operation_after, SOUP_STATUS_NOT_FOUND, "Operation id: 1 not found");
  demo_assert_status (connection, SOUP_STATUS_OK);
  g_assert_cmpuint (total_of (f, "size=100"), ==, SOURCE_DATASTORES - 1);
}

/* Deleting an enrichment datastore unlinks the datastores that used it. */
static void
test_delete_enrichment (DemoFixture   *f,
                        gconstpointer  data)
{
  g_autoptr(DemoResponse) patient = demo_request (f, ADMIN, "GET", "/datastores/45", NULL);
  g_autoptr(DemoResponse) deleted = NULL;
  g_autoptr(DemoResponse) after = NULL;

  g_assert_cmpint (demo_get_int (patient->root, "enrich_datastore.id"), ==, 100);
  g_assert_cmpstr (demo_get_string (patient->root, "enrichment_remediation_strategy"), ==,
                   "append");
  deleted = demo_request (f, ADMIN, "DELETE", "/datastores/100", NULL);
  demo_assert_status (deleted, SOUP_STATUS_NO_CONTENT);
  after = demo_request (f, ADMIN, "GET", "/datastores/45", NULL);
  g_assert_true (demo_is_null (after->root, "enrich_datastore"));
  g_assert_cmpstr (demo_get_string (after->root, "enrichment_remediation_strategy"), ==, "none");
}

/* Favorites belong to each user. */
static void
test_favorite (DemoFixture   *f,
               gconstpointer  data)
{
  g_autoptr(DemoResponse) set = demo_request (f, MEMBER, "PATCH", "/datastores/42/favorite",
                                              "{ \"favorite\": true }");
  g_autoptr(DemoResponse) list = demo_request (f, MEMBER, "GET", "/datastores?size=3", NULL);
  g_autoptr(DemoResponse) admin_view = demo_request (f, ADMIN, "GET", "/datastores/42", NULL);
  g_autoptr(DemoResponse) platform = demo_request (f, MEMBER, "PATCH", "/datastores/27/favorite",
                                                   "{\"favorite\": true}");
  g_autoptr(DemoResponse) unset = demo_request (f, MEMBER, "PATCH", "/datastores/42/favorite",
                                                "{\"favorite\": false}");
  g_autoptr(DemoResponse) unset_again = demo_request (f, MEMBER, "PATCH",
                                                      "/datastores/42/favorite",
                                                      "{\"favorite\": false}");
  g_autoptr(DemoResponse) missing = demo_request (f, MEMBER, "PATCH", "/datastores/42/favorite",
                                                  "{}");
  g_autoptr(DemoResponse) wrong = demo_request (f, MEMBER, "PATCH", "/datastores/42/favorite",
                                                "{\"favorite\": \"yes\"}");
  g_autoptr(DemoResponse) empty = demo_request (f, MEMBER, "PATCH", "/datastores/42/favorite",
                                                NULL);
  g_autoptr(DemoResponse) unknown = demo_request (f, MEMBER, "PATCH", "/datastores/9/favorite",
                                                  "{\"favorite\": true}");

  demo_assert_status (set, SOUP_STATUS_OK);
  g_assert_true (demo_get_bool (set->root, "favorite"));
  assert_full_shape (set->root);
  /* The member's favorites (seeded 66, now 42) come first for the member. */
  g_assert_cmpint (demo_get_int (list->root, "items.0.id"), ==, 42);
  g_assert_cmpint (demo_get_int (list->root, "items.1.id"), ==, 66);
  g_assert_false (demo_get_bool (list->root, "items.2.favorite"));
  g_assert_false (demo_get_bool (admin_view->root, "favorite"));
  /* Favorites need the Member role only, not Editor permission. */
  demo_assert_status (platform, SOUP_STATUS_OK);
  g_assert_false (demo_get_bool (unset->root, "favorite"));
  g_assert_false (demo_get_bool (unset_again->root, "favorite"));
  demo_assert_validation (missing, "body.favorite", "missing");
  demo_assert_validation (wrong, "body.favorite", "bool_type");
  demo_assert_validation (empty, "body", "missing");
  demo_assert_detail (unknown, SOUP_STATUS_NOT_FOUND, "Datastore id: 9 not found");
}

/* 10,000 more datastores, read page by page: every one once. */
static void
test_scale (DemoFixture   *f,
            gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 total = -1;
  gint64 pages = -1;

  for (gint64 page = 1; pages < 0 || page <= pages; page++)
    {
      g_autoptr(DemoResponse) list = demo_request_printf (f, MEMBER, "GET", NULL,
                                                          "/datastores?size=100&page=%"
                                                          G_GINT64_FORMAT, page);
      g_autoptr(GArray) ids = NULL;

      demo_assert_status (list, SOUP_STATUS_OK);
      total = demo_get_int (list->root, "total");
      pages = demo_get_int (list->root, "pages");
      ids = ids_of (list->root);
      g_assert_cmpuint (ids->len, ==, MIN (100, total - (page - 1) * 100));
      for (guint i = 0; i < ids->len; i++)
        if (!g_hash_table_add (seen, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64))))
          g_error ("Datastore %" G_GINT64_FORMAT " came twice", g_array_index (ids, gint64, i));
    }

  g_assert_cmpint (total, ==, SOURCE_DATASTORES + 10000);
  g_assert_cmpint (pages, ==, (total + 99) / 100);
  g_assert_cmpuint (g_hash_table_size (seen), ==, total);
}

/* The same seed makes the same datastores. */
static void
test_deterministic (DemoFixture   *f,
                    gconstpointer  data)
{
  DemoServerOptions options = { .extra_datastores = 50 };
  g_autoptr(StewardDemoServer) other = demo_server_start (&options);
  g_autoptr(SoupSession) session = soup_session_new ();
  DemoFixture other_fixture = { other, session };
  g_autoptr(DemoResponse) mine = demo_request (f, ADMIN, "GET",
                                               "/datastores?size=100&sort_name=asc", NULL);
  g_autoptr(DemoResponse) theirs = demo_request (&other_fixture, ADMIN, "GET",
                                                 "/datastores?size=100&sort_name=asc", NULL);

  g_assert_cmpint (demo_get_int (mine->root, "total"), ==, SOURCE_DATASTORES + 50);
  g_assert_cmpstr (mine->body, ==, theirs->body);
}

int
main (int   argc,
      char *argv[])
{
  static const DemoServerOptions scale = { .extra_datastores = 10000 };
  static const DemoServerOptions fifty = { .extra_datastores = 50 };

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, options) \
  g_test_add (path, DemoFixture, options, demo_fixture_setup, func, demo_fixture_teardown)

  ADD ("/datastores/get-example", test_get_example, NULL);
  ADD ("/datastores/get-not-found", test_get_not_found, NULL);
  ADD ("/datastores/create-examples", test_create_examples, NULL);
  ADD ("/datastores/create-options", test_create_options, NULL);
  ADD ("/datastores/create-validation", test_create_validation, NULL);
  ADD ("/datastores/create-limits", test_create_limits, NULL);
  ADD ("/datastores/create-references", test_create_references, NULL);
  ADD ("/datastores/list-pagination", test_list_pagination, NULL);
  ADD ("/datastores/list-filters", test_list_filters, NULL);
  ADD ("/datastores/list-example", test_list_example, NULL);
  ADD ("/datastores/list-sorts", test_list_sorts, NULL);
  ADD ("/datastores/list-sort-order", test_list_sort_order, NULL);
  ADD ("/datastores/update-example", test_update_example, NULL);
  ADD ("/datastores/update-partial", test_update_partial, NULL);
  ADD ("/datastores/update-connection", test_update_connection, NULL);
  ADD ("/datastores/update-round-trip", test_update_round_trip, NULL);
  ADD ("/datastores/update-group-reference", test_update_group_reference, NULL);
  ADD ("/datastores/update-permissions", test_update_permissions, NULL);
  ADD ("/datastores/reporter-permission", test_reporter_permission, NULL);
  ADD ("/datastores/delete", test_delete, NULL);
  ADD ("/datastores/delete-enrichment", test_delete_enrichment, NULL);
  ADD ("/datastores/favorite", test_favorite, NULL);
  ADD ("/datastores/deterministic", test_deterministic, &fifty);
  ADD ("/datastores/scale-10000", test_scale, &scale);

  return g_test_run ();
}
