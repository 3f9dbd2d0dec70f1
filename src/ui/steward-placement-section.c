/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-placement-section"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-placement-section.h"

/* Where a datastore's data is: a database and schema for a JDBC datastore, a root path (and, when
 * creating, folder globbing) for a file-system one. Rows of the other kind are hidden, and their
 * marks go with them. When creating, empty fields mean the connection's defaults, so only what
 * was typed is sent; when editing, a field is sent as typed once it differs. */
struct _StewardPlacementSection
{
  AdwBin               parent_instance;

  gboolean             dfs;
  gboolean             creating;
  gboolean             filling;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwEntryRow         *database_row;
  StewardRowMessage   *database_message;
  AdwEntryRow         *schema_row;
  StewardRowMessage   *schema_message;
  AdwEntryRow         *root_path_row;
  StewardRowMessage   *root_path_message;
  AdwActionRow        *globbing_row;
  GtkSwitch           *globbing_switch;
};

static void form_section_iface_init (StewardFormSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardPlacementSection, steward_placement_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_FORM_SECTION,
                                                      form_section_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CREATING,
  PROP_DFS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_rows (StewardPlacementSection *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->database_row), !self->dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->schema_row), !self->dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->root_path_row), self->dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->globbing_row), self->dfs && self->creating);
  if (self->dfs)
    {
      steward_row_message_set_message (self->database_message, NULL);
      steward_row_message_set_message (self->schema_message, NULL);
    }
  else
    steward_row_message_set_message (self->root_path_message, NULL);

  if (!self->creating)
    return;
  if (self->dfs)
    adw_preferences_group_set_description (self->group, _("The folder to read, from the root of "
                                                           "the bucket or container."));
  else
    adw_preferences_group_set_description (self->group,
                                           _("The database and schema to read. Leave them empty "
                                              "for the connection’s defaults."));
}

static void
row_changed_cb (StewardPlacementSection *self,
                AdwEntryRow             *row)
{
  if (self->filling)
    return;

  if (row == self->database_row)
    steward_row_message_set_message (self->database_message, NULL);
  else if (row == self->schema_row)
    steward_row_message_set_message (self->schema_message, NULL);
  else
    steward_row_message_set_message (self->root_path_message, NULL);
  steward_form_section_emit_changed (STEWARD_FORM_SECTION (self));
}

static void
globbing_changed_cb (StewardPlacementSection *self)
{
  if (!self->filling)
    steward_form_section_emit_changed (STEWARD_FORM_SECTION (self));
}

/* StewardFormSection */

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
section_set_datastore (StewardFormSection *section,
                       StewardDatastore   *datastore)
{
  StewardPlacementSection *self = STEWARD_PLACEMENT_SECTION (section);
  gboolean dfs = steward_datastore_is_dfs (datastore);

  self->filling = TRUE;
  set_text (self->database_row, dfs ? NULL : steward_datastore_get_database (datastore));
  set_text (self->schema_row, dfs ? NULL : steward_datastore_get_schema (datastore));
  set_text (self->root_path_row, dfs ? steward_datastore_get_root_path (datastore) : NULL);
  self->filling = FALSE;
  steward_placement_section_set_dfs (self, dfs);
}

/* Creating: what was typed, trimmed, if anything. */
static const char *
typed (AdwEntryRow *row,
       char       **text)
{
  *text = steward_form_row_text (row);
  return **text != '\0' ? *text : NULL;
}

/* Editing: as typed, if it differs. */
static const char *
changed (AdwEntryRow *row,
         const char  *original)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return g_strcmp0 (text, original != NULL ? original : "") != 0 ? text : NULL;
}

static void
section_apply (StewardFormSection      *section,
               StewardDatastoreRequest *request,
               StewardDatastore        *original)
{
  StewardPlacementSection *self = STEWARD_PLACEMENT_SECTION (section);
  g_autofree char *database = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *root_path = NULL;
  const char *value;

  if (self->dfs)
    {
      value = original == NULL ? typed (self->root_path_row, &root_path)
                               : changed (self->root_path_row,
                                          steward_datastore_get_root_path (original));
      if (value != NULL)
        steward_datastore_request_set_root_path (request, value);
      if (self->creating)
        steward_datastore_request_set_folder_globbing_enabled (
          request, gtk_switch_get_active (self->globbing_switch));
      return;
    }

  value = original == NULL
    ? typed (self->database_row, &database)
    : changed (self->database_row, steward_datastore_get_database (original));
  if (value != NULL)
    steward_datastore_request_set_database (request, value);
  value = original == NULL ? typed (self->schema_row, &schema)
                           : changed (self->schema_row, steward_datastore_get_schema (original));
  if (value != NULL)
    steward_datastore_request_set_schema (request, value);
}

