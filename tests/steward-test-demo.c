/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-test"

#include "steward-test-async.h"
#include "steward-test-demo.h"

/* Syncs take 300 ms instead of seconds, and the client waits 10 ms instead of 250 ms between
 * retries, so tests stay quick without changing what happens. */
StewardTestDemo *
steward_test_demo_new_full (StewardDemoRole  role,
                            const char      *first_property_name,
                            ...)
{
  StewardTestDemo *demo = g_new0 (StewardTestDemo, 1);
  g_autoptr(GError) error = NULL;
  va_list args;

  demo->server = steward_demo_server_new ();
  g_object_set (demo->server, "operation-duration-ms", 300, NULL);
  if (first_property_name != NULL)
    {
      va_start (args, first_property_name);
      g_object_set_valist (G_OBJECT (demo->server), first_property_name, args);
      va_end (args);
    }

  steward_demo_server_start (demo->server, 0, &error);
  g_assert_no_error (error);

  demo->client = steward_test_demo_new_client (demo, role);
  return demo;
}

StewardTestDemo *
steward_test_demo_new (StewardDemoRole role)
{
  return steward_test_demo_new_full (role, "operation-duration-ms", 300, NULL);
}

/* Returns: (transfer full): another client of the same server, as another role */
StewardClient *
steward_test_demo_new_client (StewardTestDemo *demo,
                              StewardDemoRole  role)
{
  g_autoptr(GError) error = NULL;
  StewardClient *client =
      steward_client_new (steward_demo_server_get_base_url (demo->server), &error);

  g_assert_no_error (error);
  steward_client_set_token (client, steward_demo_server_get_token (demo->server, role));
  steward_client_set_retries (client, 3, 10);
  return client;
}

/* Returns: (transfer full) (nullable): the last JSON body the server received on that route */
char *
steward_test_demo_last_body (StewardTestDemo *demo,
                             const char      *method,
                             const char      *path)
{
  g_autoptr(GPtrArray) bodies = steward_demo_server_dup_request_bodies (demo->server, method, path);

  if (bodies == NULL || bodies->len == 0)
    return NULL;

  return g_strdup (g_ptr_array_index (bodies, bodies->len - 1));
}

void
steward_test_demo_free (StewardTestDemo *demo)
{
  if (demo == NULL)
    return;

  g_clear_object (&demo->client);
  if (demo->server != NULL)
    steward_demo_server_stop (demo->server);
  g_clear_object (&demo->server);
  g_free (demo);
}

/* Returns: (transfer full): the server's groups; a failure fails the test. */
GListModel *
steward_test_list_groups (StewardClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *groups;

  steward_client_list_groups_async (client, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  groups = steward_client_list_groups_finish (client, result, &error);
  g_assert_no_error (error);
  return groups;
}

/* Returns: (transfer full) (nullable): the datastore @id as the server has it. Without @error, a
 * failure fails the test; with it, NULL and @error set (a deleted datastore, say). */
StewardDatastore *
steward_test_get_datastore (StewardClient  *client,
                            gint64          id,
                            GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  StewardDatastore *datastore;

  steward_client_get_datastore_async (client, id, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  datastore = steward_client_get_datastore_finish (client, result,
                                                   error != NULL ? error : &local_error);
  g_assert_no_error (local_error);
  return datastore;
}
