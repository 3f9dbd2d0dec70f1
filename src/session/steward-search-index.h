/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-api.h"

G_BEGIN_DECLS

/* The most datastores, profiles and bytes of cache the index reads: beyond them the desktop's
 * search gives up on a deployment rather than on the desktop. */
#define STEWARD_SEARCH_MAX_DATASTORES   100000
#define STEWARD_SEARCH_MAX_PROFILES     32
#define STEWARD_SEARCH_MAX_CACHE_SIZE   (64 * 1024 * 1024)

/* The name a connector type shows as ("postgresql" → "PostgreSQL"), so that what the user reads
 * also matches. Called from worker threads: it must not touch shared state. */
typedef const char *(*StewardSearchTypeLabelFunc) (const char *type);

/* One datastore the index can find. Read-only; valid until the index next changes. */
typedef struct
{
  char     *result_id;      /* "PROFILE-ID:DATASTORE-ID" */
  char     *profile_id;
  gint64    datastore_id;
  char     *name;
  char     *connector_type; /* "postgresql", "s3"… */
  char     *type_label;     /* "PostgreSQL", "Amazon S3"… */
  gboolean  dfs;            /* a file system rather than a database */

  /*< private >*/
  char     *name_folded;
  char     *haystack;       /* every searchable text, case-folded, one per line */
} StewardSearchHit;

#define STEWARD_TYPE_SEARCH_INDEX (steward_search_index_get_type ())

G_DECLARE_FINAL_TYPE (StewardSearchIndex, steward_search_index, STEWARD, SEARCH_INDEX, GObject)

StewardSearchIndex     *steward_search_index_new        (StewardSearchTypeLabelFunc type_label);
void                    steward_search_index_set_live   (StewardSearchIndex  *self,
                                                         const char          *profile_id,
                                                         GListModel          *datastores);
void                    steward_search_index_update_async (StewardSearchIndex  *self,
                                                           GListModel          *profiles,
                                                           const char          *live_profile_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean                steward_search_index_update_finish (StewardSearchIndex  *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
char                  **steward_search_index_search     (StewardSearchIndex  *self,
                                                         const char * const  *terms,
                                                         guint                max_results);
const StewardSearchHit *steward_search_index_lookup     (StewardSearchIndex  *self,
                                                         const char          *result_id);
guint                   steward_search_index_get_n_datastores (StewardSearchIndex *self);

char                   *steward_search_result_id_new    (const char          *profile_id,
                                                         gint64               datastore_id);
gboolean                steward_search_result_id_parse  (const char          *result_id,
                                                         char               **profile_id,
                                                         gint64              *datastore_id);

G_END_DECLS
