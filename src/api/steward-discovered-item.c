/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-discovered-item"

#include "steward-discovered-item.h"
#include "steward-json.h"

/* A catalog or schema found on a connection. For an existing connection the server also lists
 * the datastores already made from it, so onboarding can skip them; for a new connection the
 * server answers bare names. */
struct _StewardDiscoveredItem
{
  GObject  parent_instance;

  char    *name;
  GArray  *existing_ids;
  GStrv    existing_names;
};

G_DEFINE_FINAL_TYPE (StewardDiscoveredItem, steward_discovered_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_N_EXISTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_discovered_item_finalize (GObject *object)
{
  StewardDiscoveredItem *self = STEWARD_DISCOVERED_ITEM (object);

  g_free (self->name);
  g_clear_pointer (&self->existing_ids, g_array_unref);
  g_strfreev (self->existing_names);

  G_OBJECT_CLASS (steward_discovered_item_parent_class)->finalize (object);
}

static void
steward_discovered_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StewardDiscoveredItem *self = STEWARD_DISCOVERED_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_EXISTING:
      g_value_set_uint (value, self->existing_ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_discovered_item_class_init (StewardDiscoveredItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_discovered_item_finalize;
  object_class->get_property = steward_discovered_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EXISTING] =
    g_param_spec_uint ("n-existing", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_discovered_item_init (StewardDiscoveredItem *self)
{
  self->existing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Accepts "name" or {"name": …, "existing_datastores": [{id, name}]}; NULL for anything else. */
StewardDiscoveredItem *
steward_discovered_item_new_from_json (JsonNode *node)
{
  g_autoptr(StewardDiscoveredItem) self = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  JsonObject *object;
  JsonArray *existing;

  self = g_object_new (STEWARD_TYPE_DISCOVERED_ITEM, NULL);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      self->name = g_strdup (json_node_get_string (node));
      self->existing_names = g_strv_builder_end (names);
      return g_steal_pointer (&self);
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  self->name = g_strdup (steward_json_get_string (object, "name"));
  if (self->name == NULL)
    return NULL;

  existing = steward_json_get_array (object, "existing_datastores");
  for (guint i = 0; existing != NULL && i < json_array_get_length (existing); i++)
    {
      JsonNode *element = json_array_get_element (existing, i);
      JsonObject *datastore;
      gint64 id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      datastore = json_node_get_object (element);
      id = steward_json_get_int (datastore, "id", 0);
      g_array_append_val (self->existing_ids, id);
      g_strv_builder_add (names, steward_json_get_string (datastore, "name") ?: "");
    }

  self->existing_names = g_strv_builder_end (names);
  return g_steal_pointer (&self);
}

const char *
steward_discovered_item_get_name (StewardDiscoveredItem *self)
{
  g_return_val_if_fail (STEWARD_IS_DISCOVERED_ITEM (self), NULL);

  return self->name;
}

guint
steward_discovered_item_get_n_existing (StewardDiscoveredItem *self)
{
  g_return_val_if_fail (STEWARD_IS_DISCOVERED_ITEM (self), 0);

  return self->existing_ids->len;
}

gint64
steward_discovered_item_get_existing_id (StewardDiscoveredItem *self,
                                         guint                  index)
{
  g_return_val_if_fail (STEWARD_IS_DISCOVERED_ITEM (self), 0);
  g_return_val_if_fail (index < self->existing_ids->len, 0);

  return g_array_index (self->existing_ids, gint64, index);
}

const char *
steward_discovered_item_get_existing_name (StewardDiscoveredItem *self,
                                           guint                  index)
{
  g_return_val_if_fail (STEWARD_IS_DISCOVERED_ITEM (self), NULL);
  g_return_val_if_fail (index < self->existing_ids->len, NULL);

  return self->existing_names[index];
}
