/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-chip-editor.h"
#include "steward-datastore-editor.h"

/* Edits a datastore's name, description, location, tags and teams. It starts from a fresh copy
 * fetched on open, because tags and teams are sent as whole lists: starting from a stale list
 * would silently undo someone else's change. Saving sends only the fields that differ from that
 * copy. A failure keeps the form as typed, with the server's complaints at their fields.
 * Closing with unsaved changes (Cancel, Escape, the window manager) asks before discarding them. */

typedef enum
{
  FIELD_NAME,
  FIELD_DESCRIPTION,
  FIELD_DATABASE,
  FIELD_SCHEMA,
  FIELD_ROOT_PATH,
  FIELD_TAGS,
  FIELD_TEAMS,
  N_FIELDS
} Field;

/* The JSON member each field is sent as, which is also how a 422 names it. */
static const char * const field_members[N_FIELDS] = {
  "name", "description", "database", "schema", "root_path", "tags", "teams",
};

struct _StewardDatastoreEditor
{
  AdwWindow          parent_instance;

  StewardClient     *client;
  StewardDatastore  *datastore;
  StewardDatastore  *fresh;
  GCancellable      *cancellable;

  char              *server_marks[N_FIELDS];
  GtkLabel          *error_labels[N_FIELDS];
  GtkWidget         *field_widgets[N_FIELDS];
  gboolean           ignore_changes;
  gboolean           saving;
  gboolean           discard_confirmed;
  GtkWidget         *focus_before_saving;
  GtkWidget         *discard_dialog;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkSpinner        *spinner;
  GtkStack          *stack;
  GtkSpinner        *loading_spinner;
  AdwStatusPage     *failed_page;
  GtkWidget         *form;
  GtkLabel          *error_label;
  AdwEntryRow       *name_row;
  GtkLabel          *name_error_label;
  GtkLabel          *description_count_label;
  GtkTextView       *description_view;
  GtkTextBuffer     *description_buffer;
  GtkLabel          *description_error_label;
  AdwEntryRow       *database_row;
  AdwEntryRow       *schema_row;
  AdwEntryRow       *root_path_row;
  GtkLabel          *database_error_label;
  GtkLabel          *schema_error_label;
  GtkLabel          *root_path_error_label;
  StewardChipEditor *tags_editor;
  GtkLabel          *tags_error_label;
  StewardChipEditor *teams_editor;
  GtkLabel          *teams_error_label;
};

