/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore"

#include <string.h>

#include "steward-connection.h"
#include "steward-datastore-private.h"
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

  char                  *name_folded;   /* for search and sorting; NULL until asked */
  gboolean               deleted;
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
  FIELD ("folder-globbing-enabled",
         FIELD_BOOL,
         folder_globbing_enabled,
         "folder_globbing_enabled",
         NULL),
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
  FIELD ("enrichment-prefix",
         FIELD_STRING,
         enrichment_prefix,
         "enrichment_prefix",
         "enrich_container_prefix"),
  FIELD ("enrichment-source-record-limit",
         FIELD_INT64,
         enrichment_source_record_limit,
         "enrichment_source_record_limit",
         "enrich_source_record_limit"),
  FIELD ("enrichment-remediation-strategy",
         FIELD_STRING,
         enrichment_remediation_strategy,
         "enrichment_remediation_strategy",
         "enrich_remediation_strategy"),
  FIELD ("high-count-rollup-threshold",
         FIELD_INT64,
         high_count_rollup_threshold,
         "high_count_rollup_threshold",
         NULL),
  FIELD ("enrichment-datastore-id",
         FIELD_INT64,
         enrichment_datastore_id,
         "enrich_datastore.id",
         "enrichment_datastore.id"),
  FIELD ("enrichment-datastore-name",
         FIELD_STRING,
         enrichment_datastore_name,
         "enrich_datastore.name",
         "enrichment_datastore.name"),
  FIELD ("enrichment-datastore-type",
         FIELD_STRING,
         enrichment_datastore_type,
         "enrich_datastore.type",
         "enrichment_datastore.type"),
};

#undef FIELD

G_STATIC_ASSERT (G_N_ELEMENTS (fields) <= 64);

