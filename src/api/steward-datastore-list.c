/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-list"

#include "steward-client-datastores.h"
#include "steward-datastore-list.h"

/* Every datastore matching a query, as a GListModel. The first page tells how many pages there
 * are; the rest are fetched a few at a time, and each is added only once the pages before it
 * are in, so the list always shows a prefix of the server's order while it grows. A datastore
 * that shifts between pages while loading (someone created one meanwhile) is listed once. */
struct _StewardDatastoreList
{
  GObject                parent_instance;

  StewardClient         *client;
  StewardDatastoreQuery *query;
  GListStore            *items;
  GHashTable            *ids;          /* gint64* → StewardDatastore (borrowed from items) */

  guint                  page_size;
  guint                  max_concurrent;
  guint                  total;
  guint                  pages;
  guint                  next_to_fetch;
  guint                  next_to_append;
  guint                  in_flight;
  GHashTable            *arrived;      /* page number → StewardDatastorePage, out of order */
  GTask                 *task;         /* the running load, if any */
  GCancellable          *cancellable;  /* stops the other pages when one fails */
  GCancellable          *caller_cancellable;
  gulong                 cancelled_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardDatastoreList, steward_datastore_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_TOTAL,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
list_get_item_type (GListModel *model)
{
  return STEWARD_TYPE_DATASTORE;
}

static guint
list_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (STEWARD_DATASTORE_LIST (model)->items));
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (STEWARD_DATASTORE_LIST (model)->items), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
items_changed_cb (GListModel           *model,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  StewardDatastoreList *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_total (StewardDatastoreList *self,
           guint                 total)
{
  if (self->total == total)
    return;

  self->total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

static void
append_page (StewardDatastoreList *self,
             StewardDatastorePage *page)
{
  GListModel *items = steward_datastore_page_get_items (page);
  guint n = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (items, i);
      gint64 *id;

      if (g_hash_table_contains (self->ids, &(gint64) { steward_datastore_get_id (datastore) }))
        continue;

      id = g_new (gint64, 1);
      *id = steward_datastore_get_id (datastore);
      g_hash_table_insert (self->ids, id, datastore);
      g_ptr_array_add (fresh, g_steal_pointer (&datastore));
    }

  g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                       fresh->pdata, fresh->len);
}

static void
disconnect_caller (StewardDatastoreList *self)
{
  if (self->caller_cancellable != NULL)
    g_cancellable_disconnect (self->caller_cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  g_clear_object (&self->caller_cancellable);
}

static void
finish_load (StewardDatastoreList *self,
             GError               *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  disconnect_caller (self);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->arrived);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void fetch_more (StewardDatastoreList *self);

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StewardDatastoreList) self = user_data;
  g_autoptr(StewardDatastorePage) page = NULL;
  GError *error = NULL;
  guint number;

  self->in_flight--;
  page = steward_client_list_datastores_finish (STEWARD_CLIENT (object), result, &error);

  if (self->task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  if (page == NULL)
    {
      /* The first failure ends the load; the pages still out are cancelled and ignored. */
      g_cancellable_cancel (self->cancellable);
      finish_load (self, error);
      return;
    }

  number = steward_datastore_page_get_page (page);
  if (number == 1)
    {
      self->pages = steward_datastore_page_get_pages (page);
      set_total (self, steward_datastore_page_get_total (page));
    }

  g_hash_table_insert (self->arrived, GUINT_TO_POINTER (number), g_steal_pointer (&page));
  while ((page = g_hash_table_lookup (self->arrived, GUINT_TO_POINTER (self->next_to_append))) != NULL)
    {
      append_page (self, page);
      g_hash_table_remove (self->arrived, GUINT_TO_POINTER (self->next_to_append));
      self->next_to_append++;
      page = NULL;
    }

  if (self->next_to_append > self->pages)
    {
      finish_load (self, NULL);
      return;
    }

  fetch_more (self);
}

static void
fetch_page (StewardDatastoreList *self,
            guint                 number)
{
  self->in_flight++;
  steward_client_list_datastores_async (self->client, self->query, number, self->page_size,
                                        self->cancellable, page_cb, g_object_ref (self));
}

static void
fetch_more (StewardDatastoreList *self)
{
  while (self->in_flight < self->max_concurrent && self->next_to_fetch <= self->pages)
    fetch_page (self, self->next_to_fetch++);
}

