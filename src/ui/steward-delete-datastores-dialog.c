/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-delete-datastores-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-delete-datastores-dialog.h"

/* Confirms deleting several datastores at once. Deleting is permanent and takes each one's
 * containers, checks, anomalies and enrichment data along, so the user types how many are
 * going before the destructive response is enabled; the caller does the deleting on "delete". */
struct _StewardDeleteDatastoresDialog
{
  AdwMessageDialog  parent_instance;

  guint             count;

  /* Template widgets */
  GtkEntry         *confirm_entry;
};

G_DEFINE_FINAL_TYPE (StewardDeleteDatastoresDialog,
                     steward_delete_datastores_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

static void
confirm_changed_cb (StewardDeleteDatastoresDialog *self)
{
  g_autofree char *expected = g_strdup_printf ("%u", self->count);
  g_autofree char *typed =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "delete",
                                           g_strcmp0 (typed, expected) == 0);
}

static void
confirm_activate_cb (StewardDeleteDatastoresDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "delete"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "delete");
}

static void
steward_delete_datastores_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_DELETE_DATASTORES_DIALOG);

  G_OBJECT_CLASS (steward_delete_datastores_dialog_parent_class)->dispose (object);
}

static void
steward_delete_datastores_dialog_class_init (StewardDeleteDatastoresDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_delete_datastores_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/steward-delete-datastores-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDeleteDatastoresDialog, confirm_entry);
  gtk_widget_class_bind_template_callback (widget_class, confirm_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_activate_cb);
}

static void
steward_delete_datastores_dialog_init (StewardDeleteDatastoresDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "delete", FALSE);
}

/* @names: the datastores' names, to list them (names are not unique: they are only shown) */
StewardDeleteDatastoresDialog *
steward_delete_datastores_dialog_new (GtkWindow          *parent,
                                      const char * const *names)
{
  StewardDeleteDatastoresDialog *self;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *placeholder = NULL;
  guint count = g_strv_length ((char **) names);

  self = g_object_new (STEWARD_TYPE_DELETE_DATASTORES_DIALOG, "transient-for", parent, NULL);
  self->count = count;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Datastore?",
                                          "Delete %u Datastores?", count),
                             count);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  for (guint i = 0; i < count && i < 5; i++)
    g_string_append_printf (body, "• %s\n", names[i]);
  if (count > 5)
    g_string_append_printf (body,
                            g_dngettext (GETTEXT_PACKAGE, "and %u more\n", "and %u more\n",
                                         count - 5),
                            count - 5);
  g_string_append_c (body, '\n');
  g_string_append (body,
                   _("Deleting is permanent. Their containers, checks, anomalies and enrichment "
                      "data are deleted with them."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body->str);

  /* Translators: %u is how many datastores are selected for deletion. */
  placeholder = g_strdup_printf (_("Type %u to confirm"), count);
  gtk_entry_set_placeholder_text (self->confirm_entry, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->confirm_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);

  return self;
}
