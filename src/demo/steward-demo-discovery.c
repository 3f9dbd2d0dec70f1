/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* Multi-schema onboarding: discovering catalogs and schemas behind a connection, validating
 * schemas, and creating one datastore per schema. The databases behind the connections are
 * simulated (steward-demo-seed.c); the connection itself is tested with the usual rules first. */

#define MAX_VALIDATE_ITEMS 50
#define SCHEMA_PLACEHOLDER "{{ schema }}"

/* The connection a discovery request is about: the stored one named in the path, or the one in
 * the body. NULL after answering (404 or 422). *OWNED says whether the caller must free it. */
static DemoConnection *
request_connection (DemoRequest  *req,
                    JsonObject   *connection_object,
                    const char   *loc,
                    gboolean     *owned)
{
  *owned = FALSE;
  if (req->id_texts[0] != NULL)
    return _demo_connection_lookup (req, req->ids[0], req->id_texts[0]);

  *owned = TRUE;
  return _demo_connection_read (req, connection_object, loc, FALSE);
}

/* FALSE after answering 409 (DFS) or 400 (the connection fails its test). */
static gboolean
check_discoverable (DemoRequest    *req,
                    DemoConnection *connection,
                    const char     *what)
{
  if (strcmp (_demo_connection_get_store_type (connection), "dfs") == 0)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT,
                          "%s discovery is not supported for DFS connections", what);
      return FALSE;
    }

  return _demo_connection_check (req, connection);
}

static JsonArray *
existing_datastores (DemoRequest *req,
                     gint64       connection_id,
                     const char  *catalog,
                     const char  *schema)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < req->store->datastores->len; i++)
    {
      DemoDatastore *datastore = g_ptr_array_index (req->store->datastores, i);
      JsonObject *summary;

      if (datastore->connection_id != connection_id ||
          (catalog != NULL && g_strcmp0 (datastore->database, catalog) != 0) ||
          (schema != NULL && g_strcmp0 (datastore->schema, schema) != 0))
        continue;

      summary = json_object_new ();
      json_object_set_int_member (summary, "id", datastore->id);
      json_object_set_string_member (summary, "name", datastore->name);
      json_array_add_object_element (array, summary);
    }

  return array;
}

static void
catalogs (DemoRequest *req,
          gboolean     annotated)
{
  JsonObject *body = NULL;
  DemoConnection *connection;
  const char * const *names;
  JsonArray *array;
  gboolean owned;

  if (!annotated)
    {
      body = _demo_request_body_object (req, TRUE);
      if (body == NULL)
        {
          _demo_reply_validation (req);
          return;
        }
    }

  connection = request_connection (req, body, "body", &owned);
  if (connection == NULL)
    {
      _demo_request_failed (req);
      return;
    }

  if (check_discoverable (req, connection, "Catalog"))
    {
      names = _demo_world_catalogs (_demo_connection_get_string (connection, "host"));
      array = json_array_new ();
      for (guint i = 0; names[i] != NULL; i++)
        {
          JsonObject *item;

          if (!annotated)
            {
              json_array_add_string_element (array, names[i]);
              continue;
            }
          item = json_object_new ();
          json_object_set_string_member (item, "name", names[i]);
          json_object_set_array_member (item, "existing_datastores",
                                        existing_datastores (req, connection->id, names[i], NULL));
          json_array_add_object_element (array, item);
        }
      _demo_reply_array (req, SOUP_STATUS_OK, array);
    }

  if (owned)
    _demo_connection_free (connection);
}

void
_demo_discovery_catalogs (DemoRequest *req)
{
  catalogs (req, FALSE);
}

void
_demo_discovery_catalogs_existing (DemoRequest *req)
{
  catalogs (req, TRUE);
}

/* The schemas of CATALOG, or of every catalog (each name once) when there is none. */
static GPtrArray *
world_schemas (const char *host,
               const char *catalog)
{
  GPtrArray *names = g_ptr_array_new ();
  const char * const *catalog_names = _demo_world_catalogs (host);

  for (guint c = 0; catalog_names[c] != NULL; c++)
    {
      const char * const *schemas;

      if (catalog != NULL && strcmp (catalog, catalog_names[c]) != 0)
        continue;
      schemas = _demo_world_schemas (host, catalog_names[c]);
      for (guint s = 0; schemas[s] != NULL; s++)
        if (!g_ptr_array_find_with_equal_func (names, schemas[s], g_str_equal, NULL))
          g_ptr_array_add (names, (gpointer) schemas[s]);
    }

  return names;
}

