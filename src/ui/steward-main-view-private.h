/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-activity-page.h"
#include "steward-connections-page.h"
#include "steward-datastore-details.h"
#include "steward-datastore-table.h"
#include "steward-main-view.h"
#include "steward-operation-watch.h"
#include "steward-sidebar.h"

G_BEGIN_DECLS

/* The browser's parts: steward-main-view.c builds the view over a StewardDeployment (models,
 * scope, states, counts, details); steward-main-view-actions.c holds every view.* action. */
struct _StewardMainView
{
  AdwBin                   parent_instance;

  StewardDeployment       *deployment;
  GSignalGroup            *deployment_signals;
  GListStore              *nothing;            /* the list's model while there is no deployment */
  GtkFilterListModel      *filtered;
  GtkSortListModel        *sorted;
  GtkCustomFilter         *filter;
  GtkCustomSorter         *sorter;
  StewardDatastoreQuery   *query;              /* what the list shows, decided from memory */
  GCancellable            *cancellable;        /* everything for the current deployment */
  GCancellable            *fetch_cancellable;  /* the selected datastore's fresh copy */
  GHashTable *syncs;       /* datastore id → StewardOperation being followed */
  GHashTable *known_types; /* connector types and tags seen, for the filter menu */
  GHashTable              *known_tags;
  char                    *sort_by;
  gboolean                 sort_descending;
  char                    *filter_type;
  char                    *filter_tag;
  char                    *profile_name;
  guint                    poll_interval_ms;
  gint64                   pending_select;     /* select once it is listed */
  gboolean refresh_failure_told;               /* one toast per outage, and per reload asked for */
  GBindingGroup           *details_bindings;   /* the details' title follows its datastore */
  GSignalGroup            *selected_signals;   /* the one selected datastore's group */
  GMenuModel              *groups_menu;        /* the deployment's groups, for every menu */

  /* Template widgets */
  AdwToastOverlay         *toast_overlay;
  AdwLeaflet              *outer_leaflet;
  AdwLeaflet              *inner_leaflet;
  StewardSidebar          *sidebar;
  GtkMenuButton           *primary_menu_button;
  AdwHeaderBar            *list_header;
  AdwWindowTitle          *list_title;
  GtkBox                  *header_end_box;
  GtkSpinner              *loading_spinner;
  GtkMenuButton           *filter_button;
  GtkSearchBar            *search_bar;
  GtkSearchEntry          *search_entry;
  StewardDatastoreTable   *table;
  GtkActionBar            *selection_bar;
  GtkLabel                *selection_label;
  GtkMenuButton           *assign_selection_button;
  GtkWidget               *delete_selection_button;
  GtkWidget               *details_separator;
  GtkWidget               *details_pane;
  AdwWindowTitle          *details_title;
  StewardDatastoreDetails *details;
  GtkStack                *content_stack;
  StewardConnectionsPage  *connections_page;
  StewardActivityPage     *activity_page;
};

typedef enum
{
  STEWARD_QUERY_SEARCH,   /* the search text */
  STEWARD_QUERY_FILTER,   /* a filter or the scope */
  STEWARD_QUERY_SORT,
  STEWARD_QUERY_ALL,
} StewardQueryChange;

void              _steward_main_view_class_actions_init (GtkWidgetClass   *widget_class);
void              _steward_main_view_class_group_actions_init (GtkWidgetClass *widget_class);
void              _steward_main_view_class_share_actions_init (GtkWidgetClass *widget_class);
void              _steward_main_view_update_permissions (StewardMainView  *self);
void              _steward_main_view_update_selection_actions (StewardMainView *self);
void              _steward_main_view_query_changed      (StewardMainView  *self,
                                                         StewardQueryChange change);
void              _steward_main_view_toast              (StewardMainView  *self,
                                                         const char       *message);
void              _steward_main_view_toast_with_undo    (StewardMainView  *self,
                                                         const char       *message,
                                                         const char       *action_name,
                                                         GVariant         *target);
void              _steward_main_view_toast_error        (StewardMainView  *self,
                                                         StewardAction     action,
                                                         const char       *what_failed,
                                                         const GError     *error);
StewardDatastore *_steward_main_view_find_datastore     (StewardMainView  *self,
                                                         gint64            datastore_id);
void              _steward_main_view_watch_operations   (StewardMainView   *self,
                                                         StewardDeployment *deployment);
void              _steward_main_view_show_sync          (StewardMainView  *self,
                                                         StewardOperation *operation);
void              _steward_main_view_fetch              (StewardMainView  *self,
                                                         gint64            datastore_id);

/* A call's context: the view, and the deployment the call started on. The view may show another
 * deployment by the time it ends; then it reports nothing about the old one in the new one's
 * details. */
typedef struct
{
  StewardMainView   *self;
  StewardDeployment *deployment;
  gint64             datastore_id;
  gint64             group_id;
  gboolean           flag;
  char              *datastore_name;
  char              *group_name;
} StewardViewCall;

StewardViewCall *_steward_view_call_new            (StewardMainView  *self,
                                                    gint64            datastore_id);
void             _steward_view_call_free           (StewardViewCall  *call);
gboolean         _steward_view_call_still_shown    (StewardViewCall  *call);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardViewCall, _steward_view_call_free)

void _steward_main_view_notify_unfocused         (StewardMainView  *self,
                                                  const char       *id,
                                                  const char       *title,
                                                  const char       *body,
                                                  gint64            datastore_id);
void _steward_main_view_follow_new_sync          (StewardMainView  *self,
                                                  StewardDatastore *datastore);
void _steward_main_view_class_sync_actions_init  (GtkWidgetClass   *widget_class);

/* The window the view is in: the parent of every dialog it opens. */
static inline GtkWindow *
_steward_main_view_get_window (StewardMainView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

G_END_DECLS
