/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"

G_BEGIN_DECLS

typedef enum
{
  STEWARD_CONNECTION_TESTER_IDLE,
  STEWARD_CONNECTION_TESTER_RUNNING,
  STEWARD_CONNECTION_TESTER_SUCCEEDED,
  STEWARD_CONNECTION_TESTER_FAILED,
} StewardConnectionTesterState;

#define STEWARD_TYPE_CONNECTION_TESTER_STATE (steward_connection_tester_state_get_type ())
GType steward_connection_tester_state_get_type (void) G_GNUC_CONST;

#define STEWARD_TYPE_CONNECTION_TESTER (steward_connection_tester_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardConnectionTester, steward_connection_tester, STEWARD, CONNECTION_TESTER, GtkWidget)

GtkWidget     *steward_connection_tester_new        (void);
StewardClient *steward_connection_tester_get_client (StewardConnectionTester *self);
void           steward_connection_tester_set_client (StewardConnectionTester *self,
                                                     StewardClient           *client);
GtkWidget     *steward_connection_tester_get_button (StewardConnectionTester *self);

StewardConnectionTesterState steward_connection_tester_get_state (StewardConnectionTester *self);
const char                   *steward_connection_tester_get_message (StewardConnectionTester *self);
const char   *steward_connection_tester_get_hint  (StewardConnectionTester *self);
const GError *steward_connection_tester_get_error (StewardConnectionTester *self);
void          steward_connection_tester_start     (StewardConnectionTester *self,
                                                   StewardDatastoreRequest *request);
void steward_connection_tester_start_saved (StewardConnectionTester *self,
                                            gint64                   connection_id,
                                            JsonObject              *overrides);
void                          steward_connection_tester_cancel     (StewardConnectionTester *self);
void                          steward_connection_tester_reset      (StewardConnectionTester *self);

G_END_DECLS
