/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connector-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-connector-form-private.h"

/* One connector's form, rendered from its StewardConnectorSpec: whether the description came
 * from Steward's table or from the server, each field kind has one kind of row. The form builds
 * the connection object with every value where the description says (top level or under
 * "parameters"), checks required fields before anything is sent, and marks a field a server's
 * 422 names. Secrets are never logged or shown again, and are wiped when the form closes.
 *
 * Editing a saved connection, the form keeps secrets: the server never sends them back, so their
 * fields start empty and an empty one means "keep the stored one" rather than "required". It can
 * also show the secrets alone, for changing a password without the rest in the way. */

/* Key files (service accounts, private keys) are a few KiB; anything bigger is a wrong pick. */
#define MAX_FILE_SIZE (1024 * 1024)

G_DEFINE_FINAL_TYPE (StewardConnectorForm, steward_connector_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONNECTORS,
  PROP_SPEC,
  PROP_DEFAULT_NAME,
  PROP_BUSY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Accepts "connection.host", "host", "connection.parameters.role" and "parameters.role". */
static const char *
strip_connection (const char *field)
{
  if (field != NULL && g_str_has_prefix (field, "connection."))
    return field + strlen ("connection.");
  return field;
}

static FieldEntry *
find_entry (StewardConnectorForm *self,
            const char           *path)
{
  for (guint i = 0; path != NULL && i < self->entries->len; i++)
    {
      FieldEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (steward_connector_field_get_path (entry->field), path))
        return entry;
    }

  return NULL;
}

void
_steward_connector_form_emit_changed (StewardConnectorForm *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* With a default, the name is optional, and the default shows while the empty row is typed in. */
static void
update_name_row (StewardConnectorForm *self)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->name_row));
  gboolean has_default = !_steward_connector_form_is_blank (self->default_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row),
                                 has_default ? _("Connection Name (optional)")
                                             : _("Connection Name"));
  if (GTK_IS_TEXT (text))
    gtk_text_set_placeholder_text (GTK_TEXT (text), has_default ? self->default_name : NULL);
}

static void
type_selected_cb (StewardConnectorForm *self)
{
  StewardConnectorSpec *spec = adw_combo_row_get_selected_item (self->type_row);

  if (spec != NULL)
    steward_connector_form_set_spec (self, spec);
}

static void
name_changed_cb (StewardConnectorForm *self)
{
  steward_row_message_set_message (self->name_message, NULL);
  _steward_connector_form_emit_changed (self);
}

static void
apply_mode_everywhere (StewardConnectorForm *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    _steward_connector_form_apply_mode (g_ptr_array_index (self->entries, i));

  gtk_widget_set_visible (GTK_WIDGET (self->name_row), !self->secrets_only);
}

static void
set_loading (StewardConnectorForm *self,
             gboolean              loading)
{
  gboolean was_busy = self->loading > 0;

  if (loading)
    self->loading++;
  else if (self->loading > 0)
    self->loading--;

  if (was_busy != (self->loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  StewardConnectorForm *form;
  GCancellable         *cancellable;
  char                 *path;
  char                 *file_name;
} FileLoad;

static void
file_load_free (FileLoad *load)
{
  g_clear_object (&load->form);
  g_clear_object (&load->cancellable);
  g_free (load->path);
  g_free (load->file_name);
  g_free (load);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FileLoad *load = user_data;
  StewardConnectorForm *self = load->form;
  g_autoptr(GError) error = NULL;
  FieldEntry *entry;
  char *contents = NULL;
  gsize length = 0;

  set_loading (self, FALSE);
  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          entry = find_entry (self, load->path);
          if (entry != NULL && entry->file_cancellable == load->cancellable)
            {
              g_clear_object (&entry->file_cancellable);
              _steward_connector_form_update_file_subtitle (entry);
              _steward_connector_form_set_entry_message (entry, error->message);
            }
        }
      file_load_free (load);
      return;
    }

  entry = find_entry (self, load->path);
  if (entry == NULL || entry->file_cancellable != load->cancellable)
    {
      /* The form changed connector while the file was read. */
      _steward_connector_form_wipe (contents, length);
      g_free (contents);
      file_load_free (load);
      return;
    }

  g_clear_object (&entry->file_cancellable);
  if (length > MAX_FILE_SIZE || !g_utf8_validate (contents, length, NULL) ||
      memchr (contents, '\0', length) != NULL)
    {
      _steward_connector_form_wipe (contents, length);
      g_free (contents);
      _steward_connector_form_update_file_subtitle (entry);
      _steward_connector_form_set_entry_message (entry, length > MAX_FILE_SIZE
                         ? _("The file is too large to be a key file")
                         : _("The file is not a text key file"));
      file_load_free (load);
      return;
    }

  _steward_connector_form_entry_clear_file (entry);
  entry->file_contents = contents;
  entry->file_length = length;
  entry->file_name = g_steal_pointer (&load->file_name);
  _steward_connector_form_update_file_subtitle (entry);
  _steward_connector_form_set_entry_message (entry, NULL);
  _steward_connector_form_emit_changed (self);
  file_load_free (load);
}

