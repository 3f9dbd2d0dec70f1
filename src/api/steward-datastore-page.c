/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-page"

#include "steward-client-private.h"
#include "steward-datastore.h"
#include "steward-datastore-page.h"
#include "steward-json.h"

/* One page of GET /datastores: {items, total, page, size, pages}. */
struct _StewardDatastorePage
{
  GObject     parent_instance;

  GListStore *items;
  guint       total;
  guint       page;
  guint       size;
  guint       pages;
};

G_DEFINE_FINAL_TYPE (StewardDatastorePage, steward_datastore_page, G_TYPE_OBJECT)

static void
steward_datastore_page_finalize (GObject *object)
{
  StewardDatastorePage *self = STEWARD_DATASTORE_PAGE (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (steward_datastore_page_parent_class)->finalize (object);
}

static void
steward_datastore_page_class_init (StewardDatastorePageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steward_datastore_page_finalize;
}

static void
steward_datastore_page_init (StewardDatastorePage *self)
{
  self->items = g_list_store_new (STEWARD_TYPE_DATASTORE);
}

/* A bare array is taken as a single page holding everything. */
StewardDatastorePage *
steward_datastore_page_new_from_json (JsonNode  *root,
                                      GError   **error)
{
  g_autoptr(StewardDatastorePage) self = NULL;
  JsonObject *envelope = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *items = _steward_expect_items (root, error);
  guint n;

  if (items == NULL)
    return NULL;

  self = g_object_new (STEWARD_TYPE_DATASTORE_PAGE, NULL);
  n = json_array_get_length (items);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      g_autoptr(StewardDatastore) datastore = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      datastore = steward_datastore_new_from_json (json_node_get_object (element));
      g_list_store_append (self->items, datastore);
    }

  self->total = MAX (0, steward_json_get_int (envelope, "total", n));
  self->page = MAX (1, steward_json_get_int (envelope, "page", 1));
  self->size = MAX (0, steward_json_get_int (envelope, "size", n));
  self->pages = MAX (1, steward_json_get_int (envelope, "pages", 1));

  return g_steal_pointer (&self);
}

/* Returns: (transfer none): a GListModel of StewardDatastore */
GListModel *
steward_datastore_page_get_items (StewardDatastorePage *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_PAGE (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
steward_datastore_page_get_total (StewardDatastorePage *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_PAGE (self), 0);

  return self->total;
}

guint
steward_datastore_page_get_page (StewardDatastorePage *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_PAGE (self), 0);

  return self->page;
}

guint
steward_datastore_page_get_size (StewardDatastorePage *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_PAGE (self), 0);

  return self->size;
}

guint
steward_datastore_page_get_pages (StewardDatastorePage *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_PAGE (self), 0);

  return self->pages;
}
