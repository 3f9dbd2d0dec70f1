/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The connector descriptions: Steward's built-in table (the resource the app ships), a server's
 * GET /datastores/specifications read into the same fields (from the demo server), how the two
 * are merged, the hints for failed connection tests, and following the sync a create started. */
#include <string.h>

#include "steward-connector-spec-private.h"
#include "steward-test-async.h"
#include "steward-test-demo.h"

#define CALL(result, call) \
  G_STMT_START { \
    g_clear_object (&result); \
    call; \
    steward_test_wait_result (&result); \
  } G_STMT_END

/* The connectors the issue names, each with its own form. */
static const char * const required_types[] = {
  "postgresql", "mysql", "mariadb", "sqlserver", "oracle", "snowflake", "bigquery", "databricks",
  "redshift", "trino", "athena", "s3", "gcs", "abfs", NULL
};

/* Every JDBC type deployed servers know (docs/api.md, "How deployed servers differ"). */
static const char * const jdbc_types[] = {
  "athena", "bigquery", "databricks", "db2", "dremio", "hive", "mariadb", "mysql", "oracle",
  "postgresql", "presto", "redshift", "snowflake", "sqlserver", "synapse", "teradata",
  "timescale", "trino", NULL
};

static GListModel *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  GListModel *specs = steward_connector_spec_list_load_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (specs);
  return specs;
}

static gboolean
is_table_string (const char *text)
{
  return g_strv_contains (_steward_connector_table_strings (), text);
}

