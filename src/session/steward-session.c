/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-session"

#include <glib/gi18n-lib.h>

#include "steward-keyring.h"
#include "steward-profile-store.h"
#include "steward-session.h"
#include "steward-sign-in.h"

/* Who Steward is signed in as, and where: the current profile, its client and user, and the
 * saved profiles. Every way in (sign-in, switching profiles, restoring at start-up, signing in
 * again after the token stopped working) runs the same steps: find the token, check it with
 * the deployment, keep it where it belongs, then make it current. Nothing changes until the
 * checks pass, so a failed attempt leaves the session as it was. */
struct _StewardSession
{
  GObject              parent_instance;

  GSettings           *settings;
  StewardProfileStore *profiles;
  StewardSessionState  state;
  StewardProfile      *profile;
  StewardClient       *client;
  StewardUser         *user;
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
  PROP_CLIENT,
  PROP_USER,
  PROP_LAST_ERROR,
  N_PROPS
};

enum {
  REAUTHENTICATION_REQUIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A token that came from where it is kept needs no storing again. */
#define STORAGE_ALREADY_STORED ((StewardTokenStorage) -1)

typedef struct
{
  StewardProfile      *profile;
  char                *token;
  StewardTokenStorage  storage;
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
set_last_error (StewardSession *self,
                const char     *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
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

static void
deactivate (StewardSession *self)
{
  g_object_freeze_notify (G_OBJECT (self));

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
  set_state (self, STEWARD_SESSION_SIGNED_OUT);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
activate (StewardSession *self,
          Connect        *connect)
{
  g_object_freeze_notify (G_OBJECT (self));

  deactivate (self);

  if (g_set_object (&self->profile, connect->profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);

  self->client = g_object_ref (connect->client);
  g_signal_connect (self->client, "authentication-required",
                    G_CALLBACK (authentication_required_cb), self);
  self->user = g_object_ref (connect->user);
  if (connect->storage != STORAGE_ALREADY_STORED)
    self->storage = connect->storage;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  set_last_error (self, NULL);
  set_state (self, STEWARD_SESSION_SIGNED_IN);

  g_object_thaw_notify (G_OBJECT (self));
}

/* The profile joins the saved ones; one already saved for the same URL is updated instead, so
 * signing in again never duplicates a deployment. */
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
      steward_profile_set_name (saved, steward_profile_get_name (profile));
      steward_profile_set_verify_tls (saved, steward_profile_get_verify_tls (profile));
      steward_profile_set_environment (saved, steward_profile_get_environment (profile));
    }

  steward_profile_store_set_current_id (self->profiles, steward_profile_get_id (saved));
  return saved;
}

static void
finish_connect (GTask *task)
{
  StewardSession *self = g_task_get_source_object (task);
  Connect *connect = g_task_get_task_data (task);

  if (connect->storage == STEWARD_TOKEN_SESSION_ONLY)
    g_hash_table_insert (self->session_tokens,
                         g_strdup (steward_profile_get_url (connect->profile)),
                         g_strdup (connect->token));

  if (connect->reauthenticate && self->client != NULL &&
      g_strcmp0 (steward_client_get_base_url (self->client),
                 steward_client_get_base_url (connect->client)) == 0)
    {
      /* The same client carries on, so the calls waiting for a new token resume. */
      steward_client_set_token (self->client, connect->token);
      if (g_set_object (&self->user, connect->user))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
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
      g_task_return_new_error (task, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_KEYRING,
                               _("The token could not be saved in the system keyring: %s"),
                               error->message);
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

  if (connect->storage == STEWARD_TOKEN_KEYRING)
    {
      steward_keyring_store_async (steward_profile_get_url (connect->profile),
                                   steward_profile_get_name (connect->profile),
                                   connect->token, g_task_get_cancellable (task),
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
      if (error != NULL)
        g_task_return_new_error (task, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN,
                                 _("The system keyring could not be read: %s"), error->message);
      else
        g_task_return_new_error (task, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN,
                                 _("Sign in to %s again"), steward_profile_get_name (connect->profile));
      return;
    }

  connect->token = g_strdup (token);
  steward_keyring_free_token (token);
  check (g_steal_pointer (&task));
}

/* Finds the token of a saved profile: kept for this session, or in the keyring. */
static void
look_up_then_check (GTask *task)
{
  StewardSession *self = g_task_get_source_object (task);
  Connect *connect = g_task_get_task_data (task);
  const char *url = steward_profile_get_url (connect->profile);
  const char *token = g_hash_table_lookup (self->session_tokens, url);

  connect->storage = STORAGE_ALREADY_STORED;
  if (token != NULL)
    {
      connect->token = g_strdup (token);
      check (task);
      return;
    }

  steward_keyring_lookup_async (url, g_task_get_cancellable (task), looked_up_cb, task);
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

static void
steward_session_dispose (GObject *object)
{
  StewardSession *self = STEWARD_SESSION (object);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, authentication_required_cb, self);
  g_clear_object (&self->client);
  g_clear_object (&self->user);
  g_clear_object (&self->profile);
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
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
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
  properties[PROP_PROFILE] = g_param_spec_object ("profile", NULL, NULL, STEWARD_TYPE_PROFILE, flags);
  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, STEWARD_TYPE_CLIENT, flags);
  properties[PROP_USER] = g_param_spec_object ("user", NULL, NULL, STEWARD_TYPE_USER, flags);
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

StewardProfile *
steward_session_find_profile (StewardSession *self,
                              const char     *id)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return steward_profile_store_find (self->profiles, id);
}

StewardProfile *
steward_session_find_profile_by_url (StewardSession *self,
                                     const char     *url)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return steward_profile_store_find_by_url (self->profiles, url);
}

StewardSessionState
steward_session_get_state (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), STEWARD_SESSION_SIGNED_OUT);

  return self->state;
}

StewardProfile *
steward_session_get_profile (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->profile;
}

StewardClient *
steward_session_get_client (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->client;
}

StewardUser *
steward_session_get_user (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->user;
}

/* Why restoring or switching failed, for the signed-out page; NULL otherwise. */
const char *
steward_session_get_last_error (StewardSession *self)
{
  g_return_val_if_fail (STEWARD_IS_SESSION (self), NULL);

  return self->last_error;
}

/* Checks @token against @profile's deployment, keeps it as @storage says, saves the profile
 * (unless temporary) and makes it current. */
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

