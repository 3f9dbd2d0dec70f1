/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-demo-test-client.h"

#include <string.h>

/* Connections and connection tests. The tests' outcomes follow fixed rules on the host, the
 * password and the URI, which later UI tests rely on. */

#define ADMIN STEWARD_DEMO_ROLE_ADMIN
#define MANAGER STEWARD_DEMO_ROLE_MANAGER
#define MEMBER STEWARD_DEMO_ROLE_MEMBER

static const char *const secrets[] = { "password", "passphrase", "secret_key",
                                       "credentials_payload" };

static void
assert_no_secrets (JsonNode *connection)
{
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (demo_has (connection, secrets[i]))
      g_error ("Connection %" G_GINT64_FORMAT " shows its %s",
               demo_get_int (connection, "id"), secrets[i]);
}

static void
test_list (DemoFixture   *f,
           gconstpointer  data)
{
  g_autoptr(DemoResponse) list = demo_request (f, MEMBER, "GET", "/connections", NULL);
  g_autoptr(DemoResponse) page = demo_request (f, MEMBER, "GET", "/connections?size=2&page=2",
                                               NULL);
  g_autoptr(DemoResponse) by_type = demo_request (f, MEMBER, "GET",
                                                  "/connections?type=postgresql&type=s3", NULL);
  g_autoptr(DemoResponse) comma = demo_request (f, MEMBER, "GET", "/connections?type=mysql,s3",
                                                NULL);
  g_autoptr(DemoResponse) by_name = demo_request (f, MEMBER, "GET",
                                                  "/connections?name=s3_data_lake", NULL);
  g_autoptr(DemoResponse) too_big = demo_request (f, MEMBER, "GET", "/connections?size=500",
                                                  NULL);

  demo_assert_status (list, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (list->root, "total"), ==, 5);
  g_assert_cmpint (demo_get_int (list->root, "pages"), ==, 1);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *path = g_strdup_printf ("items.%u", i);

      assert_no_secrets (demo_json_at (list->root, path));
    }
  g_assert_cmpint (demo_get_int (page->root, "pages"), ==, 3);
  g_assert_cmpint (demo_get_int (page->root, "items.0.id"), ==, 7);
  g_assert_cmpint (demo_get_int (by_type->root, "total"), ==, 3);
  g_assert_cmpint (demo_get_int (comma->root, "total"), ==, 2);
  g_assert_cmpint (demo_get_int (by_name->root, "total"), ==, 1);
  g_assert_cmpint (demo_get_int (by_name->root, "items.0.id"), ==, 12);
  demo_assert_validation (too_big, "query.size", "less_than_equal");
}

static void
test_get (DemoFixture   *f,
          gconstpointer  data)
{
  g_autoptr(DemoResponse) postgres = demo_request (f, MEMBER, "GET", "/connections/7", NULL);
  g_autoptr(DemoResponse) snowflake = demo_request (f, MEMBER, "GET", "/connections/5", NULL);
  g_autoptr(DemoResponse) s3 = demo_request (f, MEMBER, "GET", "/connections/12", NULL);
  g_autoptr(DemoResponse) missing = demo_request (f, MEMBER, "GET", "/connections/999", NULL);

  demo_assert_status (postgres, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (postgres->root, "name"), ==, "postgres_production");
  g_assert_cmpstr (demo_get_string (postgres->root, "type"), ==, "postgresql");
  g_assert_cmpstr (demo_get_string (postgres->root, "store_type"), ==, "jdbc");
  g_assert_cmpstr (demo_get_string (postgres->root, "host"), ==, "db.acme-corp.com");
  g_assert_cmpint (demo_get_int (postgres->root, "port"), ==, 5432);
  g_assert_cmpstr (demo_get_string (postgres->root, "username"), ==, "qualytics_reader");
  assert_no_secrets (postgres->root);

  g_assert_cmpstr (demo_get_string (snowflake->root, "parameters.warehouse"), ==, "QUALYTICS_WH");
  g_assert_cmpstr (demo_get_string (snowflake->root, "parameters.role"), ==,
                   "QUALYTICS_READ_ROLE");
  assert_no_secrets (snowflake->root);

  g_assert_cmpstr (demo_get_string (s3->root, "store_type"), ==, "dfs");
  g_assert_cmpstr (demo_get_string (s3->root, "uri"), ==, "s3://acme-data-lake");
  /* DFS connections do return their access key. */
  g_assert_cmpstr (demo_get_string (s3->root, "access_key"), ==, "AKIAIOSFODNN7EXAMPLE");
  assert_no_secrets (s3->root);

  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Connection id: 999 not found");
}

