/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connection-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-connection-editor-private.h"

/* StewardConnectionEditor's second page: once saved, the datastores that use the connection, one
 * row each, checked a few at a time against the server with what was saved. A check that changed
 * a datastore's "connected" brings the shared datastore up to date, so every view shows it. */

/* How many datastores are checked at once: quick, without flooding the server. */
#define VERIFY_PARALLEL 4
/* More datastores than this are not checked one by one from here. */
#define MAX_VERIFY_ROWS 500

void
_steward_connection_editor_verify_row_free (gpointer data)
{
  VerifyRow *row = data;

  g_free (row->result);
  g_free (row);
}

/* The verification of the datastores that use the connection */

static VerifyRow *
find_verify_row (StewardConnectionEditor *self,
                 gint64                   datastore_id)
{
  for (guint i = 0; self->verify_rows != NULL && i < self->verify_rows->len; i++)
    {
      VerifyRow *row = g_ptr_array_index (self->verify_rows, i);

      if (row->datastore_id == datastore_id)
        return row;
    }
  return NULL;
}

static void
set_row_state (VerifyRow  *row,
               const char *result,
               const char *subtitle)
{
  gboolean running = g_strcmp0 (result, "running") == 0;
  gboolean connected = g_strcmp0 (result, "connected") == 0;
  gboolean ended = !running && g_strcmp0 (result, "pending") != 0;

  g_free (row->result);
  row->result = g_strdup (result);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle);
  gtk_widget_set_visible (row->spinner, running);
  gtk_spinner_set_spinning (GTK_SPINNER (row->spinner), running);
  gtk_widget_set_visible (row->icon, ended);
  gtk_image_set_from_icon_name (GTK_IMAGE (row->icon),
                                connected ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  gtk_widget_remove_css_class (row->icon, connected ? "error" : "success");
  gtk_widget_add_css_class (row->icon, connected ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  connected ? _("Connected") : _("Failed"), -1);
}

static void
update_verify_summary (StewardConnectionEditor *self)
{
  guint connected = 0, failed = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->verify_rows->len; i++)
    {
      VerifyRow *row = g_ptr_array_index (self->verify_rows, i);

      if (g_strcmp0 (row->result, "connected") == 0)
        connected++;
      else if (g_strcmp0 (row->result, "failed") == 0 || g_strcmp0 (row->result, "error") == 0)
        failed++;
    }

  if (self->verify_running > 0)
    /* Translators: progress of checking datastores, e.g. "Checked 2 of 4…". */
    summary = g_strdup_printf (_("Checked %u of %u…"), self->verify_done, self->verify_rows->len);
  else if (self->verify_done == 0)
    summary = NULL;
  else if (failed == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The datastore connects.",
                                            "All %u datastores connect.", connected), connected);
  else
    /* Translators: e.g. "3 connect, 1 failed." */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u connects, %u failed.",
                                            "%u connect, %u failed.", connected),
                               connected, failed);

  gtk_label_set_label (self->verify_summary, summary != NULL ? summary : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verify_summary), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verify_summary), "success");
  if (self->verify_running == 0 && self->verify_done > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->verify_summary), failed > 0 ? "error" : "success");
}

typedef struct
{
  StewardConnectionEditor *self;
  StewardDeployment       *deployment;
  GCancellable            *cancellable;
  gint64                   datastore_id;
} VerifyJob;

static void
verify_job_free (VerifyJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->deployment);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static void start_next_verification (StewardConnectionEditor *self);

typedef struct
{
  StewardDeployment *deployment;
  gint64             datastore_id;
} Refetch;

/* The verification changed the datastore's "connected" on the server: every view shows it. The
 * fetch needs the deployment only, not the editor, which may close meanwhile. */
static void
refetched_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Refetch *refetch = user_data;
  g_autoptr(StewardDatastore) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = steward_client_get_datastore_finish (STEWARD_CLIENT (object), result, &error);
  if (fresh != NULL)
    steward_deployment_apply_datastore (refetch->deployment, fresh);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    steward_deployment_handle_not_found (refetch->deployment, refetch->datastore_id, error);

  g_object_unref (refetch->deployment);
  g_free (refetch);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  VerifyJob *job = user_data;
  g_autoptr(StewardConnectionEditor) self = g_object_ref (job->self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  VerifyRow *row;
  gboolean connected;

  connected =
      steward_client_verify_datastore_finish (STEWARD_CLIENT (object), result, &message, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      job->cancellable != self->verify_cancellable)
    {
      verify_job_free (job);
      return;
    }

  row = find_verify_row (self, job->datastore_id);
  self->verify_running--;
  self->verify_done++;

  if (error != NULL)
    {
      g_autofree char *reason =
          g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN)
              ? steward_forbidden_message (STEWARD_ACTION_UPDATE_DATASTORE, error)
              : g_strdup (error->message);

      if (row != NULL)
        set_row_state (row, "error", reason);
      steward_deployment_handle_not_found (job->deployment, job->datastore_id, error);
    }
  else
    {
      Refetch *refetch = g_new0 (Refetch, 1);

      if (row != NULL)
        set_row_state (row, connected ? "connected" : "failed",
                       connected         ? _("Connected")
                       : message != NULL ? message
                                         : _("Could not connect"));
      refetch->deployment = g_object_ref (job->deployment);
      refetch->datastore_id = job->datastore_id;
      steward_client_get_datastore_async (STEWARD_CLIENT (object), job->datastore_id,
                                          job->cancellable, refetched_cb, refetch);
    }
  verify_job_free (job);

  start_next_verification (self);
  update_verify_summary (self);
  if (self->verify_running == 0)
    {
      gtk_button_set_label (self->verify_button, _("_Verify Again"));
      g_object_notify (G_OBJECT (self), "verifying");
      _steward_connection_editor_update_state (self);
    }
}