static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     StewardConnectorForm *self)
{
  g_autofree char *path = g_steal_pointer (&self->chooser_field);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        steward_connector_form_set_file (self, path, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StewardConnectorForm *self = STEWARD_CONNECTOR_FORM (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  FieldEntry *entry = find_entry (self, path);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = NULL;

  if (entry == NULL || self->chooser != NULL)
    return;

  /* Translators: the title of a file chooser; %s is a field such as "Service Account Key". */
  title = g_strdup_printf (_("Choose the %s"), steward_connector_field_get_label (entry->field));
  self->chooser =
      gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  self->chooser_field = g_strdup (path);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
steward_connector_form_dispose (GObject *object)
{
  StewardConnectorForm *self = STEWARD_CONNECTOR_FORM (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->chooser_field, g_free);

  /* Wipes the secrets and cancels file reads before the rows go. */
  if (self->entries != NULL)
    g_ptr_array_set_size (self->entries, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CONNECTOR_FORM);
  /* The template's root has no id: unparented here, as the bin layout does not do it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->spec);
  g_clear_object (&self->connectors);

  G_OBJECT_CLASS (steward_connector_form_parent_class)->dispose (object);
}

static void
steward_connector_form_finalize (GObject *object)
{
  StewardConnectorForm *self = STEWARD_CONNECTOR_FORM (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self->default_name);

  G_OBJECT_CLASS (steward_connector_form_parent_class)->finalize (object);
}

static void
steward_connector_form_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardConnectorForm *self = STEWARD_CONNECTOR_FORM (object);

  switch (prop_id)
    {
    case PROP_CONNECTORS:
      g_value_set_object (value, self->connectors);
      break;
    case PROP_SPEC:
      g_value_set_object (value, self->spec);
      break;
    case PROP_DEFAULT_NAME:
      g_value_set_string (value, self->default_name);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, steward_connector_form_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connector_form_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StewardConnectorForm *self = STEWARD_CONNECTOR_FORM (object);

  switch (prop_id)
    {
    case PROP_CONNECTORS:
      steward_connector_form_set_connectors (self, g_value_get_object (value));
      break;
    case PROP_SPEC:
      steward_connector_form_set_spec (self, g_value_get_object (value));
      break;
    case PROP_DEFAULT_NAME:
      steward_connector_form_set_default_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connector_form_class_init (StewardConnectorFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_connector_form_dispose;
  object_class->finalize = steward_connector_form_finalize;
  object_class->get_property = steward_connector_form_get_property;
  object_class->set_property = steward_connector_form_set_property;

  /* The connectors the type row offers (StewardConnectorSpec); without, the row is hidden and
   * the connector is set with steward_connector_form_set_spec(). */
  properties[PROP_CONNECTORS] =
    g_param_spec_object ("connectors", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEC] =
    g_param_spec_object ("spec", NULL, NULL, STEWARD_TYPE_CONNECTOR_SPEC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The connection name used when the name row is left empty (the datastore's name, say). */
  properties[PROP_DEFAULT_NAME] =
    g_param_spec_string ("default-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A chosen file is still being read: its contents cannot be sent yet. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Any value changed by the user. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (STEWARD_TYPE_CONNECTOR_SPEC);
  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-connector-form.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardConnectorForm, group);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectorForm, type_row);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectorForm, type_message);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectorForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectorForm, name_message);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_install_action (widget_class, "form.choose-file", "s", choose_file_action);
}

static void
steward_connector_form_init (StewardConnectorForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func (_steward_connector_form_field_entry_free);
}

GtkWidget *
steward_connector_form_new (void)
{
  return g_object_new (STEWARD_TYPE_CONNECTOR_FORM, NULL);
}

GListModel *
steward_connector_form_get_connectors (StewardConnectorForm *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), NULL);
  return self->connectors;
}

