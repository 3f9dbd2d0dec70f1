/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-details"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-datastore-details.h"
#include "steward-favorite-button.h"
#include "steward-format.h"

/* Everything about one datastore: what it is and where it lives, its connection, teams, tags
 * and group, its metrics, its enrichment, and when it was made and changed, with the actions on
 * it (view.* actions the main view installs, targeted at its id). It follows the datastore's
 * changes, and shows a sync's progress while one runs. */
struct _StewardDatastoreDetails
{
  AdwBin            parent_instance;

  StewardDatastore *datastore;
  gulong            notify_id;
  StewardOperation *operation;
  gulong            operation_notify_id;
  GListModel       *groups;
  GPtrArray        *value_labels;   /* one per fields[] entry */
  char             *access_error;   /* why the server refused to show this datastore */

  /* Template widgets */
  GtkStack         *stack;
  AdwStatusPage    *empty_page;
  GtkLabel         *name_label;
  GtkLabel         *kind_label;
  GtkLabel         *description_label;
  GtkImage         *connected_icon;
  GtkLabel         *connected_label;
  StewardFavoriteButton *favorite_button;
  GtkBox           *action_box;
  GtkLabel         *access_label;
  GtkButton        *edit_button;
  GtkButton        *verify_button;
  GtkButton        *sync_button;
  GtkRevealer      *verify_revealer;
  GtkLabel         *verify_label;
  GtkRevealer      *sync_revealer;
  GtkLabel         *sync_label;
  GtkProgressBar   *sync_progress;
  GtkMenuButton    *more_button;
  GtkSpinner       *busy_spinner;
  AdwPreferencesGroup *placement_group;
  AdwPreferencesGroup *organization_group;
  AdwPreferencesGroup *metrics_group;
  AdwPreferencesGroup *enrichment_group;
  AdwPreferencesGroup *history_group;
  AdwActionRow     *group_row;
  GtkImage         *group_icon;
  GtkMenuButton    *group_button;
  GtkButton        *enrichment_button;
  StewardOperationsSection *operations_section;
};

G_DEFINE_FINAL_TYPE (StewardDatastoreDetails, steward_datastore_details, ADW_TYPE_BIN)

typedef enum
{
  SECTION_PLACEMENT,
  SECTION_ORGANIZATION,
  SECTION_METRICS,
  SECTION_ENRICHMENT,
  SECTION_HISTORY,
} Section;

typedef enum
{
  FIELD_DATABASE,
  FIELD_SCHEMA,
  FIELD_ROOT_PATH,
  FIELD_FOLDER_GLOBBING,
  FIELD_CONNECTION,
  FIELD_TEAMS,
  FIELD_TAGS,
  FIELD_CONTAINERS,
  FIELD_RECORDS,
  FIELD_FIELDS_PROFILED,
  FIELD_ACTIVE_CHECKS,
  FIELD_ACTIVE_ANOMALIES,
  FIELD_ENRICHMENT_DATASTORE,
  FIELD_ENRICHMENT_PREFIX,
  FIELD_ENRICHMENT_LIMIT,
  FIELD_ENRICHMENT_STRATEGY,
  FIELD_ROLLUP_THRESHOLD,
  FIELD_CREATED,
  FIELD_UPDATED,
  FIELD_ID,
  N_FIELDS
} Field;