static void
test_builtin_table (void)
{
  g_autoptr(GListModel) specs = load_builtin ();
  StewardConnectorSpec *generic;
  StewardConnectorField *type_field;
  guint n = g_list_model_get_n_items (specs);

  for (guint i = 0; required_types[i] != NULL; i++)
    {
      StewardConnectorSpec *spec = steward_connector_spec_list_find (specs, required_types[i]);

      g_test_message ("connector %s", required_types[i]);
      g_assert_nonnull (spec);
      g_assert_cmpint (steward_connector_spec_get_origin (spec), ==,
                       STEWARD_CONNECTOR_ORIGIN_BUILTIN);
      g_assert_cmpint (steward_connector_spec_is_dfs (spec), ==,
                       steward_connector_type_is_dfs (required_types[i]));
      g_assert_false (steward_connector_spec_is_generic (spec));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardConnectorSpec) spec = g_list_model_get_item (specs, i);
      guint n_fields = steward_connector_spec_get_n_fields (spec);

      g_test_message ("checking %s", steward_connector_spec_get_type_name (spec));
      g_assert_true (is_table_string (steward_connector_spec_get_display_name (spec)));
      g_assert_cmpuint (n_fields, >, 0);

      for (guint j = 0; j < n_fields; j++)
        {
          StewardConnectorField *field = steward_connector_spec_get_field (spec, j);
          const char *name = steward_connector_field_get_name (field);
          StewardConnectorFieldKind kind = steward_connector_field_get_kind (field);
          const char * const *labels = steward_connector_field_get_choice_labels (field);

          g_test_message ("  field %s", name);
          g_assert_true (is_table_string (steward_connector_field_get_label (field)));
          for (guint k = 0; labels != NULL && labels[k] != NULL; k++)
            g_assert_true (is_table_string (labels[k]));

          /* The documented top-level members stay at the top; everything else under
           * "parameters", the rule docs/api.md gives. */
          if (kind == STEWARD_CONNECTOR_FIELD_JSON)
            g_assert_cmpstr (steward_connector_field_get_path (field), ==, "parameters");
          else if (steward_connector_field_get_target (field) == STEWARD_CONNECTOR_TARGET_TOP)
            g_assert_true (steward_connector_field_is_top_level_name (name));
          else
            {
              g_autofree char *path = g_strconcat ("parameters.", name, NULL);

              g_assert_false (steward_connector_field_is_top_level_name (name));
              g_assert_cmpstr (steward_connector_field_get_path (field), ==, path);
            }

          /* Write-only members are secrets, shown as such. */
          if (steward_connector_field_is_secret_name (name))
            g_assert_true (steward_connector_field_get_secret (field));
          if (kind == STEWARD_CONNECTOR_FIELD_SECRET)
            g_assert_true (steward_connector_field_get_secret (field));
          if (kind == STEWARD_CONNECTOR_FIELD_CHOICE)
            {
              g_assert_nonnull (steward_connector_field_get_choices (field));
              g_assert_true (g_strv_contains (steward_connector_field_get_choices (field),
                                              steward_connector_field_get_default_value (field)));
            }
          if (g_str_equal (name, "port"))
            {
              gint64 min, max;

              g_assert_cmpint (kind, ==, STEWARD_CONNECTOR_FIELD_NUMBER);
              g_assert_true (steward_connector_field_get_range (field, &min, &max));
              g_assert_cmpint (min, ==, 1);
              g_assert_cmpint (max, ==, 65535);
            }
        }
    }

  /* Key files are picked, not typed. */
  g_assert_cmpint (steward_connector_field_get_kind (steward_connector_spec_find_field (
                     steward_connector_spec_list_find (specs, "bigquery"), "credentials_payload")),
                   ==, STEWARD_CONNECTOR_FIELD_FILE);
  g_assert_cmpint (steward_connector_field_get_kind (steward_connector_spec_find_field (
                     steward_connector_spec_list_find (specs, "gcs"), "credentials_payload")),
                   ==, STEWARD_CONNECTOR_FIELD_FILE);
  g_assert_cmpint (steward_connector_field_get_kind (steward_connector_spec_find_field (
                       steward_connector_spec_list_find (specs, "snowflake"),
                       "parameters.private_key")),
                   ==, STEWARD_CONNECTOR_FIELD_FILE);
  g_assert_nonnull (
      steward_connector_spec_find_field (steward_connector_spec_list_find (specs, "snowflake"),
                                         "parameters.warehouse"));

  /* The generic JDBC connector: last, with a raw parameters field and a type choice that,
   * with the connectors of their own, reaches every JDBC type. */
  generic = steward_connector_spec_list_find (specs, STEWARD_CONNECTOR_GENERIC_JDBC);
  g_assert_nonnull (generic);
  g_assert_true (steward_connector_spec_is_generic (generic));
  g_assert_false (steward_connector_spec_is_dfs (generic));
  g_assert_nonnull (steward_connector_spec_find_field (generic, "parameters"));
  type_field = steward_connector_spec_find_field (generic, "type");
  g_assert_nonnull (type_field);
  g_assert_cmpint (steward_connector_field_get_kind (type_field), ==,
                   STEWARD_CONNECTOR_FIELD_CHOICE);
  for (guint i = 0; jdbc_types[i] != NULL; i++)
    g_assert_true (
        steward_connector_spec_list_find (specs, jdbc_types[i]) != NULL ||
        g_strv_contains (steward_connector_field_get_choices (type_field), jdbc_types[i]));
  {
    g_autoptr(StewardConnectorSpec) last = g_list_model_get_item (specs, n - 1);
    g_assert_true (last == generic);
  }
}

static void
assert_table_fails (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  specs = steward_connector_spec_list_new_from_table (json_parser_get_root (parser), FALSE, &error);
  g_assert_null (specs);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);
}

static void
test_table_errors (void)
{
  assert_table_fails ("{}");
  assert_table_fails ("{\"connectors\": [{\"type\": \"x\"}]}");
  assert_table_fails ("{\"connectors\": [{\"type\": \"x\", \"fields\": [{\"name\": \"a\", "
                      "\"kind\": \"colour\"}]}]}");
  assert_table_fails ("{\"connectors\": [{\"type\": \"x\", \"fields\": [{\"name\": \"a\", "
                      "\"kind\": \"choice\"}]}]}");
  assert_table_fails ("{\"connectors\": [{\"type\": \"x\", \"fields\": [{\"name\": \"a\", "
                      "\"target\": \"nowhere\"}]}]}");
  assert_table_fails (
      "{\"connectors\": [{\"type\": \"x\", \"store_type\": \"tape\", \"fields\": []}]}");
  assert_table_fails (
      "{\"connectors\": [{\"type\": \"x\", \"fields\": [{\"label\": \"No name\"}]}]}");
}

