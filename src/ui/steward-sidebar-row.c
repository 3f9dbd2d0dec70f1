/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-sidebar-row.h"

/* A sidebar entry: icon, title and count. Group rows and Ungrouped take dropped datastores
 * (emitting ::datastores-dropped), and group rows have a context menu to edit or delete the
 * group; its items are view.* actions the main view installs. */
struct _StewardSidebarRow
{
  GtkListBoxRow       parent_instance;

  StewardSidebarItem *item;
  GtkWidget          *context_menu;

  /* Template widgets */
  GtkImage           *icon;
  GtkLabel           *title;
  GtkLabel           *count;
};

G_DEFINE_FINAL_TYPE (StewardSidebarRow, steward_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  DATASTORES_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
steward_sidebar_row_drop (StewardSidebarRow    *self,
                          StewardDatastoreDrag *drag)
{
  gboolean handled = FALSE;

  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ROW (self), FALSE);

  if (!steward_sidebar_item_accepts_drop (self->item))
    return FALSE;

  g_signal_emit (self, signals[DATASTORES_DROPPED], 0, drag, &handled);
  return handled;
}

static gboolean
drop_cb (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         StewardSidebarRow *self)
{
  return steward_sidebar_row_drop (self, g_value_get_boxed (value));
}

static void
show_context_menu (StewardSidebarRow *self,
                   double             x,
                   double             y)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) delete = NULL;
  gint64 id = steward_sidebar_item_get_group_id (self->item);

  if (steward_sidebar_item_get_scope (self->item) != STEWARD_SCOPE_GROUP)
    return;

  menu = g_menu_new ();
  edit = g_menu_item_new (_("_Edit Group…"), NULL);
  g_menu_item_set_action_and_target_value (edit, "view.edit-group", g_variant_new_int64 (id));
  g_menu_append_item (menu, edit);
  delete = g_menu_item_new (_("_Delete Group…"), NULL);
  g_menu_item_set_action_and_target_value (delete, "view.delete-group", g_variant_new_int64 (id));
  g_menu_append_item (menu, delete);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                                 &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
context_click_cb (GtkGestureClick   *gesture,
                  int                n_press,
                  double             x,
                  double             y,
                  StewardSidebarRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_context_menu (self, x, y);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_context_menu (STEWARD_SIDEBAR_ROW (widget), -1, -1);
}

static void
steward_sidebar_row_dispose (GObject *object)
{
  StewardSidebarRow *self = STEWARD_SIDEBAR_ROW (object);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (steward_sidebar_row_parent_class)->dispose (object);
}

static void
steward_sidebar_row_class_init (StewardSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_sidebar_row_dispose;

  /**
   * StewardSidebarRow::datastores-dropped:
   * @drag: the datastores dropped on this row
   *
   * Returns: whether the drop was taken
   */
  signals[DATASTORES_DROPPED] =
    g_signal_new ("datastores-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, STEWARD_TYPE_DATASTORE_DRAG);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, StewardSidebarRow, title);
  gtk_widget_class_bind_template_child (widget_class, StewardSidebarRow, count);

  gtk_widget_class_install_action (widget_class, "row.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "row.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "row.context-menu", NULL);
}

static void
steward_sidebar_row_init (StewardSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steward_sidebar_row_new (StewardSidebarItem *item)
{
  StewardSidebarRow *self;
  GtkGesture *click;

  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ITEM (item), NULL);

  self = g_object_new (STEWARD_TYPE_SIDEBAR_ROW, NULL);
  self->item = g_object_ref (item);

  g_object_bind_property (item, "title", self->title, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "icon-name", self->icon, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "count-label", self->count, "label", G_BINDING_SYNC_CREATE);

  if (steward_sidebar_item_accepts_drop (item))
    {
      GtkDropTarget *target = gtk_drop_target_new (STEWARD_TYPE_DATASTORE_DRAG, GDK_ACTION_MOVE);

      g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
    }

  if (steward_sidebar_item_get_scope (item) == STEWARD_SCOPE_GROUP)
    {
      click = gtk_gesture_click_new ();
      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
      g_signal_connect (click, "pressed", G_CALLBACK (context_click_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
    }
  else
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.context-menu", FALSE);

  return GTK_WIDGET (self);
}

StewardSidebarItem *
steward_sidebar_row_get_item (StewardSidebarRow *self)
{
  g_return_val_if_fail (STEWARD_IS_SIDEBAR_ROW (self), NULL);

  return self->item;
}
