/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *steward_url_normalize_base (const char  *url,
                                      GError     **error);
gboolean  steward_url_is_loopback    (const char  *url);
char     *steward_url_datastore_link (const char  *base_url,
                                      gint64       datastore_id);

G_END_DECLS
