/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-search-provider"

#include "config.h"

#include "steward-format.h"
#include "steward-main-view.h"
#include "steward-search-provider.h"
#include "steward-window.h"

/* GNOME Shell's search, answered by Steward: org.gnome.Shell.SearchProvider2 on the application's
 * own bus connection, beside its object path (data/…search-provider.ini.in names both).
 *
 * Every answer comes from StewardSearchIndex: the signed-in deployment's live model, and the
 * listing caches of the other saved profiles, read off the main thread only when they changed.
 * No query makes a request or touches a token, so the Shell's search stays fast and private.
 * The methods that need the index up to date return later, from the update's callback.
 *
 * Activating a result may need another profile signed in first: the request waits, with the
 * window already up, until that deployment lists the datastore, then shows its details. */
struct _StewardSearchProvider
{
  GObject             parent_instance;

  StewardApplication *application;   /* weak: the application owns the provider */
  StewardSearchIndex *index;
  GCancellable       *cancellable;

  GDBusConnection    *connection;
  guint               registration_id;

  /* The live deployment: indexed again at the next query after it changes, in place (::changed)
   * or in its set of datastores. */
  GSignalGroup       *deployment_signals;
  GSignalGroup       *datastores_signals;
  gboolean            live_dirty;

  /* A result activated before its deployment listed it. */
  char               *pending_profile_id;
  gint64              pending_datastore_id;
  GSignalGroup       *pending_signals;
  guint               pending_timeout;
};

G_DEFINE_FINAL_TYPE (StewardSearchProvider, steward_search_provider, G_TYPE_OBJECT)

/* The Shell shows a handful; more only costs time on the bus. */
#define MAX_RESULTS 30
#define MAX_METAS 100
#define MAX_TERMS 16

/* Started by the Shell to search (steward --gapplication-service), Steward stays this long after
 * the last query, so the next keystrokes find the caches read. */
#define SERVICE_LINGER_MS (2 * 60 * 1000)

/* How long an activated result waits for its deployment to sign in and list it. */
#define PENDING_TIMEOUT_S 60

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static StewardSession *
get_session (StewardSearchProvider *self)
{
  return self->application != NULL ? steward_application_get_session (self->application) : NULL;
}

/* The signed-in profile, when its deployment has a listing (live or from its cache) to search. */
static StewardProfile *
get_live_profile (StewardSearchProvider *self)
{
  StewardSession *session = get_session (self);
  StewardDeployment *deployment;

  if (session == NULL || steward_session_get_state (session) != STEWARD_SESSION_SIGNED_IN ||
      (deployment = steward_session_get_deployment (session)) == NULL)
    return NULL;

  if (!steward_deployment_get_loaded (deployment) &&
      g_list_model_get_n_items (steward_deployment_get_datastores (deployment)) == 0)
    return NULL;

  return steward_session_get_profile (session);
}

static StewardProfile *
find_profile (StewardSearchProvider *self,
              const char            *profile_id)
{
  StewardSession *session = get_session (self);
  StewardProfile *current;

  if (session == NULL)
    return NULL;

  /* The demo's profile is never saved, but it is searched while signed in. */
  current = steward_session_get_profile (session);
  if (current != NULL && g_strcmp0 (steward_profile_get_id (current), profile_id) == 0)
    return current;
  return steward_session_find_profile (session, profile_id);
}

static const char *
connector_icon_name (const StewardSearchHit *hit)
{
  return hit->dfs ? "folder-remote-symbolic" : "drive-multidisk-symbolic";
}

/* Answering queries */

typedef struct
{
  StewardSearchProvider *self;
  GApplication          *application;  /* held: a D-Bus service exits when nothing holds it */
  GDBusMethodInvocation *invocation;
  char                 **terms;
} Query;

static void
query_free (Query *query)
{
  if (query->application != NULL)
    {
      g_application_release (query->application);
      g_object_unref (query->application);
    }
  g_object_unref (query->self);
  g_clear_object (&query->invocation);
  g_strfreev (query->terms);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Query) query = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  /* A file that could not be read is left out; the rest still answers. */
  if (!steward_search_index_update_finish (STEWARD_SEARCH_INDEX (object), result, &error))
    g_debug ("The search index was not updated: %s", error->message);

  ids = steward_search_index_search (query->self->index, (const char * const *) query->terms,
                                     MAX_RESULTS);
  g_dbus_method_invocation_return_value (g_steal_pointer (&query->invocation),
                                         g_variant_new ("(^as)", ids));
}

