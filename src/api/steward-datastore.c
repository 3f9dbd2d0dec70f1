/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore"

#include <string.h>

#include "steward-connection.h"
#include "steward-datastore.h"
#include "steward-json.h"
#include "steward-model-private.h"

/* A datastore, with every field of the reference's GET answer. Servers answer some calls with an
 * abbreviated object, so the model remembers which fields an answer carried: merging a fresher
 * copy into the one a list shows changes only those, and notifies only what really changed. */
struct _StewardDatastore
{
  GObject                parent_instance;

  guint64                present;   /* one bit per field[] entry the JSON carried */

  gint64                 id;
  char                  *name;
  char                  *type;
  char                  *store_type;
  char                  *database;
  char                  *schema;
  char                  *root_path;
  gboolean               folder_globbing_enabled;
  char                  *description;
  gboolean               connected;
  gboolean               favorite;
  gboolean               enrichment_only;
  GDateTime             *created;
  GDateTime             *updated;
  gint64                 connection_id;
  char                  *connection_name;
  char                  *connection_type;
  char                 **teams;
  char                 **tags;
  gint64                 containers;
  gint64                 records;
  gint64                 fields_profiled;
  gint64                 active_checks;
  gint64                 active_anomalies;
  char                  *enrichment_prefix;
  gint64                 enrichment_source_record_limit;
  char                  *enrichment_remediation_strategy;
  gint64                 high_count_rollup_threshold;
  gint64                 enrichment_datastore_id;
  char                  *enrichment_datastore_name;
  char                  *enrichment_datastore_type;

  StewardDatastoreGroup *group;
  gboolean               group_present;
};

G_DEFINE_FINAL_TYPE (StewardDatastore, steward_datastore, G_TYPE_OBJECT)

typedef enum
{
  FIELD_STRING,
  FIELD_INT64,
  FIELD_BOOL,
  FIELD_STRV,
  FIELD_DATETIME,
} FieldKind;

/* "member" may be a path one level deep ("metrics.containers"); "old_member" is the name older
 * servers use. The property id of fields[i] is i + 1. */
typedef struct
{
  const char *property;
  FieldKind   kind;
  gsize       offset;
  const char *member;
  const char *old_member;
} Field;

#define FIELD(prop, kind, field, member, old) \
  { prop, kind, G_STRUCT_OFFSET (StewardDatastore, field), member, old }

static const Field fields[] = {
  FIELD ("id", FIELD_INT64, id, "id", NULL),
  FIELD ("name", FIELD_STRING, name, "name", NULL),
  FIELD ("datastore-type", FIELD_STRING, type, "type", NULL),
  FIELD ("store-type", FIELD_STRING, store_type, "store_type", NULL),
  FIELD ("database", FIELD_STRING, database, "database", NULL),
  FIELD ("schema", FIELD_STRING, schema, "schema", NULL),
  FIELD ("root-path", FIELD_STRING, root_path, "root_path", NULL),
  FIELD ("folder-globbing-enabled", FIELD_BOOL, folder_globbing_enabled, "folder_globbing_enabled", NULL),
  FIELD ("description", FIELD_STRING, description, "description", NULL),
  FIELD ("connected", FIELD_BOOL, connected, "connected", NULL),
  FIELD ("favorite", FIELD_BOOL, favorite, "favorite", NULL),
  FIELD ("enrichment-only", FIELD_BOOL, enrichment_only, "enrichment_only", "enrich_only"),
  FIELD ("created", FIELD_DATETIME, created, "created", NULL),
  FIELD ("updated", FIELD_DATETIME, updated, "updated", NULL),
  FIELD ("connection-id", FIELD_INT64, connection_id, "connection.id", "connection_id"),
  FIELD ("connection-name", FIELD_STRING, connection_name, "connection.name", NULL),
  FIELD ("connection-type", FIELD_STRING, connection_type, "connection.type", NULL),
  FIELD ("teams", FIELD_STRV, teams, "teams", NULL),
  FIELD ("tags", FIELD_STRV, tags, "global_tags", "tags"),
  FIELD ("containers", FIELD_INT64, containers, "metrics.containers", NULL),
  FIELD ("records", FIELD_INT64, records, "metrics.records", NULL),
  FIELD ("fields-profiled", FIELD_INT64, fields_profiled, "metrics.fields_profiled", NULL),
  FIELD ("active-checks", FIELD_INT64, active_checks, "metrics.active_checks", NULL),
  FIELD ("active-anomalies", FIELD_INT64, active_anomalies, "metrics.active_anomalies", NULL),
  FIELD ("enrichment-prefix", FIELD_STRING, enrichment_prefix, "enrichment_prefix", "enrich_container_prefix"),
  FIELD ("enrichment-source-record-limit", FIELD_INT64, enrichment_source_record_limit,
         "enrichment_source_record_limit", "enrich_source_record_limit"),
  FIELD ("enrichment-remediation-strategy", FIELD_STRING, enrichment_remediation_strategy,
         "enrichment_remediation_strategy", "enrich_remediation_strategy"),
  FIELD ("high-count-rollup-threshold", FIELD_INT64, high_count_rollup_threshold,
         "high_count_rollup_threshold", NULL),
  FIELD ("enrichment-datastore-id", FIELD_INT64, enrichment_datastore_id, "enrich_datastore.id",
         "enrichment_datastore.id"),
  FIELD ("enrichment-datastore-name", FIELD_STRING, enrichment_datastore_name, "enrich_datastore.name",
         "enrichment_datastore.name"),
  FIELD ("enrichment-datastore-type", FIELD_STRING, enrichment_datastore_type, "enrich_datastore.type",
         "enrichment_datastore.type"),
};

