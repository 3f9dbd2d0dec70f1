/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-onboarding-private.h"

/* The plan: the targets that passed validation and are still selected, each with the name the
 * template gives it, and the settings every datastore of the bulk request shares. Names are
 * compared without regard to case, as a person reading the list would: a name already in the
 * deployment, or one that two targets would get, is flagged before anything is sent. The server
 * accepts such names (datastore names are not unique), so they are warnings; a name longer than
 * the server takes is an error. */

static GHashTable *
existing_names (StewardOnboarding *self)
{
  GListModel *datastores = steward_deployment_get_datastores (self->deployment);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (datastores);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);
      const char *name = steward_datastore_get_name (datastore);

      if (name != NULL)
        g_hash_table_add (names, g_utf8_casefold (name, -1));
    }

  return names;
}

/* The names of the targets the user may still send; created ones keep theirs. */
void
_steward_onboarding_update_names (StewardOnboarding *self)
{
  GListModel *plan = G_LIST_MODEL (self->plan);
  guint n = g_list_model_get_n_items (plan);
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rendered = g_ptr_array_new_with_free_func (g_free);
  guint n_taken = 0, n_duplicates = 0, n_too_long = 0;

  _steward_onboarding_set_boolean (self, &self->template_valid,
                                   steward_name_template_is_valid (self->name_template),
                                   ONBOARDING_PROP_TEMPLATE_VALID);
  if (n == 0)
    goto out;

  taken = existing_names (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (plan, i);
      char *name = steward_name_template_render (self->name_template,
                                                 steward_onboarding_target_get_label (target),
                                                 self->connection_name);
      char *key = g_utf8_casefold (name, -1);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      g_ptr_array_add (rendered, name);
      g_ptr_array_add (folded, key);
      g_hash_table_insert (counts, g_strdup (key), GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (plan, i);
      const char *name = g_ptr_array_index (rendered, i);
      const char *key = g_ptr_array_index (folded, i);
      StewardTargetNameProblem problem = STEWARD_TARGET_NAME_OK;

      if (steward_onboarding_target_get_outcome (target) == STEWARD_TARGET_OUTCOME_CREATED)
        continue;

      if (g_utf8_strlen (name, -1) > STEWARD_NAME_MAX)
        problem = STEWARD_TARGET_NAME_TOO_LONG;
      else if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) > 1)
        problem = STEWARD_TARGET_NAME_DUPLICATE;
      else if (g_hash_table_contains (taken, key))
        problem = STEWARD_TARGET_NAME_TAKEN;

      n_too_long += problem == STEWARD_TARGET_NAME_TOO_LONG;
      n_duplicates += problem == STEWARD_TARGET_NAME_DUPLICATE;
      n_taken += problem == STEWARD_TARGET_NAME_TAKEN;
      _steward_onboarding_target_set_planned_name (target, name, problem);
    }

out:
  g_object_freeze_notify (G_OBJECT (self));
  _steward_onboarding_set_uint (self, &self->n_taken, n_taken, ONBOARDING_PROP_N_TAKEN);
  _steward_onboarding_set_uint (self, &self->n_duplicates, n_duplicates,
                                ONBOARDING_PROP_N_DUPLICATES);
  _steward_onboarding_set_uint (self, &self->n_too_long, n_too_long, ONBOARDING_PROP_N_TOO_LONG);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_steward_onboarding_settings_clear (StewardOnboarding *self)
{
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->teams, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->new_group_name, g_free);
  g_clear_pointer (&self->new_group_icon, g_free);
  g_clear_pointer (&self->enrichment_strategy, g_free);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The bulk request for @targets with the settings. The connection is always a saved one by
 * then (see steward-onboarding-create.c). The template goes out with the connection's name
 * written in and "{{ schema }}" spelled the one way every server reads, so what the server
 * names each datastore is what the preview showed. */
