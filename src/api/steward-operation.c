/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-operation"

#include "steward-json.h"
#include "steward-model-private.h"
#include "steward-operation.h"

/* An operation (a sync, say) and its progress. Following it updates one object in place, so a
 * view bound to it shows progress through property notifications. */
struct _StewardOperation
{
  GObject                 parent_instance;

  gint64                  id;
  char                   *type;
  gint64                  datastore_id;
  StewardOperationResult  result;
  GDateTime              *start_time;
  GDateTime              *end_time;
  char                   *message;
  gint64                  total_containers;
  gint64                  containers_analyzed;
  gint64                  records_processed;
};

G_DEFINE_FINAL_TYPE (StewardOperation, steward_operation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_OPERATION_TYPE,
  PROP_DATASTORE_ID,
  PROP_RESULT,
  PROP_FINISHED,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_MESSAGE,
  PROP_TOTAL_CONTAINERS,
  PROP_CONTAINERS_ANALYZED,
  PROP_RECORDS_PROCESSED,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static StewardOperationResult
parse_result (const char *result)
{
  if (result == NULL || g_ascii_strcasecmp (result, "running") == 0 ||
      g_ascii_strcasecmp (result, "queued") == 0 || g_ascii_strcasecmp (result, "pending") == 0)
    return STEWARD_OPERATION_RUNNING;
  if (g_ascii_strcasecmp (result, "success") == 0)
    return STEWARD_OPERATION_SUCCESS;
  if (g_ascii_strcasecmp (result, "warning") == 0)
    return STEWARD_OPERATION_WARNING;
  if (g_ascii_strcasecmp (result, "aborted") == 0)
    return STEWARD_OPERATION_ABORTED;
  return STEWARD_OPERATION_FAILURE;
}

static void
steward_operation_finalize (GObject *object)
{
  StewardOperation *self = STEWARD_OPERATION (object);

  g_free (self->type);
  g_free (self->message);
  g_clear_pointer (&self->start_time, g_date_time_unref);
  g_clear_pointer (&self->end_time, g_date_time_unref);

  G_OBJECT_CLASS (steward_operation_parent_class)->finalize (object);
}

static void
steward_operation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardOperation *self = STEWARD_OPERATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_OPERATION_TYPE:
      g_value_set_string (value, self->type);
      break;
    case PROP_DATASTORE_ID:
      g_value_set_int64 (value, self->datastore_id);
      break;
    case PROP_RESULT:
      g_value_set_int (value, self->result);
      break;
    case PROP_FINISHED:
      g_value_set_boolean (value, steward_operation_is_finished (self));
      break;
    case PROP_START_TIME:
      g_value_set_boxed (value, self->start_time);
      break;
    case PROP_END_TIME:
      g_value_set_boxed (value, self->end_time);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_TOTAL_CONTAINERS:
      g_value_set_int64 (value, self->total_containers);
      break;
    case PROP_CONTAINERS_ANALYZED:
      g_value_set_int64 (value, self->containers_analyzed);
      break;
    case PROP_RECORDS_PROCESSED:
      g_value_set_int64 (value, self->records_processed);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, steward_operation_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_operation_class_init (StewardOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_operation_finalize;
  object_class->get_property = steward_operation_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_OPERATION_TYPE] = g_param_spec_string ("operation-type", NULL, NULL, NULL, flags);
  properties[PROP_DATASTORE_ID] =
      g_param_spec_int64 ("datastore-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_RESULT] =
      g_param_spec_int ("result", NULL, NULL, STEWARD_OPERATION_RUNNING, STEWARD_OPERATION_ABORTED,
                        STEWARD_OPERATION_RUNNING, flags);
  properties[PROP_FINISHED] = g_param_spec_boolean ("finished", NULL, NULL, FALSE, flags);
  properties[PROP_START_TIME] =
      g_param_spec_boxed ("start-time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_END_TIME] = g_param_spec_boxed ("end-time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_TOTAL_CONTAINERS] =
      g_param_spec_int64 ("total-containers", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CONTAINERS_ANALYZED] =
      g_param_spec_int64 ("containers-analyzed", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_RECORDS_PROCESSED] =
      g_param_spec_int64 ("records-processed", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_operation_init (StewardOperation *self)
{
}

StewardOperation *
steward_operation_new_from_json (JsonObject *object)
{
  StewardOperation *self;
  JsonObject *status;
  JsonObject *datastore;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_OPERATION, NULL);
  self->id = steward_json_get_int (object, "id", 0);
  self->type = g_strdup (steward_json_get_string (object, "type"));
  self->message = g_strdup (steward_json_get_string (object, "message"));
  self->result = parse_result (steward_json_get_string (object, "result"));
  self->start_time = steward_json_get_datetime (object, "start_time");
  self->end_time = steward_json_get_datetime (object, "end_time");

  /* Some servers nest the datastore instead of giving its id. */
  datastore = steward_json_get_object (object, "datastore");
  self->datastore_id = steward_json_get_int (object, "datastore_id",
                                             steward_json_get_int (datastore, "id", 0));

  status = steward_json_get_object (object, "status");
  self->total_containers = steward_json_get_int (status, "total_containers", 0);
  self->containers_analyzed = steward_json_get_int (status, "containers_analyzed", 0);
  self->records_processed = steward_json_get_int (status, "records_processed", 0);

  return self;
}

gint64
steward_operation_get_id (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), 0);

  return self->id;
}

