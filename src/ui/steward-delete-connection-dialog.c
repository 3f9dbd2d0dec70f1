/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-delete-connection-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-delete-connection-dialog.h"

/* Confirms deleting a connection: the user types its exact name first. The server refuses (409)
 * while datastores use it; the dialog then shows the server's words and lists those datastores,
 * as far as the deployment's loaded set knows them. It lists them beforehand too, but still lets
 * the user ask: the loaded set may be older than the server's. The name is only compared, never
 * used to find anything: the connection is deleted by id. */
struct _StewardDeleteConnectionDialog
{
  StewardConfirmDialog  parent_instance;

  StewardDeployment    *deployment;
  StewardConnection    *connection;
  guint                 n_users;

  /* Template widgets */
  GtkWidget            *users_scroller;
  GtkListBox           *users_list;
  GtkEntry             *name_entry;
};

G_DEFINE_FINAL_TYPE (StewardDeleteConnectionDialog,
                     steward_delete_connection_dialog,
                     STEWARD_TYPE_CONFIRM_DIALOG)

enum {
  PROP_0,
  PROP_DEPLOYMENT,
  PROP_CONNECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A dialog lists a few; the rest are counted. */
#define MAX_LISTED 50

static gboolean
name_matches (StewardDeleteConnectionDialog *self)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                    steward_connection_get_name (self->connection)) == 0;
}

static void
name_changed_cb (StewardDeleteConnectionDialog *self)
{
  steward_confirm_dialog_set_confirm_enabled (STEWARD_CONFIRM_DIALOG (self), name_matches (self));
}

/* Enter deletes once the name matches, so the keyboard never has to leave the entry. */
static void
name_activated_cb (StewardDeleteConnectionDialog *self)
{
  if (name_matches (self))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "delete");
}

/* The datastores the deployment knows to use the connection, and the body that goes with them. */
static void
show_users (StewardDeleteConnectionDialog *self)
{
  gint64 id = steward_connection_get_id (self->connection);
  g_autoptr(GListModel) users =
      steward_deployment_list_connection_datastores (self->deployment, id);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->users_list))) != NULL)
    gtk_list_box_remove (self->users_list, child);

  self->n_users = g_list_model_get_n_items (users);
  for (guint i = 0; i < MIN (self->n_users, MAX_LISTED); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (users, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     steward_datastore_get_name (datastore));
      gtk_list_box_append (self->users_list, row);
    }
  if (self->n_users > MAX_LISTED)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more",
                                        self->n_users - MAX_LISTED),
                           self->n_users - MAX_LISTED);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->users_list, row);
    }
  gtk_widget_set_visible (self->users_scroller, self->n_users > 0);

  if (self->n_users > 0)
    adw_message_dialog_format_body (
        dialog,
        g_dngettext (GETTEXT_PACKAGE,
                     "%u datastore uses this connection. The deployment refuses to "
                     "delete a connection in use: delete the datastore or move it "
                     "to another connection first.",
                     "%u datastores use this connection. The deployment refuses to "
                     "delete a connection in use: delete the datastores or move "
                     "them to another connection first.",
                     self->n_users),
        self->n_users);
  else
    adw_message_dialog_set_body (dialog, _("This is permanent. Its credentials are deleted from "
                                            "the deployment, "
                                            "and no datastore can be added with it any more."));
}

static void
delete_connection_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(StewardDeleteConnectionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = steward_connection_get_id (self->connection);

  if (!steward_client_delete_connection_finish (STEWARD_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Gone already: what the user wanted is done. */
      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND))
        {
          steward_deployment_remove_connection (self->deployment, id);
          g_signal_emit (self, signals[SIGNAL_DELETED], 0, id);
          steward_confirm_dialog_succeed (STEWARD_CONFIRM_DIALOG (self));
          return;
        }

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_MANAGE_CONNECTIONS, error);
      else if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT))
        {
          /* In use: the server's words, and the datastores the deployment knows of. */
          show_users (self);
          message = g_strdup (error->message);
        }
      else
        /* Translators: %s is the reason, often the server's own words. */
        message = g_strdup_printf (_("The connection was not deleted: %s"), error->message);

      steward_confirm_dialog_fail (STEWARD_CONFIRM_DIALOG (self), message);
      return;
    }

  steward_deployment_remove_connection (self->deployment, id);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, id);
  steward_confirm_dialog_succeed (STEWARD_CONFIRM_DIALOG (self));
}

