/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-enrichment-section"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enrichment-section.h"

/* Linking new datastores to an enrichment datastore, when the switch is on: which one (among the
 * deployment's enrichment-only datastores), the table prefix with what the server will make of
 * it (derived from the datastore's name when left empty), the source record limit, the
 * remediation strategy and the rollup threshold. A problem with any of them opens the expander,
 * so the marked row shows. The onboarding wizard hides the prefix: each datastore gets its own
 * from its name. Editing an existing datastore's link is StewardEnrichmentForm's job. */

static const char * const remediation_strategies[] = { "none", "append", "overwrite" };

struct _StewardEnrichmentSection
{
  AdwBin               parent_instance;

  GListModel          *datastores;
  char                *name;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwExpanderRow      *enrichment_row;
  StewardRowMessage   *enrichment_message;
  AdwComboRow         *enrichment_datastore_row;
  StewardRowMessage   *enrichment_datastore_message;
  AdwEntryRow         *prefix_row;
  StewardRowMessage   *prefix_message;
  AdwActionRow        *prefix_preview_row;
  GtkSpinButton       *record_limit_spin;
  StewardRowMessage   *record_limit_message;
  AdwComboRow         *strategy_row;
  StewardRowMessage   *strategy_message;
  GtkSpinButton       *rollup_spin;
  StewardRowMessage   *rollup_message;
};

static void form_section_iface_init (StewardFormSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardEnrichmentSection, steward_enrichment_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_FORM_SECTION,
                                                      form_section_iface_init))

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_SHOW_PREFIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_prefix_preview (StewardEnrichmentSection *self)
{
  g_autofree char *prefix = steward_form_row_text (self->prefix_row);
  gboolean from_name;
  g_autofree char *normalized =
    steward_enrichment_prefix_effective (prefix, self->name, &from_name);
  g_autofree char *subtitle = NULL;

  if (normalized != NULL && from_name)
    /* Translators: %s is a table prefix derived from the datastore's name, like "_sales". */
    subtitle = g_strdup_printf (_("%s (from the name)"), normalized);
  else if (normalized != NULL)
    subtitle = g_strdup (normalized);
  else if (!from_name)
    subtitle = g_strdup (_("The prefix needs at least one letter or digit"));
  else
    subtitle = g_strdup (_("Chosen by the server from the name"));

  adw_action_row_set_subtitle (self->prefix_preview_row, subtitle);
}

static void
update_availability (StewardEnrichmentSection *self)
{
  gboolean none = self->datastores != NULL && g_list_model_get_n_items (self->datastores) == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->enrichment_row), !none);
  adw_expander_row_set_subtitle (self->enrichment_row,
                                 none ? _("This deployment has no enrichment datastores yet")
                                      : _("Keep anomalies and their source records in another "
                                           "datastore"));
}

static void
edited (StewardEnrichmentSection *self,
        StewardRowMessage        *message)
{
  if (message != NULL)
    steward_row_message_set_message (message, NULL);
  steward_form_section_emit_changed (STEWARD_FORM_SECTION (self));
}

static void
enabled_cb (StewardEnrichmentSection *self)
{
  if (!adw_expander_row_get_enable_expansion (self->enrichment_row))
    steward_form_section_clear_marks (STEWARD_FORM_SECTION (self));
  edited (self, self->enrichment_message);
}

static void
datastore_selected_cb (StewardEnrichmentSection *self)
{
  edited (self, self->enrichment_datastore_message);
}

static void
prefix_changed_cb (StewardEnrichmentSection *self)
{
  update_prefix_preview (self);
  edited (self, self->prefix_message);
}

static void
record_limit_changed_cb (StewardEnrichmentSection *self)
{
  edited (self, self->record_limit_message);
}

static void
strategy_changed_cb (StewardEnrichmentSection *self)
{
  edited (self, self->strategy_message);
}

static void
rollup_changed_cb (StewardEnrichmentSection *self)
{
  edited (self, self->rollup_message);
}

/* A marked row inside the expander is only seen with the expander open. */
static void
message_cb (StewardEnrichmentSection *self,
            GParamSpec               *pspec,
            StewardRowMessage        *message)
{
  if (steward_row_message_get_message (message) != NULL)
    adw_expander_row_set_expanded (self->enrichment_row, TRUE);
}

/* StewardFormSection */

