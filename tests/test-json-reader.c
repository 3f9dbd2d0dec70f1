/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tree-less JSON reader that listings are read with: RFC 8259 strictly, nothing trusted, and
 * datastores read through it equal, field for field, the ones read through json-glib. */
#include <string.h>

#include "steward-api.h"
#include "steward-datastore-private.h"
#include "steward-json-reader.h"

/* Skips the whole document as one value; TRUE when it was valid JSON. */
static gboolean
valid (const char *json)
{
  StewardJsonReader reader;
  gboolean ok;

  steward_json_reader_init (&reader, json, strlen (json));
  steward_json_reader_skip (&reader);
  ok = steward_json_reader_end (&reader);
  steward_json_reader_clear (&reader);
  return ok;
}

static void
test_grammar (void)
{
  static const char *good[] = {
    "{}", "[]", " [ 1 , -2.5e3 , \"x\" , true , false , null , {\"a\" : [ ] } ] ",
    "\"\\u00e9\\n\\\"\\\\\\/\"", "0", "-0", "1E+2", "{\"a\":{\"b\":{\"c\":[[[]]]}}}",
    "\"caf\xc3\xa9\"",
  };
  static const char *bad[] = {
    "", " ", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1 \"b\":2}",
    "\"unterminated", "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "01", "1.", ".5", "-", "1e",
    "tru", "nul", "[1]x", "{} {}", "\"\xff\"", "\"\xc3\"", "[", "{\"a\":", "]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!valid (good[i]))
      g_error ("refused valid JSON %s", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (valid (bad[i]))
      g_error ("accepted invalid JSON “%s”", bad[i]);
}

static void
test_depth_limit (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) shallow = g_string_new (NULL);

  /* 100,000 nested arrays would overflow a recursive parser's stack; this one stops at the
   * limit without recursing at all. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_false (valid (deep->str));

  for (guint i = 0; i < STEWARD_JSON_MAX_DEPTH - 2; i++)
    g_string_append_c (shallow, '[');
  for (guint i = 0; i < STEWARD_JSON_MAX_DEPTH - 2; i++)
    g_string_append_c (shallow, ']');
  g_assert_true (valid (shallow->str));
}

static gboolean
read_int (const char *json,
          gint64     *value)
{
  StewardJsonReader reader;
  gboolean ok;

  steward_json_reader_init (&reader, json, strlen (json));
  ok = steward_json_reader_read_int64 (&reader, value);
  g_assert_true (steward_json_reader_end (&reader));
  return ok;
}

static void
test_numbers (void)
{
  gint64 value;

  g_assert_true (read_int ("9223372036854775807", &value));
  g_assert_cmpint (value, ==, G_MAXINT64);
  g_assert_true (read_int ("-9223372036854775808", &value));
  g_assert_cmpint (value, ==, G_MININT64);
  g_assert_false (read_int ("9223372036854775808", &value));
  g_assert_false (read_int ("-9223372036854775809", &value));
  g_assert_true (read_int ("12.9", &value));
  g_assert_cmpint (value, ==, 12);
  g_assert_true (read_int ("-1e3", &value));
  g_assert_cmpint (value, ==, -1000);
  /* Out of range doubles are refused, not cast (which would be undefined behaviour). */
  g_assert_false (read_int ("1e300", &value));
  g_assert_false (read_int ("-9.3e18", &value));
}

static char *
read_string (const char *json)
{
  StewardJsonReader reader;
  char *value;

  steward_json_reader_init (&reader, json, strlen (json));
  value = steward_json_reader_read_string (&reader);
  steward_json_reader_clear (&reader);
  return value;
}

static void
test_strings (void)
{
  g_autofree char *plain = read_string ("\"plain\"");
  g_autofree char *escaped = read_string ("\"a\\tb\\u00e9\\ud83d\\ude00\"");
  g_autofree char *lone = read_string ("\"x\\ud800y\\udc00\"");
  g_autofree char *nul = read_string ("\"a\\u0000b\"");
  g_autofree char *not_string = read_string ("42");

  g_assert_cmpstr (plain, ==, "plain");
  g_assert_cmpstr (escaped, ==, "a\tb\xc3\xa9\xf0\x9f\x98\x80");
  /* A lone surrogate is no character: it becomes U+FFFD, so the result stays valid UTF-8. */
  g_assert_cmpstr (lone, ==, "x\xef\xbf\xbdy\xef\xbf\xbd");
  g_assert_cmpstr (nul, ==, "a\xef\xbf\xbd" "b");
  g_assert_null (not_string);
}

static void
test_members (void)
{
  static const char json[] = "{\"a\\u0062\": [1, {\"skip\": [null]}], \"n\": 5, \"s\": \"t\"}";
  StewardJsonReader reader;
  const char *name;
  gsize length;
  guint seen = 0;
  gint64 n = 0;

  steward_json_reader_init (&reader, json, strlen (json));
  g_assert_true (steward_json_reader_begin_object (&reader));
  while (steward_json_reader_next_member (&reader, &name, &length))
    {
      if (seen == 0)
        g_assert_true (length == 2 && memcmp (name, "ab", 2) == 0);
      if (length == 1 && name[0] == 'n')
        g_assert_true (steward_json_reader_read_int64 (&reader, &n));
      else
        steward_json_reader_skip (&reader);
      seen++;
    }
  g_assert_cmpuint (seen, ==, 3);
  g_assert_cmpint (n, ==, 5);
  g_assert_true (steward_json_reader_end (&reader));
  steward_json_reader_clear (&reader);
}

/* Datastores as servers send them, in every shape the json-glib path handles. */
static const char *datastores[] = {
  /* The reference's answer, with enrichment and an unknown member. */
  "{\"id\": 42, \"name\": \"Production Sales\", \"type\": \"postgresql\", \"store_type\": \"jdbc\","
  " \"database\": \"production\", \"schema\": \"sales\", \"connected\": true, \"favorite\": false,"
  " \"enrichment_only\": false, \"description\": null,"
  " \"created\": \"2026-03-31T14:30:00.000000Z\", \"updated\": \"2026-03-31T14:30:00.000000Z\","
  " \"connection\": {\"id\": 7, \"name\": \"postgres_production\", \"type\": \"postgresql\"},"
  " \"teams\": [{\"name\": \"Data Platform\"}, {\"name\": \"Analytics\"}],"
  " \"global_tags\": [{\"name\": \"production\"}, {\"name\": \"postgresql\"}],"
  " \"metrics\": {\"containers\": 12, \"records\": 1850000, \"fields_profiled\": 87,"
  "               \"active_checks\": 145, \"active_anomalies\": 3},"
  " \"group\": {\"id\": 1, \"name\": \"Mission Critical\", \"icon\": \"mdi-star-outline\"},"
  " \"enrichment_prefix\": \"_healthcare_prod\", \"enrichment_source_record_limit\": 100,"
  " \"enrichment_remediation_strategy\": \"none\", \"high_count_rollup_threshold\": 10,"
  " \"enrich_datastore\": {\"id\": 100, \"name\": \"Healthcare Enrichment\", \"type\": "
  "\"postgresql\"},"
  " \"some_future_member\": {\"nested\": [1, 2, {\"deep\": null}]}}",
  /* Older servers: enrich_* names, connection_id, plain tag strings, no group member. */
  "{\"id\": 7, \"name\": \"Old\", \"enrich_only\": true, \"enrich_container_prefix\": \"_old\","
  " \"enrich_source_record_limit\": 5, \"enrich_remediation_strategy\": \"append\","
  " \"connection_id\": 3, \"tags\": [\"a\", \"b\"], \"teams\": [\"t\"],"
  " \"enrichment_datastore\": {\"id\": 9, \"name\": \"E\", \"type\": \"s3\"}}",
  /* Null parents: the older flat names win over them. */
  "{\"id\": 8, \"connection\": null, \"connection_id\": 4, \"enrich_datastore\": null,"
  " \"metrics\": null, \"group\": null}",
  /* A parent object outranks the older flat name even when it lacks the child. */
  "{\"id\": 9, \"connection\": {\"name\": \"c\"}, \"connection_id\": 4}",
  /* Types servers should not send: numbers as strings, booleans as numbers, wrong kinds. */
  "{\"id\": \"10\", \"name\": 5, \"connected\": 1, \"favorite\": \"yes\", \"teams\": {},"
  " \"metrics\": {\"containers\": 2.7, \"records\": \"x\", \"active_anomalies\": 1e300},"
  " \"created\": 17, \"group\": [1], \"global_tags\": [null, 3, {\"name\": 4}, {\"name\": "
  "\"ok\"}]}",
  /* Duplicate members: the last wins, as in json-glib. */
  "{\"id\": 11, \"name\": \"first\", \"name\": \"second\"}",
  "{}",
};

static void
assert_same_datastore (StewardDatastore *expected,
                       StewardDatastore *actual,
                       const char       *json)
{
  guint n;
  g_autofree GParamSpec **pspecs =
      g_object_class_list_properties (G_OBJECT_GET_CLASS (expected), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      const char *name = pspecs[i]->name;

      g_object_get_property (G_OBJECT (expected), name, &a);
      g_object_get_property (G_OBJECT (actual), name, &b);
      if (g_param_values_cmp (pspecs[i], &a, &b) != 0 &&
          !(G_VALUE_HOLDS (&a, G_TYPE_STRV) &&
            g_strv_equal (g_value_get_boxed (&a) ? g_value_get_boxed (&a)
                                                 : (const char *[]){ NULL },
                          g_value_get_boxed (&b) ? g_value_get_boxed (&b)
                                                 : (const char *[]){ NULL })) &&
          !(G_VALUE_HOLDS (&a, G_TYPE_DATE_TIME) && g_value_get_boxed (&a) &&
            g_value_get_boxed (&b) &&
            g_date_time_equal (g_value_get_boxed (&a), g_value_get_boxed (&b))) &&
          !(G_VALUE_HOLDS (&a, STEWARD_TYPE_DATASTORE_GROUP) && g_value_get_object (&a) &&
            g_value_get_object (&b) &&
            steward_datastore_group_get_id (g_value_get_object (&a)) ==
                steward_datastore_group_get_id (g_value_get_object (&b)) &&
            g_strcmp0 (steward_datastore_group_get_name (g_value_get_object (&a)),
                       steward_datastore_group_get_name (g_value_get_object (&b))) == 0))
        {
          g_autofree char *want = g_strdup_value_contents (&a);
          g_autofree char *got = g_strdup_value_contents (&b);

          g_error ("%s: property %s is %s through the reader, %s through json-glib", json, name,
                   got, want);
        }

      if (steward_datastore_has_field (expected, name) !=
          steward_datastore_has_field (actual, name))
        g_error ("%s: the reader and json-glib disagree on whether %s was carried", json, name);
    }
}

static void
test_datastores_match_json_glib (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (datastores); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(StewardDatastore) expected = NULL;
      g_autoptr(StewardDatastore) actual = NULL;
      g_autoptr(GError) error = NULL;
      StewardJsonReader reader;

      json_parser_load_from_data (parser, datastores[i], -1, &error);
      g_assert_no_error (error);
      expected =
          steward_datastore_new_from_json (json_node_get_object (json_parser_get_root (parser)));

      steward_json_reader_init (&reader, datastores[i], strlen (datastores[i]));
      actual = _steward_datastore_read (&reader);
      g_assert_true (steward_json_reader_end (&reader));
      steward_json_reader_clear (&reader);
      g_assert_nonnull (actual);

      assert_same_datastore (expected, actual, datastores[i]);
    }
}

