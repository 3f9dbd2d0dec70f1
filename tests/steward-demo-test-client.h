/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "steward-demo-server.h"

G_BEGIN_DECLS

/* Conformance tests talk real HTTP to a demo server started on a free port for each test, with
 * a synchronous SoupSession on the test's thread (the server has its own). */

typedef struct
{
  guint    extra_datastores;
  guint    operation_duration_ms; /* 0: the server's default */
  guint    latency_ms;
  double   fault_rate;
  gboolean serve_specifications;
} DemoServerOptions;

typedef struct
{
  StewardDemoServer *server;
  SoupSession       *session;
} DemoFixture;

typedef struct
{
  guint               status;   /* 0 when the transport failed */
  GError             *error;    /* the transport's error */
  char               *body;
  JsonNode           *root;     /* NULL when the body is empty or not JSON */
  SoupMessageHeaders *headers;
  double              seconds;  /* how long it took */
} DemoResponse;

void          demo_fixture_setup      (DemoFixture         *fixture,
                                       gconstpointer        options);
void          demo_fixture_teardown   (DemoFixture         *fixture,
                                       gconstpointer        options);
StewardDemoServer *demo_server_start  (const DemoServerOptions *options);

/* PATH is below the base URL ("/datastores/42?x=1"); BODY is sent as JSON when not NULL. */
DemoResponse *demo_request            (DemoFixture         *fixture,
                                       StewardDemoRole      role,
                                       const char          *method,
                                       const char          *path,
                                       const char          *body);
DemoResponse *demo_request_printf     (DemoFixture         *fixture,
                                       StewardDemoRole      role,
                                       const char          *method,
                                       const char          *body,
                                       const char          *path_format,
                                       ...) G_GNUC_PRINTF (5, 6);
/* TOKEN NULL sends no Authorization header; AUTHORIZATION, when set, is sent as it is. */
DemoResponse *demo_request_raw        (DemoFixture         *fixture,
                                       const char          *authorization,
                                       const char          *method,
                                       const char          *path,
                                       GBytes              *body,
                                       SoupMessageFlags     flags);
void          demo_response_free      (DemoResponse        *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoResponse, demo_response_free)

/* Raw HTTP/1.1 on one connection, for what a SoupSession hides or repairs: whether the server
 * keeps a connection open, pipelined requests, answers that come before a body is sent. Reads
 * give up after 10 s. demo_raw_read() returns status 0 (and the error, if any) when the server
 * closed the connection instead of answering. */
GSocketConnection *demo_raw_connect     (DemoFixture       *fixture);
void               demo_raw_send        (GSocketConnection *connection,
                                         const void        *data,
                                         gssize             length);
DemoResponse      *demo_raw_read        (GSocketConnection *connection);
/* Ends the client's side and reads on: TRUE when the server closes its side too, having sent
 * nothing more. */
gboolean           demo_raw_closes      (GSocketConnection *connection);

/* Values at a dotted path in the response: "items.0.name", "metrics.containers". */
JsonNode   *demo_json_at        (JsonNode   *root,
                                 const char *path);
gint64      demo_get_int        (JsonNode   *root,
                                 const char *path);
const char *demo_get_string     (JsonNode   *root,
                                 const char *path);
gboolean    demo_get_bool       (JsonNode   *root,
                                 const char *path);
gboolean    demo_is_null        (JsonNode   *root,
                                 const char *path);
gboolean    demo_has            (JsonNode   *root,
                                 const char *path);
guint       demo_get_length     (JsonNode   *root,
                                 const char *path);
char       *demo_to_string      (JsonNode   *node);

void demo_assert_status_at      (const char   *file,
                                 int           line,
                                 DemoResponse *response,
                                 guint         status);
void demo_assert_detail_at      (const char   *file,
                                 int           line,
                                 DemoResponse *response,
                                 guint         status,
                                 const char   *detail);
void demo_assert_validation_at  (const char   *file,
                                 int           line,
                                 DemoResponse *response,
                                 const char   *loc,
                                 const char   *type);

#define demo_assert_status(r, s) demo_assert_status_at (__FILE__, __LINE__, (r), (s))
#define demo_assert_detail(r, s, d) demo_assert_detail_at (__FILE__, __LINE__, (r), (s), (d))
/* A 422 whose detail list holds an error at LOC ("body.name", "query.size") of TYPE (or any). */
#define demo_assert_validation(r, l, t)                                                            \
  demo_assert_validation_at (__FILE__, __LINE__, (r), (l), (t))

/* A snapshot of everything the API shows, to check that a rejected request changed nothing. */
char *demo_snapshot (DemoFixture *fixture);

G_END_DECLS
