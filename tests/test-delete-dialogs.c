/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <adwaita.h>

#include "steward-application.h"
#include "steward-delete-datastore-dialog.h"
#include "steward-delete-group-dialog.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

static StewardApplication *app;

typedef struct
{
  StewardTestDemo       *demo;
  GtkWindow             *parent;
  AdwMessageDialog      *dialog;
  StewardDatastoreGroup *deleted_group;
  gint64                 deleted_id;
} Fixture;

static gboolean
closed_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->dialog == NULL;
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
  if (fixture->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
      gtk_window_destroy (GTK_WINDOW (fixture->dialog));
    }
  gtk_window_destroy (fixture->parent);
  g_clear_object (&fixture->deleted_group);
  g_clear_pointer (&fixture->demo, steward_test_demo_free);
}

static void
present_dialog (Fixture *fixture,
                gpointer dialog)
{
  fixture->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  g_assert_true (steward_test_wait_until (steward_test_widget_mapped_cb, fixture->dialog,
                                          STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog)) == fixture->parent);
}

static StewardDatastoreGroup *
dup_group (GListModel *groups,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, i);

      if (steward_datastore_group_get_id (group) == id)
        return g_steal_pointer (&group);
    }

  return NULL;
}

/* Every button showing @label (message dialogs keep two layouts of their responses). */
static void
collect_buttons (GtkWidget  *root,
                 const char *label,
                 GPtrArray  *found)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, label, found);
}

static gboolean
buttons_sensitive (Fixture    *fixture,
                   const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  gboolean sensitive = TRUE;

  collect_buttons (GTK_WIDGET (fixture->dialog), label, buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  for (guint i = 0; i < buttons->len; i++)
    sensitive &= gtk_widget_get_sensitive (g_ptr_array_index (buttons, i));

  return sensitive;
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

  return find_label_with_prefix (GTK_WIDGET (wait->fixture->dialog), wait->prefix) != NULL;
}

static GtkWidget *
wait_for_label (Fixture    *fixture,
                const char *prefix)
{
  LabelWait wait = { fixture, prefix };

  g_assert_true (steward_test_wait_until (label_shown_cb, &wait, STEWARD_TEST_TIMEOUT_MS));
  return find_label_with_prefix (GTK_WIDGET (fixture->dialog), prefix);
}

static void
group_deleted_cb (StewardDeleteGroupDialog *dialog,
                  StewardDatastoreGroup    *group,
                  Fixture                  *fixture)
{
  g_assert_null (fixture->deleted_group);
  fixture->deleted_group = g_object_ref (group);
}

static void
datastore_deleted_cb (StewardDeleteDatastoreDialog *dialog,
                      gint64                        datastore_id,
                      Fixture                      *fixture)
{
  g_assert_cmpint (fixture->deleted_id, ==, 0);
  fixture->deleted_id = datastore_id;
}

static void
test_delete_group (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) groups = steward_test_list_groups (fixture->demo->client);
  g_autoptr(StewardDatastoreGroup) group = dup_group (groups, 1);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(StewardDatastore) datastore = NULL;
  g_autoptr(StewardDatastoreGroup) gone = NULL;
  g_autoptr(GError) error = NULL;
  StewardDeleteGroupDialog *dialog;

  dialog = steward_delete_group_dialog_new (fixture->parent, fixture->demo->client, group, 3);
  g_signal_connect (dialog, "deleted", G_CALLBACK (group_deleted_cb), fixture);
  present_dialog (fixture, dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (fixture->dialog), ==,
                   "Delete “Mission Critical”?");
  g_assert_cmpstr (adw_message_dialog_get_body (fixture->dialog), ==,
                   "Its 3 datastores become ungrouped. The datastores themselves are not deleted.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (fixture->dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (fixture->dialog), ==, "cancel");

  adw_message_dialog_response (fixture->dialog, "delete");

  /* Busy until the server answers: nothing to click, nothing closes it. */
  g_assert_true (steward_confirm_dialog_get_busy (STEWARD_CONFIRM_DIALOG (fixture->dialog)));
  g_assert_false (buttons_sensitive (fixture, "_Delete"));
  g_assert_false (buttons_sensitive (fixture, "_Cancel"));
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  g_assert_nonnull (fixture->dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));

  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (fixture->deleted_group == group);
  after = steward_test_list_groups (fixture->demo->client);
  gone = dup_group (after, 1);
  g_assert_null (gone);

  /* Its datastores stay, ungrouped. */
  datastore = steward_test_get_datastore (fixture->demo->client, 45, &error);
  g_assert_no_error (error);
  g_assert_null (steward_datastore_get_group (datastore));
  g_assert_cmpint (steward_datastore_get_group_id (datastore), ==, 0);
}