static StewardDatastorePage *
page_from (const char  *json,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return steward_datastore_page_new_from_bytes (bytes, error);
}

static void
test_page_envelope (void)
{
  g_autoptr(StewardDatastorePage) page = NULL;
  g_autoptr(StewardDatastorePage) bare = NULL;
  g_autoptr(StewardDatastorePage) lying = NULL;
  g_autoptr(GError) error = NULL;

  page = page_from ("{\"items\": [{\"id\": 1}, 7, {\"id\": 2}], \"total\": 250, \"page\": 2,"
                    " \"size\": 100, \"pages\": 3}", &error);
  g_assert_no_error (error);
  /* An item that is not an object is left out. */
  g_assert_cmpuint (g_list_model_get_n_items (steward_datastore_page_get_items (page)), ==, 2);
  g_assert_cmpuint (steward_datastore_page_get_total (page), ==, 250);
  g_assert_cmpuint (steward_datastore_page_get_page (page), ==, 2);
  g_assert_cmpuint (steward_datastore_page_get_pages (page), ==, 3);

  bare = page_from ("[{\"id\": 1}]", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_datastore_page_get_total (bare), ==, 1);
  g_assert_cmpuint (steward_datastore_page_get_pages (bare), ==, 1);

  /* Counts beyond what a guint holds are capped, not truncated. */
  lying = page_from ("{\"items\": [], \"total\": 99999999999, \"pages\": -4}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_datastore_page_get_total (lying), ==, G_MAXUINT);
  g_assert_cmpuint (steward_datastore_page_get_pages (lying), ==, 1);

  g_assert_null (page_from ("{\"total\": 3}", &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (page_from ("{\"items\": [}", &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (page_from ("<html>", &error));
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/grammar", test_grammar);
  g_test_add_func ("/json-reader/depth-limit", test_depth_limit);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/strings", test_strings);
  g_test_add_func ("/json-reader/members", test_members);
  g_test_add_func ("/json-reader/datastores-match-json-glib", test_datastores_match_json_glib);
  g_test_add_func ("/json-reader/page-envelope", test_page_envelope);

  return g_test_run ();
}
