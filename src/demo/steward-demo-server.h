/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STEWARD_DEMO_ROLE_ADMIN,
  STEWARD_DEMO_ROLE_MANAGER,
  STEWARD_DEMO_ROLE_MEMBER,
  STEWARD_DEMO_ROLE_EXPIRED, /* the admin, with an expired token */
} StewardDemoRole;

typedef enum
{
  STEWARD_DEMO_FAULT_500,
  STEWARD_DEMO_FAULT_502,
  STEWARD_DEMO_FAULT_503,
  STEWARD_DEMO_FAULT_DROP,      /* close the connection without answering */
  STEWARD_DEMO_FAULT_TRUNCATED, /* a 200 whose JSON body is cut short */
  STEWARD_DEMO_FAULT_NOT_JSON,  /* a 200 with an HTML body */
  STEWARD_DEMO_FAULT_STALL,     /* answer only after 30 s (for cancellation tests) */
} StewardDemoFault;

#define STEWARD_TYPE_DEMO_SERVER (steward_demo_server_get_type ())

G_DECLARE_FINAL_TYPE (StewardDemoServer, steward_demo_server, STEWARD, DEMO_SERVER, GObject)

/* Properties, set before start: "seed" (uint, default 1), "extra-datastores" (uint),
 * "latency-ms" (uint), "fault-rate" (double 0..1), "state-file" (string, NULL = in memory),
 * "operation-duration-ms" (uint, default 4000), "serve-specifications" (boolean, default FALSE). */
StewardDemoServer *steward_demo_server_new              (void);

/* Starts the server on its own thread and main context, listening on 127.0.0.1 only. Returns
 * once it listens. A port of 0 picks a free one. */
gboolean    steward_demo_server_start               (StewardDemoServer  *self,
                                                     guint16             port,
                                                     GError            **error);
/* Stops and joins the server thread, saving the state file if there is one. Also on dispose. */
void        steward_demo_server_stop                (StewardDemoServer  *self);

/* "http://127.0.0.1:PORT/api" once started, NULL before. */
const char *steward_demo_server_get_base_url        (StewardDemoServer  *self);
guint16     steward_demo_server_get_port            (StewardDemoServer  *self);

/* The role's current token. The string stays valid until the server is finalized. */
const char *steward_demo_server_get_token           (StewardDemoServer  *self,
                                                     StewardDemoRole     role);
/* A validly signed token for the role that expires LIFETIME_SECONDS from now (may be negative). */
char       *steward_demo_server_mint_token          (StewardDemoServer  *self,
                                                     StewardDemoRole     role,
                                                     gint64              lifetime_seconds);
/* Every token issued so far for the role answers 401 from now on; get_token() then returns a
 * fresh one, as signing in again would. */
void        steward_demo_server_revoke_tokens       (StewardDemoServer  *self,
                                                     StewardDemoRole     role);
/* Team permissions of a role: "Editor" or "Reporter" in each listed team, OTHER_TEAMS ("Editor",
 * "Reporter" or NULL for none) in every other team. The admin bypasses team checks anyway. */
void        steward_demo_server_set_role_teams      (StewardDemoServer  *self,
                                                     StewardDemoRole     role,
                                                     const char         *other_teams,
                                                     const char * const *editor_teams,
                                                     const char * const *reporter_teams);

/* The next COUNT requests matching METHOD (NULL = any) and a path starting with PATH_PREFIX
 * (NULL = any, e.g. "/api/datastores") fail with FAULT. Rules are tried in the order added. */
void        steward_demo_server_inject_fault        (StewardDemoServer  *self,
                                                     const char         *method,
                                                     const char         *path_prefix,
                                                     StewardDemoFault    fault,
                                                     guint               count);

/* Ends every running operation now, with the outcome it would have had at the end of its
 * duration (new metrics, a failure's message), so that tests need not wait for the clock.
 * Operations that run until aborted, like the seeded export, go on. Returns how many ended. */
guint       steward_demo_server_finish_operations   (StewardDemoServer  *self);

/* The next COUNT bulk creations that name TARGET (a schema or a root path) list it under
 * "errors" with MESSAGE instead of creating it, as a server that meets a problem with one schema
 * does; the others in the same request are still created. Validation is not affected. */
void        steward_demo_server_fail_bulk_target    (StewardDemoServer  *self,
                                                     const char         *target,
                                                     const char         *message,
                                                     guint               count);

/* How many requests arrived on METHOD and PATH (exact, without the query, e.g.
 * "/api/connections/datastores/bulk"), faulty ones included. */
guint       steward_demo_server_count_requests      (StewardDemoServer  *self,
                                                     const char         *method,
                                                     const char         *path);
/* Element-type utf8: the bodies received on that route, oldest first ("" for none; only their
 * first 64 KiB), among the last 200 requests overall. */
GPtrArray  *steward_demo_server_dup_request_bodies  (StewardDemoServer  *self,
                                                     const char         *method,
                                                     const char         *path);
/* The raw query string of the last such request, or NULL. */
char       *steward_demo_server_dup_last_query      (StewardDemoServer  *self,
                                                     const char         *method,
                                                     const char         *path);

G_END_DECLS
