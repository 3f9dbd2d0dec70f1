/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-connection-tester.h"
#include "steward-connector-form.h"
#include "steward-onboarding.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_CONNECTION_PAGE (steward_onboarding_connection_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardOnboardingConnectionPage,
                      steward_onboarding_connection_page,
                      STEWARD,
                      ONBOARDING_CONNECTION_PAGE,
                      AdwBin)

GtkWidget *steward_onboarding_connection_page_new (StewardOnboarding               *onboarding);

void steward_onboarding_connection_page_preselect (StewardOnboardingConnectionPage *self,
                                                   gint64                           connection_id);

StewardConnectorForm *steward_onboarding_connection_page_get_form (
    StewardOnboardingConnectionPage *self);

StewardConnectionTester *steward_onboarding_connection_page_get_tester (
    StewardOnboardingConnectionPage *self);

void steward_onboarding_connection_page_set_new (StewardOnboardingConnectionPage *self,
                                                 gboolean                         new_connection);

G_END_DECLS
