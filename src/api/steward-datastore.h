/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "steward-datastore-group.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DATASTORE (steward_datastore_get_type ())

G_DECLARE_FINAL_TYPE (StewardDatastore, steward_datastore, STEWARD, DATASTORE, GObject)

StewardDatastore *steward_datastore_new_from_json (JsonObject       *object);
gboolean          steward_datastore_update_from   (StewardDatastore *self,
                                                   StewardDatastore *other);
gboolean          steward_datastore_has_field     (StewardDatastore *self,
                                                   const char       *property);

gint64                 steward_datastore_get_id                      (StewardDatastore *self);
const char            *steward_datastore_get_name                    (StewardDatastore *self);
const char            *steward_datastore_get_datastore_type          (StewardDatastore *self);
const char            *steward_datastore_get_store_type              (StewardDatastore *self);
gboolean               steward_datastore_is_dfs                      (StewardDatastore *self);
const char            *steward_datastore_get_database                (StewardDatastore *self);
const char            *steward_datastore_get_schema                  (StewardDatastore *self);
const char            *steward_datastore_get_root_path               (StewardDatastore *self);
gboolean               steward_datastore_get_folder_globbing_enabled (StewardDatastore *self);
const char            *steward_datastore_get_description             (StewardDatastore *self);
gboolean               steward_datastore_get_connected               (StewardDatastore *self);
gboolean               steward_datastore_get_favorite                (StewardDatastore *self);
void                   steward_datastore_set_favorite                (StewardDatastore *self,
                                                                      gboolean          favorite);
gboolean               steward_datastore_get_enrichment_only         (StewardDatastore *self);
GDateTime             *steward_datastore_get_created                 (StewardDatastore *self);
GDateTime             *steward_datastore_get_updated                 (StewardDatastore *self);
gint64                 steward_datastore_get_connection_id           (StewardDatastore *self);
const char            *steward_datastore_get_connection_name         (StewardDatastore *self);
const char            *steward_datastore_get_connection_type         (StewardDatastore *self);
const char * const    *steward_datastore_get_teams                   (StewardDatastore *self);
const char * const    *steward_datastore_get_tags                    (StewardDatastore *self);
StewardDatastoreGroup *steward_datastore_get_group                   (StewardDatastore *self);
void                   steward_datastore_set_group                   (StewardDatastore *self,
                                                                      StewardDatastoreGroup *group);
gint64                 steward_datastore_get_group_id                (StewardDatastore *self);
gint64                 steward_datastore_get_containers              (StewardDatastore *self);
gint64                 steward_datastore_get_records                 (StewardDatastore *self);
gint64                 steward_datastore_get_fields_profiled         (StewardDatastore *self);
gint64                 steward_datastore_get_active_checks           (StewardDatastore *self);
gint64                 steward_datastore_get_active_anomalies        (StewardDatastore *self);
const char            *steward_datastore_get_enrichment_prefix       (StewardDatastore *self);

gint64 steward_datastore_get_enrichment_source_record_limit (StewardDatastore *self);
const char *steward_datastore_get_enrichment_remediation_strategy (StewardDatastore *self);
gint64      steward_datastore_get_high_count_rollup_threshold (StewardDatastore *self);
gint64      steward_datastore_get_enrichment_datastore_id     (StewardDatastore *self);
const char *steward_datastore_get_enrichment_datastore_name   (StewardDatastore *self);
const char *steward_datastore_get_enrichment_datastore_type   (StewardDatastore *self);
const char *steward_datastore_get_name_folded                 (StewardDatastore *self);
gint64      steward_datastore_get_created_usec                (StewardDatastore *self);
gboolean    steward_datastore_get_deleted                     (StewardDatastore *self);
void        steward_datastore_set_deleted                     (StewardDatastore *self,
                                                               gboolean          deleted);

G_END_DECLS
