/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include <glib/gstdio.h>
#include <string.h>

#include "steward-application.h"
#include "steward-datastore-details.h"
#include "steward-datastore-table.h"
#include "steward-datastore-table.h"
#include "steward-environment-badge.h"
#include "steward-keyring.h"
#include "steward-sign-in-dialog.h"
#include "steward-test-demo.h"
#include "steward-test-resolver.h"
#include "steward-test-utils.h"
#include "steward-window.h"

static StewardApplication *app;

static gboolean
about_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL;
}

static gboolean
shortcuts_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL;
}

static StewardWindow *
open_window (void)
{
  StewardWindow *window = steward_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, window, STEWARD_TEST_TIMEOUT_MS));
  return window;
}

static void
test_window_signed_out (void)
{
  StewardWindow *window = open_window ();
  GtkWidget *status;
  GtkWidget *title;

  title = steward_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, "Steward");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_mapped (title));

  status = steward_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, "Not Signed In");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), !=, NULL);

  /* The primary menu is reachable by its accessible name's tooltip. */
  g_assert_nonnull (
      steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "Main Menu"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_about_and_shortcuts (void)
{
  StewardWindow *window = open_window ();
  GtkWindow *about;
  GtkWindow *shortcuts;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "shortcuts"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));

  gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL);
  g_assert_true (steward_test_wait_until (about_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  about = steward_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Steward");
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_destroy (about);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.shortcuts", NULL);
  g_assert_true (steward_test_wait_until (shortcuts_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  shortcuts = steward_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  gtk_window_destroy (shortcuts);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_size_restored (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.stewardapp.Steward");
  StewardWindow *window = open_window ();
  int width;
  int height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The session is the application's, shared by every test: each one starts signed out, with
 * no saved profiles and no tokens. */
static StewardSession *
fresh_session (void)
{
  StewardSession *session = steward_application_get_session (app);
  GListModel *profiles = steward_session_get_profiles (session);
  g_autoptr(GAsyncResult) result = NULL;

  steward_session_sign_out_async (session, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);

  while (g_list_model_get_n_items (profiles) > 0)
    {
      g_autoptr(StewardProfile) profile = g_list_model_get_item (profiles, 0);

      g_clear_object (&result);
      steward_session_forget_profile_async (session, steward_profile_get_id (profile), NULL,
                                            steward_test_store_result_cb, &result);
      steward_test_wait_result (&result);
    }

  return session;
}

static StewardProfile *
sign_in (StewardTestDemo    *demo,
         const char         *name,
         StewardEnvironment  environment)
{
  StewardSession *session = steward_application_get_session (app);
  g_autofree char *url =
      steward_url_normalize_base (steward_demo_server_get_base_url (demo->server), NULL);
  g_autoptr(StewardProfile) profile = steward_profile_new (name, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_profile_set_environment (profile, environment);
  steward_session_sign_in_async (session, profile,
                                 steward_demo_server_get_token (demo->server,
                                                                STEWARD_DEMO_ROLE_ADMIN),
                                 STEWARD_TOKEN_KEYRING, NULL, steward_test_store_result_cb,
                                 &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_session_sign_in_finish (session, result, &error));
  g_assert_no_error (error);
  return steward_session_get_profile (session);
}

static const char *
visible_page (StewardWindow *window)
{
  GtkWidget *stack = steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

typedef struct
{
  StewardWindow *window;
  const char    *page;
} PageWanted;

static gboolean
page_shown_cb (gpointer user_data)
{
  PageWanted *wanted = user_data;

  return g_strcmp0 (visible_page (wanted->window), wanted->page) == 0;
}

static void
wait_for_page (StewardWindow *window,
               const char    *page)
{
  PageWanted wanted = { window, page };

  g_assert_true (steward_test_wait_until (page_shown_cb, &wanted, STEWARD_TEST_LONG_TIMEOUT_MS));
}

/* The first subtitle of a window title in the visible page's header bars. */
static const char *
find_subtitle (GtkWidget *widget)
{
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      const char *subtitle = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget));

      if (subtitle != NULL && *subtitle != '\0')
        return subtitle;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *subtitle = find_subtitle (child);

      if (subtitle != NULL)
        return subtitle;
    }

  return NULL;
}

static const char *
shown_subtitle (StewardWindow *window)
{
  GtkWidget *stack = steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, NULL);

  return find_subtitle (gtk_stack_get_visible_child (GTK_STACK (stack)));
}

/* The subtitle names the profile; on the browser it goes on to say how fresh the list is
 * ("Acme · updated at 10:32"). */
static gboolean
subtitle_names (StewardWindow *window,
                const char    *name)
{
  const char *subtitle = shown_subtitle (window);
  g_autofree char *prefix = g_strconcat (name, " · ", NULL);

  return g_strcmp0 (subtitle, name) == 0 ||
         (subtitle != NULL && g_str_has_prefix (subtitle, prefix));
}

typedef struct
{
  StewardWindow *window;
  const char    *subtitle;
} SubtitleWanted;

static gboolean
subtitle_shown_cb (gpointer user_data)
{
  SubtitleWanted *wanted = user_data;

  return subtitle_names (wanted->window, wanted->subtitle);
}

static void
wait_for_subtitle (StewardWindow *window,
                   const char    *subtitle)
{
  SubtitleWanted wanted = { window, subtitle };

  g_assert_true (steward_test_wait_until (subtitle_shown_cb, &wanted, STEWARD_TEST_TIMEOUT_MS));
}

static GtkWidget *
shown_badge (StewardWindow *window)
{
  GtkWidget *stack = steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, NULL);

  return steward_test_find_widget (gtk_stack_get_visible_child (GTK_STACK (stack)),
                                   STEWARD_TYPE_ENVIRONMENT_BADGE, NULL);
}

/* The demo's datastores are listed: one of its names is on screen. */
static gboolean
datastore_shown_cb (gpointer user_data)
{
  return steward_test_find_widget (GTK_WIDGET (user_data), GTK_TYPE_LABEL, "Billing Ledger") !=
         NULL;
}

static StewardClient *first_client;

static gboolean
client_replaced_cb (gpointer user_data)
{
  StewardClient *client = steward_main_view_get_client (STEWARD_MAIN_VIEW (user_data));

  return client != NULL && client != first_client;
}

static void
test_window_pages (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  StewardSession *session = fresh_session ();
  StewardWindow *window = open_window ();
  StewardProfile *profile;
  StewardClient *client;
  GtkWidget *slot;
  GtkWidget *view;

  g_assert_true (steward_window_get_session (window) == session);
  g_assert_cmpstr (visible_page (window), ==, "signed-out");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Steward");

  profile = sign_in (demo, "Acme staging", STEWARD_ENVIRONMENT_NONE);
  wait_for_page (window, "main");
  g_assert_true (subtitle_names (window, "Acme staging"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Steward");

  /* Signed in, the page is the datastore browser, talking to the deployment as that user. */
  slot = steward_window_get_main_view_slot (window);
  g_assert_true (GTK_IS_BOX (slot));
  g_assert_true (gtk_widget_get_vexpand (slot) && gtk_widget_get_hexpand (slot));
  view = GTK_WIDGET (steward_window_get_main_view (window));
  g_assert_true (gtk_widget_is_ancestor (view, slot));
  g_assert_true (gtk_widget_get_mapped (view));
  client = steward_main_view_get_client (STEWARD_MAIN_VIEW (view));
  g_assert_true (client == steward_session_get_client (session));
  g_assert_true (steward_test_wait_until (datastore_shown_cb, view, STEWARD_TEST_LONG_TIMEOUT_MS));
  first_client = client;
  g_assert_nonnull (steward_test_find_widget (view, STEWARD_TYPE_ENVIRONMENT_BADGE, NULL));

  /* Signing in again gives the browser the new client. */
  sign_in (demo, "Acme QA", STEWARD_ENVIRONMENT_NONE);
  wait_for_subtitle (window, "Acme QA");
  wait_for_page (window, "main");
  g_assert_true (steward_test_wait_until (client_replaced_cb, view, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_true (steward_main_view_get_client (STEWARD_MAIN_VIEW (view)) ==
                 steward_session_get_client (session));
  profile = steward_session_get_profile (session);

  /* Renaming the profile renames the subtitle. */
  steward_profile_set_name (profile, "Acme acceptance");
  wait_for_subtitle (window, "Acme acceptance");

  /* Signed out, the browser lets go of the deployment. */
  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-out", NULL);
  wait_for_page (window, "signed-out");
  g_assert_null (steward_main_view_get_client (STEWARD_MAIN_VIEW (view)));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  StewardWindow *window;
  const char    *name;
  gboolean       listed;
} ListedWanted;

/* Whether the browser's list (its model, not whatever row widgets linger) holds @name. */
static gboolean
listed (StewardWindow *window,
        const char    *name)
{
  GtkWidget *table = steward_test_find_widget (GTK_WIDGET (steward_window_get_main_view (window)),
                                               STEWARD_TYPE_DATASTORE_TABLE, NULL);
  GListModel *rows =
      G_LIST_MODEL (steward_datastore_table_get_selection (STEWARD_DATASTORE_TABLE (table)));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (rows, i);

      if (g_strcmp0 (steward_datastore_get_name (datastore), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
listed_cb (gpointer user_data)
{
  ListedWanted *wanted = user_data;

  return listed (wanted->window, wanted->name) == wanted->listed;
}

static void
wait_until_listed (StewardWindow *window,
                   const char    *name,
                   gboolean       is_listed)
{
  ListedWanted wanted = { window, name, is_listed };

  if (!steward_test_wait_until (listed_cb, &wanted, STEWARD_TEST_LONG_TIMEOUT_MS))
    g_error ("“%s” is %s", name, is_listed ? "not listed" : "still listed");
}

/* Signing out and in again in the same running app lists the deployment's datastores again. */
static void
test_window_sign_out_and_in_again (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  StewardWindow *window;

  fresh_session ();
  window = open_window ();
  sign_in (demo, "Acme", STEWARD_ENVIRONMENT_NONE);
  wait_for_page (window, "main");
  wait_until_listed (window, "Billing Ledger", TRUE);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-out", NULL);
  wait_for_page (window, "signed-out");
  g_assert_false (listed (window, "Billing Ledger"));

  sign_in (demo, "Acme", STEWARD_ENVIRONMENT_NONE);
  wait_for_page (window, "main");
  wait_until_listed (window, "Billing Ledger", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-out", NULL);
  wait_for_page (window, "signed-out");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
delete_named (StewardTestDemo *demo,
              gint64           id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_client_delete_datastore_async (demo->client, id, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  steward_client_delete_datastore_finish (demo->client, result, &error);
  g_assert_no_error (error);
}

static void
switch_to (StewardProfile *profile)
{
  StewardSession *session = steward_application_get_session (app);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_session_switch_async (session, steward_profile_get_id (profile), NULL,
                                steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_session_switch_finish (session, result, &error));
}

/* Profile A, then B, then A again: each time the list is that deployment's. B has no "Billing
 * Ledger"; A has no "Orders OLTP". */
static void
test_window_switch_and_back (void)
{
  g_autoptr(StewardTestDemo) a = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardTestDemo) b = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardProfile) profile_a = NULL;
  g_autoptr(StewardProfile) profile_b = NULL;
  StewardWindow *window;

  delete_named (b, 15);   /* Billing Ledger */
  delete_named (a, 18);   /* Orders OLTP */
  fresh_session ();
  window = open_window ();

  profile_a = g_object_ref (sign_in (a, "Deployment A", STEWARD_ENVIRONMENT_NONE));
  wait_for_page (window, "main");
  wait_until_listed (window, "Billing Ledger", TRUE);
  g_assert_false (listed (window, "Orders OLTP"));

  profile_b = g_object_ref (sign_in (b, "Deployment B", STEWARD_ENVIRONMENT_NONE));
  wait_for_subtitle (window, "Deployment B");
  wait_until_listed (window, "Orders OLTP", TRUE);
  g_assert_false (listed (window, "Billing Ledger"));

  switch_to (profile_a);
  wait_for_subtitle (window, "Deployment A");
  wait_until_listed (window, "Billing Ledger", TRUE);
  g_assert_false (listed (window, "Orders OLTP"));

  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-out", NULL);
  wait_for_page (window, "signed-out");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Signed in over http:// to another machine, the browser keeps saying the connection is not
 * encrypted; over loopback it says nothing. */
static void
test_window_cleartext_indicator (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  StewardSession *session = fresh_session ();
  g_autofree char *url = NULL;
  g_autoptr(StewardProfile) profile = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  StewardWindow *window = open_window ();
  GtkWidget *view;
  GtkWidget *label;

  sign_in (demo, "Local", STEWARD_ENVIRONMENT_NONE);
  wait_for_page (window, "main");
  view = GTK_WIDGET (steward_window_get_main_view (window));
  g_assert_null (steward_test_find_widget (view, GTK_TYPE_LABEL, "Not Encrypted"));

  steward_test_resolver_add_host ("qualytics.steward-test.example");
  url = g_strdup_printf ("http://qualytics.steward-test.example:%u/api/",
                         steward_demo_server_get_port (demo->server));
  profile = steward_profile_new ("Remote", url);
  steward_session_sign_in_async (session, profile,
                                 steward_demo_server_get_token (demo->server,
                                                                STEWARD_DEMO_ROLE_ADMIN),
                                 STEWARD_TOKEN_KEYRING, NULL, steward_test_store_result_cb,
                                 &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_session_sign_in_finish (session, result, &error));
  wait_for_subtitle (window, "Remote");

  label = steward_test_find_widget (view, GTK_TYPE_LABEL, "Not Encrypted");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (label), "unencrypted"));

  gtk_widget_activate_action (GTK_WIDGET (window), "app.sign-out", NULL);
  wait_for_page (window, "signed-out");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Production is red: a stripe on every header bar (a class on the window) and a badge. */
static void
test_window_environment (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  StewardWindow *window;
  StewardProfile *profile;
  GtkWidget *badge;

  fresh_session ();
  window = open_window ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "environment-red"));

  profile = sign_in (demo, "Production", STEWARD_ENVIRONMENT_RED);
  wait_for_page (window, "main");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "environment-red"));
  badge = shown_badge (window);
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, badge, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_has_css_class (badge, "environment-red"));
  g_assert_nonnull (steward_test_find_widget (badge, GTK_TYPE_LABEL, "Production"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, "Environment: Production");

  /* The colour follows the profile. */
  steward_profile_set_environment (profile, STEWARD_ENVIRONMENT_YELLOW);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "environment-red"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "environment-yellow"));
  g_assert_nonnull (steward_test_find_widget (badge, GTK_TYPE_LABEL, "Test"));
  g_assert_true (gtk_widget_has_css_class (badge, "environment-yellow"));

  steward_profile_set_environment (profile, STEWARD_ENVIRONMENT_NONE);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "environment-yellow"));
  g_assert_false (gtk_widget_get_visible (badge));

  /* Signed out, no colour. */
  steward_profile_set_environment (profile, STEWARD_ENVIRONMENT_GREEN);
  fresh_session ();
  wait_for_page (window, "signed-out");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "environment-green"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Collects every AdwLeaflet under @widget. */
static void
collect_leaflets (GtkWidget *widget,
                  GPtrArray *leaflets)
{
  if (ADW_IS_LEAFLET (widget))
    g_ptr_array_add (leaflets, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_leaflets (child, leaflets);
}

/* The column view's header: its titles, one per column, hidden with their column. */
static GtkWidget *
column_header (GtkWidget *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (column_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_css_name (child), "header"))
      return child;

  return NULL;
}

typedef struct
{
  GtkWidget *main_view;   /* NULL for the list alone */
  GtkWidget *column_view;
  guint      n_wanted;    /* at least that many columns shown */
  guint      n_shown;     /* the visible columns, once they all fit */
  GString   *shown;       /* their titles, separated by "|" */
  double     unused;      /* the room to the right of the last one */
} ColumnsFit;

/* The sidebar, the list and (when a datastore is selected) the details pane side by side. */
static gboolean
all_panes_shown (GtkWidget *main_view)
{
  g_autoptr(GPtrArray) leaflets = g_ptr_array_new ();
  GtkWidget *details = steward_test_find_widget (main_view, STEWARD_TYPE_DATASTORE_DETAILS, NULL);

  collect_leaflets (main_view, leaflets);
  for (guint i = 0; i < leaflets->len; i++)
    if (adw_leaflet_get_folded (g_ptr_array_index (leaflets, i)))
      return FALSE;

  return leaflets->len > 0 &&
         (steward_datastore_details_get_datastore (STEWARD_DATASTORE_DETAILS (details)) == NULL ||
          gtk_widget_get_mapped (details));
}

/* Whether every visible column's title lies wholly inside the part of the list that shows. */
static gboolean
columns_fit_cb (gpointer user_data)
{
  ColumnsFit *fit = user_data;
  GtkWidget *scroller = gtk_widget_get_ancestor (fit->column_view, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *header = column_header (fit->column_view);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (fit->column_view));
  guint n_visible_columns = 0;

  if (header == NULL || !gtk_widget_get_mapped (fit->column_view) ||
      (fit->main_view != NULL && !all_panes_shown (fit->main_view)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        n_visible_columns++;
    }

  fit->n_shown = 0;
  g_string_truncate (fit->shown, 0);
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      GtkWidget *label = steward_test_find_widget (title, GTK_TYPE_LABEL, NULL);
      graphene_rect_t bounds;

      if (!gtk_widget_get_visible (title))
        continue;
      if (!gtk_widget_compute_bounds (title, scroller, &bounds) || bounds.size.width <= 0 ||
          bounds.origin.x < 0 ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (scroller))
        return FALSE;

      fit->n_shown++;
      fit->unused = gtk_widget_get_width (scroller) - (bounds.origin.x + bounds.size.width);
      g_string_append_printf (fit->shown, "%s|",
                              label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : "");
    }

  return fit->n_shown == n_visible_columns && fit->n_shown >= fit->n_wanted;
}

/* The columns fit, and the name takes the room the others leave. */
static gboolean
columns_fill_cb (gpointer user_data)
{
  ColumnsFit *fit = user_data;

  return columns_fit_cb (fit) && fit->unused < 1;
}

/* At the default size the list shows every column, none cut off; with a datastore's details
 * beside it, the columns that still fit, numbers included; on a small screen, fewer, still none
 * cut off. */
static void
test_window_columns_fit (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.stewardapp.Steward");
  StewardWindow *window;
  GtkWidget *view;
  ColumnsFit fit = { NULL, NULL, 0, 0, g_string_new (NULL), 0 };
  int width;
  int height;

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  fresh_session ();
  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 800);

  sign_in (demo, "Acme staging", STEWARD_ENVIRONMENT_NONE);
  wait_for_page (window, "main");
  view = GTK_WIDGET (steward_window_get_main_view (window));
  g_assert_true (steward_test_wait_until (datastore_shown_cb, view, STEWARD_TEST_LONG_TIMEOUT_MS));

  /* Nothing selected: the list has the width, every column shows. */
  fit.column_view = steward_test_find_widget (view, GTK_TYPE_COLUMN_VIEW, NULL);
  fit.main_view = view;
  g_assert_nonnull (fit.column_view);
  fit.n_wanted = 8;
  if (!steward_test_wait_until (columns_fill_cb, &fit, STEWARD_TEST_TIMEOUT_MS))
    g_error ("at the default size the list shows only %s (%.0f pixels left over)", fit.shown->str,
             fit.unused);
  g_assert_cmpstr (fit.shown->str, ==, "|Name|Type|Containers|Anomalies|Group|Tags|Created|");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1280);

  /* A datastore's details beside the list: what fits, none cut off, the numbers in view. */
  g_assert_true (steward_main_view_select_datastore (STEWARD_MAIN_VIEW (view), 42));
  fit.n_wanted = 5;
  g_assert_true (steward_test_wait_until (columns_fill_cb, &fit, STEWARD_TEST_TIMEOUT_MS));
  g_assert_nonnull (strstr (fit.shown->str, "|Name|Type|Containers|Anomalies|"));

  /* A small laptop screen, details shown: still none cut off. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  fit.n_wanted = 4;
  g_assert_true (steward_test_wait_until (columns_fill_cb, &fit, STEWARD_TEST_TIMEOUT_MS));
  g_assert_nonnull (strstr (fit.shown->str, "|Name|"));
  g_assert_nonnull (strstr (fit.shown->str, "|Containers|Anomalies|"));

  fresh_session ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_string_free (fit.shown, TRUE);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} Width;

static gboolean
width_reached_cb (gpointer user_data)
{
  Width *wanted = user_data;

  return gtk_widget_get_width (wanted->widget) == wanted->width;
}

/* Gives the list @width and waits until its columns fit with at least @n_wanted shown. */
static void
resize_and_fit (AdwClamp   *clamp,
                int         width,
                ColumnsFit *fit,
                guint       n_wanted)
{
  Width wanted = { adw_clamp_get_child (clamp), width };

  adw_clamp_set_maximum_size (clamp, width);
  adw_clamp_set_tightening_threshold (clamp, width);
  g_assert_true (steward_test_wait_until (width_reached_cb, &wanted, STEWARD_TEST_TIMEOUT_MS));
  fit->n_wanted = n_wanted;
  g_assert_true (steward_test_wait_until (columns_fill_cb, fit, STEWARD_TEST_TIMEOUT_MS));
}

/* The list alone: every column where there is room; as the room shrinks, fewer, none cut off,
 * the numbers last. */
static void
test_table_columns (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AdwClamp *clamp = ADW_CLAMP (adw_clamp_new ());
  StewardDatastoreTable *table = g_object_new (STEWARD_TYPE_DATASTORE_TABLE, NULL);
  g_autoptr(GListStore) model = g_list_store_new (STEWARD_TYPE_DATASTORE);
  ColumnsFit fit = { NULL, NULL, 0, 0, g_string_new (NULL), 0 };

  steward_datastore_table_set_model (table, G_LIST_MODEL (model));
  steward_datastore_table_show_list (table);
  adw_clamp_set_child (clamp, GTK_WIDGET (table));
  gtk_window_set_child (window, GTK_WIDGET (clamp));
  gtk_window_set_default_size (window, 1200, 600);
  gtk_window_present (window);
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, window, STEWARD_TEST_TIMEOUT_MS));
  fit.column_view = steward_test_find_widget (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW, NULL);

  resize_and_fit (clamp, 1100, &fit, 8);
  g_assert_cmpstr (fit.shown->str, ==, "|Name|Type|Containers|Anomalies|Group|Tags|Created|");

  /* The room the list has in a default-sized window beside the sidebar and the details. */
  resize_and_fit (clamp, 500, &fit, 5);
  g_assert_nonnull (strstr (fit.shown->str, "|Name|Type|Containers|Anomalies|"));

  /* Narrower still, the type steps aside too; the name and the numbers stay. */
  resize_and_fit (clamp, 400, &fit, 4);
  g_assert_nonnull (strstr (fit.shown->str, "|Name|"));
  g_assert_nonnull (strstr (fit.shown->str, "|Containers|Anomalies|"));

  /* And they come back. */
  resize_and_fit (clamp, 1100, &fit, 8);

  gtk_window_destroy (window);
  g_string_free (fit.shown, TRUE);
}

