/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-enrichment-form"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enrichment-form.h"
#include "steward-format.h"
#include "steward-row-message.h"

/* The enrichment settings of one datastore, or of several at once: which enrichment datastore
 * receives their results (chosen among the deployment's enrichment-only datastores, with a
 * summary of the one chosen), the table prefix with what the server will store, the remediation
 * strategy and the two limits. Everything is checked as it is typed, so nothing out of range is
 * ever sent; what the server does not check itself, a prefix another datastore already writes
 * with on the same enrichment datastore, is a warning.
 *
 * The form only collects and checks: the dialogs around it send. It compares with the datastore
 * as it is now (steward_enrichment_form_build_settings()), so after a partial save a second Save
 * sends only what is still missing. */
struct _StewardEnrichmentForm
{
  AdwBin                parent_instance;

  StewardDeployment    *deployment;
  StewardDatastore     *source;        /* one datastore, or NULL for several */
  gboolean              several;
  GPtrArray            *targets;       /* Target, in the order of the combo row */
  char                 *target_error;  /* the server's refusal of the chosen target */
  GHashTable           *field_errors;  /* request member → the server's message */
  gboolean              updating;

  /* Template widgets */
  AdwPreferencesGroup  *target_group;
  AdwComboRow          *target_row;
  GtkStringList        *target_names;
  StewardRowMessage    *target_message;
  AdwActionRow         *connection_row;
  GtkLabel             *connection_value;
  AdwActionRow         *placement_row;
  GtkLabel             *placement_value;
  AdwActionRow         *teams_row;
  GtkLabel             *teams_value;
  GtkLabel             *target_note_label;
  GtkWidget            *apply_group;
  GtkSwitch            *apply_switch;
  GtkWidget            *prefix_group;
  AdwEntryRow          *prefix_row;
  StewardRowMessage    *prefix_message;
  GtkLabel             *prefix_preview_value;
  GtkLabel             *collision_label;
  GtkLabel             *tables_note_label;
  GtkWidget            *strategy_group;
  GtkWidget            *append_row;
  GtkWidget            *overwrite_row;
  GtkCheckButton       *none_check;
  GtkCheckButton       *append_check;
  GtkCheckButton       *overwrite_check;
  GtkLabel             *strategy_note_label;
  GtkWidget            *limits_group;
  GtkSpinButton        *record_limit_spin;
  StewardRowMessage    *record_limit_message;
  GtkSpinButton        *rollup_spin;
  StewardRowMessage    *rollup_message;
};

