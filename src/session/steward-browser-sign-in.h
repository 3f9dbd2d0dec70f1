/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_BROWSER_SIGN_IN (steward_browser_sign_in_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardBrowserSignIn, steward_browser_sign_in, STEWARD, BROWSER_SIGN_IN, GObject)

StewardBrowserSignIn *steward_browser_sign_in_new         (const char            *base_url);
void                  steward_browser_sign_in_set_timeout (StewardBrowserSignIn  *self,
                                                           guint                  seconds);

void        steward_browser_sign_in_set_open_browser  (StewardBrowserSignIn  *self,
                                                       gboolean               open_browser);
const char *steward_browser_sign_in_get_authorize_url (StewardBrowserSignIn  *self);
void        steward_browser_sign_in_run_async         (StewardBrowserSignIn  *self,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
char       *steward_browser_sign_in_run_finish        (StewardBrowserSignIn  *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);

G_END_DECLS