static void
test_delete_group_bodies (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GListModel) groups = steward_test_list_groups (fixture->demo->client);
  g_autoptr(StewardDatastoreGroup) group = dup_group (groups, 2);
  StewardDeleteGroupDialog *dialog;

  dialog = steward_delete_group_dialog_new (fixture->parent, fixture->demo->client, group, 1);
  present_dialog (fixture, dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (fixture->dialog), ==,
                   "Its 1 datastore becomes ungrouped. The datastore itself is not deleted.");
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));

  dialog = steward_delete_group_dialog_new (fixture->parent, fixture->demo->client, group, 0);
  present_dialog (fixture, dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (fixture->dialog), ==,
                   "The group has no datastores.");

  /* Cancel closes and sends nothing. */
  adw_message_dialog_response (fixture->dialog, "cancel");
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (steward_demo_server_count_requests (fixture->demo->server, "DELETE",
                                                        "/api/datastore-groups/2"), ==, 0);
}

static void
test_delete_group_forbidden (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GListModel) groups = steward_test_list_groups (fixture->demo->client);
  g_autoptr(StewardDatastoreGroup) group = dup_group (groups, 5);
  g_autoptr(StewardDatastoreGroup) still = NULL;
  g_autoptr(GListModel) after = NULL;
  GtkWidget *label;

  present_dialog (fixture, steward_delete_group_dialog_new (fixture->parent, fixture->demo->client,
                                                            group, 3));
  adw_message_dialog_response (fixture->dialog, "delete");

  label = wait_for_label (fixture, "This needs the Manager role: ");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_get_mapped (label));

  /* Still open, ready to cancel or retry; the group is still there. */
  g_assert_nonnull (fixture->dialog);
  g_assert_null (fixture->deleted_group);
  g_assert_false (steward_confirm_dialog_get_busy (STEWARD_CONFIRM_DIALOG (fixture->dialog)));
  g_assert_true (buttons_sensitive (fixture, "_Delete"));
  g_assert_true (buttons_sensitive (fixture, "_Cancel"));
  after = steward_test_list_groups (fixture->demo->client);
  still = dup_group (after, 5);
  g_assert_nonnull (still);
  g_assert_cmpstr (steward_datastore_group_get_name (still), ==, "Gold Tier");

  /* Escape still closes it. */
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
}

static void
type_name (Fixture    *fixture,
           const char *text)
{
  GtkWidget *entry = steward_test_find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_ENTRY, NULL);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static gboolean
delete_enabled (Fixture *fixture)
{
  gboolean enabled = adw_message_dialog_get_response_enabled (fixture->dialog, "delete");

  g_assert_cmpint (enabled, ==, buttons_sensitive (fixture, "_Delete"));
  return enabled;
}

