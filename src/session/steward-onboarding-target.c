/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding"

#include "steward-onboarding-private.h"

/* One schema (or, for a file-system connection, one root path) of an onboarding, and everything
 * the wizard learns about it on the way: the datastores that already read it, whether the user
 * chose it, what validation said, the name it would get, and what creating it gave. Rows of every
 * page bind to these properties, so a page never copies them. Only StewardOnboarding changes
 * anything but the selection. */
struct _StewardOnboardingTarget
{
  GObject                   parent_instance;

  char                     *name;
  char                     *label;
  GStrv                     existing;
  gboolean                  selected;
  StewardTargetCheck        check;
  char                     *check_message;
  char                     *planned_name;
  StewardTargetNameProblem  name_problem;
  StewardTargetOutcome      outcome;
  char                     *outcome_message;
  gint64                    datastore_id;
  char                     *datastore_name;
};

G_DEFINE_FINAL_TYPE (StewardOnboardingTarget, steward_onboarding_target, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (StewardTargetCheck, steward_target_check,
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_CHECK_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_CHECK_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_CHECK_PASSED, "passed"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_CHECK_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_CHECK_ERROR, "error"))

G_DEFINE_ENUM_TYPE (StewardTargetOutcome, steward_target_outcome,
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_OUTCOME_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_OUTCOME_SENDING, "sending"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_OUTCOME_CREATED, "created"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_OUTCOME_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_OUTCOME_UNKNOWN, "unknown"))

G_DEFINE_ENUM_TYPE (StewardTargetNameProblem, steward_target_name_problem,
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_NAME_OK, "ok"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_NAME_TAKEN, "taken"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_NAME_DUPLICATE, "duplicate"),
                    G_DEFINE_ENUM_VALUE (STEWARD_TARGET_NAME_TOO_LONG, "too-long"))

enum {
  PROP_0,
  PROP_NAME,
  PROP_LABEL,
  PROP_EXISTING,
  PROP_SELECTED,
  PROP_CHECK,
  PROP_CHECK_MESSAGE,
  PROP_PLANNED_NAME,
  PROP_NAME_PROBLEM,
  PROP_OUTCOME,
  PROP_OUTCOME_MESSAGE,
  PROP_DATASTORE_ID,
  PROP_DATASTORE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
steward_onboarding_target_finalize (GObject *object)
{
  StewardOnboardingTarget *self = STEWARD_ONBOARDING_TARGET (object);

  g_free (self->name);
  g_free (self->label);
  g_strfreev (self->existing);
  g_free (self->check_message);
  g_free (self->planned_name);
  g_free (self->outcome_message);
  g_free (self->datastore_name);

  G_OBJECT_CLASS (steward_onboarding_target_parent_class)->finalize (object);
}

static void
steward_onboarding_target_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardOnboardingTarget *self = STEWARD_ONBOARDING_TARGET (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_EXISTING:
      g_value_set_boxed (value, self->existing);
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    case PROP_CHECK:
      g_value_set_enum (value, self->check);
      break;
    case PROP_CHECK_MESSAGE:
      g_value_set_string (value, self->check_message);
      break;
    case PROP_PLANNED_NAME:
      g_value_set_string (value, self->planned_name);
      break;
    case PROP_NAME_PROBLEM:
      g_value_set_enum (value, self->name_problem);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_OUTCOME_MESSAGE:
      g_value_set_string (value, self->outcome_message);
      break;
    case PROP_DATASTORE_ID:
      g_value_set_int64 (value, self->datastore_id);
      break;
    case PROP_DATASTORE_NAME:
      g_value_set_string (value, self->datastore_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_target_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StewardOnboardingTarget *self = STEWARD_ONBOARDING_TARGET (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      steward_onboarding_target_set_selected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_target_class_init (StewardOnboardingTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_onboarding_target_finalize;
  object_class->get_property = steward_onboarding_target_get_property;
  object_class->set_property = steward_onboarding_target_set_property;

  /* The schema, or the root path, as the server names it. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /* What "{{ schema }}" stands for in the name template: the schema, or the root path's parts
   * joined by "_" ("/raw/orders/" → "raw_orders"). */
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  /* The names of the datastores that already read it. */
  properties[PROP_EXISTING] = g_param_spec_boxed ("existing", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECK] = g_param_spec_enum ("check", NULL, NULL, STEWARD_TYPE_TARGET_CHECK,
                                              STEWARD_TARGET_CHECK_NONE, flags);
  properties[PROP_CHECK_MESSAGE] = g_param_spec_string ("check-message", NULL, NULL, NULL, flags);
  properties[PROP_PLANNED_NAME] = g_param_spec_string ("planned-name", NULL, NULL, NULL, flags);
  properties[PROP_NAME_PROBLEM] = g_param_spec_enum ("name-problem", NULL, NULL,
                                                     STEWARD_TYPE_TARGET_NAME_PROBLEM,
                                                     STEWARD_TARGET_NAME_OK, flags);
  properties[PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, STEWARD_TYPE_TARGET_OUTCOME,
                                                STEWARD_TARGET_OUTCOME_NONE, flags);
  properties[PROP_OUTCOME_MESSAGE] = g_param_spec_string ("outcome-message", NULL, NULL, NULL,
                                                          flags);
  properties[PROP_DATASTORE_ID] = g_param_spec_int64 ("datastore-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                      flags);
  properties[PROP_DATASTORE_NAME] = g_param_spec_string ("datastore-name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_onboarding_target_init (StewardOnboardingTarget *self)
{
}

StewardOnboardingTarget *
steward_onboarding_target_new (const char *name,
                               const char *label)
{
  StewardOnboardingTarget *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_ONBOARDING_TARGET, NULL);
  self->name = g_strdup (name);
  self->label = g_strdup (label != NULL ? label : name);
  return self;
}

const char *
steward_onboarding_target_get_name (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), NULL);
  return self->name;
}

const char *
steward_onboarding_target_get_label (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), NULL);
  return self->label;
}

/* Returns: (nullable): the names of the datastores that already read it */
const char * const *
steward_onboarding_target_get_existing (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), NULL);
  return (const char * const *) self->existing;
}

