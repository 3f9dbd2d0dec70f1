/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steward-onboarding-private.h"

/* The state of one multi-schema onboarding, which the wizard's pages show and change: the
 * connection, the catalog, the schemas (or root paths) and what validating and creating each
 * gave. Every request goes through the deployment's client, and created datastores and groups
 * land in the deployment, so the browser shows them at once.
 *
 * Each step depends on the ones before it: choosing another connection forgets the catalogs and
 * schemas found through the old one, choosing another catalog forgets the schemas. Coming back
 * to a step without changing it keeps everything, validation results included.
 *
 * The server is not trusted: lists are capped, repeated names kept once, and a discovery failure
 * is a state with the server's message, never an empty list. */

#define MAX_TARGETS 20000
#define MAX_TARGET_LENGTH 1024
#define MAX_EXISTING_NAMES 20

G_DEFINE_FINAL_TYPE (StewardOnboarding, steward_onboarding, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (StewardLoadState, steward_load_state,
                    G_DEFINE_ENUM_VALUE (STEWARD_LOAD_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (STEWARD_LOAD_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (STEWARD_LOAD_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (STEWARD_LOAD_FAILED, "failed"))

static GParamSpec *properties[ONBOARDING_N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Shared with the other files */

void
_steward_onboarding_notify (StewardOnboarding  *self,
                            OnboardingProperty  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_steward_onboarding_set_string (StewardOnboarding   *self,
                                char               **field,
                                const char          *value,
                                OnboardingProperty   prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  _steward_onboarding_notify (self, prop);
}

void
_steward_onboarding_set_uint (StewardOnboarding  *self,
                              guint              *field,
                              guint               value,
                              OnboardingProperty  prop)
{
  if (*field == value)
    return;

  *field = value;
  _steward_onboarding_notify (self, prop);
}

void
_steward_onboarding_set_boolean (StewardOnboarding  *self,
                                 gboolean           *field,
                                 gboolean            value,
                                 OnboardingProperty  prop)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  _steward_onboarding_notify (self, prop);
}

/* The text to show for a failed request: the server's own words, with what is missing first
 * when the role does not allow it. */
char *
_steward_onboarding_describe_error (const GError *error)
{
  if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
    return steward_forbidden_message (STEWARD_ACTION_ONBOARD_SCHEMAS, error);

  return g_strdup (error->message);
}

void
_steward_onboarding_emit_finished (StewardOnboarding *self)
{
  g_signal_emit (self, signals[FINISHED], 0);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
restart_cancellable (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

static void
set_state (StewardOnboarding  *self,
           StewardLoadState   *field,
           StewardLoadState    state,
           OnboardingProperty  prop)
{
  if (*field == state)
    return;

  *field = state;
  _steward_onboarding_notify (self, prop);
}

/* The schemas or root paths, forgotten with everything learnt about them. */

static void
target_selected_cb (StewardOnboardingTarget *target,
                    GParamSpec              *pspec,
                    StewardOnboarding       *self)
{
  if (steward_onboarding_target_get_selected (target))
    self->n_selected++;
  else if (self->n_selected > 0)
    self->n_selected--;

  _steward_onboarding_notify (self, ONBOARDING_PROP_N_SELECTED);
  _steward_onboarding_set_boolean (self, &self->dirty, TRUE, ONBOARDING_PROP_DIRTY);
}

static void
clear_targets (StewardOnboarding *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));

  if (self->targets_cancellable != NULL)
    g_cancellable_cancel (self->targets_cancellable);
  steward_onboarding_stop_validation (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target =
        g_list_model_get_item (G_LIST_MODEL (self->targets), i);

      g_signal_handlers_disconnect_by_data (target, self);
    }
  g_list_store_remove_all (self->plan);
  g_list_store_remove_all (self->targets);
  _steward_onboarding_reset_validation (self);
  _steward_onboarding_create_clear (self);
  _steward_onboarding_set_uint (self, &self->n_selected, 0, ONBOARDING_PROP_N_SELECTED);
  set_state (self, &self->targets_state, STEWARD_LOAD_IDLE, ONBOARDING_PROP_TARGETS_STATE);
  _steward_onboarding_set_string (self, &self->targets_error, NULL, ONBOARDING_PROP_TARGETS_ERROR);
}

static void
add_targets (StewardOnboarding *self,
             GPtrArray         *targets)
{
  guint n_selected = self->n_selected;

  for (guint i = 0; i < targets->len; i++)
    {
      StewardOnboardingTarget *target = g_ptr_array_index (targets, i);

      if (steward_onboarding_target_get_selected (target))
        n_selected++;
      g_signal_connect (target, "notify::selected", G_CALLBACK (target_selected_cb), self);
    }

  g_list_store_splice (self->targets, g_list_model_get_n_items (G_LIST_MODEL (self->targets)), 0,
                       targets->pdata, targets->len);
  _steward_onboarding_set_uint (self, &self->n_selected, n_selected, ONBOARDING_PROP_N_SELECTED);
}

static void
clear_catalogs (StewardOnboarding *self)
{
  if (self->catalogs_cancellable != NULL)
    g_cancellable_cancel (self->catalogs_cancellable);
  g_list_store_remove_all (self->catalogs);
  set_state (self, &self->catalogs_state, STEWARD_LOAD_IDLE, ONBOARDING_PROP_CATALOGS_STATE);
  _steward_onboarding_set_string (self, &self->catalogs_error, NULL,
                                  ONBOARDING_PROP_CATALOGS_ERROR);
  _steward_onboarding_set_string (self, &self->catalog, NULL, ONBOARDING_PROP_CATALOG);
}

/* The connection's name names the datastores by default, so a template the user has not edited
 * follows the connection. */
static void
update_default_template (StewardOnboarding *self)
{
  g_autofree char *template = NULL;

  if (self->template_edited)
    return;

  template = steward_onboarding_dup_default_template (self);
  _steward_onboarding_set_string (self, &self->name_template, template,
                                  ONBOARDING_PROP_NAME_TEMPLATE);
  _steward_onboarding_update_names (self);
}

static void
set_connection (StewardOnboarding *self,
                gint64             connection_id,
                JsonObject        *new_connection,
                const char        *name,
                const char        *type)
{
  gboolean had = steward_onboarding_has_connection (self);

  g_object_freeze_notify (G_OBJECT (self));

  clear_targets (self);
  clear_catalogs (self);

  g_clear_pointer (&self->new_connection, json_object_unref);
  self->new_connection = new_connection != NULL ? json_object_ref (new_connection) : NULL;
  if (self->connection_id != connection_id)
    {
      self->connection_id = connection_id;
      _steward_onboarding_notify (self, ONBOARDING_PROP_CONNECTION_ID);
    }
  _steward_onboarding_set_string (self, &self->connection_name, name,
                                  ONBOARDING_PROP_CONNECTION_NAME);
  _steward_onboarding_set_string (self, &self->connector_type, type,
                                  ONBOARDING_PROP_CONNECTOR_TYPE);
  _steward_onboarding_set_boolean (self, &self->dfs,
                                   type != NULL && steward_connector_type_is_dfs (type),
                                   ONBOARDING_PROP_DFS);
  if (had != steward_onboarding_has_connection (self))
    _steward_onboarding_notify (self, ONBOARDING_PROP_HAS_CONNECTION);
  update_default_template (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/* Callbacks */

static void
connections_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(StewardOnboarding) self = user_data;
  g_autoptr(GListModel) connections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  connections = steward_client_list_connections_finish (STEWARD_CLIENT (object), result, &error);
  if (is_cancelled (error))
    return;

  if (connections == NULL)
    {
      message = _steward_onboarding_describe_error (error);
      _steward_onboarding_set_string (self, &self->connections_error, message,
                                      ONBOARDING_PROP_CONNECTIONS_ERROR);
      set_state (self, &self->connections_state, STEWARD_LOAD_FAILED,
                 ONBOARDING_PROP_CONNECTIONS_STATE);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (connections) && i < MAX_TARGETS; i++)
    g_ptr_array_add (items, g_list_model_get_item (connections, i));
  g_list_store_splice (self->connections, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->connections)),
                       items->pdata, items->len);
  _steward_onboarding_set_string (self, &self->connections_error, NULL,
                                  ONBOARDING_PROP_CONNECTIONS_ERROR);
  set_state (self, &self->connections_state, STEWARD_LOAD_DONE, ONBOARDING_PROP_CONNECTIONS_STATE);
}

static void
catalogs_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(StewardOnboarding) self = user_data;
  g_autoptr(GListModel) catalogs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  catalogs = steward_client_discover_catalogs_finish (STEWARD_CLIENT (object), result, &error);
  if (is_cancelled (error))
    return;

  if (catalogs == NULL)
    {
      g_autofree char *message = _steward_onboarding_describe_error (error);

      g_debug ("Catalog discovery failed (%s, code %d)", g_quark_to_string (error->domain),
               error->code);
      _steward_onboarding_set_string (self, &self->catalogs_error, message,
                                      ONBOARDING_PROP_CATALOGS_ERROR);
      set_state (self, &self->catalogs_state, STEWARD_LOAD_FAILED, ONBOARDING_PROP_CATALOGS_STATE);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (catalogs) && items->len < MAX_TARGETS; i++)
    {
      g_autoptr(StewardDiscoveredItem) item = g_list_model_get_item (catalogs, i);
      const char *name = steward_discovered_item_get_name (item);

      if (name == NULL || *name == '\0' || strlen (name) > MAX_TARGET_LENGTH ||
          !g_hash_table_add (seen, (gpointer) name))
        continue;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  g_list_store_splice (self->catalogs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->catalogs)),
                       items->pdata, items->len);
  _steward_onboarding_set_string (self, &self->catalogs_error, NULL,
                                  ONBOARDING_PROP_CATALOGS_ERROR);
  set_state (self, &self->catalogs_state, STEWARD_LOAD_DONE, ONBOARDING_PROP_CATALOGS_STATE);
}

static GStrv
existing_names (StewardDiscoveredItem *item)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = MIN (steward_discovered_item_get_n_existing (item), MAX_EXISTING_NAMES);

  for (guint i = 0; i < n; i++)
    {
      const char *name = steward_discovered_item_get_existing_name (item, i);

      g_strv_builder_add (builder, name != NULL && *name != '\0' ? name : "?");
    }

  return g_strv_builder_end (builder);
}

static void
schemas_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StewardOnboarding) self = user_data;
  g_autoptr(GListModel) schemas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  schemas = steward_client_discover_schemas_finish (STEWARD_CLIENT (object), result, &error);
  if (is_cancelled (error))
    return;

  if (schemas == NULL)
    {
      g_autofree char *message = _steward_onboarding_describe_error (error);

      _steward_onboarding_set_string (self, &self->targets_error, message,
                                      ONBOARDING_PROP_TARGETS_ERROR);
      set_state (self, &self->targets_state, STEWARD_LOAD_FAILED, ONBOARDING_PROP_TARGETS_STATE);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (schemas) && targets->len < MAX_TARGETS; i++)
    {
      g_autoptr(StewardDiscoveredItem) item = g_list_model_get_item (schemas, i);
      const char *name = steward_discovered_item_get_name (item);
      StewardOnboardingTarget *target;

      if (name == NULL || *name == '\0' || strlen (name) > MAX_TARGET_LENGTH ||
          !g_hash_table_add (seen, (gpointer) name))
        continue;

      target = steward_onboarding_target_new (name, name);
      _steward_onboarding_target_set_existing (target, existing_names (item));
      /* Schemas that datastores already read start unselected, as the reference's script
       * skips them: onboarding them again is rarely what is wanted. */
      steward_onboarding_target_set_selected (target,
                                              steward_discovered_item_get_n_existing (item) == 0);
      g_ptr_array_add (targets, target);
    }

  add_targets (self, targets);
  set_state (self, &self->targets_state, STEWARD_LOAD_DONE, ONBOARDING_PROP_TARGETS_STATE);
}

