/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      steward_timeout_async  (guint                 ms,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean  steward_timeout_finish (GAsyncResult         *result,
                                  GError              **error);

G_END_DECLS
