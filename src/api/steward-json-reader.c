/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-json-reader"

#include <math.h>
#include <string.h>

#include "steward-datastore-private.h"
#include "steward-json-reader.h"

/* See the header. The grammar is RFC 8259's. The reader keeps one bit per nesting level for "an
 * item came before, so a comma must", so it needs no allocation beyond the strings it returns. */

#define BIT(depth) (G_GUINT64_CONSTANT (1) << (depth))

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline void
skip_space (StewardJsonReader *reader)
{
  while (reader->pos < reader->end && is_space (*reader->pos))
    reader->pos++;
}

static gboolean
fail (StewardJsonReader *reader)
{
  reader->failed = TRUE;
  reader->pos = reader->end;
  return FALSE;
}

void
steward_json_reader_init (StewardJsonReader *reader,
                          const char        *data,
                          gsize              length)
{
  memset (reader, 0, sizeof *reader);
  reader->pos = data;
  reader->end = data != NULL ? data + length : NULL;
  if (data == NULL)
    reader->failed = TRUE;
}

void
steward_json_reader_clear (StewardJsonReader *reader)
{
  if (reader->scratch != NULL)
    g_string_free (reader->scratch, TRUE);
  reader->scratch = NULL;
}

gboolean
steward_json_reader_failed (StewardJsonReader *reader)
{
  return reader->failed;
}

StewardJsonType
steward_json_reader_peek (StewardJsonReader *reader)
{
  if (reader->failed)
    return STEWARD_JSON_INVALID;

  skip_space (reader);
  if (reader->pos >= reader->end)
    return STEWARD_JSON_INVALID;

  switch (*reader->pos)
    {
    case '{':
      return STEWARD_JSON_OBJECT;
    case '[':
      return STEWARD_JSON_ARRAY;
    case '"':
      return STEWARD_JSON_STRING;
    case 't':
    case 'f':
      return STEWARD_JSON_BOOLEAN;
    case 'n':
      return STEWARD_JSON_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return STEWARD_JSON_NUMBER;
    default:
      return STEWARD_JSON_INVALID;
    }
}

/* Containers */

static gboolean
begin (StewardJsonReader *reader,
       char               open)
{
  if (steward_json_reader_peek (reader) == STEWARD_JSON_INVALID || *reader->pos != open)
    return FALSE;

  if (reader->depth + 1 >= STEWARD_JSON_MAX_DEPTH)
    return fail (reader);

  reader->pos++;
  reader->depth++;
  reader->need_comma &= ~BIT (reader->depth);
  return TRUE;
}

gboolean
steward_json_reader_begin_object (StewardJsonReader *reader)
{
  return begin (reader, '{');
}

gboolean
steward_json_reader_begin_array (StewardJsonReader *reader)
{
  return begin (reader, '[');
}

/* Returns FALSE after consuming @close, TRUE when an item follows (after its comma). */
static gboolean
next_item (StewardJsonReader *reader,
           char               close)
{
  if (reader->failed || reader->depth == 0)
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->end)
    return fail (reader);

  if (*reader->pos == close)
    {
      reader->pos++;
      reader->depth--;
      return FALSE;
    }

  if (reader->need_comma & BIT (reader->depth))
    {
      if (*reader->pos != ',')
        return fail (reader);
      reader->pos++;
      skip_space (reader);
    }
  reader->need_comma |= BIT (reader->depth);
  return TRUE;
}

gboolean
steward_json_reader_next_element (StewardJsonReader *reader)
{
  return next_item (reader, ']');
}

/* Strings */

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *value)
{
  *value = 0;
  if (end - p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return FALSE;
      *value = (*value << 4) | (guint) digit;
    }
  return TRUE;
}

/* Decodes one escape at @p (just after the backslash) into @out; returns the new position. */
static const char *
decode_escape (const char *p,
               const char *end,
               GString    *out)
{
  gunichar c;

  if (p >= end)
    return NULL;

  switch (*p)
    {
    case '"': g_string_append_c (out, '"'); return p + 1;
    case '\\': g_string_append_c (out, '\\'); return p + 1;
    case '/': g_string_append_c (out, '/'); return p + 1;
    case 'b': g_string_append_c (out, '\b'); return p + 1;
    case 'f': g_string_append_c (out, '\f'); return p + 1;
    case 'n': g_string_append_c (out, '\n'); return p + 1;
    case 'r': g_string_append_c (out, '\r'); return p + 1;
    case 't': g_string_append_c (out, '\t'); return p + 1;
    case 'u':
      break;
    default:
      return NULL;
    }

  if (!read_hex4 (p + 1, end, &c))
    return NULL;
  p += 5;

  if (c >= 0xD800 && c <= 0xDBFF)
    {
      gunichar low;

      /* A high surrogate must be followed by an escaped low one; a lone half is not a
       * character, so it becomes U+FFFD rather than invalid UTF-8. */
      if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' && read_hex4 (p + 2, end, &low) &&
          low >= 0xDC00 && low <= 0xDFFF)
        {
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          p += 6;
        }
      else
        c = 0xFFFD;
    }
  else if (c >= 0xDC00 && c <= 0xDFFF)
    c = 0xFFFD;
  else if (c == 0)
    c = 0xFFFD;   /* C strings cannot hold it */

  g_string_append_unichar (out, c);
  return p;
}

