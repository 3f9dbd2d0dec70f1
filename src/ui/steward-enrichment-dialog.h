/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ENRICHMENT_DIALOG (steward_enrichment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardEnrichmentDialog, steward_enrichment_dialog, STEWARD, ENRICHMENT_DIALOG, AdwWindow)

StewardEnrichmentDialog *steward_enrichment_dialog_new (GtkWindow               *parent,
                                                        StewardDeployment       *deployment,
                                                        StewardDatastore        *datastore);

StewardDatastore *steward_enrichment_dialog_get_datastore (StewardEnrichmentDialog *self);

G_END_DECLS
