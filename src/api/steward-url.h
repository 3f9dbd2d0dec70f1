/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *steward_url_normalize_base (const char  *url,
                                      GError     **error);
gboolean  steward_url_is_loopback    (const char  *url);

G_END_DECLS
