/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-profile.h"
#include "steward-url.h"

/* One deployment Steward signs in to. What it holds is safe to keep in GSettings: the token is
 * never part of a profile, only looked up in the keyring by the profile's URL. */
struct _StewardProfile
{
  GObject             parent_instance;

  char               *id;
  char               *name;
  char               *url;
  gboolean            verify_tls;
  StewardEnvironment  environment;
  gboolean            temporary;
};

G_DEFINE_FINAL_TYPE (StewardProfile, steward_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_URL,
  PROP_VERIFY_TLS,
  PROP_ENVIRONMENT,
  PROP_TEMPORARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *environment_names[] = {
  [STEWARD_ENVIRONMENT_NONE] = "none",
  [STEWARD_ENVIRONMENT_GREEN] = "green",
  [STEWARD_ENVIRONMENT_YELLOW] = "yellow",
  [STEWARD_ENVIRONMENT_RED] = "red",
};

const char *
steward_environment_to_string (StewardEnvironment environment)
{
  g_return_val_if_fail (environment <= STEWARD_ENVIRONMENT_RED, "none");

  return environment_names[environment];
}

StewardEnvironment
steward_environment_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (environment_names); i++)
    if (g_strcmp0 (environment_names[i], text) == 0)
      return i;

  return STEWARD_ENVIRONMENT_NONE;
}

/* What the colour means, in the words people use for their environments. */
const char *
steward_environment_get_label (StewardEnvironment environment)
{
  switch (environment)
    {
    case STEWARD_ENVIRONMENT_GREEN:
      return _("Development");
    case STEWARD_ENVIRONMENT_YELLOW:
      return _("Test");
    case STEWARD_ENVIRONMENT_RED:
      return _("Production");
    case STEWARD_ENVIRONMENT_NONE:
    default:
      return _("No colour");
    }
}

static void
steward_profile_finalize (GObject *object)
{
  StewardProfile *self = STEWARD_PROFILE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->url);

  G_OBJECT_CLASS (steward_profile_parent_class)->finalize (object);
}

static void
steward_profile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StewardProfile *self = STEWARD_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_VERIFY_TLS:
      g_value_set_boolean (value, self->verify_tls);
      break;
    case PROP_ENVIRONMENT:
      g_value_set_int (value, self->environment);
      break;
    case PROP_TEMPORARY:
      g_value_set_boolean (value, self->temporary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_profile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StewardProfile *self = STEWARD_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      steward_profile_set_name (self, g_value_get_string (value));
      break;
    case PROP_URL:
      steward_profile_set_url (self, g_value_get_string (value));
      break;
    case PROP_VERIFY_TLS:
      steward_profile_set_verify_tls (self, g_value_get_boolean (value));
      break;
    case PROP_ENVIRONMENT:
      steward_profile_set_environment (self, g_value_get_int (value));
      break;
    case PROP_TEMPORARY:
      steward_profile_set_temporary (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_profile_constructed (GObject *object)
{
  StewardProfile *self = STEWARD_PROFILE (object);

  G_OBJECT_CLASS (steward_profile_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
steward_profile_class_init (StewardProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_profile_finalize;
  object_class->constructed = steward_profile_constructed;
  object_class->get_property = steward_profile_get_property;
  object_class->set_property = steward_profile_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_VERIFY_TLS] = g_param_spec_boolean ("verify-tls", NULL, NULL, TRUE, flags);
  properties[PROP_ENVIRONMENT] =
    g_param_spec_int ("environment", NULL, NULL, STEWARD_ENVIRONMENT_NONE, STEWARD_ENVIRONMENT_RED,
                      STEWARD_ENVIRONMENT_NONE, flags);
  /* A profile that is never saved, such as the built-in demo's. */
  properties[PROP_TEMPORARY] = g_param_spec_boolean ("temporary", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_profile_init (StewardProfile *self)
{
  self->verify_tls = TRUE;
}

StewardProfile *
steward_profile_new (const char *name,
                     const char *url)
{
  return g_object_new (STEWARD_TYPE_PROFILE, "name", name, "url", url, NULL);
}

/* Reads one entry of the "profiles" key (a{sv}); NULL when it lacks an id or a URL. */
StewardProfile *
steward_profile_new_from_variant (GVariant *variant)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (variant);
  const char *id = NULL;
  const char *name = NULL;
  const char *url = NULL;
  const char *environment = NULL;
  gboolean verify_tls = TRUE;

  if (!g_variant_dict_lookup (dict, "id", "&s", &id) ||
      !g_variant_dict_lookup (dict, "url", "&s", &url) || *id == '\0' || *url == '\0')
    return NULL;

  g_variant_dict_lookup (dict, "name", "&s", &name);
  g_variant_dict_lookup (dict, "verify-tls", "b", &verify_tls);
  g_variant_dict_lookup (dict, "environment", "&s", &environment);

  return g_object_new (STEWARD_TYPE_PROFILE,
                       "id", id,
                       "name", name != NULL && *name != '\0' ? name : url,
                       "url", url,
                       "verify-tls", verify_tls,
                       "environment", steward_environment_from_string (environment),
                       NULL);
}

GVariant *
steward_profile_to_variant (StewardProfile *self)
{
  GVariantDict dict;

  g_return_val_if_fail (STEWARD_IS_PROFILE (self), NULL);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "s", self->id);
  g_variant_dict_insert (&dict, "name", "s", self->name != NULL ? self->name : "");
  g_variant_dict_insert (&dict, "url", "s", self->url != NULL ? self->url : "");
  g_variant_dict_insert (&dict, "verify-tls", "b", self->verify_tls);
  g_variant_dict_insert (&dict, "environment", "s",
                         steward_environment_to_string (self->environment));
  return g_variant_dict_end (&dict);
}

const char *
steward_profile_get_id (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), NULL);

  return self->id;
}

const char *
steward_profile_get_name (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), NULL);

  return self->name;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
