/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-url.h"

static void
test_url_normalize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "acme.qualytics.io", "https://acme.qualytics.io/api/" },
    { "https://acme.qualytics.io", "https://acme.qualytics.io/api/" },
    { "https://acme.qualytics.io/", "https://acme.qualytics.io/api/" },
    { "https://acme.qualytics.io/api", "https://acme.qualytics.io/api/" },
    { "https://acme.qualytics.io/api/", "https://acme.qualytics.io/api/" },
    { "  HTTP://127.0.0.1:8000/api  ", "http://127.0.0.1:8000/api/" },
    { "https://example.com/qualytics/api", "https://example.com/qualytics/api/" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = steward_url_normalize_base (cases[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_url_rejects (void)
{
  static const char *bad[] = { "", "   ", "ftp://example.com", "https://", "http://exa mple.com" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = steward_url_normalize_base (bad[i], &error);

      g_assert_null (out);
      g_assert_nonnull (error);
    }
}

static void
test_url_loopback (void)
{
  g_assert_true (steward_url_is_loopback ("http://127.0.0.1:8000/api/"));
  g_assert_true (steward_url_is_loopback ("http://localhost/api/"));
  g_assert_true (steward_url_is_loopback ("http://[::1]:80/api/"));
  g_assert_false (steward_url_is_loopback ("http://example.com/api/"));
  g_assert_false (steward_url_is_loopback ("http://127.example.com/api/"));
}

static void
test_url_datastore_link (void)
{
  static const struct { const char *base; const char *link; } cases[] = {
    { "https://acme.qualytics.io/api/", "https://acme.qualytics.io/datastores/42" },
    { "http://127.0.0.1:8000/api/", "http://127.0.0.1:8000/datastores/42" },
    { "https://example.com/qualytics/api/", "https://example.com/qualytics/datastores/42" },
    { "https://example.com/qualytics/", "https://example.com/qualytics/datastores/42" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *link = steward_url_datastore_link (cases[i].base, 42);

      g_assert_cmpstr (link, ==, cases[i].link);
    }
  g_assert_null (steward_url_datastore_link ("not a url", 42));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/url/normalize", test_url_normalize);
  g_test_add_func ("/url/rejects", test_url_rejects);
  g_test_add_func ("/url/loopback", test_url_loopback);
  g_test_add_func ("/url/datastore-link", test_url_datastore_link);

  return g_test_run ();
}
