/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-test"

#include <adwaita.h>

#include "steward-test-utils.h"

static gboolean
timeout_reached_cb (gpointer user_data)
{
  gboolean *reached = user_data;

  *reached = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop, as the app would, until the condition holds or the time runs out. */
gboolean
steward_test_wait_until (StewardTestCondition condition,
                         gpointer             user_data,
                         guint                timeout_ms)
{
  gboolean reached = FALSE;
  guint source = g_timeout_add (timeout_ms, timeout_reached_cb, &reached);

  while (!condition (user_data) && !reached)
    g_main_context_iteration (NULL, TRUE);

  if (!reached)
    g_source_remove (source);

  return condition (user_data);
}

static gboolean
never_cb (gpointer user_data)
{
  return FALSE;
}

void
steward_test_iterate (guint ms)
{
  steward_test_wait_until (never_cb, NULL, ms);
}

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

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
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

void
steward_test_store_result_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
result_arrived_cb (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

void
steward_test_wait_result (GAsyncResult **result)
{
  if (!steward_test_wait_until (result_arrived_cb, result, 30000))
    g_error ("The call did not finish within 30 seconds");
}
