/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-unlink-enrichment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-unlink-enrichment-dialog.h"

/* Confirms unlinking a datastore from its enrichment datastore, saying what the server does
 * then: the remediation strategy goes back to None, and the tables already written stay where
 * they are. The unlink goes through the deployment, which updates the shared datastore; the
 * server's refusal (a 409 while an export or materialize is active) shows here in its words. */
struct _StewardUnlinkEnrichmentDialog
{
  StewardConfirmDialog  parent_instance;

  StewardDeployment    *deployment;
  StewardDatastore     *datastore;
};

G_DEFINE_FINAL_TYPE (StewardUnlinkEnrichmentDialog, steward_unlink_enrichment_dialog,
                     STEWARD_TYPE_CONFIRM_DIALOG)

enum {
  PROP_0,
  PROP_DEPLOYMENT,
  PROP_DATASTORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_UNLINKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
unlink_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StewardUnlinkEnrichmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!steward_deployment_unlink_enrichment_finish (STEWARD_DEPLOYMENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_UNLINK_ENRICHMENT, error);
      else
        /* Translators: %s is the reason, often the server's own words. */
        message = g_strdup_printf (_("Not unlinked: %s"), error->message);

      steward_confirm_dialog_fail (STEWARD_CONFIRM_DIALOG (self), message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_UNLINKED], 0);
  steward_confirm_dialog_succeed (STEWARD_CONFIRM_DIALOG (self));
}

static void
steward_unlink_enrichment_dialog_confirm (StewardConfirmDialog *dialog,
                                          GCancellable         *cancellable)
{
  StewardUnlinkEnrichmentDialog *self = STEWARD_UNLINK_ENRICHMENT_DIALOG (dialog);

  steward_deployment_unlink_enrichment_async (self->deployment,
                                              steward_datastore_get_id (self->datastore),
                                              cancellable, unlink_cb, g_object_ref (self));
}

static void
steward_unlink_enrichment_dialog_constructed (GObject *object)
{
  StewardUnlinkEnrichmentDialog *self = STEWARD_UNLINK_ENRICHMENT_DIALOG (object);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (object);
  const char *name;
  const char *enrichment;

  G_OBJECT_CLASS (steward_unlink_enrichment_dialog_parent_class)->constructed (object);

  g_assert (STEWARD_IS_DEPLOYMENT (self->deployment));
  g_assert (STEWARD_IS_DATASTORE (self->datastore));

  name = steward_datastore_get_name (self->datastore);
  enrichment = steward_datastore_get_enrichment_datastore_name (self->datastore);
  if (enrichment != NULL)
    /* Translators: the first %s is a datastore, the second its enrichment datastore. */
    adw_message_dialog_format_body (dialog,
                                    _("“%s” stops sending its scan results to “%s”. Its "
                                      "remediation goes back to None. The tables already written "
                                      "to “%s” stay there."),
                                    name, enrichment, enrichment);
  else
    /* Translators: %s is a datastore. */
    adw_message_dialog_format_body (dialog,
                                    _("“%s” stops sending its scan results to its enrichment "
                                      "datastore. Its remediation goes back to None. The tables "
                                      "already written stay there."),
                                    name);
}

static void
steward_unlink_enrichment_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_UNLINK_ENRICHMENT_DIALOG);

  G_OBJECT_CLASS (steward_unlink_enrichment_dialog_parent_class)->dispose (object);
}

static void
steward_unlink_enrichment_dialog_finalize (GObject *object)
{
  StewardUnlinkEnrichmentDialog *self = STEWARD_UNLINK_ENRICHMENT_DIALOG (object);

  g_clear_object (&self->deployment);
  g_clear_object (&self->datastore);

  G_OBJECT_CLASS (steward_unlink_enrichment_dialog_parent_class)->finalize (object);
}

static void
steward_unlink_enrichment_dialog_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  StewardUnlinkEnrichmentDialog *self = STEWARD_UNLINK_ENRICHMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEPLOYMENT:
      g_value_set_object (value, self->deployment);
      break;

    case PROP_DATASTORE:
      g_value_set_object (value, self->datastore);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_unlink_enrichment_dialog_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  StewardUnlinkEnrichmentDialog *self = STEWARD_UNLINK_ENRICHMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DEPLOYMENT:
      self->deployment = g_value_dup_object (value);
      break;

    case PROP_DATASTORE:
      self->datastore = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_unlink_enrichment_dialog_class_init (StewardUnlinkEnrichmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  StewardConfirmDialogClass *confirm_class = STEWARD_CONFIRM_DIALOG_CLASS (klass);

  object_class->constructed = steward_unlink_enrichment_dialog_constructed;
  object_class->dispose = steward_unlink_enrichment_dialog_dispose;
  object_class->finalize = steward_unlink_enrichment_dialog_finalize;
  object_class->get_property = steward_unlink_enrichment_dialog_get_property;
  object_class->set_property = steward_unlink_enrichment_dialog_set_property;
  confirm_class->confirm = steward_unlink_enrichment_dialog_confirm;

  properties[PROP_DEPLOYMENT] =
    g_param_spec_object ("deployment", NULL, NULL,
                         STEWARD_TYPE_DEPLOYMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATASTORE] =
    g_param_spec_object ("datastore", NULL, NULL,
                         STEWARD_TYPE_DATASTORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardUnlinkEnrichmentDialog::unlinked:
   *
   * The server unlinked the datastore, and the deployment's copy says so; the dialog closes
   * right after.
   */
  signals[SIGNAL_UNLINKED] =
    g_signal_new ("unlinked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource
    (widget_class, RESOURCE_PREFIX "/steward-unlink-enrichment-dialog.ui");
}

static void
steward_unlink_enrichment_dialog_init (StewardUnlinkEnrichmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

StewardUnlinkEnrichmentDialog *
steward_unlink_enrichment_dialog_new (GtkWindow         *parent,
                                      StewardDeployment *deployment,
                                      StewardDatastore  *datastore)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (datastore), NULL);

  return g_object_new (STEWARD_TYPE_UNLINK_ENRICHMENT_DIALOG,
                       "transient-for", parent,
                       "deployment", deployment,
                       "datastore", datastore,
                       NULL);
}
