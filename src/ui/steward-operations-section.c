/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-operations-section"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-operation-row.h"
#include "steward-operation-watch.h"
#include "steward-operations-section.h"
#include "steward-run-operation-dialog.h"

/* A datastore's recent operations, newest first, in its details: each one's type, status,
 * start, duration and message, with Abort on a running one (asked first), and a Run menu (Sync,
 * Profile…, Scan…). The operations are the deployment's operation watch's shared objects, so a
 * running one shows its progress without a request of this section's own, and one started
 * anywhere in the app shows up here at once. A Sync goes through the main view's view.sync when
 * there is one, so the details show its progress as for the header's Sync button. */
struct _StewardOperationsSection
{
  GtkBox             parent_instance;

  StewardDeployment *deployment;
  StewardDatastore  *datastore;
  GListStore        *operations;
  GCancellable      *load_cancellable;   /* the listing; cancelled when the datastore changes */
  GCancellable      *cancellable;        /* aborts; cancelled when the section goes */
  GSignalGroup      *watch_signals;
  gboolean           can_run;

  GtkSpinner        *spinner;
  GtkMenuButton     *run_button;
  GtkRevealer       *message_revealer;
  GtkLabel          *message_label;
  GtkStack          *stack;
  GtkLabel          *error_label;
  GtkListBox        *list_box;
};

G_DEFINE_FINAL_TYPE (StewardOperationsSection, steward_operations_section, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_DEPLOYMENT,
  PROP_DATASTORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many of a datastore's operations the details show. */
#define RECENT_OPERATIONS 10

static gint64
datastore_id (StewardOperationsSection *self)
{
  return self->datastore != NULL ? steward_datastore_get_id (self->datastore) : 0;
}

static void
show_message (StewardOperationsSection *self,
              const char               *message)
{
  if (message != NULL)
    gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
update_page (StewardOperationsSection *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->operations)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
set_loading (StewardOperationsSection *self,
             gboolean                  loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
}

static void
update_permissions (StewardOperationsSection *self)
{
  StewardUser *user =
      self->deployment != NULL ? steward_deployment_get_user (self->deployment) : NULL;
  g_autofree char *why_not = NULL;
  gboolean usable = self->deployment != NULL && self->datastore != NULL;

  self->can_run = usable && steward_user_can (user, STEWARD_ACTION_RUN_SYNC);
  if (usable && !self->can_run)
    why_not = steward_action_explain_denied (STEWARD_ACTION_RUN_SYNC);

  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button), self->can_run);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->run_button),
                               why_not != NULL ? why_not : _("Run an operation on this datastore"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "operations.run-sync", self->can_run);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "operations.run-profile", self->can_run);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "operations.run-scan", self->can_run);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "operations.abort", self->can_run);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (STEWARD_IS_OPERATION_ROW (row))
      steward_operation_row_set_can_abort (STEWARD_OPERATION_ROW (row), self->can_run, why_not);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StewardOperationsSection *self = user_data;
  GtkWidget *row = steward_operation_row_new (STEWARD_OPERATION (item), NULL);
  g_autofree char *why_not = NULL;

  if (!self->can_run && self->deployment != NULL)
    why_not = steward_action_explain_denied (STEWARD_ACTION_RUN_SYNC);
  steward_operation_row_set_can_abort (STEWARD_OPERATION_ROW (row), self->can_run, why_not);
  return row;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StewardOperationsSection) self = user_data;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shared = g_ptr_array_new ();
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  StewardOperationWatch *watch;

  listed = steward_client_list_operations_finish (STEWARD_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->deployment == NULL)
    return;

  set_loading (self, FALSE);
  if (listed == NULL)
    {
      g_autofree char *forbidden = steward_forbidden_message (STEWARD_ACTION_RUN_SYNC, error);

      gtk_label_set_text (self->error_label, forbidden != NULL ? forbidden : error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* The watch's object for each, so a running one is followed once, whoever shows it. */
  watch = steward_operation_watch_get (self->deployment);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (listed), RECENT_OPERATIONS); i++)
    {
      g_autoptr(StewardOperation) operation = g_list_model_get_item (listed, i);

      if (steward_operation_get_datastore_id (operation) == datastore_id (self))
        g_ptr_array_add (shared, steward_operation_watch_track (watch, operation));
    }
  /* One started while the list was on its way is kept, on top. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->operations)); i > 0; i--)
    {
      g_autoptr(StewardOperation) started =
          g_list_model_get_item (G_LIST_MODEL (self->operations), i - 1);

      if (!g_ptr_array_find (shared, started, NULL))
        {
          g_ptr_array_add (keep, g_object_ref (started));
          g_ptr_array_insert (shared, 0, started);
        }
    }
  g_list_store_splice (self->operations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->operations)), shared->pdata,
                       shared->len);
  update_page (self);
}

static void
reload (StewardOperationsSection *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  show_message (self, NULL);
  g_list_store_remove_all (self->operations);

  if (self->deployment == NULL || self->datastore == NULL)
    {
      set_loading (self, FALSE);
      update_page (self);
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  steward_client_list_operations_async (steward_deployment_get_client (self->deployment),
                                        datastore_id (self), RECENT_OPERATIONS,
                                        self->load_cancellable, listed_cb, g_object_ref (self));
}

/* Started anywhere in the app: shown on top, if it is this datastore's. */
static void
started_cb (StewardOperationsSection *self,
            StewardOperation         *operation)
{
  guint n;

  if (self->datastore == NULL ||
      steward_operation_get_datastore_id (operation) != datastore_id (self) ||
      g_list_store_find (self->operations, operation, NULL))
    return;

  show_message (self, NULL);
  g_list_store_insert (self->operations, 0, operation);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->operations));
  if (n > RECENT_OPERATIONS)
    g_list_store_remove (self->operations, n - 1);
  update_page (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (STEWARD_OPERATIONS_SECTION (widget));
}

