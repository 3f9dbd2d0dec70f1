/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every icon name the UI uses (listed at build time from the .ui and .c files by
 * build-aux/list-icon-names.py) must be found and drawn: through the icon theme for the desktop's
 * icons, through Steward's resource for its own. A missing runtime dependency, such as the SVG
 * image loader GTK only recommends, fails here instead of showing the "missing image" icon.
 *
 * .ci/pristine-root.sh also runs this program beside `steward --demo` in a pristine Debian root,
 * with only what `build-aux/dev.sh run` installed. */
#include "config.h"

#include <gtk/gtk.h>

#include "steward-ui-icon-names.h"

static GString *load_failures;

/* GTK reports an icon it cannot load with a warning and draws "image-missing" instead; keep the
 * warning for the assertion's message rather than aborting on it. */
static gboolean
log_cb (const char     *log_domain,
        GLogLevelFlags  log_level,
        const char     *message,
        gpointer        user_data)
{
  if (g_strcmp0 (log_domain, "Gtk") == 0 && strstr (message, "icon") != NULL)
    {
      g_string_append_printf (load_failures, "%s\n", message);
      return FALSE;
    }
  return TRUE;
}

static void
test_icon (gconstpointer data)
{
  const char *name = data;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (!gtk_icon_theme_has_icon (theme, name))
    g_error ("no icon named “%s” in the icon theme “%s” or Steward's resource", name,
             gtk_icon_theme_get_theme_name (theme));

  g_string_truncate (load_failures, 0);
  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (icon);
  uri = file != NULL ? g_file_get_uri (file) : g_strdup ("a built-in icon");

  /* Drawing is what loads the image. */
  gdk_paintable_snapshot (GDK_PAINTABLE (icon), GDK_SNAPSHOT (snapshot), 16, 16);
  node = gtk_snapshot_free_to_node (snapshot);

  if (load_failures->len > 0 || g_strcmp0 (gtk_icon_paintable_get_icon_name (icon), name) != 0)
    g_error ("icon “%s” (%s) cannot be drawn; it shows as “%s”. %s", name, uri,
             gtk_icon_paintable_get_icon_name (icon), load_failures->str);
  g_assert_nonnull (node);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  /* This test is about images, and it also runs where no accessibility bus is installed. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  load_failures = g_string_new (NULL);
  g_test_log_set_fatal_handler (log_cb, NULL);

  /* What the application does at start-up: its resource base path puts the bundled icons in the
   * icon theme. */
  app = gtk_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_PREFIX);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* The application icon, which the About window shows, besides every icon of the UI. */
  g_test_add_data_func ("/icons/" BASE_APP_ID, BASE_APP_ID, test_icon);
  for (guint i = 0; steward_ui_icon_names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/icons/", steward_ui_icon_names[i], NULL);
      g_test_add_data_func (path, steward_ui_icon_names[i], test_icon);
    }

  return g_test_run ();
}
