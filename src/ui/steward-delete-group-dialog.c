/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-delete-group-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-delete-group-dialog.h"

/* Confirms deleting a datastore group, saying that its datastores stay, only ungrouped. */
struct _StewardDeleteGroupDialog
{
  StewardConfirmDialog   parent_instance;

  StewardClient         *client;
  StewardDatastoreGroup *group;
  guint                  n_datastores;
};

G_DEFINE_FINAL_TYPE (StewardDeleteGroupDialog,
                     steward_delete_group_dialog,
                     STEWARD_TYPE_CONFIRM_DIALOG)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_GROUP,
  PROP_N_DATASTORES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
delete_group_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(StewardDeleteGroupDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!steward_client_delete_group_finish (STEWARD_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_MANAGE_GROUPS, error);
      else
        /* Translators: %s is the reason, often the server's own words. */
        message = g_strdup_printf (_("The group was not deleted: %s"), error->message);

      steward_confirm_dialog_fail (STEWARD_CONFIRM_DIALOG (self), message);
      return;
    }

  g_debug ("Deleted group %" G_GINT64_FORMAT, steward_datastore_group_get_id (self->group));
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, self->group);
  steward_confirm_dialog_succeed (STEWARD_CONFIRM_DIALOG (self));
}

static void
steward_delete_group_dialog_confirm (StewardConfirmDialog *dialog,
                                     GCancellable         *cancellable)
{
  StewardDeleteGroupDialog *self = STEWARD_DELETE_GROUP_DIALOG (dialog);

  steward_client_delete_group_async (self->client, steward_datastore_group_get_id (self->group),
                                     cancellable, delete_group_cb, g_object_ref (self));
}

static void
steward_delete_group_dialog_constructed (GObject *object)
{
  StewardDeleteGroupDialog *self = STEWARD_DELETE_GROUP_DIALOG (object);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  G_OBJECT_CLASS (steward_delete_group_dialog_parent_class)->constructed (object);

  g_assert (STEWARD_IS_CLIENT (self->client));
  g_assert (STEWARD_IS_DATASTORE_GROUP (self->group));

  /* Translators: %s is a datastore group's name. */
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"),
                                     steward_datastore_group_get_name (self->group));

  if (self->n_datastores == 0)
    adw_message_dialog_set_body (dialog, _("The group has no datastores."));
  else
    adw_message_dialog_format_body (dialog,
                                    ngettext ("Its %u datastore becomes ungrouped. The "
                                              "datastore itself is not deleted.",
                                              "Its %u datastores become ungrouped. The "
                                              "datastores themselves are not deleted.",
                                              self->n_datastores),
                                    self->n_datastores);
}

static void
steward_delete_group_dialog_dispose (GObject *object)
{
  StewardDeleteGroupDialog *self = STEWARD_DELETE_GROUP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DELETE_GROUP_DIALOG);

  G_OBJECT_CLASS (steward_delete_group_dialog_parent_class)->dispose (object);
}

static void
steward_delete_group_dialog_finalize (GObject *object)
{
  StewardDeleteGroupDialog *self = STEWARD_DELETE_GROUP_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (steward_delete_group_dialog_parent_class)->finalize (object);
}

static void
steward_delete_group_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  StewardDeleteGroupDialog *self = STEWARD_DELETE_GROUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_GROUP:
      g_value_set_object (value, self->group);
      break;

    case PROP_N_DATASTORES:
      g_value_set_uint (value, self->n_datastores);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_delete_group_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  StewardDeleteGroupDialog *self = STEWARD_DELETE_GROUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_GROUP:
      self->group = g_value_dup_object (value);
      break;

    case PROP_N_DATASTORES:
      self->n_datastores = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_delete_group_dialog_class_init (StewardDeleteGroupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StewardConfirmDialogClass *confirm_class = STEWARD_CONFIRM_DIALOG_CLASS (klass);

  object_class->constructed = steward_delete_group_dialog_constructed;
  object_class->dispose = steward_delete_group_dialog_dispose;
  object_class->finalize = steward_delete_group_dialog_finalize;
  object_class->get_property = steward_delete_group_dialog_get_property;
  object_class->set_property = steward_delete_group_dialog_set_property;
  confirm_class->confirm = steward_delete_group_dialog_confirm;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         STEWARD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_GROUP] =
    g_param_spec_object ("group", NULL, NULL,
                         STEWARD_TYPE_DATASTORE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardDeleteGroupDialog:n-datastores:
   *
   * How many datastores the group holds, as the caller's list knows it.
   */
  properties[PROP_N_DATASTORES] =
    g_param_spec_uint ("n-datastores", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardDeleteGroupDialog::deleted:
   * @group: the group, as it was
   *
   * The server deleted the group; the dialog closes right after.
   */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEWARD_TYPE_DATASTORE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-delete-group-dialog.ui");
}

static void
steward_delete_group_dialog_init (StewardDeleteGroupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

StewardDeleteGroupDialog *
steward_delete_group_dialog_new (GtkWindow             *parent,
                                 StewardClient         *client,
                                 StewardDatastoreGroup *group,
                                 guint                  n_datastores)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (STEWARD_IS_DATASTORE_GROUP (group), NULL);

  return g_object_new (STEWARD_TYPE_DELETE_GROUP_DIALOG,
                       "transient-for", parent,
                       "client", client,
                       "group", group,
                       "n-datastores", n_datastores,
                       NULL);
}

StewardDatastoreGroup *
steward_delete_group_dialog_get_group (StewardDeleteGroupDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_DELETE_GROUP_DIALOG (self), NULL);

  return self->group;
}