StewardDatastoreRequest *
_steward_onboarding_build_request (StewardOnboarding *self,
                                   GPtrArray         *targets)
{
  StewardDatastoreRequest *request = steward_datastore_request_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *template = steward_name_template_render (self->name_template, "{{ schema }}",
                                                            self->connection_name);

  for (guint i = 0; i < targets->len; i++)
    {
      StewardOnboardingTarget *target = g_ptr_array_index (targets, i);

      g_ptr_array_add (names, (gpointer) steward_onboarding_target_get_name (target));
    }
  g_ptr_array_add (names, NULL);

  /* The connection goes in the path (steward_client_bulk_create_async). */
  if (self->dfs)
    steward_datastore_request_set_root_paths (request, (const char * const *) names->pdata);
  else
    {
      if (self->catalog != NULL)
        steward_datastore_request_set_database (request, self->catalog);
      steward_datastore_request_set_schemas (request, (const char * const *) names->pdata);
    }

  steward_datastore_request_set_name_template (request, template);
  if (!is_blank (self->description))
    steward_datastore_request_set_description (request, self->description);
  if (self->teams != NULL && self->teams[0] != NULL)
    steward_datastore_request_set_teams (request, (const char * const *) self->teams);
  if (self->tags != NULL && self->tags[0] != NULL)
    steward_datastore_request_set_tags (request, (const char * const *) self->tags);

  if (self->new_group_name != NULL)
    steward_datastore_request_set_new_group (request, self->new_group_name, self->new_group_icon);
  else if (self->group_id > 0)
    steward_datastore_request_set_group_id (request, self->group_id);

  if (self->enrichment_datastore_id > 0)
    {
      steward_datastore_request_set_enrichment_datastore_id (request,
                                                             self->enrichment_datastore_id);
      steward_datastore_request_set_enrichment_source_record_limit (request,
                                                                    self->enrichment_record_limit);
      steward_datastore_request_set_high_count_rollup_threshold (request,
                                                                 self->enrichment_rollup_threshold);
      if (self->enrichment_strategy != NULL)
        steward_datastore_request_set_enrichment_remediation_strategy (request,
                                                                       self->enrichment_strategy);
    }

  /* Renamed trigger_sync by the client for servers that want it. */
  steward_datastore_request_set_trigger_sync (request, self->trigger_sync);
  return request;
}

/* Public API */

/* Returns: (transfer none): a GListModel of the StewardOnboardingTarget to create, in order */
GListModel *
steward_onboarding_get_plan (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return G_LIST_MODEL (self->plan);
}

/* The selected targets that passed validation become the plan. Created ones stay in it. */
void
steward_onboarding_make_plan (StewardOnboarding *self)
{
  GListModel *targets;
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  targets = G_LIST_MODEL (self->targets);
  n = g_list_model_get_n_items (targets);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (targets, i);
      StewardTargetOutcome outcome = steward_onboarding_target_get_outcome (target);

      if ((steward_onboarding_target_get_selected (target) &&
           steward_onboarding_target_get_check (target) == STEWARD_TARGET_CHECK_PASSED) ||
          outcome == STEWARD_TARGET_OUTCOME_CREATED || outcome == STEWARD_TARGET_OUTCOME_UNKNOWN)
        g_ptr_array_add (plan, g_steal_pointer (&target));
    }

  g_list_store_splice (self->plan, 0, g_list_model_get_n_items (G_LIST_MODEL (self->plan)),
                       plan->pdata, plan->len);
  if (self->name_template == NULL)
    self->name_template = steward_onboarding_dup_default_template (self);
  _steward_onboarding_update_names (self);
}

const char *
steward_onboarding_get_name_template (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->name_template;
}

void
steward_onboarding_set_name_template (StewardOnboarding *self,
                                      const char        *name_template)
{
  g_autofree char *default_template = NULL;

  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  if (g_strcmp0 (self->name_template, name_template) == 0)
    return;

  /* Back to the default, it follows the connection again. */
  default_template = steward_onboarding_dup_default_template (self);
  self->template_edited = g_strcmp0 (name_template, default_template) != 0;
  _steward_onboarding_set_string (self, &self->name_template, name_template,
                                  ONBOARDING_PROP_NAME_TEMPLATE);
  _steward_onboarding_update_names (self);
  steward_onboarding_mark_dirty (self);
}

