/* SPDX-License-Identifier: GPL-3.0-or-later */
/* StewardSession against the demo server over real HTTP, with the real gnome-keyring of the
 * headless harness: signing in (and each stage that can fail), restoring at start-up, switching,
 * signing out, forgetting, and signing in again when the token stops working. */
#include <libsoup/soup.h>
#include <string.h>

#include "steward-keyring.h"
#include "steward-session.h"
#include "steward-sign-in.h"
#include "steward-test-async.h"
#include "steward-test-demo.h"

typedef struct
{
  GSettings       *settings;
  StewardTestDemo *demo;
  StewardSession  *session;
  char            *url;   /* the demo's normalized API URL */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->settings = g_settings_new ("io.github.stewardapp.Steward");
  g_settings_reset (f->settings, "profiles");
  g_settings_reset (f->settings, "current-profile");
  f->demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  f->url = steward_url_normalize_base (steward_demo_server_get_base_url (f->demo->server), NULL);
  f->session = steward_session_new (f->settings);
}

static char *lookup_token (const char *url);
static void clear_token (const char *url);

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  clear_token (f->url);
  g_clear_object (&f->session);
  g_free (f->url);
  steward_test_demo_free (f->demo);
  g_clear_object (&f->settings);
}

static char *
lookup_token (const char *url)
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
clear_token (const char *url)
{
  g_autoptr(GAsyncResult) result = NULL;

  steward_keyring_clear_async (url, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_keyring_clear_finish (result, NULL));
}

static void
assert_token_in_keyring (const char *url,
                         const char *expected)
{
  char *token = lookup_token (url);

  g_assert_cmpstr (token, ==, expected);
  steward_keyring_free_token (token);
}

static gboolean
sign_in (StewardSession       *session,
         StewardProfile       *profile,
         const char           *token,
         StewardTokenStorage   storage,
         GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  steward_session_sign_in_async (session, profile, token, storage, NULL,
                                 steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  return steward_session_sign_in_finish (session, result, error);
}

static gboolean
switch_to (StewardSession  *session,
           const char      *id,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  steward_session_switch_async (session, id, NULL, steward_test_store_result_cb, &result);
  /* Meanwhile the window shows which saved profile it is connecting to. */
  if (steward_session_find_profile (session, id) != NULL)
    {
      g_assert_cmpint (steward_session_get_state (session), ==, STEWARD_SESSION_CONNECTING);
      g_assert_true (steward_session_get_pending_profile (session) ==
                     steward_session_find_profile (session, id));
    }
  steward_test_wait_result (&result);
  g_assert_null (steward_session_get_pending_profile (session));
  return steward_session_switch_finish (session, result, error);
}

static const char *
admin_token (Fixture *f)
{
  return steward_demo_server_get_token (f->demo->server, STEWARD_DEMO_ROLE_ADMIN);
}

static char *
dump_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GString *dump = g_string_new (NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_string_append_printf (dump, "%s=%s\n", keys[i], text);
    }

  return g_string_free (dump, FALSE);
}

static void
test_good_token (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo deployment", f->url);
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  StewardProfile *saved;

  steward_profile_set_environment (profile, STEWARD_ENVIRONMENT_RED);
  g_assert_true (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_assert_no_error (error);

  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_IN);
  g_assert_true (steward_session_get_profile (f->session) == profile);
  g_assert_nonnull (steward_session_get_client (f->session));
  g_assert_cmpstr (steward_client_get_base_url (steward_session_get_client (f->session)), ==,
                   f->url);
  g_assert_cmpint (steward_user_get_role (steward_session_get_user (f->session)), ==,
                   STEWARD_ROLE_ADMIN);
  g_assert_cmpint (steward_session_get_token_storage (f->session), ==, STEWARD_TOKEN_KEYRING);
  g_assert_null (steward_session_get_last_error (f->session));

  /* The profile is saved and current; the token is in the keyring and nowhere in GSettings. */
  g_assert_cmpuint (g_list_model_get_n_items (steward_session_get_profiles (f->session)), ==, 1);
  saved = steward_session_find_profile_by_url (f->session, f->url);
  g_assert_true (saved == profile);
  g_assert_true (steward_session_get_default_profile (f->session) == profile);
  assert_token_in_keyring (f->url, admin_token (f));

  dump = dump_settings (f->settings);
  g_assert_nonnull (strstr (dump, f->url));
  g_assert_nonnull (strstr (dump, "Demo deployment"));
  g_assert_nonnull (strstr (dump, "'red'"));
  g_assert_null (strstr (dump, admin_token (f)));
}

