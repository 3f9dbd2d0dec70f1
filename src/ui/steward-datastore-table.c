/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-table"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-datastore-cell.h"
#include "steward-datastore-drag.h"
#include "steward-datastore-menu.h"
#include "steward-datastore-table.h"
#include "steward-format.h"

/* The datastore list: a column view with multiple selection, in server order (sorting is the
 * server's, chosen in the header bar), and the pages shown instead of it while loading, when
 * nothing matches, or when loading failed. Its context menu and drags act on the selection; a
 * right-click on an unselected row selects that row first, as file managers do. The menu's items
 * are view.* actions the main view installs.
 *
 * Columns are as wide as their title and typical content in the current font, measured, and the
 * name takes the rest. A column is never cut off at the edge: when the list is too narrow for all
 * of them, the ones the details pane shows anyway (tags, then the creation date, then the group,
 * then the type) step aside until it is wide enough again. */
#define N_COLUMNS 8

struct _StewardDatastoreTable
{
  AdwBin              parent_instance;

  GtkMultiSelection  *selection;
  GMenuModel         *groups_menu;
  GtkWidget          *context_menu;
  GPtrArray          *view_columns;   /* element-type GtkColumnViewColumn, as in columns[] */
  int                 widths[N_COLUMNS];  /* each column's width, kept while it is hidden */

  /* Template widgets */
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkButton          *clear_button;
  AdwStatusPage      *error_page;
};

G_DEFINE_FINAL_TYPE (StewardDatastoreTable, steward_datastore_table, ADW_TYPE_BIN)

enum {
  DATASTORE_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Room around a cell's or a title's text: the cell's padding and the title button's, with its
 * border, and a little air. */
#define COLUMN_PADDING 18
/* The favorite column holds a flat icon button. */
#define FAVORITE_WIDTH 40
/* The group's icon, and the space after it. */
#define GROUP_ICON_WIDTH 22
/* What the column view itself takes besides its columns. */
#define TABLE_SLACK 4

static const struct
{
  StewardCellKind  kind;
  const char      *title;
  const char      *sample;     /* typical content, to measure; NULL for the title alone */
  guint            hide_rank;  /* 0: always shown; otherwise the lowest rank steps aside first */
} columns[] = {
  /* The numbers people scan for come right after what identifies a datastore, so they stay in
   * view when the details pane leaves the list little room. */
  { STEWARD_CELL_FAVORITE, NULL, NULL, 0 },
  /* The least the name column keeps; it takes whatever room is left. */
  { STEWARD_CELL_NAME, N_("Name"), "Production Sales", 0 },
  { STEWARD_CELL_TYPE, N_("Type"), "PostgreSQL", 4 },
  { STEWARD_CELL_CONTAINERS, N_("Containers"), "99,999", 0 },
  { STEWARD_CELL_ANOMALIES, N_("Anomalies"), "99,999", 0 },
  { STEWARD_CELL_GROUP, N_("Group"), "Mission Critical", 3 },
  { STEWARD_CELL_TAGS, N_("Tags"), "production, sales", 1 },
  /* Sampled with a date instead: its format is the translation's. */
  { STEWARD_CELL_CREATED, N_("Created"), NULL, 2 },
};

#define N_HIDE_RANKS 4

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

static gboolean
is_selected (StewardDatastoreTable *self,
             StewardDatastore      *datastore)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == datastore)
        return gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i);
    }

  return FALSE;
}

/* Right-click selects the row first, so the menu is always for the selection: one datastore's
 * actions, or the selection's. The sections and the groups are the ones every datastore menu
 * shares (steward-datastore-menu.c). */
static GMenuModel *
build_single_menu (StewardDatastoreTable *self,
                   StewardDatastore      *datastore)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  gint64 id = steward_datastore_get_id (datastore);
  gboolean favorite = steward_datastore_get_favorite (datastore);
  const char *const edit_items[][2] = {
    { N_("_Edit…"), "view.edit" },
    { favorite ? N_("Remove from _Favorites") : N_("Add to _Favorites"), "view.toggle-favorite" },
    { N_("E_nrichment…"), "view.enrichment" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edit_items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(edit_items[i][0]), NULL);

      g_menu_item_set_action_and_target_value (item, edit_items[i][1], g_variant_new_int64 (id));
      g_menu_append_item (edit_section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));
  steward_datastore_menu_append_groups (menu, self->groups_menu, TRUE);
  steward_datastore_menu_append_section (menu, "copy-section", id);
  steward_datastore_menu_append_section (menu, "delete-section", id);

  return G_MENU_MODEL (menu);
}

