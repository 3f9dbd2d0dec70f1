/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo-token"

#include "steward-demo-token.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* Tokens are shaped like the JWTs real servers issue (header.payload.signature, base64url, an
 * "exp" claim) and signed with HMAC-SHA256 so that a forged or edited token is refused. */

static char *
base64url_encode (const guint8 *data,
                  gsize         len)
{
  g_autofree char *plain = g_base64_encode (data, len);
  GString *out = g_string_new (NULL);

  for (const char *p = plain; *p != '\0'; p++)
    {
      if (*p == '+')
        g_string_append_c (out, '-');
      else if (*p == '/')
        g_string_append_c (out, '_');
      else if (*p != '=')
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static GBytes *
base64url_decode (const char *text,
                  gsize       len)
{
  g_autoptr(GString) plain = g_string_new_len (text, len);
  guchar *data;
  gsize out_len;

  for (gsize i = 0; i < plain->len; i++)
    {
      if (plain->str[i] == '-')
        plain->str[i] = '+';
      else if (plain->str[i] == '_')
        plain->str[i] = '/';
      else if (!g_ascii_isalnum (plain->str[i]))
        return NULL;
    }
  while (plain->len % 4 != 0)
    g_string_append_c (plain, '=');

  data = g_base64_decode (plain->str, &out_len);
  return g_bytes_new_take (data, out_len);
}

static char *
sign (const char *secret,
      const char *signing_input)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  g_hmac_update (hmac, (const guchar *) signing_input, -1);
  g_hmac_get_digest (hmac, digest, &digest_len);
  return base64url_encode (digest, digest_len);
}

char *
steward_demo_token_mint (const char *secret,
                         const char *subject,
                         gint64      expires_unix)
{
  static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *header64 = NULL;
  g_autofree char *payload64 = NULL;
  g_autofree char *signing_input = NULL;
  g_autofree char *signature = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sub");
  json_builder_add_string_value (builder, subject);
  json_builder_set_member_name (builder, "exp");
  json_builder_add_int_value (builder, expires_unix);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  payload = json_to_string (root, FALSE);

  header64 = base64url_encode ((const guint8 *) header, strlen (header));
  payload64 = base64url_encode ((const guint8 *) payload, strlen (payload));
  signing_input = g_strconcat (header64, ".", payload64, NULL);
  signature = sign (secret, signing_input);

  return g_strconcat (signing_input, ".", signature, NULL);
}

gboolean
steward_demo_token_verify (const char  *secret,
                           const char  *token,
                           char       **subject,
                           gint64      *expires_unix)
{
  const char *first_dot;
  const char *second_dot;
  g_autofree char *signing_input = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *claims;

  if (token == NULL ||
      (first_dot = strchr (token, '.')) == NULL ||
      (second_dot = strchr (first_dot + 1, '.')) == NULL ||
      strchr (second_dot + 1, '.') != NULL)
    return FALSE;

  signing_input = g_strndup (token, second_dot - token);
  expected = sign (secret, signing_input);
  if (strcmp (expected, second_dot + 1) != 0)
    return FALSE;

  payload = base64url_decode (first_dot + 1, second_dot - first_dot - 1);
  if (payload == NULL)
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (payload, NULL),
                                   g_bytes_get_size (payload), NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  claims = json_node_get_object (root);
  if (subject != NULL)
    *subject = g_strdup (json_object_get_string_member_with_default (claims, "sub", ""));
  if (expires_unix != NULL)
    *expires_unix = json_object_get_int_member_with_default (claims, "exp", G_MAXINT64);

  return TRUE;
}
