/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

/* Listing every datastore pages through the same query a hundred times. Filtering and sorting
 * the whole set, and writing each item's JSON, for every page made a full listing cost O(N²);
 * here the matched, sorted order of a query and each item's JSON text are kept until the store
 * changes (_demo_store_touch), so a page costs time in proportion to the page. */

#define MAX_LISTINGS 32

static void
drop_stale (DemoStore *store)
{
  if (store->listings == NULL)
    {
      store->listings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
      store->item_json = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
    }

  if (store->cache_generation != store->generation)
    {
      g_hash_table_remove_all (store->listings);
      g_hash_table_remove_all (store->item_json);
      store->cache_generation = store->generation;
    }
}

/* Returns: (transfer none) (nullable): the matched, sorted datastores of the query @key */
GPtrArray *
_demo_listing_lookup (DemoRequest *req,
                      const char  *key)
{
  drop_stale (req->store);
  return g_hash_table_lookup (req->store->listings, key);
}

void
_demo_listing_insert (DemoRequest *req,
                      const char  *key,
                      GPtrArray   *matches)
{
  drop_stale (req->store);
  if (g_hash_table_size (req->store->listings) >= MAX_LISTINGS)
    g_hash_table_remove_all (req->store->listings);
  g_hash_table_insert (req->store->listings, g_strdup (key), g_ptr_array_ref (matches));
}

/* Returns: (transfer none): the datastore's JSON text as the request's user sees it (favorites
 * are per user) */
const char *
_demo_listing_item_json (DemoRequest   *req,
                         DemoDatastore *datastore)
{
  gint64 key = datastore->id * 32 + req->user->index;
  char *json;

  drop_stale (req->store);
  json = g_hash_table_lookup (req->store->item_json, &key);
  if (json == NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (),
                                                        _demo_datastore_to_json (req, datastore));

      json = json_to_string (node, FALSE);
      g_hash_table_insert (req->store->item_json, g_memdup2 (&key, sizeof key), json);
      json_object_unref (json_node_get_object (node));
    }

  return json;
}
