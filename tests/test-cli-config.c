/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "steward-cli-config.h"

/* Each test writes its config.yaml into a fresh directory. */
typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("steward-cli-config-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "config.yaml", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static StewardCliConfig *
load (Fixture     *fixture,
      const char  *contents,
      GError     **error)
{
  g_autoptr(GError) write_error = NULL;

  g_file_set_contents (fixture->path, contents, -1, &write_error);
  g_assert_no_error (write_error);
  return steward_cli_config_load (fixture->path, error);
}

static void
test_valid (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config = NULL;

  config = load (fixture,
                 "url: https://acme.qualytics.io/api\n"
                 "token: eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl\n"
                 "ssl_verify: true\n",
                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (config);
  g_assert_cmpstr (config->url, ==, "https://acme.qualytics.io/api");
  g_assert_cmpstr (config->token, ==, "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");
  g_assert_true (config->ssl_verify);
}

/* PyYAML may quote values, other tools add comments and more keys, in any order. */
static void
test_quoted_and_commented (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config = NULL;

  config = load (fixture,
                 "# Written by qualytics init\n"
                 "ssl_verify: false   # a self-signed test deployment\n"
                 "token: 'abc: with a colon # and no comment'\n"
                 "extra:\n"
                 "  token: not-this-one\n"
                 "  url: https://nested.example.com\n"
                 "url: \"https://test.acme.example:8443\"\n",
                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->url, ==, "https://test.acme.example:8443");
  g_assert_cmpstr (config->token, ==, "abc: with a colon # and no comment");
  g_assert_false (config->ssl_verify);
}

static void
test_ssl_verify_forms (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct { const char *text; gboolean value; } cases[] = {
    { "no", FALSE }, { "False", FALSE }, { "off", FALSE }, { "'false'", FALSE },
    { "yes", TRUE }, { "True", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StewardCliConfig) config = NULL;
      g_autofree char *contents =
          g_strdup_printf ("url: https://a.example\ntoken: t\nssl_verify: %s\n", cases[i].text);

      config = load (fixture, contents, &error);
      g_assert_no_error (error);
      g_assert_cmpint (config->ssl_verify, ==, cases[i].value);
    }
}

/* Without ssl_verify the CLI verifies certificates. */
static void
test_ssl_verify_default (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config = NULL;

  config = load (fixture, "url: https://a.example\ntoken: t\n", &error);
  g_assert_no_error (error);
  g_assert_true (config->ssl_verify);
}

static void
test_ssl_verify_invalid (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config = NULL;

  config = load (fixture, "url: https://a.example\ntoken: t\nssl_verify: sometimes\n", &error);
  g_assert_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED);
  g_assert_null (config);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_nonnull (strstr (error->message, "ssl_verify"));
}

static void
test_missing_token (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *contents[] = {
    "url: https://acme.qualytics.io\nssl_verify: true\n",
    "url: https://acme.qualytics.io\ntoken:\n",
    "url: https://acme.qualytics.io\ntoken: null\n",
    "url: https://acme.qualytics.io\ntoken: [a, b]\n",
    "token: abc\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StewardCliConfig) config = load (fixture, contents[i], &error);

      g_assert_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_INCOMPLETE);
      g_assert_null (config);
    }
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config = load (fixture, "# nothing yet\n", &error);

  g_assert_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_INCOMPLETE);
  g_assert_null (config);
}

/* The error names the line, and reading leaves the file exactly as it was. */
static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *contents = "url: https://acme.qualytics.io\ntoken: abc\n  bad: indent: here\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config = load (fixture, contents, &error);
  g_autofree char *after = NULL;

  g_assert_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED);
  g_assert_null (config);
  g_assert_nonnull (strstr (error->message, "line 3"));

  g_assert_true (g_file_get_contents (fixture->path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
}

static void
test_unterminated_quote (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config =
      load (fixture, "url: https://acme.qualytics.io\ntoken: \"unterminated\nssl_verify: true\n",
            &error);

  g_assert_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED);
  g_assert_null (config);
  g_assert_nonnull (strstr (error->message, "line 4"));
}

