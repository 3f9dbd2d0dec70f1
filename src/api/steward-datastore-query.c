/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-query"

#include <string.h>

#include "steward-client-private.h"
#include "steward-datastore.h"
#include "steward-datastore-query.h"

struct _StewardDatastoreQuery
{
  gatomicrefcount  ref_count;
  char            *search;
  char            *name;
  GArray          *ids;
  GPtrArray       *types;
  GPtrArray       *tags;
  GArray          *groups;
  gboolean         enrichment_only;
  gboolean         favorites_only;   /* client-side scopes: no server filter exists */
  gboolean         ungrouped_only;
  GArray          *sorts;   /* of Sort, in the order they apply */
  char            *search_folded;
  gint64           search_id;
};

typedef struct
{
  StewardSortKey key;
  gboolean       descending;
} Sort;

G_DEFINE_BOXED_TYPE (StewardDatastoreQuery, steward_datastore_query,
                     steward_datastore_query_ref, steward_datastore_query_unref)

static const char *sort_params[] = {
  [STEWARD_SORT_NAME] = "sort_name",
  [STEWARD_SORT_CREATED] = "sort_created",
  [STEWARD_SORT_FAVORITE] = "sort_favorite",
  [STEWARD_SORT_CONTAINERS] = "sort_containers",
  [STEWARD_SORT_ACTIVE_ANOMALIES] = "sort_active_anomalies",
};

StewardDatastoreQuery *
steward_datastore_query_new (void)
{
  StewardDatastoreQuery *self = g_new0 (StewardDatastoreQuery, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->types = g_ptr_array_new_with_free_func (g_free);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sorts = g_array_new (FALSE, FALSE, sizeof (Sort));
  return self;
}

StewardDatastoreQuery *
steward_datastore_query_ref (StewardDatastoreQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
steward_datastore_query_unref (StewardDatastoreQuery *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->search);
  g_free (self->search_folded);
  g_free (self->name);
  g_array_unref (self->ids);
  g_ptr_array_unref (self->types);
  g_ptr_array_unref (self->tags);
  g_array_unref (self->groups);
  g_array_unref (self->sorts);
  g_free (self);
}

StewardDatastoreQuery *
steward_datastore_query_copy (StewardDatastoreQuery *self)
{
  StewardDatastoreQuery *copy = steward_datastore_query_new ();

  copy->name = g_strdup (self->name);
  g_array_append_vals (copy->ids, self->ids->data, self->ids->len);
  for (guint i = 0; i < self->types->len; i++)
    g_ptr_array_add (copy->types, g_strdup (g_ptr_array_index (self->types, i)));
  for (guint i = 0; i < self->tags->len; i++)
    g_ptr_array_add (copy->tags, g_strdup (g_ptr_array_index (self->tags, i)));
  g_array_append_vals (copy->groups, self->groups->data, self->groups->len);
  copy->enrichment_only = self->enrichment_only;
  copy->favorites_only = self->favorites_only;
  copy->ungrouped_only = self->ungrouped_only;
  g_array_append_vals (copy->sorts, self->sorts->data, self->sorts->len);
  steward_datastore_query_set_search (copy, self->search);
  return copy;
}

/* Partial match on the name (case-insensitive), or the exact id when the search is a number. */
void
steward_datastore_query_set_search (StewardDatastoreQuery *self,
                                    const char            *search)
{
  g_free (self->search);
  g_free (self->search_folded);
  self->search = search != NULL && *search != '\0' ? g_strdup (search) : NULL;
  self->search_folded = self->search != NULL ? g_utf8_casefold (self->search, -1) : NULL;
  if (self->search == NULL ||
      !g_ascii_string_to_signed (self->search, 10, 0, G_MAXINT64, &self->search_id, NULL))
    self->search_id = -1;
}

const char *
steward_datastore_query_get_search (StewardDatastoreQuery *self)
{
  return self->search;
}

void
steward_datastore_query_set_name (StewardDatastoreQuery *self,
                                  const char            *name)
{
  g_free (self->name);
  self->name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
}

void
steward_datastore_query_add_id (StewardDatastoreQuery *self,
                                gint64                 id)
{
  g_array_append_val (self->ids, id);
}

void
steward_datastore_query_add_type (StewardDatastoreQuery *self,
                                  const char            *type)
{
  g_ptr_array_add (self->types, g_strdup (type));
}

void
steward_datastore_query_add_tag (StewardDatastoreQuery *self,
                                 const char            *tag)
{
  g_ptr_array_add (self->tags, g_strdup (tag));
}

void
steward_datastore_query_add_group (StewardDatastoreQuery *self,
                                   gint64                 group_id)
{
  g_array_append_val (self->groups, group_id);
}

void
steward_datastore_query_set_enrichment_only (StewardDatastoreQuery *self,
                                             gboolean               enrichment_only)
{
  self->enrichment_only = !!enrichment_only;
}

void
steward_datastore_query_add_sort (StewardDatastoreQuery *self,
                                  StewardSortKey         key,
                                  gboolean               descending)
{
  Sort sort = { key, !!descending };

  g_return_if_fail (key <= STEWARD_SORT_ACTIVE_ANOMALIES);

  g_array_append_val (self->sorts, sort);
}

/* Scopes the API has no filter for, applied only by steward_datastore_query_matches(). */
void
steward_datastore_query_set_favorites_only (StewardDatastoreQuery *self,
                                            gboolean               favorites_only)
{
  self->favorites_only = !!favorites_only;
}

void
steward_datastore_query_set_ungrouped_only (StewardDatastoreQuery *self,
                                            gboolean               ungrouped_only)
{
  self->ungrouped_only = !!ungrouped_only;
}

/* Whether it narrows the list (as opposed to only sorting it). */
gboolean
steward_datastore_query_has_filters (StewardDatastoreQuery *self)
{
  return self->search != NULL || self->name != NULL || self->ids->len > 0 || self->types->len > 0 ||
         self->tags->len > 0 || self->groups->len > 0 || self->favorites_only ||
         self->ungrouped_only;
}

static gboolean
contains_string (GPtrArray  *values,
                 const char *value)
{
  return value != NULL && g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL);
}

