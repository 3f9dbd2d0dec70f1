/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The demo server's instance and what its files share about it. steward-demo-server.c owns the
 * object, its thread and routing; steward-demo-faults.c the faults, deferred replies and
 * refusals; steward-demo-request-log.c the log that tests read. Only these three include this
 * header: the handlers see the server through DemoRequest and steward-demo-private.h. */

#include "steward-demo-server.h"
#include "steward-demo-private.h"

G_BEGIN_DECLS

typedef struct
{
  char             *method;
  char             *path_prefix;
  StewardDemoFault  fault;
  guint             count;
} FaultRule;

/* A schema or root path that the next COUNT bulk creations fail to create. */
typedef struct
{
  char  *target;
  char  *message;
  guint  count;
} BulkFailure;

typedef struct
{
  char *method;
  char *path;
  char *query;
  char *body;
} LoggedRequest;

typedef struct
{
  DemoTeamLevel  other_teams;
  GHashTable    *teams; /* name → GINT_TO_POINTER (DemoTeamLevel) */
} TeamConfig;

typedef enum
{
  PENDING_HANDLE,  /* handle the request when the delay is over (latency, stalls) */
  PENDING_RESPOND, /* the answer is ready: send it when the delay is over (slow hosts) */
} PendingMode;

struct _StewardDemoServer
{
  GObject       parent_instance;

  /* Properties, fixed once started. */
  guint         seed;
  guint         extra_datastores;
  guint         latency_ms;
  double        fault_rate;
  char         *state_file;
  guint         operation_duration_ms;
  gboolean      serve_specifications;

  /* Written before the thread starts, read-only while it runs. */
  char         *secret;
  guint16       port;
  char         *base_url;

  /* The server thread and what only it uses. */
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *soup;
  DemoStore    *store;
  GRand        *fault_rand;
  GSource      *save_source;
  GList        *pending;
  GList        *refusals;

  /* The start-up handshake between start() and the thread. */
  GMutex        start_mutex;
  GCond         start_cond;
  gboolean      start_done;
  GError       *start_error;

  /* Shared with the public API. */
  GMutex        lock;
  const char   *tokens[4];     /* the current token per role, owned by kept_tokens */
  GPtrArray    *kept_tokens;   /* every token handed out, alive until finalize */
  GHashTable   *issued;        /* token → GINT_TO_POINTER (role + 1) */
  GHashTable   *revoked;       /* tokens that answer 401 */
  TeamConfig    teams[3];      /* by DemoUser.index */
  GQueue        faults;        /* FaultRule */
  GQueue        bulk_failures; /* BulkFailure */
  GHashTable   *request_counts; /* "METHOD path" → GUINT_TO_POINTER (count) */
  GQueue        request_log;   /* LoggedRequest, oldest first */
};

/* steward-demo-server.c */
void      _demo_server_handle             (StewardDemoServer *self,
                                           SoupServerMessage *msg,
                                           gboolean           truncate,
                                           gboolean           paused);

/* steward-demo-faults.c */
void      _demo_fault_rule_free           (gpointer           data);
void      _demo_bulk_failure_free         (gpointer           data);
gboolean  _demo_server_take_fault         (StewardDemoServer *self,
                                           const char        *method,
                                           const char        *path,
                                           StewardDemoFault  *out);
void      _demo_server_answer_fault       (SoupServerMessage *msg,
                                           StewardDemoFault   fault);
void      _demo_server_truncate_response  (SoupServerMessage *msg);
void      _demo_server_defer              (StewardDemoServer *self,
                                           SoupServerMessage *msg,
                                           guint              delay_ms,
                                           PendingMode        mode,
                                           gboolean           truncate,
                                           gboolean           already_paused);
void      _demo_server_refuse             (StewardDemoServer *self,
                                           SoupServerMessage *msg);
void      _demo_server_drop_deferred      (StewardDemoServer *self);

/* steward-demo-request-log.c */
void      _demo_logged_request_free       (gpointer           data);
void      _demo_server_log_request        (StewardDemoServer *self,
                                           const char        *method,
                                           const char        *path,
                                           GUri              *uri,
                                           SoupServerMessage *msg);

G_END_DECLS
