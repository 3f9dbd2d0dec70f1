/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-chip-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "steward-chip-editor.h"

/* A list of short values (tags, team names) as removable chips, with an entry to add more. Enter
 * or a comma adds what was typed; blanks and duplicates are refused, comparing exactly as the
 * server does. The list is the whole value: an update sends it in full. */
struct _StewardChipEditor
{
  GtkWidget    parent_instance;

  char       **values;
  gboolean     ignore_changes;

  /* Template widgets */
  GtkListBoxRow *chips_row;
  GtkFlowBox    *flow_box;
  AdwEntryRow   *entry_row;
  GtkLabel      *hint_label;
};

G_DEFINE_FINAL_TYPE (StewardChipEditor, steward_chip_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUES,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_hint (StewardChipEditor *self,
           const char        *hint)
{
  gtk_label_set_label (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
  if (hint != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry_row), "error");
}

static gboolean
chip_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* Backspace from the entry lands here, so a second one removes the chip, as in mail
   * recipients fields. */
  if (keyval != GDK_KEY_BackSpace && keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action_variant (button,
                                      gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                                      gtk_actionable_get_action_target_value (
                                          GTK_ACTIONABLE (button)));
  return GDK_EVENT_STOP;
}

static GtkWidget *
create_chip (const char *value)
{
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), value);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (value);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_add_css_class (box, "steward-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_tooltip_text (label, value);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chip-editor.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", value);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (chip_key_pressed_cb), NULL);
  gtk_widget_add_controller (button, keys);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
chip_button (StewardChipEditor *self,
             int                index)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->flow_box, index);

  if (child == NULL)
    return NULL;

  return gtk_widget_get_last_child (gtk_flow_box_child_get_child (child));
}

static void
rebuild_chips (StewardChipEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);

  for (guint i = 0; self->values[i] != NULL; i++)
    {
      gtk_flow_box_append (self->flow_box, create_chip (self->values[i]));
      /* The remove button takes the focus; the cell around it needs none of its own. */
      gtk_widget_set_focusable (GTK_WIDGET (gtk_flow_box_get_child_at_index (self->flow_box, i)),
                                FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chips_row), self->values[0] != NULL);
}

static void
take_values (StewardChipEditor  *self,
             char              **values)
{
  g_strfreev (self->values);
  self->values = values;
  rebuild_chips (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUES]);
}

/* Why @value cannot be added, or NULL when it can. @value is already trimmed. */
static char *
refusal (StewardChipEditor *self,
         const char        *value)
{
  if (*value == '\0')
    return g_strdup ("");

  if (g_strv_contains ((const char * const *) self->values, value))
    return g_strdup_printf (_("“%s” is already in the list"), value);

  return NULL;
}

/* Adds @text, trimmed. Returns FALSE, with the reason shown, when it was refused. */
static gboolean
add_text (StewardChipEditor *self,
          const char        *text)
{
  g_autofree char *value = g_strstrip (g_strdup (text));
  g_autofree char *reason = refusal (self, value);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (reason != NULL)
    {
      /* A blank is simply not added: there is nothing to explain. */
      if (*reason != '\0')
        show_hint (self, reason);
      return FALSE;
    }

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->values);
  g_strv_builder_add (builder, value);
  take_values (self, g_strv_builder_end (builder));
  show_hint (self, NULL);
  return TRUE;
}

static void
set_entry_text (StewardChipEditor *self,
                const char        *text)
{
  self->ignore_changes = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), text);
  gtk_editable_set_position (GTK_EDITABLE (self->entry_row), -1);
  self->ignore_changes = FALSE;
}

static void
update_add_action (StewardChipEditor *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry_row)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chip-editor.add", *g_strstrip (text) != '\0');
}

static void
entry_changed_cb (StewardChipEditor *self)
{
  const char *text;
  g_auto(GStrv) parts = NULL;
  const char *kept = NULL;
  guint n;

  if (self->ignore_changes)
    return;

  show_hint (self, NULL);
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry_row));
  if (strchr (text, ',') != NULL)
    {
      /* Typed or pasted: every part before the last comma is a value; what follows it is still
       * being typed. A refused value stays in the entry to be corrected. */
      parts = g_strsplit (text, ",", -1);
      n = g_strv_length (parts);
      for (guint i = 0; i + 1 < n; i++)
        if (!add_text (self, parts[i]) && kept == NULL && *g_strstrip (parts[i]) != '\0')
          kept = parts[i];

      set_entry_text (self, kept != NULL ? kept : g_strchug (parts[n - 1]));
    }

  update_add_action (self);
}

static void
add_from_entry (StewardChipEditor *self)
{
  if (add_text (self, gtk_editable_get_text (GTK_EDITABLE (self->entry_row))))
    set_entry_text (self, "");

  update_add_action (self);
}