static void
test_create (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(DemoResponse) created =
      demo_request (f, MANAGER, "POST", "/connections",
                    "{\"name\": \"warehouse\", \"type\": \"snowflake\", \"host\": "
                    "\"acme.snowflakecomputing.com\","
                    " \"username\": \"u\", \"password\": \"p\", \"passphrase\": \"k\","
                    " \"jdbc_fetch_size\": 1000, \"max_parallelization\": 4,"
                    " \"parameters\": {\"role\": \"R\", \"warehouse\": \"W\", "
                    "\"authentication_type\": \"keypair\"}}");
  g_autoptr(DemoResponse) same_name = demo_request (f, MANAGER, "POST", "/connections",
    "{\"name\": \"warehouse\", \"type\": \"bigquery\", \"credentials_payload\": {\"k\": \"v\"}}");
  g_autoptr(DemoResponse) lake = demo_request (f, MANAGER, "POST", "/connections",
    "{\"name\": \"lake\", \"type\": \"gcs\", \"uri\": \"gs://bucket\", \"secret_key\": \"s\"}");
  g_autoptr(DemoResponse) read = NULL;

  demo_assert_status (created, SOUP_STATUS_CREATED);
  assert_no_secrets (created->root);
  g_assert_cmpint (demo_get_int (created->root, "id"), >, 12);
  g_assert_cmpint (demo_get_int (created->root, "jdbc_fetch_size"), ==, 1000);
  g_assert_cmpint (demo_get_int (created->root, "max_parallelization"), ==, 4);
  g_assert_cmpstr (demo_get_string (created->root, "parameters.authentication_type"), ==,
                   "keypair");
  g_assert_true (demo_is_null (created->root, "port"));

  demo_assert_status (same_name, SOUP_STATUS_CREATED);
  g_assert_cmpstr (demo_get_string (same_name->root, "type"), ==, "bigquery");
  assert_no_secrets (same_name->root);
  demo_assert_status (lake, SOUP_STATUS_CREATED);
  g_assert_cmpstr (demo_get_string (lake->root, "store_type"), ==, "dfs");

  read = demo_request_printf (f, MEMBER, "GET", NULL, "/connections/%" G_GINT64_FORMAT,
                              demo_get_int (created->root, "id"));
  g_assert_cmpstr (read->body, ==, created->body);
}

static void
test_create_validation (DemoFixture   *f,
                        gconstpointer  data)
{
  static const struct
  {
    const char *body;
    const char *loc;
    const char *type;
  } cases[] = {
    { "{\"type\": \"postgresql\", \"host\": \"h\"}", "body.name", "missing" },
    { "{\"name\": \"x\"}", "body.type", "missing" },
    { "{\"name\": \"x\", \"type\": \"mongodb\"}", "body.type", "enum" },
    { "{\"name\": \"x\", \"type\": \"postgresql\"}", "body.host", "missing" },
    { "{\"name\": \"x\", \"type\": \"postgresql\", \"host\": \"\"}", "body.host", "missing" },
    { "{\"name\": \"x\", \"type\": \"databricks\"}", "body.host", "missing" },
    { "{\"name\": \"x\", \"type\": \"s3\"}", "body.uri", "missing" },
    { "{\"name\": \"x\", \"type\": \"abfs\", \"host\": \"h\"}", "body.uri", "missing" },
    { "{\"name\": \"\", \"type\": \"athena\"}", "body.name", "string_too_short" },
    { "{\"name\": \"x\", \"type\": \"mysql\", \"host\": \"h\", \"port\": 0}", "body.port",
      "greater_than_equal" },
    { "{\"name\": \"x\", \"type\": \"mysql\", \"host\": \"h\", \"port\": \"3306\"}", "body.port",
      "int_type" },
    { "{\"name\": \"x\", \"type\": \"mysql\", \"host\": 5}", "body.host", "string_type" },
    { "{\"name\": \"x\", \"type\": \"mysql\", \"host\": \"h\", \"parameters\": []}",
      "body.parameters", "model_attributes_type" },
    { "{\"name\": \"x\", \"type\": \"mysql\", \"host\": \"h\", \"secrets_manager\": \"vault\"}",
      "body.secrets_manager", "model_attributes_type" },
  };
  g_autofree char *before = demo_snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(DemoResponse) member = demo_request (f, MEMBER, "POST", "/connections",
                                                 "{\"name\": \"x\", \"type\": \"athena\"}");
  g_autoptr(DemoResponse) athena = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DemoResponse) response = demo_request (f, MANAGER, "POST", "/connections",
                                                       cases[i].body);

      demo_assert_validation (response, cases[i].loc, cases[i].type);
    }
  demo_assert_detail (member, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");

  after = demo_snapshot (f);
  g_assert_cmpstr (before, ==, after);

  /* Athena and BigQuery have no host. */
  athena =
      demo_request (f, MANAGER, "POST", "/connections", "{\"name\": \"x\", \"type\": \"athena\"}");
  demo_assert_status (athena, SOUP_STATUS_CREATED);
}