/* "<connection name>_{{ schema }}", as the server names them when given no template. Returns:
 * (transfer full) */
char *
steward_onboarding_dup_default_template (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);

  if (self->connection_name == NULL || *self->connection_name == '\0')
    return g_strdup ("{{ schema }}");
  return g_strconcat (self->connection_name, "_{{ schema }}", NULL);
}

gboolean
steward_onboarding_get_template_valid (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), FALSE);
  return self->template_valid;
}

guint
steward_onboarding_get_n_taken (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_taken;
}

guint
steward_onboarding_get_n_duplicates (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_duplicates;
}

guint
steward_onboarding_get_n_too_long (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_too_long;
}

void
steward_onboarding_set_description (StewardOnboarding *self,
                                    const char        *description)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  g_free (self->description);
  self->description = g_strstrip (g_strdup (description != NULL ? description : ""));
}

void
steward_onboarding_set_teams (StewardOnboarding  *self,
                              const char * const *teams)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  g_strfreev (self->teams);
  self->teams = g_strdupv ((char **) teams);
}

void
steward_onboarding_set_tags (StewardOnboarding  *self,
                             const char * const *tags)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
}

/* An existing group, or none (0). */
void
steward_onboarding_set_group_id (StewardOnboarding *self,
                                 gint64             group_id)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  self->group_id = MAX (group_id, 0);
  g_clear_pointer (&self->new_group_name, g_free);
  g_clear_pointer (&self->new_group_icon, g_free);
}

/* A group the bulk request creates on the way. */
void
steward_onboarding_set_new_group (StewardOnboarding *self,
                                  const char        *name,
                                  const char        *icon)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  self->group_id = 0;
  g_free (self->new_group_name);
  self->new_group_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_free (self->new_group_icon);
  self->new_group_icon = g_strdup (icon != NULL ? icon : STEWARD_GROUP_ICON_DEFAULT);
}

/* One enrichment datastore for all (0: none), with its settings. */
void
steward_onboarding_set_enrichment (StewardOnboarding *self,
                                   gint64             enrichment_datastore_id,
                                   gint64             source_record_limit,
                                   const char        *remediation_strategy,
                                   gint64             rollup_threshold)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  self->enrichment_datastore_id = MAX (enrichment_datastore_id, 0);
  self->enrichment_record_limit = source_record_limit;
  g_free (self->enrichment_strategy);
  self->enrichment_strategy = g_strdup (remediation_strategy);
  self->enrichment_rollup_threshold = rollup_threshold;
}

void
steward_onboarding_set_trigger_sync (StewardOnboarding *self,
                                     gboolean           trigger_sync)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  self->trigger_sync = !!trigger_sync;
}

/* Whether the plan can be sent as it is; @error lists each problem at its request member
 * ("name_template", "group.name"…), as the client's own checks do. */
gboolean
steward_onboarding_check_settings (StewardOnboarding  *self,
                                   GError            **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(StewardDatastoreRequest) request = NULL;
  guint n;

  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), FALSE);

  if (!self->template_valid)
    {
      g_propagate_error (error, steward_api_error_new_invalid_field ("name_template",
                                                                     _("The name template must "
                                                                       "contain {{ schema }}")));
      return FALSE;
    }
  if (self->n_too_long > 0)
    {
      g_propagate_error (error, steward_api_error_new_invalid_field ("name_template",
                                                                     _("Some names would be longer "
                                                                       "than 255 characters")));
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (targets, g_list_model_get_item (G_LIST_MODEL (self->plan), i));
  request = _steward_onboarding_build_request (self, targets);
  /* A new connection is saved before the request goes out, so the request is always checked as
   * one for an existing connection. */
  return steward_validate_datastore_request (request, STEWARD_REQUEST_BULK_EXISTING_CONNECTION,
                                             error);
}