static void
cancelled_cb (GCancellable         *cancellable,
              StewardDatastoreList *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
steward_datastore_list_dispose (GObject *object)
{
  StewardDatastoreList *self = STEWARD_DATASTORE_LIST (object);

  disconnect_caller (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (steward_datastore_list_parent_class)->dispose (object);
}

static void
steward_datastore_list_finalize (GObject *object)
{
  StewardDatastoreList *self = STEWARD_DATASTORE_LIST (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->query, steward_datastore_query_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->arrived, g_hash_table_unref);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (steward_datastore_list_parent_class)->finalize (object);
}

static void
steward_datastore_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardDatastoreList *self = STEWARD_DATASTORE_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, steward_datastore_list_get_loading (self));
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, list_get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_list_class_init (StewardDatastoreListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = steward_datastore_list_dispose;
  object_class->finalize = steward_datastore_list_finalize;
  object_class->get_property = steward_datastore_list_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_datastore_list_init (StewardDatastoreList *self)
{
  self->items = g_list_store_new (STEWARD_TYPE_DATASTORE);
  self->ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->arrived = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->page_size = 100;
  self->max_concurrent = 4;

  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self, 0);
}

StewardDatastoreList *
steward_datastore_list_new (StewardClient         *client,
                            StewardDatastoreQuery *query)
{
  StewardDatastoreList *self;

  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);

  self = g_object_new (STEWARD_TYPE_DATASTORE_LIST, NULL);
  self->client = g_object_ref (client);
  self->query = query != NULL ? steward_datastore_query_copy (query) : steward_datastore_query_new ();
  return self;
}

/* 1 to 100, the servers' maximum. */
void
steward_datastore_list_set_page_size (StewardDatastoreList *self,
                                      guint                 page_size)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_LIST (self));

  self->page_size = CLAMP (page_size, 1, 100);
}

void
steward_datastore_list_set_max_concurrent (StewardDatastoreList *self,
                                           guint                 max_concurrent)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_LIST (self));

  self->max_concurrent = CLAMP (max_concurrent, 1, 6);
}

/* Loads every page. Cancelling stops it; what arrived so far stays listed. */
void
steward_datastore_list_load_async (StewardDatastoreList *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_LIST (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, steward_datastore_list_load_async);

  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      self->caller_cancellable = g_object_ref (cancellable);
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);
    }

  self->pages = 1;
  self->next_to_fetch = 2;
  self->next_to_append = 1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  fetch_page (self, 1);
}

gboolean
steward_datastore_list_load_finish (StewardDatastoreList  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
steward_datastore_list_get_loading (StewardDatastoreList *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_LIST (self), FALSE);

  return self->task != NULL;
}

/* How many datastores the server says match, which may be more than loaded so far. */
guint
steward_datastore_list_get_total (StewardDatastoreList *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_LIST (self), 0);

  return self->total;
}

StewardDatastoreQuery *
steward_datastore_list_get_query (StewardDatastoreList *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_LIST (self), NULL);

  return self->query;
}

/* Returns: (transfer none) (nullable): the listed datastore with that id */
StewardDatastore *
steward_datastore_list_find (StewardDatastoreList *self,
                             gint64                datastore_id,
                             guint                *position)
{
  StewardDatastore *datastore;

  g_return_val_if_fail (STEWARD_IS_DATASTORE_LIST (self), NULL);

  datastore = g_hash_table_lookup (self->ids, &datastore_id);
  if (datastore != NULL && position != NULL &&
      !g_list_store_find (self->items, datastore, position))
    return NULL;

  return datastore;
}

/* Keeps the list true after a delete, without loading it again. */
gboolean
steward_datastore_list_remove (StewardDatastoreList *self,
                               gint64                datastore_id)
{
  guint position;

  g_return_val_if_fail (STEWARD_IS_DATASTORE_LIST (self), FALSE);

  if (steward_datastore_list_find (self, datastore_id, &position) == NULL)
    return FALSE;

  g_hash_table_remove (self->ids, &datastore_id);
  g_list_store_remove (self->items, position);
  set_total (self, self->total > 0 ? self->total - 1 : 0);
  return TRUE;
}

/* Keeps the list true after a create, without loading it again. */
void
steward_datastore_list_prepend (StewardDatastoreList *self,
                                StewardDatastore     *datastore)
{
  gint64 *id;

  g_return_if_fail (STEWARD_IS_DATASTORE_LIST (self));
  g_return_if_fail (STEWARD_IS_DATASTORE (datastore));

  if (steward_datastore_list_find (self, steward_datastore_get_id (datastore), NULL) != NULL)
    return;

  id = g_new (gint64, 1);
  *id = steward_datastore_get_id (datastore);
  g_hash_table_insert (self->ids, id, datastore);
  g_list_store_insert (self->items, 0, datastore);
  set_total (self, self->total + 1);
}