static void
schemas (DemoRequest *req,
         gboolean     annotated)
{
  JsonObject *body = NULL;
  DemoConnection *connection;
  g_autoptr(GPtrArray) names = NULL;
  const char *catalog = _demo_query_get (req, "catalog");
  JsonArray *array;
  gboolean owned;

  if (!annotated)
    {
      body = _demo_request_body_object (req, TRUE);
      if (body == NULL)
        {
          _demo_reply_validation (req);
          return;
        }
    }

  connection = request_connection (req, body, "body", &owned);
  if (connection == NULL)
    {
      _demo_request_failed (req);
      return;
    }

  if (check_discoverable (req, connection, "Schema"))
    {
      if (catalog == NULL || *catalog == '\0')
        catalog = _demo_connection_get_string (connection, "catalog");
      names = world_schemas (_demo_connection_get_string (connection, "host"), catalog);
      array = json_array_new ();
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          JsonObject *item;

          if (!annotated)
            {
              json_array_add_string_element (array, name);
              continue;
            }
          item = json_object_new ();
          json_object_set_string_member (item, "name", name);
          json_object_set_array_member (item, "existing_datastores",
                                        existing_datastores (req, connection->id, catalog, name));
          json_array_add_object_element (array, item);
        }
      _demo_reply_array (req, SOUP_STATUS_OK, array);
    }

  if (owned)
    _demo_connection_free (connection);
}

void
_demo_discovery_schemas (DemoRequest *req)
{
  schemas (req, FALSE);
}

void
_demo_discovery_schemas_existing (DemoRequest *req)
{
  schemas (req, TRUE);
}

/* What validate and bulk create read from the body. */
typedef struct
{
  JsonObject     *connection_object;
  DemoConnection *connection;
  gboolean        owned;
  const char     *database;
  GPtrArray      *schemas;
  GPtrArray      *root_paths;
} Targets;

static void
targets_clear (Targets *targets)
{
  if (targets->owned)
    g_clear_pointer (&targets->connection, _demo_connection_free);
  g_clear_pointer (&targets->schemas, g_ptr_array_unref);
  g_clear_pointer (&targets->root_paths, g_ptr_array_unref);
}

/* Reads the connection and the schemas xor root paths. FALSE after answering 404; 422 errors are
 * only recorded, so that the caller can add its own before answering. */
static gboolean
read_targets (DemoRequest *req,
              JsonObject  *body,
              gsize        max_items,
              Targets     *targets)
{
  DemoField schemas_field, paths_field;

  if (req->id_texts[0] != NULL)
    {
      targets->connection = _demo_connection_lookup (req, req->ids[0], req->id_texts[0]);
      if (targets->connection == NULL)
        return FALSE;
    }
  else if (_demo_field_object (req, body, "body", "connection", DEMO_REQUIRED,
                               &targets->connection_object) == DEMO_FIELD_SET)
    {
      targets->connection = _demo_connection_read (req, targets->connection_object,
                                                   "body.connection", FALSE);
      targets->owned = TRUE;
    }

  _demo_field_string (req, body, "body", "database", DEMO_NULLABLE, 1, 255, &targets->database);
  schemas_field = _demo_field_string_list (req, body, "body", "schemas", DEMO_NULLABLE, max_items,
                                           255, &targets->schemas);
  paths_field = _demo_field_string_list (req, body, "body", "root_paths", DEMO_NULLABLE,
                                         max_items, 1024, &targets->root_paths);

  if (schemas_field == DEMO_FIELD_SET && paths_field == DEMO_FIELD_SET)
    _demo_error_add (req, "body", "root_paths", "value_error",
                     "Value error, schemas and root_paths are mutually exclusive: give one");
  else if (schemas_field != DEMO_FIELD_SET && paths_field != DEMO_FIELD_SET &&
           schemas_field != DEMO_FIELD_INVALID && paths_field != DEMO_FIELD_INVALID)
    _demo_error_add (req, "body", "schemas", "missing",
                     "Field required: give either schemas (JDBC) or root_paths (DFS)");
  else
    {
      GPtrArray *list = schemas_field == DEMO_FIELD_SET ? targets->schemas : targets->root_paths;
      const char *member = schemas_field == DEMO_FIELD_SET ? "schemas" : "root_paths";

      if (list != NULL && list->len == 0)
        _demo_error_add (req, "body", member, "too_short",
                         "List should have at least 1 item after validation, not 0");
    }

  if (targets->connection != NULL)
    {
      gboolean dfs = strcmp (_demo_connection_get_store_type (targets->connection), "dfs") == 0;

      if (dfs && schemas_field == DEMO_FIELD_SET)
        _demo_error_add (req, "body", "schemas", "value_error",
                         "Value error, DFS connections take root_paths, not schemas");
      else if (!dfs && paths_field == DEMO_FIELD_SET)
        _demo_error_add (req, "body", "root_paths", "value_error",
                         "Value error, JDBC connections take schemas, not root_paths");
    }

  return TRUE;
}

