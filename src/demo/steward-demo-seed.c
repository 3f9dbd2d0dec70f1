/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* The seed: a deployment that makes a good demo and lets the reference's examples replay
 * sensibly (connection 7, datastores 42, 100 and 110, groups 1, 2 and 5 are the ones they name).
 * Names, teams, tags and links are fixed; metrics and dates come from the seed number. Also the
 * simulated databases behind the connections, for discovery and validation. */

/* The databases behind the connections' hosts. */

static const char *const pg_production[] = {
  "public", "sales", "finance", "healthcare", "claims", "inventory", NULL
};
static const char *const pg_three[] = { "public", "sales", "finance", NULL };
static const char *const pg_analytics[] = { "raw", "staging", "curated", NULL };
static const char *const pg_enrichment[] = { "healthcare", NULL };
static const char *const warehouse_schemas[] = {
  "public", "sales", "finance", "hr", "marketing", NULL
};
static const char *const shop_schemas[] = { "orders", "inventory", "customers", NULL };
static const char *const crm_schemas[] = { "contacts", "accounts", "leads", NULL };
static const char *const billing_schemas[] = { "ledger", "invoices", "payments", NULL };
static const char *const generic_schemas[] = {
  "public", "sales", "finance", "hr", "marketing", NULL
};

/* A warehouse with a schema per customer, for onboarding at scale: "public", "finance" and
 * tenant_001 to tenant_150, filled in on first use (see tenant_schemas()). */
#define TENANT_COUNT 150
static const char *tenants[2 + TENANT_COUNT + 1];
static char tenant_names[TENANT_COUNT][16];

/* Each host's catalogs, and the schemas of each catalog in the same order. */
static const char *const postgres_catalogs[] = {
  "production", "production_db", "staging_db", "analytics_db", "enrichment", NULL
};
static const char *const *const postgres_schemas[] = {
  pg_production, pg_three, pg_three, pg_analytics, pg_enrichment
};
static const char *const warehouse_catalogs[] = {
  "production_db", "staging_db", "analytics_db", NULL
};
static const char *const *const snowflake_schemas[] = {
  warehouse_schemas, warehouse_schemas, warehouse_schemas
};
static const char *const mysql_catalogs[] = { "shop", "crm", "billing", NULL };
static const char *const *const mysql_schemas[] = { shop_schemas, crm_schemas, billing_schemas };
static const char *const tenant_catalogs[] = { "tenants", "analytics_db", NULL };
static const char *const *const tenant_schema_lists[] = { tenants, warehouse_schemas };
/* Any other host looks like a small warehouse. */
static const char *const *const generic_schema_lists[] = {
  generic_schemas, generic_schemas, generic_schemas
};

typedef struct
{
  const char               *host;
  const char *const        *catalogs;
  const char *const *const *schemas;
} WorldHost;

static const WorldHost world[] = {
  { "db.acme-corp.com", postgres_catalogs, postgres_schemas },
  { "acme.snowflakecomputing.com", warehouse_catalogs, snowflake_schemas },
  { "mysql.acme-corp.com", mysql_catalogs, mysql_schemas },
  { "warehouse.acme-corp.com", tenant_catalogs, tenant_schema_lists },
};
static const WorldHost generic_host = { NULL, warehouse_catalogs, generic_schema_lists };

/* The one schema the demo's service accounts may not read. */
#define DENIED_SCHEMA "finance"

static void
fill_tenants (void)
{
  static gsize filled = 0;

  if (!g_once_init_enter (&filled))
    return;

  tenants[0] = "public";
  tenants[1] = "finance";
  for (guint i = 0; i < TENANT_COUNT; i++)
    {
      g_snprintf (tenant_names[i], sizeof tenant_names[i], "tenant_%03u", i + 1);
      tenants[2 + i] = tenant_names[i];
    }
  tenants[2 + TENANT_COUNT] = NULL;

  g_once_init_leave (&filled, 1);
}

