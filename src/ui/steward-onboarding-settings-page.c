/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enrichment-section.h"
#include "steward-name-section.h"
#include "steward-onboarding-page.h"
#include "steward-onboarding-settings-page.h"
#include "steward-organization-section.h"

/* Step 5: what every new datastore gets. The name template is previewed as it is typed, every
 * resulting name in a list (a GtkListView: there may be thousands), each flagged when a datastore
 * of the deployment has it already, when two schemas would get it, or when it is too long for
 * the server. Then the description, teams, tags, a group (an existing one, or a new one with its
 * icon, made by the request itself), one enrichment datastore with its settings, and whether to
 * start a sync of each. Everything but the template is handed to the onboarding on Next, which
 * is Create. The shared fields are the StewardFormSections of the create dialog. */

struct _StewardOnboardingSettingsPage
{
  AdwBin                      parent_instance;

  StewardOnboarding          *onboarding;
  GtkFilterListModel         *enrichment_datastores;
  char                       *next_label;
  gboolean                    ignore_template;

  /* Template widgets */
  AdwEntryRow                *template_row;
  StewardRowMessage          *template_message;
  GtkLabel                   *names_label;
  GtkListView                *preview_view;
  StewardNameSection         *name_section;
  StewardOrganizationSection *organization_section;
  StewardEnrichmentSection   *enrichment_section;
  GtkSwitch                  *sync_switch;
};

static void page_iface_init (StewardOnboardingPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardOnboardingSettingsPage, steward_onboarding_settings_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_ONBOARDING_PAGE,
                                                      page_iface_init))

enum {
  PROP_0,
  PROP_ONBOARDING,
  PROP_CAN_GO_NEXT,
  N_PROPS
};

static StewardFormSection *
section_at (StewardOnboardingSettingsPage *self,
            guint                          i)
{
  StewardFormSection *sections[] = {
    STEWARD_FORM_SECTION (self->name_section),
    STEWARD_FORM_SECTION (self->organization_section),
    STEWARD_FORM_SECTION (self->enrichment_section),
  };

  return i < G_N_ELEMENTS (sections) ? sections[i] : NULL;
}

/* Shows the problem @field_error names where it belongs; the template is this page's own. */
static void
mark_field (StewardOnboardingSettingsPage *self,
            StewardFieldError             *field_error)
{
  StewardFormSection *section;

  if (g_strcmp0 (field_error->field, "name_template") == 0)
    {
      steward_row_message_set_message (self->template_message, field_error->message);
      return;
    }

  for (guint i = 0; (section = section_at (self, i)) != NULL; i++)
    if (steward_form_section_mark_field (section, field_error->field, field_error->message))
      return;

  /* What no row shows is about the shared settings as a whole, last in the form. */
  steward_form_section_mark_field (STEWARD_FORM_SECTION (self->enrichment_section), "enrichment",
                                   field_error->message);
}

static void
update_summary (StewardOnboardingSettingsPage *self)
{
  StewardOnboarding *onboarding = self->onboarding;
  guint n = g_list_model_get_n_items (steward_onboarding_get_plan (onboarding));
  guint taken = steward_onboarding_get_n_taken (onboarding);
  guint duplicates = steward_onboarding_get_n_duplicates (onboarding);
  guint too_long = steward_onboarding_get_n_too_long (onboarding);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: %u is how many datastores the request will create. */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u datastore will be created.",
                                             "%u datastores will be created.", n), n);
  if (too_long > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %u counts names longer than the server accepts. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u name is too long.",
                                                 "%u names are too long.", too_long), too_long);
    }
  if (duplicates > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %u counts names that two or more schemas would get. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u name repeats.",
                                                 "%u names repeat.", duplicates), duplicates);
    }
  if (taken > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %u counts names that datastores of the deployment already have. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u name is taken already.",
                                                 "%u names are taken already.", taken), taken);
    }

  gtk_label_set_label (self->names_label, text->str);
  gtk_widget_remove_css_class (GTK_WIDGET (self->names_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->names_label), "error");
  if (too_long > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->names_label), "error");
  else if (duplicates > 0 || taken > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->names_label), "warning");

  if (!steward_onboarding_get_template_valid (onboarding))
    steward_row_message_set_message (self->template_message,
                                     _("The template must contain {{ schema }}"));
  else if (too_long > 0)
    steward_row_message_set_message (self->template_message,
                                     _("Some names would be longer than 255 characters"));
  else
    steward_row_message_set_message (self->template_message, NULL);

  g_free (self->next_label);
  /* Translators: the Create button; %u is how many datastores it creates. */
  self->next_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "C_reate %u Datastore",
                                                   "C_reate %u Datastores", n), n);
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

