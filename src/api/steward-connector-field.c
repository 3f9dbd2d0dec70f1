/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connector"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steward-api-error.h"
#include "steward-connector-field.h"
#include "steward-connector-spec-private.h"
#include "steward-json.h"

/* One field of a connector's form, described either by Steward's built-in table or by a
 * server's GET /datastores/specifications. Both are read into this one description, so the
 * form that renders it cannot tell them apart. */
struct _StewardConnectorField
{
  GObject                    parent_instance;

  char                      *name;
  char                      *path;
  char                      *label;
  StewardConnectorFieldKind  kind;
  StewardConnectorTarget     target;
  gboolean                   required;
  gboolean                   secret;
  char                      *placeholder;
  char                      *default_value;
  GStrv                      choices;
  GStrv                      choice_labels;
  gboolean                   has_range;
  gint64                     min;
  gint64                     max;
};

G_DEFINE_FINAL_TYPE (StewardConnectorField, steward_connector_field, G_TYPE_OBJECT)

/* The members a connection object has of its own (docs/api.md, "How deployed servers differ");
 * every other connector option belongs under "parameters". credentials_payload is a write-only
 * top-level member too. */
static const char * const top_level_names[] = {
  "name", "type", "host", "port", "username", "password", "passphrase", "uri", "access_key",
  "secret_key", "catalog", "jdbc_fetch_size", "max_parallelization", "secrets_manager",
  "credentials_payload", NULL
};

static const char * const secret_names[] = {
  "password", "passphrase", "secret_key", "credentials_payload", NULL
};

static const struct
{
  StewardConnectorFieldKind  kind;
  const char                *name;
} kind_names[] = {
  { STEWARD_CONNECTOR_FIELD_TEXT, "text" },
  { STEWARD_CONNECTOR_FIELD_NUMBER, "number" },
  { STEWARD_CONNECTOR_FIELD_SECRET, "secret" },
  { STEWARD_CONNECTOR_FIELD_BOOLEAN, "boolean" },
  { STEWARD_CONNECTOR_FIELD_FILE, "file" },
  { STEWARD_CONNECTOR_FIELD_CHOICE, "choice" },
  { STEWARD_CONNECTOR_FIELD_JSON, "json" },
};

/* The words servers use for a property's type, and the kind each becomes. */
static const struct
{
  const char                *type;
  StewardConnectorFieldKind  kind;
} property_types[] = {
  { "string", STEWARD_CONNECTOR_FIELD_TEXT },
  { "text", STEWARD_CONNECTOR_FIELD_TEXT },
  { "str", STEWARD_CONNECTOR_FIELD_TEXT },
  { "password", STEWARD_CONNECTOR_FIELD_SECRET },
  { "secret", STEWARD_CONNECTOR_FIELD_SECRET },
  { "integer", STEWARD_CONNECTOR_FIELD_NUMBER },
  { "int", STEWARD_CONNECTOR_FIELD_NUMBER },
  { "number", STEWARD_CONNECTOR_FIELD_NUMBER },
  { "boolean", STEWARD_CONNECTOR_FIELD_BOOLEAN },
  { "bool", STEWARD_CONNECTOR_FIELD_BOOLEAN },
  { "select", STEWARD_CONNECTOR_FIELD_CHOICE },
  { "enum", STEWARD_CONNECTOR_FIELD_CHOICE },
  { "choice", STEWARD_CONNECTOR_FIELD_CHOICE },
  { "file", STEWARD_CONNECTOR_FIELD_FILE },
  { "json", STEWARD_CONNECTOR_FIELD_JSON },
  { "object", STEWARD_CONNECTOR_FIELD_JSON },
};

gboolean
steward_connector_field_is_top_level_name (const char *name)
{
  return name != NULL && g_strv_contains (top_level_names, name);
}

gboolean
steward_connector_field_is_secret_name (const char *name)
{
  return name != NULL && g_strv_contains (secret_names, name);
}

const char *
steward_connector_field_kind_to_string (StewardConnectorFieldKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == kind)
      return kind_names[i].name;

  return NULL;
}

static gboolean
kind_from_string (const char                *text,
                  StewardConnectorFieldKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (kind_names[i].name, text))
      {
        *kind = kind_names[i].kind;
        return TRUE;
      }

  return FALSE;
}

/* A scalar default as text ("5432", "true", "prefer"); NULL for anything else. */
static char *
scalar_to_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

/* Choices are either plain values or {"value", "label"} objects. */
static gboolean
read_choices (StewardConnectorField  *self,
              JsonArray              *array,
              gboolean                translate,
              GError                **error)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *value = scalar_to_string (element);
      const char *label = NULL;

      if (value == NULL && JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonObject *object = json_node_get_object (element);

          value = scalar_to_string (json_object_get_member (object, "value"));
          label = steward_json_get_string (object, "label");
        }
      if (value == NULL)
        {
          g_set_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                       "Field “%s”: choice %u has no value", self->name, i);
          return FALSE;
        }

      if (label == NULL)
        label = value;
      else if (translate)
        label = g_dpgettext2 (GETTEXT_PACKAGE, STEWARD_CONNECTOR_CONTEXT, label);

      g_strv_builder_add (values, value);
      g_strv_builder_add (labels, label);
    }

  self->choices = g_strv_builder_end (values);
  self->choice_labels = g_strv_builder_end (labels);
  return TRUE;
}

