/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-form-section.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ORGANIZATION_SECTION (steward_organization_section_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardOrganizationSection, steward_organization_section, STEWARD, ORGANIZATION_SECTION, AdwBin)

GtkWidget *steward_organization_section_new        (void);
void       steward_organization_section_set_groups (StewardOrganizationSection *self,
                                                    GListModel                 *groups);
void                steward_organization_section_commit_entries (StewardOrganizationSection *self);
const char * const *steward_organization_section_get_teams    (StewardOrganizationSection *self);
const char * const *steward_organization_section_get_tags     (StewardOrganizationSection *self);
gint64              steward_organization_section_get_group_id (StewardOrganizationSection *self);
gboolean            steward_organization_section_is_new_group (StewardOrganizationSection *self);

char       *steward_organization_section_dup_new_group_name (StewardOrganizationSection *self);
const char *steward_organization_section_get_new_group_icon (StewardOrganizationSection *self);

G_END_DECLS
