/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internals shared by the files of the demo server. Only the server thread touches the store and
 * the requests; see steward-demo-server.c for what the public API shares under its lock. */

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "steward-demo-server.h"

G_BEGIN_DECLS

/* Users and permissions */

typedef enum
{
  DEMO_LEVEL_NONE,
  DEMO_LEVEL_MEMBER,
  DEMO_LEVEL_MANAGER,
  DEMO_LEVEL_ADMIN,
} DemoLevel;

typedef enum
{
  DEMO_TEAM_NONE,
  DEMO_TEAM_REPORTER,
  DEMO_TEAM_EDITOR,
} DemoTeamLevel;

typedef struct
{
  guint       index; /* the user's bit in DemoDatastore.favorites */
  gint64      id;
  const char *key;   /* the token's subject */
  const char *name;
  const char *email;
  const char *role;  /* as GET /users/me names it */
  DemoLevel   level;
} DemoUser;

const DemoUser *_demo_user_for_role (StewardDemoRole role);
const DemoUser *_demo_user_for_key  (const char     *key);

/* The store */

typedef struct
{
  gint64      id;
  char       *name;
  char       *type;
  gint64      created_us;
  gint64      updated_us;
  JsonObject *fields;     /* top-level connection fields other than name and type, secrets too */
  JsonObject *parameters; /* connector-specific options */
} DemoConnection;

typedef struct
{
  gint64  id;
  char   *name;
  char   *icon;
  gint64  created_us;
} DemoGroup;

typedef struct
{
  gint64 containers;
  gint64 records;
  gint64 fields_profiled;
  gint64 active_checks;
  gint64 active_anomalies;
} DemoMetrics;

typedef struct
{
  gint64       id;
  char        *name;
  char        *name_folded; /* for search and sorting */
  char        *description;
  gint64       connection_id;
  char        *database;
  char        *schema;
  char        *root_path;
  gboolean     folder_globbing_enabled;
  gboolean     connected;
  gboolean     enrichment_only;
  guint        favorites;   /* one bit per DemoUser.index */
  char        *enrichment_prefix;
  gint64       enrichment_source_record_limit;
  char        *enrichment_remediation_strategy;
  gint64       high_count_rollup_threshold;
  gint64       enrich_datastore_id; /* 0: none */
  gint64       group_id;            /* 0: none */
  GPtrArray   *teams;
  GPtrArray   *tags;
  DemoMetrics  metrics;
  gint64       created_us;
  gint64       updated_us;
} DemoDatastore;

typedef struct
{
  gint64  id;
  char   *type;
  gint64  datastore_id;
  char   *result;          /* "running" until it ends */
  gint64  start_us;
  gint64  duration_us;     /* < 0: runs until aborted, as a scheduled export does */
  gint64  end_us;          /* 0 while running */
  char   *message;
  char   *failure;         /* when set, the operation ends in failure with this message */
  gint64  total_containers;
  gint64  total_records;
} DemoOperation;

typedef struct
{
  GPtrArray  *connections;  /* by id */
  GHashTable *connections_by_id;
  GPtrArray  *groups;
  GHashTable *groups_by_id;
  GPtrArray  *datastores;   /* by id */
  GHashTable *datastores_by_id;
  GPtrArray  *operations;   /* by id */
  GHashTable *operations_by_id;
  gint64      next_connection_id;
  gint64      next_group_id;
  gint64      next_datastore_id;
  gint64      next_operation_id;
  gint64      operation_duration_us;

  /* Listings are cached until anything changes (steward-demo-listing.c). */
  guint64     generation;
  guint64     cache_generation;
  GHashTable *listings;     /* query key → GPtrArray of DemoDatastore*, matched and sorted */
  GHashTable *item_json;    /* (id, user) → a datastore's JSON text as that user sees it */
} DemoStore;

DemoStore      *_demo_store_new                    (void);
void            _demo_store_free                   (DemoStore      *store);
DemoConnection *_demo_connection_new               (void);
void            _demo_connection_free              (DemoConnection *connection);
DemoDatastore  *_demo_datastore_new                (void);
void            _demo_datastore_free               (DemoDatastore  *datastore);
void            _demo_datastore_set_name           (DemoDatastore  *datastore,
                                                    const char     *name);
DemoGroup      *_demo_group_new                    (void);
void            _demo_group_free                   (DemoGroup      *group);
DemoOperation  *_demo_operation_new                (void);
void            _demo_operation_free               (DemoOperation  *operation);

const char     *_demo_connection_get_string        (DemoConnection *connection,
                                                    const char     *member);
gint64          _demo_connection_get_int           (DemoConnection *connection,
                                                    const char     *member,
                                                    gint64          fallback);
const char     *_demo_connection_get_store_type    (DemoConnection *connection);

DemoConnection *_demo_store_get_connection         (DemoStore      *store,
                                                    gint64          id);
