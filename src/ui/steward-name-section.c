/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-name-section"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-name-section.h"

/* A datastore's name and description, the first section of its forms. The description is a
 * text view with the count of characters left under the server's limit, both checked as they are
 * typed. The onboarding wizard hides the name: each datastore gets one from a template there. */
struct _StewardNameSection
{
  AdwBin               parent_instance;

  gboolean             filling;

  /* Template widgets */
  AdwPreferencesGroup *name_group;
  AdwEntryRow         *name_row;
  StewardRowMessage   *name_message;
  GtkLabel            *description_count_label;
  GtkTextView         *description_view;
  GtkTextBuffer       *description_buffer;
  StewardRowMessage   *description_message;
};

static void form_section_iface_init (StewardFormSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardNameSection, steward_name_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_FORM_SECTION,
                                                      form_section_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SHOW_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_description (StewardNameSection *self)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (self->description_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->description_buffer, &start, &end, FALSE);
}

static glong
description_length (StewardNameSection *self)
{
  g_autofree char *description = dup_description (self);

  return g_utf8_strlen (description, -1);
}

static void
update_count (StewardNameSection *self)
{
  glong length = description_length (self);
  /* Translators: characters used of the description's limit, as in "12/255". */
  g_autofree char *count = g_strdup_printf (_("%ld/%d"), length, STEWARD_DESCRIPTION_MAX);

  gtk_label_set_label (self->description_count_label, count);
  if (length > STEWARD_DESCRIPTION_MAX)
    gtk_widget_add_css_class (GTK_WIDGET (self->description_count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->description_count_label), "error");
}

static void
name_changed_cb (StewardNameSection *self)
{
  if (self->filling)
    return;

  steward_row_message_set_message (self->name_message, NULL);
  steward_form_section_emit_changed (STEWARD_FORM_SECTION (self));
}

static void
description_changed_cb (StewardNameSection *self)
{
  update_count (self);
  if (self->filling)
    return;

  steward_row_message_set_message (self->description_message, NULL);
  steward_form_section_emit_changed (STEWARD_FORM_SECTION (self));
}

/* StewardFormSection */

static void
section_set_datastore (StewardFormSection *section,
                       StewardDatastore   *datastore)
{
  StewardNameSection *self = STEWARD_NAME_SECTION (section);
  const char *description = steward_datastore_get_description (datastore);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), steward_datastore_get_name (datastore));
  gtk_text_buffer_set_text (self->description_buffer, description != NULL ? description : "", -1);
  self->filling = FALSE;
}

static void
section_apply (StewardFormSection      *section,
               StewardDatastoreRequest *request,
               StewardDatastore        *original)
{
  StewardNameSection *self = STEWARD_NAME_SECTION (section);
  g_autofree char *name = steward_form_row_text (self->name_row);
  g_autofree char *description = dup_description (self);

  if (original == NULL)
    {
      /* A new datastore: an empty description is no description. */
      if (gtk_widget_get_visible (GTK_WIDGET (self->name_group)))
        steward_datastore_request_set_name (request, name);
      g_strstrip (description);
      if (*description != '\0')
        steward_datastore_request_set_description (request, description);
      return;
    }

  if (g_strcmp0 (name, steward_datastore_get_name (original)) != 0)
    steward_datastore_request_set_name (request, name);
  /* As typed: a description may end with a newline the server keeps. */
  if (g_strcmp0 (description, steward_datastore_get_description (original) != NULL
                              ? steward_datastore_get_description (original) : "") != 0)
    steward_datastore_request_set_description (request, description);
}

static GtkWidget *
section_validate (StewardFormSection *section)
{
  StewardNameSection *self = STEWARD_NAME_SECTION (section);
  g_autofree char *name = steward_form_row_text (self->name_row);
  GtkWidget *first = NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (self->name_group)))
    {
      if (*name == '\0')
        steward_row_message_set_message (self->name_message, _("The datastore needs a name"));
      else if (g_utf8_strlen (name, -1) > STEWARD_NAME_MAX)
        {
          /* Translators: %d is the maximum length, 255. */
          g_autofree char *message = g_strdup_printf (_("A name can have at most %d characters"),
                                                      STEWARD_NAME_MAX);

          steward_row_message_set_message (self->name_message, message);
        }
      if (steward_row_message_get_message (self->name_message) != NULL)
        first = GTK_WIDGET (self->name_row);
    }

  if (description_length (self) > STEWARD_DESCRIPTION_MAX)
    {
      /* Translators: %d is the maximum length, 255. */
      g_autofree char *message = g_strdup_printf (_("A description can have at most %d characters"),
                                                  STEWARD_DESCRIPTION_MAX);

      steward_row_message_set_message (self->description_message, message);
      if (first == NULL)
        first = GTK_WIDGET (self->description_view);
    }

  return first;
}

static StewardRowMessage *
section_get_message (StewardFormSection *section,
                     const char         *member)
{
  StewardNameSection *self = STEWARD_NAME_SECTION (section);

  if (g_str_equal (member, "name"))
    return self->name_message;
  if (g_str_equal (member, "description"))
    return self->description_message;
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

static gboolean
steward_name_section_grab_focus (GtkWidget *widget)
{
  StewardNameSection *self = STEWARD_NAME_SECTION (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->name_group)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return gtk_widget_grab_focus (GTK_WIDGET (self->description_view));
}

static void
steward_name_section_dispose (GObject *object)
{
  /* The bin's child goes first: the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_NAME_SECTION);

  G_OBJECT_CLASS (steward_name_section_parent_class)->dispose (object);
}

static void
steward_name_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardNameSection *self = STEWARD_NAME_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, adw_preferences_group_get_title (self->name_group));
      break;
    case PROP_SHOW_NAME:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->name_group)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_name_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StewardNameSection *self = STEWARD_NAME_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      adw_preferences_group_set_title (self->name_group, g_value_get_string (value));
      break;
    case PROP_SHOW_NAME:
      gtk_widget_set_visible (GTK_WIDGET (self->name_group), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_name_section_class_init (StewardNameSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_name_section_dispose;
  object_class->get_property = steward_name_section_get_property;
  object_class->set_property = steward_name_section_set_property;
  widget_class->grab_focus = steward_name_section_grab_focus;

  /* The title above the name, if any; set once from the dialog's template. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Whether the name is asked for; the description always is. */
  properties[PROP_SHOW_NAME] =
    g_param_spec_boolean ("show-name", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-name-section.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardNameSection, name_group);
  gtk_widget_class_bind_template_child (widget_class, StewardNameSection, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardNameSection, name_message);
  gtk_widget_class_bind_template_child (widget_class, StewardNameSection, description_count_label);
  gtk_widget_class_bind_template_child (widget_class, StewardNameSection, description_view);
  gtk_widget_class_bind_template_child (widget_class, StewardNameSection, description_buffer);
  gtk_widget_class_bind_template_child (widget_class, StewardNameSection, description_message);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
}

static void
steward_name_section_init (StewardNameSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_count (self);
}

GtkWidget *
steward_name_section_new (void)
{
  return g_object_new (STEWARD_TYPE_NAME_SECTION, NULL);
}

/* Returns: the name as typed, without surrounding spaces */
char *
steward_name_section_dup_name (StewardNameSection *self)
{
  g_return_val_if_fail (STEWARD_IS_NAME_SECTION (self), NULL);
  return steward_form_row_text (self->name_row);
}
