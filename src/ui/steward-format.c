/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-format"

#include <glib/gi18n.h>

#include "steward-format.h"

/* How values read on screen. */

static const struct
{
  const char *type;
  const char *name;
} connector_names[] = {
  { "abfs", "Azure Data Lake" },
  { "athena", "Amazon Athena" },
  { "bigquery", "BigQuery" },
  { "databricks", "Databricks" },
  { "db2", "Db2" },
  { "dremio", "Dremio" },
  { "gcs", "Google Cloud Storage" },
  { "hive", "Hive" },
  { "mariadb", "MariaDB" },
  { "mysql", "MySQL" },
  { "oracle", "Oracle" },
  { "postgresql", "PostgreSQL" },
  { "presto", "Presto" },
  { "redshift", "Redshift" },
  { "s3", "Amazon S3" },
  { "snowflake", "Snowflake" },
  { "sqlserver", "SQL Server" },
  { "synapse", "Synapse" },
  { "teradata", "Teradata" },
  { "timescale", "Timescale" },
  { "trino", "Trino" },
};

/* Product names are not translated; an unknown type shows as the server wrote it. */
const char *
steward_format_connector_type (const char *type)
{
  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (connector_names); i++)
    if (g_str_equal (connector_names[i].type, type))
      return connector_names[i].name;

  return type != NULL ? type : "";
}

/* With the locale's digit grouping: 1,850,000. */
char *
steward_format_count (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

char *
steward_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (date);
  /* Translators: a date as in "31 Mar 2026"; see g_date_time_format() for the codes. */
  return g_date_time_format (local, _("%e %b %Y"));
}

char *
steward_format_date_time (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup (_("Unknown"));

  local = g_date_time_to_local (date);
  /* Translators: a date and time as in "31 Mar 2026, 14:30". */
  return g_date_time_format (local, _("%e %b %Y, %H:%M"));
}

char *
steward_format_list (const char * const *items)
{
  if (items == NULL || items[0] == NULL)
    return g_strdup ("");

  return g_strjoinv (", ", (char **) items);
}

/* A GBindingTransformFunc from a string to a "visible" flag: text with nothing in it takes no
 * room. */
gboolean
steward_format_transform_nonempty (GBinding     *binding,
                                   const GValue *from,
                                   GValue       *to,
                                   gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && *text != '\0');
  return TRUE;
}