steward_profile_set_name (StewardProfile *self,
                          const char     *name)
{
  g_return_if_fail (STEWARD_IS_PROFILE (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
steward_profile_get_url (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), NULL);

  return self->url;
}

void
steward_profile_set_url (StewardProfile *self,
                         const char     *url)
{
  g_return_if_fail (STEWARD_IS_PROFILE (self));

  if (set_string (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

gboolean
steward_profile_get_verify_tls (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), TRUE);

  return self->verify_tls;
}

/* http:// on this machine (the demo) is no risk: nothing leaves it. */
StewardTransportRisk
steward_profile_get_transport_risk (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), STEWARD_TRANSPORT_SAFE);

  if (self->url == NULL)
    return STEWARD_TRANSPORT_SAFE;
  if (g_ascii_strncasecmp (self->url, "http://", 7) == 0)
    return steward_url_is_loopback (self->url) ? STEWARD_TRANSPORT_SAFE
                                               : STEWARD_TRANSPORT_CLEARTEXT;
  if (!self->verify_tls)
    return STEWARD_TRANSPORT_UNVERIFIED;
  return STEWARD_TRANSPORT_SAFE;
}

void
steward_profile_set_verify_tls (StewardProfile *self,
                                gboolean        verify_tls)
{
  g_return_if_fail (STEWARD_IS_PROFILE (self));

  verify_tls = !!verify_tls;
  if (self->verify_tls == verify_tls)
    return;

  self->verify_tls = verify_tls;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFY_TLS]);
}

StewardEnvironment
steward_profile_get_environment (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), STEWARD_ENVIRONMENT_NONE);

  return self->environment;
}

void
steward_profile_set_environment (StewardProfile     *self,
                                 StewardEnvironment  environment)
{
  g_return_if_fail (STEWARD_IS_PROFILE (self));
  g_return_if_fail (environment <= STEWARD_ENVIRONMENT_RED);

  if (self->environment == environment)
    return;

  self->environment = environment;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENT]);
}

gboolean
steward_profile_get_temporary (StewardProfile *self)
{
  g_return_val_if_fail (STEWARD_IS_PROFILE (self), FALSE);

  return self->temporary;
}

void
steward_profile_set_temporary (StewardProfile *self,
                               gboolean        temporary)
{
  g_return_if_fail (STEWARD_IS_PROFILE (self));

  temporary = !!temporary;
  if (self->temporary == temporary)
    return;

  self->temporary = temporary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPORARY]);
}
