/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-onboarding-private.h"

/* Creating the datastores of the plan with one bulk request, and learning what became of each.
 *
 * A new connection is saved first (POST /connections), so that the bulk request, and any retry,
 * names it by id: sending it inline again would save a second copy of it.
 *
 * The bulk request goes out once. Its answer lists the ids created and the schemas refused; the
 * created datastores are then fetched, matched to their schema (or root path) and added to the
 * deployment. A request refused as a whole (4xx) created nothing, so its targets may be sent
 * again. A request without an answer (the network, a 5xx, a garbled body) may have created some
 * or all: its targets are "unknown", never sent again blindly, and the deployment is refreshed to
 * find which exist now. The answer is always taken in, even after the wizard has closed: the
 * request holds a reference to the onboarding and has no cancellable. */

#define IDS_PER_REQUEST 100

typedef struct
{
  StewardOnboarding *self;
  GArray            *created_ids;   /* gint64, in the server's order */
  guint              next;          /* the first id not fetched yet */
  GPtrArray         *fetched;       /* StewardDatastore */
} Round;

static void
round_free (Round *round)
{
  g_object_unref (round->self);
  g_array_unref (round->created_ids);
  g_ptr_array_unref (round->fetched);
  g_free (round);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Round, round_free)

static Round *
round_new (StewardOnboarding *self)
{
  Round *round = g_new0 (Round, 1);

  round->self = g_object_ref (self);
  round->created_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  round->fetched = g_ptr_array_new_with_free_func (g_object_unref);
  return round;
}

static void
recount (StewardOnboarding *self)
{
  GListModel *plan = G_LIST_MODEL (self->plan);
  guint n = g_list_model_get_n_items (plan);
  guint created = 0, failed = 0, unknown = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (plan, i);

      switch (steward_onboarding_target_get_outcome (target))
        {
        case STEWARD_TARGET_OUTCOME_CREATED:
          created++;
          break;
        case STEWARD_TARGET_OUTCOME_FAILED:
          failed++;
          break;
        case STEWARD_TARGET_OUTCOME_UNKNOWN:
          unknown++;
          break;
        case STEWARD_TARGET_OUTCOME_NONE:
        case STEWARD_TARGET_OUTCOME_SENDING:
        default:
          break;
        }
    }

  g_object_freeze_notify (G_OBJECT (self));
  _steward_onboarding_set_uint (self, &self->n_created, created, ONBOARDING_PROP_N_CREATED);
  _steward_onboarding_set_uint (self, &self->n_create_failed, failed,
                                ONBOARDING_PROP_N_CREATE_FAILED);
  _steward_onboarding_set_uint (self, &self->n_unknown, unknown, ONBOARDING_PROP_N_UNKNOWN);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_error (StewardOnboarding *self,
           const char        *message,
           const GError      *error)
{
  g_clear_error (&self->create_gerror);
  if (error != NULL)
    self->create_gerror = g_error_copy (error);
  _steward_onboarding_set_string (self, &self->create_error, message, ONBOARDING_PROP_CREATE_ERROR);
}

static void
finish_round (StewardOnboarding *self)
{
  g_ptr_array_set_size (self->sending, 0);
  recount (self);
  self->create_finished = g_get_monotonic_time ();
  _steward_onboarding_set_boolean (self, &self->creating, FALSE, ONBOARDING_PROP_CREATING);
  g_debug ("Onboarding round over: %u created, %u failed, %u unknown",
           self->n_created, self->n_create_failed, self->n_unknown);
  _steward_onboarding_emit_finished (self);
}

/* Every target still on its way gets the same outcome. */
static void
settle_sending (StewardOnboarding    *self,
                StewardTargetOutcome  outcome,
                const char           *message)
{
  for (guint i = 0; i < self->sending->len; i++)
    {
      StewardOnboardingTarget *target = g_ptr_array_index (self->sending, i);

      if (steward_onboarding_target_get_outcome (target) == STEWARD_TARGET_OUTCOME_SENDING)
        _steward_onboarding_target_set_outcome (target, outcome, message, 0, NULL);
    }
}

static StewardOnboardingTarget *
find_sending (StewardOnboarding *self,
              const char        *name)
{
  for (guint i = 0; name != NULL && i < self->sending->len; i++)
    {
      StewardOnboardingTarget *target = g_ptr_array_index (self->sending, i);

      if (steward_onboarding_target_get_outcome (target) == STEWARD_TARGET_OUTCOME_SENDING &&
          g_strcmp0 (steward_onboarding_target_get_name (target), name) == 0)
        return target;
    }

  return NULL;
}

