/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-api.h"

G_BEGIN_DECLS

#define STEWARD_SIGN_IN_ERROR (steward_sign_in_error_quark ())

/* The stage of signing in that failed, so the dialog can say which. */
typedef enum
{
  STEWARD_SIGN_IN_ERROR_INVALID_URL,
  STEWARD_SIGN_IN_ERROR_UNREACHABLE,
  STEWARD_SIGN_IN_ERROR_TLS,
  STEWARD_SIGN_IN_ERROR_NOT_QUALYTICS,
  STEWARD_SIGN_IN_ERROR_EXPIRED_TOKEN,
  STEWARD_SIGN_IN_ERROR_REJECTED_TOKEN,
  STEWARD_SIGN_IN_ERROR_DENIED,
  STEWARD_SIGN_IN_ERROR_TIMED_OUT,
  STEWARD_SIGN_IN_ERROR_FAILED,
} StewardSignInError;

GQuark         steward_sign_in_error_quark  (void);
void           steward_sign_in_check_async  (const char           *url,
                                             const char           *token,
                                             gboolean              verify_tls,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
StewardClient *steward_sign_in_check_finish (GAsyncResult         *result,
                                             StewardUser         **user,
                                             GError              **error);

G_END_DECLS