G_DEFINE_FINAL_TYPE (StewardEnrichmentForm, steward_enrichment_form, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The reference's defaults, assumed when an answer did not carry a setting. */
#define DEFAULT_RECORD_LIMIT 10
#define DEFAULT_ROLLUP       10

typedef struct
{
  gint64            id;          /* 0: none */
  char             *name;
  StewardDatastore *datastore;   /* NULL when the deployment did not list it */
} Target;

static void
target_free (gpointer data)
{
  Target *target = data;

  g_free (target->name);
  g_clear_object (&target->datastore);
  g_free (target);
}

static Target *
target_new (gint64            id,
            const char       *name,
            StewardDatastore *datastore)
{
  Target *target = g_new0 (Target, 1);

  target->id = id;
  target->name = g_strdup (name);
  target->datastore = datastore != NULL ? g_object_ref (datastore) : NULL;
  return target;
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b)
{
  const Target *first = *(const Target **) a;
  const Target *second = *(const Target **) b;
  g_autofree char *first_key = g_utf8_collate_key (first->name, -1);
  g_autofree char *second_key = g_utf8_collate_key (second->name, -1);
  int result = g_strcmp0 (first_key, second_key);

  return result != 0 ? result : (first->id < second->id ? -1 : first->id > second->id);
}

static gint64
source_id (StewardEnrichmentForm *self)
{
  return self->source != NULL ? steward_datastore_get_id (self->source) : 0;
}

static gint64
current_link (StewardEnrichmentForm *self)
{
  return self->source != NULL ? steward_datastore_get_enrichment_datastore_id (self->source) : 0;
}

static const char *
current_link_name (StewardEnrichmentForm *self)
{
  const char *name = NULL;

  if (self->source != NULL)
    name = steward_datastore_get_enrichment_datastore_name (self->source);

  return name != NULL ? name : "";
}

/* The deployment's enrichment datastores by name, "None" first for one datastore, and the
 * datastore's current one even when the deployment does not list it. Names are not unique:
 * those that repeat show their id. */
static void
fill_targets (StewardEnrichmentForm *self)
{
  GListModel *datastores = steward_deployment_get_datastores (self->deployment);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 linked = current_link (self);
  gboolean linked_listed = linked == 0;
  guint n = g_list_model_get_n_items (datastores);

  g_ptr_array_set_size (self->targets, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);
      gint64 id = steward_datastore_get_id (datastore);

      if (id == source_id (self) || steward_datastore_get_deleted (datastore))
        continue;
      /* A link the server made to an ordinary datastore still shows as what it is. */
      if (!steward_datastore_get_enrichment_only (datastore) && id != linked)
        continue;

      linked_listed |= id == linked;
      g_ptr_array_add (found, target_new (id, steward_datastore_get_name (datastore), datastore));
    }

  if (!linked_listed)
    {
      g_autofree char *fallback = g_strdup_printf ("#%" G_GINT64_FORMAT, linked);
      const char *name = current_link_name (self);

      g_ptr_array_add (found, target_new (linked, *name != '\0' ? name : fallback, NULL));
    }

  g_ptr_array_sort (found, compare_targets);

  if (!self->several)
    g_ptr_array_add (self->targets, target_new (0, C_("enrichment datastore", "None"), NULL));
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (self->targets, found->pdata[i]);

  for (guint i = 0; i < self->targets->len; i++)
    {
      Target *target = g_ptr_array_index (self->targets, i);
      int seen = GPOINTER_TO_INT (g_hash_table_lookup (names, target->name));

      if (target->id != 0)
        g_hash_table_insert (names, target->name, GINT_TO_POINTER (seen + 1));
    }
  for (guint i = 0; i < self->targets->len; i++)
    {
      Target *target = g_ptr_array_index (self->targets, i);

      if (target->id != 0 && GPOINTER_TO_INT (g_hash_table_lookup (names, target->name)) > 1)
        g_ptr_array_add (labels, g_strdup_printf ("%s (#%" G_GINT64_FORMAT ")", target->name,
                                                  target->id));
      else
        g_ptr_array_add (labels, g_strdup (target->name));
    }
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->target_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->target_names)),
                          (const char * const *) labels->pdata);
  self->updating = FALSE;
}

static Target *
selected_target (StewardEnrichmentForm *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->targets->len)
    return NULL;

  return g_ptr_array_index (self->targets, selected);
}

static void
select_target (StewardEnrichmentForm *self,
               gint64                 id)
{
  for (guint i = 0; i < self->targets->len; i++)
    if (((Target *) g_ptr_array_index (self->targets, i))->id == id)
      {
        adw_combo_row_set_selected (self->target_row, i);
        return;
      }

  adw_combo_row_set_selected (self->target_row, 0);
}

static const char *
selected_strategy (StewardEnrichmentForm *self)
{
  if (gtk_check_button_get_active (self->append_check))
    return "append";
  if (gtk_check_button_get_active (self->overwrite_check))
    return "overwrite";
  return "none";
}

static void
select_strategy (StewardEnrichmentForm *self,
                 const char            *strategy)
{
  if (g_strcmp0 (strategy, "append") == 0)
    gtk_check_button_set_active (self->append_check, TRUE);
  else if (g_strcmp0 (strategy, "overwrite") == 0)
    gtk_check_button_set_active (self->overwrite_check, TRUE);
  else
    gtk_check_button_set_active (self->none_check, TRUE);
}