/* Whether @datastore reads @target through this onboarding's connection and catalog. */
static gboolean
datastore_reads (StewardOnboarding       *self,
                 StewardDatastore        *datastore,
                 StewardOnboardingTarget *target)
{
  const char *name = steward_onboarding_target_get_name (target);
  gint64 connection_id = steward_datastore_get_connection_id (datastore);
  const char *database = steward_datastore_get_database (datastore);

  if (connection_id > 0 && connection_id != self->connection_id)
    return FALSE;
  if (self->dfs)
    return g_strcmp0 (steward_datastore_get_root_path (datastore), name) == 0;

  return g_strcmp0 (steward_datastore_get_schema (datastore), name) == 0 &&
         (self->catalog == NULL || database == NULL || g_strcmp0 (database, self->catalog) == 0);
}

/* Into the deployment (its group first, when the deployment does not know it yet), so every view
 * shows it; the target points at the shared object's id and name. */
static void
take_created (StewardOnboarding       *self,
              StewardOnboardingTarget *target,
              StewardDatastore        *datastore)
{
  StewardDatastoreGroup *group = steward_datastore_get_group (datastore);
  gint64 id = steward_datastore_get_id (datastore);
  StewardDatastore *shared;
  gint64 group_id = group != NULL ? steward_datastore_group_get_id (group) : 0;

  if (group != NULL && steward_deployment_find_group (self->deployment, group_id) == NULL)
    steward_deployment_add_group (self->deployment, group);
  shared = steward_deployment_apply_datastore (self->deployment, datastore);
  if (shared == NULL)
    shared = datastore;

  _steward_onboarding_target_set_outcome (target, STEWARD_TARGET_OUTCOME_CREATED, NULL, id,
                                          steward_datastore_get_name (shared));
}

static void reconcile (StewardOnboarding *self);

/* What the fetched datastores do not tell: ids the server gave for targets it did not describe
 * go to the remaining targets in order, the order the server creates them in, when the numbers
 * agree. Otherwise the remaining targets are unknown, and the deployment is asked. */
static void
settle_round (Round *round)
{
  StewardOnboarding *self = round->self;
  g_autoptr(GHashTable) matched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) left_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) left_targets = g_ptr_array_new ();

  for (guint i = 0; i < round->fetched->len; i++)
    {
      StewardDatastore *datastore = g_ptr_array_index (round->fetched, i);

      for (guint t = 0; t < self->sending->len; t++)
        {
          StewardOnboardingTarget *target = g_ptr_array_index (self->sending, t);

          if (steward_onboarding_target_get_outcome (target) != STEWARD_TARGET_OUTCOME_SENDING ||
              !datastore_reads (self, datastore, target))
            continue;

          take_created (self, target, datastore);
          g_hash_table_add (matched, g_memdup2 (&(gint64) { steward_datastore_get_id (datastore) },
                                                sizeof (gint64)));
          break;
        }
    }

  for (guint i = 0; i < round->created_ids->len; i++)
    if (!g_hash_table_contains (matched, &g_array_index (round->created_ids, gint64, i)))
      g_array_append_val (left_ids, g_array_index (round->created_ids, gint64, i));
  for (guint t = 0; t < self->sending->len; t++)
    if (steward_onboarding_target_get_outcome (g_ptr_array_index (self->sending, t)) ==
        STEWARD_TARGET_OUTCOME_SENDING)
      g_ptr_array_add (left_targets, g_ptr_array_index (self->sending, t));

  if (left_targets->len == 0)
    {
      finish_round (self);
      return;
    }

  if (left_targets->len == left_ids->len)
    {
      for (guint t = 0; t < left_targets->len; t++)
        {
          StewardOnboardingTarget *target = g_ptr_array_index (left_targets, t);
          gint64 id = g_array_index (left_ids, gint64, t);
          StewardDatastore *known = steward_deployment_find_datastore (self->deployment, id);
          const char *name = known != NULL ? steward_datastore_get_name (known)
                                           : steward_onboarding_target_get_planned_name (target);

          _steward_onboarding_target_set_outcome (target, STEWARD_TARGET_OUTCOME_CREATED, NULL, id,
                                                  name);
        }
      finish_round (self);
      return;
    }

  settle_sending (self, STEWARD_TARGET_OUTCOME_UNKNOWN,
                  _("The server’s answer does not say what became of this one"));
  reconcile (self);
}

