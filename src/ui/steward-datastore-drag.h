/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a dragged datastore row carries: the ids of the datastores being moved. */
typedef struct _StewardDatastoreDrag StewardDatastoreDrag;

#define STEWARD_TYPE_DATASTORE_DRAG (steward_datastore_drag_get_type ())

GType                 steward_datastore_drag_get_type (void) G_GNUC_CONST;
StewardDatastoreDrag *steward_datastore_drag_new      (const gint64         *ids,
                                                       guint                 n_ids);
StewardDatastoreDrag *steward_datastore_drag_copy     (StewardDatastoreDrag *self);
void                  steward_datastore_drag_free     (StewardDatastoreDrag *self);
const gint64         *steward_datastore_drag_get_ids  (StewardDatastoreDrag *self,
                                                       guint                *n_ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardDatastoreDrag, steward_datastore_drag_free)

G_END_DECLS
