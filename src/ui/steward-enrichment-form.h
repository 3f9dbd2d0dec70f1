/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ENRICHMENT_FORM (steward_enrichment_form_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardEnrichmentForm, steward_enrichment_form, STEWARD, ENRICHMENT_FORM, AdwBin)

GtkWidget *steward_enrichment_form_new               (void);
void       steward_enrichment_form_set_source        (StewardEnrichmentForm *self,
                                                      StewardDeployment     *deployment,
                                                      StewardDatastore      *source);
void       steward_enrichment_form_set_sources       (StewardEnrichmentForm *self,
                                                      StewardDeployment     *deployment,
                                                      GPtrArray             *sources);
void       steward_enrichment_form_set_target_suffix (StewardEnrichmentForm *self,
                                                      GtkWidget             *widget);

gint64                   steward_enrichment_form_get_target_id   (StewardEnrichmentForm *self);
const char              *steward_enrichment_form_get_target_name (StewardEnrichmentForm *self);
gboolean                 steward_enrichment_form_is_valid        (StewardEnrichmentForm *self);
StewardDatastoreRequest *steward_enrichment_form_build_settings  (StewardEnrichmentForm *self,
                                                                  StewardDatastore      *datastore);

char *steward_enrichment_form_describe_settings (StewardDatastoreRequest *settings);

void     steward_enrichment_form_show_target_error (StewardEnrichmentForm *self,
                                                    const char            *message);
gboolean steward_enrichment_form_show_field_errors (StewardEnrichmentForm *self,
                                                    const GError          *error);
void     steward_enrichment_form_link_changed      (StewardEnrichmentForm *self);

G_END_DECLS
