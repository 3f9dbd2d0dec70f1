/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-loader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-api-error.h"
#include "steward-client-datastores.h"
#include "steward-datastore-loader.h"

/* Fetches every page of a query, a few at a time, and hands each page's items over through the
 * ::page signal in page order, so whoever listens always holds a prefix of the server's order.
 * The first page tells how many pages there are; the server is not trusted beyond reason: the
 * count is capped by its own total and by MAX_PAGES, and each answer is filed under the page
 * that was asked for, whatever its "page" field says. The first failure ends the load and
 * cancels the pages still out. */

#define MAX_PAGES 10000   /* a million datastores at 100 a page */

struct _StewardDatastoreLoader
{
  GObject                parent_instance;

  StewardClient         *client;
  StewardDatastoreQuery *query;
  guint                  page_size;
  guint                  max_concurrent;

  guint                  total;
  guint                  pages;
  guint                  next_to_fetch;
  guint                  next_to_deliver;
  guint                  in_flight;
  GHashTable *arrived; /* page number → StewardDatastorePage, waiting for its turn */
  GTask                 *task;
  GCancellable          *cancellable;  /* the load's own: stops the other pages on a failure */
  gulong                 cancelled_id;
};

G_DEFINE_FINAL_TYPE (StewardDatastoreLoader, steward_datastore_loader, G_TYPE_OBJECT)

enum {
  PAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  StewardDatastoreLoader *self;
  guint                   number;
} PageRequest;

static void fetch_more (StewardDatastoreLoader *self);

static void
finish (StewardDatastoreLoader *self,
        GError                 *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (self->cancelled_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), self->cancelled_id);
  self->cancelled_id = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->arrived);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static guint
page_count (StewardDatastoreLoader *self,
            StewardDatastorePage   *first)
{
  guint pages = steward_datastore_page_get_pages (first);
  guint total = steward_datastore_page_get_total (first);
  /* One page more than the total needs, for datastores created while loading. */
  guint by_total = total / self->page_size + 2;

  return CLAMP (MIN (pages, by_total), 1, MAX_PAGES);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PageRequest *request = user_data;
  g_autoptr(StewardDatastoreLoader) self = request->self;
  g_autoptr(StewardDatastorePage) page = NULL;
  guint number = request->number;
  GError *error = NULL;

  g_free (request);
  self->in_flight--;
  page = steward_client_list_datastores_finish (STEWARD_CLIENT (object), result, &error);

  if (self->task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  if (page == NULL)
    {
      finish (self, error);
      return;
    }

  if (number == 1)
    {
      self->pages = page_count (self, page);
      self->total = steward_datastore_page_get_total (page);
    }

  g_hash_table_insert (self->arrived, GUINT_TO_POINTER (number), g_steal_pointer (&page));
  while (self->task != NULL &&
         (page = g_hash_table_lookup (self->arrived, GUINT_TO_POINTER (self->next_to_deliver))) !=
             NULL)
    {
      g_autoptr(StewardDatastorePage) delivered = g_object_ref (page);
      GListModel *items = steward_datastore_page_get_items (delivered);

      g_hash_table_remove (self->arrived, GUINT_TO_POINTER (self->next_to_deliver));
      self->next_to_deliver++;
      page = NULL;

      /* An empty page past the first means the list ended sooner than the first page said. */
      if (g_list_model_get_n_items (items) == 0 && self->next_to_deliver > 2)
        self->pages = MIN (self->pages, self->next_to_deliver - 2);

      g_signal_emit (self, signals[PAGE], 0, items);
    }

  if (self->task == NULL)
    return;

  if (self->next_to_deliver > self->pages)
    {
      finish (self, NULL);
      return;
    }

  fetch_more (self);
}

static void
fetch_page (StewardDatastoreLoader *self,
            guint                   number)
{
  PageRequest *request = g_new0 (PageRequest, 1);

  request->self = g_object_ref (self);
  request->number = number;
  self->in_flight++;
  steward_client_list_datastores_async (self->client, self->query, number, self->page_size,
                                        self->cancellable, page_cb, request);
}

static void
fetch_more (StewardDatastoreLoader *self)
{
  while (self->in_flight < self->max_concurrent && self->next_to_fetch <= self->pages)
    fetch_page (self, self->next_to_fetch++);
}

static void
cancelled_cb (GCancellable           *cancellable,
              StewardDatastoreLoader *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
steward_datastore_loader_dispose (GObject *object)
{
  StewardDatastoreLoader *self = STEWARD_DATASTORE_LOADER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (steward_datastore_loader_parent_class)->dispose (object);
}

static void
steward_datastore_loader_finalize (GObject *object)
{
  StewardDatastoreLoader *self = STEWARD_DATASTORE_LOADER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->query, steward_datastore_query_unref);
  g_clear_pointer (&self->arrived, g_hash_table_unref);

  G_OBJECT_CLASS (steward_datastore_loader_parent_class)->finalize (object);
}

static void
steward_datastore_loader_class_init (StewardDatastoreLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_datastore_loader_dispose;
  object_class->finalize = steward_datastore_loader_finalize;

  /* ::page (GListModel of StewardDatastore): the next page's items, in page order. */
  signals[PAGE] = g_signal_new ("page", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);
}

static void
steward_datastore_loader_init (StewardDatastoreLoader *self)
{
  self->arrived = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->page_size = 100;
  self->max_concurrent = 4;
}

StewardDatastoreLoader *
steward_datastore_loader_new (StewardClient         *client,
                              StewardDatastoreQuery *query)
{
  StewardDatastoreLoader *self;

  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);

  self = g_object_new (STEWARD_TYPE_DATASTORE_LOADER, NULL);
  self->client = g_object_ref (client);
  self->query =
      query != NULL ? steward_datastore_query_copy (query) : steward_datastore_query_new ();
  return self;
}

/* 1 to 100, the servers' maximum. */
void
steward_datastore_loader_set_page_size (StewardDatastoreLoader *self,
                                        guint                   page_size)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_LOADER (self));

  self->page_size = CLAMP (page_size, 1, 100);
}

void
steward_datastore_loader_set_max_concurrent (StewardDatastoreLoader *self,
                                             guint                   max_concurrent)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_LOADER (self));

  self->max_concurrent = CLAMP (max_concurrent, 1, 6);
}

/* Loads every page once; ::page is emitted for each, in order, before this completes. */
void
steward_datastore_loader_load_async (StewardDatastoreLoader *self,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_LOADER (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, steward_datastore_loader_load_async);

  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);

  self->total = 0;
  self->pages = 1;
  self->next_to_fetch = 2;
  self->next_to_deliver = 1;
  fetch_page (self, 1);
}

gboolean
steward_datastore_loader_load_finish (StewardDatastoreLoader  *self,
                                      GAsyncResult            *result,
                                      GError                 **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* How many datastores the first page said match. */
guint
steward_datastore_loader_get_total (StewardDatastoreLoader *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_LOADER (self), 0);

  return self->total;
}

guint
steward_datastore_loader_get_pages_loaded (StewardDatastoreLoader *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_LOADER (self), 0);

  return self->next_to_deliver - 1;
}