#undef FIELD

G_STATIC_ASSERT (G_N_ELEMENTS (fields) <= 64);

enum {
  PROP_GROUP = G_N_ELEMENTS (fields) + 1,
  PROP_GROUP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD_PTR(self, field) ((gpointer) (((guint8 *) (self)) + (field)->offset))

static gboolean
field_set_value (StewardDatastore *self,
                 const Field      *field,
                 const GValue     *value)
{
  gpointer ptr = FIELD_PTR (self, field);

  switch (field->kind)
    {
    case FIELD_STRING:
      return steward_set_str (ptr, g_value_get_string (value));
    case FIELD_STRV:
      return steward_set_strv (ptr, g_value_get_boxed (value));
    case FIELD_DATETIME:
      return steward_set_datetime (ptr, g_value_get_boxed (value));
    case FIELD_INT64:
      if (*(gint64 *) ptr == g_value_get_int64 (value))
        return FALSE;
      *(gint64 *) ptr = g_value_get_int64 (value);
      return TRUE;
    case FIELD_BOOL:
      if (*(gboolean *) ptr == g_value_get_boolean (value))
        return FALSE;
      *(gboolean *) ptr = g_value_get_boolean (value);
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
field_get_value (StewardDatastore *self,
                 const Field      *field,
                 GValue           *value)
{
  gpointer ptr = FIELD_PTR (self, field);

  switch (field->kind)
    {
    case FIELD_STRING:
      g_value_set_string (value, *(char **) ptr);
      break;
    case FIELD_STRV:
      g_value_set_boxed (value, *(char ***) ptr);
      break;
    case FIELD_DATETIME:
      g_value_set_boxed (value, *(GDateTime **) ptr);
      break;
    case FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *) ptr);
      break;
    case FIELD_BOOL:
      g_value_set_boolean (value, *(gboolean *) ptr);
      break;
    default:
      g_return_if_reached ();
    }
}

static void
field_clear (StewardDatastore *self,
             const Field      *field)
{
  gpointer ptr = FIELD_PTR (self, field);

  switch (field->kind)
    {
    case FIELD_STRING:
      g_clear_pointer ((char **) ptr, g_free);
      break;
    case FIELD_STRV:
      g_clear_pointer ((char ***) ptr, g_strfreev);
      break;
    case FIELD_DATETIME:
      g_clear_pointer ((GDateTime **) ptr, g_date_time_unref);
      break;
    case FIELD_INT64:
    case FIELD_BOOL:
    default:
      break;
    }
}

static GType
field_gtype (const Field *field)
{
  switch (field->kind)
    {
    case FIELD_STRING:
      return G_TYPE_STRING;
    case FIELD_STRV:
      return G_TYPE_STRV;
    case FIELD_DATETIME:
      return G_TYPE_DATE_TIME;
    case FIELD_INT64:
      return G_TYPE_INT64;
    case FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    default:
      g_return_val_if_reached (G_TYPE_NONE);
    }
}

/* Finds where a member path lives. Returns FALSE when the answer did not carry it; a null parent
 * ("enrich_datastore": null) counts as carried, with every child empty. */
static gboolean
lookup_member (JsonObject  *object,
               const char  *path,
               JsonObject **container,
               const char **member)
{
  const char *dot;
  g_autofree char *parent = NULL;
  JsonNode *node;

  if (path == NULL)
    return FALSE;

  dot = strchr (path, '.');
  if (dot == NULL)
    {
      *container = object;
      *member = path;
      return json_object_has_member (object, path);
    }

  parent = g_strndup (path, dot - path);
  node = json_object_get_member (object, parent);
  if (node == NULL)
    return FALSE;

  *container = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  *member = dot + 1;
  return TRUE;
}

static void
field_read_json (const Field *field,
                 JsonObject  *object,
                 const char  *member,
                 GValue      *value)
{
  g_value_init (value, field_gtype (field));

  switch (field->kind)
    {
    case FIELD_STRING:
      g_value_set_string (value, steward_json_get_string (object, member));
      break;
    case FIELD_STRV:
      g_value_take_boxed (value, steward_json_get_name_list (object, member));
      break;
    case FIELD_DATETIME:
      g_value_take_boxed (value, steward_json_get_datetime (object, member));
      break;
    case FIELD_INT64:
      g_value_set_int64 (value, steward_json_get_int (object, member, 0));
      break;
    case FIELD_BOOL:
      g_value_set_boolean (value, steward_json_get_bool (object, member, FALSE));
      break;
    default:
      g_return_if_reached ();
    }
}

static void
steward_datastore_finalize (GObject *object)
{
  StewardDatastore *self = STEWARD_DATASTORE (object);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    field_clear (self, &fields[i]);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (steward_datastore_parent_class)->finalize (object);
}

static void
steward_datastore_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardDatastore *self = STEWARD_DATASTORE (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
    {
      field_get_value (self, &fields[prop_id - 1], value);
      return;
    }

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_object (value, self->group);
      break;
    case PROP_GROUP_ID:
      g_value_set_int64 (value, steward_datastore_get_group_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StewardDatastore *self = STEWARD_DATASTORE (object);

  if (prop_id >= 1 && prop_id <= G_N_ELEMENTS (fields))
    {
      if (field_set_value (self, &fields[prop_id - 1], value))
        g_object_notify_by_pspec (object, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_GROUP:
      steward_datastore_set_group (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_class_init (StewardDatastoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_datastore_finalize;
  object_class->get_property = steward_datastore_get_property;
  object_class->set_property = steward_datastore_set_property;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *field = &fields[i];
      GParamSpec *pspec;

      switch (field->kind)
        {
        case FIELD_STRING:
          pspec = g_param_spec_string (field->property, NULL, NULL, NULL, flags);
          break;
        case FIELD_STRV:
          pspec = g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case FIELD_DATETIME:
          pspec = g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_DATE_TIME, flags);
          break;
        case FIELD_INT64:
          pspec = g_param_spec_int64 (field->property, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case FIELD_BOOL:
          pspec = g_param_spec_boolean (field->property, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      properties[i + 1] = pspec;
    }

  properties[PROP_GROUP] =
    g_param_spec_object ("group", NULL, NULL, STEWARD_TYPE_DATASTORE_GROUP, flags);
  properties[PROP_GROUP_ID] =
    g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_datastore_init (StewardDatastore *self)
{
}

StewardDatastore *
steward_datastore_new_from_json (JsonObject *object)
{
  StewardDatastore *self;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_DATASTORE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *field = &fields[i];
      g_auto(GValue) value = G_VALUE_INIT;
      JsonObject *container = NULL;
      const char *member = NULL;

      /* A null parent only wins when the older flat name has nothing better to say. */
      if ((!lookup_member (object, field->member, &container, &member) || container == NULL) &&
          !lookup_member (object, field->old_member, &container, &member) &&
          !lookup_member (object, field->member, &container, &member))
        continue;

      field_read_json (field, container, member, &value);
      field_set_value (self, field, &value);
      self->present |= G_GUINT64_CONSTANT (1) << i;
    }

  if (json_object_has_member (object, "group"))
    {
      JsonObject *group = steward_json_get_object (object, "group");

      self->group = group != NULL ? steward_datastore_group_new_from_json (group) : NULL;
      self->group_present = TRUE;
    }

  return self;
}

/* Whether the answer this object came from carried the field named by @property. */
gboolean
steward_datastore_has_field (StewardDatastore *self,
                             const char       *property)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE (self), FALSE);

  if (g_strcmp0 (property, "group") == 0)
    return self->group_present;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].property, property))
      return (self->present & (G_GUINT64_CONSTANT (1) << i)) != 0;

  return FALSE;
}

/* Takes every field a fresher copy of the same datastore carried; the others stay. */
void
steward_datastore_update_from (StewardDatastore *self,
                               StewardDatastore *other)
{
  g_return_if_fail (STEWARD_IS_DATASTORE (self));
  g_return_if_fail (STEWARD_IS_DATASTORE (other));

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((other->present & (G_GUINT64_CONSTANT (1) << i)) == 0)
        continue;

      g_value_init (&value, field_gtype (&fields[i]));
      field_get_value (other, &fields[i], &value);
      if (field_set_value (self, &fields[i], &value))
        g_object_notify_by_pspec (G_OBJECT (self), properties[i + 1]);
      self->present |= G_GUINT64_CONSTANT (1) << i;
    }

  if (other->group_present)
    {
      steward_datastore_set_group (self, other->group);
      self->group_present = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));
}

