/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-query"

#include "steward-client-private.h"
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
  GArray          *sorts;   /* of Sort, in the order they apply */
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

  copy->search = g_strdup (self->search);
  copy->name = g_strdup (self->name);
  g_array_append_vals (copy->ids, self->ids->data, self->ids->len);
  for (guint i = 0; i < self->types->len; i++)
    g_ptr_array_add (copy->types, g_strdup (g_ptr_array_index (self->types, i)));
  for (guint i = 0; i < self->tags->len; i++)
    g_ptr_array_add (copy->tags, g_strdup (g_ptr_array_index (self->tags, i)));
  g_array_append_vals (copy->groups, self->groups->data, self->groups->len);
  copy->enrichment_only = self->enrichment_only;
  g_array_append_vals (copy->sorts, self->sorts->data, self->sorts->len);
  return copy;
}

/* Partial match on name or id, done by the server. */
void
steward_datastore_query_set_search (StewardDatastoreQuery *self,
                                    const char            *search)
{
  g_free (self->search);
  self->search = search != NULL && *search != '\0' ? g_strdup (search) : NULL;
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

/* Whether it narrows the list (as opposed to only sorting it). */
gboolean
steward_datastore_query_has_filters (StewardDatastoreQuery *self)
{
  return self->search != NULL || self->name != NULL || self->ids->len > 0 || self->types->len > 0 ||
         self->tags->len > 0 || self->groups->len > 0;
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
