/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Setters for model fields that report whether anything changed, so models notify only on real
 * changes (GLib 2.74 has no g_set_str). */

static inline gboolean
steward_set_str (char       **field,
                 const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static inline gboolean
steward_set_strv (char               ***field,
                  const char * const   *value)
{
  if ((const char * const *) *field == value ||
      (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field, value)))
    return FALSE;
  if ((*field == NULL || **field == NULL) && (value == NULL || *value == NULL))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

static inline gboolean
steward_set_datetime (GDateTime **field,
                      GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  return TRUE;
}

G_END_DECLS
