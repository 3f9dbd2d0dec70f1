/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-row-message"

#include "steward-row-message.h"

/* The inline error under a form row: placed right after its row in a boxed list, hidden until
 * the row has a problem. Setting a message shows it, styles the row with the "error" class and
 * marks it invalid for assistive technologies; clearing it undoes all three. */
struct _StewardRowMessage
{
  AdwPreferencesRow  parent_instance;

  GtkWidget         *row;     /* weak */
  GtkLabel          *label;
};

G_DEFINE_FINAL_TYPE (StewardRowMessage, steward_row_message, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_ROW,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_row (StewardRowMessage *self)
{
  const char *message = gtk_label_get_label (self->label);
  gboolean invalid = message != NULL && *message != '\0';

  if (self->row == NULL)
    return;

  if (invalid)
    {
      gtk_widget_add_css_class (self->row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
steward_row_message_dispose (GObject *object)
{
  StewardRowMessage *self = STEWARD_ROW_MESSAGE (object);

  g_clear_weak_pointer (&self->row);

  G_OBJECT_CLASS (steward_row_message_parent_class)->dispose (object);
}

static void
steward_row_message_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StewardRowMessage *self = STEWARD_ROW_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_object (value, self->row);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, steward_row_message_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_row_message_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StewardRowMessage *self = STEWARD_ROW_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ROW:
      steward_row_message_set_row (self, g_value_get_object (value));
      break;
    case PROP_MESSAGE:
      steward_row_message_set_message (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_row_message_class_init (StewardRowMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_row_message_dispose;
  object_class->get_property = steward_row_message_get_property;
  object_class->set_property = steward_row_message_set_property;

  properties[PROP_ROW] =
    g_param_spec_object ("row", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_row_message_init (StewardRowMessage *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  self->label = GTK_LABEL (label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
steward_row_message_new (GtkWidget *row)
{
  return g_object_new (STEWARD_TYPE_ROW_MESSAGE, "row", row, NULL);
}

GtkWidget *
steward_row_message_get_row (StewardRowMessage *self)
{
  g_return_val_if_fail (STEWARD_IS_ROW_MESSAGE (self), NULL);
  return self->row;
}

void
steward_row_message_set_row (StewardRowMessage *self,
                             GtkWidget         *row)
{
  g_return_if_fail (STEWARD_IS_ROW_MESSAGE (self));
  g_return_if_fail (row == NULL || GTK_IS_WIDGET (row));

  if (self->row == row)
    return;

  if (self->row != NULL)
    gtk_widget_remove_css_class (self->row, "error");
  g_set_weak_pointer (&self->row, row);
  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
}

/* Returns: (nullable): the message shown, NULL when the row is fine. */
const char *
steward_row_message_get_message (StewardRowMessage *self)
{
  const char *message;

  g_return_val_if_fail (STEWARD_IS_ROW_MESSAGE (self), NULL);

  message = gtk_label_get_label (self->label);
  return message != NULL && *message != '\0' ? message : NULL;
}

/* A NULL or empty @message clears the row's problem. */
void
steward_row_message_set_message (StewardRowMessage *self,
                                 const char        *message)
{
  g_return_if_fail (STEWARD_IS_ROW_MESSAGE (self));

  if (g_strcmp0 (steward_row_message_get_message (self), message) == 0)
    return;

  gtk_label_set_label (self->label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self), message != NULL && *message != '\0');
  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}
