/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-create-datastore-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-create-datastore-dialog-private.h"
#include "steward-row-message.h"

/* Adds one datastore: its name, a new connection (a connector's form, testable before anything
 * is created) or an existing one, where its data is, teams, tags, group (an existing one or a
 * new one made on the way), enrichment, and whether to start a sync. Everything checkable is
 * checked before sending; whatever the server refuses is marked on its field, and the dialog
 * stays open with everything typed. On success it emits ::created and closes: the window that
 * opened it selects the datastore and follows its sync (see StewardSyncFollower).
 *
 * A connection test speaks for the settings it tested only: editing any of them forgets its
 * result. Creating over a failed test asks first, and sends nothing unless the user agrees.
 *
 * Teams and tags are comma-separated entries, and the new group's icon a combo row, until the
 * chip editor and the group icon picker are in. */

G_DEFINE_FINAL_TYPE (StewardCreateDatastoreDialog, steward_create_datastore_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_BUSY,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The request's members, and the row that shows a problem with each. */
static const struct
{
  const char *field;
  gsize       offset;
  gboolean    in_enrichment;
} field_messages[] = {
  { "name", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, name_message), FALSE },
  { "description", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, description_message), FALSE },
  { "database", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, database_message), FALSE },
  { "schema", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, schema_message), FALSE },
  { "root_path", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, root_path_message), FALSE },
  { "teams", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, teams_message), FALSE },
  { "tags", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, tags_message), FALSE },
  { "group_id", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, group_message), FALSE },
  { "group", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, group_message), FALSE },
  { "group.name", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, new_group_name_message), FALSE },
  { "group.icon", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, new_group_icon_message), FALSE },
  { "enrichment_datastore_id", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, enrichment_datastore_message), TRUE },
  { "enrichment_prefix", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, prefix_message), TRUE },
  { "enrichment_source_record_limit", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, record_limit_message), TRUE },
  { "enrichment_remediation_strategy", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, strategy_message), TRUE },
  { "high_count_rollup_threshold", G_STRUCT_OFFSET (StewardCreateDatastoreDialog, rollup_message), TRUE },
};

#define MESSAGE_AT(self, i) (*(StewardRowMessage **) G_STRUCT_MEMBER_P ((self), field_messages[i].offset))

gboolean
_steward_create_dialog_is_new_connection (StewardCreateDatastoreDialog *self)
{
  return gtk_toggle_button_get_active (self->new_toggle);
}

gboolean
_steward_create_dialog_is_dfs (StewardCreateDatastoreDialog *self)
{
  StewardConnectorSpec *spec = steward_connector_form_get_spec (self->form);

  if (_steward_create_dialog_is_new_connection (self))
    return spec != NULL && steward_connector_spec_is_dfs (spec);

  return self->selected_connection != NULL && steward_connection_is_dfs (self->selected_connection);
}

