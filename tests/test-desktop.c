/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The browser as a desktop citizen, against the demo server in a real window: Copy Link, Copy
 * ID and Copy Name reach the display's clipboard and the menus offer them with Open in Browser;
 * Export List writes what the list shows, as CSV; the end of a sync or a bulk action is a desktop
 * notification when the window is not focused, and only then, and clicking it asks the
 * application to show the datastore. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "steward-datastore-table.h"
#include "steward-main-view.h"
#include "steward-test-csv.h"
#include "steward-test-demo.h"
#include "steward-test-notifications.h"
#include "steward-test-utils.h"

/* A name a CSV writer must quote, which toasts escape and notifications show as it is. */
#define AWKWARD_NAME "Sales, \"EU\" <weekly>\nsecond line"

typedef struct
{
  StewardTestDemo       *demo;
  StewardDeployment     *deployment;
  GtkWindow             *window;
  GtkWindow             *other;
  StewardMainView       *view;
  StewardDatastoreTable *table;
} Fixture;

/* The targets app.show-datastore was activated with: what clicking a notification asked for. */
static GArray *show_requests;

static GListModel *
rows (Fixture *fixture)
{
  return G_LIST_MODEL (steward_datastore_table_get_selection (fixture->table));
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (rows (fixture));
}

static StewardDatastore *
row (Fixture *fixture,
     guint    position)
{
  g_autoptr(StewardDatastore) datastore = g_list_model_get_item (rows (fixture), position);

  return datastore;   /* the model keeps it */
}

static gboolean
list_shown_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_strcmp0 (steward_datastore_table_get_page (fixture->table), "list") == 0 &&
         n_rows (fixture) > 0;
}

static gboolean
active_cb (gpointer user_data)
{
  return gtk_window_is_active (user_data);
}

static gboolean
inactive_cb (gpointer user_data)
{
  return !gtk_window_is_active (user_data);
}

static void
rename_on_server (StewardTestDemo *demo,
                  gint64           id,
                  const char      *name)
{
  g_autoptr(StewardDatastoreRequest) changes = steward_datastore_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardDatastore) renamed = NULL;
  g_autoptr(GError) error = NULL;

  steward_datastore_request_set_name (changes, name);
  steward_client_update_datastore_async (demo->client, id, changes, NULL,
                                         steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  renamed = steward_client_update_datastore_finish (demo->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_datastore_get_name (renamed), ==, name);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;

  steward_test_notifications_clear ();
  g_array_set_size (show_requests, 0);

  fixture->demo = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  rename_on_server (fixture->demo, 42, AWKWARD_NAME);
  steward_client_get_current_user_async (fixture->demo->client, NULL,
                                         steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (fixture->demo->client, result, NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
  fixture->view = STEWARD_MAIN_VIEW (steward_main_view_new ());
  steward_main_view_set_poll_interval (fixture->view, 100);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  fixture->table = STEWARD_DATASTORE_TABLE (
    steward_test_find_widget (GTK_WIDGET (fixture->view), STEWARD_TYPE_DATASTORE_TABLE, NULL));

  fixture->deployment = steward_deployment_new (fixture->demo->client, user, NULL);
  steward_main_view_set_deployment (fixture->view, fixture->deployment);
  g_assert_true (steward_test_wait_until (list_shown_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->other, gtk_window_destroy);
  gtk_window_destroy (fixture->window);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_clear_object (&fixture->deployment);
  steward_test_demo_free (fixture->demo);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
label_shown_cb (gpointer user_data)
{
  LabelSearch *search = user_data;

  return steward_test_shows_text (search->root, search->text);
}

/* A toast or any other visible text containing @text appears. */
static void
assert_shows (Fixture    *fixture,
              const char *text)
{
  LabelSearch search = { GTK_WIDGET (fixture->window), text };

  if (!steward_test_wait_until (label_shown_cb, &search, STEWARD_TEST_TIMEOUT_MS))
    g_error ("Nothing visible says “%s”", text);
}

/* Copy and open */

static char *
clipboard_text (Fixture *fixture)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->view));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  gdk_clipboard_read_text_async (clipboard, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  text = gdk_clipboard_read_text_finish (clipboard, result, &error);
  g_assert_no_error (error);
  return text;
}

typedef struct
{
  Fixture    *fixture;
  const char *expected;
} ClipboardWait;

static gboolean
clipboard_holds_cb (gpointer user_data)
{
  ClipboardWait *wait = user_data;
  g_autofree char *text = clipboard_text (wait->fixture);

  return g_strcmp0 (text, wait->expected) == 0;
}

static void
assert_copies (Fixture    *fixture,
               const char *action,
               const char *expected,
               const char *toast)
{
  ClipboardWait wait = { fixture, expected };

  /* Something else first, so the action's own text is what is read back. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->view)), "before");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, "x", (gint64) 42);
  if (!steward_test_wait_until (clipboard_holds_cb, &wait, STEWARD_TEST_TIMEOUT_MS))
    {
      g_autofree char *text = clipboard_text (fixture);
      g_error ("%s put “%s” on the clipboard, not “%s”", action, text, expected);
    }
  assert_shows (fixture, toast);
}

/* Every action a menu model offers, sections and submenus included. */
static void
collect_actions (GMenuModel *model,
                 GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      char *action = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);
          collect_actions (linked, actions);
        }
    }
}

