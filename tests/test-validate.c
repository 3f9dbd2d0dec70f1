/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Client-side validation: every documented limit is checked at both edges before anything is
 * sent, and a failure names the field, like a server's 422 would. */
#include <string.h>

#include "steward-api.h"

static char *
repeat (char  c,
        guint n)
{
  char *text = g_malloc (n + 1);

  memset (text, c, n);
  text[n] = '\0';
  return text;
}

static JsonObject *
postgres_connection (void)
{
  JsonObject *connection = json_object_new ();

  json_object_set_string_member (connection, "name", "pg");
  json_object_set_string_member (connection, "type", "postgresql");
  json_object_set_string_member (connection, "host", "db.acme-corp.com");
  return connection;
}

static StewardDatastoreRequest *
valid_create (void)
{
  StewardDatastoreRequest *request = steward_datastore_request_new ();

  steward_datastore_request_set_name (request, "Production Sales");
  steward_datastore_request_set_connection_id (request, 7);
  return request;
}

#define assert_field_error(request, kind, field) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    g_assert_false (steward_validate_datastore_request (request, kind, &_error)); \
    g_assert_error (_error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID); \
    g_assert_nonnull (steward_api_error_get_field_message (_error, field)); \
  } G_STMT_END

#define assert_valid(request, kind) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    g_assert_true (steward_validate_datastore_request (request, kind, &_error)); \
    g_assert_no_error (_error); \
  } G_STMT_END

static void
test_name_and_description (void)
{
  g_autofree char *max_name = repeat ('n', 255);
  g_autofree char *long_name = repeat ('n', 256);
  g_autofree char *long_description = repeat ('d', 256);
  g_autoptr(StewardDatastoreRequest) request = valid_create ();
  g_autoptr(StewardDatastoreRequest) update = steward_datastore_request_new ();

  assert_valid (request, STEWARD_REQUEST_CREATE);

  steward_datastore_request_set_name (request, max_name);
  assert_valid (request, STEWARD_REQUEST_CREATE);
  steward_datastore_request_set_name (request, long_name);
  assert_field_error (request, STEWARD_REQUEST_CREATE, "name");
  steward_datastore_request_set_name (request, "   ");
  assert_field_error (request, STEWARD_REQUEST_CREATE, "name");
  steward_datastore_request_remove (request, "name");
  assert_field_error (request, STEWARD_REQUEST_CREATE, "name");

  /* 255 characters, not bytes. */
  steward_datastore_request_set_name (request, "ü");
  steward_datastore_request_set_description (request, long_description);
  assert_field_error (request, STEWARD_REQUEST_CREATE, "description");

  /* An update without a name leaves it alone; an update to an empty name is refused. */
  steward_datastore_request_set_description (update, "fine");
  assert_valid (update, STEWARD_REQUEST_UPDATE);
  steward_datastore_request_set_name (update, "");
  assert_field_error (update, STEWARD_REQUEST_UPDATE, "name");
}

static void
test_connection_choice (void)
{
  g_autoptr(StewardDatastoreRequest) none = steward_datastore_request_new ();
  g_autoptr(StewardDatastoreRequest) dfs = steward_datastore_request_new ();
  g_autoptr(JsonObject) connection = postgres_connection ();
  g_autoptr(JsonObject) s3 = json_object_new ();
  g_autoptr(JsonObject) nameless = json_object_new ();
  g_autoptr(StewardDatastoreRequest) bad_connection = valid_create ();
  g_autoptr(StewardDatastoreRequest) both = valid_create ();
  JsonObject *body;

  steward_datastore_request_set_name (none, "x");
  assert_field_error (none, STEWARD_REQUEST_CREATE, "connection");

  /* Setting one replaces the other: never both. */
  steward_datastore_request_set_connection (none, connection);
  body = steward_datastore_request_get_object (none);
  g_assert_true (json_object_has_member (body, "connection"));
  g_assert_false (json_object_has_member (body, "connection_id"));
  steward_datastore_request_set_connection_id (none, 7);
  g_assert_false (json_object_has_member (body, "connection"));
  assert_valid (none, STEWARD_REQUEST_CREATE);

  /* Both at once, as a hand-built body might have them. */
  json_object_set_object_member (steward_datastore_request_get_object (both), "connection",
                                 postgres_connection ());
  assert_field_error (both, STEWARD_REQUEST_CREATE, "connection_id");

  json_object_set_string_member (nameless, "type", "postgresql");
  steward_datastore_request_set_connection (bad_connection, nameless);
  assert_field_error (bad_connection, STEWARD_REQUEST_CREATE, "connection.name");

  /* A DFS datastore needs its root path. */
  json_object_set_string_member (s3, "name", "lake");
  json_object_set_string_member (s3, "type", "s3");
  json_object_set_string_member (s3, "uri", "s3://acme-data-lake");
  steward_datastore_request_set_name (dfs, "Raw Events S3");
  steward_datastore_request_set_connection (dfs, s3);
  assert_field_error (dfs, STEWARD_REQUEST_CREATE, "root_path");
  steward_datastore_request_set_root_path (dfs, "/raw/events/2026/");
  assert_valid (dfs, STEWARD_REQUEST_CREATE);
}

