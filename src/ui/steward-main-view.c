/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-main-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-datastore-drag.h"
#include "steward-datastore-menu.h"
#include "steward-format.h"
#include "steward-main-view-private.h"

/* The datastore browser: the sidebar of views and groups, the datastore list, and the details
 * of the selected datastore, in nested leaflets that fold on narrow windows. It is a view over
 * one StewardDeployment: the list is the deployment's datastores, filtered and sorted here in
 * memory (search, connector type, tag, scope, sort mean what the API's parameters mean), so no
 * keystroke or click sends a request; the counts are the deployment's; the details show the
 * deployment's own object for the selected datastore, so a change made anywhere shows at once.
 * Every view.* action is in steward-main-view-actions.c. */

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

/* The deployment's object for an id: the one the table and the details show. */
StewardDatastore *
_steward_main_view_find_datastore (StewardMainView *self,
                                   gint64           datastore_id)
{
  return self->deployment != NULL
             ? steward_deployment_find_datastore (self->deployment, datastore_id)
             : NULL;
}

static StewardScope
current_scope (StewardMainView *self,
               gint64          *group_id)
{
  StewardSidebarItem *item = steward_sidebar_get_selected_item (self->sidebar);

  if (group_id != NULL)
    *group_id = item != NULL ? steward_sidebar_item_get_group_id (item) : 0;

  return item != NULL ? steward_sidebar_item_get_scope (item) : STEWARD_SCOPE_ALL;
}

/* The query: scope, search, filters and sort */

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

  steward_datastore_query_set_search (query,
                                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->filter_type != NULL)
    steward_datastore_query_add_type (query, self->filter_type);
  if (self->filter_tag != NULL)
    steward_datastore_query_add_tag (query, self->filter_tag);
  if (scope == STEWARD_SCOPE_GROUP)
    steward_datastore_query_add_group (query, group_id);
  steward_datastore_query_set_enrichment_only (query, scope == STEWARD_SCOPE_ENRICHMENT);
  steward_datastore_query_set_favorites_only (query, scope == STEWARD_SCOPE_FAVORITES);
  steward_datastore_query_set_ungrouped_only (query, scope == STEWARD_SCOPE_UNGROUPED);
  steward_datastore_query_add_sort (query, sort_key (self->sort_by), self->sort_descending);
  return query;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  StewardMainView *self = user_data;

  return steward_datastore_query_matches (self->query, item);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  StewardMainView *self = user_data;

  return steward_datastore_query_compare (self->query, (StewardDatastore *) a,
                                          (StewardDatastore *) b);
}

static void update_list_state (StewardMainView *self);

static gboolean
is_number (const char *text)
{
  return text != NULL && g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, NULL, NULL);
}

/* More letters typed narrow the matches, letters taken away widen them: the filter model then
 * re-checks only the rows that can change. A number also matches an id, which breaks that. */
