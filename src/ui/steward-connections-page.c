/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connections-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-connection-editor.h"
#include "steward-connections-page.h"
#include "steward-delete-connection-dialog.h"
#include "steward-format.h"

/* The deployment's connections: a table of every connection (name, connector, host or URI, and
 * how many of the loaded datastores use it), searched and sorted in memory, and the details of
 * the selected one, in a leaflet that folds on narrow windows. The connections are listed the
 * first time the page is shown, not before. Editing, changing a password, testing and deleting
 * are Manager work: for anyone else the page is read-only and says why.
 *
 * The counts come from the deployment's datastores, recounted whenever they change, so deleting
 * or creating a datastore anywhere shows here at once. A datastore whose connection the page
 * has not seen (one created inline by the New Datastore dialog) makes it list the connections
 * again, once per such connection. */
struct _StewardConnectionsPage
{
  AdwBin                    parent_instance;

  StewardDeployment        *deployment;
  GSignalGroup             *deployment_signals;
  GListStore               *nothing;            /* the list while there is no deployment */
  GtkFilterListModel       *filtered;
  GtkSortListModel         *sorted;
  GtkSingleSelection       *selection;
  GtkCustomFilter          *filter;
  GtkCustomSorter          *sorter;
  GBindingGroup            *details_bindings;
  GHashTable *counts; /* gint64* connection id → datastores, as a pointer */
  GHashTable               *count_labels;       /* the bound cells of the Datastores column */
  GHashTable               *asked;              /* ids of unknown connections refreshed for */
  char                     *search_folded;
  char                     *sort_by;
  gboolean                  sort_descending;
  gboolean                  sidebar_folded;
  GCancellable             *cancellable;        /* everything for the current deployment */
  gboolean                  loading;
  char                     *load_error;
  GListModel               *connectors;
  guint                     recount_idle;
  gint64                    pending_select;

  /* Template widgets */
  AdwToastOverlay          *toast_overlay;
  AdwLeaflet               *leaflet;
  AdwWindowTitle           *list_title;
  GtkSpinner               *spinner;
  GtkRevealer              *role_revealer;
  GtkLabel                 *role_label;
  GtkSearchBar             *search_bar;
  GtkSearchEntry           *search_entry;
  GtkStack                 *stack;
  GtkSpinner               *loading_spinner;
  AdwStatusPage            *error_page;
  AdwStatusPage            *empty_page;
  GtkColumnView            *column_view;
  GtkWidget                *details_box;
  AdwWindowTitle           *details_title;
  StewardConnectionDetails *details;
};

G_DEFINE_FINAL_TYPE (StewardConnectionsPage, steward_connections_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SORT_BY,
  PROP_SORT_DESCENDING,
  PROP_SIDEBAR_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_NAME,
  COLUMN_TYPE,
  COLUMN_HOST,
  COLUMN_DATASTORES,
} Column;

/* Toasts: libadwaita 1.2 reads a toast's title as markup, and names are data. */
static void
toast (StewardConnectionsPage *self,
       const char             *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static guint
count_for (StewardConnectionsPage *self,
           gint64                  connection_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, &connection_id));
}

/* Where a connection points: host and port for a database, the URI for a bucket. */
static char *
where (StewardConnection *connection)
{
  const char *host = steward_connection_get_host (connection);
  const char *uri = steward_connection_get_uri (connection);
  gint64 port = steward_connection_get_port (connection);

  if (host != NULL && *host != '\0')
    return port > 0 ? g_strdup_printf ("%s:%" G_GINT64_FORMAT, host, port) : g_strdup (host);
  return g_strdup (uri != NULL ? uri : "");
}

static gboolean
can_manage (StewardConnectionsPage *self)
{
  return self->deployment != NULL &&
         steward_user_can (steward_deployment_get_user (self->deployment),
                           STEWARD_ACTION_MANAGE_CONNECTIONS);
}

