/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

/* Parsers shared by several calls; they run on the worker thread. */

#include "steward-client-private.h"
#include "steward-connection.h"
#include "steward-datastore.h"
#include "steward-operation.h"

gpointer
_steward_parse_datastore (JsonNode  *root,
                          GError   **error)
{
  JsonObject *object = _steward_expect_object (root, error);

  return object != NULL ? steward_datastore_new_from_json (object) : NULL;
}

gpointer
_steward_parse_group (JsonNode  *root,
                      GError   **error)
{
  JsonObject *object = _steward_expect_object (root, error);

  return object != NULL ? steward_datastore_group_new_from_json (object) : NULL;
}

gpointer
_steward_parse_operation (JsonNode  *root,
                          GError   **error)
{
  JsonObject *object = _steward_expect_object (root, error);

  return object != NULL ? steward_operation_new_from_json (object) : NULL;
}

gpointer
_steward_parse_connection (JsonNode  *root,
                           GError   **error)
{
  JsonObject *object = _steward_expect_object (root, error);

  return object != NULL ? steward_connection_new_from_json (object) : NULL;
}
