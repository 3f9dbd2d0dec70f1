/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-main-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-format.h"
#include "steward-main-view-private.h"

/* Toasts. libadwaita 1.2 reads a toast's title as Pango markup, so every message is escaped:
 * names and server texts must show as written. */

#define TOAST_TITLE_MAX 120

void
_steward_main_view_toast (StewardMainView *self,
                          const char      *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* An outcome that can be taken back: Undo activates @action_name with @target. */
void
_steward_main_view_toast_with_undo (StewardMainView *self,
                                    const char      *message,
                                    const char      *action_name,
                                    GVariant        *target)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *done = adw_toast_new (escaped);

  adw_toast_set_button_label (done, _("_Undo"));
  adw_toast_set_action_name (done, action_name);
  adw_toast_set_action_target_value (done, target);
  adw_toast_overlay_add_toast (self->toast_overlay, done);
}

/* A failure, in the server's words; a 403 also names what is missing. A long text is cut short
 * in the toast, whose Details button shows all of it. */
void
_steward_main_view_toast_error (StewardMainView *self,
                                StewardAction    action,
                                const char      *what_failed,
                                const GError    *error)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
    reason = steward_forbidden_message (action, error);
  else
    reason = g_strdup (error->message);

  /* Translators: "<what failed>: <why>", e.g. "Could not delete “Sales”: Datastore id: 9 not
   * found". */
  message = g_strdup_printf (_("%s: %s"), what_failed, reason);
  if (g_utf8_strlen (message, -1) > TOAST_TITLE_MAX)
    {
      g_autofree char *cut = g_utf8_substring (message, 0, TOAST_TITLE_MAX - 1);
      g_autofree char *shown = g_strconcat (cut, "…", NULL);

      escaped = g_markup_escape_text (shown, -1);
      toast = adw_toast_new (escaped);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "view.show-message");
      adw_toast_set_action_target_value (toast, g_variant_new_string (message));
    }
  else
    {
      escaped = g_markup_escape_text (message, -1);
      toast = adw_toast_new (escaped);
    }
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