static const WorldHost *
world_host (const char *host)
{
  fill_tenants ();

  for (guint i = 0; host != NULL && i < G_N_ELEMENTS (world); i++)
    if (g_ascii_strcasecmp (world[i].host, host) == 0)
      return &world[i];
  return &generic_host;
}

const char * const *
_demo_world_catalogs (const char *host)
{
  return world_host (host)->catalogs;
}

const char * const *
_demo_world_schemas (const char *host,
                     const char *catalog)
{
  static const char *const none[] = { NULL };
  const WorldHost *world_entry = world_host (host);

  for (guint i = 0; world_entry->catalogs[i] != NULL; i++)
    if (strcmp (world_entry->catalogs[i], catalog) == 0)
      return world_entry->schemas[i];
  return none;
}

char *
_demo_world_schema_problem (const char *host,
                            const char *catalog,
                            const char *schema)
{
  const WorldHost *world_entry = world_host (host);
  gboolean catalog_found = FALSE;
  gboolean schema_found = FALSE;

  for (guint i = 0; world_entry->catalogs[i] != NULL; i++)
    {
      if (catalog != NULL && strcmp (world_entry->catalogs[i], catalog) != 0)
        continue;
      catalog_found = TRUE;
      schema_found |= g_strv_contains (world_entry->schemas[i], schema);
    }

  if (!catalog_found)
    return g_strdup_printf ("Database '%s' does not exist", catalog);
  if (!schema_found)
    return catalog != NULL
           ? g_strdup_printf ("Schema '%s' does not exist in database '%s'", schema, catalog)
           : g_strdup_printf ("Schema '%s' does not exist", schema);
  if (strcmp (schema, DENIED_SCHEMA) == 0)
    return g_strdup_printf ("Permission denied for schema %s", schema);
  return NULL;
}

/* Seed data */

