/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_ROW_MESSAGE (steward_row_message_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardRowMessage, steward_row_message, STEWARD, ROW_MESSAGE, AdwPreferencesRow)

GtkWidget  *steward_row_message_new         (GtkWidget         *row);
GtkWidget  *steward_row_message_get_row     (StewardRowMessage *self);
void        steward_row_message_set_row     (StewardRowMessage *self,
                                             GtkWidget         *row);
const char *steward_row_message_get_message (StewardRowMessage *self);
void        steward_row_message_set_message (StewardRowMessage *self,
                                             const char        *message);

G_END_DECLS