/* Reads the string at the reader's position (its opening quote). Without escapes, *raw and
 * *raw_length point into the text; with escapes, the decoded text is in @decoded (which must
 * then be non-NULL) and *raw is NULL. Validates UTF-8; control characters are refused. */
static gboolean
scan_string (StewardJsonReader  *reader,
             GString            *decoded,
             const char        **raw,
             gsize              *raw_length)
{
  const char *p = reader->pos + 1;
  const char *end = reader->end;
  const char *span = p;
  guchar high_bits = 0;
  gboolean escaped = FALSE;

  for (;;)
    {
      guchar c;

      while (p < end && (c = (guchar) *p) != '"' && c != '\\' && c >= 0x20)
        {
          high_bits |= c;
          p++;
        }

      if (p >= end || (guchar) *p < 0x20)
        return fail (reader);

      if ((high_bits & 0x80) != 0 && !g_utf8_validate_len (span, p - span, NULL))
        return fail (reader);
      high_bits = 0;

      if (*p == '"')
        break;

      /* A backslash: switch to decoding. */
      if (decoded == NULL)
        {
          /* Skipping: only check the escape's shape. */
          g_autoptr(GString) sink = g_string_new (NULL);

          p = decode_escape (p + 1, end, sink);
        }
      else
        {
          if (!escaped)
            g_string_truncate (decoded, 0);
          g_string_append_len (decoded, span, p - span);
          p = decode_escape (p + 1, end, decoded);
        }
      if (p == NULL)
        return fail (reader);
      escaped = TRUE;
      span = p;
    }

  if (escaped && decoded != NULL)
    {
      g_string_append_len (decoded, span, p - span);
      *raw = NULL;
      *raw_length = decoded->len;
    }
  else
    {
      *raw = reader->pos + 1;
      *raw_length = p - (reader->pos + 1);
    }

  reader->pos = p + 1;
  return TRUE;
}

gboolean
steward_json_reader_next_member (StewardJsonReader  *reader,
                                 const char        **name,
                                 gsize              *name_length)
{
  const char *raw;
  gsize length;

  if (!next_item (reader, '}'))
    return FALSE;

  if (reader->pos >= reader->end || *reader->pos != '"')
    return fail (reader);

  if (reader->scratch == NULL)
    reader->scratch = g_string_new (NULL);
  if (!scan_string (reader, reader->scratch, &raw, &length))
    return FALSE;

  skip_space (reader);
  if (reader->pos >= reader->end || *reader->pos != ':')
    return fail (reader);
  reader->pos++;

  *name = raw != NULL ? raw : reader->scratch->str;
  *name_length = length;
  return TRUE;
}

char *
steward_json_reader_read_string (StewardJsonReader *reader)
{
  g_autoptr(GString) decoded = NULL;
  const char *raw;
  gsize length;

  if (steward_json_reader_peek (reader) != STEWARD_JSON_STRING)
    {
      steward_json_reader_skip (reader);
      return NULL;
    }

  decoded = g_string_new (NULL);
  if (!scan_string (reader, decoded, &raw, &length))
    return NULL;

  return raw != NULL ? g_strndup (raw, length) : g_string_free (g_steal_pointer (&decoded), FALSE);
}

/* Numbers and literals */

