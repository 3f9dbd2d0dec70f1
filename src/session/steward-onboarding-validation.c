/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-onboarding-private.h"

/* Validation of the selected schemas (or root paths), in batches of at most
 * STEWARD_VALIDATE_BATCH_MAX, one request after the other, so that each target shows its answer
 * as soon as its batch has one and stopping takes effect at once. Targets keep their answers: a
 * second run asks only about those without one. A batch whose request fails as a whole stops the
 * run, with the server's message; its targets can be asked about again. */

static gboolean
is_counted (StewardOnboardingTarget *target)
{
  StewardTargetCheck check = steward_onboarding_target_get_check (target);

  return check == STEWARD_TARGET_CHECK_PASSED || check == STEWARD_TARGET_CHECK_FAILED;
}

/* The counts are over the selected targets only: those are the ones the user will go on with. */
static void
recount (StewardOnboarding *self)
{
  GListModel *targets = G_LIST_MODEL (self->targets);
  guint n = g_list_model_get_n_items (targets);
  guint to_check = 0, checked = 0, passed = 0, failed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (targets, i);

      if (!steward_onboarding_target_get_selected (target))
        continue;

      to_check++;
      if (is_counted (target))
        checked++;
      if (steward_onboarding_target_get_check (target) == STEWARD_TARGET_CHECK_PASSED)
        passed++;
      else if (steward_onboarding_target_get_check (target) == STEWARD_TARGET_CHECK_FAILED)
        failed++;
    }

  g_object_freeze_notify (G_OBJECT (self));
  _steward_onboarding_set_uint (self, &self->n_to_check, to_check, ONBOARDING_PROP_N_TO_CHECK);
  _steward_onboarding_set_uint (self, &self->n_checked, checked, ONBOARDING_PROP_N_CHECKED);
  _steward_onboarding_set_uint (self, &self->n_passed, passed, ONBOARDING_PROP_N_PASSED);
  _steward_onboarding_set_uint (self, &self->n_failed, failed, ONBOARDING_PROP_N_FAILED);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
finish (StewardOnboarding *self)
{
  g_ptr_array_set_size (self->check_queue, 0);
  recount (self);
  _steward_onboarding_set_boolean (self, &self->validating, FALSE, ONBOARDING_PROP_VALIDATING);
}

static void check_next_batch (StewardOnboarding *self);

typedef struct
{
  StewardOnboarding *self;
  GPtrArray         *batch;   /* StewardOnboardingTarget */
} Batch;

static void
batch_free (Batch *batch)
{
  g_object_unref (batch->self);
  g_ptr_array_unref (batch->batch);
  g_free (batch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Batch, batch_free)

static void
batch_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Batch) batch = user_data;
  StewardOnboarding *self = batch->self;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_name = NULL;

  /* Both forms end in the same finish function. */
  results = steward_client_validate_schemas_finish (STEWARD_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (results == NULL)
    {
      g_autofree char *message = _steward_onboarding_describe_error (error);

      g_debug ("A validation batch failed (%s, code %d)", g_quark_to_string (error->domain),
               error->code);
      for (guint i = 0; i < batch->batch->len; i++)
        _steward_onboarding_target_set_check (g_ptr_array_index (batch->batch, i),
                                              STEWARD_TARGET_CHECK_ERROR, message);
      for (guint i = 0; i < self->check_queue->len; i++)
        _steward_onboarding_target_set_check (g_ptr_array_index (self->check_queue, i),
                                              STEWARD_TARGET_CHECK_NONE, NULL);
      _steward_onboarding_set_string (self, &self->check_error, message,
                                      ONBOARDING_PROP_CHECK_ERROR);
      finish (self);
      return;
    }

  /* The answers are matched by name: a server may answer in another order, leave one out or add
   * one that was not asked about. */
  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      StewardValidationResult *answer = g_list_model_get_item (results, i);
      const char *name = steward_validation_result_get_schema_name (answer);

      if (name == NULL || g_hash_table_contains (by_name, name))
        g_object_unref (answer);
      else
        g_hash_table_insert (by_name, (gpointer) name, answer);
    }

  for (guint i = 0; i < batch->batch->len; i++)
    {
      StewardOnboardingTarget *target = g_ptr_array_index (batch->batch, i);
      const char *name = steward_onboarding_target_get_name (target);
      StewardValidationResult *answer = g_hash_table_lookup (by_name, name);

      if (answer == NULL)
        _steward_onboarding_target_set_check (target, STEWARD_TARGET_CHECK_ERROR,
                                              _("The server did not answer about this one"));
      else if (steward_validation_result_get_success (answer))
        _steward_onboarding_target_set_check (target, STEWARD_TARGET_CHECK_PASSED, NULL);
      else
        {
          const char *message = steward_validation_result_get_message (answer);

          _steward_onboarding_target_set_check (target, STEWARD_TARGET_CHECK_FAILED,
                                                message != NULL && *message != '\0'
                                                ? message : _("The server gave no reason"));
        }
    }

  recount (self);
  check_next_batch (self);
}

