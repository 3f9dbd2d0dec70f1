/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-group"

#include <string.h>

#include "steward-datastore-group.h"
#include "steward-datastore-private.h"
#include "steward-group-icons.h"
#include "steward-json.h"
#include "steward-model-private.h"

struct _StewardDatastoreGroup
{
  GObject    parent_instance;

  gint64     id;
  char      *name;
  char      *icon;
  GDateTime *created;
};

G_DEFINE_FINAL_TYPE (StewardDatastoreGroup, steward_datastore_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ICON,
  PROP_ICON_NAME,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_datastore_group_finalize (GObject *object)
{
  StewardDatastoreGroup *self = STEWARD_DATASTORE_GROUP (object);

  g_free (self->name);
  g_free (self->icon);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (steward_datastore_group_parent_class)->finalize (object);
}

static void
steward_datastore_group_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StewardDatastoreGroup *self = STEWARD_DATASTORE_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ICON:
      g_value_set_string (value, self->icon);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, steward_datastore_group_get_icon_name (self));
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_group_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  StewardDatastoreGroup *self = STEWARD_DATASTORE_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      steward_datastore_group_set_name (self, g_value_get_string (value));
      break;
    case PROP_ICON:
      steward_datastore_group_set_icon (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      g_clear_pointer (&self->created, g_date_time_unref);
      self->created = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_group_class_init (StewardDatastoreGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_datastore_group_finalize;
  object_class->get_property = steward_datastore_group_get_property;
  object_class->set_property = steward_datastore_group_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON] =
    g_param_spec_string ("icon", NULL, NULL, STEWARD_GROUP_ICON_DEFAULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The bundled symbolic icon for "icon", for binding straight to a GtkImage. */
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_datastore_group_init (StewardDatastoreGroup *self)
{
  self->icon = g_strdup (STEWARD_GROUP_ICON_DEFAULT);
}

StewardDatastoreGroup *
steward_datastore_group_new_from_json (JsonObject *object)
{
  g_autoptr(GDateTime) created = NULL;
  const char *icon;

  g_return_val_if_fail (object != NULL, NULL);

  created = steward_json_get_datetime (object, "created");
  icon = steward_json_get_string (object, "icon");

  return g_object_new (STEWARD_TYPE_DATASTORE_GROUP,
                       "id", MAX (steward_json_get_int (object, "id", 0), 0),
                       "name", steward_json_get_string (object, "name"),
                       "icon", icon != NULL ? icon : STEWARD_GROUP_ICON_DEFAULT,
                       "created", created,
                       NULL);
}

/* The same group as steward_datastore_group_new_from_json(), from a reader. */
StewardDatastoreGroup *
_steward_datastore_group_read (StewardJsonReader *reader)
{
  g_autofree char *name = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *created_text = NULL;
  g_autoptr(GDateTime) created = NULL;
  gint64 id = 0;
  const char *member;
  gsize length;

  if (!steward_json_reader_begin_object (reader))
    {
      steward_json_reader_skip (reader);
      return NULL;
    }

  while (steward_json_reader_next_member (reader, &member, &length))
    {
#define IS(literal) (length == sizeof literal - 1 && memcmp (member, literal, length) == 0)
      if (IS ("id"))
        {
          if (!steward_json_reader_read_int64 (reader, &id))
            id = 0;
        }
      else if (IS ("name"))
        {
          g_free (name);
          name = steward_json_reader_read_string (reader);
        }
      else if (IS ("icon"))
        {
          g_free (icon);
          icon = steward_json_reader_read_string (reader);
        }
      else if (IS ("created"))
        {
          g_free (created_text);
          created_text = steward_json_reader_read_string (reader);
        }
      else
        steward_json_reader_skip (reader);
#undef IS
    }

  if (steward_json_reader_failed (reader))
    return NULL;

  if (created_text != NULL && *created_text != '\0')
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      created = g_date_time_new_from_iso8601 (created_text, utc);
    }

  return g_object_new (STEWARD_TYPE_DATASTORE_GROUP,
                       "id", MAX (id, 0),
                       "name", name,
                       "icon", icon != NULL ? icon : STEWARD_GROUP_ICON_DEFAULT,
                       "created", created,
                       NULL);
}

void
_steward_datastore_group_write (StewardDatastoreGroup *self,
                                GString               *out)
{
  g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"name\":", self->id);
  _steward_json_write_string (out, self->name);
  g_string_append (out, ",\"icon\":");
  _steward_json_write_string (out, self->icon);
  if (self->created != NULL)
    {
      g_autofree char *created = g_date_time_format_iso8601 (self->created);

      g_string_append (out, ",\"created\":");
      _steward_json_write_string (out, created);
    }
  g_string_append_c (out, '}');
}

gint64
steward_datastore_group_get_id (StewardDatastoreGroup *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_GROUP (self), 0);

  return self->id;
}

const char *
steward_datastore_group_get_name (StewardDatastoreGroup *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_GROUP (self), NULL);

  return self->name;
}

void
steward_datastore_group_set_name (StewardDatastoreGroup *self,
                                  const char            *name)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_GROUP (self));

  if (steward_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
steward_datastore_group_get_icon (StewardDatastoreGroup *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_GROUP (self), NULL);

  return self->icon;
}

void
steward_datastore_group_set_icon (StewardDatastoreGroup *self,
                                  const char            *icon)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_GROUP (self));

  if (icon == NULL)
    icon = STEWARD_GROUP_ICON_DEFAULT;

  if (steward_set_str (&self->icon, icon))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
    }
}

const char *
steward_datastore_group_get_icon_name (StewardDatastoreGroup *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_GROUP (self), NULL);

  return steward_group_icon_get_icon_name (self->icon);
}

GDateTime *
steward_datastore_group_get_created (StewardDatastoreGroup *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_GROUP (self), NULL);

  return self->created;
}

/* Takes the name and icon of a fresher copy of the same group, notifying what changed. */
void
steward_datastore_group_update_from (StewardDatastoreGroup *self,
                                     StewardDatastoreGroup *other)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_GROUP (self));
  g_return_if_fail (STEWARD_IS_DATASTORE_GROUP (other));

  steward_datastore_group_set_name (self, other->name);
  steward_datastore_group_set_icon (self, other->icon);
}