static gint64
utc_us (int year,
        int month,
        int day,
        int hour,
        int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static void
add_connection (DemoStore  *store,
                gint64      id,
                const char *name,
                const char *type,
                const char *fields_json,
                const char *parameters_json)
{
  DemoConnection *connection = _demo_connection_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();

  connection->id = id;
  connection->name = g_strdup (name);
  connection->type = g_strdup (type);
  connection->created_us = connection->updated_us = utc_us (2025, 9, 15, 9, 0) + id * 3600 *
                                                    G_USEC_PER_SEC;

  /* The tables below are ours, so a parse failure is a programming error. */
  if (!json_parser_load_from_data (parser, fields_json, -1, NULL))
    g_assert_not_reached ();
  json_object_unref (connection->fields);
  connection->fields = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  if (parameters_json != NULL)
    {
      if (!json_parser_load_from_data (parser, parameters_json, -1, NULL))
        g_assert_not_reached ();
      json_object_unref (connection->parameters);
      connection->parameters =
        json_object_ref (json_node_get_object (json_parser_get_root (parser)));
    }

  _demo_store_add_connection (store, connection);
}

static void
add_group (DemoStore  *store,
           gint64      id,
           const char *name,
           const char *icon,
           gint64      created_us)
{
  DemoGroup *group = _demo_group_new ();

  group->id = id;
  group->name = g_strdup (name);
  group->icon = g_strdup (icon);
  group->created_us = created_us;
  _demo_store_add_group (store, group);
}

static void
split_into (GPtrArray  *target,
            const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (target, g_strdup (parts[i]));
}

static void
random_metrics (GRand         *rand,
                DemoDatastore *datastore)
{
  DemoMetrics *metrics = &datastore->metrics;

  metrics->containers = g_rand_int_range (rand, 3, 61);
  metrics->records = metrics->containers * (gint64) g_rand_int_range (rand, 8000, 2400000);
  metrics->fields_profiled = metrics->containers * g_rand_int_range (rand, 5, 16);
  metrics->active_checks = metrics->fields_profiled * g_rand_int_range (rand, 10, 21) / 10;
  metrics->active_anomalies = g_rand_int_range (rand, 0, 26);
}

/* A source datastore. WHERE is "database/schema" for JDBC, a root path for DFS. */
typedef struct
{
  gint64      id;
  const char *name;
  gint64      connection_id;
  const char *where;
  const char *teams;
  const char *tags;
  gint64      group_id;
  guint       favorites;
  gint64      enrich_datastore_id;
  const char *strategy;
  gboolean    enrichment_only;
  const char *description;
} SeedDatastore;

#define ADMIN_FAV (1u << 0)
#define MANAGER_FAV (1u << 1)
#define MEMBER_FAV (1u << 2)

static const SeedDatastore seed_datastores[] = {
  { 11, "Customer 360", 5, "production_db/marketing", "Analytics", "production,snowflake,pii",
    2, ADMIN_FAV, 0, NULL, FALSE, "Unified customer profiles for segmentation" },
  { 15, "Billing Ledger", 3, "billing/ledger", "Finance Team", "production,finance", 1, ADMIN_FAV,
    0, NULL, FALSE, "General ledger postings from the billing system" },
  { 18, "Orders OLTP", 3, "shop/orders", "Data Engineering", "production,mysql", 0, 0, 0, NULL,
    FALSE, NULL },
  { 21, "CRM Contacts", 3, "crm/contacts", "Analytics", "staging,pii", 0, 0, 0, NULL, FALSE, NULL },
  { 24, "Sales Mart", 5, "analytics_db/sales", "Analytics,Data Platform", "production,snowflake",
    2, MANAGER_FAV, 0, NULL, FALSE, "Curated sales facts for the BI dashboards" },
  { 27, "HR Warehouse", 5, "production_db/hr", "Data Platform", "pii,snowflake", 0, 0, 0, NULL,
    FALSE, NULL },
  { 30, "Staging Sandbox", 5, "staging_db/public", "Data Engineering", "staging", 0, 0, 0, NULL,
    FALSE, NULL },
  { 33, "Clickstream Lake", 12, "/raw/clickstream/", "Data Engineering", "s3,raw", 5, 0, 0, NULL,
    FALSE, "Web and app click events, partitioned by day" },
  { 36, "IoT Telemetry", 12, "/raw/iot/", "Data Engineering", "s3,raw", 0, 0, 0, NULL, FALSE,
    NULL },
  { 39, "Legacy Inventory", 9, "inventory/public", "Data Platform", "legacy", 0, 0, 0, NULL, FALSE,
    "Old warehouse system, being retired" },
  { 42, "Production Sales", 7, "production/sales", "Data Platform,Analytics",
    "production,postgresql", 0, 0, 0, NULL, FALSE, NULL },
  { 45, "Patient Records", 7, "production/healthcare", "Data Platform", "production,postgresql,phi",
    1, 0, 100, "append", FALSE, "Electronic health records" },
  { 48, "Claims Processing", 7, "production/claims", "Data Platform,Finance Team",
    "production,postgresql", 1, 0, 100, "overwrite", FALSE, NULL },
  { 50, "prod_public", 7, "production_db/public", "Data Platform", "production", 0, 0, 0, NULL,
    FALSE, NULL },
  { 60, "prod_sales", 7, "production_db/sales", "Data Platform,Analytics", "production", 0, 0, 0,
    NULL, FALSE, NULL },
  { 63, "Finance Reporting", 7, "analytics_db/curated", "Finance Team", "finance,reporting", 0,
    ADMIN_FAV, 0, NULL, FALSE, "Month-end close and board reporting" },
  { 66, "Analytics Raw", 7, "analytics_db/raw", "Analytics", "raw", 0, MEMBER_FAV, 0, NULL, FALSE,
    NULL },
  { 69, "Event Archive", 12, "/archive/events/", "Data Engineering", "s3,archive", 0, 0, 0, NULL,
    FALSE, NULL },
  { 72, "Supply Chain", 3, "shop/inventory", "Data Engineering,Analytics", "mysql", 5, 0, 0, NULL,
    FALSE, NULL },
  { 75, "QA Staging", 7, "staging_db/public", "Data Engineering", "staging", 0, 0, 0, NULL, FALSE,
    NULL },
  { 78, "Risk Models", 5, "analytics_db/finance", "Finance Team", "snowflake,finance", 5, 0, 0,
    NULL, FALSE, "Credit and market risk model inputs" },
  { 100, "Healthcare Enrichment", 7, "enrichment/healthcare", "Data Platform", "enrichment", 0, 0,
    0, NULL, TRUE, "Anomalies and source records of the healthcare datastores" },
  { 101, "Snowflake Enrichment", 5, "analytics_db/qualytics_enrichment", "Analytics", "enrichment",
    0, 0, 0, NULL, TRUE, NULL },
  { 110, "Marketing Attribution", 5, "analytics_db/marketing", "Analytics", "snowflake,marketing",
    0, 0, 101, "append", FALSE, NULL },
};

static DemoDatastore *
add_datastore (DemoStore           *store,
               GRand               *rand,
               const SeedDatastore *seed)
{
  DemoConnection *connection = _demo_store_get_connection (store, seed->connection_id);
  DemoDatastore *datastore = _demo_datastore_new ();
  g_autofree char *probe_message = NULL;

  datastore->id = seed->id;
  _demo_datastore_set_name (datastore, seed->name);
  datastore->description = g_strdup (seed->description);
  datastore->connection_id = seed->connection_id;
  if (strcmp (_demo_connection_get_store_type (connection), "dfs") == 0)
    {
      datastore->root_path = g_strdup (seed->where);
      datastore->folder_globbing_enabled = g_str_has_prefix (seed->where, "/archive/") ||
                                           strcmp (seed->where, "/raw/clickstream/") == 0;
    }
  else
    {
      const char *slash = strchr (seed->where, '/');

      datastore->database = g_strndup (seed->where, slash - seed->where);
      datastore->schema = g_strdup (slash + 1);
    }
  split_into (datastore->teams, seed->teams);
  split_into (datastore->tags, seed->tags);
  datastore->group_id = seed->group_id;
  datastore->favorites = seed->favorites;
  datastore->enrichment_only = seed->enrichment_only;
  datastore->enrich_datastore_id = seed->enrich_datastore_id;
  if (seed->strategy != NULL)
    {
      g_free (datastore->enrichment_remediation_strategy);
      datastore->enrichment_remediation_strategy = g_strdup (seed->strategy);
    }
  datastore->enrichment_prefix = _demo_enrichment_normalize_prefix (seed->name);
  datastore->connected = _demo_connection_probe (connection, &probe_message) != DEMO_PROBE_FAILED;

  random_metrics (rand, datastore);
  if (seed->enrichment_only)
    {
      datastore->metrics.fields_profiled = 0;
      datastore->metrics.active_checks = 0;
      datastore->metrics.active_anomalies = 0;
    }
  if (!datastore->connected)
    memset (&datastore->metrics, 0, sizeof datastore->metrics);

  /* Created over the six months before the reference's examples, edited a little later. */
  datastore->created_us = utc_us (2025, 10, 1, 8, 0) +
                          (gint64) g_rand_int_range (rand, 0, 180 * 24 * 60) * 60 * G_USEC_PER_SEC;
  datastore->updated_us = datastore->created_us +
                          (gint64) g_rand_int_range (rand, 0, 20 * 24 * 60) * 60 * G_USEC_PER_SEC;

  _demo_store_add_datastore (store, datastore);
  return datastore;
}

static void
add_operation (DemoStore  *store,
               gint64      id,
               const char *type,
               gint64      datastore_id,
               gint64      start_us,
               gint64      duration_us,
               const char *result,
               const char *message)
{
  DemoDatastore *datastore = _demo_store_get_datastore (store, datastore_id);
  DemoOperation *operation = _demo_operation_new ();

  operation->id = id;
  operation->type = g_strdup (type);
  operation->datastore_id = datastore_id;
  operation->start_us = start_us;
  operation->duration_us = duration_us;
  g_free (operation->result);
  operation->result = g_strdup (result);
  operation->end_us = duration_us >= 0 ? start_us + duration_us : 0;
  operation->message = g_strdup (message);
  operation->total_containers = MAX (datastore->metrics.containers, 1);
  operation->total_records = datastore->metrics.records;
  if (strcmp (result, "failure") == 0)
    operation->failure = g_strdup (message);
  _demo_store_add_operation (store, operation);
}

/* --datastores N: more datastores for scale work, spread over the working connections. */

static const char *const domains[] = {
  "Orders", "Customers", "Payments", "Shipments", "Inventory", "Invoices", "Sessions", "Clicks",
  "Claims", "Policies", "Accounts", "Leads", "Products", "Returns", "Subscriptions", "Tickets",
  "Payroll", "Ledger", "Events", "Metrics",
};
static const char *const qualifiers[] = {
  "Regional", "Global", "EU", "US", "APAC", "Archive", "Staging", "Daily", "Hourly", "Legacy",
  "Curated", "Raw",
};
static const char *const team_pool[] = {
  "Data Platform", "Analytics", "Data Engineering", "Finance Team", "Marketing Ops",
};
static const char *const tag_pool[] = {
  "production", "staging", "pii", "finance", "raw", "curated", "snowflake", "postgresql", "mysql",
  "s3", "gdpr", "critical",
};
static const gint64 generated_connections[] = { 3, 5, 7, 12 };
static const gint64 generated_groups[] = { 0, 0, 0, 1, 2, 5 };

static void
add_generated (DemoStore *store,
               GRand     *rand,
               guint      index,
               gint64     id)
{
  gint64 connection_id = generated_connections[g_rand_int_range (rand, 0,
                                                G_N_ELEMENTS (generated_connections))];
  DemoConnection *connection = _demo_store_get_connection (store, connection_id);
  const char *domain = domains[g_rand_int_range (rand, 0, G_N_ELEMENTS (domains))];
  const char *qualifier = qualifiers[g_rand_int_range (rand, 0, G_N_ELEMENTS (qualifiers))];
  g_autofree char *name = g_strdup_printf ("%s %s %05u", qualifier, domain, index + 1);
  DemoDatastore *datastore = _demo_datastore_new ();
  guint n_tags = g_rand_int_range (rand, 0, 4);

  datastore->id = id;
  _demo_datastore_set_name (datastore, name);
  datastore->connection_id = connection_id;
  if (strcmp (_demo_connection_get_store_type (connection), "dfs") == 0)
    {
      g_autofree char *lower = g_ascii_strdown (domain, -1);

      datastore->root_path = g_strdup_printf ("/generated/%s/%05u/", lower, index + 1);
      datastore->folder_globbing_enabled = g_rand_boolean (rand);
    }
  else
    {
      const char *host = _demo_connection_get_string (connection, "host");
      const char * const *catalogs = _demo_world_catalogs (host);
      const char * const *schemas;
      guint n;

      for (n = 0; catalogs[n] != NULL; n++)
        ;
      datastore->database = g_strdup (catalogs[g_rand_int_range (rand, 0, n)]);
      schemas = _demo_world_schemas (host, datastore->database);
      for (n = 0; schemas[n] != NULL; n++)
        ;
      datastore->schema = g_strdup (schemas[g_rand_int_range (rand, 0, n)]);
    }

  g_ptr_array_add (datastore->teams,
                   g_strdup (team_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (team_pool))]));
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      const char *second = team_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (team_pool))];

      if (!g_ptr_array_find_with_equal_func (datastore->teams, second, g_str_equal, NULL))
        g_ptr_array_add (datastore->teams, g_strdup (second));
    }
  for (guint t = 0; t < n_tags; t++)
    {
      const char *tag = tag_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_pool))];

      if (!g_ptr_array_find_with_equal_func (datastore->tags, tag, g_str_equal, NULL))
        g_ptr_array_add (datastore->tags, g_strdup (tag));
    }
  datastore->group_id = generated_groups[g_rand_int_range (rand, 0,
                                                           G_N_ELEMENTS (generated_groups))];
  if (g_rand_int_range (rand, 0, 50) == 0)
    datastore->favorites = ADMIN_FAV;
  datastore->enrichment_prefix = _demo_enrichment_normalize_prefix (name);
  random_metrics (rand, datastore);
  datastore->created_us = utc_us (2024, 1, 1, 0, 0) +
                          (gint64) g_rand_int_range (rand, 0, 800 * 24 * 60) * 60 * G_USEC_PER_SEC;
  datastore->updated_us = datastore->created_us;

  _demo_store_add_datastore (store, datastore);
}

