/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "steward-api-error.h"
#include "steward-client-private.h"
#include "steward-client-specifications.h"

/* The connector forms a deployment offers do not change while Steward talks to it: the first
 * answer is kept on the client, so that every dialog after the first opens without a request. */
#define CONNECTORS_KEY "steward-client-connectors"

static void
keep_connectors (StewardClient *self,
                 GListModel    *connectors)
{
  g_object_set_data_full (G_OBJECT (self), CONNECTORS_KEY, g_object_ref (connectors),
                          g_object_unref);
}

static gpointer
parse_specifications (JsonNode  *root,
                      GError   **error)
{
  return steward_connector_spec_list_new_from_specifications (root, error);
}

void
steward_client_get_specifications_async (StewardClient       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  _steward_client_call (self, STEWARD_HTTP_GET, "datastores/specifications", NULL, NULL,
                        STEWARD_CALL_NONE, parse_specifications, g_object_unref,
                        steward_client_get_specifications_async, cancellable, callback, user_data);
}

/* Returns: (transfer full): a GListModel of StewardConnectorSpec */
GListModel *
steward_client_get_specifications_finish (StewardClient  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_get_specifications_async, error);
}

static void
specifications_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GListModel *builtin = g_task_get_task_data (task);
  StewardClient *self = STEWARD_CLIENT (object);
  g_autoptr(GListModel) server = NULL;
  g_autoptr(GListModel) merged = NULL;
  g_autoptr(GError) error = NULL;

  server = steward_client_get_specifications_finish (self, result, &error);
  if (server == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* Most servers lack the endpoint (404, or a 422 reading "specifications" as an id):
       * Steward's own table is the answer then. */
      g_debug ("No connector specifications from the server: %s", error->message);
      /* Only a server that answered is sure not to have them; a network error may pass. */
      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND) ||
          g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID))
        keep_connectors (self, builtin);
      g_task_return_pointer (task, g_object_ref (builtin), g_object_unref);
      return;
    }

  merged = steward_connector_spec_list_merge (builtin, server);
  keep_connectors (self, merged);
  g_task_return_pointer (task, g_steal_pointer (&merged), g_object_unref);
}

void
steward_client_load_connectors_async (StewardClient       *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GListModel) builtin = NULL;
  GListModel *kept = g_object_get_data (G_OBJECT (self), CONNECTORS_KEY);
  GError *error = NULL;

  g_task_set_source_tag (task, steward_client_load_connectors_async);

  if (kept != NULL)
    {
      g_task_return_pointer (task, g_object_ref (kept), g_object_unref);
      return;
    }

  builtin = steward_connector_spec_list_load_builtin (&error);
  if (builtin == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, g_steal_pointer (&builtin), g_object_unref);
  steward_client_get_specifications_async (self, cancellable, specifications_cb,
                                           g_steal_pointer (&task));
}

/* Returns: (transfer full): a GListModel of StewardConnectorSpec */
GListModel *
steward_client_load_connectors_finish (StewardClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
