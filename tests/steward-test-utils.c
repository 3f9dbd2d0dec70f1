/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-test"

#include <adwaita.h>

#include <string.h>

#include "steward-test-utils.h"

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_STATUS_PAGE (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_WINDOW_TITLE (widget))
    return adw_window_title_get_title (ADW_WINDOW_TITLE (widget));
  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));
  return gtk_widget_get_tooltip_text (widget);
}

/* Depth-first search for a widget of @type whose visible text (label, title, tooltip) is @text,
 * or any widget of @type when @text is NULL. */
GtkWidget *
steward_test_find_widget (GtkWidget  *root,
                          GType       type,
                          const char *text)
{
  if (root == NULL)
    return NULL;

  if (g_type_is_a (G_OBJECT_TYPE (root), type) &&
      (text == NULL || g_strcmp0 (widget_text (root), text) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = steward_test_find_widget (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
steward_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Whether a label on screen under ROOT (a toast's, a row's, a status page's…) contains TEXT. */
gboolean
steward_test_shows_text (GtkWidget  *root,
                         const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (steward_test_shows_text (child, text))
      return TRUE;

  return FALSE;
}

GtkWidget *
steward_test_find_widget_by_tooltip (GtkWidget  *root,
                                     const char *tooltip)
{
  if (root == NULL)
    return NULL;

  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = steward_test_find_widget_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
steward_test_widget_mapped_cb (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data));
}