static void
test_environment_badge (void)
{
  GtkWidget *badge = g_object_ref_sink (steward_environment_badge_new ());
  g_autoptr(StewardProfile) profile = steward_profile_new ("Dev", "https://dev.example/api/");

  g_assert_false (gtk_widget_get_visible (badge));
  steward_environment_badge_set_profile (STEWARD_ENVIRONMENT_BADGE (badge), profile);
  g_assert_false (gtk_widget_get_visible (badge));
  steward_profile_set_environment (profile, STEWARD_ENVIRONMENT_GREEN);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_nonnull (steward_test_find_widget (badge, GTK_TYPE_LABEL, "Development"));
  g_assert_true (gtk_widget_has_css_class (badge, "environment-green"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, "Environment: Development");

  steward_environment_badge_set_profile (STEWARD_ENVIRONMENT_BADGE (badge), NULL);
  g_assert_false (gtk_widget_get_visible (badge));
  /* No longer followed. */
  steward_profile_set_environment (profile, STEWARD_ENVIRONMENT_RED);
  g_assert_false (gtk_widget_get_visible (badge));
  g_object_unref (badge);
}

typedef struct
{
  char *label;
  char *action;
  char *target;
} MenuItem;

static void
menu_item_free (MenuItem *item)
{
  g_free (item->label);
  g_free (item->action);
  g_free (item->target);
  g_free (item);
}

/* The menu's items, sections flattened, in order. */
static GPtrArray *
list_menu (GMenuModel *menu)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) menu_item_free);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          MenuItem *item = g_new0 (MenuItem, 1);
          g_autoptr(GVariant) target =
              g_menu_model_get_item_attribute_value (section, j, G_MENU_ATTRIBUTE_TARGET,
                                                     G_VARIANT_TYPE_STRING);

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &item->label);
          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &item->action);
          item->target = target != NULL ? g_variant_dup_string (target, NULL) : NULL;
          g_ptr_array_add (items, item);
        }
    }

  return items;
}

