/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "steward-application.h"
#include "steward-chip-editor.h"
#include "steward-datastore-editor.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

static StewardApplication *app;

typedef struct
{
  StewardTestDemo        *demo;
  GtkWindow              *parent;
  StewardDatastoreEditor *editor;
  StewardDatastore       *saved;
} Fixture;

static gboolean
loaded_cb (gpointer user_data)
{
  return steward_datastore_editor_get_loaded (user_data);
}

static gboolean
closed_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->editor == NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->demo = steward_test_demo_new (GPOINTER_TO_INT (data));
  fixture->parent = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (app)));
  gtk_window_present (fixture->parent);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->editor != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
      gtk_window_destroy (GTK_WINDOW (fixture->editor));
    }
  gtk_window_destroy (fixture->parent);
  g_clear_object (&fixture->saved);
  g_clear_pointer (&fixture->demo, steward_test_demo_free);
}

static void
update_datastore (StewardClient           *client,
                  gint64                   id,
                  StewardDatastoreRequest *request)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) updated = NULL;

  steward_client_update_datastore_async (client, id, request, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  updated = steward_client_update_datastore_finish (client, result, &error);
  g_assert_no_error (error);
}

static void
saved_cb (StewardDatastoreEditor *editor,
          StewardDatastore       *datastore,
          Fixture                *fixture)
{
  g_assert_null (fixture->saved);
  fixture->saved = g_object_ref (datastore);
}

static void
open_editor (Fixture          *fixture,
             StewardDatastore *datastore)
{
  fixture->editor =
      steward_datastore_editor_new (fixture->parent, fixture->demo->client, datastore);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  g_assert_true (steward_test_wait_until (steward_test_widget_mapped_cb, fixture->editor,
                                          STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->editor)) == fixture->parent);
  g_assert_true (steward_test_wait_until (loaded_cb, fixture->editor, STEWARD_TEST_TIMEOUT_MS));
}

