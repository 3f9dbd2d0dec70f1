/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <stdlib.h>
#include <string.h>

/* Operations. Their progress is a function of time, worked out when a request reads it: nothing
 * runs in the background, and a request that comes after an operation's end sees its outcome
 * (the datastore's new metrics) whether or not anybody polled the operation. A successful
 * operation has no message: clients, the vendor's CLI among them, show a message on a success
 * as a warning. */

static const char *const operation_types[] = {
  "sync", "profile", "scan", "materialize", "export", "catalog", NULL
};

static gboolean
is_running (DemoOperation *operation)
{
  return strcmp (operation->result, "running") == 0;
}

static gboolean
is_export (DemoOperation *operation)
{
  return strcmp (operation->type, "export") == 0 || strcmp (operation->type, "materialize") == 0;
}

/* A datastore that has never been synced still needs plausible totals to count towards. */
static void
plan_totals (DemoDatastore *datastore,
             DemoOperation *operation)
{
  gint64 id = datastore->id;

  operation->total_containers = datastore->metrics.containers > 0
                                ? datastore->metrics.containers : 4 + (id * 7) % 37;
  operation->total_records = datastore->metrics.records > 0
                             ? datastore->metrics.records
                             : operation->total_containers * (20000 + (id * 7919) % 180000);
}

DemoOperation *
_demo_operation_start (DemoStore     *store,
                       DemoDatastore *datastore,
                       const char    *type,
                       gint64         now_us)
{
  DemoConnection *connection = _demo_store_get_connection (store, datastore->connection_id);
  DemoOperation *operation = _demo_operation_new ();
  g_autofree char *message = NULL;

  /* "catalog" is the deprecated name of a sync. */
  operation->type = g_strdup (strcmp (type, "catalog") == 0 ? "sync" : type);
  operation->datastore_id = datastore->id;
  operation->start_us = now_us;
  operation->duration_us = store->operation_duration_us;
  plan_totals (datastore, operation);
  if (_demo_connection_probe (connection, &message) == DEMO_PROBE_FAILED)
    operation->failure = g_steal_pointer (&message);

  _demo_store_add_operation (store, operation);
  return operation;
}

static void
finish (DemoStore     *store,
        DemoOperation *operation)
{
  DemoDatastore *datastore = _demo_store_get_datastore (store, operation->datastore_id);
  DemoMetrics *metrics = &datastore->metrics;

  operation->end_us = operation->start_us + operation->duration_us;
  g_free (operation->result);
  g_free (operation->message);

  if (operation->failure != NULL)
    {
      operation->result = g_strdup ("failure");
      operation->message = g_strdup (operation->failure);
      if (strcmp (operation->type, "sync") == 0)
        datastore->connected = FALSE;
      return;
    }

  operation->result = g_strdup ("success");
  operation->message = NULL;
  if (strcmp (operation->type, "sync") == 0)
    {
      metrics->containers = operation->total_containers;
      metrics->records = operation->total_records;
      datastore->connected = TRUE;
    }
  else if (strcmp (operation->type, "profile") == 0)
    metrics->fields_profiled = operation->total_containers * (6 + datastore->id % 9);
  else if (strcmp (operation->type, "scan") == 0)
    {
      metrics->active_checks = MAX (metrics->fields_profiled, operation->total_containers) * 3 / 2;
      metrics->active_anomalies = (datastore->id * 13) % 11;
    }
}

gboolean
_demo_operations_advance (DemoStore *store,
                          gint64     now_us)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < store->operations->len; i++)
    {
      DemoOperation *operation = g_ptr_array_index (store->operations, i);

      if (is_running (operation) && operation->duration_us >= 0 &&
          operation->start_us + operation->duration_us <= now_us)
        {
          finish (store, operation);
          changed = TRUE;
        }
    }

  return changed;
}

/* Ends every running operation that would end by itself, now, as if its time had come; the
 * ones that run until aborted go on. Returns how many ended. */
guint
_demo_operations_finish (DemoStore *store,
                         gint64     now_us)
{
  guint finished = 0;

  for (guint i = 0; i < store->operations->len; i++)
    {
      DemoOperation *operation = g_ptr_array_index (store->operations, i);

      if (is_running (operation) && operation->duration_us >= 0)
        {
          operation->duration_us = MAX (now_us - operation->start_us, 0);
          finish (store, operation);
          finished++;
        }
    }

  return finished;
}