/* The number as typed, not as the spin button would clamp it: a value out of range is refused
 * where it was typed rather than quietly changed. */
static gboolean
read_count (GtkSpinButton *spin,
            gint64         max,
            gint64        *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  return g_ascii_string_to_signed (text, 10, 1, max, value, NULL);
}

static char *
prefix_text (StewardEnrichmentForm *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->prefix_row))));
}

/* What the server will store: the prefix typed, or, left empty, the one made from the name. */
static char *
normalized_prefix (StewardEnrichmentForm *self,
                   gboolean              *from_name)
{
  g_autofree char *text = prefix_text (self);

  return steward_enrichment_prefix_effective (text,
                                              self->source != NULL
                                              ? steward_datastore_get_name (self->source)
                                              : NULL,
                                              from_name);
}

static char *
prefix_problem (StewardEnrichmentForm *self)
{
  g_autofree char *text = prefix_text (self);
  g_autofree char *normalized = NULL;
  glong length = g_utf8_strlen (text, -1);

  if (length > STEWARD_ENRICHMENT_PREFIX_MAX)
    /* Translators: the first %d is the maximum, 60; the second how many were typed. */
    return g_strdup_printf (_("A prefix can have at most %d characters; this one has %ld"),
                            STEWARD_ENRICHMENT_PREFIX_MAX, length);

  normalized = steward_enrichment_prefix_normalize (text);
  if (length > 0 && normalized == NULL)
    return g_strdup (_("The prefix needs at least one letter or digit"));

  return NULL;
}

static char *
count_problem (GtkSpinButton *spin,
               gint64         max)
{
  g_autofree char *formatted = steward_format_count (max);
  gint64 value;

  if (read_count (spin, max, &value))
    return NULL;

  /* Translators: %s is the largest allowed value, such as 1,000. */
  return g_strdup_printf (_("Enter a whole number from 1 to %s"), formatted);
}

/* Datastores other than this one that already write to @target_id's tables under @prefix. */
static GPtrArray *
find_prefix_users (StewardEnrichmentForm *self,
                   gint64                 target_id,
                   const char            *prefix)
{
  GListModel *datastores = steward_deployment_get_datastores (self->deployment);
  GPtrArray *users = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (datastores);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);

      if (steward_datastore_get_id (datastore) == source_id (self) ||
          steward_datastore_get_deleted (datastore) ||
          steward_datastore_get_enrichment_datastore_id (datastore) != target_id)
        continue;
      if (g_strcmp0 (steward_datastore_get_enrichment_prefix (datastore), prefix) == 0)
        g_ptr_array_add (users, g_steal_pointer (&datastore));
    }

  return users;
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
update_summary (StewardEnrichmentForm *self,
                Target                *target)
{
  StewardDatastore *datastore = target != NULL ? target->datastore : NULL;
  gboolean shown = target != NULL && target->id != 0;
  g_autofree char *connection = NULL;
  g_autofree char *placement = NULL;
  g_autofree char *teams = NULL;
  const char *type;

  gtk_widget_set_visible (GTK_WIDGET (self->connection_row), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->placement_row), datastore != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->teams_row), datastore != NULL);
  if (!shown)
    return;

  if (datastore == NULL)
    {
      gtk_label_set_label (self->connection_value,
                           _("Not among the datastores loaded from this deployment"));
      return;
    }

  type = steward_format_connector_type (steward_datastore_get_datastore_type (datastore));
  if (steward_datastore_get_connection_name (datastore) != NULL)
    connection = g_strdup_printf ("%s · %s", steward_datastore_get_connection_name (datastore),
                                  type);
  else if (steward_datastore_get_connection_id (datastore) > 0)
    connection = g_strdup_printf ("#%" G_GINT64_FORMAT " · %s",
                                  steward_datastore_get_connection_id (datastore), type);
  else
    connection = g_strdup (type);
  gtk_label_set_label (self->connection_value, connection);

  if (steward_datastore_is_dfs (datastore))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->placement_row), _("Root Path"));
      placement = g_strdup (steward_datastore_get_root_path (datastore) ?: "—");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->placement_row),
                                     _("Database / Schema"));
      placement = g_strdup_printf ("%s / %s", steward_datastore_get_database (datastore) ?: "—",
                                   steward_datastore_get_schema (datastore) ?: "—");
    }
  gtk_label_set_label (self->placement_value, placement);

  teams = steward_format_list (steward_datastore_get_teams (datastore));
  gtk_label_set_label (self->teams_value, *teams != '\0' ? teams : _("None"));
}