static void
start_next_verification (StewardConnectionEditor *self)
{
  while (self->verify_running < VERIFY_PARALLEL && self->verify_next < self->verify_rows->len)
    {
      VerifyRow *row = g_ptr_array_index (self->verify_rows, self->verify_next++);
      VerifyJob *job = g_new0 (VerifyJob, 1);

      job->self = g_object_ref (self);
      job->deployment = g_object_ref (self->deployment);
      job->cancellable = g_object_ref (self->verify_cancellable);
      job->datastore_id = row->datastore_id;
      self->verify_running++;
      set_row_state (row, "running", _("Checking…"));
      steward_client_verify_datastore_async (_steward_connection_editor_get_client (self),
                                             row->datastore_id, job->cancellable, verified_cb,
                                             job);
    }
}

void
_steward_connection_editor_verify_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  StewardConnectionEditor *self = STEWARD_CONNECTION_EDITOR (widget);

  if (self->verify_running > 0 || self->verify_rows->len == 0)
    return;

  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  self->verify_cancellable = g_cancellable_new ();
  self->verify_next = 0;
  self->verify_done = 0;
  for (guint i = 0; i < self->verify_rows->len; i++)
    set_row_state (g_ptr_array_index (self->verify_rows, i), "pending", _("Waiting…"));

  start_next_verification (self);
  update_verify_summary (self);
  g_object_notify (G_OBJECT (self), "verifying");
  _steward_connection_editor_update_state (self);
}

/* After saving: the datastores that use the connection, each to be checked. */
void
_steward_connection_editor_show_verify_page (StewardConnectionEditor *self,
                                             GListModel              *users)
{
  guint n = MIN (g_list_model_get_n_items (users), MAX_VERIFY_ROWS);
  g_autofree char *saved = NULL;
  g_autofree char *intro = NULL;

  /* Translators: %s is the connection's name. */
  saved = g_strdup_printf (_("“%s” Is Saved"), steward_connection_get_name (self->connection));
  gtk_label_set_label (self->saved_label, saved);
  intro = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%u datastore uses this connection. Check that the deployment still "
                   "reaches it with what you saved.",
                   "%u datastores use this connection. Check that the deployment still "
                   "reaches each of them with what you saved.",
                   n),
      n);
  gtk_label_set_label (self->verify_intro_label, intro);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (users, i);
      VerifyRow *row = g_new0 (VerifyRow, 1);

      row->datastore_id = steward_datastore_get_id (datastore);
      row->row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row),
                                     steward_datastore_get_name (datastore));
      row->spinner = gtk_spinner_new ();
      gtk_widget_set_visible (row->spinner, FALSE);
      row->icon = gtk_image_new ();
      gtk_widget_set_visible (row->icon, FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row->row), row->spinner);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row->row), row->icon);
      adw_preferences_group_add (self->verify_group, row->row);
      g_ptr_array_add (self->verify_rows, row);
      set_row_state (row, "pending", _("Not checked yet"));
    }

  /* Done, not Cancel: what was saved stays saved. */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_button_set_label (self->save_button, _("_Done"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "window.close");
  gtk_stack_set_visible_child_name (self->stack, "verify");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->verify_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->verify_button));
  _steward_connection_editor_update_state (self);
}

/* Returns: (transfer none) (nullable): the row of a datastore on the verification page */
GtkWidget *
steward_connection_editor_get_verify_row (StewardConnectionEditor *self,
                                          gint64                   datastore_id)
{
  VerifyRow *row;

  g_return_val_if_fail (STEWARD_IS_CONNECTION_EDITOR (self), NULL);

  row = find_verify_row (self, datastore_id);
  return row != NULL ? row->row : NULL;
}

/* Returns: (nullable): "pending", "running", "connected", "failed" (the server could not
 * connect) or "error" (the check itself failed) */
const char *
steward_connection_editor_get_verify_result (StewardConnectionEditor *self,
                                             gint64                   datastore_id)
{
  VerifyRow *row;

  g_return_val_if_fail (STEWARD_IS_CONNECTION_EDITOR (self), NULL);

  row = find_verify_row (self, datastore_id);
  return row != NULL ? row->result : NULL;
}
