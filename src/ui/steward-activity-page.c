/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-activity-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-activity-page.h"
#include "steward-operation-row.h"
#include "steward-operation-watch.h"

/* The deployment's running and recent operations, newest first, filtered by type and status.
 * The server filters what is listed (so the newest of a rare kind are not crowded out); the
 * same filter runs here over the list, so a running operation that ends leaves the Running
 * filter at once. The operations are the deployment's operation watch's shared objects, polled
 * once at the sync follower's interval, whoever shows them; one started anywhere in the app is
 * added on top. Activating a row opens its datastore (view.open-datastore). The operations are
 * listed the first time the page is shown, not before. */
struct _StewardActivityPage
{
  AdwBin              parent_instance;

  StewardDeployment  *deployment;
  GListStore         *operations;
  GtkCustomFilter    *filter;
  GtkFilterListModel *shown;
  GCancellable       *load_cancellable;
  GCancellable       *cancellable;       /* aborts; cancelled when the page goes */
  GSignalGroup       *watch_signals;
  gboolean            sidebar_folded;
  gboolean            loading;
  gboolean            listed;            /* listed once for this deployment */
  gboolean            failed;

  GtkSpinner         *spinner;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *status_dropdown;
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  AdwStatusPage      *empty_page;
  GtkListBox         *list_box;
};

