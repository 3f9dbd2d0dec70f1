/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-row-message.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_FORM_SECTION (steward_form_section_get_type ())

G_DECLARE_INTERFACE (StewardFormSection, steward_form_section, STEWARD, FORM_SECTION, GtkWidget)

/* One part of a datastore's form (name and description, placement, organization, enrichment),
 * shared by the dialogs that create or edit datastores. A section fills itself from a datastore,
 * adds its fields to a request, checks them, and shows a problem with a field under that field's
 * row, in a StewardRowMessage: the dialog around it only composes sections and sends. */
struct _StewardFormSectionInterface
{
  GTypeInterface parent_iface;

  /* Shows @datastore's values; the section is clean afterwards (no marks, nothing emitted). */
  void               (*set_datastore) (StewardFormSection      *self,
                                       StewardDatastore        *datastore);
  /* Adds the section's fields to @request: all of them, or with @original only those that
   * differ from it (an update). */
  void               (*apply)         (StewardFormSection      *self,
                                       StewardDatastoreRequest *request,
                                       StewardDatastore        *original);
  /* Marks what the section can tell is wrong by itself; returns the first invalid field's row,
   * or NULL. Never clears a mark: a field's mark goes when the field is edited. Optional. */
  GtkWidget         *(*validate)      (StewardFormSection      *self);
  /* The message under the row of the request member @member ("name", "group.name"), or NULL
   * when the section has no such field. */
  StewardRowMessage *(*get_message)   (StewardFormSection      *self,
                                       const char              *member);
};

void        steward_form_section_set_datastore     (StewardFormSection      *self,
                                                    StewardDatastore        *datastore);
void        steward_form_section_apply             (StewardFormSection      *self,
                                                    StewardDatastoreRequest *request,
                                                    StewardDatastore        *original);
GtkWidget  *steward_form_section_validate          (StewardFormSection      *self);
gboolean    steward_form_section_is_dirty          (StewardFormSection      *self,
                                                    StewardDatastore        *original);
gboolean    steward_form_section_mark_field        (StewardFormSection      *self,
                                                    const char              *member,
                                                    const char              *message);
const char *steward_form_section_get_field_message (StewardFormSection      *self,
                                                    const char              *member);
gboolean    steward_form_section_has_marks         (StewardFormSection      *self);
void        steward_form_section_clear_marks       (StewardFormSection      *self);
void        steward_form_section_emit_changed      (StewardFormSection      *self);

/* Helpers for sections and the dialogs around them. */
char       *steward_form_row_text                  (AdwEntryRow             *row);
GtkWidget  *steward_form_find_marked_row           (GtkWidget               *root);

G_END_DECLS
