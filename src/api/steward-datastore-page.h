/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_DATASTORE_PAGE (steward_datastore_page_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardDatastorePage, steward_datastore_page, STEWARD, DATASTORE_PAGE, GObject)

StewardDatastorePage *steward_datastore_page_new_from_bytes (GBytes              *bytes,
                                                             GError             **error);
GListModel           *steward_datastore_page_get_items     (StewardDatastorePage *self);
guint                 steward_datastore_page_get_total     (StewardDatastorePage *self);
guint                 steward_datastore_page_get_page      (StewardDatastorePage *self);
guint                 steward_datastore_page_get_size      (StewardDatastorePage *self);
guint                 steward_datastore_page_get_pages     (StewardDatastorePage *self);

G_END_DECLS