/* Search and sort */

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  StewardConnectionsPage *self = user_data;
  StewardConnection *connection = item;
  g_autofree char *id = NULL;
  const char *type;

  if (self->search_folded == NULL)
    return TRUE;

  type = steward_connection_get_type_name (connection);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, steward_connection_get_id (connection));
  return contains_folded (steward_connection_get_name (connection), self->search_folded) ||
         contains_folded (type, self->search_folded) ||
         contains_folded (steward_format_connector_type (type), self->search_folded) ||
         contains_folded (steward_connection_get_host (connection), self->search_folded) ||
         contains_folded (steward_connection_get_uri (connection), self->search_folded) ||
         g_str_equal (id, self->search_folded);
}

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *first = g_utf8_casefold (a != NULL ? a : "", -1);
  g_autofree char *second = g_utf8_casefold (b != NULL ? b : "", -1);

  return g_utf8_collate (first, second);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  StewardConnectionsPage *self = user_data;
  StewardConnection *first = (StewardConnection *) a;
  StewardConnection *second = (StewardConnection *) b;
  int order = 0;

  if (g_strcmp0 (self->sort_by, "type") == 0)
    order =
        compare_text (steward_format_connector_type (steward_connection_get_type_name (first)),
                      steward_format_connector_type (steward_connection_get_type_name (second)));
  else if (g_strcmp0 (self->sort_by, "host") == 0)
    {
      g_autofree char *first_where = where (first);
      g_autofree char *second_where = where (second);

      order = compare_text (first_where, second_where);
    }
  else if (g_strcmp0 (self->sort_by, "datastores") == 0)
    {
      guint first_count = count_for (self, steward_connection_get_id (first));
      guint second_count = count_for (self, steward_connection_get_id (second));

      order = first_count < second_count ? -1 : first_count > second_count;
    }

  /* Ties, and the name sort itself, go by name, then id: the order never depends on chance. */
  if (order == 0)
    order =
        compare_text (steward_connection_get_name (first), steward_connection_get_name (second));
  if (order == 0)
    order = steward_connection_get_id (first) < steward_connection_get_id (second) ? -1 : 1;

  return self->sort_descending ? -order : order;
}

/* States */

static void
update_state (StewardConnectionsPage *self)
{
  GListModel *all =
      self->deployment != NULL ? steward_deployment_get_connections (self->deployment) : NULL;
  gboolean loaded =
      self->deployment != NULL && steward_deployment_get_connections_loaded (self->deployment);
  guint total = all != NULL ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->loading && loaded);
  gtk_spinner_set_spinning (self->spinner, self->loading && loaded);
  gtk_spinner_set_spinning (self->loading_spinner, !loaded);

  if (loaded)
    subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u connection", "%u connections", total),
                         total);
  adw_window_title_set_subtitle (self->list_title, subtitle);

  if (!loaded)
    {
      if (!self->loading && self->load_error != NULL)
        {
          adw_status_page_set_description (self->error_page, self->load_error);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Connections Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("A connection is made along with a datastore: New "
                                          "Datastore creates one."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (shown == 0)
    {
      /* Translators: %s is what was searched for. */
      description = g_strdup_printf (_("No connection matches “%s”."),
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
update_actions (StewardConnectionsPage *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;
  gboolean allowed = can_manage (self);
  g_autofree char *why_not = NULL;
  g_autofree char *banner = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connections.edit", selected && allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connections.change-credentials",
                                 selected && allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connections.delete", selected && allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connections.refresh",
                                 self->deployment != NULL);

  if (self->deployment != NULL && !allowed)
    {
      why_not = steward_action_explain_denied (STEWARD_ACTION_MANAGE_CONNECTIONS);
      /* Translators: %s says which role is needed, e.g. "Requires the Manager role". */
      banner = g_strdup_printf (_("Read-only: editing, testing and deleting connections is not "
                                   "for your role. %s."),
                                why_not);
    }
  steward_connection_details_set_denied (self->details, why_not);
  gtk_label_set_label (self->role_label, banner != NULL ? banner : "");
  gtk_revealer_set_reveal_child (self->role_revealer, banner != NULL);
}

/* Cells */

static void
update_cell (GtkLabel          *label,
             StewardConnection *connection,
             Column             column)
{
  StewardConnectionsPage *self = g_object_get_data (G_OBJECT (label), "page");
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      gtk_label_set_label (label, steward_connection_get_name (connection));
      break;
    case COLUMN_TYPE:
      gtk_label_set_label (label, steward_format_connector_type (
                                      steward_connection_get_type_name (connection)));
      break;
    case COLUMN_HOST:
      text = where (connection);
      gtk_label_set_label (label, text);
      break;
    case COLUMN_DATASTORES:
      text = steward_format_count (count_for (self, steward_connection_get_id (connection)));
      gtk_label_set_label (label, text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
cell_notify_cb (StewardConnection *connection,
                GParamSpec        *pspec,
                GtkLabel          *label)
{
  update_cell (label, connection, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "column")));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               StewardConnectionsPage   *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_DATASTORES ? 1.0f : 0.0f);
  if (column == COLUMN_DATASTORES)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (label), "page", self);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StewardConnectionsPage   *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  StewardConnection *connection = gtk_list_item_get_item (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "column"));
  gulong handler;

  update_cell (label, connection, column);
  handler = g_signal_connect_object (connection, "notify", G_CALLBACK (cell_notify_cb), label, 0);
  g_object_set_data (G_OBJECT (label), "handler", GSIZE_TO_POINTER (handler));
  g_object_set_data (G_OBJECT (label), "connection", connection);
  if (column == COLUMN_DATASTORES)
    g_hash_table_add (self->count_labels, label);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                StewardConnectionsPage   *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  StewardConnection *connection = g_object_get_data (G_OBJECT (label), "connection");
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "handler"));

  if (connection != NULL && handler != 0)
    g_signal_handler_disconnect (connection, handler);
  g_object_set_data (G_OBJECT (label), "handler", NULL);
  g_object_set_data (G_OBJECT (label), "connection", NULL);
  g_hash_table_remove (self->count_labels, label);
}