static GMenuModel *
build_selection_menu (StewardDatastoreTable *self,
                      guint                  n_selected)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) other_section = g_menu_new ();
  g_autofree char *delete_label = NULL;

  steward_datastore_menu_append_groups (menu, self->groups_menu, TRUE);
  g_menu_append (other_section, _("Add to _Favorites"), "view.favorite-selection");
  g_menu_append (other_section, _("Link E_nrichment…"), "view.enrichment-selection");
  delete_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Delete %u Datastore…",
                                               "_Delete %u Datastores…", n_selected), n_selected);
  g_menu_append (other_section, delete_label, "view.delete-selection");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other_section));

  return G_MENU_MODEL (menu);
}

/* The menu for the selection, or for DATASTORE alone when it is not selected, pointing at
 * RECT in the table's coordinates. */
static void
popup_context_menu (StewardDatastoreTable *self,
                    StewardDatastore      *datastore,
                    const GdkRectangle    *rect)
{
  g_autoptr(GMenuModel) model = NULL;
  g_autoptr(GArray) ids = NULL;

  if (!is_selected (self, datastore))
    steward_datastore_table_select_id (self, steward_datastore_get_id (datastore));

  ids = steward_datastore_table_get_selected_ids (self);
  model =
      ids->len > 1 ? build_selection_menu (self, ids->len) : build_single_menu (self, datastore);

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
context_click_cb (GtkGestureClick      *gesture,
                  int                   n_press,
                  double                x,
                  double                y,
                  StewardDatastoreCell *cell)
{
  StewardDatastoreTable *self = STEWARD_DATASTORE_TABLE (
      gtk_widget_get_ancestor (GTK_WIDGET (cell), STEWARD_TYPE_DATASTORE_TABLE));
  StewardDatastore *datastore = steward_datastore_cell_get_datastore (cell);
  double table_x;
  double table_y;

  if (self == NULL || datastore == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  gtk_widget_translate_coordinates (GTK_WIDGET (cell), GTK_WIDGET (self), x, y, &table_x, &table_y);
  popup_context_menu (self, datastore, &(GdkRectangle) { (int) table_x, (int) table_y, 1, 1 });
}

/* Shift+F10 or the Menu key: the same menu, for the focused row, or the selection. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardDatastoreTable *self = STEWARD_DATASTORE_TABLE (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  StewardDatastore *datastore = NULL;
  GdkRectangle rect = { 0, 0, 1, 1 };
  graphene_rect_t bounds;
  g_autoptr(GArray) ids = NULL;

  /* A focused cell, or a focused row whose first cell names the datastore. */
  if (focus != NULL && gtk_widget_get_ancestor (focus, STEWARD_TYPE_DATASTORE_CELL) != NULL)
    datastore = steward_datastore_cell_get_datastore (
        STEWARD_DATASTORE_CELL (gtk_widget_get_ancestor (focus, STEWARD_TYPE_DATASTORE_CELL)));
  for (GtkWidget *child = focus; child != NULL && datastore == NULL && child != widget;
       child = gtk_widget_get_first_child (child))
    if (STEWARD_IS_DATASTORE_CELL (child))
      datastore = steward_datastore_cell_get_datastore (STEWARD_DATASTORE_CELL (child));

  if (focus != NULL && gtk_widget_is_ancestor (focus, widget) &&
      gtk_widget_compute_bounds (focus, widget, &bounds))
    rect = (GdkRectangle) { (int) bounds.origin.x + 12,
                           (int) (bounds.origin.y + bounds.size.height / 2), 1, 1 };

  if (datastore == NULL)
    {
      ids = steward_datastore_table_get_selected_ids (self);
      if (ids->len == 0)
        return;
      datastore = steward_datastore_table_get_selected (self);
      if (datastore == NULL)
        {
          /* Several selected, none focused: any of them stands for the selection. */
          g_autoptr(GtkBitset) selected =
              gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
          g_autoptr(StewardDatastore) first =
              g_list_model_get_item (G_LIST_MODEL (self->selection),
                                     gtk_bitset_get_nth (selected, 0));

          popup_context_menu (self, first, &rect);
          return;
        }
    }

  popup_context_menu (self, datastore, &rect);
}

/* Dragging a selected row drags the whole selection; an unselected row drags alone. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource        *source,
                 double                x,
                 double                y,
                 StewardDatastoreCell *cell)
{
  StewardDatastoreTable *self = STEWARD_DATASTORE_TABLE (
      gtk_widget_get_ancestor (GTK_WIDGET (cell), STEWARD_TYPE_DATASTORE_TABLE));
  StewardDatastore *datastore = steward_datastore_cell_get_datastore (cell);
  g_autoptr(StewardDatastoreDrag) drag = NULL;

  if (self == NULL || datastore == NULL)
    return NULL;

  if (is_selected (self, datastore))
    {
      g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self);
      drag = steward_datastore_drag_new ((const gint64 *) ids->data, ids->len);
    }
  else
    {
      gint64 id = steward_datastore_get_id (datastore);
      drag = steward_datastore_drag_new (&id, 1);
    }

  return gdk_content_provider_new_typed (STEWARD_TYPE_DATASTORE_DRAG, drag);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  StewardCellKind kind = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell = steward_datastore_cell_new (kind);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (context_click_cb), cell);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), cell);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (drag));

  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  steward_datastore_cell_set_datastore (STEWARD_DATASTORE_CELL (
                                            gtk_list_item_get_child (list_item)),
                                        gtk_list_item_get_item (list_item));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  steward_datastore_cell_set_datastore (STEWARD_DATASTORE_CELL (
                                            gtk_list_item_get_child (list_item)),
                                        NULL);
}

static void
activate_cb (GtkColumnView         *column_view,
             guint                  position,
             StewardDatastoreTable *self)
{
  g_autoptr(StewardDatastore) datastore =
      g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (datastore != NULL)
    g_signal_emit (self, signals[DATASTORE_ACTIVATED], 0, datastore);
}

static void
selection_changed_cb (GtkSelectionModel     *model,
                      guint                  position,
                      guint                  n_items,
                      StewardDatastoreTable *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static int
text_width (StewardDatastoreTable *self,
            const char            *text,
            gboolean               bold)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), text);
  /* Titles are bold in some themes: measured so, they fit in all of them. */
  if (bold)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
    }

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* A hidden column takes no width: GTK 4.8's column view counts hidden columns' fixed widths
 * against the room it shares among the expanding ones. Its own width is kept for later. */