static gboolean
context_menu_shown_cb (gpointer user_data)
{
  GtkWidget *menu = steward_test_find_widget (user_data, GTK_TYPE_POPOVER_MENU, NULL);

  return menu != NULL && gtk_widget_get_mapped (menu);
}

static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  const char *base = steward_client_get_base_url (fixture->demo->client);
  g_autofree char *deployment = NULL;
  g_autofree char *link = NULL;
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *menu;

  /* The deployment's address, as typed, without the API's path. */
  g_assert_true (g_str_has_suffix (base, "/api/"));
  deployment = g_strndup (base, strlen (base) - strlen ("/api/"));
  link = g_strconcat (deployment, "/datastores/42", NULL);

  assert_copies (fixture, "view.copy-link", link, "Copied the link to “Sales, ");
  assert_copies (fixture, "view.copy-id", "42", "Copied the ID 42");
  assert_copies (fixture, "view.copy-name", AWKWARD_NAME, "Copied the name “Sales, ");

  /* The row's context menu offers them all, with Open in Browser, for that datastore. */
  g_assert_true (steward_main_view_select_datastore (fixture->view, 42));
  gtk_widget_activate_action (GTK_WIDGET (fixture->table), "table.context-menu", NULL);
  g_assert_true (
      steward_test_wait_until (context_menu_shown_cb, fixture->table, STEWARD_TEST_TIMEOUT_MS));
  menu = steward_test_find_widget (GTK_WIDGET (fixture->table), GTK_TYPE_POPOVER_MENU, NULL);
  collect_actions (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), actions);
  for (guint i = 0; i < 4; i++)
    {
      static const char *offered[] = {
        "view.open-in-browser", "view.copy-link", "view.copy-id", "view.copy-name"
      };

      if (!g_ptr_array_find_with_equal_func (actions, offered[i], g_str_equal, NULL))
        g_error ("The context menu does not offer %s", offered[i]);
    }
  gtk_popover_popdown (GTK_POPOVER (menu));
}

/* Export */

typedef struct
{
  Fixture    *fixture;
  const char *search;
} SearchWait;

