/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-test"

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
  StewardClient *client = steward_client_new (steward_demo_server_get_base_url (demo->server), &error);

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
