/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "steward-client-private.h"
#include "steward-client-specifications.h"

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
  g_autoptr(GListModel) server = NULL;
  g_autoptr(GError) error = NULL;

  server = steward_client_get_specifications_finish (STEWARD_CLIENT (object), result, &error);
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
      g_task_return_pointer (task, g_object_ref (builtin), g_object_unref);
      return;
    }

  g_task_return_pointer (task, steward_connector_spec_list_merge (builtin, server), g_object_unref);
}

void
steward_client_load_connectors_async (StewardClient       *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GListModel) builtin = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, steward_client_load_connectors_async);

  builtin = steward_connector_spec_list_load_builtin (&error);
  if (builtin == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, g_steal_pointer (&builtin), g_object_unref);
  steward_client_get_specifications_async (self, cancellable, specifications_cb, g_steal_pointer (&task));
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