static GtkFilterChange
search_change (StewardDatastoreQuery *previous,
               StewardDatastoreQuery *current)
{
  const char *before = previous != NULL ? steward_datastore_query_get_search (previous) : NULL;
  const char *now = steward_datastore_query_get_search (current);
  g_autofree char *before_folded = before != NULL ? g_utf8_casefold (before, -1) : NULL;
  g_autofree char *now_folded = now != NULL ? g_utf8_casefold (now, -1) : NULL;

  if (is_number (before) || is_number (now))
    return GTK_FILTER_CHANGE_DIFFERENT;
  if (before == NULL || (now_folded != NULL && strstr (now_folded, before_folded) != NULL))
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (now == NULL || strstr (before_folded, now_folded) != NULL)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

/* Search, a filter, the scope or the sort changed: the list is decided again from memory. Only
 * what changed is redone: a new sort keeps the filtered set, and a search that only narrows (more
 * letters typed) re-checks only what was shown. */
void
_steward_main_view_query_changed (StewardMainView    *self,
                                  StewardQueryChange  change)
{
  g_autoptr(StewardDatastoreQuery) previous = g_steal_pointer (&self->query);

  self->query = build_query (self);
  if (change == STEWARD_QUERY_SEARCH)
    gtk_filter_changed (GTK_FILTER (self->filter), search_change (previous, self->query));
  else if (change != STEWARD_QUERY_SORT)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (change == STEWARD_QUERY_SORT || change == STEWARD_QUERY_ALL)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_list_state (self);
}

/* States of the list */

static void
update_subtitle (StewardMainView *self)
{
  g_autofree char *when = NULL;
  g_autofree char *status = NULL;
  g_autofree char *subtitle = NULL;
  gint64 listed_at;

  if (self->deployment == NULL || !steward_deployment_get_loaded (self->deployment))
    {
      adw_window_title_set_subtitle (self->list_title, self->profile_name);
      return;
    }

  listed_at = steward_deployment_get_listed_at (self->deployment);
  {
    g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (listed_at / G_USEC_PER_SEC);

    when = time != NULL ? g_date_time_format (time, "%H:%M") : g_strdup ("?");
  }

  /* Translators: how fresh the list is; %s is a time such as 10:32. */
  if (steward_deployment_get_from_cache (self->deployment) &&
      steward_deployment_get_loading (self->deployment))
    status = g_strdup_printf (_("saved at %s, refreshing…"), when);
  else if (steward_deployment_get_loading (self->deployment))
    status = g_strdup (_("refreshing…"));
  else if (steward_deployment_get_unreachable (self->deployment))
    status = g_strdup_printf (_("as of %s, cannot reach the server"), when);
  else if (steward_deployment_get_load_error (self->deployment) != NULL)
    status = g_strdup_printf (_("as of %s, could not refresh"), when);
  else if (steward_deployment_get_from_cache (self->deployment))
    status = g_strdup_printf (_("saved at %s"), when);
  else
    status = g_strdup_printf (_("updated at %s"), when);

  subtitle = self->profile_name != NULL ? g_strdup_printf ("%s · %s", self->profile_name, status)
                                        : g_strdup (status);
  adw_window_title_set_subtitle (self->list_title, subtitle);
}

static void
update_list_state (StewardMainView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  gboolean loading = self->deployment != NULL && steward_deployment_get_loading (self->deployment);
  gboolean loaded = self->deployment != NULL && steward_deployment_get_loaded (self->deployment);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean filtered =
      (search != NULL && *search != '\0') || self->filter_type != NULL || self->filter_tag != NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), loading && (n > 0 || loaded));
  gtk_spinner_set_spinning (self->loading_spinner, loading && (n > 0 || loaded));
  update_subtitle (self);

  if (n > 0)
    {
      steward_datastore_table_show_list (self->table);
      return;
    }

  if (self->deployment == NULL || (!loaded && loading))
    {
      steward_datastore_table_show_loading (self->table);
      return;
    }

  if (!loaded && steward_deployment_get_load_error (self->deployment) != NULL)
    {
      steward_datastore_table_show_error (self->table,
                                          steward_deployment_get_unreachable (self->deployment)
                                              ? _("Cannot Reach the Server")
                                              : _("Could Not Load Datastores"),
                                          steward_deployment_get_load_error (self->deployment));
      return;
    }

  if (filtered)
    {
      if (search != NULL && *search != '\0')
        description =
            g_strdup_printf (_("Nothing here matches “%s” and the chosen filters."), search);
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
                                          _("Enrichment datastores keep scan results and "
                                             "anomalies."),
                                          FALSE);
      break;
    case STEWARD_SCOPE_GROUP:
      steward_datastore_table_show_empty (self->table, _("No Datastores in This Group"),
                                          _("Drag datastores here, or assign them from their "
                                             "menu."),
                                          FALSE);
      break;
    case STEWARD_SCOPE_UNGROUPED:
      steward_datastore_table_show_empty (self->table, _("Every Datastore Is in a Group"), NULL,
                                          FALSE);
      break;
    case STEWARD_SCOPE_ALL:
    default:
      steward_datastore_table_show_empty (self->table, _("No Datastores Yet"),
                                          _("Datastores created on this deployment will show "
                                             "here."),
                                          FALSE);
      break;
    }
}

/* The filter menu offers the connector types and tags of the loaded datastores. */

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
      g_autoptr(GMenuItem) item =
          g_menu_item_new (display_types ? steward_format_connector_type (sorted[i]) : sorted[i],
                           NULL);
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

static gboolean
add_to_set (GHashTable *set,
            const char *value)
{
  if (value == NULL || *value == '\0' || g_hash_table_contains (set, value))
    return FALSE;

  g_hash_table_add (set, g_strdup (value));
  return TRUE;
}