/* Why a schema or root path cannot be used, or NULL. */
static char *
target_problem (Targets    *targets,
                const char *target)
{
  const char *catalog = targets->database;

  if (targets->root_paths != NULL)
    {
      const char *uri = _demo_connection_get_string (targets->connection, "uri");

      if (strstr (target, "denied") != NULL)
        return g_strdup_printf ("Access Denied: the credentials cannot read %s%s",
                                uri != NULL ? uri : "", target);
      return NULL;
    }

  if (catalog == NULL)
    catalog = _demo_connection_get_string (targets->connection, "catalog");
  return _demo_world_schema_problem (_demo_connection_get_string (targets->connection, "host"),
                                     catalog, target);
}

void
_demo_discovery_validate (DemoRequest *req)
{
  JsonObject *body = _demo_request_body_object (req, TRUE);
  Targets targets = { 0, };
  GPtrArray *list;
  JsonObject *object;
  JsonArray *results;

  if (body == NULL)
    {
      _demo_reply_validation (req);
      return;
    }
  if (!read_targets (req, body, MAX_VALIDATE_ITEMS, &targets) || _demo_request_failed (req) ||
      !_demo_connection_check (req, targets.connection))
    goto out;

  list = targets.schemas != NULL ? targets.schemas : targets.root_paths;
  results = json_array_new ();
  for (guint i = 0; i < list->len; i++)
    {
      const char *target = g_ptr_array_index (list, i);
      g_autofree char *problem = target_problem (&targets, target);
      JsonObject *result = json_object_new ();

      json_object_set_string_member (result, targets.schemas != NULL ? "schema_name" : "root_path",
                                     target);
      json_object_set_string_member (result, "status", problem == NULL ? "success" : "failure");
      if (problem != NULL)
        json_object_set_string_member (result, "message", problem);
      json_array_add_object_element (results, result);
    }

  object = json_object_new ();
  json_object_set_array_member (object, "results", results);
  _demo_reply_object (req, SOUP_STATUS_OK, object);

out:
  targets_clear (&targets);
}

/* The {{ schema }} of a root path: its parts joined by "_" ("/raw/events/" gives raw_events). */
static char *
path_label (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GString *label = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (label->len > 0)
        g_string_append_c (label, '_');
      g_string_append (label, parts[i]);
    }

  return g_string_free (label, FALSE);
}

static char *
expand_template (const char *template,
                 const char *schema)
{
  g_auto(GStrv) parts = g_strsplit (template, SCHEMA_PLACEHOLDER, -1);

  return g_strjoinv (schema, parts);
}

