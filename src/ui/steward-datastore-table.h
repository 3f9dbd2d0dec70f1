/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DATASTORE_TABLE (steward_datastore_table_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardDatastoreTable, steward_datastore_table, STEWARD, DATASTORE_TABLE, AdwBin)

void               steward_datastore_table_set_model        (StewardDatastoreTable *self,
                                                             GListModel            *model);
void               steward_datastore_table_set_groups_menu  (StewardDatastoreTable *self,
                                                             GMenuModel            *groups_menu);
GtkSelectionModel *steward_datastore_table_get_selection    (StewardDatastoreTable *self);
GArray            *steward_datastore_table_get_selected_ids (StewardDatastoreTable *self);
StewardDatastore  *steward_datastore_table_get_selected     (StewardDatastoreTable *self);
gboolean           steward_datastore_table_select_id        (StewardDatastoreTable *self,
                                                             gint64                 datastore_id);
void               steward_datastore_table_show_loading     (StewardDatastoreTable *self);
void               steward_datastore_table_show_list        (StewardDatastoreTable *self);
void               steward_datastore_table_show_empty       (StewardDatastoreTable *self,
                                                             const char            *title,
                                                             const char            *description,
                                                             gboolean               can_clear);
void               steward_datastore_table_show_error       (StewardDatastoreTable *self,
                                                             const char            *title,
                                                             const char            *message);
const char        *steward_datastore_table_get_page         (StewardDatastoreTable *self);
GPtrArray         *steward_datastore_table_get_rows         (StewardDatastoreTable *self);

G_END_DECLS