DemoGroup      *_demo_store_get_group              (DemoStore      *store,
                                                    gint64          id);
void            _demo_store_touch                  (DemoStore      *store);
DemoDatastore  *_demo_store_get_datastore          (DemoStore      *store,
                                                    gint64          id);
DemoOperation  *_demo_store_get_operation          (DemoStore      *store,
                                                    gint64          id);
DemoGroup      *_demo_store_find_group_by_name     (DemoStore      *store,
                                                    const char     *name,
                                                    gint64          except_id);
void            _demo_store_add_connection         (DemoStore      *store,
                                                    DemoConnection *connection);
void            _demo_store_add_group              (DemoStore      *store,
                                                    DemoGroup      *group);
void            _demo_store_add_datastore          (DemoStore      *store,
                                                    DemoDatastore  *datastore);
void            _demo_store_add_operation          (DemoStore      *store,
                                                    DemoOperation  *operation);
void            _demo_store_remove_connection      (DemoStore      *store,
                                                    gint64          id);
void            _demo_store_remove_group           (DemoStore      *store,
                                                    gint64          id);
void            _demo_store_remove_datastore       (DemoStore      *store,
                                                    gint64          id);
guint           _demo_store_count_datastores_using (DemoStore      *store,
                                                    gint64          connection_id);
gboolean        _demo_store_save                   (DemoStore      *store,
                                                    const char     *path,
                                                    GError        **error);
gboolean        _demo_store_load                   (DemoStore      *store,
                                                    const char     *path,
                                                    GError        **error);

/* Seed data and the simulated databases behind the connections */

void                _demo_seed_populate        (DemoStore  *store,
                                                guint       seed,
                                                guint       extra_datastores);
const char * const *_demo_world_catalogs       (const char *host);
const char * const *_demo_world_schemas        (const char *host,
                                                const char *catalog);
char               *_demo_world_schema_problem (const char *host,
                                                const char *catalog,
                                                const char *schema);

/* Requests */

typedef struct
{
  char *key;
  char *value;
} DemoQueryParam;

typedef struct
{
  StewardDemoServer *server;
  DemoStore         *store;
  SoupServerMessage *msg;
  const char        *method;
  const char        *path;      /* below /api, e.g. "/datastores/42" */
  GPtrArray         *query;     /* DemoQueryParam, in order, repeated keys kept */
  GBytes            *body;
  JsonNode          *body_node; /* the parsed body, once a handler asked for it */
  const DemoUser    *user;      /* NULL on routes without authentication */
  gint64             ids[2];    /* the numeric path segments, -1 when out of range */
  const char        *id_texts[2];
  JsonArray         *errors;    /* 422 details collected while validating */
  guint              delay_ms;  /* answer only after this long */
  gboolean           changed;   /* the state changed: save it */
  gint64             now_us;
} DemoRequest;

typedef void (*DemoHandler) (DemoRequest *req);

typedef enum
{
  DEMO_FIELD_ABSENT,
  DEMO_FIELD_NULL,
  DEMO_FIELD_SET,
  DEMO_FIELD_INVALID,
} DemoField;

typedef enum
{
  DEMO_OPTIONAL = 0,
  DEMO_REQUIRED = 1 << 0,
  DEMO_NULLABLE = 1 << 1,
} DemoFieldFlags;

/* LOC is the error location of the object holding MEMBER, with dots: "body", "body.connection".
 * On an invalid or missing value, each reader records a 422 error and returns INVALID. */
JsonObject *_demo_request_body_object (DemoRequest        *req,
                                       gboolean            required);
DemoField   _demo_field_string        (DemoRequest        *req,
                                       JsonObject         *object,
                                       const char         *loc,
                                       const char         *member,
                                       DemoFieldFlags      flags,
                                       gsize               min_length,
                                       gsize               max_length,
                                       const char        **out);
DemoField   _demo_field_int           (DemoRequest        *req,
                                       JsonObject         *object,
                                       const char         *loc,
                                       const char         *member,
                                       DemoFieldFlags      flags,
                                       gint64              min,
                                       gint64              max,
                                       gint64             *out);
DemoField   _demo_field_bool          (DemoRequest        *req,
                                       JsonObject         *object,
                                       const char         *loc,
                                       const char         *member,
                                       DemoFieldFlags      flags,
                                       gboolean           *out);
DemoField   _demo_field_enum          (DemoRequest        *req,
                                       JsonObject         *object,
                                       const char         *loc,
                                       const char         *member,
                                       DemoFieldFlags      flags,
                                       const char * const *values,
                                       const char        **out);
DemoField   _demo_field_object        (DemoRequest        *req,
                                       JsonObject         *object,
                                       const char         *loc,
                                       const char         *member,
                                       DemoFieldFlags      flags,
                                       JsonObject        **out);