/* Brings the index up to date, then answers @invocation with what matches @terms (taken). */
static void
answer_query (StewardSearchProvider *self,
              GDBusMethodInvocation *invocation,
              char                 **terms)
{
  StewardProfile *live = get_live_profile (self);
  StewardSession *session = get_session (self);
  g_autoptr(GListModel) none = NULL;
  Query *query;

  /* The Shell splits what was typed on spaces; a flood of terms is not a search. */
  if (g_strv_length (terms) > MAX_TERMS)
    {
      for (guint i = MAX_TERMS; terms[i] != NULL; i++)
        g_clear_pointer (&terms[i], g_free);
    }

  if (live != NULL && self->live_dirty)
    {
      StewardDeployment *deployment = steward_session_get_deployment (session);

      steward_search_index_set_live (self->index, steward_profile_get_id (live),
                                     steward_deployment_get_datastores (deployment));
      self->live_dirty = FALSE;
    }

  query = g_new0 (Query, 1);
  query->self = g_object_ref (self);
  if (self->application != NULL)
    {
      query->application = g_object_ref (G_APPLICATION (self->application));
      g_application_hold (query->application);
    }
  query->invocation = g_object_ref (invocation);
  query->terms = terms;

  if (session == NULL)
    none = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));
  steward_search_index_update_async (self->index,
                                     none != NULL ? none : steward_session_get_profiles (session),
                                     live != NULL ? steward_profile_get_id (live) : NULL,
                                     self->cancellable, updated_cb, query);
}

static GVariant *
describe (StewardSearchProvider  *self,
          const StewardSearchHit *hit)
{
  StewardProfile *profile = find_profile (self, hit->profile_id);
  g_autoptr(GIcon) icon = g_themed_icon_new (connector_icon_name (hit));
  g_autoptr(GVariant) serialized = g_icon_serialize (icon);
  g_autofree char *description = NULL;
  GVariantDict meta;

  /* As the details pane reads: the connector, then where. */
  if (profile != NULL)
    description = g_strdup_printf ("%s · %s", steward_format_connector_type (hit->connector_type),
                                   steward_profile_get_name (profile));
  else
    description = g_strdup (steward_format_connector_type (hit->connector_type));

  g_variant_dict_init (&meta, NULL);
  g_variant_dict_insert (&meta, "id", "s", hit->result_id);
  g_variant_dict_insert (&meta, "name", "s", hit->name);
  g_variant_dict_insert (&meta, "description", "s", description);
  g_variant_dict_insert_value (&meta, "gicon", serialized);
  return g_variant_dict_end (&meta);
}

static void
get_result_metas (StewardSearchProvider *self,
                  GDBusMethodInvocation *invocation,
                  GVariant              *parameters)
{
  g_autofree const char **ids = NULL;
  GVariantBuilder metas;

  g_variant_get (parameters, "(^a&s)", &ids);
  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL && i < MAX_METAS; i++)
    {
      const StewardSearchHit *hit = steward_search_index_lookup (self->index, ids[i]);

      if (hit != NULL)
        g_variant_builder_add_value (&metas, describe (self, hit));
    }

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(aa{sv})", &metas));
}

/* Activating */

/* @timestamp is the Shell's click: with it the window manager raises the window rather than
 * flag it as stealing focus. */
static StewardWindow *
present_window (StewardSearchProvider *self,
                guint32                timestamp)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self->application));
  GtkWindow *window = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (STEWARD_IS_WINDOW (l->data))
      {
        window = l->data;
        break;
      }

  if (window == NULL)
    window = GTK_WINDOW (steward_window_new (self->application));
  if (timestamp != 0)
    gtk_window_present_with_time (window, timestamp);
  else
    gtk_window_present (window);
  return STEWARD_WINDOW (window);
}

static void
clear_pending (StewardSearchProvider *self)
{
  g_clear_pointer (&self->pending_profile_id, g_free);
  g_signal_group_set_target (self->pending_signals, NULL);
  g_clear_handle_id (&self->pending_timeout, g_source_remove);
}

