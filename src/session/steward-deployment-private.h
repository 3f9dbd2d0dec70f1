/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-backoff.h"
#include "steward-deployment.h"
#include "steward-json-reader.h"

G_BEGIN_DECLS

/* Shared by the files of StewardDeployment: steward-deployment.c (the state and its merging),
 * steward-deployment-actions.c (mutations and batches), steward-deployment-cache.c (the file,
 * and loading and saving the listing through it). */

struct _StewardDeployment
{
  GObject       parent_instance;

  StewardClient *client;
  StewardUser   *user;
  char          *cache_path;

  GListStore    *datastores;
  GHashTable    *by_id;          /* gint64* → StewardDatastore (borrowed from datastores) */
  GHashTable    *forgotten;      /* ids deleted while listing: a late page must not revive them */
  GHashTable    *changed_at;     /* gint64* → guint64*: the generation of its last change here */
  guint64        generation;     /* counts changes made here, to drop answers that left before */
  GListStore    *groups;
  GHashTable    *groups_by_id;   /* gint64* → StewardDatastoreGroup (borrowed from groups) */

  /* The refresh in progress */
  GCancellable  *cancellable;    /* everything this deployment started; cancelled on dispose */
  GPtrArray     *refresh_tasks;  /* callers waiting for it */
  guint          parts_pending;
  GHashTable    *seen;           /* ids listed so far */
  GError        *refresh_error;
  gboolean       groups_listed;

  gboolean       loaded;
  gboolean       from_cache;
  gint64         listed_at;
  char          *load_error;
  gboolean       unreachable;    /* the last refresh got no answer at all */
  StewardBackoff *retry;         /* refreshes again until it can */

  gboolean       counts_dirty;
  guint          count_all;
  guint          count_favorites;
  guint          count_enrichment;
  guint          count_ungrouped;
  GHashTable    *group_counts;   /* gint64* → guint */
  gboolean       edited;         /* objects changed in place since the last ::changed */
  guint          changed_idle;

  guint          save_timeout;
};

/* steward-deployment.c */

void   _steward_deployment_changed       (StewardDeployment *self);
void   _steward_deployment_mark_changed  (StewardDeployment *self,
                                          gint64             datastore_id);
void   _steward_deployment_set_favorite  (StewardDeployment *self,
                                          StewardDatastore  *datastore,
                                          gboolean           favorite);
void   _steward_deployment_set_dirty     (StewardDeployment *self);
void   _steward_deployment_set_listed    (StewardDeployment *self,
                                          gint64             listed_at,
                                          gboolean           from_cache);
void   _steward_deployment_share_group   (StewardDeployment *self,
                                          StewardDatastore  *datastore);
void   _steward_deployment_insert_datastore (StewardDeployment *self,
                                             StewardDatastore  *datastore);

/* steward-deployment-cache.c: writes the cache a moment after the last change. */
void   _steward_deployment_schedule_save (StewardDeployment *self);

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

StewardListingCache *_steward_listing_cache_load        (const char           *path,
                                                         gsize                 max_size,
                                                         GError              **error);
/* Called with the reader at each datastore's value; it must read or skip that value. */
typedef void (*StewardListingScanFunc) (StewardJsonReader *reader,
                                        gpointer           user_data);
StewardListingCache *_steward_listing_cache_scan        (const char           *path,
                                                         gsize                 max_size,
                                                         StewardListingScanFunc scan,
                                                         gpointer              user_data,
                                                         GError              **error);
void                 _steward_listing_cache_read_async  (const char           *path,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
StewardListingCache *_steward_listing_cache_read_finish (GAsyncResult         *result,
                                                         GError              **error);
/* The cache file's identity now (inode, size, modification time), NULL if there is none. */
char                *_steward_listing_cache_stamp       (const char           *path);

/* The search index beside the cache file: what a search needs of each datastore, a(xssbas). */
char                *_steward_listing_search_path       (const char           *path);
GVariant            *_steward_listing_search_load       (const char           *path,
                                                         const char           *stamp,
                                                         const char           *base_url,
                                                         gsize                 max_size,
                                                         GError              **error);

/* Writing the cache and its search index: made on the main thread, written on a worker. */
typedef struct _StewardListingWriter StewardListingWriter;

StewardListingWriter *_steward_listing_writer_new       (const char           *base_url,
                                                         gint64                saved_at,
                                                         GListModel           *groups);
void                 _steward_listing_writer_add        (StewardListingWriter *writer,
                                                         StewardDatastore     *datastore);
gboolean             _steward_listing_writer_write      (StewardListingWriter *writer,
                                                         const char           *path,
                                                         GError              **error);
/* Writes @writer (taken) to @path, mode 0600, on a worker thread. */
void                 _steward_listing_writer_save       (StewardListingWriter *writer,
                                                         const char           *path);
void                 _steward_listing_writer_free       (StewardListingWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardListingWriter, _steward_listing_writer_free)

G_END_DECLS
