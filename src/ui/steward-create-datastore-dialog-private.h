/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the two files of StewardCreateDatastoreDialog: steward-create-datastore-dialog.c (the
 * form: its rows, the connections and groups it offers, marking problems on rows) and
 * steward-create-datastore-submit.c (the request built from the form, its checks, the
 * confirmation over a failed connection test, and the server's answer). */

#include "steward-create-datastore-dialog.h"
#include "steward-row-message.h"

G_BEGIN_DECLS

/* The fixed entries of the group row, before the deployment's groups. */
enum {
  GROUP_NONE,
  GROUP_NEW,
  GROUP_FIRST_EXISTING,
};

struct _StewardCreateDatastoreDialog
{
  AdwWindow                parent_instance;

  StewardClient           *client;
  GCancellable            *cancellable;
  GListModel              *groups;
  GtkStringList           *group_names;
  GListStore              *connections;
  GtkFilterListModel      *filtered_connections;
  GtkCustomFilter         *connection_filter;
  StewardConnection       *selected_connection;
  GListStore              *enrichment_datastores;
  char                    *error_message;
  guint                    loading;
  gboolean                 busy;
  GtkWidget               *create_anyway_dialog;

  /* Template widgets */
  GtkButton               *create_button;
  GtkSpinner              *create_spinner;
  GtkRevealer             *error_revealer;
  GtkLabel                *error_label;
  AdwEntryRow             *name_row;
  StewardRowMessage       *name_message;
  AdwEntryRow             *description_row;
  StewardRowMessage       *description_message;
  GtkToggleButton         *new_toggle;
  GtkToggleButton         *existing_toggle;
  GtkStack                *connection_stack;
  StewardConnectorForm    *form;
  StewardConnectionTester *tester;
  GtkSearchEntry          *connection_search;
  GtkStack                *connections_stack;
  GtkLabel                *connections_error_label;
  GtkLabel                *connections_empty_label;
  GtkListBox              *connections_list;
  GtkLabel                *connection_message;
  AdwPreferencesGroup     *placement_group;
  AdwEntryRow             *database_row;
  StewardRowMessage       *database_message;
  AdwEntryRow             *schema_row;
  StewardRowMessage       *schema_message;
  AdwEntryRow             *root_path_row;
  StewardRowMessage       *root_path_message;
  AdwActionRow            *globbing_row;
  GtkSwitch               *globbing_switch;
  AdwEntryRow             *teams_row;
  StewardRowMessage       *teams_message;
  AdwEntryRow             *tags_row;
  StewardRowMessage       *tags_message;
  AdwComboRow             *group_row;
  StewardRowMessage       *group_message;
  AdwEntryRow             *new_group_name_row;
  StewardRowMessage       *new_group_name_message;
  AdwComboRow             *new_group_icon_row;
  StewardRowMessage       *new_group_icon_message;
  AdwExpanderRow          *enrichment_row;
  AdwComboRow             *enrichment_datastore_row;
  StewardRowMessage       *enrichment_datastore_message;
  AdwEntryRow             *prefix_row;
  StewardRowMessage       *prefix_message;
  AdwActionRow            *prefix_preview_row;
  AdwActionRow            *record_limit_row;
  GtkSpinButton           *record_limit_spin;
  StewardRowMessage       *record_limit_message;
  AdwComboRow             *strategy_row;
  StewardRowMessage       *strategy_message;
  AdwActionRow            *rollup_row;
  GtkSpinButton           *rollup_spin;
  StewardRowMessage       *rollup_message;
  GtkSwitch               *sync_switch;
};

/* steward-create-datastore-dialog.c */
gboolean  _steward_create_dialog_is_new_connection      (StewardCreateDatastoreDialog *self);
gboolean  _steward_create_dialog_is_dfs                 (StewardCreateDatastoreDialog *self);
/* The row's text without surrounding spaces. */
char     *_steward_create_dialog_row_text               (AdwEntryRow                  *row);
/* "a, b ,,c" → ["a", "b", "c"]; NULL when there is none. */
GStrv     _steward_create_dialog_split_names            (AdwEntryRow                  *row);
void      _steward_create_dialog_set_busy               (StewardCreateDatastoreDialog *self,
                                                         gboolean                      busy);
void      _steward_create_dialog_show_error             (StewardCreateDatastoreDialog *self,
                                                         const char                   *message);
void      _steward_create_dialog_set_connection_message (StewardCreateDatastoreDialog *self,
                                                         const char                   *message);
void      _steward_create_dialog_clear_marks            (StewardCreateDatastoreDialog *self);
void      _steward_create_dialog_show_invalid           (StewardCreateDatastoreDialog *self,
                                                         const GError                 *error);
gint64    _steward_create_dialog_selected_group_id      (StewardCreateDatastoreDialog *self);
void      _steward_create_dialog_created                (StewardCreateDatastoreDialog *self,
                                                         StewardDatastore             *datastore,
                                                         gboolean                      sync_started);

/* steward-create-datastore-submit.c */
void      _steward_create_dialog_add_connection_and_placement (StewardCreateDatastoreDialog *self,
                                                               StewardDatastoreRequest      *request);
void      _steward_create_dialog_submit                 (StewardCreateDatastoreDialog *self,
                                                         gboolean                      despite_failed_test);

G_END_DECLS