static void
set_column_visible (StewardDatastoreTable *self,
                    guint                  i,
                    gboolean               visible)
{
  GtkColumnViewColumn *column = g_ptr_array_index (self->view_columns, i);

  if (!visible)
    self->widths[i] = gtk_column_view_column_get_fixed_width (column);
  gtk_column_view_column_set_fixed_width (column, visible ? self->widths[i] : 0);
  gtk_column_view_column_set_visible (column, visible);
}

/* The width a column takes when shown: the one it has, which the user may have dragged. */
static int
column_width (StewardDatastoreTable *self,
              guint                  i)
{
  GtkColumnViewColumn *column = g_ptr_array_index (self->view_columns, i);

  if (!gtk_column_view_column_get_visible (column))
    return self->widths[i];

  return gtk_column_view_column_get_fixed_width (column);
}

/* Sizes each column to its title and typical content in the current font. */
static void
measure_columns (StewardDatastoreTable *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->view_columns, i);
      g_autofree char *sample = NULL;
      int width;

      if (columns[i].kind == STEWARD_CELL_FAVORITE)
        width = FAVORITE_WIDTH;
      else
        {
          if (columns[i].kind == STEWARD_CELL_CREATED)
            {
              g_autoptr(GDateTime) date = g_date_time_new_local (2026, 12, 28, 12, 0, 0);

              sample = steward_format_date (date);
            }
          else
            sample = g_strdup (columns[i].sample);

          width = text_width (self, sample, FALSE);
          if (columns[i].kind == STEWARD_CELL_GROUP)
            width += GROUP_ICON_WIDTH;
          width = MAX (width, text_width (self, _(columns[i].title), TRUE)) + COLUMN_PADDING;
        }

      self->widths[i] = width;
      if (gtk_column_view_column_get_visible (column))
        gtk_column_view_column_set_fixed_width (column, width);
    }
}

