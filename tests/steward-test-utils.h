/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*StewardTestCondition) (gpointer user_data);

gboolean   steward_test_wait_until        (StewardTestCondition  condition,
                                           gpointer              user_data,
                                           guint                 timeout_ms);
void       steward_test_iterate           (guint                 ms);
GtkWidget *steward_test_find_widget       (GtkWidget            *root,
                                           GType                 type,
                                           const char           *text);
GtkWindow *steward_test_find_toplevel     (GType                 type);

G_END_DECLS