/* Preview rows */

static void
update_preview_row (GtkListItem *item)
{
  StewardOnboardingTarget *target = gtk_list_item_get_item (item);
  GtkWidget *flag = g_object_get_data (G_OBJECT (item), "flag");
  GtkWidget *flag_icon = g_object_get_data (G_OBJECT (item), "flag-icon");
  GtkWidget *flag_label = g_object_get_data (G_OBJECT (item), "flag-label");
  const char *text = NULL;
  const char *tooltip = NULL;
  const char *style = "warning";

  if (target == NULL)
    return;

  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "name"),
                       steward_onboarding_target_get_planned_name (target));

  switch (steward_onboarding_target_get_name_problem (target))
    {
    case STEWARD_TARGET_NAME_TAKEN:
      text = _("Taken");
      tooltip = _("A datastore of the deployment has this name already");
      break;
    case STEWARD_TARGET_NAME_DUPLICATE:
      text = _("Repeated");
      tooltip = _("Another schema of this list would get this name too");
      break;
    case STEWARD_TARGET_NAME_TOO_LONG:
      text = _("Too long");
      tooltip = _("Names can have at most 255 characters");
      style = "error";
      break;
    case STEWARD_TARGET_NAME_OK:
    default:
      break;
    }

  gtk_widget_set_visible (flag, text != NULL);
  gtk_label_set_label (GTK_LABEL (flag_label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (flag, tooltip);
  gtk_image_set_from_icon_name (GTK_IMAGE (flag_icon), g_str_equal (style, "error")
                                                      ? "dialog-error-symbolic"
                                                      : "dialog-warning-symbolic");
  gtk_widget_set_css_classes (flag, (const char *[]) { style, NULL });
}

static void
setup_preview_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);
  GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *flag_icon = gtk_image_new ();
  GtkWidget *flag_label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_selectable (GTK_LABEL (name), FALSE);
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), source);
  gtk_box_append (GTK_BOX (flag), flag_icon);
  gtk_box_append (GTK_BOX (flag), flag_label);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), flag);

  g_object_set_data (G_OBJECT (item), "name", name);
  g_object_set_data (G_OBJECT (item), "source", source);
  g_object_set_data (G_OBJECT (item), "flag", flag);
  g_object_set_data (G_OBJECT (item), "flag-icon", flag_icon);
  g_object_set_data (G_OBJECT (item), "flag-label", flag_label);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_preview_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  StewardOnboardingTarget *target = gtk_list_item_get_item (item);

  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "source"),
                       steward_onboarding_target_get_name (target));
  g_signal_connect_object (target, "notify::planned-name", G_CALLBACK (update_preview_row), item,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "notify::name-problem", G_CALLBACK (update_preview_row), item,
                           G_CONNECT_SWAPPED);
  update_preview_row (item);
}

static void
unbind_preview_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  StewardOnboardingTarget *target = gtk_list_item_get_item (item);

  if (target != NULL)
    g_signal_handlers_disconnect_by_data (target, item);
}

static gboolean
is_enrichment_datastore (gpointer item,
                         gpointer user_data)
{
  return steward_datastore_get_enrichment_only (item);
}

/* Callbacks */

static void
template_changed_cb (StewardOnboardingSettingsPage *self)
{
  if (self->ignore_template || self->onboarding == NULL)
    return;

  steward_onboarding_set_name_template (self->onboarding,
                                        gtk_editable_get_text (GTK_EDITABLE (self->template_row)));
}

static void
section_changed_cb (StewardOnboardingSettingsPage *self)
{
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

/* What the server refused last time, at the field it names. */
static void
show_refusal (StewardOnboardingSettingsPage *self)
{
  const GError *error = steward_onboarding_get_create_gerror (self->onboarding);
  GPtrArray *fields;

  if (error == NULL || error->domain != STEWARD_API_ERROR)
    return;

  if (error->code == STEWARD_API_ERROR_CONFLICT &&
      steward_organization_section_is_new_group (self->organization_section))
    {
      steward_form_section_mark_field (STEWARD_FORM_SECTION (self->organization_section),
                                       "group.name", error->message);
      return;
    }

  fields = steward_api_error_get_field_errors (error);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    mark_field (self, g_ptr_array_index (fields, i));
}

/* StewardOnboardingPage */

static const char *
page_get_title (StewardOnboardingPage *page)
{
  return _("Settings");
}

static void
page_activate (StewardOnboardingPage *page)
{
  StewardOnboardingSettingsPage *self = STEWARD_ONBOARDING_SETTINGS_PAGE (page);

  steward_onboarding_make_plan (self->onboarding);

  self->ignore_template = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->template_row),
                         steward_onboarding_get_name_template (self->onboarding));
  self->ignore_template = FALSE;

  update_summary (self);
  show_refusal (self);
}