/* Shows as many columns as fit in @width, setting aside those of the lowest rank first. */
static void
fit_columns (StewardDatastoreTable *self,
             int                    width)
{
  gboolean visible[N_COLUMNS];
  int needed = TABLE_SLACK;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      visible[i] = TRUE;
      needed += column_width (self, i);
    }

  for (guint rank = 1; rank <= N_HIDE_RANKS && needed > width; rank++)
    for (guint i = 0; i < N_COLUMNS; i++)
      if (columns[i].hide_rank == rank)
        {
          visible[i] = FALSE;
          needed -= column_width (self, i);
        }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->view_columns, i);

      if (gtk_column_view_column_get_visible (column) != visible[i])
        set_column_visible (self, i, visible[i]);
    }
}

static void
add_columns (StewardDatastoreTable *self)
{
  self->view_columns = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb),
                        GUINT_TO_POINTER (columns[i].kind));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), NULL);

      column = gtk_column_view_column_new (columns[i].title != NULL ? _(columns[i].title) : NULL,
                                           factory);
      /* Only the name takes the room left over. */
      gtk_column_view_column_set_expand (column, columns[i].kind == STEWARD_CELL_NAME);
      gtk_column_view_column_set_resizable (column, columns[i].kind != STEWARD_CELL_FAVORITE);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->view_columns, column);
    }

  measure_columns (self);
}

/* The layout of AdwBin's own, plus fitting the columns to the width before the column view is
 * allocated. */
static void
measure_cb (GtkWidget      *widget,
            GtkOrientation  orientation,
            int             for_size,
            int            *minimum,
            int            *natural,
            int            *minimum_baseline,
            int            *natural_baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum;
      int child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, for_size, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }
}

static void
allocate_cb (GtkWidget *widget,
             int        width,
             int        height,
             int        baseline)
{
  fit_columns (STEWARD_DATASTORE_TABLE (widget), width);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
steward_datastore_table_system_setting_changed (GtkWidget        *widget,
                                                GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (steward_datastore_table_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_DPI)
    {
      measure_columns (STEWARD_DATASTORE_TABLE (widget));
      gtk_widget_queue_resize (widget);
    }
}

static void
steward_datastore_table_dispose (GObject *object)
{
  StewardDatastoreTable *self = STEWARD_DATASTORE_TABLE (object);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  /* AdwBin unparents its child itself: let go of it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DATASTORE_TABLE);
  g_clear_object (&self->selection);
  g_clear_object (&self->groups_menu);
  g_clear_pointer (&self->view_columns, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_datastore_table_parent_class)->dispose (object);
}

static void
steward_datastore_table_class_init (StewardDatastoreTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_datastore_table_dispose;
  widget_class->system_setting_changed = steward_datastore_table_system_setting_changed;

  signals[DATASTORE_ACTIVATED] =
    g_signal_new ("datastore-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, STEWARD_TYPE_DATASTORE);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-datastore-table.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreTable, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreTable, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreTable, clear_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreTable, error_page);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "table.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "view.delete-selection",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "table.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "table.context-menu", NULL);
}

static void
steward_datastore_table_init (StewardDatastoreTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_multi_selection_new (NULL);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, measure_cb, allocate_cb));

  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
}

void
steward_datastore_table_set_model (StewardDatastoreTable *self,
                                   GListModel            *model)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_TABLE (self));

  gtk_multi_selection_set_model (self->selection, model);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* The groups offered by the context menu's Assign to Group: the deployment's groups menu. */
void
steward_datastore_table_set_groups_menu (StewardDatastoreTable *self,
                                         GMenuModel            *groups_menu)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_TABLE (self));

  g_set_object (&self->groups_menu, groups_menu);
}

GtkSelectionModel *
steward_datastore_table_get_selection (StewardDatastoreTable *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_TABLE (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/* Returns: (transfer full): the selected datastores' ids, in list order */
GArray *
steward_datastore_table_get_selected_ids (StewardDatastoreTable *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) selected =
      gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(StewardDatastore) datastore =
          g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = steward_datastore_get_id (datastore);

      g_array_append_val (ids, id);
    }

  return ids;
}

/* Returns: (transfer none) (nullable): the selected datastore when exactly one is selected */
StewardDatastore *
steward_datastore_table_get_selected (StewardDatastoreTable *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(StewardDatastore) datastore = NULL;

  g_return_val_if_fail (STEWARD_IS_DATASTORE_TABLE (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (selected) != 1)
    return NULL;

  datastore =
      g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_nth (selected, 0));
  return datastore;   /* the model keeps it alive */
}

