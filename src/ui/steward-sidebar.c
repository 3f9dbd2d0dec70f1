/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-sidebar.h"
#include "steward-sidebar-row.h"

/* All datastores, Favorites, Enrichment datastores, then every group, then Ungrouped; last,
 * under "Deployment", Connections and Activity. The group entries follow the groups model
 * (created, renamed, re-iconed, deleted groups show at once); the selection survives such
 * changes, and falls back to All when its group goes. Connections and Activity are no scopes of
 * datastores but pages of their own: while one is selected, :selected-item keeps the scope to
 * come back to. */
struct _StewardSidebar
{
  AdwBin              parent_instance;

  GListModel         *groups;
  GListStore         *items;
  GHashTable         *group_items;   /* group id → StewardSidebarItem */
  StewardSidebarItem *fixed[STEWARD_SCOPE_UNGROUPED + 1];
  StewardSidebarItem *connections_item;
  StewardSidebarItem *activity_item;
  StewardSidebarItem *selected;
  gboolean            rebuilding;
  gboolean            connections_selected;
  gboolean            activity_selected;

  /* Template widgets */
  GtkListBox         *list_box;
  GtkWidget          *new_group_button;
};

G_DEFINE_FINAL_TYPE (StewardSidebar, steward_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED_ITEM,
  PROP_CONNECTIONS_SELECTED,
  PROP_ACTIVITY_SELECTED,
  N_PROPS
};

enum {
  DATASTORES_DROPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
row_dropped_cb (StewardSidebarRow    *row,
                StewardDatastoreDrag *drag,
                StewardSidebar       *self)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[DATASTORES_DROPPED], 0, steward_sidebar_row_get_item (row), drag,
                 &handled);
  return handled;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = steward_sidebar_row_new (item);

  g_signal_connect (row, "datastores-dropped", G_CALLBACK (row_dropped_cb), user_data);
  return row;
}

/* A "Groups" heading above the first group, a "Deployment" one above Connections. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  StewardSidebarItem *item = steward_sidebar_row_get_item (STEWARD_SIDEBAR_ROW (row));
  StewardSidebarItem *previous =
      before != NULL ? steward_sidebar_row_get_item (STEWARD_SIDEBAR_ROW (before)) : NULL;
  gboolean connections = steward_sidebar_item_is_connections (item);
  GtkWidget *header;

  if (!connections &&
      (steward_sidebar_item_get_scope (item) != STEWARD_SCOPE_GROUP ||
       (previous != NULL && steward_sidebar_item_get_scope (previous) == STEWARD_SCOPE_GROUP &&
        !steward_sidebar_item_is_connections (previous))))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  header = gtk_label_new (connections ? _("Deployment") : _("Groups"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
set_selected (StewardSidebar     *self,
              StewardSidebarItem *item)
{
  if (self->selected == item)
    return;

  g_set_object (&self->selected, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
set_connections_selected (StewardSidebar *self,
                          gboolean        selected)
{
  if (self->connections_selected == selected)
    return;

  self->connections_selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTIONS_SELECTED]);
}

static void
set_activity_selected (StewardSidebar *self,
                       gboolean        selected)
{
  if (self->activity_selected == selected)
    return;

  self->activity_selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY_SELECTED]);
}

static void
row_selected_cb (GtkListBox     *list_box,
                 GtkListBoxRow  *row,
                 StewardSidebar *self)
{
  StewardSidebarItem *item;

  if (self->rebuilding || row == NULL)
    return;

  item = steward_sidebar_row_get_item (STEWARD_SIDEBAR_ROW (row));
  if (steward_sidebar_item_is_connections (item))
    {
      set_activity_selected (self, FALSE);
      set_connections_selected (self, TRUE);
      return;
    }
  if (steward_sidebar_item_is_activity (item))
    {
      set_connections_selected (self, FALSE);
      set_activity_selected (self, TRUE);
      return;
    }

  set_connections_selected (self, FALSE);
  set_activity_selected (self, FALSE);
  set_selected (self, item);
}

static void
select_item (StewardSidebar     *self,
             StewardSidebarItem *item)
{
  guint position;

  if (g_list_store_find (self->items, item, &position))
    gtk_list_box_select_row (self->list_box,
                             gtk_list_box_get_row_at_index (self->list_box, position));
}

static void
rebuild (StewardSidebar *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GHashTable) old_group_items = g_steal_pointer (&self->group_items);
  StewardSidebarItem *previous = self->selected != NULL ? g_object_ref (self->selected) : NULL;
  StewardSidebarItem *reselect = NULL;
  guint n = self->groups != NULL ? g_list_model_get_n_items (self->groups) : 0;

  self->group_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  g_ptr_array_add (items, self->fixed[STEWARD_SCOPE_ALL]);
  g_ptr_array_add (items, self->fixed[STEWARD_SCOPE_FAVORITES]);
  g_ptr_array_add (items, self->fixed[STEWARD_SCOPE_ENRICHMENT]);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (self->groups, i);
      gint64 id = steward_datastore_group_get_id (group);
      StewardSidebarItem *item;

      /* One entry per group id: a second group with the same id (a server that repeats one, or
       * groups without ids, all 0) is not listed again. Inserting it would replace, and free,
       * the entry already in the list. */
      if (g_hash_table_contains (self->group_items, &id))
        continue;

      item = old_group_items != NULL ? g_hash_table_lookup (old_group_items, &id) : NULL;

      /* Keep an existing entry (and its count) when it is still the same group object. */
      if (item == NULL || steward_sidebar_item_get_group (item) != group)
        item = steward_sidebar_item_new (STEWARD_SCOPE_GROUP, group);
      else
        g_object_ref (item);

      g_hash_table_insert (self->group_items, g_memdup2 (&id, sizeof id), item);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_add (items, self->fixed[STEWARD_SCOPE_UNGROUPED]);
  g_ptr_array_add (items, self->connections_item);
  g_ptr_array_add (items, self->activity_item);

  self->rebuilding = TRUE;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  self->rebuilding = FALSE;

  if (previous != NULL)
    reselect = steward_sidebar_find_item (self, steward_sidebar_item_get_scope (previous),
                                          steward_sidebar_item_get_group_id (previous));
  if (reselect == NULL)
    reselect = self->fixed[STEWARD_SCOPE_ALL];

  /* Groups changing under the Connections page leave it shown. */
  select_item (self, self->connections_selected ? self->connections_item
                     : self->activity_selected ? self->activity_item : reselect);
  set_selected (self, reselect);
  g_clear_object (&previous);
}

