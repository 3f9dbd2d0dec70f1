/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-api-error"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-api-error.h"
#include "steward-json.h"

#include <string.h>

/* An extended error domain, so that a 422 keeps its per-field messages and every error keeps the
 * HTTP status it came from, while callers still see a plain GError. */
typedef struct
{
  guint      http_status;
  GPtrArray *field_errors;
} StewardApiErrorPrivate;

static void
field_error_free (gpointer data)
{
  StewardFieldError *field_error = data;

  g_free (field_error->field);
  g_free (field_error->message);
  g_free (field_error->type);
  g_free (field_error);
}

static void
steward_api_error_private_init (StewardApiErrorPrivate *priv)
{
  priv->http_status = 0;
  priv->field_errors = g_ptr_array_new_with_free_func (field_error_free);
}

static void
steward_api_error_private_copy (const StewardApiErrorPrivate *src,
                                StewardApiErrorPrivate       *dest)
{
  dest->http_status = src->http_status;
  for (guint i = 0; i < src->field_errors->len; i++)
    {
      const StewardFieldError *from = g_ptr_array_index (src->field_errors, i);
      StewardFieldError *to = g_new0 (StewardFieldError, 1);

      to->field = g_strdup (from->field);
      to->message = g_strdup (from->message);
      to->type = g_strdup (from->type);
      g_ptr_array_add (dest->field_errors, to);
    }
}

static void
steward_api_error_private_clear (StewardApiErrorPrivate *priv)
{
  g_clear_pointer (&priv->field_errors, g_ptr_array_unref);
}

G_DEFINE_EXTENDED_ERROR (StewardApiError, steward_api_error)

GError *
steward_api_error_new (StewardApiError  code,
                       guint            http_status,
                       const char      *message)
{
  g_autofree char *valid = NULL;
  GError *error;

  /* Messages are shown: never invalid UTF-8, whatever the server sent. */
  if (message != NULL && !g_utf8_validate (message, -1, NULL))
    message = valid = g_utf8_make_valid (message, -1);
  error = g_error_new_literal (STEWARD_API_ERROR, code, message);

  steward_api_error_get_private (error)->http_status = http_status;
  return error;
}

/* A limit checked before sending: shaped like the server's 422, so one code path marks fields. */
GError *
steward_api_error_new_invalid_field (const char *field,
                                     const char *message)
{
  GError *error = steward_api_error_new (STEWARD_API_ERROR_INVALID, 0, message);

  steward_api_error_add_field_error (error, field, message);
  return error;
}

static void
add_field_error (GError     *error,
                 const char *field,
                 const char *message,
                 const char *type)
{
  StewardApiErrorPrivate *priv = steward_api_error_get_private (error);
  StewardFieldError *field_error = g_new0 (StewardFieldError, 1);

  field_error->field = g_strdup (field);
  field_error->message = g_strdup (message);
  field_error->type = g_strdup (type);
  g_ptr_array_add (priv->field_errors, field_error);
}

void
steward_api_error_add_field_error (GError     *error,
                                   const char *field,
                                   const char *message)
{
  g_return_if_fail (error != NULL && error->domain == STEWARD_API_ERROR);

  add_field_error (error, field, message, NULL);
}

guint
steward_api_error_get_http_status (const GError *error)
{
  if (error == NULL || error->domain != STEWARD_API_ERROR)
    return 0;
  return steward_api_error_get_private (error)->http_status;
}

/* Returns: (transfer none) (element-type StewardFieldError) (nullable) */
GPtrArray *
steward_api_error_get_field_errors (const GError *error)
{
  if (error == NULL || error->domain != STEWARD_API_ERROR)
    return NULL;
  return steward_api_error_get_private (error)->field_errors;
}

const char *
steward_api_error_get_field_message (const GError *error,
                                     const char   *field)
{
  GPtrArray *field_errors = steward_api_error_get_field_errors (error);

  if (field_errors == NULL)
    return NULL;

  for (guint i = 0; i < field_errors->len; i++)
    {
      const StewardFieldError *field_error = g_ptr_array_index (field_errors, i);

      if (g_strcmp0 (field_error->field, field) == 0)
        return field_error->message;
    }

  return NULL;
}

/* Whether a 422 complains that required fields are missing: the sign of a server that wants a
 * full object where the reference documents a partial update. */
