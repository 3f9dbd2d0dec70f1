/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-operations-section.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DATASTORE_DETAILS (steward_datastore_details_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardDatastoreDetails, steward_datastore_details, STEWARD, DATASTORE_DETAILS, AdwBin)

StewardDatastore *steward_datastore_details_get_datastore (StewardDatastoreDetails *self);
StewardOperationsSection *steward_datastore_details_get_operations_section (
    StewardDatastoreDetails *self);
void              steward_datastore_details_set_datastore (StewardDatastoreDetails *self,
                                                           StewardDatastore        *datastore);
void              steward_datastore_details_set_n_selected (StewardDatastoreDetails *self,
                                                            guint                    n_selected);
void              steward_datastore_details_set_groups_menu (StewardDatastoreDetails *self,
                                                             GMenuModel              *groups_menu);
GMenuModel       *steward_datastore_details_get_groups_menu (StewardDatastoreDetails *self);
void              steward_datastore_details_set_operation (StewardDatastoreDetails *self,
                                                           StewardOperation        *operation);
StewardOperation *steward_datastore_details_get_operation (StewardDatastoreDetails *self);
void              steward_datastore_details_set_verify_result (StewardDatastoreDetails *self,
                                                               gboolean                 connected,
                                                               const char              *message);
void              steward_datastore_details_set_access_error (StewardDatastoreDetails *self,
                                                              const char              *reason);
void              steward_datastore_details_set_busy      (StewardDatastoreDetails *self,
                                                           const char              *action,
                                                           gboolean                 busy);

G_END_DECLS
