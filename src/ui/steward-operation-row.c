/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-operation-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-format.h"
#include "steward-operation-row.h"
#include "steward-operation-watch.h"

/* One operation in a list: its type, when it started and how long it took, its message (the
 * server's words, never markup), and how it ended, or its progress and an Abort button while it
 * runs. It follows the operation's notifications, so a followed operation shows live. Abort
 * activates "operations.abort" with the operation's id: the list that holds the row decides. */
struct _StewardOperationRow
{
  AdwActionRow      parent_instance;

  StewardOperation *operation;
  char             *datastore_name;
  gboolean          can_abort;

  GtkImage         *type_icon;
  GtkSpinner       *spinner;
  GtkLabel         *status_label;
  GtkButton        *abort_button;
};

G_DEFINE_FINAL_TYPE (StewardOperationRow, steward_operation_row, ADW_TYPE_ACTION_ROW)

const char *
steward_operation_type_title (const char *type)
{
  if (g_strcmp0 (type, "sync") == 0 || g_strcmp0 (type, "catalog") == 0)
    return _("Sync");
  if (g_strcmp0 (type, "profile") == 0)
    return _("Profile");
  if (g_strcmp0 (type, "scan") == 0)
    return _("Scan");
  if (g_strcmp0 (type, "export") == 0)
    return _("Export");
  if (g_strcmp0 (type, "materialize") == 0)
    return _("Materialize");
  return _("Operation");
}

const char *
steward_operation_type_icon (const char *type)
{
  if (g_strcmp0 (type, "sync") == 0 || g_strcmp0 (type, "catalog") == 0)
    return "emblem-synchronizing-symbolic";
  if (g_strcmp0 (type, "profile") == 0)
    return "x-office-spreadsheet-symbolic";
  if (g_strcmp0 (type, "scan") == 0)
    return "system-search-symbolic";
  return "document-properties-symbolic";
}

const char *
steward_operation_result_title (StewardOperationResult result)
{
  switch (result)
    {
    case STEWARD_OPERATION_RUNNING:
      return _("Running");
    case STEWARD_OPERATION_SUCCESS:
      return _("Succeeded");
    case STEWARD_OPERATION_WARNING:
      return _("Warning");
    case STEWARD_OPERATION_ABORTED:
      return _("Aborted");
    case STEWARD_OPERATION_FAILURE:
    default:
      return _("Failed");
    }
}

/* How long it ran, or has run so far. */
char *
steward_operation_format_duration (StewardOperation *operation)
{
  GDateTime *start = steward_operation_get_start_time (operation);
  GDateTime *end = steward_operation_get_end_time (operation);
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan span;
  gint64 seconds;

  if (start == NULL)
    return NULL;
  if (end == NULL)
    end = now = g_date_time_new_now_utc ();

  span = g_date_time_difference (end, start);
  seconds = MAX (span / G_TIME_SPAN_SECOND, 0);
  /* Days at most in the tens of thousands: int holds every part. */
  if (seconds < 60)
    return g_strdup_printf (_("%d s"), (int) seconds);
  if (seconds < 3600)
    return g_strdup_printf (_("%d min %d s"), (int) (seconds / 60), (int) (seconds % 60));
  if (seconds < 86400)
    return g_strdup_printf (_("%d h %d min"), (int) (seconds / 3600),
                            (int) ((seconds % 3600) / 60));
  return g_strdup_printf (_("%d d %d h"), (int) MIN (seconds / 86400, G_MAXINT),
                          (int) ((seconds % 86400) / 3600));
}

static void
update (StewardOperationRow *self)
{
  StewardOperation *operation = self->operation;
  StewardOperationResult result = steward_operation_get_result (operation);
  const char *type = steward_operation_get_operation_type (operation);
  const char *message = steward_operation_get_message (operation);
  gboolean running = result == STEWARD_OPERATION_RUNNING;
  GDateTime *start = steward_operation_get_start_time (operation);
  g_autofree char *started = start != NULL ? steward_format_date_time (start) : NULL;
  g_autofree char *duration = steward_operation_format_duration (operation);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  static const char *const classes[] = { "success", "warning", "error", "dim-label" };

  if (self->datastore_name != NULL)
    title = g_strdup_printf (_("%s of “%s”"), steward_operation_type_title (type),
                             self->datastore_name);
  else
    title = g_strdup (steward_operation_type_title (type));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_image_set_from_icon_name (self->type_icon, steward_operation_type_icon (type));

  /* %e pads a one-digit day with a figure space: after "Started " it reads as a gap. */
  if (started != NULL)
    g_string_append_printf (subtitle, _("Started %s"),
                            g_str_has_prefix (started, "\u2007") ? started + strlen ("\u2007")
                                                                 : g_strstrip (started));
  if (duration != NULL)
    g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", duration);
  if (message != NULL && *message != '\0')
    g_string_append_printf (subtitle, subtitle->len > 0 ? "\n%s" : "%s", message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  if (running && steward_operation_get_total_containers (operation) > 0)
    status = g_strdup_printf (_("Running, %d %%"),
                              (int) (steward_operation_get_fraction (operation) * 100));
  else
    status = g_strdup (steward_operation_result_title (result));
  gtk_label_set_text (self->status_label, status);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
  switch (result)
    {
    case STEWARD_OPERATION_SUCCESS:
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
      break;
    case STEWARD_OPERATION_WARNING:
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "warning");
      break;
    case STEWARD_OPERATION_FAILURE:
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      break;
    case STEWARD_OPERATION_RUNNING:
    case STEWARD_OPERATION_ABORTED:
    default:
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      break;
    }

  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_widget_set_visible (GTK_WIDGET (self->abort_button), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->abort_button), self->can_abort);
}

