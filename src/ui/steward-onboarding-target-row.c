/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-onboarding-target-row.h"

/* One schema (or root path) of an onboarding, as the validation and results pages list it: a
 * state icon (or a spinner while its request is out), its name, and the server's message. With
 * "creation" set, the row tells how creating it went: the datastore's name, the schema it came
 * from, and an arrow when there is a datastore to show. The row follows its target. */
struct _StewardOnboardingTargetRow
{
  GtkWidget                parent_instance;

  StewardOnboardingTarget *target;
  GSignalGroup            *target_signals;
  gboolean                 creation;
  gboolean                 activatable;

  /* Template widgets */
  GtkImage                *icon;
  GtkSpinner              *spinner;
  GtkLabel                *name_label;
  GtkLabel                *source_label;
  GtkLabel                *message_label;
  GtkWidget               *go_icon;
};

G_DEFINE_FINAL_TYPE (StewardOnboardingTargetRow, steward_onboarding_target_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_CREATION,
  PROP_ACTIVATABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a state looks like: the icon (NULL while busy: the spinner shows instead), its style
 * class, and what it says to a screen reader and in the tooltip. */
typedef struct
{
  const char *icon_name;
  const char *style;
  const char *state;
  gboolean    busy;
} RowState;

static RowState
check_state (StewardTargetCheck check)
{
  switch (check)
    {
    case STEWARD_TARGET_CHECK_RUNNING:
      return (RowState) { NULL, NULL, _("Being checked"), TRUE };
    case STEWARD_TARGET_CHECK_PASSED:
      return (RowState) { "object-select-symbolic", "success", _("Passed"), FALSE };
    case STEWARD_TARGET_CHECK_FAILED:
      return (RowState) { "dialog-error-symbolic", "error", _("Failed"), FALSE };
    case STEWARD_TARGET_CHECK_ERROR:
      return (RowState) { "dialog-warning-symbolic", "warning",
                          _("Not checked: the request failed"), FALSE };
    case STEWARD_TARGET_CHECK_NONE:
    default:
      return (RowState) { "content-loading-symbolic", "dim-label", _("Waiting"), FALSE };
    }
}

static RowState
outcome_state (StewardTargetOutcome outcome)
{
  switch (outcome)
    {
    case STEWARD_TARGET_OUTCOME_SENDING:
      return (RowState) { NULL, NULL, _("Being created"), TRUE };
    case STEWARD_TARGET_OUTCOME_CREATED:
      return (RowState) { "object-select-symbolic", "success", _("Created"), FALSE };
    case STEWARD_TARGET_OUTCOME_FAILED:
      return (RowState) { "dialog-error-symbolic", "error", _("Not created"), FALSE };
    case STEWARD_TARGET_OUTCOME_UNKNOWN:
      return (RowState) { "dialog-warning-symbolic", "warning", _("Not confirmed"), FALSE };
    case STEWARD_TARGET_OUTCOME_NONE:
    default:
      return (RowState) { "content-loading-symbolic", "dim-label", _("Not sent"), FALSE };
    }
}

static void
show_state (StewardOnboardingTargetRow *self,
            const RowState             *state)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state->busy);
  gtk_spinner_set_spinning (self->spinner, state->busy);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  state->state, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), state->icon_name != NULL);
  if (state->icon_name != NULL)
    gtk_image_set_from_icon_name (self->icon, state->icon_name);
  gtk_widget_set_css_classes (GTK_WIDGET (self->icon),
                              state->style != NULL ? (const char *[]) { state->style, NULL }
                                                   : (const char *[]) { NULL });
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->icon), state->state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  state->state, -1);
}

static void
show_message (StewardOnboardingTargetRow *self,
              const char                 *text,
              gboolean                    is_error)
{
  gtk_label_set_label (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
set_activatable (StewardOnboardingTargetRow *self,
                 gboolean                    activatable)
{
  if (self->activatable == activatable)
    return;
  self->activatable = activatable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVATABLE]);
}

static void
update (StewardOnboardingTargetRow *self)
{
  StewardTargetCheck check;
  StewardTargetOutcome outcome;
  RowState state;
  const char *datastore_name;

  if (self->target == NULL)
    {
      set_activatable (self, FALSE);
      return;
    }

  if (!self->creation)
    {
      check = steward_onboarding_target_get_check (self->target);
      state = check_state (check);
      show_state (self, &state);
      gtk_label_set_label (self->name_label, steward_onboarding_target_get_name (self->target));
      show_message (self, steward_onboarding_target_get_check_message (self->target),
                    check == STEWARD_TARGET_CHECK_FAILED);
      return;
    }

  outcome = steward_onboarding_target_get_outcome (self->target);
  state = outcome_state (outcome);
  show_state (self, &state);
  datastore_name = steward_onboarding_target_get_datastore_name (self->target);
  gtk_label_set_label (self->name_label,
                       outcome == STEWARD_TARGET_OUTCOME_CREATED && datastore_name != NULL
                       ? datastore_name
                       : steward_onboarding_target_get_planned_name (self->target));
  gtk_label_set_label (self->source_label, steward_onboarding_target_get_name (self->target));
  show_message (self, steward_onboarding_target_get_outcome_message (self->target), TRUE);
  gtk_widget_set_visible (self->go_icon, outcome == STEWARD_TARGET_OUTCOME_CREATED);
  set_activatable (self, outcome == STEWARD_TARGET_OUTCOME_CREATED);
}