/* Checks the number's grammar; returns where it ends and whether it is a plain integer. */
static const char *
scan_number (const char *p,
             const char *end,
             gboolean   *integer)
{
  *integer = TRUE;

  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;

  if (p < end && *p == '.')
    {
      *integer = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      *integer = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  return p;
}

/* An integer, or a number with a fraction or exponent that lies within gint64 (truncated toward
 * zero, as the servers' own clients do). Anything else is consumed and refused. */
gboolean
steward_json_reader_read_int64 (StewardJsonReader *reader,
                                gint64            *value)
{
  const char *start;
  const char *stop;
  gboolean integer;

  if (steward_json_reader_peek (reader) != STEWARD_JSON_NUMBER)
    {
      steward_json_reader_skip (reader);
      return FALSE;
    }

  start = reader->pos;
  stop = scan_number (start, reader->end, &integer);
  if (stop == NULL)
    return fail (reader);
  reader->pos = stop;

  if (integer)
    {
      gboolean negative = *start == '-';
      guint64 magnitude = 0;
      guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

      for (const char *p = start + negative; p < stop; p++)
        {
          guint digit = (guint) (*p - '0');

          if (magnitude > (limit - digit) / 10)
            return FALSE;
          magnitude = magnitude * 10 + digit;
        }
      *value = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
      return TRUE;
    }
  else
    {
      char buffer[64];
      double number;

      if (stop - start >= (gssize) sizeof buffer)
        return FALSE;
      memcpy (buffer, start, stop - start);
      buffer[stop - start] = '\0';
      number = g_ascii_strtod (buffer, NULL);
      /* -2^63 is exact in a double; 2^63 is the first value out of range. */
      if (!isfinite (number) || number < -9223372036854775808.0 || number >= 9223372036854775808.0)
        return FALSE;
      *value = (gint64) number;
      return TRUE;
    }
}

static gboolean
read_literal (StewardJsonReader *reader,
              const char        *literal)
{
  gsize length = strlen (literal);

  if ((gsize) (reader->end - reader->pos) < length || memcmp (reader->pos, literal, length) != 0)
    return fail (reader);
  reader->pos += length;
  return TRUE;
}

gboolean
steward_json_reader_read_boolean (StewardJsonReader *reader,
                                  gboolean          *value)
{
  if (steward_json_reader_peek (reader) != STEWARD_JSON_BOOLEAN)
    {
      steward_json_reader_skip (reader);
      return FALSE;
    }

  *value = *reader->pos == 't';
  return read_literal (reader, *value ? "true" : "false");
}

/* Skipping */

static gboolean
skip_scalar (StewardJsonReader *reader,
             StewardJsonType    type)
{
  const char *raw;
  gsize length;
  gboolean integer;

  switch (type)
    {
    case STEWARD_JSON_STRING:
      return scan_string (reader, NULL, &raw, &length);
    case STEWARD_JSON_NUMBER:
      reader->pos = scan_number (reader->pos, reader->end, &integer);
      return reader->pos != NULL || fail (reader);
    case STEWARD_JSON_BOOLEAN:
      return read_literal (reader, *reader->pos == 't' ? "true" : "false");
    case STEWARD_JSON_NULL:
      return read_literal (reader, "null");
    case STEWARD_JSON_OBJECT:
    case STEWARD_JSON_ARRAY:
    case STEWARD_JSON_INVALID:
    default:
      return fail (reader);
    }
}

/* Skips one value of any kind, containers included, without recursion. */
void
steward_json_reader_skip (StewardJsonReader *reader)
{
  StewardJsonType type = steward_json_reader_peek (reader);
  guint start = reader->depth;
  guint64 objects = 0;   /* bit d: the level d (relative to start) is an object */

  if (type != STEWARD_JSON_OBJECT && type != STEWARD_JSON_ARRAY)
    {
      skip_scalar (reader, type);
      return;
    }

  do
    {
      gboolean more;

      if (type == STEWARD_JSON_OBJECT || type == STEWARD_JSON_ARRAY)
        {
          if (!begin (reader, type == STEWARD_JSON_OBJECT ? '{' : '['))
            return;
          if (type == STEWARD_JSON_OBJECT)
            objects |= BIT (reader->depth - start);
          else
            objects &= ~BIT (reader->depth - start);
        }
      else if (!skip_scalar (reader, type))
        return;

      /* Close every container that ends here, then step to the next value. */
      for (;;)
        {
          if (reader->depth == start || reader->failed)
            return;

          if (objects & BIT (reader->depth - start))
            {
              const char *name;
              gsize length;

              more = steward_json_reader_next_member (reader, &name, &length);
            }
          else
            more = steward_json_reader_next_element (reader);

          if (more)
            break;
        }

      type = steward_json_reader_peek (reader);
    }
  while (!reader->failed);
}

/* Only white space may follow the top-level value. */
gboolean
steward_json_reader_end (StewardJsonReader *reader)
{
  if (reader->failed)
    return FALSE;

  skip_space (reader);
  if (reader->pos != reader->end || reader->depth != 0)
    return fail (reader);

  return TRUE;
}

/* Writing, for the few places that store JSON of their own (the listing cache). */

void
_steward_json_write_string (GString    *out,
                            const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}