/* Name and type are required on update; the rest is partial; an empty secret is unchanged. */
static void
test_update (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(DemoResponse) no_type = demo_request (f, MANAGER, "PUT", "/connections/7",
                                                  "{\"name\": \"pg\"}");
  g_autoptr(DemoResponse) update = demo_request (f, MANAGER, "PUT", "/connections/7",
                                                 "{\"name\": \"pg\", \"type\": \"postgresql\","
                                                 " \"port\": 6543, \"password\": \"\"}");
  g_autoptr(DemoResponse) test = demo_request (f, MANAGER, "POST", "/connections/7/test", NULL);
  g_autoptr(DemoResponse) retype = demo_request (f, MANAGER, "PUT", "/connections/7",
                                                 "{\"name\": \"pg\", \"type\": \"mysql\"}");
  g_autoptr(DemoResponse) wrong = demo_request (f, MANAGER, "PUT", "/connections/7",
                                                "{\"name\": \"pg\", \"type\": \"postgresql\","
                                                " \"password\": \"wrong\"}");
  g_autoptr(DemoResponse) test_wrong = demo_request (f, MANAGER, "POST", "/connections/7/test",
                                                     NULL);
  g_autoptr(DemoResponse) missing = demo_request (f, MANAGER, "PUT", "/connections/999",
                                                  "{\"name\": \"pg\", \"type\": \"postgresql\"}");
  g_autoptr(DemoResponse) datastore = demo_request (f, MANAGER, "GET", "/datastores/42", NULL);

  demo_assert_validation (no_type, "body.type", "missing");
  demo_assert_status (update, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (update->root, "name"), ==, "pg");
  g_assert_cmpint (demo_get_int (update->root, "port"), ==, 6543);
  g_assert_cmpstr (demo_get_string (update->root, "host"), ==, "db.acme-corp.com");
  g_assert_cmpstr (demo_get_string (update->root, "username"), ==, "qualytics_reader");
  assert_no_secrets (update->root);
  g_assert_true (demo_get_bool (test->root, "connected"));
  demo_assert_status (retype, SOUP_STATUS_CONFLICT);
  demo_assert_status (wrong, SOUP_STATUS_OK);
  g_assert_false (demo_get_bool (test_wrong->root, "connected"));
  g_assert_cmpstr (demo_get_string (test_wrong->root, "message"), ==,
                   "Authentication failed for user \"qualytics_reader\"");
  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Connection id: 999 not found");
  /* Datastores show the connection's new name. */
  g_assert_cmpstr (demo_get_string (datastore->root, "connection.name"), ==, "pg");
}

