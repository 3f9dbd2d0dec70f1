/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <math.h>
#include <string.h>

/* Reading a request: its JSON body, typed body fields and query parameters. Every reader records
 * a FastAPI-shaped error ({loc, msg, type}) instead of failing at once, so that one 422 lists all
 * that is wrong, as pydantic does. Handlers read everything, then call _demo_request_failed(). */

/* json-glib's parser recurses once per nesting level; refuse absurd nesting before it does. */
#define MAX_JSON_DEPTH 64

static gboolean
nesting_is_sane (const char *text,
                 gsize       length)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        depth--;
    }

  return TRUE;
}

/* json-glib wraps integers too large for 64 bits around silently, so 99999999999999999999 would
 * read as a small (often negative) number. Such literals are rewritten as floats first, which the
 * integer readers then report as out of range, as pydantic does. NULL when nothing changed. */
static GString *
widen_huge_integers (const char *text,
                     gsize       length)
{
  GString *out = NULL;
  gboolean in_string = FALSE;
  gsize copied = 0;

  for (gsize i = 0; i < length; i++)
    {
      gsize start = i;
      gsize end;

      if (in_string)
        {
          if (text[i] == '\\')
            i++;
          else if (text[i] == '"')
            in_string = FALSE;
          continue;
        }
      if (text[i] == '"')
        {
          in_string = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (text[i]) || (i > 0 && (g_ascii_isalnum (text[i - 1]) ||
                                                    text[i - 1] == '.')))
        continue;

      for (end = start; end < length && g_ascii_isdigit (text[end]); end++)
        ;
      i = end - 1;
      if (end - start <= 18 ||
          (end < length && (text[end] == '.' || text[end] == 'e' || text[end] == 'E')))
        continue;

      if (out == NULL)
        out = g_string_sized_new (length + 8);
      g_string_append_len (out, text + copied, end - copied);
      g_string_append (out, ".0");
      copied = end;
    }

  if (out != NULL)
    g_string_append_len (out, text + copied, length - copied);
  return out;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* The body as a JSON object owned by REQ, or NULL after recording a 422 error. An empty body is
 * an empty object unless REQUIRED. */
JsonObject *
_demo_request_body_object (DemoRequest *req,
                           gboolean     required)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) widened = NULL;
  const char *text = NULL;
  gsize length = 0;

  if (req->body_node != NULL)
    return JSON_NODE_HOLDS_OBJECT (req->body_node) ? json_node_get_object (req->body_node) : NULL;

  if (req->body != NULL)
    text = g_bytes_get_data (req->body, &length);

  if (text == NULL || is_blank (text, length))
    {
      if (required)
        {
          _demo_error_add (req, "body", NULL, "missing", "Field required");
          return NULL;
        }
      req->body_node = json_node_init_object (json_node_alloc (), json_object_new ());
      json_object_unref (json_node_get_object (req->body_node));
      return json_node_get_object (req->body_node);
    }

  parser = json_parser_new_immutable ();
  if (g_utf8_validate (text, length, NULL))
    widened = widen_huge_integers (text, length);
  if (widened != NULL)
    {
      text = widened->str;
      length = widened->len;
    }
  if (!g_utf8_validate (text, length, NULL) ||
      !nesting_is_sane (text, length) ||
      !json_parser_load_from_data (parser, text, length, NULL) ||
      json_parser_get_root (parser) == NULL)
    {
      _demo_error_add (req, "body", NULL, "json_invalid", "JSON decode error");
      return NULL;
    }

  req->body_node = json_node_ref (json_parser_get_root (parser));
  if (!JSON_NODE_HOLDS_OBJECT (req->body_node))
    {
      _demo_error_add (req, "body", NULL, "model_attributes_type",
                       "Input should be a valid dictionary or object to extract fields from");
      return NULL;
    }

  return json_node_get_object (req->body_node);
}

