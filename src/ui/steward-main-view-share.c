/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-main-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-main-view-private.h"

/* What takes a datastore out of Steward: its ID, name or web UI link to the clipboard, its page
 * in the browser, and the list as shown to a CSV file. */

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Returns: (transfer full) (nullable): the web UI's page of DATASTORE on the deployment shown */
static char *
datastore_link (StewardMainView  *self,
                StewardDatastore *datastore)
{
  StewardClient *client;

  if (self->deployment == NULL)
    return NULL;

  client = steward_deployment_get_client (self->deployment);
  return steward_url_datastore_link (steward_client_get_base_url (client),
                                     steward_datastore_get_id (datastore));
}

static void
browser_launched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(StewardMainView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error) || is_cancelled (error))
    return;

  /* The desktop's failure, never the server's refusal: the action only names a permission. */
  _steward_main_view_toast_error (self, STEWARD_ACTION_UPDATE_DATASTORE,
                                  _("Could not open the browser"), error);
}

/* The datastore's page in the vendor web UI, in the desktop's browser. GtkUriLauncher is GTK
 * 4.10, and gtk_show_uri() says nothing when it fails; this does. */
static void
open_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  StewardDatastore *datastore = _steward_main_view_find_datastore (self, id);
  g_autofree char *link = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;

  if (datastore == NULL || (link = datastore_link (self, datastore)) == NULL)
    return;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (link, G_APP_LAUNCH_CONTEXT (context), self->cancellable,
                                           browser_launched_cb, g_object_ref (self));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *datastore =
      _steward_main_view_find_datastore (self, g_variant_get_int64 (parameter));
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (datastore == NULL)
    return;

  if (g_str_equal (action_name, "view.copy-id"))
    {
      text = g_strdup_printf ("%" G_GINT64_FORMAT, steward_datastore_get_id (datastore));
      message = g_strdup_printf (_("Copied the ID %s"), text);
    }
  else if (g_str_equal (action_name, "view.copy-link"))
    {
      text = datastore_link (self, datastore);
      if (text == NULL)
        return;
      message = g_strdup_printf (_("Copied the link to “%s”"),
                                 steward_datastore_get_name (datastore));
    }
  else
    {
      text = g_strdup (steward_datastore_get_name (datastore));
      message = g_strdup_printf (_("Copied the name “%s”"), text);
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _steward_main_view_toast (self, message);
}

/* Export: the list as shown, to a CSV file. */

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, GPOINTER_TO_UINT (g_task_get_task_data (task)));
}

/* Writes the list as the user sees it (filtered, sorted, the columns shown) to FILE as CSV,
 * replacing it. The rows are taken at once, so later changes to the list do not reach the file.
 * The chooser is the action's; tests call this directly. */
void
steward_main_view_export_list_async (StewardMainView     *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *csv;

  g_return_if_fail (STEWARD_IS_MAIN_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_main_view_export_list_async);

  rows = steward_datastore_table_get_rows (self->table);
  /* The header is not a datastore. */
  g_task_set_task_data (task, GUINT_TO_POINTER (rows->len - 1), NULL);
  csv = steward_csv_format (rows);
  bytes = g_bytes_new_take (csv, strlen (csv));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, export_written_cb, g_steal_pointer (&task));
}

/* Returns: how many datastores were written, or -1 with ERROR set */
int
steward_main_view_export_list_finish (StewardMainView  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_MAIN_VIEW (self), -1);
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return (int) g_task_propagate_int (G_TASK (result), error);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  StewardMainView *self = STEWARD_MAIN_VIEW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display_name = g_filename_display_name (name);
  g_autofree char *message = NULL;
  int n = steward_main_view_export_list_finish (self, result, &error);

  if (n < 0)
    {
      if (is_cancelled (error))
        return;
      /* Translators: %s is the name of the file chosen. */
      message = g_strdup_printf (_("Could not export the list to “%s”"), display_name);
      /* The file system's failure, never the server's refusal: the action only names a
       * permission. */
      _steward_main_view_toast_error (self, STEWARD_ACTION_UPDATE_DATASTORE, message, error);
      return;
    }

  /* Translators: %u is how many datastores, %s the name of the file. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u datastore to “%s”",
                                          "Exported %u datastores to “%s”", n),
                             (guint) n, display_name);
  _steward_main_view_toast (self, message);
}

static void
export_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  g_autoptr(StewardMainView) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        steward_main_view_export_list_async (self, file, self->cancellable, exported_cb, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->deployment == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export List"), _steward_main_view_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name an export suggests; keep the .csv. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("datastores.csv"));
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_steward_main_view_class_share_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.copy-id", "x", copy_action);
  gtk_widget_class_install_action (widget_class, "view.copy-name", "x", copy_action);
  gtk_widget_class_install_action (widget_class, "view.copy-link", "x", copy_action);
  gtk_widget_class_install_action (widget_class, "view.export-list", NULL, export_list_action);
  gtk_widget_class_install_action (widget_class, "view.open-in-browser", "x",
                                   open_in_browser_action);
}
