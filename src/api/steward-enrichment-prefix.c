/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-enrichment-prefix"

#include <string.h>

#include "steward-enrichment-prefix.h"

/* The server's normalization, for a live preview while typing: snake_case with one leading
 * underscore ("Analytics Bronze" → "_analytics_bronze", "HealthcareProd" → "_healthcare_prod").
 * Accents are folded to ASCII; every run of other characters becomes one underscore; a capital
 * starts a word after a lower-case letter or a digit ("myData"), or ends an acronym when a
 * lower-case letter follows ("HTTPServer" → "_http_server"). The result is cut to
 * STEWARD_ENRICHMENT_PREFIX_MAX characters, as the server stores it. Returns NULL when nothing
 * usable is left. */
char *
steward_enrichment_prefix_normalize (const char *prefix)
{
  g_autofree char *valid = NULL;
  g_autofree char *ascii = NULL;
  g_autoptr(GString) out = NULL;
  gsize length;

  if (prefix == NULL)
    return NULL;

  /* g_str_to_ascii() reads past the end of invalid UTF-8 (fuzz-text found it). */
  if (!g_utf8_validate (prefix, -1, NULL))
    prefix = valid = g_utf8_make_valid (prefix, -1);
  ascii = g_str_to_ascii (prefix, "C");
  length = strlen (ascii);
  out = g_string_new ("_");

  for (gsize i = 0; i < length; i++)
    {
      char c = ascii[i];
      char previous = i > 0 ? ascii[i - 1] : '\0';
      char next = i + 1 < length ? ascii[i + 1] : '\0';
      gboolean after_separator = out->str[out->len - 1] == '_';

      if (!g_ascii_isalnum (c))
        {
          if (!after_separator)
            g_string_append_c (out, '_');
          continue;
        }

      if (g_ascii_isupper (c) && !after_separator &&
          (g_ascii_islower (previous) || g_ascii_isdigit (previous) ||
           (g_ascii_isupper (previous) && g_ascii_islower (next))))
        g_string_append_c (out, '_');

      g_string_append_c (out, g_ascii_tolower (c));
    }

  if (out->len > STEWARD_ENRICHMENT_PREFIX_MAX)
    g_string_truncate (out, STEWARD_ENRICHMENT_PREFIX_MAX);
  while (out->len > 1 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);

  if (out->len == 1)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The prefix the server will store for a datastore named @name: @typed normalized, or, when
 * nothing is typed, the one the server derives from the name (@from_name says which). Returns
 * NULL when neither gives a usable prefix. */
char *
steward_enrichment_prefix_effective (const char *typed,
                                     const char *name,
                                     gboolean   *from_name)
{
  g_autofree char *text = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  gboolean derived = *text == '\0';

  if (from_name != NULL)
    *from_name = derived;
  if (!derived)
    return steward_enrichment_prefix_normalize (text);
  return name != NULL && *name != '\0' ? steward_enrichment_prefix_normalize (name) : NULL;
}
