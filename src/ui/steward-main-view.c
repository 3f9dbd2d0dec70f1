/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-main-view"

#include <glib/gi18n.h>

#include "steward-create-datastore-dialog.h"
#include "steward-datastore-details.h"
#include "steward-delete-datastores-dialog.h"
#include "steward-datastore-drag.h"
#include "steward-datastore-table.h"
#include "steward-format.h"
#include "steward-main-view.h"
#include "steward-sidebar.h"
#include "steward-test-connection-dialog.h"

/* The datastore browser: the sidebar of views and groups, the datastore list, and the details
 * of the selected datastore, in nested leaflets that fold on narrow windows. It owns every
 * action on datastores and groups (the view.* actions its children's buttons and menus use),
 * talks to the deployment through one StewardClient, and reports outcomes as toasts.
 *
 * The list is the server's answer to the current query (search, connector type, tag, group,
 * sort), loaded page by page. Favorites and Ungrouped have no server filter: they are filtered
 * here from the full answer. Changes made here (a favorite, a group assignment) are applied to
 * the listed objects and the filter re-run, rather than loading everything again. */
struct _StewardMainView
{
  AdwBin                 parent_instance;

  StewardClient         *client;
  StewardUser           *user;
  GListStore            *groups;
  StewardDatastoreList  *list;
  GtkFilterListModel    *filtered;
  GtkCustomFilter       *scope_filter;
  GCancellable          *cancellable;        /* everything for the current client */
  GCancellable          *list_cancellable;   /* the current query */
  GCancellable          *counts_cancellable;
  GCancellable          *fetch_cancellable;  /* the selected datastore's fresh copy */
  GHashTable            *syncs;              /* datastore id → StewardOperation being followed */
  GHashTable            *known_types;        /* connector types seen, for the filter menu */
  GHashTable            *known_tags;
  char                  *sort_by;
  gboolean               sort_descending;
  char                  *filter_type;
  char                  *filter_tag;
  guint                  poll_interval_ms;
  gint64                 pending_select;     /* select once it is listed */

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwLeaflet            *outer_leaflet;
  AdwLeaflet            *inner_leaflet;
  StewardSidebar        *sidebar;
  GtkMenuButton         *primary_menu_button;
  AdwWindowTitle        *list_title;
  GtkBox                *header_end_box;
  GtkSpinner            *loading_spinner;
  GtkMenuButton         *filter_button;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  StewardDatastoreTable *table;
  GtkActionBar          *selection_bar;
  GtkLabel              *selection_label;
  GtkMenuButton         *assign_selection_button;
  GtkWidget             *delete_selection_button;
  AdwWindowTitle        *details_title;
  StewardDatastoreDetails *details;
};

