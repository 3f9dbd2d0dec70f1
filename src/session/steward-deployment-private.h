/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-deployment.h"

G_BEGIN_DECLS

/* Shared by the files of StewardDeployment: steward-deployment.c (the state and its merging),
 * steward-deployment-actions.c (mutations and batches), steward-deployment-cache.c (the file). */

void   _steward_deployment_changed       (StewardDeployment *self);
void   _steward_deployment_set_favorite  (StewardDeployment *self,
                                          StewardDatastore  *datastore,
                                          gboolean           favorite);

/* The cache file: a versioned JSON document of the last listing. */
typedef struct
{
  char      *base_url;
  gint64     saved_at;     /* µs since 1970 */
  GPtrArray *datastores;   /* StewardDatastore */
  GPtrArray *groups;       /* StewardDatastoreGroup */
} StewardListingCache;

void                 _steward_listing_cache_free        (StewardListingCache *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardListingCache, _steward_listing_cache_free)

void                 _steward_listing_cache_read_async  (const char           *path,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
StewardListingCache *_steward_listing_cache_read_finish (GAsyncResult         *result,
                                                         GError              **error);
/* Writes @json (taken) to @path, mode 0600, on a worker thread. */
void                 _steward_listing_cache_write       (const char           *path,
                                                         GString              *json);
GString             *_steward_listing_cache_begin       (const char           *base_url,
                                                         gint64                saved_at,
                                                         GListModel           *groups);
void                 _steward_listing_cache_add         (GString              *json,
                                                         StewardDatastore     *datastore,
                                                         gboolean              first);
void                 _steward_listing_cache_end         (GString              *json);

G_END_DECLS
