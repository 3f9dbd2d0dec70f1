/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-request"

#include "steward-datastore-request.h"
#include "steward-json.h"

struct _StewardDatastoreRequest
{
  gatomicrefcount  ref_count;
  JsonObject      *object;
};

G_DEFINE_BOXED_TYPE (StewardDatastoreRequest, steward_datastore_request,
                     steward_datastore_request_ref, steward_datastore_request_unref)

StewardDatastoreRequest *
steward_datastore_request_new (void)
{
  StewardDatastoreRequest *self = g_new0 (StewardDatastoreRequest, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->object = json_object_new ();
  return self;
}

StewardDatastoreRequest *
steward_datastore_request_ref (StewardDatastoreRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
steward_datastore_request_unref (StewardDatastoreRequest *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      json_object_unref (self->object);
      g_free (self);
    }
}

StewardDatastoreRequest *
steward_datastore_request_copy (StewardDatastoreRequest *self)
{
  StewardDatastoreRequest *copy = steward_datastore_request_new ();
  g_autoptr(JsonNode) node = steward_datastore_request_to_node (self);

  json_object_unref (copy->object);
  copy->object = json_object_ref (json_node_get_object (node));
  return copy;
}

static void
set_string_or_null (JsonObject *object,
                    const char *member,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

void
steward_datastore_request_set_name (StewardDatastoreRequest *self,
                                    const char              *name)
{
  set_string_or_null (self->object, "name", name);
}

void
steward_datastore_request_set_description (StewardDatastoreRequest *self,
                                           const char              *description)
{
  set_string_or_null (self->object, "description", description);
}

/* An inline new connection; it replaces any connection_id, since the two exclude each other. */
void
steward_datastore_request_set_connection (StewardDatastoreRequest *self,
                                          JsonObject              *connection)
{
  json_object_remove_member (self->object, "connection_id");
  json_object_set_object_member (self->object, "connection", json_object_ref (connection));
}

void
steward_datastore_request_set_connection_id (StewardDatastoreRequest *self,
                                             gint64                   connection_id)
{
  json_object_remove_member (self->object, "connection");
  json_object_set_int_member (self->object, "connection_id", connection_id);
}

void
steward_datastore_request_set_database (StewardDatastoreRequest *self,
                                        const char              *database)
{
  set_string_or_null (self->object, "database", database);
}

void
steward_datastore_request_set_schema (StewardDatastoreRequest *self,
                                      const char              *schema)
{
  set_string_or_null (self->object, "schema", schema);
}

void
steward_datastore_request_set_root_path (StewardDatastoreRequest *self,
                                         const char              *root_path)
{
  set_string_or_null (self->object, "root_path", root_path);
}

void
steward_datastore_request_set_folder_globbing_enabled (StewardDatastoreRequest *self,
                                                       gboolean                 enabled)
{
  json_object_set_boolean_member (self->object, "folder_globbing_enabled", enabled);
}

/* Teams and tags replace the whole list on the server: pass the complete list. */
void
steward_datastore_request_set_teams (StewardDatastoreRequest *self,
                                     const char * const      *teams)
{
  json_object_set_member (self->object, "teams", steward_json_strv_node (teams));
}

void
steward_datastore_request_set_tags (StewardDatastoreRequest *self,
                                    const char * const      *tags)
{
  json_object_set_member (self->object, "tags", steward_json_strv_node (tags));
}

/* 0 means no group. Replaces an inline new group, since the two exclude each other. */
void
steward_datastore_request_set_group_id (StewardDatastoreRequest *self,
                                        gint64                   group_id)
{
  json_object_remove_member (self->object, "group");
  if (group_id > 0)
    json_object_set_int_member (self->object, "group_id", group_id);
  else
    json_object_set_null_member (self->object, "group_id");
}

void
steward_datastore_request_set_new_group (StewardDatastoreRequest *self,
                                         const char              *name,
                                         const char              *icon)
{
  JsonObject *group = json_object_new ();

  json_object_set_string_member (group, "name", name);
  if (icon != NULL)
    json_object_set_string_member (group, "icon", icon);

  json_object_remove_member (self->object, "group_id");
  json_object_set_object_member (self->object, "group", group);
}

/* Sent under the reference's name, trigger_catalog; the client renames it for servers that only
 * know trigger_sync. */
void
steward_datastore_request_set_trigger_sync (StewardDatastoreRequest *self,
                                            gboolean                 trigger)
{
  json_object_set_boolean_member (self->object, "trigger_catalog", trigger);
}

void
steward_datastore_request_set_enrichment_only (StewardDatastoreRequest *self,
                                               gboolean                 enrichment_only)
{
  json_object_set_boolean_member (self->object, "enrichment_only", enrichment_only);
}

void
steward_datastore_request_set_enrichment_datastore_id (StewardDatastoreRequest *self,
                                                       gint64                   datastore_id)
{
  if (datastore_id > 0)
    json_object_set_int_member (self->object, "enrichment_datastore_id", datastore_id);
  else
    json_object_set_null_member (self->object, "enrichment_datastore_id");
}

void
steward_datastore_request_set_enrichment_prefix (StewardDatastoreRequest *self,
                                                 const char              *prefix)
{
  set_string_or_null (self->object, "enrichment_prefix", prefix);
}

void
steward_datastore_request_set_enrichment_source_record_limit (StewardDatastoreRequest *self,
                                                              gint64                   limit)
{
  json_object_set_int_member (self->object, "enrichment_source_record_limit", limit);
}

void
steward_datastore_request_set_enrichment_remediation_strategy (StewardDatastoreRequest *self,
                                                               const char              *strategy)
{
  set_string_or_null (self->object, "enrichment_remediation_strategy", strategy);
}

void
steward_datastore_request_set_high_count_rollup_threshold (StewardDatastoreRequest *self,
                                                           gint64                   threshold)
{
  json_object_set_int_member (self->object, "high_count_rollup_threshold", threshold);
}

void
steward_datastore_request_set_schemas (StewardDatastoreRequest *self,
                                       const char * const      *schemas)
{
  json_object_remove_member (self->object, "root_paths");
  json_object_set_member (self->object, "schemas", steward_json_strv_node (schemas));
}

void
steward_datastore_request_set_root_paths (StewardDatastoreRequest *self,
                                          const char * const      *root_paths)
{
  json_object_remove_member (self->object, "schemas");
  json_object_set_member (self->object, "root_paths", steward_json_strv_node (root_paths));
}

void
steward_datastore_request_set_name_template (StewardDatastoreRequest *self,
                                             const char              *name_template)
{
  set_string_or_null (self->object, "name_template", name_template);
}

gboolean
steward_datastore_request_has (StewardDatastoreRequest *self,
                               const char              *member)
{
  return json_object_has_member (self->object, member);
}

void
steward_datastore_request_remove (StewardDatastoreRequest *self,
                                  const char              *member)
{
  json_object_remove_member (self->object, member);
}

gboolean
steward_datastore_request_is_empty (StewardDatastoreRequest *self)
{
  return json_object_get_size (self->object) == 0;
}

/* Returns: (transfer none): the body as built so far */
JsonObject *
steward_datastore_request_get_object (StewardDatastoreRequest *self)
{
  return self->object;
}

/* Returns: (transfer full): a deep copy of the body, safe to change or send */
JsonNode *
steward_datastore_request_to_node (StewardDatastoreRequest *self)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, self->object);
  return steward_json_deep_copy (node);
}
