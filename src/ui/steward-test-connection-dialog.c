/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-test-connection-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-row-message.h"
#include "steward-test-connection-dialog.h"

/* "Test a Connection": a connector, its form and the placement a server may check, and the
 * tester. Nothing is created; the secrets typed are wiped when the dialog closes. */
struct _StewardTestConnectionDialog
{
  AdwWindow                parent_instance;

  StewardClient           *client;
  GCancellable            *cancellable;
  gboolean                 loading;

  /* Template widgets */
  StewardConnectorForm    *form;
  AdwPreferencesGroup     *placement_group;
  AdwEntryRow             *database_row;
  StewardRowMessage       *database_message;
  AdwEntryRow             *schema_row;
  StewardRowMessage       *schema_message;
  AdwEntryRow             *root_path_row;
  StewardRowMessage       *root_path_message;
  StewardConnectionTester *tester;
};

G_DEFINE_FINAL_TYPE (StewardTestConnectionDialog, steward_test_connection_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_loading (StewardTestConnectionDialog *self,
             gboolean                     loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
clear_marks (StewardTestConnectionDialog *self)
{
  steward_connector_form_clear_marks (self->form);
  steward_row_message_set_message (self->database_message, NULL);
  steward_row_message_set_message (self->schema_message, NULL);
  steward_row_message_set_message (self->root_path_message, NULL);
}

static void
mark_fields (StewardTestConnectionDialog *self,
             const GError                *error)
{
  GPtrArray *field_errors = steward_api_error_get_field_errors (error);

  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      StewardFieldError *field_error = g_ptr_array_index (field_errors, i);

      if (g_strcmp0 (field_error->field, "database") == 0)
        steward_row_message_set_message (self->database_message, field_error->message);
      else if (g_strcmp0 (field_error->field, "schema") == 0)
        steward_row_message_set_message (self->schema_message, field_error->message);
      else if (g_strcmp0 (field_error->field, "root_path") == 0)
        steward_row_message_set_message (self->root_path_message, field_error->message);
      else if (field_error->field != NULL)
        steward_connector_form_mark_field (self->form, field_error->field, field_error->message);
    }
}

static void
connectors_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StewardTestConnectionDialog *self = user_data;
  g_autoptr(GListModel) connectors = NULL;
  g_autoptr(GError) error = NULL;

  connectors = steward_client_load_connectors_finish (STEWARD_CLIENT (object), result, &error);
  if (connectors == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not load the connector forms: %s", error->message);
          set_loading (self, FALSE);
        }
      return;
    }

  steward_connector_form_set_connectors (self->form, connectors);
  set_loading (self, FALSE);
}

static void
spec_changed_cb (StewardTestConnectionDialog *self)
{
  StewardConnectorSpec *spec = steward_connector_form_get_spec (self->form);
  gboolean dfs = spec != NULL && steward_connector_spec_is_dfs (spec);
  g_autofree char *name = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->database_row), !dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->schema_row), !dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->root_path_row), dfs);
  steward_row_message_set_message (self->database_message, NULL);
  steward_row_message_set_message (self->schema_message, NULL);
  steward_row_message_set_message (self->root_path_message, NULL);

  /* A test needs a connection name, but nothing is saved under it. */
  if (spec != NULL)
    name = g_strdup_printf ("steward_test_%s", steward_connector_spec_get_type_name (spec));
  steward_connector_form_set_default_name (self->form, name);
}

/* The result was about the settings as they were. */
static void
form_changed_cb (StewardTestConnectionDialog *self)
{
  steward_connection_tester_reset (self->tester);
}

static void
placement_changed_cb (StewardTestConnectionDialog *self,
                      AdwEntryRow                 *row)
{
  if (row == self->database_row)
    steward_row_message_set_message (self->database_message, NULL);
  else if (row == self->schema_row)
    steward_row_message_set_message (self->schema_message, NULL);
  else
    steward_row_message_set_message (self->root_path_message, NULL);

  steward_connection_tester_reset (self->tester);
}

static void
test_requested_cb (StewardTestConnectionDialog *self)
{
  g_autoptr(StewardDatastoreRequest) request = NULL;
  g_autoptr(JsonObject) connection = NULL;
  StewardConnectorSpec *spec = steward_connector_form_get_spec (self->form);

  clear_marks (self);
  if (spec == NULL || steward_connector_form_get_busy (self->form) ||
      !steward_connector_form_validate (self->form))
    return;

  connection = steward_connector_form_build_connection (self->form);
  request = steward_datastore_request_new ();
  steward_datastore_request_set_name (request, steward_json_get_string (connection, "name"));
  steward_datastore_request_set_connection (request, connection);

  if (steward_connector_spec_is_dfs (spec))
    {
      g_autofree char *root_path = row_text (self->root_path_row);

      if (*root_path != '\0')
        steward_datastore_request_set_root_path (request, root_path);
    }
  else
    {
      g_autofree char *database = row_text (self->database_row);
      g_autofree char *schema = row_text (self->schema_row);

      if (*database != '\0')
        steward_datastore_request_set_database (request, database);
      if (*schema != '\0')
        steward_datastore_request_set_schema (request, schema);
    }

  steward_connection_tester_start (self->tester, request);
}