G_DEFINE_FINAL_TYPE (StewardMainView, steward_main_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SORT_BY,
  PROP_SORT_DESCENDING,
  PROP_FILTER_TYPE,
  PROP_FILTER_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (StewardMainView *self);
static void refresh_counts (StewardMainView *self);
static void show_sync (StewardMainView *self, StewardOperation *operation);
static void sync_finished (StewardMainView *self, StewardOperation *operation, const GError *error);

/* Helpers */

static StewardScope
current_scope (StewardMainView *self,
               gint64          *group_id)
{
  StewardSidebarItem *item = steward_sidebar_get_selected_item (self->sidebar);

  if (group_id != NULL)
    *group_id = item != NULL ? steward_sidebar_item_get_group_id (item) : 0;

  return item != NULL ? steward_sidebar_item_get_scope (item) : STEWARD_SCOPE_ALL;
}

static void
toast (StewardMainView *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* An outcome that can be taken back: Undo activates @action_name with @target. */
static void
toast_with_undo (StewardMainView *self,
                 const char      *message,
                 const char      *action_name,
                 GVariant        *target)
{
  AdwToast *done = adw_toast_new (message);

  adw_toast_set_button_label (done, _("_Undo"));
  adw_toast_set_action_name (done, action_name);
  adw_toast_set_action_target_value (done, target);
  adw_toast_overlay_add_toast (self->toast_overlay, done);
}

/* A failure, in the server's words; a 403 also names what is missing. */
static void
toast_error (StewardMainView *self,
             StewardAction    action,
             const char      *what_failed,
             const GError    *error)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
    reason = steward_forbidden_message (action, error);
  else
    reason = g_strdup (error->message);

  /* Translators: "<what failed>: <why>", e.g. "Could not delete “Sales”: Datastore id: 9 not found". */
  message = g_strdup_printf (_("%s: %s"), what_failed, reason);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static StewardDatastoreGroup *
find_group (StewardMainView *self,
            gint64           group_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  for (guint i = 0; i < n; i++)
    {
      StewardDatastoreGroup *group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      g_object_unref (group);   /* the store keeps it */
      if (steward_datastore_group_get_id (group) == group_id)
        return group;
    }

  return NULL;
}

/* Each datastore answer carries its own copy of its group; showing our one instead means a
 * renamed or re-iconed group shows the same everywhere at once. */
static void
use_shared_group (StewardMainView  *self,
                  StewardDatastore *datastore)
{
  StewardDatastoreGroup *group = steward_datastore_get_group (datastore);
  StewardDatastoreGroup *shared;

  if (group == NULL)
    return;

  shared = find_group (self, steward_datastore_group_get_id (group));
  if (shared != NULL && shared != group)
    steward_datastore_set_group (datastore, shared);
}

/* The listed object for an id: the one the table and details show. */
static StewardDatastore *
find_datastore (StewardMainView *self,
                gint64           datastore_id)
{
  StewardDatastore *shown = steward_datastore_details_get_datastore (self->details);

  if (self->list != NULL)
    {
      StewardDatastore *listed = steward_datastore_list_find (self->list, datastore_id, NULL);

      if (listed != NULL)
        return listed;
    }

  if (shown != NULL && steward_datastore_get_id (shown) == datastore_id)
    return shown;

  return NULL;
}

/* Takes a server answer into the listed object, and re-checks whether it still belongs in the
 * current view (it may have left a group, or stopped being a favorite). */
static void
apply_answer (StewardMainView  *self,
              StewardDatastore *answer)
{
  StewardDatastore *listed = find_datastore (self, steward_datastore_get_id (answer));

  if (listed != NULL)
    {
      steward_datastore_update_from (listed, answer);
      use_shared_group (self, listed);
    }

  if (self->scope_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->scope_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_permissions (StewardMainView *self)
{
  static const struct
  {
    const char    *action;
    StewardAction  needs;
  } gated[] = {
    { "view.favorite-selection", STEWARD_ACTION_FAVORITE },
    { "view.delete-selection", STEWARD_ACTION_DELETE_DATASTORE },
    { "view.new-datastore", STEWARD_ACTION_CREATE_DATASTORE },
    { "view.test-connection", STEWARD_ACTION_TEST_CONNECTION },
  };
  gboolean can_delete = steward_user_can (self->user, STEWARD_ACTION_DELETE_DATASTORE);
  g_autofree char *why_not = steward_action_explain_denied (STEWARD_ACTION_DELETE_DATASTORE);

  for (guint i = 0; i < G_N_ELEMENTS (gated); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), gated[i].action,
                                   self->client != NULL && steward_user_can (self->user, gated[i].needs));

  gtk_widget_set_tooltip_text (self->delete_selection_button,
                               can_delete ? _("Delete the selected datastores") : why_not);
}

/* States of the list */

static void
update_list_state (StewardMainView *self)
{
  guint n = self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
  gboolean loading = self->list != NULL && steward_datastore_list_get_loading (self->list);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean filtered = (search != NULL && *search != '\0') || self->filter_type != NULL || self->filter_tag != NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), loading && n > 0);
  gtk_spinner_set_spinning (self->loading_spinner, loading && n > 0);

  if (n > 0)
    {
      steward_datastore_table_show_list (self->table);
      return;
    }

  if (loading)
    {
      steward_datastore_table_show_loading (self->table);
      return;
    }

  if (g_strcmp0 (steward_datastore_table_get_page (self->table), "error") == 0)
    return;

  if (filtered)
    {
      if (search != NULL && *search != '\0')
        description = g_strdup_printf (_("Nothing here matches “%s” and the chosen filters."), search);
      else
        description = g_strdup (_("Nothing here matches the chosen filters."));
      steward_datastore_table_show_empty (self->table, _("No Results"), description, TRUE);
      return;
    }

  switch (current_scope (self, NULL))
    {
    case STEWARD_SCOPE_FAVORITES:
      steward_datastore_table_show_empty (self->table, _("No Favorites"),
                                          _("Star a datastore to find it here."), FALSE);
      break;
    case STEWARD_SCOPE_ENRICHMENT:
      steward_datastore_table_show_empty (self->table, _("No Enrichment Datastores"),
                                          _("Enrichment datastores keep scan results and anomalies."), FALSE);
      break;
    case STEWARD_SCOPE_GROUP:
      steward_datastore_table_show_empty (self->table, _("No Datastores in This Group"),
                                          _("Drag datastores here, or assign them from their menu."), FALSE);
      break;
    case STEWARD_SCOPE_UNGROUPED:
      steward_datastore_table_show_empty (self->table, _("Every Datastore Is in a Group"), NULL, FALSE);
      break;
    case STEWARD_SCOPE_ALL:
    default:
      steward_datastore_table_show_empty (self->table, _("No Datastores Yet"),
                                          _("Datastores created on this deployment will show here."), FALSE);
      break;
    }
}

static void
add_to_set (GHashTable *set,
            const char *value)
{
  if (value != NULL && *value != '\0' && !g_hash_table_contains (set, value))
    g_hash_table_add (set, g_strdup (value));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
append_filter_section (GMenu      *menu,
                       const char *label,
                       const char *action,
                       GHashTable *values,
                       gboolean    display_types)
{
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree const char **sorted = (const char **) g_hash_table_get_keys_as_array (values, NULL);
  guint n = g_hash_table_size (values);
  g_autofree char *any_action = g_strdup_printf ("%s('')", action);

  g_menu_append (section, _("Any"), any_action);
  qsort (sorted, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (display_types ? steward_format_connector_type (sorted[i])
                                                                 : sorted[i], NULL);
      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (sorted[i]));
      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, label, G_MENU_MODEL (section));
}

static void
update_filter_menu (StewardMainView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  append_filter_section (menu, _("Connector Type"), "view.filter-type", self->known_types, TRUE);
  append_filter_section (menu, _("Tag"), "view.filter-tag", self->known_tags, FALSE);
  gtk_menu_button_set_menu_model (self->filter_button, G_MENU_MODEL (menu));

  if (self->filter_type != NULL || self->filter_tag != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

/* Learns connector types and tags from what was listed, for the filter menu, and gives new rows
 * the shared group objects. */
static void
list_items_changed_cb (GListModel      *list,
                       guint            position,
                       guint            removed,
                       guint            added,
                       StewardMainView *self)
{
  guint before_types = g_hash_table_size (self->known_types);
  guint before_tags = g_hash_table_size (self->known_tags);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (list, i);
      const char * const *tags = steward_datastore_get_tags (datastore);

      use_shared_group (self, datastore);
      add_to_set (self->known_types, steward_datastore_get_datastore_type (datastore));
      for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
        add_to_set (self->known_tags, tags[t]);
    }

  if (before_types != g_hash_table_size (self->known_types) ||
      before_tags != g_hash_table_size (self->known_tags))
    update_filter_menu (self);
}

/* The filtered model is what the table shows: a datastore waiting to be selected can be once it
 * is there, which is after the list itself changed. */
static void
filtered_items_changed_cb (StewardMainView *self)
{
  update_list_state (self);

  if (self->pending_select > 0 && steward_datastore_table_select_id (self->table, self->pending_select))
    self->pending_select = 0;
}

static void
list_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StewardMainView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steward_datastore_list_load_finish (STEWARD_DATASTORE_LIST (object), result, &error))
    {
      if (is_cancelled (error) || STEWARD_DATASTORE_LIST (object) != self->list)
        return;

      if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
        steward_datastore_table_show_error (self->table, error->message);
      else
        toast_error (self, STEWARD_ACTION_FAVORITE, _("Not every datastore could be loaded"), error);
    }

  if (STEWARD_DATASTORE_LIST (object) == self->list)
    update_list_state (self);
}

/* Favorites and Ungrouped are picked out here; a group's list is re-checked here too, so a
 * datastore moved out of the group leaves it at once. */
static gboolean
scope_filter_func (gpointer item,
                   gpointer user_data)
{
  StewardMainView *self = user_data;
  StewardDatastore *datastore = item;
  gint64 group_id;

  switch (current_scope (self, &group_id))
    {
    case STEWARD_SCOPE_FAVORITES:
      return steward_datastore_get_favorite (datastore);
    case STEWARD_SCOPE_UNGROUPED:
      return steward_datastore_get_group (datastore) == NULL;
    case STEWARD_SCOPE_GROUP:
      return steward_datastore_get_group_id (datastore) == group_id;
    case STEWARD_SCOPE_ALL:
    case STEWARD_SCOPE_ENRICHMENT:
    default:
      return TRUE;
    }
}

