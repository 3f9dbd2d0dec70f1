/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The datastore browser against the demo server, in a real window: what it lists, how search,
 * filters, sorts and the sidebar change the request, favorites, group assignment by menu, drag
 * and in bulk, details, sync and verify, and how refusals show. */
#include <adwaita.h>
#include <string.h>

#include "steward-create-datastore-dialog.h"
#include "steward-datastore-details.h"
#include "steward-datastore-editor.h"
#include "steward-delete-datastore-dialog.h"
#include "steward-delete-group-dialog.h"
#include "steward-group-editor.h"
#include "steward-datastore-drag.h"
#include "steward-datastore-table.h"
#include "steward-format.h"
#include "steward-main-view.h"
#include "steward-sidebar.h"
#include "steward-sidebar-row.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

typedef struct
{
  StewardTestDemo       *demo;
  StewardDeployment     *deployment;
  GtkWindow             *window;
  StewardMainView       *view;
  StewardDatastoreTable *table;
  StewardSidebar        *sidebar;
  guint                  own_requests;
} Fixture;

static gboolean
list_shown_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  GListModel *model = G_LIST_MODEL (steward_datastore_table_get_selection (fixture->table));

  return g_strcmp0 (steward_datastore_table_get_page (fixture->table), "list") == 0 &&
         g_list_model_get_n_items (model) > 0;
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (
      G_LIST_MODEL (steward_datastore_table_get_selection (fixture->table)));
}

static StewardDatastore *
row (Fixture *fixture,
     guint    position)
{
  g_autoptr(StewardDatastore) datastore =
      g_list_model_get_item (G_LIST_MODEL (steward_datastore_table_get_selection (fixture->table)),
                             position);

  return datastore;   /* the model keeps it */
}

/* The groups are in the sidebar and counted. */
static gboolean
groups_loaded_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  StewardSidebarItem *group = steward_sidebar_find_item (fixture->sidebar, STEWARD_SCOPE_GROUP, 1);
  StewardSidebarItem *ungrouped =
      steward_sidebar_find_item (fixture->sidebar, STEWARD_SCOPE_UNGROUPED, 0);

  return group != NULL && steward_sidebar_item_get_count (group) >= 0 &&
         steward_sidebar_item_get_count (ungrouped) >= 0;
}

static void
fixture_setup_role (Fixture         *fixture,
                    StewardDemoRole  role)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;

  fixture->demo = steward_test_demo_new (role);
  steward_client_get_current_user_async (fixture->demo->client, NULL, steward_test_store_result_cb,
                                         &result);
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
  fixture->sidebar = STEWARD_SIDEBAR (steward_test_find_widget (GTK_WIDGET (fixture->view),
                                                                STEWARD_TYPE_SIDEBAR, NULL));

  fixture->deployment = steward_deployment_new (fixture->demo->client, user, NULL);
  steward_main_view_set_deployment (fixture->view, fixture->deployment);
  g_assert_true (steward_test_wait_until (list_shown_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (groups_loaded_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture_setup_role (fixture, STEWARD_DEMO_ROLE_ADMIN);
}

static void
fixture_setup_member (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture_setup_role (fixture, STEWARD_DEMO_ROLE_MEMBER);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_clear_object (&fixture->deployment);
  steward_test_demo_free (fixture->demo);
}

static guint
server_total (Fixture               *fixture,
              StewardDatastoreQuery *query)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardDatastorePage) page = NULL;

  steward_client_list_datastores_async (fixture->demo->client, query, 1, 1, NULL,
                                        steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  page = steward_client_list_datastores_finish (fixture->demo->client, result, NULL);
  fixture->own_requests++;
  return steward_datastore_page_get_total (page);
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

/* How many times the list was asked of the server: search, filters, scopes and sorts are
 * answered from the loaded set and must not add to it. */
static guint
list_requests (Fixture *fixture)
{
  return steward_demo_server_count_requests (fixture->demo->server, "GET", "/api/datastores");
}

/* The view's own list requests, the test's checks left out. */
static guint
view_requests (Fixture *fixture)
{
  return list_requests (fixture) - fixture->own_requests;
}

/* The ids of every datastore the server lists for @query, in its order. */
static GArray *
server_ids (Fixture               *fixture,
            StewardDatastoreQuery *query)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint total = server_total (fixture, query);

  for (guint page = 1; (page - 1) * 100 < total; page++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(StewardDatastorePage) answer = NULL;
      GListModel *items;

      steward_client_list_datastores_async (fixture->demo->client, query, page, 100, NULL,
                                            steward_test_store_result_cb, &result);
      steward_test_wait_result (&result);
      answer = steward_client_list_datastores_finish (fixture->demo->client, result, NULL);
      fixture->own_requests++;
      items = steward_datastore_page_get_items (answer);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(StewardDatastore) datastore = g_list_model_get_item (items, i);
          gint64 id = steward_datastore_get_id (datastore);

          g_array_append_val (ids, id);
        }
    }
  return ids;
}