static void
steward_operation_row_dispose (GObject *object)
{
  StewardOperationRow *self = STEWARD_OPERATION_ROW (object);

  if (self->operation != NULL)
    g_signal_handlers_disconnect_by_data (self->operation, self);
  g_clear_object (&self->operation);
  g_clear_pointer (&self->datastore_name, g_free);

  G_OBJECT_CLASS (steward_operation_row_parent_class)->dispose (object);
}

static void
steward_operation_row_class_init (StewardOperationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_operation_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-operation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOperationRow, type_icon);
  gtk_widget_class_bind_template_child (widget_class, StewardOperationRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardOperationRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOperationRow, abort_button);
}

static void
steward_operation_row_init (StewardOperationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->can_abort = TRUE;
}

/* @datastore_name: (nullable): named in the title when the list mixes datastores */
GtkWidget *
steward_operation_row_new (StewardOperation *operation,
                           const char       *datastore_name)
{
  StewardOperationRow *self;

  g_return_val_if_fail (STEWARD_IS_OPERATION (operation), NULL);

  self = g_object_new (STEWARD_TYPE_OPERATION_ROW, NULL);
  self->operation = g_object_ref (operation);
  self->datastore_name = g_strdup (datastore_name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->abort_button), "operations.abort");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->abort_button), "x",
                                    steward_operation_get_id (operation));
  g_signal_connect_swapped (operation, "notify", G_CALLBACK (update), self);
  update (self);
  return GTK_WIDGET (self);
}

/* Returns: (transfer none) */
StewardOperation *
steward_operation_row_get_operation (StewardOperationRow *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION_ROW (self), NULL);

  return self->operation;
}

/* Whether the user may abort it; @why_not is the tooltip when not. */
void
steward_operation_row_set_can_abort (StewardOperationRow *self,
                                     gboolean             can_abort,
                                     const char          *why_not)
{
  g_return_if_fail (STEWARD_IS_OPERATION_ROW (self));

  self->can_abort = can_abort;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->abort_button),
                               can_abort || why_not == NULL ? _("Abort") : why_not);
  update (self);
}

/* Abort, asked first: an aborted operation cannot be resumed, only run again. */

typedef struct
{
  GtkWidget          *owner;
  StewardDeployment  *deployment;
  StewardOperation   *operation;
  GCancellable       *cancellable;
  StewardAbortFailed  failed;
} AbortAsk;

static void
abort_ask_free (AbortAsk *ask)
{
  g_clear_object (&ask->owner);
  g_clear_object (&ask->deployment);
  g_clear_object (&ask->operation);
  g_clear_object (&ask->cancellable);
  g_free (ask);
}

static void
aborted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AbortAsk *ask = user_data;
  g_autoptr(GError) error = NULL;

  if (!steward_operation_watch_abort_finish (STEWARD_OPERATION_WATCH (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *forbidden = steward_forbidden_message (STEWARD_ACTION_RUN_SYNC, error);

      ask->failed (G_OBJECT (ask->owner), forbidden != NULL ? forbidden : error->message);
    }
  abort_ask_free (ask);
}

/* The question belongs to its dialog until Abort takes it: a dialog closed any other way (or
 * answered twice) frees it once. */
static void
abort_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  AbortAsk *ask;

  if (g_strcmp0 (response, "abort") != 0)
    return;
  ask = g_object_steal_data (G_OBJECT (dialog), "abort-ask");
  if (ask == NULL)
    return;

  steward_operation_watch_abort_async (steward_operation_watch_get (ask->deployment),
                                       ask->operation, ask->cancellable, aborted_cb, ask);
}

void
steward_operation_ask_abort (GtkWidget          *owner,
                             StewardDeployment  *deployment,
                             StewardOperation   *operation,
                             const char         *datastore_name,
                             GCancellable       *cancellable,
                             StewardAbortFailed  failed)
{
  const char *type_title =
      steward_operation_type_title (steward_operation_get_operation_type (operation));
  g_autofree char *heading = g_strdup_printf (_("Abort the %s?"), type_title);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  AbortAsk *ask;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (STEWARD_IS_DEPLOYMENT (deployment));
  g_return_if_fail (STEWARD_IS_OPERATION (operation));

  if (datastore_name != NULL)
    body = g_strdup_printf (_("The %s of “%s” stops where it is. It cannot be resumed, only run "
                               "again."),
                            type_title, datastore_name);
  else
    body = g_strdup_printf (_("The %s stops where it is. It cannot be resumed, only run again."),
                            type_title);

  ask = g_new0 (AbortAsk, 1);
  ask->owner = g_object_ref (owner);
  ask->deployment = g_object_ref (deployment);
  ask->operation = g_object_ref (operation);
  ask->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  ask->failed = failed;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (owner)),
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Running"), "abort", _("_Abort"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "abort", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "abort-ask", ask, (GDestroyNotify) abort_ask_free);
  g_signal_connect (dialog, "response", G_CALLBACK (abort_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
