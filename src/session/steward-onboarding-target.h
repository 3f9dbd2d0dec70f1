/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a schema (or root path) stands in the validation step. */
typedef enum
{
  STEWARD_TARGET_CHECK_NONE,
  STEWARD_TARGET_CHECK_RUNNING,
  STEWARD_TARGET_CHECK_PASSED,
  STEWARD_TARGET_CHECK_FAILED,  /* the server says it cannot be reached: see the message */
  STEWARD_TARGET_CHECK_ERROR,   /* the check itself got no answer; it may be asked again */
} StewardTargetCheck;

/* What became of it when the datastores were created. */
typedef enum
{
  STEWARD_TARGET_OUTCOME_NONE,
  STEWARD_TARGET_OUTCOME_SENDING,
  STEWARD_TARGET_OUTCOME_CREATED,
  STEWARD_TARGET_OUTCOME_FAILED,   /* the server says it was not created: see the message */
  STEWARD_TARGET_OUTCOME_UNKNOWN,  /* no answer: it may exist, so it is never sent blindly */
} StewardTargetOutcome;

/* Why the name it would get is a problem. */
typedef enum
{
  STEWARD_TARGET_NAME_OK,
  STEWARD_TARGET_NAME_TAKEN,      /* a datastore of the deployment has it already */
  STEWARD_TARGET_NAME_DUPLICATE,  /* another schema of this onboarding would get it too */
  STEWARD_TARGET_NAME_TOO_LONG,
} StewardTargetNameProblem;

#define STEWARD_TYPE_TARGET_CHECK (steward_target_check_get_type ())
#define STEWARD_TYPE_TARGET_OUTCOME (steward_target_outcome_get_type ())
#define STEWARD_TYPE_TARGET_NAME_PROBLEM (steward_target_name_problem_get_type ())
GType steward_target_check_get_type (void) G_GNUC_CONST;
GType steward_target_outcome_get_type (void) G_GNUC_CONST;
GType steward_target_name_problem_get_type (void) G_GNUC_CONST;

#define STEWARD_TYPE_ONBOARDING_TARGET (steward_onboarding_target_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardOnboardingTarget, steward_onboarding_target, STEWARD, ONBOARDING_TARGET, GObject)

StewardOnboardingTarget *steward_onboarding_target_new          (const char              *name,
                                                                 const char              *label);
const char              *steward_onboarding_target_get_name     (StewardOnboardingTarget *self);
const char              *steward_onboarding_target_get_label    (StewardOnboardingTarget *self);
const char * const      *steward_onboarding_target_get_existing (StewardOnboardingTarget *self);
gboolean                 steward_onboarding_target_get_selected (StewardOnboardingTarget *self);
void                     steward_onboarding_target_set_selected (StewardOnboardingTarget *self,
                                                                 gboolean                 selected);
StewardTargetCheck       steward_onboarding_target_get_check    (StewardOnboardingTarget *self);

const char *steward_onboarding_target_get_check_message (StewardOnboardingTarget *self);
const char *steward_onboarding_target_get_planned_name  (StewardOnboardingTarget *self);

StewardTargetNameProblem steward_onboarding_target_get_name_problem (StewardOnboardingTarget *self);
StewardTargetOutcome     steward_onboarding_target_get_outcome      (StewardOnboardingTarget *self);
const char *steward_onboarding_target_get_outcome_message (StewardOnboardingTarget *self);
gint64      steward_onboarding_target_get_datastore_id   (StewardOnboardingTarget *self);
const char *steward_onboarding_target_get_datastore_name (StewardOnboardingTarget *self);

G_END_DECLS
