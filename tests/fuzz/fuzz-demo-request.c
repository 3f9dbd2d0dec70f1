/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo server's request readers: a query string and a JSON body, read the way handlers read
 * them (every typed field reader, the pagination and list parameters). The body follows the
 * first newline. */
#include <stdint.h>
#include <string.h>

#include "steward-demo-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *newline = memchr (data, '\n', size);
  gsize query_length = newline != NULL ? (gsize) ((const uint8_t *) newline - data) : size;
  g_autofree char *query = g_strndup ((const char *) data, query_length);
  DemoRequest req = { 0, };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  gint64 page, page_size, number;
  gboolean flag;
  JsonObject *object;

  req.query = _demo_query_parse (query);
  req.body =
      newline != NULL ? g_bytes_new (newline + 1, size - query_length - 1) : g_bytes_new (NULL, 0);

  _demo_query_pagination (&req, &page, &page_size);
  flag = FALSE;
  _demo_query_bool (&req, "enrichment_only", &flag);
  number = 0;
  _demo_query_int (&req, "id", 1, G_MAXINT64, &number);
  ids = _demo_query_int_list (&req, "group");
  tags = _demo_query_get_all (&req, "tag");

  object = _demo_request_body_object (&req, FALSE);
  if (object != NULL)
    {
      static const char * const strategies[] = { "none", "append", "overwrite", NULL };
      g_autoptr(GPtrArray) list = NULL;
      JsonObject *connection = NULL;
      const char *name = NULL;
      const char *strategy = NULL;
      gint64 value = 0;
      gboolean enabled = FALSE;

      _demo_field_string (&req, object, "body", "name", DEMO_REQUIRED, 1, 255, &name);
      _demo_field_int (&req, object, "body", "connection_id", DEMO_NULLABLE, 1, G_MAXINT64, &value);
      _demo_field_bool (&req, object, "body", "trigger_sync", DEMO_OPTIONAL, &enabled);
      _demo_field_enum (&req, object, "body", "enrichment_remediation_strategy", DEMO_OPTIONAL,
                        strategies, &strategy);
      _demo_field_object (&req, object, "body", "connection", DEMO_NULLABLE, &connection);
      _demo_field_string_list (&req, object, "body", "tags", DEMO_OPTIONAL, 100, 255, &list);
      _demo_field_alias (object, "enrichment_prefix", "enrich_container_prefix");
    }

  g_ptr_array_unref (req.query);
  g_bytes_unref (req.body);
  g_clear_pointer (&req.body_node, json_node_unref);
  g_clear_pointer (&req.errors, json_array_unref);
  return 0;
}
