/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The failures real servers and networks produce, injected by the demo server: every one comes
 * back as a typed error, idempotent GETs are tried again and succeed, and nothing that changes
 * data is ever sent twice. */
#include "steward-test-async.h"
#include "steward-test-demo.h"

static guint
count (StewardTestDemo *demo,
       const char      *method,
       const char      *path)
{
  return steward_demo_server_count_requests (demo->server, method, path);
}

static StewardUser *
current_user (StewardTestDemo *demo,
              GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  steward_client_get_current_user_async (demo->client, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  return steward_client_get_current_user_finish (demo->client, result, error);
}

static void
test_get_retried (void)
{
  static const StewardDemoFault transient[] = {
    STEWARD_DEMO_FAULT_502, STEWARD_DEMO_FAULT_503, STEWARD_DEMO_FAULT_DROP,
  };

  for (guint i = 0; i < G_N_ELEMENTS (transient); i++)
    {
      g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
      g_autoptr(StewardUser) user = NULL;
      g_autoptr(GError) error = NULL;

      /* Two failures, then the third attempt gets through. */
      steward_demo_server_inject_fault (demo->server, "GET", "/api/users/me", transient[i], 2);
      user = current_user (demo, &error);
      g_assert_no_error (error);
      g_assert_nonnull (user);
      g_assert_cmpuint (count (demo, "GET", "/api/users/me"), ==, 3);
    }
}

static void
test_get_gives_up (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardUser) user = NULL;
  g_autoptr(GError) error = NULL;

  /* The first try and three retries, then the typed error. */
  steward_demo_server_inject_fault (demo->server, "GET", "/api/users/me", STEWARD_DEMO_FAULT_503,
                                    10);
  user = current_user (demo, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_SERVER);
  g_assert_cmpuint (steward_api_error_get_http_status (error), ==, 503);
  g_assert_cmpuint (count (demo, "GET", "/api/users/me"), ==, 4);
}

static void
test_get_not_retried (void)
{
  static const struct { StewardDemoFault fault; int code; } permanent[] = {
    { STEWARD_DEMO_FAULT_500, STEWARD_API_ERROR_SERVER },
    { STEWARD_DEMO_FAULT_NOT_JSON, STEWARD_API_ERROR_PARSE },
  };

  /* A 500 or an answer that is not JSON would not change with a second try. */
  for (guint i = 0; i < G_N_ELEMENTS (permanent); i++)
    {
      g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
      g_autoptr(StewardUser) user = NULL;
      g_autoptr(GError) error = NULL;

      steward_demo_server_inject_fault (demo->server, "GET", "/api/users/me", permanent[i].fault,
                                        1);
      user = current_user (demo, &error);
      g_assert_null (user);
      g_assert_error (error, STEWARD_API_ERROR, permanent[i].code);
      g_assert_cmpuint (count (demo, "GET", "/api/users/me"), ==, 1);
    }
}

static void
test_truncated (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardUser) user = NULL;
  g_autoptr(GError) error = NULL;

  /* A body cut short is a network failure (retried) or a parse failure, never a crash or a
   * half-read user. Once the fault is spent, the retry gets the whole answer. */
  steward_demo_server_inject_fault (demo->server, "GET", "/api/users/me",
                                    STEWARD_DEMO_FAULT_TRUNCATED, 1);
  user = current_user (demo, &error);
  if (error != NULL)
    {
      g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);
      g_assert_cmpuint (count (demo, "GET", "/api/users/me"), ==, 1);
    }
  else
    {
      g_assert_cmpint (steward_user_get_role (user), ==, STEWARD_ROLE_ADMIN);
      g_assert_cmpuint (count (demo, "GET", "/api/users/me"), ==, 2);
    }
}

static void
test_writes_sent_once (void)
{
  static const StewardDemoFault faults[] = {
    STEWARD_DEMO_FAULT_502, STEWARD_DEMO_FAULT_503, STEWARD_DEMO_FAULT_DROP, STEWARD_DEMO_FAULT_500,
  };
  static const char *schemas[] = { "public", "sales", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
      g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(StewardBulkResult) bulk = NULL;

      steward_datastore_request_set_database (request, "analytics_db");
      steward_datastore_request_set_schemas (request, schemas);
      steward_datastore_request_set_name_template (request, "analytics_{{ schema }}");

      /* The server sees exactly one bulk create, whatever went wrong with it. */
      steward_demo_server_inject_fault (demo->server, "POST", "/api/connections/7/datastores/bulk",
                                        faults[i], 1);
      steward_client_bulk_create_async (demo->client, 7, request, NULL,
                                        steward_test_store_result_cb, &result);
      steward_test_wait_result (&result);
      bulk = steward_client_bulk_create_finish (demo->client, result, &error);
      g_assert_null (bulk);
      g_assert_true (
          error->domain == STEWARD_API_ERROR &&
          (error->code == STEWARD_API_ERROR_SERVER || error->code == STEWARD_API_ERROR_NETWORK));
      g_assert_cmpuint (count (demo, "POST", "/api/connections/7/datastores/bulk"), ==, 1);
    }
}

static void
test_fault_rate (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN,
                                                                "fault-rate", 0.3, "seed", 7, NULL);
  guint ok = 0;
  guint failed = 0;

  /* A third of the answers are broken in random ways: every call still ends, each failure
   * typed, and most calls succeed thanks to the retries. */
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(StewardDatastore) datastore = NULL;

      steward_client_get_datastore_async (demo->client, 42, NULL, steward_test_store_result_cb,
                                          &result);
      steward_test_wait_result (&result);
      datastore = steward_client_get_datastore_finish (demo->client, result, &error);
      if (datastore != NULL)
        {
          g_assert_cmpstr (steward_datastore_get_name (datastore), ==, "Production Sales");
          ok++;
        }
      else
        {
          g_assert_true (error->domain == STEWARD_API_ERROR);
          failed++;
        }
    }

  g_assert_cmpuint (ok + failed, ==, 40);
  g_assert_cmpuint (ok, >, failed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-faults/get-retried", test_get_retried);
  g_test_add_func ("/client-faults/get-gives-up", test_get_gives_up);
  g_test_add_func ("/client-faults/get-not-retried", test_get_not_retried);
  g_test_add_func ("/client-faults/truncated", test_truncated);
  g_test_add_func ("/client-faults/writes-sent-once", test_writes_sent_once);
  g_test_add_func ("/client-faults/fault-rate", test_fault_rate);

  return g_test_run ();
}
