/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* The in-memory state of the demo server and its JSON state file. Only the server thread uses a
 * store. Entities sit in arrays ordered by id (ids only grow, so adding appends) with a hash
 * table per kind for lookups. */

#define STATE_VERSION 1

static void
free_strings (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

DemoConnection *
_demo_connection_new (void)
{
  DemoConnection *connection = g_new0 (DemoConnection, 1);

  connection->fields = json_object_new ();
  connection->parameters = json_object_new ();
  return connection;
}

void
_demo_connection_free (DemoConnection *connection)
{
  if (connection == NULL)
    return;

  g_free (connection->name);
  g_free (connection->type);
  json_object_unref (connection->fields);
  json_object_unref (connection->parameters);
  g_free (connection);
}

const char *
_demo_connection_get_string (DemoConnection *connection,
                             const char     *member)
{
  JsonNode *node = json_object_get_member (connection->fields, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
_demo_connection_get_int (DemoConnection *connection,
                          const char     *member,
                          gint64          fallback)
{
  JsonNode *node = json_object_get_member (connection->fields, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

const char *
_demo_connection_get_store_type (DemoConnection *connection)
{
  const char *store_type = _demo_connector_store_type (connection->type);

  return store_type != NULL ? store_type : "jdbc";
}

DemoDatastore *
_demo_datastore_new (void)
{
  DemoDatastore *datastore = g_new0 (DemoDatastore, 1);

  datastore->teams = g_ptr_array_new_with_free_func (g_free);
  datastore->tags = g_ptr_array_new_with_free_func (g_free);
  datastore->connected = TRUE;
  datastore->enrichment_source_record_limit = 10;
  datastore->enrichment_remediation_strategy = g_strdup ("none");
  datastore->high_count_rollup_threshold = 10;
  return datastore;
}

void
_demo_datastore_free (DemoDatastore *datastore)
{
  if (datastore == NULL)
    return;

  g_free (datastore->name);
  g_free (datastore->name_folded);
  g_free (datastore->description);
  g_free (datastore->database);
  g_free (datastore->schema);
  g_free (datastore->root_path);
  g_free (datastore->enrichment_prefix);
  g_free (datastore->enrichment_remediation_strategy);
  free_strings (datastore->teams);
  free_strings (datastore->tags);
  g_free (datastore);
}

void
_demo_datastore_set_name (DemoDatastore *datastore,
                          const char    *name)
{
  g_free (datastore->name);
  g_free (datastore->name_folded);
  datastore->name = g_strdup (name);
  datastore->name_folded = g_utf8_casefold (name, -1);
}

DemoGroup *
_demo_group_new (void)
{
  return g_new0 (DemoGroup, 1);
}

void
_demo_group_free (DemoGroup *group)
{
  if (group == NULL)
    return;

  g_free (group->name);
  g_free (group->icon);
  g_free (group);
}

DemoOperation *
_demo_operation_new (void)
{
  DemoOperation *operation = g_new0 (DemoOperation, 1);

  operation->result = g_strdup ("running");
  return operation;
}

void
_demo_operation_free (DemoOperation *operation)
{
  if (operation == NULL)
    return;

  g_free (operation->type);
  g_free (operation->result);
  g_free (operation->message);
  g_free (operation->failure);
  g_free (operation);
}

DemoStore *
_demo_store_new (void)
{
  DemoStore *store = g_new0 (DemoStore, 1);

  store->connections = g_ptr_array_new_with_free_func ((GDestroyNotify) _demo_connection_free);
  store->connections_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  store->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) _demo_group_free);
  store->groups_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  store->datastores = g_ptr_array_new_with_free_func ((GDestroyNotify) _demo_datastore_free);
  store->datastores_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  store->operations = g_ptr_array_new_with_free_func ((GDestroyNotify) _demo_operation_free);
  store->operations_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  store->next_connection_id = 1;
  store->next_group_id = 1;
  store->next_datastore_id = 1;
  store->next_operation_id = 1;
  store->operation_duration_us = 4 * G_USEC_PER_SEC;
  return store;
}

void
_demo_store_free (DemoStore *store)
{
  if (store == NULL)
    return;

  g_hash_table_unref (store->connections_by_id);
  g_ptr_array_unref (store->connections);
  g_hash_table_unref (store->groups_by_id);
  g_ptr_array_unref (store->groups);
  g_hash_table_unref (store->datastores_by_id);
  g_ptr_array_unref (store->datastores);
  g_hash_table_unref (store->operations_by_id);
  g_ptr_array_unref (store->operations);
  g_clear_pointer (&store->listings, g_hash_table_unref);
  g_clear_pointer (&store->item_json, g_hash_table_unref);
  g_free (store);
}

/* Something in the store changed: every cached listing is out of date. */
void
_demo_store_touch (DemoStore *store)
{
  store->generation++;
}

/* The entities' first member is their gint64 id, which is what the tables hash. */

DemoConnection *
_demo_store_get_connection (DemoStore *store,
                            gint64     id)
{
  return g_hash_table_lookup (store->connections_by_id, &id);
}

DemoGroup *
_demo_store_get_group (DemoStore *store,
                       gint64     id)
{
  return g_hash_table_lookup (store->groups_by_id, &id);
}

DemoDatastore *
_demo_store_get_datastore (DemoStore *store,
                           gint64     id)
{
  return g_hash_table_lookup (store->datastores_by_id, &id);
}

DemoOperation *
_demo_store_get_operation (DemoStore *store,
                           gint64     id)
{
  return g_hash_table_lookup (store->operations_by_id, &id);
}

/* Group names are unique without regard to case. */
DemoGroup *
_demo_store_find_group_by_name (DemoStore  *store,
                                const char *name,
                                gint64      except_id)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < store->groups->len; i++)
    {
      DemoGroup *group = g_ptr_array_index (store->groups, i);
      g_autofree char *other = NULL;

      if (group->id == except_id)
        continue;
      other = g_utf8_casefold (group->name, -1);
      if (strcmp (folded, other) == 0)
        return group;
    }

  return NULL;
}

void
_demo_store_add_connection (DemoStore      *store,
                            DemoConnection *connection)
{
  if (connection->id == 0)
    connection->id = store->next_connection_id;
  store->next_connection_id = MAX (store->next_connection_id, connection->id + 1);
  g_ptr_array_add (store->connections, connection);
  g_hash_table_insert (store->connections_by_id, &connection->id, connection);
}

/* Group ids come from a sequence that skips the ids already taken, so that the seed's groups
 * 1, 2 and 5 leave 3 for the reference's "create a group" example. */
void
_demo_store_add_group (DemoStore *store,
                       DemoGroup *group)
{
  if (group->id == 0)
    {
      while (_demo_store_get_group (store, store->next_group_id) != NULL)
        store->next_group_id++;
      group->id = store->next_group_id++;
    }
  g_ptr_array_add (store->groups, group);
  g_hash_table_insert (store->groups_by_id, &group->id, group);
}

void
_demo_store_add_datastore (DemoStore     *store,
                           DemoDatastore *datastore)
{
  if (datastore->id == 0)
    datastore->id = store->next_datastore_id;
  store->next_datastore_id = MAX (store->next_datastore_id, datastore->id + 1);
  g_ptr_array_add (store->datastores, datastore);
  g_hash_table_insert (store->datastores_by_id, &datastore->id, datastore);
}

void
_demo_store_add_operation (DemoStore     *store,
                           DemoOperation *operation)
{
  if (operation->id == 0)
    operation->id = store->next_operation_id;
  store->next_operation_id = MAX (store->next_operation_id, operation->id + 1);
  g_ptr_array_add (store->operations, operation);
  g_hash_table_insert (store->operations_by_id, &operation->id, operation);
}

void
_demo_store_remove_connection (DemoStore *store,
                               gint64     id)
{
  DemoConnection *connection = _demo_store_get_connection (store, id);

  if (connection == NULL)
    return;
  g_hash_table_remove (store->connections_by_id, &id);
  g_ptr_array_remove (store->connections, connection);
}

/* Deleting a group ungroups its datastores. */
void
_demo_store_remove_group (DemoStore *store,
                          gint64     id)
{
  DemoGroup *group = _demo_store_get_group (store, id);

  if (group == NULL)
    return;

  for (guint i = 0; i < store->datastores->len; i++)
    {
      DemoDatastore *datastore = g_ptr_array_index (store->datastores, i);

      if (datastore->group_id == id)
        datastore->group_id = 0;
    }
  g_hash_table_remove (store->groups_by_id, &id);
  g_ptr_array_remove (store->groups, group);
}

/* Deleting a datastore cascades: its operations go, and the datastores that used it as their
 * enrichment datastore are unlinked (their remediation strategy back to "none"). */
void
_demo_store_remove_datastore (DemoStore *store,
                              gint64     id)
{
  DemoDatastore *datastore = _demo_store_get_datastore (store, id);

  if (datastore == NULL)
    return;

  for (guint i = 0; i < store->datastores->len; i++)
    {
      DemoDatastore *source = g_ptr_array_index (store->datastores, i);

      if (source->enrich_datastore_id == id)
        {
          source->enrich_datastore_id = 0;
          g_free (source->enrichment_remediation_strategy);
          source->enrichment_remediation_strategy = g_strdup ("none");
        }
    }

  for (guint i = store->operations->len; i > 0; i--)
    {
      DemoOperation *operation = g_ptr_array_index (store->operations, i - 1);

      if (operation->datastore_id == id)
        {
          g_hash_table_remove (store->operations_by_id, &operation->id);
          g_ptr_array_remove_index (store->operations, i - 1);
        }
    }

  g_hash_table_remove (store->datastores_by_id, &id);
  g_ptr_array_remove (store->datastores, datastore);
}

guint
_demo_store_count_datastores_using (DemoStore *store,
                                    gint64     connection_id)
{
  guint count = 0;

  for (guint i = 0; i < store->datastores->len; i++)
    {
      DemoDatastore *datastore = g_ptr_array_index (store->datastores, i);

      if (datastore->connection_id == connection_id)
        count++;
    }

  return count;
}

/* The state file: the store as it is, secrets included (they are the demo's own), times as
 * microseconds since the epoch. */

static JsonArray *
strings_to_json (GPtrArray *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (strings, i));
  return array;
}

