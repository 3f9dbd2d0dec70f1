/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEWARD_ENRICHMENT_PREFIX_MAX 60

char *steward_enrichment_prefix_normalize (const char *prefix);
char *steward_enrichment_prefix_effective (const char *typed,
                                           const char *name,
                                           gboolean   *from_name);

G_END_DECLS