static void
steward_delete_connection_dialog_confirm (StewardConfirmDialog *dialog,
                                          GCancellable         *cancellable)
{
  StewardDeleteConnectionDialog *self = STEWARD_DELETE_CONNECTION_DIALOG (dialog);

  steward_client_delete_connection_async (steward_deployment_get_client (self->deployment),
                                          steward_connection_get_id (self->connection),
                                          cancellable, delete_connection_cb, g_object_ref (self));
}

static void
steward_delete_connection_dialog_constructed (GObject *object)
{
  StewardDeleteConnectionDialog *self = STEWARD_DELETE_CONNECTION_DIALOG (object);

  G_OBJECT_CLASS (steward_delete_connection_dialog_parent_class)->constructed (object);

  g_assert (STEWARD_IS_DEPLOYMENT (self->deployment));
  g_assert (STEWARD_IS_CONNECTION (self->connection));

  /* Translators: %s is a connection's name. */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self), _("Delete “%s”?"),
                                     steward_connection_get_name (self->connection));
  show_users (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));
}

static void
steward_delete_connection_dialog_dispose (GObject *object)
{
  /* A call still running may keep the dialog past its window: it lets go of the window now. */
  gtk_window_set_transient_for (GTK_WINDOW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_DELETE_CONNECTION_DIALOG);

  G_OBJECT_CLASS (steward_delete_connection_dialog_parent_class)->dispose (object);
}

static void
steward_delete_connection_dialog_finalize (GObject *object)
{
  StewardDeleteConnectionDialog *self = STEWARD_DELETE_CONNECTION_DIALOG (object);

  g_clear_object (&self->deployment);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (steward_delete_connection_dialog_parent_class)->finalize (object);
}

static void
steward_delete_connection_dialog_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  StewardDeleteConnectionDialog *self = STEWARD_DELETE_CONNECTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEPLOYMENT:
      g_value_set_object (value, self->deployment);
      break;
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_delete_connection_dialog_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  StewardDeleteConnectionDialog *self = STEWARD_DELETE_CONNECTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEPLOYMENT:
      self->deployment = g_value_dup_object (value);
      break;
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_delete_connection_dialog_class_init (StewardDeleteConnectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StewardConfirmDialogClass *confirm_class = STEWARD_CONFIRM_DIALOG_CLASS (klass);

  object_class->constructed = steward_delete_connection_dialog_constructed;
  object_class->dispose = steward_delete_connection_dialog_dispose;
  object_class->finalize = steward_delete_connection_dialog_finalize;
  object_class->get_property = steward_delete_connection_dialog_get_property;
  object_class->set_property = steward_delete_connection_dialog_set_property;
  confirm_class->confirm = steward_delete_connection_dialog_confirm;

  properties[PROP_DEPLOYMENT] =
    g_param_spec_object ("deployment", NULL, NULL, STEWARD_TYPE_DEPLOYMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, STEWARD_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardDeleteConnectionDialog::deleted:
   * @connection_id: the deleted connection's id
   *
   * The server deleted the connection, and the deployment forgot it; the dialog closes right
   * after.
   */
  signals[SIGNAL_DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/steward-delete-connection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteConnectionDialog,
                                        users_scroller);
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteConnectionDialog, users_list);
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteConnectionDialog, name_entry);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
}

static void
steward_delete_connection_dialog_init (StewardDeleteConnectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  steward_confirm_dialog_set_confirm_enabled (STEWARD_CONFIRM_DIALOG (self), FALSE);
}

StewardDeleteConnectionDialog *
steward_delete_connection_dialog_new (GtkWindow         *parent,
                                      StewardDeployment *deployment,
                                      StewardConnection *connection)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (STEWARD_IS_CONNECTION (connection), NULL);

  return g_object_new (STEWARD_TYPE_DELETE_CONNECTION_DIALOG,
                       "transient-for", parent,
                       "deployment", deployment,
                       "connection", connection,
                       NULL);
}

StewardConnection *
steward_delete_connection_dialog_get_connection (StewardDeleteConnectionDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_DELETE_CONNECTION_DIALOG (self), NULL);

  return self->connection;
}

/* How many datastores the deployment knows to use the connection. */
guint
steward_delete_connection_dialog_get_n_users (StewardDeleteConnectionDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_DELETE_CONNECTION_DIALOG (self), 0);

  return self->n_users;
}
