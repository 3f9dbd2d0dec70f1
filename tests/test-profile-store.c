/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "steward-profile-store.h"

/* GSETTINGS_BACKEND=memory: every test starts from the schema's defaults. */
static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new ("io.github.stewardapp.Steward");

  g_settings_reset (settings, "profiles");
  g_settings_reset (settings, "current-profile");
  return settings;
}

static StewardProfile *
get_profile (GListModel *model,
             guint       position)
{
  g_autoptr(StewardProfile) profile = g_list_model_get_item (model, position);

  return profile;   /* the store keeps it alive */
}

static void
test_add_persists (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(StewardProfileStore) store = steward_profile_store_new (settings);
  g_autoptr(StewardProfileStore) reloaded = NULL;
  g_autoptr(StewardProfile) prod = steward_profile_new ("Production", "https://prod.example/api/");
  g_autoptr(StewardProfile) test = steward_profile_new ("Test", "https://test.example/api/");
  StewardProfile *loaded;

  steward_profile_set_environment (prod, STEWARD_ENVIRONMENT_RED);
  steward_profile_set_verify_tls (test, FALSE);
  steward_profile_store_add (store, prod);
  steward_profile_store_add (store, test);
  steward_profile_store_set_current_id (store, steward_profile_get_id (prod));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  /* A second store on the same settings reads back the same profiles, in order. */
  reloaded = steward_profile_store_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  loaded = get_profile (G_LIST_MODEL (reloaded), 0);
  g_assert_cmpstr (steward_profile_get_id (loaded), ==, steward_profile_get_id (prod));
  g_assert_cmpstr (steward_profile_get_name (loaded), ==, "Production");
  g_assert_cmpstr (steward_profile_get_url (loaded), ==, "https://prod.example/api/");
  g_assert_cmpint (steward_profile_get_environment (loaded), ==, STEWARD_ENVIRONMENT_RED);
  g_assert_true (steward_profile_get_verify_tls (loaded));
  loaded = get_profile (G_LIST_MODEL (reloaded), 1);
  g_assert_cmpstr (steward_profile_get_name (loaded), ==, "Test");
  g_assert_false (steward_profile_get_verify_tls (loaded));
  g_assert_cmpint (steward_profile_get_environment (loaded), ==, STEWARD_ENVIRONMENT_NONE);
  g_assert_cmpstr (steward_profile_store_get_current_id (reloaded), ==,
                   steward_profile_get_id (prod));
}

/* Editing a saved profile writes it back. */
static void
test_change_persists (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(StewardProfileStore) store = steward_profile_store_new (settings);
  g_autoptr(StewardProfileStore) reloaded = NULL;
  g_autoptr(StewardProfile) profile =
      steward_profile_new ("Staging", "https://staging.example/api/");

  steward_profile_store_add (store, profile);
  steward_profile_set_name (profile, "Acceptance");
  steward_profile_set_environment (profile, STEWARD_ENVIRONMENT_YELLOW);

  reloaded = steward_profile_store_new (settings);
  g_assert_cmpstr (steward_profile_get_name (get_profile (G_LIST_MODEL (reloaded), 0)), ==,
                   "Acceptance");
  g_assert_cmpint (steward_profile_get_environment (get_profile (G_LIST_MODEL (reloaded), 0)), ==,
                   STEWARD_ENVIRONMENT_YELLOW);
}

/* A profile with the same id replaces the old one in its place, and stays current. */
static void
test_replace (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(StewardProfileStore) store = steward_profile_store_new (settings);
  g_autoptr(StewardProfileStore) reloaded = NULL;
  g_autoptr(StewardProfile) first = steward_profile_new ("First", "https://first.example/api/");
  g_autoptr(StewardProfile) second = steward_profile_new ("Second", "https://second.example/api/");
  g_autoptr(StewardProfile) replacement = NULL;

  steward_profile_store_add (store, first);
  steward_profile_store_add (store, second);
  steward_profile_store_set_current_id (store, steward_profile_get_id (first));

  replacement = g_object_new (STEWARD_TYPE_PROFILE,
                              "id", steward_profile_get_id (first),
                              "name", "First, renamed",
                              "url", "https://first.example/api/",
                              NULL);
  steward_profile_store_add (store, replacement);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_true (get_profile (G_LIST_MODEL (store), 0) == replacement);
  g_assert_true (steward_profile_store_find (store, steward_profile_get_id (first)) == replacement);
  g_assert_cmpstr (steward_profile_store_get_current_id (store), ==,
                   steward_profile_get_id (first));

  /* The replaced object no longer writes to the settings. */
  steward_profile_set_name (first, "Stale");
  reloaded = steward_profile_store_new (settings);
  g_assert_cmpstr (steward_profile_get_name (get_profile (G_LIST_MODEL (reloaded), 0)), ==,
                   "First, renamed");
  g_assert_cmpstr (steward_profile_get_name (get_profile (G_LIST_MODEL (reloaded), 1)), ==,
                   "Second");
}

