/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "steward-deployment.h"
#include "steward-onboarding.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_ONBOARDING_WIZARD (steward_onboarding_wizard_get_type ())

G_DECLARE_FINAL_TYPE (
    StewardOnboardingWizard, steward_onboarding_wizard, STEWARD, ONBOARDING_WIZARD, AdwWindow)

/* Opens on the connection step; with a @connection_id (0 for none) that connection is chosen as
 * soon as it is loaded and the wizard moves on to the next step, as a "Onboard Schemas…" entry
 * on a connection's row wants. Present it with gtk_window_present(). Connect to
 * ::datastore-activated (a gint64 id) to show a created datastore. */
StewardOnboardingWizard *steward_onboarding_wizard_new (GtkWindow               *parent,
                                                        StewardDeployment       *deployment,
                                                        gint64                   connection_id);

StewardOnboarding *steward_onboarding_wizard_get_onboarding   (StewardOnboardingWizard *self);
GtkWidget         *steward_onboarding_wizard_get_page         (StewardOnboardingWizard *self);
const char        *steward_onboarding_wizard_get_page_name    (StewardOnboardingWizard *self);
gboolean           steward_onboarding_wizard_get_refused      (StewardOnboardingWizard *self);
const char        *steward_onboarding_wizard_get_notification (StewardOnboardingWizard *self);

G_END_DECLS
