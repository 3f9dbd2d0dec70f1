/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-api.h"
#include "steward-confirm-dialog.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_UNLINK_ENRICHMENT_DIALOG (steward_unlink_enrichment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardUnlinkEnrichmentDialog,
                      steward_unlink_enrichment_dialog,
                      STEWARD,
                      UNLINK_ENRICHMENT_DIALOG,
                      StewardConfirmDialog)

StewardUnlinkEnrichmentDialog *steward_unlink_enrichment_dialog_new (GtkWindow         *parent,
                                                                     StewardDeployment *deployment,
                                                                     StewardDatastore  *datastore);

G_END_DECLS