static StewardSortKey
sort_key (const char *sort_by)
{
  if (g_strcmp0 (sort_by, "created") == 0)
    return STEWARD_SORT_CREATED;
  if (g_strcmp0 (sort_by, "favorite") == 0)
    return STEWARD_SORT_FAVORITE;
  if (g_strcmp0 (sort_by, "containers") == 0)
    return STEWARD_SORT_CONTAINERS;
  if (g_strcmp0 (sort_by, "anomalies") == 0)
    return STEWARD_SORT_ACTIVE_ANOMALIES;
  return STEWARD_SORT_NAME;
}

static StewardDatastoreQuery *
build_query (StewardMainView *self)
{
  StewardDatastoreQuery *query = steward_datastore_query_new ();
  gint64 group_id;
  StewardScope scope = current_scope (self, &group_id);

  steward_datastore_query_set_search (query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->filter_type != NULL)
    steward_datastore_query_add_type (query, self->filter_type);
  if (self->filter_tag != NULL)
    steward_datastore_query_add_tag (query, self->filter_tag);
  if (scope == STEWARD_SCOPE_GROUP)
    steward_datastore_query_add_group (query, group_id);
  steward_datastore_query_set_enrichment_only (query, scope == STEWARD_SCOPE_ENRICHMENT);
  steward_datastore_query_add_sort (query, sort_key (self->sort_by), self->sort_descending);

  return query;
}

static void
reload (StewardMainView *self)
{
  g_autoptr(StewardDatastoreQuery) query = NULL;

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, list_items_changed_cb, self);
  g_clear_object (&self->list);

  if (self->client == NULL)
    {
      steward_datastore_table_set_model (self->table, NULL);
      return;
    }

  query = build_query (self);
  self->list = steward_datastore_list_new (self->client, query);
  self->list_cancellable = g_cancellable_new ();
  g_signal_connect (self->list, "items-changed", G_CALLBACK (list_items_changed_cb), self);

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->list));
  gtk_filter_changed (GTK_FILTER (self->scope_filter), GTK_FILTER_CHANGE_DIFFERENT);
  steward_datastore_table_show_loading (self->table);

  steward_datastore_list_load_async (self->list, self->list_cancellable, list_loaded_cb, g_object_ref (self));
  update_list_state (self);
}

/* Sidebar counts */

typedef struct
{
  StewardMainView    *self;
  StewardSidebarItem *item;
} CountRequest;

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CountRequest *request = user_data;
  g_autoptr(StewardDatastorePage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = steward_client_list_datastores_finish (STEWARD_CLIENT (object), result, &error);
  if (page != NULL)
    {
      StewardMainView *self = request->self;
      StewardSidebarItem *all = steward_sidebar_find_item (self->sidebar, STEWARD_SCOPE_ALL, 0);
      StewardSidebarItem *ungrouped = steward_sidebar_find_item (self->sidebar, STEWARD_SCOPE_UNGROUPED, 0);
      gint64 grouped = 0;
      gboolean all_known = steward_sidebar_item_get_count (all) >= 0;
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

      steward_sidebar_item_set_count (request->item, steward_datastore_page_get_total (page));

      /* Every datastore is in one group at most, so the rest are ungrouped. */
      for (guint i = 0; i < n && all_known; i++)
        {
          g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);
          StewardSidebarItem *item = steward_sidebar_find_item (self->sidebar, STEWARD_SCOPE_GROUP,
                                                                steward_datastore_group_get_id (group));

          if (item == NULL || steward_sidebar_item_get_count (item) < 0)
            all_known = FALSE;
          else
            grouped += steward_sidebar_item_get_count (item);
        }
      if (all_known)
        steward_sidebar_item_set_count (ungrouped, MAX (0, steward_sidebar_item_get_count (all) - grouped));
    }
  else if (!is_cancelled (error))
    g_debug ("Could not count datastores: %s", error->message);

  g_object_unref (request->self);
  g_object_unref (request->item);
  g_free (request);
}

static void
count (StewardMainView       *self,
       StewardSidebarItem    *item,
       StewardDatastoreQuery *query)
{
  CountRequest *request = g_new0 (CountRequest, 1);

  request->self = g_object_ref (self);
  request->item = g_object_ref (item);
  steward_client_list_datastores_async (self->client, query, 1, 1, self->counts_cancellable, count_cb, request);
}

/* Each count is the "total" of a one-item page. */
static void
refresh_counts (StewardMainView *self)
{
  g_autoptr(StewardDatastoreQuery) all = steward_datastore_query_new ();
  g_autoptr(StewardDatastoreQuery) enrichment = steward_datastore_query_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  if (self->client == NULL)
    return;

  g_cancellable_cancel (self->counts_cancellable);
  g_clear_object (&self->counts_cancellable);
  self->counts_cancellable = g_cancellable_new ();

  count (self, steward_sidebar_find_item (self->sidebar, STEWARD_SCOPE_ALL, 0), all);
  steward_datastore_query_set_enrichment_only (enrichment, TRUE);
  count (self, steward_sidebar_find_item (self->sidebar, STEWARD_SCOPE_ENRICHMENT, 0), enrichment);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);
      g_autoptr(StewardDatastoreQuery) query = steward_datastore_query_new ();
      StewardSidebarItem *item = steward_sidebar_find_item (self->sidebar, STEWARD_SCOPE_GROUP,
                                                            steward_datastore_group_get_id (group));

      steward_datastore_query_add_group (query, steward_datastore_group_get_id (group));
      if (item != NULL)
        count (self, item, query);
    }
}

/* Groups */

static void
groups_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StewardMainView) self = user_data;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  groups = steward_client_list_groups_finish (STEWARD_CLIENT (object), result, &error);
  if (groups == NULL)
    {
      if (!is_cancelled (error))
        toast_error (self, STEWARD_ACTION_MANAGE_GROUPS, _("Could not load the groups"), error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    g_ptr_array_add (items, g_list_model_get_item (groups, i));
  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       items->pdata, items->len);

  /* Rows listed before the groups arrived get the shared group objects now. */
  if (self->list != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->list)); i++)
      {
        g_autoptr(StewardDatastore) datastore = g_list_model_get_item (G_LIST_MODEL (self->list), i);
        use_shared_group (self, datastore);
      }

  refresh_counts (self);
}

static void
load_groups (StewardMainView *self)
{
  steward_client_list_groups_async (self->client, self->cancellable, groups_loaded_cb, g_object_ref (self));
}

/* Signal handlers */

