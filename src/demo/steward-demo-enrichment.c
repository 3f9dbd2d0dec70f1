/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* Enrichment: linking a source datastore to the datastore that receives its anomalies, unlinking
 * it, and the enrichment settings that datastore create and update share. */

#define MAX_PREFIX_LENGTH 60

static const char *const strategies[] = { "none", "append", "overwrite", NULL };

/* snake_case with one leading underscore: "Analytics Bronze" → "_analytics_bronze",
 * "HealthcareProd" → "_healthcare_prod". Anything but ASCII letters and digits separates words.
 * The result is cut to 60 characters. */
char *
_demo_enrichment_normalize_prefix (const char *text)
{
  GString *out = g_string_new ("_");
  gsize length = strlen (text);

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];
      char previous = i > 0 ? text[i - 1] : '\0';
      char next = i + 1 < length ? text[i + 1] : '\0';

      if (!g_ascii_isalnum (c))
        {
          if (out->str[out->len - 1] != '_')
            g_string_append_c (out, '_');
          continue;
        }

      /* A capital starts a word after a lower-case letter or digit ("myData"), or ends an
       * acronym when a lower-case letter follows ("HTTPServer"). */
      if (g_ascii_isupper (c) && out->str[out->len - 1] != '_' &&
          (g_ascii_islower (previous) || g_ascii_isdigit (previous) ||
           (g_ascii_isupper (previous) && g_ascii_islower (next))))
        g_string_append_c (out, '_');

      g_string_append_c (out, g_ascii_tolower (c));
    }

  if (out->len > MAX_PREFIX_LENGTH)
    g_string_truncate (out, MAX_PREFIX_LENGTH);
  while (out->len > 1 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);
  if (out->len == 1)
    g_string_append (out, "enrichment");

  return g_string_free (out, FALSE);
}

void
_demo_enrichment_read (DemoRequest         *req,
                       JsonObject          *body,
                       DemoEnrichmentInput *input)
{
  const char *prefix_member = _demo_field_alias (body, "enrichment_prefix",
                                                 "enrich_container_prefix");

  input->prefix_field = _demo_field_string (req, body, "body", prefix_member, DEMO_NULLABLE,
                                            0, MAX_PREFIX_LENGTH, &input->prefix);
  input->limit_field = _demo_field_int (req, body, "body", "enrichment_source_record_limit",
                                        DEMO_NULLABLE, 1, 1000000000, &input->source_record_limit);
  input->strategy_field = _demo_field_enum (req, body, "body", "enrichment_remediation_strategy",
                                            DEMO_NULLABLE, strategies,
                                            &input->remediation_strategy);
  input->rollup_field = _demo_field_int (req, body, "body", "high_count_rollup_threshold",
                                         DEMO_NULLABLE, 1, 1000, &input->rollup_threshold);
  input->enrichment_field = _demo_field_int (req, body, "body", "enrichment_datastore_id",
                                             DEMO_NULLABLE, 1, G_MAXINT64,
                                             &input->enrichment_datastore_id);
}

/* A datastore may receive another's enrichment data unless the source is itself enrichment-only
 * or they are the same datastore. FALSE after answering 404 or 409. */
gboolean
_demo_enrichment_check_target (DemoRequest   *req,
                               DemoDatastore *source,
                               gint64         target_id)
{
  if (_demo_store_get_datastore (req->store, target_id) == NULL)
    {
      _demo_reply_not_found_id (req, DEMO_KIND_DATASTORE, target_id);
      return FALSE;
    }
  if (source->enrichment_only)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT,
                          "The datastore id: %" G_GINT64_FORMAT " is an enrichment store",
                          source->id);
      return FALSE;
    }
  if (source->id == target_id)
    {
      _demo_reply_detail (req, SOUP_STATUS_CONFLICT,
                          "The datastore id: %" G_GINT64_FORMAT " cannot be its own enrichment "
                          "datastore", source->id);
      return FALSE;
    }

  return TRUE;
}

gboolean
_demo_enrichment_check_unlink (DemoRequest   *req,
                               DemoDatastore *source)
{
  if (!_demo_operations_active_export (req->store, source->id))
    return TRUE;

  _demo_reply_detail (req, SOUP_STATUS_CONFLICT,
                      "Cannot disconnect enrichment datastore: active export or materialize "
                      "operations exist");
  return FALSE;
}

static void
unlink_datastore (DemoDatastore *datastore)
{
  datastore->enrich_datastore_id = 0;
  g_free (datastore->enrichment_remediation_strategy);
  datastore->enrichment_remediation_strategy = g_strdup ("none");
}

/* Applies validated settings. A null prefix goes back to the one made from the name. */
void
_demo_enrichment_apply (DemoDatastore       *datastore,
                        DemoEnrichmentInput *input)
{
  if (input->prefix_field == DEMO_FIELD_SET || input->prefix_field == DEMO_FIELD_NULL)
    {
      g_free (datastore->enrichment_prefix);
      datastore->enrichment_prefix =
        _demo_enrichment_normalize_prefix (input->prefix_field == DEMO_FIELD_SET &&
                                           *input->prefix != '\0'
                                           ? input->prefix : datastore->name);
    }
  if (input->limit_field == DEMO_FIELD_SET)
    datastore->enrichment_source_record_limit = input->source_record_limit;
  if (input->strategy_field == DEMO_FIELD_SET)
    {
      g_free (datastore->enrichment_remediation_strategy);
      datastore->enrichment_remediation_strategy = g_strdup (input->remediation_strategy);
    }
  if (input->rollup_field == DEMO_FIELD_SET)
    datastore->high_count_rollup_threshold = input->rollup_threshold;
  if (input->enrichment_field == DEMO_FIELD_SET)
    datastore->enrich_datastore_id = input->enrichment_datastore_id;
  else if (input->enrichment_field == DEMO_FIELD_NULL && datastore->enrich_datastore_id != 0)
    unlink_datastore (datastore);
}

/* Idempotent: linking the linked datastore again confirms it; another id switches to it. No body
 * is read. */
void
_demo_enrichment_link (DemoRequest *req)
{
  DemoDatastore *source = _demo_datastore_lookup (req, 0, DEMO_TEAM_EDITOR);

  if (source == NULL || !_demo_enrichment_check_target (req, source, req->ids[1]))
    {
      /* An id too large to exist still names itself in the 404. */
      if (source != NULL && req->ids[1] < 0)
        _demo_reply_not_found (req, DEMO_KIND_DATASTORE, req->id_texts[1]);
      return;
    }

  if (source->enrich_datastore_id != req->ids[1])
    {
      source->enrich_datastore_id = req->ids[1];
      source->updated_us = req->now_us;
      req->changed = TRUE;
    }
  _demo_reply_object (req, SOUP_STATUS_OK, _demo_datastore_to_json (req, source));
}

/* Admin only, with no team check (the router checks the role). Unlinking when nothing is linked
 * is a no-op that still answers 204. */
void
_demo_enrichment_unlink (DemoRequest *req)
{
  DemoDatastore *source = _demo_datastore_lookup (req, 0, DEMO_TEAM_NONE);

  if (source == NULL)
    return;

  if (source->enrich_datastore_id != 0)
    {
      if (!_demo_enrichment_check_unlink (req, source))
        return;
      unlink_datastore (source);
      source->updated_us = req->now_us;
      req->changed = TRUE;
    }
  _demo_reply_empty (req, SOUP_STATUS_NO_CONTENT);
}
