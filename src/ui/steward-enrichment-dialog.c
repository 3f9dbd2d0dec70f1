/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-enrichment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-busy-form.h"
#include "steward-discard-question.h"
#include "steward-enrichment-dialog.h"
#include "steward-enrichment-form.h"
#include "steward-unlink-enrichment-dialog.h"

/* Links, switches, unlinks and configures one datastore's enrichment. The reference splits this
 * over two calls: the link (PATCH …/enrichment/{id}, or DELETE to unlink) and then the settings
 * (PUT /datastores/{id}). Save makes them in that order through the deployment, which applies
 * each answer as it comes; if the settings fail after the link succeeded, the dialog stays open
 * with the form as typed and says exactly what was applied and what was not, and a second Save
 * sends only what is still missing, since the form compares with the datastore as it is now.
 *
 * Unlinking is the Admin's, asks first, and can also be chosen as "None". */
struct _StewardEnrichmentDialog
{
  AdwWindow              parent_instance;

  StewardDeployment     *deployment;
  StewardDatastore      *datastore;      /* the deployment's shared object */
  GCancellable          *cancellable;
  gboolean               saving;
  gboolean               discard_confirmed;
  char                  *applied;        /* what this Save did so far */
  StewardDatastoreRequest *pending;      /* the settings being sent */
  GtkWidget             *unlink_button;
  GtkWidget             *focus_before_saving;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkSpinner            *spinner;
  GtkStack              *stack;
  GtkWidget             *form_box;
  GtkLabel              *status_label;
  StewardEnrichmentForm *form;
};

G_DEFINE_FINAL_TYPE (StewardEnrichmentDialog, steward_enrichment_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DEPLOYMENT,
  PROP_DATASTORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void save_step (StewardEnrichmentDialog *self);

static void
show_status (StewardEnrichmentDialog *self,
             const char              *message,
             gboolean                 success)
{
  gtk_label_set_label (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), success ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), success ? "success" : "error");
}

static gint64
linked_id (StewardEnrichmentDialog *self)
{
  return steward_datastore_get_enrichment_datastore_id (self->datastore);
}

/* Whether Save would send anything. */
static gboolean
has_changes (StewardEnrichmentDialog *self)
{
  g_autoptr(StewardDatastoreRequest) settings = NULL;

  if (steward_enrichment_form_get_target_id (self->form) != linked_id (self))
    return TRUE;

  settings = steward_enrichment_form_build_settings (self->form, self->datastore);
  return settings != NULL;
}

static gboolean
usable (StewardEnrichmentDialog *self)
{
  return !steward_datastore_get_deleted (self->datastore) &&
         !steward_datastore_get_enrichment_only (self->datastore);
}

static void
update_state (StewardEnrichmentDialog *self)
{
  StewardUser *user = steward_deployment_get_user (self->deployment);
  gboolean can_unlink = steward_user_can (user, STEWARD_ACTION_UNLINK_ENRICHMENT);
  g_autofree char *why_not = steward_action_explain_denied (STEWARD_ACTION_UNLINK_ENRICHMENT);
  const char *tooltip;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enrichment-dialog.save",
                                 !self->saving && usable (self) &&
                                 steward_enrichment_form_is_valid (self->form) &&
                                 has_changes (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enrichment-dialog.unlink",
                                 !self->saving && usable (self) && can_unlink &&
                                 linked_id (self) != 0);

  /* Nothing linked, nothing to unlink: the button goes. A role that may not unlink sees it off,
   * with the reason. */
  gtk_widget_set_visible (self->unlink_button, linked_id (self) != 0);
  if (!can_unlink)
    tooltip = why_not;
  else
    tooltip = _("Stop sending scan results to the enrichment datastore");
  gtk_widget_set_tooltip_text (self->unlink_button, tooltip);
}

static void
set_saving (StewardEnrichmentDialog *self,
            gboolean                 saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), saving);
  gtk_spinner_set_spinning (self->spinner, saving);

  steward_busy_form_set_busy (GTK_WINDOW (self), self->form_box, saving,
                              &self->focus_before_saving);

  update_state (self);
}

