/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-datastore.h"
#include "steward-datastore-group.h"
#include "steward-json-reader.h"

G_BEGIN_DECLS

/* The hot path of listings: read one object straight from the reader (positioned at its value),
 * with the same fields, old names and precedence as the json-glib constructors. Anything but an
 * object is skipped and gives NULL. */
StewardDatastore      *_steward_datastore_read       (StewardJsonReader *reader);
StewardDatastoreGroup *_steward_datastore_group_read (StewardJsonReader *reader);

G_END_DECLS