static void
section_apply (StewardFormSection      *section,
               StewardDatastoreRequest *request,
               StewardDatastore        *original)
{
  StewardEnrichmentSection *self = STEWARD_ENRICHMENT_SECTION (section);
  g_autofree char *prefix = NULL;
  gint64 target_id;

  if (!steward_enrichment_section_get_enabled (self))
    return;

  target_id = steward_enrichment_section_get_target_id (self);
  if (target_id > 0)
    steward_datastore_request_set_enrichment_datastore_id (request, target_id);
  prefix = steward_form_row_text (self->prefix_row);
  if (gtk_widget_get_visible (GTK_WIDGET (self->prefix_row)) && *prefix != '\0')
    steward_datastore_request_set_enrichment_prefix (request, prefix);
  steward_datastore_request_set_enrichment_source_record_limit (
    request, steward_enrichment_section_get_record_limit (self));
  steward_datastore_request_set_high_count_rollup_threshold (
    request, steward_enrichment_section_get_rollup (self));
  steward_datastore_request_set_enrichment_remediation_strategy (
    request, steward_enrichment_section_get_strategy (self));
}

static GtkWidget *
section_validate (StewardFormSection *section)
{
  StewardEnrichmentSection *self = STEWARD_ENRICHMENT_SECTION (section);

  if (!steward_enrichment_section_get_enabled (self) ||
      steward_enrichment_section_get_target_id (self) > 0)
    return NULL;

  steward_row_message_set_message (self->enrichment_datastore_message,
                                   _("Choose an enrichment datastore, or turn enrichment off"));
  return GTK_WIDGET (self->enrichment_datastore_row);
}

static StewardRowMessage *
section_get_message (StewardFormSection *section,
                     const char         *member)
{
  StewardEnrichmentSection *self = STEWARD_ENRICHMENT_SECTION (section);

  if (g_str_equal (member, "enrichment_datastore_id"))
    return self->enrichment_datastore_message;
  if (g_str_equal (member, "enrichment_prefix"))
    return gtk_widget_get_visible (GTK_WIDGET (self->prefix_row)) ? self->prefix_message
                                                                   : self->enrichment_message;
  if (g_str_equal (member, "enrichment_source_record_limit"))
    return self->record_limit_message;
  if (g_str_equal (member, "enrichment_remediation_strategy"))
    return self->strategy_message;
  if (g_str_equal (member, "high_count_rollup_threshold"))
    return self->rollup_message;
  if (g_str_has_prefix (member, "enrichment"))
    return self->enrichment_message;
  return NULL;
}

static void
form_section_iface_init (StewardFormSectionInterface *iface)
{
  iface->apply = section_apply;
  iface->validate = section_validate;
  iface->get_message = section_get_message;
}

/* GObject */

static void
steward_enrichment_section_dispose (GObject *object)
{
  StewardEnrichmentSection *self = STEWARD_ENRICHMENT_SECTION (object);

  if (self->datastores != NULL)
    g_signal_handlers_disconnect_by_data (self->datastores, self);
  /* The bin's child goes first: the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_ENRICHMENT_SECTION);
  g_clear_object (&self->datastores);

  G_OBJECT_CLASS (steward_enrichment_section_parent_class)->dispose (object);
}

static void
steward_enrichment_section_finalize (GObject *object)
{
  StewardEnrichmentSection *self = STEWARD_ENRICHMENT_SECTION (object);

  g_free (self->name);

  G_OBJECT_CLASS (steward_enrichment_section_parent_class)->finalize (object);
}

static void
steward_enrichment_section_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  StewardEnrichmentSection *self = STEWARD_ENRICHMENT_SECTION (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, adw_preferences_group_get_description (self->group));
      break;
    case PROP_SHOW_PREFIX:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->prefix_row)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_enrichment_section_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  StewardEnrichmentSection *self = STEWARD_ENRICHMENT_SECTION (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      adw_preferences_group_set_description (self->group, g_value_get_string (value));
      break;
    case PROP_SHOW_PREFIX:
      gtk_widget_set_visible (GTK_WIDGET (self->prefix_row), g_value_get_boolean (value));
      gtk_widget_set_visible (GTK_WIDGET (self->prefix_preview_row), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_enrichment_section_class_init (StewardEnrichmentSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_enrichment_section_dispose;
  object_class->finalize = steward_enrichment_section_finalize;
  object_class->get_property = steward_enrichment_section_get_property;
  object_class->set_property = steward_enrichment_section_set_property;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Whether one table prefix is asked for (a single datastore). */
  properties[PROP_SHOW_PREFIX] =
    g_param_spec_boolean ("show-prefix", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);
  g_type_ensure (STEWARD_TYPE_DATASTORE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-enrichment-section.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, group);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, enrichment_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, enrichment_message);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection,
                                        enrichment_datastore_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection,
                                        enrichment_datastore_message);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, prefix_message);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, prefix_preview_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, record_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection,
                                        record_limit_message);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, strategy_row);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, strategy_message);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, rollup_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardEnrichmentSection, rollup_message);
  gtk_widget_class_bind_template_callback (widget_class, enabled_cb);
  gtk_widget_class_bind_template_callback (widget_class, datastore_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, prefix_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_limit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, strategy_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rollup_changed_cb);
}

