/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-keyring.h"
#include "steward-profile-store.h"
#include "steward-session.h"
#include "steward-sign-in.h"

/* Who Steward is signed in as, and where: the current profile, its client and user, and the
 * saved profiles. Every way in (sign-in, switching profiles, restoring at start-up, signing in
 * again after the token stopped working) runs the same steps: find the token, check it with
 * the deployment, keep it where it belongs, then make it current. Nothing changes until the
 * checks pass, so a failed attempt leaves the session signed in where it was. */
struct _StewardSession
{
  GObject              parent_instance;

  GSettings           *settings;
  StewardProfileStore *profiles;
  StewardSessionState  state;
  StewardProfile      *profile;          /* the signed-in profile */
  StewardProfile      *pending_profile;  /* the one being connected to, while CONNECTING */
  guint                n_connecting;
  StewardClient       *client;
  StewardUser         *user;
  StewardDeployment   *deployment;       /* made for client and user, dropped with them */
  StewardTokenStorage  storage;
  GHashTable          *session_tokens;   /* url → token, for STEWARD_TOKEN_SESSION_ONLY */
  char                *last_error;
};

G_DEFINE_FINAL_TYPE (StewardSession, steward_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (steward-session-error-quark, steward_session_error)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PROFILE,
  PROP_PENDING_PROFILE,
  PROP_CLIENT,
  PROP_USER,
  PROP_DEPLOYMENT,
  PROP_LAST_ERROR,
  N_PROPS
};

enum {
  REAUTHENTICATION_REQUIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One attempt to sign in, whichever way it started. */
typedef struct
{
  StewardProfile      *profile;
  char                *token;
  StewardTokenStorage  storage;          /* where the token belongs */
  gboolean             already_stored;   /* it came from there: no need to store it again */
  gboolean             reauthenticate;
  StewardClient       *client;
  StewardUser         *user;
} Connect;

static void
connect_free (gpointer data)
{
  Connect *connect = data;

  g_clear_object (&connect->profile);
  g_clear_pointer (&connect->token, steward_keyring_wipe_string);
  g_clear_object (&connect->client);
  g_clear_object (&connect->user);
  g_free (connect);
}

static void
set_state (StewardSession      *self,
           StewardSessionState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_profile (StewardSession *self,
             StewardProfile *profile)
{
  if (g_set_object (&self->profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

static void
set_last_error (StewardSession *self,
                const char     *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

/* The state follows what is known: connecting while an attempt without a dialog of its own runs,
 * else signed in exactly when there is a client. */
static void
update_state (StewardSession *self)
{
  if (self->n_connecting > 0)
    set_state (self, STEWARD_SESSION_CONNECTING);
  else if (self->client != NULL)
    set_state (self, STEWARD_SESSION_SIGNED_IN);
  else
    set_state (self, STEWARD_SESSION_SIGNED_OUT);
}

static void
begin_connecting (StewardSession *self,
                  StewardProfile *profile)
{
  self->n_connecting++;
  if (g_set_object (&self->pending_profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_PROFILE]);
  update_state (self);
}

static void
end_connecting (StewardSession *self)
{
  g_return_if_fail (self->n_connecting > 0);

  g_object_freeze_notify (G_OBJECT (self));
  if (--self->n_connecting == 0 && self->pending_profile != NULL)
    {
      g_clear_object (&self->pending_profile);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_PROFILE]);
    }
  update_state (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
authentication_required_cb (StewardClient  *client,
                            const GError   *error,
                            StewardSession *self)
{
  if (!g_signal_has_handler_pending (self, signals[REAUTHENTICATION_REQUIRED], 0, FALSE))
    return FALSE;

  g_debug ("The deployment no longer accepts the token: %s", error->message);
  g_signal_emit (self, signals[REAUTHENTICATION_REQUIRED], 0);
  return TRUE;
}

/* Where a profile's listing is kept between runs: the user's cache directory, one file per saved
 * profile (a temporary one, such as the demo's, keeps nothing). The search provider reads it
 * too. Returns: (transfer full) (nullable): the path, or NULL for a temporary profile */
char *
steward_session_listing_cache_path (StewardProfile *profile)
{
  g_autofree char *name = NULL;

  if (profile == NULL || steward_profile_get_temporary (profile))
    return NULL;

  name = g_strconcat (steward_profile_get_id (profile), ".json", NULL);
  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", '_');
  return g_build_filename (g_get_user_cache_dir (), "steward", "listings", name, NULL);
}

static void
deactivate (StewardSession *self)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->deployment != NULL)
    {
      g_clear_object (&self->deployment);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPLOYMENT]);
    }

  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->client, authentication_required_cb, self);
      steward_client_cancel_reauthentication (self->client);
      g_clear_object (&self->client);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
    }
  if (self->user != NULL)
    {
      g_clear_object (&self->user);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
    }
  update_state (self);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
activate (StewardSession *self,
          Connect        *connect)
{
  g_object_freeze_notify (G_OBJECT (self));

  deactivate (self);
  set_profile (self, connect->profile);

  self->client = g_object_ref (connect->client);
  g_signal_connect (self->client, "authentication-required",
                    G_CALLBACK (authentication_required_cb), self);
  self->user = g_object_ref (connect->user);
  self->storage = connect->storage;
  {
    g_autofree char *cache_path = steward_session_listing_cache_path (self->profile);

    self->deployment = steward_deployment_new (self->client, self->user, cache_path);
  }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPLOYMENT]);
  set_last_error (self, NULL);
  update_state (self);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
