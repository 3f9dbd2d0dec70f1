/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-sidebar-item"

#include <glib/gi18n.h>

#include "steward-sidebar-item.h"

/* One entry of the sidebar: a fixed view or a group, with its datastore count (-1 while
 * unknown), or the Connections or Activity page. A group entry follows the group's name and icon.
 */
struct _StewardSidebarItem
{
  GObject                parent_instance;

  StewardScope           scope;
  StewardDatastoreGroup *group;
  gint64                 count;
  gboolean               connections;
  gboolean               activity;
};

G_DEFINE_FINAL_TYPE (StewardSidebarItem, steward_sidebar_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_COUNT,
  PROP_COUNT_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
group_notify_cb (StewardSidebarItem *self,
                 GParamSpec         *pspec,
                 GObject            *group)
{
  if (g_str_equal (pspec->name, "name"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (g_str_equal (pspec->name, "icon-name"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

static void
steward_sidebar_item_dispose (GObject *object)
{
  StewardSidebarItem *self = STEWARD_SIDEBAR_ITEM (object);

  if (self->group != NULL)
    g_signal_handlers_disconnect_by_func (self->group, group_notify_cb, self);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (steward_sidebar_item_parent_class)->dispose (object);
}

static void
steward_sidebar_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardSidebarItem *self = STEWARD_SIDEBAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, steward_sidebar_item_get_title (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, steward_sidebar_item_get_icon_name (self));
      break;
    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;
    case PROP_COUNT_LABEL:
      g_value_take_string (value, self->count >= 0
                                      ? g_strdup_printf ("%'" G_GINT64_FORMAT, self->count)
                                      : g_strdup (""));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_sidebar_item_class_init (StewardSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = steward_sidebar_item_dispose;
  object_class->get_property = steward_sidebar_item_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_COUNT] = g_param_spec_int64 ("count", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_COUNT_LABEL] = g_param_spec_string ("count-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_sidebar_item_init (StewardSidebarItem *self)
{
  self->count = -1;
}

StewardSidebarItem *
steward_sidebar_item_new (StewardScope           scope,
                          StewardDatastoreGroup *group)
{
  StewardSidebarItem *self = g_object_new (STEWARD_TYPE_SIDEBAR_ITEM, NULL);

  g_return_val_if_fail ((scope == STEWARD_SCOPE_GROUP) == (group != NULL), self);

  self->scope = scope;
  if (group != NULL)
    {
      self->group = g_object_ref (group);
      g_signal_connect_swapped (group, "notify", G_CALLBACK (group_notify_cb), self);
    }

  return self;
}

StewardScope
steward_sidebar_item_get_scope (StewardSidebarItem *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (self), STEWARD_SCOPE_ALL);

  return self->scope;
}

StewardDatastoreGroup *
steward_sidebar_item_get_group (StewardSidebarItem *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (self), NULL);

  return self->group;
}

gint64
steward_sidebar_item_get_group_id (StewardSidebarItem *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (self), 0);

  return self->group != NULL ? steward_datastore_group_get_id (self->group) : 0;
}

const char *
steward_sidebar_item_get_title (StewardSidebarItem *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (self), NULL);

  if (self->connections)
    return _("Connections");
  if (self->activity)
    return _("Activity");

  switch (self->scope)
    {
    case STEWARD_SCOPE_ALL:
      return _("All Datastores");
    case STEWARD_SCOPE_FAVORITES:
      return _("Favorites");
    case STEWARD_SCOPE_ENRICHMENT:
      return _("Enrichment Datastores");
    case STEWARD_SCOPE_UNGROUPED:
      return _("Ungrouped");
    case STEWARD_SCOPE_GROUP:
    default:
      return steward_datastore_group_get_name (self->group);
    }
}

const char *
steward_sidebar_item_get_icon_name (StewardSidebarItem *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (self), NULL);

  if (self->connections)
    return "network-server-symbolic";
  if (self->activity)
    return "system-run-symbolic";

  switch (self->scope)
    {
    case STEWARD_SCOPE_ALL:
      return "view-list-symbolic";
    case STEWARD_SCOPE_FAVORITES:
      return "starred-symbolic";
    case STEWARD_SCOPE_ENRICHMENT:
      return "emblem-synchronizing-symbolic";
    case STEWARD_SCOPE_UNGROUPED:
      return "folder-documents-symbolic";
    case STEWARD_SCOPE_GROUP:
    default:
      return steward_datastore_group_get_icon_name (self->group);
    }
}

gint64
steward_sidebar_item_get_count (StewardSidebarItem *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (self), -1);

  return self->count;
}

void
steward_sidebar_item_set_count (StewardSidebarItem *self,
                                gint64              count)
{
  g_return_if_fail (STEWARD_IS_SIDEBAR_ITEM (self));

  if (self->count == count)
    return;

  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT_LABEL]);
}

/* Groups take dropped datastores; Ungrouped takes them out of their group. */
gboolean
steward_sidebar_item_accepts_drop (StewardSidebarItem *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (self), FALSE);

  return !self->connections && !self->activity &&
         (self->scope == STEWARD_SCOPE_GROUP || self->scope == STEWARD_SCOPE_UNGROUPED);
}

/* The entry of the Connections page: no scope of datastores, a page of its own. */
StewardSidebarItem *
steward_sidebar_item_new_connections (void)
{
  StewardSidebarItem *self = g_object_new (STEWARD_TYPE_SIDEBAR_ITEM, NULL);

  self->connections = TRUE;
  return self;
}

gboolean
steward_sidebar_item_is_connections (StewardSidebarItem *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (self), FALSE);

  return self->connections;
}

/* The entry of the Activity page: the deployment's operations, a page of its own. */
StewardSidebarItem *
steward_sidebar_item_new_activity (void)
{
  StewardSidebarItem *self = g_object_new (STEWARD_TYPE_SIDEBAR_ITEM, NULL);

  self->activity = TRUE;
  return self;
}

gboolean
steward_sidebar_item_is_activity (StewardSidebarItem *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (self), FALSE);

  return self->activity;
}