char *
_steward_create_dialog_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* "a, b ,,c" → ["a", "b", "c"]; NULL when there is none. */
GStrv
_steward_create_dialog_split_names (AdwEntryRow *row)
{
  g_autofree char *text = _steward_create_dialog_row_text (row);
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      g_strv_builder_add (builder, parts[i]);
      n++;
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

static void
set_loading (StewardCreateDatastoreDialog *self,
             gboolean                      loading)
{
  gboolean was_loading = self->loading > 0;

  if (loading)
    self->loading++;
  else if (self->loading > 0)
    self->loading--;

  if (was_loading != (self->loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_steward_create_dialog_set_busy (StewardCreateDatastoreDialog *self,
                                 gboolean                      busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->create_spinner), busy);
  gtk_spinner_set_spinning (self->create_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_steward_create_dialog_show_error (StewardCreateDatastoreDialog *self,
                                   const char                   *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

void
_steward_create_dialog_set_connection_message (StewardCreateDatastoreDialog *self,
                                               const char                   *message)
{
  gtk_label_set_label (self->connection_message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->connection_message), message != NULL);
}

void
_steward_create_dialog_clear_marks (StewardCreateDatastoreDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_messages); i++)
    steward_row_message_set_message (MESSAGE_AT (self, i), NULL);
  steward_connector_form_clear_marks (self->form);
  _steward_create_dialog_set_connection_message (self, NULL);
  _steward_create_dialog_show_error (self, NULL);
}

/* Marks the row of @field ("name", "root_path", "connection.host", "group.name"…). Returns
 * whether the dialog has a row for it. */
static gboolean
mark_field (StewardCreateDatastoreDialog *self,
            const char                   *field,
            const char                   *message)
{
  if (field == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (field_messages); i++)
    if (g_str_equal (field_messages[i].field, field))
      {
        steward_row_message_set_message (MESSAGE_AT (self, i), message);
        if (field_messages[i].in_enrichment)
          adw_expander_row_set_expanded (self->enrichment_row, TRUE);
        return TRUE;
      }

  if (g_str_equal (field, "connection") || g_str_equal (field, "connection_id"))
    {
      if (_steward_create_dialog_is_new_connection (self))
        return steward_connector_form_mark_field (self->form, "type", message);
      _steward_create_dialog_set_connection_message (self, message);
      return TRUE;
    }

  if (g_str_has_prefix (field, "connection.") && _steward_create_dialog_is_new_connection (self))
    return steward_connector_form_mark_field (self->form, field, message);

  return FALSE;
}

/* The first marked row, in the order the dialog shows them. */
static GtkWidget *
find_marked_row (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (STEWARD_IS_ROW_MESSAGE (widget))
    return steward_row_message_get_message (STEWARD_ROW_MESSAGE (widget)) != NULL
      ? steward_row_message_get_row (STEWARD_ROW_MESSAGE (widget))
      : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_marked_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Marks every field @error names; what has no row of its own goes to the banner. */
void
_steward_create_dialog_show_invalid (StewardCreateDatastoreDialog *self,
                                     const GError                 *error)
{
  GPtrArray *field_errors = error != NULL ? steward_api_error_get_field_errors (error) : NULL;
  g_autoptr(GString) banner = g_string_new (_("Check the marked fields."));
  GtkWidget *first;

  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      StewardFieldError *field_error = g_ptr_array_index (field_errors, i);

      if (!mark_field (self, field_error->field, field_error->message))
        g_string_append_printf (banner, "\n%s", field_error->message);
    }
  if ((field_errors == NULL || field_errors->len == 0) && error != NULL)
    g_string_append_printf (banner, "\n%s", error->message);

  _steward_create_dialog_show_error (self, banner->str);

  first = find_marked_row (GTK_WIDGET (self));
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

gint64
_steward_create_dialog_selected_group_id (StewardCreateDatastoreDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->group_row);
  g_autoptr(StewardDatastoreGroup) group = NULL;

  if (self->groups == NULL || selected < GROUP_FIRST_EXISTING)
    return 0;

  group = g_list_model_get_item (self->groups, selected - GROUP_FIRST_EXISTING);
  return group != NULL ? steward_datastore_group_get_id (group) : 0;
}

static void
update_placement (StewardCreateDatastoreDialog *self)
{
  gboolean dfs = _steward_create_dialog_is_dfs (self);

  gtk_widget_set_visible (GTK_WIDGET (self->database_row), !dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->schema_row), !dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->root_path_row), dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->globbing_row), dfs);
  steward_row_message_set_message (dfs ? self->database_message : self->root_path_message, NULL);
  if (dfs)
    steward_row_message_set_message (self->schema_message, NULL);

  adw_preferences_group_set_description (self->placement_group,
                                         dfs
                                         ? _("The folder to read, from the root of the bucket or container.")
                                         : _("The database and schema to read. Leave them empty for the connection’s defaults."));
}

static void
update_prefix_preview (StewardCreateDatastoreDialog *self)
{
  g_autofree char *prefix = _steward_create_dialog_row_text (self->prefix_row);
  g_autofree char *name = _steward_create_dialog_row_text (self->name_row);
  g_autofree char *normalized = NULL;
  g_autofree char *subtitle = NULL;

  /* The server derives the prefix from the name when none is given. */
  if (*prefix != '\0')
    normalized = steward_enrichment_prefix_normalize (prefix);
  else if (*name != '\0')
    normalized = steward_enrichment_prefix_normalize (name);

  if (normalized != NULL && *prefix == '\0')
    /* Translators: %s is a table prefix derived from the datastore's name, like "_sales". */
    subtitle = g_strdup_printf (_("%s (from the name)"), normalized);
  else if (normalized != NULL)
    subtitle = g_strdup (normalized);
  else if (*prefix != '\0')
    subtitle = g_strdup (_("The prefix needs at least one letter or digit"));
  else
    subtitle = g_strdup (_("Chosen by the server from the name"));

  adw_action_row_set_subtitle (self->prefix_preview_row, subtitle);
}