/* The list shows exactly what the server answers to @query, in the same order. */
static void
assert_rows_are (Fixture               *fixture,
                 StewardDatastoreQuery *query)
{
  g_autoptr(GArray) expected = server_ids (fixture, query);

  g_assert_cmpuint (n_rows (fixture), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (steward_datastore_get_id (row (fixture, i)), ==,
                     g_array_index (expected, gint64, i));
}

static void
test_lists_datastores (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(StewardDatastoreQuery) all = steward_datastore_query_new ();
  g_autoptr(StewardDatastoreQuery) enrichment = steward_datastore_query_new ();
  StewardSidebarItem *all_item = steward_sidebar_find_item (fixture->sidebar, STEWARD_SCOPE_ALL, 0);
  guint requests;

  steward_datastore_query_add_sort (all, STEWARD_SORT_NAME, FALSE);
  assert_rows_are (fixture, all);

  /* The sidebar counts what the server counts. */
  g_assert_cmpint (steward_sidebar_item_get_count (all_item), ==, server_total (fixture, all));
  for (gint64 group_id = 1; group_id <= 5; group_id += 4)
    {
      g_autoptr(StewardDatastoreQuery) in_group = steward_datastore_query_new ();
      StewardSidebarItem *item =
          steward_sidebar_find_item (fixture->sidebar, STEWARD_SCOPE_GROUP, group_id);

      steward_datastore_query_add_group (in_group, group_id);
      g_assert_nonnull (item);
      g_assert_cmpint (steward_sidebar_item_get_count (item), ==, server_total (fixture, in_group));
    }

  /* Enrichment datastores are listed on their own, from what was loaded. */
  requests = view_requests (fixture);
  g_assert_true (steward_sidebar_select (fixture->sidebar, STEWARD_SCOPE_ENRICHMENT, 0));
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_true (steward_datastore_get_enrichment_only (row (fixture, i)));
  g_assert_cmpuint (view_requests (fixture), ==, requests);
  steward_datastore_query_set_enrichment_only (enrichment, TRUE);
  steward_datastore_query_add_sort (enrichment, STEWARD_SORT_NAME, FALSE);
  assert_rows_are (fixture, enrichment);
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} RowsWait;

/* The search entry reports a change on the next turn of the main loop. */
static gboolean
all_rows_contain_cb (gpointer user_data)
{
  RowsWait *wait = user_data;

  for (guint i = 0; i < n_rows (wait->fixture); i++)
    {
      g_autofree char *name =
          g_ascii_strdown (steward_datastore_get_name (row (wait->fixture, i)), -1);

      if (strstr (name, wait->text) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
page_is_cb (gpointer user_data)
{
  RowsWait *wait = user_data;

  return g_strcmp0 (steward_datastore_table_get_page (wait->fixture->table), wait->text) == 0;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  RowsWait sales = { fixture, "sales" };
  RowsWait empty = { fixture, "empty" };
  GtkWidget *entry =
      steward_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
  guint requests = view_requests (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "sales");

  /* As the server would answer, without asking it. */
  g_assert_true (steward_test_wait_until (all_rows_contain_cb, &sales, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      g_autofree char *name = g_ascii_strdown (steward_datastore_get_name (row (fixture, i)), -1);
      g_assert_nonnull (strstr (name, "sales"));
    }
  g_assert_cmpuint (view_requests (fixture), ==, requests);
  steward_datastore_query_set_search (query, "sales");
  steward_datastore_query_add_sort (query, STEWARD_SORT_NAME, FALSE);
  assert_rows_are (fixture, query);

  /* Nothing matches: the page says why, and clearing brings everything back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "no-such-datastore-anywhere");
  g_assert_true (steward_test_wait_until (page_is_cb, &empty, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "no-such-datastore-anywhere");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.clear-filters", NULL);
  g_assert_true (steward_test_wait_until (list_shown_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (view_requests (fixture), ==, requests);
}

static void
test_filter_and_sort (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(StewardDatastoreQuery) by_type = steward_datastore_query_new ();
  g_autoptr(StewardDatastoreQuery) by_tag = steward_datastore_query_new ();
  g_autoptr(StewardDatastoreQuery) by_containers = steward_datastore_query_new ();
  guint requests = view_requests (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.filter-type", "s", "snowflake");
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_cmpstr (steward_datastore_get_datastore_type (row (fixture, i)), ==, "snowflake");
  steward_datastore_query_add_type (by_type, "snowflake");
  steward_datastore_query_add_sort (by_type, STEWARD_SORT_NAME, FALSE);
  assert_rows_are (fixture, by_type);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.filter-type", "s", "");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.filter-tag", "s", "finance");
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_true (g_strv_contains (steward_datastore_get_tags (row (fixture, i)), "finance"));
  steward_datastore_query_add_tag (by_tag, "finance");
  steward_datastore_query_add_sort (by_tag, STEWARD_SORT_NAME, FALSE);
  assert_rows_are (fixture, by_tag);

  /* Favorites first, then by containers, largest first: the server's order. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.clear-filters", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.sort-by", "s", "containers");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.sort-descending", NULL);
  steward_datastore_query_add_sort (by_containers, STEWARD_SORT_CONTAINERS, TRUE);
  assert_rows_are (fixture, by_containers);
  g_assert_cmpuint (view_requests (fixture), ==, requests);
}

static void
test_sidebar_scopes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(StewardDatastoreQuery) in_group = steward_datastore_query_new ();
  guint requests = view_requests (fixture);

  g_assert_true (steward_sidebar_select (fixture->sidebar, STEWARD_SCOPE_GROUP, 1));
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_cmpint (steward_datastore_get_group_id (row (fixture, i)), ==, 1);
  steward_datastore_query_add_group (in_group, 1);
  steward_datastore_query_add_sort (in_group, STEWARD_SORT_NAME, FALSE);
  assert_rows_are (fixture, in_group);

  g_assert_true (steward_sidebar_select (fixture->sidebar, STEWARD_SCOPE_FAVORITES, 0));
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_true (steward_datastore_get_favorite (row (fixture, i)));

  g_assert_true (steward_sidebar_select (fixture->sidebar, STEWARD_SCOPE_UNGROUPED, 0));
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_null (steward_datastore_get_group (row (fixture, i)));
  g_assert_cmpuint (view_requests (fixture), ==, requests);
}

typedef struct
{
  Fixture  *fixture;
  gint64    id;
  gboolean  favorite;
} FavoriteWait;

static gboolean
server_favorite_cb (gpointer user_data)
{
  FavoriteWait *wait = user_data;
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (wait->fixture->demo->client, wait->id, NULL);

  return steward_datastore_get_favorite (datastore) == wait->favorite;
}

static StewardDatastore *
listed (Fixture *fixture,
        gint64   id)
{
  for (guint i = 0; i < n_rows (fixture); i++)
    if (steward_datastore_get_id (row (fixture, i)) == id)
      return row (fixture, i);

  return NULL;
}

static void
test_favorite_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  StewardDatastore *datastore = listed (fixture, 42);
  FavoriteWait on = { fixture, 42, TRUE };
  FavoriteWait off = { fixture, 42, FALSE };

  g_assert_nonnull (datastore);
  g_assert_false (steward_datastore_get_favorite (datastore));

  /* The star changes at once; the server follows; Undo puts it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.toggle-favorite", "x", (gint64) 42);
  g_assert_true (steward_datastore_get_favorite (datastore));
  g_assert_true (steward_test_wait_until (server_favorite_cb, &on, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "Added “Production Sales” to favorites");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.set-favorite", "(xb)", (gint64) 42,
                              FALSE);
  g_assert_false (steward_datastore_get_favorite (datastore));
  g_assert_true (steward_test_wait_until (server_favorite_cb, &off, STEWARD_TEST_TIMEOUT_MS));
}

static gboolean
favorite_reverted_cb (gpointer user_data)
{
  return !steward_datastore_get_favorite (user_data);
}

static void
test_favorite_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  StewardDatastore *datastore = listed (fixture, 42);

  /* The server fails: the star goes back, and a toast says why. */
  steward_demo_server_inject_fault (fixture->demo->server, "PATCH", "/api/datastores/42/favorite",
                                    STEWARD_DEMO_FAULT_500, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.toggle-favorite", "x", (gint64) 42);
  g_assert_true (steward_datastore_get_favorite (datastore));
  g_assert_true (
      steward_test_wait_until (favorite_reverted_cb, datastore, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "Could not change the favorite “Production Sales”");
}

typedef struct
{
  Fixture *fixture;
  gint64   id;
  gint64   group_id;
} GroupWait;

static gboolean
server_group_cb (gpointer user_data)
{
  GroupWait *wait = user_data;
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (wait->fixture->demo->client, wait->id, NULL);

  return steward_datastore_get_group_id (datastore) == wait->group_id;
}

typedef struct
{
  StewardSidebarItem *item;
  gint64              expected;
} CountWait;

static gboolean
item_count_is_cb (gpointer user_data)
{
  CountWait *wait = user_data;

  return (gint64) steward_sidebar_item_get_count (wait->item) == wait->expected;
}

static void
test_assign_by_menu (Fixture       *fixture,
                     gconstpointer  data)
{
  GroupWait to_gold = { fixture, 42, 5 };
  GroupWait back = { fixture, 42, 0 };
  StewardSidebarItem *gold = steward_sidebar_find_item (fixture->sidebar, STEWARD_SCOPE_GROUP, 5);
  gint64 gold_before = steward_sidebar_item_get_count (gold);
  CountWait count;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.assign-group",
                                             "(xx)", (gint64) 42, (gint64) 5));
  g_assert_true (steward_test_wait_until (server_group_cb, &to_gold, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "Moved “Production Sales” to “Gold Tier”");
  g_assert_cmpint (steward_datastore_get_group_id (listed (fixture, 42)), ==, 5);
  /* The sidebar's counts follow once the deployment has recounted. */
  count.item = gold;
  count.expected = gold_before + 1;
  if (!steward_test_wait_until (item_count_is_cb, &count, STEWARD_TEST_TIMEOUT_MS))
    g_error ("Gold Tier counts %" G_GINT64_FORMAT " datastores, not %" G_GINT64_FORMAT,
             (gint64) steward_sidebar_item_get_count (gold), count.expected);

  /* Undo is the same action with the previous group. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.assign-group", "(xx)", (gint64) 42,
                              (gint64) 0);
  g_assert_true (steward_test_wait_until (server_group_cb, &back, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "Removed “Production Sales” from “Gold Tier”");
}

static void
test_assign_by_drag (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *analytics = steward_sidebar_find_row (fixture->sidebar, STEWARD_SCOPE_GROUP, 2);
  gint64 ids[] = { 42, 39 };
  g_autoptr(StewardDatastoreDrag) drag = steward_datastore_drag_new (ids, G_N_ELEMENTS (ids));
  GroupWait first = { fixture, 42, 2 };
  GroupWait second = { fixture, 39, 2 };

  /* What the row's drop target does with a drop of two rows. */
  g_assert_nonnull (analytics);
  g_assert_true (steward_sidebar_row_drop (STEWARD_SIDEBAR_ROW (analytics), drag));
  g_assert_true (steward_test_wait_until (server_group_cb, &first, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (server_group_cb, &second, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "Assigned 2 of 2 datastores to “Analytics”");

  /* Ungrouped takes them out again. */
  {
    GtkWidget *ungrouped = steward_sidebar_find_row (fixture->sidebar, STEWARD_SCOPE_UNGROUPED, 0);
    GroupWait out = { fixture, 42, 0 };

    g_assert_true (steward_sidebar_row_drop (STEWARD_SIDEBAR_ROW (ungrouped), drag));
    g_assert_true (steward_test_wait_until (server_group_cb, &out, STEWARD_TEST_TIMEOUT_MS));
  }
}

static gboolean
action_bar_revealed_cb (gpointer user_data)
{
  return gtk_action_bar_get_revealed (GTK_ACTION_BAR (user_data));
}

static void
test_bulk (Fixture       *fixture,
           gconstpointer  data)
{
  GtkSelectionModel *selection = steward_datastore_table_get_selection (fixture->table);
  GtkWidget *bar = steward_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_ACTION_BAR, NULL);
  gint64 ids[3];

  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  for (guint i = 0; i < 3; i++)
    ids[i] = steward_datastore_get_id (row (fixture, i));
  g_assert_true (steward_test_wait_until (action_bar_revealed_cb, bar, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "3 selected");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.assign-selection", "x", (gint64) 5);
  assert_shows (fixture, "Assigned 3 of 3 datastores to “Gold Tier”");
  for (guint i = 0; i < 3; i++)
    {
      GroupWait wait = { fixture, ids[i], 5 };
      g_assert_true (server_group_cb (&wait));
    }

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.favorite-selection", NULL);
  assert_shows (fixture, "Added 3 of 3 datastores to favorites");
  for (guint i = 0; i < 3; i++)
    {
      FavoriteWait wait = { fixture, ids[i], TRUE };
      g_assert_true (server_favorite_cb (&wait));
    }
}

static gboolean
dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_bulk_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkSelectionModel *selection = steward_datastore_table_get_selection (fixture->table);
  g_autoptr(StewardDatastoreQuery) all = steward_datastore_query_new ();
  guint total = server_total (fixture, all);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 first_id;

  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  first_id = steward_datastore_get_id (row (fixture, 0));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete-selection", NULL);
  g_assert_true (steward_test_wait_until (dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (
      strstr (adw_message_dialog_get_body (dialog), steward_datastore_get_name (row (fixture, 0))));

  /* Delete stays off until the count is typed. */
  entry = steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "3");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "delete"));
  adw_message_dialog_response (dialog, "delete");

  assert_shows (fixture, "Deleted 2 of 2 datastores");
  g_assert_cmpuint (server_total (fixture, all), ==, total - 2);
  g_assert_null (listed (fixture, first_id));
}

static gboolean
create_dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (STEWARD_TYPE_CREATE_DATASTORE_DIALOG) != NULL;
}

static gboolean
connection_chosen_cb (gpointer user_data)
{
  return steward_create_datastore_dialog_select_connection (user_data, 7);
}

static gboolean
new_datastore_selected_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  StewardDatastore *selected = steward_datastore_table_get_selected (fixture->table);

  return selected != NULL &&
         g_strcmp0 (steward_datastore_get_name (selected), "Quarterly Finance") == 0;
}

static void
test_create_selects_and_follows_sync (Fixture       *fixture,
                                      gconstpointer  data)
{
  StewardCreateDatastoreDialog *dialog;
  StewardDatastoreDetails *details = STEWARD_DATASTORE_DETAILS (
      steward_test_find_widget (GTK_WIDGET (fixture->view), STEWARD_TYPE_DATASTORE_DETAILS, NULL));

  /* The "+" menu's New Datastore (also Ctrl+N) opens the create dialog. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.new-datastore", NULL);
  g_assert_true (steward_test_wait_until (create_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  dialog = STEWARD_CREATE_DATASTORE_DIALOG (
      steward_test_find_toplevel (STEWARD_TYPE_CREATE_DATASTORE_DIALOG));

  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ENTRY_ROW, "Name")),
                         "Quarterly Finance");
  g_assert_true (steward_test_wait_until (connection_chosen_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ENTRY_ROW, "Database")),
                         "production");
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                 ADW_TYPE_ENTRY_ROW, "Schema")),
                         "finance");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);

  /* The new datastore is selected, and its first sync shows in the details until it ends. */
  assert_shows (fixture, "Created “Quarterly Finance”");
  g_assert_true (
      steward_test_wait_until (new_datastore_selected_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "Sync of “Quarterly Finance” finished");
  g_assert_nonnull (steward_datastore_details_get_operation (details));
  g_assert_cmpint (steward_operation_get_datastore_id (
                       steward_datastore_details_get_operation (details)),
                   ==,
                   steward_datastore_get_id (
                       steward_datastore_table_get_selected (fixture->table)));
  g_assert_true (steward_operation_is_finished (steward_datastore_details_get_operation (details)));
}

typedef struct
{
  GType type;
} ToplevelWait;

static gboolean
toplevel_shown_cb (gpointer user_data)
{
  ToplevelWait *wait = user_data;

  return steward_test_find_toplevel (wait->type) != NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  ToplevelWait wait = { type };

  g_assert_true (steward_test_wait_until (toplevel_shown_cb, &wait, STEWARD_TEST_TIMEOUT_MS));
  return steward_test_find_toplevel (type);
}

static gboolean
toplevel_gone_cb (gpointer user_data)
{
  return !toplevel_shown_cb (user_data);
}

static void
wait_until_closed (GType type)
{
  ToplevelWait wait = { type };

  g_assert_true (steward_test_wait_until (toplevel_gone_cb, &wait, STEWARD_TEST_TIMEOUT_MS));
}

#define CHANGE_GROUP_TOOLTIP "Assign to a group or remove from its group"

static StewardDatastoreDetails *details_of (Fixture *fixture);

/* The groups of the details' Change menu: the section the deployment's one groups menu is. */
static GMenuModel *
change_menu_groups (Fixture *fixture)
{
  GtkWidget *details = GTK_WIDGET (details_of (fixture));
  GtkWidget *change = steward_test_find_widget_by_tooltip (details, CHANGE_GROUP_TOOLTIP);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (change));
  g_autoptr(GMenuModel) groups = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);

  /* Owned by the menu, which the button keeps. */
  return groups;
}

static void
assert_group_item (GMenuModel *groups,
                   int         position,
                   const char *name,
                   gint64      id)
{
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;
  gint64 target = 0;

  g_assert_true (g_menu_model_get_item_attribute (groups, position, G_MENU_ATTRIBUTE_LABEL, "s",
                                                  &label));
  g_assert_true (g_menu_model_get_item_attribute (groups, position, G_MENU_ATTRIBUTE_ACTION, "s",
                                                  &action));
  g_assert_true (g_menu_model_get_item_attribute (groups, position, G_MENU_ATTRIBUTE_TARGET, "x",
                                                  &target));
  g_assert_cmpstr (label, ==, name);
  g_assert_cmpstr (action, ==, "view.assign-selection");
  g_assert_cmpint (target, ==, id);
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  GMenuModel *menu_groups = change_menu_groups (fixture);
  int n_menu_groups = g_menu_model_get_n_items (menu_groups);
  GtkWindow *editor;
  GtkWindow *dialog;
  StewardSidebarItem *item = NULL;
  GListModel *groups = steward_deployment_get_groups (fixture->deployment);
  gint64 id = 0;

  /* New group from the sidebar's action: it shows in the sidebar, in name order. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.new-group", NULL);
  editor = wait_for_toplevel (STEWARD_TYPE_GROUP_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (editor),
                                                                 ADW_TYPE_ENTRY_ROW, "Name")),
                         "Bronze Tier");
  gtk_widget_activate_action (GTK_WIDGET (editor), "group-editor.save", NULL);
  wait_until_closed (STEWARD_TYPE_GROUP_EDITOR);
  assert_shows (fixture, "Created the group “Bronze Tier”");
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, i);

      if (g_str_equal (steward_datastore_group_get_name (group), "Bronze Tier"))
        {
          id = steward_datastore_group_get_id (group);
          g_assert_cmpuint (i, ==, 1);   /* after Analytics, before Gold Tier */
        }
    }
  g_assert_cmpint (id, >, 0);
  item = steward_sidebar_find_item (fixture->sidebar, STEWARD_SCOPE_GROUP, id);
  g_assert_nonnull (item);
  /* The groups menu is the same object, with the new group in its place. */
  g_assert_true (change_menu_groups (fixture) == menu_groups);
  g_assert_cmpint (g_menu_model_get_n_items (menu_groups), ==, n_menu_groups + 1);
  assert_group_item (menu_groups, 1, "Bronze Tier", id);

  /* Renamed from its context menu's Edit Group: the sidebar follows. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.edit-group", "x", id);
  editor = wait_for_toplevel (STEWARD_TYPE_GROUP_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (editor),
                                                                 ADW_TYPE_ENTRY_ROW, "Name")),
                         "Silver Tier");
  gtk_widget_activate_action (GTK_WIDGET (editor), "group-editor.save", NULL);
  wait_until_closed (STEWARD_TYPE_GROUP_EDITOR);
  assert_shows (fixture, "Saved the group “Silver Tier”");
  g_assert_cmpstr (steward_sidebar_item_get_title (
                       steward_sidebar_find_item (fixture->sidebar, STEWARD_SCOPE_GROUP, id)),
                   ==, "Silver Tier");
  assert_group_item (menu_groups, 3, "Silver Tier", id);   /* after Mission Critical now */

  /* Deleting a group with a datastore in it: the datastore stays, ungrouped, here and there. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.assign-group", "(xx)", (gint64) 42,
                              id);
  {
    GroupWait moved = { fixture, 42, id };
    g_assert_true (steward_test_wait_until (server_group_cb, &moved, STEWARD_TEST_TIMEOUT_MS));
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete-group", "x", id);
  dialog = wait_for_toplevel (STEWARD_TYPE_DELETE_GROUP_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  assert_shows (fixture, "Deleted the group “Silver Tier”");
  g_assert_null (steward_sidebar_find_item (fixture->sidebar, STEWARD_SCOPE_GROUP, id));
  g_assert_cmpint (g_menu_model_get_n_items (menu_groups), ==, n_menu_groups);
  g_assert_null (steward_datastore_get_group (listed (fixture, 42)));
  {
    GroupWait ungrouped = { fixture, 42, 0 };
    g_assert_true (server_group_cb (&ungrouped));
  }
}

static gboolean
editor_loaded_cb (gpointer user_data)
{
  return steward_datastore_editor_get_loaded (user_data);
}

static void
test_edit_and_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWindow *editor;
  GtkWindow *dialog;
  GtkWidget *entry;
  g_autoptr(StewardDatastore) on_server = NULL;
  g_autoptr(StewardDatastoreQuery) all = steward_datastore_query_new ();
  guint total = server_total (fixture, all);

  /* Edit… from the details: only the changed field goes out, and the list shows the result. */
  g_assert_true (steward_main_view_select_datastore (fixture->view, 42));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.edit", "x", (gint64) 42);
  editor = wait_for_toplevel (STEWARD_TYPE_DATASTORE_EDITOR);
  g_assert_true (steward_test_wait_until (editor_loaded_cb, editor, STEWARD_TEST_TIMEOUT_MS));
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (editor),
                                                                 ADW_TYPE_ENTRY_ROW, "Name")),
                         "Production Sales EU");
  gtk_widget_activate_action (GTK_WIDGET (editor), "datastore-editor.save", NULL);
  wait_until_closed (STEWARD_TYPE_DATASTORE_EDITOR);
  assert_shows (fixture, "Saved “Production Sales EU”");
  g_assert_cmpstr (steward_datastore_get_name (listed (fixture, 42)), ==, "Production Sales EU");
  on_server = steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_assert_cmpstr (steward_datastore_get_name (on_server), ==, "Production Sales EU");
  {
    g_autofree char *body =
        steward_test_demo_last_body (fixture->demo, "PUT", "/api/datastores/42");
    g_assert_cmpstr (body, ==, "{\"name\":\"Production Sales EU\"}");
  }

  /* Delete… asks for the name, then the datastore is gone from the list and the server. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete", "x", (gint64) 42);
  dialog = wait_for_toplevel (STEWARD_TYPE_DELETE_DATASTORE_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "delete"));
  entry = steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Production Sales EU");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "delete"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  assert_shows (fixture, "Deleted “Production Sales EU”");
  g_assert_null (listed (fixture, 42));
  g_assert_cmpuint (server_total (fixture, all), ==, total - 1);
}

static void
test_member_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  GroupWait unchanged = { fixture, 27, 0 };

  /* HR Warehouse is Data Platform's, where the member only reports. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.assign-group", "(xx)", (gint64) 27,
                              (gint64) 1);
  assert_shows (fixture, "You need Editor permission on one of this datastore’s teams");

  /* The toast keeps it short; Details shows the whole of the server's answer. */
  {
    LabelSearch details_search = { GTK_WIDGET (fixture->window), "Details" };
    AdwMessageDialog *dialog;
    GtkWidget *details;

    g_assert_true (
        steward_test_wait_until (label_shown_cb, &details_search, STEWARD_TEST_TIMEOUT_MS));
    details = steward_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "_Details");
    g_assert_nonnull (details);
    gtk_widget_activate (details);
    g_assert_true (steward_test_wait_until (dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
    dialog = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "['Data Platform']"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_true (server_group_cb (&unchanged));
  g_assert_null (steward_datastore_get_group (listed (fixture, 27)));
}

/* Datastore 42's record count, formatted for the locale the test runs in. */
static gboolean
details_show_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *records = steward_format_count (1850000);

  return steward_test_shows_text (GTK_WIDGET (fixture->view), records);
}