/* The warning for a prefix another datastore writes with on the same enrichment datastore, and
 * the note about the tables a change leaves behind. */
static void
update_prefix_notes (StewardEnrichmentForm *self,
                     Target                *target,
                     const char            *prefix)
{
  gint64 target_id = target != NULL ? target->id : 0;
  gint64 linked = current_link (self);
  const char *stored = NULL;
  g_autofree char *collision = NULL;
  g_autofree char *note = NULL;

  if (self->source != NULL)
    stored = steward_datastore_get_enrichment_prefix (self->source);

  if (target_id != 0 && prefix != NULL)
    {
      g_autoptr(GPtrArray) users = find_prefix_users (self, target_id, prefix);
      const char *first = users->len > 0 ? steward_datastore_get_name (users->pdata[0]) : NULL;

      if (users->len == 1)
        /* Translators: the first %s is a datastore, the second an enrichment datastore, the third a
         * table prefix. */
        collision =
            g_strdup_printf (_("“%s” already writes to “%s” with the prefix %s: the tables "
                                "of both datastores would mix. The server does not check "
                                "this."),
                             first, target->name, prefix);
      else if (users->len > 1)
        collision = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "“%s” and %u other datastore already write to "
                                                  "“%s” with the prefix %s: their tables would "
                                                  "mix. The server does not check this.",
                                                  "“%s” and %u other datastores already write to "
                                                  "“%s” with the prefix %s: their tables would "
                                                  "mix. The server does not check this.",
                                                  users->len - 1),
                                     first, users->len - 1, target->name, prefix);
    }

  if (linked != 0 && target_id == 0)
    /* Translators: %s is an enrichment datastore. */
    note = g_strdup_printf (_("Unlinking leaves the tables already written to “%s” where they "
                              "are."), current_link_name (self));
  else if (linked != 0 && target_id != linked)
    /* Translators: both %s are enrichment datastores. */
    note = g_strdup_printf (_("The tables already written to “%s” stay there; scans write to “%s” "
                               "from now on."),
                            current_link_name (self), target->name);
  else if (linked != 0 && prefix != NULL && stored != NULL && g_strcmp0 (prefix, stored) != 0)
    /* Translators: the first and last %s are table prefixes, the second an enrichment datastore. */
    note = g_strdup_printf (_("The tables already written with the prefix %s stay in “%s”; scans "
                               "write new ones starting with %s."),
                            stored, current_link_name (self), prefix);

  show_label (self->collision_label, collision);
  show_label (self->tables_note_label, note);
}

static const char *
server_message (StewardEnrichmentForm *self,
                const char            *member)
{
  return g_hash_table_lookup (self->field_errors, member);
}