/* The shapes servers send, read without a server. */
static void
test_specification_mapping (void)
{
  static const char json[] =
      "{\"items\": [{\"type\": \"postgresql\", \"display_name\": \"PostgreSQL (server)\","
      "  \"supports_enrichment\": false, \"properties\": ["
      "  {\"field\": \"host\", \"title\": \"Host\", \"type\": \"string\", \"required\": true,"
      "   \"secret\": false, \"placeholder\": \"db\", \"map_to\": \"host\", \"values\": null},"
      "  {\"field\": \"port\", \"title\": \"Port\", \"type\": \"integer\", \"default\": 5432, "
      "\"map_to\": \"port\"},"
      "  {\"field\": \"password\", \"title\": \"Password\", \"type\": \"string\", \"secret\": "
      "true, \"map_to\": \"password\"},"
      "  {\"field\": \"ssl\", \"title\": \"SSL\", \"type\": \"boolean\", \"default\": true, "
      "\"map_to\": \"parameters.ssl\"},"
      "  {\"field\": \"mode\", \"title\": \"Mode\", \"type\": \"select\", \"values\": [\"a\", "
      "\"b\"], \"map_to\": \"parameters.mode\"},"
      "  {\"field\": \"warehouse\", \"title\": \"Warehouse\", \"type\": \"string\"},"
      "  {\"field\": \"key\", \"title\": \"Key\", \"type\": \"file\", \"secret\": true, "
      "\"map_to\": \"parameters.key\"}"
      "]}, {\"display_name\": \"No type\"}, 42]}";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(GError) error = NULL;
  StewardConnectorSpec *spec;
  StewardConnectorField *field;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  specs =
      steward_connector_spec_list_new_from_specifications (json_parser_get_root (parser), &error);
  g_assert_no_error (error);

  /* The item without a type is left out, not the whole answer. */
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 1);
  spec = steward_connector_spec_list_find (specs, "postgresql");
  g_assert_cmpstr (steward_connector_spec_get_display_name (spec), ==, "PostgreSQL (server)");
  g_assert_cmpstr (steward_connector_spec_get_store_type (spec), ==, "jdbc");
  g_assert_false (steward_connector_spec_get_supports_enrichment (spec));
  g_assert_cmpint (steward_connector_spec_get_origin (spec), ==, STEWARD_CONNECTOR_ORIGIN_SERVER);

  field = steward_connector_spec_find_field (spec, "host");
  g_assert_cmpint (steward_connector_field_get_kind (field), ==, STEWARD_CONNECTOR_FIELD_TEXT);
  g_assert_true (steward_connector_field_get_required (field));
  g_assert_cmpstr (steward_connector_field_get_placeholder (field), ==, "db");

  field = steward_connector_spec_find_field (spec, "port");
  g_assert_cmpint (steward_connector_field_get_kind (field), ==, STEWARD_CONNECTOR_FIELD_NUMBER);
  g_assert_cmpstr (steward_connector_field_get_default_value (field), ==, "5432");

  field = steward_connector_spec_find_field (spec, "password");
  g_assert_cmpint (steward_connector_field_get_kind (field), ==, STEWARD_CONNECTOR_FIELD_SECRET);

  field = steward_connector_spec_find_field (spec, "parameters.ssl");
  g_assert_cmpint (steward_connector_field_get_kind (field), ==, STEWARD_CONNECTOR_FIELD_BOOLEAN);
  g_assert_cmpint (steward_connector_field_get_target (field), ==,
                   STEWARD_CONNECTOR_TARGET_PARAMETERS);
  g_assert_cmpstr (steward_connector_field_get_default_value (field), ==, "true");

  field = steward_connector_spec_find_field (spec, "parameters.mode");
  g_assert_cmpint (steward_connector_field_get_kind (field), ==, STEWARD_CONNECTOR_FIELD_CHOICE);
  g_assert_cmpstrv (steward_connector_field_get_choices (field),
                    ((const char *[]){ "a", "b", NULL }));
  g_assert_cmpstr (steward_connector_field_get_default_value (field), ==, "a");

  /* Without map_to, the name decides, as the notes' rule says. */
  field = steward_connector_spec_find_field (spec, "parameters.warehouse");
  g_assert_nonnull (field);

  field = steward_connector_spec_find_field (spec, "parameters.key");
  g_assert_cmpint (steward_connector_field_get_kind (field), ==, STEWARD_CONNECTOR_FIELD_FILE);
  g_assert_true (steward_connector_field_get_secret (field));
}