static void
check_next_batch (StewardOnboarding *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  Batch *batch;
  guint n;

  if (self->check_queue->len == 0)
    {
      finish (self);
      return;
    }

  n = MIN (self->check_queue->len, STEWARD_VALIDATE_BATCH_MAX);
  batch = g_new0 (Batch, 1);
  batch->self = g_object_ref (self);
  batch->batch = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      StewardOnboardingTarget *target = g_ptr_array_index (self->check_queue, i);

      g_ptr_array_add (batch->batch, g_object_ref (target));
      g_ptr_array_add (names, (gpointer) steward_onboarding_target_get_name (target));
      _steward_onboarding_target_set_check (target, STEWARD_TARGET_CHECK_RUNNING, NULL);
    }
  g_ptr_array_add (names, NULL);
  g_ptr_array_remove_range (self->check_queue, 0, n);

  if (self->dfs)
    steward_client_validate_root_paths_async (self->client, self->connection_id,
                                              self->new_connection,
                                              (const char * const *) names->pdata,
                                              self->validation_cancellable, batch_checked_cb,
                                              batch);
  else
    steward_client_validate_schemas_async (self->client, self->connection_id, self->new_connection,
                                           self->catalog, (const char * const *) names->pdata,
                                           self->validation_cancellable, batch_checked_cb, batch);
}

/* Asks about every selected target that has no answer yet (or whose request failed). */
void
steward_onboarding_validate (StewardOnboarding *self)
{
  GListModel *targets;
  guint n;

  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  g_return_if_fail (steward_onboarding_has_connection (self));

  if (self->validating)
    return;

  targets = G_LIST_MODEL (self->targets);
  n = g_list_model_get_n_items (targets);
  g_ptr_array_set_size (self->check_queue, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (targets, i);

      if (steward_onboarding_target_get_selected (target) && !is_counted (target))
        g_ptr_array_add (self->check_queue, g_steal_pointer (&target));
    }

  g_object_freeze_notify (G_OBJECT (self));
  _steward_onboarding_set_string (self, &self->check_error, NULL, ONBOARDING_PROP_CHECK_ERROR);
  recount (self);
  if (self->check_queue->len > 0)
    {
      if (self->validation_cancellable != NULL)
        g_cancellable_cancel (self->validation_cancellable);
      g_clear_object (&self->validation_cancellable);
      self->validation_cancellable = g_cancellable_new ();
      _steward_onboarding_set_boolean (self, &self->validating, TRUE, ONBOARDING_PROP_VALIDATING);
      check_next_batch (self);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Stops asking; targets whose batch was on its way have no answer. */
void
steward_onboarding_stop_validation (StewardOnboarding *self)
{
  guint n;

  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  if (!self->validating)
    return;

  g_cancellable_cancel (self->validation_cancellable);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target =
        g_list_model_get_item (G_LIST_MODEL (self->targets), i);

      if (steward_onboarding_target_get_check (target) == STEWARD_TARGET_CHECK_RUNNING)
        _steward_onboarding_target_set_check (target, STEWARD_TARGET_CHECK_NONE, NULL);
    }
  finish (self);
}

void
_steward_onboarding_reset_validation (StewardOnboarding *self)
{
  g_ptr_array_set_size (self->check_queue, 0);
  g_object_freeze_notify (G_OBJECT (self));
  _steward_onboarding_set_string (self, &self->check_error, NULL, ONBOARDING_PROP_CHECK_ERROR);
  _steward_onboarding_set_uint (self, &self->n_to_check, 0, ONBOARDING_PROP_N_TO_CHECK);
  _steward_onboarding_set_uint (self, &self->n_checked, 0, ONBOARDING_PROP_N_CHECKED);
  _steward_onboarding_set_uint (self, &self->n_passed, 0, ONBOARDING_PROP_N_PASSED);
  _steward_onboarding_set_uint (self, &self->n_failed, 0, ONBOARDING_PROP_N_FAILED);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
steward_onboarding_get_validating (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), FALSE);
  return self->validating;
}

guint
steward_onboarding_get_n_checked (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_checked;
}

guint
steward_onboarding_get_n_to_check (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_to_check;
}

guint
steward_onboarding_get_n_passed (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_passed;
}

guint
steward_onboarding_get_n_failed (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_failed;
}

const char *
steward_onboarding_get_check_error (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->check_error;
}