static void
steward_enrichment_section_init (StewardEnrichmentSection *self)
{
  StewardRowMessage *messages[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  messages[0] = self->enrichment_datastore_message;
  messages[1] = self->prefix_message;
  messages[2] = self->record_limit_message;
  messages[3] = self->strategy_message;
  messages[4] = self->rollup_message;
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    g_signal_connect_object (messages[i], "notify::message", G_CALLBACK (message_cb), self,
                             G_CONNECT_SWAPPED);
  update_prefix_preview (self);
}

GtkWidget *
steward_enrichment_section_new (void)
{
  return g_object_new (STEWARD_TYPE_ENRICHMENT_SECTION, NULL);
}

/* @datastores: the enrichment datastores to offer, StewardDatastore; when it is empty, the
 * section says so and cannot be turned on. */
void
steward_enrichment_section_set_datastores (StewardEnrichmentSection *self,
                                           GListModel               *datastores)
{
  g_return_if_fail (STEWARD_IS_ENRICHMENT_SECTION (self));
  g_return_if_fail (G_IS_LIST_MODEL (datastores));

  if (self->datastores != NULL)
    g_signal_handlers_disconnect_by_data (self->datastores, self);
  g_set_object (&self->datastores, datastores);
  g_signal_connect_swapped (datastores, "items-changed", G_CALLBACK (update_availability), self);
  adw_combo_row_set_model (self->enrichment_datastore_row, datastores);
  update_availability (self);
}

/* The enrichment datastores could not be listed: @message says why. */
void
steward_enrichment_section_set_load_error (StewardEnrichmentSection *self,
                                           const char               *message)
{
  g_return_if_fail (STEWARD_IS_ENRICHMENT_SECTION (self));
  g_return_if_fail (message != NULL);

  adw_expander_row_set_subtitle (self->enrichment_row, message);
}

/* The datastore's name, which the prefix is derived from when none is typed. */
void
steward_enrichment_section_set_name (StewardEnrichmentSection *self,
                                     const char               *name)
{
  g_return_if_fail (STEWARD_IS_ENRICHMENT_SECTION (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  update_prefix_preview (self);
}

gboolean
steward_enrichment_section_get_enabled (StewardEnrichmentSection *self)
{
  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_SECTION (self), FALSE);
  return adw_expander_row_get_enable_expansion (self->enrichment_row);
}

/* Returns: the chosen enrichment datastore's id, or 0 */
gint64
steward_enrichment_section_get_target_id (StewardEnrichmentSection *self)
{
  StewardDatastore *target;

  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_SECTION (self), 0);

  target = adw_combo_row_get_selected_item (self->enrichment_datastore_row);
  return target != NULL ? steward_datastore_get_id (target) : 0;
}

int
steward_enrichment_section_get_record_limit (StewardEnrichmentSection *self)
{
  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_SECTION (self), 0);
  return gtk_spin_button_get_value_as_int (self->record_limit_spin);
}

/* Returns: "none", "append" or "overwrite" */
const char *
steward_enrichment_section_get_strategy (StewardEnrichmentSection *self)
{
  guint selected;

  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_SECTION (self), NULL);

  selected = adw_combo_row_get_selected (self->strategy_row);
  return selected < G_N_ELEMENTS (remediation_strategies)
    ? remediation_strategies[selected]
    : "none";
}

int
steward_enrichment_section_get_rollup (StewardEnrichmentSection *self)
{
  g_return_val_if_fail (STEWARD_IS_ENRICHMENT_SECTION (self), 0);
  return gtk_spin_button_get_value_as_int (self->rollup_spin);
}