static MenuItem *
find_menu_item (GPtrArray  *items,
                const char *label)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((MenuItem *) g_ptr_array_index (items, i))->label, label) == 0)
      return g_ptr_array_index (items, i);

  return NULL;
}

static gboolean
signed_in_to_cb (gpointer user_data)
{
  StewardSession *session = steward_application_get_session (app);

  return steward_session_get_state (session) == STEWARD_SESSION_SIGNED_IN &&
         steward_session_get_profile (session) == user_data;
}

/* One radio item per saved profile switches to it; then the account items and the rest. */
static void
test_window_primary_menu (void)
{
  g_autoptr(StewardTestDemo) first_demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardTestDemo) second_demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GPtrArray) items = NULL;
  StewardWindow *window;
  StewardProfile *first;
  StewardProfile *second;
  MenuItem *item;
  g_autoptr(GVariant) state = NULL;

  fresh_session ();
  window = open_window ();
  items = list_menu (steward_window_get_primary_menu (window));
  g_assert_nonnull (find_menu_item (items, "_Sign In…"));
  g_assert_nonnull (find_menu_item (items, "_Keyboard Shortcuts"));
  g_assert_nonnull (find_menu_item (items, "_About Steward"));
  g_assert_null (find_menu_item (items, "_Forget This Profile…"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "sign-out"));
  g_clear_pointer (&items, g_ptr_array_unref);

  first = sign_in (first_demo, "First_deployment", STEWARD_ENVIRONMENT_GREEN);
  second = sign_in (second_demo, "Second", STEWARD_ENVIRONMENT_RED);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);

  items = list_menu (steward_window_get_primary_menu (window));
  /* Underscores in a name are not mnemonics. */
  item = find_menu_item (items, "First__deployment");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->action, ==, "app.switch-profile");
  g_assert_cmpstr (item->target, ==, steward_profile_get_id (first));
  item = find_menu_item (items, "Second");
  g_assert_cmpstr (item->target, ==, steward_profile_get_id (second));
  g_assert_nonnull (find_menu_item (items, "Sign _In to Another Deployment…"));
  g_assert_cmpstr (find_menu_item (items, "Sign _Out")->action, ==, "app.sign-out");
  item = find_menu_item (items, "_Forget This Profile…");
  g_assert_cmpstr (item->action, ==, "app.forget-profile");
  g_assert_cmpstr (item->target, ==, steward_profile_get_id (second));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "sign-out"));

  /* The radio shows the current profile; choosing the other one switches. */
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "switch-profile");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, steward_profile_get_id (second));
  g_action_group_activate_action (G_ACTION_GROUP (app), "switch-profile",
                                  g_variant_new_string (steward_profile_get_id (first)));
  g_assert_true (steward_test_wait_until (signed_in_to_cb, first, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "switch-profile");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, steward_profile_get_id (first));
  g_assert_true (subtitle_names (window, "First_deployment"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "environment-green"));

  fresh_session ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