#define GETTER(type, name, field) \
  type steward_datastore_get_##name (StewardDatastore *self) \
  { \
    g_return_val_if_fail (STEWARD_IS_DATASTORE (self), (type) 0); \
    return self->field; \
  }

GETTER (gint64, id, id)
GETTER (const char *, name, name)
GETTER (const char *, datastore_type, type)
GETTER (const char *, database, database)
GETTER (const char *, schema, schema)
GETTER (const char *, root_path, root_path)
GETTER (gboolean, folder_globbing_enabled, folder_globbing_enabled)
GETTER (const char *, description, description)
GETTER (gboolean, connected, connected)
GETTER (gboolean, favorite, favorite)
GETTER (gboolean, enrichment_only, enrichment_only)
GETTER (GDateTime *, created, created)
GETTER (GDateTime *, updated, updated)
GETTER (gint64, connection_id, connection_id)
GETTER (const char *, connection_name, connection_name)
GETTER (const char *, connection_type, connection_type)
GETTER (StewardDatastoreGroup *, group, group)
GETTER (gint64, containers, containers)
GETTER (gint64, records, records)
GETTER (gint64, fields_profiled, fields_profiled)
GETTER (gint64, active_checks, active_checks)
GETTER (gint64, active_anomalies, active_anomalies)
GETTER (const char *, enrichment_prefix, enrichment_prefix)
GETTER (gint64, enrichment_source_record_limit, enrichment_source_record_limit)
GETTER (const char *, enrichment_remediation_strategy, enrichment_remediation_strategy)
GETTER (gint64, high_count_rollup_threshold, high_count_rollup_threshold)
GETTER (gint64, enrichment_datastore_id, enrichment_datastore_id)
GETTER (const char *, enrichment_datastore_name, enrichment_datastore_name)
GETTER (const char *, enrichment_datastore_type, enrichment_datastore_type)