static void
test_delete_datastore_typed_name (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 42, &error);
  g_autoptr(StewardDatastore) gone = NULL;
  g_autofree char *body = NULL;
  StewardDeleteDatastoreDialog *dialog;
  GtkWidget *prompt;

  g_assert_no_error (error);
  dialog = steward_delete_datastore_dialog_new (fixture->parent, fixture->demo->client, datastore);
  g_signal_connect (dialog, "deleted", G_CALLBACK (datastore_deleted_cb), fixture);
  present_dialog (fixture, dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (fixture->dialog), ==,
                   "Delete “Production Sales”?");
  body = g_strdup_printf ("This is permanent. Its %" G_GINT64_FORMAT " containers are deleted with "
                          "it, along with all its checks, anomalies and enrichment data.",
                          steward_datastore_get_containers (datastore));
  g_assert_cmpstr (adw_message_dialog_get_body (fixture->dialog), ==, body);
  prompt = steward_test_find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_LABEL,
                                     "Type the datastore’s name to confirm");
  g_assert_nonnull (prompt);
  g_assert_true (gtk_widget_get_mapped (prompt));
  g_assert_true (gtk_widget_has_focus (steward_test_find_widget (GTK_WIDGET (fixture->dialog),
                                                                 GTK_TYPE_TEXT, NULL)));

  /* Nothing but the exact name will do. */
  g_assert_false (delete_enabled (fixture));
  type_name (fixture, "Production");
  g_assert_false (delete_enabled (fixture));
  type_name (fixture, "production sales");
  g_assert_false (delete_enabled (fixture));
  type_name (fixture, "Production Sales ");
  g_assert_false (delete_enabled (fixture));

  /* Even forced, a disabled Delete sends nothing. */
  adw_message_dialog_response (fixture->dialog, "delete");
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (steward_demo_server_count_requests (fixture->demo->server, "DELETE",
                                                        "/api/datastores/42"), ==, 0);

  type_name (fixture, "Production Sales");
  g_assert_true (delete_enabled (fixture));
  adw_message_dialog_response (fixture->dialog, "delete");
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));

  g_assert_cmpint (fixture->deleted_id, ==, 42);
  gone = steward_test_get_datastore (fixture->demo->client, 42, &error);
  g_assert_null (gone);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
}

static void
test_delete_datastore_forbidden (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastore) datastore =
    steward_test_get_datastore (fixture->demo->client, 11, &error);
  g_autoptr(StewardDatastore) still = NULL;
  GtkWidget *entry;
  GtkWidget *label;

  g_assert_no_error (error);
  present_dialog (fixture, steward_delete_datastore_dialog_new (fixture->parent,
                                                                fixture->demo->client, datastore));
  type_name (fixture, "Customer 360");
  adw_message_dialog_response (fixture->dialog, "delete");

  label = wait_for_label (fixture, "This needs the Admin role: ");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_true (gtk_widget_get_mapped (label));

  /* Open, with the typed name, ready to retry; the datastore is untouched. */
  entry = steward_test_find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Customer 360");
  g_assert_true (gtk_widget_get_sensitive (entry));
  g_assert_true (delete_enabled (fixture));
  g_assert_cmpint (fixture->deleted_id, ==, 0);
  still = steward_test_get_datastore (fixture->demo->client, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_datastore_get_name (still), ==, "Customer 360");
}

static void
test_delete_datastore_without_metrics (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"id\": 18, \"name\": \"Orders OLTP\"}", NULL);
  g_autoptr(StewardDatastore) datastore =
      steward_datastore_new_from_json (json_node_get_object (node));

  /* An abbreviated object has no metrics: the body says what goes without a count. */
  present_dialog (fixture, steward_delete_datastore_dialog_new (fixture->parent,
                                                                fixture->demo->client, datastore));
  g_assert_cmpstr (adw_message_dialog_get_body (fixture->dialog), ==,
                   "This is permanent. All its containers, checks, anomalies and enrichment data "
                   "are deleted with it.");

  /* Escape closes it without a word to the server. */
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  g_assert_true (steward_test_wait_until (closed_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (steward_demo_server_count_requests (fixture->demo->server, "DELETE",
                                                        "/api/datastores/18"), ==, 0);
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
  ADD ("/delete-group/ungroups-its-datastores", STEWARD_DEMO_ROLE_MANAGER, test_delete_group);
  ADD ("/delete-group/body-and-cancel", STEWARD_DEMO_ROLE_MANAGER, test_delete_group_bodies);
  ADD ("/delete-group/forbidden-for-member", STEWARD_DEMO_ROLE_MEMBER, test_delete_group_forbidden);
  ADD ("/delete-datastore/requires-typed-name", STEWARD_DEMO_ROLE_ADMIN,
       test_delete_datastore_typed_name);
  ADD ("/delete-datastore/forbidden-for-manager", STEWARD_DEMO_ROLE_MANAGER,
       test_delete_datastore_forbidden);
  ADD ("/delete-datastore/without-metrics", STEWARD_DEMO_ROLE_ADMIN,
       test_delete_datastore_without_metrics);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
