/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A colour per deployment, so nobody mistakes production for test. */
typedef enum
{
  STEWARD_ENVIRONMENT_NONE,
  STEWARD_ENVIRONMENT_GREEN,
  STEWARD_ENVIRONMENT_YELLOW,
  STEWARD_ENVIRONMENT_RED,
} StewardEnvironment;

/* How the connection to a profile's deployment is not safe. */
typedef enum
{
  STEWARD_TRANSPORT_SAFE,
  STEWARD_TRANSPORT_CLEARTEXT,    /* http:// to another machine: the token travels readable */
  STEWARD_TRANSPORT_UNVERIFIED,   /* https:// with certificate checks turned off */
} StewardTransportRisk;

const char         *steward_environment_to_string   (StewardEnvironment  environment);
StewardEnvironment  steward_environment_from_string (const char         *text);
const char         *steward_environment_get_label   (StewardEnvironment  environment);

#define STEWARD_TYPE_PROFILE (steward_profile_get_type ())

G_DECLARE_FINAL_TYPE (StewardProfile, steward_profile, STEWARD, PROFILE, GObject)

StewardProfile     *steward_profile_new              (const char         *name,
                                                      const char         *url);
StewardProfile     *steward_profile_new_from_variant (GVariant           *variant);
GVariant           *steward_profile_to_variant       (StewardProfile     *self);
const char         *steward_profile_get_id           (StewardProfile     *self);
const char         *steward_profile_get_name         (StewardProfile     *self);
void                steward_profile_set_name         (StewardProfile     *self,
                                                      const char         *name);
const char         *steward_profile_get_url          (StewardProfile     *self);
void                steward_profile_set_url          (StewardProfile     *self,
                                                      const char         *url);
gboolean            steward_profile_get_verify_tls   (StewardProfile     *self);
StewardTransportRisk steward_profile_get_transport_risk (StewardProfile   *self);
void                steward_profile_set_verify_tls   (StewardProfile     *self,
                                                      gboolean            verify_tls);
StewardEnvironment  steward_profile_get_environment  (StewardProfile     *self);
void                steward_profile_set_environment  (StewardProfile     *self,
                                                      StewardEnvironment  environment);
gboolean            steward_profile_get_temporary    (StewardProfile     *self);
void                steward_profile_set_temporary    (StewardProfile     *self,
                                                      gboolean            temporary);

G_END_DECLS
