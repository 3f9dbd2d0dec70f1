/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A pull reader over JSON text that builds no tree: the caller walks objects and arrays and
 * takes the values it wants, skipping the rest. It is the hot path for datastore pages, where a
 * json-glib tree costs several times the parse (see README, Performance). Nothing is trusted:
 * nesting deeper than STEWARD_JSON_MAX_DEPTH, invalid UTF-8, bad escapes, numbers out of range
 * and trailing garbage all fail the reader, which then answers every further call with
 * "nothing" so a caller's loops end. */

#define STEWARD_JSON_MAX_DEPTH 64

typedef enum
{
  STEWARD_JSON_INVALID,
  STEWARD_JSON_OBJECT,
  STEWARD_JSON_ARRAY,
  STEWARD_JSON_STRING,
  STEWARD_JSON_NUMBER,
  STEWARD_JSON_BOOLEAN,
  STEWARD_JSON_NULL,
} StewardJsonType;

typedef struct
{
  const char *pos;
  const char *end;
  guint       depth;
  guint64     need_comma;   /* bit d: the container at depth d has had a first item */
  gboolean    failed;
  GString    *scratch;      /* member names with escapes are decoded here */
} StewardJsonReader;

void            steward_json_reader_init          (StewardJsonReader *reader,
                                                   const char        *data,
                                                   gsize              length);
void            steward_json_reader_clear         (StewardJsonReader *reader);
gboolean        steward_json_reader_failed        (StewardJsonReader *reader);
StewardJsonType steward_json_reader_peek          (StewardJsonReader *reader);

gboolean        steward_json_reader_begin_object  (StewardJsonReader *reader);
gboolean        steward_json_reader_next_member   (StewardJsonReader *reader,
                                                   const char       **name,
                                                   gsize             *name_length);
gboolean        steward_json_reader_begin_array   (StewardJsonReader *reader);
gboolean        steward_json_reader_next_element  (StewardJsonReader *reader);

char           *steward_json_reader_read_string   (StewardJsonReader *reader);
gboolean        steward_json_reader_read_int64    (StewardJsonReader *reader,
                                                   gint64            *value);
gboolean        steward_json_reader_read_boolean  (StewardJsonReader *reader,
                                                   gboolean          *value);
void            steward_json_reader_skip          (StewardJsonReader *reader);
gboolean        steward_json_reader_end           (StewardJsonReader *reader);

G_END_DECLS
