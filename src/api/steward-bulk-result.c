/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-bulk-result"

#include "steward-bulk-result.h"
#include "steward-json.h"

/* The outcome of a non-atomic bulk create: the datastores made, and the schemas (or root paths)
 * that failed, each with the server's reason. */
struct _StewardBulkResult
{
  GObject    parent_instance;

  GArray    *created;
  GPtrArray *error_schemas;
  GPtrArray *error_messages;
};

G_DEFINE_FINAL_TYPE (StewardBulkResult, steward_bulk_result, G_TYPE_OBJECT)

static void
steward_bulk_result_finalize (GObject *object)
{
  StewardBulkResult *self = STEWARD_BULK_RESULT (object);

  g_clear_pointer (&self->created, g_array_unref);
  g_clear_pointer (&self->error_schemas, g_ptr_array_unref);
  g_clear_pointer (&self->error_messages, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_bulk_result_parent_class)->finalize (object);
}

static void
steward_bulk_result_class_init (StewardBulkResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steward_bulk_result_finalize;
}

static void
steward_bulk_result_init (StewardBulkResult *self)
{
  self->created = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->error_schemas = g_ptr_array_new_with_free_func (g_free);
  self->error_messages = g_ptr_array_new_with_free_func (g_free);
}

StewardBulkResult *
steward_bulk_result_new (void)
{
  return g_object_new (STEWARD_TYPE_BULK_RESULT, NULL);
}

StewardBulkResult *
steward_bulk_result_new_from_json (JsonObject *object)
{
  StewardBulkResult *self = steward_bulk_result_new ();
  JsonArray *created = steward_json_get_array (object, "created");
  JsonArray *errors = steward_json_get_array (object, "errors");

  for (guint i = 0; created != NULL && i < json_array_get_length (created); i++)
    {
      JsonNode *element = json_array_get_element (created, i);
      gint64 id = 0;

      /* Ids, or whole datastore objects on some servers. */
      if (JSON_NODE_HOLDS_OBJECT (element))
        id = steward_json_get_int (json_node_get_object (element), "id", 0);
      else if (JSON_NODE_HOLDS_VALUE (element) &&
               json_node_get_value_type (element) == G_TYPE_INT64)
        id = json_node_get_int (element);

      if (id != 0)
        g_array_append_val (self->created, id);
    }

  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *element = json_array_get_element (errors, i);
      JsonObject *error;
      const char *schema;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      error = json_node_get_object (element);
      schema = steward_json_get_string (error, "schema_name");
      if (schema == NULL)
        schema = steward_json_get_string (error, "root_path");
      g_ptr_array_add (self->error_schemas, g_strdup (schema));
      g_ptr_array_add (self->error_messages,
                       g_strdup (steward_json_get_string2 (error, "error", "message")));
    }

  return self;
}

/* Adds another batch's outcome to this one. */
void
steward_bulk_result_append (StewardBulkResult *self,
                            StewardBulkResult *other)
{
  g_return_if_fail (STEWARD_IS_BULK_RESULT (self));
  g_return_if_fail (STEWARD_IS_BULK_RESULT (other));

  g_array_append_vals (self->created, other->created->data, other->created->len);
  for (guint i = 0; i < other->error_schemas->len; i++)
    {
      g_ptr_array_add (self->error_schemas, g_strdup (g_ptr_array_index (other->error_schemas, i)));
      g_ptr_array_add (self->error_messages,
                       g_strdup (g_ptr_array_index (other->error_messages, i)));
    }
}

guint
steward_bulk_result_get_n_created (StewardBulkResult *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RESULT (self), 0);

  return self->created->len;
}

gint64
steward_bulk_result_get_created_id (StewardBulkResult *self,
                                    guint              index)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RESULT (self), 0);
  g_return_val_if_fail (index < self->created->len, 0);

  return g_array_index (self->created, gint64, index);
}

guint
steward_bulk_result_get_n_errors (StewardBulkResult *self)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RESULT (self), 0);

  return self->error_schemas->len;
}

const char *
steward_bulk_result_get_error_schema (StewardBulkResult *self,
                                      guint              index)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RESULT (self), NULL);
  g_return_val_if_fail (index < self->error_schemas->len, NULL);

  return g_ptr_array_index (self->error_schemas, index);
}

const char *
steward_bulk_result_get_error_message (StewardBulkResult *self,
                                       guint              index)
{
  g_return_val_if_fail (STEWARD_IS_BULK_RESULT (self), NULL);
  g_return_val_if_fail (index < self->error_messages->len, NULL);

  return g_ptr_array_index (self->error_messages, index);
}