static void
sidebar_selection_cb (StewardMainView *self)
{
  StewardSidebarItem *item = steward_sidebar_get_selected_item (self->sidebar);

  adw_window_title_set_title (self->list_title, item != NULL ? steward_sidebar_item_get_title (item)
                                                             : _("All Datastores"));
  reload (self);
  adw_leaflet_navigate (self->outer_leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* GtkSearchBar clears its entry whenever search mode ends, which reports a change even when
 * the text was already empty: only a different search is worth a new query. */
static void
search_changed_cb (StewardMainView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *current = self->list != NULL ? steward_datastore_query_get_search (steward_datastore_list_get_query (self->list))
                                           : NULL;

  if (g_strcmp0 (*text != '\0' ? text : NULL, current) == 0)
    return;

  reload (self);
}

static void
fetch_selected_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StewardMainView) self = user_data;
  g_autoptr(StewardDatastore) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = steward_client_get_datastore_finish (STEWARD_CLIENT (object), result, &error);
  if (fresh != NULL)
    apply_answer (self, fresh);
  else if (!is_cancelled (error))
    g_debug ("Could not refresh the selected datastore: %s", error->message);
}

static void
selection_changed_cb (StewardMainView *self)
{
  StewardDatastore *selected = steward_datastore_table_get_selected (self->table);
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);
  g_autofree char *label = NULL;

  steward_datastore_details_set_n_selected (self->details, ids->len);
  steward_datastore_details_set_datastore (self->details, selected);
  adw_window_title_set_title (self->details_title, selected != NULL ? steward_datastore_get_name (selected)
                                                                    : _("Details"));

  if (selected != NULL)
    {
      StewardOperation *sync = g_hash_table_lookup (self->syncs, &(gint64) { steward_datastore_get_id (selected) });

      if (sync != NULL)
        steward_datastore_details_set_operation (self->details, sync);

      /* List answers may be abbreviated: the details want every field. */
      g_cancellable_cancel (self->fetch_cancellable);
      g_clear_object (&self->fetch_cancellable);
      self->fetch_cancellable = g_cancellable_new ();
      steward_client_get_datastore_async (self->client, steward_datastore_get_id (selected),
                                          self->fetch_cancellable, fetch_selected_cb, g_object_ref (self));
    }

  gtk_action_bar_set_revealed (self->selection_bar, ids->len > 1);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", ids->len), ids->len);
  gtk_label_set_label (self->selection_label, label);
}

static void
datastore_activated_cb (StewardMainView *self)
{
  if (adw_leaflet_get_folded (self->inner_leaflet))
    adw_leaflet_set_visible_child (self->inner_leaflet,
                                   gtk_widget_get_ancestor (GTK_WIDGET (self->details), GTK_TYPE_BOX));
}

static GMenuModel *
build_assign_selection_menu (StewardMainView *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) groups_section = g_menu_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);
      g_autoptr(GMenuItem) item = g_menu_item_new (steward_datastore_group_get_name (group), NULL);

      g_menu_item_set_action_and_target_value (item, "view.assign-selection",
                                               g_variant_new_int64 (steward_datastore_group_get_id (group)));
      g_menu_append_item (groups_section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (groups_section));
  g_menu_append (menu, _("_Remove from Group"), "view.assign-selection(int64 0)");

  return G_MENU_MODEL (menu);
}

static void
groups_changed_cb (StewardMainView *self)
{
  g_autoptr(GMenuModel) menu = build_assign_selection_menu (self);

  gtk_menu_button_set_menu_model (self->assign_selection_button, menu);
}

/* Favorites: applied at once, reverted if the server refuses. */

typedef struct
{
  StewardMainView  *self;
  StewardDatastore *datastore;
  gboolean          favorite;
} FavoriteCall;

static void
favorite_call_free (FavoriteCall *call)
{
  g_object_unref (call->self);
  g_object_unref (call->datastore);
  g_free (call);
}

static void
favorite_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FavoriteCall *call = user_data;
  StewardMainView *self = call->self;
  g_autoptr(StewardDatastore) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = steward_client_set_favorite_finish (STEWARD_CLIENT (object), result, &error);
  if (answer != NULL)
    {
      g_autofree char *message = NULL;

      apply_answer (self, answer);
      message = g_strdup_printf (call->favorite ? _("Added “%s” to favorites") : _("Removed “%s” from favorites"),
                                 steward_datastore_get_name (call->datastore));
      toast_with_undo (self, message, "view.set-favorite",
                       g_variant_new ("(xb)", steward_datastore_get_id (call->datastore), !call->favorite));
    }
  else if (!is_cancelled (error))
    {
      g_autofree char *what = g_strdup_printf (_("Could not change the favorite “%s”"),
                                               steward_datastore_get_name (call->datastore));

      steward_datastore_set_favorite (call->datastore, !call->favorite);
      gtk_filter_changed (GTK_FILTER (self->scope_filter), GTK_FILTER_CHANGE_DIFFERENT);
      toast_error (self, STEWARD_ACTION_FAVORITE, what, error);
    }

  favorite_call_free (call);
}

static void
set_favorite (StewardMainView *self,
              gint64           datastore_id,
              gboolean         favorite)
{
  StewardDatastore *datastore = find_datastore (self, datastore_id);
  FavoriteCall *call;

  if (datastore == NULL || self->client == NULL)
    return;

  steward_datastore_set_favorite (datastore, favorite);
  gtk_filter_changed (GTK_FILTER (self->scope_filter), GTK_FILTER_CHANGE_DIFFERENT);

  call = g_new0 (FavoriteCall, 1);
  call->self = g_object_ref (self);
  call->datastore = g_object_ref (datastore);
  call->favorite = favorite;
  steward_client_set_favorite_async (self->client, datastore_id, favorite, self->cancellable, favorite_cb, call);
}

static void
toggle_favorite_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *datastore = find_datastore (self, g_variant_get_int64 (parameter));

  if (datastore != NULL)
    set_favorite (self, g_variant_get_int64 (parameter), !steward_datastore_get_favorite (datastore));
}

static void
set_favorite_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gint64 id;
  gboolean favorite;

  g_variant_get (parameter, "(xb)", &id, &favorite);
  set_favorite (STEWARD_MAIN_VIEW (widget), id, favorite);
}

/* Assigning one datastore to a group, or taking it out (group 0). */

typedef struct
{
  StewardMainView *self;
  gint64           datastore_id;
  char            *datastore_name;
  gint64           previous_group_id;
  char            *previous_group_name;
} AssignCall;

static void
assign_call_free (AssignCall *call)
{
  g_object_unref (call->self);
  g_free (call->datastore_name);
  g_free (call->previous_group_name);
  g_free (call);
}

