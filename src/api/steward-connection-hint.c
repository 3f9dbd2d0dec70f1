/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connection-hint"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steward-connection-hint.h"

/* A failed connection test shows the server's message verbatim, which is the driver's own
 * wording and varies by database; a hint below it says what to check. The words are those the
 * usual JDBC drivers and cloud SDKs use. Authentication comes before permission because MySQL
 * reports a wrong password as "Access denied … (using password: YES)". */
static const struct
{
  StewardConnectionProblem  problem;
  const char               *words[10];
} patterns[] = {
  { STEWARD_CONNECTION_PROBLEM_REFUSED,
    { "refused", "timed out", "timeout", "no route to host", "unreachable", "could not connect",
      "communications link failure", NULL } },
  { STEWARD_CONNECTION_PROBLEM_UNKNOWN_HOST,
    { "unknown host", "unknownhost", "could not resolve", "name or service not known",
      "nodename nor servname", "no such host", "name resolution", "getaddrinfo", NULL } },
  { STEWARD_CONNECTION_PROBLEM_AUTHENTICATION,
    { "authentication", "password", "login failed", "invalid credentials", "invalid username",
      "incorrect username", "signature", "unauthorized", "invalid user", NULL } },
  { STEWARD_CONNECTION_PROBLEM_PERMISSION,
    { "permission", "denied", "not authorized", "privilege", "forbidden", "grant", NULL } },
};

StewardConnectionProblem
steward_connection_problem_from_message (const char *message)
{
  g_autofree char *folded = NULL;

  if (message == NULL)
    return STEWARD_CONNECTION_PROBLEM_UNKNOWN;

  folded = g_utf8_strdown (message, -1);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    for (guint j = 0; patterns[i].words[j] != NULL; j++)
      if (strstr (folded, patterns[i].words[j]) != NULL)
        return patterns[i].problem;

  return STEWARD_CONNECTION_PROBLEM_UNKNOWN;
}

/* Returns: (nullable): what to check, translated; NULL when the cause is not recognized. */
const char *
steward_connection_problem_get_hint (StewardConnectionProblem problem)
{
  switch (problem)
    {
    case STEWARD_CONNECTION_PROBLEM_REFUSED:
      return _("The database could not be reached. Check the host and port, and that a firewall "
               "lets the Qualytics deployment connect to it.");
    case STEWARD_CONNECTION_PROBLEM_UNKNOWN_HOST:
      return _("The host name could not be found. Check its spelling, and that it resolves in DNS "
               "from the Qualytics deployment.");
    case STEWARD_CONNECTION_PROBLEM_AUTHENTICATION:
      return _("The credentials were rejected. Check the user name and password, or the key.");
    case STEWARD_CONNECTION_PROBLEM_PERMISSION:
      return _("The user cannot read this data. Check the grants and roles given to it.");
    case STEWARD_CONNECTION_PROBLEM_UNKNOWN:
    default:
      return NULL;
    }
}