static guint
find_type (GListModel *connectors,
           const char *type)
{
  guint n = connectors != NULL ? g_list_model_get_n_items (connectors) : 0;

  for (guint i = 0; type != NULL && i < n; i++)
    {
      g_autoptr(StewardConnectorSpec) spec = g_list_model_get_item (connectors, i);

      if (g_strcmp0 (steward_connector_spec_get_type_name (spec), type) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Offers @connectors in the type row. The connector chosen so far stays chosen when the new list
 * has its type (the server's description replacing the built-in one, say); else the first is. */
void
steward_connector_form_set_connectors (StewardConnectorForm *self,
                                       GListModel           *connectors)
{
  g_autofree char *type = NULL;
  guint position;

  g_return_if_fail (STEWARD_IS_CONNECTOR_FORM (self));
  g_return_if_fail (connectors == NULL || G_IS_LIST_MODEL (connectors));

  if (self->connectors == connectors)
    return;

  type = self->spec != NULL ? g_strdup (steward_connector_spec_get_type_name (self->spec)) : NULL;
  g_set_object (&self->connectors, connectors);

  g_signal_handlers_block_by_func (self->type_row, type_selected_cb, self);
  adw_combo_row_set_model (self->type_row, connectors);
  g_signal_handlers_unblock_by_func (self->type_row, type_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->type_row), connectors != NULL);

  position = find_type (connectors, type);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  if (connectors != NULL && g_list_model_get_n_items (connectors) > 0)
    {
      g_autoptr(StewardConnectorSpec) spec = g_list_model_get_item (connectors, position);

      steward_connector_form_set_spec (self, spec);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTORS]);
}

/* Chooses the connector of @type among the connectors offered. */
gboolean
steward_connector_form_select_type (StewardConnectorForm *self,
                                    const char           *type)
{
  guint position;

  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), FALSE);

  position = find_type (self->connectors, type);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  adw_combo_row_set_selected (self->type_row, position);
  return TRUE;
}

StewardConnectorSpec *
steward_connector_form_get_spec (StewardConnectorForm *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), NULL);
  return self->spec;
}

/* Renders @spec's fields. What was typed into a field that the new connector has too (the host,
 * the user name) is kept, unless it was only the old connector's default; secrets and files are
 * not carried over. */
void
steward_connector_form_set_spec (StewardConnectorForm *self,
                                 StewardConnectorSpec *spec)
{
  g_autoptr(GHashTable) kept = NULL;

  g_return_if_fail (STEWARD_IS_CONNECTOR_FORM (self));
  g_return_if_fail (spec == NULL || STEWARD_IS_CONNECTOR_SPEC (spec));

  if (self->spec == spec)
    return;

  kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->entries->len; i++)
    {
      FieldEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *text = _steward_connector_form_get_entry_text (entry);

      if (text != NULL && *text != '\0' &&
          g_strcmp0 (text, steward_connector_field_get_default_value (entry->field)) != 0)
        g_hash_table_insert (kept, g_strdup (steward_connector_field_get_path (entry->field)),
                             g_steal_pointer (&text));
    }

  self->updating = TRUE;
  g_ptr_array_set_size (self->entries, 0);
  g_set_object (&self->spec, spec);

  for (guint i = 0; spec != NULL && i < steward_connector_spec_get_n_fields (spec); i++)
    {
      StewardConnectorField *field = steward_connector_spec_get_field (spec, i);
      const char *value = g_hash_table_lookup (kept, steward_connector_field_get_path (field));

      _steward_connector_form_add_entry (self, field);
      if (value != NULL)
        _steward_connector_form_set_entry_value (g_ptr_array_index (self->entries,
                                                                    self->entries->len - 1),
                                                 value);
    }
  self->updating = FALSE;

  /* Keeps the type row in step when the connector is set directly. */
  if (spec != NULL && self->connectors != NULL)
    {
      guint position = find_type (self->connectors, steward_connector_spec_get_type_name (spec));

      g_signal_handlers_block_by_func (self->type_row, type_selected_cb, self);
      if (position != GTK_INVALID_LIST_POSITION)
        adw_combo_row_set_selected (self->type_row, position);
      g_signal_handlers_unblock_by_func (self->type_row, type_selected_cb, self);
    }
  steward_row_message_set_message (self->type_message, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEC]);
  _steward_connector_form_emit_changed (self);
}

