/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-datastore-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-busy-form.h"
#include "steward-datastore-editor.h"
#include "steward-discard-question.h"
#include "steward-name-section.h"
#include "steward-organization-section.h"
#include "steward-placement-section.h"

/* Edits a datastore's name, description, location, tags and teams. It starts from a fresh copy
 * fetched on open, because tags and teams are sent as whole lists: starting from a stale list
 * would silently undo someone else's change. Saving sends only the fields that differ from that
 * copy. A failure keeps the form as typed, with the server's complaints at their fields, where
 * they stay until the field is edited. Closing with unsaved changes (Cancel, Escape, the window
 * manager) asks before discarding them. The fields are StewardFormSections shared with the create
 * dialog: this window loads, composes them and saves. */

#define N_SECTIONS 3

struct _StewardDatastoreEditor
{
  AdwWindow                  parent_instance;

  StewardClient              *client;
  StewardDatastore           *datastore;
  StewardDatastore           *fresh;
  GCancellable               *cancellable;

  gboolean                    saving;
  gboolean                    discard_confirmed;
  GtkWidget                  *focus_before_saving;
  GtkWidget                  *discard_dialog;

  /* Template widgets */
  AdwWindowTitle             *window_title;
  GtkSpinner                 *spinner;
  GtkStack                   *stack;
  GtkSpinner                 *loading_spinner;
  AdwStatusPage              *failed_page;
  GtkWidget                  *form;
  GtkLabel                   *error_label;
  StewardNameSection         *name_section;
  StewardPlacementSection    *placement_section;
  StewardOrganizationSection *organization_section;
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

static void
get_sections (StewardDatastoreEditor *self,
              StewardFormSection     *sections[N_SECTIONS])
{
  sections[0] = STEWARD_FORM_SECTION (self->name_section);
  sections[1] = STEWARD_FORM_SECTION (self->placement_section);
  sections[2] = STEWARD_FORM_SECTION (self->organization_section);
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
  StewardFormSection *sections[N_SECTIONS];

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    steward_form_section_apply (sections[i], request, self->fresh);

  return request;
}

/* Checked as typed: the sections mark what they find; the server's marks stand until their
 * field is edited, and either kind keeps Save off. */
static void
update_state (StewardDatastoreEditor *self)
{
  StewardFormSection *sections[N_SECTIONS];
  g_autoptr(StewardDatastoreRequest) changes = NULL;
  gboolean valid = TRUE;

  if (self->fresh == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "datastore-editor.save", FALSE);
      return;
    }

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      steward_form_section_validate (sections[i]);
      if (steward_form_section_has_marks (sections[i]))
        valid = FALSE;
    }

  changes = build_changes (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "datastore-editor.save",
                                 !self->saving && valid &&
                                 !steward_datastore_request_is_empty (changes));
}

static void
section_changed_cb (StewardDatastoreEditor *self)
{
  update_state (self);
}

static void
fill_form (StewardDatastoreEditor *self)
{
  StewardFormSection *sections[N_SECTIONS];

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    steward_form_section_set_datastore (sections[i], self->fresh);

  adw_window_title_set_subtitle (self->window_title, steward_datastore_get_name (self->fresh));
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
  gtk_widget_grab_focus (GTK_WIDGET (self->name_section));
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
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), saving);
  gtk_spinner_set_spinning (self->spinner, saving);

  steward_busy_form_set_busy (GTK_WINDOW (self), self->form, saving, &self->focus_before_saving);

  update_state (self);
}

static void
show_invalid (StewardDatastoreEditor *self,
              const GError           *error)
{
  GPtrArray *field_errors = steward_api_error_get_field_errors (error);
  g_autoptr(GString) others = g_string_new (NULL);
  StewardFormSection *sections[N_SECTIONS];
  GtkWidget *first;

  get_sections (self, sections);
  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      const StewardFieldError *field_error = g_ptr_array_index (field_errors, i);
      gboolean marked = FALSE;

      /* The first complaint about a field is the one shown ("tags.0", "tags.3"…). */
      for (guint j = 0; j < N_SECTIONS && !marked; j++)
        marked = steward_form_section_get_field_message (sections[j], field_error->field) != NULL ||
                 steward_form_section_mark_field (sections[j], field_error->field,
                                                  field_error->message);
      if (marked)
        continue;

      if (others->len > 0)
        g_string_append (others, "; ");
      if (field_error->field != NULL)
        g_string_append_printf (others, "%s: ", field_error->field);
      g_string_append (others, field_error->message);
    }

  first = steward_form_find_marked_row (self->form);

  /* Complaints about fields the form does not show still have to be read somewhere. */
  if (others->len > 0 || first == NULL)
    {
      /* Translators: %s is the server's explanation. */
      g_autofree char *message = g_strdup_printf (_("The changes were not saved: %s"),
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

  steward_organization_section_commit_entries (self->organization_section);
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
  StewardFormSection *sections[N_SECTIONS];

  if (self->fresh == NULL)
    return FALSE;

  get_sections (self, sections);
  for (guint i = 0; i < N_SECTIONS; i++)
    if (steward_form_section_is_dirty (sections[i], self->fresh))
      return TRUE;

  return FALSE;
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

  dialog = steward_discard_question_new (GTK_WINDOW (self), _("Discard Changes?"), NULL,
                                         _("_Cancel"));
  /* Translators: %s is the datastore's name as it was before editing. */
  adw_message_dialog_format_body (dialog,
                                  _("The changes to “%s” have not been saved and will be lost."),
                                  steward_datastore_get_name (self->fresh));
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

  g_type_ensure (STEWARD_TYPE_NAME_SECTION);
  g_type_ensure (STEWARD_TYPE_PLACEMENT_SECTION);
  g_type_ensure (STEWARD_TYPE_ORGANIZATION_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-datastore-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, failed_page);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, form);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, name_section);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, placement_section);
  gtk_widget_class_bind_template_child (widget_class, StewardDatastoreEditor, organization_section);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);

  gtk_widget_class_install_action (widget_class, "datastore-editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "datastore-editor.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_datastore_editor_init (StewardDatastoreEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
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