/* What every parser does last: the path, the secret flag and the sensible defaults. */
static gboolean
complete (StewardConnectorField  *self,
          GError                **error)
{
  if (self->name == NULL || *self->name == '\0')
    {
      g_set_error_literal (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                           "A connector field has no name");
      return FALSE;
    }

  if (self->kind == STEWARD_CONNECTOR_FIELD_JSON)
    {
      /* The raw object is merged into "parameters" as a whole. */
      self->target = STEWARD_CONNECTOR_TARGET_PARAMETERS;
      self->path = g_strdup ("parameters");
    }
  else if (self->target == STEWARD_CONNECTOR_TARGET_PARAMETERS)
    self->path = g_strconcat ("parameters.", self->name, NULL);
  else
    self->path = g_strdup (self->name);

  if (self->kind == STEWARD_CONNECTOR_FIELD_SECRET ||
      (self->target == STEWARD_CONNECTOR_TARGET_TOP &&
       steward_connector_field_is_secret_name (self->name)))
    self->secret = TRUE;
  if (self->secret && self->kind == STEWARD_CONNECTOR_FIELD_TEXT)
    self->kind = STEWARD_CONNECTOR_FIELD_SECRET;

  if (self->kind == STEWARD_CONNECTOR_FIELD_CHOICE &&
      (self->choices == NULL || self->choices[0] == NULL))
    {
      g_set_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                   "Field “%s” is a choice without choices", self->name);
      return FALSE;
    }
  if (self->kind == STEWARD_CONNECTOR_FIELD_CHOICE && self->default_value == NULL)
    self->default_value = g_strdup (self->choices[0]);

  if (!self->has_range && self->kind == STEWARD_CONNECTOR_FIELD_NUMBER &&
      g_str_equal (self->name, "port"))
    {
      self->has_range = TRUE;
      self->min = 1;
      self->max = 65535;
    }

  if (self->label == NULL)
    self->label = g_strdup (self->name);

  return TRUE;
}

static void
steward_connector_field_finalize (GObject *object)
{
  StewardConnectorField *self = STEWARD_CONNECTOR_FIELD (object);

  g_free (self->name);
  g_free (self->path);
  g_free (self->label);
  g_free (self->placeholder);
  g_free (self->default_value);
  g_strfreev (self->choices);
  g_strfreev (self->choice_labels);

  G_OBJECT_CLASS (steward_connector_field_parent_class)->finalize (object);
}

static void
steward_connector_field_class_init (StewardConnectorFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_connector_field_finalize;
}

static void
steward_connector_field_init (StewardConnectorField *self)
{
}

/* One entry of the built-in table (src/api/connectors.json):
 * {"name", "label", "kind", "target": "top"|"parameters", "required", "secret", "placeholder",
 *  "default", "choices": [value | {"value", "label"}], "min", "max"}.
 * With @translate, labels are looked up in the message catalogue: the table is Steward's own. */
