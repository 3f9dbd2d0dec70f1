/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-permissions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-permissions.h"

/* The reference's permission tables, by action. */
StewardRole
steward_action_get_required_role (StewardAction action)
{
  switch (action)
    {
    case STEWARD_ACTION_DELETE_DATASTORE:
    case STEWARD_ACTION_UNLINK_ENRICHMENT:
      return STEWARD_ROLE_ADMIN;

    case STEWARD_ACTION_CREATE_DATASTORE:
    case STEWARD_ACTION_MANAGE_GROUPS:
    case STEWARD_ACTION_TEST_CONNECTION:
    case STEWARD_ACTION_ONBOARD_SCHEMAS:
    case STEWARD_ACTION_MANAGE_CONNECTIONS:
      return STEWARD_ROLE_MANAGER;

    case STEWARD_ACTION_UPDATE_DATASTORE:
    case STEWARD_ACTION_FAVORITE:
    case STEWARD_ACTION_ASSIGN_GROUP:
    case STEWARD_ACTION_LINK_ENRICHMENT:
    case STEWARD_ACTION_RUN_SYNC:
    default:
      return STEWARD_ROLE_MEMBER;
    }
}

/* Whether the user's role allows the action. An unknown user or role is given the benefit of
 * the doubt: the server decides, and its 403 is shown. */
gboolean
steward_user_can (StewardUser   *user,
                  StewardAction  action)
{
  StewardRole role;

  if (user == NULL)
    return TRUE;

  role = steward_user_get_role (user);
  return role == STEWARD_ROLE_UNKNOWN || role >= steward_action_get_required_role (action);
}

/* For a tooltip on a control the role disables. */
char *
steward_action_explain_denied (StewardAction action)
{
  /* Translators: %s is a role name, such as Manager or Admin. */
  return g_strdup_printf (_("Requires the %s role"),
                          steward_role_get_label (steward_action_get_required_role (action)));
}

/* The text for a 403: what is missing, then the server's own words. */
char *
steward_forbidden_message (StewardAction  action,
                           const GError  *error)
{
  StewardRole role = steward_action_get_required_role (action);

  if (role == STEWARD_ROLE_MEMBER)
    /* Translators: %s is the server's explanation. */
    return g_strdup_printf (_("You need Editor permission on one of this datastore’s teams: %s"),
                            error->message);

  /* Translators: the first %s is a role name, the second the server's explanation. */
  return g_strdup_printf (_("This needs the %s role: %s"), steward_role_get_label (role),
                          error->message);
}
