/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-details"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-datastore-details.h"
#include "steward-datastore-menu.h"
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
  GBindingGroup    *datastore_bindings;   /* a row per property, each following its own */
  GSignalGroup     *datastore_signals;    /* what a binding cannot express */
  StewardOperation *operation;
  GSignalGroup     *operation_signals;    /* its progress text is made of all of it */
  GMenuModel       *groups_menu;
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

enum {
  PROP_0,
  PROP_DATASTORE,
  PROP_GROUPS_MENU,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  SECTION_PLACEMENT,
  SECTION_ORGANIZATION,
  SECTION_METRICS,
  SECTION_ENRICHMENT,
  SECTION_HISTORY,
} Section;

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

/* Each row's text, from the whole datastore: NULL or "" hides the row. */
typedef char *(*FormatFunc) (StewardDatastore *ds);

static char *
format_database (StewardDatastore *ds)
{
  return steward_datastore_is_dfs (ds) ? NULL : g_strdup (steward_datastore_get_database (ds));
}

static char *
format_schema (StewardDatastore *ds)
{
  return steward_datastore_is_dfs (ds) ? NULL : g_strdup (steward_datastore_get_schema (ds));
}

static char *
format_root_path (StewardDatastore *ds)
{
  return steward_datastore_is_dfs (ds) ? g_strdup (steward_datastore_get_root_path (ds)) : NULL;
}

static char *
format_folder_globbing (StewardDatastore *ds)
{
  if (!steward_datastore_is_dfs (ds))
    return NULL;
  return g_strdup (steward_datastore_get_folder_globbing_enabled (ds) ? _("On") : _("Off"));
}

static char *
format_connection (StewardDatastore *ds)
{
  const char *name = steward_datastore_get_connection_name (ds);
  gint64 id = steward_datastore_get_connection_id (ds);

  if (name != NULL)
    return g_strdup_printf ("%s (#%" G_GINT64_FORMAT ")", name, id);
  if (id > 0)
    return g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  return NULL;
}

static char *
format_list_or_none (const char * const *list)
{
  char *text = steward_format_list (list);

  if (*text != '\0')
    return text;
  g_free (text);
  return g_strdup (_("None"));
}

static char *
format_teams (StewardDatastore *ds)
{
  return format_list_or_none ((const char * const *) steward_datastore_get_teams (ds));
}

static char *
format_tags (StewardDatastore *ds)
{
  return format_list_or_none ((const char * const *) steward_datastore_get_tags (ds));
}

#define FORMAT_COUNT(name) \
  static char *format_##name (StewardDatastore *ds) \
  { \
    return steward_format_count (steward_datastore_get_##name (ds)); \
  }

FORMAT_COUNT (containers)
FORMAT_COUNT (records)
FORMAT_COUNT (fields_profiled)
FORMAT_COUNT (active_checks)
FORMAT_COUNT (active_anomalies)

#undef FORMAT_COUNT

static char *
format_enrichment_datastore (StewardDatastore *ds)
{
  if (steward_datastore_get_enrichment_datastore_id (ds) > 0)
    return g_strdup (steward_datastore_get_enrichment_datastore_name (ds));
  return g_strdup (steward_datastore_get_enrichment_only (ds) ? _("This is an enrichment datastore")
                                                              : _("Not linked"));
}

static char *
format_enrichment_prefix (StewardDatastore *ds)
{
  return g_strdup (steward_datastore_get_enrichment_prefix (ds));
}

/* Older servers leave the limits out: no row rather than a made-up 0. */
static char *
format_enrichment_limit (StewardDatastore *ds)
{
  if (!steward_datastore_has_field (ds, "enrichment-source-record-limit"))
    return NULL;
  return steward_format_count (steward_datastore_get_enrichment_source_record_limit (ds));
}

static char *
format_enrichment_strategy (StewardDatastore *ds)
{
  return g_strdup (strategy_label (steward_datastore_get_enrichment_remediation_strategy (ds)));
}

static char *
format_rollup_threshold (StewardDatastore *ds)
{
  if (!steward_datastore_has_field (ds, "high-count-rollup-threshold"))
    return NULL;
  return steward_format_count (steward_datastore_get_high_count_rollup_threshold (ds));
}

static char *
format_created (StewardDatastore *ds)
{
  return steward_format_date_time (steward_datastore_get_created (ds));
}

static char *
format_updated (StewardDatastore *ds)
{
  if (steward_datastore_get_updated (ds) == NULL)
    return NULL;
  return steward_format_date_time (steward_datastore_get_updated (ds));
}

static char *
format_id (StewardDatastore *ds)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, steward_datastore_get_id (ds));
}