static JsonObject *
connection_to_state (DemoConnection *connection)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", connection->id);
  json_object_set_string_member (object, "name", connection->name);
  json_object_set_string_member (object, "type", connection->type);
  json_object_set_int_member (object, "created_us", connection->created_us);
  json_object_set_int_member (object, "updated_us", connection->updated_us);
  json_object_set_object_member (object, "fields", json_object_ref (connection->fields));
  json_object_set_object_member (object, "parameters", json_object_ref (connection->parameters));
  return object;
}

static JsonObject *
group_to_state (DemoGroup *group)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", group->id);
  json_object_set_string_member (object, "name", group->name);
  json_object_set_string_member (object, "icon", group->icon);
  json_object_set_int_member (object, "created_us", group->created_us);
  return object;
}

static JsonObject *
datastore_to_state (DemoDatastore *datastore)
{
  JsonObject *object = json_object_new ();
  JsonObject *metrics = json_object_new ();

  json_object_set_int_member (object, "id", datastore->id);
  json_object_set_string_member (object, "name", datastore->name);
  _demo_json_set_string (object, "description", datastore->description);
  json_object_set_int_member (object, "connection_id", datastore->connection_id);
  _demo_json_set_string (object, "database", datastore->database);
  _demo_json_set_string (object, "schema", datastore->schema);
  _demo_json_set_string (object, "root_path", datastore->root_path);
  json_object_set_boolean_member (object, "folder_globbing_enabled",
                                  datastore->folder_globbing_enabled);
  json_object_set_boolean_member (object, "connected", datastore->connected);
  json_object_set_boolean_member (object, "enrichment_only", datastore->enrichment_only);
  json_object_set_int_member (object, "favorites", datastore->favorites);
  _demo_json_set_string (object, "enrichment_prefix", datastore->enrichment_prefix);
  json_object_set_int_member (object, "enrichment_source_record_limit",
                              datastore->enrichment_source_record_limit);
  json_object_set_string_member (object, "enrichment_remediation_strategy",
                                 datastore->enrichment_remediation_strategy);
  json_object_set_int_member (object, "high_count_rollup_threshold",
                              datastore->high_count_rollup_threshold);
  json_object_set_int_member (object, "enrich_datastore_id", datastore->enrich_datastore_id);
  json_object_set_int_member (object, "group_id", datastore->group_id);
  json_object_set_array_member (object, "teams", strings_to_json (datastore->teams));
  json_object_set_array_member (object, "tags", strings_to_json (datastore->tags));
  json_object_set_int_member (metrics, "containers", datastore->metrics.containers);
  json_object_set_int_member (metrics, "records", datastore->metrics.records);
  json_object_set_int_member (metrics, "fields_profiled", datastore->metrics.fields_profiled);
  json_object_set_int_member (metrics, "active_checks", datastore->metrics.active_checks);
  json_object_set_int_member (metrics, "active_anomalies", datastore->metrics.active_anomalies);
  json_object_set_object_member (object, "metrics", metrics);
  json_object_set_int_member (object, "created_us", datastore->created_us);
  json_object_set_int_member (object, "updated_us", datastore->updated_us);
  return object;
}