G_DEFINE_FINAL_TYPE (StewardDatastoreEditor, steward_datastore_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_DATASTORE,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (StewardDatastoreEditor *self);

static char *
dup_name (StewardDatastoreEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static char *
dup_description (StewardDatastoreEditor *self)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (self->description_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->description_buffer, &start, &end, FALSE);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
text_differs (const char *text,
              const char *original)
{
  return g_strcmp0 (text, or_empty (original)) != 0;
}

static gboolean
list_differs (const char * const *values,
              const char * const *original)
{
  static const char * const empty[] = { NULL };

  return !g_strv_equal (values, original != NULL ? original : empty);
}

static Field
field_from_member (const char *member)
{
  g_autofree char *head = NULL;
  const char *dot;

  if (member == NULL)
    return N_FIELDS;

  /* "tags.2" is the third tag: the tags field. */
  dot = strchr (member, '.');
  head = dot != NULL ? g_strndup (member, dot - member) : g_strdup (member);
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (head, field_members[i]))
      return i;

  return N_FIELDS;
}

static const char *
field_title (Field field)
{
  switch (field)
    {
    case FIELD_DATABASE:
      return _("Database");
    case FIELD_SCHEMA:
      return _("Schema");
    case FIELD_ROOT_PATH:
      return _("Root Path");
    case FIELD_NAME:
    case FIELD_DESCRIPTION:
    case FIELD_TAGS:
    case FIELD_TEAMS:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static void
show_field_error (StewardDatastoreEditor *self,
                  Field                   field,
                  const char             *message)
{
  const char *title = field_title (field);
  g_autofree char *text = NULL;

  /* The location group holds several rows: its messages say which one they are about. */
  if (message != NULL && title != NULL)
    /* Translators: a field's name, then what is wrong with its value. */
    text = g_strdup_printf (_("%s: %s"), title, message);

  gtk_label_set_label (self->error_labels[field],
                       text != NULL ? text : message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_labels[field]), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->field_widgets[field], "error");
  else
    gtk_widget_remove_css_class (self->field_widgets[field], "error");
}

static void
show_error (StewardDatastoreEditor *self,
            const char             *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* What the form would send: only what differs from the fresh copy. */
static StewardDatastoreRequest *
build_changes (StewardDatastoreEditor *self)
{
  StewardDatastoreRequest *request = steward_datastore_request_new ();
  g_autofree char *name = dup_name (self);
  g_autofree char *description = dup_description (self);
  const char *text;
  const char * const *values;

  if (text_differs (name, steward_datastore_get_name (self->fresh)))
    steward_datastore_request_set_name (request, name);
  if (text_differs (description, steward_datastore_get_description (self->fresh)))
    steward_datastore_request_set_description (request, description);

  if (steward_datastore_is_dfs (self->fresh))
    {
      text = gtk_editable_get_text (GTK_EDITABLE (self->root_path_row));
      if (text_differs (text, steward_datastore_get_root_path (self->fresh)))
        steward_datastore_request_set_root_path (request, text);
    }
  else
    {
      text = gtk_editable_get_text (GTK_EDITABLE (self->database_row));
      if (text_differs (text, steward_datastore_get_database (self->fresh)))
        steward_datastore_request_set_database (request, text);
      text = gtk_editable_get_text (GTK_EDITABLE (self->schema_row));
      if (text_differs (text, steward_datastore_get_schema (self->fresh)))
        steward_datastore_request_set_schema (request, text);
    }

  /* Lists replace the server's: a changed one is sent whole. */
  values = steward_chip_editor_get_values (self->tags_editor);
  if (list_differs (values, steward_datastore_get_tags (self->fresh)))
    steward_datastore_request_set_tags (request, values);
  values = steward_chip_editor_get_values (self->teams_editor);
  if (list_differs (values, steward_datastore_get_teams (self->fresh)))
    steward_datastore_request_set_teams (request, values);

  return request;
}

static void
update_state (StewardDatastoreEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  char *problems[N_FIELDS] = { NULL, };
  g_autofree char *count = NULL;
  g_autoptr(StewardDatastoreRequest) changes = NULL;
  gboolean valid = TRUE;
  glong description_length;

  if (self->fresh == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "datastore-editor.save", FALSE);
      return;
    }

  name = dup_name (self);
  if (*name == '\0')
    problems[FIELD_NAME] = g_strdup (_("The datastore needs a name"));
  else if (g_utf8_strlen (name, -1) > STEWARD_NAME_MAX)
    /* Translators: %d is the maximum length, 255. */
    problems[FIELD_NAME] = g_strdup_printf (_("A name can have at most %d characters"),
                                            STEWARD_NAME_MAX);

  description = dup_description (self);
  description_length = g_utf8_strlen (description, -1);
  if (description_length > STEWARD_DESCRIPTION_MAX)
    /* Translators: %d is the maximum length, 255. */
    problems[FIELD_DESCRIPTION] = g_strdup_printf (_("A description can have at most %d characters"),
                                                   STEWARD_DESCRIPTION_MAX);

  /* Translators: characters used of the description's limit, as in "12/255". */
  count = g_strdup_printf (_("%ld/%d"), description_length, STEWARD_DESCRIPTION_MAX);
  gtk_label_set_label (self->description_count_label, count);
  if (problems[FIELD_DESCRIPTION] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->description_count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->description_count_label), "error");

  /* The form's own findings first; the server's stand until their field is edited. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      show_field_error (self, i, problems[i] != NULL ? problems[i] : self->server_marks[i]);
      if (problems[i] != NULL || self->server_marks[i] != NULL)
        valid = FALSE;
    }

  changes = build_changes (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "datastore-editor.save",
                                 !self->saving && valid &&
                                 !steward_datastore_request_is_empty (changes));

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (problems[i]);
}

static void
field_edited (StewardDatastoreEditor *self,
              Field                   field)
{
  if (self->ignore_changes)
    return;

  g_clear_pointer (&self->server_marks[field], g_free);
  update_state (self);
}

static void
name_changed_cb (StewardDatastoreEditor *self)
{
  field_edited (self, FIELD_NAME);
}

static void
description_changed_cb (StewardDatastoreEditor *self)
{
  field_edited (self, FIELD_DESCRIPTION);
}

static void
database_changed_cb (StewardDatastoreEditor *self)
{
  field_edited (self, FIELD_DATABASE);
}

static void
schema_changed_cb (StewardDatastoreEditor *self)
{
  field_edited (self, FIELD_SCHEMA);
}

static void
root_path_changed_cb (StewardDatastoreEditor *self)
{
  field_edited (self, FIELD_ROOT_PATH);
}

static void
tags_changed_cb (StewardDatastoreEditor *self)
{
  field_edited (self, FIELD_TAGS);
}

static void
teams_changed_cb (StewardDatastoreEditor *self)
{
  field_edited (self, FIELD_TEAMS);
}

static void
fill_form (StewardDatastoreEditor *self)
{
  StewardDatastore *fresh = self->fresh;
  const char *description = steward_datastore_get_description (fresh);
  gboolean dfs = steward_datastore_is_dfs (fresh);

  self->ignore_changes = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), steward_datastore_get_name (fresh));
  gtk_text_buffer_set_text (self->description_buffer, or_empty (description), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row),
                         dfs ? "" : or_empty (steward_datastore_get_database (fresh)));
  gtk_editable_set_text (GTK_EDITABLE (self->schema_row),
                         dfs ? "" : or_empty (steward_datastore_get_schema (fresh)));
  gtk_editable_set_text (GTK_EDITABLE (self->root_path_row),
                         dfs ? or_empty (steward_datastore_get_root_path (fresh)) : "");
  steward_chip_editor_set_values (self->tags_editor, steward_datastore_get_tags (fresh));
  steward_chip_editor_set_values (self->teams_editor, steward_datastore_get_teams (fresh));
  self->ignore_changes = FALSE;

  /* JDBC datastores live in a database and schema, file-system ones at a root path. */
  gtk_widget_set_visible (GTK_WIDGET (self->database_row), !dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->schema_row), !dfs);
  gtk_widget_set_visible (GTK_WIDGET (self->root_path_row), dfs);

  adw_window_title_set_subtitle (self->window_title, steward_datastore_get_name (fresh));
}

