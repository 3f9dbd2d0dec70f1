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

/* Writes the object as JSON in the API's shape (only the fields its answers carried), so that
 * the readers above read back an equal object: what the listing cache is made of. */
void                   _steward_json_write_string     (GString           *out,
                                                       const char        *value);
void                   _steward_datastore_write       (StewardDatastore  *self,
                                                       GString           *out);
void                   _steward_datastore_group_write (StewardDatastoreGroup *self,
                                                       GString           *out);

G_END_DECLS