G_DEFINE_FINAL_TYPE (StewardActivityPage, steward_activity_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SIDEBAR_FOLDED,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The entries of the dropdowns, in their order; NULL is "all". */
static const char *const types[] = { NULL, "sync", "profile", "scan", "export", "materialize" };
static const char *const results[] = { NULL, "running", "success", "failure", "aborted" };

/* The most operations listed at once: the newest. */
#define MAX_LISTED 200

static const char *
selected_type (StewardActivityPage *self)
{
  guint i = gtk_drop_down_get_selected (self->type_dropdown);

  return i < G_N_ELEMENTS (types) ? types[i] : NULL;
}

static const char *
selected_result (StewardActivityPage *self)
{
  guint i = gtk_drop_down_get_selected (self->status_dropdown);

  return i < G_N_ELEMENTS (results) ? results[i] : NULL;
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  StewardActivityPage *self = user_data;
  StewardOperation *operation = item;
  const char *type = selected_type (self);
  const char *result = selected_result (self);
  const char *operation_type = steward_operation_get_operation_type (operation);

  if (type != NULL && g_strcmp0 (type, operation_type) != 0 &&
      !(g_str_equal (type, "sync") && g_strcmp0 (operation_type, "catalog") == 0))
    return FALSE;
  if (result == NULL)
    return TRUE;

  switch (steward_operation_get_result (operation))
    {
    case STEWARD_OPERATION_RUNNING:
      return g_str_equal (result, "running");
    case STEWARD_OPERATION_SUCCESS:
    case STEWARD_OPERATION_WARNING:
      return g_str_equal (result, "success");
    case STEWARD_OPERATION_ABORTED:
      return g_str_equal (result, "aborted");
    case STEWARD_OPERATION_FAILURE:
    default:
      return g_str_equal (result, "failure");
    }
}

static void
set_loading (StewardActivityPage *self,
             gboolean             loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_page (StewardActivityPage *self)
{
  gboolean filtered = selected_type (self) != NULL || selected_result (self) != NULL;

  if (self->loading && g_list_model_get_n_items (G_LIST_MODEL (self->operations)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (self->failed)
    gtk_stack_set_visible_child_name (self->stack, "error");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("No operation matches the filters")
                                                : _("No operation has run on this deployment yet"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StewardActivityPage *self = user_data;
  StewardOperation *operation = item;
  StewardDatastore *datastore = NULL;
  g_autofree char *unknown = NULL;
  StewardUser *user;
  GtkWidget *row;
  gboolean can;
  g_autofree char *why_not = NULL;

  if (self->deployment != NULL)
    datastore = steward_deployment_find_datastore (self->deployment,
                                                   steward_operation_get_datastore_id (operation));
  if (datastore == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             steward_operation_get_datastore_id (operation));

      /* Translators: a datastore Steward has not listed, by its id. */
      unknown = g_strdup_printf (_("Datastore %s"), id);
    }

  row = steward_operation_row_new (operation, datastore != NULL
                                                  ? steward_datastore_get_name (datastore)
                                                  : unknown);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), datastore != NULL);

  user = self->deployment != NULL ? steward_deployment_get_user (self->deployment) : NULL;
  can = steward_user_can (user, STEWARD_ACTION_RUN_SYNC);
  if (!can)
    why_not = steward_action_explain_denied (STEWARD_ACTION_RUN_SYNC);
  steward_operation_row_set_can_abort (STEWARD_OPERATION_ROW (row), can, why_not);
  return row;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StewardActivityPage) self = user_data;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shared = g_ptr_array_new ();
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  StewardOperationWatch *watch;

  listed = steward_client_list_recent_operations_finish (STEWARD_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->deployment == NULL)
    return;

  if (listed == NULL)
    {
      g_autofree char *forbidden = steward_forbidden_message (STEWARD_ACTION_RUN_SYNC, error);

      self->failed = TRUE;
      adw_status_page_set_description (self->error_page,
                                       forbidden != NULL ? forbidden : error->message);
      set_loading (self, FALSE);
      update_page (self);
      return;
    }

  watch = steward_operation_watch_get (self->deployment);
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(StewardOperation) operation = g_list_model_get_item (listed, i);

      g_ptr_array_add (shared, steward_operation_watch_track (watch, operation));
    }
  /* One started while the list was on its way is kept, on top while it runs. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->operations)); i > 0; i--)
    {
      g_autoptr(StewardOperation) started =
          g_list_model_get_item (G_LIST_MODEL (self->operations), i - 1);

      if (!g_ptr_array_find (shared, started, NULL) && !steward_operation_is_finished (started))
        {
          g_ptr_array_add (keep, g_object_ref (started));
          g_ptr_array_insert (shared, 0, started);
        }
    }
  g_list_store_splice (self->operations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->operations)), shared->pdata,
                       shared->len);
  set_loading (self, FALSE);
  update_page (self);
}

void
steward_activity_page_reload (StewardActivityPage *self)
{
  g_return_if_fail (STEWARD_IS_ACTIVITY_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->failed = FALSE;

  if (self->deployment == NULL)
    {
      g_list_store_remove_all (self->operations);
      set_loading (self, FALSE);
      update_page (self);
      return;
    }

  self->listed = TRUE;
  self->load_cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  update_page (self);
  steward_client_list_recent_operations_async (steward_deployment_get_client (self->deployment),
                                               selected_type (self), selected_result (self),
                                               MAX_LISTED, self->load_cancellable, listed_cb,
                                               g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  steward_activity_page_reload (STEWARD_ACTIVITY_PAGE (widget));
}

/* Shown on top at once, and the list from the server with the new filters after. */
static void
filter_changed_cb (StewardActivityPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->listed)
    steward_activity_page_reload (self);
}

static void
started_cb (StewardActivityPage *self,
            StewardOperation    *operation)
{
  if (!g_list_store_find (self->operations, operation, NULL))
    g_list_store_insert (self->operations, 0, operation);
}

/* An ended operation may leave the Running filter, or join another. */
static void
finished_cb (StewardActivityPage *self,
             StewardOperation    *operation)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
shown_changed_cb (StewardActivityPage *self)
{
  update_page (self);
}

static void
row_activated_cb (StewardActivityPage *self,
                  GtkListBoxRow       *row)
{
  StewardOperation *operation;

  if (!STEWARD_IS_OPERATION_ROW (row))
    return;

  operation = steward_operation_row_get_operation (STEWARD_OPERATION_ROW (row));
  gtk_widget_activate_action (GTK_WIDGET (self), "view.open-datastore", "x",
                              steward_operation_get_datastore_id (operation));
}