static gboolean
page_can_go_next (StewardOnboardingPage *page)
{
  StewardOnboardingSettingsPage *self = STEWARD_ONBOARDING_SETTINGS_PAGE (page);
  StewardOnboarding *onboarding = self->onboarding;

  if (!steward_onboarding_get_template_valid (onboarding) ||
      steward_onboarding_get_n_too_long (onboarding) > 0 ||
      g_list_model_get_n_items (steward_onboarding_get_plan (onboarding)) == 0)
    return FALSE;

  if (steward_organization_section_is_new_group (self->organization_section))
    {
      g_autofree char *name =
        steward_organization_section_dup_new_group_name (self->organization_section);

      if (*name == '\0')
        return FALSE;
    }

  return !steward_enrichment_section_get_enabled (self->enrichment_section) ||
         steward_enrichment_section_get_target_id (self->enrichment_section) > 0;
}

static gboolean
page_apply (StewardOnboardingPage *page)
{
  StewardOnboardingSettingsPage *self = STEWARD_ONBOARDING_SETTINGS_PAGE (page);
  StewardOnboarding *onboarding = self->onboarding;
  StewardOrganizationSection *organization = self->organization_section;
  StewardEnrichmentSection *enrichment = self->enrichment_section;
  g_autoptr(StewardDatastoreRequest) details = steward_datastore_request_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;

  steward_organization_section_commit_entries (organization);

  /* The description as a new datastore's request has it: trimmed, or none. */
  steward_form_section_apply (STEWARD_FORM_SECTION (self->name_section), details, NULL);
  steward_onboarding_set_description (
    onboarding, steward_json_get_string (steward_datastore_request_get_object (details),
                                         "description"));
  steward_onboarding_set_teams (onboarding, steward_organization_section_get_teams (organization));
  steward_onboarding_set_tags (onboarding, steward_organization_section_get_tags (organization));

  if (steward_organization_section_is_new_group (organization))
    {
      g_autofree char *name = steward_organization_section_dup_new_group_name (organization);

      const char *icon = steward_organization_section_get_new_group_icon (organization);

      steward_onboarding_set_new_group (onboarding, name, icon);
    }
  else
    steward_onboarding_set_group_id (onboarding,
                                     steward_organization_section_get_group_id (organization));

  if (steward_enrichment_section_get_enabled (enrichment))
    steward_onboarding_set_enrichment (onboarding,
                                       steward_enrichment_section_get_target_id (enrichment),
                                       steward_enrichment_section_get_record_limit (enrichment),
                                       steward_enrichment_section_get_strategy (enrichment),
                                       steward_enrichment_section_get_rollup (enrichment));
  else
    steward_onboarding_set_enrichment (onboarding, 0, 10, NULL, 10);

  steward_onboarding_set_trigger_sync (onboarding, gtk_switch_get_active (self->sync_switch));

  if (steward_onboarding_check_settings (onboarding, &error))
    return TRUE;

  /* The checks the client makes before sending, shown where they belong. */
  fields = steward_api_error_get_field_errors (error);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    mark_field (self, g_ptr_array_index (fields, i));
  return FALSE;
}

static const char *
page_get_next_label (StewardOnboardingPage *page)
{
  return STEWARD_ONBOARDING_SETTINGS_PAGE (page)->next_label;
}

static void
page_iface_init (StewardOnboardingPageInterface *iface)
{
  iface->get_title = page_get_title;
  iface->activate = page_activate;
  iface->can_go_next = page_can_go_next;
  iface->apply = page_apply;
  iface->get_next_label = page_get_next_label;
}

/* GObject */

