/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-cell"

#include <glib/gi18n.h>

#include "steward-datastore-cell.h"
#include "steward-favorite-button.h"
#include "steward-format.h"

/* One cell of the datastore table. Every column uses this widget, so every cell of a row offers
 * the same context menu and drag, which the table attaches. It follows its datastore's changes
 * (a favorite toggled elsewhere, a group assigned) without the table rebinding it. */
struct _StewardDatastoreCell
{
  AdwBin            parent_instance;

  StewardCellKind   kind;
  StewardDatastore *datastore;
  gulong            notify_id;

  /* Template widgets */
  StewardFavoriteButton *star;
  GtkImage         *icon;
  GtkLabel         *label;
};

G_DEFINE_FINAL_TYPE (StewardDatastoreCell, steward_datastore_cell, ADW_TYPE_BIN)

static void
update (StewardDatastoreCell *self)
{
  StewardDatastore *datastore = self->datastore;
  StewardDatastoreGroup *group;
  g_autofree char *text = NULL;

  if (datastore == NULL)
    {
      gtk_label_set_label (self->label, "");
      steward_favorite_button_set_datastore (self->star, NULL);
      return;
    }

  switch (self->kind)
    {
    case STEWARD_CELL_FAVORITE:
      steward_favorite_button_set_datastore (self->star, datastore);
      return;

    case STEWARD_CELL_TYPE:
      gtk_label_set_label (self->label, steward_format_connector_type (steward_datastore_get_datastore_type (datastore)));
      return;

    case STEWARD_CELL_NAME:
      gtk_label_set_label (self->label, steward_datastore_get_name (datastore));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), steward_datastore_get_name (datastore));
      return;

    case STEWARD_CELL_GROUP:
      group = steward_datastore_get_group (datastore);
      gtk_widget_set_visible (GTK_WIDGET (self->icon), group != NULL);
      if (group != NULL)
        gtk_image_set_from_icon_name (self->icon, steward_datastore_group_get_icon_name (group));
      gtk_label_set_label (self->label, group != NULL ? steward_datastore_group_get_name (group) : "");
      return;

    case STEWARD_CELL_TAGS:
      text = steward_format_list (steward_datastore_get_tags (datastore));
      gtk_label_set_label (self->label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), *text != '\0' ? text : NULL);
      return;

    case STEWARD_CELL_CONTAINERS:
      text = steward_format_count (steward_datastore_get_containers (datastore));
      gtk_label_set_label (self->label, text);
      return;

    case STEWARD_CELL_ANOMALIES:
      text = steward_format_count (steward_datastore_get_active_anomalies (datastore));
      gtk_label_set_label (self->label, text);
      if (steward_datastore_get_active_anomalies (datastore) > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->label), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->label), "warning");
      return;

    case STEWARD_CELL_CREATED:
      text = steward_format_date (steward_datastore_get_created (datastore));
      gtk_label_set_label (self->label, text);
      return;

    default:
      g_return_if_reached ();
    }
}

static void
datastore_notify_cb (StewardDatastoreCell *self)
{
  update (self);
}

static void
steward_datastore_cell_dispose (GObject *object)
{
  StewardDatastoreCell *self = STEWARD_DATASTORE_CELL (object);

  steward_datastore_cell_set_datastore (self, NULL);
  /* AdwBin unparents its child itself: let go of it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DATASTORE_CELL);

  G_OBJECT_CLASS (steward_datastore_cell_parent_class)->dispose (object);
}

static void
steward_datastore_cell_class_init (StewardDatastoreCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_datastore_cell_dispose;

  g_type_ensure (STEWARD_TYPE_FAVORITE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steward-datastore-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreCell, star);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreCell, icon);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreCell, label);
}

static void
steward_datastore_cell_init (StewardDatastoreCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steward_datastore_cell_new (StewardCellKind kind)
{
  StewardDatastoreCell *self = g_object_new (STEWARD_TYPE_DATASTORE_CELL, NULL);
  gboolean numeric = kind == STEWARD_CELL_CONTAINERS || kind == STEWARD_CELL_ANOMALIES;

  self->kind = kind;
  gtk_widget_set_visible (GTK_WIDGET (self->star), kind == STEWARD_CELL_FAVORITE);
  gtk_widget_set_visible (GTK_WIDGET (self->label), kind != STEWARD_CELL_FAVORITE);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), FALSE);
  gtk_label_set_xalign (self->label, numeric ? 1.0f : 0.0f);
  if (numeric)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  if (kind == STEWARD_CELL_TYPE || kind == STEWARD_CELL_CREATED)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");

  return GTK_WIDGET (self);
}

StewardDatastore *
steward_datastore_cell_get_datastore (StewardDatastoreCell *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_CELL (self), NULL);

  return self->datastore;
}

void
steward_datastore_cell_set_datastore (StewardDatastoreCell *self,
                                      StewardDatastore     *datastore)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_CELL (self));

  if (self->datastore == datastore)
    return;

  if (self->datastore != NULL)
    g_clear_signal_handler (&self->notify_id, self->datastore);
  g_set_object (&self->datastore, datastore);
  if (datastore != NULL)
    self->notify_id = g_signal_connect_swapped (datastore, "notify", G_CALLBACK (datastore_notify_cb), self);

  update (self);
}
