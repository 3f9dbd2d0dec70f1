/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "steward-client-private.h"
#include "steward-client-session.h"

/* GET /health needs no token and answers 204: whether the URL is a Qualytics server at all. */
void
steward_client_check_health_async (StewardClient       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  _steward_client_call (self, STEWARD_HTTP_GET, "health", NULL, NULL, STEWARD_CALL_ANONYMOUS,
                        NULL, NULL, steward_client_check_health_async,
                        cancellable, callback, user_data);
}

gboolean
steward_client_check_health_finish (StewardClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return _steward_client_call_finish_boolean (self, result, steward_client_check_health_async,
                                              error);
}

static gpointer
parse_user (JsonNode  *root,
            GError   **error)
{
  JsonObject *object = _steward_expect_object (root, error);

  return object != NULL ? steward_user_new_from_json (object) : NULL;
}

void
steward_client_get_current_user_async (StewardClient       *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  _steward_client_call (self, STEWARD_HTTP_GET, "users/me", NULL, NULL, STEWARD_CALL_NONE,
                        parse_user, g_object_unref, steward_client_get_current_user_async,
                        cancellable, callback, user_data);
}

StewardUser *
steward_client_get_current_user_finish (StewardClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_get_current_user_async, error);
}
