/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-client.h"
#include "steward-user.h"

G_BEGIN_DECLS

void         steward_client_check_health_async      (StewardClient        *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean     steward_client_check_health_finish     (StewardClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void         steward_client_get_current_user_async  (StewardClient        *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
StewardUser *steward_client_get_current_user_finish (StewardClient        *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