static void
learn_filter_values (StewardMainView *self,
                     GListModel      *datastores,
                     guint            position,
                     guint            added)
{
  gboolean grew = FALSE;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);
      const char * const *tags = steward_datastore_get_tags (datastore);

      grew |= add_to_set (self->known_types, steward_datastore_get_datastore_type (datastore));
      for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
        grew |= add_to_set (self->known_tags, tags[t]);
    }

  if (grew)
    update_filter_menu (self);
}

static void
datastores_changed_cb (GListModel      *datastores,
                       guint            position,
                       guint            removed,
                       guint            added,
                       StewardMainView *self)
{
  learn_filter_values (self, datastores, position, added);
}

/* Deployment signals */

static void
update_counts (StewardMainView *self)
{
  static const StewardScope scopes[] = {
    STEWARD_SCOPE_ALL, STEWARD_SCOPE_FAVORITES, STEWARD_SCOPE_ENRICHMENT, STEWARD_SCOPE_UNGROUPED,
  };
  GListModel *groups;

  if (self->deployment == NULL || !steward_deployment_get_loaded (self->deployment))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      StewardSidebarItem *item = steward_sidebar_find_item (self->sidebar, scopes[i], 0);

      if (item != NULL)
        steward_sidebar_item_set_count (item,
                                        steward_deployment_count (self->deployment, scopes[i], 0));
    }

  groups = steward_deployment_get_groups (self->deployment);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, i);
      gint64 id = steward_datastore_group_get_id (group);
      StewardSidebarItem *item = steward_sidebar_find_item (self->sidebar, STEWARD_SCOPE_GROUP, id);

      if (item != NULL)
        steward_sidebar_item_set_count (item, steward_deployment_count (self->deployment,
                                                                        STEWARD_SCOPE_GROUP, id));
    }
}

/* Datastores changed in place (a favorite, a group, a rename): whether each belongs in the view,
 * and where, may have changed. */
static void
deployment_changed_cb (StewardMainView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  learn_filter_values (self, steward_deployment_get_datastores (self->deployment), 0,
                       g_list_model_get_n_items (
                           steward_deployment_get_datastores (self->deployment)));
  update_list_state (self);
}

static void
deployment_state_cb (StewardMainView *self)
{
  const char *error =
      self->deployment != NULL ? steward_deployment_get_load_error (self->deployment) : NULL;

  update_list_state (self);
  update_counts (self);

  if (error == NULL)
    {
      self->refresh_failure_told = FALSE;
      return;
    }

  /* A refresh that failed while a listing is shown: the list stays; a toast says why, once; the
   * subtitle keeps saying it while the deployment tries again by itself. */
  if (steward_deployment_get_loaded (self->deployment) &&
      !steward_deployment_get_loading (self->deployment) && !self->refresh_failure_told)
    {
      g_autoptr(GError) failure = g_error_new_literal (STEWARD_API_ERROR, 0, error);

      self->refresh_failure_told = TRUE;
      _steward_main_view_toast_error (self, STEWARD_ACTION_FAVORITE,
                                      _("Could not refresh the list"), failure);
    }
}

/* Datastores another client deleted: the list drops them (the deployment did), and says so. */
static void
datastores_gone_cb (StewardMainView *self,
                    GListModel      *gone)
{
  guint n = g_list_model_get_n_items (gone);
  g_autofree char *message = NULL;

  if (n == 1)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (gone, 0);

      message = g_strdup_printf (_("“%s” no longer exists; it was deleted elsewhere"),
                                 steward_datastore_get_name (datastore));
    }
  else
    message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u datastore no longer exists; it was deleted elsewhere",
                                      "%u datastores no longer exist; they were deleted elsewhere",
                                      n),
                         n);
  _steward_main_view_toast (self, message);
}

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StewardMainView) self = user_data;

  /* Failures show through the deployment's load-error. */
  steward_deployment_refresh_finish (STEWARD_DEPLOYMENT (object), result, NULL);
}

static void
cache_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!steward_deployment_load_cache_finish (STEWARD_DEPLOYMENT (object), result, &error) &&
      error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No warm start: %s", error->message);
}

/* The selected datastore */