/* Non-atomic: each schema that passes becomes a datastore even when others fail. */
void
_demo_discovery_bulk (DemoRequest *req)
{
  JsonObject *body = _demo_request_body_object (req, TRUE);
  Targets targets = { 0, };
  DemoEnrichmentInput enrichment = { 0, };
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autofree char *default_template = NULL;
  DemoGroup *group = NULL;
  DemoDatastore probe_source = { 0, };
  const char *name_template = NULL;
  const char *description = NULL;
  gboolean trigger_catalog = FALSE;
  gboolean trigger_sync = FALSE;
  gint64 group_id = 0;
  DemoField group_id_field;
  JsonArray *created;
  JsonArray *errors;
  JsonObject *object;
  GPtrArray *list;

  if (body == NULL)
    {
      _demo_reply_validation (req);
      return;
    }
  if (!read_targets (req, body, 0, &targets))
    goto out;

  if (_demo_field_string (req, body, "body", "name_template", DEMO_NULLABLE, 1, 255,
                          &name_template) == DEMO_FIELD_SET &&
      strstr (name_template, SCHEMA_PLACEHOLDER) == NULL)
    _demo_error_add (req, "body", "name_template", "value_error",
                     "Value error, name_template must contain " SCHEMA_PLACEHOLDER);
  _demo_field_string (req, body, "body", "description", DEMO_NULLABLE, 0, 255, &description);
  _demo_field_string_list (req, body, "body", "teams", DEMO_NULLABLE, 0, 255, &teams);
  _demo_field_string_list (req, body, "body", "tags", DEMO_NULLABLE, 0, 255, &tags);
  _demo_field_bool (req, body, "body", "trigger_catalog", DEMO_NULLABLE, &trigger_catalog);
  _demo_field_bool (req, body, "body", "trigger_sync", DEMO_NULLABLE, &trigger_sync);
  _demo_enrichment_read (req, body, &enrichment);
  group_id_field = _demo_group_read_choice (req, body, &group_id, &group);
  if (_demo_request_failed (req))
    goto out;

  if (group_id_field == DEMO_FIELD_SET && _demo_store_get_group (req->store, group_id) == NULL)
    {
      _demo_reply_not_found_id (req, DEMO_KIND_GROUP, group_id);
      goto out;
    }
  if (group != NULL && _demo_store_find_group_by_name (req->store, group->name, 0) != NULL)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT, "Datastore group name: '%s' already exists",
                          group->name);
      goto out;
    }
  if (enrichment.enrichment_field == DEMO_FIELD_SET &&
      !_demo_enrichment_check_target (req, &probe_source, enrichment.enrichment_datastore_id))
    goto out;
  if (!_demo_connection_check (req, targets.connection))
    goto out;

  /* Everything is valid: from here on the request changes the state. */
  if (targets.owned)
    {
      if (targets.connection->name == NULL)
        targets.connection->name = g_strdup_printf ("%s_connection", targets.connection->type);
      /* The store owns it now. */
      _demo_store_add_connection (req->store, targets.connection);
      targets.owned = FALSE;
    }
  if (group != NULL)
    {
      group->created_us = req->now_us;
      _demo_store_add_group (req->store, group);
      group_id = group->id;
      group = NULL;
    }
  if (name_template == NULL)
    {
      default_template = g_strconcat (targets.connection->name, "_" SCHEMA_PLACEHOLDER, NULL);
      name_template = default_template;
    }

  created = json_array_new ();
  errors = json_array_new ();
  list = targets.schemas != NULL ? targets.schemas : targets.root_paths;
  for (guint i = 0; i < list->len; i++)
    {
      const char *target = g_ptr_array_index (list, i);
      g_autofree char *problem = target_problem (&targets, target);
      g_autofree char *label = targets.schemas != NULL ? g_strdup (target) : path_label (target);
      g_autofree char *name = expand_template (name_template, label);
      DemoDatastore *datastore;

      if (problem == NULL)
        problem = _demo_server_take_bulk_failure (req->server, target);
      if (problem == NULL && g_utf8_strlen (name, -1) > 255)
        problem = g_strdup_printf ("The datastore name '%s' is longer than 255 characters", name);
      if (problem != NULL)
        {
          JsonObject *error = json_object_new ();

          json_object_set_string_member (error, targets.schemas != NULL ? "schema_name"
                                                                        : "root_path", target);
          json_object_set_string_member (error, "error", problem);
          json_array_add_object_element (errors, error);
          continue;
        }

      datastore = _demo_datastore_new ();
      _demo_datastore_set_name (datastore, name);
      datastore->description = g_strdup (description);
      datastore->connection_id = targets.connection->id;
      if (targets.schemas != NULL)
        {
          datastore->database = g_strdup (targets.database != NULL ? targets.database
                                          : _demo_connection_get_string (targets.connection,
                                                                         "catalog"));
          datastore->schema = g_strdup (target);
        }
      else
        datastore->root_path = g_strdup (target);
      for (guint t = 0; teams != NULL && t < teams->len; t++)
        g_ptr_array_add (datastore->teams, g_strdup (g_ptr_array_index (teams, t)));
      for (guint t = 0; tags != NULL && t < tags->len; t++)
        g_ptr_array_add (datastore->tags, g_strdup (g_ptr_array_index (tags, t)));
      datastore->enrichment_prefix = _demo_enrichment_normalize_prefix (name);
      _demo_enrichment_apply (datastore, &enrichment);
      datastore->group_id = group_id;
      datastore->created_us = datastore->updated_us = req->now_us;
      _demo_store_add_datastore (req->store, datastore);
      if (trigger_catalog || trigger_sync)
        _demo_operation_start (req->store, datastore, "sync", req->now_us);
      json_array_add_int_element (created, datastore->id);
    }

  req->changed = TRUE;
  object = json_object_new ();
  json_object_set_array_member (object, "created", created);
  json_object_set_array_member (object, "errors", errors);
  _demo_reply_object (req, SOUP_STATUS_OK, object);

out:
  g_clear_pointer (&group, _demo_group_free);
  targets_clear (&targets);
}