static GtkWidget *
find (Fixture    *fixture,
      GType       type,
      const char *text)
{
  GtkWidget *widget = steward_test_find_widget (GTK_WIDGET (fixture->editor), type, text);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
save_button (Fixture *fixture)
{
  return find (fixture, GTK_TYPE_BUTTON, "_Save");
}

static gboolean
save_enabled (Fixture *fixture)
{
  return gtk_widget_get_sensitive (save_button (fixture));
}

static StewardChipEditor *
chip_editor (Fixture    *fixture,
             const char *placeholder)
{
  GtkWidget *row = find (fixture, ADW_TYPE_ENTRY_ROW, placeholder);

  return STEWARD_CHIP_EDITOR (gtk_widget_get_ancestor (row, STEWARD_TYPE_CHIP_EDITOR));
}

static void
set_description (Fixture    *fixture,
                 const char *text)
{
  GtkWidget *view = find (fixture, GTK_TYPE_TEXT_VIEW, NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static GtkWidget *
find_label_with_prefix (GtkWidget  *root,
                        const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_prefix (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *prefix;
} LabelWait;

static gboolean
label_shown_cb (gpointer user_data)
{
  LabelWait *wait = user_data;

  return find_label_with_prefix (GTK_WIDGET (wait->fixture->editor), wait->prefix) != NULL;
}

static GtkWidget *
wait_for_label (Fixture    *fixture,
                const char *prefix)
{
  LabelWait wait = { fixture, prefix };

  g_assert_true (steward_test_wait_until (label_shown_cb, &wait, STEWARD_TEST_TIMEOUT_MS));
  return find_label_with_prefix (GTK_WIDGET (fixture->editor), prefix);
}

static gboolean
saved_cb_arrived (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->saved != NULL;
}

static void
save_and_wait (Fixture *fixture)
{
  g_assert_true (save_enabled (fixture));
  gtk_widget_activate (save_button (fixture));
  g_assert_true (steward_test_wait_until (saved_cb_arrived, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
}

static void
assert_last_body (Fixture    *fixture,
                  const char *path,
                  const char *expected_json)
{
  g_autofree char *body = steward_test_demo_last_body (fixture->demo, "PUT", path);
  g_autoptr(JsonNode) got = json_from_string (body, NULL);
  g_autoptr(JsonNode) expected = json_from_string (expected_json, NULL);

  g_assert_nonnull (got);
  if (!json_node_equal (got, expected))
    g_error ("PUT %s received %s, expected %s", path, body, expected_json);
}

static void
test_fresh_on_open (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(StewardDatastore) stale = steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_autoptr(StewardDatastoreRequest) elsewhere = steward_datastore_request_new ();
  const char *tags[] = { "production", "postgresql", "gdpr", NULL };
  const char *teams[] = { "Data Platform", "Analytics", "Sales Ops", NULL };

  /* Someone else changes the lists after ours was loaded. */
  steward_datastore_request_set_tags (elsewhere, tags);
  steward_datastore_request_set_teams (elsewhere, teams);
  update_datastore (fixture->demo->client, 42, elsewhere);
  g_assert_cmpuint (g_strv_length ((char **) steward_datastore_get_tags (stale)), ==, 2);

  open_editor (fixture, stale);

  g_assert_true (
      g_strv_equal (steward_chip_editor_get_values (chip_editor (fixture, "Add Tag")), tags));
  g_assert_true (
      g_strv_equal (steward_chip_editor_get_values (chip_editor (fixture, "Add Team")), teams));
  g_assert_nonnull (find (fixture, GTK_TYPE_LABEL, "gdpr"));
  g_assert_nonnull (find (fixture, GTK_TYPE_LABEL, "Sales Ops"));
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (find (fixture, ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, "Production Sales");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (find (fixture, ADW_TYPE_ENTRY_ROW, "Database"))),
                   ==, "production");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (find (fixture, ADW_TYPE_ENTRY_ROW, "Schema"))),
                   ==, "sales");
  g_assert_false (gtk_widget_get_visible (find (fixture, ADW_TYPE_ENTRY_ROW, "Root Path")));
  /* The caller's copy learned the fresh lists too. */
  g_assert_true (g_strv_equal (steward_datastore_get_tags (stale), tags));

  /* Nothing changed yet: nothing to save. */
  g_assert_false (save_enabled (fixture));
}

static void
test_description_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_autoptr(StewardDatastore) after = NULL;

  open_editor (fixture, datastore);
  set_description (fixture, "Core sales data from the production PostgreSQL database");
  g_assert_nonnull (find (fixture, GTK_TYPE_LABEL, "55/255"));
  save_and_wait (fixture);

  assert_last_body (fixture, "/api/datastores/42",
                    "{\"description\": \"Core sales data from the production PostgreSQL "
                    "database\"}");
  g_assert_true (fixture->saved == datastore);
  g_assert_cmpstr (steward_datastore_get_description (datastore), ==,
                   "Core sales data from the production PostgreSQL database");
  after = steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_assert_cmpstr (steward_datastore_get_description (after), ==,
                   "Core sales data from the production PostgreSQL database");
  g_assert_cmpstr (steward_datastore_get_name (after), ==, "Production Sales");
}

static void
test_add_tag (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_autoptr(StewardDatastore) after = NULL;
  GtkWidget *tag_row;
  const char *expected[] = { "production", "postgresql", "sales", NULL };

  open_editor (fixture, datastore);
  tag_row = find (fixture, ADW_TYPE_ENTRY_ROW, "Add Tag");
  gtk_editable_set_text (GTK_EDITABLE (tag_row), "sales");
  /* Enter, as its key binding does it. */
  g_signal_emit_by_name (steward_test_find_widget (tag_row, GTK_TYPE_TEXT, NULL), "activate");
  g_assert_nonnull (find (fixture, GTK_TYPE_LABEL, "sales"));
  save_and_wait (fixture);

  /* The whole new list, and nothing else. */
  assert_last_body (fixture, "/api/datastores/42",
                    "{\"tags\": [\"production\", \"postgresql\", \"sales\"]}");
  g_assert_true (g_strv_equal (steward_datastore_get_tags (datastore), expected));
  after = steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_assert_true (g_strv_equal (steward_datastore_get_tags (after), expected));
}

static void
test_invalid_field (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_autoptr(StewardDatastore) after = NULL;
  GtkWidget *database;
  GtkWidget *label;

  open_editor (fixture, datastore);

  /* Only the server rejects an empty database name. */
  database = find (fixture, ADW_TYPE_ENTRY_ROW, "Database");
  gtk_editable_set_text (GTK_EDITABLE (database), "");
  set_description (fixture, "Kept after the failure");
  gtk_widget_activate (save_button (fixture));

  /* Under the Database row itself, so the message need not name the field. */
  label = wait_for_label (fixture, "String should have");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                   "String should have at least 1 character");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_true (gtk_widget_has_css_class (database, "error"));
  /* The focus goes to the field to correct. */
  g_assert_true (
      gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->editor)), database));

  /* Still open, as typed; the same request is not sent again as it is. */
  g_assert_nonnull (fixture->editor);
  g_assert_null (fixture->saved);
  g_assert_false (save_enabled (fixture));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (database)), ==, "");
  after = steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_assert_cmpstr (steward_datastore_get_database (after), ==, "production");
  g_assert_null (steward_datastore_get_description (after));

  /* Editing the field clears its mark. */
  gtk_editable_set_text (GTK_EDITABLE (database), "production_db");
  g_assert_false (gtk_widget_is_visible (label));
  g_assert_false (gtk_widget_has_css_class (database, "error"));
  g_assert_true (save_enabled (fixture));
}