/* The member's node, after handling "absent" and "null" the same way for every type. */
static DemoField
member_node (DemoRequest     *req,
             JsonObject      *object,
             const char      *loc,
             const char      *member,
             DemoFieldFlags   flags,
             const char      *type,
             const char      *type_msg,
             JsonNode       **out)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  *out = node;
  if (node == NULL)
    {
      if ((flags & DEMO_REQUIRED) == 0)
        return DEMO_FIELD_ABSENT;
      _demo_error_add (req, loc, member, "missing", "Field required");
      return DEMO_FIELD_INVALID;
    }

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if ((flags & DEMO_NULLABLE) != 0)
        return DEMO_FIELD_NULL;
      _demo_error_add (req, loc, member, type, "%s", type_msg);
      return DEMO_FIELD_INVALID;
    }

  return DEMO_FIELD_SET;
}

static gboolean
check_length (DemoRequest *req,
              const char  *loc,
              const char  *member,
              const char  *text,
              gsize        min_length,
              gsize        max_length)
{
  glong length;

  /* A JSON escape can still smuggle in a lone surrogate. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      _demo_error_add (req, loc, member, "string_unicode",
                       "Input should be a valid string, unable to parse raw data as a unicode "
                       "string");
      return FALSE;
    }

  length = g_utf8_strlen (text, -1);

  if ((gsize) length < min_length)
    {
      _demo_error_add (req, loc, member, "string_too_short",
                       "String should have at least %" G_GSIZE_FORMAT " character%s",
                       min_length, min_length == 1 ? "" : "s");
      return FALSE;
    }
  if (max_length > 0 && (gsize) length > max_length)
    {
      _demo_error_add (req, loc, member, "string_too_long",
                       "String should have at most %" G_GSIZE_FORMAT " character%s",
                       max_length, max_length == 1 ? "" : "s");
      return FALSE;
    }

  return TRUE;
}

DemoField
_demo_field_string (DemoRequest     *req,
                    JsonObject      *object,
                    const char      *loc,
                    const char      *member,
                    DemoFieldFlags   flags,
                    gsize            min_length,
                    gsize            max_length,
                    const char     **out)
{
  static const char type_msg[] = "Input should be a valid string";
  JsonNode *node;
  DemoField state;

  state = member_node (req, object, loc, member, flags, "string_type", type_msg, &node);
  if (state != DEMO_FIELD_SET)
    return state;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _demo_error_add (req, loc, member, "string_type", type_msg);
      return DEMO_FIELD_INVALID;
    }
  if (!check_length (req, loc, member, json_node_get_string (node), min_length, max_length))
    return DEMO_FIELD_INVALID;

  *out = json_node_get_string (node);
  return DEMO_FIELD_SET;
}

DemoField
_demo_field_int (DemoRequest     *req,
                 JsonObject      *object,
                 const char      *loc,
                 const char      *member,
                 DemoFieldFlags   flags,
                 gint64           min,
                 gint64           max,
                 gint64          *out)
{
  static const char type_msg[] = "Input should be a valid integer";
  JsonNode *node;
  DemoField state;
  GType type;
  gint64 value;

  state = member_node (req, object, loc, member, flags, "int_type", type_msg, &node);
  if (state != DEMO_FIELD_SET)
    return state;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    value = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    {
      double number = json_node_get_double (node);

      if (isfinite (number) && floor (number) != number)
        {
          _demo_error_add (req, loc, member, "int_from_float",
                           "Input should be a valid integer, got a number with a fractional part");
          return DEMO_FIELD_INVALID;
        }
      /* Huge integers arrive as doubles: they are out of any range the API has. */
      if (number >= 9.2e18 || number <= -9.2e18)
        {
          if (number > 0)
            _demo_error_add (req, loc, member, "less_than_equal",
                             "Input should be less than or equal to %" G_GINT64_FORMAT, max);
          else
            _demo_error_add (req, loc, member, "greater_than_equal",
                             "Input should be greater than or equal to %" G_GINT64_FORMAT, min);
          return DEMO_FIELD_INVALID;
        }
      value = (gint64) number;
    }
  else
    {
      _demo_error_add (req, loc, member, "int_type", type_msg);
      return DEMO_FIELD_INVALID;
    }

  if (value < min)
    {
      _demo_error_add (req, loc, member, "greater_than_equal",
                       "Input should be greater than or equal to %" G_GINT64_FORMAT, min);
      return DEMO_FIELD_INVALID;
    }
  if (value > max)
    {
      _demo_error_add (req, loc, member, "less_than_equal",
                       "Input should be less than or equal to %" G_GINT64_FORMAT, max);
      return DEMO_FIELD_INVALID;
    }

  *out = value;
  return DEMO_FIELD_SET;
}

