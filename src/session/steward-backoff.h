/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calls a function again after a failure, waiting twice as long each time up to a ceiling, until
 * reset. One pending call at most; nothing runs after free. */
typedef struct _StewardBackoff StewardBackoff;

StewardBackoff *steward_backoff_new        (guint            first_ms,
                                            guint            max_ms,
                                            GSourceOnceFunc  callback,
                                            gpointer         user_data);
void            steward_backoff_set_delays (StewardBackoff  *self,
                                            guint            first_ms,
                                            guint            max_ms);
/* Schedules the next call unless one is pending. */
void            steward_backoff_schedule   (StewardBackoff  *self);
/* Drops the pending call; the next waits as long as it would have. */
void            steward_backoff_cancel     (StewardBackoff  *self);
/* Drops the pending call; the next waits the first delay again. */
void            steward_backoff_reset      (StewardBackoff  *self);
gboolean        steward_backoff_is_pending (StewardBackoff  *self);
void            steward_backoff_free       (StewardBackoff  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardBackoff, steward_backoff_free)

G_END_DECLS
