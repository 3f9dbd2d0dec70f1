/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV writer of the list export: what it writes, and that a reader following RFC 4180 gets
 * back exactly the fields it was given, whatever they hold. */
#include <string.h>

#include "steward-csv.h"
#include "steward-test-csv.h"

static void
test_plain_fields (void)
{
  const char * const header[] = { "Name", "Type", "Containers", NULL };
  const char * const row[] = { "Sales", "PostgreSQL", "12", NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *csv = NULL;

  g_ptr_array_add (rows, (gpointer) header);
  g_ptr_array_add (rows, (gpointer) row);
  csv = steward_csv_format (rows);

  /* Nothing quoted that need not be; CRLF after each record. */
  g_assert_cmpstr (csv, ==, "Name,Type,Containers\r\nSales,PostgreSQL,12\r\n");
}

static void
test_quoting (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  const char * const fields[] = {
    "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", NULL, "plain"
  };

  steward_csv_append_row (csv, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (csv->str, ==,
                   "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,,plain\r\n");
}

/* Names people really give datastores, and worse: each comes back as it was. */
static void
test_round_trip (void)
{
  const char * const header[] = { "Name", "Tags", "Group", NULL };
  const char * const rows_in[][4] = {
    { "Sales, EMEA", "production, sales", "Mission \"Critical\"", NULL },
    { "The \"Gold\" Copy", "", "", NULL },
    { "Multi\nline\r\nname", "a\r", "\"", NULL },
    { "\"\"", ",", "\n", NULL },
    { "Ünïcödé — naïve, “quoted”", " leading and trailing ", "x", NULL },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) parsed = NULL;
  g_autofree char *csv = NULL;

  g_ptr_array_add (rows, (gpointer) header);
  for (guint i = 0; i < G_N_ELEMENTS (rows_in); i++)
    g_ptr_array_add (rows, (gpointer) rows_in[i]);
  csv = steward_csv_format (rows);

  parsed = steward_test_parse_csv (csv);
  g_assert_nonnull (parsed);
  g_assert_cmpuint (parsed->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *expected = g_ptr_array_index (rows, i);
      char **got = g_ptr_array_index (parsed, i);

      g_assert_cmpstrv (got, expected);
    }
}

/* The reader rejects what the rule forbids, so the round trip above proves something. */
static void
test_parser_is_strict (void)
{
  static const char *bad[] = { "a\"b\r\n", "\"a\"b\r\n", "\"open\r\n", "a,b\n", "a,b" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_null (steward_test_parse_csv (bad[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/plain-fields", test_plain_fields);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/parser-is-strict", test_parser_is_strict);

  return g_test_run ();
}