static gboolean
contains_int (GArray *values,
              gint64  value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, gint64, i) == value)
      return TRUE;
  return FALSE;
}

/* Whether @datastore is in the answer the server would give to this query, decided here from the
 * loaded copy so that search and filters need no request. The rules are the API's: enrichment-only
 * datastores show only under enrichment_only=true and never otherwise; connector types and tags
 * match any of those given; search is a case-insensitive substring of the name or the exact id. */
gboolean
steward_datastore_query_matches (StewardDatastoreQuery *self,
                                 StewardDatastore      *datastore)
{
  if (steward_datastore_get_deleted (datastore) ||
      steward_datastore_get_enrichment_only (datastore) != self->enrichment_only)
    return FALSE;

  if (self->ids->len > 0 && !contains_int (self->ids, steward_datastore_get_id (datastore)))
    return FALSE;
  if (self->groups->len > 0 &&
      !contains_int (self->groups, steward_datastore_get_group_id (datastore)))
    return FALSE;
  if (self->name != NULL && g_strcmp0 (self->name, steward_datastore_get_name (datastore)) != 0)
    return FALSE;
  if (self->types->len > 0 &&
      !contains_string (self->types, steward_datastore_get_datastore_type (datastore)))
    return FALSE;
  if (self->favorites_only && !steward_datastore_get_favorite (datastore))
    return FALSE;
  if (self->ungrouped_only && steward_datastore_get_group_id (datastore) != 0)
    return FALSE;

  if (self->tags->len > 0)
    {
      const char * const *tags = steward_datastore_get_tags (datastore);
      gboolean any = FALSE;

      for (guint i = 0; !any && tags != NULL && tags[i] != NULL; i++)
        any = contains_string (self->tags, tags[i]);
      if (!any)
        return FALSE;
    }

  if (self->search_folded != NULL && steward_datastore_get_id (datastore) != self->search_id &&
      strstr (steward_datastore_get_name_folded (datastore), self->search_folded) == NULL)
    return FALSE;

  return TRUE;
}

