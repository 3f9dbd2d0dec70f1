/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-confirm-dialog"

#include "steward-busy-form.h"
#include "steward-confirm-dialog.h"

/* AdwMessageDialog closes itself on every response. A confirmation that talks to a server must
 * stay open until the server answers, to show a failure where the user is looking, so this class
 * decides itself when the dialog closes:
 *
 * - A clicked response button first closes the dialog and then emits its response; libadwaita
 *   only emits the close response from close-request when the dialog is closed some other way
 *   (Escape, the window manager). So close-request keeps the dialog open unless the close
 *   response was emitted during it, and the response handler closes it for every response but
 *   the confirming one.
 * - adw_message_dialog_response() only emits the response; the handler does the rest the same
 *   way.
 * - While the action runs nothing closes the dialog: its outcome is still to be shown. */
typedef struct
{
  char         *confirm_response;
  gboolean      confirm_enabled;
  gboolean      busy;
  gboolean      in_close_request;
  gboolean      close_responded;
  GCancellable *cancellable;
  GtkWidget    *focus_before_busy;

  GtkWidget    *extra_box;
  GtkWidget    *content_box;
  GtkLabel     *error_label;
  GtkSpinner   *spinner;
} StewardConfirmDialogPrivate;

static void steward_confirm_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (StewardConfirmDialog, steward_confirm_dialog, ADW_TYPE_MESSAGE_DIALOG,
                         G_ADD_PRIVATE (StewardConfirmDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                steward_confirm_dialog_buildable_init))

enum {
  PROP_0,
  PROP_CONFIRM_RESPONSE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

static void
update_extra_box (StewardConfirmDialog *self)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  /* Hidden when empty, so a dialog without extras spaces its body like any other. */
  gtk_widget_set_visible (priv->extra_box,
                          gtk_widget_get_visible (priv->content_box) ||
                          gtk_widget_get_visible (GTK_WIDGET (priv->error_label)) ||
                          gtk_widget_get_visible (GTK_WIDGET (priv->spinner)));
}

static void
update_responses (StewardConfirmDialog *self)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  const char *close_response = adw_message_dialog_get_close_response (dialog);

  if (priv->confirm_response != NULL &&
      adw_message_dialog_has_response (dialog, priv->confirm_response))
    adw_message_dialog_set_response_enabled (dialog, priv->confirm_response,
                                             priv->confirm_enabled && !priv->busy);
  if (close_response != NULL && adw_message_dialog_has_response (dialog, close_response))
    adw_message_dialog_set_response_enabled (dialog, close_response, !priv->busy);
}

static void
set_busy (StewardConfirmDialog *self,
          gboolean              busy)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  if (priv->busy == busy)
    return;

  priv->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (priv->spinner), busy);
  gtk_spinner_set_spinning (priv->spinner, busy);

  steward_busy_form_set_busy (GTK_WINDOW (self), priv->content_box, busy, &priv->focus_before_busy);

  update_responses (self);
  update_extra_box (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
start_action (StewardConfirmDialog *self)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
  set_busy (self, TRUE);
  STEWARD_CONFIRM_DIALOG_GET_CLASS (self)->confirm (self, priv->cancellable);
}