static const struct
{
  Section     section;
  const char *title;
} fields[N_FIELDS] = {
  [FIELD_DATABASE] = { SECTION_PLACEMENT, N_("Database") },
  [FIELD_SCHEMA] = { SECTION_PLACEMENT, N_("Schema") },
  [FIELD_ROOT_PATH] = { SECTION_PLACEMENT, N_("Root Path") },
  [FIELD_FOLDER_GLOBBING] = { SECTION_PLACEMENT, N_("Folder Globbing") },
  [FIELD_CONNECTION] = { SECTION_PLACEMENT, N_("Connection") },
  [FIELD_TEAMS] = { SECTION_ORGANIZATION, N_("Teams") },
  [FIELD_TAGS] = { SECTION_ORGANIZATION, N_("Tags") },
  [FIELD_CONTAINERS] = { SECTION_METRICS, N_("Containers") },
  [FIELD_RECORDS] = { SECTION_METRICS, N_("Records") },
  [FIELD_FIELDS_PROFILED] = { SECTION_METRICS, N_("Fields Profiled") },
  [FIELD_ACTIVE_CHECKS] = { SECTION_METRICS, N_("Active Checks") },
  [FIELD_ACTIVE_ANOMALIES] = { SECTION_METRICS, N_("Active Anomalies") },
  [FIELD_ENRICHMENT_DATASTORE] = { SECTION_ENRICHMENT, N_("Enrichment Datastore") },
  [FIELD_ENRICHMENT_PREFIX] = { SECTION_ENRICHMENT, N_("Table Prefix") },
  [FIELD_ENRICHMENT_LIMIT] = { SECTION_ENRICHMENT, N_("Source Records per Anomaly") },
  [FIELD_ENRICHMENT_STRATEGY] = { SECTION_ENRICHMENT, N_("Remediation") },
  [FIELD_ROLLUP_THRESHOLD] = { SECTION_ENRICHMENT, N_("Rollup Threshold") },
  [FIELD_CREATED] = { SECTION_HISTORY, N_("Created") },
  [FIELD_UPDATED] = { SECTION_HISTORY, N_("Updated") },
  [FIELD_ID] = { SECTION_HISTORY, N_("ID") },
};

static void
set_field (StewardDatastoreDetails *self,
           Field                    field,
           const char              *value)
{
  GtkLabel *label = g_ptr_array_index (self->value_labels, field);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_ACTION_ROW);
  gboolean shown = value != NULL && *value != '\0';

  gtk_label_set_label (label, shown ? value : "");
  gtk_widget_set_visible (row, shown);
}

static void
set_field_count (StewardDatastoreDetails *self,
                 Field                    field,
                 gint64                   value)
{
  g_autofree char *text = steward_format_count (value);

  set_field (self, field, text);
}

static const char *
strategy_label (const char *strategy)
{
  if (g_strcmp0 (strategy, "append") == 0)
    return _("Append");
  if (g_strcmp0 (strategy, "overwrite") == 0)
    return _("Overwrite");
  if (g_strcmp0 (strategy, "none") == 0)
    return _("None");
  return strategy;
}

static GMenuModel *
build_group_menu (StewardDatastoreDetails *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) groups_section = g_menu_new ();
  gint64 id = steward_datastore_get_id (self->datastore);
  guint n = self->groups != NULL ? g_list_model_get_n_items (self->groups) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (self->groups, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (steward_datastore_group_get_name (group), NULL);

      g_menu_item_set_action_and_target_value (item, "view.assign-group",
                                               g_variant_new ("(xx)", id, steward_datastore_group_get_id (group)));
      g_menu_append_item (groups_section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (groups_section));

  if (steward_datastore_get_group (self->datastore) != NULL)
    {
      g_autoptr(GMenu) remove_section = g_menu_new ();
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove from Group"), NULL);

      g_menu_item_set_action_and_target_value (item, "view.assign-group",
                                               g_variant_new ("(xx)", id, (gint64) 0));
      g_menu_append_item (remove_section, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (remove_section));
    }

  return G_MENU_MODEL (menu);
}

static GMenuModel *
build_more_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) copy_section = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  g_autoptr(GMenuItem) open_link = g_menu_item_new (_("Open in _Browser"), NULL);
  g_autoptr(GMenuItem) copy_link = g_menu_item_new (_("Copy _Link"), NULL);
  g_autoptr(GMenuItem) copy_id = g_menu_item_new (_("Copy _ID"), NULL);
  g_autoptr(GMenuItem) copy_name = g_menu_item_new (_("Copy _Name"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete…"), NULL);
  g_autoptr(GMenuItem) enrichment = g_menu_item_new (_("E_nrichment…"), NULL);
  g_autoptr(GMenu) enrichment_section = g_menu_new ();

  g_menu_item_set_action_and_target_value (open_link, "view.open-in-browser",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (copy_link, "view.copy-link", g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (copy_id, "view.copy-id", g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (copy_name, "view.copy-name", g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (delete, "view.delete", g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (enrichment, "view.enrichment", g_variant_new_int64 (id));
  g_menu_append_item (enrichment_section, enrichment);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (enrichment_section));
  g_menu_append_item (copy_section, open_link);
  g_menu_append_item (copy_section, copy_link);
  g_menu_append_item (copy_section, copy_id);
  g_menu_append_item (copy_section, copy_name);
  g_menu_append_item (delete_section, delete);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));

  return G_MENU_MODEL (menu);
}

/* Link… when nothing is linked, Configure… when something is; an enrichment datastore itself
 * links to nothing. */
static void
update_enrichment_button (StewardDatastoreDetails *self)
{
  StewardDatastore *ds = self->datastore;
  gboolean linked = ds != NULL && steward_datastore_get_enrichment_datastore_id (ds) != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->enrichment_button),
                          ds != NULL && !steward_datastore_get_enrichment_only (ds));
  if (ds == NULL)
    return;

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->enrichment_button), "x", steward_datastore_get_id (ds));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->enrichment_button), "view.enrichment");
  gtk_button_set_label (self->enrichment_button, linked ? _("Con_figure…") : _("_Link…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->enrichment_button), self->access_error == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->enrichment_button),
                               self->access_error != NULL ? self->access_error
                               : linked ? _("Change the enrichment datastore, table prefix, remediation and limits")
                                        : _("Link an enrichment datastore to keep this datastore’s scan results"));
}