const char *
steward_connector_form_get_default_name (StewardConnectorForm *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), NULL);
  return self->default_name;
}

void
steward_connector_form_set_default_name (StewardConnectorForm *self,
                                         const char           *name)
{
  g_return_if_fail (STEWARD_IS_CONNECTOR_FORM (self));

  if (g_strcmp0 (self->default_name, name) == 0)
    return;

  g_free (self->default_name);
  self->default_name = g_strdup (name);
  update_name_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_NAME]);
}

gboolean
steward_connector_form_get_busy (StewardConnectorForm *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), FALSE);
  return self->loading > 0;
}

/* Checks what can be checked before sending: required fields, numbers, JSON. Marks each field
 * with a problem and returns whether there was none. */
gboolean
steward_connector_form_validate (StewardConnectorForm *self)
{
  gboolean valid = TRUE;

  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), FALSE);

  if (_steward_connector_form_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_row))) &&
      _steward_connector_form_is_blank (self->default_name))
    {
      steward_row_message_set_message (self->name_message, _("The connection needs a name"));
      valid = FALSE;
    }
  else
    steward_row_message_set_message (self->name_message, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      FieldEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *problem = _steward_connector_form_check_format (entry);

      if (problem == NULL && steward_connector_field_get_required (entry->field) &&
          _steward_connector_form_entry_is_empty (entry) &&
          !(self->keep_secrets && steward_connector_field_get_secret (entry->field)))
        problem = g_strdup (steward_connector_field_get_kind (entry->field) ==
                                    STEWARD_CONNECTOR_FIELD_FILE
                                ? _("Choose a file")
                                : _("This field is required"));
      if (problem != NULL &&
          steward_connector_field_get_kind (entry->field) == STEWARD_CONNECTOR_FIELD_FILE &&
          entry->file_cancellable != NULL)
        g_clear_pointer (&problem, g_free);

      _steward_connector_form_set_entry_message (entry, problem);
      if (problem != NULL)
        valid = FALSE;
    }

  return valid;
}

/* Returns: (transfer full) (nullable): the connection object: "name", "type", each field at its
 * target, and "parameters" when any field goes there. NULL without a connector. It holds the
 * secrets as typed: keep it only as long as the request that sends it. */
