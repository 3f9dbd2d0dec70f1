/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The enrichment dialogs against the demo server, in real windows: linking, switching, linking
 * the same again, unlinking (as an Admin, refused for a Manager, with nothing linked, refused by
 * the server), the prefix preview against what the server stores, the limits' edges, remediation
 * without a link, the server's 409s, a second call that fails after the first succeeded, many
 * datastores at once with a failure retried, the old field names, and the ways in. */
#include <adwaita.h>
#include <string.h>

#include "steward-application.h"
#include "steward-datastore-details.h"
#include "steward-datastore-table.h"
#include "steward-enrichment-bulk-dialog.h"
#include "steward-enrichment-dialog.h"
#include "steward-enrichment-form.h"
#include "steward-format.h"
#include "steward-main-view.h"
#include "steward-unlink-enrichment-dialog.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

static StewardApplication *app;

typedef struct
{
  StewardTestDemo   *demo;
  StewardDeployment *deployment;
  GtkWindow         *parent;
  GtkWindow         *dialog;     /* weak */
  guint              saved;
} Fixture;

/* Setup */

static void
refresh (StewardDeployment *deployment)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_deployment_refresh_async (deployment, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_refresh_finish (deployment, result, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;

  f->demo = steward_test_demo_new (GPOINTER_TO_INT (data));
  steward_client_get_current_user_async (f->demo->client, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (f->demo->client, result, NULL);
  g_assert_nonnull (user);

  f->deployment = steward_deployment_new (f->demo->client, user, NULL);
  refresh (f->deployment);

  f->parent = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (f->parent, 1024, 768);
  gtk_window_present (f->parent);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
      gtk_window_destroy (f->dialog);
    }
  gtk_window_destroy (f->parent);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_clear_object (&f->deployment);
  g_clear_pointer (&f->demo, steward_test_demo_free);
}

static gboolean
closed_cb (gpointer user_data)
{
  Fixture *f = user_data;

  return f->dialog == NULL;
}

static void
saved_cb (StewardEnrichmentDialog *dialog,
          Fixture                 *f)
{
  f->saved++;
}

static void
present (Fixture   *f,
         GtkWindow *dialog)
{
  f->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &f->dialog);
  gtk_window_present (dialog);
  g_assert_true (
      steward_test_wait_until (steward_test_widget_mapped_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
}

static StewardDatastore *
shared (Fixture *f,
        gint64   id)
{
  StewardDatastore *datastore = steward_deployment_find_datastore (f->deployment, id);

  g_assert_nonnull (datastore);
  return datastore;
}

static void
open_dialog (Fixture *f,
             gint64   id)
{
  StewardEnrichmentDialog *dialog =
      steward_enrichment_dialog_new (f->parent, f->deployment, shared (f, id));

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), f);
  present (f, GTK_WINDOW (dialog));
}

static guint
requests (Fixture    *f,
          const char *method,
          const char *path)
{
  return steward_demo_server_count_requests (f->demo->server, method, path);
}

/* What a user sees and touches */

static GtkWidget *
find (Fixture    *f,
      GType       type,
      const char *text)
{
  GtkWidget *widget = steward_test_find_widget (GTK_WIDGET (f->dialog), type, text);

  if (widget == NULL)
    g_error ("No %s “%s” in the dialog", g_type_name (type), text != NULL ? text : "");
  return widget;
}

static void
choose_target (Fixture    *f,
               const char *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (find (f, ADW_TYPE_COMBO_ROW, "Link To"));
  GListModel *names = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  g_error ("No enrichment datastore “%s” to choose", name);
}

static const char *
chosen_target (Fixture *f)
{
  AdwComboRow *row = ADW_COMBO_ROW (find (f, ADW_TYPE_COMBO_ROW, "Link To"));

  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                     adw_combo_row_get_selected (row));
}

static void
type_prefix (Fixture    *f,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "Table Prefix")), text);
}

static GtkEditable *
spin_of (Fixture    *f,
         const char *row_title)
{
  return GTK_EDITABLE (steward_test_find_widget (find (f, ADW_TYPE_ACTION_ROW, row_title),
                                                 GTK_TYPE_SPIN_BUTTON, NULL));
}

static GtkWidget *
last_label (GtkWidget *root)
{
  GtkWidget *found = GTK_IS_LABEL (root) ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *last = last_label (child);

      if (last != NULL)
        found = last;
    }

  return found;
}

/* The value a read-only row shows at its end, after its title. */
static const char *
value_of (Fixture    *f,
          const char *row_title)
{
  return gtk_label_get_label (GTK_LABEL (last_label (find (f, ADW_TYPE_ACTION_ROW, row_title))));
}

static GtkCheckButton *
strategy_check (Fixture    *f,
                const char *title)
{
  return GTK_CHECK_BUTTON (
      steward_test_find_widget (find (f, ADW_TYPE_ACTION_ROW, title), GTK_TYPE_CHECK_BUTTON, NULL));
}