/* GObject */

static void
steward_onboarding_dispose (GObject *object)
{
  StewardOnboarding *self = STEWARD_ONBOARDING (object);

  steward_onboarding_cancel (self);
  if (self->targets != NULL)
    clear_targets (self);
  g_clear_pointer (&self->new_connection, json_object_unref);
  g_clear_object (&self->connections_cancellable);
  g_clear_object (&self->catalogs_cancellable);
  g_clear_object (&self->targets_cancellable);
  g_clear_object (&self->validation_cancellable);
  g_clear_object (&self->connections);
  g_clear_object (&self->catalogs);
  g_clear_object (&self->targets);
  g_clear_object (&self->plan);
  g_clear_object (&self->client);
  g_clear_object (&self->deployment);

  G_OBJECT_CLASS (steward_onboarding_parent_class)->dispose (object);
}

static void
steward_onboarding_finalize (GObject *object)
{
  StewardOnboarding *self = STEWARD_ONBOARDING (object);

  g_free (self->connections_error);
  g_free (self->connection_name);
  g_free (self->connector_type);
  g_free (self->catalogs_error);
  g_free (self->catalog);
  g_free (self->targets_error);
  g_free (self->check_error);
  g_clear_pointer (&self->check_queue, g_ptr_array_unref);
  g_free (self->name_template);
  _steward_onboarding_settings_clear (self);
  g_free (self->create_error);
  g_clear_error (&self->create_gerror);
  g_clear_pointer (&self->sending, g_ptr_array_unref);
  g_clear_pointer (&self->known_before, g_hash_table_unref);

  G_OBJECT_CLASS (steward_onboarding_parent_class)->finalize (object);
}