DemoField
_demo_field_bool (DemoRequest     *req,
                  JsonObject      *object,
                  const char      *loc,
                  const char      *member,
                  DemoFieldFlags   flags,
                  gboolean        *out)
{
  static const char type_msg[] = "Input should be a valid boolean";
  JsonNode *node;
  DemoField state;

  state = member_node (req, object, loc, member, flags, "bool_type", type_msg, &node);
  if (state != DEMO_FIELD_SET)
    return state;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      _demo_error_add (req, loc, member, "bool_type", type_msg);
      return DEMO_FIELD_INVALID;
    }

  *out = json_node_get_boolean (node);
  return DEMO_FIELD_SET;
}

static char *
enum_message (const char * const *values)
{
  GString *msg = g_string_new ("Input should be ");

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (msg, values[i + 1] == NULL ? " or " : ", ");
      g_string_append_printf (msg, "'%s'", values[i]);
    }

  return g_string_free (msg, FALSE);
}

DemoField
_demo_field_enum (DemoRequest        *req,
                  JsonObject         *object,
                  const char         *loc,
                  const char         *member,
                  DemoFieldFlags      flags,
                  const char * const *values,
                  const char        **out)
{
  g_autofree char *msg = enum_message (values);
  JsonNode *node;
  DemoField state;
  const char *text;

  state = member_node (req, object, loc, member, flags, "enum", msg, &node);
  if (state != DEMO_FIELD_SET)
    return state;

  text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
  for (guint i = 0; text != NULL && values[i] != NULL; i++)
    {
      if (strcmp (text, values[i]) == 0)
        {
          /* The table's own string: it outlives the request. */
          *out = values[i];
          return DEMO_FIELD_SET;
        }
    }

  _demo_error_add (req, loc, member, "enum", "%s", msg);
  return DEMO_FIELD_INVALID;
}

DemoField
_demo_field_object (DemoRequest     *req,
                    JsonObject      *object,
                    const char      *loc,
                    const char      *member,
                    DemoFieldFlags   flags,
                    JsonObject     **out)
{
  static const char type_msg[] =
    "Input should be a valid dictionary or object to extract fields from";
  JsonNode *node;
  DemoField state;

  state = member_node (req, object, loc, member, flags, "model_attributes_type", type_msg, &node);
  if (state != DEMO_FIELD_SET)
    return state;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _demo_error_add (req, loc, member, "model_attributes_type", type_msg);
      return DEMO_FIELD_INVALID;
    }

  *out = json_node_get_object (node);
  return DEMO_FIELD_SET;
}

