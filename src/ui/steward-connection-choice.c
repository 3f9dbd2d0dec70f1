/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connection-choice"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-connection-choice.h"

/* The rows of a list of existing connections to choose one from (the create dialog, the
 * onboarding wizard): its name, its connector and where it points, and a check on the chosen
 * one. The check is hidden by opacity so that rows keep one width whichever is chosen. */

/* Returns: (transfer full): a row for CONNECTION, checked when its id is CHOSEN_ID */
GtkWidget *
steward_connection_choice_row_new (StewardConnection *connection,
                                   gint64             chosen_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  const char *where = steward_connection_is_dfs (connection)
    ? steward_connection_get_uri (connection)
    : steward_connection_get_host (connection);
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (STEWARD_IS_CONNECTION (connection), NULL);

  if (where != NULL && *where != '\0')
    /* Translators: a connection's type and where it points, like "postgresql · db.example.com". */
    subtitle = g_strdup_printf (_("%s · %s"), steward_connection_get_type_name (connection),
                                where);
  else
    subtitle = g_strdup (steward_connection_get_type_name (connection));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 steward_connection_get_name (connection));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_opacity (check, steward_connection_get_id (connection) == chosen_id ? 1.0 : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chosen"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (row), "connection", g_object_ref (connection), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

/* Returns: (transfer none) (nullable): the connection ROW stands for */
StewardConnection *
steward_connection_choice_row_get (GtkListBoxRow *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), "connection");
}

/* Checks the row of CHOSEN_ID in LIST (none for 0), and only that one. */
void
steward_connection_choice_show_chosen (GtkListBox *list,
                                       gint64      chosen_id)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      StewardConnection *connection = g_object_get_data (G_OBJECT (row), "connection");
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (connection != NULL && check != NULL)
        gtk_widget_set_opacity (check,
                                steward_connection_get_id (connection) == chosen_id ? 1.0 : 0.0);
    }
}