typedef struct
{
  StewardMainView   *self;
  StewardDeployment *deployment;
  gint64             datastore_id;
  guint64            stamp;        /* the deployment's, when the read left */
} Fetch;

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(StewardMainView) self = fetch->self;
  g_autoptr(StewardDeployment) deployment = fetch->deployment;
  gint64 datastore_id = fetch->datastore_id;
  guint64 fetch_stamp = fetch->stamp;
  g_autoptr(StewardDatastore) fresh = NULL;
  g_autoptr(GError) error = NULL;

  g_free (fetch);
  fresh = steward_client_get_datastore_finish (STEWARD_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (fresh != NULL)
    {
      steward_deployment_apply_fetched (deployment, fresh, fetch_stamp);
      return;
    }

  /* Not there any more: the deployment forgets it, the view says so. */
  if (steward_deployment_handle_not_found (deployment, datastore_id, error) ||
      self->deployment != deployment)
    return;

  /* Refused: the details say so, with the server's reason, and offer nothing that needs it. */
  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
    {
      StewardDatastore *shown = steward_datastore_details_get_datastore (self->details);
      g_autofree char *reason = steward_forbidden_message (STEWARD_ACTION_UPDATE_DATASTORE, error);

      if (shown != NULL && steward_datastore_get_id (shown) == datastore_id)
        steward_datastore_details_set_access_error (self->details, reason);
      return;
    }

  g_debug ("Could not refresh datastore %" G_GINT64_FORMAT ": %s", datastore_id, error->message);
}

/* Takes the server's current copy of a datastore into the shared object (list answers may be
 * abbreviated, and another client may have changed it). */
void
_steward_main_view_fetch (StewardMainView *self,
                          gint64           datastore_id)
{
  Fetch *fetch;

  if (self->deployment == NULL)
    return;

  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  self->fetch_cancellable = g_cancellable_new ();

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->deployment = g_object_ref (self->deployment);
  fetch->datastore_id = datastore_id;
  fetch->stamp = steward_deployment_begin_fetch (self->deployment);
  steward_client_get_datastore_async (steward_deployment_get_client (self->deployment),
                                      datastore_id, self->fetch_cancellable, fetched_cb, fetch);
}

/* The window's buttons end whichever header bar is rightmost: the list's, unless the details
 * pane is shown beside it. */
static void
update_title_buttons (StewardMainView *self)
{
  gboolean details_beside;

  if (self->details_pane == NULL || self->list_header == NULL)
    return;   /* still being built */

  details_beside =
      gtk_widget_get_visible (self->details_pane) && !adw_leaflet_get_folded (self->inner_leaflet);
  adw_header_bar_set_show_end_title_buttons (self->list_header, !details_beside);
}

static void
selection_changed_cb (StewardMainView *self)
{
  StewardDatastore *selected = steward_datastore_table_get_selected (self->table);
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);
  g_autofree char *label = NULL;

  steward_datastore_details_set_n_selected (self->details, ids->len);
  steward_datastore_details_set_datastore (self->details, selected);
  /* The details take room only when there is one datastore to show: the list has the whole
   * width otherwise, every column with it. */
  if (self->details_pane != NULL)
    {
      gtk_widget_set_visible (self->details_pane, selected != NULL);
      gtk_widget_set_visible (self->details_separator, selected != NULL);
    }
  update_title_buttons (self);
  if (self->details_bindings != NULL)
    g_binding_group_set_source (self->details_bindings, selected);
  if (self->selected_signals != NULL)
    g_signal_group_set_target (self->selected_signals, selected);
  _steward_main_view_update_selection_actions (self);
  if (selected == NULL)
    adw_window_title_set_title (self->details_title, _("Details"));

  if (selected != NULL)
    {
      StewardOperation *sync =
          g_hash_table_lookup (self->syncs, &(gint64){ steward_datastore_get_id (selected) });

      if (sync != NULL)
        steward_datastore_details_set_operation (self->details, sync);
      _steward_main_view_fetch (self, steward_datastore_get_id (selected));
    }

  gtk_action_bar_set_revealed (self->selection_bar, ids->len > 1);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", ids->len),
                           ids->len);
  gtk_label_set_label (self->selection_label, label);
}

/* The sorted model is what the table shows: a datastore waiting to be selected can be once it is
 * there, which is after the table's selection took the change. */
