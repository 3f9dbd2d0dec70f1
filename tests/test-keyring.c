/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <libsecret/secret.h>

#include "steward-keyring.h"
#include "steward-test-async.h"

/* Runs against the real gnome-keyring that build-aux/headless-run.sh starts, unlocked, inside the
 * test's private D-Bus session. */

#define URL_A "https://keyring-a.example/api/"
#define URL_B "https://keyring-b.example/api/"

static void
store (const char *url,
       const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_keyring_store_async (url, "Keyring test", token, NULL, steward_test_store_result_cb,
                               &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_keyring_store_finish (result, &error));
  g_assert_no_error (error);
}

static char *
lookup (const char *url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  steward_keyring_lookup_async (url, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  token = steward_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);
  return token;
}

static void
clear (const char *url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_keyring_clear_async (url, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_keyring_clear_finish (result, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  char *token;

  store (URL_A, "token-a-1");
  token = lookup (URL_A);
  g_assert_cmpstr (token, ==, "token-a-1");
  steward_keyring_free_token (token);

  /* Storing again replaces, rather than adds. */
  store (URL_A, "token-a-2");
  token = lookup (URL_A);
  g_assert_cmpstr (token, ==, "token-a-2");
  steward_keyring_free_token (token);

  clear (URL_A);
  g_assert_null (lookup (URL_A));

  /* Clearing what is not there is no failure. */
  clear (URL_A);
}

static void
test_urls_kept_apart (void)
{
  char *token;

  store (URL_A, "token-for-a");
  store (URL_B, "token-for-b");

  token = lookup (URL_A);
  g_assert_cmpstr (token, ==, "token-for-a");
  steward_keyring_free_token (token);
  token = lookup (URL_B);
  g_assert_cmpstr (token, ==, "token-for-b");
  steward_keyring_free_token (token);

  clear (URL_A);
  g_assert_null (lookup (URL_A));
  token = lookup (URL_B);
  g_assert_cmpstr (token, ==, "token-for-b");
  steward_keyring_free_token (token);

  clear (URL_B);
  g_assert_null (lookup (URL_B));
  g_assert_null (lookup ("https://never-stored.example/api/"));
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
all_done_cb (gpointer user_data)
{
  return *(guint *) user_data == 4;
}

/* Calls made back to back take effect in order: signing out and straight back in keeps the new
 * token, and two removals of the same token do not trip over each other. */
static void
test_in_order (void)
{
  guint done = 0;
  char *token;

  steward_keyring_store_async (URL_A, "Keyring test", "first", NULL, count_cb, &done);
  steward_keyring_clear_async (URL_A, NULL, count_cb, &done);
  steward_keyring_clear_async (URL_A, NULL, count_cb, &done);
  steward_keyring_store_async (URL_A, "Keyring test", "second", NULL, count_cb, &done);
  g_assert_true (steward_test_wait_until (all_done_cb, &done, STEWARD_TEST_LONG_TIMEOUT_MS));

  token = lookup (URL_A);
  g_assert_cmpstr (token, ==, "second");
  steward_keyring_free_token (token);
  clear (URL_A);
}

/* Steward's schema, written out again so the test checks what is really stored. */
static const SecretSchema token_schema = {
  "io.github.stewardapp.Steward.Token", SECRET_SCHEMA_NONE,
  { { "url", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

/* The item is really in the Secret Service, under Steward's schema, labelled with the profile's
 * name and not the token. */
static void
test_item_in_secret_service (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = secret_attributes_build (&token_schema, "url", URL_A, NULL);
  g_autoptr(SecretValue) value = NULL;
  g_autofree char *label = NULL;
  GList *items;

  store (URL_A, "token-in-service");

  items = secret_service_search_sync (NULL, &token_schema, attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_LOAD_SECRETS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_item_get_label (items->data);
  g_assert_cmpstr (label, ==, "Steward API token for Keyring test");
  value = secret_item_get_secret (items->data);
  g_assert_cmpstr (secret_value_get_text (value), ==, "token-in-service");
  g_list_free_full (items, g_object_unref);

  clear (URL_A);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyring/round-trip", test_round_trip);
  g_test_add_func ("/keyring/urls-kept-apart", test_urls_kept_apart);
  g_test_add_func ("/keyring/item-in-secret-service", test_item_in_secret_service);
  g_test_add_func ("/keyring/in-order", test_in_order);

  return g_test_run ();
}
