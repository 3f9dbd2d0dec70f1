/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-api.h"
#include "steward-datastore-menu.h"

/* The datastore menus, from one declaration: the sections in steward-datastore-menus.ui, and
 * one groups menu per deployment that follows its list of groups. The table's context menu,
 * the details' More and Change menus and the selection bar's Assign menu are put together
 * from these, so an item is added, renamed or gated in one place. */

/* Returns: (transfer full): SECTION's items, targeted at DATASTORE_ID when their action takes
 * an id (every action but the "-selection" ones, which act on the selection). */
static GMenuModel *
copy_section (const char *section,
              gint64      datastore_id)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PREFIX "/steward-datastore-menus.ui");
  GMenuModel *declared = G_MENU_MODEL (gtk_builder_get_object (builder, section));
  g_autoptr(GMenuModel) items = NULL;
  GMenu *copy = g_menu_new ();

  g_return_val_if_fail (declared != NULL, G_MENU_MODEL (copy));

  items = g_menu_model_get_item_link (declared, 0, G_MENU_LINK_SECTION);
  for (int i = 0; items != NULL && i < g_menu_model_get_n_items (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new_from_model (items, i);
      g_autofree char *action = NULL;

      if (g_menu_model_get_item_attribute (items, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          !g_str_has_suffix (action, "-selection"))
        g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (datastore_id));
      g_menu_append_item (copy, item);
    }

  return G_MENU_MODEL (copy);
}

/* Appends the declared SECTION ("copy-section", "delete-section", "enrichment-section",
 * "ungroup-section") to MENU. */
void
steward_datastore_menu_append_section (GMenu      *menu,
                                       const char *section,
                                       gint64      datastore_id)
{
  g_autoptr(GMenuModel) items = copy_section (section, datastore_id);

  g_menu_append_section (menu, NULL, items);
}

/* Returns: (transfer full): the details' More menu: enrichment, copies, delete. */
GMenuModel *
steward_datastore_menu_new_more (gint64 datastore_id)
{
  GMenu *menu = g_menu_new ();

  steward_datastore_menu_append_section (menu, "enrichment-section", datastore_id);
  steward_datastore_menu_append_section (menu, "copy-section", datastore_id);
  steward_datastore_menu_append_section (menu, "delete-section", datastore_id);
  return G_MENU_MODEL (menu);
}

/* Appends the groups (a section, or an Assign to Group submenu when there are any) and Remove
 * from Group, for the selection. */
void
steward_datastore_menu_append_groups (GMenu      *menu,
                                      GMenuModel *groups_menu,
                                      gboolean    as_submenu)
{
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuModel) ungroup = copy_section ("ungroup-section", 0);

  if (groups_menu != NULL && !as_submenu)
    g_menu_append_section (menu, NULL, groups_menu);
  else if (groups_menu != NULL && g_menu_model_get_n_items (groups_menu) > 0)
    g_menu_append_submenu (section, _("_Assign to Group"), groups_menu);
  for (int i = 0; i < g_menu_model_get_n_items (ungroup); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new_from_model (ungroup, i);

      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static GMenuItem *
group_item_new (StewardDatastoreGroup *group)
{
  GMenuItem *item = g_menu_item_new (steward_datastore_group_get_name (group), NULL);
  g_autoptr(GIcon) icon = g_themed_icon_new (steward_datastore_group_get_icon_name (group));
  gint64 id = steward_datastore_group_get_id (group);

  g_menu_item_set_action_and_target_value (item, "view.assign-selection", g_variant_new_int64 (id));
  g_menu_item_set_icon (item, icon);
  return item;
}

static void
groups_changed_cb (GListModel *groups,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GMenu      *menu)
{
  for (guint i = 0; i < removed; i++)
    g_menu_remove (menu, position);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, position + i);
      g_autoptr(GMenuItem) item = group_item_new (group);

      g_menu_insert_item (menu, position + i, item);
    }
}

/* Returns: (transfer full): one item per group of GROUPS, which assigns the selection to it,
 * kept in step with the list (a group added, renamed, removed). One per deployment, shared by
 * every menu that offers the groups. */
GMenuModel *
steward_groups_menu_new (GListModel *groups)
{
  GMenu *menu = g_menu_new ();

  g_return_val_if_fail (G_IS_LIST_MODEL (groups), G_MENU_MODEL (menu));

  groups_changed_cb (groups, 0, 0, g_list_model_get_n_items (groups), menu);
  g_signal_connect_object (groups, "items-changed", G_CALLBACK (groups_changed_cb), menu, 0);
  return G_MENU_MODEL (menu);
}
