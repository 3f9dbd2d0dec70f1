/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* User roles, in increasing order of what they may do. */
typedef enum
{
  STEWARD_ROLE_UNKNOWN,
  STEWARD_ROLE_MEMBER,
  STEWARD_ROLE_EDITOR,
  STEWARD_ROLE_MANAGER,
  STEWARD_ROLE_ADMIN,
} StewardRole;

StewardRole  steward_role_from_string (const char  *role);
const char  *steward_role_get_label   (StewardRole  role);

#define STEWARD_TYPE_USER (steward_user_get_type ())

G_DECLARE_FINAL_TYPE (StewardUser, steward_user, STEWARD, USER, GObject)

StewardUser *steward_user_new_from_json (JsonObject  *object);
gint64       steward_user_get_id        (StewardUser *self);
const char  *steward_user_get_name      (StewardUser *self);
const char  *steward_user_get_email     (StewardUser *self);
StewardRole  steward_user_get_role      (StewardUser *self);

G_END_DECLS