static void
steward_onboarding_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StewardOnboarding *self = STEWARD_ONBOARDING (object);

  switch ((OnboardingProperty) prop_id)
    {
    case ONBOARDING_PROP_DEPLOYMENT:
      g_value_set_object (value, self->deployment);
      break;
    case ONBOARDING_PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case ONBOARDING_PROP_CONNECTIONS_STATE:
      g_value_set_enum (value, self->connections_state);
      break;
    case ONBOARDING_PROP_CONNECTIONS_ERROR:
      g_value_set_string (value, self->connections_error);
      break;
    case ONBOARDING_PROP_HAS_CONNECTION:
      g_value_set_boolean (value, steward_onboarding_has_connection (self));
      break;
    case ONBOARDING_PROP_CONNECTION_ID:
      g_value_set_int64 (value, self->connection_id);
      break;
    case ONBOARDING_PROP_CONNECTION_NAME:
      g_value_set_string (value, self->connection_name);
      break;
    case ONBOARDING_PROP_CONNECTOR_TYPE:
      g_value_set_string (value, self->connector_type);
      break;
    case ONBOARDING_PROP_DFS:
      g_value_set_boolean (value, self->dfs);
      break;
    case ONBOARDING_PROP_CATALOGS_STATE:
      g_value_set_enum (value, self->catalogs_state);
      break;
    case ONBOARDING_PROP_CATALOGS_ERROR:
      g_value_set_string (value, self->catalogs_error);
      break;
    case ONBOARDING_PROP_CATALOG:
      g_value_set_string (value, self->catalog);
      break;
    case ONBOARDING_PROP_TARGETS_STATE:
      g_value_set_enum (value, self->targets_state);
      break;
    case ONBOARDING_PROP_TARGETS_ERROR:
      g_value_set_string (value, self->targets_error);
      break;
    case ONBOARDING_PROP_N_SELECTED:
      g_value_set_uint (value, self->n_selected);
      break;
    case ONBOARDING_PROP_VALIDATING:
      g_value_set_boolean (value, self->validating);
      break;
    case ONBOARDING_PROP_N_TO_CHECK:
      g_value_set_uint (value, self->n_to_check);
      break;
    case ONBOARDING_PROP_N_CHECKED:
      g_value_set_uint (value, self->n_checked);
      break;
    case ONBOARDING_PROP_N_PASSED:
      g_value_set_uint (value, self->n_passed);
      break;
    case ONBOARDING_PROP_N_FAILED:
      g_value_set_uint (value, self->n_failed);
      break;
    case ONBOARDING_PROP_CHECK_ERROR:
      g_value_set_string (value, self->check_error);
      break;
    case ONBOARDING_PROP_NAME_TEMPLATE:
      g_value_set_string (value, self->name_template);
      break;
    case ONBOARDING_PROP_TEMPLATE_VALID:
      g_value_set_boolean (value, self->template_valid);
      break;
    case ONBOARDING_PROP_N_TAKEN:
      g_value_set_uint (value, self->n_taken);
      break;
    case ONBOARDING_PROP_N_DUPLICATES:
      g_value_set_uint (value, self->n_duplicates);
      break;
    case ONBOARDING_PROP_N_TOO_LONG:
      g_value_set_uint (value, self->n_too_long);
      break;
    case ONBOARDING_PROP_CREATING:
      g_value_set_boolean (value, self->creating);
      break;
    case ONBOARDING_PROP_SENT:
      g_value_set_boolean (value, self->sent);
      break;
    case ONBOARDING_PROP_N_CREATED:
      g_value_set_uint (value, self->n_created);
      break;
    case ONBOARDING_PROP_N_CREATE_FAILED:
      g_value_set_uint (value, self->n_create_failed);
      break;
    case ONBOARDING_PROP_N_UNKNOWN:
      g_value_set_uint (value, self->n_unknown);
      break;
    case ONBOARDING_PROP_CREATE_ERROR:
      g_value_set_string (value, self->create_error);
      break;
    case ONBOARDING_PROP_0:
    case ONBOARDING_N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StewardOnboarding *self = STEWARD_ONBOARDING (object);

  switch (prop_id)
    {
    case ONBOARDING_PROP_DEPLOYMENT:
      self->deployment = g_value_dup_object (value);
      break;
    case ONBOARDING_PROP_CATALOG:
      steward_onboarding_set_catalog (self, g_value_get_string (value));
      break;
    case ONBOARDING_PROP_NAME_TEMPLATE:
      steward_onboarding_set_name_template (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_constructed (GObject *object)
{
  StewardOnboarding *self = STEWARD_ONBOARDING (object);

  G_OBJECT_CLASS (steward_onboarding_parent_class)->constructed (object);

  g_assert (STEWARD_IS_DEPLOYMENT (self->deployment));
  self->client = g_object_ref (steward_deployment_get_client (self->deployment));
}

#define STATE_SPEC(name) \
  g_param_spec_enum (name, NULL, NULL, STEWARD_TYPE_LOAD_STATE, STEWARD_LOAD_IDLE, flags)
#define UINT_SPEC(name) g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, flags)
#define BOOLEAN_SPEC(name) g_param_spec_boolean (name, NULL, NULL, FALSE, flags)
#define STRING_SPEC(name) g_param_spec_string (name, NULL, NULL, NULL, flags)

static void
steward_onboarding_class_init (StewardOnboardingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = steward_onboarding_constructed;
  object_class->dispose = steward_onboarding_dispose;
  object_class->finalize = steward_onboarding_finalize;
  object_class->get_property = steward_onboarding_get_property;
  object_class->set_property = steward_onboarding_set_property;

  properties[ONBOARDING_PROP_DEPLOYMENT] =
    g_param_spec_object ("deployment", NULL, NULL, STEWARD_TYPE_DEPLOYMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Something was chosen or typed: closing should ask first. */
  properties[ONBOARDING_PROP_DIRTY] = BOOLEAN_SPEC ("dirty");
  properties[ONBOARDING_PROP_CONNECTIONS_STATE] = STATE_SPEC ("connections-state");
  properties[ONBOARDING_PROP_CONNECTIONS_ERROR] = STRING_SPEC ("connections-error");
  properties[ONBOARDING_PROP_HAS_CONNECTION] = BOOLEAN_SPEC ("has-connection");
  /* 0 for a new connection, until creating saves it. */
  properties[ONBOARDING_PROP_CONNECTION_ID] =
    g_param_spec_int64 ("connection-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[ONBOARDING_PROP_CONNECTION_NAME] = STRING_SPEC ("connection-name");
  properties[ONBOARDING_PROP_CONNECTOR_TYPE] = STRING_SPEC ("connector-type");
  /* A file-system connection: root paths instead of catalogs and schemas. */
  properties[ONBOARDING_PROP_DFS] = BOOLEAN_SPEC ("dfs");
  properties[ONBOARDING_PROP_CATALOGS_STATE] = STATE_SPEC ("catalogs-state");
  properties[ONBOARDING_PROP_CATALOGS_ERROR] = STRING_SPEC ("catalogs-error");
  properties[ONBOARDING_PROP_CATALOG] =
    g_param_spec_string ("catalog", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[ONBOARDING_PROP_TARGETS_STATE] = STATE_SPEC ("targets-state");
  properties[ONBOARDING_PROP_TARGETS_ERROR] = STRING_SPEC ("targets-error");
  properties[ONBOARDING_PROP_N_SELECTED] = UINT_SPEC ("n-selected");
  properties[ONBOARDING_PROP_VALIDATING] = BOOLEAN_SPEC ("validating");
  /* The selected schemas, and how many of them have an answer. */
  properties[ONBOARDING_PROP_N_TO_CHECK] = UINT_SPEC ("n-to-check");
  properties[ONBOARDING_PROP_N_CHECKED] = UINT_SPEC ("n-checked");
  properties[ONBOARDING_PROP_N_PASSED] = UINT_SPEC ("n-passed");
  properties[ONBOARDING_PROP_N_FAILED] = UINT_SPEC ("n-failed");
  /* Why a validation request as a whole failed, in the server's words. */
  properties[ONBOARDING_PROP_CHECK_ERROR] = STRING_SPEC ("check-error");
  properties[ONBOARDING_PROP_NAME_TEMPLATE] =
    g_param_spec_string ("name-template", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[ONBOARDING_PROP_TEMPLATE_VALID] = BOOLEAN_SPEC ("template-valid");
  properties[ONBOARDING_PROP_N_TAKEN] = UINT_SPEC ("n-taken");
  properties[ONBOARDING_PROP_N_DUPLICATES] = UINT_SPEC ("n-duplicates");
  properties[ONBOARDING_PROP_N_TOO_LONG] = UINT_SPEC ("n-too-long");
  properties[ONBOARDING_PROP_CREATING] = BOOLEAN_SPEC ("creating");
  /* A bulk request went out: going back could create the same datastores twice. */
  properties[ONBOARDING_PROP_SENT] = BOOLEAN_SPEC ("sent");
  properties[ONBOARDING_PROP_N_CREATED] = UINT_SPEC ("n-created");
  properties[ONBOARDING_PROP_N_CREATE_FAILED] = UINT_SPEC ("n-create-failed");
  properties[ONBOARDING_PROP_N_UNKNOWN] = UINT_SPEC ("n-unknown");
  properties[ONBOARDING_PROP_CREATE_ERROR] = STRING_SPEC ("create-error");
  g_object_class_install_properties (object_class, ONBOARDING_N_PROPS, properties);

  /**
   * StewardOnboarding::finished:
   *
   * A creation, a retry or a check of what the server created has ended; the counts and each
   * target's outcome are up to date.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
steward_onboarding_init (StewardOnboarding *self)
{
  self->connections = g_list_store_new (STEWARD_TYPE_CONNECTION);
  self->catalogs = g_list_store_new (STEWARD_TYPE_DISCOVERED_ITEM);
  self->targets = g_list_store_new (STEWARD_TYPE_ONBOARDING_TARGET);
  self->plan = g_list_store_new (STEWARD_TYPE_ONBOARDING_TARGET);
  self->check_queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->sending = g_ptr_array_new_with_free_func (g_object_unref);
  self->enrichment_record_limit = 10;
  self->enrichment_rollup_threshold = 10;
  self->trigger_sync = TRUE;
}

/* Public API */

StewardOnboarding *
steward_onboarding_new (StewardDeployment *deployment)
{
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (deployment), NULL);

  return g_object_new (STEWARD_TYPE_ONBOARDING, "deployment", deployment, NULL);
}

/* Returns: (transfer none) */
StewardDeployment *
steward_onboarding_get_deployment (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->deployment;
}

/* Returns: (transfer none): the deployment's client, which every request goes through */
StewardClient *
steward_onboarding_get_client (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->client;
}

gboolean
steward_onboarding_get_dirty (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), FALSE);
  return self->dirty;
}

/* The user chose or typed something: closing should ask first. Choices made for the user (a
 * connection asked for by id, the only catalog) do not count. */
void
steward_onboarding_mark_dirty (StewardOnboarding *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  _steward_onboarding_set_boolean (self, &self->dirty, TRUE, ONBOARDING_PROP_DIRTY);
}

/* Stops discovery and validation. A creation already sent is not stopped: its answer still
 * updates the targets and the deployment. */
void
steward_onboarding_cancel (StewardOnboarding *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  if (self->connections_cancellable != NULL)
    g_cancellable_cancel (self->connections_cancellable);
  if (self->catalogs_cancellable != NULL)
    g_cancellable_cancel (self->catalogs_cancellable);
  if (self->targets_cancellable != NULL)
    g_cancellable_cancel (self->targets_cancellable);
  steward_onboarding_stop_validation (self);
}

/* 1. The connection */

/* Returns: (transfer none): a GListModel of StewardConnection */
GListModel *
steward_onboarding_get_connections (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return G_LIST_MODEL (self->connections);
}

StewardLoadState
steward_onboarding_get_connections_state (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), STEWARD_LOAD_IDLE);
  return self->connections_state;
}

const char *
steward_onboarding_get_connections_error (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->connections_error;
}

void
steward_onboarding_load_connections (StewardOnboarding *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  restart_cancellable (&self->connections_cancellable);
  set_state (self, &self->connections_state, STEWARD_LOAD_RUNNING,
             ONBOARDING_PROP_CONNECTIONS_STATE);
  steward_client_list_connections_async (self->client, self->connections_cancellable,
                                         connections_loaded_cb, g_object_ref (self));
}

/* Returns: (transfer none) (nullable): a loaded connection */
StewardConnection *
steward_onboarding_find_connection (StewardOnboarding *self,
                                    gint64             connection_id)
{
  guint n;

  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->connections));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardConnection) connection =
        g_list_model_get_item (G_LIST_MODEL (self->connections), i);

      if (steward_connection_get_id (connection) == connection_id)
        return connection;   /* the store keeps it */
    }

  return NULL;
}