connecting_cb (gpointer user_data)
{
  return steward_session_get_state (user_data) == STEWARD_SESSION_CONNECTING;
}

static gboolean
not_connecting_cb (gpointer user_data)
{
  return steward_session_get_state (user_data) != STEWARD_SESSION_CONNECTING;
}

/* Switching to @profile, whose deployment takes its time: the connecting page names it, and its
 * Cancel stops. */
static void
switch_and_cancel (StewardWindow   *window,
                   StewardTestDemo *demo,
                   StewardProfile  *profile)
{
  StewardSession *session = steward_window_get_session (window);
  GtkWidget *page;
  GtkWidget *cancel;

  steward_demo_server_inject_fault (demo->server, "GET", "/api/health", STEWARD_DEMO_FAULT_STALL,
                                    1);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.switch-profile", "s",
                              steward_profile_get_id (profile));
  g_assert_true (steward_test_wait_until (connecting_cb, session, STEWARD_TEST_TIMEOUT_MS));
  wait_for_page (window, "connecting");

  page = steward_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                   "Connecting to Slow deployment…");
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (gtk_spinner_get_spinning (
      GTK_SPINNER (steward_test_find_widget (page, GTK_TYPE_SPINNER, NULL))));
  g_assert_true (subtitle_names (window, "Slow deployment"));
  g_assert_true (gtk_widget_get_mapped (shown_badge (window)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "environment-red"));

  cancel = steward_test_find_widget (page, GTK_TYPE_BUTTON, "_Cancel");
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_true (steward_test_wait_until (not_connecting_cb, session, STEWARD_TEST_TIMEOUT_MS));
}

