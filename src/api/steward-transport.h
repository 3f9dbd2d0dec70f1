/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  STEWARD_HTTP_GET,
  STEWARD_HTTP_POST,
  STEWARD_HTTP_PUT,
  STEWARD_HTTP_PATCH,
  STEWARD_HTTP_DELETE,
} StewardHttpMethod;

typedef struct
{
  guint   status;
  char   *reason;
  char   *content_type;
  GBytes *body;
} StewardHttpResponse;

void steward_http_response_free (StewardHttpResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardHttpResponse, steward_http_response_free)

const char *steward_http_method_to_string (StewardHttpMethod method);

#define STEWARD_TYPE_TRANSPORT (steward_transport_get_type ())

G_DECLARE_FINAL_TYPE (StewardTransport, steward_transport, STEWARD, TRANSPORT, GObject)

StewardTransport    *steward_transport_new            (void);
void                 steward_transport_set_verify_tls (StewardTransport     *self,
                                                       gboolean              verify_tls);
void                 steward_transport_set_timeout    (StewardTransport     *self,
                                                       guint                 seconds);
void                 steward_transport_set_deadline    (StewardTransport    *self,
                                                        guint                seconds);
void                 steward_transport_set_retries    (StewardTransport     *self,
                                                       guint                 max_retries,
                                                       guint                 first_delay_ms);
void                 steward_transport_send_async     (StewardTransport     *self,
                                                       StewardHttpMethod     method,
                                                       const char           *uri,
                                                       const char           *bearer_token,
                                                       GBytes               *json_body,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
StewardHttpResponse *steward_transport_send_finish    (StewardTransport     *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
guint                steward_transport_get_request_count (StewardTransport  *self);
guint64              steward_transport_get_bytes_received (StewardTransport *self);

G_END_DECLS
