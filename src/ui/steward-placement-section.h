/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-form-section.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PLACEMENT_SECTION (steward_placement_section_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardPlacementSection, steward_placement_section, STEWARD, PLACEMENT_SECTION, AdwBin)

GtkWidget *steward_placement_section_new     (void);
gboolean   steward_placement_section_get_dfs (StewardPlacementSection *self);
void       steward_placement_section_set_dfs (StewardPlacementSection *self,
                                              gboolean                 dfs);

G_END_DECLS