static void
test_groups (void)
{
  g_autofree char *max_group = repeat ('g', 100);
  g_autofree char *long_group = repeat ('g', 101);
  g_autoptr(StewardDatastoreRequest) request = valid_create ();
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_validate_group ("P", "mdi-podium-gold", TRUE, NULL));
  g_assert_true (steward_validate_group (max_group, NULL, TRUE, NULL));
  g_assert_false (steward_validate_group (long_group, NULL, TRUE, &error));
  g_assert_nonnull (steward_api_error_get_field_message (error, "name"));
  g_clear_error (&error);
  g_assert_false (steward_validate_group ("", NULL, TRUE, &error));
  g_clear_error (&error);
  g_assert_false (steward_validate_group ("Ok", "mdi-rocket", TRUE, &error));
  g_assert_nonnull (steward_api_error_get_field_message (error, "icon"));
  g_clear_error (&error);
  /* Renaming without touching the icon, re-iconing without touching the name. */
  g_assert_true (steward_validate_group (NULL, "mdi-star-outline", FALSE, NULL));
  g_assert_true (steward_validate_group ("New name", NULL, FALSE, NULL));

  steward_datastore_request_set_new_group (request, long_group, "mdi-star-outline");
  assert_field_error (request, STEWARD_REQUEST_CREATE, "group.name");
  steward_datastore_request_set_new_group (request, "Gold", "mdi-podium-gold");
  assert_valid (request, STEWARD_REQUEST_CREATE);
  g_assert_false (steward_datastore_request_has (request, "group_id"));
  steward_datastore_request_set_group_id (request, 5);
  g_assert_false (steward_datastore_request_has (request, "group"));
  assert_valid (request, STEWARD_REQUEST_CREATE);

  json_object_set_object_member (steward_datastore_request_get_object (request), "group",
                                 json_object_new ());
  assert_field_error (request, STEWARD_REQUEST_CREATE, "group_id");
}

