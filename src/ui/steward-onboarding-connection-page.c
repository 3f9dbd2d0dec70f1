/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-connection-choice.h"
#include "steward-connection-tester.h"
#include "steward-connector-form.h"
#include "steward-onboarding-connection-page.h"
#include "steward-onboarding-page.h"

/* Step 1: the connection. An existing one, found by name, type or host; or a new one, described
 * with the connector forms and checked with Test Connection exactly as in the New Datastore
 * dialog. A new connection is handed to the onboarding when Next is pressed and saved only when
 * the datastores are created. Its secrets are wiped from the form when the page goes away. */
struct _StewardOnboardingConnectionPage
{
  AdwBin                   parent_instance;

  StewardOnboarding       *onboarding;
  GCancellable            *cancellable;
  GtkFilterListModel      *filtered;
  GtkCustomFilter         *filter;
  gint64                   preselect_id;

  /* Template widgets */
  GtkToggleButton         *existing_toggle;
  GtkToggleButton         *new_toggle;
  GtkStack                *mode_stack;
  GtkSearchEntry          *search_entry;
  GtkStack                *list_stack;
  GtkLabel                *error_label;
  GtkLabel                *empty_label;
  GtkListBox              *list_box;
  StewardConnectorForm    *form;
  StewardConnectionTester *tester;
  GtkLabel                *message_label;
};

static void page_iface_init (StewardOnboardingPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardOnboardingConnectionPage, steward_onboarding_connection_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_ONBOARDING_PAGE,
                                                      page_iface_init))

enum {
  PROP_0,
  PROP_ONBOARDING,
  PROP_CAN_GO_NEXT,
  N_PROPS
};

enum {
  PRESELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_new (StewardOnboardingConnectionPage *self)
{
  return gtk_toggle_button_get_active (self->new_toggle);
}

static void
show_message (StewardOnboardingConnectionPage *self,
              const char                      *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
update_checks (StewardOnboardingConnectionPage *self)
{
  steward_connection_choice_show_chosen (self->list_box,
                                         steward_onboarding_get_connection_id (self->onboarding));
}

static void
update_list_page (StewardOnboardingConnectionPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!steward_onboarding_page_show_load (self->list_stack, self->error_label,
                                          steward_onboarding_get_connections_state (
                                              self->onboarding),
                                          steward_onboarding_get_connections_error (
                                              self->onboarding)))
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      update_checks (self);
      return;
    }

