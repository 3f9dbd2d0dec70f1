/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* Datastores: create, get, list, update, delete and favorite. Every handler checks in the same
 * order: role (the router), existence (404), team permission (403), the body (422), conflicts
 * (409); only then does it change anything, so a rejected request changes nothing. */

/* The full object, as GET /datastores/{id} and every list item show it. */
JsonObject *
_demo_datastore_to_json (DemoRequest   *req,
                         DemoDatastore *datastore)
{
  DemoConnection *connection = _demo_store_get_connection (req->store, datastore->connection_id);
  DemoGroup *group = _demo_store_get_group (req->store, datastore->group_id);
  DemoDatastore *enrich = _demo_store_get_datastore (req->store, datastore->enrich_datastore_id);
  JsonObject *object = json_object_new ();
  JsonObject *metrics = json_object_new ();
  JsonArray *teams = json_array_new ();
  JsonArray *tags = json_array_new ();

  json_object_set_int_member (object, "id", datastore->id);
  json_object_set_string_member (object, "name", datastore->name);
  json_object_set_string_member (object, "type", connection->type);
  json_object_set_string_member (object, "store_type",
                                 _demo_connection_get_store_type (connection));
  _demo_json_set_string (object, "database", datastore->database);
  _demo_json_set_string (object, "schema", datastore->schema);
  _demo_json_set_string (object, "root_path", datastore->root_path);
  json_object_set_boolean_member (object, "folder_globbing_enabled",
                                  datastore->folder_globbing_enabled);
  json_object_set_boolean_member (object, "connected", datastore->connected);
  json_object_set_boolean_member (object, "favorite",
                                  (datastore->favorites & (1u << req->user->index)) != 0);
  json_object_set_boolean_member (object, "enrichment_only", datastore->enrichment_only);
  _demo_json_set_string (object, "description", datastore->description);
  _demo_json_set_time (object, "created", datastore->created_us);
  _demo_json_set_time (object, "updated", datastore->updated_us);
  json_object_set_object_member (object, "connection", _demo_connection_summary (connection));

  for (guint i = 0; i < datastore->teams->len; i++)
    {
      JsonObject *team = json_object_new ();

      json_object_set_string_member (team, "name", g_ptr_array_index (datastore->teams, i));
      json_array_add_object_element (teams, team);
    }
  json_object_set_array_member (object, "teams", teams);

  for (guint i = 0; i < datastore->tags->len; i++)
    {
      JsonObject *tag = json_object_new ();

      json_object_set_string_member (tag, "name", g_ptr_array_index (datastore->tags, i));
      json_array_add_object_element (tags, tag);
    }
  json_object_set_array_member (object, "global_tags", tags);

  if (group != NULL)
    json_object_set_object_member (object, "group", _demo_group_to_json (group, FALSE));
  else
    json_object_set_null_member (object, "group");

  json_object_set_int_member (metrics, "containers", datastore->metrics.containers);
  json_object_set_int_member (metrics, "records", datastore->metrics.records);
  json_object_set_int_member (metrics, "fields_profiled", datastore->metrics.fields_profiled);
  json_object_set_int_member (metrics, "active_checks", datastore->metrics.active_checks);
  json_object_set_int_member (metrics, "active_anomalies", datastore->metrics.active_anomalies);
  json_object_set_object_member (object, "metrics", metrics);

  _demo_json_set_string (object, "enrichment_prefix", datastore->enrichment_prefix);
  json_object_set_int_member (object, "enrichment_source_record_limit",
                              datastore->enrichment_source_record_limit);
  json_object_set_string_member (object, "enrichment_remediation_strategy",
                                 datastore->enrichment_remediation_strategy);
  json_object_set_int_member (object, "high_count_rollup_threshold",
                              datastore->high_count_rollup_threshold);
  if (enrich != NULL)
    {
      DemoConnection *enrich_connection = _demo_store_get_connection (req->store,
                                                                      enrich->connection_id);
      JsonObject *summary = json_object_new ();

      json_object_set_int_member (summary, "id", enrich->id);
      json_object_set_string_member (summary, "name", enrich->name);
      json_object_set_string_member (summary, "store_type",
                                     _demo_connection_get_store_type (enrich_connection));
      json_object_set_string_member (summary, "type", enrich_connection->type);
      json_object_set_boolean_member (summary, "enrichment_only", enrich->enrichment_only);
      json_object_set_object_member (object, "enrich_datastore", summary);
    }
  else
    json_object_set_null_member (object, "enrich_datastore");

  return object;
}