gboolean
_demo_operations_active_export (DemoStore *store,
                                gint64     datastore_id)
{
  for (guint i = 0; i < store->operations->len; i++)
    {
      DemoOperation *operation = g_ptr_array_index (store->operations, i);

      if (operation->datastore_id == datastore_id && is_running (operation) &&
          is_export (operation))
        return TRUE;
    }

  return FALSE;
}

static JsonObject *
operation_to_json (DemoOperation *operation,
                   gint64         now_us)
{
  JsonObject *object = json_object_new ();
  JsonObject *status = json_object_new ();
  gint64 until = operation->end_us > 0 ? operation->end_us : now_us;
  double done;

  if (strcmp (operation->result, "success") == 0)
    done = 1.0;
  else if (operation->duration_us > 0)
    done = CLAMP ((double) (until - operation->start_us) / operation->duration_us, 0.0, 0.99);
  else
    done = 0.0;

  json_object_set_int_member (object, "id", operation->id);
  json_object_set_string_member (object, "type", operation->type);
  json_object_set_int_member (object, "datastore_id", operation->datastore_id);
  json_object_set_string_member (object, "result", operation->result);
  _demo_json_set_time (object, "start_time", operation->start_us);
  _demo_json_set_time (object, "end_time", operation->end_us);
  _demo_json_set_string (object, "message", operation->message);
  json_object_set_int_member (status, "total_containers", operation->total_containers);
  json_object_set_int_member (status, "containers_analyzed",
                              (gint64) (operation->total_containers * done));
  json_object_set_int_member (status, "records_processed",
                              (gint64) (operation->total_records * done));
  json_object_set_object_member (object, "status", status);
  return object;
}

/* Scans that replicate anomalous tables, exports and materializations all write to the
 * enrichment datastore: without one they cannot run. */
static gboolean
check_can_run (DemoRequest   *req,
               DemoDatastore *datastore,
               const char    *type)
{
  if (datastore->enrich_datastore_id != 0)
    return TRUE;

  if (strcmp (type, "scan") == 0 &&
      strcmp (datastore->enrichment_remediation_strategy, "none") != 0)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT,
                          "Cannot run a scan with remediation strategy '%s': the datastore id: %"
                          G_GINT64_FORMAT " has no enrichment datastore",
                          datastore->enrichment_remediation_strategy, datastore->id);
      return FALSE;
    }
  if (strcmp (type, "export") == 0 || strcmp (type, "materialize") == 0)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT,
                          "Cannot run %s: the datastore id: %" G_GINT64_FORMAT " has no "
                          "enrichment datastore", type, datastore->id);
      return FALSE;
    }

  return TRUE;
}

/* The options the vendor's CLI sends with a profile or a scan, checked for their types; the
 * demo's operations run the same whatever they say. A sync takes none of them. */
static void
check_options (DemoRequest *req,
               JsonObject  *body,
               const char  *type)
{
  static const char *const profile_only[] = { "infer_as_draft", NULL };
  static const char *const scan_only[] = { "incremental", "auto_resolve_passed_anomalies", NULL };
  gboolean profile = strcmp (type, "profile") == 0;
  gboolean scan = strcmp (type, "scan") == 0;
  g_autoptr(GPtrArray) names = NULL;
  gboolean flag;
  gint64 limit;

  if (profile || scan)
    {
      _demo_field_string_list (req, body, "body", "container_names", DEMO_NULLABLE, 1000, 255,
                               &names);
      _demo_field_int (req, body, "body", "max_records_analyzed_per_partition", DEMO_NULLABLE,
                       -1, G_MAXINT64, &limit);
    }
  for (guint i = 0; profile_only[i] != NULL; i++)
    if (profile)
      _demo_field_bool (req, body, "body", profile_only[i], DEMO_NULLABLE, &flag);
    else if (json_object_has_member (body, profile_only[i]))
      _demo_error_add (req, "body", profile_only[i], "extra_forbidden",
                       "Extra inputs are not permitted: only a profile takes it");
  for (guint i = 0; scan_only[i] != NULL; i++)
    if (scan)
      _demo_field_bool (req, body, "body", scan_only[i], DEMO_NULLABLE, &flag);
    else if (json_object_has_member (body, scan_only[i]))
      _demo_error_add (req, "body", scan_only[i], "extra_forbidden",
                       "Extra inputs are not permitted: only a scan takes it");
}

