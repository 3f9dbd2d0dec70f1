/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_CLIENT (steward_client_get_type ())

G_DECLARE_FINAL_TYPE (StewardClient, steward_client, STEWARD, CLIENT, GObject)

StewardClient *steward_client_new                        (const char     *url,
                                                          GError        **error);
const char    *steward_client_get_base_url               (StewardClient  *self);
void           steward_client_set_token                  (StewardClient  *self,
                                                          const char     *token);
gboolean       steward_client_has_token                  (StewardClient  *self);
gint64         steward_client_get_token_expiry           (StewardClient  *self);
gboolean       steward_client_get_verify_tls             (StewardClient  *self);
void           steward_client_set_verify_tls             (StewardClient  *self,
                                                          gboolean        verify_tls);
guint          steward_client_get_timeout                (StewardClient  *self);
void           steward_client_set_timeout                (StewardClient  *self,
                                                          guint           seconds);
void           steward_client_set_deadline               (StewardClient  *self,
                                                          guint           seconds);
void           steward_client_set_retries                (StewardClient  *self,
                                                          guint           max_retries,
                                                          guint           first_delay_ms);
gboolean       steward_client_is_reauthenticating        (StewardClient  *self);
void           steward_client_cancel_reauthentication    (StewardClient  *self);
guint          steward_client_get_request_count          (StewardClient  *self);
guint64        steward_client_get_bytes_received         (StewardClient  *self);

G_END_DECLS