/* An existing connection. Choosing the one already chosen keeps what was found through it. */
void
steward_onboarding_choose_connection (StewardOnboarding *self,
                                      StewardConnection *connection)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  g_return_if_fail (STEWARD_IS_CONNECTION (connection));

  if (self->connection_id == steward_connection_get_id (connection) && self->new_connection == NULL)
    return;

  set_connection (self, steward_connection_get_id (connection), NULL,
                  steward_connection_get_name (connection),
                  steward_connection_get_type_name (connection));
}

/* A new connection, as the connector form built it (secrets included: they stay in memory until
 * the connection is saved). Describing the same one again keeps what was found through it. */
void
steward_onboarding_describe_connection (StewardOnboarding *self,
                                        JsonObject        *connection)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  g_return_if_fail (connection != NULL);

  if (self->connection_id == 0 && self->new_connection != NULL &&
      json_object_equal (self->new_connection, connection))
    return;

  set_connection (self, 0, connection, steward_json_get_string (connection, "name"),
                  steward_json_get_string (connection, "type"));
}

void
steward_onboarding_forget_connection (StewardOnboarding *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  if (steward_onboarding_has_connection (self))
    set_connection (self, 0, NULL, NULL, NULL);
}

gboolean
steward_onboarding_has_connection (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), FALSE);
  return self->connection_id > 0 || self->new_connection != NULL;
}