static void
get_datastore_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(StewardDatastoreEditor) self = user_data;
  g_autoptr(StewardDatastore) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = steward_client_get_datastore_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  gtk_spinner_set_spinning (self->loading_spinner, FALSE);

  if (fresh == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      /* The description is markup; the message is the server's. */
      adw_status_page_set_description (self->failed_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }

  /* The caller's copy may be stale: it learns what the server said too. */
  steward_datastore_update_from (self->datastore, fresh);
  self->fresh = g_steal_pointer (&fresh);
  fill_form (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
load (StewardDatastoreEditor *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  steward_client_get_datastore_async (self->client, steward_datastore_get_id (self->datastore),
                                      self->cancellable, get_datastore_cb, g_object_ref (self));
}

static void
set_saving (StewardDatastoreEditor *self,
            gboolean                saving)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), saving);
  gtk_spinner_set_spinning (self->spinner, saving);

  /* Focus leaves the form properly before it turns insensitive (a text field that just loses
   * it mid-blink complains), and comes back to where it was. */
  if (saving)
    {
      g_set_weak_pointer (&self->focus_before_saving, focus);
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  gtk_widget_set_sensitive (self->form, !saving);
  if (!saving && GTK_IS_TEXT (self->focus_before_saving))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (self->focus_before_saving));
  else if (!saving && self->focus_before_saving != NULL)
    gtk_widget_grab_focus (self->focus_before_saving);
  if (!saving)
    g_clear_weak_pointer (&self->focus_before_saving);

  update_state (self);
}

static void
show_invalid (StewardDatastoreEditor *self,
              const GError           *error)
{
  GPtrArray *field_errors = steward_api_error_get_field_errors (error);
  g_autoptr(GString) others = g_string_new (NULL);
  g_autofree char *message = NULL;
  GtkWidget *first = NULL;

  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      const StewardFieldError *field_error = g_ptr_array_index (field_errors, i);
      Field field = field_from_member (field_error->field);

      if (field == N_FIELDS)
        {
          if (others->len > 0)
            g_string_append (others, "; ");
          if (field_error->field != NULL)
            g_string_append_printf (others, "%s: ", field_error->field);
          g_string_append (others, field_error->message);
          continue;
        }

      if (self->server_marks[field] == NULL)
        self->server_marks[field] = g_strdup (field_error->message);
      if (first == NULL)
        first = self->field_widgets[field];
    }

  /* Complaints about fields the form does not show still have to be read somewhere. */
  if (others->len > 0 || first == NULL)
    {
      /* Translators: %s is the server's explanation. */
      message = g_strdup_printf (_("The changes were not saved: %s"),
                                 others->len > 0 ? others->str : error->message);
      show_error (self, message);
    }

  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
