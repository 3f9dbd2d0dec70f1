/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of StewardOnboarding share: steward-onboarding.c (the object, the connection,
 * catalogs and schemas), steward-onboarding-validation.c, steward-onboarding-plan.c (names and
 * settings) and steward-onboarding-create.c. Nobody else may include it. */

#include "steward-onboarding.h"

G_BEGIN_DECLS

typedef enum {
  ONBOARDING_PROP_0,
  ONBOARDING_PROP_DEPLOYMENT,
  ONBOARDING_PROP_DIRTY,
  ONBOARDING_PROP_CONNECTIONS_STATE,
  ONBOARDING_PROP_CONNECTIONS_ERROR,
  ONBOARDING_PROP_HAS_CONNECTION,
  ONBOARDING_PROP_CONNECTION_ID,
  ONBOARDING_PROP_CONNECTION_NAME,
  ONBOARDING_PROP_CONNECTOR_TYPE,
  ONBOARDING_PROP_DFS,
  ONBOARDING_PROP_CATALOGS_STATE,
  ONBOARDING_PROP_CATALOGS_ERROR,
  ONBOARDING_PROP_CATALOG,
  ONBOARDING_PROP_TARGETS_STATE,
  ONBOARDING_PROP_TARGETS_ERROR,
  ONBOARDING_PROP_N_SELECTED,
  ONBOARDING_PROP_VALIDATING,
  ONBOARDING_PROP_N_TO_CHECK,
  ONBOARDING_PROP_N_CHECKED,
  ONBOARDING_PROP_N_PASSED,
  ONBOARDING_PROP_N_FAILED,
  ONBOARDING_PROP_CHECK_ERROR,
  ONBOARDING_PROP_NAME_TEMPLATE,
  ONBOARDING_PROP_TEMPLATE_VALID,
  ONBOARDING_PROP_N_TAKEN,
  ONBOARDING_PROP_N_DUPLICATES,
  ONBOARDING_PROP_N_TOO_LONG,
  ONBOARDING_PROP_CREATING,
  ONBOARDING_PROP_SENT,
  ONBOARDING_PROP_N_CREATED,
  ONBOARDING_PROP_N_CREATE_FAILED,
  ONBOARDING_PROP_N_UNKNOWN,
  ONBOARDING_PROP_CREATE_ERROR,
  ONBOARDING_N_PROPS
} OnboardingProperty;

struct _StewardOnboarding
{
  GObject            parent_instance;

  StewardDeployment *deployment;
  StewardClient     *client;
  gboolean           dirty;

  /* Each step's requests, cancelled when the step starts over or the wizard goes away. The
   * creation has none of its own: once sent, its answer is always taken in (see -create.c). */
  GCancellable      *connections_cancellable;
  GCancellable      *catalogs_cancellable;
  GCancellable      *targets_cancellable;
  GCancellable      *validation_cancellable;

  /* 1. The connection: an existing one, or a new one described by the user (which holds its
   * secrets, in memory only, until it is saved or the onboarding goes away). */
  GListStore        *connections;
  StewardLoadState   connections_state;
  char              *connections_error;
  gint64             connection_id;
  JsonObject        *new_connection;
  char              *connection_name;
  char              *connector_type;
  gboolean           dfs;

  /* 2. The catalog */
  GListStore        *catalogs;
  StewardLoadState   catalogs_state;
  char              *catalogs_error;
  char              *catalog;

  /* 3. Schemas or root paths */
  GListStore        *targets;
  StewardLoadState   targets_state;
  char              *targets_error;
  guint              n_selected;

  /* 4. Validation */
  gboolean           validating;
  GPtrArray         *check_queue;  /* StewardOnboardingTarget, in the order they are checked */
  guint              n_to_check;
  guint              n_checked;
  guint              n_passed;
  guint              n_failed;
  char              *check_error;

  /* 5. The plan and the settings */
  GListStore        *plan;
  char              *name_template;
  gboolean           template_edited;
  gboolean           template_valid;
  guint              n_taken;
  guint              n_duplicates;
  guint              n_too_long;
  char              *description;
  GStrv              teams;
  GStrv              tags;
  gint64             group_id;
  char              *new_group_name;
  char              *new_group_icon;
  gint64             enrichment_datastore_id;
  gint64             enrichment_record_limit;
  char              *enrichment_strategy;
  gint64             enrichment_rollup_threshold;
  gboolean           trigger_sync;

  /* 6. Creating */
  gboolean           creating;
  gboolean           sent;
  guint              n_created;
  guint              n_create_failed;
  guint              n_unknown;
  char              *create_error;
  GError            *create_gerror;
  gint64             create_started;
  gint64             create_finished;
  GPtrArray         *sending;      /* the targets of the request on its way */
  GHashTable        *known_before; /* ids of the deployment's datastores before it was sent */
};

void  _steward_onboarding_notify           (StewardOnboarding  *self,
                                            OnboardingProperty  prop);
void  _steward_onboarding_set_string       (StewardOnboarding  *self,
                                            char              **field,
                                            const char         *value,
                                            OnboardingProperty  prop);
void  _steward_onboarding_set_uint         (StewardOnboarding  *self,
                                            guint              *field,
                                            guint               value,
                                            OnboardingProperty  prop);
void  _steward_onboarding_set_boolean      (StewardOnboarding  *self,
                                            gboolean           *field,
                                            gboolean            value,
                                            OnboardingProperty  prop);
char *_steward_onboarding_describe_error   (const GError       *error);

/* steward-onboarding-validation.c */
void  _steward_onboarding_reset_validation (StewardOnboarding  *self);

/* steward-onboarding-plan.c */
void  _steward_onboarding_update_names     (StewardOnboarding  *self);
void  _steward_onboarding_settings_clear   (StewardOnboarding  *self);
StewardDatastoreRequest *_steward_onboarding_build_request (StewardOnboarding *self,
                                                            GPtrArray         *targets);

/* steward-onboarding-create.c */
void  _steward_onboarding_create_clear     (StewardOnboarding  *self);
void  _steward_onboarding_emit_finished    (StewardOnboarding  *self);

/* steward-onboarding-target.c */
void  _steward_onboarding_target_set_existing     (StewardOnboardingTarget  *self,
                                                   GStrv                     names);
void  _steward_onboarding_target_set_check        (StewardOnboardingTarget  *self,
                                                   StewardTargetCheck        check,
                                                   const char               *message);
void  _steward_onboarding_target_set_planned_name (StewardOnboardingTarget  *self,
                                                   const char               *name,
                                                   StewardTargetNameProblem  problem);
void  _steward_onboarding_target_set_outcome      (StewardOnboardingTarget  *self,
                                                   StewardTargetOutcome      outcome,
                                                   const char               *message,
                                                   gint64                    datastore_id,
                                                   const char               *datastore_name);

G_END_DECLS