/* The controls that need to read or change the datastore, off with the reason while the server
 * refuses to show it. */
static void
apply_access (StewardDatastoreDetails *self)
{
  static const char *const tooltips[] = {
    NULL,
    N_("Check that the deployment can reach this datastore"),
    N_("Start a sync of this datastore’s containers"),
    N_("More Actions"),
    N_("Assign to a group or remove from its group"),
  };
  GtkWidget *controls[] = {
    GTK_WIDGET (self->edit_button), GTK_WIDGET (self->verify_button), GTK_WIDGET (self->sync_button),
    GTK_WIDGET (self->more_button), GTK_WIDGET (self->group_button),
  };
  gboolean refused = self->access_error != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      gtk_widget_set_sensitive (controls[i], !refused);
      gtk_widget_set_tooltip_text (controls[i], refused ? self->access_error
                                                        : tooltips[i] != NULL ? _(tooltips[i]) : NULL);
    }

  /* Its operations are not for someone refused the datastore itself. */
  gtk_widget_set_visible (GTK_WIDGET (self->operations_section), !refused);
  gtk_widget_set_sensitive (GTK_WIDGET (self->operations_section), !refused);
  gtk_label_set_label (self->access_label, refused ? self->access_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->access_label), refused);
  update_enrichment_button (self);
}

