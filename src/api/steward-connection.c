/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connection"

#include <string.h>

#include "steward-connection.h"
#include "steward-json.h"

/* A connection as the server describes it. Secrets (password, passphrase, secret_key,
 * credentials_payload) are write-only on the server and never kept here, even if a server sent
 * them by mistake; neither are connector options whose names say they hold one (a private key
 * under "parameters"): only that they were there is remembered, because sending the options
 * again without them would drop them. One object per connection is shared by every view of a
 * deployment: a fresh answer is taken in with steward_connection_update_from(). */
struct _StewardConnection
{
  GObject     parent_instance;

  gint64      id;
  char       *name;
  char       *type;
  char       *store_type;
  char       *host;
  gint64      port;
  char       *username;
  char       *uri;
  JsonObject *fields;             /* every non-secret top-level member, as sent */
  JsonObject *parameters;         /* without the secret-looking ones */
  GStrv       hidden_parameters;  /* names of the secret-looking ones */
  GDateTime  *created;
  GDateTime  *updated;
};

G_DEFINE_FINAL_TYPE (StewardConnection, steward_connection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TYPE,
  PROP_STORE_TYPE,
  PROP_HOST,
  PROP_PORT,
  PROP_USERNAME,
  PROP_URI,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
steward_connector_type_is_dfs (const char *type)
{
  return g_strcmp0 (type, "s3") == 0 || g_strcmp0 (type, "gcs") == 0 ||
         g_strcmp0 (type, "abfs") == 0;
}

/* The members a connection has of its own that are not secrets; "name" and "type" are kept apart.
 */
static const char * const plain_fields[] = {
  "host", "port", "username", "uri", "access_key", "catalog", "jdbc_fetch_size",
  "max_parallelization", "secrets_manager", NULL
};

/* Parts of option names that mean a secret: such options are never kept or shown. */
static const char * const secret_words[] = {
  "password", "passphrase", "secret", "private_key", "token", "credential", NULL
};

/* A server may send any number of options; a connection has a handful. */
#define MAX_PARAMETERS 200

static gboolean
looks_secret (const char *name)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);

  for (guint i = 0; secret_words[i] != NULL; i++)
    if (strstr (folded, secret_words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
steward_connection_finalize (GObject *object)
{
  StewardConnection *self = STEWARD_CONNECTION (object);

  g_free (self->name);
  g_free (self->type);
  g_free (self->store_type);
  g_free (self->host);
  g_free (self->username);
  g_free (self->uri);
  g_clear_pointer (&self->fields, json_object_unref);
  g_clear_pointer (&self->parameters, json_object_unref);
  g_strfreev (self->hidden_parameters);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (steward_connection_parent_class)->finalize (object);
}

static void
steward_connection_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StewardConnection *self = STEWARD_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TYPE:
      g_value_set_string (value, self->type);
      break;
    case PROP_STORE_TYPE:
      g_value_set_string (value, steward_connection_get_store_type (self));
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_PORT:
      g_value_set_int64 (value, self->port);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connection_class_init (StewardConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_connection_finalize;
  object_class->get_property = steward_connection_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TYPE] = g_param_spec_string ("type", NULL, NULL, NULL, flags);
  properties[PROP_STORE_TYPE] = g_param_spec_string ("store-type", NULL, NULL, NULL, flags);
  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, NULL, flags);
  properties[PROP_PORT] = g_param_spec_int64 ("port", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_URI] = g_param_spec_string ("uri", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED] = g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_connection_init (StewardConnection *self)
{
}

StewardConnection *
steward_connection_new_from_json (JsonObject *object)
{
  StewardConnection *self;
  JsonObject *parameters;
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_CONNECTION, NULL);
  self->id = steward_json_get_int (object, "id", 0);
  self->name = g_strdup (steward_json_get_string (object, "name"));
  self->type = g_strdup (steward_json_get_string (object, "type"));
  self->store_type = g_strdup (steward_json_get_string (object, "store_type"));
  self->host = g_strdup (steward_json_get_string (object, "host"));
  self->port = steward_json_get_int (object, "port", 0);
  self->username = g_strdup (steward_json_get_string (object, "username"));
  self->uri = g_strdup (steward_json_get_string (object, "uri"));
  self->created = steward_json_get_datetime (object, "created");
  self->updated = steward_json_get_datetime (object, "updated");

  /* Nulls are left out: they mean "no value", as an absent member does. */
  self->fields = json_object_new ();
  for (guint i = 0; plain_fields[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, plain_fields[i]);

      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        json_object_set_member (self->fields, plain_fields[i], steward_json_deep_copy (node));
    }

  self->parameters = json_object_new ();
  parameters = steward_json_get_object (object, "parameters");
  if (parameters != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;
      guint kept = 0;

      json_object_iter_init (&iter, parameters);
      while (json_object_iter_next (&iter, &member, &node) && kept < MAX_PARAMETERS)
        {
          if (looks_secret (member))
            {
              g_strv_builder_add (hidden, member);
              continue;
            }
          json_object_set_member (self->parameters, member, steward_json_deep_copy (node));
          kept++;
        }
    }
  self->hidden_parameters = g_strv_builder_end (hidden);

  return self;
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

static gboolean
set_date (GDateTime **field,
          GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  return TRUE;
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  g_autoptr(JsonNode) first = steward_json_object_node (a);
  g_autoptr(JsonNode) second = steward_json_object_node (b);

  return json_node_equal (first, second);
}

/* Takes @other's values (the server's fresh answer about the same connection), notifying each
 * property that changed. Returns whether anything did. */
gboolean
steward_connection_update_from (StewardConnection *self,
                                StewardConnection *other)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), FALSE);
  g_return_val_if_fail (STEWARD_IS_CONNECTION (other), FALSE);

  if (self == other)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));

