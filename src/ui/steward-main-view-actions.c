/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-main-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-create-datastore-dialog.h"
#include "steward-datastore-editor.h"
#include "steward-delete-datastore-dialog.h"
#include "steward-delete-datastores-dialog.h"
#include "steward-enrichment-bulk-dialog.h"
#include "steward-enrichment-dialog.h"
#include "steward-main-view-private.h"
#include "steward-onboarding-wizard.h"
#include "steward-operation-row.h"
#include "steward-test-connection-dialog.h"

/* Every view.* action of the browser. Each one captures the deployment it starts on and works
 * through it: the deployment makes the request with its own client and updates its shared
 * objects, so a profile switch while a request is out never sends it, or its result, elsewhere.
 * Outcomes are toasts; those that can be taken back offer Undo. */

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Calls */

StewardViewCall *
_steward_view_call_new (StewardMainView *self,
                        gint64           datastore_id)
{
  StewardViewCall *call = g_new0 (StewardViewCall, 1);
  StewardDatastore *datastore = _steward_main_view_find_datastore (self, datastore_id);

  call->self = g_object_ref (self);
  call->deployment = g_object_ref (self->deployment);
  call->datastore_id = datastore_id;
  call->datastore_name = g_strdup (datastore != NULL ? steward_datastore_get_name (datastore) : "");
  return call;
}

void
_steward_view_call_free (StewardViewCall *call)
{
  g_object_unref (call->self);
  g_object_unref (call->deployment);
  g_free (call->datastore_name);
  g_free (call->group_name);
  g_free (call);
}

gboolean
_steward_view_call_still_shown (StewardViewCall *call)
{
  return call->self->deployment == call->deployment;
}

/* The end of long work, told to whoever is not looking at the window, through the desktop's own
 * notifications, so its do-not-disturb applies. Clicking one brings the window back, on
 * DATASTORE_ID when there is one. ID replaces an earlier notification of the same kind. */
void
_steward_main_view_notify_unfocused (StewardMainView *self,
                                     const char      *id,
                                     const char      *title,
                                     const char      *body,
                                     gint64           datastore_id)
{
  GApplication *app = g_application_get_default ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GNotification) notification = NULL;

  if (app == NULL || !GTK_IS_WINDOW (root) || gtk_window_is_active (GTK_WINDOW (root)))
    return;

  /* The body is plain text to GNotification: GNOME Shell and the portal show it as such, so it
   * is not escaped here (escaping would show "&amp;" there). */
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target_value (notification, "app.show-datastore",
                                                       g_variant_new_int64 (datastore_id));
  g_application_send_notification (app, id, notification);
}

/* Permissions */

void
_steward_main_view_update_permissions (StewardMainView *self)
{
  static const struct
  {
    const char    *action;
    StewardAction  needs;
  } gated[] = {
    { "view.favorite-selection", STEWARD_ACTION_FAVORITE },
    { "view.new-group", STEWARD_ACTION_MANAGE_GROUPS },
    { "view.edit-group", STEWARD_ACTION_MANAGE_GROUPS },
    { "view.delete-group", STEWARD_ACTION_MANAGE_GROUPS },
    { "view.delete", STEWARD_ACTION_DELETE_DATASTORE },
    { "view.delete-selection", STEWARD_ACTION_DELETE_DATASTORE },
    { "view.new-datastore", STEWARD_ACTION_CREATE_DATASTORE },
    { "view.test-connection", STEWARD_ACTION_TEST_CONNECTION },
    { "view.enrichment", STEWARD_ACTION_LINK_ENRICHMENT },
    { "view.enrichment-selection", STEWARD_ACTION_LINK_ENRICHMENT },
  };
  StewardUser *user =
      self->deployment != NULL ? steward_deployment_get_user (self->deployment) : NULL;
  gboolean can_delete = steward_user_can (user, STEWARD_ACTION_DELETE_DATASTORE);
  g_autofree char *why_not = steward_action_explain_denied (STEWARD_ACTION_DELETE_DATASTORE);
  g_autofree char *groups_why_not = steward_action_explain_denied (STEWARD_ACTION_MANAGE_GROUPS);

  for (guint i = 0; i < G_N_ELEMENTS (gated); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), gated[i].action,
                                   self->deployment != NULL &&
                                       steward_user_can (user, gated[i].needs));

  gtk_widget_set_tooltip_text (self->delete_selection_button,
                               can_delete ? _("Delete the selected datastores") : why_not);
  steward_sidebar_explain_new_group (self->sidebar,
                                     steward_user_can (user, STEWARD_ACTION_MANAGE_GROUPS)
                                         ? NULL
                                         : groups_why_not);
}