const char *
steward_operation_get_operation_type (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), NULL);

  return self->type;
}

gint64
steward_operation_get_datastore_id (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), 0);

  return self->datastore_id;
}

StewardOperationResult
steward_operation_get_result (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), STEWARD_OPERATION_RUNNING);

  return self->result;
}

gboolean
steward_operation_is_finished (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), FALSE);

  return self->result != STEWARD_OPERATION_RUNNING;
}

GDateTime *
steward_operation_get_start_time (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), NULL);

  return self->start_time;
}

GDateTime *
steward_operation_get_end_time (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), NULL);

  return self->end_time;
}

const char *
steward_operation_get_message (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), NULL);

  return self->message;
}

gint64
steward_operation_get_total_containers (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), 0);

  return self->total_containers;
}

gint64
steward_operation_get_containers_analyzed (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), 0);

  return self->containers_analyzed;
}

gint64
steward_operation_get_records_processed (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), 0);

  return self->records_processed;
}

/* How far along it is, for a progress bar; 1.0 once finished. */
double
steward_operation_get_fraction (StewardOperation *self)
{
  g_return_val_if_fail (STEWARD_IS_OPERATION (self), 0.0);

  if (steward_operation_is_finished (self))
    return 1.0;
  if (self->total_containers <= 0)
    return 0.0;

  return CLAMP ((double) self->containers_analyzed / (double) self->total_containers, 0.0, 1.0);
}

static void
notify_if (StewardOperation *self,
           gboolean          changed,
           guint             prop_id)
{
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Takes the state of a fresher copy of the same operation, notifying what changed. */
void
steward_operation_update_from (StewardOperation *self,
                               StewardOperation *other)
{
  gboolean was_finished;
  double old_fraction;

  g_return_if_fail (STEWARD_IS_OPERATION (self));
  g_return_if_fail (STEWARD_IS_OPERATION (other));

  was_finished = steward_operation_is_finished (self);
  old_fraction = steward_operation_get_fraction (self);

  g_object_freeze_notify (G_OBJECT (self));

  notify_if (self, steward_set_str (&self->message, other->message), PROP_MESSAGE);
  notify_if (self, steward_set_datetime (&self->start_time, other->start_time), PROP_START_TIME);
  notify_if (self, steward_set_datetime (&self->end_time, other->end_time), PROP_END_TIME);

  if (self->total_containers != other->total_containers)
    {
      self->total_containers = other->total_containers;
      notify_if (self, TRUE, PROP_TOTAL_CONTAINERS);
    }
  if (self->containers_analyzed != other->containers_analyzed)
    {
      self->containers_analyzed = other->containers_analyzed;
      notify_if (self, TRUE, PROP_CONTAINERS_ANALYZED);
    }
  if (self->records_processed != other->records_processed)
    {
      self->records_processed = other->records_processed;
      notify_if (self, TRUE, PROP_RECORDS_PROCESSED);
    }
  if (self->result != other->result)
    {
      self->result = other->result;
      notify_if (self, TRUE, PROP_RESULT);
    }

  notify_if (self, was_finished != steward_operation_is_finished (self), PROP_FINISHED);
  notify_if (self, old_fraction != steward_operation_get_fraction (self), PROP_FRACTION);

  g_object_thaw_notify (G_OBJECT (self));
}