DemoField   _demo_field_string_list   (DemoRequest        *req,
                                       JsonObject         *object,
                                       const char         *loc,
                                       const char         *member,
                                       DemoFieldFlags      flags,
                                       gsize               max_items,
                                       gsize               max_length,
                                       GPtrArray         **out);
const char *_demo_field_alias         (JsonObject         *object,
                                       const char         *member,
                                       const char         *old_member);

const char *_demo_query_get           (DemoRequest        *req,
                                       const char         *key);
GPtrArray  *_demo_query_get_all       (DemoRequest        *req,
                                       const char         *key);
gboolean    _demo_query_int           (DemoRequest        *req,
                                       const char         *key,
                                       gint64              min,
                                       gint64              max,
                                       gint64             *inout);
gboolean    _demo_query_bool          (DemoRequest        *req,
                                       const char         *key,
                                       gboolean           *inout);
GArray     *_demo_query_int_list      (DemoRequest        *req,
                                       const char         *key);
gboolean    _demo_query_pagination    (DemoRequest        *req,
                                       gint64             *page,
                                       gint64             *size);
JsonObject *_demo_page_envelope       (JsonArray          *items,
                                       guint               total,
                                       gint64              page,
                                       gint64              size);
GPtrArray  *_demo_query_parse         (const char         *raw);

/* Replies and error bodies */

typedef enum
{
  DEMO_KIND_DATASTORE,
  DEMO_KIND_GROUP,
  DEMO_KIND_CONNECTION,
  DEMO_KIND_OPERATION,
} DemoKind;

void     _demo_reply_object          (DemoRequest   *req,
                                      guint          status,
                                      JsonObject    *object);
void     _demo_reply_text            (DemoRequest   *req,
                                     guint          status,
                                     char          *json);
void     _demo_reply_array           (DemoRequest   *req,
                                      guint          status,
                                      JsonArray     *array);
void     _demo_reply_empty           (DemoRequest   *req,
                                      guint          status);