static void
steward_confirm_dialog_response (AdwMessageDialog *dialog,
                                 const char       *response)
{
  StewardConfirmDialog *self = STEWARD_CONFIRM_DIALOG (dialog);
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  /* Emitted by close-request itself: the dialog is closing already. */
  if (priv->in_close_request)
    {
      priv->close_responded = TRUE;
      return;
    }

  if (priv->busy)
    return;

  if (g_strcmp0 (response, priv->confirm_response) == 0)
    {
      /* A disabled response can still be emitted programmatically; it stays refused. */
      if (priv->confirm_enabled)
        start_action (self);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
steward_confirm_dialog_close_request (GtkWindow *window)
{
  StewardConfirmDialog *self = STEWARD_CONFIRM_DIALOG (window);
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);
  gboolean stop;

  if (priv->busy)
    return TRUE;

  priv->in_close_request = TRUE;
  priv->close_responded = FALSE;
  stop = GTK_WINDOW_CLASS (steward_confirm_dialog_parent_class)->close_request (window);
  priv->in_close_request = FALSE;

  /* Without the close response this is a response button closing the dialog: its response
   * follows and decides. */
  if (!priv->close_responded)
    return TRUE;

  return stop;
}

static void
steward_confirm_dialog_buildable_add_child (GtkBuildable *buildable,
                                            GtkBuilder   *builder,
                                            GObject      *child,
                                            const char   *type)
{
  StewardConfirmDialog *self = STEWARD_CONFIRM_DIALOG (buildable);
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  if (g_strcmp0 (type, "content") == 0 && GTK_IS_WIDGET (child))
    {
      gtk_box_append (GTK_BOX (priv->content_box), GTK_WIDGET (child));
      gtk_widget_set_visible (priv->content_box, TRUE);
      update_extra_box (self);
      return;
    }

  parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
steward_confirm_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = steward_confirm_dialog_buildable_add_child;
}

static void
steward_confirm_dialog_dispose (GObject *object)
{
  StewardConfirmDialog *self = STEWARD_CONFIRM_DIALOG (object);
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_weak_pointer (&priv->focus_before_busy);

  G_OBJECT_CLASS (steward_confirm_dialog_parent_class)->dispose (object);
}

static void
steward_confirm_dialog_finalize (GObject *object)
{
  StewardConfirmDialog *self = STEWARD_CONFIRM_DIALOG (object);
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  g_free (priv->confirm_response);

  G_OBJECT_CLASS (steward_confirm_dialog_parent_class)->finalize (object);
}

static void
steward_confirm_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardConfirmDialog *self = STEWARD_CONFIRM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONFIRM_RESPONSE:
      g_value_set_string (value, steward_confirm_dialog_get_confirm_response (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, steward_confirm_dialog_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_confirm_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StewardConfirmDialog *self = STEWARD_CONFIRM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONFIRM_RESPONSE:
      steward_confirm_dialog_set_confirm_response (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_confirm_dialog_class_init (StewardConfirmDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = steward_confirm_dialog_dispose;
  object_class->finalize = steward_confirm_dialog_finalize;
  object_class->get_property = steward_confirm_dialog_get_property;
  object_class->set_property = steward_confirm_dialog_set_property;
  window_class->close_request = steward_confirm_dialog_close_request;
  dialog_class->response = steward_confirm_dialog_response;

  /**
   * StewardConfirmDialog:confirm-response:
   *
   * The response that runs the action instead of closing the dialog.
   */
  properties[PROP_CONFIRM_RESPONSE] =
    g_param_spec_string ("confirm-response", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardConfirmDialog:busy:
   *
   * Whether the action runs: the responses are disabled and a spinner turns meanwhile.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

}

/* Built in code rather than from a template: GTK 4.8's gtk_widget_dispose_template() looks up
 * the instance's own class's template children, so a parent class with a template cannot dispose
 * it under a subclass that has one too. */
static void
build_extra_box (StewardConfirmDialog *self)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  priv->extra_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_visible (priv->extra_box, FALSE);

  priv->content_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_visible (priv->content_box, FALSE);
  gtk_box_append (GTK_BOX (priv->extra_box), priv->content_box);

  priv->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
  gtk_label_set_wrap (priv->error_label, TRUE);
  gtk_label_set_wrap_mode (priv->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (priv->error_label, GTK_JUSTIFY_CENTER);
  gtk_label_set_selectable (priv->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->error_label), "error");
  gtk_box_append (GTK_BOX (priv->extra_box), GTK_WIDGET (priv->error_label));

  priv->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (priv->spinner), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (priv->spinner), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (priv->extra_box), GTK_WIDGET (priv->spinner));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), priv->extra_box);
}

static void
steward_confirm_dialog_init (StewardConfirmDialog *self)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  build_extra_box (self);

  priv->confirm_enabled = TRUE;
  priv->cancellable = g_cancellable_new ();
}

const char *
steward_confirm_dialog_get_confirm_response (StewardConfirmDialog *self)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  g_return_val_if_fail (STEWARD_IS_CONFIRM_DIALOG (self), NULL);

  return priv->confirm_response;
}

void
steward_confirm_dialog_set_confirm_response (StewardConfirmDialog *self,
                                             const char           *response)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  g_return_if_fail (STEWARD_IS_CONFIRM_DIALOG (self));

  if (g_strcmp0 (priv->confirm_response, response) == 0)
    return;

  g_free (priv->confirm_response);
  priv->confirm_response = g_strdup (response);
  update_responses (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRM_RESPONSE]);
}

/* Whether the confirming response may be chosen (say, once a name is typed), busy or not. */
void
steward_confirm_dialog_set_confirm_enabled (StewardConfirmDialog *self,
                                            gboolean              enabled)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  g_return_if_fail (STEWARD_IS_CONFIRM_DIALOG (self));

  priv->confirm_enabled = !!enabled;
  update_responses (self);
}

gboolean
steward_confirm_dialog_get_busy (StewardConfirmDialog *self)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  g_return_val_if_fail (STEWARD_IS_CONFIRM_DIALOG (self), FALSE);

  return priv->busy;
}

/* The action is done: the dialog closes. */
void
steward_confirm_dialog_succeed (StewardConfirmDialog *self)
{
  g_return_if_fail (STEWARD_IS_CONFIRM_DIALOG (self));

  set_busy (self, FALSE);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The action failed: the dialog stays, saying why under the body, ready to try again. */
void
steward_confirm_dialog_fail (StewardConfirmDialog *self,
                             const char           *message)
{
  StewardConfirmDialogPrivate *priv = steward_confirm_dialog_get_instance_private (self);

  g_return_if_fail (STEWARD_IS_CONFIRM_DIALOG (self));

  set_busy (self, FALSE);
  gtk_label_set_label (priv->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);
  update_extra_box (self);
}