static void
groups_changed_cb (GListModel     *groups,
                   guint           position,
                   guint           removed,
                   guint           added,
                   StewardSidebar *self)
{
  rebuild (self);
}

static void
steward_sidebar_dispose (GObject *object)
{
  StewardSidebar *self = STEWARD_SIDEBAR (object);

  if (self->groups != NULL)
    g_signal_handlers_disconnect_by_func (self->groups, groups_changed_cb, self);
  g_clear_object (&self->groups);
  /* AdwBin unparents its child itself: let go of it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_SIDEBAR);
  g_clear_object (&self->items);
  g_clear_pointer (&self->group_items, g_hash_table_unref);
  g_clear_object (&self->selected);
  for (guint i = 0; i < G_N_ELEMENTS (self->fixed); i++)
    g_clear_object (&self->fixed[i]);
  g_clear_object (&self->connections_item);
  g_clear_object (&self->activity_item);

  G_OBJECT_CLASS (steward_sidebar_parent_class)->dispose (object);
}

static void
steward_sidebar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StewardSidebar *self = STEWARD_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected);
      break;
    case PROP_CONNECTIONS_SELECTED:
      g_value_set_boolean (value, self->connections_selected);
      break;
    case PROP_ACTIVITY_SELECTED:
      g_value_set_boolean (value, self->activity_selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_sidebar_class_init (StewardSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_sidebar_dispose;
  object_class->get_property = steward_sidebar_get_property;

  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, STEWARD_TYPE_SIDEBAR_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The Connections entry is selected rather than a scope of datastores. */
  properties[PROP_CONNECTIONS_SELECTED] =
    g_param_spec_boolean ("connections-selected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The Activity entry is selected rather than a scope of datastores. */
  properties[PROP_ACTIVITY_SELECTED] =
    g_param_spec_boolean ("activity-selected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardSidebar::datastores-dropped:
   * @item: the group entry (or Ungrouped) they were dropped on
   * @drag: the dropped datastores
   */
  signals[DATASTORES_DROPPED] =
    g_signal_new ("datastores-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, STEWARD_TYPE_SIDEBAR_ITEM, STEWARD_TYPE_DATASTORE_DRAG);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steward-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardSidebar, list_box);
  gtk_widget_class_bind_template_child (widget_class, StewardSidebar, new_group_button);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
}

static void
steward_sidebar_init (StewardSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (STEWARD_TYPE_SIDEBAR_ITEM);
  for (StewardScope scope = STEWARD_SCOPE_ALL; scope <= STEWARD_SCOPE_UNGROUPED; scope++)
    if (scope != STEWARD_SCOPE_GROUP)
      self->fixed[scope] = steward_sidebar_item_new (scope, NULL);
  self->connections_item = steward_sidebar_item_new_connections ();
  self->activity_item = steward_sidebar_item_new_activity ();

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->items), create_row, self, NULL);
  gtk_list_box_set_header_func (self->list_box, update_header, NULL, NULL);
  rebuild (self);
}

void
steward_sidebar_set_groups (StewardSidebar *self,
                            GListModel     *groups)
{
  g_return_if_fail (STEWARD_IS_SIDEBAR (self));

  if (self->groups != NULL)
    g_signal_handlers_disconnect_by_func (self->groups, groups_changed_cb, self);
  g_set_object (&self->groups, groups);
  if (groups != NULL)
    g_signal_connect (groups, "items-changed", G_CALLBACK (groups_changed_cb), self);

  rebuild (self);
}

StewardSidebarItem *
steward_sidebar_get_selected_item (StewardSidebar *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR (self), NULL);

  return self->selected;
}

