/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-jwt"

#include <json-glib/json-glib.h>
#include <string.h>

#include "steward-jwt.h"

/* Reads the "exp" claim the way the vendor CLI does: without checking the signature (only the
 * server can), to fail early on a token that has run out. A token that is not a JWT, or a JWT
 * without "exp", never expires. Returns the expiry as Unix time, or G_MAXINT64. */
gint64
steward_jwt_get_expiry (const char *token)
{
  const char *first_dot;
  const char *second_dot;
  g_autoptr(GString) payload = NULL;
  g_autofree guchar *decoded = NULL;
  g_autoptr(JsonParser) parser = NULL;
  gsize decoded_len;
  JsonNode *root;
  JsonNode *exp;

  if (token == NULL ||
      (first_dot = strchr (token, '.')) == NULL ||
      (second_dot = strchr (first_dot + 1, '.')) == NULL)
    return G_MAXINT64;

  payload = g_string_new_len (first_dot + 1, second_dot - first_dot - 1);
  for (gsize i = 0; i < payload->len; i++)
    {
      if (payload->str[i] == '-')
        payload->str[i] = '+';
      else if (payload->str[i] == '_')
        payload->str[i] = '/';
    }
  while (payload->len % 4 != 0)
    g_string_append_c (payload, '=');

  decoded = g_base64_decode (payload->str, &decoded_len);
  if (decoded == NULL || decoded_len == 0)
    return G_MAXINT64;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, (const char *) decoded, decoded_len, NULL))
    return G_MAXINT64;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return G_MAXINT64;

  exp = json_object_get_member (json_node_get_object (root), "exp");
  if (exp == NULL || !JSON_NODE_HOLDS_VALUE (exp))
    return G_MAXINT64;
  if (json_node_get_value_type (exp) == G_TYPE_INT64)
    return json_node_get_int (exp);
  if (json_node_get_value_type (exp) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (exp);

  return G_MAXINT64;
}

gboolean
steward_jwt_is_expired (const char *token,
                        gint64      now_unix)
{
  return steward_jwt_get_expiry (token) <= now_unix;
}