gint64
steward_onboarding_get_connection_id (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->connection_id;
}

const char *
steward_onboarding_get_connection_name (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->connection_name;
}

const char *
steward_onboarding_get_connector_type (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->connector_type;
}

gboolean
steward_onboarding_get_dfs (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), FALSE);
  return self->dfs;
}

/* 2. The catalog */

/* Returns: (transfer none): a GListModel of StewardDiscoveredItem */
GListModel *
steward_onboarding_get_catalogs (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return G_LIST_MODEL (self->catalogs);
}

StewardLoadState
steward_onboarding_get_catalogs_state (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), STEWARD_LOAD_IDLE);
  return self->catalogs_state;
}

const char *
steward_onboarding_get_catalogs_error (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->catalogs_error;
}

/* Discovers the connection's catalogs again; the chosen catalog stays chosen. */
void
steward_onboarding_load_catalogs (StewardOnboarding *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  g_return_if_fail (steward_onboarding_has_connection (self));

  restart_cancellable (&self->catalogs_cancellable);
  set_state (self, &self->catalogs_state, STEWARD_LOAD_RUNNING, ONBOARDING_PROP_CATALOGS_STATE);
  steward_client_discover_catalogs_async (self->client, self->connection_id, self->new_connection,
                                          self->catalogs_cancellable, catalogs_loaded_cb,
                                          g_object_ref (self));
}

