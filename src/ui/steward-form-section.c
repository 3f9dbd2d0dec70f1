/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-form-section"

#include <string.h>

#include "steward-form-section.h"

/* The interface of a datastore form's sections, and what every section does the same way: a
 * problem with a field is a StewardRowMessage under its row (the row styled "error", marked
 * invalid and described for assistive technologies), found by the request member the server's
 * 422 names. Dialogs compose sections and ask them; they never reach into their rows. */

G_DEFINE_INTERFACE (StewardFormSection, steward_form_section, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
steward_form_section_default_init (StewardFormSectionInterface *iface)
{
  /**
   * StewardFormSection::changed:
   *
   * The user edited one of the section's fields (not emitted by set_datastore()).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
steward_form_section_set_datastore (StewardFormSection *self,
                                    StewardDatastore   *datastore)
{
  StewardFormSectionInterface *iface;

  g_return_if_fail (STEWARD_IS_FORM_SECTION (self));
  g_return_if_fail (STEWARD_IS_DATASTORE (datastore));

  iface = STEWARD_FORM_SECTION_GET_IFACE (self);
  if (iface->set_datastore != NULL)
    iface->set_datastore (self, datastore);
  steward_form_section_clear_marks (self);
}

/* @original: (nullable): the datastore as it is, to add only what differs from it */
void
steward_form_section_apply (StewardFormSection      *self,
                            StewardDatastoreRequest *request,
                            StewardDatastore        *original)
{
  g_return_if_fail (STEWARD_IS_FORM_SECTION (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (original == NULL || STEWARD_IS_DATASTORE (original));

  STEWARD_FORM_SECTION_GET_IFACE (self)->apply (self, request, original);
}

/* Returns: (transfer none) (nullable): the first field the section found invalid, now marked */
GtkWidget *
steward_form_section_validate (StewardFormSection *self)
{
  StewardFormSectionInterface *iface;

  g_return_val_if_fail (STEWARD_IS_FORM_SECTION (self), NULL);

  iface = STEWARD_FORM_SECTION_GET_IFACE (self);
  return iface->validate != NULL ? iface->validate (self) : NULL;
}

/* Whether the section would change anything of @original. */
gboolean
steward_form_section_is_dirty (StewardFormSection *self,
                               StewardDatastore   *original)
{
  g_autoptr(StewardDatastoreRequest) changes = NULL;

  g_return_val_if_fail (STEWARD_IS_FORM_SECTION (self), FALSE);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (original), FALSE);

  changes = steward_datastore_request_new ();
  steward_form_section_apply (self, changes, original);
  return !steward_datastore_request_is_empty (changes);
}

/* The message of @member, or of the member it is part of: "tags.2" is the third tag, so the
 * tags field; "group.name" has a row of its own where a section has one. */
static StewardRowMessage *
find_message (StewardFormSection *self,
              const char         *member)
{
  StewardFormSectionInterface *iface = STEWARD_FORM_SECTION_GET_IFACE (self);
  g_autofree char *path = g_strdup (member);
  char *dot;

  if (member == NULL)
    return NULL;

  for (;;)
    {
      StewardRowMessage *message = iface->get_message (self, path);

      if (message != NULL)
        return message;
      dot = strrchr (path, '.');
      if (dot == NULL)
        return NULL;
      *dot = '\0';
    }
}

/* Shows @message under the row of @member. Returns whether the section has that field. */
gboolean
steward_form_section_mark_field (StewardFormSection *self,
                                 const char         *member,
                                 const char         *message)
{
  StewardRowMessage *row_message;

  g_return_val_if_fail (STEWARD_IS_FORM_SECTION (self), FALSE);

  row_message = find_message (self, member);
  if (row_message == NULL)
    return FALSE;

  steward_row_message_set_message (row_message, message);
  return TRUE;
}

/* Returns: (nullable): the problem shown under the row of @member */
const char *
steward_form_section_get_field_message (StewardFormSection *self,
                                        const char         *member)
{
  StewardRowMessage *row_message;

  g_return_val_if_fail (STEWARD_IS_FORM_SECTION (self), NULL);

  row_message = find_message (self, member);
  return row_message != NULL ? steward_row_message_get_message (row_message) : NULL;
}

static gboolean
walk_messages (GtkWidget *widget,
               gboolean   clear)
{
  gboolean found = FALSE;

  if (STEWARD_IS_ROW_MESSAGE (widget))
    {
      found = steward_row_message_get_message (STEWARD_ROW_MESSAGE (widget)) != NULL;
      if (clear)
        steward_row_message_set_message (STEWARD_ROW_MESSAGE (widget), NULL);
      return found;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (walk_messages (child, clear))
      {
        found = TRUE;
        if (!clear)
          break;
      }

  return found;
}

/* Whether a field of the section shows a problem. */
gboolean
steward_form_section_has_marks (StewardFormSection *self)
{
  g_return_val_if_fail (STEWARD_IS_FORM_SECTION (self), FALSE);
  return walk_messages (GTK_WIDGET (self), FALSE);
}

void
steward_form_section_clear_marks (StewardFormSection *self)
{
  g_return_if_fail (STEWARD_IS_FORM_SECTION (self));
  walk_messages (GTK_WIDGET (self), TRUE);
}

/* For sections: a field was edited by the user. */
void
steward_form_section_emit_changed (StewardFormSection *self)
{
  g_return_if_fail (STEWARD_IS_FORM_SECTION (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The row's text without surrounding spaces. */
char *
steward_form_row_text (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Returns: (transfer none) (nullable): the first shown row with a problem under it, in the order
 * of the widgets under @root, so the focus can go there. */
GtkWidget *
steward_form_find_marked_row (GtkWidget *root)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (!gtk_widget_get_visible (root))
    return NULL;

  if (STEWARD_IS_ROW_MESSAGE (root))
    return steward_row_message_get_message (STEWARD_ROW_MESSAGE (root)) != NULL
      ? steward_row_message_get_row (STEWARD_ROW_MESSAGE (root))
      : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = steward_form_find_marked_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}