/* Favorites: shown at once by the deployment, put back if the server refuses. */

static void
favorite_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StewardViewCall) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!steward_deployment_set_favorite_finish (STEWARD_DEPLOYMENT (object), result, &error))
    {
      g_autofree char *what = NULL;

      if (is_cancelled (error) || !_steward_view_call_still_shown (call))
        return;
      what = g_strdup_printf (_("Could not change the favorite “%s”"), call->datastore_name);
      _steward_main_view_toast_error (call->self, STEWARD_ACTION_FAVORITE, what, error);
      return;
    }

  if (!_steward_view_call_still_shown (call))
    return;
  message = g_strdup_printf (call->flag ? _("Added “%s” to favorites")
                                        : _("Removed “%s” from favorites"),
                             call->datastore_name);
  _steward_main_view_toast_with_undo (call->self, message, "view.set-favorite",
                                      g_variant_new ("(xb)", call->datastore_id, !call->flag));
}

static void
set_favorite (StewardMainView *self,
              gint64           datastore_id,
              gboolean         favorite)
{
  StewardViewCall *call;

  if (self->deployment == NULL || _steward_main_view_find_datastore (self, datastore_id) == NULL)
    return;

  call = _steward_view_call_new (self, datastore_id);
  call->flag = favorite;
  steward_deployment_set_favorite_async (self->deployment, datastore_id, favorite, NULL,
                                         favorite_cb, call);
}

static void
toggle_favorite_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *datastore =
      _steward_main_view_find_datastore (self, g_variant_get_int64 (parameter));

  /* The shared object's current value, whoever changed it last. */
  if (datastore != NULL)
    set_favorite (self, g_variant_get_int64 (parameter),
                  !steward_datastore_get_favorite (datastore));
}

static void
set_favorite_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gint64 id;
  gboolean favorite;

  g_variant_get (parameter, "(xb)", &id, &favorite);
  set_favorite (STEWARD_MAIN_VIEW (widget), id, favorite);
}

/* One datastore into a group, or out of it (group 0). */

static void
assign_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StewardViewCall) call = user_data;
  g_autoptr(GError) error = NULL;
  StewardDatastore *datastore;
  StewardDatastoreGroup *group;
  g_autofree char *message = NULL;

  if (!steward_deployment_assign_group_finish (STEWARD_DEPLOYMENT (object), result, &error))
    {
      g_autofree char *what = NULL;

      if (is_cancelled (error) || !_steward_view_call_still_shown (call))
        return;
      what = g_strdup_printf (_("Could not change the group of “%s”"), call->datastore_name);
      _steward_main_view_toast_error (call->self, STEWARD_ACTION_ASSIGN_GROUP, what, error);
      return;
    }

  if (!_steward_view_call_still_shown (call))
    return;

  datastore = steward_deployment_find_datastore (call->deployment, call->datastore_id);
  group = datastore != NULL ? steward_datastore_get_group (datastore) : NULL;
  if (group != NULL)
    message = g_strdup_printf (_("Moved “%s” to “%s”"), call->datastore_name,
                               steward_datastore_group_get_name (group));
  else
    message = g_strdup_printf (_("Removed “%s” from “%s”"), call->datastore_name,
                               call->group_name != NULL ? call->group_name : _("its group"));
  _steward_main_view_toast_with_undo (call->self, message, "view.assign-group",
                                      g_variant_new ("(xx)", call->datastore_id, call->group_id));
}