static gboolean
rows_match_search_cb (gpointer user_data)
{
  SearchWait *wait = user_data;

  if (!list_shown_cb (wait->fixture))
    return FALSE;
  for (guint i = 0; i < n_rows (wait->fixture); i++)
    {
      const char *shown_name = steward_datastore_get_name (row (wait->fixture, i));
      g_autofree char *name = g_ascii_strdown (shown_name, -1);

      if (strstr (name, wait->search) == NULL)
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
export_to (Fixture  *fixture,
           GFile    *file,
           int      *n_written,
           GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *contents = NULL;
  GPtrArray *records;

  steward_main_view_export_list_async (fixture->view, file, NULL, steward_test_store_result_cb,
                                       &result);
  steward_test_wait_result (&result);
  *n_written = steward_main_view_export_list_finish (fixture->view, result, error);
  if (*n_written < 0)
    return NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  records = steward_test_parse_csv (contents);
  g_assert_nonnull (records);
  return records;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *entry = steward_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY,
                                               NULL);
  SearchWait sales = { fixture, "sales" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steward-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) nowhere = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  GListModel *columns;
  GtkColumnView *column_view;
  char **header;
  guint name_column = G_MAXUINT;
  guint n_visible = 0;
  gboolean awkward_seen = FALSE;
  int n_written;

  g_assert_no_error (error);
  path = g_build_filename (dir, "datastores.csv", NULL);
  file = g_file_new_for_path (path);

  /* What the user sees: the search narrows the list, and names sort as the view sorts them. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "sales");
  g_assert_true (steward_test_wait_until (rows_match_search_cb, &sales, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (n_rows (fixture), >, 1);

  records = export_to (fixture, file, &n_written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_written, ==, n_rows (fixture));
  g_assert_cmpuint (records->len, ==, n_rows (fixture) + 1);

  /* The header names the columns shown, in their order; the star has no title and no column. */
  column_view = GTK_COLUMN_VIEW (steward_test_find_widget (GTK_WIDGET (fixture->table),
                                                           GTK_TYPE_COLUMN_VIEW, NULL));
  columns = gtk_column_view_get_columns (column_view);
  header = g_ptr_array_index (records, 0);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      if (!gtk_column_view_column_get_visible (column) || title == NULL)
        continue;
      g_assert_cmpstr (header[n_visible], ==, title);
      if (g_str_equal (title, "Name"))
        name_column = n_visible;
      n_visible++;
    }
  g_assert_cmpuint (g_strv_length (header), ==, n_visible);
  g_assert_cmpuint (name_column, !=, G_MAXUINT);

  /* Each row is the list's row at the same place, the awkward name back as it was. */
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      char **record = g_ptr_array_index (records, i + 1);
      const char *name = steward_datastore_get_name (row (fixture, i));

      g_assert_cmpuint (g_strv_length (record), ==, n_visible);
      g_assert_cmpstr (record[name_column], ==, name);
      awkward_seen |= g_str_equal (name, AWKWARD_NAME);
    }
  g_assert_true (awkward_seen);

  /* A place that cannot be written: the error, and no rows. */
  nowhere = g_file_new_build_filename (dir, "no-such-folder", "datastores.csv", NULL);
  failed = export_to (fixture, nowhere, &n_written, &error);
  g_assert_null (failed);
  g_assert_cmpint (n_written, ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Notifications */

static void
leave_window (Fixture *fixture)
{
  fixture->other = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (fixture->other);
  g_assert_true (steward_test_wait_until (inactive_cb, fixture->window, STEWARD_TEST_TIMEOUT_MS));
}

static gboolean
notified_cb (gpointer user_data)
{
  return steward_test_notifications_get_shown ()->len >= GPOINTER_TO_UINT (user_data);
}

static StewardTestNotification *
wait_notification (void)
{
  g_assert_true (
      steward_test_wait_until (notified_cb, GUINT_TO_POINTER (1), STEWARD_TEST_TIMEOUT_MS));
  return g_ptr_array_index (steward_test_notifications_get_shown (), 0);
}

/* Nothing was sent before now: a marker sent after reaches the server first. D-Bus keeps the
 * order of one connection's messages, so anything the view sent earlier would arrive before. */
static void
assert_nothing_notified (void)
{
  g_autoptr(GNotification) marker = g_notification_new ("marker");
  StewardTestNotification *first;

  g_application_send_notification (g_application_get_default (), "marker", marker);
  g_assert_true (
      steward_test_wait_until (notified_cb, GUINT_TO_POINTER (1), STEWARD_TEST_TIMEOUT_MS));
  first = g_ptr_array_index (steward_test_notifications_get_shown (), 0);
  g_assert_cmpstr (first->summary, ==, "marker");
  g_assert_cmpuint (steward_test_notifications_get_shown ()->len, ==, 1);
}

static gboolean
show_requested_cb (gpointer user_data)
{
  return show_requests->len > 0;
}

/* The notification server says the user clicked the notification. */
static void
click_notification (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  /* A notification's id is its position in the list, counted from 1: this is the last one. */
  guint id = steward_test_notifications_get_shown ()->len;

  g_assert_true (g_dbus_connection_emit_signal (bus, NULL, "/org/freedesktop/Notifications",
                                                "org.freedesktop.Notifications", "ActionInvoked",
                                                g_variant_new ("(us)", id, "default"), NULL));
  g_assert_true (steward_test_wait_until (show_requested_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
}

static void
test_sync_notified_when_unfocused (Fixture       *fixture,
                                   gconstpointer  data)
{
  StewardTestNotification *notification;

  leave_window (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.sync", "x", (gint64) 42);

  notification = wait_notification ();
  g_assert_cmpstr (notification->summary, ==, "Sync Finished");
  g_assert_cmpstr (notification->body, ==, "Sync of “" AWKWARD_NAME "” finished");
  g_assert_true (notification->has_default);

  /* Clicking it asks the application for that datastore. */
  click_notification ();
  g_assert_cmpint (g_array_index (show_requests, gint64, 0), ==, 42);
}

static void
test_sync_not_notified_when_focused (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_assert_true (steward_test_wait_until (active_cb, fixture->window, STEWARD_TEST_TIMEOUT_MS));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.sync", "x", (gint64) 42);
  assert_shows (fixture, "finished");
  g_assert_true (gtk_window_is_active (fixture->window));
  assert_nothing_notified ();
}

static void
assign_first_three (Fixture *fixture)
{
  GtkSelectionModel *selection = steward_datastore_table_get_selection (fixture->table);

  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.assign-selection", "x", (gint64) 5);
}

static void
test_bulk_notified_when_unfocused (Fixture       *fixture,
                                   gconstpointer  data)
{
  StewardTestNotification *notification;

  leave_window (fixture);
  assign_first_three (fixture);

  notification = wait_notification ();
  g_assert_cmpstr (notification->summary, ==, "Bulk Action Finished");
  g_assert_cmpstr (notification->body, ==, "Assigned 3 of 3 datastores to “Gold Tier”");
  g_assert_true (notification->has_default);

  /* Clicking it asks for the window, on no datastore in particular. */
  click_notification ();
  g_assert_cmpint (g_array_index (show_requests, gint64, 0), ==, 0);
}

static void
test_bulk_not_notified_when_focused (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_assert_true (steward_test_wait_until (active_cb, fixture->window, STEWARD_TEST_TIMEOUT_MS));
  assign_first_three (fixture);
  assert_shows (fixture, "Assigned 3 of 3 datastores to “Gold Tier”");
  assert_nothing_notified ();
}

/* The application's side of a click, recorded instead of performed: the window is the test's. */
static void
show_datastore_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (show_requests, id);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GSimpleAction) show_datastore = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  show_requests = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Notifications go through the application, as in Steward, whose action a click activates. */
  app = gtk_application_new ("io.github.stewardapp.Steward.DesktopTests", G_APPLICATION_NON_UNIQUE);
  show_datastore = g_simple_action_new ("show-datastore", G_VARIANT_TYPE_INT64);
  g_signal_connect (show_datastore, "activate", G_CALLBACK (show_datastore_activated_cb), NULL);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (show_datastore));
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_set_default (G_APPLICATION (app));
  steward_test_notifications_serve ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/desktop/copy", test_copy);
  ADD ("/desktop/export", test_export);
  ADD ("/desktop/sync-notified-when-unfocused", test_sync_notified_when_unfocused);
  ADD ("/desktop/sync-not-notified-when-focused", test_sync_not_notified_when_focused);
  ADD ("/desktop/bulk-notified-when-unfocused", test_bulk_notified_when_unfocused);
  ADD ("/desktop/bulk-not-notified-when-focused", test_bulk_not_notified_when_focused);
#undef ADD

  status = g_test_run ();
  g_array_unref (show_requests);
  return status;
}
