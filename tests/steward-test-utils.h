/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "steward-test-async.h"

G_BEGIN_DECLS

GtkWidget *steward_test_find_widget       (GtkWidget            *root,
                                           GType                 type,
                                           const char           *text);
GtkWindow *steward_test_find_toplevel     (GType                 type);
GtkWidget *steward_test_find_widget_by_tooltip (GtkWidget       *root,
                                           const char           *tooltip);
gboolean   steward_test_shows_text        (GtkWidget            *root,
                                           const char           *text);

/* A StewardTestCondition: whether the widget @user_data is mapped (shown on screen). */
gboolean   steward_test_widget_mapped_cb  (gpointer              user_data);

G_END_DECLS