const char *
steward_onboarding_get_catalog (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->catalog;
}

/* Another catalog forgets the schemas found in the previous one. */
void
steward_onboarding_set_catalog (StewardOnboarding *self,
                                const char        *catalog)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  if (g_strcmp0 (self->catalog, catalog) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  clear_targets (self);
  _steward_onboarding_set_string (self, &self->catalog, catalog, ONBOARDING_PROP_CATALOG);
  g_object_thaw_notify (G_OBJECT (self));
}

/* 3. Schemas and root paths */

/* Returns: (transfer none): a GListModel of StewardOnboardingTarget, in the server's order */
GListModel *
steward_onboarding_get_targets (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return G_LIST_MODEL (self->targets);
}

StewardLoadState
steward_onboarding_get_targets_state (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), STEWARD_LOAD_IDLE);
  return self->targets_state;
}

const char *
steward_onboarding_get_targets_error (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), NULL);
  return self->targets_error;
}

/* Discovers the schemas of the chosen catalog (of every catalog when none is chosen), which
 * replace the ones found before. */
void
steward_onboarding_load_schemas (StewardOnboarding *self)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  g_return_if_fail (steward_onboarding_has_connection (self));

  clear_targets (self);
  restart_cancellable (&self->targets_cancellable);
  set_state (self, &self->targets_state, STEWARD_LOAD_RUNNING, ONBOARDING_PROP_TARGETS_STATE);
  steward_client_discover_schemas_async (self->client, self->connection_id, self->new_connection,
                                         self->catalog, self->targets_cancellable,
                                         schemas_loaded_cb, g_object_ref (self));
}