static void
assign_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *datastore;
  StewardDatastoreGroup *previous;
  gint64 datastore_id;
  gint64 group_id;
  StewardViewCall *call;

  g_variant_get (parameter, "(xx)", &datastore_id, &group_id);
  datastore = _steward_main_view_find_datastore (self, datastore_id);
  if (datastore == NULL || steward_datastore_get_group_id (datastore) == group_id)
    return;

  previous = steward_datastore_get_group (datastore);
  call = _steward_view_call_new (self, datastore_id);
  call->group_id = steward_datastore_get_group_id (datastore);   /* for Undo */
  call->group_name =
      previous != NULL ? g_strdup (steward_datastore_group_get_name (previous)) : NULL;
  steward_deployment_assign_group_async (self->deployment, datastore_id, group_id, NULL, assign_cb,
                                         call);
}

/* Many datastores at once: one toast for the lot, whatever happens to the view meanwhile. */

static void
batch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(StewardViewCall) call = user_data;
  StewardDeployment *deployment = STEWARD_DEPLOYMENT (object);
  g_autoptr(StewardBatchReport) report = steward_deployment_run_batch_finish (deployment, result);
  g_autofree char *message = NULL;
  StewardAction action;
  guint total = report->total;

  switch (report->kind)
    {
    case STEWARD_BATCH_ASSIGN:
      action = STEWARD_ACTION_ASSIGN_GROUP;
      if (report->group_id > 0)
        {
          StewardDatastoreGroup *group =
              steward_deployment_find_group (deployment, report->group_id);

          message =
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Assigned %u of %u datastore to “%s”",
                                            "Assigned %u of %u datastores to “%s”", total),
                               report->succeeded, total,
                               group != NULL ? steward_datastore_group_get_name (group) : "");
        }
      else
        message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Removed %u of %u datastore from its group",
                                          "Removed %u of %u datastores from their groups", total),
                             report->succeeded, total);
      break;
    case STEWARD_BATCH_FAVORITE:
      action = STEWARD_ACTION_FAVORITE;
      message =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u of %u datastore to favorites",
                                        "Added %u of %u datastores to favorites", total),
                           report->succeeded, total);
      break;
    case STEWARD_BATCH_DELETE:
    default:
      action = STEWARD_ACTION_DELETE_DATASTORE;
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u of %u datastore",
                                              "Deleted %u of %u datastores", total),
                                 report->succeeded, total);
      break;
    }

  if (report->failed > 0)
    {
      g_autofree char *failures =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed", report->failed),
                           report->failed);
      g_autofree char *what = g_strdup_printf ("%s; %s", message, failures);

      _steward_main_view_toast_error (call->self, action, what, report->first_error);
      _steward_main_view_notify_unfocused (call->self, "steward-bulk", _("Bulk Action Finished"),
                                           what, 0);
    }
  else
    {
      _steward_main_view_toast (call->self, message);
      _steward_main_view_notify_unfocused (call->self, "steward-bulk", _("Bulk Action Finished"),
                                           message, 0);
    }
}

/* Runs on the deployment shown now, to the end: a profile switch does not stop it, and never
 * sends any of it to the other deployment. */
static void
run_batch (StewardMainView  *self,
           StewardBatchKind  kind,
           gint64            group_id,
           GArray           *ids)
{
  if (self->deployment == NULL || ids->len == 0)
    return;

  steward_deployment_run_batch_async (self->deployment, kind, (const gint64 *) ids->data, ids->len,
                                      group_id, NULL, batch_cb, _steward_view_call_new (self, 0));
}

/* Every menu of groups acts on the selection: one datastore is assigned alone (its toast offers
 * Undo), several together. */
