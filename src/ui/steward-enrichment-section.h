/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-form-section.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ENRICHMENT_SECTION (steward_enrichment_section_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardEnrichmentSection, steward_enrichment_section, STEWARD, ENRICHMENT_SECTION, AdwBin)

GtkWidget  *steward_enrichment_section_new            (void);
void        steward_enrichment_section_set_datastores (StewardEnrichmentSection *self,
                                                       GListModel               *datastores);
void        steward_enrichment_section_set_load_error (StewardEnrichmentSection *self,
                                                       const char               *message);
void        steward_enrichment_section_set_name       (StewardEnrichmentSection *self,
                                                       const char               *name);
gboolean    steward_enrichment_section_get_enabled    (StewardEnrichmentSection *self);
gint64      steward_enrichment_section_get_target_id  (StewardEnrichmentSection *self);
int         steward_enrichment_section_get_record_limit (StewardEnrichmentSection *self);
const char *steward_enrichment_section_get_strategy   (StewardEnrichmentSection *self);
int         steward_enrichment_section_get_rollup     (StewardEnrichmentSection *self);

G_END_DECLS
