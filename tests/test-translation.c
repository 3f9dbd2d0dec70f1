/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The UI in German: the .mo built from po/de.po is found in the build directory's po/, and the
 * window's templates, the strings set from C, plurals and contexts all come out translated.
 *
 * The locale is C.UTF-8, which glibc has built in, so no generated locale is needed; glibc
 * honours LANGUAGE for it (though not for plain "C"). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-test-utils.h"
#include "steward-window.h"

static StewardApplication *app;

static StewardWindow *
open_window (void)
{
  StewardWindow *window = steward_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, window, STEWARD_TEST_TIMEOUT_MS));
  return window;
}

/* The labels of a menu's items, sections flattened. */
static GPtrArray *
menu_labels (GMenuModel *menu)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          char *label = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label))
            g_ptr_array_add (labels, label);
        }
    }

  return labels;
}

static gboolean
has_label (GPtrArray  *labels,
           const char *label)
{
  return g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL);
}

static void
test_translation_catalog (void)
{
  /* The header is translated only when the catalog was found for this language. */
  g_assert_nonnull (strstr (g_dgettext (GETTEXT_PACKAGE, ""), "Language: de"));

  /* Plain, with a context, and from C code of the API layer. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Not Signed In"), ==, "Nicht angemeldet");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "remediation", "Append"), ==, "Anhängen");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "connector", "User Name"), ==, "Benutzername");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "The URL is empty"), ==, "Die URL ist leer");

  /* German has two plural forms, the second for every n but 1. */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "Deleted %u of %u datastore",
                                "Deleted %u of %u datastores", 1),
                   ==, "%u von %u Datenspeicher gelöscht");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "Deleted %u of %u datastore",
                                "Deleted %u of %u datastores", 5),
                   ==, "%u von %u Datenspeichern gelöscht");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "and %u more\n", "and %u more\n", 1), ==,
                   "und %u weiterer\n");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "and %u more\n", "and %u more\n", 0), ==,
                   "und %u weitere\n");
}

static void
test_translation_window (void)
{
  StewardWindow *window = open_window ();
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(GPtrArray) labels = NULL;
  GtkWidget *status;
  GtkWidget *button;

  /* A fresh application has no saved profile: the signed-out page, from the window's template. */
  status = steward_test_find_widget (root, ADW_TYPE_STATUS_PAGE, "Nicht angemeldet");
  g_assert_nonnull (status);
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, status, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   "Melden Sie sich bei einer Qualytics-Instanz an, um ihre Datenspeicher zu "
                   "verwalten.");
  g_assert_null (steward_test_find_widget (root, ADW_TYPE_STATUS_PAGE, "Not Signed In"));

  button = steward_test_find_widget (root, GTK_TYPE_BUTTON, "_Anmelden …");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_null (steward_test_find_widget (root, GTK_TYPE_BUTTON, "_Sign In…"));

  button = steward_test_find_widget (root, GTK_TYPE_BUTTON, "_Demo ausprobieren");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_null (steward_test_find_widget (root, GTK_TYPE_BUTTON, "_Try the Demo"));

  /* Tooltips, and the product name left as it is. */
  g_assert_nonnull (steward_test_find_widget (root, GTK_TYPE_MENU_BUTTON, "Hauptmenü"));
  g_assert_null (steward_test_find_widget (root, GTK_TYPE_MENU_BUTTON, "Main Menu"));
  g_assert_nonnull (steward_test_find_widget (root, ADW_TYPE_WINDOW_TITLE, "Steward"));

  /* The primary menu: items of the template's menu, and one the window adds from C. */
  labels = menu_labels (steward_window_get_primary_menu (window));
  g_assert_true (has_label (labels, "_Tastenkürzel"));
  g_assert_true (has_label (labels, "_Info zu Steward"));
  g_assert_true (has_label (labels, "_Anmelden …"));
  g_assert_false (has_label (labels, "_Keyboard Shortcuts"));
  g_assert_false (has_label (labels, "_Sign In…"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *po_dir = NULL;
  g_autofree char *mo_file = NULL;
  const char *locale;
  int status;

  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  /* gtk_test_init() sets a fixed English locale; take the environment's back after it. */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  locale = setlocale (LC_ALL, "");
  g_assert_nonnull (locale);
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), !=, "C");

  /* G_TEST_BUILDDIR is the build's tests/; the catalogs are built into its sibling po/. */
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  mo_file = g_build_filename (po_dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo_file, G_FILE_TEST_IS_REGULAR))
    g_error ("%s was not built", mo_file);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Several test programs share one D-Bus session, so none may claim the app id for itself. */
  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/translation/catalog", test_translation_catalog);
  g_test_add_func ("/translation/window", test_translation_window);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
