/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_CONFIRM_DIALOG (steward_confirm_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (
    StewardConfirmDialog, steward_confirm_dialog, STEWARD, CONFIRM_DIALOG, AdwMessageDialog)

/* A message dialog whose confirming response runs an action while the dialog stays open: busy
 * meanwhile, closed when it succeeded, showing why when it failed. The "response" signal still
 * fires for the confirming response, but the dialog is not done then: subclasses announce the
 * outcome with their own signal. Subclass templates may add widgets under the body with
 * <child type="content">. */
struct _StewardConfirmDialogClass
{
  AdwMessageDialogClass parent_class;

  /* Starts the action. It must end with steward_confirm_dialog_succeed() or _fail(), unless
   * @cancellable is cancelled, which happens when the dialog goes away. */
  void (* confirm) (StewardConfirmDialog *self,
                    GCancellable         *cancellable);

  gpointer padding[4];
};

const char *steward_confirm_dialog_get_confirm_response (StewardConfirmDialog *self);
void        steward_confirm_dialog_set_confirm_response (StewardConfirmDialog *self,
                                                         const char           *response);
void        steward_confirm_dialog_set_confirm_enabled  (StewardConfirmDialog *self,
                                                         gboolean              enabled);
gboolean    steward_confirm_dialog_get_busy             (StewardConfirmDialog *self);
void        steward_confirm_dialog_succeed              (StewardConfirmDialog *self);
void        steward_confirm_dialog_fail                 (StewardConfirmDialog *self,
                                                         const char           *message);

G_END_DECLS
