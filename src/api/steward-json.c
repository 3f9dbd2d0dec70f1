/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "steward-api-error.h"
#include "steward-json.h"

/* json-glib's parser recurses once per nesting level: 100,000 '[' overflow the stack. Count the
 * nesting first (outside strings) and refuse anything deeper than any answer of the API. */
#define MAX_DEPTH 64

static gboolean
nesting_within_limit (const char *data,
                      gsize       size)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

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
          if (++depth > MAX_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

JsonNode *
steward_json_parse (GBytes  *bytes,
                    GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data == NULL || size == 0)
    {
      g_propagate_error (error, steward_api_error_new (STEWARD_API_ERROR_PARSE, 0,
                                                       _("The server sent an empty answer")));
      return NULL;
    }

  if (!g_utf8_validate (data, size, NULL) || !nesting_within_limit (data, size) ||
      !json_parser_load_from_data (parser, data, size, &local_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_propagate_error (error, steward_api_error_new (STEWARD_API_ERROR_PARSE, 0,
                                                       _("The server sent an answer that is not "
                                                          "valid JSON")));
      return NULL;
    }

  return json_parser_steal_root (parser);
}

gboolean
steward_json_has (JsonObject *object,
                  const char *member)
{
  return object != NULL && json_object_has_member (object, member);
}

static JsonNode *
get_value_node (JsonObject *object,
                const char *member)
{
  JsonNode *node;

  if (object == NULL || member == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

const char *
steward_json_get_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node = get_value_node (object, member);
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  /* json-glib 1.6 reads an escape like "\733" as a byte, which need not be UTF-8: such a string
   * is treated as absent, like one of the wrong type. */
  value = json_node_get_string (node);
  return value != NULL && g_utf8_validate (value, -1, NULL) ? value : NULL;
}

const char *
steward_json_get_string2 (JsonObject *object,
                          const char *member,
                          const char *old_member)
{
  const char *value = steward_json_get_string (object, member);

  return value != NULL ? value : steward_json_get_string (object, old_member);
}

static gboolean
read_int (JsonNode *node,
          gint64   *out)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      /* Casting a double outside gint64 is undefined behaviour: refuse it instead. */
      if (!isfinite (value) || value < -9223372036854775808.0 || value >= 9223372036854775808.0)
        return FALSE;
      *out = (gint64) value;
    }
  else if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      *out = g_ascii_strtoll (text, &end, 10);
      if (end == text || *end != '\0')
        return FALSE;
    }
  else
    return FALSE;

  return TRUE;
}

gint64
steward_json_get_int (JsonObject *object,
                      const char *member,
                      gint64      fallback)
{
  gint64 value;

  return read_int (get_value_node (object, member), &value) ? value : fallback;
}

gint64
steward_json_get_int2 (JsonObject *object,
                       const char *member,
                       const char *old_member,
                       gint64      fallback)
{
  gint64 value;

  if (read_int (get_value_node (object, member), &value) ||
      read_int (get_value_node (object, old_member), &value))
    return value;

  return fallback;
}

static gboolean
read_bool (JsonNode *node,
           gboolean *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    *out = json_node_get_boolean (node);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    *out = json_node_get_int (node) != 0;
  else
    return FALSE;

  return TRUE;
}

gboolean
steward_json_get_bool (JsonObject *object,
                       const char *member,
                       gboolean    fallback)
{
  gboolean value;

  return read_bool (get_value_node (object, member), &value) ? value : fallback;
}

gboolean
steward_json_get_bool2 (JsonObject *object,
                        const char *member,
                        const char *old_member,
                        gboolean    fallback)
{
  gboolean value;

  if (read_bool (get_value_node (object, member), &value) ||
      read_bool (get_value_node (object, old_member), &value))
    return value;

  return fallback;
}

JsonObject *
steward_json_get_object (JsonObject *object,
                         const char *member)
{
  JsonNode *node = get_value_node (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
steward_json_get_array (JsonObject *object,
                        const char *member)
{
  JsonNode *node = get_value_node (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Servers send "2026-03-31T14:30:00.000000Z"; some omit the zone, which means UTC. */
GDateTime *
steward_json_get_datetime (JsonObject *object,
                           const char *member)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text = steward_json_get_string (object, member);

  if (text == NULL || *text == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, utc);
}

/* Teams and tags arrive as [{"name": …}] (global_tags, teams) or as plain strings. */
char **
steward_json_get_name_list (JsonObject *object,
                            const char *member)
{
  JsonArray *array = steward_json_get_array (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        name = steward_json_get_string (json_node_get_object (element), "name");
      else if (JSON_NODE_HOLDS_VALUE (element) &&
               json_node_get_value_type (element) == G_TYPE_STRING)
        name = json_node_get_string (element);

      if (name != NULL)
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

JsonNode *
steward_json_strv_node (const char * const *strv)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  json_node_take_array (node, array);
  return node;
}

char *
steward_json_to_string (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

/* json_node_copy() shares objects and arrays; requests that are changed after copying need a
 * copy of their own. */
JsonNode *
steward_json_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (node == NULL)
    return NULL;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *source = json_node_get_object (node);
        JsonObject *target = json_object_new ();
        JsonObjectIter iter;
        const char *member;
        JsonNode *child;

        json_object_iter_init (&iter, source);
        while (json_object_iter_next (&iter, &member, &child))
          json_object_set_member (target, member, steward_json_deep_copy (child));

        copy = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (copy, target);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        JsonArray *target = json_array_sized_new (json_array_get_length (source));

        for (guint i = 0; i < json_array_get_length (source); i++)
          json_array_add_element (target,
                                  steward_json_deep_copy (json_array_get_element (source, i)));

        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, target);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/* Returns: (transfer full): a node holding a reference to @object */
JsonNode *
steward_json_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return node;
}