static void
assign_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AssignCall *call = user_data;
  StewardMainView *self = call->self;
  g_autoptr(StewardDatastore) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = steward_client_assign_group_finish (STEWARD_CLIENT (object), result, &error);
  if (answer != NULL)
    {
      StewardDatastore *listed = find_datastore (self, call->datastore_id);
      StewardDatastoreGroup *group;
      g_autofree char *message = NULL;

      apply_answer (self, answer);
      group = listed != NULL ? steward_datastore_get_group (listed) : steward_datastore_get_group (answer);
      if (group != NULL)
        message = g_strdup_printf (_("Moved “%s” to “%s”"), call->datastore_name,
                                   steward_datastore_group_get_name (group));
      else
        message = g_strdup_printf (_("Removed “%s” from “%s”"), call->datastore_name,
                                   call->previous_group_name != NULL ? call->previous_group_name : _("its group"));

      toast_with_undo (self, message, "view.assign-group",
                       g_variant_new ("(xx)", call->datastore_id, call->previous_group_id));
      refresh_counts (self);
    }
  else if (!is_cancelled (error))
    {
      g_autofree char *what = g_strdup_printf (_("Could not change the group of “%s”"), call->datastore_name);

      toast_error (self, STEWARD_ACTION_ASSIGN_GROUP, what, error);
    }

  assign_call_free (call);
}

static void
assign_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *datastore;
  StewardDatastoreGroup *previous;
  AssignCall *call;
  gint64 datastore_id;
  gint64 group_id;

  g_variant_get (parameter, "(xx)", &datastore_id, &group_id);
  datastore = find_datastore (self, datastore_id);
  if (datastore == NULL || self->client == NULL || steward_datastore_get_group_id (datastore) == group_id)
    return;

  previous = steward_datastore_get_group (datastore);
  call = g_new0 (AssignCall, 1);
  call->self = g_object_ref (self);
  call->datastore_id = datastore_id;
  call->datastore_name = g_strdup (steward_datastore_get_name (datastore));
  call->previous_group_id = steward_datastore_get_group_id (datastore);
  call->previous_group_name = previous != NULL ? g_strdup (steward_datastore_group_get_name (previous)) : NULL;
  steward_client_assign_group_async (self->client, datastore_id, group_id, self->cancellable, assign_cb, call);
}

/* Many datastores at once: a few requests at a time, then one toast for the lot. */

typedef enum
{
  BATCH_ASSIGN,
  BATCH_FAVORITE,
  BATCH_DELETE,
} BatchKind;

typedef struct
{
  StewardMainView *self;
  BatchKind        kind;
  gint64           group_id;
  GArray          *ids;
  guint            next;
  guint            running;
  guint            succeeded;
  guint            failed;
  GError          *first_error;
} Batch;

static void batch_next (Batch *batch);

static void
batch_finish (Batch *batch)
{
  StewardMainView *self = batch->self;
  guint total = batch->ids->len;
  g_autofree char *message = NULL;
  StewardAction action = batch->kind == BATCH_DELETE ? STEWARD_ACTION_DELETE_DATASTORE
                       : batch->kind == BATCH_FAVORITE ? STEWARD_ACTION_FAVORITE
                       : STEWARD_ACTION_ASSIGN_GROUP;

  if (batch->kind == BATCH_ASSIGN && batch->group_id > 0)
    {
      StewardDatastoreGroup *group = find_group (self, batch->group_id);
      const char *name = group != NULL ? steward_datastore_group_get_name (group) : "";

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Assigned %u of %u datastore to “%s”",
                                              "Assigned %u of %u datastores to “%s”", total),
                                 batch->succeeded, total, name);
    }
  else if (batch->kind == BATCH_ASSIGN)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u of %u datastore from its group",
                                            "Removed %u of %u datastores from their groups", total),
                               batch->succeeded, total);
  else if (batch->kind == BATCH_FAVORITE)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u of %u datastore to favorites",
                                            "Added %u of %u datastores to favorites", total),
                               batch->succeeded, total);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u of %u datastore",
                                            "Deleted %u of %u datastores", total),
                               batch->succeeded, total);

  if (batch->failed > 0)
    {
      g_autofree char *failures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed",
                                                                batch->failed), batch->failed);
      g_autofree char *what = g_strdup_printf ("%s; %s", message, failures);

      toast_error (self, action, what, batch->first_error);
    }
  else
    toast (self, message);

  gtk_filter_changed (GTK_FILTER (self->scope_filter), GTK_FILTER_CHANGE_DIFFERENT);
  refresh_counts (self);

  g_clear_error (&batch->first_error);
  g_array_unref (batch->ids);
  g_object_unref (batch->self);
  g_free (batch);
}

typedef struct
{
  Batch  *batch;
  gint64  datastore_id;
} BatchCall;

static void
batch_item_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BatchCall *call = user_data;
  Batch *batch = call->batch;
  StewardClient *client = STEWARD_CLIENT (object);
  g_autoptr(StewardDatastore) answer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  switch (batch->kind)
    {
    case BATCH_ASSIGN:
      answer = steward_client_assign_group_finish (client, result, &error);
      ok = answer != NULL;
      break;
    case BATCH_FAVORITE:
      answer = steward_client_set_favorite_finish (client, result, &error);
      ok = answer != NULL;
      break;
    case BATCH_DELETE:
    default:
      ok = steward_client_delete_datastore_finish (client, result, &error);
      if (ok && batch->self->list != NULL)
        steward_datastore_list_remove (batch->self->list, call->datastore_id);
      break;
    }

  if (answer != NULL)
    apply_answer (batch->self, answer);

  if (ok)
    batch->succeeded++;
  else
    {
      batch->failed++;
      if (batch->first_error == NULL)
        batch->first_error = g_steal_pointer (&error);
    }

  batch->running--;
  g_free (call);
  batch_next (batch);
}

static void
batch_next (Batch *batch)
{
  StewardMainView *self = batch->self;

  while (batch->running < 4 && batch->next < batch->ids->len)
    {
      BatchCall *call = g_new0 (BatchCall, 1);

      call->batch = batch;
      call->datastore_id = g_array_index (batch->ids, gint64, batch->next++);
      batch->running++;

      switch (batch->kind)
        {
        case BATCH_ASSIGN:
          steward_client_assign_group_async (self->client, call->datastore_id, batch->group_id,
                                             NULL, batch_item_cb, call);
          break;
        case BATCH_FAVORITE:
          steward_client_set_favorite_async (self->client, call->datastore_id, TRUE, NULL, batch_item_cb, call);
          break;
        case BATCH_DELETE:
        default:
          steward_client_delete_datastore_async (self->client, call->datastore_id, NULL, batch_item_cb, call);
          break;
        }
    }

  if (batch->running == 0 && batch->next >= batch->ids->len)
    batch_finish (batch);
}

/* Runs to the end even if the view goes away meanwhile: half a batch must still be reported,
 * so the calls are not tied to the view's cancellable. */
static void
run_batch (StewardMainView *self,
           BatchKind        kind,
           gint64           group_id,
           GArray          *ids)
{
  Batch *batch;

  if (self->client == NULL || ids->len == 0)
    return;

  batch = g_new0 (Batch, 1);
  batch->self = g_object_ref (self);
  batch->kind = kind;
  batch->group_id = group_id;
  batch->ids = g_array_ref (ids);
  batch_next (batch);
}

