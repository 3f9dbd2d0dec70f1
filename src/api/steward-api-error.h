/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEWARD_API_ERROR (steward_api_error_quark ())

/* What went wrong, in the terms a screen branches on. The message is the server's own text when
 * it gave one ("detail" as a string or a list, else "message"). */
typedef enum
{
  STEWARD_API_ERROR_UNAUTHORIZED,   /* 401: missing, invalid or revoked token */
  STEWARD_API_ERROR_TOKEN_EXPIRED,  /* the token's "exp" has passed; nothing was sent */
  STEWARD_API_ERROR_FORBIDDEN,      /* 403 */
  STEWARD_API_ERROR_NOT_FOUND,      /* 404 */
  STEWARD_API_ERROR_CONFLICT,       /* 409 */
  STEWARD_API_ERROR_INVALID,        /* 422, or a limit checked before sending; see field errors */
  STEWARD_API_ERROR_BAD_REQUEST,    /* 400 and other 4xx */
  STEWARD_API_ERROR_SERVER,         /* 5xx */
  STEWARD_API_ERROR_NETWORK,        /* connect, DNS, timeout, dropped connection */
  STEWARD_API_ERROR_TLS,            /* certificate problems */
  STEWARD_API_ERROR_PARSE,          /* a body that is not the JSON we expected */
} StewardApiError;

typedef struct
{
  char *field;    /* the field's name, e.g. "name" or "connection.host"; NULL for the body */
  char *message;
  char *type;     /* the server's error type ("missing", "string_too_long"…), if it gave one */
} StewardFieldError;

GQuark      steward_api_error_quark              (void);
GError     *steward_api_error_new                (StewardApiError    code,
                                                  guint              http_status,
                                                  const char        *message);
GError     *steward_api_error_new_invalid_field  (const char        *field,
                                                  const char        *message);
void        steward_api_error_add_field_error    (GError            *error,
                                                  const char        *field,
                                                  const char        *message);
guint       steward_api_error_get_http_status    (const GError      *error);
GPtrArray  *steward_api_error_get_field_errors   (const GError      *error);
const char *steward_api_error_get_field_message  (const GError      *error,
                                                  const char        *field);
GError     *steward_api_error_new_from_http      (guint              http_status,
                                                  const char        *reason,
                                                  GBytes            *body);
gboolean    steward_api_error_has_missing_field  (const GError      *error);
gboolean    steward_api_error_is_auth            (const GError      *error);
gboolean    steward_api_error_is_transient       (const GError      *error);

G_END_DECLS
