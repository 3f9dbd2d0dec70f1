/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GNOME Shell's search, asked over D-Bus as the Shell asks: from a connection of its own, at the
 * object path the built .ini names. Two deployments are saved: one signed in (searched live) and
 * one whose listing is only in its cache, which the answers must come from without a request. */
#include <glib/gstdio.h>

#include "steward-application.h"
#include "steward-datastore-details.h"
#include "steward-main-view.h"
#include "steward-search-index.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"
#include "steward-window.h"

#define INTERFACE "org.gnome.Shell.SearchProvider2"

static StewardApplication *app;
static GDBusConnection *shell;
static char *bus_name;
static char *object_path;

typedef struct
{
  StewardTestDemo *production;   /* cached only, after the setup */
  StewardTestDemo *staging;      /* signed in */
  StewardProfile  *production_profile;
  StewardProfile  *staging_profile;
  StewardWindow   *window;
} Fixture;

static GVariant *
call (const char *method,
      GVariant   *parameters,
      const char *reply_type)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  g_dbus_connection_call (shell, bus_name, object_path, INTERFACE, method, parameters,
                          G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 10000, NULL,
                          steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  reply = g_dbus_connection_call_finish (shell, result, &error);
  g_assert_no_error (error);
  return reply;
}

static GStrv
initial (const char *query)
{
  g_auto(GStrv) terms = g_strsplit (query, " ", -1);
  g_autoptr(GVariant) reply = call ("GetInitialResultSet",
                                    g_variant_new ("(^as)", terms), "(as)");
  GStrv ids = NULL;

  g_variant_get (reply, "(^as)", &ids);
  return ids;
}