/* One datastore_id per call, as current servers take it. */
void
_demo_operations_run (DemoRequest *req)
{
  JsonObject *body = _demo_request_body_object (req, TRUE);
  const char *type = NULL;
  gint64 datastore_id = 0;
  DemoDatastore *datastore;
  DemoOperation *operation;

  if (body != NULL)
    {
      _demo_field_enum (req, body, "body", "type", DEMO_REQUIRED, operation_types, &type);
      if (json_object_has_member (body, "datastore_ids"))
        _demo_error_add (req, "body", "datastore_ids", "extra_forbidden",
                         "Extra inputs are not permitted: run one operation per datastore with "
                         "datastore_id");
      _demo_field_int (req, body, "body", "datastore_id", DEMO_REQUIRED, 1, G_MAXINT64,
                       &datastore_id);
      if (type != NULL)
        check_options (req, body, type);
    }
  if (_demo_request_failed (req))
    return;

  datastore = _demo_store_get_datastore (req->store, datastore_id);
  if (datastore == NULL)
    {
      _demo_reply_not_found_id (req, DEMO_KIND_DATASTORE, datastore_id);
      return;
    }
  if (!_demo_require_teams (req, datastore, DEMO_TEAM_EDITOR) ||
      !check_can_run (req, datastore, type))
    return;

  operation = _demo_operation_start (req->store, datastore, type, req->now_us);
  req->changed = TRUE;
  _demo_reply_object (req, SOUP_STATUS_OK, operation_to_json (operation, req->now_us));
}

void
_demo_operations_get (DemoRequest *req)
{
  DemoOperation *operation = _demo_store_get_operation (req->store, req->ids[0]);

  if (operation == NULL)
    {
      _demo_reply_not_found (req, DEMO_KIND_OPERATION, req->id_texts[0]);
      return;
    }
  _demo_reply_object (req, SOUP_STATUS_OK, operation_to_json (operation, req->now_us));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const DemoOperation *x = *(DemoOperation * const *) a;
  const DemoOperation *y = *(DemoOperation * const *) b;

  if (x->start_us != y->start_us)
    return x->start_us > y->start_us ? -1 : 1;
  return x->id > y->id ? -1 : x->id < y->id;
}

static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  return compare_newest_first (b, a);
}

/* YYYY-MM-DD, and a date that exists. */
static gboolean
is_day (const char *text)
{
  static const char pattern[] = "dddd-dd-dd";

  if (strlen (text) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;

  return g_date_valid_dmy (atoi (text + 8), atoi (text + 5), atoi (text));
}

/* start_date and end_date bound when an operation started. A day (YYYY-MM-DD, as the vendor's
 * CLI sends it) counts whole, in UTC; an ISO 8601 date and time (UTC unless it says otherwise)
 * bounds to that instant. Both bounds are inclusive: *OUT_US is the first instant in, or the
 * first instant after (END). FALSE after recording a 422. */
static gboolean
query_date (DemoRequest *req,
            const char  *key,
            gboolean     end,
            gint64      *out_us)
{
  const char *text = _demo_query_get (req, key);
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL)
    return TRUE;

  if (is_day (text))
    {
      time = g_date_time_new_utc (atoi (text), atoi (text + 5), atoi (text + 8), 0, 0, 0);
      if (time != NULL && end)
        {
          GDateTime *next = g_date_time_add_days (time, 1);

          g_date_time_unref (time);
          time = next;
        }
      if (time != NULL)
        {
          *out_us = g_date_time_to_unix (time) * G_USEC_PER_SEC;
          return TRUE;
        }
    }
  else
    {
      utc = g_time_zone_new_utc ();
      time = g_date_time_new_from_iso8601 (text, utc);
      if (time != NULL)
        {
          *out_us = g_date_time_to_unix (time) * G_USEC_PER_SEC +
                    g_date_time_get_microsecond (time) + (end ? 1 : 0);
          return TRUE;
        }
    }

  _demo_error_add (req, "query", key, "date_parsing",
                   "Input should be a valid date (YYYY-MM-DD) or date and time (ISO 8601)");
  return FALSE;
}