/* A list of non-empty strings, duplicates dropped (first one kept), as a new array. */
DemoField
_demo_field_string_list (DemoRequest     *req,
                         JsonObject      *object,
                         const char      *loc,
                         const char      *member,
                         DemoFieldFlags   flags,
                         gsize            max_items,
                         gsize            max_length,
                         GPtrArray      **out)
{
  g_autoptr(GPtrArray) strings = NULL;
  g_autofree char *item_loc = NULL;
  gboolean valid = TRUE;
  JsonNode *node;
  JsonArray *array;
  DemoField state;
  guint length;

  state = member_node (req, object, loc, member, flags, "list_type",
                       "Input should be a valid list", &node);
  if (state != DEMO_FIELD_SET)
    return state;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _demo_error_add (req, loc, member, "list_type", "Input should be a valid list");
      return DEMO_FIELD_INVALID;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (max_items > 0 && length > max_items)
    {
      _demo_error_add (req, loc, member, "too_long",
                       "List should have at most %" G_GSIZE_FORMAT
                       " items after validation, not %u",
                       max_items, length);
      return DEMO_FIELD_INVALID;
    }

  item_loc = g_strconcat (loc, ".", member, NULL);
  strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *index = g_strdup_printf ("%u", i);
      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          _demo_error_add (req, item_loc, index, "string_type", "Input should be a valid string");
          valid = FALSE;
          continue;
        }
      text = json_node_get_string (element);
      if (!check_length (req, item_loc, index, text, 1, max_length))
        {
          valid = FALSE;
          continue;
        }
      if (!g_ptr_array_find_with_equal_func (strings, text, g_str_equal, NULL))
        g_ptr_array_add (strings, g_strdup (text));
    }

  if (!valid)
    return DEMO_FIELD_INVALID;

  *out = g_steal_pointer (&strings);
  return DEMO_FIELD_SET;
}

/* Older servers and payloads use other names for some fields: read whichever is present, the
 * current name first. */
const char *
_demo_field_alias (JsonObject *object,
                   const char *member,
                   const char *old_member)
{
  if (object != NULL && !json_object_has_member (object, member) &&
      json_object_has_member (object, old_member))
    return old_member;
  return member;
}

/* Query parameters */

static void
query_param_free (gpointer data)
{
  DemoQueryParam *param = data;

  g_free (param->key);
  g_free (param->value);
  g_free (param);
}

static char *
query_unescape (const char *text,
                gsize       length)
{
  g_autofree char *plain = g_strndup (text, length);
  char *decoded;

  for (char *p = plain; *p != '\0'; p++)
    if (*p == '+')
      *p = ' ';

  decoded = g_uri_unescape_string (plain, NULL);
  if (decoded == NULL)
    decoded = g_steal_pointer (&plain);
  if (!g_utf8_validate (decoded, -1, NULL))
    {
      char *valid = g_utf8_make_valid (decoded, -1);

      g_free (decoded);
      decoded = valid;
    }

  return decoded;
}

/* The raw query as (key, value) pairs in order: list filters repeat their key (tag=a&tag=b). */
GPtrArray *
_demo_query_parse (const char *raw)
{
  GPtrArray *params = g_ptr_array_new_with_free_func (query_param_free);
  g_auto(GStrv) pairs = NULL;

  if (raw == NULL || *raw == '\0')
    return params;

  pairs = g_strsplit (raw, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');
      DemoQueryParam *param;

      if (pairs[i][0] == '\0')
        continue;

      param = g_new0 (DemoQueryParam, 1);
      if (equals != NULL)
        {
          param->key = query_unescape (pairs[i], equals - pairs[i]);
          param->value = query_unescape (equals + 1, strlen (equals + 1));
        }
      else
        {
          param->key = query_unescape (pairs[i], strlen (pairs[i]));
          param->value = g_strdup ("");
        }
      g_ptr_array_add (params, param);
    }

  return params;
}

/* A scalar parameter given twice counts with its last value, as in Starlette. */
const char *
_demo_query_get (DemoRequest *req,
                 const char  *key)
{
  for (guint i = req->query->len; i > 0; i--)
    {
      DemoQueryParam *param = g_ptr_array_index (req->query, i - 1);

      if (strcmp (param->key, key) == 0)
        return param->value;
    }

  return NULL;
}

/* The values of a repeated parameter, borrowed from REQ. */
GPtrArray *
_demo_query_get_all (DemoRequest *req,
                     const char  *key)
{
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; i < req->query->len; i++)
    {
      DemoQueryParam *param = g_ptr_array_index (req->query, i);

      if (strcmp (param->key, key) == 0)
        g_ptr_array_add (values, param->value);
    }

  return values;
}

