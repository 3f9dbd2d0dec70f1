/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the two files of StewardConnectorForm: steward-connector-form.c (the connector
 * chosen, the rows' order, key files, the connection built, marks) and
 * steward-connector-form-fields.c (each field's row and its value). */

#include "steward-connector-form.h"
#include "steward-row-message.h"

G_BEGIN_DECLS

typedef struct
{
  StewardConnectorForm  *form;
  StewardConnectorField *field;
  GtkWidget             *row;
  GtkWidget             *message;   /* StewardRowMessage */
  GtkWidget             *control;   /* the GtkSwitch of a boolean */
  char                  *file_name;
  char                  *file_contents;
  gsize                  file_length;
  GCancellable          *file_cancellable;
} FieldEntry;

struct _StewardConnectorForm
{
  GtkWidget              parent_instance;

  GListModel            *connectors;
  StewardConnectorSpec  *spec;
  char                  *default_name;
  GPtrArray             *entries;     /* FieldEntry */
  guint                  loading;     /* files being read */
  gboolean               updating;    /* setting values ourselves: no "changed" */
  gboolean               keep_secrets;
  gboolean               secrets_only;
  GtkFileChooserNative  *chooser;
  char                  *chooser_field;

  /* Template widgets */
  AdwPreferencesGroup   *group;
  AdwComboRow           *type_row;
  StewardRowMessage     *type_message;
  AdwEntryRow           *name_row;
  StewardRowMessage     *name_message;
};

/* steward-connector-form.c: emits ::changed unless the form is setting values itself. */
void      _steward_connector_form_emit_changed         (StewardConnectorForm  *self);

/* steward-connector-form-fields.c */
/* Overwrites memory that held a secret before it is freed. */
void      _steward_connector_form_wipe                 (char                  *data,
                                                        gsize                  length);
gboolean  _steward_connector_form_is_blank             (const char            *text);
void      _steward_connector_form_add_entry            (StewardConnectorForm  *self,
                                                        StewardConnectorField *field);
void      _steward_connector_form_field_entry_free     (gpointer               data);
void      _steward_connector_form_entry_clear_file     (FieldEntry            *entry);
void      _steward_connector_form_set_entry_message    (FieldEntry            *entry,
                                                        const char            *message);
char     *_steward_connector_form_check_format         (FieldEntry            *entry);
void      _steward_connector_form_update_file_subtitle (FieldEntry            *entry);
void      _steward_connector_form_set_entry_value      (FieldEntry            *entry,
                                                        const char            *value);
char     *_steward_connector_form_get_entry_text       (FieldEntry            *entry);
void      _steward_connector_form_apply_mode           (FieldEntry            *entry);
JsonNode *_steward_connector_form_entry_value          (FieldEntry            *entry);
gboolean  _steward_connector_form_entry_is_empty       (FieldEntry            *entry);

G_END_DECLS