gboolean
steward_onboarding_target_get_selected (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), FALSE);
  return self->selected;
}

void
steward_onboarding_target_set_selected (StewardOnboardingTarget *self,
                                        gboolean                 selected)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING_TARGET (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

StewardTargetCheck
steward_onboarding_target_get_check (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), STEWARD_TARGET_CHECK_NONE);
  return self->check;
}

const char *
steward_onboarding_target_get_check_message (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), NULL);
  return self->check_message;
}

const char *
steward_onboarding_target_get_planned_name (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), NULL);
  return self->planned_name;
}

StewardTargetNameProblem
steward_onboarding_target_get_name_problem (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), STEWARD_TARGET_NAME_OK);
  return self->name_problem;
}

StewardTargetOutcome
steward_onboarding_target_get_outcome (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), STEWARD_TARGET_OUTCOME_NONE);
  return self->outcome;
}

const char *
steward_onboarding_target_get_outcome_message (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), NULL);
  return self->outcome_message;
}

gint64
steward_onboarding_target_get_datastore_id (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), 0);
  return self->datastore_id;
}

const char *
steward_onboarding_target_get_datastore_name (StewardOnboardingTarget *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_TARGET (self), NULL);
  return self->datastore_name;
}

/* For StewardOnboarding only */

void
_steward_onboarding_target_set_existing (StewardOnboardingTarget *self,
                                         GStrv                    names)
{
  g_strfreev (self->existing);
  self->existing = names != NULL && names[0] != NULL ? names : NULL;
  if (self->existing == NULL)
    g_strfreev (names);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXISTING]);
}

void
_steward_onboarding_target_set_check (StewardOnboardingTarget *self,
                                      StewardTargetCheck       check,
                                      const char              *message)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (set_string (&self->check_message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK_MESSAGE]);
  if (self->check != check)
    {
      self->check = check;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_steward_onboarding_target_set_planned_name (StewardOnboardingTarget  *self,
                                             const char               *name,
                                             StewardTargetNameProblem  problem)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (set_string (&self->planned_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_NAME]);
  if (self->name_problem != problem)
    {
      self->name_problem = problem;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_PROBLEM]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_steward_onboarding_target_set_outcome (StewardOnboardingTarget *self,
                                        StewardTargetOutcome     outcome,
                                        const char              *message,
                                        gint64                   datastore_id,
                                        const char              *datastore_name)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (set_string (&self->outcome_message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME_MESSAGE]);
  if (self->datastore_id != datastore_id)
    {
      self->datastore_id = datastore_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE_ID]);
    }
  if (set_string (&self->datastore_name, datastore_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASTORE_NAME]);
  if (self->outcome != outcome)
    {
      self->outcome = outcome;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