static void
rebuild_group_names (StewardCreateDatastoreDialog *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 selected_id = _steward_create_dialog_selected_group_id (self);
  guint selected = adw_combo_row_get_selected (self->group_row);
  guint n = self->groups != NULL ? g_list_model_get_n_items (self->groups) : 0;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = GROUP_NONE;

  g_ptr_array_add (names, (gpointer) C_("group", "None"));
  g_ptr_array_add (names, (gpointer) _("New Group…"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (self->groups, i);

      g_ptr_array_add (names, (gpointer) steward_datastore_group_get_name (group));
      if (selected_id > 0 && steward_datastore_group_get_id (group) == selected_id)
        selected = GROUP_FIRST_EXISTING + i;
    }
  g_ptr_array_add (names, NULL);

  /* A group that went away leaves the datastore ungrouped rather than in another group. */
  if (selected >= GROUP_FIRST_EXISTING && selected_id == 0)
    selected = GROUP_NONE;

  g_clear_object (&self->group_names);
  self->group_names = gtk_string_list_new ((const char * const *) names->pdata);
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (self->group_names));
  adw_combo_row_set_selected (self->group_row, MIN (selected, n + GROUP_FIRST_EXISTING - 1));
}

static void
groups_changed_cb (StewardCreateDatastoreDialog *self)
{
  rebuild_group_names (self);
}

/* Callbacks */

static void
name_changed_cb (StewardCreateDatastoreDialog *self)
{
  g_autofree char *name = _steward_create_dialog_row_text (self->name_row);

  steward_row_message_set_message (self->name_message, NULL);
  /* A new connection is named after the datastore unless given a name of its own. */
  steward_connector_form_set_default_name (self->form, *name != '\0' ? name : NULL);
  update_prefix_preview (self);
}

static void
row_changed_cb (StewardCreateDatastoreDialog *self,
                GtkWidget                    *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_messages); i++)
    if (steward_row_message_get_row (MESSAGE_AT (self, i)) == row)
      steward_row_message_set_message (MESSAGE_AT (self, i), NULL);

  if (row == GTK_WIDGET (self->database_row) || row == GTK_WIDGET (self->schema_row) ||
      row == GTK_WIDGET (self->root_path_row))
    steward_connection_tester_reset (self->tester);
}

static void
prefix_changed_cb (StewardCreateDatastoreDialog *self)
{
  steward_row_message_set_message (self->prefix_message, NULL);
  update_prefix_preview (self);
}

static void
enrichment_datastore_selected_cb (StewardCreateDatastoreDialog *self)
{
  steward_row_message_set_message (self->enrichment_datastore_message, NULL);
}

static void
group_selected_cb (StewardCreateDatastoreDialog *self)
{
  gboolean new_group = adw_combo_row_get_selected (self->group_row) == GROUP_NEW;

  gtk_widget_set_visible (GTK_WIDGET (self->new_group_name_row), new_group);
  gtk_widget_set_visible (GTK_WIDGET (self->new_group_icon_row), new_group);
  steward_row_message_set_message (self->group_message, NULL);
  if (!new_group)
    {
      steward_row_message_set_message (self->new_group_name_message, NULL);
      steward_row_message_set_message (self->new_group_icon_message, NULL);
    }
}

static void
mode_toggled_cb (StewardCreateDatastoreDialog *self)
{
  gboolean new_connection = _steward_create_dialog_is_new_connection (self);

  gtk_stack_set_visible_child_name (self->connection_stack, new_connection ? "new" : "existing");
  _steward_create_dialog_set_connection_message (self, NULL);
  steward_connector_form_clear_marks (self->form);
  update_placement (self);
}

static void
placement_kind_cb (StewardCreateDatastoreDialog *self)
{
  update_placement (self);
}

static void
form_changed_cb (StewardCreateDatastoreDialog *self)
{
  steward_connection_tester_reset (self->tester);
}

