/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-group-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-busy-form.h"
#include "steward-group-editor.h"
#include "steward-group-icon-picker.h"
#include "steward-row-message.h"

/* Creates a datastore group, or renames and re-icons one. The name is checked as it is typed
 * against the groups the caller loaded (the server compares names case-insensitively); the server
 * has the last word, and its 409 is shown at the name the same way. */
struct _StewardGroupEditor
{
  AdwWindow               parent_instance;

  StewardClient          *client;
  GListModel             *groups;
  StewardDatastoreGroup  *group;
  GCancellable           *cancellable;

  char                   *initial_name;
  const char             *initial_icon;
  char                   *server_name_error;
  gboolean                name_edited;
  gboolean                ignore_changes;
  gboolean                saving;
  GtkWidget              *focus_before_saving;

  /* Template widgets */
  GtkButton              *save_button;
  GtkSpinner             *spinner;
  GtkWidget              *form;
  GtkLabel               *error_label;
  AdwEntryRow            *name_row;
  StewardRowMessage      *name_message;
  StewardGroupIconPicker *icon_picker;
  GtkImage               *preview_image;
  GtkLabel               *preview_label;
};

G_DEFINE_FINAL_TYPE (StewardGroupEditor, steward_group_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_GROUPS,
  PROP_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The server trims names before checking them, so the editor compares and sends them trimmed. */
static char *
dup_name (StewardGroupEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static StewardDatastoreGroup *
find_clash (StewardGroupEditor *self,
            const char         *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  guint n = self->groups != NULL ? g_list_model_get_n_items (self->groups) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastoreGroup) other = g_list_model_get_item (self->groups, i);
      g_autofree char *other_folded = NULL;

      if (self->group != NULL &&
          steward_datastore_group_get_id (other) == steward_datastore_group_get_id (self->group))
        continue;

      if (steward_datastore_group_get_name (other) == NULL)
        continue;

      other_folded = g_utf8_casefold (steward_datastore_group_get_name (other), -1);
      if (g_strcmp0 (folded, other_folded) == 0)
        return g_steal_pointer (&other);
    }

  return NULL;
}

/* Why @name cannot be saved, or NULL. */
static char *
name_problem (StewardGroupEditor *self,
              const char         *name)
{
  g_autoptr(StewardDatastoreGroup) clash = NULL;

  if (*name == '\0')
    return g_strdup (_("The group needs a name"));

  if (g_utf8_strlen (name, -1) > STEWARD_GROUP_NAME_MAX)
    /* Translators: %d is the maximum length, 100. */
    return g_strdup_printf (_("A group name can have at most %d characters"),
                            STEWARD_GROUP_NAME_MAX);

  clash = find_clash (self, name);
  if (clash != NULL)
    /* Translators: %s is the name of the existing group. */
    return g_strdup_printf (_("A group named “%s” already exists"),
                            steward_datastore_group_get_name (clash));

  return NULL;
}

static void
show_name_error (StewardGroupEditor *self,
                 const char         *message)
{
  steward_row_message_set_message (self->name_message, message);
}

static void
show_error (StewardGroupEditor *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_preview (StewardGroupEditor *self,
                const char         *name,
                const char         *icon)
{
  gtk_image_set_from_icon_name (self->preview_image, steward_group_icon_get_icon_name (icon));

  if (*name != '\0')
    {
      gtk_label_set_label (self->preview_label, name);
      gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->preview_label, _("Group Name"));
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "dim-label");
    }
}

static void
update_state (StewardGroupEditor *self)
{
  g_autofree char *name = dup_name (self);
  g_autofree char *problem = name_problem (self, name);
  const char *icon = steward_group_icon_picker_get_icon (self->icon_picker);
  gboolean changed;

  changed = self->group == NULL ||
            g_strcmp0 (name, self->initial_name) != 0 ||
            g_strcmp0 (icon, self->initial_icon) != 0;

  /* An empty name is only a problem worth saying once the user has typed. */
  if (problem != NULL && (self->name_edited || *name != '\0'))
    show_name_error (self, problem);
  else if (problem == NULL)
    show_name_error (self, self->server_name_error);
  else
    show_name_error (self, NULL);

  update_preview (self, name, icon);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group-editor.save",
                                 !self->saving && problem == NULL &&
                                 self->server_name_error == NULL && changed);
}