static void
test_member_role (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("As member", f->url);
  g_autoptr(GError) error = NULL;
  StewardUser *user;

  g_assert_true (sign_in (f->session, profile,
                          steward_demo_server_get_token (f->demo->server, STEWARD_DEMO_ROLE_MEMBER),
                          STEWARD_TOKEN_KEYRING, &error));
  user = steward_session_get_user (f->session);
  g_assert_cmpint (steward_user_get_role (user), ==, STEWARD_ROLE_MEMBER);
  g_assert_false (steward_user_can (user, STEWARD_ACTION_MANAGE_GROUPS));
}

/* A failed sign-in leaves everything as it was: nothing saved, nothing in the keyring. */
static void
assert_nothing_kept (Fixture *f)
{
  g_autoptr(GVariant) profiles = g_settings_get_value (f->settings, "profiles");
  char *token = lookup_token (f->url);

  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_OUT);
  g_assert_null (steward_session_get_profile (f->session));
  g_assert_null (steward_session_get_client (f->session));
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 0);
  g_assert_null (token);
}

static void
test_rejected_token (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo", f->url);
  g_autofree char *revoked = g_strdup (steward_demo_server_get_token (f->demo->server,
                                                                      STEWARD_DEMO_ROLE_MANAGER));
  g_autoptr(GError) error = NULL;

  steward_demo_server_revoke_tokens (f->demo->server, STEWARD_DEMO_ROLE_MANAGER);
  g_assert_false (sign_in (f->session, profile, revoked, STEWARD_TOKEN_KEYRING, &error));
  g_assert_error (error, STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_REJECTED_TOKEN);
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me"),
                    ==, 1);
  assert_nothing_kept (f);

  g_clear_error (&error);
  g_assert_false (sign_in (f->session, profile, "not-a-token", STEWARD_TOKEN_KEYRING, &error));
  g_assert_error (error, STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_REJECTED_TOKEN);
  assert_nothing_kept (f);
}

/* An expired token fails before it is sent: the server sees the health check only. */
static void
test_expired_token (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo", f->url);
  g_autoptr(GError) error = NULL;

  g_assert_false (
      sign_in (f->session, profile,
               steward_demo_server_get_token (f->demo->server, STEWARD_DEMO_ROLE_EXPIRED),
               STEWARD_TOKEN_KEYRING, &error));
  g_assert_error (error, STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_EXPIRED_TOKEN);
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/health"), ==,
                    1);
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me"),
                    ==, 0);
  assert_nothing_kept (f);
}

/* A port nothing listens on: bound, then closed again. */
static char *
closed_port_url (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return g_strdup_printf ("http://127.0.0.1:%u", port);
}

static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *url = closed_port_url ();
  g_autoptr(StewardProfile) profile = steward_profile_new ("Nowhere", url);
  g_autoptr(GError) error = NULL;

  g_assert_false (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_assert_error (error, STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_UNREACHABLE);
  assert_nothing_kept (f);
}

static void
not_found_cb (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
  soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                    "<h1>Not Found</h1>", strlen ("<h1>Not Found</h1>"));
}

/* Some other web server: it answers, but /api/health is not there. */
static void
test_not_qualytics (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardProfile) profile = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, not_found_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  profile = steward_profile_new ("Not Qualytics", url);
  g_assert_false (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_assert_error (error, STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_NOT_QUALYTICS);
  assert_nothing_kept (f);
  soup_server_disconnect (server);
}