static void
test_requested_cb (StewardCreateDatastoreDialog *self)
{
  g_autoptr(StewardDatastoreRequest) request = NULL;
  g_autofree char *name = NULL;

  steward_connector_form_clear_marks (self->form);
  if (steward_connector_form_get_spec (self->form) == NULL || steward_connector_form_get_busy (self->form) ||
      !steward_connector_form_validate (self->form))
    return;

  request = steward_datastore_request_new ();
  _steward_create_dialog_add_connection_and_placement (self, request);
  name = _steward_create_dialog_row_text (self->name_row);
  steward_datastore_request_set_name (request, *name != '\0'
                                      ? name
                                      : steward_json_get_string (steward_json_get_object (steward_datastore_request_get_object (request), "connection"), "name"));
  steward_connection_tester_start (self->tester, request);
}

static void
tester_state_cb (StewardCreateDatastoreDialog *self)
{
  const GError *error = steward_connection_tester_get_error (self->tester);
  GPtrArray *field_errors;

  if (steward_connection_tester_get_state (self->tester) != STEWARD_CONNECTION_TESTER_FAILED ||
      !g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID))
    return;

  field_errors = steward_api_error_get_field_errors (error);
  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      StewardFieldError *field_error = g_ptr_array_index (field_errors, i);

      mark_field (self, field_error->field, field_error->message);
    }
}

/* Existing connections */

static gboolean
connection_matches (gpointer item,
                    gpointer user_data)
{
  StewardCreateDatastoreDialog *self = user_data;
  StewardConnection *connection = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->connection_search));
  g_autofree char *needle = NULL;
  const char *haystacks[3];

  if (search == NULL || *search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  haystacks[0] = steward_connection_get_name (connection);
  haystacks[1] = steward_connection_get_type_name (connection);
  haystacks[2] = steward_connection_is_dfs (connection)
    ? steward_connection_get_uri (connection)
    : steward_connection_get_host (connection);

  for (guint i = 0; i < G_N_ELEMENTS (haystacks); i++)
    {
      g_autofree char *folded = haystacks[i] != NULL ? g_utf8_casefold (haystacks[i], -1) : NULL;

      if (folded != NULL && strstr (folded, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
update_connection_checks (StewardCreateDatastoreDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->connections_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      StewardConnection *connection = g_object_get_data (G_OBJECT (row), "connection");
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL)
        gtk_widget_set_opacity (check, connection == self->selected_connection ? 1.0 : 0.0);
    }
}

static GtkWidget *
create_connection_row (gpointer item,
                       gpointer user_data)
{
  StewardCreateDatastoreDialog *self = user_data;
  StewardConnection *connection = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  const char *where = steward_connection_is_dfs (connection)
    ? steward_connection_get_uri (connection)
    : steward_connection_get_host (connection);
  g_autofree char *subtitle = NULL;

  if (where != NULL && *where != '\0')
    /* Translators: a connection's type and where it points, like "postgresql · db.example.com". */
    subtitle = g_strdup_printf (_("%s · %s"), steward_connection_get_type_name (connection), where);
  else
    subtitle = g_strdup (steward_connection_get_type_name (connection));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steward_connection_get_name (connection));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Hidden by opacity so that rows keep one width whichever is chosen. */
  gtk_widget_set_opacity (check, connection == self->selected_connection ? 1.0 : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (row), "connection", g_object_ref (connection), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

static void
update_connections_page (StewardCreateDatastoreDialog *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->connection_search));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered_connections)) > 0)
    {
      gtk_stack_set_visible_child_name (self->connections_stack, "list");
      return;
    }

  gtk_label_set_label (self->connections_empty_label,
                       search != NULL && *search != '\0'
                       ? _("No connection matches the search.")
                       : _("This deployment has no connections yet. Describe a new one instead."));
  gtk_stack_set_visible_child_name (self->connections_stack, "empty");
}

static void
connection_search_cb (StewardCreateDatastoreDialog *self)
{
  gtk_filter_changed (GTK_FILTER (self->connection_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_connections_page (self);
}

static void
select_connection (StewardCreateDatastoreDialog *self,
                   StewardConnection            *connection)
{
  g_set_object (&self->selected_connection, connection);
  update_connection_checks (self);
  _steward_create_dialog_set_connection_message (self, NULL);
  update_placement (self);
}

static void
connection_activated_cb (StewardCreateDatastoreDialog *self,
                         GtkListBoxRow                *row)
{
  StewardConnection *connection = g_object_get_data (G_OBJECT (row), "connection");

  if (connection != NULL)
    select_connection (self, connection);
}

static void
connections_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  StewardCreateDatastoreDialog *self = user_data;
  g_autoptr(GListModel) connections = NULL;
  g_autoptr(GError) error = NULL;

  connections = steward_client_list_connections_finish (STEWARD_CLIENT (object), result, &error);
  if (connections == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (connections == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_MANAGE_CONNECTIONS, error);
      else
        /* Translators: %s says what went wrong. */
        message = g_strdup_printf (_("The connections could not be loaded: %s"), error->message);
      gtk_label_set_label (self->connections_error_label, message);
      gtk_stack_set_visible_child_name (self->connections_stack, "error");
      return;
    }

  g_list_store_remove_all (self->connections);
  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(StewardConnection) connection = g_list_model_get_item (connections, i);

      g_list_store_append (self->connections, connection);
    }
  update_connections_page (self);
}

