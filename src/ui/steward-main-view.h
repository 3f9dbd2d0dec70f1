/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-api.h"
#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_MAIN_VIEW (steward_main_view_get_type ())

G_DECLARE_FINAL_TYPE (StewardMainView, steward_main_view, STEWARD, MAIN_VIEW, AdwBin)

GtkWidget     *steward_main_view_new              (void);
StewardDeployment *steward_main_view_get_deployment (StewardMainView *self);
void           steward_main_view_set_deployment   (StewardMainView   *self,
                                                   StewardDeployment *deployment);
StewardClient *steward_main_view_get_client       (StewardMainView *self);
void           steward_main_view_set_subtitle     (StewardMainView *self,
                                                   const char      *subtitle);
void           steward_main_view_set_primary_menu (StewardMainView *self,
                                                   GMenuModel      *menu);
void           steward_main_view_add_header_end   (StewardMainView *self,
                                                   GtkWidget       *widget);
void           steward_main_view_set_poll_interval (StewardMainView *self,
                                                   guint            interval_ms);
void           steward_main_view_add_toast        (StewardMainView *self,
                                                   AdwToast        *toast);
gboolean       steward_main_view_select_datastore (StewardMainView *self,
                                                   gint64           datastore_id);
void           steward_main_view_follow_sync      (StewardMainView *self,
                                                   StewardOperation *operation);
void           steward_main_view_export_list_async (StewardMainView     *self,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
int            steward_main_view_export_list_finish (StewardMainView  *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);

G_END_DECLS