static void fetch_next (Round *round);

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Round) round = user_data;
  g_autoptr(StewardDatastorePage) page = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;

  page = steward_client_list_datastores_finish (STEWARD_CLIENT (object), result, &error);
  if (page == NULL)
    {
      /* The ids are known; only the details are missing. */
      g_debug ("Could not fetch the created datastores (%s, code %d)",
               g_quark_to_string (error->domain), error->code);
      settle_round (round);
      return;
    }

  items = steward_datastore_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (round->fetched, g_list_model_get_item (items, i));
  fetch_next (g_steal_pointer (&round));
}

static void
fetch_next (Round *round)
{
  g_autoptr(StewardDatastoreQuery) query = NULL;
  StewardOnboarding *self = round->self;
  guint end;

  if (round->next >= round->created_ids->len)
    {
      settle_round (round);
      round_free (round);
      return;
    }

  query = steward_datastore_query_new ();
  end = MIN (round->next + IDS_PER_REQUEST, round->created_ids->len);
  for (; round->next < end; round->next++)
    steward_datastore_query_add_id (query, g_array_index (round->created_ids, gint64, round->next));
  steward_client_list_datastores_async (self->client, query, 1, IDS_PER_REQUEST, NULL, fetched_cb,
                                        round);
}

/* A group made on the way by the first request is named by id from then on: sending it again
 * would be refused as taken. */
static void
groups_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Round) round = user_data;
  StewardOnboarding *self = round->self;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted =
    self->new_group_name != NULL ? g_utf8_casefold (self->new_group_name, -1)
                                                         : NULL;

  groups = steward_client_list_groups_finish (STEWARD_CLIENT (object), result, &error);
  for (guint i = 0; groups != NULL && wanted != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *name = g_utf8_casefold (steward_datastore_group_get_name (group) != NULL
                                               ? steward_datastore_group_get_name (group) : "", -1);

      if (g_strcmp0 (name, wanted) != 0)
        continue;

      if (steward_deployment_find_group (self->deployment,
                                         steward_datastore_group_get_id (group)) == NULL)
        steward_deployment_add_group (self->deployment, group);
      steward_onboarding_set_group_id (self, steward_datastore_group_get_id (group));
      break;
    }

  fetch_next (g_steal_pointer (&round));
}

/* Refused as a whole: nothing was created, whatever the status (the server checks everything
 * before it changes anything). */
static gboolean
is_refusal (const GError *error)
{
  if (error->domain != STEWARD_API_ERROR)
    return FALSE;

  switch (error->code)
    {
    case STEWARD_API_ERROR_UNAUTHORIZED:
    case STEWARD_API_ERROR_FORBIDDEN:
    case STEWARD_API_ERROR_NOT_FOUND:
    case STEWARD_API_ERROR_CONFLICT:
    case STEWARD_API_ERROR_INVALID:
    case STEWARD_API_ERROR_BAD_REQUEST:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
bulk_created_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Round) round = user_data;
  StewardOnboarding *self = round->self;
  g_autoptr(StewardBulkResult) bulk = NULL;
  g_autoptr(GError) error = NULL;

  bulk = steward_client_bulk_create_finish (STEWARD_CLIENT (object), result, &error);
  if (bulk == NULL)
    {
      g_autofree char *message = _steward_onboarding_describe_error (error);

      g_debug ("The bulk request failed (%s, code %d)", g_quark_to_string (error->domain),
               error->code);
      set_error (self, message, error);
      if (is_refusal (error))
        {
          settle_sending (self, STEWARD_TARGET_OUTCOME_FAILED, message);
          finish_round (self);
        }
      else
        {
          settle_sending (self, STEWARD_TARGET_OUTCOME_UNKNOWN, message);
          reconcile (self);
        }
      return;
    }

  for (guint i = 0; i < steward_bulk_result_get_n_errors (bulk); i++)
    {
      StewardOnboardingTarget *target =
        find_sending (self, steward_bulk_result_get_error_schema (bulk, i));
      const char *message = steward_bulk_result_get_error_message (bulk, i);

      if (target != NULL)
        _steward_onboarding_target_set_outcome (target, STEWARD_TARGET_OUTCOME_FAILED,
                                                message != NULL && *message != '\0'
                                                ? message : _("The server gave no reason"),
                                                0, NULL);
    }
  for (guint i = 0; i < steward_bulk_result_get_n_created (bulk); i++)
    {
      gint64 id = steward_bulk_result_get_created_id (bulk, i);

      g_array_append_val (round->created_ids, id);
    }

  if (self->new_group_name != NULL)
    steward_client_list_groups_async (self->client, NULL, groups_listed_cb,
                                      g_steal_pointer (&round));
  else
    fetch_next (g_steal_pointer (&round));
}

