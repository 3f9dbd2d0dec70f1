/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-api.h"
#include "steward-deployment.h"
#include "steward-profile.h"

G_BEGIN_DECLS

#define STEWARD_SESSION_ERROR (steward_session_error_quark ())

typedef enum
{
  STEWARD_SESSION_ERROR_NO_TOKEN,   /* the profile has no stored token: ask for one */
  STEWARD_SESSION_ERROR_KEYRING,    /* the keyring could not store or read the token */
  STEWARD_SESSION_ERROR_NO_PROFILE, /* no saved profile has that id */
} StewardSessionError;

typedef enum
{
  STEWARD_SESSION_SIGNED_OUT,
  STEWARD_SESSION_CONNECTING,
  STEWARD_SESSION_SIGNED_IN,
} StewardSessionState;

/* Where a token that passed the checks is kept. */
typedef enum
{
  STEWARD_TOKEN_KEYRING,        /* the system keyring: survives restarts */
  STEWARD_TOKEN_SESSION_ONLY,   /* memory, until Steward quits: when there is no usable keyring */
  STEWARD_TOKEN_NOT_STORED,     /* the demo's */
} StewardTokenStorage;

#define STEWARD_TYPE_SESSION (steward_session_get_type ())

G_DECLARE_FINAL_TYPE (StewardSession, steward_session, STEWARD, SESSION, GObject)

GQuark               steward_session_error_quark             (void);
StewardSession      *steward_session_new                     (GSettings            *settings);
GListModel          *steward_session_get_profiles            (StewardSession       *self);
StewardProfile      *steward_session_find_profile            (StewardSession       *self,
                                                              const char           *id);
StewardProfile      *steward_session_find_profile_by_url     (StewardSession       *self,
                                                              const char           *url);
StewardSessionState  steward_session_get_state               (StewardSession       *self);
StewardProfile      *steward_session_get_profile             (StewardSession       *self);
StewardProfile      *steward_session_get_pending_profile     (StewardSession       *self);
StewardProfile      *steward_session_get_default_profile     (StewardSession       *self);
StewardTokenStorage  steward_session_get_token_storage       (StewardSession       *self);
StewardClient       *steward_session_get_client              (StewardSession       *self);
StewardUser         *steward_session_get_user                (StewardSession       *self);
StewardDeployment   *steward_session_get_deployment          (StewardSession       *self);
const char          *steward_session_get_last_error          (StewardSession       *self);

void                 steward_session_sign_in_async           (StewardSession       *self,
                                                              StewardProfile       *profile,
                                                              const char           *token,
                                                              StewardTokenStorage   storage,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             steward_session_sign_in_finish          (StewardSession       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 steward_session_switch_async            (StewardSession       *self,
                                                              const char           *profile_id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             steward_session_switch_finish           (StewardSession       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 steward_session_restore_async           (StewardSession       *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             steward_session_restore_finish          (StewardSession       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 steward_session_sign_out_async          (StewardSession       *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             steward_session_sign_out_finish         (StewardSession       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 steward_session_forget_profile_async    (StewardSession       *self,
                                                              const char           *profile_id,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             steward_session_forget_profile_finish   (StewardSession       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 steward_session_reauthenticate_async    (StewardSession       *self,
                                                              const char           *token,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
gboolean             steward_session_reauthenticate_finish   (StewardSession       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                 steward_session_cancel_reauthentication (StewardSession       *self);

char                *steward_session_listing_cache_path      (StewardProfile       *profile);

G_END_DECLS