static void
shown_items_changed_cb (StewardMainView *self)
{
  update_list_state (self);

  if (self->pending_select > 0 &&
      steward_datastore_table_select_id (self->table, self->pending_select))
    self->pending_select = 0;
}

static void
datastore_activated_cb (StewardMainView *self)
{
  if (adw_leaflet_get_folded (self->inner_leaflet) && gtk_widget_get_visible (self->details_pane))
    adw_leaflet_set_visible_child (self->inner_leaflet, self->details_pane);
}

/* Template callbacks */

/* The sidebar's Connections and Activity entries show their pages in place of the datastores. */
static void
sidebar_page_cb (StewardMainView *self)
{
  gboolean connections = steward_sidebar_get_connections_selected (self->sidebar);
  gboolean activity = steward_sidebar_get_activity_selected (self->sidebar);

  gtk_stack_set_visible_child_name (self->content_stack, connections ? "connections"
                                                         : activity ? "activity" : "datastores");
  /* Typing anywhere in the view searches what is shown. */
  gtk_search_entry_set_key_capture_widget (self->search_entry,
                                           connections || activity ? NULL : GTK_WIDGET (self));
  steward_connections_page_set_key_capture_widget (self->connections_page,
                                                   connections ? GTK_WIDGET (self) : NULL);
  if (connections || activity)
    adw_leaflet_navigate (self->outer_leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sidebar_selection_cb (StewardMainView *self)
{
  StewardSidebarItem *item = steward_sidebar_get_selected_item (self->sidebar);

  adw_window_title_set_title (self->list_title, item != NULL ? steward_sidebar_item_get_title (item)
                                                             : _("All Datastores"));
  _steward_main_view_query_changed (self, STEWARD_QUERY_FILTER);
  adw_leaflet_navigate (self->outer_leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_changed_cb (StewardMainView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_strcmp0 (*text != '\0' ? text : NULL,
                 self->query != NULL ? steward_datastore_query_get_search (self->query) : NULL) ==
      0)
    return;

  _steward_main_view_query_changed (self, STEWARD_QUERY_SEARCH);
}

static gboolean
datastores_dropped_cb (StewardSidebar       *sidebar,
                       StewardSidebarItem   *item,
                       StewardDatastoreDrag *drag,
                       StewardMainView      *self)
{
  const gint64 *dropped;
  guint n;

  dropped = steward_datastore_drag_get_ids (drag, &n);
  if (n == 1)
    return gtk_widget_activate_action (GTK_WIDGET (self), "view.assign-group", "(xx)", dropped[0],
                                       steward_sidebar_item_get_group_id (item));

  return gtk_widget_activate_action_variant (
      GTK_WIDGET (self), "view.assign-ids",
      g_variant_new ("(x@ax)", steward_sidebar_item_get_group_id (item),
                     g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, dropped, n,
                                                sizeof (gint64))));
}

/* Object */

static void
steward_main_view_dispose (GObject *object)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->fetch_cancellable);
  if (self->deployment_signals != NULL)
    g_signal_group_set_target (self->deployment_signals, NULL);

  /* AdwBin unparents its child itself: let go of it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_MAIN_VIEW);

  if (self->deployment != NULL)
    g_signal_handlers_disconnect_by_func (steward_deployment_get_datastores (self->deployment),
                                          datastores_changed_cb, self);
  g_clear_object (&self->deployment);
  g_clear_object (&self->deployment_signals);
  g_clear_object (&self->details_bindings);
  g_clear_object (&self->selected_signals);
  g_clear_object (&self->groups_menu);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->nothing);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->fetch_cancellable);
  g_clear_pointer (&self->query, steward_datastore_query_unref);
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
  g_free (self->profile_name);

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
  if (self->filter != NULL)
    {
      gboolean sort = prop_id == PROP_SORT_BY || prop_id == PROP_SORT_DESCENDING;

      if (!sort)
        update_filter_menu (self);
      _steward_main_view_query_changed (self, sort ? STEWARD_QUERY_SORT : STEWARD_QUERY_FILTER);
    }
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

  /* The API's sorts: name, created, favorite, containers, anomalies. */
  properties[PROP_SORT_BY] = g_param_spec_string ("sort-by", NULL, NULL, "name", flags);
  properties[PROP_SORT_DESCENDING] =
      g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE, flags);
  /* "" for any. */
  properties[PROP_FILTER_TYPE] = g_param_spec_string ("filter-type", NULL, NULL, "", flags);
  properties[PROP_FILTER_TAG] = g_param_spec_string ("filter-tag", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_SIDEBAR);
  g_type_ensure (STEWARD_TYPE_DATASTORE_TABLE);
  g_type_ensure (STEWARD_TYPE_DATASTORE_DETAILS);
  g_type_ensure (STEWARD_TYPE_CONNECTIONS_PAGE);
  g_type_ensure (STEWARD_TYPE_ACTIVITY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, outer_leaflet);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, inner_leaflet);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, list_header);
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
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, details_separator);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, details_pane);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, details_title);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, details);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, connections_page);
  gtk_widget_class_bind_template_child (widget_class, StewardMainView, activity_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_title_buttons);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, datastore_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, datastores_dropped_cb);

  gtk_widget_class_install_property_action (widget_class, "view.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "view.sort-descending",
                                            "sort-descending");
  gtk_widget_class_install_property_action (widget_class, "view.filter-type", "filter-type");
  gtk_widget_class_install_property_action (widget_class, "view.filter-tag", "filter-tag");
  _steward_main_view_class_actions_init (widget_class);
}

