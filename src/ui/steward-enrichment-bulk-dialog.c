/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-enrichment-bulk-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enrichment-bulk-dialog.h"
#include "steward-enrichment-form.h"

/* Links several datastores to one enrichment datastore, and optionally gives each the same
 * remediation and limits: the reference's shell loop of PATCH calls, done for the user. Each
 * datastore is its own pair of calls (the link, then the settings that differ from its own), a
 * few at a time, through the deployment, which applies every answer as it comes. The result
 * list says for each what happened in the server's words; Retry Failed sends again what failed,
 * and only that, since each step looks at the datastore as it is now.
 *
 * Enrichment-only datastores in the selection cannot be sources; they are listed as skipped. */
struct _StewardEnrichmentBulkDialog
{
  AdwWindow              parent_instance;

  StewardDeployment     *deployment;
  GArray                *ids;
  GPtrArray             *items;       /* Item, the datastores that are sent */
  GPtrArray             *skipped;     /* StewardDatastore */
  GCancellable          *cancellable;
  gint64                 target_id;
  char                  *target_name;
  guint                  next;
  guint                  in_flight;
  gboolean               running;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkButton             *close_button;
  GtkWidget             *link_button;
  GtkWidget             *retry_button;
  GtkSpinner            *spinner;
  GtkStack              *stack;
  StewardEnrichmentForm *form;
  AdwPreferencesGroup   *sources_group;
  GtkLabel              *collision_label;
  GtkLabel              *summary_label;
  AdwPreferencesGroup   *results_group;
};

G_DEFINE_FINAL_TYPE (StewardEnrichmentBulkDialog, steward_enrichment_bulk_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many datastores are in flight at once: enough to be quick, few enough to be kind. */
#define IN_FLIGHT 4

typedef enum
{
  ITEM_WAITING,
  ITEM_RUNNING,
  ITEM_DONE,
  ITEM_FAILED,
} ItemState;

typedef struct
{
  StewardDatastore        *datastore;
  ItemState                state;
  gboolean                 linked_now;   /* this run made the link */
  StewardDatastoreRequest *pending;
  AdwActionRow            *row;
  GtkSpinner              *spinner;
  GtkImage                *icon;
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->datastore);
  g_clear_pointer (&item->pending, steward_datastore_request_unref);
  g_free (item);
}

/* One call of one item: the dialog stays alive until it returns. */
typedef struct
{
  StewardEnrichmentBulkDialog *self;
  Item                        *item;
} ItemCall;

static ItemCall *
item_call_new (StewardEnrichmentBulkDialog *self,
               Item                        *item)
{
  ItemCall *call = g_new0 (ItemCall, 1);

  call->self = g_object_ref (self);
  call->item = item;
  return call;
}

static void
item_call_free (ItemCall *call)
{
  g_object_unref (call->self);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ItemCall, item_call_free)

static void run_next (StewardEnrichmentBulkDialog *self);

static void
update_state (StewardEnrichmentBulkDialog *self)
{
  gboolean on_form = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0;
  guint failed = 0;

  for (guint i = 0; i < self->items->len; i++)
    failed += ((Item *) g_ptr_array_index (self->items, i))->state == ITEM_FAILED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulk-enrichment.link",
                                 on_form && self->items->len > 0 &&
                                 steward_enrichment_form_is_valid (self->form));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulk-enrichment.retry",
                                 !self->running && failed > 0);
  gtk_widget_set_visible (self->link_button, on_form);
  gtk_widget_set_visible (self->retry_button, !on_form);
  gtk_button_set_label (self->close_button, on_form ? _("_Cancel") : _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->running);
  gtk_spinner_set_spinning (self->spinner, self->running);
}

