/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-datastore.h"
#include "steward-datastore-query.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DATASTORE_LIST (steward_datastore_list_get_type ())

G_DECLARE_FINAL_TYPE (StewardDatastoreList, steward_datastore_list, STEWARD, DATASTORE_LIST, GObject)

StewardDatastoreList *steward_datastore_list_new                (StewardClient         *client,
                                                                 StewardDatastoreQuery *query);
void                  steward_datastore_list_set_page_size      (StewardDatastoreList  *self,
                                                                 guint                  page_size);
void                  steward_datastore_list_set_max_concurrent (StewardDatastoreList  *self,
                                                                 guint                  max_concurrent);
void                  steward_datastore_list_load_async         (StewardDatastoreList  *self,
                                                                 GCancellable          *cancellable,
                                                                 GAsyncReadyCallback    callback,
                                                                 gpointer               user_data);
gboolean              steward_datastore_list_load_finish        (StewardDatastoreList  *self,
                                                                 GAsyncResult          *result,
                                                                 GError               **error);
gboolean              steward_datastore_list_get_loading        (StewardDatastoreList  *self);
guint                 steward_datastore_list_get_total          (StewardDatastoreList  *self);
StewardDatastoreQuery *steward_datastore_list_get_query         (StewardDatastoreList  *self);
StewardDatastore     *steward_datastore_list_find               (StewardDatastoreList  *self,
                                                                 gint64                 datastore_id,
                                                                 guint                 *position);
gboolean              steward_datastore_list_remove             (StewardDatastoreList  *self,
                                                                 gint64                 datastore_id);
void                  steward_datastore_list_prepend            (StewardDatastoreList  *self,
                                                                 StewardDatastore      *datastore);

G_END_DECLS