static void
test_delete (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(DemoResponse) used = demo_request (f, MANAGER, "DELETE", "/connections/12", NULL);
  g_autoptr(DemoResponse) created = demo_request (f, MANAGER, "POST", "/connections",
                                                  "{\"name\": \"spare\", \"type\": \"trino\","
                                                  " \"host\": \"trino.acme-corp.com\"}");
  g_autoptr(DemoResponse) member = NULL;
  g_autoptr(DemoResponse) deleted = NULL;
  g_autoptr(DemoResponse) again = NULL;
  gint64 id = demo_get_int (created->root, "id");

  demo_assert_detail (used, SOUP_STATUS_CONFLICT, "Connection id: 12 is used by 3 datastores");
  member = demo_request_printf (f, MEMBER, "DELETE", NULL, "/connections/%" G_GINT64_FORMAT, id);
  demo_assert_detail (member, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");
  deleted = demo_request_printf (f, MANAGER, "DELETE", NULL, "/connections/%" G_GINT64_FORMAT,
                                 id);
  demo_assert_status (deleted, SOUP_STATUS_NO_CONTENT);
  again = demo_request_printf (f, MANAGER, "DELETE", NULL, "/connections/%" G_GINT64_FORMAT, id);
  g_assert_cmpint (again->status, ==, SOUP_STATUS_NOT_FOUND);
}

/* POST /datastores/connection, with the reference's own example and every rule. */
static void
test_connection_rules (DemoFixture   *f,
                       gconstpointer  data)
{
  static const struct
  {
    const char *connection;
    const char *message; /* NULL: 204 */
  } cases[] = {
    { "{\"name\": \"pg_test\", \"type\": \"postgresql\", \"host\": \"db.acme-corp.com\","
      " \"port\": 5432, \"username\": \"qualytics_reader\", \"password\": \"s3cur3_p4ssw0rd\"}",
      NULL },
    { "{\"type\": \"postgresql\", \"host\": \"refused.acme-corp.com\"}",
      "Connection refused: could not connect to server at refused.acme-corp.com:5432" },
    { "{\"type\": \"mysql\", \"host\": \"refused.acme-corp.com\"}",
      "Connection refused: could not connect to server at refused.acme-corp.com:3306" },
    { "{\"type\": \"postgresql\", \"host\": \"refused.acme-corp.com\", \"port\": 6000}",
      "Connection refused: could not connect to server at refused.acme-corp.com:6000" },
    { "{\"type\": \"oracle\", \"host\": \"db.nowhere.invalid\"}",
      "Unknown host: could not resolve db.nowhere.invalid" },
    { "{\"type\": \"postgresql\", \"host\": \"db.acme-corp.com\", \"username\": \"ana\","
      " \"password\": \"wrong\"}", "Authentication failed for user \"ana\"" },
    { "{\"type\": \"s3\", \"uri\": \"s3://denied-bucket\"}",
      "Access Denied: the credentials cannot read s3://denied-bucket" },
    { "{\"type\": \"s3\", \"uri\": \"s3://acme-data-lake\"}", NULL },
    { "{\"type\": \"bigquery\"}", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"name\": \"Test\", \"connection\": %s,"
                                               " \"database\": \"production\"}",
                                               cases[i].connection);
      g_autoptr(DemoResponse) response = demo_request (f, MANAGER, "POST",
                                                       "/datastores/connection", body);

      if (cases[i].message == NULL)
        {
          demo_assert_status (response, SOUP_STATUS_NO_CONTENT);
          g_assert_cmpstr (response->body, ==, "");
          continue;
        }
      demo_assert_status (response, SOUP_STATUS_BAD_REQUEST);
      g_assert_cmpstr (demo_get_string (response->root, "message"), ==, cases[i].message);
    }
}

static void
test_connection_by_id (DemoFixture   *f,
                       gconstpointer  data)
{
  g_autoptr(DemoResponse) good = demo_request (f, MANAGER, "POST", "/datastores/connection",
                                               "{\"connection_id\": 7}");
  g_autoptr(DemoResponse) refused = demo_request (f, MANAGER, "POST", "/datastores/connection",
                                                  "{\"connection_id\": 9}");
  g_autoptr(DemoResponse) missing = demo_request (f, MANAGER, "POST", "/datastores/connection",
                                                  "{\"connection_id\": 999}");
  g_autoptr(DemoResponse) neither = demo_request (f, MANAGER, "POST", "/datastores/connection",
                                                  "{\"name\": \"x\"}");
  g_autoptr(DemoResponse) both = demo_request (f, MANAGER, "POST", "/datastores/connection",
                                               "{\"connection_id\": 7, \"connection\":"
                                               " {\"type\": \"athena\"}}");
  g_autoptr(DemoResponse) member = demo_request (f, MEMBER, "POST", "/datastores/connection",
                                                 "{\"connection_id\": 7}");

  demo_assert_status (good, SOUP_STATUS_NO_CONTENT);
  demo_assert_status (refused, SOUP_STATUS_BAD_REQUEST);
  g_assert_cmpstr (demo_get_string (refused->root, "message"), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Connection id: 999 not found");
  demo_assert_validation (neither, "body.connection", "missing");
  demo_assert_validation (both, "body.connection_id", "value_error");
  demo_assert_detail (member, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");
}

/* POST /connections/{id}/test and POST /datastores/{id}/connection answer 200 either way. */
static void
test_test_and_verify (DemoFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(DemoResponse) good = demo_request (f, MANAGER, "POST", "/connections/7/test", NULL);
  g_autoptr(DemoResponse) refused = demo_request (f, MANAGER, "POST", "/connections/9/test", NULL);
  g_autoptr(DemoResponse) override = demo_request (f, MANAGER, "POST", "/connections/9/test",
                                                   "{\"host\": \"db.acme-corp.com\"}");
  g_autoptr(DemoResponse) wrong = demo_request (f, MANAGER, "POST", "/connections/7/test",
                                                "{\"username\": \"bob\", \"password\": \"wrong\"}");
  g_autoptr(DemoResponse) missing = demo_request (f, MANAGER, "POST", "/connections/999/test",
                                                  NULL);
  g_autoptr(DemoResponse) verify_good = demo_request (f, MANAGER, "POST",
                                                      "/datastores/42/connection", NULL);
  g_autoptr(DemoResponse) verify_refused = demo_request (f, MANAGER, "POST",
                                                         "/datastores/39/connection", NULL);
  g_autoptr(DemoResponse) verify_missing = demo_request (f, MANAGER, "POST",
                                                         "/datastores/999/connection", NULL);
  g_autoptr(DemoResponse) after = demo_request (f, MANAGER, "GET", "/datastores/39", NULL);
  g_autoptr(DemoResponse) still_refused = demo_request (f, MANAGER, "POST", "/connections/9/test",
                                                        NULL);

  demo_assert_status (good, SOUP_STATUS_OK);
  g_assert_true (demo_get_bool (good->root, "connected"));
  g_assert_false (demo_has (good->root, "message"));
  demo_assert_status (refused, SOUP_STATUS_OK);
  g_assert_false (demo_get_bool (refused->root, "connected"));
  g_assert_cmpstr (demo_get_string (refused->root, "message"), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  g_assert_true (demo_get_bool (override->root, "connected"));
  g_assert_cmpstr (demo_get_string (wrong->root, "message"), ==,
                   "Authentication failed for user \"bob\"");
  demo_assert_detail (missing, SOUP_STATUS_NOT_FOUND, "Connection id: 999 not found");

  g_assert_true (demo_get_bool (verify_good->root, "connected"));
  demo_assert_status (verify_refused, SOUP_STATUS_OK);
  g_assert_false (demo_get_bool (verify_refused->root, "connected"));
  g_assert_nonnull (demo_get_string (verify_refused->root, "message"));
  demo_assert_detail (verify_missing, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
  g_assert_false (demo_get_bool (after->root, "connected"));
  /* Override credentials are for the test only. */
  g_assert_false (demo_get_bool (still_refused->root, "connected"));
}

/* A host starting with "slow." answers after 20 s without holding up anybody else, and a client
 * that gives up changes nothing for the server. */
static void
test_slow_host (DemoFixture   *f,
                gconstpointer  data)
{
  g_autoptr(SoupSession) impatient = soup_session_new_with_options ("timeout", 1, NULL);
  DemoFixture impatient_fixture = { f->server, impatient };
  g_autoptr(DemoResponse) slow = demo_request (&impatient_fixture, MANAGER, "POST",
                                               "/datastores/connection",
                                               "{\"connection\": {\"type\": \"postgresql\","
                                               " \"host\": \"slow.acme-corp.com\"}}");
  g_autoptr(DemoResponse) fast = demo_request (f, MANAGER, "GET", "/health", NULL);
  g_autoptr(DemoResponse) test = demo_request (&impatient_fixture, MANAGER, "POST",
                                               "/connections/7/test",
                                               "{\"host\": \"slow.acme-corp.com\"}");
  g_autoptr(DemoResponse) after = demo_request (f, MANAGER, "GET", "/datastores/42", NULL);

  g_assert_cmpuint (slow->status, ==, 0);
  g_assert_error (slow->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  demo_assert_status (fast, SOUP_STATUS_NO_CONTENT);
  g_assert_cmpfloat (fast->seconds, <, 1.0);
  g_assert_cmpuint (test->status, ==, 0);
  demo_assert_status (after, SOUP_STATUS_OK);
  g_assert_cmpuint (steward_demo_server_count_requests (f->server, "POST",
                                                        "/api/datastores/connection"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, DemoFixture, NULL, demo_fixture_setup, func, demo_fixture_teardown)

  ADD ("/connections/list", test_list);
  ADD ("/connections/get", test_get);
  ADD ("/connections/create", test_create);
  ADD ("/connections/create-validation", test_create_validation);
  ADD ("/connections/update", test_update);
  ADD ("/connections/delete", test_delete);
  ADD ("/connections/connection-rules", test_connection_rules);
  ADD ("/connections/connection-by-id", test_connection_by_id);
  ADD ("/connections/test-and-verify", test_test_and_verify);
  ADD ("/connections/slow-host", test_slow_host);

  return g_test_run ();
}