update_datastore_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(StewardDatastoreEditor) self = user_data;
  g_autoptr(StewardDatastore) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  saved = steward_client_update_datastore_finish (STEWARD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  if (saved == NULL)
    {
      /* Done first: it puts the focus back, and a marked field may want it instead. */
      set_saving (self, FALSE);

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID))
        show_invalid (self, error);
      else
        {
          if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
            message = steward_forbidden_message (STEWARD_ACTION_UPDATE_DATASTORE, error);
          else
            /* Translators: %s is the reason, often the server's own words. */
            message = g_strdup_printf (_("The changes were not saved: %s"), error->message);
          show_error (self, message);
        }

      update_state (self);
      return;
    }

  steward_datastore_update_from (self->datastore, saved);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->datastore);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardDatastoreEditor *self = STEWARD_DATASTORE_EDITOR (widget);
  g_autoptr(StewardDatastoreRequest) changes = NULL;

  if (self->saving || self->fresh == NULL)
    return;

  changes = build_changes (self);
  if (steward_datastore_request_is_empty (changes))
    return;

  show_error (self, NULL);
  set_saving (self, TRUE);
  steward_client_update_datastore_async (self->client, steward_datastore_get_id (self->datastore),
                                         changes, self->cancellable,
                                         update_datastore_cb, g_object_ref (self));
}

static gboolean
has_unsaved_changes (StewardDatastoreEditor *self)
{
  g_autoptr(StewardDatastoreRequest) changes = NULL;

  if (self->fresh == NULL)
    return FALSE;

  changes = build_changes (self);
  return !steward_datastore_request_is_empty (changes);
}

static void
discard_response_cb (AdwMessageDialog       *dialog,
                     const char             *response,
                     StewardDatastoreEditor *self)
{
  if (!g_str_equal (response, "discard"))
    return;

  /* The question is on its way out; it must not outlive the editor as its transient child. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
confirm_discard (StewardDatastoreEditor *self)
{
  AdwMessageDialog *dialog;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->discard_dialog));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Changes?"), NULL));
  /* Translators: %s is the datastore's name as it was before editing. */
  adw_message_dialog_format_body (dialog,
                                  _("The changes to “%s” have not been saved and will be lost."),
                                  steward_datastore_get_name (self->fresh));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  g_set_weak_pointer (&self->discard_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load (STEWARD_DATASTORE_EDITOR (widget));
}

static gboolean
steward_datastore_editor_close_request (GtkWindow *window)
{
  StewardDatastoreEditor *self = STEWARD_DATASTORE_EDITOR (window);

  if (!self->discard_confirmed && has_unsaved_changes (self))
    {
      confirm_discard (self);
      return GDK_EVENT_STOP;
    }

  return GTK_WINDOW_CLASS (steward_datastore_editor_parent_class)->close_request (window);
}

static void
steward_datastore_editor_constructed (GObject *object)
{
  StewardDatastoreEditor *self = STEWARD_DATASTORE_EDITOR (object);

  G_OBJECT_CLASS (steward_datastore_editor_parent_class)->constructed (object);

  g_assert (STEWARD_IS_CLIENT (self->client));
  g_assert (STEWARD_IS_DATASTORE (self->datastore));

  adw_window_title_set_subtitle (self->window_title, steward_datastore_get_name (self->datastore));
  update_state (self);
  load (self);
}

static void
steward_datastore_editor_dispose (GObject *object)
{
  StewardDatastoreEditor *self = STEWARD_DATASTORE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->focus_before_saving);
  /* A question still open goes with the editor, let go of first. */
  if (self->discard_dialog != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self->discard_dialog), NULL);
      gtk_window_destroy (GTK_WINDOW (self->discard_dialog));
    }
  g_clear_weak_pointer (&self->discard_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DATASTORE_EDITOR);

  G_OBJECT_CLASS (steward_datastore_editor_parent_class)->dispose (object);
}

