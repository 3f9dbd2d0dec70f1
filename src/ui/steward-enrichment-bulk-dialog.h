/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ENRICHMENT_BULK_DIALOG (steward_enrichment_bulk_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardEnrichmentBulkDialog,
                      steward_enrichment_bulk_dialog,
                      STEWARD,
                      ENRICHMENT_BULK_DIALOG,
                      AdwWindow)

StewardEnrichmentBulkDialog *steward_enrichment_bulk_dialog_new (GtkWindow *parent,
                                                                 StewardDeployment *deployment,
                                                                 const gint64 *ids,
                                                                 guint n_ids);

gboolean steward_enrichment_bulk_dialog_get_running (StewardEnrichmentBulkDialog *self);

G_END_DECLS