static gboolean
sensitive (Fixture    *f,
           const char *button_label)
{
  return gtk_widget_is_sensitive (find (f, GTK_TYPE_BUTTON, button_label));
}

static gboolean
label_containing (GtkWidget  *root,
                  const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_containing (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown_cb (gpointer user_data)
{
  LabelWait *wait = user_data;

  return label_containing (wait->root, wait->text);
}

static void
assert_shows_in (GtkWidget  *root,
                 const char *text)
{
  LabelWait wait = { root, text };

  if (!steward_test_wait_until (label_shown_cb, &wait, STEWARD_TEST_TIMEOUT_MS))
    g_error ("Nothing visible says “%s”", text);
}

static void
assert_shows (Fixture    *f,
              const char *text)
{
  assert_shows_in (GTK_WIDGET (f->dialog), text);
}

static gboolean
shows (Fixture    *f,
       const char *text)
{
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  return label_containing (GTK_WIDGET (f->dialog), text);
}

static void
save (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "enrichment-dialog.save", NULL);
}

static void
save_and_wait_closed (Fixture *f)
{
  g_assert_true (sensitive (f, "_Save"));
  save (f);
  g_assert_true (steward_test_wait_until (closed_cb, f, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (f->saved, ==, 1);
}

static gboolean
unlink_dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (STEWARD_TYPE_UNLINK_ENRICHMENT_DIALOG) != NULL;
}

static AdwMessageDialog *
wait_unlink_dialog (void)
{
  g_assert_true (steward_test_wait_until (unlink_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  return ADW_MESSAGE_DIALOG (steward_test_find_toplevel (STEWARD_TYPE_UNLINK_ENRICHMENT_DIALOG));
}

typedef struct
{
  StewardDatastore *datastore;
  gint64            linked;
} LinkWait;

static gboolean
linked_cb (gpointer user_data)
{
  LinkWait *wait = user_data;

  return steward_datastore_get_enrichment_datastore_id (wait->datastore) == wait->linked;
}

/* Linking */

static void
test_link (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(StewardDatastore) stored = NULL;

  open_dialog (f, 42);
  g_assert_cmpstr (chosen_target (f), ==, "None");
  g_assert_false (sensitive (f, "_Save"));

  /* The choice is described before anything is sent. */
  choose_target (f, "Healthcare Enrichment");
  g_assert_cmpstr (value_of (f, "Connection"), ==, "postgres_production · PostgreSQL");
  g_assert_cmpstr (value_of (f, "Database / Schema"), ==, "enrichment / healthcare");
  g_assert_cmpstr (value_of (f, "Teams"), ==, "Data Platform");
  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/42/enrichment/100"), ==, 0);

  save_and_wait_closed (f);

  /* One call: nothing else changed. The deployment's object shows it at once. */
  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/42/enrichment/100"), ==, 1);
  g_assert_cmpuint (requests (f, "PUT", "/api/datastores/42"), ==, 0);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (shared (f, 42)), ==, 100);
  g_assert_cmpstr (steward_datastore_get_enrichment_datastore_name (shared (f, 42)), ==,
                   "Healthcare Enrichment");
  stored = steward_test_get_datastore (f->demo->client, 42, NULL);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (stored), ==, 100);
}

static void
test_switch (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(StewardDatastore) stored = NULL;

  open_dialog (f, 45);
  g_assert_cmpstr (chosen_target (f), ==, "Healthcare Enrichment");
  g_assert_true (gtk_check_button_get_active (strategy_check (f, "Append")));

  choose_target (f, "Snowflake Enrichment");
  g_assert_true (
      shows (f, "The tables already written to “Healthcare Enrichment” stay there; scans write to "
                "“Snowflake Enrichment” from now on."));
  g_assert_cmpstr (value_of (f, "Database / Schema"), ==, "analytics_db / qualytics_enrichment");
  save_and_wait_closed (f);

  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/45/enrichment/101"), ==, 1);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (shared (f, 45)), ==, 101);
  stored = steward_test_get_datastore (f->demo->client, 45, NULL);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (stored), ==, 101);
  /* Switching keeps the strategy: it was not sent. */
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (stored), ==, "append");
  g_assert_cmpuint (requests (f, "PUT", "/api/datastores/45"), ==, 0);
}

static void
test_relink_same (Fixture       *f,
                  gconstpointer  data)
{
  open_dialog (f, 45);
  choose_target (f, "Snowflake Enrichment");
  g_assert_true (sensitive (f, "_Save"));

  /* Back to the one it has: nothing to send, so nothing is. */
  choose_target (f, "Healthcare Enrichment");
  g_assert_false (sensitive (f, "_Save"));
  g_assert_false (shows (f, "stay there"));
  save (f);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_nonnull (f->dialog);
  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/45/enrichment/100"), ==, 0);
  g_assert_cmpuint (requests (f, "PUT", "/api/datastores/45"), ==, 0);
}

/* Unlinking */