old_token_cleared_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!steward_keyring_clear_finish (result, &error))
    g_debug ("Could not remove the token of a profile’s previous URL: %s", error->message);
}

/* The profile joins the saved ones; one already saved with the same id or the same URL is
 * updated instead, so signing in again never duplicates a deployment. */
static StewardProfile *
remember_profile (StewardSession *self,
                  StewardProfile *profile)
{
  StewardProfile *saved;

  if (steward_profile_get_temporary (profile))
    return profile;

  saved = steward_profile_store_find (self->profiles, steward_profile_get_id (profile));
  if (saved == NULL)
    saved = steward_profile_store_find_by_url (self->profiles, steward_profile_get_url (profile));

  if (saved == NULL)
    {
      steward_profile_store_add (self->profiles, profile);
      saved = profile;
    }
  else if (saved != profile)
    {
      const char *old_url = steward_profile_get_url (saved);

      /* The token kept for the old URL would otherwise stay in the keyring, unreachable. */
      if (g_strcmp0 (old_url, steward_profile_get_url (profile)) != 0)
        {
          g_hash_table_remove (self->session_tokens, old_url);
          steward_keyring_clear_async (old_url, NULL, old_token_cleared_cb, NULL);
        }

      steward_profile_set_name (saved, steward_profile_get_name (profile));
      steward_profile_set_url (saved, steward_profile_get_url (profile));
      steward_profile_set_verify_tls (saved, steward_profile_get_verify_tls (profile));
      steward_profile_set_environment (saved, steward_profile_get_environment (profile));
    }

  steward_profile_store_set_current_id (self->profiles, steward_profile_get_id (saved));
  return saved;
}

static void
keep_session_token (StewardSession *self,
                    Connect        *connect)
{
  const char *url = steward_profile_get_url (connect->profile);

  if (connect->storage == STEWARD_TOKEN_SESSION_ONLY)
    g_hash_table_insert (self->session_tokens, g_strdup (url), g_strdup (connect->token));
  else
    g_hash_table_remove (self->session_tokens, url);
}

/* Takes the task's reference. */
static void
finish_connect (GTask *owned_task)
{
  g_autoptr(GTask) task = owned_task;
  StewardSession *self = g_task_get_source_object (task);
  Connect *connect = g_task_get_task_data (task);

  keep_session_token (self, connect);

  if (connect->reauthenticate && self->client != NULL &&
      g_strcmp0 (steward_client_get_base_url (self->client),
                 steward_client_get_base_url (connect->client)) == 0)
    {
      /* The same client carries on, so the calls waiting for a new token go out again. */
      steward_client_set_token (self->client, connect->token);
      if (g_set_object (&self->user, connect->user))
        {
          if (self->deployment != NULL)
            steward_deployment_set_user (self->deployment, self->user);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
        }
    }
  else
    {
      g_set_object (&connect->profile, remember_profile (self, connect->profile));
      activate (self, connect);
    }

  g_task_return_boolean (task, TRUE);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!steward_keyring_store_finish (result, &error))
    {
      /* A dismissed unlock prompt reports itself as cancelled, though nobody cancelled us. */
      if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          g_task_return_error_if_cancelled (task))
        return;

      g_task_return_new_error (task, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_KEYRING,
                               _("The token could not be saved in the system keyring: %s"),
                               error != NULL &&
                                       !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                   ? error->message
                                   : _("the keyring is locked"));
      return;
    }

  finish_connect (g_steal_pointer (&task));
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Connect *connect = g_task_get_task_data (task);
  GError *error = NULL;

  connect->client = steward_sign_in_check_finish (result, &connect->user, &error);
  if (connect->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (connect->storage == STEWARD_TOKEN_KEYRING && !connect->already_stored)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      steward_keyring_store_async (steward_profile_get_url (connect->profile),
                                   steward_profile_get_name (connect->profile),
                                   connect->token, cancellable,
                                   stored_cb, g_steal_pointer (&task));
      return;
    }

  finish_connect (g_steal_pointer (&task));
}

