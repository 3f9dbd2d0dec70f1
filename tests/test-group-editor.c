/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <adwaita.h>

#include "steward-application.h"
#include "steward-group-editor.h"
#include "steward-group-icon-picker.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

static StewardApplication *app;

typedef struct
{
  StewardTestDemo       *demo;
  GtkWindow             *parent;
  GListModel            *groups;
  StewardGroupEditor    *editor;
  StewardDatastoreGroup *saved;
} Fixture;

static StewardDatastoreGroup *
find_group (GListModel *groups,
            gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, i);

      if (steward_datastore_group_get_id (group) == id)
        return group;
    }

  return NULL;
}

static StewardDatastoreGroup *
find_group_named (GListModel *groups,
                  const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, i);

      if (g_strcmp0 (steward_datastore_group_get_name (group), name) == 0)
        return group;
    }

  return NULL;
}

static void
saved_cb (StewardGroupEditor    *editor,
          StewardDatastoreGroup *group,
          Fixture               *fixture)
{
  g_assert_null (fixture->saved);
  fixture->saved = g_object_ref (group);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  fixture->groups = steward_test_list_groups (fixture->demo->client);
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
  g_clear_object (&fixture->groups);
  g_clear_pointer (&fixture->demo, steward_test_demo_free);
}

static void
open_editor (Fixture               *fixture,
             StewardClient         *client,
             StewardDatastoreGroup *group)
{
  fixture->editor = steward_group_editor_new (fixture->parent, client, fixture->groups, group);
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  g_assert_true (steward_test_wait_until (steward_test_widget_mapped_cb, fixture->editor,
                                          STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->editor)) == fixture->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->editor)));
}

static GtkWidget *
name_row (Fixture *fixture)
{
  GtkWidget *row =
      steward_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_ENTRY_ROW, "Name");

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
save_button (Fixture *fixture)
{
  GtkWidget *button = steward_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_BUTTON,
                                                "C_reate");

  if (button == NULL)
    button = steward_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_BUTTON, "_Save");
  g_assert_nonnull (button);
  return button;
}

static void
pick_icon (Fixture    *fixture,
           const char *label)
{
  GtkWidget *cell = steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->editor), label);

  g_assert_true (GTK_IS_FLOW_BOX_CHILD (cell));
  gtk_widget_activate (cell);
}

static const char *
picked_icon (Fixture *fixture)
{
  GtkWidget *picker = steward_test_find_widget (GTK_WIDGET (fixture->editor),
                                                STEWARD_TYPE_GROUP_ICON_PICKER, NULL);

  return steward_group_icon_picker_get_icon (STEWARD_GROUP_ICON_PICKER (picker));
}

/* The visible message under the name, or NULL. */
static const char *
name_error (Fixture *fixture)
{
  GtkWidget *message = gtk_widget_get_next_sibling (name_row (fixture));
  GtkWidget *label;

  /* The message is the row after the name's, in the same list. */
  if (message == NULL || !gtk_widget_get_visible (message))
    return NULL;

  label = steward_test_find_widget (message, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (label));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
saved_or_closed_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->saved != NULL;
}

static gboolean
closed_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->editor == NULL;
}