static void
test_unlink_admin (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(StewardDatastore) stored = NULL;
  AdwMessageDialog *confirm;
  LinkWait unlinked = { shared (f, 110), 0 };

  open_dialog (f, 110);
  g_assert_true (sensitive (f, "_Unlink…"));
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "enrichment-dialog.unlink", NULL);

  confirm = wait_unlink_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (confirm)) == f->dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (confirm), ==,
                   "“Marketing Attribution” stops sending its scan results to “Snowflake "
                   "Enrichment”. Its "
                   "remediation goes back to None. The tables already written to “Snowflake "
                   "Enrichment” stay there.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "unlink"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpuint (requests (f, "DELETE", "/api/datastores/110/enrichment"), ==, 0);
  adw_message_dialog_response (confirm, "unlink");

  g_assert_true (steward_test_wait_until (linked_cb, &unlinked, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (f, "Unlinked from “Snowflake Enrichment”. The tables already written there stay.");
  g_assert_cmpuint (requests (f, "DELETE", "/api/datastores/110/enrichment"), ==, 1);

  /* The dialog stays, showing what is now: nothing linked, remediation back to None. */
  g_assert_cmpstr (chosen_target (f), ==, "None");
  g_assert_true (gtk_check_button_get_active (strategy_check (f, "None")));
  g_assert_false (gtk_widget_get_visible (find (f, GTK_TYPE_BUTTON, "_Unlink…")));
  g_assert_false (sensitive (f, "_Save"));
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (shared (f, 110)), ==,
                   "none");
  stored = steward_test_get_datastore (f->demo->client, 110, NULL);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (stored), ==, 0);
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (stored), ==, "none");
}

/* None and Save: the same confirmation, then the settings, then the dialog closes. */
static void
test_unlink_by_choosing_none (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(StewardDatastore) stored = NULL;
  AdwMessageDialog *confirm;

  open_dialog (f, 110);
  choose_target (f, "None");
  g_assert_true (
      shows (f, "Unlinking leaves the tables already written to “Snowflake Enrichment” where "
                "they are."));
  g_assert_true (gtk_check_button_get_active (strategy_check (f, "None")));
  gtk_editable_set_text (spin_of (f, "Source Record Limit"), "30");
  save (f);

  confirm = wait_unlink_dialog ();
  g_assert_cmpuint (requests (f, "DELETE", "/api/datastores/110/enrichment"), ==, 0);
  adw_message_dialog_response (confirm, "unlink");
  g_assert_true (steward_test_wait_until (closed_cb, f, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (f->saved, ==, 1);

  stored = steward_test_get_datastore (f->demo->client, 110, NULL);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (stored), ==, 0);
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (stored), ==, 30);
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (stored), ==, "none");
  /* The server reset the strategy itself: only the limit was sent. */
  g_assert_cmpuint (requests (f, "PUT", "/api/datastores/110"), ==, 1);
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (shared (f, 110)), ==, 30);
}

/* Cancelling the confirmation stops the Save, having sent nothing. */
static void
test_unlink_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  AdwMessageDialog *confirm;

  open_dialog (f, 110);
  choose_target (f, "None");
  save (f);
  confirm = wait_unlink_dialog ();
  adw_message_dialog_response (confirm, "cancel");
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_nonnull (f->dialog);
  g_assert_true (sensitive (f, "_Save"));
  g_assert_cmpstr (chosen_target (f), ==, "None");
  g_assert_cmpuint (requests (f, "DELETE", "/api/datastores/110/enrichment"), ==, 0);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (shared (f, 110)), ==, 101);
}

static void
test_unlink_refused_for_manager (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *unlink;

  open_dialog (f, 45);
  unlink = find (f, GTK_TYPE_BUTTON, "_Unlink…");
  g_assert_false (gtk_widget_is_sensitive (unlink));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (unlink), ==, "Requires the Admin role");

  /* None is the same unlink: refused where it is chosen, before anything is sent. */
  choose_target (f, "None");
  g_assert_true (shows (f, "Unlinking is not possible: Requires the Admin role"));
  g_assert_false (sensitive (f, "_Save"));
  save (f);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_null (steward_test_find_toplevel (STEWARD_TYPE_UNLINK_ENRICHMENT_DIALOG));
  g_assert_cmpuint (requests (f, "DELETE", "/api/datastores/45/enrichment"), ==, 0);

  /* Linking elsewhere is the Manager's to do. */
  choose_target (f, "Snowflake Enrichment");
  g_assert_false (shows (f, "Unlinking is not possible"));
  g_assert_true (sensitive (f, "_Save"));
}

