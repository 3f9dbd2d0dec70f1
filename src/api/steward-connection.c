/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connection"

#include "steward-connection.h"
#include "steward-json.h"

/* A connection as the server describes it. Secrets (password, passphrase, secret_key,
 * credentials_payload) are write-only on the server and never kept here, even if a server sent
 * them by mistake. */
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
  JsonObject *parameters;
  GDateTime  *created;
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
steward_connector_type_is_dfs (const char *type)
{
  return g_strcmp0 (type, "s3") == 0 || g_strcmp0 (type, "gcs") == 0 ||
         g_strcmp0 (type, "abfs") == 0;
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
  g_clear_pointer (&self->parameters, json_object_unref);
  g_clear_pointer (&self->created, g_date_time_unref);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connection_class_init (StewardConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

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

  parameters = steward_json_get_object (object, "parameters");
  self->parameters = parameters != NULL ? json_object_ref (parameters) : json_object_new ();

  return self;
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