static void
send_bulk (StewardOnboarding *self,
           GPtrArray         *targets)
{
  g_autoptr(StewardDatastoreRequest) request = NULL;
  GListModel *datastores = steward_deployment_get_datastores (self->deployment);
  guint n = g_list_model_get_n_items (datastores);

  g_ptr_array_set_size (self->sending, 0);
  for (guint i = 0; i < targets->len; i++)
    {
      StewardOnboardingTarget *target = g_ptr_array_index (targets, i);

      g_ptr_array_add (self->sending, g_object_ref (target));
      _steward_onboarding_target_set_outcome (target, STEWARD_TARGET_OUTCOME_SENDING, NULL, 0,
                                              NULL);
    }

  /* What existed before, so that finding out what an unanswered request did never mistakes an
   * older datastore for a new one. */
  g_clear_pointer (&self->known_before, g_hash_table_unref);
  self->known_before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);

      g_hash_table_add (self->known_before,
                        g_memdup2 (&(gint64) { steward_datastore_get_id (datastore) },
                                                       sizeof (gint64)));
    }

  request = _steward_onboarding_build_request (self, targets);
  _steward_onboarding_set_boolean (self, &self->sent, TRUE, ONBOARDING_PROP_SENT);
  recount (self);
  g_debug ("Sending one bulk request for %u targets", targets->len);
  steward_client_bulk_create_async (self->client, self->connection_id, request, NULL,
                                    bulk_created_cb, round_new (self));
}

typedef struct
{
  StewardOnboarding *self;
  GPtrArray         *targets;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_ptr_array_unref (pending->targets);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
connection_saved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  StewardOnboarding *self = pending->self;
  g_autoptr(StewardConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = steward_client_create_connection_finish (STEWARD_CLIENT (object), result, &error);
  if (connection == NULL || steward_connection_get_id (connection) <= 0)
    {
      g_autofree char *reason = error != NULL ? _steward_onboarding_describe_error (error)
                                              : g_strdup (_("The server’s answer has no id"));
      /* Translators: %s says why, in the server's words. */
      g_autofree char *message = g_strdup_printf (_("The connection could not be saved: %s"),
                                                  reason);

      set_error (self, message, error);
      for (guint i = 0; i < pending->targets->len; i++)
        _steward_onboarding_target_set_outcome (g_ptr_array_index (pending->targets, i),
                                                STEWARD_TARGET_OUTCOME_FAILED,
                                                _("Not sent: the connection could not be saved"),
                                                0, NULL);
      finish_round (self);
      return;
    }

  /* Saved: from now on it is an existing connection, and its secrets leave memory. */
  g_debug ("Saved the new connection as %" G_GINT64_FORMAT, steward_connection_get_id (connection));
  g_clear_pointer (&self->new_connection, json_object_unref);
  self->connection_id = steward_connection_get_id (connection);
  g_list_store_append (self->connections, connection);
  _steward_onboarding_notify (self, ONBOARDING_PROP_CONNECTION_ID);
  send_bulk (self, pending->targets);
}

static void
start (StewardOnboarding *self,
       gboolean           failed_only)
{
  GListModel *plan = G_LIST_MODEL (self->plan);
  guint n = g_list_model_get_n_items (plan);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->creating || !steward_onboarding_has_connection (self))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (plan, i);
      StewardTargetOutcome outcome = steward_onboarding_target_get_outcome (target);

      if (outcome == STEWARD_TARGET_OUTCOME_FAILED ||
          (!failed_only && outcome == STEWARD_TARGET_OUTCOME_NONE))
        g_ptr_array_add (targets, g_steal_pointer (&target));
    }
  if (targets->len == 0)
    return;

  self->create_started = g_get_monotonic_time ();
  self->create_finished = 0;
  set_error (self, NULL, NULL);
  _steward_onboarding_set_boolean (self, &self->creating, TRUE, ONBOARDING_PROP_CREATING);

  if (self->connection_id <= 0)
    {
      Pending *pending = g_new0 (Pending, 1);

      pending->self = g_object_ref (self);
      pending->targets = g_ptr_array_ref (targets);
      for (guint i = 0; i < targets->len; i++)
        _steward_onboarding_target_set_outcome (g_ptr_array_index (targets, i),
                                                STEWARD_TARGET_OUTCOME_SENDING, NULL, 0, NULL);
      steward_client_create_connection_async (self->client, self->new_connection, NULL,
                                              connection_saved_cb, pending);
      return;
    }

  send_bulk (self, targets);
}

