/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "steward-client-groups.h"
#include "steward-client-private.h"
#include "steward-validate.h"

static gpointer
parse_groups (JsonNode  *root,
              GError   **error)
{
  JsonArray *items = _steward_expect_items (root, error);
  GListStore *store;

  if (items == NULL)
    return NULL;

  store = g_list_store_new (STEWARD_TYPE_DATASTORE_GROUP);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      g_autoptr(StewardDatastoreGroup) group = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      group = steward_datastore_group_new_from_json (json_node_get_object (element));
      g_list_store_append (store, group);
    }

  return store;
}

/* GET /datastore-groups is a bare array ordered by name; an envelope is accepted too. */
void
steward_client_list_groups_async (StewardClient       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  _steward_client_call (self, STEWARD_HTTP_GET, "datastore-groups", NULL, NULL, STEWARD_CALL_NONE,
                        parse_groups, g_object_unref, steward_client_list_groups_async,
                        cancellable, callback, user_data);
}

/* Returns: (transfer full): a GListModel of StewardDatastoreGroup */
GListModel *
steward_client_list_groups_finish (StewardClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_list_groups_async, error);
}

static JsonNode *
group_body (const char *name,
            const char *icon)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  if (name != NULL)
    json_object_set_string_member (object, "name", name);
  if (icon != NULL)
    json_object_set_string_member (object, "icon", icon);

  json_node_take_object (node, object);
  return node;
}

void
steward_client_create_group_async (StewardClient       *self,
                                   const char          *name,
                                   const char          *icon,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  if (!steward_validate_group (name, icon, TRUE, &error))
    {
      _steward_client_fail (self, steward_client_create_group_async, error, callback, user_data);
      return;
    }

  body = group_body (name, icon);
  _steward_client_call (self, STEWARD_HTTP_POST, "datastore-groups", NULL, body, STEWARD_CALL_NONE,
                        _steward_parse_group, g_object_unref, steward_client_create_group_async,
                        cancellable, callback, user_data);
}

StewardDatastoreGroup *
steward_client_create_group_finish (StewardClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_create_group_async, error);
}

/* Name and icon may each be NULL to leave them as they are. */
void
steward_client_update_group_async (StewardClient       *self,
                                   gint64               group_id,
                                   const char          *name,
                                   const char          *icon,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (!steward_validate_group (name, icon, FALSE, &error))
    {
      _steward_client_fail (self, steward_client_update_group_async, error, callback, user_data);
      return;
    }

  body = group_body (name, icon);
  path = g_strdup_printf ("datastore-groups/%" G_GINT64_FORMAT, group_id);
  _steward_client_call (self, STEWARD_HTTP_PUT, path, NULL, body, STEWARD_CALL_NONE,
                        _steward_parse_group, g_object_unref, steward_client_update_group_async,
                        cancellable, callback, user_data);
}

StewardDatastoreGroup *
steward_client_update_group_finish (StewardClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_update_group_async, error);
}

/* The group's datastores become ungrouped; the datastores themselves stay. */
void
steward_client_delete_group_async (StewardClient       *self,
                                   gint64               group_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("datastore-groups/%" G_GINT64_FORMAT, group_id);

  _steward_client_call (self, STEWARD_HTTP_DELETE, path, NULL, NULL, STEWARD_CALL_NONE,
                        NULL, NULL, steward_client_delete_group_async,
                        cancellable, callback, user_data);
}

gboolean
steward_client_delete_group_finish (StewardClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return _steward_client_call_finish_boolean (self, result, steward_client_delete_group_async,
                                              error);
}

/* Assigns, moves, or with @group_id 0 unassigns. */
void
steward_client_assign_group_async (StewardClient       *self,
                                   gint64               datastore_id,
                                   gint64               group_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path =
      g_strdup_printf ("datastores/%" G_GINT64_FORMAT "/assign-group", datastore_id);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  if (group_id > 0)
    json_object_set_int_member (object, "group_id", group_id);
  else
    json_object_set_null_member (object, "group_id");
  json_node_take_object (body, object);

  _steward_client_call (self, STEWARD_HTTP_PATCH, path, NULL, body, STEWARD_CALL_NONE,
                        _steward_parse_datastore, g_object_unref, steward_client_assign_group_async,
                        cancellable, callback, user_data);
}

StewardDatastore *
steward_client_assign_group_finish (StewardClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_assign_group_async, error);
}
