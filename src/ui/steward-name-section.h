/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-form-section.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_NAME_SECTION (steward_name_section_get_type ())

G_DECLARE_FINAL_TYPE (StewardNameSection, steward_name_section, STEWARD, NAME_SECTION, AdwBin)

GtkWidget *steward_name_section_new  (void);
char      *steward_name_section_dup_name (StewardNameSection *self);

G_END_DECLS
