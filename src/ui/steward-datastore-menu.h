/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        steward_datastore_menu_append_section (GMenu      *menu,
                                                   const char *section,
                                                   gint64      datastore_id);
GMenuModel *steward_datastore_menu_new_more       (gint64      datastore_id);
void        steward_datastore_menu_append_groups  (GMenu      *menu,
                                                   GMenuModel *groups_menu,
                                                   gboolean    as_submenu);
GMenuModel *steward_groups_menu_new               (GListModel *groups);

G_END_DECLS
