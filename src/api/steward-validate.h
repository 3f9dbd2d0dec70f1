/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-datastore-request.h"

G_BEGIN_DECLS

#define STEWARD_NAME_MAX                 255
#define STEWARD_DESCRIPTION_MAX          255
#define STEWARD_GROUP_NAME_MAX           100
#define STEWARD_RECORD_LIMIT_MAX         1000000000
#define STEWARD_ROLLUP_THRESHOLD_MAX     1000
#define STEWARD_VALIDATE_BATCH_MAX       50

typedef enum
{
  STEWARD_REQUEST_CREATE,
  STEWARD_REQUEST_UPDATE,
  STEWARD_REQUEST_BULK_NEW_CONNECTION,
  STEWARD_REQUEST_BULK_EXISTING_CONNECTION,
} StewardRequestKind;

gboolean steward_validate_datastore_request (StewardDatastoreRequest  *request,
                                             StewardRequestKind        kind,
                                             GError                  **error);
gboolean steward_validate_group             (const char               *name,
                                             const char               *icon,
                                             gboolean                  name_required,
                                             GError                  **error);
gboolean steward_validate_connection        (JsonObject               *connection,
                                             GError                  **error);
gboolean steward_validate_remediation_strategy (const char            *strategy);

G_END_DECLS