/* Root paths typed or pasted one per line: trimmed, empty lines dropped, each kept once, in
 * order. Returns: (transfer full) */
GStrv
steward_onboarding_split_root_paths (const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text != NULL ? text : "", "\r\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL && n < MAX_TARGETS; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0' || !g_hash_table_add (seen, line))
        continue;
      g_strv_builder_add (builder, line);
      n++;
    }

  return g_strv_builder_end (builder);
}

/* The {{ schema }} of a root path: its parts joined by "_" ("/raw/orders/" gives raw_orders). */
static char *
root_path_label (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (label->len > 0)
        g_string_append_c (label, '_');
      g_string_append (label, parts[i]);
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

/* The names of the deployment's datastores that read @root_path through this connection. */
static GStrv
datastores_at_root_path (StewardOnboarding *self,
                         const char        *root_path)
{
  GListModel *datastores = steward_deployment_get_datastores (self->deployment);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (datastores);
  guint found = 0;

  for (guint i = 0; self->connection_id > 0 && i < n && found < MAX_EXISTING_NAMES; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);

      if (steward_datastore_get_connection_id (datastore) != self->connection_id ||
          g_strcmp0 (steward_datastore_get_root_path (datastore), root_path) != 0)
        continue;
      g_strv_builder_add (builder, steward_datastore_get_name (datastore));
      found++;
    }

  return g_strv_builder_end (builder);
}