static void
update (StewardEnrichmentForm *self)
{
  Target *target = selected_target (self);
  gint64 target_id = target != NULL ? target->id : 0;
  gboolean linked = target_id != 0;
  gboolean settings_on = !self->several || gtk_switch_get_active (self->apply_switch);
  g_autofree char *why_not = steward_action_explain_denied (STEWARD_ACTION_UNLINK_ENRICHMENT);
  g_autofree char *target_problem = NULL;
  g_autofree char *prefix_error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *limit_error = NULL;
  g_autofree char *rollup_error = NULL;
  const char *why_no_copy;
  gboolean from_name;

  if (self->deployment == NULL)
    return;

  self->updating = TRUE;

  update_summary (self, target);

  /* Unlinking is the Admin's: a Manager who picks None learns so here, not from a 403. */
  if (self->target_error != NULL)
    target_problem = g_strdup (self->target_error);
  else if (!self->several && current_link (self) != 0 && !linked &&
           !steward_user_can (steward_deployment_get_user (self->deployment),
                              STEWARD_ACTION_UNLINK_ENRICHMENT))
    /* Translators: %s says which role is needed, as in "Requires the Admin role". */
    target_problem = g_strdup_printf (_("Unlinking is not possible: %s"), why_not);
  steward_row_message_set_message (self->target_message, target_problem);

  /* Remediation copies tables to the enrichment datastore: without one there is nowhere to copy
   * to, and the server's scans fail. */
  if (!linked && g_strcmp0 (selected_strategy (self), "none") != 0)
    gtk_check_button_set_active (self->none_check, TRUE);
  gtk_widget_set_sensitive (self->append_row, linked);
  gtk_widget_set_sensitive (self->overwrite_row, linked);
  why_no_copy = linked ? NULL : gtk_label_get_label (self->strategy_note_label);
  gtk_widget_set_tooltip_text (self->append_row, why_no_copy);
  gtk_widget_set_tooltip_text (self->overwrite_row, why_no_copy);
  gtk_widget_set_visible (GTK_WIDGET (self->strategy_note_label), !linked);
  gtk_widget_set_sensitive (self->strategy_group, settings_on);
  gtk_widget_set_sensitive (self->limits_group, settings_on);

  if (!self->several)
    {
      prefix_error = prefix_problem (self);
      prefix = normalized_prefix (self, &from_name);
      if (prefix != NULL && from_name)
        /* Translators: %s is a table prefix made from the datastore's name, like "_sales". */
        preview = g_strdup_printf (_("%s (from the name)"), prefix);
      gtk_label_set_label (self->prefix_preview_value,
                           preview != NULL ? preview : prefix != NULL ? prefix : "—");
      steward_row_message_set_message (self->prefix_message,
                                       prefix_error != NULL
                                       ? prefix_error : server_message (self, "enrichment_prefix"));
      update_prefix_notes (self, target, prefix_error == NULL ? prefix : NULL);
    }

  if (settings_on)
    {
      limit_error = count_problem (self->record_limit_spin, STEWARD_RECORD_LIMIT_MAX);
      rollup_error = count_problem (self->rollup_spin, STEWARD_ROLLUP_THRESHOLD_MAX);
    }
  steward_row_message_set_message (self->record_limit_message,
                                   limit_error != NULL
                                   ? limit_error
                                   : server_message (self, "enrichment_source_record_limit"));
  steward_row_message_set_message (self->rollup_message,
                                   rollup_error != NULL
                                   ? rollup_error
                                   : server_message (self, "high_count_rollup_threshold"));

  self->updating = FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
input_changed_cb (StewardEnrichmentForm *self)
{
  if (self->updating)
    return;

  /* The server's objections were to the values as they were. */
  g_hash_table_remove_all (self->field_errors);
  update (self);
}

static void
target_selected_cb (StewardEnrichmentForm *self)
{
  if (self->updating)
    return;

  g_clear_pointer (&self->target_error, g_free);
  input_changed_cb (self);
}

static void
steward_enrichment_form_dispose (GObject *object)
{
  StewardEnrichmentForm *self = STEWARD_ENRICHMENT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ENRICHMENT_FORM);
  g_clear_object (&self->deployment);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (steward_enrichment_form_parent_class)->dispose (object);
}

static void
steward_enrichment_form_finalize (GObject *object)
{
  StewardEnrichmentForm *self = STEWARD_ENRICHMENT_FORM (object);

  g_ptr_array_unref (self->targets);
  g_hash_table_unref (self->field_errors);
  g_free (self->target_error);

  G_OBJECT_CLASS (steward_enrichment_form_parent_class)->finalize (object);
}

