/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-group-icons"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steward-group-icons.h"

/* The ten icon values the API documents for datastore groups, in its order, each with the
 * symbolic icon Steward bundles for it and the label the reference gives. */
static const struct
{
  const char *value;
  const char *icon_name;
  const char *label;
} group_icons[] = {
  { "mdi-bookmark-box-outline", "steward-group-bookmark-symbolic", N_("Bookmark") },
  { "mdi-folder-outline", "steward-group-folder-symbolic", N_("Folder") },
  { "mdi-shape-outline", "steward-group-shape-symbolic", N_("Shape") },
  { "mdi-chart-box-outline", "steward-group-chart-symbolic", N_("Chart") },
  { "mdi-flask-outline", "steward-group-flask-symbolic", N_("Flask") },
  { "mdi-star-outline", "steward-group-star-symbolic", N_("Star") },
  { "mdi-texture-box", "steward-group-texture-symbolic", N_("Texture") },
  { "mdi-podium-bronze", "steward-group-podium-bronze-symbolic", N_("Bronze") },
  { "mdi-podium-silver", "steward-group-podium-silver-symbolic", N_("Silver") },
  { "mdi-podium-gold", "steward-group-podium-gold-symbolic", N_("Gold") },
};

static int
find_value (const char *value)
{
  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (group_icons); i++)
    if (g_str_equal (group_icons[i].value, value))
      return i;

  return -1;
}

guint
steward_group_icon_get_count (void)
{
  return G_N_ELEMENTS (group_icons);
}

const char *
steward_group_icon_get_value (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (group_icons), NULL);

  return group_icons[index].value;
}

gboolean
steward_group_icon_is_valid (const char *value)
{
  return find_value (value) >= 0;
}

/* An icon value this version does not know (a newer server's, say) shows as the default. */
const char *
steward_group_icon_get_icon_name (const char *value)
{
  int index = find_value (value);

  return group_icons[MAX (index, 0)].icon_name;
}

const char *
steward_group_icon_get_label (const char *value)
{
  int index = find_value (value);

  return _(group_icons[MAX (index, 0)].label);
}

const char *
steward_group_icon_from_icon_name (const char *icon_name)
{
  for (guint i = 0; icon_name != NULL && i < G_N_ELEMENTS (group_icons); i++)
    if (g_str_equal (group_icons[i].icon_name, icon_name))
      return group_icons[i].value;

  return STEWARD_GROUP_ICON_DEFAULT;
}
