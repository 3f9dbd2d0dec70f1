/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the API layer's pure helpers: group icons, prefix normalization, name templates,
 * JWT expiry. */
#include <string.h>

#include "steward-api.h"
#include "steward-test-async.h"

static void
test_group_icons_table (void)
{
  static const char *documented[] = {
    "mdi-bookmark-box-outline", "mdi-folder-outline", "mdi-shape-outline", "mdi-chart-box-outline",
    "mdi-flask-outline", "mdi-star-outline", "mdi-texture-box", "mdi-podium-bronze",
    "mdi-podium-silver", "mdi-podium-gold",
  };
  g_autoptr(GHashTable) icon_names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (steward_group_icon_get_count (), ==, G_N_ELEMENTS (documented));

  for (guint i = 0; i < G_N_ELEMENTS (documented); i++)
    {
      const char *icon_name = steward_group_icon_get_icon_name (documented[i]);

      /* The documented order, each valid, each mapped to its own bundled symbolic icon and back. */
      g_assert_cmpstr (steward_group_icon_get_value (i), ==, documented[i]);
      g_assert_true (steward_group_icon_is_valid (documented[i]));
      g_assert_true (g_str_has_prefix (icon_name, "steward-group-"));
      g_assert_true (g_str_has_suffix (icon_name, "-symbolic"));
      g_assert_false (g_hash_table_contains (icon_names, icon_name));
      g_hash_table_add (icon_names, (gpointer) icon_name);
      g_assert_cmpstr (steward_group_icon_from_icon_name (icon_name), ==, documented[i]);
      g_assert_nonnull (steward_group_icon_get_label (documented[i]));
    }

  g_assert_cmpstr (steward_group_icon_get_label ("mdi-podium-gold"), ==, "Gold");
  g_assert_cmpstr (steward_group_icon_get_label ("mdi-bookmark-box-outline"), ==, "Bookmark");
}

static void
test_group_icons_fallback (void)
{
  const char *bookmark = steward_group_icon_get_icon_name (STEWARD_GROUP_ICON_DEFAULT);

  g_assert_false (steward_group_icon_is_valid ("mdi-rocket"));
  g_assert_false (steward_group_icon_is_valid (NULL));
  g_assert_cmpstr (steward_group_icon_get_icon_name ("mdi-rocket"), ==, bookmark);
  g_assert_cmpstr (steward_group_icon_get_icon_name (NULL), ==, bookmark);
  g_assert_cmpstr (steward_group_icon_get_label ("mdi-rocket"), ==, "Bookmark");
  g_assert_cmpstr (steward_group_icon_from_icon_name ("nope"), ==, STEWARD_GROUP_ICON_DEFAULT);
}

/* Typed, or left empty and derived from the name, as the server does. */
static void
test_prefix_effective (void)
{
  gboolean from_name = FALSE;
  g_autofree char *typed =
    steward_enrichment_prefix_effective (" Claims Mirror ", "Claims", &from_name);
  g_autofree char *derived = NULL;
  g_autofree char *unusable = NULL;
  g_autofree char *nameless = NULL;

  g_assert_cmpstr (typed, ==, "_claims_mirror");
  g_assert_false (from_name);

  derived = steward_enrichment_prefix_effective ("  ", "Claims Warehouse", &from_name);
  g_assert_cmpstr (derived, ==, "_claims_warehouse");
  g_assert_true (from_name);

  unusable = steward_enrichment_prefix_effective ("--", "Claims Warehouse", &from_name);
  g_assert_null (unusable);
  g_assert_false (from_name);

  nameless = steward_enrichment_prefix_effective (NULL, NULL, &from_name);
  g_assert_null (nameless);
  g_assert_true (from_name);
}

static void
test_prefix_normalize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Analytics Bronze", "_analytics_bronze" },
    { "_healthcare_prod", "_healthcare_prod" },
    { "_production_sales", "_production_sales" },
    { "  Sales -- Q3 / EMEA  ", "_sales_q3_emea" },
    { "Café Ünïcode", "_cafe_unicode" },
    { "ALLCAPS", "_allcaps" },
    { "a", "_a" },
    /* Words in camel case split as the server splits them. */
    { "HealthcareProd", "_healthcare_prod" },
    { "HTTPServer logs", "_http_server_logs" },
    { "salesV2Beta", "_sales_v2_beta" },
    { "trailing -- ", "_trailing" },
  };
  g_autofree char *long_prefix = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = steward_enrichment_prefix_normalize (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }

  g_assert_null (steward_enrichment_prefix_normalize (""));
  g_assert_null (steward_enrichment_prefix_normalize ("  _-_ "));
  g_assert_null (steward_enrichment_prefix_normalize (NULL));

  /* Cut to what the server stores, without a dangling separator. */
  long_prefix =
      steward_enrichment_prefix_normalize ("abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij "
                                           "abc xyz");
  g_assert_cmpstr (long_prefix, ==, "_abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefghij_abc");
  g_assert_cmpuint (strlen (long_prefix), <=, STEWARD_ENRICHMENT_PREFIX_MAX);
}