static void
steward_main_view_init (StewardMainView *self)
{
  /* The sort menu reads the property actions' state while the template is built, and the
   * table reports its (empty) selection. */
  self->sort_by = g_strdup ("name");
  self->details_bindings = g_binding_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->poll_interval_ms = 1000;
  self->syncs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->known_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->known_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->nothing = g_list_store_new (STEWARD_TYPE_DATASTORE);
  self->query = build_query (self);

  /* The list: the deployment's datastores, filtered then sorted in memory. */
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->nothing)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  /* After the table's selection model took the change, or selecting in it would point at rows it
   * does not know yet. */
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (shown_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  steward_datastore_table_set_model (self->table, G_LIST_MODEL (self->sorted));

  g_binding_group_bind (self->details_bindings, "name", self->details_title, "title",
                        G_BINDING_SYNC_CREATE);
  self->selected_signals = g_signal_group_new (STEWARD_TYPE_DATASTORE);
  g_signal_group_connect_swapped (self->selected_signals, "notify::group",
                                  G_CALLBACK (_steward_main_view_update_selection_actions), self);

  self->deployment_signals = g_signal_group_new (STEWARD_TYPE_DEPLOYMENT);
  g_signal_group_connect_swapped (self->deployment_signals, "changed",
                                  G_CALLBACK (deployment_changed_cb), self);
  g_signal_group_connect_swapped (self->deployment_signals, "counts-changed",
                                  G_CALLBACK (update_counts), self);
  g_signal_group_connect_swapped (self->deployment_signals, "datastores-gone",
                                  G_CALLBACK (datastores_gone_cb), self);
  g_signal_group_connect_swapped (self->deployment_signals, "notify::loading",
                                  G_CALLBACK (deployment_state_cb), self);
  g_signal_group_connect_swapped (self->deployment_signals, "notify::loaded",
                                  G_CALLBACK (deployment_state_cb), self);
  g_signal_group_connect_swapped (self->deployment_signals, "notify::load-error",
                                  G_CALLBACK (update_list_state), self);
  g_signal_group_connect_swapped (self->deployment_signals, "notify::unreachable",
                                  G_CALLBACK (update_list_state), self);
  g_signal_group_connect_swapped (self->deployment_signals, "notify::user",
                                  G_CALLBACK (_steward_main_view_update_permissions), self);
  g_signal_group_connect_swapped (self->deployment_signals, "notify::from-cache",
                                  G_CALLBACK (update_subtitle), self);
  g_signal_group_connect_swapped (self->deployment_signals, "notify::listed-at",
                                  G_CALLBACK (update_subtitle), self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  update_filter_menu (self);
  _steward_main_view_update_permissions (self);
  update_list_state (self);
  update_title_buttons (self);
}

GtkWidget *
steward_main_view_new (void)
{
  return g_object_new (STEWARD_TYPE_MAIN_VIEW, NULL);
}

/* Returns: (transfer none) (nullable) */
StewardDeployment *
steward_main_view_get_deployment (StewardMainView *self)
{
  g_return_val_if_fail (STEWARD_IS_MAIN_VIEW (self), NULL);

  return self->deployment;
}

/* Returns: (transfer none) (nullable): the shown deployment's client */
StewardClient *
steward_main_view_get_client (StewardMainView *self)
{
  g_return_val_if_fail (STEWARD_IS_MAIN_VIEW (self), NULL);

  return self->deployment != NULL ? steward_deployment_get_client (self->deployment) : NULL;
}

/* Shows @deployment (NULL clears the view). The first time a deployment is shown, its saved
 * listing is shown at once and a refresh brings it up to date. */
void
steward_main_view_set_deployment (StewardMainView   *self,
                                  StewardDeployment *deployment)
{
  GListModel *groups;
  g_autoptr(GMenu) assign_menu = g_menu_new ();

  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));
  g_return_if_fail (deployment == NULL || STEWARD_IS_DEPLOYMENT (deployment));

  if (self->deployment == deployment)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->fetch_cancellable);

  if (self->deployment != NULL)
    g_signal_handlers_disconnect_by_func (steward_deployment_get_datastores (self->deployment),
                                          datastores_changed_cb, self);
  if (self->deployment != NULL)
    _steward_main_view_watch_operations (self, NULL);
  g_set_object (&self->deployment, deployment);
  g_signal_group_set_target (self->deployment_signals, deployment);

  g_hash_table_remove_all (self->syncs);
  g_hash_table_remove_all (self->known_types);
  g_hash_table_remove_all (self->known_tags);
  self->pending_select = 0;

  groups = deployment != NULL ? steward_deployment_get_groups (deployment) : NULL;
  steward_sidebar_set_groups (self->sidebar, groups);
  /* One groups menu per deployment, shared by the list's, the details' and the bar's menus. */
  g_clear_object (&self->groups_menu);
  self->groups_menu = groups != NULL ? steward_groups_menu_new (groups) : NULL;
  steward_datastore_table_set_groups_menu (self->table, self->groups_menu);
  steward_datastore_details_set_groups_menu (self->details, self->groups_menu);
  steward_datastore_menu_append_groups (assign_menu, self->groups_menu, FALSE);
  gtk_menu_button_set_menu_model (self->assign_selection_button, G_MENU_MODEL (assign_menu));
  steward_datastore_details_set_datastore (self->details, NULL);
  steward_connections_page_set_deployment (self->connections_page, deployment);
  _steward_main_view_watch_operations (self, deployment);
  steward_operations_section_set_deployment (steward_datastore_details_get_operations_section (
                                                 self->details),
                                             deployment);
  steward_activity_page_set_deployment (self->activity_page, deployment);

  gtk_filter_list_model_set_model (self->filtered,
                                   deployment != NULL
                                       ? steward_deployment_get_datastores (deployment)
                                       : G_LIST_MODEL (self->nothing));
  if (deployment != NULL)
    {
      GListModel *datastores = steward_deployment_get_datastores (deployment);

      g_signal_connect (datastores, "items-changed", G_CALLBACK (datastores_changed_cb), self);
      learn_filter_values (self, datastores, 0, g_list_model_get_n_items (datastores));
    }

  update_filter_menu (self);
  _steward_main_view_update_permissions (self);
  _steward_main_view_query_changed (self, STEWARD_QUERY_ALL);
  update_counts (self);

  if (deployment != NULL && !steward_deployment_get_loaded (deployment))
    {
      steward_deployment_load_cache_async (deployment, self->cancellable, cache_loaded_cb, NULL);
      steward_deployment_refresh_async (deployment, self->cancellable, refreshed_cb,
                                        g_object_ref (self));
    }
}

/* Names the deployment under the list's title. */
void
steward_main_view_set_subtitle (StewardMainView *self,
                                const char      *subtitle)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));

  g_free (self->profile_name);
  self->profile_name = g_strdup (subtitle);
  update_subtitle (self);
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
  if (self->deployment != NULL)
    steward_operation_watch_set_interval (steward_operation_watch_get (self->deployment),
                                          self->poll_interval_ms);
}

void
steward_main_view_add_toast (StewardMainView *self,
                             AdwToast        *new_toast)
{
  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, new_toast);
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