/* The demo's answer to GET /datastores/specifications, read into the same descriptions. */
static void
test_specifications_from_demo (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_MANAGER,
                                                                "serve-specifications", TRUE, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(GListModel) merged = NULL;
  g_autoptr(GListModel) builtin = load_builtin ();
  g_autoptr(GError) error = NULL;
  StewardConnectorSpec *spec;
  StewardConnectorField *field;
  gint64 min, max;

  CALL (result, steward_client_get_specifications_async (demo->client, NULL,
                                                         steward_test_store_result_cb, &result));
  specs = steward_client_get_specifications_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (specs), >=, 5);

  spec = steward_connector_spec_list_find (specs, "postgresql");
  g_assert_nonnull (spec);
  g_assert_cmpstr (steward_connector_spec_get_display_name (spec), ==, "PostgreSQL");
  g_assert_cmpint (steward_connector_spec_get_origin (spec), ==, STEWARD_CONNECTOR_ORIGIN_SERVER);
  field = steward_connector_spec_find_field (spec, "host");
  g_assert_cmpint (steward_connector_field_get_target (field), ==, STEWARD_CONNECTOR_TARGET_TOP);
  g_assert_true (steward_connector_field_get_required (field));
  field = steward_connector_spec_find_field (spec, "port");
  g_assert_cmpint (steward_connector_field_get_kind (field), ==, STEWARD_CONNECTOR_FIELD_NUMBER);
  g_assert_cmpstr (steward_connector_field_get_default_value (field), ==, "5432");
  g_assert_true (steward_connector_field_get_range (field, &min, &max));
  g_assert_cmpint (max, ==, 65535);
  field = steward_connector_spec_find_field (spec, "password");
  g_assert_cmpint (steward_connector_field_get_kind (field), ==, STEWARD_CONNECTOR_FIELD_SECRET);
  field = steward_connector_spec_find_field (spec, "parameters.sslmode");
  g_assert_cmpint (steward_connector_field_get_kind (field), ==, STEWARD_CONNECTOR_FIELD_CHOICE);
  g_assert_cmpstr (steward_connector_field_get_default_value (field), ==, "prefer");
  g_assert_true (g_strv_contains (steward_connector_field_get_choices (field), "verify-full"));

  spec = steward_connector_spec_list_find (specs, "snowflake");
  g_assert_nonnull (steward_connector_spec_find_field (spec, "parameters.role"));
  g_assert_nonnull (steward_connector_spec_find_field (spec, "parameters.authentication_type"));
  g_assert_cmpint (steward_connector_field_get_kind (
                       steward_connector_spec_find_field (spec, "passphrase")),
                   ==, STEWARD_CONNECTOR_FIELD_SECRET);

  spec = steward_connector_spec_list_find (specs, "s3");
  g_assert_true (steward_connector_spec_is_dfs (spec));
  g_assert_true (
      steward_connector_field_get_secret (steward_connector_spec_find_field (spec, "secret_key")));
  g_assert_nonnull (steward_connector_spec_find_field (spec, "parameters.role_arn"));

  /* Merged: the server's descriptions replace the built-in ones of the same types, the others
   * stay, and the generic connector is still last. */
  CALL (result, steward_client_load_connectors_async (demo->client, NULL,
                                                      steward_test_store_result_cb, &result));
  merged = steward_client_load_connectors_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (merged), ==, g_list_model_get_n_items (builtin));
  g_assert_cmpint (steward_connector_spec_get_origin (
                       steward_connector_spec_list_find (merged, "postgresql")),
                   ==, STEWARD_CONNECTOR_ORIGIN_SERVER);
  g_assert_cmpint (steward_connector_spec_get_origin (
                       steward_connector_spec_list_find (merged, "s3")),
                   ==, STEWARD_CONNECTOR_ORIGIN_SERVER);
  g_assert_cmpint (steward_connector_spec_get_origin (
                       steward_connector_spec_list_find (merged, "mariadb")),
                   ==, STEWARD_CONNECTOR_ORIGIN_BUILTIN);
  {
    g_autoptr(StewardConnectorSpec) last =
        g_list_model_get_item (merged, g_list_model_get_n_items (merged) - 1);
    g_assert_true (steward_connector_spec_is_generic (last));
  }
}