static void
note_applied (StewardEnrichmentDialog *self,
              const char              *what)
{
  char *applied = self->applied != NULL ? g_strdup_printf ("%s; %s", self->applied, what)
                                         : g_strdup (what);

  g_free (self->applied);
  self->applied = applied;
}

static void
finish (StewardEnrichmentDialog *self)
{
  self->saving = FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
form_changed_cb (StewardEnrichmentDialog *self)
{
  update_state (self);
}

static void
datastore_notify_cb (StewardEnrichmentDialog *self)
{
  if (steward_datastore_get_deleted (self->datastore))
    show_status (self, _("This datastore no longer exists."), FALSE);
  update_state (self);
}

/* Step 1: the link */

static void
link_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StewardEnrichmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *name;

  if (!steward_deployment_link_enrichment_finish (STEWARD_DEPLOYMENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
        return;

      set_saving (self, FALSE);
      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT) ||
          g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND))
        {
          /* The server's reason belongs to the choice it refused. */
          steward_enrichment_form_show_target_error (self->form, error->message);
          message = g_strdup (_("Nothing was changed."));
        }
      else if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_LINK_ENRICHMENT, error);
      else
        /* Translators: %s is the reason, often the server's own words. */
        message = g_strdup_printf (_("Not linked, and nothing else was changed: %s"),
                                   error->message);

      show_status (self, message, FALSE);
      return;
    }

  /* Translators: %s is an enrichment datastore. */
  name = steward_datastore_get_enrichment_datastore_name (self->datastore);
  message = g_strdup_printf (_("linked to “%s”"), name != NULL ? name : "");
  note_applied (self, message);
  steward_enrichment_form_link_changed (self->form);
  save_step (self);
}

/* Unlinking, from Save with None chosen or from the Unlink button */

/* The confirmation is still emitting its signal and closing itself: Save carries on after. */
static gboolean
continue_save_cb (gpointer user_data)
{
  StewardEnrichmentDialog *self = user_data;

  if (self->cancellable != NULL && self->saving)
    save_step (self);
  return G_SOURCE_REMOVE;
}

static void
unlinked_cb (StewardUnlinkEnrichmentDialog *dialog,
             StewardEnrichmentDialog       *self)
{
  const char *was = g_object_get_data (G_OBJECT (dialog), "enrichment-name");
  g_autofree char *message = NULL;

  steward_enrichment_form_link_changed (self->form);

  if (self->saving)
    {
      /* Translators: %s is an enrichment datastore. */
      message = g_strdup_printf (_("unlinked from “%s”"), was);
      note_applied (self, message);
      g_idle_add_full (G_PRIORITY_DEFAULT, continue_save_cb, g_object_ref (self), g_object_unref);
      return;
    }

  /* Translators: %s is an enrichment datastore. */
  message = g_strdup_printf (_("Unlinked from “%s”. The tables already written there stay."),
                             was);
  show_status (self, message, TRUE);
  update_state (self);
}

static void
unlink_response_cb (AdwMessageDialog        *dialog,
                    const char              *response,
                    StewardEnrichmentDialog *self)
{
  /* Cancelled: the Save that asked stops here, having changed nothing. */
  if (g_strcmp0 (response, "unlink") != 0 && self->saving)
    set_saving (self, FALSE);
}

