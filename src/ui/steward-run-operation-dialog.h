/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_RUN_OPERATION_DIALOG (steward_run_operation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardRunOperationDialog,
                      steward_run_operation_dialog,
                      STEWARD,
                      RUN_OPERATION_DIALOG,
                      AdwWindow)

StewardRunOperationDialog *steward_run_operation_dialog_new (GtkWindow         *parent,
                                                             StewardDeployment *deployment,
                                                             StewardDatastore  *datastore,
                                                             const char        *type);

G_END_DECLS