static void
test_top_level_list (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config =
    load (fixture, "- url: https://acme.qualytics.io\n- token: abc\n", &error);

  g_assert_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED);
  g_assert_null (config);
  g_assert_nonnull (strstr (error->message, "line 1"));
}

static void
test_top_level_scalar (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config = load (fixture, "just some text\n", &error);

  g_assert_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED);
  g_assert_null (config);
}

/* An alias or a complex key at the top level must not shift keys and values. */
static void
test_aliases_and_complex_keys (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config = NULL;

  config = load (fixture,
                 "base: &base https://anchor.example\n"
                 "mirror: *base\n"
                 "? [complex, key]\n"
                 ": url\n"
                 "url: https://acme.qualytics.io\n"
                 "token: abc\n",
                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->url, ==, "https://acme.qualytics.io");
  g_assert_cmpstr (config->token, ==, "abc");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config =
      steward_cli_config_load ("/nonexistent/steward/config.yaml", &error);

  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_null (config);
}

/* Another user's config, or one they could change, decides nothing. */
static void
test_writable_by_others (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config = NULL;

  g_assert_true (
      g_file_set_contents (fixture->path, "url: https://evil.example\ntoken: t\n", -1, NULL));
  g_assert_cmpint (g_chmod (fixture->path, 0666), ==, 0);
  config = steward_cli_config_load (fixture->path, &error);
  g_assert_null (config);
  g_assert_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "only you can change"));
}

/* Refused at once, not parsed for minutes: too large, or too deeply nested for libyaml. */
static void
test_hostile_sizes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("url: https://a.example\ntoken: t\nx: ");
  g_autoptr(GString) large = g_string_new ("url: https://a.example\ntoken: t\n");
  g_autoptr(GError) deep_error = NULL;
  g_autoptr(GError) large_error = NULL;
  g_autoptr(StewardCliConfig) nested = NULL;
  g_autoptr(StewardCliConfig) big = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 2 * 1024 * 1024 / 2; i++)
    g_string_append (deep, "[{");
  nested = load (fixture, deep->str, &deep_error);
  g_assert_null (nested);
  g_assert_error (deep_error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED);

  for (guint i = 0; i < 20000; i++)
    g_string_append (large, "# a comment line\n");
  big = load (fixture, large->str, &large_error);
  g_assert_null (big);
  g_assert_error (large_error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED);

  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* Nesting within reason still reads. */
static void
test_some_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardCliConfig) config =
      load (fixture, "url: https://a.example\ntoken: t\nx: [[{a: [1]}]]\n", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (config->url, ==, "https://a.example");
}

static void
test_default_path (void)
{
  g_autofree char *expected =
      g_build_filename (g_get_home_dir (), ".qualytics", "config.yaml", NULL);
  g_autofree char *path = steward_cli_config_default_path ();

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli-config/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("valid", test_valid);
  ADD ("quoted-and-commented", test_quoted_and_commented);
  ADD ("ssl-verify-forms", test_ssl_verify_forms);
  ADD ("ssl-verify-default", test_ssl_verify_default);
  ADD ("ssl-verify-invalid", test_ssl_verify_invalid);
  ADD ("missing-token", test_missing_token);
  ADD ("empty", test_empty);
  ADD ("malformed", test_malformed);
  ADD ("unterminated-quote", test_unterminated_quote);
  ADD ("top-level-list", test_top_level_list);
  ADD ("top-level-scalar", test_top_level_scalar);
  ADD ("aliases-and-complex-keys", test_aliases_and_complex_keys);
  ADD ("writable-by-others", test_writable_by_others);
  ADD ("hostile-sizes", test_hostile_sizes);
  ADD ("some-nesting", test_some_nesting);
#undef ADD
  g_test_add_func ("/cli-config/missing-file", test_missing_file);
  g_test_add_func ("/cli-config/default-path", test_default_path);

  return g_test_run ();
}
