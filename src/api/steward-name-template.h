/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEWARD_NAME_TEMPLATE_DEFAULT "{connection_name}_{{ schema }}"

gboolean  steward_name_template_is_valid (const char *name_template);
char     *steward_name_template_render   (const char *name_template,
                                          const char *schema,
                                          const char *connection_name);

G_END_DECLS
