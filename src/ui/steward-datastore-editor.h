/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DATASTORE_EDITOR (steward_datastore_editor_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardDatastoreEditor, steward_datastore_editor, STEWARD, DATASTORE_EDITOR, AdwWindow)

StewardDatastoreEditor *steward_datastore_editor_new           (GtkWindow        *parent,
                                                                StewardClient    *client,
                                                                StewardDatastore *datastore);
StewardDatastore       *steward_datastore_editor_get_datastore (StewardDatastoreEditor *self);
gboolean                steward_datastore_editor_get_loaded    (StewardDatastoreEditor *self);

G_END_DECLS
