/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"

G_BEGIN_DECLS

typedef enum
{
  STEWARD_CELL_FAVORITE,
  STEWARD_CELL_TYPE,
  STEWARD_CELL_NAME,
  STEWARD_CELL_GROUP,
  STEWARD_CELL_TAGS,
  STEWARD_CELL_CONTAINERS,
  STEWARD_CELL_ANOMALIES,
  STEWARD_CELL_CREATED,
} StewardCellKind;

#define STEWARD_TYPE_DATASTORE_CELL (steward_datastore_cell_get_type ())

G_DECLARE_FINAL_TYPE (StewardDatastoreCell, steward_datastore_cell, STEWARD, DATASTORE_CELL, AdwBin)

GtkWidget        *steward_datastore_cell_new           (StewardCellKind       kind);
StewardDatastore *steward_datastore_cell_get_datastore (StewardDatastoreCell *self);
void              steward_datastore_cell_set_datastore (StewardDatastoreCell *self,
                                                        StewardDatastore     *datastore);

G_END_DECLS
