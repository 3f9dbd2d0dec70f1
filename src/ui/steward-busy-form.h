/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steward_busy_form_set_busy (GtkWindow  *window,
                                 GtkWidget  *form,
                                 gboolean    busy,
                                 GtkWidget **focus_before);

G_END_DECLS
