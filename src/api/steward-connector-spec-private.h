/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The message context of the built-in table's labels. */
#define STEWARD_CONNECTOR_CONTEXT "connector"

/* Every label of the built-in connector table, marked for translation (gettext cannot read the
 * JSON resource itself). tests/test-connectors.c checks that the table uses no other. */
const char * const *_steward_connector_table_strings (void);

G_END_DECLS
