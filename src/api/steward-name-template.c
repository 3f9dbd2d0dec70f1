/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-name-template"

#include <string.h>

#include "steward-name-template.h"

/* Bulk creation names each datastore from a template: "{{ schema }}" (spaces inside the braces
 * optional, as in Jinja) becomes the schema or root path, and the default template's
 * "{connection_name}" the connection's name. */

static const char *
match_schema_placeholder (const char *p)
{
  if (!g_str_has_prefix (p, "{{"))
    return NULL;

  p += 2;
  while (*p == ' ')
    p++;
  if (!g_str_has_prefix (p, "schema"))
    return NULL;

  p += strlen ("schema");
  while (*p == ' ')
    p++;

  return g_str_has_prefix (p, "}}") ? p + 2 : NULL;
}

gboolean
steward_name_template_is_valid (const char *name_template)
{
  for (const char *p = name_template; p != NULL && *p != '\0'; p++)
    if (match_schema_placeholder (p) != NULL)
      return TRUE;

  return FALSE;
}

char *
steward_name_template_render (const char *name_template,
                              const char *schema,
                              const char *connection_name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = name_template != NULL ? name_template : STEWARD_NAME_TEMPLATE_DEFAULT;

  while (*p != '\0')
    {
      const char *after = match_schema_placeholder (p);

      if (after != NULL)
        {
          g_string_append (out, schema != NULL ? schema : "");
          p = after;
        }
      else if (g_str_has_prefix (p, "{connection_name}"))
        {
          g_string_append (out, connection_name != NULL ? connection_name : "");
          p += strlen ("{connection_name}");
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
