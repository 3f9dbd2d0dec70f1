/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-connection-tester.h"
#include "steward-connector-form.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

/* What the editor is opened for: every setting, or the secrets alone (rotating a password). */
typedef enum
{
  STEWARD_CONNECTION_EDITOR_SETTINGS,
  STEWARD_CONNECTION_EDITOR_CREDENTIALS,
} StewardConnectionEditorMode;

#define STEWARD_TYPE_CONNECTION_EDITOR_MODE (steward_connection_editor_mode_get_type ())
GType steward_connection_editor_mode_get_type (void) G_GNUC_CONST;

#define STEWARD_TYPE_CONNECTION_EDITOR (steward_connection_editor_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardConnectionEditor, steward_connection_editor, STEWARD, CONNECTION_EDITOR, AdwWindow)

StewardConnectionEditor *steward_connection_editor_new (GtkWindow                   *parent,
                                                        StewardDeployment           *deployment,
                                                        StewardConnection           *connection,
                                                        StewardConnectionEditorMode  mode);
StewardConnection       *steward_connection_editor_get_connection (StewardConnectionEditor  *self);
StewardConnectorForm    *steward_connection_editor_get_form    (StewardConnectionEditor     *self);
StewardConnectionTester *steward_connection_editor_get_tester  (StewardConnectionEditor     *self);
gboolean                 steward_connection_editor_get_loaded  (StewardConnectionEditor     *self);
gboolean                 steward_connection_editor_get_changed (StewardConnectionEditor     *self);
const char              *steward_connection_editor_get_page    (StewardConnectionEditor     *self);
gboolean                 steward_connection_editor_get_verifying (StewardConnectionEditor   *self);
GtkWidget *steward_connection_editor_get_verify_row (StewardConnectionEditor  *self,
                                                     gint64                       datastore_id);
const char *steward_connection_editor_get_verify_result (StewardConnectionEditor *self,
                                                         gint64                       datastore_id);

G_END_DECLS