/* Without the endpoint, the forms are Steward's own. */
static void
test_specifications_absent (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(GListModel) merged = NULL;
  g_autoptr(GListModel) builtin = load_builtin ();
  g_autoptr(GError) error = NULL;

  CALL (result, steward_client_get_specifications_async (demo->client, NULL,
                                                         steward_test_store_result_cb, &result));
  specs = steward_client_get_specifications_finish (demo->client, result, &error);
  g_assert_null (specs);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  CALL (result, steward_client_load_connectors_async (demo->client, NULL,
                                                      steward_test_store_result_cb, &result));
  merged = steward_client_load_connectors_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (merged), ==, g_list_model_get_n_items (builtin));
  for (guint i = 0; i < g_list_model_get_n_items (merged); i++)
    {
      g_autoptr(StewardConnectorSpec) spec = g_list_model_get_item (merged, i);

      g_assert_cmpint (steward_connector_spec_get_origin (spec), ==,
                       STEWARD_CONNECTOR_ORIGIN_BUILTIN);
    }
}

static void
test_connection_hints (void)
{
  static const struct
  {
    const char               *message;
    StewardConnectionProblem  problem;
  } cases[] = {
    { "Connection refused: could not connect to server at refused.acme-corp.com:5432",
      STEWARD_CONNECTION_PROBLEM_REFUSED },
    { "Communications link failure: connect timed out", STEWARD_CONNECTION_PROBLEM_REFUSED },
    { "Unknown host: could not resolve db.invalid", STEWARD_CONNECTION_PROBLEM_UNKNOWN_HOST },
    { "java.net.UnknownHostException: warehouse.example", STEWARD_CONNECTION_PROBLEM_UNKNOWN_HOST },
    { "Authentication failed for user \"qualytics\"", STEWARD_CONNECTION_PROBLEM_AUTHENTICATION },
    { "FATAL: password authentication failed for user \"x\"",
      STEWARD_CONNECTION_PROBLEM_AUTHENTICATION },
    { "Access denied for user 'x'@'10.0.0.1' (using password: YES)",
      STEWARD_CONNECTION_PROBLEM_AUTHENTICATION },
    { "Access Denied: the credentials cannot read s3://denied-bucket",
      STEWARD_CONNECTION_PROBLEM_PERMISSION },
    { "ERROR: permission denied for schema finance", STEWARD_CONNECTION_PROBLEM_PERMISSION },
    { "Something else entirely", STEWARD_CONNECTION_PROBLEM_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      StewardConnectionProblem problem = steward_connection_problem_from_message (cases[i].message);

      g_test_message ("%s", cases[i].message);
      g_assert_cmpint (problem, ==, cases[i].problem);
      if (problem == STEWARD_CONNECTION_PROBLEM_UNKNOWN)
        g_assert_null (steward_connection_problem_get_hint (problem));
      else
        g_assert_nonnull (steward_connection_problem_get_hint (problem));
    }

  g_assert_cmpint (steward_connection_problem_from_message (NULL), ==,
                   STEWARD_CONNECTION_PROBLEM_UNKNOWN);
  g_assert_nonnull (
      strstr (steward_connection_problem_get_hint (STEWARD_CONNECTION_PROBLEM_REFUSED), "port"));
}

static StewardDatastore *
create_datastore (StewardTestDemo *demo,
                  gboolean         sync)
{
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  StewardDatastore *datastore;

  steward_datastore_request_set_name (request, "Followed");
  steward_datastore_request_set_connection_id (request, 7);
  steward_datastore_request_set_database (request, "production");
  steward_datastore_request_set_schema (request, "public");
  if (sync)
    steward_datastore_request_set_trigger_sync (request, TRUE);

  CALL (result, steward_client_create_datastore_async (demo->client, request, NULL,
                                                       steward_test_store_result_cb, &result));
  datastore = steward_client_create_datastore_finish (demo->client, result, &error);
  g_assert_no_error (error);
  return datastore;
}

static void
operation_found_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  guint *notified = user_data;

  (*notified)++;
}