static JsonObject *
operation_to_state (DemoOperation *operation)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", operation->id);
  json_object_set_string_member (object, "type", operation->type);
  json_object_set_int_member (object, "datastore_id", operation->datastore_id);
  json_object_set_string_member (object, "result", operation->result);
  json_object_set_int_member (object, "start_us", operation->start_us);
  json_object_set_int_member (object, "duration_us", operation->duration_us);
  json_object_set_int_member (object, "end_us", operation->end_us);
  _demo_json_set_string (object, "message", operation->message);
  _demo_json_set_string (object, "failure", operation->failure);
  json_object_set_int_member (object, "total_containers", operation->total_containers);
  json_object_set_int_member (object, "total_records", operation->total_records);
  return object;
}

gboolean
_demo_store_save (DemoStore   *store,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *state = json_object_new ();
  JsonArray *array;
  gsize length;

  json_object_set_int_member (state, "version", STATE_VERSION);
  json_object_set_int_member (state, "next_connection_id", store->next_connection_id);
  json_object_set_int_member (state, "next_group_id", store->next_group_id);
  json_object_set_int_member (state, "next_datastore_id", store->next_datastore_id);
  json_object_set_int_member (state, "next_operation_id", store->next_operation_id);

  array = json_array_new ();
  for (guint i = 0; i < store->connections->len; i++)
    json_array_add_object_element (array,
                                   connection_to_state (g_ptr_array_index (store->connections, i)));
  json_object_set_array_member (state, "connections", array);

  array = json_array_new ();
  for (guint i = 0; i < store->groups->len; i++)
    json_array_add_object_element (array, group_to_state (g_ptr_array_index (store->groups, i)));
  json_object_set_array_member (state, "groups", array);

  array = json_array_new ();
  for (guint i = 0; i < store->datastores->len; i++)
    json_array_add_object_element (array,
                                   datastore_to_state (g_ptr_array_index (store->datastores, i)));
  json_object_set_array_member (state, "datastores", array);

  array = json_array_new ();
  for (guint i = 0; i < store->operations->len; i++)
    json_array_add_object_element (array,
                                   operation_to_state (g_ptr_array_index (store->operations, i)));
  json_object_set_array_member (state, "operations", array);

  root = json_node_init_object (json_node_alloc (), state);
  json_object_unref (state);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  /* g_file_set_contents_full writes a temporary file and renames it over the old one, so a
   * crash never leaves half a state file. 0600: it holds the demo connections' passwords. */
  return g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Loading reads defensively: a state file is edited by hand now and then. */

static const char *
state_string (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
state_int (JsonObject *object,
           const char *member,
           gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static gboolean
state_bool (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static JsonObject *
state_object (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static JsonArray *
state_array (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static void
state_strings (JsonObject *object,
               const char *member,
               GPtrArray  *out)
{
  JsonArray *array = state_array (object, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (out, g_strdup (json_node_get_string (node)));
    }
}

static JsonObject *
state_array_object (JsonArray *array,
                    guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
load_connection (DemoStore  *store,
                 JsonObject *object)
{
  DemoConnection *connection;
  JsonObject *fields = state_object (object, "fields");
  JsonObject *parameters = state_object (object, "parameters");
  gint64 id = state_int (object, "id", 0);

  if (id <= 0 || state_string (object, "name") == NULL || state_string (object, "type") == NULL ||
      _demo_store_get_connection (store, id) != NULL)
    return FALSE;

  connection = _demo_connection_new ();
  connection->id = id;
  connection->name = g_strdup (state_string (object, "name"));
  connection->type = g_strdup (state_string (object, "type"));
  connection->created_us = state_int (object, "created_us", 0);
  connection->updated_us = state_int (object, "updated_us", 0);
  if (fields != NULL)
    {
      json_object_unref (connection->fields);
      connection->fields = json_object_ref (fields);
    }
  if (parameters != NULL)
    {
      json_object_unref (connection->parameters);
      connection->parameters = json_object_ref (parameters);
    }
  _demo_store_add_connection (store, connection);
  return TRUE;
}

static gboolean
load_group (DemoStore  *store,
            JsonObject *object)
{
  DemoGroup *group;
  gint64 id = state_int (object, "id", 0);

  if (id <= 0 || state_string (object, "name") == NULL || state_string (object, "icon") == NULL ||
      _demo_store_get_group (store, id) != NULL)
    return FALSE;

  group = _demo_group_new ();
  group->id = id;
  group->name = g_strdup (state_string (object, "name"));
  group->icon = g_strdup (state_string (object, "icon"));
  group->created_us = state_int (object, "created_us", 0);
  _demo_store_add_group (store, group);
  return TRUE;
}

static gboolean
load_datastore (DemoStore  *store,
                JsonObject *object)
{
  DemoDatastore *datastore;
  JsonObject *metrics = state_object (object, "metrics");
  const char *strategy = state_string (object, "enrichment_remediation_strategy");
  gint64 id = state_int (object, "id", 0);

  if (id <= 0 || state_string (object, "name") == NULL ||
      _demo_store_get_datastore (store, id) != NULL)
    return FALSE;

  datastore = _demo_datastore_new ();
  datastore->id = id;
  _demo_datastore_set_name (datastore, state_string (object, "name"));
  datastore->description = g_strdup (state_string (object, "description"));
  datastore->connection_id = state_int (object, "connection_id", 0);
  datastore->database = g_strdup (state_string (object, "database"));
  datastore->schema = g_strdup (state_string (object, "schema"));
  datastore->root_path = g_strdup (state_string (object, "root_path"));
  datastore->folder_globbing_enabled = state_bool (object, "folder_globbing_enabled");
  datastore->connected = state_bool (object, "connected");
  datastore->enrichment_only = state_bool (object, "enrichment_only");
  datastore->favorites = (guint) state_int (object, "favorites", 0);
  datastore->enrichment_prefix = g_strdup (state_string (object, "enrichment_prefix"));
  datastore->enrichment_source_record_limit =
    state_int (object, "enrichment_source_record_limit", 10);
  if (strategy != NULL)
    {
      g_free (datastore->enrichment_remediation_strategy);
      datastore->enrichment_remediation_strategy = g_strdup (strategy);
    }
  datastore->high_count_rollup_threshold = state_int (object, "high_count_rollup_threshold", 10);
  datastore->enrich_datastore_id = state_int (object, "enrich_datastore_id", 0);
  datastore->group_id = state_int (object, "group_id", 0);
  state_strings (object, "teams", datastore->teams);
  state_strings (object, "tags", datastore->tags);
  if (metrics != NULL)
    {
      datastore->metrics.containers = state_int (metrics, "containers", 0);
      datastore->metrics.records = state_int (metrics, "records", 0);
      datastore->metrics.fields_profiled = state_int (metrics, "fields_profiled", 0);
      datastore->metrics.active_checks = state_int (metrics, "active_checks", 0);
      datastore->metrics.active_anomalies = state_int (metrics, "active_anomalies", 0);
    }
  datastore->created_us = state_int (object, "created_us", 0);
  datastore->updated_us = state_int (object, "updated_us", 0);
  _demo_store_add_datastore (store, datastore);
  return TRUE;
}

static gboolean
load_operation (DemoStore  *store,
                JsonObject *object)
{
  DemoOperation *operation;
  gint64 id = state_int (object, "id", 0);

  if (id <= 0 || state_string (object, "type") == NULL || state_string (object, "result") == NULL ||
      _demo_store_get_operation (store, id) != NULL)
    return FALSE;

  operation = _demo_operation_new ();
  operation->id = id;
  operation->type = g_strdup (state_string (object, "type"));
  operation->datastore_id = state_int (object, "datastore_id", 0);
  g_free (operation->result);
  operation->result = g_strdup (state_string (object, "result"));
  operation->start_us = state_int (object, "start_us", 0);
  operation->duration_us = state_int (object, "duration_us", 0);
  operation->end_us = state_int (object, "end_us", 0);
  operation->message = g_strdup (state_string (object, "message"));
  operation->failure = g_strdup (state_string (object, "failure"));
  operation->total_containers = state_int (object, "total_containers", 0);
  operation->total_records = state_int (object, "total_records", 0);
  _demo_store_add_operation (store, operation);
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  /* Every entity starts with its id. */
  gint64 id_a = **(const gint64 * const *) a;
  gint64 id_b = **(const gint64 * const *) b;

  return id_a < id_b ? -1 : id_a > id_b;
}

gboolean
_demo_store_load (DemoStore   *store,
                  const char  *path,
                  GError     **error)
{
  static const struct
  {
    const char *member;
    gboolean  (*load) (DemoStore *, JsonObject *);
  } kinds[] = {
    { "connections", load_connection },
    { "groups", load_group },
    { "datastores", load_datastore },
    { "operations", load_operation },
  };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *text = NULL;
  JsonObject *state;
  JsonNode *root;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, text, length, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      state_int (json_node_get_object (root), "version", 0) != STATE_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not a version %d demo server state file", path, STATE_VERSION);
      return FALSE;
    }
  state = json_node_get_object (root);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonArray *array = state_array (state, kinds[k].member);

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonObject *object = state_array_object (array, i);

          if (object == NULL || !kinds[k].load (store, object))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s: entry %u of \"%s\" is invalid or repeats an id",
                           path, i, kinds[k].member);
              return FALSE;
            }
        }
    }

  /* Handlers trust references between entities: check them once here. */
  for (guint i = 0; i < store->datastores->len; i++)
    {
      DemoDatastore *datastore = g_ptr_array_index (store->datastores, i);

      if (_demo_store_get_connection (store, datastore->connection_id) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: datastore %" G_GINT64_FORMAT " uses connection %" G_GINT64_FORMAT
                       ", which does not exist", path, datastore->id, datastore->connection_id);
          return FALSE;
        }
      if (_demo_store_get_group (store, datastore->group_id) == NULL)
        datastore->group_id = 0;
      if (_demo_store_get_datastore (store, datastore->enrich_datastore_id) == NULL)
        datastore->enrich_datastore_id = 0;
    }
  for (guint i = store->operations->len; i > 0; i--)
    {
      DemoOperation *operation = g_ptr_array_index (store->operations, i - 1);

      if (_demo_store_get_datastore (store, operation->datastore_id) == NULL)
        {
          g_hash_table_remove (store->operations_by_id, &operation->id);
          g_ptr_array_remove_index (store->operations, i - 1);
        }
    }

  g_ptr_array_sort (store->connections, compare_ids);
  g_ptr_array_sort (store->datastores, compare_ids);
  g_ptr_array_sort (store->operations, compare_ids);
  store->next_connection_id = MAX (store->next_connection_id,
                                   state_int (state, "next_connection_id", 1));
  store->next_group_id = state_int (state, "next_group_id", store->next_group_id);
  store->next_datastore_id = MAX (store->next_datastore_id,
                                  state_int (state, "next_datastore_id", 1));
  store->next_operation_id = MAX (store->next_operation_id,
                                  state_int (state, "next_operation_id", 1));
  return TRUE;
}
