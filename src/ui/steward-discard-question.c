/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-discard-question"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-discard-question.h"

/* The question a dialog asks before closing over what the user typed and did not save: Discard
 * (destructive) or KEEP_LABEL, which Escape and Enter both answer, so nothing is lost by a stray
 * key. Its responses are "discard" and "cancel"; the caller connects "response" and presents it.
 *
 * Returns: (transfer none): the question, owned by the window list like any toplevel */
AdwMessageDialog *
steward_discard_question_new (GtkWindow  *parent,
                              const char *heading,
                              const char *body,
                              const char *keep_label)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL && keep_label != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", keep_label, "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}