static void
test_details_sync_verify (Fixture       *fixture,
                          gconstpointer  data)
{
  StewardDatastoreDetails *details = STEWARD_DATASTORE_DETAILS (
      steward_test_find_widget (GTK_WIDGET (fixture->view), STEWARD_TYPE_DATASTORE_DETAILS, NULL));

  g_assert_true (steward_main_view_select_datastore (fixture->view, 42));
  g_assert_true (steward_datastore_details_get_datastore (details) == listed (fixture, 42));
  g_assert_true (steward_test_wait_until (details_show_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "postgres_production");

  /* Sync now: progress in the details until it ends, then a toast. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.sync", "x", (gint64) 42);
  assert_shows (fixture, "Sync of “Production Sales” finished");
  g_assert_nonnull (steward_datastore_details_get_operation (details));
  g_assert_cmpint (steward_operation_get_result (steward_datastore_details_get_operation (details)),
                   ==, STEWARD_OPERATION_SUCCESS);
  assert_shows (fixture, "Sync finished");

  /* Verify a datastore whose connection is refused: the server's reason in the details. */
  g_assert_true (steward_main_view_select_datastore (fixture->view, 39));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.verify", "x", (gint64) 39);
  assert_shows (fixture, "Could not connect: Connection refused");
  g_assert_false (steward_datastore_get_connected (listed (fixture, 39)));
}

typedef struct
{
  StewardDemoServer *server;
  guint              expected;
} DeletesWait;

static gboolean
deletes_arrived_cb (gpointer user_data)
{
  DeletesWait *wait = user_data;
  guint n = 0;

  for (gint64 id = 1; id <= 200; id++)
    {
      g_autofree char *path = g_strdup_printf ("/api/datastores/%" G_GINT64_FORMAT, id);

      n += steward_demo_server_count_requests (wait->server, "DELETE", path);
    }
  return n >= wait->expected;
}

/* A bulk delete confirmed on deployment A carries on against A, even when the user switches
 * the view to deployment B while it runs: B receives nothing. */
/* A lists what B lists plus the datastores A has beyond the seed, less the ones deleted. */
typedef struct
{
  StewardDeployment *a;
  StewardDeployment *b;
  guint              extra;
  guint              deleted;
} RunWait;

static gboolean
run_applied_cb (gpointer user_data)
{
  RunWait *wait = user_data;

  guint on_a = g_list_model_get_n_items (steward_deployment_get_datastores (wait->a));
  guint on_b = g_list_model_get_n_items (steward_deployment_get_datastores (wait->b));

  return on_a == on_b + wait->extra - wait->deleted;
}

static void
test_bulk_stays_on_its_deployment (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(StewardTestDemo) b = steward_test_demo_new (STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardTestDemo) slow_a =
      steward_test_demo_new_full (STEWARD_DEMO_ROLE_ADMIN, "latency-ms", 300, "extra-datastores",
                                  20, NULL);
  g_autoptr(StewardDeployment) a = steward_deployment_new (slow_a->client, NULL, NULL);
  g_autoptr(StewardDeployment) on_b = steward_deployment_new (b->client, NULL, NULL);
  GtkSelectionModel *selection = steward_datastore_table_get_selection (fixture->table);
  DeletesWait all_on_a = { slow_a->server, 12 };
  DeletesWait none_on_b = { b->server, 1 };
  RunWait run = { a, on_b, 20, 12 };
  AdwMessageDialog *dialog;

  steward_main_view_set_deployment (fixture->view, a);
  g_assert_true (steward_test_wait_until (list_shown_cb, fixture, STEWARD_TEST_LONG_TIMEOUT_MS));
  gtk_selection_model_select_range (selection, 0, 12, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.delete-selection", NULL);
  g_assert_true (steward_test_wait_until (dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  dialog = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (
                             steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL)),
                         "12");
  adw_message_dialog_response (dialog, "delete");

  /* The user moves to B at once; the run is still out (300 ms a request, four at a time). */
  steward_main_view_set_deployment (fixture->view, on_b);
  g_assert_true (
      steward_test_wait_until (deletes_arrived_cb, &all_on_a, STEWARD_TEST_LONG_TIMEOUT_MS));
  /* Once A has taken every answer, the run is over: anything it sent B would have arrived. */
  if (!steward_test_wait_until (run_applied_cb, &run, STEWARD_TEST_LONG_TIMEOUT_MS))
    g_error ("After the run, A lists %u datastores and B %u: not 20 more less the 12 deleted",
             g_list_model_get_n_items (steward_deployment_get_datastores (a)),
             g_list_model_get_n_items (steward_deployment_get_datastores (on_b)));
  g_assert_false (deletes_arrived_cb (&none_on_b));
}

static StewardDatastoreDetails *
details_of (Fixture *fixture)
{
  return STEWARD_DATASTORE_DETAILS (
      steward_test_find_widget (GTK_WIDGET (fixture->view), STEWARD_TYPE_DATASTORE_DETAILS, NULL));
}

/* The title over the details pane. */
static const char *
details_title (Fixture *fixture)
{
  GtkWidget *pane = gtk_widget_get_ancestor (GTK_WIDGET (details_of (fixture)), GTK_TYPE_BOX);
  GtkWidget *title = steward_test_find_widget (pane, ADW_TYPE_WINDOW_TITLE, NULL);

  return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} TitleWait;

static gboolean
details_title_is_cb (gpointer user_data)
{
  TitleWait *wait = user_data;

  return g_strcmp0 (details_title (wait->fixture), wait->text) == 0;
}

/* A rename in the editor shows in the open details at once, header included. */
static void
test_details_follow_editor (Fixture       *fixture,
                            gconstpointer  data)
{
  TitleWait renamed = { fixture, "Production Sales EU" };
  GtkWindow *editor;

  g_assert_true (steward_main_view_select_datastore (fixture->view, 42));
  g_assert_cmpstr (details_title (fixture), ==, "Production Sales");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.edit", "x", (gint64) 42);
  editor = wait_for_toplevel (STEWARD_TYPE_DATASTORE_EDITOR);
  g_assert_true (steward_test_wait_until (editor_loaded_cb, editor, STEWARD_TEST_TIMEOUT_MS));
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (editor),
                                                                 ADW_TYPE_ENTRY_ROW, "Name")),
                         "Production Sales EU");
  gtk_widget_activate_action (GTK_WIDGET (editor), "datastore-editor.save", NULL);
  wait_until_closed (STEWARD_TYPE_DATASTORE_EDITOR);

  g_assert_true (steward_test_wait_until (details_title_is_cb, &renamed, STEWARD_TEST_TIMEOUT_MS));
  g_assert_nonnull (steward_test_find_widget (GTK_WIDGET (details_of (fixture)), GTK_TYPE_LABEL,
                                              "Production Sales EU"));
}

