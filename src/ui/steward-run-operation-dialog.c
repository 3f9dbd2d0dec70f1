/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-run-operation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-discard-question.h"
#include "steward-operation-watch.h"
#include "steward-operation-row.h"
#include "steward-run-operation-dialog.h"

/* "Profile…" and "Scan…": the options the vendor documents for them (which containers, how many
 * records per partition, and the profile's or the scan's own switches), then Run. The operation
 * starts through the deployment's operation watch, which follows it; the dialog closes once the
 * server accepted it, and stays open with the server's words when it did not. */
struct _StewardRunOperationDialog
{
  AdwWindow          parent_instance;

  StewardDeployment *deployment;
  StewardDatastore  *datastore;
  char              *type;
  GCancellable      *cancellable;
  gboolean           dirty;
  gboolean           running;
  gboolean           discard;

  AdwWindowTitle    *window_title;
  GtkSpinner        *spinner;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  AdwPreferencesGroup *options_group;
  AdwEntryRow       *containers_row;
  GtkSpinButton     *limit_spin;
  AdwActionRow      *draft_row;
  GtkSwitch         *draft_switch;
  AdwActionRow      *incremental_row;
  GtkSwitch         *incremental_switch;
  AdwActionRow      *resolve_row;
  GtkSwitch         *resolve_switch;
};

G_DEFINE_FINAL_TYPE (StewardRunOperationDialog, steward_run_operation_dialog, ADW_TYPE_WINDOW)

static void
changed_cb (StewardRunOperationDialog *self)
{
  self->dirty = TRUE;
}

static void
set_running (StewardRunOperationDialog *self,
             gboolean                   running)
{
  self->running = running;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run-operation.run", !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !running);
}

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StewardRunOperationDialog) self = user_data;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = steward_operation_watch_run_finish (STEWARD_OPERATION_WATCH (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_running (self, FALSE);
  if (operation == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  StewardRunOperationDialog *self = STEWARD_RUN_OPERATION_DIALOG (widget);
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  StewardRunOptions options = { 0 };

  if (self->running)
    return;

  names = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->containers_row)), ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *name = g_strstrip (names[i]);

      if (*name != '\0')
        g_ptr_array_add (kept, g_strdup (name));
    }
  g_ptr_array_add (kept, NULL);

  options.container_names = (char **) kept->pdata;
  options.max_records_per_partition = gtk_spin_button_get_value_as_int (self->limit_spin);
  options.infer_as_draft = gtk_switch_get_active (self->draft_switch);
  options.incremental = gtk_switch_get_active (self->incremental_switch);
  options.keep_passed_anomalies = !gtk_switch_get_active (self->resolve_switch);

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  set_running (self, TRUE);
  steward_operation_watch_run_async (steward_operation_watch_get (self->deployment),
                                     steward_datastore_get_id (self->datastore), self->type,
                                     &options, self->cancellable, started_cb, g_object_ref (self));
}

static void
discard_response_cb (AdwMessageDialog          *dialog,
                     const char                *response,
                     StewardRunOperationDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Options changed and not run: ask before they are lost. */
static gboolean
steward_run_operation_dialog_close_request (GtkWindow *window)
{
  StewardRunOperationDialog *self = STEWARD_RUN_OPERATION_DIALOG (window);
  AdwMessageDialog *dialog;

  if (!self->dirty || self->discard)
    {
      g_cancellable_cancel (self->cancellable);
      return GTK_WINDOW_CLASS (steward_run_operation_dialog_parent_class)->close_request (window);
    }

  dialog = steward_discard_question_new (window, _("Discard the Options?"),
                                         _("The options you set are not kept."),
                                         _("_Keep Editing"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
steward_run_operation_dialog_dispose (GObject *object)
{
  StewardRunOperationDialog *self = STEWARD_RUN_OPERATION_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->deployment);
  g_clear_object (&self->datastore);
  g_clear_pointer (&self->type, g_free);

  G_OBJECT_CLASS (steward_run_operation_dialog_parent_class)->dispose (object);
}

static void
steward_run_operation_dialog_class_init (StewardRunOperationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_run_operation_dialog_dispose;
  window_class->close_request = steward_run_operation_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-run-operation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, containers_row);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, limit_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, draft_row);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, draft_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, incremental_row);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog,
                                        incremental_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, resolve_row);
  gtk_widget_class_bind_template_child (widget_class, StewardRunOperationDialog, resolve_switch);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "run-operation.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_run_operation_dialog_init (StewardRunOperationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* @type: "profile" or "scan" */
StewardRunOperationDialog *
steward_run_operation_dialog_new (GtkWindow         *parent,
                                  StewardDeployment *deployment,
                                  StewardDatastore  *datastore,
                                  const char        *type)
{
  StewardRunOperationDialog *self;
  gboolean scan = g_strcmp0 (type, "scan") == 0;
  g_autofree char *title = NULL;

  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (datastore), NULL);

  self = g_object_new (STEWARD_TYPE_RUN_OPERATION_DIALOG, "transient-for", parent, NULL);
  self->deployment = g_object_ref (deployment);
  self->datastore = g_object_ref (datastore);
  self->type = g_strdup (type);

  title = g_strdup_printf (scan ? _("Scan “%s”") : _("Profile “%s”"),
                           steward_datastore_get_name (datastore));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, steward_operation_type_title (type));
  adw_window_title_set_subtitle (self->window_title, steward_datastore_get_name (datastore));
  gtk_widget_set_visible (GTK_WIDGET (self->draft_row), !scan);
  gtk_widget_set_visible (GTK_WIDGET (self->incremental_row), scan);
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_row), scan);
  self->dirty = FALSE;
  return self;
}
