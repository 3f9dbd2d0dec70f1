/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-api-error.h"
#include "steward-connection.h"
#include "steward-enrichment-prefix.h"
#include "steward-group-icons.h"
#include "steward-json.h"
#include "steward-name-template.h"
#include "steward-validate.h"

/* Every documented limit, checked before anything is sent. Failures come back as the same
 * STEWARD_API_ERROR_INVALID a server's 422 gives, with a message per field, so a form marks its
 * fields the same way whoever found the problem. All problems are reported, not just the first. */

typedef struct
{
  GError *error;
} Problems;

static void
problem (Problems   *problems,
         const char *field,
         const char *message)
{
  if (problems->error == NULL)
    problems->error = steward_api_error_new (STEWARD_API_ERROR_INVALID, 0, message);
  steward_api_error_add_field_error (problems->error, field, message);
}

static gboolean
finish (Problems  *problems,
        GError   **error)
{
  if (problems->error == NULL)
    return TRUE;

  g_propagate_error (error, problems->error);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static void
check_length (Problems   *problems,
              JsonObject *object,
              const char *field,
              const char *label,
              glong       max)
{
  const char *text = steward_json_get_string (object, field);

  if (text != NULL && g_utf8_strlen (text, -1) > max)
    {
      g_autofree char *message =
          g_strdup_printf (_("%s must be at most %ld characters"), label, max);
      problem (problems, field, message);
    }
}

static void
check_range (Problems   *problems,
             JsonObject *object,
             const char *field,
             const char *label,
             gint64      min,
             gint64      max)
{
  JsonNode *node = json_object_get_member (object, field);
  gint64 value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  value = steward_json_get_int (object, field, G_MININT64);
  if (value < min || value > max)
    {
      g_autofree char *message = g_strdup_printf (_("%s must be between %'lld and %'lld"),
                                                  label, (long long) min, (long long) max);
      problem (problems, field, message);
    }
}

gboolean
steward_validate_remediation_strategy (const char *strategy)
{
  return g_strcmp0 (strategy, "none") == 0 || g_strcmp0 (strategy, "append") == 0 ||
         g_strcmp0 (strategy, "overwrite") == 0;
}

static void
check_group_name (Problems   *problems,
                  const char *field,
                  const char *name)
{
  if (is_blank (name))
    problem (problems, field, _("The group needs a name"));
  else if (g_utf8_strlen (name, -1) > STEWARD_GROUP_NAME_MAX)
    problem (problems, field, _("A group name must be at most 100 characters"));
}

static void
check_group_icon (Problems   *problems,
                  const char *field,
                  const char *icon)
{
  if (icon != NULL && !steward_group_icon_is_valid (icon))
    problem (problems, field, _("Not one of the ten group icons"));
}

/* For an update, a NULL name or icon means "unchanged". */
gboolean
steward_validate_group (const char  *name,
                        const char  *icon,
                        gboolean     name_required,
                        GError     **error)
{
  Problems problems = { NULL };

  if (name != NULL || name_required)
    check_group_name (&problems, "name", name);
  check_group_icon (&problems, "icon", icon);
  return finish (&problems, error);
}

/* The fields every connector needs; the connector form checks its own required fields. */
gboolean
steward_validate_connection (JsonObject  *connection,
                             GError     **error)
{
  Problems problems = { NULL };
  const char *type = steward_json_get_string (connection, "type");

  if (is_blank (type))
    problem (&problems, "connection.type", _("Choose a connector type"));
  if (is_blank (steward_json_get_string (connection, "name")))
    problem (&problems, "connection.name", _("The connection needs a name"));
  else if (g_utf8_strlen (steward_json_get_string (connection, "name"), -1) > STEWARD_NAME_MAX)
    problem (&problems, "connection.name", _("A connection name must be at most 255 characters"));

  return finish (&problems, error);
}

static void
check_exclusive (Problems   *problems,
                 JsonObject *object,
                 const char *first,
                 const char *second,
                 const char *message)
{
  if (steward_json_has (object, first) && steward_json_has (object, second) &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, first)) &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, second)))
    {
      problem (problems, first, message);
      problem (problems, second, message);
    }
}

static void
check_enrichment (Problems   *problems,
                  JsonObject *object)
{
  const char *prefix = steward_json_get_string (object, "enrichment_prefix");
  const char *strategy = steward_json_get_string (object, "enrichment_remediation_strategy");

  if (prefix != NULL && *prefix != '\0')
    {
      g_autofree char *normalized = steward_enrichment_prefix_normalize (prefix);

      if (g_utf8_strlen (prefix, -1) > STEWARD_ENRICHMENT_PREFIX_MAX)
        problem (problems, "enrichment_prefix", _("The prefix must be at most 60 characters"));
      else if (normalized == NULL)
        problem (problems, "enrichment_prefix", _("The prefix needs at least one letter or digit"));
    }

  check_range (problems, object, "enrichment_source_record_limit", _("The source record limit"),
               1, STEWARD_RECORD_LIMIT_MAX);
  check_range (problems, object, "high_count_rollup_threshold", _("The rollup threshold"),
               1, STEWARD_ROLLUP_THRESHOLD_MAX);

  if (steward_json_has (object, "enrichment_remediation_strategy") &&
      !steward_validate_remediation_strategy (strategy))
    problem (problems, "enrichment_remediation_strategy",
             _("The remediation strategy must be none, append or overwrite"));
}