static void
other_client_updates (Fixture                 *fixture,
                      gint64                   id,
                      StewardDatastoreRequest *changes)
{
  g_autoptr(StewardClient) other =
      steward_test_demo_new_client (fixture->demo, STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardDatastore) saved = NULL;
  g_autoptr(GError) error = NULL;

  steward_client_update_datastore_async (other, id, changes, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  saved = steward_client_update_datastore_finish (other, result, &error);
  g_assert_no_error (error);
}

static void
other_client_favorites (Fixture  *fixture,
                        gint64    id,
                        gboolean  favorite)
{
  g_autoptr(StewardClient) other =
      steward_test_demo_new_client (fixture->demo, STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardDatastore) saved = NULL;

  steward_client_set_favorite_async (other, id, favorite, NULL, steward_test_store_result_cb,
                                     &result);
  steward_test_wait_result (&result);
  saved = steward_client_set_favorite_finish (other, result, NULL);
  g_assert_nonnull (saved);
}

static void
other_client_deletes (Fixture *fixture,
                      gint64   id)
{
  g_autoptr(StewardClient) other =
      steward_test_demo_new_client (fixture->demo, STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;

  steward_client_delete_datastore_async (other, id, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_client_delete_datastore_finish (other, result, NULL));
}

static gboolean
favorite_is_cb (gpointer user_data)
{
  FavoriteWait *wait = user_data;
  StewardDatastore *shown = steward_datastore_details_get_datastore (details_of (wait->fixture));

  return shown != NULL && steward_datastore_get_favorite (shown) == wait->favorite;
}

/* Another client renames, tags and stars a datastore; after a refresh the open details show it
 * all, and the details' star then toggles the value the server has now. */
static void
test_details_follow_other_clients (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(StewardDatastoreRequest) changes = steward_datastore_request_new ();
  TitleWait renamed = { fixture, "Renamed Elsewhere" };
  FavoriteWait starred = { fixture, 42, TRUE };
  FavoriteWait unstarred = { fixture, 42, FALSE };

  g_assert_true (steward_main_view_select_datastore (fixture->view, 42));
  g_assert_false (steward_datastore_get_favorite (
      steward_datastore_details_get_datastore (details_of (fixture))));

  steward_datastore_request_set_name (changes, "Renamed Elsewhere");
  steward_datastore_request_set_tags (changes, (const char *[]) { "moved-here", NULL });
  other_client_updates (fixture, 42, changes);
  other_client_favorites (fixture, 42, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.reload", NULL);
  g_assert_true (steward_test_wait_until (details_title_is_cb, &renamed, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "moved-here");
  g_assert_true (steward_test_wait_until (favorite_is_cb, &starred, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (steward_datastore_get_name (listed (fixture, 42)), ==, "Renamed Elsewhere");

  /* The star sends the opposite of what is true now: off. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.toggle-favorite", "x", (gint64) 42);
  g_assert_true (steward_test_wait_until (server_favorite_cb, &unstarred, STEWARD_TEST_TIMEOUT_MS));
}

static gboolean
details_gone_or_closed_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  StewardDatastoreDetails *details = details_of (fixture);
  GtkWidget *stack = steward_test_find_widget (GTK_WIDGET (details), GTK_TYPE_STACK, NULL);
  const char *page = gtk_stack_get_visible_child_name (GTK_STACK (stack));

  return g_strcmp0 (page, "gone") == 0 || g_strcmp0 (page, "empty") == 0;
}

/* Deleted elsewhere: after a refresh the list drops it with a toast and the details close. */
static void
test_details_deleted_elsewhere (Fixture       *fixture,
                                gconstpointer  data)
{
  g_assert_true (steward_main_view_select_datastore (fixture->view, 42));
  other_client_deletes (fixture, 42);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.reload", NULL);
  assert_shows (fixture, "“Production Sales” no longer exists");
  g_assert_true (
      steward_test_wait_until (details_gone_or_closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_null (listed (fixture, 42));
}

/* Verify on a datastore another client deleted: the 404 closes the pane and drops the row. */
static void
test_verify_deleted (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *verify;

  g_assert_true (steward_main_view_select_datastore (fixture->view, 39));
  other_client_deletes (fixture, 39);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.verify", "x", (gint64) 39);
  assert_shows (fixture, "“Legacy Inventory” no longer exists");
  g_assert_true (
      steward_test_wait_until (details_gone_or_closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_null (listed (fixture, 39));

  /* No live Verify is left for it. */
  verify = steward_test_find_widget (GTK_WIDGET (details_of (fixture)), GTK_TYPE_BUTTON, "_Verify");
  g_assert_true (verify == NULL || !gtk_widget_is_drawable (verify));
}

static guint
count_live_menu_buttons (GtkWidget *root)
{
  guint n =
      GTK_IS_MENU_BUTTON (root) && gtk_widget_is_sensitive (root) && gtk_widget_get_visible (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_live_menu_buttons (child);
  return n;
}

static gboolean
access_refused_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return steward_test_shows_text (GTK_WIDGET (details_of (fixture)), "['Data Platform']");
}

/* The member may no longer read HR Warehouse: the details say why, and what needs it is off. */
static void
test_member_refused_read (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *editor[] = { "Analytics", NULL };
  StewardDatastoreDetails *details = details_of (fixture);
  const char *buttons[] = { "_Edit…", "_Verify", "_Sync Now" };

  steward_demo_server_set_role_teams (fixture->demo->server, STEWARD_DEMO_ROLE_MEMBER, NULL, editor,
                                      NULL);
  g_assert_true (steward_main_view_select_datastore (fixture->view, 27));
  g_assert_true (steward_test_wait_until (access_refused_cb, fixture, STEWARD_TEST_TIMEOUT_MS));

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button =
          steward_test_find_widget (GTK_WIDGET (details), GTK_TYPE_BUTTON, buttons[i]);

      g_assert_nonnull (button);
      g_assert_false (gtk_widget_is_sensitive (button));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "['Data Platform']"));
    }
  /* The group's Change… and the More Actions menus too. */
  g_assert_cmpuint (count_live_menu_buttons (GTK_WIDGET (details)), ==, 0);
}

static gboolean
text_shown (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (text_shown (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
text_shown_cb (gpointer user_data)
{
  LabelSearch *search = user_data;

  return text_shown (search->root, search->text);
}

/* Names are shown as written, never read as markup: a toast (libadwaita parses its title) and
 * the details' group row show "R&D <b>" literally. */
static void
test_names_are_not_markup (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(StewardDatastoreRequest) changes = steward_datastore_request_new ();
  const char *name = "R&D <a href='https://example.com'>link</a>";
  LabelSearch toast = { NULL, NULL };
  TitleWait renamed = { fixture, name };
  g_autofree char *message = g_strdup_printf ("Added “%s” to favorites", name);

  steward_datastore_request_set_name (changes, name);
  other_client_updates (fixture, 42, changes);
  g_assert_true (steward_main_view_select_datastore (fixture->view, 42));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.reload", NULL);
  g_assert_true (steward_test_wait_until (details_title_is_cb, &renamed, STEWARD_TEST_TIMEOUT_MS));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.toggle-favorite", "x", (gint64) 42);
  toast.root = GTK_WIDGET (fixture->window);
  toast.text = message;
  g_assert_true (steward_test_wait_until (text_shown_cb, &toast, STEWARD_TEST_TIMEOUT_MS));
}

static void
test_member_actions_disabled (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *delete_button = steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->view),
                                                                  "Requires the Admin role");
  GtkWidget *new_group_button = steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->view),
                                                                     "Requires the Manager role");

  /* The member can neither delete nor manage groups: the controls are off and say why. */
  g_assert_nonnull (delete_button);
  g_assert_false (gtk_widget_is_sensitive (delete_button));
  g_assert_nonnull (new_group_button);
  g_assert_false (gtk_widget_is_sensitive (new_group_button));
  /* The action opens its editor before it returns, when it runs at all. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.new-group", NULL);
  g_assert_null (steward_test_find_toplevel (STEWARD_TYPE_GROUP_EDITOR));
}

static gboolean
widget_visible_cb (gpointer user_data)
{
  return gtk_widget_get_visible (GTK_WIDGET (user_data));
}

static gboolean
widget_hidden_cb (gpointer user_data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (user_data));
}

/* The label of the last item of the last section of a menu. */
static char *
last_menu_label (GMenuModel *menu)
{
  GMenuModel *section =
      g_menu_model_get_item_link (menu, g_menu_model_get_n_items (menu) - 1, G_MENU_LINK_SECTION);
  char *label = NULL;

  g_menu_model_get_item_attribute (section, g_menu_model_get_n_items (section) - 1,
                                   G_MENU_ATTRIBUTE_LABEL, "s", &label);
  g_object_unref (section);
  return label;
}

/* Shift+F10 (or the Menu key) opens the row's context menu from the keyboard: for one
 * datastore, then for a selection of two. */
static void
test_keyboard_context_menu (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *popover =
      steward_test_find_widget (GTK_WIDGET (fixture->table), GTK_TYPE_POPOVER_MENU, NULL);
  GtkSelectionModel *selection =
      GTK_SELECTION_MODEL (steward_datastore_table_get_selection (fixture->table));
  g_autofree char *single = NULL;
  g_autofree char *several = NULL;

  g_assert_nonnull (popover);
  g_assert_false (gtk_widget_get_visible (popover));

  g_assert_true (steward_datastore_table_select_id (fixture->table, 42));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->table), "table.context-menu", NULL));
  g_assert_true (steward_test_wait_until (widget_visible_cb, popover, STEWARD_TEST_TIMEOUT_MS));
  single = last_menu_label (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)));
  g_assert_cmpstr (single, ==, "_Delete…");
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (steward_test_wait_until (widget_hidden_cb, popover, STEWARD_TEST_TIMEOUT_MS));

  gtk_selection_model_select_item (selection, 0, FALSE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->table), "table.context-menu", NULL));
  g_assert_true (steward_test_wait_until (widget_visible_cb, popover, STEWARD_TEST_TIMEOUT_MS));
  several = last_menu_label (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)));
  g_assert_cmpstr (several, ==, "_Delete 3 Datastores…");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* A sync's poll changes a datastore's metrics: the details rewrite the rows those make, and
 * nothing else; their menus are the same objects as before. */