/* The datastore named by the INDEXth id of the path, or NULL after answering 404 or 403. */
DemoDatastore *
_demo_datastore_lookup (DemoRequest   *req,
                        guint          index,
                        DemoTeamLevel  level)
{
  DemoDatastore *datastore = _demo_store_get_datastore (req->store, req->ids[index]);

  if (datastore == NULL)
    {
      _demo_reply_not_found (req, DEMO_KIND_DATASTORE, req->id_texts[index]);
      return NULL;
    }
  if (level != DEMO_TEAM_NONE && !_demo_require_teams (req, datastore, level))
    return NULL;

  return datastore;
}

static void
set_strings (GPtrArray *target,
             GPtrArray *source)
{
  g_ptr_array_set_size (target, 0);
  for (guint i = 0; source != NULL && i < source->len; i++)
    g_ptr_array_add (target, g_strdup (g_ptr_array_index (source, i)));
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The body fields create and update share. */
typedef struct
{
  const char          *name;
  DemoField            name_field;
  const char          *description;
  DemoField            description_field;
  JsonObject          *connection;
  DemoField            connection_field;
  gint64               connection_id;
  DemoField            connection_id_field;
  const char          *database;
  DemoField            database_field;
  const char          *schema;
  DemoField            schema_field;
  const char          *root_path;
  DemoField            root_path_field;
  gboolean             folder_globbing;
  DemoField            folder_globbing_field;
  GPtrArray           *teams;
  DemoField            teams_field;
  GPtrArray           *tags;
  DemoField            tags_field;
  gint64               group_id;
  DemoField            group_id_field;
  DemoGroup           *group;
  gboolean             enrichment_only;
  DemoField            enrichment_only_field;
  gboolean             trigger;
  DemoEnrichmentInput  enrichment;
  DemoConnection      *new_connection;
} DatastoreInput;

static void
datastore_input_clear (DatastoreInput *input)
{
  g_clear_pointer (&input->teams, g_ptr_array_unref);
  g_clear_pointer (&input->tags, g_ptr_array_unref);
  g_clear_pointer (&input->group, _demo_group_free);
  g_clear_pointer (&input->new_connection, _demo_connection_free);
}

static void
read_datastore_input (DemoRequest    *req,
                      JsonObject     *body,
                      gboolean        creating,
                      DatastoreInput *input)
{
  gboolean trigger_catalog = FALSE;
  gboolean trigger_sync = FALSE;

  input->name_field = _demo_field_string (req, body, "body", "name",
                                          creating ? DEMO_REQUIRED : DEMO_OPTIONAL, 1, 255,
                                          &input->name);
  input->description_field = _demo_field_string (req, body, "body", "description", DEMO_NULLABLE,
                                                 0, 255, &input->description);

  input->connection_field = _demo_field_object (req, body, "body", "connection", DEMO_NULLABLE,
                                                &input->connection);
  input->connection_id_field = _demo_field_int (req, body, "body", "connection_id", DEMO_NULLABLE,
                                                1, G_MAXINT64, &input->connection_id);
  if (input->connection_field == DEMO_FIELD_SET && input->connection_id_field == DEMO_FIELD_SET)
    _demo_error_add (req, "body", "connection_id", "value_error",
                     "Value error, connection and connection_id are mutually exclusive: give one");
  else if (creating && input->connection_field != DEMO_FIELD_SET &&
           input->connection_id_field != DEMO_FIELD_SET &&
           input->connection_field != DEMO_FIELD_INVALID &&
           input->connection_id_field != DEMO_FIELD_INVALID)
    _demo_error_add (req, "body", "connection", "missing",
                     "Field required: give either connection or connection_id");
  else if (input->connection_field == DEMO_FIELD_SET)
    input->new_connection = _demo_connection_read (req, input->connection, "body.connection",
                                                   FALSE);

  input->database_field = _demo_field_string (req, body, "body", "database", DEMO_NULLABLE,
                                              1, 255, &input->database);
  input->schema_field = _demo_field_string (req, body, "body", "schema", DEMO_NULLABLE, 1, 255,
                                            &input->schema);
  input->root_path_field = _demo_field_string (req, body, "body", "root_path", DEMO_NULLABLE,
                                               1, 1024, &input->root_path);
  input->folder_globbing_field = _demo_field_bool (req, body, "body", "folder_globbing_enabled",
                                                   DEMO_NULLABLE, &input->folder_globbing);
  input->teams_field = _demo_field_string_list (req, body, "body", "teams", DEMO_NULLABLE, 0, 255,
                                                &input->teams);
  input->tags_field = _demo_field_string_list (req, body, "body", "tags", DEMO_NULLABLE, 0, 255,
                                               &input->tags);
  input->enrichment_only_field =
    _demo_field_bool (req, body, "body", _demo_field_alias (body, "enrichment_only", "enrich_only"),
                      DEMO_NULLABLE, &input->enrichment_only);

  /* Creating, a group object is a group to create; updating, the group to be in. */
  if (creating)
    input->group_id_field = _demo_group_read_choice (req, body, &input->group_id, &input->group);
  else
    input->group_id_field = _demo_group_read_reference (req, body, &input->group_id,
                                                        &input->group);

  _demo_field_bool (req, body, "body", "trigger_catalog", DEMO_NULLABLE, &trigger_catalog);
  _demo_field_bool (req, body, "body", "trigger_sync", DEMO_NULLABLE, &trigger_sync);
  input->trigger = trigger_catalog || trigger_sync;

  _demo_enrichment_read (req, body, &input->enrichment);
  if (input->enrichment_only_field == DEMO_FIELD_SET && input->enrichment_only &&
      input->enrichment.enrichment_field == DEMO_FIELD_SET)
    _demo_error_add (req, "body", "enrichment_datastore_id", "value_error",
                     "Value error, an enrichment-only datastore cannot have an enrichment "
                     "datastore");
}

/* The checks that need the connection's kind: DFS datastores need a root path and have no
 * database or schema; JDBC ones have no root path. */
static void
check_store_type (DemoRequest    *req,
                  DatastoreInput *input,
                  const char     *store_type,
                  gboolean        has_root_path)
{
  if (strcmp (store_type, "dfs") == 0)
    {
      if (!has_root_path)
        _demo_error_add (req, "body", "root_path", "missing",
                         "Field required: DFS datastores need a root_path");
      if (input->database_field == DEMO_FIELD_SET)
        _demo_error_add (req, "body", "database", "value_error",
                         "Value error, database is for JDBC datastores only");
      if (input->schema_field == DEMO_FIELD_SET)
        _demo_error_add (req, "body", "schema", "value_error",
                         "Value error, schema is for JDBC datastores only");
    }
  else
    {
      if (input->root_path_field == DEMO_FIELD_SET)
        _demo_error_add (req, "body", "root_path", "value_error",
                         "Value error, root_path is for DFS datastores only");
      if (input->folder_globbing_field == DEMO_FIELD_SET && input->folder_globbing)
        _demo_error_add (req, "body", "folder_globbing_enabled", "value_error",
                         "Value error, folder_globbing_enabled is for DFS datastores only");
    }
}

/* Checks the references of INPUT: FALSE after answering 404 or 409. */
static gboolean
check_references (DemoRequest    *req,
                  DatastoreInput *input,
                  DemoDatastore  *source)
{
  if (input->group_id_field == DEMO_FIELD_SET &&
      _demo_store_get_group (req->store, input->group_id) == NULL)
    {
      _demo_reply_not_found_id (req, DEMO_KIND_GROUP, input->group_id);
      return FALSE;
    }
  if (input->group != NULL &&
      _demo_store_find_group_by_name (req->store, input->group->name, 0) != NULL)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT, "Datastore group name: '%s' already exists",
                          input->group->name);
      return FALSE;
    }
  if (input->enrichment.enrichment_field == DEMO_FIELD_SET &&
      !_demo_enrichment_check_target (req, source, input->enrichment.enrichment_datastore_id))
    return FALSE;

  return TRUE;
}

