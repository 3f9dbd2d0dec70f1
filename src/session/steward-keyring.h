/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      steward_keyring_store_async   (const char           *url,
                                         const char           *profile_name,
                                         const char           *token,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  steward_keyring_store_finish  (GAsyncResult         *result,
                                         GError              **error);
void      steward_keyring_lookup_async  (const char           *url,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
char     *steward_keyring_lookup_finish (GAsyncResult         *result,
                                         GError              **error);
void      steward_keyring_clear_async   (const char           *url,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  steward_keyring_clear_finish  (GAsyncResult         *result,
                                         GError              **error);
void      steward_keyring_free_token    (char                 *token);
void      steward_keyring_wipe_string   (char                 *secret);

G_END_DECLS