/* A row follows each property its text is made of, and only those: a sync poll that changes
 * the record count rewrites the Records row alone. */
static const struct
{
  Section     section;
  const char *title;
  FormatFunc  format;
  const char *follows[3];
} fields[] = {
  { SECTION_PLACEMENT, N_("Database"), format_database, { "database", "store-type" } },
  { SECTION_PLACEMENT, N_("Schema"), format_schema, { "schema", "store-type" } },
  { SECTION_PLACEMENT, N_("Root Path"), format_root_path, { "root-path", "store-type" } },
  { SECTION_PLACEMENT, N_("Folder Globbing"), format_folder_globbing,
    { "folder-globbing-enabled", "store-type" } },
  { SECTION_PLACEMENT, N_("Connection"), format_connection,
    { "connection-name", "connection-id" } },
  { SECTION_ORGANIZATION, N_("Teams"), format_teams, { "teams" } },
  { SECTION_ORGANIZATION, N_("Tags"), format_tags, { "tags" } },
  { SECTION_METRICS, N_("Containers"), format_containers, { "containers" } },
  { SECTION_METRICS, N_("Records"), format_records, { "records" } },
  { SECTION_METRICS, N_("Fields Profiled"), format_fields_profiled, { "fields-profiled" } },
  { SECTION_METRICS, N_("Active Checks"), format_active_checks, { "active-checks" } },
  { SECTION_METRICS, N_("Active Anomalies"), format_active_anomalies, { "active-anomalies" } },
  { SECTION_ENRICHMENT, N_("Enrichment Datastore"), format_enrichment_datastore,
    { "enrichment-datastore-id", "enrichment-datastore-name", "enrichment-only" } },
  { SECTION_ENRICHMENT, N_("Table Prefix"), format_enrichment_prefix, { "enrichment-prefix" } },
  { SECTION_ENRICHMENT, N_("Source Records per Anomaly"), format_enrichment_limit,
    { "enrichment-source-record-limit" } },
  { SECTION_ENRICHMENT, N_("Remediation"), format_enrichment_strategy,
    { "enrichment-remediation-strategy" } },
  { SECTION_ENRICHMENT, N_("Rollup Threshold"), format_rollup_threshold,
    { "high-count-rollup-threshold" } },
  { SECTION_HISTORY, N_("Created"), format_created, { "created" } },
  { SECTION_HISTORY, N_("Updated"), format_updated, { "updated" } },
  { SECTION_HISTORY, N_("ID"), format_id, { "id" } },
};

static gboolean
transform_field (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_autoptr(GObject) source = g_binding_dup_source (binding);
  char *text;

  if (source == NULL)
    return FALSE;
  text = fields[GPOINTER_TO_UINT (user_data)].format (STEWARD_DATASTORE (source));
  g_value_take_string (to, text != NULL ? text : g_strdup (""));
  return TRUE;
}

static gboolean
transform_kind (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_autoptr(GObject) source = g_binding_dup_source (binding);
  StewardDatastore *ds = STEWARD_DATASTORE (source);
  const char *type;

  if (ds == NULL)
    return FALSE;
  type = steward_format_connector_type (steward_datastore_get_datastore_type (ds));
  g_value_take_string (to, g_strdup_printf ("%s · %s", type,
                                            steward_datastore_is_dfs (ds) ? _("File system")
                                                                          : _("Database")));
  return TRUE;
}

