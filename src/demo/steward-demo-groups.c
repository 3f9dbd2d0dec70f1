/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* Datastore groups, and assigning a datastore to one. */

#define DEFAULT_ICON "mdi-bookmark-box-outline"
#define MAX_NAME_LENGTH 100

static const char *const icons[] = {
  "mdi-bookmark-box-outline",
  "mdi-folder-outline",
  "mdi-shape-outline",
  "mdi-chart-box-outline",
  "mdi-flask-outline",
  "mdi-star-outline",
  "mdi-texture-box",
  "mdi-podium-bronze",
  "mdi-podium-silver",
  "mdi-podium-gold",
  NULL
};

JsonObject *
_demo_group_to_json (DemoGroup *group,
                     gboolean   with_created)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", group->id);
  json_object_set_string_member (object, "name", group->name);
  json_object_set_string_member (object, "icon", group->icon);
  if (with_created)
    _demo_json_set_time (object, "created", group->created_us);
  return object;
}

/* Group names are trimmed before their length (1–100) is checked, so "  " is no name. */
static char *
read_name (DemoRequest *req,
           JsonObject  *object,
           const char  *loc,
           gboolean     required)
{
  const char *raw = NULL;
  g_autofree char *name = NULL;
  glong length;

  if (_demo_field_string (req, object, loc, "name", required ? DEMO_REQUIRED : DEMO_OPTIONAL, 0, 0,
                          &raw) != DEMO_FIELD_SET)
    return NULL;

  name = g_strstrip (g_strdup (raw));
  length = g_utf8_strlen (name, -1);
  if (length < 1)
    {
      _demo_error_add (req, loc, "name", "string_too_short",
                       "String should have at least 1 character");
      return NULL;
    }
  if (length > MAX_NAME_LENGTH)
    {
      _demo_error_add (req, loc, "name", "string_too_long",
                       "String should have at most %d characters", MAX_NAME_LENGTH);
      return NULL;
    }

  return g_steal_pointer (&name);
}

/* group_id, or an inline group to create: at most one of them. */
DemoField
_demo_group_read_choice (DemoRequest  *req,
                         JsonObject   *body,
                         gint64       *group_id,
                         DemoGroup   **group)
{
  JsonObject *inline_group = NULL;
  DemoField id_field;
  DemoField group_field;

  *group = NULL;
  id_field = _demo_field_int (req, body, "body", "group_id", DEMO_NULLABLE, 1, G_MAXINT64,
                              group_id);
  group_field = _demo_field_object (req, body, "body", "group", DEMO_NULLABLE, &inline_group);

  if (id_field == DEMO_FIELD_SET && group_field == DEMO_FIELD_SET)
    {
      _demo_error_add (req, "body", "group", "value_error",
                       "Value error, group and group_id are mutually exclusive: give one");
      return DEMO_FIELD_INVALID;
    }

  if (group_field == DEMO_FIELD_SET)
    {
      g_autofree char *name = read_name (req, inline_group, "body.group", TRUE);
      const char *icon = DEFAULT_ICON;

      _demo_field_enum (req, inline_group, "body.group", "icon", DEMO_NULLABLE, icons, &icon);
      if (name != NULL)
        {
          *group = _demo_group_new ();
          (*group)->name = g_steal_pointer (&name);
          (*group)->icon = g_strdup (icon);
        }
    }

  return id_field;
}

/* In an update, a group object names the group the datastore is to be in, as GET shows it: by
 * its id when it has one (its name and icon then rename nothing), else by its name, which
 * creates the group when no group has that name yet. So a datastore read, edited and sent back
 * whole keeps its group. null, like group_id null, takes the datastore out of its group.
 * Returns what group_id would have been: ABSENT (no change), NULL, SET (*GROUP_ID, an existing
 * id or one to check) or INVALID; a new group comes back in *GROUP. */
DemoField
_demo_group_read_reference (DemoRequest  *req,
                            JsonObject   *body,
                            gint64       *group_id,
                            DemoGroup   **group)
{
  JsonObject *reference = NULL;
  DemoField id_field;
  DemoField group_field;
  DemoField reference_id_field;
  g_autofree char *name = NULL;
  const char *icon = DEFAULT_ICON;
  DemoGroup *existing;

  *group = NULL;
  id_field = _demo_field_int (req, body, "body", "group_id", DEMO_NULLABLE, 1, G_MAXINT64,
                              group_id);
  group_field = _demo_field_object (req, body, "body", "group", DEMO_NULLABLE, &reference);

  if (id_field == DEMO_FIELD_SET && group_field == DEMO_FIELD_SET)
    {
      _demo_error_add (req, "body", "group", "value_error",
                       "Value error, group and group_id are mutually exclusive: give one");
      return DEMO_FIELD_INVALID;
    }
  if (group_field == DEMO_FIELD_INVALID)
    return DEMO_FIELD_INVALID;
  if (group_field == DEMO_FIELD_NULL)
    return id_field == DEMO_FIELD_ABSENT ? DEMO_FIELD_NULL : id_field;
  if (group_field == DEMO_FIELD_ABSENT)
    return id_field;

  reference_id_field = _demo_field_int (req, reference, "body.group", "id", DEMO_NULLABLE, 1,
                                        G_MAXINT64, group_id);
  if (reference_id_field == DEMO_FIELD_SET || reference_id_field == DEMO_FIELD_INVALID)
    return reference_id_field;

  name = read_name (req, reference, "body.group", TRUE);
  _demo_field_enum (req, reference, "body.group", "icon", DEMO_NULLABLE, icons, &icon);
  if (name == NULL)
    return DEMO_FIELD_INVALID;

  existing = _demo_store_find_group_by_name (req->store, name, 0);
  if (existing != NULL)
    {
      *group_id = existing->id;
      return DEMO_FIELD_SET;
    }

  *group = _demo_group_new ();
  (*group)->name = g_steal_pointer (&name);
  (*group)->icon = g_strdup (icon);
  return DEMO_FIELD_ABSENT;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const DemoGroup *x = *(DemoGroup * const *) a;
  const DemoGroup *y = *(DemoGroup * const *) b;
  g_autofree char *fx = g_utf8_casefold (x->name, -1);
  g_autofree char *fy = g_utf8_casefold (y->name, -1);
  int order = g_utf8_collate (fx, fy);

  return order != 0 ? order : (x->id < y->id ? -1 : x->id > y->id);
}