/* Finding out what a request without an answer created */

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StewardOnboarding) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *datastores = steward_deployment_get_datastores (self->deployment);
  guint n_datastores = g_list_model_get_n_items (datastores);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plan));

  if (!steward_deployment_refresh_finish (STEWARD_DEPLOYMENT (object), result, &error))
    {
      g_autofree char *reason = _steward_onboarding_describe_error (error);
      /* Translators: %s says why, in the server's words. */
      g_autofree char *message =
        g_strdup_printf (_("Could not find out what the server created: %s"),
                                                  reason);

      set_error (self, message, error);
      finish_round (self);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target =
        g_list_model_get_item (G_LIST_MODEL (self->plan), i);
      StewardDatastore *found = NULL;

      if (steward_onboarding_target_get_outcome (target) != STEWARD_TARGET_OUTCOME_UNKNOWN)
        continue;

      for (guint d = 0; d < n_datastores && found == NULL; d++)
        {
          g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, d);
          gint64 id = steward_datastore_get_id (datastore);

          if (!g_hash_table_contains (self->known_before, &id) &&
              steward_datastore_get_connection_id (datastore) == self->connection_id &&
              datastore_reads (self, datastore, target))
            found = datastore;
        }

      if (found != NULL)
        _steward_onboarding_target_set_outcome (target, STEWARD_TARGET_OUTCOME_CREATED, NULL,
                                                steward_datastore_get_id (found),
                                                steward_datastore_get_name (found));
      else
        _steward_onboarding_target_set_outcome (target, STEWARD_TARGET_OUTCOME_FAILED,
                                                _("Not created: the server did not answer, and has "
                                                  "no datastore for it"),
                                                0, NULL);
    }

  finish_round (self);
}

static void
reconcile (StewardOnboarding *self)
{
  g_ptr_array_set_size (self->sending, 0);
  _steward_onboarding_set_boolean (self, &self->creating, TRUE, ONBOARDING_PROP_CREATING);
  if (self->known_before == NULL)
    self->known_before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  steward_deployment_refresh_async (self->deployment, NULL, refreshed_cb, g_object_ref (self));
}

void
_steward_onboarding_create_clear (StewardOnboarding *self)
{
  g_ptr_array_set_size (self->sending, 0);
  g_object_freeze_notify (G_OBJECT (self));
  _steward_onboarding_set_boolean (self, &self->sent, FALSE, ONBOARDING_PROP_SENT);
  _steward_onboarding_set_uint (self, &self->n_created, 0, ONBOARDING_PROP_N_CREATED);
  _steward_onboarding_set_uint (self, &self->n_create_failed, 0, ONBOARDING_PROP_N_CREATE_FAILED);
  _steward_onboarding_set_uint (self, &self->n_unknown, 0, ONBOARDING_PROP_N_UNKNOWN);
  set_error (self, NULL, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Public API */

/* Sends the plan's targets that were never sent or that failed, in one bulk request (after
 * saving a new connection). */
void
steward_onboarding_create (StewardOnboarding *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  start (self, FALSE);
}

/* Sends the targets that failed, and only those, in a new bulk request. */
void
steward_onboarding_retry_failed (StewardOnboarding *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  start (self, TRUE);
}

/* Asks the deployment again which of the targets without an answer exist now. */
void
steward_onboarding_reconcile (StewardOnboarding *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  if (self->creating || self->n_unknown == 0)
    return;

  self->create_started = g_get_monotonic_time ();
  set_error (self, NULL, NULL);
  reconcile (self);
}

gboolean
steward_onboarding_get_creating (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), FALSE);
  return self->creating;
}

gboolean
steward_onboarding_get_sent (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), FALSE);
  return self->sent;
}

guint
steward_onboarding_get_n_created (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_created;
}

guint
steward_onboarding_get_n_create_failed (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_create_failed;
}

guint
steward_onboarding_get_n_unknown (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_unknown;
}

/* Returns: (nullable): why the last request failed as a whole */
const char *
steward_onboarding_get_create_error (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->create_error;
}

/* Returns: (nullable): the same as a GError, whose field errors (a 422) say which setting */
const GError *
steward_onboarding_get_create_gerror (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->create_gerror;
}

/* Monotonic times (µs) of the start and end of the last round; 0 while it runs. */
gint64
steward_onboarding_get_create_started (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->create_started;
}

gint64
steward_onboarding_get_create_finished (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->create_finished;
}
