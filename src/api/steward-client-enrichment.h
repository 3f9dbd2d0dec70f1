/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-datastore.h"
#include "steward-datastore-request.h"

G_BEGIN_DECLS

void              steward_client_link_enrichment_async     (StewardClient            *self,
                                                            gint64                    datastore_id,
                                                            gint64                    enrichment_id,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
StewardDatastore *steward_client_link_enrichment_finish    (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void              steward_client_unlink_enrichment_async   (StewardClient            *self,
                                                            gint64                    datastore_id,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean          steward_client_unlink_enrichment_finish  (StewardClient            *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
void steward_client_update_enrichment_settings_async (StewardClient            *self,
                                                      gint64                    datastore_id,
                                                      StewardDatastoreRequest  *settings,
                                                      GCancellable             *cancellable,
                                                      GAsyncReadyCallback       callback,
                                                      gpointer                  user_data);

StewardDatastore *steward_client_update_enrichment_settings_finish (StewardClient *self,
                                                                    GAsyncResult *result,
                                                                    GError **error);

G_END_DECLS