/* A bare array ordered by name, not a page. */
void
_demo_groups_list (DemoRequest *req)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (req->store->groups, NULL, NULL);
  JsonArray *array = json_array_new ();

  /* The copy would free the store's groups otherwise. */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_names);
  for (guint i = 0; i < sorted->len; i++)
    json_array_add_object_element (array, _demo_group_to_json (g_ptr_array_index (sorted, i),
                                                               TRUE));
  _demo_reply_array (req, SOUP_STATUS_OK, array);
}

static gboolean
check_unique (DemoRequest *req,
              const char  *name,
              gint64       except_id)
{
  if (_demo_store_find_group_by_name (req->store, name, except_id) == NULL)
    return TRUE;

  _demo_reply_detail (req, SOUP_STATUS_CONFLICT, "Datastore group name: '%s' already exists", name);
  return FALSE;
}

/* Answers 200, as the reference shows, not 201. */
void
_demo_groups_create (DemoRequest *req)
{
  JsonObject *body = _demo_request_body_object (req, TRUE);
  g_autofree char *name = NULL;
  const char *icon = DEFAULT_ICON;
  DemoGroup *group;

  if (body != NULL)
    {
      name = read_name (req, body, "body", TRUE);
      _demo_field_enum (req, body, "body", "icon", DEMO_NULLABLE, icons, &icon);
    }
  if (_demo_request_failed (req) || !check_unique (req, name, 0))
    return;

  group = _demo_group_new ();
  group->name = g_steal_pointer (&name);
  group->icon = g_strdup (icon);
  group->created_us = req->now_us;
  _demo_store_add_group (req->store, group);
  req->changed = TRUE;
  _demo_reply_object (req, SOUP_STATUS_OK, _demo_group_to_json (group, TRUE));
}

void
_demo_groups_update (DemoRequest *req)
{
  DemoGroup *group = _demo_store_get_group (req->store, req->ids[0]);
  JsonObject *body;
  g_autofree char *name = NULL;
  const char *icon = NULL;

  if (group == NULL)
    {
      _demo_reply_not_found (req, DEMO_KIND_GROUP, req->id_texts[0]);
      return;
    }

  body = _demo_request_body_object (req, TRUE);
  if (body != NULL)
    {
      name = read_name (req, body, "body", FALSE);
      _demo_field_enum (req, body, "body", "icon", DEMO_NULLABLE, icons, &icon);
    }
  if (_demo_request_failed (req) || (name != NULL && !check_unique (req, name, group->id)))
    return;

  if (name != NULL)
    {
      g_free (group->name);
      group->name = g_steal_pointer (&name);
    }
  if (icon != NULL)
    {
      g_free (group->icon);
      group->icon = g_strdup (icon);
    }
  req->changed = TRUE;
  _demo_reply_object (req, SOUP_STATUS_OK, _demo_group_to_json (group, TRUE));
}

/* Answers 200 with the deleted group; its datastores become ungrouped. */
void
_demo_groups_delete (DemoRequest *req)
{
  DemoGroup *group = _demo_store_get_group (req->store, req->ids[0]);
  JsonObject *object;

  if (group == NULL)
    {
      _demo_reply_not_found (req, DEMO_KIND_GROUP, req->id_texts[0]);
      return;
    }

  object = _demo_group_to_json (group, TRUE);
  _demo_store_remove_group (req->store, group->id);
  req->changed = TRUE;
  _demo_reply_object (req, SOUP_STATUS_OK, object);
}

/* Assigns, moves (a datastore is in one group at most) or, with null, unassigns. */
void
_demo_groups_assign (DemoRequest *req)
{
  DemoDatastore *datastore = _demo_datastore_lookup (req, 0, DEMO_TEAM_EDITOR);
  JsonObject *body;
  gint64 group_id = 0;
  DemoField field = DEMO_FIELD_INVALID;

  if (datastore == NULL)
    return;

  body = _demo_request_body_object (req, TRUE);
  if (body != NULL)
    field = _demo_field_int (req, body, "body", "group_id", DEMO_REQUIRED | DEMO_NULLABLE,
                             1, G_MAXINT64, &group_id);
  if (_demo_request_failed (req))
    return;

  if (field == DEMO_FIELD_NULL)
    group_id = 0;
  else if (_demo_store_get_group (req->store, group_id) == NULL)
    {
      _demo_reply_not_found_id (req, DEMO_KIND_GROUP, group_id);
      return;
    }

  if (datastore->group_id != group_id)
    {
      datastore->group_id = group_id;
      datastore->updated_us = req->now_us;
      req->changed = TRUE;
    }
  _demo_reply_object (req, SOUP_STATUS_OK, _demo_datastore_to_json (req, datastore));
}
