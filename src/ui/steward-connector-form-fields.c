/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connector-form"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-connector-form-private.h"

/* The field rows of StewardConnectorForm, one FieldEntry per field of the connector's
 * description: the row each kind of field gets, setting and reading its value (as text, and as
 * the JSON the connection object holds), checking what is typed as it is typed, and how keeping
 * secrets or showing them alone changes a row. steward-connector-form.c arranges the rows, reads
 * key files and builds the connection from them. */

/* Overwrites memory that held a secret before it is freed; volatile, so that the compiler
 * cannot drop the stores as dead. */
void
_steward_connector_form_wipe (char  *data,
                              gsize  length)
{
  volatile char *p = data;

  for (gsize i = 0; data != NULL && i < length; i++)
    p[i] = 0;
}

void
_steward_connector_form_entry_clear_file (FieldEntry *entry)
{
  _steward_connector_form_wipe (entry->file_contents, entry->file_length);
  g_clear_pointer (&entry->file_contents, g_free);
  entry->file_length = 0;
  g_clear_pointer (&entry->file_name, g_free);
}

void
_steward_connector_form_field_entry_free (gpointer data)
{
  FieldEntry *entry = data;
  StewardConnectorForm *self = entry->form;

  g_cancellable_cancel (entry->file_cancellable);
  g_clear_object (&entry->file_cancellable);
  _steward_connector_form_entry_clear_file (entry);

  g_signal_handlers_disconnect_by_data (entry->row, entry);
  if (entry->control != NULL)
    g_signal_handlers_disconnect_by_data (entry->control, entry);
  if (GTK_IS_EDITABLE (entry->row) && steward_connector_field_get_secret (entry->field))
    gtk_editable_set_text (GTK_EDITABLE (entry->row), "");

  adw_preferences_group_remove (self->group, entry->message);
  adw_preferences_group_remove (self->group, entry->row);
  g_clear_object (&entry->field);
  g_free (entry);
}

gboolean
_steward_connector_form_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

void
_steward_connector_form_set_entry_message (FieldEntry *entry,
                                           const char *message)
{
  steward_row_message_set_message (STEWARD_ROW_MESSAGE (entry->message), message);
}

static gboolean
parse_number (const char *text,
              gint64     *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, value, NULL);
}

/* Returns: (transfer full) (nullable): the problem with a typed number or JSON object. */
char *
_steward_connector_form_check_format (FieldEntry *entry)
{
  StewardConnectorFieldKind kind = steward_connector_field_get_kind (entry->field);
  const char *text;
  gint64 min, max, value;

  if (!GTK_IS_EDITABLE (entry->row))
    return NULL;

  text = gtk_editable_get_text (GTK_EDITABLE (entry->row));
  if (_steward_connector_form_is_blank (text))
    return NULL;

  if (kind == STEWARD_CONNECTOR_FIELD_NUMBER)
    {
      gboolean has_range = steward_connector_field_get_range (entry->field, &min, &max);

      if (!parse_number (text, &value) || (has_range && (value < min || value > max)))
        {
          if (!has_range)
            return g_strdup (_("Enter a whole number"));
          return g_strdup_printf (_("Enter a whole number from %lld to %lld"),
                                  (long long) min, (long long) max);
        }
    }
  else if (kind == STEWARD_CONNECTOR_FIELD_JSON)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (!json_parser_load_from_data (parser, text, -1, NULL) ||
          (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        return g_strdup (_("Enter a JSON object, like {\"ssl\": true}"));
    }

  return NULL;
}

/* Editing a field takes its mark away, except that a malformed number or JSON object is pointed
 * out as it is typed. */
static void
entry_changed_cb (FieldEntry *entry)
{
  g_autofree char *problem = _steward_connector_form_check_format (entry);

  _steward_connector_form_set_entry_message (entry, problem);
  _steward_connector_form_emit_changed (entry->form);
}

static void
entry_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 FieldEntry *entry)
{
  entry_changed_cb (entry);
}

void
_steward_connector_form_update_file_subtitle (FieldEntry *entry)
{
  const char *subtitle;

  if (entry->file_cancellable != NULL)
    subtitle = _("Reading the file…");
  else if (entry->file_name != NULL)
    subtitle = entry->file_name;
  else if (entry->form->keep_secrets && steward_connector_field_get_secret (entry->field))
    subtitle = _("Kept on the server; choose a file to replace it");
  else
    subtitle = _("No file chosen");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (entry->row), subtitle);
}

