/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64   steward_jwt_get_expiry (const char *token);
gboolean steward_jwt_is_expired (const char *token,
                                 gint64      now_unix);

G_END_DECLS