static void
load_connections (StewardCreateDatastoreDialog *self)
{
  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->connections_stack, "loading");
  steward_client_list_connections_async (self->client, self->cancellable, connections_loaded_cb, self);
}

static void
reload_connections_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  load_connections (STEWARD_CREATE_DATASTORE_DIALOG (widget));
}

static void
connectors_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StewardCreateDatastoreDialog *self = user_data;
  g_autoptr(GListModel) connectors = NULL;
  g_autoptr(GError) error = NULL;

  connectors = steward_client_load_connectors_finish (STEWARD_CLIENT (object), result, &error);
  if (connectors == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (connectors == NULL)
    {
      g_warning ("Could not load the connector forms: %s", error->message);
      return;
    }

  steward_connector_form_set_connectors (self->form, connectors);
}

static void
enrichment_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StewardCreateDatastoreDialog *self = user_data;
  g_autoptr(StewardDatastorePage) page = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;

  page = steward_client_list_datastores_finish (STEWARD_CLIENT (object), result, &error);
  if (page == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (page == NULL)
    {
      /* Translators: %s says what went wrong. */
      g_autofree char *subtitle = g_strdup_printf (_("The enrichment datastores could not be loaded: %s"),
                                                   error->message);
      adw_expander_row_set_subtitle (self->enrichment_row, subtitle);
      return;
    }

  items = steward_datastore_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (items, i);

      g_list_store_append (self->enrichment_datastores, datastore);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->enrichment_datastores)) == 0)
    {
      adw_expander_row_set_subtitle (self->enrichment_row,
                                     _("This deployment has no enrichment datastores yet"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->enrichment_row), FALSE);
    }
}

static void
icon_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
icon_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *value = gtk_list_item_get_item (item);
  const char *icon = gtk_string_object_get_string (value);

  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (box)),
                                steward_group_icon_get_icon_name (icon));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), steward_group_icon_get_label (icon));
}

/* Creating: the request, its checks and the answer are in steward-create-datastore-submit.c. */

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _steward_create_dialog_submit (STEWARD_CREATE_DATASTORE_DIALOG (widget), FALSE);
}

/* The server created @datastore: tell the window that opened the dialog, and close. */
void
_steward_create_dialog_created (StewardCreateDatastoreDialog *self,
                                StewardDatastore             *datastore,
                                gboolean                      sync_started)
{
  g_signal_emit (self, signals[CREATED], 0, datastore, sync_started);
  gtk_window_close (GTK_WINDOW (self));
}

static void
forget_secrets (StewardCreateDatastoreDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  if (self->tester != NULL)
    steward_connection_tester_cancel (self->tester);
  if (self->form != NULL)
    steward_connector_form_clear_secrets (self->form);
}

static gboolean
steward_create_datastore_dialog_close_request (GtkWindow *window)
{
  forget_secrets (STEWARD_CREATE_DATASTORE_DIALOG (window));

  return GTK_WINDOW_CLASS (steward_create_datastore_dialog_parent_class)->close_request (window);
}

static void
steward_create_datastore_dialog_dispose (GObject *object)
{
  StewardCreateDatastoreDialog *self = STEWARD_CREATE_DATASTORE_DIALOG (object);

  forget_secrets (self);
  if (self->groups != NULL)
    g_signal_handlers_disconnect_by_data (self->groups, self);
  /* A question still open goes with the dialog, let go of first. */
  if (self->create_anyway_dialog != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self->create_anyway_dialog), NULL);
      gtk_window_destroy (GTK_WINDOW (self->create_anyway_dialog));
    }
  g_clear_weak_pointer (&self->create_anyway_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CREATE_DATASTORE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->groups);
  g_clear_object (&self->group_names);
  g_clear_object (&self->filtered_connections);
  g_clear_object (&self->connection_filter);
  g_clear_object (&self->connections);
  g_clear_object (&self->selected_connection);
  g_clear_object (&self->enrichment_datastores);

  G_OBJECT_CLASS (steward_create_datastore_dialog_parent_class)->dispose (object);
}