static void
apply_group (DemoRequest    *req,
             DatastoreInput *input,
             DemoDatastore  *datastore)
{
  if (input->group != NULL)
    {
      input->group->created_us = req->now_us;
      _demo_store_add_group (req->store, input->group);
      datastore->group_id = input->group->id;
      input->group = NULL;
    }
  else if (input->group_id_field == DEMO_FIELD_SET)
    datastore->group_id = input->group_id;
  else if (input->group_id_field == DEMO_FIELD_NULL)
    datastore->group_id = 0;
}

void
_demo_datastores_create (DemoRequest *req)
{
  JsonObject *body = _demo_request_body_object (req, TRUE);
  DatastoreInput input = { 0, };
  DemoConnection *connection = NULL;
  DemoDatastore *datastore;
  g_autofree char *probe_message = NULL;

  if (body == NULL)
    {
      _demo_reply_validation (req);
      return;
    }

  read_datastore_input (req, body, TRUE, &input);
  if (input.new_connection != NULL)
    check_store_type (req, &input, _demo_connection_get_store_type (input.new_connection),
                      input.root_path_field == DEMO_FIELD_SET);
  if (_demo_request_failed (req))
    goto out;

  if (input.new_connection == NULL)
    {
      connection = _demo_store_get_connection (req->store, input.connection_id);
      if (connection == NULL)
        {
          _demo_reply_not_found_id (req, DEMO_KIND_CONNECTION, input.connection_id);
          goto out;
        }
      check_store_type (req, &input, _demo_connection_get_store_type (connection),
                        input.root_path_field == DEMO_FIELD_SET);
      if (_demo_request_failed (req))
        goto out;
    }

  datastore = _demo_datastore_new ();
  datastore->enrichment_only = input.enrichment_only_field == DEMO_FIELD_SET &&
                               input.enrichment_only;
  if (!check_references (req, &input, datastore))
    {
      _demo_datastore_free (datastore);
      goto out;
    }

  /* Everything is valid: from here on the request changes the state. */
  if (input.new_connection != NULL)
    {
      connection = g_steal_pointer (&input.new_connection);
      if (connection->name == NULL)
        connection->name = g_strdup (input.name);
      _demo_store_add_connection (req->store, connection);
    }

  _demo_datastore_set_name (datastore, input.name);
  datastore->description = g_strdup (input.description);
  datastore->connection_id = connection->id;
  if (strcmp (_demo_connection_get_store_type (connection), "dfs") == 0)
    {
      datastore->root_path = g_strdup (input.root_path);
      datastore->folder_globbing_enabled = input.folder_globbing_field == DEMO_FIELD_SET &&
                                           input.folder_globbing;
    }
  else
    {
      datastore->database = g_strdup (input.database);
      datastore->schema = g_strdup (input.schema);
    }
  set_strings (datastore->teams, input.teams);
  set_strings (datastore->tags, input.tags);
  datastore->enrichment_prefix = _demo_enrichment_normalize_prefix (input.name);
  _demo_enrichment_apply (datastore, &input.enrichment);
  datastore->connected = _demo_connection_probe (connection, &probe_message) != DEMO_PROBE_FAILED;
  datastore->created_us = datastore->updated_us = req->now_us;
  apply_group (req, &input, datastore);
  _demo_store_add_datastore (req->store, datastore);

  if (input.trigger)
    _demo_operation_start (req->store, datastore, "sync", req->now_us);

  req->changed = TRUE;
  _demo_reply_object (req, SOUP_STATUS_CREATED, _demo_datastore_to_json (req, datastore));

out:
  datastore_input_clear (&input);
}

