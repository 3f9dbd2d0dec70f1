/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-organization-section"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chip-editor.h"
#include "steward-group-icon-picker.h"
#include "steward-organization-section.h"

/* Who a datastore belongs to: its teams and tags, as chips (each list is sent whole), and when
 * creating, its group: none, one of the deployment's, or a new one with its icon, made by the
 * create request itself. The groups follow the model given; a group that goes away leaves the
 * choice at None rather than at another group. */

/* The fixed entries of the group row, before the deployment's groups. */
enum {
  GROUP_NONE,
  GROUP_NEW,
  GROUP_FIRST_EXISTING,
};

struct _StewardOrganizationSection
{
  AdwBin                  parent_instance;

  GListModel             *groups;
  GtkStringList          *group_names;
  gboolean                filling;

  /* Template widgets */
  StewardChipEditor      *teams_editor;
  StewardRowMessage      *teams_message;
  StewardChipEditor      *tags_editor;
  StewardRowMessage      *tags_message;
  GtkWidget              *group_box;
  AdwComboRow            *group_row;
  StewardRowMessage      *group_message;
  AdwEntryRow            *new_group_name_row;
  StewardRowMessage      *new_group_name_message;
  GtkWidget              *icon_box;
  StewardGroupIconPicker *icon_picker;
  StewardRowMessage      *icon_message;
};

static void form_section_iface_init (StewardFormSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardOrganizationSection, steward_organization_section,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_FORM_SECTION,
                                                      form_section_iface_init))

