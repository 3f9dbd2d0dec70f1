/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-datastore-query.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DATASTORE_LOADER (steward_datastore_loader_get_type ())
G_DECLARE_FINAL_TYPE (
    StewardDatastoreLoader, steward_datastore_loader, STEWARD, DATASTORE_LOADER, GObject)

StewardDatastoreLoader *steward_datastore_loader_new           (StewardClient          *client,
                                                                StewardDatastoreQuery  *query);
void                    steward_datastore_loader_set_page_size (StewardDatastoreLoader *self,
                                                                guint                   page_size);

void     steward_datastore_loader_set_max_concurrent (StewardDatastoreLoader *self,
                                                      guint                   max_concurrent);
void     steward_datastore_loader_load_async         (StewardDatastoreLoader *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
gboolean steward_datastore_loader_load_finish        (StewardDatastoreLoader *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
guint    steward_datastore_loader_get_total          (StewardDatastoreLoader *self);
guint    steward_datastore_loader_get_pages_loaded   (StewardDatastoreLoader *self);

G_END_DECLS
