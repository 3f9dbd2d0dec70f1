/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "steward-api.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_FAVORITE_BUTTON (steward_favorite_button_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardFavoriteButton, steward_favorite_button, STEWARD, FAVORITE_BUTTON, GtkButton)

GtkWidget        *steward_favorite_button_new           (void);
StewardDatastore *steward_favorite_button_get_datastore (StewardFavoriteButton *self);
void              steward_favorite_button_set_datastore (StewardFavoriteButton *self,
                                                         StewardDatastore      *datastore);

G_END_DECLS