static void steward_datastore_details_get_property (GObject      *object,
                                                    guint         prop_id,
                                                    GValue       *value,
                                                    GParamSpec   *pspec);
static void steward_datastore_details_set_property (GObject      *object,
                                                    guint         prop_id,
                                                    const GValue *value,
                                                    GParamSpec   *pspec);

/* The template's closure: the description takes no room when there is none. */
static gboolean
is_nonempty (gpointer    instance,
             const char *text)
{
  return text != NULL && *text != '\0';
}

/* Enrichment datastores link to nothing; the others offer Link… or Configure…. */
static void
update_enrichment_button (StewardDatastoreDetails *self)
{
  StewardDatastore *ds = self->datastore;
  gboolean linked = ds != NULL && steward_datastore_get_enrichment_datastore_id (ds) != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->enrichment_button),
                          ds != NULL && !steward_datastore_get_enrichment_only (ds));
  if (ds == NULL)
    return;

  gtk_button_set_label (self->enrichment_button, linked ? _("Con_figure…") : _("_Link…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->enrichment_button), self->access_error == NULL);
  gtk_widget_set_tooltip_text (
      GTK_WIDGET (self->enrichment_button),
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
    GTK_WIDGET (self->edit_button),  GTK_WIDGET (self->verify_button),
    GTK_WIDGET (self->sync_button),  GTK_WIDGET (self->more_button),
    GTK_WIDGET (self->group_button),
  };
  gboolean refused = self->access_error != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      gtk_widget_set_sensitive (controls[i], !refused);
      gtk_widget_set_tooltip_text (controls[i], refused               ? self->access_error
                                                : tooltips[i] != NULL ? _(tooltips[i])
                                                                      : NULL);
    }

  /* Its operations are not for someone refused the datastore itself. */
  gtk_widget_set_visible (GTK_WIDGET (self->operations_section), !refused);
  gtk_widget_set_sensitive (GTK_WIDGET (self->operations_section), !refused);
  gtk_label_set_label (self->access_label, refused ? self->access_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->access_label), refused);
  update_enrichment_button (self);
}

static void
update_connected (StewardDatastoreDetails *self)
{
  gboolean connected = self->datastore != NULL && steward_datastore_get_connected (self->datastore);

  gtk_image_set_from_icon_name (self->connected_icon,
                                connected ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_label_set_label (self->connected_label, connected ? _("Connected") : _("Not connected"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->connected_label), connected ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->connected_label), connected ? "success" : "error");
}

static void
update_group (StewardDatastoreDetails *self)
{
  StewardDatastoreGroup *group = NULL;

  if (self->datastore != NULL)
    group = steward_datastore_get_group (self->datastore);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->group_row),
                                 group != NULL ? steward_datastore_group_get_name (group)
                                               : _("Not in a group"));
  gtk_image_set_from_icon_name (self->group_icon,
                                group != NULL ? steward_datastore_group_get_icon_name (group)
                                              : "folder-documents-symbolic");
}