static void
assign_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);

  run_batch (self, BATCH_ASSIGN, g_variant_get_int64 (parameter), ids);
}

static void
favorite_selection_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);

  run_batch (self, BATCH_FAVORITE, 0, ids);
}

typedef struct
{
  StewardMainView *self;
  GArray          *ids;
} DeleteSelection;

static void
delete_selection_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              gpointer          user_data)
{
  DeleteSelection *pending = user_data;

  if (g_str_equal (response, "delete"))
    run_batch (pending->self, BATCH_DELETE, 0, pending->ids);

  g_array_unref (pending->ids);
  g_object_unref (pending->self);
  g_free (pending);
}

/* One datastore goes through its own confirmation (type its name); several through one that
 * lists them (type how many). */
static void
delete_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);
  g_autoptr(GPtrArray) names = NULL;
  StewardDeleteDatastoresDialog *dialog;
  DeleteSelection *pending;

  if (ids->len == 0)
    return;

  if (ids->len == 1)
    {
      gtk_widget_activate_action (widget, "view.delete", "x", g_array_index (ids, gint64, 0));
      return;
    }

  names = g_ptr_array_new ();
  for (guint i = 0; i < ids->len; i++)
    {
      StewardDatastore *datastore = find_datastore (self, g_array_index (ids, gint64, i));
      g_ptr_array_add (names, (gpointer) (datastore != NULL ? steward_datastore_get_name (datastore) : "?"));
    }
  g_ptr_array_add (names, NULL);

  dialog = steward_delete_datastores_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                 (const char * const *) names->pdata);
  pending = g_new0 (DeleteSelection, 1);
  pending->self = g_object_ref (self);
  pending->ids = g_array_ref (ids);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_selection_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A sync started by creating a datastore: found among its operations, then followed. */
static void
follower_operation_cb (StewardSyncFollower *follower,
                       GParamSpec          *pspec,
                       StewardMainView     *self)
{
  StewardOperation *operation = steward_sync_follower_get_operation (follower);

  if (operation != NULL)
    show_sync (self, operation);
}

static void
follower_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StewardMainView) self = user_data;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (object, follower_operation_cb, self);
  operation = steward_sync_follower_follow_finish (STEWARD_SYNC_FOLLOWER (object), result, &error);
  sync_finished (self, operation, error);
  g_object_unref (object);
}

static void
datastore_created_cb (StewardCreateDatastoreDialog *dialog,
                      StewardDatastore             *datastore,
                      gboolean                      sync_started,
                      StewardMainView              *self)
{
  g_autofree char *message = g_strdup_printf (_("Created “%s”"), steward_datastore_get_name (datastore));

  toast (self, message);

  /* Listed by the server in its place (it may not match the current view at all), then
   * selected when it shows up. */
  reload (self);
  refresh_counts (self);
  steward_main_view_select_datastore (self, steward_datastore_get_id (datastore));

  if (sync_started)
    {
      StewardSyncFollower *follower = steward_sync_follower_new (self->client, steward_datastore_get_id (datastore));

      g_signal_connect_object (follower, "notify::operation", G_CALLBACK (follower_operation_cb), self, 0);
      steward_sync_follower_follow_async (follower, self->poll_interval_ms, self->cancellable,
                                          follower_done_cb, g_object_ref (self));
    }
}

static void
new_datastore_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardCreateDatastoreDialog *dialog;

  if (self->client == NULL)
    return;

  dialog = steward_create_datastore_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->client,
                                                G_LIST_MODEL (self->groups));
  g_signal_connect_object (dialog, "created", G_CALLBACK (datastore_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
test_connection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);

  if (self->client == NULL)
    return;

  gtk_window_present (GTK_WINDOW (steward_test_connection_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                      self->client)));
}

static gboolean
datastores_dropped_cb (StewardSidebar       *sidebar,
                       StewardSidebarItem   *item,
                       StewardDatastoreDrag *drag,
                       StewardMainView      *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *dropped;
  guint n;

  dropped = steward_datastore_drag_get_ids (drag, &n);
  g_array_append_vals (ids, dropped, n);

  if (n == 1)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "view.assign-group", "(xx)", dropped[0],
                                  steward_sidebar_item_get_group_id (item));
      return TRUE;
    }

  run_batch (self, BATCH_ASSIGN, steward_sidebar_item_get_group_id (item), ids);
  return TRUE;
}

/* Sync and verify */

/* A followed sync ended: say how, and show the metrics it changed. */
static void
sync_finished (StewardMainView  *self,
               StewardOperation *operation,
               const GError     *error)
{
  StewardDatastore *datastore;
  gint64 datastore_id;
  g_autofree char *message = NULL;
  const char *name;

  if (operation == NULL)
    {
      if (!is_cancelled (error))
        toast_error (self, STEWARD_ACTION_RUN_SYNC, _("Lost track of the sync"), error);
      return;
    }

  datastore_id = steward_operation_get_datastore_id (operation);
  g_hash_table_remove (self->syncs, &datastore_id);
  datastore = find_datastore (self, datastore_id);
  name = datastore != NULL ? steward_datastore_get_name (datastore) : "";

  if (steward_datastore_details_get_datastore (self->details) == datastore && datastore != NULL)
    steward_datastore_details_set_busy (self->details, "sync", FALSE);

  switch (steward_operation_get_result (operation))
    {
    case STEWARD_OPERATION_SUCCESS:
      message = g_strdup_printf (_("Sync of “%s” finished"), name);
      break;
    case STEWARD_OPERATION_WARNING:
      message = g_strdup_printf (_("Sync of “%s” finished with a warning: %s"), name,
                                 steward_operation_get_message (operation));
      break;
    case STEWARD_OPERATION_FAILURE:
      message = g_strdup_printf (_("Sync of “%s” failed: %s"), name,
                                 steward_operation_get_message (operation) != NULL
                                   ? steward_operation_get_message (operation) : _("no reason given"));
      break;
    case STEWARD_OPERATION_ABORTED:
    case STEWARD_OPERATION_RUNNING:
    default:
      message = g_strdup_printf (_("Sync of “%s” was aborted"), name);
      break;
    }
  toast (self, message);

  steward_client_get_datastore_async (self->client, datastore_id, self->cancellable,
                                      fetch_selected_cb, g_object_ref (self));
}

static void
sync_followed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StewardMainView) self = user_data;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = steward_client_follow_operation_finish (STEWARD_CLIENT (object), result, &error);
  sync_finished (self, operation, error);
}

