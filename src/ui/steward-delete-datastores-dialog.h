/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_DELETE_DATASTORES_DIALOG (steward_delete_datastores_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardDeleteDatastoresDialog, steward_delete_datastores_dialog, STEWARD,
                      DELETE_DATASTORES_DIALOG, AdwMessageDialog)

StewardDeleteDatastoresDialog *steward_delete_datastores_dialog_new (GtkWindow          *parent,
                                                                     const char * const *names);

G_END_DECLS