static void
check (GTask *task)
{
  Connect *connect = g_task_get_task_data (task);

  steward_sign_in_check_async (steward_profile_get_url (connect->profile), connect->token,
                               steward_profile_get_verify_tls (connect->profile),
                               g_task_get_cancellable (task), checked_cb, task);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Connect *connect = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *token;

  token = steward_keyring_lookup_finish (result, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          g_task_return_error_if_cancelled (task))
        return;

      if (error != NULL)
        g_task_return_new_error (task, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_KEYRING,
                                 _("The system keyring could not be read: %s"), error->message);
      else
        g_task_return_new_error (task, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN,
                                 _("Sign in to %s again"),
                                 steward_profile_get_name (connect->profile));
      return;
    }

  connect->token = g_strdup (token);
  steward_keyring_free_token (token);
  check (g_steal_pointer (&task));
}

static GTask *
new_connect_task (StewardSession      *self,
                  StewardProfile      *profile,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Connect *connect = g_new0 (Connect, 1);

  connect->profile = g_object_ref (profile);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, connect, connect_free);
  return task;
}

/* Signs in to a saved profile with the token kept for it: for this session, or in the keyring. */
static void
connect_saved_async (StewardSession      *self,
                     StewardProfile      *profile,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task =
      new_connect_task (self, profile, connect_saved_async, cancellable, callback, user_data);
  Connect *connect = g_task_get_task_data (task);
  const char *url = steward_profile_get_url (profile);
  const char *token = g_hash_table_lookup (self->session_tokens, url);

  connect->already_stored = TRUE;
  if (token != NULL)
    {
      connect->storage = STEWARD_TOKEN_SESSION_ONLY;
      connect->token = g_strdup (token);
      check (task);
      return;
    }

  connect->storage = STEWARD_TOKEN_KEYRING;
  steward_keyring_lookup_async (url, cancellable, looked_up_cb, task);
}

static void
steward_session_dispose (GObject *object)
{
  StewardSession *self = STEWARD_SESSION (object);

  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->client, authentication_required_cb, self);
      steward_client_cancel_reauthentication (self->client);
    }
  g_clear_object (&self->deployment);
  g_clear_object (&self->client);
  g_clear_object (&self->user);
  g_clear_object (&self->profile);
  g_clear_object (&self->pending_profile);
  g_clear_object (&self->profiles);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_session_parent_class)->dispose (object);
}

static void
steward_session_finalize (GObject *object)
{
  StewardSession *self = STEWARD_SESSION (object);

  g_clear_pointer (&self->session_tokens, g_hash_table_unref);
  g_free (self->last_error);

  G_OBJECT_CLASS (steward_session_parent_class)->finalize (object);
}

static void
steward_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StewardSession *self = STEWARD_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_PENDING_PROFILE:
      g_value_set_object (value, self->pending_profile);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    case PROP_DEPLOYMENT:
      g_value_set_object (value, self->deployment);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_session_class_init (StewardSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = steward_session_dispose;
  object_class->finalize = steward_session_finalize;
  object_class->get_property = steward_session_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, STEWARD_SESSION_SIGNED_OUT, STEWARD_SESSION_SIGNED_IN,
                      STEWARD_SESSION_SIGNED_OUT, flags);
  /* The signed-in profile; NULL when signed out. */
  properties[PROP_PROFILE] =
      g_param_spec_object ("profile", NULL, NULL, STEWARD_TYPE_PROFILE, flags);
  /* While the state is CONNECTING: the profile being connected to. */
  properties[PROP_PENDING_PROFILE] =
    g_param_spec_object ("pending-profile", NULL, NULL, STEWARD_TYPE_PROFILE, flags);
  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, STEWARD_TYPE_CLIENT, flags);
  properties[PROP_USER] = g_param_spec_object ("user", NULL, NULL, STEWARD_TYPE_USER, flags);
  /* The signed-in deployment's state, made afresh at each sign-in or switch. */
  properties[PROP_DEPLOYMENT] =
      g_param_spec_object ("deployment", NULL, NULL, STEWARD_TYPE_DEPLOYMENT, flags);
  /* Why the last restore or switch failed; NULL after a sign-in. */
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardSession::reauthentication-required:
   *
   * The deployment stopped accepting the token. Calls wait until
   * steward_session_reauthenticate_async() succeeds or steward_session_cancel_reauthentication().
   */
  signals[REAUTHENTICATION_REQUIRED] =
    g_signal_new ("reauthentication-required", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
steward_session_init (StewardSession *self)
{
  self->session_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) steward_keyring_wipe_string);
}