static GStrv
subsearch (char       **previous,
           const char  *query)
{
  g_auto(GStrv) terms = g_strsplit (query, " ", -1);
  g_autoptr(GVariant) reply = call ("GetSubsearchResultSet",
                                    g_variant_new ("(^as^as)", previous, terms), "(as)");
  GStrv ids = NULL;

  g_variant_get (reply, "(^as)", &ids);
  return ids;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The results as "profile-name:datastore-id", sorted, joined by spaces. */
static char *
describe_ids (Fixture  *fixture,
              char    **ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *profile_id = NULL;
      gint64 id;
      const char *which;

      g_assert_true (steward_search_result_id_parse (ids[i], &profile_id, &id));
      if (g_str_equal (profile_id, steward_profile_get_id (fixture->production_profile)))
        which = "production";
      else if (g_str_equal (profile_id, steward_profile_get_id (fixture->staging_profile)))
        which = "staging";
      else
        g_assert_not_reached ();
      g_ptr_array_add (names, g_strdup_printf ("%s:%" G_GINT64_FORMAT, which, id));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

#define assert_results(fixture, ids, expected) \
  G_STMT_START { \
    g_autofree char *described_ = describe_ids (fixture, ids); \
    g_assert_cmpstr (described_, ==, expected); \
  } G_STMT_END

static gboolean
listed_cb (gpointer user_data)
{
  StewardDeployment *deployment = steward_main_view_get_deployment (user_data);

  return deployment != NULL && steward_deployment_get_loaded (deployment) &&
         !steward_deployment_get_from_cache (deployment) &&
         steward_deployment_find_datastore (deployment, 42) != NULL;
}

static gboolean
file_exists_cb (gpointer user_data)
{
  return g_file_test (user_data, G_FILE_TEST_EXISTS);
}

static StewardProfile *
sign_in (StewardTestDemo *demo,
         const char      *name)
{
  StewardSession *session = steward_application_get_session (app);
  const char *base_url = steward_demo_server_get_base_url (demo->server);
  g_autofree char *url = steward_url_normalize_base (base_url, NULL);
  g_autoptr(StewardProfile) profile = steward_profile_new (name, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_session_sign_in_async (session, profile,
                                 steward_demo_server_get_token (demo->server,
                                                                STEWARD_DEMO_ROLE_ADMIN),
                                 STEWARD_TOKEN_KEYRING, NULL, steward_test_store_result_cb,
                                 &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_session_sign_in_finish (session, result, &error));
  return g_object_ref (steward_session_get_profile (session));
}

/* Production signed in first and its listing saved, then Staging signed in: Production's
 * datastores are now only in its cache. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  StewardSession *session = steward_application_get_session (app);
  StewardMainView *view;
  g_autofree char *cache_path = NULL;

  fixture->window = steward_window_new (app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (steward_test_wait_until (steward_test_widget_mapped_cb, fixture->window,
                                          STEWARD_TEST_TIMEOUT_MS));
  view = steward_window_get_main_view (fixture->window);

  fixture->production = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  fixture->staging = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);

  fixture->production_profile = sign_in (fixture->production, "Production");
  g_assert_true (steward_test_wait_until (listed_cb, view, STEWARD_TEST_LONG_TIMEOUT_MS));
  cache_path = steward_session_listing_cache_path (fixture->production_profile);
  steward_deployment_save_cache (steward_session_get_deployment (session));
  g_assert_true (steward_test_wait_until (file_exists_cb, cache_path, STEWARD_TEST_TIMEOUT_MS));

  fixture->staging_profile = sign_in (fixture->staging, "Staging");
  g_assert_true (steward_test_wait_until (listed_cb, view, STEWARD_TEST_LONG_TIMEOUT_MS));
}

static void
forget (StewardProfile *profile)
{
  StewardSession *session = steward_application_get_session (app);
  g_autofree char *cache_path = steward_session_listing_cache_path (profile);
  g_autoptr(GAsyncResult) result = NULL;

  steward_session_forget_profile_async (session, steward_profile_get_id (profile), NULL,
                                        steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_unlink (cache_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  forget (fixture->production_profile);
  forget (fixture->staging_profile);
  g_clear_object (&fixture->production_profile);
  g_clear_object (&fixture->staging_profile);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->production, steward_test_demo_free);
  g_clear_pointer (&fixture->staging, steward_test_demo_free);
}

/* The .ini the build installs for the Shell. */
static GKeyFile *
load_ini (void)
{
  g_autofree char *name = g_strconcat (g_application_get_application_id (G_APPLICATION (app)),
                                       ".search-provider.ini", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", name, NULL);
  GKeyFile *ini = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (ini, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  return ini;
}

/* The .ini names what the application exports. */
static void
test_ini (void)
{
  g_autoptr(GKeyFile) ini = load_ini ();
  g_autoptr(GError) error = NULL;
  g_autofree char *desktop_id = NULL;
  g_autofree char *desktop_path = NULL;
  g_autofree char *bus = NULL;
  g_autofree char *version = NULL;

  bus = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bus, ==, g_application_get_application_id (G_APPLICATION (app)));
  version = g_key_file_get_string (ini, "Shell Search Provider", "Version", &error);
  g_assert_cmpstr (version, ==, "2");

  /* The desktop file it names is the one the build installs. */
  desktop_id = g_key_file_get_string (ini, "Shell Search Provider", "DesktopId", &error);
  g_assert_no_error (error);
  desktop_path = g_test_build_filename (G_TEST_BUILT, "..", "data", desktop_id, NULL);
  g_assert_true (g_file_test (desktop_path, G_FILE_TEST_EXISTS));

  /* Beside the application's own objects (test_search and the others call it there). */
  g_assert_true (g_str_has_prefix (object_path,
                                   g_application_get_dbus_object_path (G_APPLICATION (app))));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  StewardSession *session = steward_application_get_session (app);
  StewardDemoServer *production = fixture->production->server;
  guint listed = steward_demo_server_count_requests (production, "GET", "/api/datastores");
  g_auto(GStrv) pii = NULL;
  g_auto(GStrv) amazon = NULL;
  g_auto(GStrv) both = NULL;
  g_auto(GStrv) narrowed = NULL;
  g_auto(GStrv) sandbox = NULL;
  g_auto(GStrv) nothing = NULL;

  g_assert_cmpuint (listed, >, 0);

  /* By tag, in both deployments: the signed-in one and the cached one. */
  pii = initial ("pii");
  assert_results (fixture, pii, "production:11 production:21 production:27 "
                                "staging:11 staging:21 staging:27");
  /* By connector type, as it reads ("Amazon S3"). */
  amazon = initial ("Amazon");
  assert_results (fixture, amazon, "production:33 production:36 production:69 "
                                   "staging:33 staging:36 staging:69");
  /* Every term must match. */
  both = initial ("PII snowflake");
  assert_results (fixture, both, "production:11 production:27 staging:11 staging:27");
  narrowed = subsearch (pii, "pii snow");
  assert_results (fixture, narrowed, "production:11 production:27 staging:11 staging:27");
  nothing = initial ("pii nowhere");
  g_assert_cmpuint (g_strv_length (nothing), ==, 0);

  /* The signed-in deployment is searched as it is now, not as it was saved. */
  steward_deployment_forget_datastore (steward_session_get_deployment (session), 30);
  sandbox = initial ("sandbox");
  assert_results (fixture, sandbox, "production:30");

  /* Nothing was asked of the cached deployment's server. */
  g_assert_cmpuint (steward_demo_server_count_requests (production, "GET", "/api/datastores"),
                    ==, listed);
}

static void
test_metas (Fixture       *fixture,
            gconstpointer  data)
{
  const char *production = steward_profile_get_id (fixture->production_profile);
  const char *staging = steward_profile_get_id (fixture->staging_profile);
  g_autofree char *sales = steward_search_result_id_new (production, 42);
  g_autofree char *lake = steward_search_result_id_new (staging, 33);
  g_autofree char *gone = steward_search_result_id_new (staging, 9999);
  const char *ids[] = { sales, "not-one-of-ours", lake, gone, NULL };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_auto(GStrv) warm = initial ("sales");
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  const struct { const char *id, *name, *description, *icon; } expected[] = {
    { sales, "Production Sales", "PostgreSQL · Production", "drive-multidisk-symbolic" },
    { lake, "Clickstream Lake", "Amazon S3 · Staging", "folder-remote-symbolic" },
  };

  reply = call ("GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})");
  metas = g_variant_get_child_value (reply, 0);
  g_assert_cmpuint (g_variant_n_children (metas), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GVariant) meta = g_variant_get_child_value (metas, i);
      g_autoptr(GVariantDict) dict = g_variant_dict_new (meta);
      g_autoptr(GVariant) serialized = g_variant_dict_lookup_value (dict, "gicon", NULL);
      g_autoptr(GIcon) icon = NULL;
      const char *value = NULL;

      g_assert_true (g_variant_dict_lookup (dict, "id", "&s", &value));
      g_assert_cmpstr (value, ==, expected[i].id);
      g_assert_true (g_variant_dict_lookup (dict, "name", "&s", &value));
      g_assert_cmpstr (value, ==, expected[i].name);
      g_assert_true (g_variant_dict_lookup (dict, "description", "&s", &value));
      g_assert_cmpstr (value, ==, expected[i].description);

      g_assert_nonnull (serialized);
      icon = g_icon_deserialize (serialized);
      g_assert_true (G_IS_THEMED_ICON (icon));
      g_assert_cmpstr (g_themed_icon_get_names (G_THEMED_ICON (icon))[0], ==, expected[i].icon);
      /* The Shell draws it from the icon theme: it must be there. */
      g_assert_true (gtk_icon_theme_has_gicon (theme, icon));
    }
}

static gboolean
showing_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  StewardSession *session = steward_application_get_session (app);
  GtkWidget *details = steward_test_find_widget (GTK_WIDGET (fixture->window),
                                                 STEWARD_TYPE_DATASTORE_DETAILS, NULL);
  StewardDatastore *shown =
    steward_datastore_details_get_datastore (STEWARD_DATASTORE_DETAILS (details));

  return steward_session_get_profile (session) == fixture->production_profile &&
         steward_session_get_state (session) == STEWARD_SESSION_SIGNED_IN &&
         shown != NULL && steward_datastore_get_id (shown) == 42 &&
         gtk_widget_get_mapped (details);
}

/* A result of the cached deployment: Steward signs in there and shows the datastore. */
static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  const char *production = steward_profile_get_id (fixture->production_profile);
  g_autofree char *sales = steward_search_result_id_new (production, 42);
  const char *terms[] = { "sales", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_auto(GStrv) warm = initial ("sales");

  g_assert_true (g_strv_contains ((const char * const *) warm, sales));
  reply = call ("ActivateResult", g_variant_new ("(s^asu)", sales, terms, 0), "()");
  g_assert_true (steward_test_wait_until (showing_cb, fixture, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_true (gtk_window_is_active (GTK_WINDOW (fixture->window)) ||
                 gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
}

static gboolean
searching_cb (gpointer user_data)
{
  GtkWidget *entry = steward_test_find_widget (user_data, GTK_TYPE_SEARCH_ENTRY, NULL);

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), "sales mart") == 0 &&
         gtk_widget_get_mapped (entry);
}

/* "Search in Steward": the window, searching for what was typed. */
static void
test_launch_search (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *terms[] = { "sales", "mart", NULL };
  g_autoptr(GVariant) reply = call ("LaunchSearch", g_variant_new ("(^asu)", terms, 0), "()");

  g_assert_true (steward_test_wait_until (searching_cb, fixture->window, STEWARD_TEST_TIMEOUT_MS));
}

/* The test's cache directory: the listings, and whatever else was cached there (shaders). */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("steward-search-provider-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GKeyFile) ini = NULL;
  int status;

  /* Before GLib reads it: the listing caches are the test's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Other tests share the bus: the provider is reached at the application's unique name. */
  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  bus_name = g_strdup (g_dbus_connection_get_unique_name (
                         g_application_get_dbus_connection (G_APPLICATION (app))));
  ini = load_ini ();
  object_path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  g_assert_no_error (error);

  /* The Shell's side: a connection of its own to the same bus. */
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  shell = g_dbus_connection_new_for_address_sync (address,
                                                  G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                  NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search-provider/ini", test_ini);
  g_test_add ("/search-provider/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add ("/search-provider/metas", Fixture, NULL, fixture_set_up, test_metas,
              fixture_tear_down);
  g_test_add ("/search-provider/activate", Fixture, NULL, fixture_set_up, test_activate,
              fixture_tear_down);
  g_test_add ("/search-provider/launch-search", Fixture, NULL, fixture_set_up, test_launch_search,
              fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&shell);
  g_clear_object (&app);
  g_free (bus_name);
  g_free (object_path);
  remove_tree (cache);
  return status;
}
