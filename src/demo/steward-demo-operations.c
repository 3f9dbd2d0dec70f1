/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* Operations. Their progress is a function of time, worked out when a request reads it: nothing
 * runs in the background, and a request that comes after an operation's end sees its outcome
 * (the datastore's new metrics) whether or not anybody polled the operation. */

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
  if (strcmp (operation->type, "sync") == 0)
    {
      metrics->containers = operation->total_containers;
      metrics->records = operation->total_records;
      datastore->connected = TRUE;
      operation->message = g_strdup_printf ("Synced %" G_GINT64_FORMAT " containers",
                                            operation->total_containers);
    }
  else if (strcmp (operation->type, "profile") == 0)
    {
      metrics->fields_profiled = operation->total_containers * (6 + datastore->id % 9);
      operation->message = g_strdup_printf ("Profiled %" G_GINT64_FORMAT " fields",
                                            metrics->fields_profiled);
    }
  else if (strcmp (operation->type, "scan") == 0)
    {
      metrics->active_checks = MAX (metrics->fields_profiled, operation->total_containers) * 3 / 2;
      metrics->active_anomalies = (datastore->id * 13) % 11;
      operation->message = g_strdup_printf ("Found %" G_GINT64_FORMAT " active anomalies",
                                            metrics->active_anomalies);
    }
  else
    operation->message = NULL;
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

void
_demo_operations_list (DemoRequest *req)
{
  g_autoptr(GArray) datastores = _demo_query_int_list (req, "datastore");
  g_autoptr(GPtrArray) types = _demo_query_get_all (req, "type");
  g_autoptr(GPtrArray) results = _demo_query_get_all (req, "result");
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  JsonArray *items;
  gint64 page, size;

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
           !g_ptr_array_find_with_equal_func (results, operation->result, g_str_equal, NULL)))
        continue;
      g_ptr_array_add (matches, operation);
    }

  g_ptr_array_sort (matches, compare_newest_first);
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