static GtkWidget *
section_validate (StewardFormSection *section)
{
  StewardPlacementSection *self = STEWARD_PLACEMENT_SECTION (section);
  g_autofree char *root_path = NULL;

  if (!self->dfs || !self->creating)
    return NULL;

  root_path = steward_form_row_text (self->root_path_row);
  if (*root_path != '\0')
    return NULL;

  steward_row_message_set_message (self->root_path_message,
                                   _("A file-system datastore needs a root path"));
  return GTK_WIDGET (self->root_path_row);
}

static StewardRowMessage *
section_get_message (StewardFormSection *section,
                     const char         *member)
{
  StewardPlacementSection *self = STEWARD_PLACEMENT_SECTION (section);

  if (g_str_equal (member, "database") && !self->dfs)
    return self->database_message;
  if (g_str_equal (member, "schema") && !self->dfs)
    return self->schema_message;
  if (g_str_equal (member, "root_path") && self->dfs)
    return self->root_path_message;
  return NULL;
}

static void
form_section_iface_init (StewardFormSectionInterface *iface)
{
  iface->set_datastore = section_set_datastore;
  iface->apply = section_apply;
  iface->validate = section_validate;
  iface->get_message = section_get_message;
}

/* GObject */

static void
steward_placement_section_dispose (GObject *object)
{
  /* The bin's child goes first: the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_PLACEMENT_SECTION);

  G_OBJECT_CLASS (steward_placement_section_parent_class)->dispose (object);
}

static void
steward_placement_section_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardPlacementSection *self = STEWARD_PLACEMENT_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, adw_preferences_group_get_title (self->group));
      break;
    case PROP_CREATING:
      g_value_set_boolean (value, self->creating);
      break;
    case PROP_DFS:
      g_value_set_boolean (value, self->dfs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_placement_section_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StewardPlacementSection *self = STEWARD_PLACEMENT_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      adw_preferences_group_set_title (self->group, g_value_get_string (value));
      break;
    case PROP_CREATING:
      self->creating = g_value_get_boolean (value);
      update_rows (self);
      break;
    case PROP_DFS:
      steward_placement_section_set_dfs (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_placement_section_class_init (StewardPlacementSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_placement_section_dispose;
  object_class->get_property = steward_placement_section_get_property;
  object_class->set_property = steward_placement_section_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* A new datastore: folder globbing is offered, and the group says what empty fields mean. */
  properties[PROP_CREATING] =
    g_param_spec_boolean ("creating", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* A file-system datastore: a root path rather than a database and schema. */
  properties[PROP_DFS] =
    g_param_spec_boolean ("dfs", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-placement-section.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardPlacementSection, group);
  gtk_widget_class_bind_template_child (widget_class, StewardPlacementSection, database_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPlacementSection, database_message);
  gtk_widget_class_bind_template_child (widget_class, StewardPlacementSection, schema_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPlacementSection, schema_message);
  gtk_widget_class_bind_template_child (widget_class, StewardPlacementSection, root_path_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPlacementSection, root_path_message);
  gtk_widget_class_bind_template_child (widget_class, StewardPlacementSection, globbing_row);
  gtk_widget_class_bind_template_child (widget_class, StewardPlacementSection, globbing_switch);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, globbing_changed_cb);
}

static void
steward_placement_section_init (StewardPlacementSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steward_placement_section_new (void)
{
  return g_object_new (STEWARD_TYPE_PLACEMENT_SECTION, NULL);
}

gboolean
steward_placement_section_get_dfs (StewardPlacementSection *self)
{
  g_return_val_if_fail (STEWARD_IS_PLACEMENT_SECTION (self), FALSE);
  return self->dfs;
}

void
steward_placement_section_set_dfs (StewardPlacementSection *self,
                                   gboolean                 dfs)
{
  g_return_if_fail (STEWARD_IS_PLACEMENT_SECTION (self));

  dfs = !!dfs;
  /* Rows are shown from the template's defaults once too. */
  update_rows (self);
  if (self->dfs == dfs)
    return;

  self->dfs = dfs;
  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DFS]);
}
