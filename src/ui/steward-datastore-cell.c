/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-cell"

#include <glib/gi18n.h>

#include "steward-datastore-cell.h"
#include "steward-favorite-button.h"
#include "steward-format.h"

/* One cell of the datastore table. Every column uses this widget, so every cell of a row offers
 * the same context menu and drag, which the table attaches. It follows its datastore's changes
 * (a favorite toggled elsewhere, a group assigned) without the table rebinding it.
 *
 * The table makes and binds these by the hundred (a sort or a search rebinds every visible row),
 * so a cell is built in code with only the widgets its column needs, and long texts give their
 * tooltip when asked for rather than at every bind (setting a tooltip's text costs a round trip
 * to the X server in GTK 4.8). A cell follows its `datastore` property through a handler on
 * the one property its column shows, so a sync's new metrics rewrite two cells of a row, not
 * eight. The handler is connected by hand rather than through a GSignalGroup: retargeting a
 * group costs more (a lock, weak references, a notification), and the visible rows' cells are
 * retargeted by the hundred in a frame while scrolling (steward-bench window measured the
 * longest frame's row binding at 31 ms with groups, 22 to 25 ms without). */
struct _StewardDatastoreCell
{
  AdwBin            parent_instance;

  StewardCellKind   kind;
  StewardDatastore *datastore;
  gulong            notify_id;

  StewardFavoriteButton *star;   /* the favorite column's */
  GtkImage         *icon;        /* the group column's */
  GtkLabel         *label;       /* every other column's */
};

G_DEFINE_FINAL_TYPE (StewardDatastoreCell, steward_datastore_cell, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATASTORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The datastore property each column shows; the favorite column's star follows its own. */
static const char *const shown_property[] = {
  [STEWARD_CELL_FAVORITE] = NULL,
  [STEWARD_CELL_TYPE] = "notify::datastore-type",
  [STEWARD_CELL_NAME] = "notify::name",
  [STEWARD_CELL_GROUP] = "notify::group",
  [STEWARD_CELL_TAGS] = "notify::tags",
  [STEWARD_CELL_CONTAINERS] = "notify::containers",
  [STEWARD_CELL_ANOMALIES] = "notify::active-anomalies",
  [STEWARD_CELL_CREATED] = "notify::created",
};

static void
update (StewardDatastoreCell *self)
{
  StewardDatastore *datastore = self->datastore;
  StewardDatastoreGroup *group;
  g_autofree char *text = NULL;

  if (datastore == NULL)
    {
      gtk_label_set_label (self->label, "");
      return;
    }

  switch (self->kind)
    {
    case STEWARD_CELL_TYPE:
      gtk_label_set_label (self->label, steward_format_connector_type (
                                            steward_datastore_get_datastore_type (datastore)));
      return;

    case STEWARD_CELL_NAME:
      gtk_label_set_label (self->label, steward_datastore_get_name (datastore));
      return;

    case STEWARD_CELL_GROUP:
      group = steward_datastore_get_group (datastore);
      gtk_widget_set_visible (GTK_WIDGET (self->icon), group != NULL);
      if (group != NULL)
        gtk_image_set_from_icon_name (self->icon, steward_datastore_group_get_icon_name (group));
      gtk_label_set_label (self->label,
                           group != NULL ? steward_datastore_group_get_name (group) : "");
      return;

    case STEWARD_CELL_TAGS:
      text = steward_format_list (steward_datastore_get_tags (datastore));
      gtk_label_set_label (self->label, text);
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

    case STEWARD_CELL_FAVORITE:
    default:
      g_return_if_reached ();
    }
}

/* A name or a list of tags may be cut short: the tooltip has all of it. */
static gboolean
query_tooltip_cb (StewardDatastoreCell *self,
                  int                   x,
                  int                   y,
                  gboolean              keyboard,
                  GtkTooltip           *tooltip)
{
  const char *text = gtk_label_get_label (self->label);

  if (self->datastore == NULL || text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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

  G_OBJECT_CLASS (steward_datastore_cell_parent_class)->dispose (object);
}

static void
steward_datastore_cell_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardDatastoreCell *self = STEWARD_DATASTORE_CELL (object);

  switch (prop_id)
    {
    case PROP_DATASTORE:
      g_value_set_object (value, self->datastore);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_cell_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StewardDatastoreCell *self = STEWARD_DATASTORE_CELL (object);

  switch (prop_id)
    {
    case PROP_DATASTORE:
      steward_datastore_cell_set_datastore (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_cell_class_init (StewardDatastoreCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_datastore_cell_dispose;
  object_class->get_property = steward_datastore_cell_get_property;
  object_class->set_property = steward_datastore_cell_set_property;

  properties[PROP_DATASTORE] =
    g_param_spec_object ("datastore", NULL, NULL, STEWARD_TYPE_DATASTORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_datastore_cell_init (StewardDatastoreCell *self)
{
}

GtkWidget *
steward_datastore_cell_new (StewardCellKind kind)
{
  StewardDatastoreCell *self = g_object_new (STEWARD_TYPE_DATASTORE_CELL, NULL);
  gboolean numeric = kind == STEWARD_CELL_CONTAINERS || kind == STEWARD_CELL_ANOMALIES;

  self->kind = kind;
  if (kind == STEWARD_CELL_FAVORITE)
    {
      self->star = STEWARD_FAVORITE_BUTTON (steward_favorite_button_new ());
      adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->star));
      return GTK_WIDGET (self);
    }

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->label, numeric ? 1.0f : 0.0f);
  if (numeric)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  if (kind == STEWARD_CELL_TYPE || kind == STEWARD_CELL_CREATED)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
  if (kind == STEWARD_CELL_NAME || kind == STEWARD_CELL_TAGS || kind == STEWARD_CELL_GROUP)
    {
      gtk_widget_set_has_tooltip (GTK_WIDGET (self->label), TRUE);
      g_signal_connect_swapped (self->label, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
    }

  if (kind == STEWARD_CELL_GROUP)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      /* The group's name is beside it: the icon is decoration. */
      self->icon =
          g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->icon), FALSE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->icon));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
      adw_bin_set_child (ADW_BIN (self), box);
    }
  else
    adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->label));

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
  g_return_if_fail (datastore == NULL || STEWARD_IS_DATASTORE (datastore));

  if (self->datastore == datastore)
    return;

  if (self->datastore != NULL)
    g_clear_signal_handler (&self->notify_id, self->datastore);
  g_set_object (&self->datastore, datastore);

  if (self->kind == STEWARD_CELL_FAVORITE)
    steward_favorite_button_set_datastore (self->star, datastore);
  else
    {
      if (datastore != NULL)
        self->notify_id = g_signal_connect_swapped (datastore, shown_property[self->kind],
                                                    G_CALLBACK (datastore_notify_cb), self);
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE]);
}
