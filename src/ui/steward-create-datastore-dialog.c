/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-create-datastore-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-connection-choice.h"
#include "steward-create-datastore-dialog-private.h"

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
 * The datastore's own fields are StewardFormSections (name and description, placement, teams,
 * tags and group, enrichment), shared with the datastore editor and the onboarding wizard; the
 * connection is this dialog's own. */

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
_steward_create_dialog_get_sections (StewardCreateDatastoreDialog *self,
                                     StewardFormSection          **sections)
{
  sections[0] = STEWARD_FORM_SECTION (self->name_section);
  sections[1] = STEWARD_FORM_SECTION (self->placement_section);
  sections[2] = STEWARD_FORM_SECTION (self->organization_section);
  sections[3] = STEWARD_FORM_SECTION (self->enrichment_section);
}

void
_steward_create_dialog_clear_marks (StewardCreateDatastoreDialog *self)
{
  StewardFormSection *sections[N_SECTIONS];

  _steward_create_dialog_get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    steward_form_section_clear_marks (sections[i]);
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
  StewardFormSection *sections[N_SECTIONS];

  if (field == NULL)
    return FALSE;

  _steward_create_dialog_get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    if (steward_form_section_mark_field (sections[i], field, message))
      return TRUE;

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

  first = steward_form_find_marked_row (GTK_WIDGET (self));
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
update_placement (StewardCreateDatastoreDialog *self)
{
  steward_placement_section_set_dfs (self->placement_section, _steward_create_dialog_is_dfs (self));
}

/* Callbacks */

static void
name_changed_cb (StewardCreateDatastoreDialog *self)
{
  g_autofree char *name = steward_name_section_dup_name (self->name_section);

  /* A new connection is named after the datastore unless given a name of its own. */
  steward_connector_form_set_default_name (self->form, *name != '\0' ? name : NULL);
  steward_enrichment_section_set_name (self->enrichment_section, name);
}

/* A connection test reads the placement too: its result no longer speaks for it. */
static void
placement_changed_cb (StewardCreateDatastoreDialog *self)
{
  steward_connection_tester_reset (self->tester);
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
  if (steward_connector_form_get_spec (self->form) == NULL ||
      steward_connector_form_get_busy (self->form) || !steward_connector_form_validate (self->form))
    return;

  request = steward_datastore_request_new ();
  _steward_create_dialog_add_connection_and_placement (self, request);
  name = steward_name_section_dup_name (self->name_section);
  steward_datastore_request_set_name (
      request,
      *name != '\0'
          ? name
          : steward_json_get_string (steward_json_get_object (steward_datastore_request_get_object (
                                                                  request),
                                                              "connection"),
                                     "name"));
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
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->connection_search));

  return steward_connection_matches (item, search);
}

static gint64
chosen_id (StewardCreateDatastoreDialog *self)
{
  if (self->selected_connection == NULL)
    return 0;
  return steward_connection_get_id (self->selected_connection);
}

static GtkWidget *
create_connection_row (gpointer item,
                       gpointer user_data)
{
  return steward_connection_choice_row_new (item, chosen_id (user_data));
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
  steward_connection_choice_show_chosen (self->connections_list, chosen_id (self));
  _steward_create_dialog_set_connection_message (self, NULL);
  update_placement (self);
}

static void
connection_activated_cb (StewardCreateDatastoreDialog *self,
                         GtkListBoxRow                *row)
{
  StewardConnection *connection = steward_connection_choice_row_get (row);

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
  steward_client_list_connections_async (self->client, self->cancellable, connections_loaded_cb,
                                         self);
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
      g_autofree char *subtitle =
          g_strdup_printf (_("The enrichment datastores could not be loaded: %s"), error->message);
      steward_enrichment_section_set_load_error (self->enrichment_section, subtitle);
      return;
    }

  items = steward_datastore_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (items, i);

      g_list_store_append (self->enrichment_datastores, datastore);
    }

  steward_enrichment_section_set_datastores (self->enrichment_section,
                                             G_LIST_MODEL (self->enrichment_datastores));
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
  g_type_ensure (STEWARD_TYPE_NAME_SECTION);
  g_type_ensure (STEWARD_TYPE_PLACEMENT_SECTION);
  g_type_ensure (STEWARD_TYPE_ORGANIZATION_SECTION);
  g_type_ensure (STEWARD_TYPE_ENRICHMENT_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/steward-create-datastore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, create_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, name_section);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, new_toggle);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        existing_toggle);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        connection_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, form);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, tester);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        connection_search);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        connections_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        connections_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        connections_empty_label);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        connections_list);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        connection_message);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        placement_section);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        organization_section);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog,
                                        enrichment_section);
  gtk_widget_class_bind_template_child (widget_class, StewardCreateDatastoreDialog, sync_switch);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, placement_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, placement_kind_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, tester_state_cb);
  gtk_widget_class_bind_template_callback (widget_class, connection_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, connection_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "dialog.reload-connections", NULL,
                                   reload_connections_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "dialog.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_create_datastore_dialog_init (StewardCreateDatastoreDialog *self)
{
  g_autoptr(GListModel) builtin = NULL;
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
  self->filtered_connections =
      gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->connections)),
                                 GTK_FILTER (g_object_ref (self->connection_filter)));
  gtk_list_box_bind_model (self->connections_list, G_LIST_MODEL (self->filtered_connections),
                           create_connection_row, self, NULL);

  self->enrichment_datastores = g_list_store_new (STEWARD_TYPE_DATASTORE);

  update_placement (self);
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

  steward_organization_section_set_groups (self->organization_section, groups);

  set_loading (self, TRUE);
  steward_client_load_connectors_async (client, self->cancellable, connectors_loaded_cb, self);

  load_connections (self);

  query = steward_datastore_query_new ();
  steward_datastore_query_set_enrichment_only (query, TRUE);
  steward_datastore_query_add_sort (query, STEWARD_SORT_NAME, FALSE);
  set_loading (self, TRUE);
  steward_client_list_datastores_async (client, query, 1, 100, self->cancellable,
                                        enrichment_loaded_cb, self);

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
  StewardFormSection *sections[N_SECTIONS];

  g_return_val_if_fail (STEWARD_IS_CREATE_DATASTORE_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  _steward_create_dialog_get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      const char *message = steward_form_section_get_field_message (sections[i], field);

      if (message != NULL)
        return message;
    }

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
      g_autoptr(StewardConnection) connection =
          g_list_model_get_item (G_LIST_MODEL (self->connections), i);

      if (steward_connection_get_id (connection) == connection_id)
        {
          gtk_toggle_button_set_active (self->existing_toggle, TRUE);
          select_connection (self, connection);
          return TRUE;
        }
    }

  return FALSE;
}