static void
steward_create_datastore_dialog_finalize (GObject *object)
{
  StewardCreateDatastoreDialog *self = STEWARD_CREATE_DATASTORE_DIALOG (object);

  g_free (self->error_message);

  G_OBJECT_CLASS (steward_create_datastore_dialog_parent_class)->finalize (object);
}

static void
steward_create_datastore_dialog_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  StewardCreateDatastoreDialog *self = STEWARD_CREATE_DATASTORE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading > 0);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_create_datastore_dialog_class_init (StewardCreateDatastoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_create_datastore_dialog_dispose;
  object_class->finalize = steward_create_datastore_dialog_finalize;
  object_class->get_property = steward_create_datastore_dialog_get_property;
  window_class->close_request = steward_create_datastore_dialog_close_request;

  /* Connector descriptions, connections or enrichment datastores are still being fetched. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The create request is on its way. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardCreateDatastoreDialog::created:
   * @datastore: the new datastore, as the server answered
   * @sync_started: whether a sync was asked for; StewardSyncFollower finds and follows it
   *
   * The datastore was created; the dialog closes right after.
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   STEWARD_TYPE_DATASTORE, G_TYPE_BOOLEAN);

  g_type_ensure (STEWARD_TYPE_CONNECTOR_FORM);
  g_type_ensure (STEWARD_TYPE_CONNECTION_TESTER);
  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);
  g_type_ensure (STEWARD_TYPE_DATASTORE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-create-datastore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, create_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, description_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, new_toggle);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, existing_toggle);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, connection_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, form);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, tester);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, connection_search);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, connections_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, connections_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, connections_empty_label);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, connections_list);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, connection_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, placement_group);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, database_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, schema_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, schema_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, root_path_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, root_path_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, globbing_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, globbing_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, teams_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, teams_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, tags_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, tags_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, group_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, new_group_name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, new_group_name_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, new_group_icon_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, new_group_icon_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, enrichment_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, enrichment_datastore_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, enrichment_datastore_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, prefix_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, prefix_preview_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, record_limit_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, record_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, record_limit_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, strategy_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, strategy_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, rollup_row);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, rollup_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, rollup_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, sync_switch);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, prefix_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, placement_kind_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, tester_state_cb);
  gtk_widget_class_bind_template_callback (widget_class, connection_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, connection_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "dialog.reload-connections", NULL, reload_connections_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_create_datastore_dialog_init (StewardCreateDatastoreDialog *self)
{
  g_autoptr(GListModel) builtin = NULL;
  g_autoptr(GtkStringList) icons = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) icon_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));

  builtin = steward_connector_spec_list_load_builtin (&error);
  if (builtin == NULL)
    g_critical ("The built-in connector table is missing: %s", error->message);
  steward_connector_form_set_connectors (self->form, builtin);

  self->connections = g_list_store_new (STEWARD_TYPE_CONNECTION);
  self->connection_filter = gtk_custom_filter_new (connection_matches, self, NULL);
  self->filtered_connections = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->connections)),
                                                          GTK_FILTER (g_object_ref (self->connection_filter)));
  gtk_list_box_bind_model (self->connections_list, G_LIST_MODEL (self->filtered_connections),
                           create_connection_row, self, NULL);

  self->enrichment_datastores = g_list_store_new (STEWARD_TYPE_DATASTORE);
  adw_combo_row_set_model (self->enrichment_datastore_row, G_LIST_MODEL (self->enrichment_datastores));
  g_signal_connect_swapped (self->enrichment_datastore_row, "notify::selected",
                            G_CALLBACK (enrichment_datastore_selected_cb), self);

  for (guint i = 0; i < steward_group_icon_get_count (); i++)
    gtk_string_list_append (icons, steward_group_icon_get_value (i));
  g_signal_connect (icon_factory, "setup", G_CALLBACK (icon_setup_cb), NULL);
  g_signal_connect (icon_factory, "bind", G_CALLBACK (icon_bind_cb), NULL);
  adw_combo_row_set_factory (self->new_group_icon_row, icon_factory);
  adw_combo_row_set_model (self->new_group_icon_row, G_LIST_MODEL (icons));

  rebuild_group_names (self);
  update_placement (self);
  update_prefix_preview (self);
}

/* @groups: (nullable): the deployment's StewardDatastoreGroup, kept up to date by the caller */
StewardCreateDatastoreDialog *
steward_create_datastore_dialog_new (GtkWindow     *parent,
                                     StewardClient *client,
                                     GListModel    *groups)
{
  StewardCreateDatastoreDialog *self;
  g_autoptr(StewardDatastoreQuery) query = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (groups == NULL || G_IS_LIST_MODEL (groups), NULL);

  self = g_object_new (STEWARD_TYPE_CREATE_DATASTORE_DIALOG, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  steward_connection_tester_set_client (self->tester, client);

  if (groups != NULL)
    {
      self->groups = g_object_ref (groups);
      g_signal_connect_swapped (groups, "items-changed", G_CALLBACK (groups_changed_cb), self);
      rebuild_group_names (self);
    }

  set_loading (self, TRUE);
  steward_client_load_connectors_async (client, self->cancellable, connectors_loaded_cb, self);

  load_connections (self);

  query = steward_datastore_query_new ();
  steward_datastore_query_set_enrichment_only (query, TRUE);
  steward_datastore_query_add_sort (query, STEWARD_SORT_NAME, FALSE);
  set_loading (self, TRUE);
  steward_client_list_datastores_async (client, query, 1, 100, self->cancellable, enrichment_loaded_cb, self);

  return self;
}

/* Returns: (transfer none) */
StewardConnectorForm *
steward_create_datastore_dialog_get_form (StewardCreateDatastoreDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_CREATE_DATASTORE_DIALOG (self), NULL);
  return self->form;
}

/* Returns: (transfer none) */
StewardConnectionTester *
steward_create_datastore_dialog_get_tester (StewardCreateDatastoreDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_CREATE_DATASTORE_DIALOG (self), NULL);
  return self->tester;
}

