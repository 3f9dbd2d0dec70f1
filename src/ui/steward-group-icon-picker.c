/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-group-icon-picker"

#include "config.h"

#include "steward-api.h"
#include "steward-group-icon-picker.h"

/* The ten documented group icons as a grid, one selected at a time. A GtkFlowBox gives arrow-key
 * navigation and single selection for free, and announces each icon by its label. */
struct _StewardGroupIconPicker
{
  GtkWidget   parent_instance;

  const char *icon;   /* one of the ten values, from the static table */

  /* Template widgets */
  GtkFlowBox *flow_box;
};

G_DEFINE_FINAL_TYPE (StewardGroupIconPicker, steward_group_icon_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ICON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Big enough to hit comfortably while the icon itself stays at its drawn 16 px. */
#define CELL_SIZE 40

static void
add_icon_cell (StewardGroupIconPicker *self,
               const char             *value)
{
  const char *label = steward_group_icon_get_label (value);
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (steward_group_icon_get_icon_name (value));

  gtk_image_set_pixel_size (GTK_IMAGE (image), 16);
  gtk_widget_set_size_request (child, CELL_SIZE, CELL_SIZE);
  gtk_widget_set_tooltip_text (child, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), image);
  gtk_flow_box_append (self->flow_box, child);
}

static int
index_of (const char *value)
{
  for (guint i = 0; i < steward_group_icon_get_count (); i++)
    if (g_strcmp0 (steward_group_icon_get_value (i), value) == 0)
      return i;

  return -1;
}

static void
select_index (StewardGroupIconPicker *self,
              int                     index)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->flow_box, index);

  gtk_flow_box_select_child (self->flow_box, child);
}

static void
selected_children_changed_cb (StewardGroupIconPicker *self)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (self->flow_box);
  const char *value;

  /* Single selection can still be emptied (Ctrl+Space): the icon stays what it was. */
  if (selected == NULL)
    {
      select_index (self, MAX (index_of (self->icon), 0));
      return;
    }

  value = steward_group_icon_get_value (gtk_flow_box_child_get_index (selected->data));
  if (value == self->icon)
    return;

  self->icon = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON]);
}

static void
steward_group_icon_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_GROUP_ICON_PICKER);

  G_OBJECT_CLASS (steward_group_icon_picker_parent_class)->dispose (object);
}

static void
steward_group_icon_picker_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardGroupIconPicker *self = STEWARD_GROUP_ICON_PICKER (object);

  switch (prop_id)
    {
    case PROP_ICON:
      g_value_set_string (value, self->icon);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_group_icon_picker_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StewardGroupIconPicker *self = STEWARD_GROUP_ICON_PICKER (object);

  switch (prop_id)
    {
    case PROP_ICON:
      steward_group_icon_picker_set_icon (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_group_icon_picker_class_init (StewardGroupIconPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_group_icon_picker_dispose;
  object_class->get_property = steward_group_icon_picker_get_property;
  object_class->set_property = steward_group_icon_picker_set_property;

  /**
   * StewardGroupIconPicker:icon:
   *
   * The selected MDI icon value, always one of the ten documented ones: setting a value this
   * version does not know selects the default bookmark.
   */
  properties[PROP_ICON] =
    g_param_spec_string ("icon", NULL, NULL,
                         STEWARD_GROUP_ICON_DEFAULT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-group-icon-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardGroupIconPicker, flow_box);
  gtk_widget_class_bind_template_callback (widget_class, selected_children_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
steward_group_icon_picker_init (StewardGroupIconPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < steward_group_icon_get_count (); i++)
    add_icon_cell (self, steward_group_icon_get_value (i));

  self->icon = steward_group_icon_get_value (0);
  select_index (self, 0);
}

GtkWidget *
steward_group_icon_picker_new (void)
{
  return g_object_new (STEWARD_TYPE_GROUP_ICON_PICKER, NULL);
}

const char *
steward_group_icon_picker_get_icon (StewardGroupIconPicker *self)
{
  g_return_val_if_fail (STEWARD_IS_GROUP_ICON_PICKER (self), NULL);

  return self->icon;
}

/* NULL or a value this version does not know selects the bookmark, as the sidebar shows it. */
void
steward_group_icon_picker_set_icon (StewardGroupIconPicker *self,
                                    const char             *icon)
{
  g_return_if_fail (STEWARD_IS_GROUP_ICON_PICKER (self));

  /* Selecting notifies through selected-children-changed. */
  select_index (self, MAX (index_of (icon), 0));
}