#undef GETTER

const char * const *
steward_datastore_get_teams (StewardDatastore *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE (self), NULL);

  return (const char * const *) self->teams;
}

const char * const *
steward_datastore_get_tags (StewardDatastore *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE (self), NULL);

  return (const char * const *) self->tags;
}

/* Servers do not always send store_type; the connector type decides it. */
const char *
steward_datastore_get_store_type (StewardDatastore *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE (self), NULL);

  if (self->store_type != NULL)
    return self->store_type;

  return steward_connector_type_is_dfs (self->type) ? "dfs" : "jdbc";
}

gboolean
steward_datastore_is_dfs (StewardDatastore *self)
{
  return g_strcmp0 (steward_datastore_get_store_type (self), "dfs") == 0;
}

void
steward_datastore_set_favorite (StewardDatastore *self,
                                gboolean          favorite)
{
  g_return_if_fail (STEWARD_IS_DATASTORE (self));

  g_object_set (self, "favorite", favorite, NULL);
}

gint64
steward_datastore_get_group_id (StewardDatastore *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE (self), 0);

  return self->group != NULL ? steward_datastore_group_get_id (self->group) : 0;
}

void
steward_datastore_set_group (StewardDatastore      *self,
                             StewardDatastoreGroup *group)
{
  gint64 old_id;

  g_return_if_fail (STEWARD_IS_DATASTORE (self));
  g_return_if_fail (group == NULL || STEWARD_IS_DATASTORE_GROUP (group));

  if (self->group == group)
    return;

  old_id = steward_datastore_get_group_id (self);
  g_set_object (&self->group, group);
  self->group_present = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
  if (old_id != steward_datastore_get_group_id (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_ID]);
}