static void
test_details_follow_changed_properties (Fixture       *fixture,
                                        gconstpointer  data)
{
  StewardDatastoreDetails *details;
  StewardDatastore *datastore = listed (fixture, 42);
  GtkWidget *more;
  GtkWidget *change;
  GtkWidget *name;
  GMenuModel *more_menu;
  GMenuModel *group_menu;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(StewardDatastore) polled = NULL;
  g_autofree char *records = steward_format_count (987654);
  g_autoptr(StewardDatastoreRequest) changes = steward_datastore_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardDatastore) updated = NULL;
  guint name_writes = 0;

  /* The server's copy is changed behind the deployment's back, so the details' own fetch of the
   * datastore shows when it has landed: a poll applied before it would be overwritten by it. */
  steward_datastore_request_set_description (changes, "Fetched when selected");
  steward_client_update_datastore_async (fixture->demo->client, 42, changes, NULL,
                                         steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  updated = steward_client_update_datastore_finish (fixture->demo->client, result, NULL);
  g_assert_nonnull (updated);

  g_assert_true (steward_main_view_select_datastore (fixture->view, 42));
  assert_shows (fixture, "Fetched when selected");
  details = details_of (fixture);
  g_assert_true (steward_datastore_details_get_datastore (details) == datastore);
  more = steward_test_find_widget_by_tooltip (GTK_WIDGET (details), "More Actions");
  change = steward_test_find_widget_by_tooltip (GTK_WIDGET (details), CHANGE_GROUP_TOOLTIP);
  name = steward_test_find_widget (GTK_WIDGET (details), GTK_TYPE_LABEL,
                                   steward_datastore_get_name (datastore));
  g_assert_nonnull (more);
  g_assert_nonnull (change);
  g_assert_nonnull (name);
  more_menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (more));
  group_menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (change));
  g_assert_nonnull (more_menu);
  g_assert_nonnull (group_menu);
  g_signal_connect (name, "notify::label", G_CALLBACK (count_cb), &name_writes);

  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"id\": 42, \"metrics\": {\"records\": 987654}}",
                                             -1, NULL));
  polled = steward_datastore_new_from_json (json_node_get_object (json_parser_get_root (parser)));
  g_assert_true (steward_datastore_update_from (datastore, polled));

  assert_shows (fixture, records);
  g_assert_cmpuint (name_writes, ==, 0);
  g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (more)) == more_menu);
  g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (change)) == group_menu);

  g_signal_handlers_disconnect_by_func (name, count_cb, &name_writes);
}