static void
test_checked_as_you_type (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_autofree char *long_description = g_strnfill (256, 'd');
  GtkWidget *name;

  open_editor (fixture, datastore);
  name = find (fixture, ADW_TYPE_ENTRY_ROW, "Name");

  gtk_editable_set_text (GTK_EDITABLE (name), "  ");
  g_assert_true (
      gtk_widget_is_visible (find (fixture, GTK_TYPE_LABEL, "The datastore needs a name")));
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_false (save_enabled (fixture));
  gtk_editable_set_text (GTK_EDITABLE (name), "Production Sales (Updated)");
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_true (save_enabled (fixture));

  set_description (fixture, long_description);
  g_assert_true (gtk_widget_is_visible (find (fixture, GTK_TYPE_LABEL,
                                              "A description can have at most 255 characters")));
  g_assert_true (gtk_widget_has_css_class (find (fixture, GTK_TYPE_LABEL, "256/255"), "error"));
  g_assert_false (save_enabled (fixture));

  /* Nothing was sent. */
  g_assert_cmpuint (steward_demo_server_count_requests (fixture->demo->server, "PUT",
                                                        "/api/datastores/42"), ==, 0);
}

static void
test_forbidden_for_member (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(StewardClient) admin =
      steward_test_demo_new_client (fixture->demo, STEWARD_DEMO_ROLE_ADMIN);
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 27, NULL);
  g_autoptr(StewardDatastore) after = NULL;
  const char *prefix = "You need Editor permission on one of this datastore’s teams: ";
  GtkWidget *label;

  /* The member edits only in Analytics; HR Warehouse belongs to Data Platform alone. */
  g_assert_true (g_strv_equal (steward_datastore_get_teams (datastore),
                               (const char *[]) { "Data Platform", NULL }));
  open_editor (fixture, datastore);
  set_description (fixture, "Edited by a member");
  steward_chip_editor_add_value (chip_editor (fixture, "Add Tag"), "hr");
  gtk_widget_activate (save_button (fixture));

  label = wait_for_label (fixture, prefix);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Data Platform"));

  /* Open, as typed; nothing changed on the server. */
  g_assert_nonnull (fixture->editor);
  g_assert_null (fixture->saved);
  g_assert_true (save_enabled (fixture));
  g_assert_nonnull (find (fixture, GTK_TYPE_LABEL, "hr"));
  after = steward_test_get_datastore (admin, 27, NULL);
  g_assert_null (steward_datastore_get_description (after));
  g_assert_true (g_strv_equal (steward_datastore_get_tags (after),
                               (const char *[]) { "pii", "snowflake", NULL }));
}

static void
test_file_system_datastore (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 33, NULL);
  GtkWidget *root_path;

  open_editor (fixture, datastore);

  /* A DFS datastore lives at a root path, not in a database and schema. */
  root_path = find (fixture, ADW_TYPE_ENTRY_ROW, "Root Path");
  g_assert_true (gtk_widget_get_visible (root_path));
  g_assert_false (gtk_widget_get_visible (find (fixture, ADW_TYPE_ENTRY_ROW, "Database")));
  g_assert_false (gtk_widget_get_visible (find (fixture, ADW_TYPE_ENTRY_ROW, "Schema")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (root_path)), ==, "/raw/clickstream/");

  gtk_editable_set_text (GTK_EDITABLE (root_path), "/raw/clicks/");
  save_and_wait (fixture);
  assert_last_body (fixture, "/api/datastores/33", "{\"root_path\": \"/raw/clicks/\"}");
  g_assert_cmpstr (steward_datastore_get_root_path (datastore), ==, "/raw/clicks/");
}

static gboolean
failed_page_shown_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *page = steward_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_STATUS_PAGE,
                                              "Could Not Load the Datastore");

  return page != NULL && gtk_widget_get_mapped (page);
}

static void
test_load_failure_and_retry (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 42, NULL);

  steward_demo_server_inject_fault (fixture->demo->server, "GET", "/api/datastores/42",
                                    STEWARD_DEMO_FAULT_500, 1);
  fixture->editor =
      steward_datastore_editor_new (fixture->parent, fixture->demo->client, datastore);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  gtk_window_present (GTK_WINDOW (fixture->editor));

  /* Saying why, with no form to save from a copy that may be stale. */
  g_assert_true (steward_test_wait_until (failed_page_shown_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_false (steward_datastore_editor_get_loaded (fixture->editor));
  g_assert_false (save_enabled (fixture));

  gtk_widget_activate (find (fixture, GTK_TYPE_BUTTON, "_Try Again"));
  g_assert_true (steward_test_wait_until (loaded_cb, fixture->editor, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_get_mapped (find (fixture, ADW_TYPE_ENTRY_ROW, "Name")));
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (find (fixture, ADW_TYPE_ENTRY_ROW, "Name"))),
                   ==, "Production Sales");
}