void
_demo_datastores_get (DemoRequest *req)
{
  DemoDatastore *datastore = _demo_datastore_lookup (req, 0, DEMO_TEAM_REPORTER);

  if (datastore != NULL)
    _demo_reply_object (req, SOUP_STATUS_OK, _demo_datastore_to_json (req, datastore));
}

/* Partial, although it is a PUT: omitted fields stay as they are; tags and teams, when given,
 * replace the whole list. */
void
_demo_datastores_update (DemoRequest *req)
{
  DemoDatastore *datastore = _demo_datastore_lookup (req, 0, DEMO_TEAM_EDITOR);
  DatastoreInput input = { 0, };
  DemoConnection *connection;
  JsonObject *body;
  const char *store_type;
  gboolean has_root_path;
  gboolean enrichment_only;

  if (datastore == NULL)
    return;

  body = _demo_request_body_object (req, TRUE);
  if (body == NULL)
    {
      _demo_reply_validation (req);
      return;
    }

  read_datastore_input (req, body, FALSE, &input);
  if (_demo_request_failed (req))
    goto out;

  if (input.new_connection != NULL)
    connection = input.new_connection;
  else if (input.connection_id_field == DEMO_FIELD_SET)
    {
      connection = _demo_store_get_connection (req->store, input.connection_id);
      if (connection == NULL)
        {
          _demo_reply_not_found_id (req, DEMO_KIND_CONNECTION, input.connection_id);
          goto out;
        }
    }
  else
    connection = _demo_store_get_connection (req->store, datastore->connection_id);

  store_type = _demo_connection_get_store_type (connection);
  has_root_path = input.root_path_field == DEMO_FIELD_SET ||
                  (input.root_path_field == DEMO_FIELD_ABSENT && datastore->root_path != NULL);
  check_store_type (req, &input, store_type, has_root_path);

  enrichment_only = input.enrichment_only_field == DEMO_FIELD_SET ? input.enrichment_only
                    : datastore->enrichment_only;
  if (enrichment_only && input.enrichment.enrichment_field == DEMO_FIELD_SET)
    _demo_error_add (req, "body", "enrichment_datastore_id", "value_error",
                     "Value error, an enrichment-only datastore cannot have an enrichment "
                     "datastore");
  if (_demo_request_failed (req) || !check_references (req, &input, datastore))
    goto out;

  if (enrichment_only && !datastore->enrichment_only && datastore->enrich_datastore_id != 0 &&
      input.enrichment.enrichment_field != DEMO_FIELD_NULL)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT,
                          "The datastore id: %" G_GINT64_FORMAT " has an enrichment datastore: "
                          "unlink it before making it enrichment-only", datastore->id);
      goto out;
    }
  /* Unlinking through an update needs what DELETE …/enrichment needs. */
  if (input.enrichment.enrichment_field == DEMO_FIELD_NULL && datastore->enrich_datastore_id != 0 &&
      (!_demo_require_level (req, DEMO_LEVEL_ADMIN) ||
       !_demo_enrichment_check_unlink (req, datastore)))
    goto out;

  /* Everything is valid: from here on the request changes the state. */
  if (input.new_connection != NULL)
    {
      if (connection->name == NULL)
        connection->name = g_strdup (input.name != NULL ? input.name : datastore->name);
      _demo_store_add_connection (req->store, g_steal_pointer (&input.new_connection));
    }
  datastore->connection_id = connection->id;

  if (input.name_field == DEMO_FIELD_SET)
    _demo_datastore_set_name (datastore, input.name);
  if (input.description_field == DEMO_FIELD_SET || input.description_field == DEMO_FIELD_NULL)
    replace_string (&datastore->description, input.description);
  if (strcmp (store_type, "dfs") == 0)
    {
      g_clear_pointer (&datastore->database, g_free);
      g_clear_pointer (&datastore->schema, g_free);
      if (input.root_path_field == DEMO_FIELD_SET)
        replace_string (&datastore->root_path, input.root_path);
      if (input.folder_globbing_field == DEMO_FIELD_SET)
        datastore->folder_globbing_enabled = input.folder_globbing;
    }
  else
    {
      g_clear_pointer (&datastore->root_path, g_free);
      datastore->folder_globbing_enabled = FALSE;
      if (input.database_field == DEMO_FIELD_SET || input.database_field == DEMO_FIELD_NULL)
        replace_string (&datastore->database, input.database);
      if (input.schema_field == DEMO_FIELD_SET || input.schema_field == DEMO_FIELD_NULL)
        replace_string (&datastore->schema, input.schema);
    }
  if (input.teams_field == DEMO_FIELD_SET || input.teams_field == DEMO_FIELD_NULL)
    set_strings (datastore->teams, input.teams);
  if (input.tags_field == DEMO_FIELD_SET || input.tags_field == DEMO_FIELD_NULL)
    set_strings (datastore->tags, input.tags);
  datastore->enrichment_only = enrichment_only;
  _demo_enrichment_apply (datastore, &input.enrichment);
  apply_group (req, &input, datastore);
  datastore->updated_us = req->now_us;

  req->changed = TRUE;
  _demo_reply_object (req, SOUP_STATUS_OK, _demo_datastore_to_json (req, datastore));

