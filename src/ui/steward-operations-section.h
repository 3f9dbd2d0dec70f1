/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_OPERATIONS_SECTION (steward_operations_section_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardOperationsSection, steward_operations_section, STEWARD, OPERATIONS_SECTION, GtkBox)

void               steward_operations_section_set_deployment (StewardOperationsSection *self,
                                                              StewardDeployment        *deployment);
StewardDeployment *steward_operations_section_get_deployment (StewardOperationsSection *self);
void               steward_operations_section_set_datastore  (StewardOperationsSection *self,
                                                              StewardDatastore         *datastore);
StewardDatastore  *steward_operations_section_get_datastore  (StewardOperationsSection *self);
GListModel        *steward_operations_section_get_operations (StewardOperationsSection *self);

G_END_DECLS
