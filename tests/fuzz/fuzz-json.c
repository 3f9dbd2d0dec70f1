/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The JSON entry point of every answer, and every model made from an object of it. */
#include <stdint.h>

#include "steward-api.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
drop (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(JsonNode) root = steward_json_parse (bytes, NULL);
  JsonObject *object;

  if (root == NULL)
    return 0;

  /* Lists of discovered items take any node. */
  drop (steward_discovered_item_new_from_json (root));

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  object = json_node_get_object (root);

  drop (steward_datastore_new_from_json (object));
  drop (steward_datastore_group_new_from_json (object));
  drop (steward_connection_new_from_json (object));
  drop (steward_operation_new_from_json (object));
  drop (steward_user_new_from_json (object));
  drop (steward_bulk_result_new_from_json (object));
  drop (steward_validation_result_new_from_json (object));
  drop (steward_connector_spec_list_new_from_table (root, FALSE, NULL));
  drop (steward_connector_spec_list_new_from_specifications (root, NULL));
  return 0;
}