static void
test_unlink_nothing_linked (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *unlink;
  AdwMessageDialog *confirm;
  LinkWait unlinked = { shared (f, 110), 0 };

  /* Nothing linked: nothing to unlink, and no button to. */
  open_dialog (f, 42);
  unlink = find (f, GTK_TYPE_BUTTON, "_Unlink…");
  g_assert_false (gtk_widget_get_visible (unlink));
  gtk_window_destroy (f->dialog);
  g_assert_null (f->dialog);

  /* Unlinked elsewhere since the list was loaded: the server answers 204 all the same, and the
   * dialog shows the datastore as it is. */
  open_dialog (f, 110);
  steward_client_unlink_enrichment_async (f->demo->client, 110, NULL, steward_test_store_result_cb,
                                          &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_client_unlink_enrichment_finish (f->demo->client, result, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "enrichment-dialog.unlink", NULL);
  confirm = wait_unlink_dialog ();
  adw_message_dialog_response (confirm, "unlink");
  g_assert_true (steward_test_wait_until (linked_cb, &unlinked, STEWARD_TEST_TIMEOUT_MS));
  assert_shows (f, "Unlinked from “Snowflake Enrichment”");
  g_assert_false (shows (f, "Not unlinked"));
  g_assert_cmpuint (requests (f, "DELETE", "/api/datastores/110/enrichment"), ==, 2);
}

static void
test_unlink_conflict (Fixture       *f,
                      gconstpointer  data)
{
  AdwMessageDialog *confirm;

  open_dialog (f, 48);
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "enrichment-dialog.unlink", NULL);
  confirm = wait_unlink_dialog ();
  adw_message_dialog_response (confirm, "unlink");

  /* The server's words, where the user is looking; nothing changed. */
  assert_shows_in (GTK_WIDGET (confirm),
                   "Not unlinked: Cannot disconnect enrichment datastore: active export or "
                   "materialize operations exist");
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (shared (f, 48)), ==, 100);
  adw_message_dialog_response (confirm, "cancel");
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_null (steward_test_find_toplevel (STEWARD_TYPE_UNLINK_ENRICHMENT_DIALOG));
  g_assert_cmpstr (chosen_target (f), ==, "Healthcare Enrichment");
}

/* The prefix */

static char *
stored_prefix_for (Fixture    *f,
                   const char *typed)
{
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) answer = NULL;

  steward_datastore_request_set_enrichment_prefix (request, typed);
  steward_client_update_datastore_async (f->demo->client, 75, request, NULL,
                                         steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  answer = steward_client_update_datastore_finish (f->demo->client, result, &error);
  g_assert_no_error (error);
  return g_strdup (steward_datastore_get_enrichment_prefix (answer));
}

static void
test_prefix_preview (Fixture       *f,
                     gconstpointer  data)
{
  static const char *const typed[] = {
    "Analytics Bronze",
    "HealthcareProd",
    "  Sales -- Q3 / EMEA  ",
    "HTTPServer logs v2Beta",
    "_already_snake",
    /* Sixty characters typed, more once split into words: cut as the server cuts it. */
    "AbcdefghijAbcdefghijAbcdefghijAbcdefghijAbcdefghijAbcdefghij",
  };
  g_autoptr(StewardDatastore) stored = NULL;
  g_autofree char *preview = NULL;

  open_dialog (f, 42);
  g_assert_cmpstr (value_of (f, "Stored As"), ==, "_production_sales");

  /* What the preview says is what the server keeps, for whatever is typed. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *server = stored_prefix_for (f, typed[i]);

      type_prefix (f, typed[i]);
      g_assert_cmpstr (value_of (f, "Stored As"), ==, server);
      g_assert_cmpuint (strlen (server), <=, 60);
    }

  /* Empty: the server makes one from the name. */
  type_prefix (f, "");
  g_assert_cmpstr (value_of (f, "Stored As"), ==, "_production_sales (from the name)");

  /* Refused as typed, before anything is sent. */
  type_prefix (f, "-- // --");
  g_assert_true (shows (f, "The prefix needs at least one letter or digit"));
  g_assert_false (sensitive (f, "_Save"));
  type_prefix (f, "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij");
  g_assert_true (shows (f, "A prefix can have at most 60 characters; this one has 65"));
  g_assert_false (sensitive (f, "_Save"));

  /* And saved, it is what was shown. */
  type_prefix (f, "Sales Mart EMEA");
  preview = g_strdup (value_of (f, "Stored As"));
  g_assert_cmpstr (preview, ==, "_sales_mart_emea");
  save_and_wait_closed (f);
  stored = steward_test_get_datastore (f->demo->client, 42, NULL);
  g_assert_cmpstr (steward_datastore_get_enrichment_prefix (stored), ==, preview);
  g_assert_cmpstr (steward_datastore_get_enrichment_prefix (shared (f, 42)), ==, preview);
}

static void
test_prefix_collision (Fixture       *f,
                       gconstpointer  data)
{
  open_dialog (f, 42);

  /* 45 writes to Healthcare Enrichment as _patient_records: the same prefix would mix tables. */
  choose_target (f, "Healthcare Enrichment");
  type_prefix (f, "Patient Records");
  g_assert_true (
      shows (f,
             "“Patient Records” already writes to “Healthcare Enrichment” with the prefix "
             "_patient_records: the tables of both datastores would mix. The server does not check "
             "this."));
  /* A warning, not a refusal: the server allows it. */
  g_assert_true (sensitive (f, "_Save"));

  /* Elsewhere, or under another prefix, nothing mixes. */
  choose_target (f, "Snowflake Enrichment");
  g_assert_false (shows (f, "already writes to"));
  choose_target (f, "Healthcare Enrichment");
  type_prefix (f, "Production Sales EU");
  g_assert_false (shows (f, "already writes to"));
}

