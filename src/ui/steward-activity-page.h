/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-deployment.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ACTIVITY_PAGE (steward_activity_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardActivityPage, steward_activity_page, STEWARD, ACTIVITY_PAGE, AdwBin)

void        steward_activity_page_set_deployment (StewardActivityPage *self,
                                                  StewardDeployment   *deployment);
void        steward_activity_page_reload         (StewardActivityPage *self);
GListModel *steward_activity_page_get_shown      (StewardActivityPage *self);
gboolean    steward_activity_page_get_loading    (StewardActivityPage *self);

G_END_DECLS