static void
sync_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(StewardOperationsSection) self = user_data;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = steward_operation_watch_run_finish (STEWARD_OPERATION_WATCH (object), result, &error);
  if (operation == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *forbidden = steward_forbidden_message (STEWARD_ACTION_RUN_SYNC, error);

      show_message (self, forbidden != NULL ? forbidden : error->message);
    }
}

static void
run_sync_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StewardOperationsSection *self = STEWARD_OPERATIONS_SECTION (widget);

  if (self->deployment == NULL || self->datastore == NULL)
    return;

  /* The main view's Sync, when the section is in one: its details show the progress and it
   * tells when the sync ends. */
  if (gtk_widget_activate_action (widget, "view.sync", "x", datastore_id (self)))
    return;

  steward_operation_watch_run_async (steward_operation_watch_get (self->deployment),
                                     datastore_id (self), "sync", NULL, self->cancellable,
                                     sync_started_cb, g_object_ref (self));
}

static void
run_with_options (StewardOperationsSection *self,
                  const char               *type)
{
  StewardRunOperationDialog *dialog;

  if (self->deployment == NULL || self->datastore == NULL)
    return;

  dialog = steward_run_operation_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                             self->deployment, self->datastore, type);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_profile_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  run_with_options (STEWARD_OPERATIONS_SECTION (widget), "profile");
}

static void
run_scan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  run_with_options (STEWARD_OPERATIONS_SECTION (widget), "scan");
}

static void
abort_failed_cb (GObject    *owner,
                 const char *message)
{
  show_message (STEWARD_OPERATIONS_SECTION (owner), message);
}

static StewardOperation *
find_operation (StewardOperationsSection *self,
                gint64                    id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->operations)); i++)
    {
      g_autoptr(StewardOperation) operation =
          g_list_model_get_item (G_LIST_MODEL (self->operations), i);

      if (steward_operation_get_id (operation) == id)
        return operation;
    }

  return NULL;
}

static void
abort_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StewardOperationsSection *self = STEWARD_OPERATIONS_SECTION (widget);
  StewardOperation *operation = find_operation (self, g_variant_get_int64 (parameter));

  if (operation == NULL || steward_operation_is_finished (operation) || self->datastore == NULL ||
      self->deployment == NULL)
    return;

  show_message (self, NULL);
  steward_operation_ask_abort (widget, self->deployment, operation,
                               steward_datastore_get_name (self->datastore), self->cancellable,
                               abort_failed_cb);
}