/* Deleted, here or elsewhere: say so, and offer nothing more. */
static void
update_page (StewardDatastoreDetails *self)
{
  if (self->datastore == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (steward_datastore_get_deleted (self->datastore))
    gtk_stack_set_visible_child_name (self->stack, "gone");
  else
    gtk_stack_set_visible_child_name (self->stack, "details");
}

/* What depends on the datastore's id only: the actions' targets and the More menu. Targets
 * first: these actions take an id, and must never be seen without one. */
static void
target_actions (StewardDatastoreDetails *self)
{
  const struct { GtkWidget *button; const char *action; } actions[] = {
    { GTK_WIDGET (self->edit_button), "view.edit" },
    { GTK_WIDGET (self->verify_button), "view.verify" },
    { GTK_WIDGET (self->sync_button), "view.sync" },
    { GTK_WIDGET (self->enrichment_button), "view.enrichment" },
  };
  g_autoptr(GMenuModel) more_menu = NULL;
  gint64 id;

  if (self->datastore == NULL)
    {
      gtk_menu_button_set_menu_model (self->more_button, NULL);
      return;
    }

  id = steward_datastore_get_id (self->datastore);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (actions[i].button), "x", id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (actions[i].button), actions[i].action);
    }

  more_menu = steward_datastore_menu_new_more (id);
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
      text = g_strdup_printf (_("Sync finished with a warning: %s"),
                              steward_operation_get_message (operation));
      gtk_widget_add_css_class (GTK_WIDGET (self->sync_label), "warning");
      break;
    case STEWARD_OPERATION_FAILURE:
      text =
          g_strdup_printf (_("Sync failed: %s"), steward_operation_get_message (operation) != NULL
                                                      ? steward_operation_get_message (operation)
                                                      : _("no reason given"));
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
  gtk_widget_set_visible (GTK_WIDGET (self->sync_progress),
                          !steward_operation_is_finished (operation));
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
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
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

      g_object_bind_property_full (value, "label", row, "visible", G_BINDING_SYNC_CREATE,
                                   steward_format_transform_nonempty, NULL, NULL, NULL);
      for (guint j = 0; j < G_N_ELEMENTS (fields[i].follows) && fields[i].follows[j] != NULL; j++)
        g_binding_group_bind_full (self->datastore_bindings, fields[i].follows[j], value, "label",
                                   G_BINDING_SYNC_CREATE, transform_field, NULL,
                                   GUINT_TO_POINTER (i), NULL);
    }
}

static void
steward_datastore_details_dispose (GObject *object)
{
  StewardDatastoreDetails *self = STEWARD_DATASTORE_DETAILS (object);

  g_clear_object (&self->operation_signals);
  g_clear_object (&self->operation);
  g_clear_object (&self->datastore_bindings);
  g_clear_object (&self->datastore_signals);
  g_clear_object (&self->datastore);
  g_clear_object (&self->groups_menu);
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
  object_class->get_property = steward_datastore_details_get_property;
  object_class->set_property = steward_datastore_details_set_property;

  properties[PROP_DATASTORE] =
    g_param_spec_object ("datastore", NULL, NULL, STEWARD_TYPE_DATASTORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUPS_MENU] =
    g_param_spec_object ("groups-menu", NULL, NULL, G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_DATASTORE);
  g_type_ensure (STEWARD_TYPE_FAVORITE_BUTTON);
  g_type_ensure (STEWARD_TYPE_OPERATIONS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-datastore-details.ui");
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
  gtk_widget_class_bind_template_callback (widget_class, is_nonempty);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreDetails, operations_section);
}

static void
steward_datastore_details_init (StewardDatastoreDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->datastore_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->datastore_bindings, "datastore-type", self->kind_label, "label",
                             G_BINDING_SYNC_CREATE, transform_kind, NULL, NULL, NULL);
  g_binding_group_bind_full (self->datastore_bindings, "store-type", self->kind_label, "label",
                             G_BINDING_SYNC_CREATE, transform_kind, NULL, NULL, NULL);
  build_rows (self);

  self->datastore_signals = g_signal_group_new (STEWARD_TYPE_DATASTORE);
  g_signal_group_connect_swapped (self->datastore_signals, "notify::connected",
                                  G_CALLBACK (update_connected), self);
  g_signal_group_connect_swapped (self->datastore_signals, "notify::group",
                                  G_CALLBACK (update_group), self);
  g_signal_group_connect_swapped (self->datastore_signals, "notify::deleted",
                                  G_CALLBACK (update_page), self);
  g_signal_group_connect_swapped (self->datastore_signals, "notify::enrichment-datastore-id",
                                  G_CALLBACK (update_enrichment_button), self);
  g_signal_group_connect_swapped (self->datastore_signals, "notify::enrichment-only",
                                  G_CALLBACK (update_enrichment_button), self);

  /* A sync's progress line is made of every property of its operation. */
  self->operation_signals = g_signal_group_new (STEWARD_TYPE_OPERATION);
  g_signal_group_connect_swapped (self->operation_signals, "notify",
                                  G_CALLBACK (operation_notify_cb), self);

  update_page (self);
}