static void
steward_onboarding_settings_page_constructed (GObject *object)
{
  StewardOnboardingSettingsPage *self = STEWARD_ONBOARDING_SETTINGS_PAGE (object);
  StewardDeployment *deployment;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  static const char * const counts[] = {
    "notify::n-taken", "notify::n-duplicates", "notify::n-too-long", "notify::template-valid",
  };

  G_OBJECT_CLASS (steward_onboarding_settings_page_parent_class)->constructed (object);

  g_assert (STEWARD_IS_ONBOARDING (self->onboarding));
  deployment = steward_onboarding_get_deployment (self->onboarding);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_preview_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_preview_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_preview_cb), NULL);
  gtk_list_view_set_factory (self->preview_view, factory);
  selection = gtk_no_selection_new (g_object_ref (steward_onboarding_get_plan (self->onboarding)));
  gtk_list_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));

  self->enrichment_datastores =
    gtk_filter_list_model_new (g_object_ref (steward_deployment_get_datastores (deployment)),
                               GTK_FILTER (gtk_custom_filter_new (is_enrichment_datastore, NULL,
                                                                  NULL)));
  steward_enrichment_section_set_datastores (self->enrichment_section,
                                             G_LIST_MODEL (self->enrichment_datastores));
  steward_organization_section_set_groups (self->organization_section,
                                           steward_deployment_get_groups (deployment));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_signal_connect_object (self->onboarding, counts[i], G_CALLBACK (update_summary), self,
                             G_CONNECT_SWAPPED);
}

static void
steward_onboarding_settings_page_dispose (GObject *object)
{
  StewardOnboardingSettingsPage *self = STEWARD_ONBOARDING_SETTINGS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ONBOARDING_SETTINGS_PAGE);
  g_clear_object (&self->enrichment_datastores);
  g_clear_object (&self->onboarding);

  G_OBJECT_CLASS (steward_onboarding_settings_page_parent_class)->dispose (object);
}

static void
steward_onboarding_settings_page_finalize (GObject *object)
{
  StewardOnboardingSettingsPage *self = STEWARD_ONBOARDING_SETTINGS_PAGE (object);

  g_free (self->next_label);

  G_OBJECT_CLASS (steward_onboarding_settings_page_parent_class)->finalize (object);
}

static void
steward_onboarding_settings_page_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  StewardOnboardingSettingsPage *self = STEWARD_ONBOARDING_SETTINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ONBOARDING:
      g_value_set_object (value, self->onboarding);
      break;
    case PROP_CAN_GO_NEXT:
      g_value_set_boolean (value, page_can_go_next (STEWARD_ONBOARDING_PAGE (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_settings_page_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  StewardOnboardingSettingsPage *self = STEWARD_ONBOARDING_SETTINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ONBOARDING:
      self->onboarding = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_settings_page_class_init (StewardOnboardingSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steward_onboarding_settings_page_constructed;
  object_class->dispose = steward_onboarding_settings_page_dispose;
  object_class->finalize = steward_onboarding_settings_page_finalize;
  object_class->get_property = steward_onboarding_settings_page_get_property;
  object_class->set_property = steward_onboarding_settings_page_set_property;

  g_object_class_override_property (object_class, PROP_ONBOARDING, "onboarding");
  g_object_class_override_property (object_class, PROP_CAN_GO_NEXT, "can-go-next");

  g_type_ensure (STEWARD_TYPE_NAME_SECTION);
  g_type_ensure (STEWARD_TYPE_ORGANIZATION_SECTION);
  g_type_ensure (STEWARD_TYPE_ENRICHMENT_SECTION);
  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/steward-onboarding-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSettingsPage, template_row);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSettingsPage,
                                        template_message);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSettingsPage, names_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSettingsPage, preview_view);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSettingsPage,
                                        name_section);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSettingsPage,
                                        organization_section);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSettingsPage,
                                        enrichment_section);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSettingsPage, sync_switch);
  gtk_widget_class_bind_template_callback (widget_class, template_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);
}

static void
steward_onboarding_settings_page_init (StewardOnboardingSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steward_onboarding_settings_page_new (StewardOnboarding *onboarding)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (onboarding), NULL);

  return g_object_new (STEWARD_TYPE_ONBOARDING_SETTINGS_PAGE, "onboarding", onboarding, NULL);
}

/* The line above the preview, as shown. */
const char *
steward_onboarding_settings_page_get_names_summary (StewardOnboardingSettingsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_SETTINGS_PAGE (self), NULL);
  return gtk_label_get_label (self->names_label);
}

/* Returns: (nullable): the problem shown under the template */
const char *
steward_onboarding_settings_page_get_template_message (StewardOnboardingSettingsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_SETTINGS_PAGE (self), NULL);
  return steward_row_message_get_message (self->template_message);
}