JsonObject *
steward_connector_form_build_connection (StewardConnectorForm *self)
{
  g_autoptr(JsonObject) parameters = NULL;
  g_autofree char *name = NULL;
  JsonObject *connection;

  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), NULL);

  if (self->spec == NULL)
    return NULL;

  connection = json_object_new ();
  parameters = json_object_new ();

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0' && self->default_name != NULL)
    {
      g_free (name);
      name = g_strstrip (g_strdup (self->default_name));
    }
  if (*name != '\0')
    json_object_set_string_member (connection, "name", name);
  if (!steward_connector_spec_is_generic (self->spec))
    json_object_set_string_member (connection, "type",
                                   steward_connector_spec_get_type_name (self->spec));

  for (guint i = 0; i < self->entries->len; i++)
    {
      FieldEntry *entry = g_ptr_array_index (self->entries, i);
      JsonNode *value = _steward_connector_form_entry_value (entry);
      const char *member = steward_connector_field_get_name (entry->field);

      if (value == NULL)
        continue;

      if (steward_connector_field_get_kind (entry->field) == STEWARD_CONNECTOR_FIELD_JSON)
        {
          JsonObjectIter iter;
          const char *key;
          JsonNode *node;

          /* Raw parameters never override a field of their own. */
          json_object_iter_init (&iter, json_node_get_object (value));
          while (json_object_iter_next (&iter, &key, &node))
            if (!json_object_has_member (parameters, key))
              json_object_set_member (parameters, key, json_node_copy (node));
          json_node_unref (value);
        }
      else if (steward_connector_field_get_target (entry->field) ==
               STEWARD_CONNECTOR_TARGET_PARAMETERS)
        json_object_set_member (parameters, member, value);
      else
        json_object_set_member (connection, member, value);
    }

  if (json_object_get_size (parameters) > 0)
    json_object_set_object_member (connection, "parameters", g_steal_pointer (&parameters));

  return connection;
}

/* Marks the field a server or the client's checks named: "connection.host", "host",
 * "connection.parameters.role". A parameter without a field of its own marks the raw parameters
 * field, if the connector has one. Returns whether a field of this form was marked. */
gboolean
steward_connector_form_mark_field (StewardConnectorForm *self,
                                   const char           *field,
                                   const char           *message)
{
  const char *path;
  FieldEntry *entry;

  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), FALSE);

  path = strip_connection (field);
  if (g_strcmp0 (path, "name") == 0)
    {
      steward_row_message_set_message (self->name_message, message);
      return TRUE;
    }

  entry = find_entry (self, path);
  if (entry == NULL && g_strcmp0 (path, "type") == 0)
    {
      steward_row_message_set_message (self->type_message, message);
      return TRUE;
    }
  if (entry == NULL && path != NULL && g_str_has_prefix (path, "parameters"))
    entry = find_entry (self, "parameters");
  if (entry == NULL)
    return FALSE;

  _steward_connector_form_set_entry_message (entry, message);
  return TRUE;
}

/* Returns: (nullable): the problem shown on a field, NULL when it has none. */
const char *
steward_connector_form_get_field_message (StewardConnectorForm *self,
                                          const char           *field)
{
  const char *path;
  FieldEntry *entry;

  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), NULL);

  path = strip_connection (field);
  if (g_strcmp0 (path, "name") == 0)
    return steward_row_message_get_message (self->name_message);

  entry = find_entry (self, path);
  return entry != NULL ? steward_row_message_get_message (STEWARD_ROW_MESSAGE (entry->message))
                       : NULL;
}

void
steward_connector_form_clear_marks (StewardConnectorForm *self)
{
  g_return_if_fail (STEWARD_IS_CONNECTOR_FORM (self));

  steward_row_message_set_message (self->type_message, NULL);
  steward_row_message_set_message (self->name_message, NULL);
  for (guint i = 0; i < self->entries->len; i++)
    _steward_connector_form_set_entry_message (g_ptr_array_index (self->entries, i), NULL);
}

/* Empties every secret field and wipes the key files read: for when the form closes. */
void
steward_connector_form_clear_secrets (StewardConnectorForm *self)
{
  g_return_if_fail (STEWARD_IS_CONNECTOR_FORM (self));

  self->updating = TRUE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      FieldEntry *entry = g_ptr_array_index (self->entries, i);

      if (!steward_connector_field_get_secret (entry->field))
        continue;

      if (GTK_IS_EDITABLE (entry->row))
        gtk_editable_set_text (GTK_EDITABLE (entry->row), "");
      if (steward_connector_field_get_kind (entry->field) == STEWARD_CONNECTOR_FIELD_FILE)
        {
          g_cancellable_cancel (entry->file_cancellable);
          g_clear_object (&entry->file_cancellable);
          _steward_connector_form_entry_clear_file (entry);
          _steward_connector_form_update_file_subtitle (entry);
        }
    }
  self->updating = FALSE;
}

/* Returns: (transfer none) (nullable): the row of a field ("host", "parameters.role", or
 * "name" for the connection name). */