/* The root paths of a file-system connection. The same list again keeps what validation said. */
void
steward_onboarding_set_root_paths (StewardOnboarding  *self,
                                   const char * const *root_paths)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;
  gboolean same;

  g_return_if_fail (STEWARD_IS_ONBOARDING (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  same = root_paths != NULL && g_strv_length ((char **) root_paths) == n;
  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target =
        g_list_model_get_item (G_LIST_MODEL (self->targets), i);

      same = g_strcmp0 (steward_onboarding_target_get_name (target), root_paths[i]) == 0;
    }
  if (same && self->targets_state == STEWARD_LOAD_DONE)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  clear_targets (self);
  for (guint i = 0; root_paths != NULL && root_paths[i] != NULL && i < MAX_TARGETS; i++)
    {
      g_autofree char *label = root_path_label (root_paths[i]);
      StewardOnboardingTarget *target = steward_onboarding_target_new (root_paths[i], label);

      _steward_onboarding_target_set_existing (target,
                                               datastores_at_root_path (self, root_paths[i]));
      /* Typed on purpose: every one is meant, even one a datastore reads already. */
      steward_onboarding_target_set_selected (target, TRUE);
      g_ptr_array_add (targets, target);
    }
  add_targets (self, targets);
  set_state (self, &self->targets_state, STEWARD_LOAD_DONE, ONBOARDING_PROP_TARGETS_STATE);
  steward_onboarding_mark_dirty (self);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
steward_onboarding_get_n_selected (StewardOnboarding *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (self), 0);
  return self->n_selected;
}

/* Selects or unselects each target of @among (the whole list, or the ones a search shows), with
 * one notification of the count however many change. */
void
steward_onboarding_select (StewardOnboarding *self,
                           GListModel        *among,
                           StewardSelectHow   how)
{
  guint n;

  g_return_if_fail (STEWARD_IS_ONBOARDING (self));
  g_return_if_fail (G_IS_LIST_MODEL (among));

  n = g_list_model_get_n_items (among);
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (among, i);
      const char * const *existing = steward_onboarding_target_get_existing (target);

      switch (how)
        {
        case STEWARD_SELECT_ALL:
          steward_onboarding_target_set_selected (target, TRUE);
          break;
        case STEWARD_SELECT_NEW_ONLY:
          steward_onboarding_target_set_selected (target, existing == NULL || existing[0] == NULL);
          break;
        case STEWARD_SELECT_NONE:
        default:
          steward_onboarding_target_set_selected (target, FALSE);
          break;
        }
    }
  g_object_thaw_notify (G_OBJECT (self));
}