enum {
  PROP_0,
  PROP_SHOW_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
shows_group (StewardOrganizationSection *self)
{
  return gtk_widget_get_visible (self->group_box);
}

static void
rebuild_group_names (StewardOrganizationSection *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 selected_id = steward_organization_section_get_group_id (self);
  guint selected = adw_combo_row_get_selected (self->group_row);
  guint n = self->groups != NULL ? g_list_model_get_n_items (self->groups) : 0;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = GROUP_NONE;

  g_ptr_array_add (names, (gpointer) C_("group", "None"));
  g_ptr_array_add (names, (gpointer) _("New Group…"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (self->groups, i);

      g_ptr_array_add (names, (gpointer) steward_datastore_group_get_name (group));
      if (selected_id > 0 && steward_datastore_group_get_id (group) == selected_id)
        selected = GROUP_FIRST_EXISTING + i;
    }
  g_ptr_array_add (names, NULL);

  /* A group that went away leaves the datastore ungrouped rather than in another group. */
  if (selected >= GROUP_FIRST_EXISTING && selected_id == 0)
    selected = GROUP_NONE;

  g_clear_object (&self->group_names);
  self->group_names = gtk_string_list_new ((const char * const *) names->pdata);
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (self->group_names));
  adw_combo_row_set_selected (self->group_row, MIN (selected, n + GROUP_FIRST_EXISTING - 1));
}

static void
changed (StewardOrganizationSection *self,
         StewardRowMessage          *message)
{
  if (self->filling)
    return;

  if (message != NULL)
    steward_row_message_set_message (message, NULL);
  steward_form_section_emit_changed (STEWARD_FORM_SECTION (self));
}

static void
teams_changed_cb (StewardOrganizationSection *self)
{
  changed (self, self->teams_message);
}

static void
tags_changed_cb (StewardOrganizationSection *self)
{
  changed (self, self->tags_message);
}

static void
group_selected_cb (StewardOrganizationSection *self)
{
  gboolean new_group = steward_organization_section_is_new_group (self);

  gtk_widget_set_visible (GTK_WIDGET (self->new_group_name_row), new_group);
  gtk_widget_set_visible (self->icon_box, new_group);
  if (!new_group)
    {
      steward_row_message_set_message (self->new_group_name_message, NULL);
      steward_row_message_set_message (self->icon_message, NULL);
    }
  changed (self, self->group_message);
}

static void
new_group_name_changed_cb (StewardOrganizationSection *self)
{
  changed (self, self->new_group_name_message);
}

static void
icon_changed_cb (StewardOrganizationSection *self)
{
  changed (self, self->icon_message);
}

/* StewardFormSection */

static void
section_set_datastore (StewardFormSection *section,
                       StewardDatastore   *datastore)
{
  StewardOrganizationSection *self = STEWARD_ORGANIZATION_SECTION (section);

  self->filling = TRUE;
  steward_chip_editor_set_values (self->teams_editor, steward_datastore_get_teams (datastore));
  steward_chip_editor_set_values (self->tags_editor, steward_datastore_get_tags (datastore));
  self->filling = FALSE;
}

static gboolean
list_differs (const char * const *values,
              const char * const *original)
{
  static const char * const empty[] = { NULL };

  return !g_strv_equal (values, original != NULL ? original : empty);
}

static void
section_apply (StewardFormSection      *section,
               StewardDatastoreRequest *request,
               StewardDatastore        *original)
{
  StewardOrganizationSection *self = STEWARD_ORGANIZATION_SECTION (section);
  const char * const *teams = steward_chip_editor_get_values (self->teams_editor);
  const char * const *tags = steward_chip_editor_get_values (self->tags_editor);

  /* Lists replace the server's: a changed one is sent whole. */
  if (original != NULL ? list_differs (teams, steward_datastore_get_teams (original))
                       : teams[0] != NULL)
    steward_datastore_request_set_teams (request, teams);
  if (original != NULL ? list_differs (tags, steward_datastore_get_tags (original))
                       : tags[0] != NULL)
    steward_datastore_request_set_tags (request, tags);

  if (!shows_group (self))
    return;

  /* An existing group or a new one, never both. */
  if (steward_organization_section_is_new_group (self))
    {
      g_autofree char *name = steward_organization_section_dup_new_group_name (self);

      const char *icon = steward_organization_section_get_new_group_icon (self);

      steward_datastore_request_set_new_group (request, name, icon);
    }
  else if (steward_organization_section_get_group_id (self) > 0)
    steward_datastore_request_set_group_id (request,
                                            steward_organization_section_get_group_id (self));
}

static StewardRowMessage *
section_get_message (StewardFormSection *section,
                     const char         *member)
{
  StewardOrganizationSection *self = STEWARD_ORGANIZATION_SECTION (section);

  if (g_str_equal (member, "teams"))
    return self->teams_message;
  if (g_str_equal (member, "tags"))
    return self->tags_message;
  if (!shows_group (self))
    return NULL;
  if (g_str_equal (member, "group") || g_str_equal (member, "group_id"))
    return self->group_message;
  if (g_str_equal (member, "group.name"))
    return self->new_group_name_message;
  if (g_str_equal (member, "group.icon"))
    return self->icon_message;
  return NULL;
}

static void
form_section_iface_init (StewardFormSectionInterface *iface)
{
  iface->set_datastore = section_set_datastore;
  iface->apply = section_apply;
  iface->get_message = section_get_message;
}

/* GObject */

static void
steward_organization_section_dispose (GObject *object)
{
  StewardOrganizationSection *self = STEWARD_ORGANIZATION_SECTION (object);

  if (self->groups != NULL)
    g_signal_handlers_disconnect_by_data (self->groups, self);
  /* The bin's child goes first: the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_ORGANIZATION_SECTION);
  g_clear_object (&self->groups);
  g_clear_object (&self->group_names);

  G_OBJECT_CLASS (steward_organization_section_parent_class)->dispose (object);
}

static void
steward_organization_section_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  StewardOrganizationSection *self = STEWARD_ORGANIZATION_SECTION (object);

  switch (prop_id)
    {
    case PROP_SHOW_GROUP:
      g_value_set_boolean (value, shows_group (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_organization_section_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  StewardOrganizationSection *self = STEWARD_ORGANIZATION_SECTION (object);

  switch (prop_id)
    {
    case PROP_SHOW_GROUP:
      gtk_widget_set_visible (self->group_box, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_organization_section_class_init (StewardOrganizationSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_organization_section_dispose;
  object_class->get_property = steward_organization_section_get_property;
  object_class->set_property = steward_organization_section_set_property;

  /* Whether the group is chosen here: only new datastores get one from their form. */
  properties[PROP_SHOW_GROUP] =
    g_param_spec_boolean ("show-group", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_CHIP_EDITOR);
  g_type_ensure (STEWARD_TYPE_GROUP_ICON_PICKER);
  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-organization-section.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, teams_editor);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, teams_message);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, tags_editor);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, tags_message);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, group_box);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, group_row);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, group_message);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection,
                                        new_group_name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection,
                                        new_group_name_message);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, icon_box);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, icon_picker);
  gtk_widget_class_bind_template_child (widget_class, StewardOrganizationSection, icon_message);
  gtk_widget_class_bind_template_callback (widget_class, teams_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tags_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_group_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, icon_changed_cb);
}

