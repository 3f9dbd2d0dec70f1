/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-validation-result"

#include "steward-json.h"
#include "steward-validation-result.h"

/* Whether one schema (or root path) can be reached, from a validate call. */
struct _StewardValidationResult
{
  GObject   parent_instance;

  char     *schema_name;
  gboolean  success;
  char     *message;
};

G_DEFINE_FINAL_TYPE (StewardValidationResult, steward_validation_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHEMA_NAME,
  PROP_SUCCESS,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_validation_result_finalize (GObject *object)
{
  StewardValidationResult *self = STEWARD_VALIDATION_RESULT (object);

  g_free (self->schema_name);
  g_free (self->message);

  G_OBJECT_CLASS (steward_validation_result_parent_class)->finalize (object);
}

static void
steward_validation_result_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardValidationResult *self = STEWARD_VALIDATION_RESULT (object);

  switch (prop_id)
    {
    case PROP_SCHEMA_NAME:
      g_value_set_string (value, self->schema_name);
      break;
    case PROP_SUCCESS:
      g_value_set_boolean (value, self->success);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_validation_result_class_init (StewardValidationResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_validation_result_finalize;
  object_class->get_property = steward_validation_result_get_property;

  properties[PROP_SCHEMA_NAME] = g_param_spec_string ("schema-name", NULL, NULL, NULL, flags);
  properties[PROP_SUCCESS] = g_param_spec_boolean ("success", NULL, NULL, FALSE, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_validation_result_init (StewardValidationResult *self)
{
}

StewardValidationResult *
steward_validation_result_new_from_json (JsonObject *object)
{
  StewardValidationResult *self;
  const char *status;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_VALIDATION_RESULT, NULL);
  /* Root paths (DFS) are reported under their own member. */
  self->schema_name = g_strdup (steward_json_get_string2 (object, "schema_name", "root_path"));
  status = steward_json_get_string (object, "status");
  self->success = status != NULL ? g_ascii_strcasecmp (status, "success") == 0
                                 : steward_json_get_bool (object, "success", FALSE);
  self->message = g_strdup (steward_json_get_string2 (object, "message", "error"));

  return self;
}

const char *
steward_validation_result_get_schema_name (StewardValidationResult *self)
{
  g_return_val_if_fail (STEWARD_IS_VALIDATION_RESULT (self), NULL);

  return self->schema_name;
}

gboolean
steward_validation_result_get_success (StewardValidationResult *self)
{
  g_return_val_if_fail (STEWARD_IS_VALIDATION_RESULT (self), FALSE);

  return self->success;
}

const char *
steward_validation_result_get_message (StewardValidationResult *self)
{
  g_return_val_if_fail (STEWARD_IS_VALIDATION_RESULT (self), NULL);

  return self->message;
}