static void
steward_enrichment_form_class_init (StewardEnrichmentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_enrichment_form_dispose;
  object_class->finalize = steward_enrichment_form_finalize;

  /**
   * StewardEnrichmentForm::changed:
   *
   * Something was typed or chosen; validity and what would be sent may differ.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-enrichment-form.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, target_group);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, target_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, target_names);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, target_message);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, connection_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, connection_value);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, placement_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, placement_value);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, teams_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, teams_value);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, target_note_label);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, apply_group);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, apply_switch);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, prefix_group);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, prefix_message);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, prefix_preview_value);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, collision_label);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, tables_note_label);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, strategy_group);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, append_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, overwrite_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, none_check);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, append_check);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, overwrite_check);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, strategy_note_label);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, limits_group);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, record_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, record_limit_message);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, rollup_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentForm, rollup_message);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_selected_cb);
}

static void
steward_enrichment_form_init (StewardEnrichmentForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->targets = g_ptr_array_new_with_free_func (target_free);
  self->field_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GtkWidget *
steward_enrichment_form_new (void)
{
  return g_object_new (STEWARD_TYPE_ENRICHMENT_FORM, NULL);
}

static void
set_count (GtkSpinButton    *spin,
           StewardDatastore *datastore,
           const char       *property,
           gint64            value,
           gint64            fallback)
{
  gboolean known = datastore != NULL && steward_datastore_has_field (datastore, property);

  gtk_spin_button_set_value (spin, known ? (double) value : (double) fallback);
}

static void
show_no_targets_note (StewardEnrichmentForm *self)
{
  guint first = self->several ? 0 : 1;

  show_label (self->target_note_label,
              self->targets->len <= first ? _("This deployment has no enrichment datastores yet.")
                                          : NULL);
}

/* One datastore: its link, prefix, strategy and limits as they are now. */
void
steward_enrichment_form_set_source (StewardEnrichmentForm *self,
                                    StewardDeployment     *deployment,
                                    StewardDatastore      *source)
{
  g_return_if_fail (STEWARD_IS_ENRICHMENT_FORM (self));
  g_return_if_fail (STEWARD_IS_DEPLOYMENT (deployment));
  g_return_if_fail (STEWARD_IS_DATASTORE (source));

  g_set_object (&self->deployment, deployment);
  g_set_object (&self->source, source);
  self->several = FALSE;

  fill_targets (self);
  show_no_targets_note (self);

  self->updating = TRUE;
  select_target (self, current_link (self));
  gtk_editable_set_text (GTK_EDITABLE (self->prefix_row),
                         steward_datastore_get_enrichment_prefix (source) ?: "");
  set_count (self->record_limit_spin, source, "enrichment-source-record-limit",
             steward_datastore_get_enrichment_source_record_limit (source), DEFAULT_RECORD_LIMIT);
  set_count (self->rollup_spin, source, "high-count-rollup-threshold",
             steward_datastore_get_high_count_rollup_threshold (source), DEFAULT_ROLLUP);
  select_strategy (self, steward_datastore_get_enrichment_remediation_strategy (source));
  self->updating = FALSE;

  gtk_widget_set_visible (self->apply_group, FALSE);
  gtk_widget_set_visible (self->prefix_group, TRUE);
  update (self);
}

/* Several datastores (of StewardDatastore): one enrichment datastore for all; their own
 * prefixes; the same settings for each only when the user asks. */
void
steward_enrichment_form_set_sources (StewardEnrichmentForm *self,
                                     StewardDeployment     *deployment,
                                     GPtrArray             *sources)
{
  gint64 common = -1;

  g_return_if_fail (STEWARD_IS_ENRICHMENT_FORM (self));
  g_return_if_fail (STEWARD_IS_DEPLOYMENT (deployment));
  g_return_if_fail (sources != NULL);

  g_set_object (&self->deployment, deployment);
  g_clear_object (&self->source);
  self->several = TRUE;

  fill_targets (self);
  show_no_targets_note (self);

  /* Where they all link already, if they agree. */
  for (guint i = 0; i < sources->len; i++)
    {
      StewardDatastore *source = g_ptr_array_index (sources, i);
      gint64 linked = steward_datastore_get_enrichment_datastore_id (source);

      common = common == -1 || common == linked ? linked : 0;
    }

  self->updating = TRUE;
  select_target (self, common > 0 ? common : 0);
  self->updating = FALSE;

  gtk_widget_set_visible (self->apply_group, TRUE);
  gtk_widget_set_visible (self->prefix_group, FALSE);
  update (self);
}

/* A widget at the end of the enrichment datastore's heading (the dialog's Unlink button). */
void
steward_enrichment_form_set_target_suffix (StewardEnrichmentForm *self,
                                           GtkWidget             *widget)
{
  g_return_if_fail (STEWARD_IS_ENRICHMENT_FORM (self));

  adw_preferences_group_set_header_suffix (self->target_group, widget);
}

/* The chosen enrichment datastore's id; 0 for none. */
gint64
steward_enrichment_form_get_target_id (StewardEnrichmentForm *self)
{
  Target *target;

  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_FORM (self), 0);

  target = selected_target (self);
  return target != NULL ? target->id : 0;
}