static void
set_saving (StewardGroupEditor *self,
            gboolean            saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), saving);
  gtk_spinner_set_spinning (self->spinner, saving);

  steward_busy_form_set_busy (GTK_WINDOW (self), self->form, saving, &self->focus_before_saving);

  update_state (self);
}

static void
name_changed_cb (StewardGroupEditor *self)
{
  if (self->ignore_changes)
    return;

  self->name_edited = TRUE;
  /* The server's objection was to the name as it was. */
  g_clear_pointer (&self->server_name_error, g_free);
  update_state (self);
}

static void
icon_changed_cb (StewardGroupEditor *self)
{
  update_state (self);
}

static void
groups_changed_cb (StewardGroupEditor *self)
{
  update_state (self);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StewardGroupEditor) self = user_data;
  g_autoptr(StewardDatastoreGroup) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *field_message;

  if (self->group == NULL)
    saved = steward_client_create_group_finish (STEWARD_CLIENT (source), result, &error);
  else
    saved = steward_client_update_group_finish (STEWARD_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;

  set_saving (self, FALSE);

  if (error != NULL)
    {
      field_message = steward_api_error_get_field_message (error, "name");

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_CONFLICT))
        self->server_name_error = g_strdup (error->message);
      else if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID) &&
               field_message != NULL)
        self->server_name_error = g_strdup (field_message);
      else if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_MANAGE_GROUPS, error);
      else
        /* Translators: %s is the reason, often the server's own words. */
        message = g_strdup_printf (_("The group was not saved: %s"), error->message);

      show_error (self, message);
      update_state (self);
      if (self->server_name_error != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  /* Views bound to the group refresh from the object they already hold. */
  if (self->group != NULL)
    steward_datastore_group_update_from (self->group, saved);

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardGroupEditor *self = STEWARD_GROUP_EDITOR (widget);
  g_autofree char *name = dup_name (self);
  const char *icon = steward_group_icon_picker_get_icon (self->icon_picker);

  if (self->saving)
    return;

  show_error (self, NULL);
  set_saving (self, TRUE);

  if (self->group == NULL)
    {
      steward_client_create_group_async (self->client, name, icon, self->cancellable,
                                         save_cb, g_object_ref (self));
      return;
    }

  /* Only what changed is sent. */
  steward_client_update_group_async (self->client, steward_datastore_group_get_id (self->group),
                                     g_strcmp0 (name, self->initial_name) != 0 ? name : NULL,
                                     g_strcmp0 (icon, self->initial_icon) != 0 ? icon : NULL,
                                     self->cancellable, save_cb, g_object_ref (self));
}

static void
steward_group_editor_constructed (GObject *object)
{
  StewardGroupEditor *self = STEWARD_GROUP_EDITOR (object);
  const char *icon = STEWARD_GROUP_ICON_DEFAULT;

  G_OBJECT_CLASS (steward_group_editor_parent_class)->constructed (object);

  g_assert (STEWARD_IS_CLIENT (self->client));

  if (self->group != NULL)
    {
      self->initial_name = g_strstrip (g_strdup (steward_datastore_group_get_name (self->group)));
      icon = steward_datastore_group_get_icon (self->group);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Group"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  else
    {
      self->initial_name = g_strdup ("");
      gtk_window_set_title (GTK_WINDOW (self), _("New Group"));
      gtk_button_set_label (self->save_button, _("C_reate"));
    }

  /* An icon this version does not know shows, and counts, as the bookmark: leaving it so is no
   * change, and the server keeps its own value. */
  steward_group_icon_picker_set_icon (self->icon_picker, icon);
  self->initial_icon = steward_group_icon_picker_get_icon (self->icon_picker);

  self->ignore_changes = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->initial_name);
  self->ignore_changes = FALSE;

  if (self->groups != NULL)
    g_signal_connect_swapped (self->groups, "items-changed", G_CALLBACK (groups_changed_cb), self);

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  update_state (self);
}

