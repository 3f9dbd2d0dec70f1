/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sidebar lists each group once, whatever the server sends: two groups with one id, or
 * groups without ids (all 0), once freed an entry still shown (use after free under ASan with
 * G_SLICE=always-malloc). */
#include <adwaita.h>

#include "steward-application.h"
#include "steward-sidebar.h"
#include "steward-test-utils.h"

static StewardApplication *app;

static StewardDatastoreGroup *
group (gint64      id,
       const char *name)
{
  return g_object_new (STEWARD_TYPE_DATASTORE_GROUP, "id", id, "name", name, NULL);
}

static guint
count_rows (GtkWidget *root)
{
  guint n = GTK_IS_LIST_BOX_ROW (root) && gtk_widget_get_visible (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static void
test_duplicate_and_missing_ids (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (app)));
  StewardSidebar *sidebar = STEWARD_SIDEBAR (g_object_new (STEWARD_TYPE_SIDEBAR, NULL));
  g_autoptr(GListStore) groups = g_list_store_new (STEWARD_TYPE_DATASTORE_GROUP);
  g_autoptr(StewardDatastoreGroup) first = group (5, "Gold Tier");
  g_autoptr(StewardDatastoreGroup) again = group (5, "Gold Tier (again)");
  g_autoptr(StewardDatastoreGroup) no_id = group (0, "No id");
  g_autoptr(StewardDatastoreGroup) no_id_either = group (0, "No id either");
  guint fixed_rows;

  gtk_window_set_child (window, GTK_WIDGET (sidebar));
  steward_sidebar_set_groups (sidebar, G_LIST_MODEL (groups));
  gtk_window_present (window);
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, sidebar, STEWARD_TEST_TIMEOUT_MS));
  fixed_rows = count_rows (GTK_WIDGET (sidebar));

  g_list_store_append (groups, first);
  g_list_store_append (groups, again);
  g_list_store_append (groups, no_id);
  g_list_store_append (groups, no_id_either);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);

  /* Each id once: the first group with it. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (sidebar)), ==, fixed_rows + 2);
  g_assert_true (steward_sidebar_item_get_group (
                     steward_sidebar_find_item (sidebar, STEWARD_SCOPE_GROUP, 5)) == first);
  g_assert_true (steward_sidebar_select (sidebar, STEWARD_SCOPE_GROUP, 5));

  /* Taking them away again, and clearing, leaves the fixed entries. */
  g_list_store_remove (groups, 0);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_assert_true (steward_sidebar_item_get_group (
                     steward_sidebar_find_item (sidebar, STEWARD_SCOPE_GROUP, 5)) == again);
  g_list_store_remove_all (groups);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_assert_cmpuint (count_rows (GTK_WIDGET (sidebar)), ==, fixed_rows);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/sidebar/duplicate-and-missing-ids", test_duplicate_and_missing_ids);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
