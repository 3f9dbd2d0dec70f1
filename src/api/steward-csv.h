/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  steward_csv_append_row (GString           *csv,
                              const char * const *fields,
                              gsize               n_fields);
char *steward_csv_format     (GPtrArray         *rows);

G_END_DECLS
