/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STEWARD_SORT_NAME,
  STEWARD_SORT_CREATED,
  STEWARD_SORT_FAVORITE,
  STEWARD_SORT_CONTAINERS,
  STEWARD_SORT_ACTIVE_ANOMALIES,
} StewardSortKey;

/* The filters and sorts of GET /datastores. */
typedef struct _StewardDatastoreQuery StewardDatastoreQuery;

#define STEWARD_TYPE_DATASTORE_QUERY (steward_datastore_query_get_type ())

GType                  steward_datastore_query_get_type          (void) G_GNUC_CONST;
StewardDatastoreQuery *steward_datastore_query_new               (void);
StewardDatastoreQuery *steward_datastore_query_ref               (StewardDatastoreQuery *self);
void                   steward_datastore_query_unref             (StewardDatastoreQuery *self);
StewardDatastoreQuery *steward_datastore_query_copy              (StewardDatastoreQuery *self);
void                   steward_datastore_query_set_search        (StewardDatastoreQuery *self,
                                                                  const char            *search);
const char            *steward_datastore_query_get_search        (StewardDatastoreQuery *self);
void                   steward_datastore_query_set_name          (StewardDatastoreQuery *self,
                                                                  const char            *name);
void                   steward_datastore_query_add_id            (StewardDatastoreQuery *self,
                                                                  gint64                 id);
void                   steward_datastore_query_add_type          (StewardDatastoreQuery *self,
                                                                  const char            *type);
void                   steward_datastore_query_add_tag           (StewardDatastoreQuery *self,
                                                                  const char            *tag);
void                   steward_datastore_query_add_group         (StewardDatastoreQuery *self,
                                                                  gint64                 group_id);
void steward_datastore_query_set_enrichment_only (StewardDatastoreQuery *self,
                                                  gboolean               enrichment_only);
void steward_datastore_query_add_sort (StewardDatastoreQuery *self,
                                       StewardSortKey         key,
                                       gboolean               descending);
void steward_datastore_query_set_favorites_only (StewardDatastoreQuery *self,
                                                 gboolean               favorites_only);
void steward_datastore_query_set_ungrouped_only (StewardDatastoreQuery *self,
                                                 gboolean               ungrouped_only);
gboolean  steward_datastore_query_has_filters (StewardDatastoreQuery *self);
gboolean  steward_datastore_query_matches     (StewardDatastoreQuery *self,
                                               struct _StewardDatastore *datastore);
int       steward_datastore_query_compare     (StewardDatastoreQuery *self,
                                               struct _StewardDatastore *a,
                                               struct _StewardDatastore *b);
char     *steward_datastore_query_to_string   (StewardDatastoreQuery *self,
                                               guint                  page,
                                               guint                  size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardDatastoreQuery, steward_datastore_query_unref)

G_END_DECLS