static void
ask_unlink (StewardEnrichmentDialog *self)
{
  const char *name = steward_datastore_get_enrichment_datastore_name (self->datastore);
  StewardUnlinkEnrichmentDialog *dialog;

  dialog = steward_unlink_enrichment_dialog_new (GTK_WINDOW (self), self->deployment,
                                                 self->datastore);
  g_object_set_data_full (G_OBJECT (dialog), "enrichment-name", g_strdup (name ?: ""), g_free);
  g_signal_connect_object (dialog, "unlinked", G_CALLBACK (unlinked_cb), self, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unlink_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardEnrichmentDialog *self = STEWARD_ENRICHMENT_DIALOG (widget);

  if (self->saving || linked_id (self) == 0)
    return;

  show_status (self, NULL, FALSE);
  ask_unlink (self);
}

/* Step 2: the settings */

static void
settings_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StewardEnrichmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  g_autofree char *reason = NULL;

  if (!steward_deployment_update_enrichment_settings_finish (STEWARD_DEPLOYMENT (source), result,
                                                             &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
        return;

      set_saving (self, FALSE);
      steward_enrichment_form_show_field_errors (self->form, error);
      what = steward_enrichment_form_describe_settings (self->pending);
      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        reason = steward_forbidden_message (STEWARD_ACTION_UPDATE_DATASTORE, error);
      else
        reason = g_strdup (error->message);

      if (self->applied != NULL)
        /* Translators: the first %s is what was done ("linked to “Healthcare Enrichment”"), the
         * second the settings that were not saved ("the table prefix, the remediation"), the third
         * the reason. */
        message = g_strdup_printf (_("Done: %s. Not saved: %s (%s). Save again to send what is "
                                     "missing."), self->applied, what, reason);
      else
        /* Translators: the first %s lists settings ("the table prefix, the remediation"), the
         * second is the reason. */
        message = g_strdup_printf (_("Not saved: %s (%s)."), what, reason);
      show_status (self, message, FALSE);
      return;
    }

  finish (self);
}

/* Each step looks at the datastore as the last answer left it: link or unlink first, then the
 * settings that still differ. */
static void
save_step (StewardEnrichmentDialog *self)
{
  gint64 target = steward_enrichment_form_get_target_id (self->form);
  gint64 linked = linked_id (self);
  gint64 id = steward_datastore_get_id (self->datastore);

  if (target != 0 && target != linked)
    {
      steward_deployment_link_enrichment_async (self->deployment, id, target, self->cancellable,
                                                link_cb, g_object_ref (self));
      return;
    }

  if (target == 0 && linked != 0)
    {
      ask_unlink (self);
      return;
    }

  g_clear_pointer (&self->pending, steward_datastore_request_unref);
  self->pending = steward_enrichment_form_build_settings (self->form, self->datastore);
  if (self->pending == NULL)
    {
      finish (self);
      return;
    }

  steward_deployment_update_enrichment_settings_async (self->deployment, id, self->pending,
                                                       self->cancellable, settings_cb,
                                                       g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardEnrichmentDialog *self = STEWARD_ENRICHMENT_DIALOG (widget);

  if (self->saving || !steward_enrichment_form_is_valid (self->form) || !has_changes (self))
    return;

  g_clear_pointer (&self->applied, g_free);
  show_status (self, NULL, FALSE);
  set_saving (self, TRUE);
  save_step (self);
}

/* Closing with changes not saved asks first. */

static gboolean
close_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog        *dialog,
                     const char              *response,
                     StewardEnrichmentDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The question goes first, then the dialog it was about, once the question is done emitting. */
  self->discard_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_idle_add_full (G_PRIORITY_DEFAULT, close_cb, g_object_ref (self), g_object_unref);
}

static gboolean
steward_enrichment_dialog_close_request (GtkWindow *window)
{
  StewardEnrichmentDialog *self = STEWARD_ENRICHMENT_DIALOG (window);
  AdwMessageDialog *dialog;

  if (self->discard_confirmed || self->saving || !usable (self) || !has_changes (self))
    return GTK_WINDOW_CLASS (steward_enrichment_dialog_parent_class)->close_request (window);

  dialog = steward_discard_question_new (window, _("Discard Changes?"),
                                         _("The enrichment settings you changed are not saved."),
                                         _("_Keep Editing"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
steward_enrichment_dialog_constructed (GObject *object)
{
  StewardEnrichmentDialog *self = STEWARD_ENRICHMENT_DIALOG (object);

  G_OBJECT_CLASS (steward_enrichment_dialog_parent_class)->constructed (object);

  g_assert (STEWARD_IS_DEPLOYMENT (self->deployment));
  g_assert (STEWARD_IS_DATASTORE (self->datastore));

  adw_window_title_set_subtitle (self->window_title, steward_datastore_get_name (self->datastore));

  self->unlink_button = gtk_button_new_with_mnemonic (_("_Unlink…"));
  gtk_widget_set_valign (self->unlink_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->unlink_button), "enrichment-dialog.unlink");
  steward_enrichment_form_set_target_suffix (self->form, self->unlink_button);

  if (steward_datastore_get_enrichment_only (self->datastore))
    gtk_stack_set_visible_child_name (self->stack, "enrichment-only");
  else
    steward_enrichment_form_set_source (self->form, self->deployment, self->datastore);

  g_signal_connect_object (self->datastore, "notify", G_CALLBACK (datastore_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
}

static void
steward_enrichment_dialog_dispose (GObject *object)
{
  StewardEnrichmentDialog *self = STEWARD_ENRICHMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->focus_before_saving);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ENRICHMENT_DIALOG);

  G_OBJECT_CLASS (steward_enrichment_dialog_parent_class)->dispose (object);
}

static void
steward_enrichment_dialog_finalize (GObject *object)
{
  StewardEnrichmentDialog *self = STEWARD_ENRICHMENT_DIALOG (object);

  g_clear_object (&self->deployment);
  g_clear_object (&self->datastore);
  g_clear_pointer (&self->pending, steward_datastore_request_unref);
  g_free (self->applied);

  G_OBJECT_CLASS (steward_enrichment_dialog_parent_class)->finalize (object);
}

static void
steward_enrichment_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardEnrichmentDialog *self = STEWARD_ENRICHMENT_DIALOG (object);

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
steward_enrichment_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StewardEnrichmentDialog *self = STEWARD_ENRICHMENT_DIALOG (object);

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
steward_enrichment_dialog_class_init (StewardEnrichmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steward_enrichment_dialog_constructed;
  object_class->dispose = steward_enrichment_dialog_dispose;
  object_class->finalize = steward_enrichment_dialog_finalize;
  object_class->get_property = steward_enrichment_dialog_get_property;
  object_class->set_property = steward_enrichment_dialog_set_property;
  window_class->close_request = steward_enrichment_dialog_close_request;

  /**
   * StewardEnrichmentDialog:deployment:
   *
   * The deployment the datastore belongs to: every call goes through it, and it takes each answer.
   */
  properties[PROP_DEPLOYMENT] =
    g_param_spec_object ("deployment", NULL, NULL,
                         STEWARD_TYPE_DEPLOYMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardEnrichmentDialog:datastore:
   *
   * The source datastore, the deployment's own object for it.
   */
  properties[PROP_DATASTORE] =
    g_param_spec_object ("datastore", NULL, NULL,
                         STEWARD_TYPE_DATASTORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardEnrichmentDialog::saved:
   *
   * Everything Save sent was applied, and the deployment's datastore shows it; the dialog
   * closes right after.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (STEWARD_TYPE_ENRICHMENT_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-enrichment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentDialog, form);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "enrichment-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "enrichment-dialog.unlink", NULL, unlink_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "enrichment-dialog.save", NULL);
}

static void
steward_enrichment_dialog_init (StewardEnrichmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * steward_enrichment_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @deployment: the deployment @datastore belongs to
 * @datastore: the source datastore (the deployment's object for it)
 */
StewardEnrichmentDialog *
steward_enrichment_dialog_new (GtkWindow         *parent,
                               StewardDeployment *deployment,
                               StewardDatastore  *datastore)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (datastore), NULL);

  return g_object_new (STEWARD_TYPE_ENRICHMENT_DIALOG,
                       "transient-for", parent,
                       "deployment", deployment,
                       "datastore", datastore,
                       NULL);
}

StewardDatastore *
steward_enrichment_dialog_get_datastore (StewardEnrichmentDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_DIALOG (self), NULL);

  return self->datastore;
}