static void
steward_datastore_details_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardDatastoreDetails *self = STEWARD_DATASTORE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DATASTORE:
      g_value_set_object (value, self->datastore);
      break;
    case PROP_GROUPS_MENU:
      g_value_set_object (value, self->groups_menu);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_details_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StewardDatastoreDetails *self = STEWARD_DATASTORE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DATASTORE:
      steward_datastore_details_set_datastore (self, g_value_get_object (value));
      break;
    case PROP_GROUPS_MENU:
      steward_datastore_details_set_groups_menu (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  g_return_if_fail (datastore == NULL || STEWARD_IS_DATASTORE (datastore));

  if (!g_set_object (&self->datastore, datastore))
    return;

  /* Everything that follows the datastore moves to the new one at once. */
  g_binding_group_set_source (self->datastore_bindings, datastore);
  g_signal_group_set_target (self->datastore_signals, datastore);
  target_actions (self);
  update_connected (self);
  update_group (self);
  update_page (self);

  /* What belonged to the previous datastore goes with it. */
  g_clear_pointer (&self->access_error, g_free);
  apply_access (self);
  gtk_revealer_set_reveal_child (self->verify_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_revealer), FALSE);
  steward_operations_section_set_datastore (self->operations_section, datastore);
  if (self->operation != NULL && (datastore == NULL ||
      steward_operation_get_datastore_id (self->operation) != steward_datastore_get_id (datastore)))
    steward_datastore_details_set_operation (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE]);
}

/* The server refused to show the datastore (403): the details say so with its reason, and every
 * control that needs the permission is off and says why. Cleared when another datastore is shown.
 */
void
steward_datastore_details_set_access_error (StewardDatastoreDetails *self,
                                            const char              *reason)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));

  g_free (self->access_error);
  self->access_error =
      reason != NULL ? g_strdup_printf (_("The server refuses to show this datastore: %s"), reason)
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
      adw_status_page_set_description (self->empty_page, _("Use the bar below the list to assign, "
                                                            "favorite or delete them together."));
      adw_status_page_set_icon_name (self->empty_page, "edit-select-all-symbolic");
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Datastore Selected"));
      adw_status_page_set_description (self->empty_page,
                                       _("Select a datastore to see its details."));
      adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
    }
}

/* The groups offered by the group row's Change menu: the deployment's one groups menu, which
 * follows its groups by itself; its items act on the selection, which this datastore is. */
void
steward_datastore_details_set_groups_menu (StewardDatastoreDetails *self,
                                           GMenuModel              *groups_menu)
{
  g_autoptr(GMenu) menu = NULL;

  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));
  g_return_if_fail (groups_menu == NULL || G_IS_MENU_MODEL (groups_menu));

  if (!g_set_object (&self->groups_menu, groups_menu))
    return;

  menu = g_menu_new ();
  steward_datastore_menu_append_groups (menu, groups_menu, FALSE);
  gtk_menu_button_set_menu_model (self->group_button, G_MENU_MODEL (menu));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPS_MENU]);
}

/* Returns: (transfer none) (nullable) */
GMenuModel *
steward_datastore_details_get_groups_menu (StewardDatastoreDetails *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_DETAILS (self), NULL);

  return self->groups_menu;
}

/* A sync of this datastore to show the progress of; it is followed by someone else. */
void
steward_datastore_details_set_operation (StewardDatastoreDetails *self,
                                         StewardOperation        *operation)
{
  g_return_if_fail (STEWARD_IS_DATASTORE_DETAILS (self));

  if (self->operation == operation)
    return;

  g_set_object (&self->operation, operation);
  g_signal_group_set_target (self->operation_signals, operation);

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
    text = g_strdup_printf (_("Could not connect: %s"),
                            message != NULL ? message : _("no reason given"));

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
