/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-delete-datastore-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-delete-datastore-dialog.h"

/* Confirms deleting a datastore, which takes its containers, checks, anomalies and enrichment data
 * with it: the user types the datastore's exact name before Delete is enabled. The name is only
 * compared, never used to find anything; the datastore is deleted by id, names are not unique. */
struct _StewardDeleteDatastoreDialog
{
  StewardConfirmDialog  parent_instance;

  StewardClient        *client;
  StewardDatastore     *datastore;

  /* Template widgets */
  GtkEntry             *name_entry;
};

G_DEFINE_FINAL_TYPE (StewardDeleteDatastoreDialog,
                     steward_delete_datastore_dialog,
                     STEWARD_TYPE_CONFIRM_DIALOG)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_DATASTORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
name_matches (StewardDeleteDatastoreDialog *self)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                    steward_datastore_get_name (self->datastore)) == 0;
}

static void
name_changed_cb (StewardDeleteDatastoreDialog *self)
{
  steward_confirm_dialog_set_confirm_enabled (STEWARD_CONFIRM_DIALOG (self), name_matches (self));
}

/* Enter deletes once the name matches, so the keyboard never has to leave the entry. */
static void
name_activated_cb (StewardDeleteDatastoreDialog *self)
{
  if (name_matches (self))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "delete");
}

static void
delete_datastore_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(StewardDeleteDatastoreDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!steward_client_delete_datastore_finish (STEWARD_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_DELETE_DATASTORE, error);
      else
        /* Translators: %s is the reason, often the server's own words. */
        message = g_strdup_printf (_("The datastore was not deleted: %s"), error->message);

      steward_confirm_dialog_fail (STEWARD_CONFIRM_DIALOG (self), message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_DELETED], 0, steward_datastore_get_id (self->datastore));
  steward_confirm_dialog_succeed (STEWARD_CONFIRM_DIALOG (self));
}

static void
steward_delete_datastore_dialog_confirm (StewardConfirmDialog *dialog,
                                         GCancellable         *cancellable)
{
  StewardDeleteDatastoreDialog *self = STEWARD_DELETE_DATASTORE_DIALOG (dialog);

  steward_client_delete_datastore_async (self->client, steward_datastore_get_id (self->datastore),
                                         cancellable, delete_datastore_cb, g_object_ref (self));
}

static void
steward_delete_datastore_dialog_constructed (GObject *object)
{
  StewardDeleteDatastoreDialog *self = STEWARD_DELETE_DATASTORE_DIALOG (object);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  gint64 containers;

  G_OBJECT_CLASS (steward_delete_datastore_dialog_parent_class)->constructed (object);

  g_assert (STEWARD_IS_CLIENT (self->client));
  g_assert (STEWARD_IS_DATASTORE (self->datastore));

  /* Translators: %s is a datastore's name. */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"),
                                     steward_datastore_get_name (self->datastore));

  /* The count comes from the datastore's metrics, when the list gave them. */
  containers = steward_datastore_get_containers (self->datastore);
  if (steward_datastore_has_field (self->datastore, "containers") && containers > 0)
    adw_message_dialog_format_body (
        dialog,
        ngettext ("This is permanent. Its %'lld container is deleted with it, "
                  "along with all its checks, anomalies and enrichment data.",
                  "This is permanent. Its %'lld containers are deleted with it, "
                  "along with all its checks, anomalies and enrichment data.",
                  containers),
        (long long) containers);
  else
    adw_message_dialog_set_body (dialog,
                                 _("This is permanent. All its containers, checks, anomalies and "
                                   "enrichment data are deleted with it."));

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));
}

static void
steward_delete_datastore_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_DELETE_DATASTORE_DIALOG);

  G_OBJECT_CLASS (steward_delete_datastore_dialog_parent_class)->dispose (object);
}

static void
steward_delete_datastore_dialog_finalize (GObject *object)
{
  StewardDeleteDatastoreDialog *self = STEWARD_DELETE_DATASTORE_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->datastore);

  G_OBJECT_CLASS (steward_delete_datastore_dialog_parent_class)->finalize (object);
}

static void
steward_delete_datastore_dialog_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  StewardDeleteDatastoreDialog *self = STEWARD_DELETE_DATASTORE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_DATASTORE:
      g_value_set_object (value, self->datastore);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_delete_datastore_dialog_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  StewardDeleteDatastoreDialog *self = STEWARD_DELETE_DATASTORE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_DATASTORE:
      self->datastore = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_delete_datastore_dialog_class_init (StewardDeleteDatastoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StewardConfirmDialogClass *confirm_class = STEWARD_CONFIRM_DIALOG_CLASS (klass);

  object_class->constructed = steward_delete_datastore_dialog_constructed;
  object_class->dispose = steward_delete_datastore_dialog_dispose;
  object_class->finalize = steward_delete_datastore_dialog_finalize;
  object_class->get_property = steward_delete_datastore_dialog_get_property;
  object_class->set_property = steward_delete_datastore_dialog_set_property;
  confirm_class->confirm = steward_delete_datastore_dialog_confirm;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         STEWARD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATASTORE] =
    g_param_spec_object ("datastore", NULL, NULL,
                         STEWARD_TYPE_DATASTORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardDeleteDatastoreDialog::deleted:
   * @datastore_id: the deleted datastore's id
   *
   * The server deleted the datastore; the dialog closes right after.
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/steward-delete-datastore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteDatastoreDialog, name_entry);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
}

static void
steward_delete_datastore_dialog_init (StewardDeleteDatastoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  steward_confirm_dialog_set_confirm_enabled (STEWARD_CONFIRM_DIALOG (self), FALSE);
}

StewardDeleteDatastoreDialog *
steward_delete_datastore_dialog_new (GtkWindow        *parent,
                                     StewardClient    *client,
                                     StewardDatastore *datastore)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (datastore), NULL);

  return g_object_new (STEWARD_TYPE_DELETE_DATASTORE_DIALOG,
                       "transient-for", parent,
                       "client", client,
                       "datastore", datastore,
                       NULL);
}

StewardDatastore *
steward_delete_datastore_dialog_get_datastore (StewardDeleteDatastoreDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_DELETE_DATASTORE_DIALOG (self), NULL);

  return self->datastore;
}