static void
save_and_wait (Fixture *fixture)
{
  gtk_widget_activate (save_button (fixture));
  g_assert_true (steward_test_wait_until (saved_or_closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
}

static gboolean
save_enabled (Fixture *fixture)
{
  return gtk_widget_get_sensitive (save_button (fixture));
}

static void
assert_last_body (Fixture    *fixture,
                  const char *method,
                  const char *path,
                  const char *expected_json)
{
  g_autofree char *body = steward_test_demo_last_body (fixture->demo, method, path);
  g_autoptr(JsonNode) got = json_from_string (body, NULL);
  g_autoptr(JsonNode) expected = json_from_string (expected_json, NULL);

  g_assert_nonnull (got);
  if (!json_node_equal (got, expected))
    g_error ("%s %s received %s, expected %s", method, path, body, expected_json);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GListModel) after = NULL;
  StewardDatastoreGroup *created;
  GtkWidget *preview;

  open_editor (fixture, fixture->demo->client, NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New Group");

  /* Nothing to create yet, and nothing scolded before the user typed. */
  g_assert_false (save_enabled (fixture));
  g_assert_null (name_error (fixture));
  g_assert_cmpstr (picked_icon (fixture), ==, "mdi-bookmark-box-outline");

  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "Production");
  pick_icon (fixture, "Gold");
  g_assert_cmpstr (picked_icon (fixture), ==, "mdi-podium-gold");

  /* The preview shows the group as the sidebar will. */
  preview = steward_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_LABEL, "Production");
  g_assert_nonnull (preview);
  g_assert_true (gtk_widget_get_mapped (preview));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (gtk_widget_get_prev_sibling (preview))), ==,
                   "steward-group-podium-gold-symbolic");

  g_assert_true (save_enabled (fixture));
  save_and_wait (fixture);

  g_assert_cmpstr (steward_datastore_group_get_name (fixture->saved), ==, "Production");
  g_assert_cmpstr (steward_datastore_group_get_icon (fixture->saved), ==, "mdi-podium-gold");
  g_assert_cmpint (steward_datastore_group_get_id (fixture->saved), >, 0);
  assert_last_body (fixture, "POST", "/api/datastore-groups",
                    "{\"name\": \"Production\", \"icon\": \"mdi-podium-gold\"}");

  after = steward_test_list_groups (fixture->demo->client);
  created = find_group_named (after, "Production");
  g_assert_nonnull (created);
  g_assert_cmpint (steward_datastore_group_get_id (created), ==,
                   steward_datastore_group_get_id (fixture->saved));
  g_assert_cmpstr (steward_datastore_group_get_icon (created), ==, "mdi-podium-gold");
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  StewardDatastoreGroup *group = find_group (fixture->groups, 2);
  g_autoptr(GListModel) after = NULL;

  open_editor (fixture, fixture->demo->client, group);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "Edit Group");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row (fixture))), ==, "Analytics");
  g_assert_cmpstr (picked_icon (fixture), ==, "mdi-chart-box-outline");

  /* Unchanged: nothing to save. */
  g_assert_false (save_enabled (fixture));

  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "Analytics Team");
  g_assert_true (save_enabled (fixture));

  /* Saving shows a spinner and freezes the form until the server answers. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "group-editor.save", NULL);
  g_assert_true (gtk_widget_get_mapped (
      steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->editor), "Saving…")));
  g_assert_false (gtk_widget_is_sensitive (name_row (fixture)));
  g_assert_false (save_enabled (fixture));
  g_assert_true (steward_test_wait_until (saved_or_closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));

  assert_last_body (fixture, "PUT", "/api/datastore-groups/2", "{\"name\": \"Analytics Team\"}");
  g_assert_cmpstr (steward_datastore_group_get_name (fixture->saved), ==, "Analytics Team");
  /* The caller's object is updated in place, so views bound to it refresh. */
  g_assert_cmpstr (steward_datastore_group_get_name (group), ==, "Analytics Team");

  after = steward_test_list_groups (fixture->demo->client);
  g_assert_cmpstr (steward_datastore_group_get_name (find_group (after, 2)), ==, "Analytics Team");
  g_assert_cmpstr (steward_datastore_group_get_icon (find_group (after, 2)), ==,
                   "mdi-chart-box-outline");
}

