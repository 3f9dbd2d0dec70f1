/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-test-csv.h"

/* A strict RFC 4180 reader, written here so that the writer is checked against the rule rather
 * than against itself. Returns the records, each a GStrv, or NULL when the text breaks the
 * rule (a quote inside an unquoted field, text after a closing quote, an unclosed quote, a
 * record not ended by CRLF).
 * Returns: (transfer full) (nullable) (element-type GStrv): the records */
GPtrArray *
steward_test_parse_csv (const char *text)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; ; p++)
            {
              if (*p == '\0')
                return NULL;
              if (*p == '"')
                {
                  if (p[1] != '"')
                    break;
                  p++;
                }
              g_string_append_c (field, *p);
            }
          p++;
          if (*p != ',' && *p != '\r')
            return NULL;
        }
      else
        {
          for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
            {
              if (*p == '"' || *p == '\n')
                return NULL;
              g_string_append_c (field, *p);
            }
          if (*p == '\0')
            return NULL;
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else
        {
          if (p[1] != '\n')
            return NULL;
          p += 2;
          g_ptr_array_add (fields, NULL);
          /* The array is left empty, for the next record. */
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
        }
    }

  if (fields->len > 0)
    return NULL;
  return g_steal_pointer (&records);
}