#define TAKE_STRING(field, prop) \
  if (set_string (&self->field, other->field)) \
    { \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
      changed = TRUE; \
    }

  TAKE_STRING (name, PROP_NAME);
  TAKE_STRING (type, PROP_TYPE);
  TAKE_STRING (store_type, PROP_STORE_TYPE);
  TAKE_STRING (host, PROP_HOST);
  TAKE_STRING (username, PROP_USERNAME);
  TAKE_STRING (uri, PROP_URI);
#undef TAKE_STRING

  if (self->port != other->port)
    {
      self->port = other->port;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
      changed = TRUE;
    }
  if (set_date (&self->created, other->created))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
      changed = TRUE;
    }
  if (set_date (&self->updated, other->updated))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
      changed = TRUE;
    }

  /* The other fields have no property of their own; "updated" changes with them on a server. */
  if (!objects_equal (self->fields, other->fields) ||
      !objects_equal (self->parameters, other->parameters) ||
      !g_strv_equal ((const char *const *) self->hidden_parameters,
                     (const char *const *) other->hidden_parameters))
    {
      json_object_unref (self->fields);
      self->fields = json_object_ref (other->fields);
      json_object_unref (self->parameters);
      self->parameters = json_object_ref (other->parameters);
      g_strfreev (self->hidden_parameters);
      self->hidden_parameters = g_strdupv (other->hidden_parameters);
      changed = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

gint64
steward_connection_get_id (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), 0);

  return self->id;
}

const char *
steward_connection_get_name (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return self->name;
}

const char *
steward_connection_get_type_name (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return self->type;
}

/* Servers do not always send store_type; the connector type decides it. */
const char *
steward_connection_get_store_type (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  if (self->store_type != NULL)
    return self->store_type;

  return steward_connector_type_is_dfs (self->type) ? "dfs" : "jdbc";
}

gboolean
steward_connection_is_dfs (StewardConnection *self)
{
  return g_strcmp0 (steward_connection_get_store_type (self), "dfs") == 0;
}

const char *
steward_connection_get_host (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return self->host;
}

gint64
steward_connection_get_port (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), 0);

  return self->port;
}

const char *
steward_connection_get_username (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return self->username;
}

const char *
steward_connection_get_uri (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return self->uri;
}

/* Returns: (transfer none): connector options other than the top-level fields */
JsonObject *
steward_connection_get_parameters (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return self->parameters;
}

GDateTime *
steward_connection_get_created (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return self->created;
}

GDateTime *
steward_connection_get_updated (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return self->updated;
}

/* Returns: (transfer none): the top-level members that are neither secrets nor the name and
 * type (host, port, username, uri, access_key, catalog, jdbc_fetch_size, max_parallelization,
 * secrets_manager), those that have a value */
JsonObject *
steward_connection_get_fields (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return self->fields;
}

/* Returns: (transfer none): the names of the options left out because they hold secrets */
const char * const *
steward_connection_get_hidden_parameters (StewardConnection *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);

  return (const char * const *) self->hidden_parameters;
}

/* Returns: (transfer none) (nullable): the value at @path ("host", "parameters.role"), NULL
 * when the connection has none there or it is a secret */
JsonNode *
steward_connection_get_value (StewardConnection *self,
                              const char        *path)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_prefix (path, "parameters."))
    return json_object_get_member (self->parameters, path + strlen ("parameters."));

  return json_object_get_member (self->fields, path);
}

/* Returns: (transfer full) (nullable): the value at @path as text: strings as they are, numbers
 * in decimal, booleans as "true" or "false", objects and arrays as JSON */
char *
steward_connection_dup_value_text (StewardConnection *self,
                                   const char        *path)
{
  JsonNode *node = steward_connection_get_value (self, path);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? "true" : "false");
      if (type == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
        }
    }

  return steward_json_to_string (node);
}

/* Whether SEARCH (any case) is in the connection's name, connector type, or host (its URI for a
 * file system): what a picker of connections searches. An empty SEARCH matches everything. */
gboolean
steward_connection_matches (StewardConnection *self,
                            const char        *search)
{
  g_autofree char *needle = NULL;
  const char *haystacks[3];

  g_return_val_if_fail (STEWARD_IS_CONNECTION (self), FALSE);

  if (search == NULL || *search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  haystacks[0] = steward_connection_get_name (self);
  haystacks[1] = steward_connection_get_type_name (self);
  haystacks[2] = steward_connection_is_dfs (self) ? steward_connection_get_uri (self)
                                                  : steward_connection_get_host (self);

  for (guint i = 0; i < G_N_ELEMENTS (haystacks); i++)
    {
      g_autofree char *folded = haystacks[i] != NULL ? g_utf8_casefold (haystacks[i], -1) : NULL;

      if (folded != NULL && strstr (folded, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}