out:
  datastore_input_clear (&input);
}

void
_demo_datastores_delete (DemoRequest *req)
{
  DemoDatastore *datastore = _demo_datastore_lookup (req, 0, DEMO_TEAM_NONE);

  if (datastore == NULL)
    return;

  _demo_store_remove_datastore (req->store, datastore->id);
  req->changed = TRUE;
  _demo_reply_empty (req, SOUP_STATUS_NO_CONTENT);
}

/* Favorites belong to the user who marks them. */
void
_demo_datastores_favorite (DemoRequest *req)
{
  DemoDatastore *datastore = _demo_datastore_lookup (req, 0, DEMO_TEAM_REPORTER);
  JsonObject *body;
  gboolean favorite = FALSE;
  guint bit;

  if (datastore == NULL)
    return;

  body = _demo_request_body_object (req, TRUE);
  if (body != NULL)
    _demo_field_bool (req, body, "body", "favorite", DEMO_REQUIRED, &favorite);
  if (_demo_request_failed (req))
    return;

  bit = 1u << req->user->index;
  if (favorite != ((datastore->favorites & bit) != 0))
    {
      datastore->favorites ^= bit;
      req->changed = TRUE;
    }
  _demo_reply_object (req, SOUP_STATUS_OK, _demo_datastore_to_json (req, datastore));
}

