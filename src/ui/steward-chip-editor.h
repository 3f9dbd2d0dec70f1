/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_CHIP_EDITOR (steward_chip_editor_get_type ())

G_DECLARE_FINAL_TYPE (StewardChipEditor, steward_chip_editor, STEWARD, CHIP_EDITOR, GtkWidget)

GtkWidget          *steward_chip_editor_new                  (void);
const char * const *steward_chip_editor_get_values           (StewardChipEditor  *self);
void                steward_chip_editor_set_values           (StewardChipEditor  *self,
                                                              const char * const *values);
gboolean            steward_chip_editor_add_value            (StewardChipEditor  *self,
                                                              const char         *value);
gboolean            steward_chip_editor_remove_value         (StewardChipEditor  *self,
                                                              const char         *value);
gboolean            steward_chip_editor_commit_entry         (StewardChipEditor  *self);
const char         *steward_chip_editor_get_placeholder_text (StewardChipEditor  *self);
void                steward_chip_editor_set_placeholder_text (StewardChipEditor  *self,
                                                              const char         *text);

G_END_DECLS