static gboolean
message_dialog_shown_cb (gpointer user_data)
{
  return steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
message_dialog_gone_cb (gpointer user_data)
{
  return steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Presses Escape: runs the editor's own Escape shortcut, as a key press would. */
static void
press_escape (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->editor));
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);
  GtkShortcut *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; found == NULL && j < g_list_model_get_n_items (G_LIST_MODEL (controller));
           j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            found = shortcut;
        }
    }

  g_assert_nonnull (found);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (found), 0,
                                               GTK_WIDGET (fixture->editor), NULL));
}

/* The question asked before unsaved changes are dropped. */
static AdwMessageDialog *
wait_for_discard_question (Fixture *fixture)
{
  AdwMessageDialog *question;

  g_assert_true (steward_test_wait_until (message_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  question = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (question)) ==
                 GTK_WINDOW (fixture->editor));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard Changes?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (question, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  /* The editor is still there behind it. */
  g_assert_nonnull (fixture->editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  return question;
}

static void
answer (AdwMessageDialog *question,
        const char       *label)
{
  GtkWidget *button = steward_test_find_widget (GTK_WIDGET (question), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (steward_test_wait_until (message_dialog_gone_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
}

/* Escape, Cancel or closing the window drop unsaved changes only once the user agrees; with
 * nothing changed, the editor closes at once. */
static void
test_discard_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_autoptr(StewardDatastore) after = NULL;
  AdwMessageDialog *question;
  GtkWidget *name_row;

  /* Nothing changed: Escape closes without a question. */
  open_editor (fixture, datastore);
  press_escape (fixture);
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_null (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Changed: Escape asks, and Cancel on the question keeps the edit. */
  open_editor (fixture, datastore);
  name_row = find (fixture, ADW_TYPE_ENTRY_ROW, "Name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Production Sales (Renamed)");
  press_escape (fixture);
  question = wait_for_discard_question (fixture);
  answer (question, "_Cancel");
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_nonnull (fixture->editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                   "Production Sales (Renamed)");
  g_assert_true (save_enabled (fixture));

  /* Closing the window asks too. */
  gtk_window_close (GTK_WINDOW (fixture->editor));
  question = wait_for_discard_question (fixture);
  answer (question, "_Cancel");
  g_assert_nonnull (fixture->editor);

  /* The Cancel button asks, and Discard closes without saving anything. */
  g_signal_emit_by_name (find (fixture, GTK_TYPE_BUTTON, "_Cancel"), "clicked");
  question = wait_for_discard_question (fixture);
  answer (question, "_Discard");
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_null (fixture->saved);
  g_assert_cmpuint (steward_demo_server_count_requests (fixture->demo->server, "PUT",
                                                        "/api/datastores/42"), ==, 0);
  after = steward_test_get_datastore (fixture->demo->client, 42, NULL);
  g_assert_cmpstr (steward_datastore_get_name (after), ==, "Production Sales");

  /* An editor destroyed while it asks takes the question with it. */
  open_editor (fixture, datastore);
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, ADW_TYPE_ENTRY_ROW, "Name")), "Abandoned");
  press_escape (fixture);
  wait_for_discard_question (fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  g_assert_true (steward_test_wait_until (message_dialog_gone_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
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

#define ADD(path, role, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (role), fixture_set_up, func, fixture_tear_down)
  ADD ("/datastore-editor/fresh-on-open", STEWARD_DEMO_ROLE_ADMIN, test_fresh_on_open);
  ADD ("/datastore-editor/description-only", STEWARD_DEMO_ROLE_ADMIN, test_description_only);
  ADD ("/datastore-editor/add-tag", STEWARD_DEMO_ROLE_ADMIN, test_add_tag);
  ADD ("/datastore-editor/invalid-field", STEWARD_DEMO_ROLE_ADMIN, test_invalid_field);
  ADD ("/datastore-editor/checked-as-you-type", STEWARD_DEMO_ROLE_ADMIN, test_checked_as_you_type);
  ADD ("/datastore-editor/forbidden-for-member", STEWARD_DEMO_ROLE_MEMBER,
       test_forbidden_for_member);
  ADD ("/datastore-editor/file-system-datastore", STEWARD_DEMO_ROLE_ADMIN,
       test_file_system_datastore);
  ADD ("/datastore-editor/load-failure-and-retry", STEWARD_DEMO_ROLE_ADMIN,
       test_load_failure_and_retry);
  ADD ("/datastore-editor/discard-changes", STEWARD_DEMO_ROLE_ADMIN, test_discard_changes);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
