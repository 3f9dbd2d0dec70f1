/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-create-datastore-dialog"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-create-datastore-dialog-private.h"

/* Creating a datastore from StewardCreateDatastoreDialog's form: the request built from its rows
 * (also the connection part a connection test sends), the checks made before sending so every
 * problem shows at once, the question asked before creating over a failed connection test, and
 * what the server answered, marked on the rows it names. Apart from the dialog's file so the
 * form's rows and what is sent read separately. */

/* The connection part and the placement, shared by a create and a connection test. */
void
_steward_create_dialog_add_connection_and_placement (StewardCreateDatastoreDialog *self,
                                                     StewardDatastoreRequest      *request)
{
  if (_steward_create_dialog_is_new_connection (self))
    {
      g_autoptr(JsonObject) connection = steward_connector_form_build_connection (self->form);

      if (connection != NULL)
        steward_datastore_request_set_connection (request, connection);
    }
  else if (self->selected_connection != NULL)
    steward_datastore_request_set_connection_id (request, steward_connection_get_id (
                                                              self->selected_connection));

  steward_form_section_apply (STEWARD_FORM_SECTION (self->placement_section), request, NULL);
}

static StewardDatastoreRequest *
build_request (StewardCreateDatastoreDialog *self)
{
  StewardDatastoreRequest *request = steward_datastore_request_new ();
  StewardFormSection *sections[N_SECTIONS];

  _steward_create_dialog_get_sections (self, sections);
  steward_form_section_apply (sections[0], request, NULL);
  _steward_create_dialog_add_connection_and_placement (self, request);
  for (guint i = 2; i < N_SECTIONS; i++)
    steward_form_section_apply (sections[i], request, NULL);

  /* Renamed trigger_sync by the client for servers that want it. */
  steward_datastore_request_set_trigger_sync (request, gtk_switch_get_active (self->sync_switch));

  return request;
}

/* Creating */

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StewardCreateDatastoreDialog) self = user_data;
  g_autoptr(StewardDatastore) datastore = NULL;
  g_autoptr(GError) error = NULL;
  gboolean sync_started;

  datastore = steward_client_create_datastore_finish (STEWARD_CLIENT (object), result, &error);
  if (datastore == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _steward_create_dialog_set_busy (self, FALSE);
  if (datastore == NULL)
    {
      g_autofree char *message = NULL;

      g_debug ("Creating the datastore failed (%s, code %d)", g_quark_to_string (error->domain),
               error->code);
      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID))
        {
          _steward_create_dialog_show_invalid (self, error);
          return;
        }

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_CREATE_DATASTORE, error);
      else if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT) &&
               steward_organization_section_is_new_group (self->organization_section))
        {
          /* The only conflict a create can meet: the new group's name is taken. */
          steward_form_section_mark_field (STEWARD_FORM_SECTION (self->organization_section),
                                           "group.name", error->message);
          _steward_create_dialog_show_invalid (self, NULL);
          return;
        }
      else if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_BAD_REQUEST))
        /* Translators: %s is the server's own explanation. */
        message =
            g_strdup_printf (_("The server could not create the datastore: %s"), error->message);
      else if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK))
        /* A create is never sent twice by itself: the request may have arrived. Translators: %s
         * says what went wrong. */
        message = g_strdup_printf (_("No answer came back, so the datastore may or may not exist "
                                      "now (%s). "
                                      "Look for it in the list before creating it again."),
                                   error->message);
      else
        /* Translators: %s says what went wrong. */
        message = g_strdup_printf (_("The datastore could not be created: %s"), error->message);

      _steward_create_dialog_show_error (self, message);
      return;
    }

  sync_started = gtk_switch_get_active (self->sync_switch);
  g_debug ("Created datastore %" G_GINT64_FORMAT "%s", steward_datastore_get_id (datastore),
           sync_started ? ", with a sync" : "");
  _steward_create_dialog_created (self, datastore, sync_started);
}

static void
create_anyway_response_cb (AdwMessageDialog             *dialog,
                           const char                   *response,
                           StewardCreateDatastoreDialog *self)
{
  if (g_str_equal (response, "create"))
    _steward_create_dialog_submit (self, TRUE);
}

/* A connection the server could not reach is rarely meant: ask before creating over a failed
 * test. The reason is the server's text, shown as plain text. */
static void
confirm_create_anyway (StewardCreateDatastoreDialog *self)
{
  const char *message = steward_connection_tester_get_message (self->tester);
  g_autofree char *reason = g_strdup (message != NULL ? message : "");
  AdwMessageDialog *dialog;
  gsize length;

  /* The sentence supplies its own full stop. */
  g_strstrip (reason);
  length = strlen (reason);
  while (length > 0 && reason[length - 1] == '.')
    reason[--length] = '\0';

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Create Anyway?"), NULL));
  /* Named for screen readers' window lists. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Create Anyway?"));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  /* Translators: %s is why the connection test failed, often the database driver's own words. */
  adw_message_dialog_format_body (dialog,
                                  _("The connection test failed: %s. Create the datastore anyway?"),
                                  reason);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (create_anyway_response_cb), self, 0);
  g_set_weak_pointer (&self->create_anyway_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Checks the form, then sends it; after a failed connection test of a new connection, only once
 * the user said so (@despite_failed_test). */
void
_steward_create_dialog_submit (StewardCreateDatastoreDialog *self,
                               gboolean                      despite_failed_test)
{
  g_autoptr(StewardDatastoreRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  StewardFormSection *sections[N_SECTIONS];
  gboolean valid = TRUE;

  if (self->busy)
    return;

  steward_organization_section_commit_entries (self->organization_section);
  _steward_create_dialog_clear_marks (self);

  if (_steward_create_dialog_is_new_connection (self))
    {
      if (steward_connector_form_get_busy (self->form))
        {
          _steward_create_dialog_show_error (self, _("Wait until the chosen file has been read."));
          return;
        }
      valid = steward_connector_form_validate (self->form);
    }
  else if (self->selected_connection == NULL)
    {
      _steward_create_dialog_set_connection_message (self, _("Choose a connection"));
      valid = FALSE;
    }

  /* Each section checks what it can tell by itself. */
  _steward_create_dialog_get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    if (steward_form_section_validate (sections[i]) != NULL)
      valid = FALSE;

  /* The client checks the documented limits again before sending; checking here shows every
   * problem at once, with the form's own. */
  request = build_request (self);
  if (!steward_validate_datastore_request (request, STEWARD_REQUEST_CREATE, &error))
    valid = FALSE;

  if (!valid)
    {
      _steward_create_dialog_show_invalid (self, error);
      return;
    }

  if (!despite_failed_test && _steward_create_dialog_is_new_connection (self) &&
      steward_connection_tester_get_state (self->tester) == STEWARD_CONNECTION_TESTER_FAILED)
    {
      confirm_create_anyway (self);
      return;
    }

  _steward_create_dialog_set_busy (self, TRUE);
  steward_client_create_datastore_async (self->client, request, self->cancellable, created_cb,
                                         g_object_ref (self));
}
