/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "steward-application.h"
#include "steward-test-utils.h"
#include "steward-window.h"

static StewardApplication *app;

static gboolean
widget_mapped_cb (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data));
}

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
  g_assert_true (steward_test_wait_until (widget_mapped_cb, window, 5000));
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
  g_assert_nonnull (steward_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "Main Menu"));

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
  g_assert_true (steward_test_wait_until (about_shown_cb, NULL, 5000));
  about = steward_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Steward");
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  gtk_window_destroy (about);

  gtk_widget_activate_action (GTK_WIDGET (window), "app.shortcuts", NULL);
  g_assert_true (steward_test_wait_until (shortcuts_shown_cb, NULL, 5000));
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
  steward_test_iterate (100);
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

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