StewardConnectorField *
steward_connector_field_new_from_table (JsonObject  *object,
                                        gboolean     translate,
                                        GError     **error)
{
  g_autoptr(StewardConnectorField) self = g_object_new (STEWARD_TYPE_CONNECTOR_FIELD, NULL);
  const char *label = steward_json_get_string (object, "label");
  const char *kind = steward_json_get_string (object, "kind");
  const char *target = steward_json_get_string (object, "target");

  self->name = g_strdup (steward_json_get_string (object, "name"));
  if (kind == NULL)
    self->kind = STEWARD_CONNECTOR_FIELD_TEXT;
  else if (!kind_from_string (kind, &self->kind))
    {
      g_set_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                   "Field “%s” has an unknown kind “%s”", self->name, kind);
      return NULL;
    }

  if (target == NULL)
    self->target = steward_connector_field_is_top_level_name (self->name)
      ? STEWARD_CONNECTOR_TARGET_TOP
      : STEWARD_CONNECTOR_TARGET_PARAMETERS;
  else if (g_str_equal (target, "top"))
    self->target = STEWARD_CONNECTOR_TARGET_TOP;
  else if (g_str_equal (target, "parameters"))
    self->target = STEWARD_CONNECTOR_TARGET_PARAMETERS;
  else
    {
      g_set_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE,
                   "Field “%s” has an unknown target “%s”", self->name, target);
      return NULL;
    }

  if (label != NULL)
    self->label = g_strdup (
        translate ? g_dpgettext2 (GETTEXT_PACKAGE, STEWARD_CONNECTOR_CONTEXT, label) : label);
  self->required = steward_json_get_bool (object, "required", FALSE);
  self->secret = steward_json_get_bool (object, "secret", FALSE);
  self->placeholder = g_strdup (steward_json_get_string (object, "placeholder"));
  self->default_value = scalar_to_string (json_object_get_member (object, "default"));
  if (steward_json_has (object, "min") || steward_json_has (object, "max"))
    {
      self->has_range = TRUE;
      self->min = steward_json_get_int (object, "min", G_MININT64);
      self->max = steward_json_get_int (object, "max", G_MAXINT64);
    }

  if (steward_json_has (object, "choices") &&
      !read_choices (self, steward_json_get_array (object, "choices"), translate, error))
    return NULL;

  if (!complete (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* One property of a server's specification:
 * {"field", "title", "type", "required", "secret", "default", "placeholder", "map_to", "values"}.
 * "map_to" is a top-level member ("host") or "parameters.<name>"; without it, the field's name
 * decides, as it does for the built-in table. */
StewardConnectorField *
steward_connector_field_new_from_property (JsonObject  *object,
                                           GError     **error)
{
  g_autoptr(StewardConnectorField) self = g_object_new (STEWARD_TYPE_CONNECTOR_FIELD, NULL);
  const char *field = steward_json_get_string (object, "field");
  const char *map_to = steward_json_get_string (object, "map_to");
  const char *type = steward_json_get_string (object, "type");
  g_autofree char *type_folded = type != NULL ? g_ascii_strdown (type, -1) : NULL;

  if (map_to != NULL && g_str_has_prefix (map_to, "parameters."))
    {
      self->name = g_strdup (map_to + strlen ("parameters."));
      self->target = STEWARD_CONNECTOR_TARGET_PARAMETERS;
    }
  else if (map_to != NULL && *map_to != '\0')
    {
      self->name = g_strdup (map_to);
      self->target = STEWARD_CONNECTOR_TARGET_TOP;
    }
  else
    {
      self->name = g_strdup (field);
      self->target = steward_connector_field_is_top_level_name (field)
        ? STEWARD_CONNECTOR_TARGET_TOP
        : STEWARD_CONNECTOR_TARGET_PARAMETERS;
    }

  self->kind = STEWARD_CONNECTOR_FIELD_TEXT;
  for (guint i = 0; type_folded != NULL && i < G_N_ELEMENTS (property_types); i++)
    if (g_str_equal (property_types[i].type, type_folded))
      self->kind = property_types[i].kind;

  self->label = g_strdup (steward_json_get_string (object, "title"));
  if (self->label == NULL)
    self->label = g_strdup (field);
  self->required = steward_json_get_bool (object, "required", FALSE);
  self->secret = steward_json_get_bool (object, "secret", FALSE);
  self->placeholder = g_strdup (steward_json_get_string (object, "placeholder"));
  self->default_value = scalar_to_string (json_object_get_member (object, "default"));

  /* A list of values makes any property a choice. */
  if (steward_json_get_array (object, "values") != NULL &&
      json_array_get_length (steward_json_get_array (object, "values")) > 0)
    {
      self->kind = STEWARD_CONNECTOR_FIELD_CHOICE;
      if (!read_choices (self, steward_json_get_array (object, "values"), FALSE, error))
        return NULL;
    }

  if (!complete (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
steward_connector_field_get_name (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), NULL);
  return self->name;
}

/* The field as a 422 names it below "connection.": "host", or "parameters.role". */
const char *
steward_connector_field_get_path (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), NULL);
  return self->path;
}

const char *
steward_connector_field_get_label (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), NULL);
  return self->label;
}

StewardConnectorFieldKind
steward_connector_field_get_kind (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), STEWARD_CONNECTOR_FIELD_TEXT);
  return self->kind;
}

StewardConnectorTarget
steward_connector_field_get_target (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), STEWARD_CONNECTOR_TARGET_TOP);
  return self->target;
}

gboolean
steward_connector_field_get_required (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), FALSE);
  return self->required;
}

/* Secrets are write-only: a form never shows them again, logs them or keeps them. */
gboolean
steward_connector_field_get_secret (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), FALSE);
  return self->secret;
}

const char *
steward_connector_field_get_placeholder (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), NULL);
  return self->placeholder;
}

/* The default as text: "5432", "true", or a choice's value. */
const char *
steward_connector_field_get_default_value (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), NULL);
  return self->default_value;
}

const char * const *
steward_connector_field_get_choices (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), NULL);
  return (const char * const *) self->choices;
}

const char * const *
steward_connector_field_get_choice_labels (StewardConnectorField *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), NULL);
  return (const char * const *) self->choice_labels;
}

gboolean
steward_connector_field_get_range (StewardConnectorField *self,
                                   gint64                *min,
                                   gint64                *max)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTOR_FIELD (self), FALSE);

  if (min != NULL)
    *min = self->has_range ? self->min : G_MININT64;
  if (max != NULL)
    *max = self->has_range ? self->max : G_MAXINT64;
  return self->has_range;
}