static void
steward_datastore_editor_finalize (GObject *object)
{
  StewardDatastoreEditor *self = STEWARD_DATASTORE_EDITOR (object);

  g_clear_object (&self->client);
  g_clear_object (&self->datastore);
  g_clear_object (&self->fresh);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->server_marks[i]);

  G_OBJECT_CLASS (steward_datastore_editor_parent_class)->finalize (object);
}

static void
steward_datastore_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  StewardDatastoreEditor *self = STEWARD_DATASTORE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_DATASTORE:
      g_value_set_object (value, self->datastore);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, steward_datastore_editor_get_loaded (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  StewardDatastoreEditor *self = STEWARD_DATASTORE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_DATASTORE:
      self->datastore = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_datastore_editor_class_init (StewardDatastoreEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steward_datastore_editor_constructed;
  object_class->dispose = steward_datastore_editor_dispose;
  object_class->finalize = steward_datastore_editor_finalize;
  object_class->get_property = steward_datastore_editor_get_property;
  object_class->set_property = steward_datastore_editor_set_property;
  window_class->close_request = steward_datastore_editor_close_request;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         STEWARD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardDatastoreEditor:datastore:
   *
   * The caller's datastore. It is updated in place from the fresh copy and from the saved one.
   */
  properties[PROP_DATASTORE] =
    g_param_spec_object ("datastore", NULL, NULL,
                         STEWARD_TYPE_DATASTORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardDatastoreEditor:loaded:
   *
   * Whether the fresh copy arrived and the form shows it.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardDatastoreEditor::saved:
   * @datastore: the caller's datastore, already updated from the server's answer
   *
   * The server saved the changes; the editor closes right after.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEWARD_TYPE_DATASTORE);

  g_type_ensure (STEWARD_TYPE_CHIP_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-datastore-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, failed_page);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, form);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, description_count_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, description_buffer);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, description_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, database_row);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, schema_row);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, root_path_row);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, database_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, schema_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, root_path_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, tags_editor);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, tags_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, teams_editor);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, teams_error_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, database_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, schema_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, root_path_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tags_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, teams_changed_cb);

  gtk_widget_class_install_action (widget_class, "datastore-editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "datastore-editor.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_datastore_editor_init (StewardDatastoreEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  self->error_labels[FIELD_NAME] = self->name_error_label;
  self->error_labels[FIELD_DESCRIPTION] = self->description_error_label;
  self->error_labels[FIELD_DATABASE] = self->database_error_label;
  self->error_labels[FIELD_SCHEMA] = self->schema_error_label;
  self->error_labels[FIELD_ROOT_PATH] = self->root_path_error_label;
  self->error_labels[FIELD_TAGS] = self->tags_error_label;
  self->error_labels[FIELD_TEAMS] = self->teams_error_label;

  self->field_widgets[FIELD_NAME] = GTK_WIDGET (self->name_row);
  self->field_widgets[FIELD_DESCRIPTION] = GTK_WIDGET (self->description_view);
  self->field_widgets[FIELD_DATABASE] = GTK_WIDGET (self->database_row);
  self->field_widgets[FIELD_SCHEMA] = GTK_WIDGET (self->schema_row);
  self->field_widgets[FIELD_ROOT_PATH] = GTK_WIDGET (self->root_path_row);
  self->field_widgets[FIELD_TAGS] = GTK_WIDGET (self->tags_editor);
  self->field_widgets[FIELD_TEAMS] = GTK_WIDGET (self->teams_editor);
}

StewardDatastoreEditor *
steward_datastore_editor_new (GtkWindow        *parent,
                              StewardClient    *client,
                              StewardDatastore *datastore)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (STEWARD_IS_DATASTORE (datastore), NULL);

  return g_object_new (STEWARD_TYPE_DATASTORE_EDITOR,
                       "transient-for", parent,
                       "client", client,
                       "datastore", datastore,
                       NULL);
}

StewardDatastore *
steward_datastore_editor_get_datastore (StewardDatastoreEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_EDITOR (self), NULL);

  return self->datastore;
}

gboolean
steward_datastore_editor_get_loaded (StewardDatastoreEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_DATASTORE_EDITOR (self), FALSE);

  return self->fresh != NULL;
}
