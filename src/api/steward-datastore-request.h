/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The body of a datastore create, update or bulk create, holding only the fields that were set:
 * an update built from it sends exactly what the user changed. */
typedef struct _StewardDatastoreRequest StewardDatastoreRequest;

#define STEWARD_TYPE_DATASTORE_REQUEST (steward_datastore_request_get_type ())

GType                    steward_datastore_request_get_type   (void) G_GNUC_CONST;
StewardDatastoreRequest *steward_datastore_request_new        (void);
StewardDatastoreRequest *steward_datastore_request_ref        (StewardDatastoreRequest *self);
void                     steward_datastore_request_unref      (StewardDatastoreRequest *self);
StewardDatastoreRequest *steward_datastore_request_copy       (StewardDatastoreRequest *self);

void steward_datastore_request_set_name                    (StewardDatastoreRequest *self,
                                                            const char              *name);
void steward_datastore_request_set_description             (StewardDatastoreRequest *self,
                                                            const char              *description);
void steward_datastore_request_set_connection              (StewardDatastoreRequest *self,
                                                            JsonObject              *connection);
void steward_datastore_request_set_connection_id           (StewardDatastoreRequest *self,
                                                            gint64                   connection_id);
void steward_datastore_request_set_database                (StewardDatastoreRequest *self,
                                                            const char              *database);
void steward_datastore_request_set_schema                  (StewardDatastoreRequest *self,
                                                            const char              *schema);
void steward_datastore_request_set_root_path               (StewardDatastoreRequest *self,
                                                            const char              *root_path);
void steward_datastore_request_set_folder_globbing_enabled (StewardDatastoreRequest *self,
                                                            gboolean                 enabled);
void steward_datastore_request_set_teams                   (StewardDatastoreRequest *self,
                                                            const char * const      *teams);
void steward_datastore_request_set_tags                    (StewardDatastoreRequest *self,
                                                            const char * const      *tags);
void steward_datastore_request_set_group_id                (StewardDatastoreRequest *self,
                                                            gint64                   group_id);
void steward_datastore_request_set_new_group               (StewardDatastoreRequest *self,
                                                            const char              *name,
                                                            const char              *icon);
void steward_datastore_request_set_trigger_sync            (StewardDatastoreRequest *self,
                                                            gboolean                 trigger);

void steward_datastore_request_set_enrichment_only (StewardDatastoreRequest *self,
                                                    gboolean                 enrichment_only);

void steward_datastore_request_set_enrichment_datastore_id (StewardDatastoreRequest *self,
                                                            gint64                   datastore_id);
void steward_datastore_request_set_enrichment_prefix       (StewardDatastoreRequest *self,
                                                            const char              *prefix);
void steward_datastore_request_set_enrichment_source_record_limit (StewardDatastoreRequest *self,
                                                                   gint64             limit);
void steward_datastore_request_set_enrichment_remediation_strategy (StewardDatastoreRequest *self,
                                                                    const char       *strategy);
void steward_datastore_request_set_high_count_rollup_threshold (StewardDatastoreRequest *self,
                                                                gint64               threshold);
void steward_datastore_request_set_schemas       (StewardDatastoreRequest *self,
                                                  const char * const      *schemas);
void steward_datastore_request_set_root_paths    (StewardDatastoreRequest *self,
                                                  const char * const      *root_paths);
void steward_datastore_request_set_name_template (StewardDatastoreRequest *self,
                                                  const char              *name_template);

gboolean    steward_datastore_request_has          (StewardDatastoreRequest *self,
                                                    const char              *member);
void        steward_datastore_request_remove       (StewardDatastoreRequest *self,
                                                    const char              *member);
gboolean    steward_datastore_request_is_empty     (StewardDatastoreRequest *self);
JsonObject *steward_datastore_request_get_object   (StewardDatastoreRequest *self);
JsonNode   *steward_datastore_request_to_node      (StewardDatastoreRequest *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardDatastoreRequest, steward_datastore_request_unref)

G_END_DECLS