/* Listing */

typedef enum
{
  SORT_FAVORITE,
  SORT_NAME,
  SORT_CREATED,
  SORT_CONTAINERS,
  SORT_ACTIVE_ANOMALIES,
} SortField;

typedef struct
{
  SortField field;
  gboolean  descending;
} SortKey;

typedef struct
{
  GArray *keys;
  guint   user_bit;
} SortContext;

static int
compare_int (gint64 a,
             gint64 b)
{
  return a < b ? -1 : a > b;
}

static int
compare_datastores (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const DemoDatastore *x = *(DemoDatastore * const *) a;
  const DemoDatastore *y = *(DemoDatastore * const *) b;
  SortContext *context = user_data;

  for (guint i = 0; i < context->keys->len; i++)
    {
      SortKey *key = &g_array_index (context->keys, SortKey, i);
      int order = 0;

      switch (key->field)
        {
        case SORT_FAVORITE:
          order = compare_int ((x->favorites & context->user_bit) != 0,
                               (y->favorites & context->user_bit) != 0);
          break;
        case SORT_NAME:
          order = strcmp (x->name_folded, y->name_folded);
          break;
        case SORT_CREATED:
          order = compare_int (x->created_us, y->created_us);
          break;
        case SORT_CONTAINERS:
          order = compare_int (x->metrics.containers, y->metrics.containers);
          break;
        case SORT_ACTIVE_ANOMALIES:
          order = compare_int (x->metrics.active_anomalies, y->metrics.active_anomalies);
          break;
        default:
          g_assert_not_reached ();
        }
      if (order != 0)
        return key->descending ? -order : order;
    }

  return compare_int (x->id, y->id);
}

