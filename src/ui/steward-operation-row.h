/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_OPERATION_ROW (steward_operation_row_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardOperationRow, steward_operation_row, STEWARD, OPERATION_ROW, AdwActionRow)

GtkWidget        *steward_operation_row_new            (StewardOperation    *operation,
                                                        const char          *datastore_name);
StewardOperation *steward_operation_row_get_operation  (StewardOperationRow *self);
void              steward_operation_row_set_can_abort  (StewardOperationRow *self,
                                                        gboolean             can_abort,
                                                        const char          *why_not);
const char       *steward_operation_type_title         (const char          *type);
const char       *steward_operation_type_icon          (const char          *type);
const char       *steward_operation_result_title       (StewardOperationResult result);
char             *steward_operation_format_duration    (StewardOperation    *operation);

/* Called with the server's words when an abort failed. */
typedef void (*StewardAbortFailed) (GObject    *owner,
                                    const char *message);

void              steward_operation_ask_abort          (GtkWidget           *owner,
                                                        StewardDeployment   *deployment,
                                                        StewardOperation    *operation,
                                                        const char          *datastore_name,
                                                        GCancellable        *cancellable,
                                                        StewardAbortFailed   failed);

G_END_DECLS
