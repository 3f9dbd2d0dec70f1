/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* Replies, and the bodies of the 4xx answers. The texts are the API's own (FastAPI-shaped
 * {"detail": …} bodies), so they are never translated. */

static void
reply_node (DemoRequest *req,
            guint        status,
            JsonNode    *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize length;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

/* A body already written as JSON text; takes @json. */
void
_demo_reply_text (DemoRequest *req,
                  guint        status,
                  char        *json)
{
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_TAKE, json,
                                    strlen (json));
}

void
_demo_reply_object (DemoRequest *req,
                    guint        status,
                    JsonObject  *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  reply_node (req, status, node);
}

void
_demo_reply_array (DemoRequest *req,
                   guint        status,
                   JsonArray   *array)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  reply_node (req, status, node);
}

void
_demo_reply_empty (DemoRequest *req,
                   guint        status)
{
  soup_server_message_set_status (req->msg, status, NULL);
  soup_message_body_truncate (soup_server_message_get_response_body (req->msg));
}

void
_demo_reply_detail (DemoRequest *req,
                    guint        status,
                    const char  *format,
                    ...)
{
  g_autofree char *detail = NULL;
  JsonObject *object = json_object_new ();
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  json_object_set_string_member (object, "detail", detail);
  _demo_reply_object (req, status, object);
}

void
_demo_reply_message (DemoRequest *req,
                     guint        status,
                     const char  *message)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "message", message);
  _demo_reply_object (req, status, object);
}

void
_demo_reply_not_found (DemoRequest *req,
                       DemoKind     kind,
                       const char  *id_text)
{
  static const char *const labels[] = {
    [DEMO_KIND_DATASTORE] = "Datastore",
    [DEMO_KIND_GROUP] = "Datastore group",
    [DEMO_KIND_CONNECTION] = "Connection",
    [DEMO_KIND_OPERATION] = "Operation",
  };

  _demo_reply_detail (req, SOUP_STATUS_NOT_FOUND, "%s id: %s not found", labels[kind], id_text);
}

void
_demo_reply_not_found_id (DemoRequest *req,
                          DemoKind     kind,
                          gint64       id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  _demo_reply_not_found (req, kind, text);
}

void
_demo_reply_role_required (DemoRequest *req,
                           DemoLevel    level)
{
  const char *role = level == DEMO_LEVEL_ADMIN ? "Admin"
                     : level == DEMO_LEVEL_MANAGER ? "Manager" : "Member";

  _demo_reply_detail (req, SOUP_STATUS_FORBIDDEN,
                      "You must have the %s role to perform this action", role);
}

/* Formats team names the way Python prints a list of strings, which is what the real server's
 * message shows: ['Data Platform', 'Analytics']. */
static char *
python_list (GPtrArray *names)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      char quote = strchr (name, '\'') != NULL && strchr (name, '"') == NULL ? '"' : '\'';

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_c (out, quote);
      for (const char *p = name; *p != '\0'; p++)
        {
          if (*p == quote || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, quote);
    }
  g_string_append_c (out, ']');

  return g_string_free (out, FALSE);
}

void
_demo_reply_team_required (DemoRequest   *req,
                           DemoTeamLevel  level,
                           GPtrArray     *teams)
{
  g_autofree char *list = python_list (teams);

  _demo_reply_detail (req, SOUP_STATUS_FORBIDDEN,
                      "You must have %s permission in at least one of these teams: %s",
                      level == DEMO_TEAM_EDITOR ? "editor" : "reporter", list);
}

void
_demo_error_add (DemoRequest *req,
                 const char  *loc,
                 const char  *member,
                 const char  *type,
                 const char  *format,
                 ...)
{
  g_autofree char *path = member != NULL ? g_strconcat (loc, ".", member, NULL) : g_strdup (loc);
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *error = json_object_new ();
  JsonArray *location = json_array_new ();
  g_autofree char *msg = NULL;
  va_list args;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 index;

      /* List indices are numbers in FastAPI's locations: ["body", "tags", 2]. */
      if (g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXINT, &index, NULL))
        json_array_add_int_element (location, (gint64) index);
      else
        json_array_add_string_element (location, parts[i]);
    }

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  json_object_set_array_member (error, "loc", location);
  json_object_set_string_member (error, "msg", msg);
  json_object_set_string_member (error, "type", type);

  if (req->errors == NULL)
    req->errors = json_array_new ();
  json_array_add_object_element (req->errors, error);
}

void
_demo_reply_validation (DemoRequest *req)
{
  JsonObject *object = json_object_new ();

  if (req->errors == NULL)
    req->errors = json_array_new ();
  json_object_set_array_member (object, "detail", json_array_ref (req->errors));
  _demo_reply_object (req, SOUP_STATUS_UNPROCESSABLE_ENTITY, object);
}

/* TRUE, after answering 422, when validation recorded errors. */
gboolean
_demo_request_failed (DemoRequest *req)
{
  if (req->errors == NULL || json_array_get_length (req->errors) == 0)
    return FALSE;

  _demo_reply_validation (req);
  return TRUE;
}

/* The servers' format: microseconds and a Z, "2026-03-31T14:30:00.000000Z". */
char *
_demo_format_time (gint64 unix_us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_us / G_USEC_PER_SEC);
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%06dZ", seconds, (int) (unix_us % G_USEC_PER_SEC));
}

void
_demo_json_set_string (JsonObject *object,
                       const char *member,
                       const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

void
_demo_json_set_time (JsonObject *object,
                     const char *member,
                     gint64      unix_us)
{
  g_autofree char *text = unix_us > 0 ? _demo_format_time (unix_us) : NULL;

  _demo_json_set_string (object, member, text);
}