static void
set_running (StewardEnrichmentBulkDialog *self,
             gboolean                     running)
{
  if (self->running == running)
    return;

  self->running = running;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* A failure after the link was made (the settings) is a warning; one before it, an error. */
static void
show_item (Item       *item,
           ItemState   state,
           gint64      target_id,
           const char *message)
{
  gboolean linked = steward_datastore_get_enrichment_datastore_id (item->datastore) == target_id;

  item->state = state;
  adw_action_row_set_subtitle (item->row, message);
  gtk_widget_set_visible (GTK_WIDGET (item->spinner), state == ITEM_RUNNING);
  gtk_spinner_set_spinning (item->spinner, state == ITEM_RUNNING);
  gtk_widget_set_visible (GTK_WIDGET (item->icon), state == ITEM_DONE || state == ITEM_FAILED);
  gtk_widget_remove_css_class (GTK_WIDGET (item->icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (item->icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (item->icon), "error");
  if (state == ITEM_DONE)
    {
      gtk_image_set_from_icon_name (item->icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (item->icon), "success");
    }
  else if (state == ITEM_FAILED)
    {
      gtk_image_set_from_icon_name (item->icon, linked ? "dialog-warning-symbolic"
                                                       : "dialog-error-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (item->icon), linked ? "warning" : "error");
    }
}

static void
update_summary (StewardEnrichmentBulkDialog *self)
{
  guint done = 0;
  guint failed = 0;
  guint total = self->items->len;
  g_autofree char *text = NULL;

  for (guint i = 0; i < total; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      done += item->state == ITEM_DONE;
      failed += item->state == ITEM_FAILED;
    }

  if (self->running)
    /* Translators: progress, e.g. "Linking to “Snowflake Enrichment”: 2 of 5 done". */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Linking to “%s”: %u of %u done",
                                         "Linking to “%s”: %u of %u done", total),
                            self->target_name, done + failed, total);
  else if (failed == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u datastore linked to “%s”",
                                         "All %u datastores linked to “%s”", total),
                            total, self->target_name);
  else
    /* Translators: e.g. "3 of 4 datastores linked to “Snowflake Enrichment”; 1 failed". */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u datastore linked to “%s”; %u failed",
                                         "%u of %u datastores linked to “%s”; %u failed", total),
                            done, total, self->target_name, failed);

  gtk_label_set_label (self->summary_label, text);
  update_state (self);
}

static char *
failure_reason (const GError *error)
{
  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
    return steward_forbidden_message (STEWARD_ACTION_LINK_ENRICHMENT, error);

  return g_strdup (error->message);
}

static void
item_finished (StewardEnrichmentBulkDialog *self,
               Item                        *item,
               ItemState                    state,
               const char                  *message)
{
  show_item (item, state, self->target_id, message);
  self->in_flight--;
  update_summary (self);
  run_next (self);
}

static void
settings_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ItemCall) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  if (!steward_deployment_update_enrichment_settings_finish (STEWARD_DEPLOYMENT (source), result,
                                                             &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          call->self->cancellable == NULL)
        return;

      reason = failure_reason (error);
      what = steward_enrichment_form_describe_settings (call->item->pending);
      if (call->item->linked_now)
        /* Translators: the first %s lists settings ("the remediation, the rollup threshold"), the
         * second is the reason. */
        message = g_strdup_printf (_("Linked, but not saved: %s (%s)"), what, reason);
      else
        message = g_strdup_printf (_("Not saved: %s (%s)"), what, reason);
      item_finished (call->self, call->item, ITEM_FAILED, message);
      return;
    }

  item_finished (call->self, call->item, ITEM_DONE,
                 call->item->linked_now ? _("Linked, settings saved")
                                        : _("Already linked; settings saved"));
}

/* The second step: the settings that differ from this datastore's own. */
static void
send_settings (StewardEnrichmentBulkDialog *self,
               Item                        *item)
{
  g_clear_pointer (&item->pending, steward_datastore_request_unref);
  item->pending = steward_enrichment_form_build_settings (self->form, item->datastore);
  if (item->pending == NULL)
    {
      item_finished (self, item, ITEM_DONE,
                     item->linked_now ? _("Linked") : _("Already linked; nothing to change"));
      return;
    }

  steward_deployment_update_enrichment_settings_async (self->deployment,
                                                       steward_datastore_get_id (item->datastore),
                                                       item->pending, self->cancellable,
                                                       settings_cb, item_call_new (self, item));
}

static void
link_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ItemCall) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;

  if (!steward_deployment_link_enrichment_finish (STEWARD_DEPLOYMENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          call->self->cancellable == NULL)
        return;

      reason = failure_reason (error);
      /* Translators: %s is the reason, often the server's own words. */
      message = g_strdup_printf (_("Not linked: %s"), reason);
      item_finished (call->self, call->item, ITEM_FAILED, message);
      return;
    }

  call->item->linked_now = TRUE;
  send_settings (call->self, call->item);
}

