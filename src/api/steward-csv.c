/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-csv"

#include "steward-csv.h"

#include <string.h>

/* Comma-separated values as RFC 4180 writes them, so that a spreadsheet reads back exactly the
 * text it was given: a field holding a comma, a double quote, a CR or an LF is quoted, with each
 * double quote inside doubled; other fields are written as they are. Records end with CRLF. A
 * NULL field is an empty one. */

static void
append_field (GString    *csv,
              const char *field)
{
  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (csv, field);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/* Appends one record of N_FIELDS fields to CSV. */
void
steward_csv_append_row (GString           *csv,
                        const char * const *fields,
                        gsize               n_fields)
{
  g_return_if_fail (csv != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_field (csv, fields[i]);
    }
  g_string_append (csv, "\r\n");
}

/* ROWS holds one GStrv per record, the header first if there is one.
 * Returns: (transfer full): the whole text */
char *
steward_csv_format (GPtrArray *rows)
{
  GString *csv;

  g_return_val_if_fail (rows != NULL, NULL);

  csv = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *fields = g_ptr_array_index (rows, i);

      steward_csv_append_row (csv, fields, fields != NULL ? g_strv_length ((char **) fields) : 0);
    }

  return g_string_free (csv, FALSE);
}