static void
update (StewardDatastoreDetails *self)
{
  StewardDatastore *ds = self->datastore;
  StewardDatastoreGroup *group;
  g_autofree char *kind = NULL;
  g_autofree char *connection = NULL;
  g_autofree char *teams = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *id = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *rollup = NULL;
  g_autoptr(GMenuModel) group_menu = NULL;
  g_autoptr(GMenuModel) more_menu = NULL;
  gboolean dfs;
  gint64 datastore_id;

  if (ds == NULL)
    {
      steward_favorite_button_set_datastore (self->favorite_button, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Deleted, here or elsewhere: say so, and offer nothing more. */
  if (steward_datastore_get_deleted (ds))
    {
      steward_favorite_button_set_datastore (self->favorite_button, NULL);
      gtk_stack_set_visible_child_name (self->stack, "gone");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "details");
  dfs = steward_datastore_is_dfs (ds);
  datastore_id = steward_datastore_get_id (ds);

  gtk_label_set_label (self->name_label, steward_datastore_get_name (ds));
  kind = g_strdup_printf ("%s · %s", steward_format_connector_type (steward_datastore_get_datastore_type (ds)),
                          dfs ? _("File system") : _("Database"));
  gtk_label_set_label (self->kind_label, kind);
  gtk_label_set_label (self->description_label, steward_datastore_get_description (ds));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), steward_datastore_get_description (ds) != NULL &&
                          *steward_datastore_get_description (ds) != '\0');

  if (steward_datastore_get_connected (ds))
    {
      gtk_image_set_from_icon_name (self->connected_icon, "emblem-ok-symbolic");
      gtk_label_set_label (self->connected_label, _("Connected"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->connected_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->connected_label), "success");
    }
  else
    {
      gtk_image_set_from_icon_name (self->connected_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->connected_label, _("Not connected"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->connected_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->connected_label), "error");
    }

  steward_favorite_button_set_datastore (self->favorite_button, ds);

  /* Targets first: these actions take an id, and must never be seen without one. */
  {
    const struct { GtkWidget *button; const char *action; } actions[] = {
      { GTK_WIDGET (self->edit_button), "view.edit" },
      { GTK_WIDGET (self->verify_button), "view.verify" },
      { GTK_WIDGET (self->sync_button), "view.sync" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        gtk_actionable_set_action_target (GTK_ACTIONABLE (actions[i].button), "x", datastore_id);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (actions[i].button), actions[i].action);
      }
  }

  set_field (self, FIELD_DATABASE, dfs ? NULL : steward_datastore_get_database (ds));
  set_field (self, FIELD_SCHEMA, dfs ? NULL : steward_datastore_get_schema (ds));
  set_field (self, FIELD_ROOT_PATH, dfs ? steward_datastore_get_root_path (ds) : NULL);
  set_field (self, FIELD_FOLDER_GLOBBING, !dfs ? NULL :
             steward_datastore_get_folder_globbing_enabled (ds) ? _("On") : _("Off"));
  if (steward_datastore_get_connection_name (ds) != NULL)
    connection = g_strdup_printf ("%s (#%" G_GINT64_FORMAT ")", steward_datastore_get_connection_name (ds),
                                  steward_datastore_get_connection_id (ds));
  else if (steward_datastore_get_connection_id (ds) > 0)
    connection = g_strdup_printf ("#%" G_GINT64_FORMAT, steward_datastore_get_connection_id (ds));
  set_field (self, FIELD_CONNECTION, connection);

  teams = steward_format_list (steward_datastore_get_teams (ds));
  tags = steward_format_list (steward_datastore_get_tags (ds));
  set_field (self, FIELD_TEAMS, *teams != '\0' ? teams : _("None"));
  set_field (self, FIELD_TAGS, *tags != '\0' ? tags : _("None"));

  group = steward_datastore_get_group (ds);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->group_row),
                                 group != NULL ? steward_datastore_group_get_name (group) : _("Not in a group"));
  gtk_image_set_from_icon_name (self->group_icon, group != NULL ? steward_datastore_group_get_icon_name (group)
                                                                : "folder-documents-symbolic");
  group_menu = build_group_menu (self);
  gtk_menu_button_set_menu_model (self->group_button, group_menu);

  set_field_count (self, FIELD_CONTAINERS, steward_datastore_get_containers (ds));
  set_field_count (self, FIELD_RECORDS, steward_datastore_get_records (ds));
  set_field_count (self, FIELD_FIELDS_PROFILED, steward_datastore_get_fields_profiled (ds));
  set_field_count (self, FIELD_ACTIVE_CHECKS, steward_datastore_get_active_checks (ds));
  set_field_count (self, FIELD_ACTIVE_ANOMALIES, steward_datastore_get_active_anomalies (ds));

  set_field (self, FIELD_ENRICHMENT_DATASTORE,
             steward_datastore_get_enrichment_datastore_id (ds) > 0
               ? steward_datastore_get_enrichment_datastore_name (ds)
               : (steward_datastore_get_enrichment_only (ds) ? _("This is an enrichment datastore")
                                                             : _("Not linked")));
  set_field (self, FIELD_ENRICHMENT_PREFIX, steward_datastore_get_enrichment_prefix (ds));
  if (steward_datastore_has_field (ds, "enrichment-source-record-limit"))
    limit = steward_format_count (steward_datastore_get_enrichment_source_record_limit (ds));
  set_field (self, FIELD_ENRICHMENT_LIMIT, limit);
  set_field (self, FIELD_ENRICHMENT_STRATEGY,
             strategy_label (steward_datastore_get_enrichment_remediation_strategy (ds)));
  if (steward_datastore_has_field (ds, "high-count-rollup-threshold"))
    rollup = steward_format_count (steward_datastore_get_high_count_rollup_threshold (ds));
  set_field (self, FIELD_ROLLUP_THRESHOLD, rollup);
  update_enrichment_button (self);

  created = steward_format_date_time (steward_datastore_get_created (ds));
  updated = steward_format_date_time (steward_datastore_get_updated (ds));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, datastore_id);
  set_field (self, FIELD_CREATED, created);
  set_field (self, FIELD_UPDATED, steward_datastore_get_updated (ds) != NULL ? updated : NULL);
  set_field (self, FIELD_ID, id);

  more_menu = build_more_menu (datastore_id);
  gtk_menu_button_set_menu_model (self->more_button, more_menu);
}