/* GTK 4.8's column view has no scroll_to(); its inner list view has the action that does it. */
static void
scroll_to (StewardDatastoreTable *self,
           guint                  position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Selects only that datastore and scrolls to it; FALSE when it is not listed. */
gboolean
steward_datastore_table_select_id (StewardDatastoreTable *self,
                                   gint64                 datastore_id)
{
  guint n;

  g_return_val_if_fail (STEWARD_IS_DATASTORE_TABLE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore =
          g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (steward_datastore_get_id (datastore) != datastore_id)
        continue;

      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
      scroll_to (self, i);
      return TRUE;
    }

  return FALSE;
}

void
steward_datastore_table_show_loading (StewardDatastoreTable *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
steward_datastore_table_show_list (StewardDatastoreTable *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
}

void
steward_datastore_table_show_empty (StewardDatastoreTable *self,
                                    const char            *title,
                                    const char            *description,
                                    gboolean               can_clear)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  /* The description is markup; it may hold what the user searched for. */
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, escaped);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), can_clear);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
steward_datastore_table_show_error (StewardDatastoreTable *self,
                                    const char            *title,
                                    const char            *message)
{
  g_autofree char *escaped = g_markup_escape_text (message != NULL ? message : "", -1);

  /* The description is markup; the message is the server's or the network's. */
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* "loading", "list", "empty" or "error". */
const char *
steward_datastore_table_get_page (StewardDatastoreTable *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_TABLE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* A cell's value for an export: the text shown, except where a spreadsheet needs the value
 * itself (counts without thousands separators, the creation time in ISO 8601). */
static char *
export_text (StewardCellKind   kind,
             StewardDatastore *datastore)
{
  StewardDatastoreGroup *group;
  GDateTime *created;

  switch (kind)
    {
    case STEWARD_CELL_NAME:
      return g_strdup (steward_datastore_get_name (datastore));
    case STEWARD_CELL_TYPE:
      return g_strdup (steward_format_connector_type (
        steward_datastore_get_datastore_type (datastore)));
    case STEWARD_CELL_CONTAINERS:
      return g_strdup_printf ("%" G_GINT64_FORMAT, steward_datastore_get_containers (datastore));
    case STEWARD_CELL_ANOMALIES:
      return g_strdup_printf ("%" G_GINT64_FORMAT,
                              steward_datastore_get_active_anomalies (datastore));
    case STEWARD_CELL_GROUP:
      group = steward_datastore_get_group (datastore);
      return g_strdup (group != NULL ? steward_datastore_group_get_name (group) : "");
    case STEWARD_CELL_TAGS:
      return steward_format_list (steward_datastore_get_tags (datastore));
    case STEWARD_CELL_CREATED:
      created = steward_datastore_get_created (datastore);
      return created != NULL ? g_date_time_format_iso8601 (created) : g_strdup ("");
    case STEWARD_CELL_FAVORITE:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* The list as the user sees it, for an export: the header, then one record per row in the
 * order shown, with the columns shown now in their order (the favorite star, which has no
 * title, aside).
 * Returns: (transfer full) (element-type GStrv): the records */
GPtrArray *
steward_datastore_table_get_rows (StewardDatastoreTable *self)
{
  GPtrArray *rows;
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (StewardCellKind));
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  GListModel *view_columns;
  guint n_rows;

  g_return_val_if_fail (STEWARD_IS_DATASTORE_TABLE (self), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  /* The column view's own list: its order is the one on screen. */
  view_columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (view_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);
      guint index;

      if (!gtk_column_view_column_get_visible (column) ||
          !g_ptr_array_find (self->view_columns, column, &index) ||
          columns[index].kind == STEWARD_CELL_FAVORITE)
        continue;

      g_array_append_val (kinds, columns[index].kind);
      g_strv_builder_add (header, _(columns[index].title));
    }
  g_ptr_array_add (rows, g_strv_builder_end (header));

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(StewardDatastore) datastore =
        g_list_model_get_item (G_LIST_MODEL (self->selection), i);
      char **record = g_new0 (char *, kinds->len + 1);

      for (guint k = 0; k < kinds->len; k++)
        record[k] = export_text (g_array_index (kinds, StewardCellKind, k), datastore);
      g_ptr_array_add (rows, record);
    }

  return rows;
}