static void
start_item (StewardEnrichmentBulkDialog *self,
            Item                        *item)
{
  self->in_flight++;
  show_item (item, ITEM_RUNNING, self->target_id, _("Linking…"));

  /* Linked already (by an earlier run, or before): the link is not sent again. */
  if (steward_datastore_get_enrichment_datastore_id (item->datastore) == self->target_id)
    {
      send_settings (self, item);
      return;
    }

  steward_deployment_link_enrichment_async (self->deployment,
                                            steward_datastore_get_id (item->datastore),
                                            self->target_id, self->cancellable, link_cb,
                                            item_call_new (self, item));
}

static void
run_next (StewardEnrichmentBulkDialog *self)
{
  while (self->in_flight < IN_FLIGHT && self->next < self->items->len)
    {
      Item *item = g_ptr_array_index (self->items, self->next++);

      if (item->state == ITEM_WAITING)
        start_item (self, item);
    }

  if (self->in_flight == 0 && self->next >= self->items->len)
    {
      set_running (self, FALSE);
      update_summary (self);
    }
}

static void
run (StewardEnrichmentBulkDialog *self)
{
  self->next = 0;
  set_running (self, TRUE);
  update_summary (self);
  run_next (self);
}

static void
build_result_rows (StewardEnrichmentBulkDialog *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      GtkWidget *prefix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      item->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                     steward_datastore_get_name (item->datastore));
      item->spinner = GTK_SPINNER (gtk_spinner_new ());
      /* The subtitle says the same in words. */
      item->icon = g_object_new (GTK_TYPE_IMAGE,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 NULL);
      gtk_widget_set_visible (GTK_WIDGET (item->icon), FALSE);
      gtk_box_append (GTK_BOX (prefix), GTK_WIDGET (item->spinner));
      gtk_box_append (GTK_BOX (prefix), GTK_WIDGET (item->icon));
      gtk_widget_set_size_request (prefix, 16, 16);
      gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (item->row, prefix);
      adw_preferences_group_add (self->results_group, GTK_WIDGET (item->row));
      show_item (item, ITEM_WAITING, self->target_id, _("Waiting"));
    }
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardEnrichmentBulkDialog *self = STEWARD_ENRICHMENT_BULK_DIALOG (widget);

  if (self->running || self->items->len == 0 || !steward_enrichment_form_is_valid (self->form))
    return;

  self->target_id = steward_enrichment_form_get_target_id (self->form);
  g_free (self->target_name);
  self->target_name = g_strdup (steward_enrichment_form_get_target_name (self->form));
  build_result_rows (self);
  gtk_stack_set_visible_child_name (self->stack, "results");
  run (self);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StewardEnrichmentBulkDialog *self = STEWARD_ENRICHMENT_BULK_DIALOG (widget);

  if (self->running)
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->state == ITEM_FAILED)
        show_item (item, ITEM_WAITING, self->target_id, _("Waiting"));
    }
  run (self);
}

/* Datastores that would write to the chosen enrichment datastore under one prefix: those
 * linked already and those about to be. The server does not check this. */
static void
update_collisions (StewardEnrichmentBulkDialog *self)
{
  GListModel *datastores = steward_deployment_get_datastores (self->deployment);
  gint64 target = steward_enrichment_form_get_target_id (self->form);
  g_autoptr(GHashTable) by_prefix = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) chosen = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (datastores);

  for (guint i = 0; i < self->items->len; i++)
    g_hash_table_add (chosen, ((Item *) g_ptr_array_index (self->items, i))->datastore);

  for (guint i = 0; i < n && target != 0; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);
      const char *prefix = steward_datastore_get_enrichment_prefix (datastore);
      StewardDatastore *other;

      if (prefix == NULL || steward_datastore_get_deleted (datastore) ||
          (!g_hash_table_contains (chosen, datastore) &&
           steward_datastore_get_enrichment_datastore_id (datastore) != target))
        continue;

      other = g_hash_table_lookup (by_prefix, prefix);
      if (other == NULL)
        {
          g_hash_table_insert (by_prefix, (gpointer) prefix, datastore);
          continue;
        }

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the first two %s are datastores, the third a table prefix. */
      g_string_append_printf (text,
                              _("“%s” and “%s” would both write tables starting with %s: "
                                 "their tables would mix."),
                              steward_datastore_get_name (other),
                              steward_datastore_get_name (datastore), prefix);
    }

  gtk_label_set_label (self->collision_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->collision_label), text->len > 0);
}