static void
update_operation (StewardDatastoreDetails *self)
{
  StewardOperation *operation = self->operation;
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->sync_revealer, operation != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_revealer), operation != NULL);
  if (operation == NULL)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self->sync_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sync_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sync_label), "success");

  switch (steward_operation_get_result (operation))
    {
    case STEWARD_OPERATION_RUNNING:
      if (steward_operation_get_total_containers (operation) > 0)
        /* Translators: sync progress, e.g. "Syncing: 4 of 12 containers, 120,000 records". */
        text = g_strdup_printf (_("Syncing: %'lld of %'lld containers, %'lld records"),
                                (long long) steward_operation_get_containers_analyzed (operation),
                                (long long) steward_operation_get_total_containers (operation),
                                (long long) steward_operation_get_records_processed (operation));
      else
        text = g_strdup (_("Syncing…"));
      break;
    case STEWARD_OPERATION_SUCCESS:
      text = g_strdup (_("Sync finished"));
      gtk_widget_add_css_class (GTK_WIDGET (self->sync_label), "success");
      break;
    case STEWARD_OPERATION_WARNING:
      text = g_strdup_printf (_("Sync finished with a warning: %s"), steward_operation_get_message (operation));
      gtk_widget_add_css_class (GTK_WIDGET (self->sync_label), "warning");
      break;
    case STEWARD_OPERATION_FAILURE:
      text = g_strdup_printf (_("Sync failed: %s"), steward_operation_get_message (operation) != NULL
                                                      ? steward_operation_get_message (operation) : _("no reason given"));
      gtk_widget_add_css_class (GTK_WIDGET (self->sync_label), "error");
      break;
    case STEWARD_OPERATION_ABORTED:
    default:
      text = g_strdup (_("Sync aborted"));
      gtk_widget_add_css_class (GTK_WIDGET (self->sync_label), "warning");
      break;
    }

  gtk_label_set_label (self->sync_label, text);
  gtk_progress_bar_set_fraction (self->sync_progress, steward_operation_get_fraction (operation));
  gtk_widget_set_visible (GTK_WIDGET (self->sync_progress), !steward_operation_is_finished (operation));
}

static void
datastore_notify_cb (StewardDatastoreDetails *self)
{
  update (self);
}

static void
operation_notify_cb (StewardDatastoreDetails *self)
{
  update_operation (self);
}

static void
build_rows (StewardDatastoreDetails *self)
{
  AdwPreferencesGroup *sections[] = {
    [SECTION_PLACEMENT] = self->placement_group,
    [SECTION_ORGANIZATION] = self->organization_group,
    [SECTION_METRICS] = self->metrics_group,
    [SECTION_ENRICHMENT] = self->enrichment_group,
    [SECTION_HISTORY] = self->history_group,
  };

  self->value_labels = g_ptr_array_new ();
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_xalign (GTK_LABEL (value), 1.0f);
      gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_hexpand (value, TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (sections[fields[i].section], row);
      g_ptr_array_add (self->value_labels, value);
    }
}

static void
steward_datastore_details_dispose (GObject *object)
{
  StewardDatastoreDetails *self = STEWARD_DATASTORE_DETAILS (object);

  steward_datastore_details_set_datastore (self, NULL);
  steward_datastore_details_set_operation (self, NULL);
  g_clear_object (&self->groups);
  g_clear_pointer (&self->access_error, g_free);
  /* AdwBin unparents its child itself: let go of it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DATASTORE_DETAILS);
  g_clear_pointer (&self->value_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_datastore_details_parent_class)->dispose (object);
}

static void
steward_datastore_details_class_init (StewardDatastoreDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_datastore_details_dispose;

  g_type_ensure (STEWARD_TYPE_FAVORITE_BUTTON);
  g_type_ensure (STEWARD_TYPE_OPERATIONS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steward-datastore-details.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, empty_page);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, kind_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, description_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, connected_icon);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, connected_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, favorite_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, action_box);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, access_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, edit_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, verify_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, sync_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, verify_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, verify_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, sync_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, sync_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, more_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, placement_group);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, organization_group);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, metrics_group);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, enrichment_group);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, history_group);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, group_row);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, group_icon);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, group_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, enrichment_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, operations_section);
}

static void
steward_datastore_details_init (StewardDatastoreDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_rows (self);
  update (self);
}

/* Returns: (transfer none): the "Operations" group; the main view gives it the deployment */
StewardOperationsSection *
steward_datastore_details_get_operations_section (StewardDatastoreDetails *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_DETAILS (self), NULL);

  return self->operations_section;
}