  gtk_label_set_label (self->empty_label,
                       search != NULL && *search != '\0'
                       ? _("No connection matches the search.")
                       : _("This deployment has no connections yet. Describe a new one instead."));
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static gboolean
connection_matches (gpointer item,
                    gpointer user_data)
{
  StewardOnboardingConnectionPage *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return steward_connection_matches (item, search);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StewardOnboardingConnectionPage *self = user_data;
  gint64 chosen = steward_onboarding_get_connection_id (self->onboarding);

  return steward_connection_choice_row_new (item, chosen);
}

static void
choose (StewardOnboardingConnectionPage *self,
        StewardConnection               *connection)
{
  steward_onboarding_choose_connection (self->onboarding, connection);
  show_message (self, NULL);
  update_checks (self);
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

/* A connection asked for by id (the wizard opened from a connection) is chosen once the list
 * has it, unless the user chose something else meanwhile. */
static void
try_preselect (StewardOnboardingConnectionPage *self)
{
  StewardConnection *connection;

  if (self->preselect_id <= 0 ||
      steward_onboarding_get_connections_state (self->onboarding) == STEWARD_LOAD_RUNNING)
    return;

  connection = steward_onboarding_find_connection (self->onboarding, self->preselect_id);
  if (connection == NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *id = NULL;

      if (steward_onboarding_get_connections_state (self->onboarding) != STEWARD_LOAD_DONE)
        return;
      id = g_strdup_printf ("%" G_GINT64_FORMAT, self->preselect_id);
      /* Translators: %s is a connection's id, a number. */
      message = g_strdup_printf (_("Connection %s is not among the deployment’s connections."),
                                 id);
      self->preselect_id = 0;
      show_message (self, message);
      return;
    }

  self->preselect_id = 0;
  gtk_toggle_button_set_active (self->existing_toggle, TRUE);
  choose (self, connection);
  g_signal_emit (self, signals[PRESELECTED], 0);
}

/* Callbacks */

static void
connections_changed_cb (StewardOnboardingConnectionPage *self)
{
  update_list_page (self);
  try_preselect (self);
}

static void
search_changed_cb (StewardOnboardingConnectionPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_page (self);
}

static void
row_activated_cb (StewardOnboardingConnectionPage *self,
                  GtkListBoxRow                   *row)
{
  StewardConnection *connection = steward_connection_choice_row_get (row);

  if (connection != NULL)
    {
      self->preselect_id = 0;
      choose (self, connection);
      steward_onboarding_mark_dirty (self->onboarding);
    }
}

static void
mode_toggled_cb (StewardOnboardingConnectionPage *self)
{
  gtk_stack_set_visible_child_name (self->mode_stack, is_new (self) ? "new" : "existing");
  show_message (self, NULL);
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

static void
form_changed_cb (StewardOnboardingConnectionPage *self)
{
  steward_connection_tester_reset (self->tester);
  steward_connector_form_clear_marks (self->form);
  if (steward_connector_form_get_spec (self->form) != NULL && self->onboarding != NULL)
    steward_onboarding_mark_dirty (self->onboarding);
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

static void
test_requested_cb (StewardOnboardingConnectionPage *self)
{
  g_autoptr(StewardDatastoreRequest) request = NULL;
  g_autoptr(JsonObject) connection = NULL;

  steward_connector_form_clear_marks (self->form);
  if (steward_connector_form_get_spec (self->form) == NULL ||
      steward_connector_form_get_busy (self->form) ||
      !steward_connector_form_validate (self->form))
    return;

  connection = steward_connector_form_build_connection (self->form);
  request = steward_datastore_request_new ();
  steward_datastore_request_set_name (request, steward_json_get_string (connection, "name"));
  steward_datastore_request_set_connection (request, connection);
  steward_connection_tester_start (self->tester, request);
}

static void
connectors_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StewardOnboardingConnectionPage *self = user_data;
  g_autoptr(GListModel) connectors = NULL;
  g_autoptr(GError) error = NULL;

  connectors = steward_client_load_connectors_finish (STEWARD_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The built-in table stays when the server has none to offer, and when the user has started
   * describing a connection: another connector list would redraw the form without its secrets. */
  if (connectors == NULL)
    g_debug ("Keeping the built-in connector forms: %s", error->message);
  else if (steward_connector_form_get_spec (self->form) != NULL)
    g_debug ("Keeping the connector forms a connection is being described with");
  else
    steward_connector_form_set_connectors (self->form, connectors);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardOnboardingConnectionPage *self = STEWARD_ONBOARDING_CONNECTION_PAGE (widget);

  steward_onboarding_load_connections (self->onboarding);
}

/* StewardOnboardingPage */

static const char *
page_get_title (StewardOnboardingPage *page)
{
  return _("Connection");
}

static void
page_activate (StewardOnboardingPage *page)
{
  StewardOnboardingConnectionPage *self = STEWARD_ONBOARDING_CONNECTION_PAGE (page);

  if (steward_onboarding_get_connections_state (self->onboarding) == STEWARD_LOAD_IDLE)
    steward_onboarding_load_connections (self->onboarding);
  update_list_page (self);
}

static gboolean
page_can_go_next (StewardOnboardingPage *page)
{
  StewardOnboardingConnectionPage *self = STEWARD_ONBOARDING_CONNECTION_PAGE (page);

  if (is_new (self))
    return steward_connector_form_get_spec (self->form) != NULL &&
           !steward_connector_form_get_busy (self->form);

  return steward_onboarding_get_connection_id (self->onboarding) > 0;
}

static gboolean
page_apply (StewardOnboardingPage *page)
{
  StewardOnboardingConnectionPage *self = STEWARD_ONBOARDING_CONNECTION_PAGE (page);
  g_autoptr(JsonObject) connection = NULL;

  show_message (self, NULL);
  if (!is_new (self))
    {
      if (steward_onboarding_get_connection_id (self->onboarding) > 0)
        return TRUE;
      show_message (self, _("Choose a connection"));
      return FALSE;
    }

  steward_connector_form_clear_marks (self->form);
  if (!steward_connector_form_validate (self->form))
    return FALSE;

  connection = steward_connector_form_build_connection (self->form);
  if (connection == NULL)
    return FALSE;
  steward_onboarding_describe_connection (self->onboarding, connection);
  return TRUE;
}

static void
page_iface_init (StewardOnboardingPageInterface *iface)
{
  iface->get_title = page_get_title;
  iface->activate = page_activate;
  iface->can_go_next = page_can_go_next;
  iface->apply = page_apply;
}

/* GObject */

static void
steward_onboarding_connection_page_constructed (GObject *object)
{
  StewardOnboardingConnectionPage *self = STEWARD_ONBOARDING_CONNECTION_PAGE (object);
  StewardClient *client;

  G_OBJECT_CLASS (steward_onboarding_connection_page_parent_class)->constructed (object);

  g_assert (STEWARD_IS_ONBOARDING (self->onboarding));
  client = steward_onboarding_get_client (self->onboarding);
  steward_connection_tester_set_client (self->tester, client);

  self->filter = gtk_custom_filter_new (connection_matches, self, NULL);
  self->filtered =
    gtk_filter_list_model_new (g_object_ref (steward_onboarding_get_connections (self->onboarding)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row, self, NULL);

  g_signal_connect_object (self->onboarding, "notify::connections-state",
                           G_CALLBACK (connections_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->onboarding, "notify::connection-id",
                           G_CALLBACK (update_checks), self, G_CONNECT_SWAPPED);

  steward_client_load_connectors_async (client, self->cancellable, connectors_loaded_cb, self);
}

static void
steward_onboarding_connection_page_dispose (GObject *object)
{
  StewardOnboardingConnectionPage *self = STEWARD_ONBOARDING_CONNECTION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->tester != NULL)
    steward_connection_tester_cancel (self->tester);
  if (self->form != NULL)
    steward_connector_form_clear_secrets (self->form);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ONBOARDING_CONNECTION_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->onboarding);

  G_OBJECT_CLASS (steward_onboarding_connection_page_parent_class)->dispose (object);
}

static void
steward_onboarding_connection_page_get_property (GObject    *object,
                                                 guint       prop_id,
                                                 GValue     *value,
                                                 GParamSpec *pspec)
{
  StewardOnboardingConnectionPage *self = STEWARD_ONBOARDING_CONNECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_ONBOARDING:
      g_value_set_object (value, self->onboarding);
      break;
    case PROP_CAN_GO_NEXT:
      g_value_set_boolean (value, page_can_go_next (STEWARD_ONBOARDING_PAGE (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_connection_page_set_property (GObject      *object,
                                                 guint         prop_id,
                                                 const GValue *value,
                                                 GParamSpec   *pspec)
{
  StewardOnboardingConnectionPage *self = STEWARD_ONBOARDING_CONNECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_ONBOARDING:
      self->onboarding = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_connection_page_class_init (StewardOnboardingConnectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steward_onboarding_connection_page_constructed;
  object_class->dispose = steward_onboarding_connection_page_dispose;
  object_class->get_property = steward_onboarding_connection_page_get_property;
  object_class->set_property = steward_onboarding_connection_page_set_property;

  g_object_class_override_property (object_class, PROP_ONBOARDING, "onboarding");
  g_object_class_override_property (object_class, PROP_CAN_GO_NEXT, "can-go-next");

  /**
   * StewardOnboardingConnectionPage::preselected:
   *
   * The connection asked for with steward_onboarding_connection_page_preselect() is loaded and
   * chosen.
   */
  signals[PRESELECTED] = g_signal_new ("preselected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (STEWARD_TYPE_CONNECTOR_FORM);
  g_type_ensure (STEWARD_TYPE_CONNECTION_TESTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/steward-onboarding-connection-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage,
                                        existing_toggle);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage, new_toggle);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage,
                                        search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage, form);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage, tester);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingConnectionPage,
                                        message_label);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_requested_cb);

  gtk_widget_class_install_action (widget_class, "connection-page.reload", NULL, reload_action);
}

static void
steward_onboarding_connection_page_init (StewardOnboardingConnectionPage *self)
{
  g_autoptr(GListModel) builtin = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  builtin = steward_connector_spec_list_load_builtin (&error);
  if (builtin == NULL)
    g_critical ("The built-in connector table is missing: %s", error->message);
  steward_connector_form_set_connectors (self->form, builtin);
}

GtkWidget *
steward_onboarding_connection_page_new (StewardOnboarding *onboarding)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (onboarding), NULL);

  return g_object_new (STEWARD_TYPE_ONBOARDING_CONNECTION_PAGE, "onboarding", onboarding, NULL);
}

/* Chooses the connection with @connection_id as soon as the list has it. */
void
steward_onboarding_connection_page_preselect (StewardOnboardingConnectionPage *self,
                                              gint64                           connection_id)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING_CONNECTION_PAGE (self));

  self->preselect_id = connection_id;
  try_preselect (self);
}

/* Returns: (transfer none) */
StewardConnectorForm *
steward_onboarding_connection_page_get_form (StewardOnboardingConnectionPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_CONNECTION_PAGE (self), NULL);
  return self->form;
}

/* Returns: (transfer none) */
StewardConnectionTester *
steward_onboarding_connection_page_get_tester (StewardOnboardingConnectionPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_CONNECTION_PAGE (self), NULL);
  return self->tester;
}

/* Shows the form for a new connection (TRUE) or the list of existing ones. */
void
steward_onboarding_connection_page_set_new (StewardOnboardingConnectionPage *self,
                                            gboolean                         new_connection)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING_CONNECTION_PAGE (self));

  gtk_toggle_button_set_active (new_connection ? self->new_toggle : self->existing_toggle, TRUE);
}