static void
assign_selection (StewardMainView *self,
                  gint64           group_id)
{
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);

  if (ids->len == 1)
    {
      gint64 id = g_array_index (ids, gint64, 0);
      g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new ("(xx)", id, group_id));

      assign_group_action (GTK_WIDGET (self), "view.assign-group", target);
    }
  else
    run_batch (self, STEWARD_BATCH_ASSIGN, group_id, ids);
}

static void
assign_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  assign_selection (STEWARD_MAIN_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
ungroup_selection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  assign_selection (STEWARD_MAIN_VIEW (widget), 0);
}

/* Remove from Group is offered while there is a group to leave: always for several datastores,
 * for one while it is in a group. */
void
_steward_main_view_update_selection_actions (StewardMainView *self)
{
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);
  StewardDatastore *selected = steward_datastore_table_get_selected (self->table);

  gboolean grouped = selected != NULL && steward_datastore_get_group (selected) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.ungroup-selection",
                                 ids->len > 1 || grouped);
}

/* A drop of several rows on the sidebar: (group id, ids). */
static void
assign_ids_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GVariant) array = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *values;
  gint64 group_id;
  gsize n;

  g_variant_get (parameter, "(x@ax)", &group_id, &array);
  values = g_variant_get_fixed_array (array, &n, sizeof (gint64));
  g_array_append_vals (ids, values, n);
  run_batch (STEWARD_MAIN_VIEW (widget), STEWARD_BATCH_ASSIGN, group_id, ids);
}

static void
favorite_selection_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);

  run_batch (self, STEWARD_BATCH_FAVORITE, 0, ids);
}

typedef struct
{
  StewardMainView   *self;
  StewardDeployment *deployment;
  GArray            *ids;
} DeleteSelection;

static void
delete_selection_free (DeleteSelection *pending)
{
  g_array_unref (pending->ids);
  g_object_unref (pending->deployment);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
delete_selection_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              gpointer          user_data)
{
  DeleteSelection *pending = user_data;

  /* The deployment the user confirmed for, even if the view shows another one now. */
  if (g_str_equal (response, "delete"))
    steward_deployment_run_batch_async (pending->deployment, STEWARD_BATCH_DELETE,
                                        (const gint64 *) pending->ids->data, pending->ids->len, 0,
                                        NULL, batch_cb, _steward_view_call_new (pending->self, 0));

  delete_selection_free (pending);
}

/* One datastore goes through its own confirmation (type its name); several through one that
 * lists them (type how many). */
static void
delete_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);
  g_autoptr(GPtrArray) names = NULL;
  StewardDeleteDatastoresDialog *dialog;
  DeleteSelection *pending;

  if (ids->len == 0 || self->deployment == NULL)
    return;

  if (ids->len == 1)
    {
      gtk_widget_activate_action (widget, "view.delete", "x", g_array_index (ids, gint64, 0));
      return;
    }

  names = g_ptr_array_new ();
  for (guint i = 0; i < ids->len; i++)
    {
      StewardDatastore *datastore =
          _steward_main_view_find_datastore (self, g_array_index (ids, gint64, i));
      g_ptr_array_add (names, (gpointer) (datastore != NULL ? steward_datastore_get_name (datastore)
                                                            : "?"));
    }
  g_ptr_array_add (names, NULL);

  dialog = steward_delete_datastores_dialog_new (_steward_main_view_get_window (self),
                                                 (const char *const *) names->pdata);
  pending = g_new0 (DeleteSelection, 1);
  pending->self = g_object_ref (self);
  pending->deployment = g_object_ref (self->deployment);
  pending->ids = g_array_ref (ids);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_selection_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
datastore_created_cb (StewardCreateDatastoreDialog *dialog,
                      StewardDatastore             *datastore,
                      gboolean                      sync_started,
                      StewardMainView              *self)
{
  g_autofree char *message =
      g_strdup_printf (_("Created “%s”"), steward_datastore_get_name (datastore));
  StewardDeployment *deployment = self->deployment;

  if (deployment == NULL)
    return;

  _steward_main_view_toast (self, message);
  steward_deployment_add_datastore (deployment, datastore);
  steward_main_view_select_datastore (self, steward_datastore_get_id (datastore));

  if (sync_started)
    _steward_main_view_follow_new_sync (self, datastore);
}