/* Shows a running sync of a datastore in the details (whenever that datastore is shown). */
static void
show_sync (StewardMainView  *self,
           StewardOperation *operation)
{
  gint64 datastore_id = steward_operation_get_datastore_id (operation);
  StewardDatastore *shown = steward_datastore_details_get_datastore (self->details);

  g_hash_table_insert (self->syncs, g_memdup2 (&datastore_id, sizeof datastore_id), g_object_ref (operation));
  if (shown != NULL && steward_datastore_get_id (shown) == datastore_id)
    {
      steward_datastore_details_set_operation (self->details, operation);
      steward_datastore_details_set_busy (self->details, "sync", TRUE);
    }
}

/* Shows a sync's progress in the details (whenever its datastore is shown) until it ends. */
void
steward_main_view_follow_sync (StewardMainView  *self,
                               StewardOperation *operation)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));
  g_return_if_fail (STEWARD_IS_OPERATION (operation));

  if (self->client == NULL)
    return;

  show_sync (self, operation);
  steward_client_follow_operation_async (self->client, operation, self->poll_interval_ms, self->cancellable,
                                         sync_followed_cb, g_object_ref (self));
}

static void
sync_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(StewardMainView) self = user_data;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = steward_client_run_sync_finish (STEWARD_CLIENT (object), result, &error);
  if (operation == NULL)
    {
      StewardDatastore *shown = steward_datastore_details_get_datastore (self->details);

      if (is_cancelled (error))
        return;
      if (shown != NULL)
        steward_datastore_details_set_busy (self->details, "sync", FALSE);
      toast_error (self, STEWARD_ACTION_RUN_SYNC, _("Could not start a sync"), error);
      return;
    }

  steward_main_view_follow_sync (self, operation);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (self->client == NULL || g_hash_table_contains (self->syncs, &id))
    return;

  steward_datastore_details_set_busy (self->details, "sync", TRUE);
  steward_client_run_sync_async (self->client, id, self->cancellable, sync_started_cb, g_object_ref (self));
}

typedef struct
{
  StewardMainView *self;
  gint64           datastore_id;
} VerifyCall;

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  VerifyCall *call = user_data;
  StewardMainView *self = call->self;
  StewardDatastore *datastore = find_datastore (self, call->datastore_id);
  StewardDatastore *shown = steward_datastore_details_get_datastore (self->details);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean connected;

  connected = steward_client_verify_datastore_finish (STEWARD_CLIENT (object), result, &message, &error);
  if (error != NULL)
    {
      if (!is_cancelled (error))
        toast_error (self, STEWARD_ACTION_UPDATE_DATASTORE, _("Could not verify the connection"), error);
    }
  else
    {
      if (datastore != NULL)
        g_object_set (datastore, "connected", connected, NULL);
      if (shown != NULL && steward_datastore_get_id (shown) == call->datastore_id)
        steward_datastore_details_set_verify_result (self->details, connected, message);
    }

  if (!is_cancelled (error) && shown != NULL && steward_datastore_get_id (shown) == call->datastore_id)
    steward_datastore_details_set_busy (self->details, "verify", FALSE);

  g_object_unref (call->self);
  g_free (call);
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  VerifyCall *call;

  if (self->client == NULL)
    return;

  call = g_new0 (VerifyCall, 1);
  call->self = g_object_ref (self);
  call->datastore_id = g_variant_get_int64 (parameter);
  steward_datastore_details_set_busy (self->details, "verify", TRUE);
  steward_client_verify_datastore_async (self->client, call->datastore_id, self->cancellable, verify_cb, call);
}

/* Small actions */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *datastore = find_datastore (self, g_variant_get_int64 (parameter));
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (datastore == NULL)
    return;

  if (g_str_equal (action_name, "view.copy-id"))
    {
      text = g_strdup_printf ("%" G_GINT64_FORMAT, steward_datastore_get_id (datastore));
      message = g_strdup_printf (_("Copied the ID %s"), text);
    }
  else
    {
      text = g_strdup (steward_datastore_get_name (datastore));
      message = g_strdup_printf (_("Copied the name “%s”"), text);
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, message);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);

  reload (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->groups)) == 0 && self->client != NULL)
    load_groups (self);
  else
    refresh_counts (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);

  g_clear_pointer (&self->filter_type, g_free);
  g_clear_pointer (&self->filter_tag, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_TYPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_TAG]);
  update_filter_menu (self);

  /* Clearing the entry reloads through search-changed; otherwise reload here. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    reload (self);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (STEWARD_MAIN_VIEW (widget)->outer_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_leaflet_navigate (STEWARD_MAIN_VIEW (widget)->inner_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Object */

static void
steward_main_view_dispose (GObject *object)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->list_cancellable);
  g_cancellable_cancel (self->counts_cancellable);
  g_cancellable_cancel (self->fetch_cancellable);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, list_items_changed_cb, self);

  /* AdwBin unparents its child itself: let go of it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_MAIN_VIEW);

  g_clear_object (&self->list);
  g_clear_object (&self->filtered);
  g_clear_object (&self->scope_filter);
  g_clear_object (&self->groups);
  g_clear_object (&self->client);
  g_clear_object (&self->user);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->counts_cancellable);
  g_clear_object (&self->fetch_cancellable);
  g_clear_pointer (&self->syncs, g_hash_table_unref);
  g_clear_pointer (&self->known_types, g_hash_table_unref);
  g_clear_pointer (&self->known_tags, g_hash_table_unref);

  G_OBJECT_CLASS (steward_main_view_parent_class)->dispose (object);
}

static void
steward_main_view_finalize (GObject *object)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (object);

  g_free (self->sort_by);
  g_free (self->filter_type);
  g_free (self->filter_tag);

  G_OBJECT_CLASS (steward_main_view_parent_class)->finalize (object);
}

static void
steward_main_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_SORT_BY:
      g_value_set_string (value, self->sort_by);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    case PROP_FILTER_TYPE:
      g_value_set_string (value, self->filter_type != NULL ? self->filter_type : "");
      break;
    case PROP_FILTER_TAG:
      g_value_set_string (value, self->filter_tag != NULL ? self->filter_tag : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Each query setting reloads the list when it changes. */