/* GObject */

static void
steward_onboarding_target_row_dispose (GObject *object)
{
  StewardOnboardingTargetRow *self = STEWARD_ONBOARDING_TARGET_ROW (object);
  GtkWidget *child;

  if (self->target_signals != NULL)
    g_signal_group_set_target (self->target_signals, NULL);
  g_clear_object (&self->target_signals);
  g_clear_object (&self->target);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ONBOARDING_TARGET_ROW);
  /* The template's top box is not bound, so it is not unparented with the bound children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (steward_onboarding_target_row_parent_class)->dispose (object);
}

static void
steward_onboarding_target_row_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  StewardOnboardingTargetRow *self = STEWARD_ONBOARDING_TARGET_ROW (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    case PROP_CREATION:
      g_value_set_boolean (value, self->creation);
      break;
    case PROP_ACTIVATABLE:
      g_value_set_boolean (value, self->activatable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_target_row_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  StewardOnboardingTargetRow *self = STEWARD_ONBOARDING_TARGET_ROW (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      steward_onboarding_target_row_set_target (self, g_value_get_object (value));
      break;
    case PROP_CREATION:
      self->creation = g_value_get_boolean (value);
      gtk_widget_set_visible (GTK_WIDGET (self->source_label), self->creation);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_target_row_class_init (StewardOnboardingTargetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_onboarding_target_row_dispose;
  object_class->get_property = steward_onboarding_target_row_get_property;
  object_class->set_property = steward_onboarding_target_row_set_property;

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, STEWARD_TYPE_ONBOARDING_TARGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the row tells how creating went, rather than how checking did. */
  properties[PROP_CREATION] =
    g_param_spec_boolean ("creation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether there is a datastore to show: the list item follows it. */
  properties[PROP_ACTIVATABLE] =
    g_param_spec_boolean ("activatable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-onboarding-target-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingTargetRow, icon);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingTargetRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingTargetRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingTargetRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingTargetRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingTargetRow, go_icon);
}

static void
steward_onboarding_target_row_init (StewardOnboardingTargetRow *self)
{
  static const char * const followed[] = {
    "notify::check", "notify::check-message", "notify::outcome", "notify::outcome-message",
    "notify::datastore-name", "notify::planned-name",
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->target_signals = g_signal_group_new (STEWARD_TYPE_ONBOARDING_TARGET);
  for (guint i = 0; i < G_N_ELEMENTS (followed); i++)
    g_signal_group_connect_swapped (self->target_signals, followed[i], G_CALLBACK (update), self);
}

/* Public API */

StewardOnboardingTarget *
steward_onboarding_target_row_get_target (StewardOnboardingTargetRow *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET_ROW (self), NULL);

  return self->target;
}

void
steward_onboarding_target_row_set_target (StewardOnboardingTargetRow *self,
                                          StewardOnboardingTarget    *target)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING_TARGET_ROW (self));
  g_return_if_fail (target == NULL || STEWARD_IS_ONBOARDING_TARGET (target));

  if (!g_set_object (&self->target, target))
    return;

  g_signal_group_set_target (self->target_signals, target);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

gboolean
steward_onboarding_target_row_get_activatable (StewardOnboardingTargetRow *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET_ROW (self), FALSE);

  return self->activatable;
}

/* Returns: (transfer full): a factory of rows for a list of targets. The list item is activatable
 * while its row is, so only a created datastore's row answers activation. */
GtkListItemFactory *
steward_onboarding_target_row_factory_new (gboolean creation)
{
  g_autofree char *ui = g_strdup_printf (
    "<interface>"
    "  <template class=\"GtkListItem\">"
    "    <property name=\"activatable\" bind-source=\"row\" bind-property=\"activatable\""
    "              bind-flags=\"sync-create\"/>"
    "    <property name=\"child\">"
    "      <object class=\"StewardOnboardingTargetRow\" id=\"row\">"
    "        <property name=\"creation\">%s</property>"
    "        <binding name=\"target\"><lookup name=\"item\">GtkListItem</lookup></binding>"
    "      </object>"
    "    </property>"
    "  </template>"
    "</interface>", creation ? "True" : "False");
  gsize length = strlen (ui);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&ui), length);

  g_type_ensure (STEWARD_TYPE_ONBOARDING_TARGET_ROW);
  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}
