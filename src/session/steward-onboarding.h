/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-deployment.h"
#include "steward-onboarding-target.h"

G_BEGIN_DECLS

/* How a list the onboarding needs from the server stands. */
typedef enum
{
  STEWARD_LOAD_IDLE,
  STEWARD_LOAD_RUNNING,
  STEWARD_LOAD_DONE,
  STEWARD_LOAD_FAILED,  /* see the matching *-error property: the server's words */
} StewardLoadState;

/* Which schemas a selection command picks, among those it is given. */
typedef enum
{
  STEWARD_SELECT_ALL,
  STEWARD_SELECT_NEW_ONLY,  /* those no datastore reads yet */
  STEWARD_SELECT_NONE,
} StewardSelectHow;

#define STEWARD_TYPE_LOAD_STATE (steward_load_state_get_type ())
GType steward_load_state_get_type (void) G_GNUC_CONST;

#define STEWARD_TYPE_ONBOARDING (steward_onboarding_get_type ())

G_DECLARE_FINAL_TYPE (StewardOnboarding, steward_onboarding, STEWARD, ONBOARDING, GObject)

StewardOnboarding *steward_onboarding_new                  (StewardDeployment  *deployment);
StewardDeployment *steward_onboarding_get_deployment       (StewardOnboarding  *self);
StewardClient     *steward_onboarding_get_client           (StewardOnboarding  *self);
gboolean           steward_onboarding_get_dirty            (StewardOnboarding  *self);
void               steward_onboarding_mark_dirty           (StewardOnboarding  *self);
void               steward_onboarding_cancel               (StewardOnboarding  *self);

/* 1. The connection */
GListModel        *steward_onboarding_get_connections      (StewardOnboarding  *self);
StewardLoadState   steward_onboarding_get_connections_state (StewardOnboarding *self);
const char        *steward_onboarding_get_connections_error (StewardOnboarding *self);
void               steward_onboarding_load_connections     (StewardOnboarding  *self);
StewardConnection *steward_onboarding_find_connection      (StewardOnboarding  *self,
                                                            gint64              connection_id);
void               steward_onboarding_choose_connection    (StewardOnboarding  *self,
                                                            StewardConnection  *connection);
void               steward_onboarding_describe_connection  (StewardOnboarding  *self,
                                                            JsonObject         *connection);
void               steward_onboarding_forget_connection    (StewardOnboarding  *self);
gboolean           steward_onboarding_has_connection       (StewardOnboarding  *self);
gint64             steward_onboarding_get_connection_id    (StewardOnboarding  *self);
const char        *steward_onboarding_get_connection_name  (StewardOnboarding  *self);
const char        *steward_onboarding_get_connector_type   (StewardOnboarding  *self);
gboolean           steward_onboarding_get_dfs              (StewardOnboarding  *self);

/* 2. The catalog (JDBC) */
GListModel        *steward_onboarding_get_catalogs         (StewardOnboarding  *self);
StewardLoadState   steward_onboarding_get_catalogs_state   (StewardOnboarding  *self);
const char        *steward_onboarding_get_catalogs_error   (StewardOnboarding  *self);
void               steward_onboarding_load_catalogs        (StewardOnboarding  *self);
const char        *steward_onboarding_get_catalog          (StewardOnboarding  *self);
void               steward_onboarding_set_catalog          (StewardOnboarding  *self,
                                                            const char         *catalog);

/* 3. The schemas, or the root paths (DFS) */
GListModel        *steward_onboarding_get_targets          (StewardOnboarding  *self);
StewardLoadState   steward_onboarding_get_targets_state    (StewardOnboarding  *self);
const char        *steward_onboarding_get_targets_error    (StewardOnboarding  *self);
void               steward_onboarding_load_schemas         (StewardOnboarding  *self);
GStrv              steward_onboarding_split_root_paths     (const char         *text);
void               steward_onboarding_set_root_paths       (StewardOnboarding  *self,
                                                            const char * const *root_paths);
guint              steward_onboarding_get_n_selected       (StewardOnboarding  *self);
void               steward_onboarding_select               (StewardOnboarding  *self,
                                                            GListModel         *among,
                                                            StewardSelectHow    how);

/* 4. Validation */
void               steward_onboarding_validate             (StewardOnboarding  *self);
void               steward_onboarding_stop_validation      (StewardOnboarding  *self);
gboolean           steward_onboarding_get_validating       (StewardOnboarding  *self);
guint              steward_onboarding_get_n_checked        (StewardOnboarding  *self);
guint              steward_onboarding_get_n_to_check       (StewardOnboarding  *self);
guint              steward_onboarding_get_n_passed         (StewardOnboarding  *self);
guint              steward_onboarding_get_n_failed         (StewardOnboarding  *self);
const char        *steward_onboarding_get_check_error      (StewardOnboarding  *self);

/* 5. Settings, applied to every datastore */
GListModel *steward_onboarding_get_plan             (StewardOnboarding  *self);
void        steward_onboarding_make_plan            (StewardOnboarding  *self);
const char *steward_onboarding_get_name_template    (StewardOnboarding  *self);
void        steward_onboarding_set_name_template    (StewardOnboarding  *self,
                                                     const char         *name_template);
char       *steward_onboarding_dup_default_template (StewardOnboarding  *self);
gboolean    steward_onboarding_get_template_valid   (StewardOnboarding  *self);
guint       steward_onboarding_get_n_taken          (StewardOnboarding  *self);
guint       steward_onboarding_get_n_duplicates     (StewardOnboarding  *self);
guint       steward_onboarding_get_n_too_long       (StewardOnboarding  *self);
void        steward_onboarding_set_description      (StewardOnboarding  *self,
                                                     const char         *description);
void        steward_onboarding_set_teams            (StewardOnboarding  *self,
                                                     const char * const *teams);
void        steward_onboarding_set_tags             (StewardOnboarding  *self,
                                                     const char * const *tags);
void        steward_onboarding_set_group_id         (StewardOnboarding  *self,
                                                     gint64              group_id);
void        steward_onboarding_set_new_group        (StewardOnboarding  *self,
                                                     const char         *name,
                                                     const char         *icon);
void        steward_onboarding_set_enrichment       (StewardOnboarding  *self,
                                                     gint64              enrichment_datastore_id,
                                                     gint64              source_record_limit,
                                                     const char         *remediation_strategy,
                                                     gint64              rollup_threshold);
void        steward_onboarding_set_trigger_sync     (StewardOnboarding  *self,
                                                     gboolean            trigger_sync);
gboolean    steward_onboarding_check_settings       (StewardOnboarding  *self,
                                                     GError            **error);

/* 6. Creating */
void               steward_onboarding_create               (StewardOnboarding  *self);
void               steward_onboarding_retry_failed         (StewardOnboarding  *self);
void               steward_onboarding_reconcile            (StewardOnboarding  *self);
gboolean           steward_onboarding_get_creating         (StewardOnboarding  *self);
gboolean           steward_onboarding_get_sent             (StewardOnboarding  *self);
guint              steward_onboarding_get_n_created        (StewardOnboarding  *self);
guint              steward_onboarding_get_n_create_failed  (StewardOnboarding  *self);
guint              steward_onboarding_get_n_unknown        (StewardOnboarding  *self);
const char        *steward_onboarding_get_create_error     (StewardOnboarding  *self);
const GError      *steward_onboarding_get_create_gerror    (StewardOnboarding  *self);
gint64             steward_onboarding_get_create_started   (StewardOnboarding  *self);
gint64             steward_onboarding_get_create_finished  (StewardOnboarding  *self);

G_END_DECLS
