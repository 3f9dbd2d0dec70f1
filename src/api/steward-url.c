/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-url"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-url.h"

#include <gio/gio.h>
#include <string.h>

static gboolean
is_valid_host (const char *host)
{
  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_hostname_is_ip_address (host))
    return TRUE;
  for (const char *p = host; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;
  return TRUE;
}

/* The vendor CLI's rule, so that a URL copied from its config means the same here: add https://
 * when no scheme is given, drop a trailing "/api", then append "/api/". */
char *
steward_url_normalize_base (const char  *url,
                            GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) path = NULL;
  g_autofree char *lower_scheme = NULL;
  const char *scheme;

  g_return_val_if_fail (url != NULL, NULL);

  trimmed = g_strstrip (g_strdup (url));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, G_URI_ERROR, G_URI_ERROR_FAILED, _("The URL is empty"));
      return NULL;
    }

  if (strstr (trimmed, "://") == NULL)
    with_scheme = g_strconcat ("https://", trimmed, NULL);
  else
    with_scheme = g_steal_pointer (&trimmed);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, error);
  if (uri == NULL)
    return NULL;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME,
                   _("“%s” is not an http or https URL"), scheme);
      return NULL;
    }

  if (!is_valid_host (g_uri_get_host (uri)))
    {
      g_set_error_literal (error, G_URI_ERROR, G_URI_ERROR_BAD_HOST,
                           _("The URL has no valid host name"));
      return NULL;
    }

  path = g_string_new (g_uri_get_path (uri));
  while (path->len > 0 && path->str[path->len - 1] == '/')
    g_string_truncate (path, path->len - 1);
  if (g_str_has_suffix (path->str, "/api"))
    g_string_truncate (path, path->len - strlen ("/api"));
  g_string_append (path, "/api/");

  lower_scheme = g_ascii_strdown (scheme, -1);
  return g_uri_join (G_URI_FLAGS_NONE,
                     lower_scheme,
                     NULL,
                     g_uri_get_host (uri),
                     g_uri_get_port (uri),
                     path->str,
                     NULL,
                     NULL);
}

gboolean
steward_url_is_loopback (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* The vendor web UI's page of a datastore, from the API's base URL: the deployment's address
 * without the "/api" the client adds, then "/datastores/ID" (docs/api.md says where that shape
 * comes from). A query or fragment of the base is not carried over. */
char *
steward_url_datastore_link (const char *base_url,
                            gint64      datastore_id)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) path = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (datastore_id > 0, NULL);

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;

  path = g_string_new (g_uri_get_path (uri));
  while (path->len > 0 && path->str[path->len - 1] == '/')
    g_string_truncate (path, path->len - 1);
  if (g_str_has_suffix (path->str, "/api"))
    g_string_truncate (path, path->len - strlen ("/api"));
  g_string_append_printf (path, "/datastores/%" G_GINT64_FORMAT, datastore_id);

  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), path->str, NULL, NULL);
}