GtkWidget *
steward_connector_form_get_row (StewardConnectorForm *self,
                                const char           *field)
{
  const char *path;
  FieldEntry *entry;

  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), NULL);

  path = strip_connection (field);
  if (g_strcmp0 (path, "name") == 0)
    return GTK_WIDGET (self->name_row);

  entry = find_entry (self, path);
  return entry != NULL ? entry->row : NULL;
}

/* Sets a field as if typed: text for text, secret, number and JSON fields, "true"/"false" for a
 * boolean, a choice's value. Returns FALSE for a file field or a field the form lacks. */
gboolean
steward_connector_form_set_value (StewardConnectorForm *self,
                                  const char           *field,
                                  const char           *value)
{
  const char *path;
  FieldEntry *entry;

  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), FALSE);

  path = strip_connection (field);
  if (g_strcmp0 (path, "name") == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), value != NULL ? value : "");
      return TRUE;
    }

  entry = find_entry (self, path);
  if (entry == NULL ||
      steward_connector_field_get_kind (entry->field) == STEWARD_CONNECTOR_FIELD_FILE)
    return FALSE;

  _steward_connector_form_set_entry_value (entry, value);
  return TRUE;
}

/* Reads @file for a file field, in the background (:busy meanwhile); the row then shows the
 * file's name, never its contents. */
void
steward_connector_form_set_file (StewardConnectorForm *self,
                                 const char           *field,
                                 GFile                *file)
{
  FieldEntry *entry;
  FileLoad *load;

  g_return_if_fail (STEWARD_IS_CONNECTOR_FORM (self));
  g_return_if_fail (G_IS_FILE (file));

  entry = find_entry (self, strip_connection (field));
  g_return_if_fail (entry != NULL);
  g_return_if_fail (steward_connector_field_get_kind (entry->field) ==
                    STEWARD_CONNECTOR_FIELD_FILE);

  g_cancellable_cancel (entry->file_cancellable);
  g_clear_object (&entry->file_cancellable);
  entry->file_cancellable = g_cancellable_new ();

  load = g_new0 (FileLoad, 1);
  load->form = g_object_ref (self);
  load->cancellable = g_object_ref (entry->file_cancellable);
  load->path = g_strdup (steward_connector_field_get_path (entry->field));
  load->file_name = g_file_get_basename (file);

  set_loading (self, TRUE);
  _steward_connector_form_update_file_subtitle (entry);
  _steward_connector_form_set_entry_message (entry, NULL);
  g_file_load_contents_async (file, entry->file_cancellable, file_loaded_cb, load);
}

/* Whether an empty secret means "keep the stored one" (editing a saved connection): secrets are
 * then never required, and their fields say so. */
void
steward_connector_form_set_keep_secrets (StewardConnectorForm *self,
                                         gboolean              keep_secrets)
{
  g_return_if_fail (STEWARD_IS_CONNECTOR_FORM (self));

  keep_secrets = !!keep_secrets;
  if (self->keep_secrets == keep_secrets)
    return;

  self->keep_secrets = keep_secrets;
  apply_mode_everywhere (self);
}

gboolean
steward_connector_form_get_keep_secrets (StewardConnectorForm *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), FALSE);
  return self->keep_secrets;
}

/* Shows the secret fields alone (the other values stay as they are, hidden): for changing a
 * password or a key and nothing else. */
void
steward_connector_form_set_secrets_only (StewardConnectorForm *self,
                                         gboolean              secrets_only)
{
  g_return_if_fail (STEWARD_IS_CONNECTOR_FORM (self));

  secrets_only = !!secrets_only;
  if (self->secrets_only == secrets_only)
    return;

  self->secrets_only = secrets_only;
  apply_mode_everywhere (self);
}

/* Whether any secret field holds something: a typed password, a chosen key file. */
gboolean
steward_connector_form_has_secrets (StewardConnectorForm *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FORM (self), FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      FieldEntry *entry = g_ptr_array_index (self->entries, i);

      if (steward_connector_field_get_secret (entry->field) &&
          !_steward_connector_form_entry_is_empty (entry))
        return TRUE;
    }

  return FALSE;
}