void     _demo_reply_detail          (DemoRequest   *req,
                                      guint          status,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (3, 4);
void     _demo_reply_message         (DemoRequest   *req,
                                      guint          status,
                                      const char    *message);
void     _demo_reply_not_found       (DemoRequest   *req,
                                      DemoKind       kind,
                                      const char    *id_text);
void     _demo_reply_not_found_id    (DemoRequest   *req,
                                      DemoKind       kind,
                                      gint64         id);
void     _demo_reply_role_required   (DemoRequest   *req,
                                      DemoLevel      level);
void     _demo_reply_team_required   (DemoRequest   *req,
                                      DemoTeamLevel  level,
                                      GPtrArray     *teams);
void     _demo_reply_validation      (DemoRequest   *req);
void     _demo_error_add             (DemoRequest   *req,
                                      const char    *loc,
                                      const char    *member,
                                      const char    *type,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (5, 6);
gboolean _demo_request_failed        (DemoRequest   *req);
char    *_demo_format_time           (gint64         unix_us);
void     _demo_json_set_string       (JsonObject    *object,
                                      const char    *member,
                                      const char    *value);
void     _demo_json_set_time         (JsonObject    *object,
                                      const char    *member,
                                      gint64         unix_us);

/* Permissions (steward-demo-server.c) */

gboolean  _demo_require_teams              (DemoRequest       *req,
                                            DemoDatastore     *datastore,
                                            DemoTeamLevel      level);
gboolean  _demo_user_can_see               (DemoRequest       *req,
                                            DemoDatastore     *datastore);
gboolean  _demo_require_level              (DemoRequest       *req,
                                            DemoLevel          level);
char     *_demo_server_issue_token         (StewardDemoServer *self,
                                            StewardDemoRole    role);
/* The failure a test injected for the next bulk creation of TARGET, or NULL. */
char     *_demo_server_take_bulk_failure   (StewardDemoServer *self,
                                            const char        *target);

/* Handlers and the helpers they share, one file per resource family */

/* steward-demo-session.c */
void _demo_session_health    (DemoRequest *req);
void _demo_session_me        (DemoRequest *req);
void _demo_session_authorize (DemoRequest *req);

/* steward-demo-groups.c */
void        _demo_groups_list         (DemoRequest *req);
void        _demo_groups_create       (DemoRequest *req);
void        _demo_groups_update       (DemoRequest *req);
void        _demo_groups_delete       (DemoRequest *req);
void        _demo_groups_assign       (DemoRequest *req);
JsonObject *_demo_group_to_json       (DemoGroup   *group,
                                       gboolean     with_created);
DemoField   _demo_group_read_choice   (DemoRequest *req,
                                       JsonObject  *body,
                                       gint64      *group_id,
                                       DemoGroup  **group);
DemoField   _demo_group_read_reference (DemoRequest *req,
                                        JsonObject  *body,
                                        gint64      *group_id,
                                        DemoGroup  **group);

/* steward-demo-datastores.c */
void        _demo_datastores_list     (DemoRequest   *req);

/* Cached listings: steward-demo-listing.c */
GPtrArray  *_demo_listing_lookup      (DemoRequest   *req,
                                       const char    *key);
void        _demo_listing_insert      (DemoRequest   *req,
                                       const char    *key,
                                       GPtrArray     *matches);
const char *_demo_listing_item_json   (DemoRequest   *req,
                                       DemoDatastore *datastore);
void        _demo_datastores_create   (DemoRequest   *req);
void        _demo_datastores_get      (DemoRequest   *req);
void        _demo_datastores_update   (DemoRequest   *req);
void        _demo_datastores_delete   (DemoRequest   *req);
void        _demo_datastores_favorite (DemoRequest   *req);
JsonObject *_demo_datastore_to_json   (DemoRequest   *req,
                                       DemoDatastore *datastore);
DemoDatastore *_demo_datastore_lookup (DemoRequest   *req,
                                       guint          index,
                                       DemoTeamLevel  level);

/* steward-demo-enrichment.c */
typedef struct
{
  const char *prefix;
  gint64      source_record_limit;
  const char *remediation_strategy;
  gint64      rollup_threshold;
  gint64      enrichment_datastore_id;
  DemoField   prefix_field;
  DemoField   limit_field;
  DemoField   strategy_field;
  DemoField   rollup_field;
  DemoField   enrichment_field;
} DemoEnrichmentInput;

void     _demo_enrichment_link            (DemoRequest         *req);
void     _demo_enrichment_unlink          (DemoRequest         *req);
char    *_demo_enrichment_normalize_prefix (const char         *text);
void     _demo_enrichment_read            (DemoRequest         *req,
                                           JsonObject          *body,
                                           DemoEnrichmentInput *input);
gboolean _demo_enrichment_check_target    (DemoRequest         *req,
                                           DemoDatastore       *source,
                                           gint64               target_id);
gboolean _demo_enrichment_check_unlink    (DemoRequest         *req,
                                           DemoDatastore       *source);
void     _demo_enrichment_apply           (DemoDatastore       *datastore,
                                           DemoEnrichmentInput *input);

/* steward-demo-connections.c */
typedef enum
{
  DEMO_PROBE_OK,
  DEMO_PROBE_FAILED,
  DEMO_PROBE_SLOW,
} DemoProbe;

void            _demo_connections_list       (DemoRequest    *req);
void            _demo_connections_get        (DemoRequest    *req);
void            _demo_connections_create     (DemoRequest    *req);
void            _demo_connections_update     (DemoRequest    *req);
void            _demo_connections_delete     (DemoRequest    *req);
void            _demo_connections_test       (DemoRequest    *req);
void            _demo_datastores_test_connection (DemoRequest *req);
void            _demo_datastores_verify      (DemoRequest    *req);
const char     *_demo_connector_store_type   (const char     *type);
DemoConnection *_demo_connection_read        (DemoRequest    *req,
                                              JsonObject     *object,
                                              const char     *loc,
                                              gboolean        require_name);
DemoProbe       _demo_connection_probe       (DemoConnection *connection,
                                              char          **message);
gboolean        _demo_connection_check       (DemoRequest    *req,
                                              DemoConnection *connection);
DemoConnection *_demo_connection_lookup      (DemoRequest    *req,
                                              gint64          id,
                                              const char     *id_text);
JsonObject     *_demo_connection_summary     (DemoConnection *connection);

/* steward-demo-discovery.c */
void _demo_discovery_catalogs          (DemoRequest *req);
void _demo_discovery_catalogs_existing (DemoRequest *req);
void _demo_discovery_schemas           (DemoRequest *req);
void _demo_discovery_schemas_existing  (DemoRequest *req);
void _demo_discovery_validate          (DemoRequest *req);
void _demo_discovery_bulk              (DemoRequest *req);

/* steward-demo-operations.c */
void           _demo_operations_run     (DemoRequest   *req);
void           _demo_operations_get     (DemoRequest   *req);
void           _demo_operations_list    (DemoRequest   *req);
void           _demo_operations_abort   (DemoRequest   *req);
DemoOperation *_demo_operation_start    (DemoStore     *store,
                                         DemoDatastore *datastore,
                                         const char    *type,
                                         gint64         now_us);
gboolean       _demo_operations_advance (DemoStore     *store,
                                         gint64         now_us);
guint          _demo_operations_finish  (DemoStore     *store,
                                         gint64         now_us);
gboolean       _demo_operations_active_export (DemoStore *store,
                                               gint64     datastore_id);

/* steward-demo-specifications.c */
void _demo_specifications_list (DemoRequest *req);

G_END_DECLS
