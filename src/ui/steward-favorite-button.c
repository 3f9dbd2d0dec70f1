/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-favorite-button"

#include <glib/gi18n.h>

#include "steward-favorite-button.h"

/* The star of a datastore, in its list row and in its details: filled when it is a favorite,
 * with a tooltip and an accessible label that say what a click does. A click activates
 * view.toggle-favorite for the datastore; the main view does the rest.
 *
 * Every row of the list has one, and rows are bound by the hundred while scrolling or sorting:
 * the tooltip is therefore given when asked for (::query-tooltip), since setting a tooltip's
 * text makes GTK 4.8 ask the X server where the pointer is, a round trip per row.
 *
 * It follows its `datastore` property (bound from the details' own, set by a table cell) through
 * a handler on notify::favorite alone: a sync's metrics do not touch it. The handler is
 * connected by hand, not through a GSignalGroup, which costs more to retarget, for the same
 * reason as the cells' (steward-datastore-cell.c). */
struct _StewardFavoriteButton
{
  GtkButton         parent_instance;

  StewardDatastore *datastore;
  gulong            notify_id;
};

G_DEFINE_FINAL_TYPE (StewardFavoriteButton, steward_favorite_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_DATASTORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (StewardFavoriteButton *self)
{
  gboolean favorite = self->datastore != NULL && steward_datastore_get_favorite (self->datastore);
  const char *what = favorite ? _("Remove from Favorites") : _("Add to Favorites");

  gtk_button_set_icon_name (GTK_BUTTON (self),
                            favorite ? "starred-symbolic" : "non-starred-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  if (favorite)
    gtk_widget_add_css_class (GTK_WIDGET (self), "favorite");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "favorite");

  /* The target first: the action takes an id, and must never be seen without one. */
  if (self->datastore != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x",
                                        steward_datastore_get_id (self->datastore));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "view.toggle-favorite");
    }
}

static gboolean
query_tooltip_cb (StewardFavoriteButton *self,
                  int                    x,
                  int                    y,
                  gboolean               keyboard,
                  GtkTooltip            *tooltip)
{
  gboolean favorite = self->datastore != NULL && steward_datastore_get_favorite (self->datastore);

  gtk_tooltip_set_text (tooltip, favorite ? _("Remove from Favorites") : _("Add to Favorites"));
  return TRUE;
}

static void
favorite_notify_cb (StewardFavoriteButton *self)
{
  update (self);
}

static void
steward_favorite_button_dispose (GObject *object)
{
  StewardFavoriteButton *self = STEWARD_FAVORITE_BUTTON (object);

  steward_favorite_button_set_datastore (self, NULL);

  G_OBJECT_CLASS (steward_favorite_button_parent_class)->dispose (object);
}

static void
steward_favorite_button_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  StewardFavoriteButton *self = STEWARD_FAVORITE_BUTTON (object);

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
steward_favorite_button_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  StewardFavoriteButton *self = STEWARD_FAVORITE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATASTORE:
      steward_favorite_button_set_datastore (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_favorite_button_class_init (StewardFavoriteButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_favorite_button_dispose;
  object_class->get_property = steward_favorite_button_get_property;
  object_class->set_property = steward_favorite_button_set_property;

  properties[PROP_DATASTORE] =
    g_param_spec_object ("datastore", NULL, NULL, STEWARD_TYPE_DATASTORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_favorite_button_init (StewardFavoriteButton *self)
{
  /* No template: there is one of these in every row. */
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self), "circular");
  gtk_widget_add_css_class (GTK_WIDGET (self), "star");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  update (self);
}

GtkWidget *
steward_favorite_button_new (void)
{
  return g_object_new (STEWARD_TYPE_FAVORITE_BUTTON, NULL);
}

void
steward_favorite_button_set_datastore (StewardFavoriteButton *self,
                                       StewardDatastore      *datastore)
{
  g_return_if_fail (STEWARD_IS_FAVORITE_BUTTON (self));
  g_return_if_fail (datastore == NULL || STEWARD_IS_DATASTORE (datastore));

  if (self->datastore == datastore)
    return;

  if (self->datastore != NULL)
    g_clear_signal_handler (&self->notify_id, self->datastore);
  g_set_object (&self->datastore, datastore);
  if (datastore != NULL)
    self->notify_id = g_signal_connect_swapped (datastore, "notify::favorite",
                                                G_CALLBACK (favorite_notify_cb), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE]);
}

/* Returns: (transfer none) (nullable) */
StewardDatastore *
steward_favorite_button_get_datastore (StewardFavoriteButton *self)
{
  g_return_val_if_fail (STEWARD_IS_FAVORITE_BUTTON (self), NULL);

  return self->datastore;
}