StewardSession *
steward_session_new (GSettings *settings)
{
  StewardSession *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (STEWARD_TYPE_SESSION, NULL);
  self->settings = g_object_ref (settings);
  self->profiles = steward_profile_store_new (settings);
  return self;
}

/* Returns: (transfer none): a GListModel of StewardProfile */
GListModel *
steward_session_get_profiles (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->profiles);
}

/* Returns: (transfer none) (nullable) */
StewardProfile *
steward_session_find_profile (StewardSession *self,
                              const char     *id)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return steward_profile_store_find (self->profiles, id);
}

/* Returns: (transfer none) (nullable): the saved profile of the deployment at @url, given in
 * any form the vendor CLI accepts */
StewardProfile *
steward_session_find_profile_by_url (StewardSession *self,
                                     const char     *url)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  normalized = url != NULL ? steward_url_normalize_base (url, NULL) : NULL;
  return steward_profile_store_find_by_url (self->profiles, normalized != NULL ? normalized : url);
}

StewardSessionState
steward_session_get_state (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), STEWARD_SESSION_SIGNED_OUT);

  return self->state;
}

/* Returns: (transfer none) (nullable): the signed-in profile */
StewardProfile *
steward_session_get_profile (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->profile;
}

/* Returns: (transfer none) (nullable): the profile being connected to, while CONNECTING */
StewardProfile *
steward_session_get_pending_profile (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->pending_profile;
}

/* Returns: (transfer none) (nullable): the saved profile Steward signs in to at start-up, which
 * is the last one signed in to */
StewardProfile *
steward_session_get_default_profile (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return steward_profile_store_find (self->profiles,
                                     steward_profile_store_get_current_id (self->profiles));
}

/* Where the signed-in profile's token is kept. */
StewardTokenStorage
steward_session_get_token_storage (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), STEWARD_TOKEN_NOT_STORED);

  return self->client != NULL ? self->storage : STEWARD_TOKEN_NOT_STORED;
}

/* Returns: (transfer none) (nullable) */
StewardClient *
steward_session_get_client (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->client;
}

/* Returns: (transfer none) (nullable): the signed-in user, whose role says what is allowed */
StewardUser *
steward_session_get_user (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->user;
}

/* Returns: (transfer none) (nullable): the signed-in deployment's state */
StewardDeployment *
steward_session_get_deployment (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->deployment;
}

/* Why restoring or switching failed, for the signed-out page; NULL otherwise. */
const char *
steward_session_get_last_error (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->last_error;
}

/* Checks @token against @profile's deployment, keeps it as @storage says, saves the profile
 * (unless temporary) and makes it current. STEWARD_SIGN_IN_ERROR names the stage that failed;
 * STEWARD_SESSION_ERROR_KEYRING says the keyring could not keep the token, so the caller can
 * offer STEWARD_TOKEN_SESSION_ONLY instead. */
void
steward_session_sign_in_async (StewardSession      *self,
                               StewardProfile      *profile,
                               const char          *token,
                               StewardTokenStorage  storage,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Connect *connect;

  g_return_if_fail (STEWARD_IS_SESSION (self));
  g_return_if_fail (STEWARD_IS_PROFILE (profile));

  task = new_connect_task (self, profile, steward_session_sign_in_async, cancellable, callback,
                           user_data);
  connect = g_task_get_task_data (task);
  connect->token = g_strdup (token);
  connect->storage = storage;
  check (task);
}

gboolean
steward_session_sign_in_finish (StewardSession  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
switched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  StewardSession *self = STEWARD_SESSION (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  end_connecting (self);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A missing token is not a failure worth showing: the user simply signs in. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN))
    set_last_error (self, error->message);

  g_task_return_error (task, error);
}

