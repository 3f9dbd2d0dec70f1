/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-api-error.h"
#include "steward-client-datastores.h"
#include "steward-client-enrichment.h"
#include "steward-client-private.h"
#include "steward-enrichment-prefix.h"

/* Links (or switches to) an enrichment datastore; calling it again with the same one is safe. */
void
steward_client_link_enrichment_async (StewardClient       *self,
                                      gint64               datastore_id,
                                      gint64               enrichment_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path =
      g_strdup_printf ("datastores/%" G_GINT64_FORMAT "/enrichment/%" G_GINT64_FORMAT, datastore_id,
                       enrichment_id);

  _steward_client_call (self, STEWARD_HTTP_PATCH, path, NULL, NULL, STEWARD_CALL_NONE,
                        _steward_parse_datastore, g_object_unref,
                        steward_client_link_enrichment_async, cancellable, callback, user_data);
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
  g_autofree char *path =
      g_strdup_printf ("datastores/%" G_GINT64_FORMAT "/enrichment", datastore_id);

  _steward_client_call (self, STEWARD_HTTP_DELETE, path, NULL, NULL, STEWARD_CALL_NONE,
                        NULL, NULL, steward_client_unlink_enrichment_async,
                        cancellable, callback, user_data);
}

gboolean
steward_client_unlink_enrichment_finish (StewardClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return _steward_client_call_finish_boolean (self, result, steward_client_unlink_enrichment_async,
                                              error);
}

static const char * const enrichment_fields[] = {
  "enrichment_prefix",
  "enrichment_source_record_limit",
  "enrichment_remediation_strategy",
  "high_count_rollup_threshold",
  NULL
};

/* The names older servers know the settings by (docs/api.md, "Field names"). */
static const struct
{
  const char *member;
  const char *old_member;
} old_names[] = {
  { "enrichment_prefix", "enrich_container_prefix" },
  { "enrichment_source_record_limit", "enrich_source_record_limit" },
  { "enrichment_remediation_strategy", "enrich_remediation_strategy" },
};

typedef struct
{
  gint64                   datastore_id;
  StewardDatastoreRequest *settings;
  gboolean                 resent;
} SettingsCall;

static void
settings_call_free (gpointer data)
{
  SettingsCall *call = data;

  steward_datastore_request_unref (call->settings);
  g_free (call);
}

/* Whether @answer shows the setting @member as it was sent. An answer that does not carry the
 * field says nothing either way, and counts as taken. */
static gboolean
setting_taken (JsonObject       *sent,
               const char       *member,
               StewardDatastore *answer)
{
  if (g_str_equal (member, "enrichment_prefix"))
    {
      const char *prefix = json_object_get_string_member_with_default (sent, member, NULL);
      g_autofree char *normalized = steward_enrichment_prefix_normalize (prefix);
      const char *stored = steward_datastore_get_enrichment_prefix (answer);

      return !steward_datastore_has_field (answer, "enrichment-prefix") ||
             g_strcmp0 (stored, prefix) == 0 || g_strcmp0 (stored, normalized) == 0;
    }

  if (g_str_equal (member, "enrichment_source_record_limit"))
    return !steward_datastore_has_field (answer, "enrichment-source-record-limit") ||
           steward_datastore_get_enrichment_source_record_limit (answer) ==
             json_object_get_int_member_with_default (sent, member, 0);

  return !steward_datastore_has_field (answer, "enrichment-remediation-strategy") ||
         g_strcmp0 (steward_datastore_get_enrichment_remediation_strategy (answer),
                    json_object_get_string_member_with_default (sent, member, NULL)) == 0;
}

/* The settings @answer ignored, under their older names, or NULL when it took them all. */
static StewardDatastoreRequest *
build_old_names_request (StewardDatastoreRequest *settings,
                         StewardDatastore        *answer)
{
  JsonObject *sent = steward_datastore_request_get_object (settings);
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  JsonObject *object = steward_datastore_request_get_object (request);

  for (guint i = 0; i < G_N_ELEMENTS (old_names); i++)
    {
      if (!json_object_has_member (sent, old_names[i].member) ||
          setting_taken (sent, old_names[i].member, answer))
        continue;

      json_object_set_member (object, old_names[i].old_member,
                              json_node_copy (json_object_get_member (sent, old_names[i].member)));
    }

  return steward_datastore_request_is_empty (request) ? NULL : g_steal_pointer (&request);
}

static void
settings_updated_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SettingsCall *call = g_task_get_task_data (task);
  g_autoptr(StewardDatastoreRequest) old_names_request = NULL;
  GError *error = NULL;
  StewardDatastore *datastore;

  datastore = steward_client_update_datastore_finish (STEWARD_CLIENT (object), result, &error);
  if (datastore == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A server that only knows the older names ignores the documented ones and answers 200 with
   * the values it had: those are sent once more under the names it knows. */
  if (!call->resent)
    old_names_request = build_old_names_request (call->settings, datastore);
  if (old_names_request != NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_debug ("The server kept its enrichment settings; sending them under their older names");
      call->resent = TRUE;
      g_object_unref (datastore);
      steward_client_update_datastore_async (STEWARD_CLIENT (object), call->datastore_id,
                                             old_names_request, cancellable, settings_updated_cb,
                                             g_steal_pointer (&task));
      return;
    }

  g_task_return_pointer (task, datastore, g_object_unref);
}

/* Enrichment settings go through the general update, which leaves other fields alone; only the
 * four enrichment fields are accepted here. Servers that know the settings by their older names
 * (enrich_container_prefix…) get them again under those names when the first answer shows they
 * were ignored, so both kinds of server end up with the settings. */
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
  SettingsCall *call;
  GTask *task;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (enrichment_fields, l->data))
      {
        _steward_client_fail (self, steward_client_update_enrichment_settings_async,
                              steward_api_error_new_invalid_field (l->data,
                                                                   _("Not an enrichment setting")),
                              callback, user_data);
        return;
      }

  call = g_new0 (SettingsCall, 1);
  call->datastore_id = datastore_id;
  call->settings = steward_datastore_request_copy (settings);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_client_update_enrichment_settings_async);
  g_task_set_task_data (task, call, settings_call_free);
  steward_client_update_datastore_async (self, datastore_id, settings, cancellable,
                                         settings_updated_cb, task);
}

StewardDatastore *
steward_client_update_enrichment_settings_finish (StewardClient  *self,
                                                  GAsyncResult   *result,
                                                  GError        **error)
{
  return _steward_client_call_finish (self, result, steward_client_update_enrichment_settings_async,
                                      error);
}