static void
add_column (StewardConnectionsPage *self,
            Column                  column,
            const char             *title,
            gboolean                expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* Counts */

static gboolean
recount_cb (gpointer user_data)
{
  StewardConnectionsPage *self = user_data;
  GHashTableIter iter;
  gpointer key;
  gboolean refresh = FALSE;

  self->recount_idle = 0;
  if (self->deployment == NULL)
    return G_SOURCE_REMOVE;

  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = steward_deployment_count_connection_datastores (self->deployment);

  g_hash_table_iter_init (&iter, self->count_labels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkLabel *label = key;
      StewardConnection *connection = g_object_get_data (G_OBJECT (label), "connection");

      if (connection != NULL)
        update_cell (label, connection, COLUMN_DATASTORES);
    }

  if (g_strcmp0 (self->sort_by, "datastores") == 0)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  steward_connection_details_update_datastores (self->details);

  /* A datastore on a connection not listed yet: one made along with its datastore elsewhere. */
  if (steward_deployment_get_connections_loaded (self->deployment) && !self->loading)
    {
      g_hash_table_iter_init (&iter, self->counts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gint64 id = *(gint64 *) key;

          if (steward_deployment_find_connection (self->deployment, id) != NULL ||
              g_hash_table_contains (self->asked, &id))
            continue;
          g_hash_table_add (self->asked, g_memdup2 (&id, sizeof id));
          refresh = TRUE;
        }
    }
  if (refresh)
    gtk_widget_activate_action (GTK_WIDGET (self), "connections.refresh", NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_recount (StewardConnectionsPage *self)
{
  /* Once per burst of changes, before the next frame is drawn. */
  if (self->recount_idle == 0)
    self->recount_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, recount_cb, self, NULL);
}

/* Loading */

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StewardConnectionsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!steward_deployment_refresh_connections_finish (STEWARD_DEPLOYMENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_MANAGE_CONNECTIONS, error);
      else
        message = g_strdup (error->message);
    }

  self->loading = FALSE;
  g_clear_pointer (&self->load_error, g_free);
  if (message != NULL && steward_deployment_get_connections_loaded (STEWARD_DEPLOYMENT (object)))
    {
      /* The list shown stays; a toast says why it is not fresh. */
      g_autofree char *text = g_strdup_printf (_("Could not refresh the connections: %s"), message);

      toast (self, text);
    }
  else
    self->load_error = g_steal_pointer (&message);

  /* The counts are right when the list shows. */
  g_clear_handle_id (&self->recount_idle, g_source_remove);
  recount_cb (self);
  update_state (self);
  if (self->pending_select > 0)
    steward_connections_page_select (self, self->pending_select);
}

static void
connectors_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(StewardConnectionsPage) self = user_data;
  g_autoptr(GListModel) connectors = NULL;
  g_autoptr(GError) error = NULL;

  connectors = steward_client_load_connectors_finish (STEWARD_CLIENT (object), result, &error);
  if (connectors == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the connector forms: %s", error->message);
      return;
    }

  g_set_object (&self->connectors, connectors);
  steward_connection_details_set_connectors (self->details, connectors);
}

