/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *steward_demo_token_mint   (const char  *secret,
                                     const char  *subject,
                                     gint64       expires_unix);
gboolean  steward_demo_token_verify (const char  *secret,
                                     const char  *token,
                                     char       **subject,
                                     gint64      *expires_unix);

G_END_DECLS