static void
test_window_connecting (void)
{
  g_autoptr(StewardTestDemo) slow_demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardTestDemo) other_demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  StewardSession *session = fresh_session ();
  g_autoptr(GAsyncResult) result = NULL;
  StewardWindow *window = open_window ();
  StewardProfile *slow;
  StewardProfile *other;

  slow = sign_in (slow_demo, "Slow deployment", STEWARD_ENVIRONMENT_RED);
  other = sign_in (other_demo, "Other", STEWARD_ENVIRONMENT_NONE);
  wait_for_page (window, "main");

  /* Cancelled while signed in elsewhere: back where it was. */
  switch_and_cancel (window, slow_demo, slow);
  wait_for_page (window, "main");
  g_assert_true (steward_session_get_profile (session) == other);
  g_assert_true (subtitle_names (window, "Other"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "environment-red"));

  /* Cancelled while signed out: back to the signed-out page, with no error. */
  steward_session_sign_out_async (session, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  switch_and_cancel (window, slow_demo, slow);
  wait_for_page (window, "signed-out");
  g_assert_null (steward_session_get_last_error (session));

  fresh_session ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
restore_error_shown_cb (gpointer user_data)
{
  GtkWidget *retry = steward_test_find_widget (GTK_WIDGET (user_data), GTK_TYPE_BUTTON, "_Retry");

  return retry != NULL && gtk_widget_get_mapped (retry);
}

/* A saved deployment that does not answer at start-up: the signed-out page says why, and Retry
 * tries again. */
static void
test_window_restore_error (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  StewardSession *session = fresh_session ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  StewardWindow *window = open_window ();
  StewardProfile *profile;
  GtkWidget *retry;
  guint16 port = steward_demo_server_get_port (demo->server);

  profile = sign_in (demo, "Flaky", STEWARD_ENVIRONMENT_NONE);
  g_assert_nonnull (profile);
  steward_session_sign_out_async (session, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);

  /* Signing out removed the token: put one back, as a previous run would have left it. */
  g_clear_object (&result);
  steward_keyring_store_async (steward_profile_get_url (profile), "Flaky",
                               steward_demo_server_get_token (demo->server,
                                                              STEWARD_DEMO_ROLE_ADMIN),
                               NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_keyring_store_finish (result, NULL));

  steward_demo_server_stop (demo->server);
  g_clear_object (&result);
  steward_session_restore_async (session, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_false (steward_session_restore_finish (session, result, &error));

  g_assert_true (steward_test_wait_until (restore_error_shown_cb, window, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (visible_page (window), ==, "signed-out");
  g_assert_nonnull (steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, error->message));

  /* The deployment is back on the same port. */
  g_assert_true (steward_demo_server_start (demo->server, port, NULL));
  retry = steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Retry");
  g_signal_emit_by_name (retry, "clicked");
  wait_for_page (window, "main");
  g_assert_true (subtitle_names (window, "Flaky"));
  g_assert_null (steward_session_get_last_error (session));

  fresh_session ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
import_offered_cb (gpointer user_data)
{
  GtkWidget *button = steward_test_find_widget (GTK_WIDGET (user_data), GTK_TYPE_BUTTON,
                                                "_Import from Qualytics CLI");

  return gtk_widget_get_mapped (button);
}

static gboolean
sign_in_dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (STEWARD_TYPE_SIGN_IN_DIALOG) != NULL;
}

static gboolean
dialog_idle_cb (gpointer user_data)
{
  return !steward_sign_in_dialog_get_busy (STEWARD_SIGN_IN_DIALOG (user_data));
}

/* With the Qualytics CLI configured, the signed-out page offers to import it. */
static void
test_window_import_offer (void)
{
  g_autofree char *dir = g_build_filename (g_get_home_dir (), ".qualytics", NULL);
  g_autofree char *path = g_build_filename (dir, "config.yaml", NULL);
  StewardWindow *window;
  GtkWindow *dialog;

  fresh_session ();
  window = open_window ();
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_false (import_offered_cb (window));
  gtk_window_destroy (GTK_WINDOW (window));

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (
      g_file_set_contents (path, "url: https://acme.qualytics.io\ntoken: abc\n", -1, NULL));
  window = open_window ();
  g_assert_true (steward_test_wait_until (import_offered_cb, window, STEWARD_TEST_TIMEOUT_MS));

  g_signal_emit_by_name (steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                                                   "_Import from Qualytics CLI"), "clicked");
  g_assert_true (steward_test_wait_until (sign_in_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  dialog = steward_test_find_toplevel (STEWARD_TYPE_SIGN_IN_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (steward_test_wait_until (dialog_idle_cb, dialog, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Deployment URL"))),
                   ==, "https://acme.qualytics.io");

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Several test programs share one D-Bus session, so none may claim the app id for itself. */
  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/signed-out", test_window_signed_out);
  g_test_add_func ("/window/about-and-shortcuts", test_window_about_and_shortcuts);
  g_test_add_func ("/window/size-restored", test_window_size_restored);
  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/sign-out-and-in-again", test_window_sign_out_and_in_again);
  g_test_add_func ("/window/switch-and-back", test_window_switch_and_back);
  g_test_add_func ("/window/cleartext-indicator", test_window_cleartext_indicator);
  g_test_add_func ("/window/environment", test_window_environment);
  g_test_add_func ("/window/environment-badge", test_environment_badge);
  g_test_add_func ("/window/columns-fit", test_window_columns_fit);
  g_test_add_func ("/window/table-columns", test_table_columns);
  g_test_add_func ("/window/primary-menu", test_window_primary_menu);
  g_test_add_func ("/window/connecting", test_window_connecting);
  g_test_add_func ("/window/restore-error", test_window_restore_error);
  g_test_add_func ("/window/import-offer", test_window_import_offer);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