StewardDatastore *
steward_datastore_details_get_datastore (StewardDatastoreDetails *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_DETAILS (self), NULL);

  return self->datastore;
}

void
steward_datastore_details_set_datastore (StewardDatastoreDetails *self,
                                         StewardDatastore        *datastore)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));

  if (self->datastore == datastore)
    return;

  if (self->datastore != NULL)
    g_clear_signal_handler (&self->notify_id, self->datastore);
  g_set_object (&self->datastore, datastore);
  if (datastore != NULL)
    self->notify_id = g_signal_connect_swapped (datastore, "notify", G_CALLBACK (datastore_notify_cb), self);

  /* What belonged to the previous datastore goes with it. */
  g_clear_pointer (&self->access_error, g_free);
  apply_access (self);
  gtk_revealer_set_reveal_child (self->verify_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_revealer), FALSE);
  steward_operations_section_set_datastore (self->operations_section, datastore);
  if (self->operation != NULL && (datastore == NULL ||
      steward_operation_get_datastore_id (self->operation) != steward_datastore_get_id (datastore)))
    steward_datastore_details_set_operation (self, NULL);

  update (self);
}

/* The server refused to show the datastore (403): the details say so with its reason, and every
 * control that needs the permission is off and says why. Cleared when another datastore is shown. */
void
steward_datastore_details_set_access_error (StewardDatastoreDetails *self,
                                            const char              *reason)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));

  g_free (self->access_error);
  self->access_error = reason != NULL ? g_strdup_printf (_("The server refuses to show this datastore: %s"), reason)
                                      : NULL;
  apply_access (self);
}

/* What the empty page says when nothing or several datastores are selected. */
void
steward_datastore_details_set_n_selected (StewardDatastoreDetails *self,
                                          guint                    n_selected)
{
  g_autofree char *title = NULL;

  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));

  if (n_selected > 1)
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Datastore Selected",
                                            "%u Datastores Selected", n_selected), n_selected);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page,
                                       _("Use the bar below the list to assign, favorite or delete them together."));
      adw_status_page_set_icon_name (self->empty_page, "edit-select-all-symbolic");
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Datastore Selected"));
      adw_status_page_set_description (self->empty_page, _("Select a datastore to see its details."));
      adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
    }
}

/* The groups offered by the group row's menu. */
void
steward_datastore_details_set_groups (StewardDatastoreDetails *self,
                                      GListModel              *groups)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));

  g_set_object (&self->groups, groups);
  update (self);
}

/* A sync of this datastore to show the progress of; it is followed by someone else. */
void
steward_datastore_details_set_operation (StewardDatastoreDetails *self,
                                         StewardOperation        *operation)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));

  if (self->operation == operation)
    return;

  if (self->operation != NULL)
    g_clear_signal_handler (&self->operation_notify_id, self->operation);
  g_set_object (&self->operation, operation);
  if (operation != NULL)
    self->operation_notify_id = g_signal_connect_swapped (operation, "notify",
                                                          G_CALLBACK (operation_notify_cb), self);

  update_operation (self);
}

StewardOperation *
steward_datastore_details_get_operation (StewardDatastoreDetails *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_DETAILS (self), NULL);

  return self->operation;
}

/* The outcome of Verify Connection: connected, or the server's reason. */
void
steward_datastore_details_set_verify_result (StewardDatastoreDetails *self,
                                             gboolean                 connected,
                                             const char              *message)
{
  g_autofree char *text = NULL;

  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));

  if (connected)
    text = g_strdup (_("Connection verified"));
  else
    text = g_strdup_printf (_("Could not connect: %s"), message != NULL ? message : _("no reason given"));

  gtk_label_set_label (self->verify_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->verify_label), connected ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verify_label), connected ? "success" : "error");
  gtk_widget_set_visible (GTK_WIDGET (self->verify_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->verify_revealer, TRUE);
}

/* While an action runs ("verify" or "sync"), its button waits and a spinner turns. */
void
steward_datastore_details_set_busy (StewardDatastoreDetails *self,
                                    const char              *action,
                                    gboolean                 busy)
{
  GtkButton *button;

  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));

  button = g_str_equal (action, "verify") ? self->verify_button : self->sync_button;
  gtk_widget_set_sensitive (GTK_WIDGET (button), !busy && self->access_error == NULL);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
}