static void
tester_state_cb (StewardTestConnectionDialog *self)
{
  const GError *error = steward_connection_tester_get_error (self->tester);

  if (steward_connection_tester_get_state (self->tester) == STEWARD_CONNECTION_TESTER_FAILED &&
      g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID))
    mark_fields (self, error);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardTestConnectionDialog *self = STEWARD_TEST_CONNECTION_DIALOG (widget);

  if (steward_connection_tester_get_state (self->tester) != STEWARD_CONNECTION_TESTER_RUNNING)
    test_requested_cb (self);
}

static void
forget_secrets (StewardTestConnectionDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  if (self->tester != NULL)
    steward_connection_tester_cancel (self->tester);
  if (self->form != NULL)
    steward_connector_form_clear_secrets (self->form);
}

static gboolean
steward_test_connection_dialog_close_request (GtkWindow *window)
{
  forget_secrets (STEWARD_TEST_CONNECTION_DIALOG (window));

  return GTK_WINDOW_CLASS (steward_test_connection_dialog_parent_class)->close_request (window);
}

static void
steward_test_connection_dialog_dispose (GObject *object)
{
  StewardTestConnectionDialog *self = STEWARD_TEST_CONNECTION_DIALOG (object);

  forget_secrets (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_TEST_CONNECTION_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (steward_test_connection_dialog_parent_class)->dispose (object);
}

static void
steward_test_connection_dialog_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  StewardTestConnectionDialog *self = STEWARD_TEST_CONNECTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_test_connection_dialog_class_init (StewardTestConnectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_test_connection_dialog_dispose;
  object_class->get_property = steward_test_connection_dialog_get_property;
  window_class->close_request = steward_test_connection_dialog_close_request;

  /* The server's connector descriptions are still being asked for. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_CONNECTOR_FORM);
  g_type_ensure (STEWARD_TYPE_CONNECTION_TESTER);
  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/steward-test-connection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardTestConnectionDialog, form);
  gtk_widget_class_bind_template_child (widget_class, StewardTestConnectionDialog, placement_group);
  gtk_widget_class_bind_template_child (widget_class, StewardTestConnectionDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTestConnectionDialog,
                                        database_message);
  gtk_widget_class_bind_template_child (widget_class, StewardTestConnectionDialog, schema_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTestConnectionDialog, schema_message);
  gtk_widget_class_bind_template_child (widget_class, StewardTestConnectionDialog, root_path_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTestConnectionDialog,
                                        root_path_message);
  gtk_widget_class_bind_template_child (widget_class, StewardTestConnectionDialog, tester);
  gtk_widget_class_bind_template_callback (widget_class, spec_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, placement_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, tester_state_cb);

  gtk_widget_class_install_action (widget_class, "dialog.test", NULL, test_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.test", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "dialog.test", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_test_connection_dialog_init (StewardTestConnectionDialog *self)
{
  g_autoptr(GListModel) builtin = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 steward_connection_tester_get_button (self->tester));

  /* Steward's own forms at once; the server's replace them if it has any. */
  builtin = steward_connector_spec_list_load_builtin (&error);
  if (builtin == NULL)
    g_critical ("The built-in connector table is missing: %s", error->message);
  steward_connector_form_set_connectors (self->form, builtin);
}

StewardTestConnectionDialog *
steward_test_connection_dialog_new (GtkWindow     *parent,
                                    StewardClient *client)
{
  StewardTestConnectionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);

  self = g_object_new (STEWARD_TYPE_TEST_CONNECTION_DIALOG, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  steward_connection_tester_set_client (self->tester, client);

  set_loading (self, TRUE);
  steward_client_load_connectors_async (client, self->cancellable, connectors_loaded_cb, self);
  return self;
}

/* Returns: (transfer none) */
StewardConnectorForm *
steward_test_connection_dialog_get_form (StewardTestConnectionDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_TEST_CONNECTION_DIALOG (self), NULL);
  return self->form;
}

/* Returns: (transfer none) */
StewardConnectionTester *
steward_test_connection_dialog_get_tester (StewardTestConnectionDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_TEST_CONNECTION_DIALOG (self), NULL);
  return self->tester;
}

/* Whether the server's connector descriptions are still being asked for. */
gboolean
steward_test_connection_dialog_get_loading (StewardTestConnectionDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_TEST_CONNECTION_DIALOG (self), FALSE);
  return self->loading;
}
