/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-enrichment-prefix"

#include "steward-enrichment-prefix.h"

/* The server's normalization, for a live preview while typing: snake_case with a leading
 * underscore ("Analytics Bronze" → "_analytics_bronze"). Accents are folded to ASCII, every run
 * of other characters becomes one underscore. Returns NULL when nothing usable is left. */
char *
steward_enrichment_prefix_normalize (const char *prefix)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) out = NULL;
  gboolean pending_separator = FALSE;

  if (prefix == NULL)
    return NULL;

  ascii = g_str_to_ascii (prefix, "C");
  out = g_string_new ("_");

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_separator && out->len > 1)
            g_string_append_c (out, '_');
          g_string_append_c (out, g_ascii_tolower (*p));
          pending_separator = FALSE;
        }
      else
        pending_separator = TRUE;
    }

  if (out->len == 1)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}