gboolean
steward_api_error_has_missing_field (const GError *error)
{
  GPtrArray *field_errors;

  if (!g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID))
    return FALSE;

  field_errors = steward_api_error_get_field_errors (error);
  for (guint i = 0; i < field_errors->len; i++)
    {
      const StewardFieldError *field_error = g_ptr_array_index (field_errors, i);
      g_autofree char *message = g_ascii_strdown (field_error->message ?: "", -1);

      if ((field_error->type != NULL && strstr (field_error->type, "missing") != NULL) ||
          strstr (message, "field required") != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Whether signing in again could fix it. */
gboolean
steward_api_error_is_auth (const GError *error)
{
  return g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TOKEN_EXPIRED);
}

/* Whether the same idempotent request might succeed a moment later. */
gboolean
steward_api_error_is_transient (const GError *error)
{
  guint status;

  if (error == NULL || error->domain != STEWARD_API_ERROR)
    return FALSE;
  if (error->code == STEWARD_API_ERROR_NETWORK)
    return TRUE;

  status = steward_api_error_get_http_status (error);
  return error->code == STEWARD_API_ERROR_SERVER &&
         (status == 502 || status == 503 || status == 504);
}

static StewardApiError
code_for_status (guint status)
{
  switch (status)
    {
    case 400:
      return STEWARD_API_ERROR_BAD_REQUEST;
    case 401:
      return STEWARD_API_ERROR_UNAUTHORIZED;
    case 403:
      return STEWARD_API_ERROR_FORBIDDEN;
    case 404:
      return STEWARD_API_ERROR_NOT_FOUND;
    case 409:
      return STEWARD_API_ERROR_CONFLICT;
    case 422:
      return STEWARD_API_ERROR_INVALID;
    default:
      return status >= 500 ? STEWARD_API_ERROR_SERVER : STEWARD_API_ERROR_BAD_REQUEST;
    }
}

/* "loc": ["body", "connection", "host"] names the field "connection.host". */
static char *
field_from_loc (JsonArray *loc)
{
  g_autoptr(GString) field = g_string_new (NULL);
  guint n = loc != NULL ? json_array_get_length (loc) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *part = json_array_get_element (loc, i);
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (part) && json_node_get_value_type (part) == G_TYPE_STRING)
        text = g_utf8_make_valid (json_node_get_string (part), -1);
      else if (JSON_NODE_HOLDS_VALUE (part) && json_node_get_value_type (part) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (part));
      else
        continue;

      if (i == 0 && (g_str_equal (text, "body") || g_str_equal (text, "query") ||
                     g_str_equal (text, "path")))
        continue;

      if (field->len > 0)
        g_string_append_c (field, '.');
      g_string_append (field, text);
    }

  return field->len > 0 ? g_string_free (g_steal_pointer (&field), FALSE) : NULL;
}

static GError *
error_from_detail_list (StewardApiError  code,
                        guint            status,
                        JsonArray       *details)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  GError *error;

  for (guint i = 0; i < json_array_get_length (details); i++)
    {
      JsonNode *node = json_array_get_element (details, i);
      JsonObject *detail;
      const char *msg;
      char *field;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      detail = json_node_get_object (node);
      msg = steward_json_get_string (detail, "msg");
      if (msg == NULL)
        msg = steward_json_get_string (detail, "message");
      if (msg == NULL)
        continue;

      field = field_from_loc (steward_json_get_array (detail, "loc"));
      if (message->len > 0)
        g_string_append (message, "; ");
      if (field != NULL)
        g_string_append_printf (message, "%s: %s", field, msg);
      else
        g_string_append (message, msg);

      g_ptr_array_add (fields, field);
      g_ptr_array_add (messages, g_strdup (msg));
      g_ptr_array_add (types, g_strdup (steward_json_get_string (detail, "type")));
    }

  if (message->len == 0)
    g_string_append (message, _("The server refused the request"));

  error = steward_api_error_new (code, status, message->str);
  for (guint i = 0; i < fields->len; i++)
    add_field_error (error, g_ptr_array_index (fields, i), g_ptr_array_index (messages, i),
                     g_ptr_array_index (types, i));
  return error;
}

/* Turns a non-2xx answer into an error carrying the server's own words. */
#define MAX_ERROR_BODY_SIZE (64 * 1024)

GError *
steward_api_error_new_from_http (guint       status,
                                 const char *reason,
                                 GBytes     *body)
{
  StewardApiError code = code_for_status (status);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = NULL;
  JsonNode *detail;
  const char *text;

  /* Error bodies are small; a large one is not read as JSON (this runs on the main thread). */
  if (body != NULL && g_bytes_get_size (body) > 0 && g_bytes_get_size (body) <= MAX_ERROR_BODY_SIZE)
    root = steward_json_parse (body, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);

  detail = object != NULL ? json_object_get_member (object, "detail") : NULL;
  if (detail != NULL && JSON_NODE_HOLDS_ARRAY (detail))
    return error_from_detail_list (code, status, json_node_get_array (detail));

  text = steward_json_get_string (object, "detail");
  if (text == NULL)
    text = steward_json_get_string (object, "message");
  if (text != NULL && *text != '\0')
    return steward_api_error_new (code, status, text);

  if (status == 401)
    return steward_api_error_new (code, status, _("The server rejected the token"));

  {
    g_autofree char *fallback = g_strdup_printf (_("The server answered %u %s"), status,
                                                 reason != NULL ? reason : "");
    g_strchomp (fallback);
    return steward_api_error_new (code, status, fallback);
  }
}
