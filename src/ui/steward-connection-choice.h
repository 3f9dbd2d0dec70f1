/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"

G_BEGIN_DECLS

GtkWidget         *steward_connection_choice_row_new      (StewardConnection *connection,
                                                           gint64             chosen_id);
StewardConnection *steward_connection_choice_row_get      (GtkListBoxRow     *row);
void               steward_connection_choice_show_chosen  (GtkListBox        *list,
                                                           gint64             chosen_id);

G_END_DECLS
