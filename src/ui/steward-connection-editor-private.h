/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the two files of StewardConnectionEditor: steward-connection-editor.c (the form,
 * testing, saving, closing) and steward-connection-editor-verify.c (checking the datastores that
 * use the connection, after saving). */

#include "steward-connection-editor.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     datastore_id;
  GtkWidget *row;
  GtkWidget *spinner;
  GtkWidget *icon;
  char      *result;    /* "pending", "running", "connected", "failed", "error" */
} VerifyRow;

struct _StewardConnectionEditor
{
  AdwWindow                    parent_instance;

  StewardDeployment           *deployment;
  StewardConnection           *connection;
  StewardConnectionEditorMode  mode;
  GCancellable                *cancellable;
  JsonObject                  *initial;        /* the form as filled in, before any typing */
  gboolean                     loaded;
  gboolean                     saving;
  gboolean                     offer_verify;
  gboolean                     discard_confirmed;
  GtkWidget                   *focus_before_saving;
  GtkWidget                   *discard_dialog;  /* weak */

  GPtrArray                   *verify_rows;    /* VerifyRow */
  GCancellable                *verify_cancellable;
  guint                        verify_next;
  guint                        verify_running;
  guint                        verify_done;

  /* Template widgets */
  AdwWindowTitle              *window_title;
  GtkButton                   *cancel_button;
  GtkButton                   *save_button;
  GtkSpinner                  *spinner;
  GtkStack                    *stack;
  GtkWidget                   *form_box;
  GtkLabel                    *intro_label;
  GtkLabel                    *error_label;
  StewardConnectorForm        *form;
  StewardConnectionTester     *tester;
  GtkLabel                    *saved_label;
  GtkLabel                    *verify_intro_label;
  GtkButton                   *verify_button;
  GtkLabel                    *verify_summary;
  AdwPreferencesGroup         *verify_group;
};

/* steward-connection-editor.c */
StewardClient *_steward_connection_editor_get_client       (StewardConnectionEditor *self);
/* Enables the actions for the page shown and what the form holds. */
void           _steward_connection_editor_update_state     (StewardConnectionEditor *self);

/* steward-connection-editor-verify.c */
void           _steward_connection_editor_verify_row_free  (gpointer                 data);
void           _steward_connection_editor_verify_action    (GtkWidget               *widget,
                                                            const char              *action_name,
                                                            GVariant                *parameter);
/* After saving: the datastores that use the connection, each to be checked. */
void           _steward_connection_editor_show_verify_page (StewardConnectionEditor *self,
                                                            GListModel              *users);

G_END_DECLS