static void
check_list_of_names (Problems   *problems,
                     JsonObject *object,
                     const char *field,
                     const char *message)
{
  JsonArray *array = steward_json_get_array (object, field);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          is_blank (json_node_get_string (element)))
        {
          problem (problems, field, message);
          return;
        }
    }
}

gboolean
steward_validate_datastore_request (StewardDatastoreRequest  *request,
                                    StewardRequestKind        kind,
                                    GError                  **error)
{
  Problems problems = { NULL };
  JsonObject *object = steward_datastore_request_get_object (request);
  JsonObject *connection = steward_json_get_object (object, "connection");
  JsonObject *group = steward_json_get_object (object, "group");
  gboolean bulk = kind == STEWARD_REQUEST_BULK_NEW_CONNECTION ||
                  kind == STEWARD_REQUEST_BULK_EXISTING_CONNECTION;

  if (kind == STEWARD_REQUEST_CREATE && is_blank (steward_json_get_string (object, "name")))
    problem (&problems, "name", _("The datastore needs a name"));
  else if (kind == STEWARD_REQUEST_UPDATE && steward_json_has (object, "name") &&
           is_blank (steward_json_get_string (object, "name")))
    problem (&problems, "name", _("The name cannot be empty"));
  check_length (&problems, object, "name", _("The name"), STEWARD_NAME_MAX);
  check_length (&problems, object, "description", _("The description"), STEWARD_DESCRIPTION_MAX);

  /* A new connection or an existing one: exactly one where a connection is needed. */
  check_exclusive (&problems, object, "connection", "connection_id",
                   _("Give a new connection or an existing one, not both"));
  if ((kind == STEWARD_REQUEST_CREATE && connection == NULL &&
       steward_json_get_int (object, "connection_id", 0) <= 0) ||
      (kind == STEWARD_REQUEST_BULK_NEW_CONNECTION && connection == NULL))
    problem (&problems, "connection", _("Choose a connection"));
  if (kind == STEWARD_REQUEST_BULK_EXISTING_CONNECTION && connection != NULL)
    problem (&problems, "connection", _("The connection is already chosen"));

  if (connection != NULL)
    {
      g_autoptr(GError) connection_error = NULL;

      if (!steward_validate_connection (connection, &connection_error))
        {
          GPtrArray *field_errors = steward_api_error_get_field_errors (connection_error);

          for (guint i = 0; i < field_errors->len; i++)
            {
              StewardFieldError *field_error = g_ptr_array_index (field_errors, i);
              problem (&problems, field_error->field, field_error->message);
            }
        }

      /* DFS datastores live at a root path; bulk creation gives one per datastore instead. */
      if (kind == STEWARD_REQUEST_CREATE &&
          steward_connector_type_is_dfs (steward_json_get_string (connection, "type")) &&
          is_blank (steward_json_get_string (object, "root_path")))
        problem (&problems, "root_path", _("A file-system datastore needs a root path"));
    }

  check_exclusive (&problems, object, "group", "group_id",
                   _("Choose an existing group or a new one, not both"));
  if (group != NULL)
    {
      check_group_name (&problems, "group.name", steward_json_get_string (group, "name"));
      check_group_icon (&problems, "group.icon", steward_json_get_string (group, "icon"));
    }

  check_list_of_names (&problems, object, "teams", _("Team names cannot be empty"));
  check_list_of_names (&problems, object, "tags", _("Tags cannot be empty"));
  check_enrichment (&problems, object);

  if (bulk)
    {
      JsonArray *schemas = steward_json_get_array (object, "schemas");
      JsonArray *root_paths = steward_json_get_array (object, "root_paths");
      const char *name_template = steward_json_get_string (object, "name_template");

      check_exclusive (&problems, object, "schemas", "root_paths",
                       _("Give schemas or root paths, not both"));
      if ((schemas == NULL || json_array_get_length (schemas) == 0) &&
          (root_paths == NULL || json_array_get_length (root_paths) == 0))
        problem (&problems, "schemas", _("Choose at least one schema or root path"));
      check_list_of_names (&problems, object, "schemas", _("Schema names cannot be empty"));
      check_list_of_names (&problems, object, "root_paths", _("Root paths cannot be empty"));
      if (name_template != NULL && !steward_name_template_is_valid (name_template))
        problem (&problems, "name_template", _("The name template must contain {{ schema }}"));
    }

  return finish (&problems, error);
}