static void
test_invalid_url (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Bad", "ftp://example.com");
  g_autoptr(GError) error = NULL;

  g_assert_false (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_assert_error (error, STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_INVALID_URL);
}

/* A new session object (Steward started again) finds the token in the keyring. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo", f->url);
  g_autoptr(StewardSession) restarted = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint me_before;

  g_assert_true (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_clear_object (&f->session);

  restarted = steward_session_new (f->settings);
  g_assert_cmpint (steward_session_get_state (restarted), ==, STEWARD_SESSION_SIGNED_OUT);
  me_before = steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me");

  steward_session_restore_async (restarted, NULL, steward_test_store_result_cb, &result);
  g_assert_cmpint (steward_session_get_state (restarted), ==, STEWARD_SESSION_CONNECTING);
  g_assert_cmpstr (steward_profile_get_id (steward_session_get_pending_profile (restarted)), ==,
                   steward_profile_get_id (profile));
  steward_test_wait_result (&result);
  g_assert_true (steward_session_restore_finish (restarted, result, &error));
  g_assert_no_error (error);

  g_assert_cmpint (steward_session_get_state (restarted), ==, STEWARD_SESSION_SIGNED_IN);
  g_assert_cmpstr (steward_profile_get_id (steward_session_get_profile (restarted)), ==,
                   steward_profile_get_id (profile));
  g_assert_cmpint (steward_user_get_role (steward_session_get_user (restarted)), ==,
                   STEWARD_ROLE_ADMIN);
  g_assert_null (steward_session_get_pending_profile (restarted));
  /* The stored token was checked with the deployment again. */
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me"),
                    ==, me_before + 1);
}

