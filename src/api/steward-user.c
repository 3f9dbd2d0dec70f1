/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-user"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-json.h"
#include "steward-user.h"

struct _StewardUser
{
  GObject      parent_instance;

  gint64       id;
  char        *name;
  char        *email;
  StewardRole  role;
};

G_DEFINE_FINAL_TYPE (StewardUser, steward_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

StewardRole
steward_role_from_string (const char *role)
{
  if (role == NULL)
    return STEWARD_ROLE_UNKNOWN;
  if (g_ascii_strcasecmp (role, "admin") == 0)
    return STEWARD_ROLE_ADMIN;
  if (g_ascii_strcasecmp (role, "manager") == 0)
    return STEWARD_ROLE_MANAGER;
  if (g_ascii_strcasecmp (role, "editor") == 0)
    return STEWARD_ROLE_EDITOR;
  if (g_ascii_strcasecmp (role, "member") == 0)
    return STEWARD_ROLE_MEMBER;
  return STEWARD_ROLE_UNKNOWN;
}

const char *
steward_role_get_label (StewardRole role)
{
  switch (role)
    {
    case STEWARD_ROLE_ADMIN:
      return _("Admin");
    case STEWARD_ROLE_MANAGER:
      return _("Manager");
    case STEWARD_ROLE_EDITOR:
      return _("Editor");
    case STEWARD_ROLE_MEMBER:
      return _("Member");
    case STEWARD_ROLE_UNKNOWN:
    default:
      return _("Unknown role");
    }
}

static void
steward_user_finalize (GObject *object)
{
  StewardUser *self = STEWARD_USER (object);

  g_free (self->name);
  g_free (self->email);

  G_OBJECT_CLASS (steward_user_parent_class)->finalize (object);
}

static void
steward_user_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StewardUser *self = STEWARD_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_user_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  StewardUser *self = STEWARD_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_EMAIL:
      self->email = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      self->role = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_user_class_init (StewardUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_user_finalize;
  object_class->get_property = steward_user_get_property;
  object_class->set_property = steward_user_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_int ("role", NULL, NULL, STEWARD_ROLE_UNKNOWN,
                                            STEWARD_ROLE_ADMIN, STEWARD_ROLE_UNKNOWN, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_user_init (StewardUser *self)
{
}

StewardUser *
steward_user_new_from_json (JsonObject *object)
{
  const char *name;

  g_return_val_if_fail (object != NULL, NULL);

  name = steward_json_get_string (object, "name");
  if (name == NULL)
    name = steward_json_get_string (object, "user_name");

  return g_object_new (STEWARD_TYPE_USER,
                       "id", steward_json_get_int (object, "id", 0),
                       "name", name,
                       "email", steward_json_get_string (object, "email"),
                       "role", steward_role_from_string (steward_json_get_string (object, "role")),
                       NULL);
}

gint64
steward_user_get_id (StewardUser *self)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), 0);

  return self->id;
}

const char *
steward_user_get_name (StewardUser *self)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), NULL);

  return self->name;
}

const char *
steward_user_get_email (StewardUser *self)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), NULL);

  return self->email;
}

StewardRole
steward_user_get_role (StewardUser *self)
{
  g_return_val_if_fail (STEWARD_IS_USER (self), STEWARD_ROLE_UNKNOWN);

  return self->role;
}