/* Limits and remediation */

static void
test_range_edges (Fixture       *f,
                  gconstpointer  data)
{
  static const struct
  {
    const char *row;
    const char *text;
    gboolean    accepted;
  } cases[] = {
    { "Source Record Limit", "0", FALSE },
    { "Source Record Limit", "1000000001", FALSE },
    { "Source Record Limit", "", FALSE },
    { "Source Record Limit", "1", TRUE },
    { "Source Record Limit", "1000000000", TRUE },
    { "Rollup Threshold", "0", FALSE },
    { "Rollup Threshold", "1001", FALSE },
    { "Rollup Threshold", "1", TRUE },
    { "Rollup Threshold", "1000", TRUE },
  };
  g_autoptr(StewardDatastore) stored = NULL;
  /* In the locale's digit grouping, as the form writes them. */
  g_autofree char *billion = steward_format_count (1000000000);
  g_autofree char *thousand = steward_format_count (1000);
  g_autofree char *limit_refused = g_strdup_printf ("Enter a whole number from 1 to %s", billion);
  g_autofree char *rollup_refused = g_strdup_printf ("Enter a whole number from 1 to %s", thousand);

  open_dialog (f, 42);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean limit = g_str_equal (cases[i].row, "Source Record Limit");

      gtk_editable_set_text (spin_of (f, cases[i].row), cases[i].text);
      g_assert_cmpint (shows (f, limit ? limit_refused : rollup_refused), ==, !cases[i].accepted);
      g_assert_cmpint (sensitive (f, "_Save"), ==, cases[i].accepted);
    }
  g_assert_cmpuint (requests (f, "PUT", "/api/datastores/42"), ==, 0);

  /* The edges themselves go through. */
  gtk_editable_set_text (spin_of (f, "Source Record Limit"), "1000000000");
  save_and_wait_closed (f);
  stored = steward_test_get_datastore (f->demo->client, 42, NULL);
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (stored), ==, 1000000000);
  g_assert_cmpint (steward_datastore_get_high_count_rollup_threshold (stored), ==, 1000);
}

static void
test_append_needs_link (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *append_row;
  g_autoptr(StewardDatastore) stored = NULL;

  open_dialog (f, 42);
  append_row = find (f, ADW_TYPE_ACTION_ROW, "Append");
  g_assert_false (gtk_widget_is_sensitive (append_row));
  g_assert_false (gtk_widget_is_sensitive (find (f, ADW_TYPE_ACTION_ROW, "Overwrite")));
  g_assert_true (shows (f, "Append and Overwrite need a linked enrichment datastore to copy to."));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (append_row), ==,
                   "Append and Overwrite need a linked enrichment datastore to copy to.");

  choose_target (f, "Healthcare Enrichment");
  g_assert_true (gtk_widget_is_sensitive (append_row));
  g_assert_false (shows (f, "need a linked enrichment datastore"));
  gtk_check_button_set_active (strategy_check (f, "Append"), TRUE);

  /* Back to none: Append goes with it. */
  choose_target (f, "None");
  g_assert_true (gtk_check_button_get_active (strategy_check (f, "None")));
  g_assert_false (gtk_widget_is_sensitive (append_row));
  g_assert_false (sensitive (f, "_Save"));

  /* Linked and Append in one Save: the link first, then the setting. */
  choose_target (f, "Healthcare Enrichment");
  gtk_check_button_set_active (strategy_check (f, "Append"), TRUE);
  save_and_wait_closed (f);
  stored = steward_test_get_datastore (f->demo->client, 42, NULL);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (stored), ==, 100);
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (stored), ==, "append");
  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/42/enrichment/100"), ==, 1);
  g_assert_cmpuint (requests (f, "PUT", "/api/datastores/42"), ==, 1);
}

/* The server's refusals */

static void
test_link_enrichment_only_source (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(StewardDatastoreRequest) request = steward_datastore_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) changed = NULL;

  /* Someone made 42 an enrichment datastore after the list was loaded. */
  open_dialog (f, 42);
  steward_datastore_request_set_enrichment_only (request, TRUE);
  steward_client_update_datastore_async (f->demo->client, 42, request, NULL,
                                         steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  changed = steward_client_update_datastore_finish (f->demo->client, result, &error);
  g_assert_no_error (error);

  choose_target (f, "Healthcare Enrichment");
  save (f);

  /* The 409 in the server's words, at the choice it refused; the dialog and the form stay. */
  assert_shows (f, "The datastore id: 42 is an enrichment store");
  assert_shows (f, "Nothing was changed.");
  g_assert_nonnull (f->dialog);
  g_assert_cmpuint (f->saved, ==, 0);
  g_assert_cmpstr (chosen_target (f), ==, "Healthcare Enrichment");
  g_assert_false (sensitive (f, "_Save"));
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (shared (f, 42)), ==, 0);

  /* Choosing again clears the server's objection. */
  choose_target (f, "Snowflake Enrichment");
  g_assert_false (shows (f, "is an enrichment store"));
}

