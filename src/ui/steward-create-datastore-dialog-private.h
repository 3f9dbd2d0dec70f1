/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the two files of StewardCreateDatastoreDialog: steward-create-datastore-dialog.c (the
 * form: its rows, the connections and groups it offers, marking problems on rows) and
 * steward-create-datastore-submit.c (the request built from the form, its checks, the
 * confirmation over a failed connection test, and the server's answer). */

#include "steward-create-datastore-dialog.h"
#include "steward-enrichment-section.h"
#include "steward-name-section.h"
#include "steward-organization-section.h"
#include "steward-placement-section.h"

G_BEGIN_DECLS

struct _StewardCreateDatastoreDialog
{
  AdwWindow                  parent_instance;

  StewardClient              *client;
  GCancellable               *cancellable;
  GListStore                 *connections;
  GtkFilterListModel         *filtered_connections;
  GtkCustomFilter            *connection_filter;
  StewardConnection          *selected_connection;
  GListStore                 *enrichment_datastores;
  char                       *error_message;
  guint                       loading;
  gboolean                    busy;
  GtkWidget                  *create_anyway_dialog;

  /* Template widgets */
  GtkButton                  *create_button;
  GtkSpinner                 *create_spinner;
  GtkRevealer                *error_revealer;
  GtkLabel                   *error_label;
  StewardNameSection         *name_section;
  GtkToggleButton            *new_toggle;
  GtkToggleButton            *existing_toggle;
  GtkStack                   *connection_stack;
  StewardConnectorForm       *form;
  StewardConnectionTester    *tester;
  GtkSearchEntry             *connection_search;
  GtkStack                   *connections_stack;
  GtkLabel                   *connections_error_label;
  GtkLabel                   *connections_empty_label;
  GtkListBox                 *connections_list;
  GtkLabel                   *connection_message;
  StewardPlacementSection    *placement_section;
  StewardOrganizationSection *organization_section;
  StewardEnrichmentSection   *enrichment_section;
  GtkSwitch                  *sync_switch;
};

/* steward-create-datastore-dialog.c */
gboolean  _steward_create_dialog_is_new_connection      (StewardCreateDatastoreDialog *self);
gboolean  _steward_create_dialog_is_dfs                 (StewardCreateDatastoreDialog *self);
void      _steward_create_dialog_set_busy               (StewardCreateDatastoreDialog *self,
                                                         gboolean                      busy);
void      _steward_create_dialog_show_error             (StewardCreateDatastoreDialog *self,
                                                         const char                   *message);
void      _steward_create_dialog_set_connection_message (StewardCreateDatastoreDialog *self,
                                                         const char                   *message);
void      _steward_create_dialog_clear_marks            (StewardCreateDatastoreDialog *self);
void      _steward_create_dialog_show_invalid           (StewardCreateDatastoreDialog *self,
                                                         const GError                 *error);
/* The dialog's form sections, in the order shown. */
#define N_SECTIONS 4
void _steward_create_dialog_get_sections (StewardCreateDatastoreDialog *self,
                                          StewardFormSection          **sections);
void _steward_create_dialog_created      (StewardCreateDatastoreDialog *self,
                                          StewardDatastore             *datastore,
                                          gboolean                      sync_started);

/* steward-create-datastore-submit.c */
void _steward_create_dialog_add_connection_and_placement (StewardCreateDatastoreDialog *self,
                                                          StewardDatastoreRequest      *request);
void _steward_create_dialog_submit (StewardCreateDatastoreDialog *self,
                                    gboolean                      despite_failed_test);

G_END_DECLS
