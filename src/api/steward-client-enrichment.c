/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include <glib/gi18n-lib.h>

#include "steward-api-error.h"
#include "steward-client-datastores.h"
#include "steward-client-enrichment.h"
#include "steward-client-private.h"

/* Links (or switches to) an enrichment datastore; calling it again with the same one is safe. */
void
steward_client_link_enrichment_async (StewardClient       *self,
                                      gint64               datastore_id,
                                      gint64               enrichment_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("datastores/%" G_GINT64_FORMAT "/enrichment/%" G_GINT64_FORMAT,
                                           datastore_id, enrichment_id);

  _steward_client_call (self, STEWARD_HTTP_PATCH, path, NULL, NULL, STEWARD_CALL_NONE,
                        _steward_parse_datastore, g_object_unref, steward_client_link_enrichment_async,
                        cancellable, callback, user_data);
}

StewardDatastore *
steward_client_link_enrichment_finish (StewardClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_link_enrichment_async, error);
}

/* Admin only; also resets the remediation strategy to none. */
void
steward_client_unlink_enrichment_async (StewardClient       *self,
                                        gint64               datastore_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("datastores/%" G_GINT64_FORMAT "/enrichment", datastore_id);

  _steward_client_call (self, STEWARD_HTTP_DELETE, path, NULL, NULL, STEWARD_CALL_NONE,
                        NULL, NULL, steward_client_unlink_enrichment_async,
                        cancellable, callback, user_data);
}

gboolean
steward_client_unlink_enrichment_finish (StewardClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return _steward_client_call_finish_boolean (self, result, steward_client_unlink_enrichment_async, error);
}

static const char * const enrichment_fields[] = {
  "enrichment_prefix",
  "enrichment_source_record_limit",
  "enrichment_remediation_strategy",
  "high_count_rollup_threshold",
  NULL
};

static void
settings_updated_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  StewardDatastore *datastore;

  datastore = steward_client_update_datastore_finish (STEWARD_CLIENT (object), result, &error);
  if (datastore == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, datastore, g_object_unref);
}

/* Enrichment settings go through the general update, which leaves other fields alone; only the
 * four enrichment fields are accepted here. */
void
steward_client_update_enrichment_settings_async (StewardClient           *self,
                                                 gint64                   datastore_id,
                                                 StewardDatastoreRequest *settings,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  JsonObject *object = steward_datastore_request_get_object (settings);
  g_autoptr(GList) members = json_object_get_members (object);
  GTask *task;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (enrichment_fields, l->data))
      {
        _steward_client_fail (self, steward_client_update_enrichment_settings_async,
                              steward_api_error_new_invalid_field (l->data, _("Not an enrichment setting")),
                              callback, user_data);
        return;
      }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_update_enrichment_settings_async);
  steward_client_update_datastore_async (self, datastore_id, settings, cancellable,
                                         settings_updated_cb, task);
}

StewardDatastore *
steward_client_update_enrichment_settings_finish (StewardClient  *self,
                                                  GAsyncResult   *result,
                                                  GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_update_enrichment_settings_async, error);
}