static void
test_second_call_fails (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(StewardDatastore) stored = NULL;
  g_autoptr(StewardDatastore) fixed = NULL;

  open_dialog (f, 42);
  choose_target (f, "Healthcare Enrichment");
  gtk_editable_set_text (spin_of (f, "Source Record Limit"), "50");
  steward_demo_server_inject_fault (f->demo->server, "PUT", "/api/datastores/42",
                                    STEWARD_DEMO_FAULT_500, 1);
  save (f);

  /* Exactly what was applied and what was not; the form as typed. */
  assert_shows (f, "Done: linked to “Healthcare Enrichment”. Not saved: the source record limit (");
  assert_shows (f, "Save again to send what is missing.");
  g_assert_nonnull (f->dialog);
  g_assert_cmpuint (f->saved, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (spin_of (f, "Source Record Limit")), ==, "50");
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (shared (f, 42)), ==, 100);
  stored = steward_test_get_datastore (f->demo->client, 42, NULL);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (stored), ==, 100);
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (stored), ==, 10);

  /* Save again sends only what is missing. */
  save_and_wait_closed (f);
  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/42/enrichment/100"), ==, 1);
  g_assert_cmpuint (requests (f, "PUT", "/api/datastores/42"), ==, 2);
  fixed = steward_test_get_datastore (f->demo->client, 42, NULL);
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (fixed), ==, 50);
}

/* The other spelling */

static void
test_old_field_names (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(StewardDatastore) answer = NULL;

  /* An older server's answer for 42, applied as the deployment would apply any answer. */
  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"id\": 42, \"enrich_only\": false,"
                                             " \"enrich_container_prefix\": \"_legacy_sales\","
                                             " \"enrich_source_record_limit\": 77,"
                                             " \"enrich_remediation_strategy\": \"overwrite\","
                                             " \"enrichment_datastore\": {\"id\": 100,"
                                             " \"name\": \"Healthcare Enrichment\"}}", -1, NULL));
  answer = steward_datastore_new_from_json (json_node_get_object (json_parser_get_root (parser)));
  steward_deployment_apply_datastore (f->deployment, answer);

  open_dialog (f, 42);
  g_assert_cmpstr (chosen_target (f), ==, "Healthcare Enrichment");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "Table Prefix"))),
                   ==, "_legacy_sales");
  g_assert_cmpstr (gtk_editable_get_text (spin_of (f, "Source Record Limit")), ==, "77");
  g_assert_true (gtk_check_button_get_active (strategy_check (f, "Overwrite")));
  g_assert_false (sensitive (f, "_Save"));
}

/* Closing with changes asks first. */

static gboolean
discard_dialog_shown_cb (gpointer user_data)
{
  GtkWindow *window = steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return window != NULL && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                                      "Discard Changes?") == 0;
}