static int
compare_int (gint64 a,
             gint64 b)
{
  return a < b ? -1 : a > b;
}

static int
compare_key (StewardSortKey    key,
             StewardDatastore *a,
             StewardDatastore *b)
{
  switch (key)
    {
    case STEWARD_SORT_FAVORITE:
      return compare_int (steward_datastore_get_favorite (a), steward_datastore_get_favorite (b));
    case STEWARD_SORT_NAME:
      return strcmp (steward_datastore_get_name_folded (a), steward_datastore_get_name_folded (b));
    case STEWARD_SORT_CREATED:
      return compare_int (steward_datastore_get_created_usec (a),
                          steward_datastore_get_created_usec (b));
    case STEWARD_SORT_CONTAINERS:
      return compare_int (steward_datastore_get_containers (a),
                          steward_datastore_get_containers (b));
    case STEWARD_SORT_ACTIVE_ANOMALIES:
      return compare_int (steward_datastore_get_active_anomalies (a),
                          steward_datastore_get_active_anomalies (b));
    default:
      g_return_val_if_reached (0);
    }
}

/* Orders two datastores as the server orders its answer to this query: favorites first (unless
 * the query sorts by favorite itself), then each sort in the order given, then the id. Names
 * compare case-folded, byte by byte, as the server compares them. */
int
steward_datastore_query_compare (StewardDatastoreQuery *self,
                                 StewardDatastore      *a,
                                 StewardDatastore      *b)
{
  Sort favorite = { STEWARD_SORT_FAVORITE, TRUE };
  int order;

  for (guint i = 0; i < self->sorts->len; i++)
    if (g_array_index (self->sorts, Sort, i).key == STEWARD_SORT_FAVORITE)
      {
        favorite = g_array_index (self->sorts, Sort, i);
        break;
      }

  order = compare_key (STEWARD_SORT_FAVORITE, a, b);
  if (order != 0)
    return favorite.descending ? -order : order;

  for (guint i = 0; i < self->sorts->len; i++)
    {
      const Sort *sort = &g_array_index (self->sorts, Sort, i);

      if (sort->key == STEWARD_SORT_FAVORITE)
        continue;
      order = compare_key (sort->key, a, b);
      if (order != 0)
        return sort->descending ? -order : order;
    }

  return compare_int (steward_datastore_get_id (a), steward_datastore_get_id (b));
}

/* List-valued filters repeat their key (tag=a&tag=b), as servers expect. */
char *
steward_datastore_query_to_string (StewardDatastoreQuery *self,
                                   guint                  page,
                                   guint                  size)
{
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; i < self->ids->len; i++)
    steward_query_add_int (query, "id", g_array_index (self->ids, gint64, i));
  steward_query_add (query, "name", self->name);
  steward_query_add (query, "search", self->search);
  for (guint i = 0; i < self->types->len; i++)
    steward_query_add (query, "datastore_type", g_ptr_array_index (self->types, i));
  for (guint i = 0; i < self->tags->len; i++)
    steward_query_add (query, "tag", g_ptr_array_index (self->tags, i));
  for (guint i = 0; i < self->groups->len; i++)
    steward_query_add_int (query, "group", g_array_index (self->groups, gint64, i));
  if (self->enrichment_only)
    steward_query_add (query, "enrichment_only", "true");
  for (guint i = 0; i < self->sorts->len; i++)
    {
      const Sort *sort = &g_array_index (self->sorts, Sort, i);
      steward_query_add (query, sort_params[sort->key], sort->descending ? "desc" : "asc");
    }
  if (page > 0)
    steward_query_add_int (query, "page", page);
  if (size > 0)
    steward_query_add_int (query, "size", size);

  return g_string_free (g_steal_pointer (&query), FALSE);
}