static void
steward_group_editor_dispose (GObject *object)
{
  StewardGroupEditor *self = STEWARD_GROUP_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->focus_before_saving);
  if (self->groups != NULL)
    g_signal_handlers_disconnect_by_data (self->groups, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_GROUP_EDITOR);

  G_OBJECT_CLASS (steward_group_editor_parent_class)->dispose (object);
}

static void
steward_group_editor_finalize (GObject *object)
{
  StewardGroupEditor *self = STEWARD_GROUP_EDITOR (object);

  g_clear_object (&self->client);
  g_clear_object (&self->groups);
  g_clear_object (&self->group);
  g_free (self->initial_name);
  g_free (self->server_name_error);

  G_OBJECT_CLASS (steward_group_editor_parent_class)->finalize (object);
}

static void
steward_group_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardGroupEditor *self = STEWARD_GROUP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_GROUPS:
      g_value_set_object (value, self->groups);
      break;

    case PROP_GROUP:
      g_value_set_object (value, self->group);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_group_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StewardGroupEditor *self = STEWARD_GROUP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_GROUPS:
      self->groups = g_value_dup_object (value);
      break;

    case PROP_GROUP:
      self->group = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_group_editor_class_init (StewardGroupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steward_group_editor_constructed;
  object_class->dispose = steward_group_editor_dispose;
  object_class->finalize = steward_group_editor_finalize;
  object_class->get_property = steward_group_editor_get_property;
  object_class->set_property = steward_group_editor_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         STEWARD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardGroupEditor:groups:
   *
   * The groups the caller loaded (of StewardDatastoreGroup), to check the name against.
   */
  properties[PROP_GROUPS] =
    g_param_spec_object ("groups", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardGroupEditor:group:
   *
   * The group to edit, or %NULL to create one.
   */
  properties[PROP_GROUP] =
    g_param_spec_object ("group", NULL, NULL,
                         STEWARD_TYPE_DATASTORE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardGroupEditor::saved:
   * @group: the group as the server answered
   *
   * The server created or updated the group; the editor closes right after. An edited group
   * object passed in is already updated.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEWARD_TYPE_DATASTORE_GROUP);

  g_type_ensure (STEWARD_TYPE_GROUP_ICON_PICKER);
  g_type_ensure (STEWARD_TYPE_ROW_MESSAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-group-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardGroupEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, StewardGroupEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardGroupEditor, form);
  gtk_widget_class_bind_template_child (widget_class, StewardGroupEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardGroupEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardGroupEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, StewardGroupEditor, icon_picker);
  gtk_widget_class_bind_template_child (widget_class, StewardGroupEditor, preview_image);
  gtk_widget_class_bind_template_child (widget_class, StewardGroupEditor, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, icon_changed_cb);

  gtk_widget_class_install_action (widget_class, "group-editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_group_editor_init (StewardGroupEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * steward_group_editor_new:
 * @parent: (nullable): the window it belongs to
 * @client: the signed-in client
 * @groups: (nullable): the loaded groups (of StewardDatastoreGroup), for the uniqueness check
 * @group: (nullable): the group to edit, or %NULL to create one
 */
StewardGroupEditor *
steward_group_editor_new (GtkWindow             *parent,
                          StewardClient         *client,
                          GListModel            *groups,
                          StewardDatastoreGroup *group)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (groups == NULL || G_IS_LIST_MODEL (groups), NULL);
  g_return_val_if_fail (group == NULL || STEWARD_IS_DATASTORE_GROUP (group), NULL);

  return g_object_new (STEWARD_TYPE_GROUP_EDITOR,
                       "transient-for", parent,
                       "client", client,
                       "groups", groups,
                       "group", group,
                       NULL);
}

StewardDatastoreGroup *
steward_group_editor_get_group (StewardGroupEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_GROUP_EDITOR (self), NULL);

  return self->group;
}
