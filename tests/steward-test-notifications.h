/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the stand-in notification server was shown. */
typedef struct
{
  char     *summary;
  char     *body;
  gboolean  has_default;   /* a click on it activates the application's default action */
} StewardTestNotification;

void       steward_test_notifications_serve     (void);
GPtrArray *steward_test_notifications_get_shown (void);
void       steward_test_notifications_clear     (void);

G_END_DECLS