void
_steward_connector_form_set_entry_value (FieldEntry *entry,
                                         const char *value)
{
  switch (steward_connector_field_get_kind (entry->field))
    {
    case STEWARD_CONNECTOR_FIELD_TEXT:
    case STEWARD_CONNECTOR_FIELD_SECRET:
    case STEWARD_CONNECTOR_FIELD_NUMBER:
    case STEWARD_CONNECTOR_FIELD_JSON:
      gtk_editable_set_text (GTK_EDITABLE (entry->row), value != NULL ? value : "");
      break;

    case STEWARD_CONNECTOR_FIELD_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (entry->control),
                             g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "1") == 0);
      break;

    case STEWARD_CONNECTOR_FIELD_CHOICE:
      {
        const char * const *choices = steward_connector_field_get_choices (entry->field);

        for (guint i = 0; choices[i] != NULL; i++)
          if (g_strcmp0 (choices[i], value) == 0)
            adw_combo_row_set_selected (ADW_COMBO_ROW (entry->row), i);
      }
      break;

    case STEWARD_CONNECTOR_FIELD_FILE:
    default:
      break;
    }
}

/* What the field holds as text, for carrying values over when the connector changes. */
char *
_steward_connector_form_get_entry_text (FieldEntry *entry)
{
  switch (steward_connector_field_get_kind (entry->field))
    {
    case STEWARD_CONNECTOR_FIELD_TEXT:
    case STEWARD_CONNECTOR_FIELD_NUMBER:
    case STEWARD_CONNECTOR_FIELD_JSON:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry->row)));
    case STEWARD_CONNECTOR_FIELD_BOOLEAN:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (entry->control)) ? "true" : "false");
    case STEWARD_CONNECTOR_FIELD_CHOICE:
      {
        const char * const *choices = steward_connector_field_get_choices (entry->field);
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (entry->row));

        return selected < g_strv_length ((char **) choices) ? g_strdup (choices[selected]) : NULL;
      }
    case STEWARD_CONNECTOR_FIELD_SECRET:
    case STEWARD_CONNECTOR_FIELD_FILE:
    default:
      return NULL;
    }
}

static GtkWidget *
create_row (FieldEntry *entry)
{
  StewardConnectorField *field = entry->field;
  const char *label = steward_connector_field_get_label (field);
  const char *placeholder = steward_connector_field_get_placeholder (field);
  GtkWidget *row = NULL;

  switch (steward_connector_field_get_kind (field))
    {
    case STEWARD_CONNECTOR_FIELD_SECRET:
      row = adw_password_entry_row_new ();
      break;

    case STEWARD_CONNECTOR_FIELD_NUMBER:
      row = adw_entry_row_new ();
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
      break;

    case STEWARD_CONNECTOR_FIELD_TEXT:
    case STEWARD_CONNECTOR_FIELD_JSON:
      row = adw_entry_row_new ();
      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (row), GTK_INPUT_HINT_NO_SPELLCHECK);
      break;

    case STEWARD_CONNECTOR_FIELD_BOOLEAN:
      row = adw_action_row_new ();
      entry->control = gtk_switch_new ();
      gtk_widget_set_valign (entry->control, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry->control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry->control);
      g_signal_connect (entry->control, "notify::active", G_CALLBACK (entry_notify_cb), entry);
      break;

    case STEWARD_CONNECTOR_FIELD_CHOICE:
      {
        g_autoptr(GtkStringList) labels =
          gtk_string_list_new (steward_connector_field_get_choice_labels (field));

        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        g_signal_connect (row, "notify::selected", G_CALLBACK (entry_notify_cb), entry);
      }
      break;

    case STEWARD_CONNECTOR_FIELD_FILE:
      {
        GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose File…"));

        row = adw_action_row_new ();
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "form.choose-file");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                          steward_connector_field_get_path (field));
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  /* Labels and hints may come from the server's connector descriptions: plain text, never
   * markup (libadwaita 1.2 reads row titles and subtitles as markup unless told otherwise). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);

  if (ADW_IS_ENTRY_ROW (row))
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
      /* The example shows once the title has moved up, while the field is being typed in. */
      if (placeholder != NULL && GTK_IS_TEXT (text))
        gtk_text_set_placeholder_text (GTK_TEXT (text), placeholder);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (entry_changed_cb), entry);
    }
  else if (placeholder != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), placeholder);

  return row;
}