static void
abort_failed_cb (GObject    *owner,
                 const char *message)
{
  StewardActivityPage *self = STEWARD_ACTIVITY_PAGE (owner);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("Could not abort: %s", message);
      return;
    }

  /* The server's words: toast titles parse markup. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
abort_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StewardActivityPage *self = STEWARD_ACTIVITY_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (self->deployment == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->operations)); i++)
    {
      g_autoptr(StewardOperation) operation =
          g_list_model_get_item (G_LIST_MODEL (self->operations), i);
      StewardDatastore *datastore;

      if (steward_operation_get_id (operation) != id || steward_operation_is_finished (operation))
        continue;

      datastore =
          steward_deployment_find_datastore (self->deployment,
                                             steward_operation_get_datastore_id (operation));
      steward_operation_ask_abort (widget, self->deployment, operation,
                                   datastore != NULL ? steward_datastore_get_name (datastore)
                                                     : NULL,
                                   self->cancellable, abort_failed_cb);
      return;
    }
}

static void
steward_activity_page_map (GtkWidget *widget)
{
  StewardActivityPage *self = STEWARD_ACTIVITY_PAGE (widget);

  GTK_WIDGET_CLASS (steward_activity_page_parent_class)->map (widget);

  if (!self->listed && self->deployment != NULL)
    steward_activity_page_reload (self);
}

static void
steward_activity_page_dispose (GObject *object)
{
  StewardActivityPage *self = STEWARD_ACTIVITY_PAGE (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->watch_signals != NULL)
    g_signal_group_set_target (self->watch_signals, NULL);
  g_clear_object (&self->watch_signals);
  g_clear_object (&self->deployment);
  g_clear_object (&self->shown);
  g_clear_object (&self->operations);

  G_OBJECT_CLASS (steward_activity_page_parent_class)->dispose (object);
}

static void
steward_activity_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StewardActivityPage *self = STEWARD_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_FOLDED:
      g_value_set_boolean (value, self->sidebar_folded);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_activity_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StewardActivityPage *self = STEWARD_ACTIVITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_FOLDED:
      if (self->sidebar_folded == g_value_get_boolean (value))
        return;
      self->sidebar_folded = g_value_get_boolean (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_activity_page_class_init (StewardActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_activity_page_dispose;
  object_class->get_property = steward_activity_page_get_property;
  object_class->set_property = steward_activity_page_set_property;
  widget_class->map = steward_activity_page_map;

  /* Whether the sidebar is folded away: then the page offers a way back to it. */
  properties[PROP_SIDEBAR_FOLDED] =
    g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardActivityPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardActivityPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardActivityPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardActivityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardActivityPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StewardActivityPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StewardActivityPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "activity.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "operations.abort", "x", abort_action);
}

static void
steward_activity_page_init (StewardActivityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->operations = g_list_store_new (STEWARD_TYPE_OPERATION);
  self->cancellable = g_cancellable_new ();
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->operations)),
                                           GTK_FILTER (self->filter));
  g_signal_connect_swapped (self->shown, "items-changed", G_CALLBACK (shown_changed_cb), self);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row, self, NULL);

  self->watch_signals = g_signal_group_new (STEWARD_TYPE_OPERATION_WATCH);
  g_signal_group_connect_swapped (self->watch_signals, "started", G_CALLBACK (started_cb), self);
  g_signal_group_connect_swapped (self->watch_signals, "finished", G_CALLBACK (finished_cb), self);
  update_page (self);
}

void
steward_activity_page_set_deployment (StewardActivityPage *self,
                                      StewardDeployment   *deployment)
{
  g_return_if_fail (STEWARD_IS_ACTIVITY_PAGE (self));

  if (!g_set_object (&self->deployment, deployment))
    return;

  g_signal_group_set_target (self->watch_signals,
                             deployment != NULL ? steward_operation_watch_get (deployment) : NULL);
  g_list_store_remove_all (self->operations);
  self->listed = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || deployment == NULL)
    steward_activity_page_reload (self);
}

/* Returns: (transfer none): the operations shown, after the filters */
GListModel *
steward_activity_page_get_shown (StewardActivityPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ACTIVITY_PAGE (self), NULL);

  return G_LIST_MODEL (self->shown);
}

gboolean
steward_activity_page_get_loading (StewardActivityPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ACTIVITY_PAGE (self), FALSE);

  return self->loading;
}