static gboolean
set_query_string (char       **field,
                  const char  *value)
{
  const char *normalized = value != NULL && *value != '\0' ? value : NULL;

  if (g_strcmp0 (*field, normalized) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (normalized);
  return TRUE;
}

static void
steward_main_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_SORT_BY:
      changed = set_query_string (&self->sort_by, g_value_get_string (value));
      break;
    case PROP_SORT_DESCENDING:
      changed = self->sort_descending != g_value_get_boolean (value);
      self->sort_descending = g_value_get_boolean (value);
      break;
    case PROP_FILTER_TYPE:
      changed = set_query_string (&self->filter_type, g_value_get_string (value));
      break;
    case PROP_FILTER_TAG:
      changed = set_query_string (&self->filter_tag, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (!changed)
    return;

  g_object_notify_by_pspec (object, pspec);
  update_filter_menu (self);
  reload (self);
}

static void
steward_main_view_class_init (StewardMainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = steward_main_view_dispose;
  object_class->finalize = steward_main_view_finalize;
  object_class->get_property = steward_main_view_get_property;
  object_class->set_property = steward_main_view_set_property;

  /* The server's sorts: name, created, favorite, containers, anomalies. */
  properties[PROP_SORT_BY] = g_param_spec_string ("sort-by", NULL, NULL, "name", flags);
  properties[PROP_SORT_DESCENDING] = g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE, flags);
  /* "" for any. */
  properties[PROP_FILTER_TYPE] = g_param_spec_string ("filter-type", NULL, NULL, "", flags);
  properties[PROP_FILTER_TAG] = g_param_spec_string ("filter-tag", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_SIDEBAR);
  g_type_ensure (STEWARD_TYPE_DATASTORE_TABLE);
  g_type_ensure (STEWARD_TYPE_DATASTORE_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steward-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, outer_leaflet);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, inner_leaflet);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, list_title);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, header_end_box);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, table);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, assign_selection_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, delete_selection_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, details_title);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, details);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, datastore_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, datastores_dropped_cb);

  gtk_widget_class_install_property_action (widget_class, "view.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "view.sort-descending", "sort-descending");
  gtk_widget_class_install_property_action (widget_class, "view.filter-type", "filter-type");
  gtk_widget_class_install_property_action (widget_class, "view.filter-tag", "filter-tag");

  gtk_widget_class_install_action (widget_class, "view.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "view.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "view.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "view.toggle-favorite", "x", toggle_favorite_action);
  gtk_widget_class_install_action (widget_class, "view.set-favorite", "(xb)", set_favorite_action);
  gtk_widget_class_install_action (widget_class, "view.assign-group", "(xx)", assign_group_action);
  gtk_widget_class_install_action (widget_class, "view.assign-selection", "x", assign_selection_action);
  gtk_widget_class_install_action (widget_class, "view.favorite-selection", NULL, favorite_selection_action);
  gtk_widget_class_install_action (widget_class, "view.delete-selection", NULL, delete_selection_action);
  gtk_widget_class_install_action (widget_class, "view.new-datastore", NULL, new_datastore_action);
  gtk_widget_class_install_action (widget_class, "view.test-connection", NULL, test_connection_action);
  gtk_widget_class_install_action (widget_class, "view.sync", "x", sync_action);
  gtk_widget_class_install_action (widget_class, "view.verify", "x", verify_action);
  gtk_widget_class_install_action (widget_class, "view.copy-id", "x", copy_action);
  gtk_widget_class_install_action (widget_class, "view.copy-name", "x", copy_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "view.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "view.new-datastore", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "view.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "view.reload", NULL);
}

static void
steward_main_view_init (StewardMainView *self)
{
  /* The sort menu reads the property actions' state while the template is built. */
  self->sort_by = g_strdup ("name");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->poll_interval_ms = 1000;
  self->groups = g_list_store_new (STEWARD_TYPE_DATASTORE_GROUP);
  self->syncs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->known_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->known_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();

  self->scope_filter = gtk_custom_filter_new (scope_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->scope_filter)));
  /* After the table's selection model has taken the change, or selecting in it would point at
   * rows it does not know yet. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (filtered_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  steward_datastore_table_set_model (self->table, G_LIST_MODEL (self->filtered));

  steward_sidebar_set_groups (self->sidebar, G_LIST_MODEL (self->groups));
  steward_datastore_table_set_groups (self->table, G_LIST_MODEL (self->groups));
  steward_datastore_details_set_groups (self->details, G_LIST_MODEL (self->groups));
  g_signal_connect_swapped (self->groups, "items-changed", G_CALLBACK (groups_changed_cb), self);
  groups_changed_cb (self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  update_filter_menu (self);
  update_permissions (self);
}

GtkWidget *
steward_main_view_new (void)
{
  return g_object_new (STEWARD_TYPE_MAIN_VIEW, NULL);
}

StewardClient *
steward_main_view_get_client (StewardMainView *self)
{
  g_return_val_if_fail (STEWARD_IS_MAIN_VIEW (self), NULL);

  return self->client;
}

/* Shows the deployment @client talks to, as @user (whose role decides which actions are
 * offered). NULL clears the view. */
void
steward_main_view_set_client (StewardMainView *self,
                              StewardClient   *client,
                              StewardUser     *user)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->client, client);
  g_set_object (&self->user, user);
  g_hash_table_remove_all (self->syncs);
  g_hash_table_remove_all (self->known_types);
  g_hash_table_remove_all (self->known_tags);
  g_list_store_remove_all (self->groups);
  steward_datastore_details_set_datastore (self->details, NULL);
  update_filter_menu (self);
  update_permissions (self);

  reload (self);
  if (client != NULL)
    load_groups (self);
}

/* Names the deployment under the list's title. */
void
steward_main_view_set_subtitle (StewardMainView *self,
                                const char      *subtitle)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));

  adw_window_title_set_subtitle (self->list_title, subtitle);
}

void
steward_main_view_set_primary_menu (StewardMainView *self,
                                    GMenuModel      *menu)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));

  gtk_menu_button_set_menu_model (self->primary_menu_button, menu);
}

/* For the window's own header widgets, such as the environment badge. */
void
steward_main_view_add_header_end (StewardMainView *self,
                                  GtkWidget       *widget)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));

  gtk_box_append (self->header_end_box, widget);
}

/* How often a running sync is polled. */
void
steward_main_view_set_poll_interval (StewardMainView *self,
                                     guint            interval_ms)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));

  self->poll_interval_ms = MAX (interval_ms, 50);
}

void
steward_main_view_add_toast (StewardMainView *self,
                             AdwToast        *new_toast)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, new_toast);
}

/* Returns: (transfer none): the deployment's groups, as loaded */
GListModel *
steward_main_view_get_groups (StewardMainView *self)
{
  g_return_val_if_fail (STEWARD_IS_MAIN_VIEW (self), NULL);

  return G_LIST_MODEL (self->groups);
}

/* Selects a datastore, now if it is listed, else as soon as it is. */
gboolean
steward_main_view_select_datastore (StewardMainView *self,
                                    gint64           datastore_id)
{
  g_return_val_if_fail (STEWARD_IS_MAIN_VIEW (self), FALSE);

  if (steward_datastore_table_select_id (self->table, datastore_id))
    {
      self->pending_select = 0;
      return TRUE;
    }

  self->pending_select = datastore_id;
  return FALSE;
}
