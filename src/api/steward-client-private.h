/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "steward-client.h"
#include "steward-transport.h"

G_BEGIN_DECLS

/* Turns a 2xx body into the call's result. Runs on a worker thread, so that large answers never
 * stall the main loop; @root is NULL for an empty body. */
typedef gpointer (*StewardParseFunc) (JsonNode  *root,
                                      GError   **error);

/* Turns a 2xx body into the call's result without a JSON tree, on a worker thread. */
typedef gpointer (*StewardParseBytesFunc) (GBytes  *body,
                                           GError **error);

typedef enum
{
  STEWARD_CALL_NONE = 0,
  STEWARD_CALL_ANONYMOUS = 1 << 0, /* no token: /health */
  STEWARD_CALL_TRIGGER_COMPAT =
      1 << 1, /* resend once as trigger_sync if trigger_catalog is refused */
} StewardCallFlags;

void     _steward_client_call             (StewardClient        *self,
                                           StewardHttpMethod     method,
                                           const char           *path,
                                           const char           *query,
                                           JsonNode             *body,
                                           StewardCallFlags      flags,
                                           StewardParseFunc      parse,
                                           GDestroyNotify        result_free,
                                           gpointer              source_tag,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
void     _steward_client_call_raw         (StewardClient        *self,
                                           const char           *path,
                                           const char           *query,
                                           StewardParseBytesFunc parse_bytes,
                                           GDestroyNotify        result_free,
                                           gpointer              source_tag,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gpointer _steward_client_call_finish      (StewardClient        *self,
                                           GAsyncResult         *result,
                                           gpointer              source_tag,
                                           GError              **error);
gboolean _steward_client_call_finish_boolean (StewardClient     *self,
                                           GAsyncResult         *result,
                                           gpointer              source_tag,
                                           GError              **error);

void     _steward_client_fail             (StewardClient        *self,
                                           gpointer              source_tag,
                                           GError               *error,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);

void     steward_query_add                (GString              *query,
                                           const char           *key,
                                           const char           *value);
void     steward_query_add_int            (GString              *query,
                                           const char           *key,
                                           gint64                value);

/* Common parsers. */
gpointer _steward_parse_datastore         (JsonNode  *root,
                                           GError   **error);
gpointer _steward_parse_group             (JsonNode  *root,
                                           GError   **error);
gpointer _steward_parse_operation         (JsonNode  *root,
                                           GError   **error);
gpointer _steward_parse_connection        (JsonNode  *root,
                                           GError   **error);
JsonObject *_steward_expect_object        (JsonNode  *root,
                                           GError   **error);
JsonArray  *_steward_expect_items         (JsonNode  *root,
                                           GError   **error);

G_END_DECLS