static void
form_changed_cb (StewardEnrichmentBulkDialog *self)
{
  if (self->deployment == NULL)
    return;

  update_collisions (self);
  update_state (self);
}

static void
add_source_row (StewardEnrichmentBulkDialog *self,
                StewardDatastore            *datastore,
                const char                  *skipped_reason)
{
  GtkWidget *row = adw_action_row_new ();
  const char *linked = steward_datastore_get_enrichment_datastore_name (datastore);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steward_datastore_get_name (datastore));
  if (skipped_reason != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Skipped"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      subtitle = g_strdup (skipped_reason);
    }
  else if (steward_datastore_get_enrichment_datastore_id (datastore) != 0)
    /* Translators: %s is an enrichment datastore. */
    subtitle = g_strdup_printf (_("Now linked to “%s”"), linked != NULL ? linked : "?");
  else
    subtitle = g_strdup (_("Not linked now"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->sources_group, row);
}

static void
steward_enrichment_bulk_dialog_dispose (GObject *object)
{
  StewardEnrichmentBulkDialog *self = STEWARD_ENRICHMENT_BULK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ENRICHMENT_BULK_DIALOG);

  G_OBJECT_CLASS (steward_enrichment_bulk_dialog_parent_class)->dispose (object);
}

static void
steward_enrichment_bulk_dialog_finalize (GObject *object)
{
  StewardEnrichmentBulkDialog *self = STEWARD_ENRICHMENT_BULK_DIALOG (object);

  g_clear_object (&self->deployment);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_free (self->target_name);

  G_OBJECT_CLASS (steward_enrichment_bulk_dialog_parent_class)->finalize (object);
}

static void
steward_enrichment_bulk_dialog_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  StewardEnrichmentBulkDialog *self = STEWARD_ENRICHMENT_BULK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_enrichment_bulk_dialog_class_init (StewardEnrichmentBulkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_enrichment_bulk_dialog_dispose;
  object_class->finalize = steward_enrichment_bulk_dialog_finalize;
  object_class->get_property = steward_enrichment_bulk_dialog_get_property;

  /**
   * StewardEnrichmentBulkDialog:running:
   *
   * Whether requests are out; the result list is final when it turns off.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_ENRICHMENT_FORM);

  gtk_widget_class_set_template_from_resource
    (widget_class, RESOURCE_PREFIX "/steward-enrichment-bulk-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, link_button);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, form);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, sources_group);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, collision_label);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentBulkDialog, results_group);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "bulk-enrichment.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "bulk-enrichment.retry", NULL, retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_enrichment_bulk_dialog_init (StewardEnrichmentBulkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->skipped = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * steward_enrichment_bulk_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @deployment: the deployment the datastores belong to
 * @ids: (array length=n_ids): the selected datastores
 *
 * Ids the deployment does not know are left out.
 */
StewardEnrichmentBulkDialog *
steward_enrichment_bulk_dialog_new (GtkWindow         *parent,
                                    StewardDeployment *deployment,
                                    const gint64      *ids,
                                    guint              n_ids)
{
  StewardEnrichmentBulkDialog *self;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  self = g_object_new (STEWARD_TYPE_ENRICHMENT_BULK_DIALOG, "transient-for", parent, NULL);
  self->deployment = g_object_ref (deployment);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->ids, ids, n_ids);

  for (guint i = 0; i < n_ids; i++)
    {
      StewardDatastore *datastore = steward_deployment_find_datastore (deployment, ids[i]);
      Item *item;

      if (datastore == NULL)
        continue;

      if (steward_datastore_get_enrichment_only (datastore))
        {
          g_ptr_array_add (self->skipped, g_object_ref (datastore));
          add_source_row (self, datastore,
                          _("Skipped: an enrichment datastore cannot link to another"));
          continue;
        }

      item = g_new0 (Item, 1);
      item->datastore = g_object_ref (datastore);
      g_ptr_array_add (self->items, item);
      g_ptr_array_add (sources, datastore);
      add_source_row (self, datastore, NULL);
    }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Datastore", "%u Datastores",
                                           self->items->len), self->items->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  steward_enrichment_form_set_sources (self->form, deployment, sources);
  form_changed_cb (self);
  return self;
}

gboolean
steward_enrichment_bulk_dialog_get_running (StewardEnrichmentBulkDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_BULK_DIALOG (self), FALSE);

  return self->running;
}