static void
refresh (StewardConnectionsPage *self)
{
  if (self->deployment == NULL || self->loading)
    return;

  self->loading = TRUE;
  update_state (self);
  steward_deployment_refresh_connections_async (self->deployment, self->cancellable, refreshed_cb,
                                                g_object_ref (self));
  if (self->connectors == NULL)
    steward_client_load_connectors_async (steward_deployment_get_client (self->deployment),
                                          self->cancellable, connectors_loaded_cb,
                                          g_object_ref (self));
}

/* Shown for the first time: the connections are listed now. */
static void
ensure_loaded (StewardConnectionsPage *self)
{
  if (self->deployment != NULL && !steward_deployment_get_connections_loaded (self->deployment) &&
      self->load_error == NULL)
    refresh (self);
}

/* Callbacks */

static void
selection_changed_cb (StewardConnectionsPage *self)
{
  StewardConnection *selected = gtk_single_selection_get_selected_item (self->selection);

  steward_connection_details_set_connection (self->details, selected);
  g_binding_group_set_source (self->details_bindings, selected);
  if (selected == NULL)
    adw_window_title_set_title (self->details_title, _("Details"));
  update_actions (self);
}

static void
items_changed_cb (StewardConnectionsPage *self)
{
  update_state (self);
  if (self->pending_select > 0 && steward_connections_page_select (self, self->pending_select))
    self->pending_select = 0;
}

static void
search_changed_cb (StewardConnectionsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_folded, g_free);
  if (*stripped != '\0')
    self->search_folded = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

/* Enter or a double click: on a narrow window, the details take the place of the list. */
static void
activate_cb (StewardConnectionsPage *self,
             guint                   position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "connections.show-details", NULL);
}

static void
user_changed_cb (StewardConnectionsPage *self)
{
  update_actions (self);
}

/* Dialogs */

static GtkWindow *
parent_window (StewardConnectionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
editor_saved_cb (StewardConnectionEditor *editor,
                 StewardConnection       *connection,
                 StewardConnectionsPage  *self)
{
  g_autofree char *message = NULL;

  /* Translators: %s is a connection's name. */
  message = g_strdup_printf (_("Saved “%s”"), steward_connection_get_name (connection));
  toast (self, message);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* Its details stay shown, wherever the new name sorts it. */
  steward_connections_page_select (self, steward_connection_get_id (connection));
}

static void
open_editor (StewardConnectionsPage      *self,
             StewardConnectionEditorMode  mode)
{
  StewardConnection *connection = gtk_single_selection_get_selected_item (self->selection);
  StewardConnectionEditor *editor;

  if (connection == NULL || self->deployment == NULL)
    return;

  editor = steward_connection_editor_new (parent_window (self), self->deployment, connection, mode);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_editor (STEWARD_CONNECTIONS_PAGE (widget), STEWARD_CONNECTION_EDITOR_SETTINGS);
}

static void
change_credentials_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  open_editor (STEWARD_CONNECTIONS_PAGE (widget), STEWARD_CONNECTION_EDITOR_CREDENTIALS);
}

static void
deleted_cb (StewardDeleteConnectionDialog *dialog,
            gint64                         connection_id,
            StewardConnectionsPage        *self)
{
  g_autofree char *message = NULL;

  /* Translators: %s is a connection's name. */
  message = g_strdup_printf (_("Deleted “%s”"),
                             steward_connection_get_name (
                                 steward_delete_connection_dialog_get_connection (dialog)));
  toast (self, message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardConnectionsPage *self = STEWARD_CONNECTIONS_PAGE (widget);
  StewardConnection *connection = gtk_single_selection_get_selected_item (self->selection);
  StewardDeleteConnectionDialog *dialog;

  if (connection == NULL || self->deployment == NULL)
    return;

  dialog =
      steward_delete_connection_dialog_new (parent_window (self), self->deployment, connection);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StewardConnectionsPage *self = STEWARD_CONNECTIONS_PAGE (widget);

  g_clear_pointer (&self->load_error, g_free);
  refresh (self);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StewardConnectionsPage *self = STEWARD_CONNECTIONS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardConnectionsPage *self = STEWARD_CONNECTIONS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->details_box);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardConnectionsPage *self = STEWARD_CONNECTIONS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
steward_connections_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steward_connections_page_parent_class)->map (widget);

  ensure_loaded (STEWARD_CONNECTIONS_PAGE (widget));
}

