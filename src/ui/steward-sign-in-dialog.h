/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-profile.h"
#include "steward-session.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SIGN_IN_DIALOG (steward_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardSignInDialog, steward_sign_in_dialog, STEWARD, SIGN_IN_DIALOG, AdwWindow)

StewardSignInDialog *steward_sign_in_dialog_new                (GtkWindow           *parent,
                                                                StewardSession      *session);
StewardSignInDialog *steward_sign_in_dialog_new_reauthenticate (GtkWindow           *parent,
                                                                StewardSession      *session);
void                 steward_sign_in_dialog_set_url            (StewardSignInDialog *self,
                                                                const char          *url);
void                 steward_sign_in_dialog_set_profile        (StewardSignInDialog *self,
                                                                StewardProfile      *profile);
void                 steward_sign_in_dialog_import_cli_config  (StewardSignInDialog *self);
gboolean             steward_sign_in_dialog_get_reauthenticate (StewardSignInDialog *self);
gboolean             steward_sign_in_dialog_get_busy           (StewardSignInDialog *self);
gboolean             steward_sign_in_dialog_get_launch_browser (StewardSignInDialog *self);

void        steward_sign_in_dialog_set_launch_browser (StewardSignInDialog *self,
                                                       gboolean             launch_browser);
const char *steward_sign_in_dialog_get_authorize_url  (StewardSignInDialog *self);

G_END_DECLS
