/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steward-api-error.h"
#include "steward-client-private.h"
#include "steward-datastore-page.h"
#include "steward-datastore-private.h"
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

static guint
clamp_count (gint64 value,
             guint  floor)
{
  return (guint) CLAMP (value, (gint64) floor, (gint64) G_MAXUINT);
}

static void
read_items (StewardJsonReader *reader,
            GPtrArray         *items)
{
  if (!steward_json_reader_begin_array (reader))
    {
      steward_json_reader_skip (reader);
      return;
    }

  while (steward_json_reader_next_element (reader))
    {
      StewardDatastore *datastore = _steward_datastore_read (reader);

      if (datastore != NULL)
        g_ptr_array_add (items, datastore);
    }
}

/* Reads a page straight from the answer's bytes, without building a JSON tree: the hot path of
 * listing every datastore. A bare array is taken as a single page holding everything. */
StewardDatastorePage *
steward_datastore_page_new_from_bytes (GBytes  *bytes,
                                       GError **error)
{
  g_autoptr(StewardDatastorePage) self = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  StewardJsonReader reader;
  gint64 total = -1, page = 1, size = -1, pages = 1;
  gboolean has_items = FALSE;
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  if (data == NULL || length == 0)
    {
      g_propagate_error (error, steward_api_error_new (STEWARD_API_ERROR_PARSE, 0,
                                                       _("The server sent an empty answer")));
      return NULL;
    }

  steward_json_reader_init (&reader, data, length);
  switch (steward_json_reader_peek (&reader))
    {
    case STEWARD_JSON_ARRAY:
      has_items = TRUE;
      read_items (&reader, items);
      break;

    case STEWARD_JSON_OBJECT:
      {
        const char *member;
        gsize name_length;

        steward_json_reader_begin_object (&reader);
        while (steward_json_reader_next_member (&reader, &member, &name_length))
          {
            gint64 *number = NULL;

#define IS(literal)                                                                                \
  (name_length == sizeof literal - 1 && memcmp (member, literal, name_length) == 0)
            if (IS ("items"))
              {
                has_items = steward_json_reader_peek (&reader) == STEWARD_JSON_ARRAY;
                read_items (&reader, items);
                continue;
              }
            else if (IS ("total"))
              number = &total;
            else if (IS ("page"))
              number = &page;
            else if (IS ("size"))
              number = &size;
            else if (IS ("pages"))
              number = &pages;
#undef IS

            if (number == NULL || steward_json_reader_peek (&reader) != STEWARD_JSON_NUMBER ||
                !steward_json_reader_read_int64 (&reader, number))
              steward_json_reader_skip (&reader);
          }
      }
      break;

    case STEWARD_JSON_BOOLEAN:
    case STEWARD_JSON_INVALID:
    case STEWARD_JSON_NULL:
    case STEWARD_JSON_NUMBER:
    case STEWARD_JSON_STRING:
    default:
      steward_json_reader_skip (&reader);
      break;
    }

  if (!steward_json_reader_end (&reader))
    {
      steward_json_reader_clear (&reader);
      g_propagate_error (error, steward_api_error_new (STEWARD_API_ERROR_PARSE, 0,
                                                       _("The server sent an answer that is not "
                                                          "valid JSON")));
      return NULL;
    }
  steward_json_reader_clear (&reader);

  if (!has_items)
    {
      g_propagate_error (error, steward_api_error_new (STEWARD_API_ERROR_PARSE, 0,
                                                       _("The server’s answer is not the list "
                                                          "Steward expected")));
      return NULL;
    }

  self = g_object_new (STEWARD_TYPE_DATASTORE_PAGE, NULL);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  self->total = clamp_count (total >= 0 ? total : items->len, 0);
  self->page = clamp_count (page, 1);
  self->size = clamp_count (size >= 0 ? size : items->len, 0);
  self->pages = clamp_count (pages, 1);
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
