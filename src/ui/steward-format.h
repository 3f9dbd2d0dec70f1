/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *steward_format_connector_type (const char         *type);
char       *steward_format_count          (gint64              value);
char       *steward_format_date           (GDateTime          *date);
char       *steward_format_date_time      (GDateTime          *date);
char       *steward_format_list           (const char * const *items);

gboolean    steward_format_transform_nonempty (GBinding     *binding,
                                               const GValue *from,
                                               GValue       *to,
                                               gpointer      user_data);

G_END_DECLS