void
_demo_seed_populate (DemoStore *store,
                     guint      seed,
                     guint      extra_datastores)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GRand) extra_rand = g_rand_new_with_seed (seed ^ 0x5eed5eedu);
  DemoDatastore *production_sales = NULL;
  gint64 next_id;

  add_connection (store, 3, "mysql_orders", "mysql",
                  "{\"host\": \"mysql.acme-corp.com\", \"port\": 3306, \"username\": \"qualytics\","
                  " \"password\": \"demo-mysql\"}", NULL);
  add_connection (store, 5, "snowflake_production", "snowflake",
                  "{\"host\": \"acme.snowflakecomputing.com\", \"username\": \"qualytics_user\","
                  " \"password\": \"demo-snowflake\"}",
                  "{\"role\": \"QUALYTICS_READ_ROLE\", \"warehouse\": \"QUALYTICS_WH\"}");
  add_connection (store, 7, "postgres_production", "postgresql",
                  "{\"host\": \"db.acme-corp.com\", \"port\": 5432, \"username\": "
                  "\"qualytics_reader\", \"password\": \"demo-postgres\"}", "{}");
  add_connection (store, 9, "postgres_legacy", "postgresql",
                  "{\"host\": \"refused.acme-corp.com\", \"port\": 5432, \"username\": "
                  "\"legacy_reader\", \"password\": \"demo-legacy\"}", NULL);
  add_connection (store, 12, "s3_data_lake", "s3",
                  "{\"uri\": \"s3://acme-data-lake\", \"access_key\": \"AKIAIOSFODNN7EXAMPLE\","
                  " \"secret_key\": \"demo-secret-key\"}", NULL);

  add_group (store, 1, "Mission Critical", "mdi-star-outline", utc_us (2026, 3, 31, 14, 0));
  add_group (store, 2, "Analytics", "mdi-chart-box-outline", utc_us (2026, 3, 31, 14, 5));
  add_group (store, 5, "Gold Tier", "mdi-podium-gold", utc_us (2026, 4, 2, 9, 0));
  /* The next new group is 3, as in the reference's example; 5 is skipped when it comes. */
  store->next_group_id = 3;

  for (guint i = 0; i < G_N_ELEMENTS (seed_datastores); i++)
    {
      DemoDatastore *datastore = add_datastore (store, rand, &seed_datastores[i]);

      if (datastore->id == 42)
        production_sales = datastore;
    }

  /* Datastore 42 is exactly the reference's "Get a Datastore" answer. */
  production_sales->metrics = (DemoMetrics) { 12, 1850000, 87, 145, 3 };
  production_sales->created_us = production_sales->updated_us = utc_us (2026, 3, 31, 14, 30);

  add_operation (store, 1, "sync", 42, utc_us (2026, 3, 31, 14, 31), 95 * G_USEC_PER_SEC,
                 "success", NULL);
  add_operation (store, 2, "sync", 39, utc_us (2026, 4, 1, 2, 0), 3 * G_USEC_PER_SEC, "failure",
                 "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  add_operation (store, 3, "profile", 11, utc_us (2026, 4, 1, 3, 0), 600 * G_USEC_PER_SEC,
                 "success", NULL);
  /* A scheduled export that never ends: unlinking 48's enrichment datastore answers 409. */
  add_operation (store, 4, "export", 48, utc_us (2026, 4, 2, 6, 0), -1, "running", NULL);

  next_id = store->next_datastore_id;
  for (guint i = 0; i < extra_datastores; i++)
    add_generated (store, extra_rand, i, next_id + i);
}
