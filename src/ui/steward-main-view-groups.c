/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-main-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-delete-group-dialog.h"
#include "steward-group-editor.h"
#include "steward-main-view-private.h"

/* Groups: the dialogs do the work and report what changed, which the deployment takes in. */

static void
group_saved_cb (StewardGroupEditor    *editor,
                StewardDatastoreGroup *answer,
                StewardMainView       *self)
{
  StewardDatastoreGroup *edited = steward_group_editor_get_group (editor);
  g_autofree char *message = NULL;

  if (self->deployment == NULL)
    return;

  if (edited == NULL)
    {
      steward_deployment_add_group (self->deployment, answer);
      message =
          g_strdup_printf (_("Created the group “%s”"), steward_datastore_group_get_name (answer));
    }
  else
    {
      steward_deployment_group_changed (self->deployment, edited);
      message =
          g_strdup_printf (_("Saved the group “%s”"), steward_datastore_group_get_name (edited));
    }
  _steward_main_view_toast (self, message);
}

static void
new_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardGroupEditor *editor;

  if (self->deployment == NULL)
    return;

  editor = steward_group_editor_new (_steward_main_view_get_window (self),
                                     steward_deployment_get_client (self->deployment),
                                     steward_deployment_get_groups (self->deployment), NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (group_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastoreGroup *group;
  StewardGroupEditor *editor;

  if (self->deployment == NULL)
    return;
  group = steward_deployment_find_group (self->deployment, g_variant_get_int64 (parameter));
  if (group == NULL)
    return;

  editor = steward_group_editor_new (_steward_main_view_get_window (self),
                                     steward_deployment_get_client (self->deployment),
                                     steward_deployment_get_groups (self->deployment), group);
  g_signal_connect_object (editor, "saved", G_CALLBACK (group_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
group_deleted_cb (StewardDeleteGroupDialog *dialog,
                  StewardDatastoreGroup    *group,
                  StewardMainView          *self)
{
  g_autofree char *message = NULL;

  if (self->deployment == NULL)
    return;

  message = g_strdup_printf (_("Deleted the group “%s”; its datastores are now ungrouped"),
                             steward_datastore_group_get_name (group));
  steward_deployment_remove_group (self->deployment, steward_datastore_group_get_id (group));
  _steward_main_view_toast (self, message);
}

static void
delete_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  StewardDatastoreGroup *group;
  StewardDeleteGroupDialog *dialog;

  if (self->deployment == NULL)
    return;
  group = steward_deployment_find_group (self->deployment, id);
  if (group == NULL)
    return;

  dialog = steward_delete_group_dialog_new (_steward_main_view_get_window (self),
                                            steward_deployment_get_client (self->deployment), group,
                                            steward_deployment_count (self->deployment,
                                                                      STEWARD_SCOPE_GROUP, id));
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (group_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
void
_steward_main_view_class_group_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.new-group", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "view.edit-group", "x", edit_group_action);
  gtk_widget_class_install_action (widget_class, "view.delete-group", "x", delete_group_action);
}