static void
test_remove (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(StewardProfileStore) store = steward_profile_store_new (settings);
  g_autoptr(StewardProfileStore) reloaded = NULL;
  g_autoptr(StewardProfile) keep = steward_profile_new ("Keep", "https://keep.example/api/");
  g_autoptr(StewardProfile) drop = steward_profile_new ("Drop", "https://drop.example/api/");
  g_autofree char *current = NULL;

  steward_profile_store_add (store, keep);
  steward_profile_store_add (store, drop);
  steward_profile_store_set_current_id (store, steward_profile_get_id (drop));

  g_assert_true (steward_profile_store_remove (store, steward_profile_get_id (drop)));
  g_assert_false (steward_profile_store_remove (store, steward_profile_get_id (drop)));
  g_assert_null (steward_profile_store_find (store, steward_profile_get_id (drop)));
  g_assert_null (steward_profile_store_find_by_url (store, "https://drop.example/api/"));
  g_assert_true (steward_profile_store_find_by_url (store, "https://keep.example/api/") == keep);

  /* Removing the current profile leaves no current profile behind. */
  current = g_settings_get_string (settings, "current-profile");
  g_assert_cmpstr (current, ==, "");
  g_assert_null (steward_profile_store_get_current_id (store));

  reloaded = steward_profile_store_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_cmpstr (steward_profile_get_name (get_profile (G_LIST_MODEL (reloaded), 0)), ==, "Keep");
}

/* The demo's profile is listed while it is used, never written. */
static void
test_temporary_not_written (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(StewardProfileStore) store = steward_profile_store_new (settings);
  g_autoptr(StewardProfileStore) reloaded = NULL;
  g_autoptr(StewardProfile) saved = steward_profile_new ("Saved", "https://saved.example/api/");
  g_autoptr(StewardProfile) demo = steward_profile_new ("Demo", "http://127.0.0.1:4321/api/");
  g_autoptr(GVariant) value = NULL;
  g_autofree char *printed = NULL;

  steward_profile_set_temporary (demo, TRUE);
  steward_profile_store_add (store, saved);
  steward_profile_store_add (store, demo);
  steward_profile_set_name (demo, "Demo, renamed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  value = g_settings_get_value (settings, "profiles");
  g_assert_cmpuint (g_variant_n_children (value), ==, 1);
  printed = g_variant_print (value, FALSE);
  g_assert_null (strstr (printed, "127.0.0.1"));

  reloaded = steward_profile_store_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_cmpstr (steward_profile_get_name (get_profile (G_LIST_MODEL (reloaded), 0)), ==,
                   "Saved");
}

/* Entries without an id or a URL (hand-edited settings) are skipped, not fatal. */
static void
test_invalid_entries_skipped (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(StewardProfileStore) store = NULL;
  g_autoptr(GVariant) value = NULL;

  value = g_variant_parse (G_VARIANT_TYPE ("aa{sv}"),
                           "[{'id': <'a'>, 'name': <'Good'>, 'url': <'https://good.example/api/'>,"
                           "  'environment': <'green'>},"
                           " {'name': <'No id'>, 'url': <'https://x.example/api/'>},"
                           " {'id': <'c'>, 'name': <'No URL'>},"
                           " {'id': <'d'>, 'url': <'https://unnamed.example/api/'>, 'environment': "
                           "<'purple'>}]",
                           NULL, NULL, NULL);
  g_settings_set_value (settings, "profiles", value);

  store = steward_profile_store_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpint (steward_profile_get_environment (steward_profile_store_find (store, "a")), ==,
                   STEWARD_ENVIRONMENT_GREEN);
  /* No name: the URL stands in; an unknown colour is none. */
  g_assert_cmpstr (steward_profile_get_name (steward_profile_store_find (store, "d")), ==,
                   "https://unnamed.example/api/");
  g_assert_cmpint (steward_profile_get_environment (steward_profile_store_find (store, "d")), ==,
                   STEWARD_ENVIRONMENT_NONE);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  (*changes)++;
}

static void
test_items_changed (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(StewardProfileStore) store = steward_profile_store_new (settings);
  g_autoptr(StewardProfile) profile = steward_profile_new ("One", "https://one.example/api/");
  guint changes = 0;

  g_signal_connect (store, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  steward_profile_store_add (store, profile);
  g_assert_cmpuint (changes, ==, 1);
  steward_profile_store_remove (store, steward_profile_get_id (profile));
  g_assert_cmpuint (changes, ==, 2);
}

/* Which profiles say their connection is not safe. */
static void
test_transport_risk (void)
{
  static const struct
  {
    const char           *url;
    gboolean              verify_tls;
    StewardTransportRisk  risk;
  } cases[] = {
    { "https://acme.qualytics.io/api/", TRUE, STEWARD_TRANSPORT_SAFE },
    { "https://acme.qualytics.io/api/", FALSE, STEWARD_TRANSPORT_UNVERIFIED },
    { "http://acme.qualytics.io/api/", TRUE, STEWARD_TRANSPORT_CLEARTEXT },
    { "http://10.0.0.5:8000/api/", FALSE, STEWARD_TRANSPORT_CLEARTEXT },
    { "http://127.0.0.1:8000/api/", TRUE, STEWARD_TRANSPORT_SAFE },
    { "http://localhost:8000/api/", FALSE, STEWARD_TRANSPORT_SAFE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StewardProfile) profile = steward_profile_new ("P", cases[i].url);

      steward_profile_set_verify_tls (profile, cases[i].verify_tls);
      g_assert_cmpint (steward_profile_get_transport_risk (profile), ==, cases[i].risk);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile-store/add-persists", test_add_persists);
  g_test_add_func ("/profile-store/change-persists", test_change_persists);
  g_test_add_func ("/profile-store/replace", test_replace);
  g_test_add_func ("/profile-store/remove", test_remove);
  g_test_add_func ("/profile-store/temporary-not-written", test_temporary_not_written);
  g_test_add_func ("/profile-store/invalid-entries-skipped", test_invalid_entries_skipped);
  g_test_add_func ("/profile-store/items-changed", test_items_changed);

  g_test_add_func ("/profile/transport-risk", test_transport_risk);

  return g_test_run ();
}
