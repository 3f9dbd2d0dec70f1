/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The small parsers of text from users, servers and files: JWT expiry, deployment URLs, name
 * templates, enrichment prefixes and the Qualytics CLI's configuration. The first byte picks
 * which; the rest is the text. */
#include <stdint.h>
#include <string.h>

#include "steward-api.h"
#include "steward-cli-config.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;

  if (size < 1)
    return 0;

  text = g_strndup ((const char *) data + 1, size - 1);
  switch (data[0] % 5)
    {
    case 0:
      steward_jwt_get_expiry (text);
      steward_jwt_is_expired (text, 0);
      break;
    case 1:
      {
        g_autofree char *url = steward_url_normalize_base (text, NULL);

        steward_url_is_loopback (text);
        if (url != NULL)
          {
            g_autofree char *again = steward_url_normalize_base (url, NULL);

            if (g_strcmp0 (url, again) != 0)
              g_error ("normalizing is not stable: %s → %s", url, again);
          }
      }
      break;
    case 2:
      {
        /* The template, then after a newline the schema. */
        char *newline = strchr (text, '\n');
        const char *schema = newline != NULL ? newline + 1 : "public";
        g_autofree char *rendered = NULL;

        if (newline != NULL)
          *newline = '\0';
        steward_name_template_is_valid (text);
        rendered = steward_name_template_render (text, schema, "connection");
      }
      break;
    case 3:
      {
        g_autofree char *prefix = steward_enrichment_prefix_normalize (text);

        if (prefix != NULL && strlen (prefix) > 60)
          g_error ("a normalized prefix is longer than 60: %s", prefix);
      }
      break;
    case 4:
    default:
      {
        G_GNUC_UNUSED g_autoptr(StewardCliConfig) config =
            steward_cli_config_parse ((const char *) data + 1, size - 1, NULL);
      }
      break;
    }
  return 0;
}