static void
test_restore_nothing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_session_restore_async (f->session, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_false (steward_session_restore_finish (f->session, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_OUT);
}

/* Without a stored token there is nothing to show: the user signs in. With a deployment that
 * no longer answers, the signed-out page has something to say. */
static void
test_restore_failures (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo", f->url);
  g_autoptr(StewardSession) restarted = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_clear_object (&f->session);

  clear_token (f->url);
  restarted = steward_session_new (f->settings);
  steward_session_restore_async (restarted, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_false (steward_session_restore_finish (restarted, result, &error));
  g_assert_error (error, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN);
  g_assert_cmpint (steward_session_get_state (restarted), ==, STEWARD_SESSION_SIGNED_OUT);
  g_assert_null (steward_session_get_last_error (restarted));
  g_clear_error (&error);
  g_clear_object (&result);
  g_clear_object (&restarted);

  /* The token is back, but the server has gone. */
  restarted = steward_session_new (f->settings);
  g_assert_true (sign_in (restarted, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_clear_object (&restarted);
  steward_demo_server_stop (f->demo->server);

  restarted = steward_session_new (f->settings);
  steward_session_restore_async (restarted, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_false (steward_session_restore_finish (restarted, result, &error));
  g_assert_error (error, STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_UNREACHABLE);
  g_assert_cmpint (steward_session_get_state (restarted), ==, STEWARD_SESSION_SIGNED_OUT);
  g_assert_cmpstr (steward_session_get_last_error (restarted), ==, error->message);
}

/* The same demo under two URLs makes two deployments as far as profiles and the keyring go. */
static void
test_switch (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *other_url = g_strdup_printf ("http://localhost:%u/api/",
                                                steward_demo_server_get_port (f->demo->server));
  g_autoptr(StewardProfile) first = steward_profile_new ("First", f->url);
  g_autoptr(StewardProfile) second = steward_profile_new ("Second", other_url);
  g_autoptr(StewardProfile) third =
      steward_profile_new ("Never signed in", "http://127.0.0.2:1/api/");
  g_autoptr(GError) error = NULL;

  g_assert_true (sign_in (f->session, first, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_assert_true (sign_in (f->session, second,
                          steward_demo_server_get_token (f->demo->server, STEWARD_DEMO_ROLE_MEMBER),
                          STEWARD_TOKEN_KEYRING, &error));
  g_assert_true (steward_session_get_profile (f->session) == second);
  g_assert_cmpuint (g_list_model_get_n_items (steward_session_get_profiles (f->session)), ==, 2);

  g_assert_true (switch_to (f->session, steward_profile_get_id (first), &error));
  g_assert_no_error (error);
  g_assert_true (steward_session_get_profile (f->session) == first);
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_IN);
  g_assert_cmpint (steward_user_get_role (steward_session_get_user (f->session)), ==,
                   STEWARD_ROLE_ADMIN);
  g_assert_true (steward_session_get_default_profile (f->session) == first);

  /* A profile that is not saved cannot be switched to. */
  g_assert_false (switch_to (f->session, steward_profile_get_id (third), &error));
  g_assert_error (error, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_PROFILE);
  g_clear_error (&error);

  g_assert_true (switch_to (f->session, steward_profile_get_id (second), &error));
  g_assert_cmpint (steward_user_get_role (steward_session_get_user (f->session)), ==,
                   STEWARD_ROLE_MEMBER);

  /* A profile without a token: the session stays where it was. */
  clear_token (other_url);
  g_assert_true (switch_to (f->session, steward_profile_get_id (first), &error));
  g_assert_false (switch_to (f->session, steward_profile_get_id (second), &error));
  g_assert_error (error, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN);
  g_assert_true (steward_session_get_profile (f->session) == first);
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_IN);
}

/* Switching to a deployment that does not answer keeps the current one signed in. */
static void
test_failed_switch_keeps_session (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(StewardTestDemo) other = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autofree char *other_url =
      steward_url_normalize_base (steward_demo_server_get_base_url (other->server), NULL);
  g_autoptr(StewardProfile) first = steward_profile_new ("First", f->url);
  g_autoptr(StewardProfile) second = steward_profile_new ("Second", other_url);
  g_autoptr(GError) error = NULL;

  g_assert_true (sign_in (f->session, second,
                          steward_demo_server_get_token (other->server, STEWARD_DEMO_ROLE_ADMIN),
                          STEWARD_TOKEN_KEYRING, &error));
  g_assert_true (sign_in (f->session, first, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  steward_demo_server_stop (other->server);

  g_assert_false (switch_to (f->session, steward_profile_get_id (second), &error));
  g_assert_error (error, STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_UNREACHABLE);
  g_assert_true (steward_session_get_profile (f->session) == first);
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_IN);
  g_assert_nonnull (steward_session_get_client (f->session));
  clear_token (other_url);
}

static void
test_sign_out (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo", f->url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  assert_token_in_keyring (f->url, admin_token (f));

  steward_session_sign_out_async (f->session, NULL, steward_test_store_result_cb, &result);
  /* The session lets go at once; the keyring follows. */
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_OUT);
  g_assert_null (steward_session_get_client (f->session));
  g_assert_null (steward_session_get_user (f->session));
  g_assert_null (steward_session_get_profile (f->session));
  steward_test_wait_result (&result);
  g_assert_true (steward_session_sign_out_finish (f->session, result, &error));

  g_assert_null (lookup_token (f->url));
  /* The profile stays, ready to sign in to again. */
  g_assert_true (steward_session_find_profile (f->session, steward_profile_get_id (profile)) ==
                 profile);
  g_assert_true (steward_session_get_default_profile (f->session) == profile);
}

static void
test_forget (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo", f->url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) profiles = NULL;

  g_assert_true (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));

  steward_session_forget_profile_async (f->session, steward_profile_get_id (profile), NULL,
                                        steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_session_forget_profile_finish (f->session, result, &error));
  g_assert_no_error (error);

  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_OUT);
  g_assert_null (steward_session_get_profile (f->session));
  g_assert_null (steward_session_find_profile (f->session, steward_profile_get_id (profile)));
  g_assert_null (steward_session_get_default_profile (f->session));
  profiles = g_settings_get_value (f->settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 0);
  g_assert_null (lookup_token (f->url));
}

/* Kept in memory only: switching back works, a restart does not find it. */
static void
test_session_only (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *other_url = g_strdup_printf ("http://localhost:%u/api/",
                                                steward_demo_server_get_port (f->demo->server));
  g_autoptr(StewardProfile) kept = steward_profile_new ("Memory only", f->url);
  g_autoptr(StewardProfile) other = steward_profile_new ("Other", other_url);
  g_autoptr(StewardSession) restarted = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sign_in (f->session, kept, admin_token (f), STEWARD_TOKEN_SESSION_ONLY, &error));
  g_assert_cmpint (steward_session_get_token_storage (f->session), ==, STEWARD_TOKEN_SESSION_ONLY);
  g_assert_null (lookup_token (f->url));

  g_assert_true (sign_in (f->session, other, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_assert_true (switch_to (f->session, steward_profile_get_id (kept), &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_session_get_token_storage (f->session), ==, STEWARD_TOKEN_SESSION_ONLY);

  restarted = steward_session_new (f->settings);
  steward_session_restore_async (restarted, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_false (steward_session_restore_finish (restarted, result, &error));
  g_assert_error (error, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN);
  clear_token (other_url);
}

/* The demo's profile is used, never saved, and does not become the start-up profile. */
static void
test_temporary_profile (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(StewardProfile) saved = steward_profile_new ("Saved", f->url);
  g_autofree char *demo_url = g_strdup_printf ("http://localhost:%u/api/",
                                               steward_demo_server_get_port (f->demo->server));
  g_autoptr(StewardProfile) demo = steward_profile_new ("Demo", demo_url);
  g_autoptr(GVariant) profiles = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  g_assert_true (sign_in (f->session, saved, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  steward_profile_set_temporary (demo, TRUE);
  g_assert_true (sign_in (f->session, demo, admin_token (f), STEWARD_TOKEN_NOT_STORED, &error));
  g_assert_true (steward_session_get_profile (f->session) == demo);

  profiles = g_settings_get_value (f->settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), ==, 1);
  g_assert_true (steward_session_get_default_profile (f->session) == saved);
  token = lookup_token (demo_url);
  g_assert_null (token);
}

/* Signing in again to a saved profile with a changed form updates it rather than adding one. */
static void
test_sign_in_again_updates (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Before", f->url);
  g_autoptr(StewardProfile) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  again = g_object_new (STEWARD_TYPE_PROFILE,
                        "id", steward_profile_get_id (profile),
                        "name", "After",
                        "url", f->url,
                        "environment", STEWARD_ENVIRONMENT_YELLOW,
                        NULL);
  g_assert_true (sign_in (f->session, again, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  g_assert_cmpuint (g_list_model_get_n_items (steward_session_get_profiles (f->session)), ==, 1);
  g_assert_true (steward_session_get_profile (f->session) == profile);
  g_assert_cmpstr (steward_profile_get_name (profile), ==, "After");
  g_assert_cmpint (steward_profile_get_environment (profile), ==, STEWARD_ENVIRONMENT_YELLOW);
}

static void
count_cb (StewardSession *session,
          guint          *count)
{
  (*count)++;
}

static gboolean
counted_cb (gpointer user_data)
{
  return *(guint *) user_data > 0;
}

static void
test_reauthenticate (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo", f->url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) reauth = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardUser) user = NULL;
  g_autofree char *fresh = NULL;
  StewardClient *client;
  guint required = 0;
  guint me;

  g_assert_true (
      sign_in (f->session, profile,
               steward_demo_server_get_token (f->demo->server, STEWARD_DEMO_ROLE_MANAGER),
               STEWARD_TOKEN_KEYRING, &error));
  client = steward_session_get_client (f->session);
  g_signal_connect (f->session, "reauthentication-required", G_CALLBACK (count_cb), &required);

  steward_demo_server_revoke_tokens (f->demo->server, STEWARD_DEMO_ROLE_MANAGER);
  me = steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me");

  /* The call meets a 401 and waits, rather than fail. */
  steward_client_get_current_user_async (client, NULL, steward_test_store_result_cb, &result);
  g_assert_true (steward_test_wait_until (counted_cb, &required, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_cmpuint (required, ==, 1);
  g_assert_null (result);
  g_assert_true (steward_client_is_reauthenticating (client));
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me"),
                    ==, me + 1);

  /* Signing in again with a fresh token sends it again, on the same client. */
  fresh = g_strdup (steward_demo_server_get_token (f->demo->server, STEWARD_DEMO_ROLE_MANAGER));
  steward_session_reauthenticate_async (f->session, fresh, NULL, steward_test_store_result_cb,
                                        &reauth);
  steward_test_wait_result (&reauth);
  g_assert_true (steward_session_reauthenticate_finish (f->session, reauth, &error));
  g_assert_no_error (error);

  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_user_get_role (user), ==, STEWARD_ROLE_MANAGER);
  g_assert_true (steward_session_get_client (f->session) == client);
  g_assert_cmpint (steward_session_get_state (f->session), ==, STEWARD_SESSION_SIGNED_IN);
  /* The 401, the check of the fresh token, and the call sent again. */
  g_assert_cmpuint (steward_demo_server_count_requests (f->demo->server, "GET", "/api/users/me"),
                    ==, me + 3);
  g_assert_cmpuint (required, ==, 1);
  assert_token_in_keyring (f->url, fresh);
}

/* Giving up fails the waiting call as unauthorized. */
static void
test_reauthenticate_cancelled (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo", f->url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardUser) user = NULL;
  StewardClient *client;
  guint required = 0;

  g_assert_true (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  client = steward_session_get_client (f->session);
  g_signal_connect (f->session, "reauthentication-required", G_CALLBACK (count_cb), &required);
  steward_demo_server_revoke_tokens (f->demo->server, STEWARD_DEMO_ROLE_ADMIN);

  steward_client_get_current_user_async (client, NULL, steward_test_store_result_cb, &result);
  g_assert_true (steward_test_wait_until (counted_cb, &required, STEWARD_TEST_LONG_TIMEOUT_MS));

  steward_session_cancel_reauthentication (f->session);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (client, result, &error);
  g_assert_null (user);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_UNAUTHORIZED);
}

/* A new token that does not work either leaves the calls waiting for a better one. */
static void
test_reauthenticate_rejected (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(StewardProfile) profile = steward_profile_new ("Demo", f->url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) reauth = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revoked = NULL;
  StewardClient *client;
  guint required = 0;

  g_assert_true (sign_in (f->session, profile, admin_token (f), STEWARD_TOKEN_KEYRING, &error));
  revoked = g_strdup (admin_token (f));
  client = steward_session_get_client (f->session);
  g_signal_connect (f->session, "reauthentication-required", G_CALLBACK (count_cb), &required);
  steward_demo_server_revoke_tokens (f->demo->server, STEWARD_DEMO_ROLE_ADMIN);

  steward_client_get_current_user_async (client, NULL, steward_test_store_result_cb, &result);
  g_assert_true (steward_test_wait_until (counted_cb, &required, STEWARD_TEST_LONG_TIMEOUT_MS));

  steward_session_reauthenticate_async (f->session, revoked, NULL, steward_test_store_result_cb,
                                        &reauth);
  steward_test_wait_result (&reauth);
  g_assert_false (steward_session_reauthenticate_finish (f->session, reauth, &error));
  g_assert_error (error, STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_REJECTED_TOKEN);
  g_assert_null (result);
  g_assert_true (steward_client_is_reauthenticating (client));

  steward_session_cancel_reauthentication (f->session);
  steward_test_wait_result (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/session/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("good-token", test_good_token);
  ADD ("member-role", test_member_role);
  ADD ("rejected-token", test_rejected_token);
  ADD ("expired-token", test_expired_token);
  ADD ("unreachable", test_unreachable);
  ADD ("not-qualytics", test_not_qualytics);
  ADD ("invalid-url", test_invalid_url);
  ADD ("restore", test_restore);
  ADD ("restore-nothing", test_restore_nothing);
  ADD ("restore-failures", test_restore_failures);
  ADD ("switch", test_switch);
  ADD ("failed-switch-keeps-session", test_failed_switch_keeps_session);
  ADD ("sign-out", test_sign_out);
  ADD ("forget", test_forget);
  ADD ("session-only", test_session_only);
  ADD ("temporary-profile", test_temporary_profile);
  ADD ("sign-in-again-updates", test_sign_in_again_updates);
  ADD ("reauthenticate", test_reauthenticate);
  ADD ("reauthenticate-cancelled", test_reauthenticate_cancelled);
  ADD ("reauthenticate-rejected", test_reauthenticate_rejected);
#undef ADD

  return g_test_run ();
}