static void
entry_activated_cb (StewardChipEditor *self)
{
  add_from_entry (self);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      StewardChipEditor     *self)
{
  guint n = g_strv_length (self->values);

  if (keyval != GDK_KEY_BackSpace || n == 0 ||
      *gtk_editable_get_text (GTK_EDITABLE (self->entry_row)) != '\0')
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (chip_button (self, n - 1));
  return GDK_EVENT_STOP;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  add_from_entry (STEWARD_CHIP_EDITOR (widget));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardChipEditor *self = STEWARD_CHIP_EDITOR (widget);
  const char *value = g_variant_get_string (parameter, NULL);
  gboolean had_focus = FALSE;
  int index = -1;
  GtkWidget *next;

  for (int i = 0; self->values[i] != NULL; i++)
    if (g_str_equal (self->values[i], value))
      {
        index = i;
        had_focus = gtk_widget_has_focus (chip_button (self, i));
        break;
      }

  if (!steward_chip_editor_remove_value (self, value))
    return;

  /* Keep keyboard users where they were: on the chip before, else back in the entry. */
  if (had_focus)
    {
      next = index > 0 ? chip_button (self, index - 1) : NULL;
      gtk_widget_grab_focus (next != NULL ? next : GTK_WIDGET (self->entry_row));
    }
}

static void
steward_chip_editor_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), STEWARD_TYPE_CHIP_EDITOR);
  /* The template's top box is not bound, so it is not unparented with the bound children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (steward_chip_editor_parent_class)->dispose (object);
}

static void
steward_chip_editor_finalize (GObject *object)
{
  StewardChipEditor *self = STEWARD_CHIP_EDITOR (object);

  g_strfreev (self->values);

  G_OBJECT_CLASS (steward_chip_editor_parent_class)->finalize (object);
}

static void
steward_chip_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StewardChipEditor *self = STEWARD_CHIP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALUES:
      g_value_set_boxed (value, self->values);
      break;

    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, steward_chip_editor_get_placeholder_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_chip_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StewardChipEditor *self = STEWARD_CHIP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALUES:
      steward_chip_editor_set_values (self, g_value_get_boxed (value));
      break;

    case PROP_PLACEHOLDER_TEXT:
      steward_chip_editor_set_placeholder_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_chip_editor_class_init (StewardChipEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_chip_editor_dispose;
  object_class->finalize = steward_chip_editor_finalize;
  object_class->get_property = steward_chip_editor_get_property;
  object_class->set_property = steward_chip_editor_set_property;

  /**
   * StewardChipEditor:values:
   *
   * The values, in the order shown. Never %NULL: an empty list is an empty array.
   */
  properties[PROP_VALUES] =
    g_param_spec_boxed ("values", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardChipEditor:placeholder-text:
   *
   * What the entry says while empty, such as "Add Tag".
   */
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-chip-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardChipEditor, chips_row);
  gtk_widget_class_bind_template_child (widget_class, StewardChipEditor, flow_box);
  gtk_widget_class_bind_template_child (widget_class, StewardChipEditor, entry_row);
  gtk_widget_class_bind_template_child (widget_class, StewardChipEditor, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "chip-editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "chip-editor.remove", "s", remove_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
steward_chip_editor_init (StewardChipEditor *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->values = g_new0 (char *, 1);

  /* Capture, so Backspace in an empty entry is seen before the text field swallows it. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry_row), keys);

  update_add_action (self);
}

GtkWidget *
steward_chip_editor_new (void)
{
  return g_object_new (STEWARD_TYPE_CHIP_EDITOR, NULL);
}

/* Returns: (transfer none): the values, never %NULL */
const char * const *
steward_chip_editor_get_values (StewardChipEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_CHIP_EDITOR (self), NULL);

  return (const char * const *) self->values;
}

/* Replaces the list as given (a server's list is shown as it is, even with duplicates). */
void
steward_chip_editor_set_values (StewardChipEditor  *self,
                                const char * const *values)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (STEWARD_IS_CHIP_EDITOR (self));

  if (values == NULL)
    values = empty;

  if (g_strv_equal ((const char * const *) self->values, values))
    return;

  take_values (self, g_strdupv ((char **) values));
}

/* Adds @value, trimmed, unless it is blank or already listed. Returns whether it was added. */
gboolean
steward_chip_editor_add_value (StewardChipEditor *self,
                               const char        *value)
{
  g_return_val_if_fail (STEWARD_IS_CHIP_EDITOR (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return add_text (self, value);
}

gboolean
steward_chip_editor_remove_value (StewardChipEditor *self,
                                  const char        *value)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (STEWARD_IS_CHIP_EDITOR (self), FALSE);

  builder = g_strv_builder_new ();
  for (guint i = 0; self->values[i] != NULL; i++)
    {
      if (!found && g_strcmp0 (self->values[i], value) == 0)
        found = TRUE;
      else
        g_strv_builder_add (builder, self->values[i]);
    }

  if (found)
    take_values (self, g_strv_builder_end (builder));

  return found;
}

const char *
steward_chip_editor_get_placeholder_text (StewardChipEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_CHIP_EDITOR (self), NULL);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->entry_row));
}

void
steward_chip_editor_set_placeholder_text (StewardChipEditor *self,
                                          const char        *text)
{
  g_return_if_fail (STEWARD_IS_CHIP_EDITOR (self));

  if (g_strcmp0 (text, steward_chip_editor_get_placeholder_text (self)) == 0)
    return;

  /* An entry row's title sits where a placeholder would and moves up while typing. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), text != NULL ? text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}

/* Adds what is still in the entry, as Enter would: a form sent with a value half typed keeps it.
 * Returns whether the entry is empty now (a refused value stays, with its reason shown). */
gboolean
steward_chip_editor_commit_entry (StewardChipEditor *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (STEWARD_IS_CHIP_EDITOR (self), FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry_row))));
  if (*text == '\0')
    return TRUE;

  add_from_entry (self);
  return *gtk_editable_get_text (GTK_EDITABLE (self->entry_row)) == '\0';
}