/* operation_type is the name the vendor's CLI filters by; type, an older name, also works. */
static GPtrArray *
query_types (DemoRequest *req)
{
  g_autoptr(GPtrArray) named = _demo_query_get_all (req, "operation_type");
  GPtrArray *types = _demo_query_get_all (req, "type");

  for (guint i = 0; i < named->len; i++)
    {
      const char *type = g_ptr_array_index (named, i);

      if (!g_strv_contains (operation_types, type))
        {
          g_autofree char *index = g_strdup_printf ("%u", i);

          _demo_error_add (req, "query.operation_type", index, "enum",
                           "Input should be 'sync', 'profile', 'scan', 'materialize' or "
                           "'export'");
          continue;
        }
      g_ptr_array_add (types, (gpointer) (strcmp (type, "catalog") == 0 ? "sync" : type));
    }

  return types;
}

static gboolean
query_descending (DemoRequest *req,
                  const char  *key,
                  gboolean    *descending)
{
  const char *text = _demo_query_get (req, key);

  if (text == NULL)
    return TRUE;
  if (g_ascii_strcasecmp (text, "asc") == 0 || g_ascii_strcasecmp (text, "desc") == 0)
    {
      *descending = g_ascii_strcasecmp (text, "desc") == 0;
      return TRUE;
    }

  _demo_error_add (req, "query", key, "enum", "Input should be 'asc' or 'desc'");
  return FALSE;
}

/* Newest first unless sort_created says otherwise. finished=true keeps the operations that
 * ended (in any way), false the running ones. */
void
_demo_operations_list (DemoRequest *req)
{
  g_autoptr(GArray) datastores = _demo_query_int_list (req, "datastore");
  g_autoptr(GPtrArray) types = query_types (req);
  g_autoptr(GPtrArray) results = _demo_query_get_all (req, "result");
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  gboolean by_finished = _demo_query_get (req, "finished") != NULL;
  gboolean finished = FALSE;
  gboolean descending = TRUE;
  gint64 start_us = G_MININT64;
  gint64 end_us = G_MAXINT64;
  JsonArray *items;
  gint64 page, size;

  _demo_query_bool (req, "finished", &finished);
  query_date (req, "start_date", FALSE, &start_us);
  query_date (req, "end_date", TRUE, &end_us);
  query_descending (req, "sort_created", &descending);
  _demo_query_pagination (req, &page, &size);
  if (_demo_request_failed (req))
    return;

  for (guint i = 0; i < req->store->operations->len; i++)
    {
      DemoOperation *operation = g_ptr_array_index (req->store->operations, i);
      gboolean wanted = datastores->len == 0;

      for (guint d = 0; d < datastores->len; d++)
        wanted |= g_array_index (datastores, gint64, d) == operation->datastore_id;
      if (!wanted ||
          (types->len > 0 &&
           !g_ptr_array_find_with_equal_func (types, operation->type, g_str_equal, NULL)) ||
          (results->len > 0 &&
           !g_ptr_array_find_with_equal_func (results, operation->result, g_str_equal, NULL)) ||
          (by_finished && finished == is_running (operation)) ||
          operation->start_us < start_us || operation->start_us >= end_us)
        continue;
      g_ptr_array_add (matches, operation);
    }

  g_ptr_array_sort (matches, descending ? compare_newest_first : compare_oldest_first);
  items = json_array_new ();
  for (gint64 i = (page - 1) * size; i < page * size && i < matches->len; i++)
    json_array_add_object_element (items,
                                   operation_to_json (g_ptr_array_index (matches, i), req->now_us));
  _demo_reply_object (req, SOUP_STATUS_OK, _demo_page_envelope (items, matches->len, page, size));
}

/* Best effort, as on real servers: an operation that has already ended is left as it is. */
void
_demo_operations_abort (DemoRequest *req)
{
  DemoOperation *operation = _demo_store_get_operation (req->store, req->ids[0]);
  DemoDatastore *datastore;

  if (operation == NULL)
    {
      _demo_reply_not_found (req, DEMO_KIND_OPERATION, req->id_texts[0]);
      return;
    }
  datastore = _demo_store_get_datastore (req->store, operation->datastore_id);
  if (!_demo_require_teams (req, datastore, DEMO_TEAM_EDITOR))
    return;

  if (is_running (operation))
    {
      g_free (operation->result);
      operation->result = g_strdup ("aborted");
      operation->end_us = req->now_us;
      g_free (operation->message);
      operation->message = g_strdup_printf ("Aborted by %s", req->user->name);
      req->changed = TRUE;
    }
  _demo_reply_object (req, SOUP_STATUS_OK, operation_to_json (operation, req->now_us));
}