static void
test_name_template (void)
{
  g_autofree char *a = steward_name_template_render ("prod_{{ schema }}", "sales", NULL);
  g_autofree char *b = steward_name_template_render ("{{schema}}-{{  schema  }}", "x", NULL);
  g_autofree char *c = steward_name_template_render (NULL, "public", "snowflake_prod");
  g_autofree char *d = steward_name_template_render ("raw {{ table }}", "s", NULL);

  g_assert_cmpstr (a, ==, "prod_sales");
  g_assert_cmpstr (b, ==, "x-x");
  g_assert_cmpstr (c, ==, "snowflake_prod_public");
  g_assert_cmpstr (d, ==, "raw {{ table }}");

  g_assert_true (steward_name_template_is_valid ("prod_{{ schema }}"));
  g_assert_true (steward_name_template_is_valid ("{{schema}}"));
  g_assert_true (steward_name_template_is_valid (STEWARD_NAME_TEMPLATE_DEFAULT));
  g_assert_false (steward_name_template_is_valid ("prod_{schema}"));
  g_assert_false (steward_name_template_is_valid ("prod_{{ schemas }}"));
  g_assert_false (steward_name_template_is_valid (""));
  g_assert_false (steward_name_template_is_valid (NULL));
}

static char *
make_jwt (const char *payload)
{
  g_autofree char *encoded = g_base64_encode ((const guchar *) payload, strlen (payload));

  /* base64url without padding, as JWTs are written. */
  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  for (char *p = encoded + strlen (encoded) - 1; p >= encoded && *p == '='; p--)
    *p = '\0';

  return g_strdup_printf ("eyJhbGciOiJIUzI1NiJ9.%s.c2lnbmF0dXJl", encoded);
}

static void
test_jwt_expiry (void)
{
  g_autofree char *expired = make_jwt ("{\"sub\":\"a\",\"exp\":1000}");
  g_autofree char *valid = make_jwt ("{\"sub\":\"a\",\"exp\":4102444800}");
  g_autofree char *forever = make_jwt ("{\"sub\":\"a\"}");
  g_autofree char *float_exp = make_jwt ("{\"exp\":1500.5}");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (steward_jwt_get_expiry (expired), ==, 1000);
  g_assert_true (steward_jwt_is_expired (expired, now));
  g_assert_cmpint (steward_jwt_get_expiry (valid), ==, 4102444800);
  g_assert_false (steward_jwt_is_expired (valid, now));
  g_assert_cmpint (steward_jwt_get_expiry (forever), ==, G_MAXINT64);
  g_assert_false (steward_jwt_is_expired (forever, now));
  g_assert_cmpint (steward_jwt_get_expiry (float_exp), ==, 1500);

  /* Not a JWT at all: an opaque API token never expires on our side. */
  g_assert_false (steward_jwt_is_expired ("opaque-token", now));
  g_assert_false (steward_jwt_is_expired ("a.%%%.c", now));
  g_assert_false (steward_jwt_is_expired (NULL, now));
}

static gboolean
count_connection_cb (GSocketService     *service,
                     GSocketConnection  *connection,
                     GObject            *source,
                     gpointer            user_data)
{
  guint *count = user_data;

  (*count)++;
  return FALSE;
}

static void
test_client_expired_token_fails_before_sending (void)
{
  g_autofree char *expired = make_jwt ("{\"exp\":1000}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(StewardClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;
  g_autofree char *url = NULL;
  guint connections = 0;
  guint16 port;

  /* A listener that counts connections stands in for a server. */
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (count_connection_cb), &connections);
  g_socket_service_start (service);

  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = steward_client_new (url, &error);
  g_assert_no_error (error);
  steward_client_set_token (client, expired);
  g_assert_cmpint (steward_client_get_token_expiry (client), ==, 1000);

  steward_client_get_current_user_async (client, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);

  user = steward_client_get_current_user_finish (client, result, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_TOKEN_EXPIRED);
  g_assert_true (steward_api_error_is_auth (error));

  /* Let any connection that was (wrongly) opened reach the listener. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (connections, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/helpers/group-icons/table", test_group_icons_table);
  g_test_add_func ("/helpers/group-icons/fallback", test_group_icons_fallback);
  g_test_add_func ("/helpers/enrichment-prefix/normalize", test_prefix_normalize);
  g_test_add_func ("/helpers/enrichment-prefix/effective", test_prefix_effective);
  g_test_add_func ("/helpers/name-template", test_name_template);
  g_test_add_func ("/helpers/jwt/expiry", test_jwt_expiry);
  g_test_add_func ("/helpers/jwt/client-fails-before-sending",
                   test_client_expired_token_fails_before_sending);

  return g_test_run ();
}