/* Shows the pending datastore once its profile is signed in and its deployment lists it. */
static void
check_pending (StewardSearchProvider *self)
{
  StewardSession *session = get_session (self);
  StewardProfile *profile;
  StewardDeployment *deployment;

  if (self->pending_profile_id == NULL || session == NULL)
    return;

  deployment = steward_session_get_deployment (session);
  g_signal_group_set_target (self->pending_signals, deployment);

  profile = steward_session_get_profile (session);
  if (steward_session_get_state (session) != STEWARD_SESSION_SIGNED_IN || profile == NULL ||
      deployment == NULL ||
      g_strcmp0 (steward_profile_get_id (profile), self->pending_profile_id) != 0)
    return;

  if (steward_deployment_find_datastore (deployment, self->pending_datastore_id) != NULL)
    {
      g_action_group_activate_action (G_ACTION_GROUP (self->application), "show-datastore",
                                      g_variant_new_int64 (self->pending_datastore_id));
      clear_pending (self);
    }
  else if (steward_deployment_get_loaded (deployment) &&
           !steward_deployment_get_from_cache (deployment))
    {
      /* Deleted since the listing was cached: the window shows the deployment it was in. */
      g_debug ("Datastore %" G_GINT64_FORMAT " is no longer listed", self->pending_datastore_id);
      clear_pending (self);
    }
}

static gboolean
pending_timeout_cb (gpointer user_data)
{
  StewardSearchProvider *self = user_data;

  self->pending_timeout = 0;
  clear_pending (self);
  return G_SOURCE_REMOVE;
}

static void
activate_result (StewardSearchProvider *self,
                 const char            *result_id,
                 guint32                timestamp)
{
  StewardSession *session = get_session (self);
  g_autofree char *profile_id = NULL;
  StewardProfile *current;
  gint64 datastore_id;

  if (session == NULL || !steward_search_result_id_parse (result_id, &profile_id, &datastore_id))
    return;

  clear_pending (self);
  present_window (self, timestamp);
  self->pending_profile_id = g_steal_pointer (&profile_id);
  self->pending_datastore_id = datastore_id;
  self->pending_timeout = g_timeout_add_seconds (PENDING_TIMEOUT_S, pending_timeout_cb, self);

  current = steward_session_get_profile (session);
  if (current == NULL || steward_session_get_state (session) == STEWARD_SESSION_SIGNED_OUT ||
      !g_str_equal (steward_profile_get_id (current), self->pending_profile_id))
    steward_application_open_profile (self->application, self->pending_profile_id);

  check_pending (self);
}