/* What keeping secrets and showing them alone change about a row. */
void
_steward_connector_form_apply_mode (FieldEntry *entry)
{
  StewardConnectorForm *self = entry->form;
  gboolean secret = steward_connector_field_get_secret (entry->field);

  /* The row only: its message shows itself when there is something to say. */
  gtk_widget_set_visible (entry->row, secret || !self->secrets_only);

  if (!secret)
    return;

  if (ADW_IS_ENTRY_ROW (entry->row))
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry->row));

      if (GTK_IS_TEXT (text))
        gtk_text_set_placeholder_text (GTK_TEXT (text),
                                       self->keep_secrets
                                           ? _("Leave empty to keep the current one")
                                           : steward_connector_field_get_placeholder (
                                                 entry->field));
    }
  else if (steward_connector_field_get_kind (entry->field) == STEWARD_CONNECTOR_FIELD_FILE)
    _steward_connector_form_update_file_subtitle (entry);
}

void
_steward_connector_form_add_entry (StewardConnectorForm  *self,
                                   StewardConnectorField *field)
{
  FieldEntry *entry = g_new0 (FieldEntry, 1);

  entry->form = self;
  entry->field = g_object_ref (field);
  entry->row = create_row (entry);
  entry->message = steward_row_message_new (entry->row);

  if (steward_connector_field_get_kind (field) == STEWARD_CONNECTOR_FIELD_FILE)
    _steward_connector_form_update_file_subtitle (entry);
  else
    _steward_connector_form_set_entry_value (entry,
                                             steward_connector_field_get_default_value (field));

  adw_preferences_group_add (self->group, entry->row);
  adw_preferences_group_add (self->group, entry->message);
  g_ptr_array_add (self->entries, entry);
  _steward_connector_form_apply_mode (entry);
}

/* Returns: (transfer full) (nullable): the value of @entry as JSON, NULL when it is empty. */
JsonNode *
_steward_connector_form_entry_value (FieldEntry *entry)
{
  JsonNode *node = NULL;

  switch (steward_connector_field_get_kind (entry->field))
    {
    case STEWARD_CONNECTOR_FIELD_TEXT:
      {
        g_autofree char *text =
            g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry->row))));

        if (*text != '\0')
          {
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_string (node, text);
          }
      }
      break;

    case STEWARD_CONNECTOR_FIELD_SECRET:
      {
        /* Passwords may start or end with spaces: taken as typed. */
        const char *text = gtk_editable_get_text (GTK_EDITABLE (entry->row));

        if (text != NULL && *text != '\0')
          {
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_string (node, text);
          }
      }
      break;

    case STEWARD_CONNECTOR_FIELD_NUMBER:
      {
        gint64 value;

        if (parse_number (gtk_editable_get_text (GTK_EDITABLE (entry->row)), &value))
          {
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_int (node, value);
          }
      }
      break;

    case STEWARD_CONNECTOR_FIELD_BOOLEAN:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, gtk_switch_get_active (GTK_SWITCH (entry->control)));
      break;

    case STEWARD_CONNECTOR_FIELD_CHOICE:
      {
        g_autofree char *value = _steward_connector_form_get_entry_text (entry);

        if (value != NULL)
          {
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_string (node, value);
          }
      }
      break;

    case STEWARD_CONNECTOR_FIELD_FILE:
      if (entry->file_contents != NULL)
        {
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_string (node, entry->file_contents);
        }
      break;

    case STEWARD_CONNECTOR_FIELD_JSON:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (entry->row));
        g_autoptr(JsonParser) parser = json_parser_new ();

        if (!_steward_connector_form_is_blank (text) &&
            json_parser_load_from_data (parser, text, -1, NULL) &&
            json_parser_get_root (parser) != NULL &&
            JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
          node = json_node_copy (json_parser_get_root (parser));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return node;
}

gboolean
_steward_connector_form_entry_is_empty (FieldEntry *entry)
{
  switch (steward_connector_field_get_kind (entry->field))
    {
    case STEWARD_CONNECTOR_FIELD_TEXT:
    case STEWARD_CONNECTOR_FIELD_NUMBER:
    case STEWARD_CONNECTOR_FIELD_JSON:
      return _steward_connector_form_is_blank (gtk_editable_get_text (GTK_EDITABLE (entry->row)));
    case STEWARD_CONNECTOR_FIELD_SECRET:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (entry->row));
        return text == NULL || *text == '\0';
      }
    case STEWARD_CONNECTOR_FIELD_FILE:
      return entry->file_contents == NULL;
    case STEWARD_CONNECTOR_FIELD_BOOLEAN:
    case STEWARD_CONNECTOR_FIELD_CHOICE:
    default:
      return FALSE;
    }
}