static void
new_datastore_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardCreateDatastoreDialog *dialog;

  if (self->deployment == NULL)
    return;

  dialog = steward_create_datastore_dialog_new (_steward_main_view_get_window (self),
                                                steward_deployment_get_client (self->deployment),
                                                steward_deployment_get_groups (self->deployment));
  g_signal_connect_object (dialog, "created", G_CALLBACK (datastore_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Many schemas at once. A user whose role cannot create datastores still gets the window, which
 * says why instead of showing the steps. */
static void
onboarded_datastore_activated_cb (StewardOnboardingWizard *wizard,
                                  gint64                   datastore_id,
                                  StewardMainView         *self)
{
  steward_main_view_select_datastore (self, datastore_id);
}

static void
onboard_schemas_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardOnboardingWizard *wizard;

  if (self->deployment == NULL)
    return;

  wizard =
      steward_onboarding_wizard_new (_steward_main_view_get_window (self), self->deployment, 0);
  g_signal_connect_object (wizard, "datastore-activated",
                           G_CALLBACK (onboarded_datastore_activated_cb), self, 0);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
test_connection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);

  if (self->deployment == NULL)
    return;

  gtk_window_present (GTK_WINDOW (
      steward_test_connection_dialog_new (_steward_main_view_get_window (self),
                                          steward_deployment_get_client (self->deployment))));
}

/* One datastore: edit and delete */