static void
test_close_asks (Fixture       *f,
                 gconstpointer  data)
{
  AdwMessageDialog *ask;

  open_dialog (f, 42);
  gtk_window_close (f->dialog);
  g_assert_true (steward_test_wait_until (closed_cb, f, STEWARD_TEST_TIMEOUT_MS));

  open_dialog (f, 42);
  gtk_editable_set_text (spin_of (f, "Rollup Threshold"), "25");
  gtk_window_close (f->dialog);
  g_assert_true (steward_test_wait_until (discard_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  ask = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (ask, "cancel");
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_nonnull (f->dialog);
  g_assert_cmpstr (gtk_editable_get_text (spin_of (f, "Rollup Threshold")), ==, "25");

  gtk_window_close (f->dialog);
  g_assert_true (steward_test_wait_until (discard_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  ask = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (ask, "discard");
  g_assert_true (steward_test_wait_until (closed_cb, f, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (requests (f, "PUT", "/api/datastores/42"), ==, 0);
}

/* Many at once */

static gboolean
bulk_done_cb (gpointer user_data)
{
  return !steward_enrichment_bulk_dialog_get_running (user_data);
}

static const char *
result_of (Fixture    *f,
           const char *name)
{
  GtkWidget *results = steward_test_find_widget (GTK_WIDGET (f->dialog), GTK_TYPE_STACK, NULL);
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (results), "results");

  return adw_action_row_get_subtitle (
      ADW_ACTION_ROW (steward_test_find_widget (page, ADW_TYPE_ACTION_ROW, name)));
}

static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  static const gint64 ids[] = { 11, 15, 18, 21, 100 };
  static const gint64 sources[] = { 11, 15, 18, 21 };
  StewardEnrichmentBulkDialog *dialog;

  dialog = steward_enrichment_bulk_dialog_new (f->parent, f->deployment, ids, G_N_ELEMENTS (ids));
  present (f, GTK_WINDOW (dialog));

  /* An enrichment datastore in the selection cannot be a source. */
  g_assert_true (shows (f, "Skipped: an enrichment datastore cannot link to another"));
  g_assert_cmpstr (adw_window_title_get_subtitle (
                       ADW_WINDOW_TITLE (find (f, ADW_TYPE_WINDOW_TITLE, "Link Enrichment"))),
                   ==, "4 Datastores");

  choose_target (f, "Snowflake Enrichment");
  gtk_switch_set_active (GTK_SWITCH (steward_test_find_widget (find (f, ADW_TYPE_ACTION_ROW,
                                                                     "Apply the Same Settings"),
                                                               GTK_TYPE_SWITCH, NULL)),
                         TRUE);
  gtk_editable_set_text (spin_of (f, "Rollup Threshold"), "25");
  gtk_check_button_set_active (strategy_check (f, "Overwrite"), TRUE);

  steward_demo_server_inject_fault (f->demo->server, "PATCH", "/api/datastores/18/enrichment",
                                    STEWARD_DEMO_FAULT_500, 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "bulk-enrichment.link", NULL);
  g_assert_true (steward_test_wait_until (bulk_done_cb, dialog, STEWARD_TEST_LONG_TIMEOUT_MS));

  /* One line per datastore; the failure in the server's words. */
  assert_shows (f, "3 of 4 datastores linked to “Snowflake Enrichment”; 1 failed");
  g_assert_true (g_str_has_prefix (result_of (f, "Orders OLTP"), "Not linked: "));
  g_assert_cmpstr (result_of (f, "Customer 360"), ==, "Linked, settings saved");
  g_assert_true (sensitive (f, "_Retry Failed"));
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (shared (f, 18)), ==, 0);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (shared (f, 21)), ==, 101);

  /* Retry Failed sends again what failed, and only that. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "bulk-enrichment.retry", NULL);
  g_assert_true (steward_test_wait_until (bulk_done_cb, dialog, STEWARD_TEST_LONG_TIMEOUT_MS));
  assert_shows (f, "All 4 datastores linked to “Snowflake Enrichment”");
  g_assert_cmpstr (result_of (f, "Orders OLTP"), ==, "Linked, settings saved");
  g_assert_false (sensitive (f, "_Retry Failed"));
  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/18/enrichment/101"), ==, 2);
  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/11/enrichment/101"), ==, 1);
  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/100/enrichment/101"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(StewardDatastore) stored =
        steward_test_get_datastore (f->demo->client, sources[i], NULL);

      g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (stored), ==, 101);
      g_assert_cmpint (steward_datastore_get_high_count_rollup_threshold (stored), ==, 25);
      g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (stored), ==,
                       "overwrite");
      g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (shared (f, sources[i])), ==,
                       101);
    }
}

static void
test_bulk_link_only (Fixture       *f,
                     gconstpointer  data)
{
  static const gint64 ids[] = { 45, 110 };
  StewardEnrichmentBulkDialog *dialog;
  g_autoptr(StewardDatastore) stored = NULL;

  dialog = steward_enrichment_bulk_dialog_new (f->parent, f->deployment, ids, G_N_ELEMENTS (ids));
  present (f, GTK_WINDOW (dialog));

  /* Settings stay each datastore's own unless asked; one linked there already is not sent again. */
  choose_target (f, "Snowflake Enrichment");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "bulk-enrichment.link", NULL);
  g_assert_true (steward_test_wait_until (bulk_done_cb, dialog, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_cmpstr (result_of (f, "Patient Records"), ==, "Linked");
  g_assert_cmpstr (result_of (f, "Marketing Attribution"), ==, "Already linked; nothing to change");
  g_assert_cmpuint (requests (f, "PATCH", "/api/datastores/110/enrichment/101"), ==, 0);
  g_assert_cmpuint (requests (f, "PUT", "/api/datastores/45"), ==, 0);
  stored = steward_test_get_datastore (f->demo->client, 45, NULL);
  g_assert_cmpstr (steward_datastore_get_enrichment_remediation_strategy (stored), ==, "append");
}

/* The ways in: the details, the menus, the selection bar, the keyboard */

static gboolean
list_shown_cb (gpointer user_data)
{
  StewardDatastoreTable *table = user_data;

  return g_list_model_get_n_items (G_LIST_MODEL (steward_datastore_table_get_selection (table))) >
         0;
}

static gboolean
enrichment_dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (GPOINTER_TO_SIZE (user_data)) != NULL;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
link_button_drawable_cb (gpointer user_data)
{
  GtkWidget *button = steward_test_find_widget (user_data, GTK_TYPE_BUTTON, "_Link…");

  return button != NULL && gtk_widget_is_drawable (button);
}

static gboolean
configure_button_shown_cb (gpointer user_data)
{
  return steward_test_find_widget (user_data, GTK_TYPE_BUTTON, "Con_figure…") != NULL;
}

static void
test_entry_points (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view = steward_main_view_new ();
  StewardDatastoreTable *table;
  GtkWidget *details;
  GtkWidget *button;
  GtkWidget *popover;
  GtkWindow *dialog;
  GtkSelectionModel *selection;

  gtk_window_set_child (f->parent, view);
  steward_main_view_set_deployment (STEWARD_MAIN_VIEW (view), f->deployment);
  table =
      STEWARD_DATASTORE_TABLE (steward_test_find_widget (view, STEWARD_TYPE_DATASTORE_TABLE, NULL));
  details = steward_test_find_widget (view, STEWARD_TYPE_DATASTORE_DETAILS, NULL);
  g_assert_true (steward_test_wait_until (list_shown_cb, table, STEWARD_TEST_TIMEOUT_MS));

  /* The details: Link… when nothing is linked, Configure… when something is. */
  g_assert_true (steward_datastore_table_select_id (table, 42));
  g_assert_true (steward_test_wait_until (link_button_drawable_cb, details,
                                          STEWARD_TEST_TIMEOUT_MS));
  button = steward_test_find_widget (details, GTK_TYPE_BUTTON, "_Link…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "view.enrichment");
  g_assert_true (steward_datastore_table_select_id (table, 45));
  g_assert_true (steward_test_wait_until (configure_button_shown_cb, details,
                                          STEWARD_TEST_TIMEOUT_MS));

  /* The context menu of one datastore offers it. */
  popover = steward_test_find_widget (GTK_WIDGET (table), GTK_TYPE_POPOVER_MENU, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.context-menu", NULL));
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                                  "view.enrichment"));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The details' button opens the dialog for its datastore. */
  g_signal_emit_by_name (steward_test_find_widget (details, GTK_TYPE_BUTTON, "Con_figure…"),
                         "clicked");
  g_assert_true (steward_test_wait_until (enrichment_dialog_shown_cb,
                                          GSIZE_TO_POINTER (STEWARD_TYPE_ENRICHMENT_DIALOG),
                                          STEWARD_TEST_TIMEOUT_MS));
  dialog = steward_test_find_toplevel (STEWARD_TYPE_ENRICHMENT_DIALOG);
  g_assert_true (steward_enrichment_dialog_get_datastore (STEWARD_ENRICHMENT_DIALOG (dialog)) ==
                 shared (f, 45));
  gtk_window_destroy (dialog);

  /* Several selected: the selection's menu and Ctrl+E's action open the dialog for many. */
  selection = steward_datastore_table_get_selection (table);
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.context-menu", NULL));
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                                  "view.enrichment-selection"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_nonnull (steward_test_find_widget (view, GTK_TYPE_BUTTON, "E_nrichment…"));
  g_assert_true (gtk_widget_activate_action (view, "view.enrichment-selection", NULL));
  g_assert_true (steward_test_wait_until (enrichment_dialog_shown_cb,
                                          GSIZE_TO_POINTER (STEWARD_TYPE_ENRICHMENT_BULK_DIALOG),
                                          STEWARD_TEST_TIMEOUT_MS));
  dialog = steward_test_find_toplevel (STEWARD_TYPE_ENRICHMENT_BULK_DIALOG);
  assert_shows_in (GTK_WIDGET (dialog), "3 Datastores");
  gtk_window_destroy (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, role, func)                                                                      \
  g_test_add ("/enrichment/" path, Fixture, GINT_TO_POINTER (STEWARD_DEMO_ROLE_##role),            \
              fixture_set_up, func, fixture_tear_down)
  ADD ("link", ADMIN, test_link);
  ADD ("switch", ADMIN, test_switch);
  ADD ("relink-same-sends-nothing", ADMIN, test_relink_same);
  ADD ("unlink-as-admin", ADMIN, test_unlink_admin);
  ADD ("unlink-by-choosing-none", ADMIN, test_unlink_by_choosing_none);
  ADD ("unlink-cancelled", ADMIN, test_unlink_cancelled);
  ADD ("unlink-refused-for-manager", MANAGER, test_unlink_refused_for_manager);
  ADD ("unlink-nothing-linked", ADMIN, test_unlink_nothing_linked);
  ADD ("unlink-conflict", ADMIN, test_unlink_conflict);
  ADD ("prefix-preview-is-stored", ADMIN, test_prefix_preview);
  ADD ("prefix-collision", ADMIN, test_prefix_collision);
  ADD ("range-edges", ADMIN, test_range_edges);
  ADD ("append-needs-link", ADMIN, test_append_needs_link);
  ADD ("link-enrichment-only-source", ADMIN, test_link_enrichment_only_source);
  ADD ("second-call-fails", ADMIN, test_second_call_fails);
  ADD ("old-field-names", ADMIN, test_old_field_names);
  ADD ("close-asks", ADMIN, test_close_asks);
  ADD ("bulk-with-retry", ADMIN, test_bulk);
  ADD ("bulk-link-only", ADMIN, test_bulk_link_only);
  ADD ("entry-points", ADMIN, test_entry_points);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