static void
test_reicon (Fixture       *fixture,
             gconstpointer  data)
{
  StewardDatastoreGroup *group = find_group (fixture->groups, 1);
  g_autoptr(GListModel) after = NULL;

  open_editor (fixture, fixture->demo->client, group);
  g_assert_cmpstr (picked_icon (fixture), ==, "mdi-star-outline");

  pick_icon (fixture, "Flask");
  g_assert_true (save_enabled (fixture));
  /* Back to the original icon is no change at all. */
  pick_icon (fixture, "Star");
  g_assert_false (save_enabled (fixture));
  pick_icon (fixture, "Flask");
  save_and_wait (fixture);

  assert_last_body (fixture, "PUT", "/api/datastore-groups/1", "{\"icon\": \"mdi-flask-outline\"}");
  g_assert_cmpstr (steward_datastore_group_get_icon (group), ==, "mdi-flask-outline");
  g_assert_cmpstr (steward_datastore_group_get_name (group), ==, "Mission Critical");

  after = steward_test_list_groups (fixture->demo->client);
  g_assert_cmpstr (steward_datastore_group_get_icon (find_group (after, 1)), ==,
                   "mdi-flask-outline");
}

static void
test_unique_as_you_type (Fixture       *fixture,
                         gconstpointer  data)
{
  open_editor (fixture, fixture->demo->client, NULL);

  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "gold TIER");
  g_assert_cmpstr (name_error (fixture), ==, "A group named “Gold Tier” already exists");
  g_assert_true (gtk_widget_has_css_class (name_row (fixture), "error"));
  g_assert_false (save_enabled (fixture));

  /* Even forced, nothing is sent. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "group-editor.save", NULL);
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_cmpuint (steward_demo_server_count_requests (fixture->demo->server, "POST",
                                                        "/api/datastore-groups"), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "   ");
  g_assert_cmpstr (name_error (fixture), ==, "The group needs a name");
  g_assert_false (save_enabled (fixture));

  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "Gold Tier 2");
  g_assert_null (name_error (fixture));
  g_assert_false (gtk_widget_has_css_class (name_row (fixture), "error"));
  g_assert_true (save_enabled (fixture));

  {
    g_autofree char *too_long = g_strnfill (101, 'x');

    gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), too_long);
    g_assert_cmpstr (name_error (fixture), ==, "A group name can have at most 100 characters");
    g_assert_false (save_enabled (fixture));
  }

  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  g_assert_null (fixture->editor);

  /* A group may keep its own name in another case: it is only compared with the others. */
  open_editor (fixture, fixture->demo->client, find_group (fixture->groups, 5));
  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "GOLD TIER");
  g_assert_null (name_error (fixture));
  g_assert_true (save_enabled (fixture));
  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "analytics");
  g_assert_cmpstr (name_error (fixture), ==, "A group named “Analytics” already exists");
  g_assert_false (save_enabled (fixture));
}

static gboolean
name_error_shown_cb (gpointer user_data)
{
  return name_error (user_data) != NULL;
}

static void
test_conflict_from_server (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardDatastoreGroup) sneaked = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;

  /* Someone else creates the group after the list was loaded: the editor cannot know. */
  steward_client_create_group_async (fixture->demo->client, "Staging", NULL, NULL,
                                     steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  sneaked = steward_client_create_group_finish (fixture->demo->client, result, &error);
  g_assert_no_error (error);
  before = steward_test_list_groups (fixture->demo->client);

  open_editor (fixture, fixture->demo->client, NULL);
  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "staging");
  g_assert_true (save_enabled (fixture));
  gtk_widget_activate (save_button (fixture));

  g_assert_true (steward_test_wait_until (name_error_shown_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (name_error (fixture), ==, "Datastore group name: 'staging' already exists");
  g_assert_true (gtk_widget_has_css_class (name_row (fixture), "error"));

  /* Still open, as typed, and the same name is not sent twice. */
  g_assert_nonnull (fixture->editor);
  g_assert_null (fixture->saved);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row (fixture))), ==, "staging");
  g_assert_false (save_enabled (fixture));

  after = steward_test_list_groups (fixture->demo->client);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));

  /* A new name clears the server's objection. */
  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "Staging Area");
  g_assert_null (name_error (fixture));
  g_assert_true (save_enabled (fixture));
}