static void
launch_search (StewardSearchProvider *self,
               const char * const    *terms,
               guint32                timestamp)
{
  g_autofree char *text = g_strjoinv (" ", (char **) terms);
  StewardWindow *window;

  /* As if Steward were opened from the dock (restoring the last session if it just started). */
  g_application_activate (G_APPLICATION (self->application));
  window = present_window (self, timestamp);
  gtk_widget_activate_action (GTK_WIDGET (steward_window_get_main_view (window)),
                              "view.search-text", "s", text);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  StewardSearchProvider *self = user_data;

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      char **terms = NULL;

      g_variant_get (parameters, "(^as)", &terms);
      answer_query (self, invocation, terms);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      char **terms = NULL;

      /* The previous results were capped, so narrowing them could miss a datastore that ranked
       * lower before: searching afresh costs no more. */
      g_variant_get (parameters, "(@as^as)", NULL, &terms);
      answer_query (self, invocation, terms);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    get_result_metas (self, invocation, parameters);
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id = NULL;
      guint32 timestamp = 0;

      g_variant_get (parameters, "(&s@asu)", &id, NULL, &timestamp);
      activate_result (self, id, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      guint32 timestamp = 0;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      launch_search (self, terms, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { NULL } };

static void
deployment_changed_cb (StewardSearchProvider *self)
{
  self->live_dirty = TRUE;
}

static void
session_changed_cb (StewardSearchProvider *self)
{
  StewardSession *session = get_session (self);
  StewardDeployment *deployment = session != NULL ? steward_session_get_deployment (session) : NULL;

  self->live_dirty = TRUE;
  g_signal_group_set_target (self->deployment_signals, deployment);
  g_signal_group_set_target (self->datastores_signals,
                             deployment != NULL ? steward_deployment_get_datastores (deployment)
                                                : NULL);
  check_pending (self);
}

static void
preloaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!steward_search_index_update_finish (STEWARD_SEARCH_INDEX (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not read the listing caches for search: %s", error->message);
}

/* Called by the application once its session exists (start-up follows registration on the bus):
 * the provider follows the signed-in deployment from now on, and reads the caches at once, so the
 * Shell's first query finds them read. */
void
steward_search_provider_follow_session (StewardSearchProvider *self)
{
  StewardSession *session;

  g_return_if_fail (STEWARD_IS_SEARCH_PROVIDER (self));

  session = get_session (self);
  if (session == NULL || self->registration_id == 0)
    return;

  g_signal_connect_object (session, "notify::deployment", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::state", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  session_changed_cb (self);
  steward_search_index_update_async (self->index, steward_session_get_profiles (session), NULL,
                                     self->cancellable, preloaded_cb, NULL);
}

static void
steward_search_provider_dispose (GObject *object)
{
  StewardSearchProvider *self = STEWARD_SEARCH_PROVIDER (object);

  steward_search_provider_unregister (self);
  g_cancellable_cancel (self->cancellable);
  clear_pending (self);
  g_clear_object (&self->deployment_signals);
  g_clear_object (&self->datastores_signals);
  g_clear_object (&self->pending_signals);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (steward_search_provider_parent_class)->dispose (object);
}

static void
steward_search_provider_finalize (GObject *object)
{
  StewardSearchProvider *self = STEWARD_SEARCH_PROVIDER (object);

  g_clear_object (&self->index);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (steward_search_provider_parent_class)->finalize (object);
}

static void
steward_search_provider_class_init (StewardSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_search_provider_dispose;
  object_class->finalize = steward_search_provider_finalize;
}

static void
steward_search_provider_init (StewardSearchProvider *self)
{
  self->index = steward_search_index_new (steward_format_connector_type);
  self->cancellable = g_cancellable_new ();
  self->live_dirty = TRUE;

  self->deployment_signals = g_signal_group_new (STEWARD_TYPE_DEPLOYMENT);
  g_signal_group_connect_swapped (self->deployment_signals, "changed",
                                  G_CALLBACK (deployment_changed_cb), self);

  self->datastores_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->datastores_signals, "items-changed",
                                  G_CALLBACK (deployment_changed_cb), self);

  self->pending_signals = g_signal_group_new (STEWARD_TYPE_DEPLOYMENT);
  g_signal_group_connect_swapped (self->pending_signals, "changed",
                                  G_CALLBACK (check_pending), self);
  g_signal_group_connect_swapped (self->pending_signals, "notify::loaded",
                                  G_CALLBACK (check_pending), self);
  g_signal_group_connect_swapped (self->pending_signals, "notify::from-cache",
                                  G_CALLBACK (check_pending), self);
}

/* Returns: (transfer full): a provider answering for @application, once registered */
StewardSearchProvider *
steward_search_provider_new (StewardApplication *application)
{
  StewardSearchProvider *self;

  g_return_val_if_fail (STEWARD_IS_APPLICATION (application), NULL);

  self = g_object_new (STEWARD_TYPE_SEARCH_PROVIDER, NULL);
  g_set_weak_pointer (&self->application, application);
  return self;
}

/* Exports the provider at @object_path on @connection. */
gboolean
steward_search_provider_register (StewardSearchProvider  *self,
                                  GDBusConnection        *connection,
                                  const char             *object_path,
                                  GError                **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (STEWARD_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (object_path != NULL, FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  if (self->application != NULL &&
      (g_application_get_flags (G_APPLICATION (self->application)) & G_APPLICATION_IS_SERVICE))
    g_application_set_inactivity_timeout (G_APPLICATION (self->application), SERVICE_LINGER_MS);
  return TRUE;
}

void
steward_search_provider_unregister (StewardSearchProvider *self)
{
  g_return_if_fail (STEWARD_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

/* Returns: (transfer none): what the provider searches */
StewardSearchIndex *
steward_search_provider_get_index (StewardSearchProvider *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_PROVIDER (self), NULL);

  return self->index;
}
