/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A page of the datastore listing, read without a tree (the hot path), and the cache file made of
 * the same objects: whatever is read must write out and read back the same. */
#include <stdint.h>
#include <string.h>

#include "steward-api.h"
#include "steward-datastore-private.h"
#include "steward-json-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(StewardDatastorePage) page = steward_datastore_page_new_from_bytes (bytes, NULL);
  GListModel *items;

  if (page == NULL)
    return 0;

  items = steward_datastore_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (items, i);
      g_autoptr(GString) written = g_string_new (NULL);
      g_autoptr(StewardDatastore) again = NULL;
      StewardJsonReader reader;

      _steward_datastore_write (datastore, written);
      steward_json_reader_init (&reader, written->str, written->len);
      again = _steward_datastore_read (&reader);
      if (again == NULL || !steward_json_reader_end (&reader))
        g_error ("a datastore read from the page does not read back: %s", written->str);
      steward_json_reader_clear (&reader);
      if (g_strcmp0 (steward_datastore_get_name (datastore), steward_datastore_get_name (again)) !=
              0 ||
          steward_datastore_get_id (datastore) != steward_datastore_get_id (again))
        g_error ("a datastore read back differently: %s", written->str);
    }
  return 0;
}