const char *
steward_enrichment_form_get_target_name (StewardEnrichmentForm *self)
{
  Target *target;

  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_FORM (self), NULL);

  target = selected_target (self);
  return target != NULL && target->id != 0 ? target->name : NULL;
}

/* Whether everything typed can be sent: the dialogs keep their action off otherwise. */
gboolean
steward_enrichment_form_is_valid (StewardEnrichmentForm *self)
{
  gboolean settings_on;
  gint64 value;

  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_FORM (self), FALSE);

  if (self->deployment == NULL)
    return FALSE;
  if (self->several && steward_enrichment_form_get_target_id (self) == 0)
    return FALSE;
  if (steward_row_message_get_message (self->target_message) != NULL &&
      *steward_row_message_get_message (self->target_message) != '\0')
    return FALSE;

  if (!self->several)
    {
      g_autofree char *problem = prefix_problem (self);

      if (problem != NULL)
        return FALSE;
    }

  settings_on = !self->several || gtk_switch_get_active (self->apply_switch);
  return !settings_on ||
         (read_count (self->record_limit_spin, STEWARD_RECORD_LIMIT_MAX, &value) &&
          read_count (self->rollup_spin, STEWARD_ROLLUP_THRESHOLD_MAX, &value));
}

/* The settings that differ from @datastore's as it is now, or NULL when none do (or, for
 * several, when the same settings are not to be applied). The prefix goes as the server will
 * store it, so that what the preview showed is what is kept.
 * Returns: (transfer full) (nullable) */