static void
steward_operations_section_dispose (GObject *object)
{
  StewardOperationsSection *self = STEWARD_OPERATIONS_SECTION (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->watch_signals != NULL)
    g_signal_group_set_target (self->watch_signals, NULL);
  g_clear_object (&self->watch_signals);
  g_clear_object (&self->deployment);
  g_clear_object (&self->datastore);
  g_clear_object (&self->operations);

  G_OBJECT_CLASS (steward_operations_section_parent_class)->dispose (object);
}

static void
steward_operations_section_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  StewardOperationsSection *self = STEWARD_OPERATIONS_SECTION (object);

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
steward_operations_section_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  StewardOperationsSection *self = STEWARD_OPERATIONS_SECTION (object);

  switch (prop_id)
    {
    case PROP_DEPLOYMENT:
      steward_operations_section_set_deployment (self, g_value_get_object (value));
      break;
    case PROP_DATASTORE:
      steward_operations_section_set_datastore (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_operations_section_class_init (StewardOperationsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = steward_operations_section_dispose;
  object_class->get_property = steward_operations_section_get_property;
  object_class->set_property = steward_operations_section_set_property;

  properties[PROP_DEPLOYMENT] = g_param_spec_object ("deployment", NULL, NULL,
                                                     STEWARD_TYPE_DEPLOYMENT, flags);
  properties[PROP_DATASTORE] = g_param_spec_object ("datastore", NULL, NULL,
                                                    STEWARD_TYPE_DATASTORE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-operations-section.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOperationsSection, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardOperationsSection, run_button);
  gtk_widget_class_bind_template_child (widget_class, StewardOperationsSection, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardOperationsSection, message_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOperationsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardOperationsSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOperationsSection, list_box);

  gtk_widget_class_install_action (widget_class, "operations.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "operations.run-sync", NULL, run_sync_action);
  gtk_widget_class_install_action (widget_class, "operations.run-profile", NULL,
                                   run_profile_action);
  gtk_widget_class_install_action (widget_class, "operations.run-scan", NULL, run_scan_action);
  gtk_widget_class_install_action (widget_class, "operations.abort", "x", abort_action);
}

static void
steward_operations_section_init (StewardOperationsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->operations = g_list_store_new (STEWARD_TYPE_OPERATION);
  self->cancellable = g_cancellable_new ();
  self->watch_signals = g_signal_group_new (STEWARD_TYPE_OPERATION_WATCH);
  g_signal_group_connect_swapped (self->watch_signals, "started", G_CALLBACK (started_cb), self);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->operations), create_row, self, NULL);
  update_permissions (self);
  update_page (self);
}

void
steward_operations_section_set_deployment (StewardOperationsSection *self,
                                           StewardDeployment        *deployment)
{
  g_return_if_fail (STEWARD_IS_OPERATIONS_SECTION (self));

  if (!g_set_object (&self->deployment, deployment))
    return;

  g_signal_group_set_target (self->watch_signals,
                             deployment != NULL ? steward_operation_watch_get (deployment) : NULL);
  update_permissions (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPLOYMENT]);
}

/* Returns: (transfer none) (nullable) */
StewardDeployment *
steward_operations_section_get_deployment (StewardOperationsSection *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATIONS_SECTION (self), NULL);

  return self->deployment;
}

void
steward_operations_section_set_datastore (StewardOperationsSection *self,
                                          StewardDatastore         *datastore)
{
  g_return_if_fail (STEWARD_IS_OPERATIONS_SECTION (self));

  /* The same datastore again (its fields changed) keeps the list. */
  if (self->datastore == datastore ||
      (self->datastore != NULL && datastore != NULL &&
       steward_datastore_get_id (self->datastore) == steward_datastore_get_id (datastore)))
    {
      g_set_object (&self->datastore, datastore);
      return;
    }

  g_set_object (&self->datastore, datastore);
  update_permissions (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE]);
}

/* Returns: (transfer none) (nullable) */
StewardDatastore *
steward_operations_section_get_datastore (StewardOperationsSection *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATIONS_SECTION (self), NULL);

  return self->datastore;
}

/* Returns: (transfer none): the operations shown, newest first */
GListModel *
steward_operations_section_get_operations (StewardOperationsSection *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATIONS_SECTION (self), NULL);

  return G_LIST_MODEL (self->operations);
}