static void
test_sync_follower (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_autoptr(StewardDatastore) datastore = create_datastore (demo, TRUE);
  g_autoptr(StewardSyncFollower) follower =
      steward_sync_follower_new (demo->client, steward_datastore_get_id (datastore));
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect (follower, "notify::operation", G_CALLBACK (operation_found_cb), &notified);
  g_assert_null (steward_sync_follower_get_operation (follower));

  CALL (result, steward_sync_follower_follow_async (follower, 50, NULL,
                                                    steward_test_store_result_cb, &result));
  operation = steward_sync_follower_follow_finish (follower, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (operation == steward_sync_follower_get_operation (follower));
  g_assert_cmpint (steward_operation_get_datastore_id (operation), ==,
                   steward_datastore_get_id (datastore));
  g_assert_true (steward_operation_is_finished (operation));
  g_assert_cmpint (steward_operation_get_result (operation), ==, STEWARD_OPERATION_SUCCESS);
}

static void
test_sync_follower_no_sync (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_autoptr(StewardDatastore) datastore = create_datastore (demo, FALSE);
  g_autoptr(StewardSyncFollower) follower =
      steward_sync_follower_new (demo->client, steward_datastore_get_id (datastore));
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  CALL (result, steward_sync_follower_follow_async (follower, 50, NULL,
                                                    steward_test_store_result_cb, &result));
  operation = steward_sync_follower_follow_finish (follower, result, &error);
  g_assert_null (operation);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
  g_assert_null (steward_sync_follower_get_operation (follower));
}

static gboolean
follower_has_operation_cb (gpointer user_data)
{
  return steward_sync_follower_get_operation (user_data) != NULL;
}

static void
test_sync_follower_cancel (void)
{
  g_autoptr(StewardTestDemo) demo =
      steward_test_demo_new_full (STEWARD_DEMO_ROLE_MANAGER, "operation-duration-ms", 60000, NULL);
  g_autoptr(StewardDatastore) datastore = create_datastore (demo, TRUE);
  g_autoptr(StewardSyncFollower) follower =
      steward_sync_follower_new (demo->client, steward_datastore_get_id (datastore));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_sync_follower_follow_async (follower, 50, cancellable, steward_test_store_result_cb,
                                      &result);
  g_assert_true (
      steward_test_wait_until (follower_has_operation_cb, follower, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_false (steward_operation_is_finished (steward_sync_follower_get_operation (follower)));

  g_cancellable_cancel (cancellable);
  steward_test_wait_result (&result);
  operation = steward_sync_follower_follow_finish (follower, result, &error);
  g_assert_null (operation);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/connectors/builtin-table", test_builtin_table);
  g_test_add_func ("/connectors/table-errors", test_table_errors);
  g_test_add_func ("/connectors/specification-mapping", test_specification_mapping);
  g_test_add_func ("/connectors/specifications-from-demo", test_specifications_from_demo);
  g_test_add_func ("/connectors/specifications-absent", test_specifications_absent);
  g_test_add_func ("/connectors/connection-hints", test_connection_hints);
  g_test_add_func ("/connectors/sync-follower", test_sync_follower);
  g_test_add_func ("/connectors/sync-follower-no-sync", test_sync_follower_no_sync);
  g_test_add_func ("/connectors/sync-follower-cancel", test_sync_follower_cancel);

  return g_test_run ();
}