gboolean
steward_create_datastore_dialog_get_loading (StewardCreateDatastoreDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_CREATE_DATASTORE_DIALOG (self), FALSE);
  return self->loading > 0;
}

gboolean
steward_create_datastore_dialog_get_busy (StewardCreateDatastoreDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_CREATE_DATASTORE_DIALOG (self), FALSE);
  return self->busy;
}

/* Returns: (nullable): the message at the top of the dialog, if one shows. */
const char *
steward_create_datastore_dialog_get_error_message (StewardCreateDatastoreDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_CREATE_DATASTORE_DIALOG (self), NULL);
  return self->error_message;
}

/* Returns: (nullable): the problem marked on the row of @field, as the request names it
 * ("root_path", "connection.host", "connection_id", "group.name"…). */
const char *
steward_create_datastore_dialog_get_field_message (StewardCreateDatastoreDialog *self,
                                                   const char                   *field)
{
  g_return_val_if_fail (STEWARD_IS_CREATE_DATASTORE_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_messages); i++)
    if (g_str_equal (field_messages[i].field, field))
      return steward_row_message_get_message (MESSAGE_AT (self, i));

  if (g_str_equal (field, "connection") || g_str_equal (field, "connection_id"))
    return gtk_widget_get_visible (GTK_WIDGET (self->connection_message))
      ? gtk_label_get_label (self->connection_message)
      : NULL;

  if (g_str_has_prefix (field, "connection."))
    return steward_connector_form_get_field_message (self->form, field);

  return NULL;
}

/* Switches to "Existing connection" and chooses the one with @connection_id, once the
 * connections are loaded. Returns whether it was there. */
gboolean
steward_create_datastore_dialog_select_connection (StewardCreateDatastoreDialog *self,
                                                   gint64                        connection_id)
{
  g_return_val_if_fail (STEWARD_IS_CREATE_DATASTORE_DIALOG (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->connections)); i++)
    {
      g_autoptr(StewardConnection) connection = g_list_model_get_item (G_LIST_MODEL (self->connections), i);

      if (steward_connection_get_id (connection) == connection_id)
        {
          gtk_toggle_button_set_active (self->existing_toggle, TRUE);
          select_connection (self, connection);
          return TRUE;
        }
    }

  return FALSE;
}
