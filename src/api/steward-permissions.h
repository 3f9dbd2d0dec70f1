/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-user.h"

G_BEGIN_DECLS

/* The actions whose minimum role the reference documents. Team permissions (Editor on one of the
 * datastore's teams) are checked by the server alone; a 403 still has to be handled. */
typedef enum
{
  STEWARD_ACTION_CREATE_DATASTORE,
  STEWARD_ACTION_UPDATE_DATASTORE,
  STEWARD_ACTION_DELETE_DATASTORE,
  STEWARD_ACTION_FAVORITE,
  STEWARD_ACTION_ASSIGN_GROUP,
  STEWARD_ACTION_MANAGE_GROUPS,
  STEWARD_ACTION_LINK_ENRICHMENT,
  STEWARD_ACTION_UNLINK_ENRICHMENT,
  STEWARD_ACTION_TEST_CONNECTION,
  STEWARD_ACTION_ONBOARD_SCHEMAS,
  STEWARD_ACTION_RUN_SYNC,
  STEWARD_ACTION_MANAGE_CONNECTIONS,
} StewardAction;

StewardRole  steward_action_get_required_role (StewardAction  action);
gboolean     steward_user_can                 (StewardUser   *user,
                                               StewardAction  action);
char        *steward_action_explain_denied    (StewardAction  action);
char        *steward_forbidden_message        (StewardAction  action,
                                               const GError  *error);

G_END_DECLS