/* Signs in to a saved profile with its stored token; STEWARD_SESSION_ERROR_NO_TOKEN when there
 * is none, so the caller can ask for one. Meanwhile the state is CONNECTING and
 * StewardSession:pending-profile names the profile; on failure the session is back where it
 * was. */
void
steward_session_switch_async (StewardSession      *self,
                              const char          *profile_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StewardProfile *profile;

  g_return_if_fail (STEWARD_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_session_switch_async);

  profile = steward_profile_store_find (self->profiles, profile_id);
  if (profile == NULL)
    {
      g_task_return_new_error (task, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_PROFILE,
                               _("That profile no longer exists"));
      return;
    }

  begin_connecting (self, profile);
  connect_saved_async (self, profile, cancellable, switched_cb, g_steal_pointer (&task));
}

gboolean
steward_session_switch_finish (StewardSession  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (steward_session_switch_finish (STEWARD_SESSION (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* At start-up: signs in to the default profile, if there is one and its token still works. The
 * token is looked up asynchronously; the state is CONNECTING meanwhile. */
void
steward_session_restore_async (StewardSession      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *id;

  g_return_if_fail (STEWARD_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_session_restore_async);

  id = steward_profile_store_get_current_id (self->profiles);
  if (id == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  steward_session_switch_async (self, id, cancellable, restored_cb, g_steal_pointer (&task));
}

/* Returns: TRUE when signed in; FALSE without an error when there was nothing to restore */
gboolean
steward_session_restore_finish (StewardSession  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (steward_keyring_clear_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Forgets the token wherever it is kept. The session has already let go of it. */
static void
forget_token (GTask          *task,
              StewardProfile *profile)
{
  StewardSession *self = g_task_get_source_object (task);
  const char *url = steward_profile_get_url (profile);

  g_hash_table_remove (self->session_tokens, url);
  if (steward_profile_get_temporary (profile))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  steward_keyring_clear_async (url, g_task_get_cancellable (task), cleared_cb, task);
}

/* Signs out of the current profile and removes its token; the profile stays saved. */
void
steward_session_sign_out_async (StewardSession      *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(StewardProfile) profile = NULL;
  GTask *task;

  g_return_if_fail (STEWARD_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_session_sign_out_async);

  profile = self->profile != NULL ? g_object_ref (self->profile) : NULL;
  g_object_freeze_notify (G_OBJECT (self));
  deactivate (self);
  set_profile (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));

  if (profile == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  forget_token (task, profile);
}

gboolean
steward_session_sign_out_finish (StewardSession  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Removes a saved profile and its token; signs out first if it is the current one. */
void
steward_session_forget_profile_async (StewardSession      *self,
                                      const char          *profile_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(StewardProfile) profile = NULL;
  StewardProfile *saved;
  GTask *task;

  g_return_if_fail (STEWARD_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_session_forget_profile_async);

  saved = steward_profile_store_find (self->profiles, profile_id);
  if (saved == NULL)
    {
      g_task_return_new_error (task, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_PROFILE,
                               _("That profile no longer exists"));
      g_object_unref (task);
      return;
    }

  profile = g_object_ref (saved);
  if (self->profile == saved)
    {
      g_object_freeze_notify (G_OBJECT (self));
      deactivate (self);
      set_profile (self, NULL);
      g_object_thaw_notify (G_OBJECT (self));
    }
  steward_profile_store_remove (self->profiles, profile_id);
  forget_token (task, profile);
}

gboolean
steward_session_forget_profile_finish (StewardSession  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* After ::reauthentication-required: checks the new token against the current deployment and,
 * when it passes, keeps it where the old one was kept and hands it to the client, so the calls
 * that were waiting go out again. */
void
steward_session_reauthenticate_async (StewardSession      *self,
                                      const char          *token,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  Connect *connect;

  g_return_if_fail (STEWARD_IS_SESSION (self));
  g_return_if_fail (self->profile != NULL);

  task = new_connect_task (self, self->profile, steward_session_reauthenticate_async,
                           cancellable, callback, user_data);
  connect = g_task_get_task_data (task);
  connect->token = g_strdup (token);
  connect->storage = self->storage;
  connect->reauthenticate = TRUE;
  check (task);
}

gboolean
steward_session_reauthenticate_finish (StewardSession  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The user gave up: the waiting calls fail as unauthorized. */
void
steward_session_cancel_reauthentication (StewardSession *self)
{
  g_return_if_fail (STEWARD_IS_SESSION (self));

  if (self->client != NULL)
    steward_client_cancel_reauthentication (self->client);
}