static void
steward_organization_section_init (StewardOrganizationSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild_group_names (self);
}

GtkWidget *
steward_organization_section_new (void)
{
  return g_object_new (STEWARD_TYPE_ORGANIZATION_SECTION, NULL);
}

/* @groups: (nullable): the deployment's StewardDatastoreGroup, kept up to date by the caller */
void
steward_organization_section_set_groups (StewardOrganizationSection *self,
                                         GListModel                 *groups)
{
  g_return_if_fail (STEWARD_IS_ORGANIZATION_SECTION (self));
  g_return_if_fail (groups == NULL || G_IS_LIST_MODEL (groups));

  if (self->groups == groups)
    return;

  if (self->groups != NULL)
    g_signal_handlers_disconnect_by_data (self->groups, self);
  g_set_object (&self->groups, groups);
  if (groups != NULL)
    g_signal_connect_swapped (groups, "items-changed", G_CALLBACK (rebuild_group_names), self);
  rebuild_group_names (self);
}

/* Adds a team or tag still being typed, before the form is sent. */
void
steward_organization_section_commit_entries (StewardOrganizationSection *self)
{
  g_return_if_fail (STEWARD_IS_ORGANIZATION_SECTION (self));

  steward_chip_editor_commit_entry (self->teams_editor);
  steward_chip_editor_commit_entry (self->tags_editor);
}

const char * const *
steward_organization_section_get_teams (StewardOrganizationSection *self)
{
  g_return_val_if_fail (STEWARD_IS_ORGANIZATION_SECTION (self), NULL);
  return steward_chip_editor_get_values (self->teams_editor);
}

const char * const *
steward_organization_section_get_tags (StewardOrganizationSection *self)
{
  g_return_val_if_fail (STEWARD_IS_ORGANIZATION_SECTION (self), NULL);
  return steward_chip_editor_get_values (self->tags_editor);
}

/* Returns: the chosen existing group's id, or 0 for none or a new one */
gint64
steward_organization_section_get_group_id (StewardOrganizationSection *self)
{
  guint selected;
  g_autoptr(StewardDatastoreGroup) group = NULL;

  g_return_val_if_fail (STEWARD_IS_ORGANIZATION_SECTION (self), 0);

  selected = adw_combo_row_get_selected (self->group_row);
  if (self->groups == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected < GROUP_FIRST_EXISTING)
    return 0;

  group = g_list_model_get_item (self->groups, selected - GROUP_FIRST_EXISTING);
  return group != NULL ? steward_datastore_group_get_id (group) : 0;
}

gboolean
steward_organization_section_is_new_group (StewardOrganizationSection *self)
{
  g_return_val_if_fail (STEWARD_IS_ORGANIZATION_SECTION (self), FALSE);
  return adw_combo_row_get_selected (self->group_row) == GROUP_NEW;
}

/* Returns: (nullable): the new group's name as typed, trimmed, or NULL when none is made */
char *
steward_organization_section_dup_new_group_name (StewardOrganizationSection *self)
{
  g_return_val_if_fail (STEWARD_IS_ORGANIZATION_SECTION (self), NULL);

  if (!steward_organization_section_is_new_group (self))
    return NULL;
  return steward_form_row_text (self->new_group_name_row);
}

/* Returns: (nullable): the new group's icon, or NULL when none is made */
const char *
steward_organization_section_get_new_group_icon (StewardOrganizationSection *self)
{
  g_return_val_if_fail (STEWARD_IS_ORGANIZATION_SECTION (self), NULL);

  if (!steward_organization_section_is_new_group (self))
    return NULL;
  return steward_group_icon_picker_get_icon (self->icon_picker);
}