/* Whether the popover menu offers an item: the menu leaves out the widget of an item hidden
 * while its action is disabled. */
typedef struct
{
  GtkWidget  *popover;
  const char *label;
  gboolean    offered;
} OfferWait;

static gboolean
offers_cb (gpointer user_data)
{
  OfferWait *wait = user_data;

  GtkWidget *item = steward_test_find_widget (wait->popover, GTK_TYPE_LABEL, wait->label);

  return (item != NULL) == wait->offered;
}

/* The groups menus act on the selection: one datastore is assigned alone, with its own toast,
 * and Remove from Group is offered only while it is in a group. */
static void
test_assign_selection_single (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *details = GTK_WIDGET (details_of (fixture));
  GtkWidget *change = steward_test_find_widget_by_tooltip (details, CHANGE_GROUP_TOOLTIP);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (change)));
  GroupWait to_gold = { fixture, 42, 5 };
  GroupWait ungrouped = { fixture, 42, 0 };
  OfferWait offered = { popover, "_Remove from Group", TRUE };
  OfferWait not_offered = { popover, "_Remove from Group", FALSE };
  OfferWait gold = { popover, "Gold Tier", TRUE };

  g_assert_true (steward_main_view_select_datastore (fixture->view, 42));
  g_assert_null (steward_datastore_get_group (listed (fixture, 42)));
  g_assert_true (offers_cb (&gold));
  g_assert_true (offers_cb (&not_offered));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.assign-selection",
                                             "x", (gint64) 5));
  g_assert_true (steward_test_wait_until (server_group_cb, &to_gold, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "Moved “Production Sales” to “Gold Tier”");
  g_assert_true (steward_test_wait_until (offers_cb, &offered, STEWARD_TEST_TIMEOUT_MS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.ungroup-selection",
                                             NULL));
  g_assert_true (steward_test_wait_until (server_group_cb, &ungrouped, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (fixture, "Removed “Production Sales” from “Gold Tier”");
  g_assert_true (steward_test_wait_until (offers_cb, &not_offered, STEWARD_TEST_TIMEOUT_MS));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/main-view/lists-datastores", test_lists_datastores);
  ADD ("/main-view/search", test_search);
  ADD ("/main-view/filter-and-sort", test_filter_and_sort);
  ADD ("/main-view/sidebar-scopes", test_sidebar_scopes);
  ADD ("/main-view/favorite-round-trip", test_favorite_round_trip);
  ADD ("/main-view/favorite-refused", test_favorite_refused);
  ADD ("/main-view/assign-by-menu", test_assign_by_menu);
  ADD ("/main-view/assign-by-drag", test_assign_by_drag);
  ADD ("/main-view/assign-selection-single", test_assign_selection_single);
  ADD ("/main-view/bulk", test_bulk);
  ADD ("/main-view/bulk-delete", test_bulk_delete);
  ADD ("/main-view/keyboard-context-menu", test_keyboard_context_menu);
  ADD ("/main-view/details-sync-verify", test_details_sync_verify);
  ADD ("/main-view/create-selects-and-follows-sync", test_create_selects_and_follows_sync);
  ADD ("/main-view/groups", test_groups);
  ADD ("/main-view/edit-and-delete", test_edit_and_delete);
  ADD ("/main-view/details-follow-editor", test_details_follow_editor);
  ADD ("/main-view/details-follow-other-clients", test_details_follow_other_clients);
  ADD ("/main-view/details-follow-changed-properties", test_details_follow_changed_properties);
  ADD ("/main-view/details-deleted-elsewhere", test_details_deleted_elsewhere);
  ADD ("/main-view/verify-deleted", test_verify_deleted);
  ADD ("/main-view/bulk-stays-on-its-deployment", test_bulk_stays_on_its_deployment);
  ADD ("/main-view/names-are-not-markup", test_names_are_not_markup);
#undef ADD
  g_test_add ("/main-view/member-refused", Fixture, NULL, fixture_setup_member, test_member_refused,
              fixture_teardown);
  g_test_add ("/main-view/member-actions-disabled", Fixture, NULL, fixture_setup_member,
              test_member_actions_disabled, fixture_teardown);
  g_test_add ("/main-view/member-refused-read", Fixture, NULL, fixture_setup_member,
              test_member_refused_read, fixture_teardown);

  return g_test_run ();
}