static gboolean
parse_query_int (DemoRequest *req,
                 const char  *key,
                 const char  *index,
                 const char  *text,
                 gint64       min,
                 gint64       max,
                 gint64      *out)
{
  g_autofree char *loc = index != NULL ? g_strconcat ("query.", key, NULL) : g_strdup ("query");
  const char *member = index != NULL ? index : key;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 value;

  if (!g_ascii_string_to_signed (trimmed, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      _demo_error_add (req, loc, member, "int_parsing",
                       "Input should be a valid integer, unable to parse string as an integer");
      return FALSE;
    }
  if (value < min)
    {
      _demo_error_add (req, loc, member, "greater_than_equal",
                       "Input should be greater than or equal to %" G_GINT64_FORMAT, min);
      return FALSE;
    }
  if (value > max)
    {
      _demo_error_add (req, loc, member, "less_than_equal",
                       "Input should be less than or equal to %" G_GINT64_FORMAT, max);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* Leaves *INOUT (the default) alone when the parameter is absent. */
gboolean
_demo_query_int (DemoRequest *req,
                 const char  *key,
                 gint64       min,
                 gint64       max,
                 gint64      *inout)
{
  const char *text = _demo_query_get (req, key);

  if (text == NULL)
    return TRUE;
  return parse_query_int (req, key, NULL, text, min, max, inout);
}

gboolean
_demo_query_bool (DemoRequest *req,
                  const char  *key,
                  gboolean    *inout)
{
  static const char *const truthy[] = { "true", "1", "yes", "on", "t", "y", NULL };
  static const char *const falsy[] = { "false", "0", "no", "off", "f", "n", NULL };
  const char *text = _demo_query_get (req, key);
  g_autofree char *lower = NULL;

  if (text == NULL)
    return TRUE;

  lower = g_ascii_strdown (text, -1);
  if (g_strv_contains (truthy, lower))
    *inout = TRUE;
  else if (g_strv_contains (falsy, lower))
    *inout = FALSE;
  else
    {
      _demo_error_add (req, "query", key, "bool_parsing",
                       "Input should be a valid boolean, unable to interpret input");
      return FALSE;
    }

  return TRUE;
}

/* Every value of a repeated integer parameter; errors name the failing index. */
GArray *
_demo_query_int_list (DemoRequest *req,
                      const char  *key)
{
  g_autoptr(GPtrArray) texts = _demo_query_get_all (req, key);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);
      gint64 value;

      if (parse_query_int (req, key, index, g_ptr_array_index (texts, i),
                           G_MININT64, G_MAXINT64, &value))
        g_array_append_val (values, value);
    }

  return values;
}

/* page from 1; size 1–100, default 50. The reference's example says limit: it is read as size
 * when size itself is absent. */
gboolean
_demo_query_pagination (DemoRequest *req,
                        gint64      *page,
                        gint64      *size)
{
  gboolean ok;

  *page = 1;
  *size = 50;
  ok = _demo_query_int (req, "page", 1, G_MAXINT32, page);
  if (_demo_query_get (req, "size") != NULL || _demo_query_get (req, "limit") == NULL)
    ok = _demo_query_int (req, "size", 1, 100, size) && ok;
  else
    ok = _demo_query_int (req, "limit", 1, 100, size) && ok;

  return ok;
}

JsonObject *
_demo_page_envelope (JsonArray *items,
                     guint      total,
                     gint64     page,
                     gint64     size)
{
  JsonObject *envelope = json_object_new ();

  json_object_set_array_member (envelope, "items", items);
  json_object_set_int_member (envelope, "total", total);
  json_object_set_int_member (envelope, "page", page);
  json_object_set_int_member (envelope, "size", size);
  json_object_set_int_member (envelope, "pages", (total + size - 1) / size);

  return envelope;
}