gboolean
steward_sidebar_select (StewardSidebar *self,
                        StewardScope    scope,
                        gint64          group_id)
{
  StewardSidebarItem *item = steward_sidebar_find_item (self, scope, group_id);

  if (item == NULL)
    return FALSE;

  select_item (self, item);
  set_connections_selected (self, FALSE);
  set_activity_selected (self, FALSE);
  set_selected (self, item);
  return TRUE;
}

/* Returns: (transfer none) (nullable) */
StewardSidebarItem *
steward_sidebar_find_item (StewardSidebar *self,
                           StewardScope    scope,
                           gint64          group_id)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR (self), NULL);

  if (scope != STEWARD_SCOPE_GROUP)
    return self->fixed[scope];

  return g_hash_table_lookup (self->group_items, &group_id);
}

/* Returns: (transfer none) (nullable): the row showing that entry */
GtkWidget *
steward_sidebar_find_row (StewardSidebar *self,
                          StewardScope    scope,
                          gint64          group_id)
{
  StewardSidebarItem *item = steward_sidebar_find_item (self, scope, group_id);
  guint position;

  if (item == NULL || !g_list_store_find (self->items, item, &position))
    return NULL;

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, position));
}

/* The New Group button follows its action's state; when the role forbids it, it says why. */
void
steward_sidebar_explain_new_group (StewardSidebar *self,
                                   const char     *why_not)
{
  g_return_if_fail (STEWARD_IS_SIDEBAR (self));

  gtk_widget_set_tooltip_text (self->new_group_button,
                               why_not != NULL ? why_not : _("Create a group of datastores"));
}

gboolean
steward_sidebar_get_connections_selected (StewardSidebar *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR (self), FALSE);

  return self->connections_selected;
}

/* Selects the Connections entry, as a click on it would. */
void
steward_sidebar_select_connections (StewardSidebar *self)
{
  g_return_if_fail (STEWARD_IS_SIDEBAR (self));

  select_item (self, self->connections_item);
  set_activity_selected (self, FALSE);
  set_connections_selected (self, TRUE);
}

gboolean
steward_sidebar_get_activity_selected (StewardSidebar *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR (self), FALSE);

  return self->activity_selected;
}

/* Selects the Activity entry, as a click on it would. */
void
steward_sidebar_select_activity (StewardSidebar *self)
{
  g_return_if_fail (STEWARD_IS_SIDEBAR (self));

  select_item (self, self->activity_item);
  set_connections_selected (self, FALSE);
  set_activity_selected (self, TRUE);
}