static gboolean
read_direction (DemoRequest *req,
                const char  *key,
                gboolean    *descending)
{
  const char *text = _demo_query_get (req, key);

  if (g_ascii_strcasecmp (text, "asc") == 0)
    *descending = FALSE;
  else if (g_ascii_strcasecmp (text, "desc") == 0)
    *descending = TRUE;
  else
    {
      _demo_error_add (req, "query", key, "enum", "Input should be 'asc' or 'desc'");
      return FALSE;
    }

  return TRUE;
}

/* sort_favorite (descending unless told) always comes first, then the other sort_* keys in the
 * order the query gives them, then the id. */
static GArray *
read_sort_keys (DemoRequest *req)
{
  static const struct
  {
    const char *key;
    SortField   field;
  } fields[] = {
    { "sort_name", SORT_NAME },
    { "sort_created", SORT_CREATED },
    { "sort_containers", SORT_CONTAINERS },
    { "sort_active_anomalies", SORT_ACTIVE_ANOMALIES },
  };
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (SortKey));
  SortKey favorite = { SORT_FAVORITE, TRUE };
  guint seen = 0;

  if (_demo_query_get (req, "sort_favorite") != NULL)
    read_direction (req, "sort_favorite", &favorite.descending);
  g_array_append_val (keys, favorite);

  for (guint i = 0; i < req->query->len; i++)
    {
      DemoQueryParam *param = g_ptr_array_index (req->query, i);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          SortKey key = { fields[f].field, FALSE };

          if (strcmp (param->key, fields[f].key) != 0 || (seen & (1u << f)) != 0)
            continue;
          seen |= 1u << f;
          if (read_direction (req, fields[f].key, &key.descending))
            g_array_append_val (keys, key);
        }
    }

  return keys;
}

static gboolean
contains_string (GPtrArray  *values,
                 const char *value)
{
  return g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL);
}

static gboolean
contains_int (GArray *values,
              gint64  value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, gint64, i) == value)
      return TRUE;
  return FALSE;
}

static gboolean
has_any_tag (DemoDatastore *datastore,
             GPtrArray     *tags)
{
  for (guint i = 0; i < tags->len; i++)
    if (contains_string (datastore->tags, g_ptr_array_index (tags, i)))
      return TRUE;
  return FALSE;
}

/* The cache key of a listing: the user (favorites and team visibility are theirs) and every
 * parameter but the page, in the order given (the order of sort keys matters). */
static char *
listing_key (DemoRequest *req)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "user=%u", req->user->index);
  for (guint i = 0; i < req->query->len; i++)
    {
      DemoQueryParam *param = g_ptr_array_index (req->query, i);

      if (strcmp (param->key, "page") != 0 && strcmp (param->key, "size") != 0)
        g_string_append_printf (key, "&%s=%s", param->key,
                                param->value != NULL ? param->value : "");
    }

  return g_string_free (key, FALSE);
}