static void
steward_connections_page_dispose (GObject *object)
{
  StewardConnectionsPage *self = STEWARD_CONNECTIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->recount_idle, g_source_remove);
  if (self->deployment_signals != NULL)
    g_signal_group_set_target (self->deployment_signals, NULL);
  if (self->details_bindings != NULL)
    g_binding_group_set_source (self->details_bindings, NULL);

  /* AdwBin unparents its child itself: let go of it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CONNECTIONS_PAGE);

  g_clear_object (&self->deployment);
  g_clear_object (&self->deployment_signals);
  g_clear_object (&self->details_bindings);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->nothing);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->connectors);

  G_OBJECT_CLASS (steward_connections_page_parent_class)->dispose (object);
}

static void
steward_connections_page_finalize (GObject *object)
{
  StewardConnectionsPage *self = STEWARD_CONNECTIONS_PAGE (object);

  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->count_labels, g_hash_table_unref);
  g_clear_pointer (&self->asked, g_hash_table_unref);
  g_free (self->search_folded);
  g_free (self->sort_by);
  g_free (self->load_error);

  G_OBJECT_CLASS (steward_connections_page_parent_class)->finalize (object);
}

static void
steward_connections_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  StewardConnectionsPage *self = STEWARD_CONNECTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT_BY:
      g_value_set_string (value, self->sort_by);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    case PROP_SIDEBAR_FOLDED:
      g_value_set_boolean (value, self->sidebar_folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connections_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  StewardConnectionsPage *self = STEWARD_CONNECTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT_BY:
      {
        const char *sort_by = g_value_get_string (value);

        if (g_strcmp0 (self->sort_by, sort_by) == 0)
          return;
        g_free (self->sort_by);
        self->sort_by = g_strdup (sort_by != NULL ? sort_by : "name");
      }
      break;
    case PROP_SORT_DESCENDING:
      if (self->sort_descending == g_value_get_boolean (value))
        return;
      self->sort_descending = g_value_get_boolean (value);
      break;
    case PROP_SIDEBAR_FOLDED:
      if (self->sidebar_folded == g_value_get_boolean (value))
        return;
      self->sidebar_folded = g_value_get_boolean (value);
      g_object_notify_by_pspec (object, pspec);
      return;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
  if (self->sorter != NULL)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
steward_connections_page_class_init (StewardConnectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = steward_connections_page_dispose;
  object_class->finalize = steward_connections_page_finalize;
  object_class->get_property = steward_connections_page_get_property;
  object_class->set_property = steward_connections_page_set_property;
  widget_class->map = steward_connections_page_map;

  /* "name", "type", "host" or "datastores". */
  properties[PROP_SORT_BY] = g_param_spec_string ("sort-by", NULL, NULL, "name", flags);
  properties[PROP_SORT_DESCENDING] =
      g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE, flags);
  /* The window's sidebar is folded away: the header offers the way back to it. */
  properties[PROP_SIDEBAR_FOLDED] =
      g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_CONNECTION_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-connections-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, role_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionsPage, details);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_property_action (widget_class, "connections.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "connections.sort-descending",
                                            "sort-descending");
  gtk_widget_class_install_action (widget_class, "connections.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "connections.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "connections.change-credentials", NULL,
                                   change_credentials_action);
  gtk_widget_class_install_action (widget_class, "connections.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "connections.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "connections.show-details", NULL,
                                   show_details_action);
  gtk_widget_class_install_action (widget_class, "connections.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "connections.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "connections.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "connections.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "connections.delete", NULL);
}