StewardDatastoreRequest *
steward_enrichment_form_build_settings (StewardEnrichmentForm *self,
                                        StewardDatastore      *datastore)
{
  g_autoptr(StewardDatastoreRequest) request = NULL;
  const char *strategy;
  const char *current_strategy;
  gint64 limit;
  gint64 rollup;
  gint64 current_limit;
  gint64 current_rollup;

  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_FORM (self), NULL);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (datastore), NULL);

  if (!steward_enrichment_form_is_valid (self))
    return NULL;

  request = steward_datastore_request_new ();

  if (!self->several)
    {
      gboolean from_name;
      g_autofree char *prefix = normalized_prefix (self, &from_name);

      if (prefix != NULL &&
          g_strcmp0 (prefix, steward_datastore_get_enrichment_prefix (datastore)) != 0)
        steward_datastore_request_set_enrichment_prefix (request, prefix);
    }
  else if (!gtk_switch_get_active (self->apply_switch))
    return NULL;

  read_count (self->record_limit_spin, STEWARD_RECORD_LIMIT_MAX, &limit);
  current_limit = steward_datastore_has_field (datastore, "enrichment-source-record-limit")
                  ? steward_datastore_get_enrichment_source_record_limit (datastore)
                  : DEFAULT_RECORD_LIMIT;
  if (limit != current_limit)
    steward_datastore_request_set_enrichment_source_record_limit (request, limit);

  strategy = selected_strategy (self);
  current_strategy = steward_datastore_get_enrichment_remediation_strategy (datastore);
  if (g_strcmp0 (strategy, current_strategy != NULL ? current_strategy : "none") != 0)
    steward_datastore_request_set_enrichment_remediation_strategy (request, strategy);

  read_count (self->rollup_spin, STEWARD_ROLLUP_THRESHOLD_MAX, &rollup);
  current_rollup = steward_datastore_has_field (datastore, "high-count-rollup-threshold")
                   ? steward_datastore_get_high_count_rollup_threshold (datastore)
                   : DEFAULT_ROLLUP;
  if (rollup != current_rollup)
    steward_datastore_request_set_high_count_rollup_threshold (request, rollup);

  return steward_datastore_request_is_empty (request) ? NULL : g_steal_pointer (&request);
}

/* "the table prefix, the remediation": what @settings would change, for messages. */
char *
steward_enrichment_form_describe_settings (StewardDatastoreRequest *settings)
{
  static const struct
  {
    const char *member;
    const char *label;
  } names[] = {
    { "enrichment_prefix", N_("the table prefix") },
    { "enrichment_remediation_strategy", N_("the remediation") },
    { "enrichment_source_record_limit", N_("the source record limit") },
    { "high_count_rollup_threshold", N_("the rollup threshold") },
  };
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_return_val_if_fail (settings != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (steward_datastore_request_has (settings, names[i].member))
      g_ptr_array_add (labels, (gpointer) _(names[i].label));
  g_ptr_array_add (labels, NULL);

  return steward_format_list ((const char * const *) labels->pdata);
}

/* The server refused the chosen enrichment datastore (a 409, a 404): said under it until
 * another is chosen. */
void
steward_enrichment_form_show_target_error (StewardEnrichmentForm *self,
                                           const char            *message)
{
  g_return_if_fail (STEWARD_IS_ENRICHMENT_FORM (self));

  g_free (self->target_error);
  self->target_error = g_strdup (message);
  update (self);
}

/* A 422's field errors, each under its field until that is changed. Returns whether any field
 * of the form was named. */
gboolean
steward_enrichment_form_show_field_errors (StewardEnrichmentForm *self,
                                           const GError          *error)
{
  static const struct
  {
    const char *field;
    const char *member;
  } fields[] = {
    { "enrichment_prefix", "enrichment_prefix" },
    { "enrich_container_prefix", "enrichment_prefix" },
    { "enrichment_source_record_limit", "enrichment_source_record_limit" },
    { "enrich_source_record_limit", "enrichment_source_record_limit" },
    { "high_count_rollup_threshold", "high_count_rollup_threshold" },
  };
  gboolean shown = FALSE;

  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_FORM (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *message = steward_api_error_get_field_message (error, fields[i].field);

      if (message == NULL)
        continue;
      g_hash_table_replace (self->field_errors, g_strdup (fields[i].member), g_strdup (message));
      shown = TRUE;
    }

  update (self);
  return shown;
}

/* The datastore's link changed under the form (it was unlinked): show where it links now,
 * keeping everything else as typed. */
void
steward_enrichment_form_link_changed (StewardEnrichmentForm *self)
{
  g_return_if_fail (STEWARD_IS_ENRICHMENT_FORM (self));

  if (self->source == NULL)
    return;

  fill_targets (self);
  self->updating = TRUE;
  select_target (self, current_link (self));
  self->updating = FALSE;
  g_clear_pointer (&self->target_error, g_free);
  update (self);
}