static GPtrArray *
match_and_sort (DemoRequest *req)
{
  g_autoptr(GArray) ids = _demo_query_int_list (req, "id");
  g_autoptr(GArray) groups = _demo_query_int_list (req, "group");
  g_autoptr(GPtrArray) types = _demo_query_get_all (req, "datastore_type");
  g_autoptr(GPtrArray) tags = _demo_query_get_all (req, "tag");
  g_autoptr(GArray) keys = read_sort_keys (req);
  GPtrArray *matches;
  const char *name = _demo_query_get (req, "name");
  const char *search = _demo_query_get (req, "search");
  g_autofree char *search_folded = search != NULL ? g_utf8_casefold (search, -1) : NULL;
  gint64 search_id = -1;
  gboolean enrichment_only = FALSE;
  SortContext context;

  _demo_query_bool (req, "enrichment_only", &enrichment_only);
  if (_demo_request_failed (req))
    return NULL;

  /* A numeric search also finds the datastore with that id. */
  if (search != NULL && !g_ascii_string_to_signed (search, 10, 0, G_MAXINT64, &search_id, NULL))
    search_id = -1;

  matches = g_ptr_array_new ();
  for (guint i = 0; i < req->store->datastores->len; i++)
    {
      DemoDatastore *datastore = g_ptr_array_index (req->store->datastores, i);
      DemoConnection *connection;

      if (datastore->enrichment_only != enrichment_only ||
          (ids->len > 0 && !contains_int (ids, datastore->id)) ||
          (groups->len > 0 && !contains_int (groups, datastore->group_id)) ||
          (name != NULL && strcmp (name, datastore->name) != 0) ||
          (tags->len > 0 && !has_any_tag (datastore, tags)) ||
          (search_folded != NULL && datastore->id != search_id &&
           strstr (datastore->name_folded, search_folded) == NULL))
        continue;

      connection = _demo_store_get_connection (req->store, datastore->connection_id);
      if ((types->len > 0 && !contains_string (types, connection->type)) ||
          !_demo_user_can_see (req, datastore))
        continue;

      g_ptr_array_add (matches, datastore);
    }

  context.keys = keys;
  context.user_bit = 1u << req->user->index;
  g_ptr_array_sort_with_data (matches, compare_datastores, &context);
  return matches;
}

void
_demo_datastores_list (DemoRequest *req)
{
  g_autofree char *key = listing_key (req);
  g_autoptr(GPtrArray) matches = NULL;
  GString *json;
  gint64 page, size;

  _demo_query_pagination (req, &page, &size);
  if (_demo_request_failed (req))
    return;

  matches = _demo_listing_lookup (req, key);
  if (matches != NULL)
    g_ptr_array_ref (matches);
  else
    {
      matches = match_and_sort (req);
      if (matches == NULL)
        return;
      _demo_listing_insert (req, key, matches);
    }

  /* The envelope as _demo_page_envelope() writes it, around the items' cached JSON. */
  json = g_string_sized_new (1024 * MIN (size, 100));
  g_string_append (json, "{\"items\":[");
  for (gint64 i = (page - 1) * size; i < page * size && i < matches->len; i++)
    {
      if (i > (page - 1) * size)
        g_string_append_c (json, ',');
      g_string_append (json, _demo_listing_item_json (req, g_ptr_array_index (matches, i)));
    }
  g_string_append_printf (json,
                          "],\"total\":%u,\"page\":%" G_GINT64_FORMAT ",\"size\":%" G_GINT64_FORMAT
                          ",\"pages\":%" G_GINT64_FORMAT "}",
                          matches->len, page, size, ((gint64) matches->len + size - 1) / size);
  _demo_reply_text (req, SOUP_STATUS_OK, g_string_free (json, FALSE));
}
