/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-backoff.h"

struct _StewardBackoff
{
  guint            first_ms;
  guint            max_ms;
  guint            next_ms;
  guint            source;
  GSourceOnceFunc  callback;
  gpointer         user_data;
};

StewardBackoff *
steward_backoff_new (guint            first_ms,
                     guint            max_ms,
                     GSourceOnceFunc  callback,
                     gpointer         user_data)
{
  StewardBackoff *self = g_new0 (StewardBackoff, 1);

  self->callback = callback;
  self->user_data = user_data;
  steward_backoff_set_delays (self, first_ms, max_ms);
  return self;
}

void
steward_backoff_set_delays (StewardBackoff *self,
                            guint           first_ms,
                            guint           max_ms)
{
  g_return_if_fail (self != NULL);

  self->first_ms = MAX (first_ms, 1);
  self->max_ms = MAX (max_ms, self->first_ms);
  self->next_ms = self->first_ms;
}

static void
fire_cb (gpointer user_data)
{
  StewardBackoff *self = user_data;

  self->source = 0;
  self->callback (self->user_data);
}

void
steward_backoff_schedule (StewardBackoff *self)
{
  g_return_if_fail (self != NULL);

  if (self->source != 0)
    return;

  self->source = g_timeout_add_once (self->next_ms, fire_cb, self);
  self->next_ms = self->next_ms > self->max_ms / 2 ? self->max_ms : self->next_ms * 2;
}

void
steward_backoff_cancel (StewardBackoff *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->source, g_source_remove);
}

void
steward_backoff_reset (StewardBackoff *self)
{
  steward_backoff_cancel (self);
  self->next_ms = self->first_ms;
}

gboolean
steward_backoff_is_pending (StewardBackoff *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->source != 0;
}

void
steward_backoff_free (StewardBackoff *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->source, g_source_remove);
  g_free (self);
}