static void
datastore_saved_cb (StewardDatastoreEditor *editor,
                    StewardDatastore       *datastore,
                    StewardMainView        *self)
{
  g_autofree char *message =
      g_strdup_printf (_("Saved “%s”"), steward_datastore_get_name (datastore));

  /* The editor changed the shared object; the deployment re-derives what depends on it. */
  if (self->deployment != NULL)
    steward_deployment_apply_datastore (self->deployment, datastore);
  _steward_main_view_toast (self, message);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *datastore =
      _steward_main_view_find_datastore (self, g_variant_get_int64 (parameter));
  StewardDatastoreEditor *editor;

  if (datastore == NULL)
    return;

  editor =
      steward_datastore_editor_new (_steward_main_view_get_window (self),
                                    steward_deployment_get_client (self->deployment), datastore);
  g_signal_connect_object (editor, "saved", G_CALLBACK (datastore_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
datastore_deleted_cb (StewardDeleteDatastoreDialog *dialog,
                      gint64                        datastore_id,
                      StewardMainView              *self)
{
  StewardDatastore *datastore = steward_delete_datastore_dialog_get_datastore (dialog);
  g_autofree char *message =
      g_strdup_printf (_("Deleted “%s”"),
                       datastore != NULL ? steward_datastore_get_name (datastore) : "");

  if (self->deployment != NULL)
    steward_deployment_forget_datastore (self->deployment, datastore_id);
  _steward_main_view_toast (self, message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *datastore =
      _steward_main_view_find_datastore (self, g_variant_get_int64 (parameter));
  StewardDeleteDatastoreDialog *dialog;

  if (datastore == NULL)
    return;

  dialog = steward_delete_datastore_dialog_new (_steward_main_view_get_window (self),
                                                steward_deployment_get_client (self->deployment),
                                                datastore);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (datastore_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Enrichment: one datastore's dialog, or one for several. Each works through the deployment it
 * was opened on, which applies every answer, so the list and the details follow at once. */

static void
enrichment_saved_cb (StewardEnrichmentDialog *dialog,
                     StewardMainView         *self)
{
  StewardDatastore *datastore = steward_enrichment_dialog_get_datastore (dialog);
  g_autoptr(StewardDeployment) deployment = NULL;
  g_autofree char *message = NULL;

  g_object_get (dialog, "deployment", &deployment, NULL);
  if (self->deployment != deployment)
    return;

  message =
      g_strdup_printf (_("Saved the enrichment of “%s”"), steward_datastore_get_name (datastore));
  _steward_main_view_toast (self, message);
}

static void
enrichment_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *datastore =
      _steward_main_view_find_datastore (self, g_variant_get_int64 (parameter));
  StewardEnrichmentDialog *dialog;

  if (datastore == NULL || self->deployment == NULL)
    return;

  dialog = steward_enrichment_dialog_new (_steward_main_view_get_window (self), self->deployment,
                                          datastore);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (enrichment_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+E and the selection bar: the selected datastore's dialog, or one for all selected. */
static void
enrichment_selection_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  g_autoptr(GArray) ids = steward_datastore_table_get_selected_ids (self->table);

  if (self->deployment == NULL || ids->len == 0)
    return;

  if (ids->len == 1)
    {
      gtk_widget_activate_action (widget, "view.enrichment", "x", g_array_index (ids, gint64, 0));
      return;
    }

  gtk_window_present (GTK_WINDOW (
      steward_enrichment_bulk_dialog_new (_steward_main_view_get_window (self), self->deployment,
                                          (const gint64 *) ids->data, ids->len)));
}

/* Verify */

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StewardViewCall) call = user_data;
  StewardMainView *self = call->self;
  StewardDatastore *datastore =
      steward_deployment_find_datastore (call->deployment, call->datastore_id);
  StewardDatastore *shown = steward_datastore_details_get_datastore (self->details);
  gboolean is_shown = _steward_view_call_still_shown (call) && shown != NULL &&
                      steward_datastore_get_id (shown) == call->datastore_id;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean connected;

  connected =
      steward_client_verify_datastore_finish (STEWARD_CLIENT (object), result, &message, &error);
  if (is_cancelled (error))
    return;

  if (is_shown)
    steward_datastore_details_set_busy (self->details, "verify", FALSE);

  if (error != NULL)
    {
      /* Gone: the deployment forgets it, the details say so, the list drops it with a toast. */
      if (!steward_deployment_handle_not_found (call->deployment, call->datastore_id, error) &&
          _steward_view_call_still_shown (call))
        _steward_main_view_toast_error (self, STEWARD_ACTION_UPDATE_DATASTORE,
                                        _("Could not verify the connection"), error);
      return;
    }

  if (datastore != NULL)
    g_object_set (datastore, "connected", connected, NULL);
  if (is_shown)
    steward_datastore_details_set_verify_result (self->details, connected, message);
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (self->deployment == NULL)
    return;

  steward_datastore_details_set_busy (self->details, "verify", TRUE);
  steward_client_verify_datastore_async (steward_deployment_get_client (self->deployment), id,
                                         self->cancellable, verify_cb,
                                         _steward_view_call_new (self, id));
}

/* Small actions */

static void
reload_refreshed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  steward_deployment_refresh_finish (STEWARD_DEPLOYMENT (object), result, NULL);
}

/* F5: the deployment lists everything again; the selected datastore comes back too. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  StewardDatastore *shown = steward_datastore_details_get_datastore (self->details);

  if (self->deployment == NULL)
    return;

  /* Asked for: if it fails, say so again. */
  self->refresh_failure_told = FALSE;
  steward_deployment_refresh_async (self->deployment, self->cancellable, reload_refreshed_cb, NULL);
  if (shown != NULL)
    _steward_main_view_fetch (self, steward_datastore_get_id (shown));
  /* The Connections page shown: its list too. */
  if (steward_sidebar_get_connections_selected (self->sidebar))
    gtk_widget_activate_action (GTK_WIDGET (self->connections_page), "connections.refresh", NULL);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);

  g_object_set (self, "filter-type", "", "filter-tag", "", NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  _steward_main_view_query_changed (self, STEWARD_QUERY_FILTER);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);

  /* Ctrl+F searches what is shown. */
  if (steward_sidebar_get_connections_selected (self->sidebar))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->connections_page), "connections.search", NULL);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The desktop's search handed over: the browser of every datastore, searching for what was
 * typed there. */