static void
test_enrichment_limits (void)
{
  g_autofree char *max_prefix = repeat ('p', 60);
  g_autofree char *long_prefix = repeat ('p', 61);
  static const struct { const char *field; gint64 value; gboolean ok; } ranges[] = {
    { "enrichment_source_record_limit", 1, TRUE },
    { "enrichment_source_record_limit", 1000000000, TRUE },
    { "enrichment_source_record_limit", 0, FALSE },
    { "enrichment_source_record_limit", 1000000001, FALSE },
    { "high_count_rollup_threshold", 1, TRUE },
    { "high_count_rollup_threshold", 1000, TRUE },
    { "high_count_rollup_threshold", 0, FALSE },
    { "high_count_rollup_threshold", 1001, FALSE },
    { "high_count_rollup_threshold", -5, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();

      json_object_set_int_member (steward_datastore_request_get_object (request), ranges[i].field,
                                  ranges[i].value);
      if (ranges[i].ok)
        assert_valid (request, STEWARD_REQUEST_UPDATE);
      else
        assert_field_error (request, STEWARD_REQUEST_UPDATE, ranges[i].field);
    }

  {
    g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();

    steward_datastore_request_set_enrichment_prefix (request, max_prefix);
    assert_valid (request, STEWARD_REQUEST_UPDATE);
    steward_datastore_request_set_enrichment_prefix (request, long_prefix);
    assert_field_error (request, STEWARD_REQUEST_UPDATE, "enrichment_prefix");
    steward_datastore_request_set_enrichment_prefix (request, "Analytics Bronze");
    assert_valid (request, STEWARD_REQUEST_UPDATE);

    for (guint i = 0; i < 3; i++)
      {
        static const char *ok[] = { "none", "append", "overwrite" };
        steward_datastore_request_set_enrichment_remediation_strategy (request, ok[i]);
        assert_valid (request, STEWARD_REQUEST_UPDATE);
      }
    steward_datastore_request_set_enrichment_remediation_strategy (request, "replace");
    assert_field_error (request, STEWARD_REQUEST_UPDATE, "enrichment_remediation_strategy");
  }
}

static void
test_bulk (void)
{
  static const char *schemas[] = { "public", "sales", NULL };
  static const char *paths[] = { "/raw/", NULL };
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autoptr(JsonObject) connection = postgres_connection ();
  JsonObject *body = steward_datastore_request_get_object (request);

  assert_field_error (request, STEWARD_REQUEST_BULK_EXISTING_CONNECTION, "schemas");
  steward_datastore_request_set_schemas (request, schemas);
  assert_valid (request, STEWARD_REQUEST_BULK_EXISTING_CONNECTION);
  assert_field_error (request, STEWARD_REQUEST_BULK_NEW_CONNECTION, "connection");
  steward_datastore_request_set_connection (request, connection);
  assert_valid (request, STEWARD_REQUEST_BULK_NEW_CONNECTION);
  assert_field_error (request, STEWARD_REQUEST_BULK_EXISTING_CONNECTION, "connection");

  steward_datastore_request_set_name_template (request, "prod_{{ schema }}");
  assert_valid (request, STEWARD_REQUEST_BULK_NEW_CONNECTION);
  steward_datastore_request_set_name_template (request, "prod_schema");
  assert_field_error (request, STEWARD_REQUEST_BULK_NEW_CONNECTION, "name_template");
  steward_datastore_request_set_name_template (request, "prod_{{ schema }}");

  /* Root paths replace schemas, never both. */
  steward_datastore_request_set_root_paths (request, paths);
  g_assert_false (json_object_has_member (body, "schemas"));
  assert_valid (request, STEWARD_REQUEST_BULK_NEW_CONNECTION);
  json_object_set_member (body, "schemas", steward_json_strv_node (schemas));
  assert_field_error (request, STEWARD_REQUEST_BULK_NEW_CONNECTION, "root_paths");
}

static void
test_reports_every_problem (void)
{
  g_autofree char *long_name = repeat ('n', 300);
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autoptr(GError) error = NULL;

  steward_datastore_request_set_name (request, long_name);
  steward_datastore_request_set_enrichment_source_record_limit (request, 0);
  steward_datastore_request_set_high_count_rollup_threshold (request, 5000);

  g_assert_false (steward_validate_datastore_request (request, STEWARD_REQUEST_CREATE, &error));
  g_assert_nonnull (steward_api_error_get_field_message (error, "name"));
  g_assert_nonnull (steward_api_error_get_field_message (error, "connection"));
  g_assert_nonnull (steward_api_error_get_field_message (error, "enrichment_source_record_limit"));
  g_assert_nonnull (steward_api_error_get_field_message (error, "high_count_rollup_threshold"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/name-and-description", test_name_and_description);
  g_test_add_func ("/validate/connection-choice", test_connection_choice);
  g_test_add_func ("/validate/groups", test_groups);
  g_test_add_func ("/validate/enrichment-limits", test_enrichment_limits);
  g_test_add_func ("/validate/bulk", test_bulk);
  g_test_add_func ("/validate/reports-every-problem", test_reports_every_problem);

  return g_test_run ();
}