  task = new_connect_task (self, profile, steward_session_sign_in_async, cancellable, callback, user_data);
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

/* Signs in to a saved profile with its stored token; STEWARD_SESSION_ERROR_NO_TOKEN when there
 * is none, so the caller can ask for one. */
void
steward_session_switch_async (StewardSession      *self,
                              const char          *profile_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  StewardProfile *profile;

  g_return_if_fail (STEWARD_IS_SESSION (self));

  profile = steward_profile_store_find (self->profiles, profile_id);
  if (profile == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, steward_session_switch_async);
      g_task_return_new_error (task, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN,
                               _("That profile no longer exists"));
      return;
    }

  look_up_then_check (new_connect_task (self, profile, steward_session_switch_async,
                                        cancellable, callback, user_data));
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
  StewardSession *self = STEWARD_SESSION (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (steward_session_switch_finish (self, result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A missing token is not a failure worth showing: the user simply signs in. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !(g_error_matches (error, STEWARD_SESSION_ERROR, STEWARD_SESSION_ERROR_NO_TOKEN)))
    set_last_error (self, error->message);

  if (self->state == STEWARD_SESSION_CONNECTING)
    set_state (self, STEWARD_SESSION_SIGNED_OUT);
  g_task_return_error (task, error);
}

/* At start-up: signs in to the current profile, if there is one and its token still works. The
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

  g_clear_object (&self->profile);
  self->profile = g_object_ref (steward_profile_store_find (self->profiles, id));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
  set_state (self, STEWARD_SESSION_CONNECTING);
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

/* Signs out of the current profile and removes its token; the profile stays. */
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
  deactivate (self);
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

/* Removes a profile and its token; signs out first if it is the current one. */
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
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  profile = g_object_ref (saved);
  if (self->profile == saved)
    {
      deactivate (self);
      g_clear_object (&self->profile);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
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
 * when it passes, hands it to the client so the waiting calls go out again. */
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