enum {
  PROP_GROUP = G_N_ELEMENTS (fields) + 1,
  PROP_GROUP_ID,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void build_member_tables (void);

#define FIELD_PTR(self, field) ((gpointer) (((guint8 *) (self)) + (field)->offset))

static gboolean
field_set_value (StewardDatastore *self,
                 const Field      *field,
                 const GValue     *value)
{
  gpointer ptr = FIELD_PTR (self, field);

  if (field->offset == G_STRUCT_OFFSET (StewardDatastore, name) &&
      g_strcmp0 (self->name, g_value_get_string (value)) != 0)
    g_clear_pointer (&self->name_folded, g_free);

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
  g_free (self->name_folded);

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
    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
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
    case PROP_DELETED:
      steward_datastore_set_deleted (self, g_value_get_boolean (value));
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
          pspec =
              g_param_spec_int64 (field->property, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
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
  /* The datastore is gone from the deployment (deleted here or elsewhere): views that show it
   * say so and offer nothing more. */
  properties[PROP_DELETED] = g_param_spec_boolean ("deleted", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  build_member_tables ();
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

/* The reader path. A field takes its value from the member the reference names (rank 3), else
 * from the older name (rank 2), else, when the reference's parent object is null, an empty one
 * (rank 1): the same outcome as the lookups of steward_datastore_new_from_json(), reached in one
 * pass over the members. Member names are looked up in tables built once. */

typedef struct
{
  int     field;          /* the field this member sets directly, or -1 */
  guint8  rank;
  guint8  parent_rank;    /* for a parent object ("connection", "metrics"): its children's rank */
  guint64 parent_fields;  /* and the fields it holds */
} MemberInfo;

static GHashTable *members;        /* member name → MemberInfo */
static GHashTable *child_members;  /* "parent.child" → field index + 1 */

static MemberInfo *
member_info (const char *name)
{
  MemberInfo *info = g_hash_table_lookup (members, name);

  if (info == NULL)
    {
      info = g_new0 (MemberInfo, 1);
      info->field = -1;
      g_hash_table_insert (members, g_strdup (name), info);
    }
  return info;
}

static void
add_member_path (guint       index,
                 const char *path,
                 guint8      rank)
{
  const char *dot;
  g_autofree char *parent = NULL;
  MemberInfo *info;

  if (path == NULL)
    return;

  dot = strchr (path, '.');
  if (dot == NULL)
    {
      info = member_info (path);
      g_assert (info->field < 0 && info->parent_fields == 0);
      info->field = index;
      info->rank = rank;
      return;
    }

  parent = g_strndup (path, dot - path);
  info = member_info (parent);
  g_assert (info->field < 0 && (info->parent_rank == 0 || info->parent_rank == rank));
  info->parent_rank = rank;
  info->parent_fields |= G_GUINT64_CONSTANT (1) << index;
  g_hash_table_insert (child_members, g_strdup (path), GUINT_TO_POINTER (index + 1));
}

static void
build_member_tables (void)
{
  members = g_hash_table_new (g_str_hash, g_str_equal);
  child_members = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      add_member_path (i, fields[i].member, 3);
      add_member_path (i, fields[i].old_member, 2);
    }
}

/* Looks up a member name that is not NUL-terminated; names longer than any we know miss. */
static gpointer
lookup_name (GHashTable *table,
             const char *prefix,
             const char *name,
             gsize       length)
{
  char key[96];
  gsize prefix_length = prefix != NULL ? strlen (prefix) + 1 : 0;

  if (prefix_length + length >= sizeof key)
    return NULL;

  if (prefix != NULL)
    {
      memcpy (key, prefix, prefix_length - 1);
      key[prefix_length - 1] = '.';
    }
  memcpy (key + prefix_length, name, length);
  key[prefix_length + length] = '\0';
  return g_hash_table_lookup (table, key);
}

static char **
read_name_list (StewardJsonReader *reader)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!steward_json_reader_begin_array (reader))
    {
      steward_json_reader_skip (reader);
      return g_strv_builder_end (builder);
    }

  while (steward_json_reader_next_element (reader))
    {
      StewardJsonType type = steward_json_reader_peek (reader);

      if (type == STEWARD_JSON_STRING)
        {
          g_autofree char *name = steward_json_reader_read_string (reader);

          if (name != NULL)
            g_strv_builder_add (builder, name);
        }
      else if (type == STEWARD_JSON_OBJECT)
        {
          const char *member;
          gsize length;
          g_autofree char *name = NULL;

          steward_json_reader_begin_object (reader);
          while (steward_json_reader_next_member (reader, &member, &length))
            if (length == 4 && memcmp (member, "name", 4) == 0)
              {
                g_free (name);
                name = steward_json_reader_read_string (reader);
              }
            else
              steward_json_reader_skip (reader);
          if (name != NULL)
            g_strv_builder_add (builder, name);
        }
      else
        steward_json_reader_skip (reader);
    }

  return g_strv_builder_end (builder);
}

static gint64
read_int_value (StewardJsonReader *reader)
{
  gint64 value = 0;

  switch (steward_json_reader_peek (reader))
    {
    case STEWARD_JSON_NUMBER:
      if (!steward_json_reader_read_int64 (reader, &value))
        value = 0;
      return value;
    case STEWARD_JSON_STRING:
      {
        g_autofree char *text = steward_json_reader_read_string (reader);
        char *end = NULL;

        if (text == NULL || *text == '\0')
          return 0;
        value = g_ascii_strtoll (text, &end, 10);
        return *end == '\0' ? value : 0;
      }
    default:
      steward_json_reader_skip (reader);
      return 0;
    }
}

static gboolean
read_bool_value (StewardJsonReader *reader)
{
  gboolean value = FALSE;

  if (steward_json_reader_peek (reader) == STEWARD_JSON_NUMBER)
    return read_int_value (reader) != 0;
  if (!steward_json_reader_read_boolean (reader, &value))
    return FALSE;
  return value;
}

/* Replaces the field's value with the one at the reader (or an empty one, when @reader is NULL). */
static void
field_take_from_reader (StewardDatastore  *self,
                        const Field       *field,
                        StewardJsonReader *reader)
{
  gpointer ptr = FIELD_PTR (self, field);

  if (field->offset == G_STRUCT_OFFSET (StewardDatastore, name))
    g_clear_pointer (&self->name_folded, g_free);
  field_clear (self, field);
  switch (field->kind)
    {
    case FIELD_STRING:
      *(char **) ptr = reader != NULL ? steward_json_reader_read_string (reader) : NULL;
      break;
    case FIELD_STRV:
      *(char ***) ptr = reader != NULL ? read_name_list (reader) : g_new0 (char *, 1);
      break;
    case FIELD_DATETIME:
      {
        g_autofree char *text = reader != NULL ? steward_json_reader_read_string (reader) : NULL;

        if (text != NULL && *text != '\0')
          {
            g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

            *(GDateTime **) ptr = g_date_time_new_from_iso8601 (text, utc);
          }
      }
      break;
    case FIELD_INT64:
      *(gint64 *) ptr = reader != NULL ? read_int_value (reader) : 0;
      break;
    case FIELD_BOOL:
      *(gboolean *) ptr = reader != NULL ? read_bool_value (reader) : FALSE;
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  StewardDatastore *self;
  guint8            rank[G_N_ELEMENTS (fields)];
} ReadState;

/* Sets field @index from the reader (or empty, for a NULL reader) unless a better-ranked member
 * already did; returns FALSE when the value at the reader still has to be skipped. */
static gboolean
offer_field (ReadState         *state,
             guint              index,
             guint8             rank,
             StewardJsonReader *reader)
{
  if (rank < state->rank[index])
    return FALSE;

  field_take_from_reader (state->self, &fields[index], reader);
  state->rank[index] = rank;
  state->self->present |= G_GUINT64_CONSTANT (1) << index;
  return TRUE;
}

static void
read_parent (ReadState         *state,
             const char        *parent,
             const MemberInfo  *info,
             StewardJsonReader *reader)
{
  gboolean object = steward_json_reader_peek (reader) == STEWARD_JSON_OBJECT;
  /* A parent that is not an object counts as carried, with every child empty; a null parent of
   * the reference's naming ranks below the older names. Children an object lacks are empty. */
  guint8 empty_rank = object || info->parent_rank == 2 ? info->parent_rank : 1;
  const char *member;
  gsize length;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (info->parent_fields & (G_GUINT64_CONSTANT (1) << i))
      offer_field (state, i, empty_rank, NULL);

  if (!object)
    {
      steward_json_reader_skip (reader);
      return;
    }

  steward_json_reader_begin_object (reader);
  while (steward_json_reader_next_member (reader, &member, &length))
    {
      guint index = GPOINTER_TO_UINT (lookup_name (child_members, parent, member, length));

      if (index == 0 || !offer_field (state, index - 1, info->parent_rank, reader))
        steward_json_reader_skip (reader);
    }
}

StewardDatastore *
_steward_datastore_read (StewardJsonReader *reader)
{
  g_autoptr(StewardDatastore) self = NULL;
  ReadState state = { 0 };
  const char *member;
  gsize length;

  if (!steward_json_reader_begin_object (reader))
    {
      steward_json_reader_skip (reader);
      return NULL;
    }

  self = g_object_new (STEWARD_TYPE_DATASTORE, NULL);
  state.self = self;

  while (steward_json_reader_next_member (reader, &member, &length))
    {
      MemberInfo *info;

      if (length == 5 && memcmp (member, "group", 5) == 0)
        {
          g_clear_object (&self->group);
          self->group = _steward_datastore_group_read (reader);
          self->group_present = TRUE;
          continue;
        }

      info = lookup_name (members, NULL, member, length);
      if (info == NULL)
        steward_json_reader_skip (reader);
      else if (info->parent_fields != 0)
        {
          char parent[64];

          memcpy (parent, member, MIN (length, sizeof parent - 1));
          parent[MIN (length, sizeof parent - 1)] = '\0';
          read_parent (&state, parent, info, reader);
        }
      else if (!offer_field (&state, info->field, info->rank, reader))
        steward_json_reader_skip (reader);
    }

  if (steward_json_reader_failed (reader))
    return NULL;

  /* Sorting and search want it; this runs off the main thread. */
  steward_datastore_get_name_folded (self);
  return g_steal_pointer (&self);
}

static void
write_field_value (StewardDatastore *self,
                   const Field      *field,
                   GString          *out)
{
  gpointer ptr = FIELD_PTR (self, field);

  switch (field->kind)
    {
    case FIELD_STRING:
      _steward_json_write_string (out, *(char **) ptr);
      break;
    case FIELD_STRV:
      {
        char **values = *(char ***) ptr;

        g_string_append_c (out, '[');
        for (guint i = 0; values != NULL && values[i] != NULL; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            _steward_json_write_string (out, values[i]);
          }
        g_string_append_c (out, ']');
      }
      break;
    case FIELD_DATETIME:
      {
        g_autofree char *text =
            *(GDateTime **) ptr != NULL ? g_date_time_format_iso8601 (*(GDateTime **) ptr) : NULL;

        _steward_json_write_string (out, text);
      }
      break;
    case FIELD_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, *(gint64 *) ptr);
      break;
    case FIELD_BOOL:
      g_string_append (out, *(gboolean *) ptr ? "true" : "false");
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_steward_datastore_write (StewardDatastore *self,
                          GString          *out)
{
  guint64 written = 0;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *dot = strchr (fields[i].member, '.');
      gsize parent_length = dot != NULL ? (gsize) (dot - fields[i].member) : 0;

      if ((self->present & (G_GUINT64_CONSTANT (1) << i)) == 0 ||
          (written & (G_GUINT64_CONSTANT (1) << i)))
        continue;

      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;

      if (dot == NULL)
        {
          _steward_json_write_string (out, fields[i].member);
          g_string_append_c (out, ':');
          write_field_value (self, &fields[i], out);
          written |= G_GUINT64_CONSTANT (1) << i;
          continue;
        }

      /* Every carried field under the same parent goes into one nested object. */
      g_string_append_c (out, '"');
      g_string_append_len (out, fields[i].member, parent_length);
      g_string_append (out, "\":{");
      for (guint j = i, n = 0; j < G_N_ELEMENTS (fields); j++)
        {
          if ((self->present & (G_GUINT64_CONSTANT (1) << j)) == 0 ||
              strncmp (fields[j].member, fields[i].member, parent_length + 1) != 0)
            continue;
          if (n++ > 0)
            g_string_append_c (out, ',');
          _steward_json_write_string (out, fields[j].member + parent_length + 1);
          g_string_append_c (out, ':');
          write_field_value (self, &fields[j], out);
          written |= G_GUINT64_CONSTANT (1) << j;
        }
      g_string_append_c (out, '}');
    }

  if (self->group_present)
    {
      if (!first)
        g_string_append_c (out, ',');
      g_string_append (out, "\"group\":");
      if (self->group != NULL)
        _steward_datastore_group_write (self->group, out);
      else
        g_string_append (out, "null");
    }
  g_string_append_c (out, '}');
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

/* Takes every field a fresher copy of the same datastore carried; the others stay. Returns
 * whether anything changed. */
gboolean
steward_datastore_update_from (StewardDatastore *self,
                               StewardDatastore *other)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (STEWARD_IS_DATASTORE (self), FALSE);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (other), FALSE);

  if (self == other)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((other->present & (G_GUINT64_CONSTANT (1) << i)) == 0)
        continue;

      g_value_init (&value, field_gtype (&fields[i]));
      field_get_value (other, &fields[i], &value);
      if (field_set_value (self, &fields[i], &value))
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties[i + 1]);
          changed = TRUE;
        }
      self->present |= G_GUINT64_CONSTANT (1) << i;
    }

  if (other->group_present)
    {
      /* The same group under another object is no change: a list answer carries a copy. */
      if (steward_datastore_get_group_id (self) != steward_datastore_get_group_id (other) ||
          (self->group != NULL && other->group != NULL &&
           (g_strcmp0 (steward_datastore_group_get_name (self->group),
                       steward_datastore_group_get_name (other->group)) != 0 ||
            g_strcmp0 (steward_datastore_group_get_icon (self->group),
                       steward_datastore_group_get_icon (other->group)) != 0)))
        {
          steward_datastore_set_group (self, other->group);
          changed = TRUE;
        }
      self->group_present = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));
  return changed;
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

/* The name case-folded, as search and the name sort compare it. */
const char *
steward_datastore_get_name_folded (StewardDatastore *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE (self), "");

  if (self->name_folded == NULL)
    self->name_folded = g_utf8_casefold (self->name != NULL ? self->name : "", -1);
  return self->name_folded;
}

/* Microseconds since 1970 (UTC), or G_MININT64 when the answer gave no creation time. */
gint64
steward_datastore_get_created_usec (StewardDatastore *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE (self), G_MININT64);

  if (self->created == NULL)
    return G_MININT64;
  return g_date_time_to_unix (self->created) * G_USEC_PER_SEC +
         g_date_time_get_microsecond (self->created);
}

gboolean
steward_datastore_get_deleted (StewardDatastore *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE (self), FALSE);

  return self->deleted;
}

void
steward_datastore_set_deleted (StewardDatastore *self,
                               gboolean          deleted)
{
  g_return_if_fail (STEWARD_IS_DATASTORE (self));

  if (self->deleted == !!deleted)
    return;

  self->deleted = !!deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}