static void
search_text_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);

  steward_sidebar_select (self->sidebar, STEWARD_SCOPE_ALL, 0);
  _steward_main_view_query_changed (self, STEWARD_QUERY_FILTER);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (STEWARD_MAIN_VIEW (widget)->outer_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_leaflet_navigate (STEWARD_MAIN_VIEW (widget)->inner_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* A datastore named elsewhere (a connection's details): shown in the browser, in the view that
 * lists it (enrichment-only datastores are in their own), with search and filters cleared if
 * they hide it, and selected. */
static void
open_datastore_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StewardMainView *self = STEWARD_MAIN_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  StewardDatastore *datastore = _steward_main_view_find_datastore (self, id);

  if (datastore == NULL)
    return;

  steward_sidebar_select (self->sidebar,
                          steward_datastore_get_enrichment_only (datastore)
                              ? STEWARD_SCOPE_ENRICHMENT
                              : STEWARD_SCOPE_ALL,
                          0);
  _steward_main_view_query_changed (self, STEWARD_QUERY_FILTER);
  if (!steward_datastore_query_matches (self->query, datastore))
    gtk_widget_activate_action (widget, "view.clear-filters", NULL);

  steward_main_view_select_datastore (self, id);
  if (adw_leaflet_get_folded (self->inner_leaflet))
    adw_leaflet_set_visible_child (self->inner_leaflet,
                                   gtk_widget_get_ancestor (GTK_WIDGET (self->details),
                                                            GTK_TYPE_BOX));
}

/* A toast's Details: the whole text of a message too long for a toast. */
static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (_steward_main_view_get_window (STEWARD_MAIN_VIEW (widget)),
                              _("What Went Wrong"), NULL));

  adw_message_dialog_set_body (dialog, g_variant_get_string (parameter, NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_steward_main_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "view.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.search-text", "s", search_text_action);
  gtk_widget_class_install_action (widget_class, "view.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "view.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "view.show-message", "s", show_message_action);
  gtk_widget_class_install_action (widget_class, "view.toggle-favorite", "x",
                                   toggle_favorite_action);
  gtk_widget_class_install_action (widget_class, "view.set-favorite", "(xb)", set_favorite_action);
  gtk_widget_class_install_action (widget_class, "view.assign-group", "(xx)", assign_group_action);
  gtk_widget_class_install_action (widget_class, "view.assign-selection", "x",
                                   assign_selection_action);
  gtk_widget_class_install_action (widget_class, "view.ungroup-selection", NULL,
                                   ungroup_selection_action);
  gtk_widget_class_install_action (widget_class, "view.assign-ids", "(xax)", assign_ids_action);
  gtk_widget_class_install_action (widget_class, "view.favorite-selection", NULL,
                                   favorite_selection_action);
  gtk_widget_class_install_action (widget_class, "view.delete-selection", NULL,
                                   delete_selection_action);
  gtk_widget_class_install_action (widget_class, "view.new-datastore", NULL, new_datastore_action);
  gtk_widget_class_install_action (widget_class, "view.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "view.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "view.test-connection", NULL,
                                   test_connection_action);
  gtk_widget_class_install_action (widget_class, "view.onboard-schemas", NULL,
                                   onboard_schemas_action);
  gtk_widget_class_install_action (widget_class, "view.verify", "x", verify_action);
  gtk_widget_class_install_action (widget_class, "view.enrichment", "x", enrichment_action);
  gtk_widget_class_install_action (widget_class, "view.enrichment-selection", NULL,
                                   enrichment_selection_action);
  gtk_widget_class_install_action (widget_class, "view.open-datastore", "x", open_datastore_action);

  _steward_main_view_class_group_actions_init (widget_class);
  _steward_main_view_class_sync_actions_init (widget_class);
  _steward_main_view_class_share_actions_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "view.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "view.new-datastore", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.onboard-schemas", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "view.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "view.reload",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "view.enrichment-selection", NULL);
}