static void
steward_connections_page_init (StewardConnectionsPage *self)
{
  self->sort_by = g_strdup ("name");
  self->details_bindings = g_binding_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->count_labels = g_hash_table_new (NULL, NULL);
  self->asked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->nothing = g_list_store_new (STEWARD_TYPE_CONNECTION);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->nothing)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, COLUMN_NAME, _("Name"), TRUE);
  add_column (self, COLUMN_TYPE, _("Connector"), FALSE);
  add_column (self, COLUMN_HOST, _("Host or URI"), TRUE);
  add_column (self, COLUMN_DATASTORES, _("Datastores"), FALSE);

  g_binding_group_bind (self->details_bindings, "name", self->details_title, "title",
                        G_BINDING_SYNC_CREATE);

  self->deployment_signals = g_signal_group_new (STEWARD_TYPE_DEPLOYMENT);
  g_signal_group_connect_swapped (self->deployment_signals, "counts-changed",
                                  G_CALLBACK (schedule_recount), self);
  g_signal_group_connect_swapped (self->deployment_signals, "changed",
                                  G_CALLBACK (schedule_recount), self);
  g_signal_group_connect_swapped (self->deployment_signals, "notify::user",
                                  G_CALLBACK (user_changed_cb), self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  update_actions (self);
  update_state (self);
}

GtkWidget *
steward_connections_page_new (void)
{
  return g_object_new (STEWARD_TYPE_CONNECTIONS_PAGE, NULL);
}

/* Returns: (transfer none) (nullable) */
StewardDeployment *
steward_connections_page_get_deployment (StewardConnectionsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self), NULL);

  return self->deployment;
}

/* Shows @deployment's connections (NULL clears the page). They are listed when the page is
 * first shown, unless the deployment has them already. */
void
steward_connections_page_set_deployment (StewardConnectionsPage *self,
                                         StewardDeployment      *deployment)
{
  g_return_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self));
  g_return_if_fail (deployment == NULL || STEWARD_IS_DEPLOYMENT (deployment));

  if (self->deployment == deployment)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;
  self->pending_select = 0;
  g_clear_pointer (&self->load_error, g_free);
  g_clear_object (&self->connectors);
  g_hash_table_remove_all (self->asked);

  g_set_object (&self->deployment, deployment);
  g_signal_group_set_target (self->deployment_signals, deployment);
  steward_connection_details_set_connection (self->details, NULL);
  steward_connection_details_set_deployment (self->details, deployment);
  gtk_filter_list_model_set_model (self->filtered,
                                   deployment != NULL
                                       ? steward_deployment_get_connections (deployment)
                                       : G_LIST_MODEL (self->nothing));

  g_clear_handle_id (&self->recount_idle, g_source_remove);
  recount_cb (self);
  update_actions (self);
  update_state (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

/* "loading", "error", "empty" (none, or none matching the search) or "list". */
const char *
steward_connections_page_get_state (StewardConnectionsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none): the connections shown, searched and sorted, as the table has them */
GListModel *
steward_connections_page_get_shown (StewardConnectionsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* Returns: (transfer none) (nullable) */
StewardConnection *
steward_connections_page_get_selected (StewardConnectionsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* Selects a connection now if it is shown, else once it is listed. */
gboolean
steward_connections_page_select (StewardConnectionsPage *self,
                                 gint64                  connection_id)
{
  guint n;

  g_return_val_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardConnection) connection =
          g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (steward_connection_get_id (connection) == connection_id)
        {
          self->pending_select = 0;
          gtk_single_selection_set_selected (self->selection, i);
          /* GTK 4.8's column view has no scroll_to(); its inner list view has the action. */
          for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
               child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LIST_VIEW (child))
              gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  self->pending_select = connection_id;
  return FALSE;
}

/* How many of the loaded datastores use the connection, as the table shows it. */
guint
steward_connections_page_get_n_datastores (StewardConnectionsPage *self,
                                           gint64                  connection_id)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self), 0);

  return count_for (self, connection_id);
}

/* Returns: (transfer none) */
StewardConnectionDetails *
steward_connections_page_get_details (StewardConnectionsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self), NULL);

  return self->details;
}

/* Typing in @widget (NULL: in the page) starts a search of the connections, as in the main
 * view's other pages. */
void
steward_connections_page_set_key_capture_widget (StewardConnectionsPage *self,
                                                 GtkWidget              *widget)
{
  g_return_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  gtk_search_entry_set_key_capture_widget (self->search_entry,
                                           widget != NULL ? widget : GTK_WIDGET (self));
}

/* Searches as if typed: for links into the page and for tests. */
void
steward_connections_page_set_search (StewardConnectionsPage *self,
                                     const char             *text)
{
  g_return_if_fail (STEWARD_IS_CONNECTIONS_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* At once, not after the entry's delay. */
  search_changed_cb (self);
}
