/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-busy-form"

#include "config.h"

#include "steward-busy-form.h"

/* A dialog's form is insensitive while the dialog waits for the server, so nothing changes under
 * a request, and what the user typed stays as it was. The focus leaves the form before it turns
 * insensitive (a text field that just loses it mid-blink complains) and comes back to where it
 * was afterwards, without selecting the text. FOCUS_BEFORE is the caller's weak pointer to the
 * focus widget meanwhile; clear it with g_clear_weak_pointer() on dispose. */
void
steward_busy_form_set_busy (GtkWindow  *window,
                            GtkWidget  *form,
                            gboolean    busy,
                            GtkWidget **focus_before)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_WIDGET (form));
  g_return_if_fail (focus_before != NULL);

  if (busy)
    {
      g_set_weak_pointer (focus_before, gtk_window_get_focus (window));
      gtk_window_set_focus (window, NULL);
      gtk_widget_set_sensitive (form, FALSE);
      return;
    }

  gtk_widget_set_sensitive (form, TRUE);
  if (GTK_IS_TEXT (*focus_before))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (*focus_before));
  else if (*focus_before != NULL)
    gtk_widget_grab_focus (*focus_before);
  g_clear_weak_pointer (focus_before);
}
