/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-drag"

#include "steward-datastore-drag.h"

/* A type of our own, so drops from other applications (text, files) never look like datastores
 * to the sidebar; within the process GTK hands the value over without serializing it. */
struct _StewardDatastoreDrag
{
  GArray *ids;
};

G_DEFINE_BOXED_TYPE (StewardDatastoreDrag, steward_datastore_drag,
                     steward_datastore_drag_copy, steward_datastore_drag_free)

StewardDatastoreDrag *
steward_datastore_drag_new (const gint64 *ids,
                            guint         n_ids)
{
  StewardDatastoreDrag *self = g_new0 (StewardDatastoreDrag, 1);

  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->ids, ids, n_ids);
  return self;
}

StewardDatastoreDrag *
steward_datastore_drag_copy (StewardDatastoreDrag *self)
{
  return steward_datastore_drag_new ((const gint64 *) self->ids->data, self->ids->len);
}

void
steward_datastore_drag_free (StewardDatastoreDrag *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->ids);
  g_free (self);
}

const gint64 *
steward_datastore_drag_get_ids (StewardDatastoreDrag *self,
                                guint                *n_ids)
{
  *n_ids = self->ids->len;
  return (const gint64 *) self->ids->data;
}