/* A visible label whose text starts with @prefix, anywhere under @root. */
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

static gboolean
forbidden_shown_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return find_label_with_prefix (GTK_WIDGET (fixture->editor), "This needs the Manager role: ") !=
         NULL;
}

static void
test_forbidden_for_member (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(StewardClient) member =
      steward_test_demo_new_client (fixture->demo, STEWARD_DEMO_ROLE_MEMBER);
  StewardDatastoreGroup *group = find_group (fixture->groups, 1);
  g_autoptr(GListModel) after = NULL;
  const char *message;
  GtkWidget *label;

  open_editor (fixture, member, group);
  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "Renamed by a member");
  pick_icon (fixture, "Bronze");
  gtk_widget_activate (save_button (fixture));
  g_assert_true (steward_test_wait_until (forbidden_shown_cb, fixture, STEWARD_TEST_TIMEOUT_MS));

  /* The message names the missing role, then the server's words. */
  label = find_label_with_prefix (GTK_WIDGET (fixture->editor), "This needs the Manager role: ");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_get_mapped (label));
  message = gtk_label_get_label (GTK_LABEL (label));
  g_assert_cmpuint (strlen (message), >, strlen ("This needs the Manager role: "));
  g_assert_null (name_error (fixture));

  /* Open, as typed, ready to try again; nothing changed anywhere. */
  g_assert_null (fixture->saved);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row (fixture))), ==,
                   "Renamed by a member");
  g_assert_cmpstr (picked_icon (fixture), ==, "mdi-podium-bronze");
  g_assert_true (save_enabled (fixture));
  g_assert_cmpstr (steward_datastore_group_get_name (group), ==, "Mission Critical");
  after = steward_test_list_groups (fixture->demo->client);
  g_assert_cmpstr (steward_datastore_group_get_name (find_group (after, 1)), ==,
                   "Mission Critical");
  g_assert_cmpstr (steward_datastore_group_get_icon (find_group (after, 1)), ==,
                   "mdi-star-outline");
}

static void
test_unknown_icon (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"id\": 9, \"name\": \"Future\", "
                                               "\"icon\": \"mdi-rocket-launch\"}", NULL);
  g_autoptr(StewardDatastoreGroup) group =
      steward_datastore_group_new_from_json (json_node_get_object (node));
  GtkWidget *bookmark;

  open_editor (fixture, fixture->demo->client, group);

  /* Shown as the bookmark, and leaving it so is no change to send. */
  g_assert_cmpstr (picked_icon (fixture), ==, "mdi-bookmark-box-outline");
  bookmark = steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->editor), "Bookmark");
  g_assert_true (gtk_flow_box_child_is_selected (GTK_FLOW_BOX_CHILD (bookmark)));
  g_assert_false (save_enabled (fixture));
}

static void
test_cancel_and_escape (Fixture       *fixture,
                        gconstpointer  data)
{
  open_editor (fixture, fixture->demo->client, NULL);
  gtk_editable_set_text (GTK_EDITABLE (name_row (fixture)), "Never Saved");
  gtk_widget_activate (
      steward_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_BUTTON, "_Cancel"));
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));

  open_editor (fixture, fixture->demo->client, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "window.close", NULL);
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));

  g_assert_null (fixture->saved);
  g_assert_cmpuint (steward_demo_server_count_requests (fixture->demo->server, "POST",
                                                        "/api/datastore-groups"), ==, 0);
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/group-editor/create", test_create);
  ADD ("/group-editor/rename", test_rename);
  ADD ("/group-editor/re-icon", test_reicon);
  ADD ("/group-editor/unique-as-you-type", test_unique_as_you_type);
  ADD ("/group-editor/conflict-from-server", test_conflict_from_server);
  ADD ("/group-editor/forbidden-for-member", test_forbidden_for_member);
  ADD ("/group-editor/unknown-icon", test_unknown_icon);
  ADD ("/group-editor/cancel-and-escape", test_cancel_and_escape);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
