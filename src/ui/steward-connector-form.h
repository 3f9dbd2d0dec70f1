/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CONNECTOR_FORM (steward_connector_form_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardConnectorForm, steward_connector_form, STEWARD, CONNECTOR_FORM, GtkWidget)

GtkWidget            *steward_connector_form_new              (void);
GListModel           *steward_connector_form_get_connectors   (StewardConnectorForm *self);
void                  steward_connector_form_set_connectors   (StewardConnectorForm *self,
                                                               GListModel           *connectors);
gboolean              steward_connector_form_select_type      (StewardConnectorForm *self,
                                                               const char           *type);
StewardConnectorSpec *steward_connector_form_get_spec         (StewardConnectorForm *self);
void                  steward_connector_form_set_spec         (StewardConnectorForm *self,
                                                               StewardConnectorSpec *spec);
const char           *steward_connector_form_get_default_name (StewardConnectorForm *self);
void                  steward_connector_form_set_default_name (StewardConnectorForm *self,
                                                               const char           *name);
gboolean              steward_connector_form_get_busy         (StewardConnectorForm *self);

gboolean              steward_connector_form_validate         (StewardConnectorForm *self);
JsonObject           *steward_connector_form_build_connection (StewardConnectorForm *self);
gboolean              steward_connector_form_mark_field       (StewardConnectorForm *self,
                                                               const char           *field,
                                                               const char           *message);
const char           *steward_connector_form_get_field_message (StewardConnectorForm *self,
                                                               const char           *field);
void                  steward_connector_form_clear_marks      (StewardConnectorForm *self);
void                  steward_connector_form_clear_secrets    (StewardConnectorForm *self);

GtkWidget            *steward_connector_form_get_row          (StewardConnectorForm *self,
                                                               const char           *field);
gboolean              steward_connector_form_set_value        (StewardConnectorForm *self,
                                                               const char           *field,
                                                               const char           *value);
void                  steward_connector_form_set_file         (StewardConnectorForm *self,
                                                               const char           *field,
                                                               GFile                *file);
void                  steward_connector_form_set_keep_secrets (StewardConnectorForm *self,
                                                               gboolean              keep_secrets);
gboolean              steward_connector_form_get_keep_secrets (StewardConnectorForm *self);
void                  steward_connector_form_set_secrets_only (StewardConnectorForm *self,
                                                               gboolean              secrets_only);
gboolean              steward_connector_form_has_secrets      (StewardConnectorForm *self);

G_END_DECLS
