/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The create dialog against the demo server: JDBC with a new connection and with an existing
 * one, DFS (refused without a root path), an inline new group and an existing one, enrichment,
 * a 422 only the server finds, the client's own checks, a 403, the sync started on create
 * followed to success, a create over a failed connection test (asked first), the server's
 * connector forms, and secrets that never reach the log. */
#include <adwaita.h>
#include <string.h>

#include "steward-create-datastore-dialog.h"
#include "steward-group-icon-picker.h"
#include "steward-test-demo.h"
#include "steward-test-utils.h"

#define DATASTORES_PATH "/api/datastores"

/* Everything logged while the tests run, G_MESSAGES_DEBUG=all. */
static GString *log_text;

static GLogWriterOutput
record_log_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "MESSAGE") != 0 &&
          g_strcmp0 (fields[i].key, "GLIB_DOMAIN") != 0)
        continue;
      if (fields[i].length < 0)
        g_string_append (log_text, fields[i].value);
      else
        g_string_append_len (log_text, fields[i].value, fields[i].length);
      g_string_append_c (log_text, ' ');
    }
  g_string_append_c (log_text, '\n');

  /* Warnings and worse still show, and still fail the test. */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

typedef struct
{
  StewardDatastore *datastore;
  gboolean          sync_started;
  guint             count;
} Created;

static void
created_cb (StewardCreateDatastoreDialog *dialog,
            StewardDatastore             *datastore,
            gboolean                      sync_started,
            Created                      *created)
{
  g_set_object (&created->datastore, datastore);
  created->sync_started = sync_started;
  created->count++;
}

static void
created_clear (Created *created)
{
  g_clear_object (&created->datastore);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Created, created_clear)

static gboolean
mapped_cb (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static gboolean
loaded_cb (gpointer user_data)
{
  return !steward_create_datastore_dialog_get_loading (user_data);
}

static gboolean
idle_or_closed_cb (gpointer user_data)
{
  StewardCreateDatastoreDialog **dialog = user_data;

  return *dialog == NULL || !steward_create_datastore_dialog_get_busy (*dialog);
}

static StewardCreateDatastoreDialog *
open_dialog (StewardTestDemo *demo,
             GListModel      *groups,
             Created         *created)
{
  StewardCreateDatastoreDialog *dialog =
      steward_create_datastore_dialog_new (NULL, demo->client, groups);

  if (created != NULL)
    g_signal_connect (dialog, "created", G_CALLBACK (created_cb), created);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (steward_test_wait_until (mapped_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (loaded_cb, dialog, STEWARD_TEST_TIMEOUT_MS));
  return dialog;
}

/* A click: the button must be on screen and sensitive. */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Returns whether the dialog closed, as it does once the datastore is created. */
static gboolean
press_create (StewardCreateDatastoreDialog *dialog)
{
  StewardCreateDatastoreDialog *alive = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &alive);
  click (steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate"));
  g_assert_true (steward_test_wait_until (idle_or_closed_cb, &alive, STEWARD_TEST_TIMEOUT_MS));
  if (alive == NULL)
    return TRUE;

  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &alive);
  return FALSE;
}

static GtkWidget *
find_row (StewardCreateDatastoreDialog *dialog,
          GType                         type,
          const char                   *title)
{
  GtkWidget *row = steward_test_find_widget (GTK_WIDGET (dialog), type, title);

  g_assert_nonnull (row);
  return row;
}

static void
type_into (StewardCreateDatastoreDialog *dialog,
           const char                   *title,
           const char                   *text)
{
  GtkWidget *row = find_row (dialog, ADW_TYPE_ENTRY_ROW, title);

  g_assert_true (gtk_widget_get_mapped (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
text_of (StewardCreateDatastoreDialog *dialog,
         const char                   *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_row (dialog, ADW_TYPE_ENTRY_ROW, title)));
}

/* The description is a text view, under the "Description" heading. */
static void
type_description (StewardCreateDatastoreDialog *dialog,
                  const char                   *text)
{
  GtkWidget *view = steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, NULL);

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
fill_postgresql (StewardCreateDatastoreDialog *dialog,
                 const char                   *host,
                 const char                   *password)
{
  StewardConnectorForm *form = steward_create_datastore_dialog_get_form (dialog);

  g_assert_true (steward_connector_form_select_type (form, "postgresql"));
  g_assert_true (steward_connector_form_set_value (form, "host", host));
  g_assert_true (steward_connector_form_set_value (form, "username", "qualytics_reader"));
  g_assert_true (steward_connector_form_set_value (form, "password", password));
}

static guint
count_creates (StewardTestDemo *demo)
{
  return steward_demo_server_count_requests (demo->server, "POST", DATASTORES_PATH);
}

static JsonObject *
last_create_body (StewardTestDemo *demo)
{
  g_autofree char *body = steward_test_demo_last_body (demo, "POST", DATASTORES_PATH);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (body);
  g_assert_true (json_parser_load_from_data (parser, body, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gboolean
sync_requested (JsonObject *body)
{
  return json_object_get_boolean_member_with_default (body, "trigger_catalog", FALSE) ||
         json_object_get_boolean_member_with_default (body, "trigger_sync", FALSE);
}

static void
test_jdbc_new_connection (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, &created);
  g_autoptr(StewardDatastore) fetched = NULL;
  g_autoptr(JsonObject) body = NULL;
  JsonObject *connection;

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  type_into (dialog, "Name", "Sales Replica");
  type_description (dialog, "Read replica of production sales");
  fill_postgresql (dialog, "db.acme-corp.com", "s3cur3_p4ssw0rd");
  type_into (dialog, "Database", "production");
  type_into (dialog, "Schema", "sales");
  /* Teams and tags are chips: a comma ends each, and what is still typed is added on Create. */
  type_into (dialog, "Add Team", "Data Platform, Analytics");
  type_into (dialog, "Add Tag", "production,  postgresql ,");
  /* The placement of a JDBC datastore: no root path. */
  g_assert_false (gtk_widget_get_mapped (find_row (dialog, ADW_TYPE_ENTRY_ROW, "Root Path")));

  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 1);
  g_assert_true (created.sync_started);

  body = last_create_body (demo);
  g_assert_true (json_object_has_member (body, "connection"));
  g_assert_false (json_object_has_member (body, "connection_id"));
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "Sales Replica");
  g_assert_cmpstr (json_object_get_string_member (body, "description"), ==,
                   "Read replica of production sales");
  g_assert_cmpstr (json_object_get_string_member (body, "database"), ==, "production");
  g_assert_cmpstr (json_object_get_string_member (body, "schema"), ==, "sales");
  g_assert_false (json_object_has_member (body, "root_path"));
  g_assert_false (json_object_has_member (body, "group"));
  g_assert_false (json_object_has_member (body, "group_id"));
  g_assert_false (json_object_has_member (body, "enrichment_datastore_id"));
  g_assert_true (sync_requested (body));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "teams")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (body, "tags"), 1),
                   ==, "postgresql");

  connection = json_object_get_object_member (body, "connection");
  g_assert_cmpstr (json_object_get_string_member (connection, "type"), ==, "postgresql");
  /* Named after the datastore, as nothing else was typed. */
  g_assert_cmpstr (json_object_get_string_member (connection, "name"), ==, "Sales Replica");
  g_assert_cmpstr (json_object_get_string_member (connection, "host"), ==, "db.acme-corp.com");
  g_assert_cmpint (json_object_get_int_member (connection, "port"), ==, 5432);
  g_assert_cmpstr (json_object_get_string_member (connection, "username"), ==, "qualytics_reader");
  g_assert_cmpstr (json_object_get_string_member (connection, "password"), ==, "s3cur3_p4ssw0rd");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (connection,
                                                                                 "parameters"),
                                                  "sslmode"),
                   ==, "prefer");

  /* The datastore exists on the server. */
  fetched = steward_test_get_datastore (demo->client, steward_datastore_get_id (created.datastore),
                                        NULL);
  g_assert_cmpstr (steward_datastore_get_name (fetched), ==, "Sales Replica");
  g_assert_cmpstr (steward_datastore_get_schema (fetched), ==, "sales");
  g_assert_cmpstr (steward_datastore_get_connection_type (fetched), ==, "postgresql");
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

typedef struct
{
  GtkWidget *list;
  guint      n;
} Rows;

static gboolean
has_rows_cb (gpointer user_data)
{
  Rows *rows = user_data;

  return count_rows (rows->list) == rows->n;
}

static void
test_existing_connection (void)
{
  Rows rows;
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, &created);
  g_autoptr(JsonObject) body = NULL;
  GtkWidget *list;
  GtkWidget *row;
  guint all;

  type_into (dialog, "Name", "Production Finance");
  click (steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "_Existing"));
  g_assert_false (
      gtk_widget_get_mapped (GTK_WIDGET (steward_create_datastore_dialog_get_form (dialog))));

  /* A searchable list of the deployment's connections. */
  row = steward_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "postgres_production");
  g_assert_nonnull (row);
  list = gtk_widget_get_parent (row);
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_true (gtk_widget_get_mapped (list));
  all = count_rows (list);
  g_assert_cmpuint (all, >=, 4);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "postgresql"));

  /* The search entry reports a search a moment after the typing stops. */
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                 GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "S3");
  rows.list = list;
  rows.n = 1;
  g_assert_true (steward_test_wait_until (has_rows_cb, &rows, STEWARD_TEST_TIMEOUT_MS));
  g_assert_nonnull (steward_test_find_widget (list, ADW_TYPE_ACTION_ROW, "s3_data_lake"));
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (GTK_WIDGET (dialog),
                                                                 GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "");
  rows.n = all;
  g_assert_true (steward_test_wait_until (has_rows_cb, &rows, STEWARD_TEST_TIMEOUT_MS));

  /* Create is refused until a connection is chosen. */
  g_assert_false (press_create (dialog));
  g_assert_cmpuint (count_creates (demo), ==, 0);
  g_assert_cmpstr (steward_create_datastore_dialog_get_field_message (dialog, "connection_id"), ==,
                   "Choose a connection");

  row = steward_test_find_widget (list, ADW_TYPE_ACTION_ROW, "postgres_production");
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_null (steward_create_datastore_dialog_get_field_message (dialog, "connection_id"));
  type_into (dialog, "Database", "production");
  type_into (dialog, "Schema", "finance");

  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 1);
  body = last_create_body (demo);
  g_assert_cmpint (json_object_get_int_member (body, "connection_id"), ==, 7);
  g_assert_false (json_object_has_member (body, "connection"));
  g_assert_cmpstr (json_object_get_string_member (body, "schema"), ==, "finance");
  g_assert_cmpint (steward_datastore_get_connection_id (created.datastore), ==, 7);
}

/* A DFS datastore needs its root path: nothing is sent without it. */
static void
test_dfs_root_path (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, &created);
  StewardConnectorForm *form = steward_create_datastore_dialog_get_form (dialog);
  g_autoptr(JsonObject) body = NULL;
  JsonObject *connection;
  GtkWidget *root_path;
  GtkWidget *focus;

  type_into (dialog, "Name", "Raw Events S3");
  g_assert_true (steward_connector_form_select_type (form, "s3"));
  steward_connector_form_set_value (form, "uri", "s3://acme-data-lake");
  steward_connector_form_set_value (form, "access_key", "AKIAIOSFODNN7EXAMPLE");
  steward_connector_form_set_value (form, "secret_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE");

  /* DFS placement: root path and folder globbing, no database or schema. */
  root_path = find_row (dialog, ADW_TYPE_ENTRY_ROW, "Root Path");
  g_assert_true (gtk_widget_get_mapped (root_path));
  g_assert_true (gtk_widget_get_mapped (find_row (dialog, ADW_TYPE_ACTION_ROW, "Folder Globbing")));
  g_assert_false (gtk_widget_get_mapped (find_row (dialog, ADW_TYPE_ENTRY_ROW, "Database")));

  g_assert_false (press_create (dialog));
  g_assert_cmpuint (count_creates (demo), ==, 0);
  g_assert_cmpuint (created.count, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (steward_create_datastore_dialog_get_field_message (dialog, "root_path"), ==,
                   "A file-system datastore needs a root path");
  g_assert_true (gtk_widget_has_css_class (root_path, "error"));
  g_assert_nonnull (steward_create_datastore_dialog_get_error_message (dialog));
  /* The marked field has the focus, scrolled into view. */
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == root_path || gtk_widget_is_ancestor (focus, root_path));

  type_into (dialog, "Root Path", "/raw/events/2026/");
  g_assert_false (gtk_widget_has_css_class (root_path, "error"));
  gtk_switch_set_active (GTK_SWITCH (
                             steward_test_find_widget (find_row (dialog, ADW_TYPE_ACTION_ROW,
                                                                 "Folder Globbing"),
                                                       GTK_TYPE_SWITCH, NULL)),
                         TRUE);
  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 1);

  body = last_create_body (demo);
  g_assert_cmpstr (json_object_get_string_member (body, "root_path"), ==, "/raw/events/2026/");
  g_assert_true (json_object_get_boolean_member (body, "folder_globbing_enabled"));
  g_assert_false (json_object_has_member (body, "database"));
  g_assert_false (json_object_has_member (body, "schema"));
  connection = json_object_get_object_member (body, "connection");
  g_assert_cmpstr (json_object_get_string_member (connection, "type"), ==, "s3");
  g_assert_cmpstr (json_object_get_string_member (connection, "uri"), ==, "s3://acme-data-lake");
  g_assert_cmpstr (json_object_get_string_member (connection, "secret_key"), ==,
                   "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE");
  g_assert_true (steward_datastore_is_dfs (created.datastore));
  g_assert_cmpstr (steward_datastore_get_root_path (created.datastore), ==, "/raw/events/2026/");
}

static void
test_new_group (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_autoptr(GListModel) groups = steward_test_list_groups (demo->client);
  g_autoptr(GListModel) groups_after = NULL;
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, groups, &created);
  g_autoptr(JsonObject) body = NULL;
  AdwComboRow *group_row = ADW_COMBO_ROW (find_row (dialog, ADW_TYPE_COMBO_ROW, "Group"));
  GtkWidget *icon_picker = find_row (dialog, STEWARD_TYPE_GROUP_ICON_PICKER, NULL);
  GtkWidget *name_row = find_row (dialog, ADW_TYPE_ENTRY_ROW, "New Group Name");
  JsonObject *group;
  gboolean found = FALSE;

  type_into (dialog, "Name", "Quarterly Close");
  g_assert_true (steward_create_datastore_dialog_select_connection (dialog, 7));

  /* None, New Group…, then the deployment's groups. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (group_row)), ==,
                    2 + g_list_model_get_n_items (groups));
  g_assert_false (gtk_widget_get_mapped (name_row));
  adw_combo_row_set_selected (group_row, 1);
  g_assert_true (gtk_widget_get_mapped (name_row));
  g_assert_true (gtk_widget_get_mapped (icon_picker));

  /* The group needs a name; the client says so before sending. */
  g_assert_false (press_create (dialog));
  g_assert_cmpuint (count_creates (demo), ==, 0);
  g_assert_nonnull (steward_create_datastore_dialog_get_field_message (dialog, "group.name"));

  type_into (dialog, "New Group Name", "Finance Close");
  /* The ten icons the server knows. */
  g_assert_cmpuint (count_rows (steward_test_find_widget (icon_picker, GTK_TYPE_FLOW_BOX, NULL)),
                    ==, 10);
  steward_group_icon_picker_set_icon (STEWARD_GROUP_ICON_PICKER (icon_picker), "mdi-podium-gold");
  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 1);

  body = last_create_body (demo);
  g_assert_false (json_object_has_member (body, "group_id"));
  group = json_object_get_object_member (body, "group");
  g_assert_cmpstr (json_object_get_string_member (group, "name"), ==, "Finance Close");
  g_assert_cmpstr (json_object_get_string_member (group, "icon"), ==, "mdi-podium-gold");

  groups_after = steward_test_list_groups (demo->client);
  for (guint i = 0; i < g_list_model_get_n_items (groups_after); i++)
    {
      g_autoptr(StewardDatastoreGroup) item = g_list_model_get_item (groups_after, i);

      if (g_strcmp0 (steward_datastore_group_get_name (item), "Finance Close") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (steward_datastore_group_get_icon (item), ==, "mdi-podium-gold");
          g_assert_cmpint (steward_datastore_group_get_id (item), ==,
                           steward_datastore_group_get_id (
                               steward_datastore_get_group (created.datastore)));
        }
    }
  g_assert_true (found);
}

static void
test_existing_group_and_enrichment (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_autoptr(GListModel) groups = steward_test_list_groups (demo->client);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, groups, &created);
  g_autoptr(JsonObject) body = NULL;
  AdwComboRow *group_row = ADW_COMBO_ROW (find_row (dialog, ADW_TYPE_COMBO_ROW, "Group"));
  AdwExpanderRow *enrichment = ADW_EXPANDER_ROW (find_row (dialog, ADW_TYPE_EXPANDER_ROW,
                                                           "Link an Enrichment Datastore"));
  AdwComboRow *enrichment_row;
  GtkWidget *preview;
  g_autoptr(StewardDatastoreGroup) group = NULL;
  guint position = G_MAXUINT;

  type_into (dialog, "Name", "Claims Warehouse");
  g_assert_true (steward_create_datastore_dialog_select_connection (dialog, 7));
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(StewardDatastoreGroup) item = g_list_model_get_item (groups, i);

      if (steward_datastore_group_get_id (item) == 5)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  adw_combo_row_set_selected (group_row, 2 + position);

  /* Enrichment: the deployment's enrichment-only datastores, a live prefix preview. */
  adw_expander_row_set_enable_expansion (enrichment, TRUE);
  adw_expander_row_set_expanded (enrichment, TRUE);
  enrichment_row = ADW_COMBO_ROW (find_row (dialog, ADW_TYPE_COMBO_ROW, "Enrichment Datastore"));
  /* The rows show once the expander has opened. */
  g_assert_true (steward_test_wait_until (mapped_cb, enrichment_row, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (enrichment_row)), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (enrichment_row)); i++)
    {
      g_autoptr(StewardDatastore) item =
          g_list_model_get_item (adw_combo_row_get_model (enrichment_row), i);

      g_assert_true (steward_datastore_get_enrichment_only (item));
      if (steward_datastore_get_id (item) == 100)
        adw_combo_row_set_selected (enrichment_row, i);
    }

  preview = find_row (dialog, ADW_TYPE_ACTION_ROW, "Enrichment Tables Start With");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (preview)), ==,
                   "_claims_warehouse (from the name)");
  type_into (dialog, "Table Prefix (optional)", "Claims Mirror 2026");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (preview)), ==,
                   "_claims_mirror_2026");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (
                                 steward_test_find_widget (find_row (dialog, ADW_TYPE_ACTION_ROW,
                                                                     "Source Record Limit"),
                                                           GTK_TYPE_SPIN_BUTTON, NULL)),
                             250);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (
                                 steward_test_find_widget (find_row (dialog, ADW_TYPE_ACTION_ROW,
                                                                     "Rollup Threshold"),
                                                           GTK_TYPE_SPIN_BUTTON, NULL)),
                             5000);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, ADW_TYPE_COMBO_ROW, "Remediation")),
                              1);
  gtk_switch_set_active (GTK_SWITCH (
                             steward_test_find_widget (find_row (dialog, ADW_TYPE_ACTION_ROW,
                                                                 "Start a Sync After Creating"),
                                                       GTK_TYPE_SWITCH, NULL)),
                         FALSE);

  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 1);
  g_assert_false (created.sync_started);

  body = last_create_body (demo);
  g_assert_cmpint (json_object_get_int_member (body, "group_id"), ==, 5);
  g_assert_false (json_object_has_member (body, "group"));
  g_assert_cmpint (json_object_get_int_member (body, "enrichment_datastore_id"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (body, "enrichment_prefix"), ==,
                   "Claims Mirror 2026");
  g_assert_cmpint (json_object_get_int_member (body, "enrichment_source_record_limit"), ==, 250);
  /* The spin button keeps the threshold within 1–1,000. */
  g_assert_cmpint (json_object_get_int_member (body, "high_count_rollup_threshold"), ==, 1000);
  g_assert_cmpstr (json_object_get_string_member (body, "enrichment_remediation_strategy"), ==,
                   "append");
  g_assert_false (sync_requested (body));

  g_assert_cmpint (steward_datastore_get_group_id (created.datastore), ==, 5);
  g_assert_cmpint (steward_datastore_get_enrichment_datastore_id (created.datastore), ==, 100);
}

/* A host longer than the server's 2,048 characters: the client has no such limit, so only the
 * server's 422 can find it. */
static void
test_server_rejects (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, &created);
  StewardConnectorForm *form = steward_create_datastore_dialog_get_form (dialog);
  g_autofree char *host = g_strnfill (2100, 'h');
  GtkWidget *host_row;
  const char *message;

  type_into (dialog, "Name", "Too Long");
  fill_postgresql (dialog, host, "kept-password");
  type_into (dialog, "Schema", "sales");

  g_assert_false (press_create (dialog));
  g_assert_cmpuint (count_creates (demo), ==, 1);
  g_assert_cmpuint (created.count, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* The server's field, marked on its row, with its message. */
  message = steward_create_datastore_dialog_get_field_message (dialog, "connection.host");
  g_assert_nonnull (message);
  /* The demo names the host twice: too long, hence missing. */
  g_assert_true (strstr (message, "2048") != NULL || strstr (message, "host") != NULL);
  host_row = steward_connector_form_get_row (form, "host");
  g_assert_true (gtk_widget_has_css_class (host_row, "error"));
  g_assert_nonnull (steward_create_datastore_dialog_get_error_message (dialog));

  /* Everything typed is still there, the password included. */
  g_assert_cmpstr (text_of (dialog, "Name"), ==, "Too Long");
  g_assert_cmpstr (text_of (dialog, "Schema"), ==, "sales");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (host_row)), ==, host);
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "password"))),
                   ==, "kept-password");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "username"))),
                   ==, "qualytics_reader");

  /* Fixed, it goes through. */
  steward_connector_form_set_value (form, "host", "db.acme-corp.com");
  g_assert_null (steward_create_datastore_dialog_get_field_message (dialog, "connection.host"));
  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 1);
}

/* What the client can check is checked before anything is sent, all at once. */
static void
test_client_checks (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, NULL);
  g_autofree char *long_description = g_strnfill (256, 'd');

  type_description (dialog, long_description);
  g_assert_true (
      steward_connector_form_select_type (steward_create_datastore_dialog_get_form (dialog),
                                          "postgresql"));
  g_assert_false (press_create (dialog));

  g_assert_cmpuint (count_creates (demo), ==, 0);
  g_assert_cmpstr (steward_create_datastore_dialog_get_field_message (dialog, "name"), ==,
                   "The datastore needs a name");
  g_assert_nonnull (steward_create_datastore_dialog_get_field_message (dialog, "description"));
  g_assert_cmpstr (steward_create_datastore_dialog_get_field_message (dialog, "connection.host"),
                   ==, "This field is required");
  g_assert_cmpstr (steward_create_datastore_dialog_get_field_message (dialog, "connection.name"),
                   ==, "The connection needs a name");
  g_assert_true (gtk_widget_has_css_class (find_row (dialog, ADW_TYPE_ENTRY_ROW, "Name"), "error"));

  /* Typing a name names the connection too. */
  type_into (dialog, "Name", "Named");
  g_assert_null (steward_create_datastore_dialog_get_field_message (dialog, "name"));
  g_assert_false (press_create (dialog));
  g_assert_null (steward_create_datastore_dialog_get_field_message (dialog, "connection.name"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_forbidden (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MEMBER);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, &created);
  const char *message;

  type_into (dialog, "Name", "Not Allowed");
  fill_postgresql (dialog, "db.acme-corp.com", "pw");
  g_assert_false (press_create (dialog));

  g_assert_cmpuint (count_creates (demo), ==, 1);
  g_assert_cmpuint (created.count, ==, 0);
  message = steward_create_datastore_dialog_get_error_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Manager"));
  g_assert_nonnull (steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, message));
  g_assert_cmpstr (text_of (dialog, "Name"), ==, "Not Allowed");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
operation_found_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  guint *notified = user_data;

  (*notified)++;
}

/* What the window that opened the dialog does after ::created. */
static void
test_sync_followed (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, &created);
  g_autoptr(StewardSyncFollower) follower = NULL;
  g_autoptr(StewardOperation) operation = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  type_into (dialog, "Name", "Followed Sales");
  g_assert_true (steward_create_datastore_dialog_select_connection (dialog, 7));
  type_into (dialog, "Schema", "sales");
  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 1);
  g_assert_true (created.sync_started);

  follower = steward_sync_follower_new (demo->client, steward_datastore_get_id (created.datastore));
  g_signal_connect (follower, "notify::operation", G_CALLBACK (operation_found_cb), &notified);
  steward_sync_follower_follow_async (follower, 50, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  operation = steward_sync_follower_follow_finish (follower, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (steward_operation_get_datastore_id (operation), ==,
                   steward_datastore_get_id (created.datastore));
  g_assert_cmpint (steward_operation_get_result (operation), ==, STEWARD_OPERATION_SUCCESS);
}

static gboolean
tester_done_cb (gpointer user_data)
{
  StewardConnectionTesterState state = steward_connection_tester_get_state (user_data);

  return state == STEWARD_CONNECTION_TESTER_SUCCEEDED || state == STEWARD_CONNECTION_TESTER_FAILED;
}

static void
run_test_connection (StewardCreateDatastoreDialog *dialog)
{
  StewardConnectionTester *tester = steward_create_datastore_dialog_get_tester (dialog);

  click (steward_connection_tester_get_button (tester));
  g_assert_true (steward_test_wait_until (tester_done_cb, tester, STEWARD_TEST_TIMEOUT_MS));
}

/* The same tester inside the create dialog, for a new connection only. */
static void
test_connection_test_inside (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, NULL);
  StewardConnectionTester *tester = steward_create_datastore_dialog_get_tester (dialog);
  g_autofree char *body = NULL;

  type_into (dialog, "Name", "Tested");
  fill_postgresql (dialog, "refused.acme-corp.com", "pw");
  type_into (dialog, "Database", "production");
  run_test_connection (dialog);
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_FAILED);
  g_assert_cmpstr (steward_connection_tester_get_message (tester), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  g_assert_cmpstr (steward_connection_tester_get_hint (tester), ==,
                   steward_connection_problem_get_hint (STEWARD_CONNECTION_PROBLEM_REFUSED));
  body = steward_test_demo_last_body (demo, "POST", "/api/datastores/connection");
  g_assert_nonnull (strstr (body, "\"database\":\"production\""));

  steward_connector_form_set_value (steward_create_datastore_dialog_get_form (dialog), "host",
                                    "db.acme-corp.com");
  run_test_connection (dialog);
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_SUCCEEDED);
  g_assert_cmpuint (count_creates (demo), ==, 0);

  click (steward_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, "_Existing"));
  g_assert_false (gtk_widget_get_mapped (steward_connection_tester_get_button (tester)));

  gtk_window_destroy (GTK_WINDOW (dialog));
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

static gboolean
closed_or_created_cb (gpointer user_data)
{
  StewardCreateDatastoreDialog **dialog = user_data;

  return *dialog == NULL;
}

/* Presses one of the confirmation's buttons, as a user would, and waits for it to go. */
static void
answer_confirmation (AdwMessageDialog *confirm,
                     const char       *label)
{
  click (steward_test_find_widget (GTK_WIDGET (confirm), GTK_TYPE_BUTTON, label));
  g_assert_true (steward_test_wait_until (message_dialog_gone_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
}

/* Creating over a failed connection test asks first, and nothing is sent until the user agrees;
 * editing the connection forgets the failure, and Create no longer asks. */
static void
test_create_after_failed_test (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, &created);
  StewardCreateDatastoreDialog *alive = dialog;
  StewardConnectionTester *tester = steward_create_datastore_dialog_get_tester (dialog);
  StewardConnectorForm *form;
  AdwMessageDialog *confirm;
  g_autoptr(JsonObject) body = NULL;

  type_into (dialog, "Name", "Unreachable Sales");
  fill_postgresql (dialog, "refused.acme-corp.com", "pw");
  run_test_connection (dialog);
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_FAILED);

  /* Create asks, naming the failure in plain text, and sends nothing. */
  g_assert_false (press_create (dialog));
  g_assert_true (steward_test_wait_until (message_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  confirm = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (confirm)) == GTK_WINDOW (dialog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (confirm)));
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Create Anyway?");
  g_assert_cmpstr (adw_message_dialog_get_body (confirm), ==,
                   "The connection test failed: Connection refused: could not connect to server at "
                   "refused.acme-corp.com:5432. Create the datastore anyway?");
  g_assert_false (adw_message_dialog_get_body_use_markup (confirm));
  g_assert_cmpstr (adw_message_dialog_get_default_response (confirm), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (confirm), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "create"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpuint (count_creates (demo), ==, 0);

  /* Cancel: still nothing sent, and the form is as typed. */
  answer_confirmation (confirm, "_Cancel");
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_cmpuint (count_creates (demo), ==, 0);
  g_assert_cmpuint (created.count, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (text_of (dialog, "Name"), ==, "Unreachable Sales");
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_FAILED);

  /* Agreed: exactly one create. */
  g_assert_false (press_create (dialog));
  g_assert_true (steward_test_wait_until (message_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  confirm = ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &alive);
  answer_confirmation (confirm, "C_reate Anyway");
  g_assert_true (steward_test_wait_until (closed_or_created_cb, &alive, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (created.count, ==, 1);
  g_assert_cmpuint (count_creates (demo), ==, 1);
  body = last_create_body (demo);
  g_assert_cmpstr (json_object_get_string_member (body, "name"), ==, "Unreachable Sales");

  /* A changed connection forgets the failed test: Create goes ahead without asking. */
  dialog = open_dialog (demo, NULL, &created);
  tester = steward_create_datastore_dialog_get_tester (dialog);
  type_into (dialog, "Name", "Reachable Sales");
  fill_postgresql (dialog, "refused.acme-corp.com", "pw");
  run_test_connection (dialog);
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_FAILED);
  form = steward_create_datastore_dialog_get_form (dialog);
  g_assert_true (steward_connector_form_set_value (form, "host", "db.acme-corp.com"));
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_IDLE);
  g_assert_null (steward_connection_tester_get_message (tester));
  g_assert_true (press_create (dialog));
  g_assert_null (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (created.count, ==, 2);
  g_assert_cmpuint (count_creates (demo), ==, 2);

  /* A dialog destroyed while it asks takes the question with it. */
  dialog = open_dialog (demo, NULL, &created);
  type_into (dialog, "Name", "Abandoned Sales");
  fill_postgresql (dialog, "refused.acme-corp.com", "pw");
  run_test_connection (dialog);
  g_assert_false (press_create (dialog));
  g_assert_true (steward_test_wait_until (message_dialog_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (steward_test_wait_until (message_dialog_gone_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (count_creates (demo), ==, 2);
}

static void
test_server_specifications (void)
{
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new_full (STEWARD_DEMO_ROLE_MANAGER,
                                                                "serve-specifications", TRUE, NULL);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog = open_dialog (demo, NULL, &created);
  StewardConnectorForm *form = steward_create_datastore_dialog_get_form (dialog);
  g_autoptr(JsonObject) body = NULL;
  JsonObject *connection;

  type_into (dialog, "Name", "Snowflake Sales");
  g_assert_true (steward_connector_form_select_type (form, "snowflake"));
  g_assert_cmpint (steward_connector_spec_get_origin (steward_connector_form_get_spec (form)), ==,
                   STEWARD_CONNECTOR_ORIGIN_SERVER);
  steward_connector_form_set_value (form, "host", "acme.snowflakecomputing.com");
  steward_connector_form_set_value (form, "username", "qualytics_user");
  steward_connector_form_set_value (form, "password", "pw");
  steward_connector_form_set_value (form, "parameters.role", "QUALYTICS_READ_ROLE");
  steward_connector_form_set_value (form, "parameters.warehouse", "QUALYTICS_WH");
  type_into (dialog, "Database", "production_db");
  type_into (dialog, "Schema", "public");
  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 1);

  body = last_create_body (demo);
  connection = json_object_get_object_member (body, "connection");
  g_assert_cmpstr (json_object_get_string_member (connection, "type"), ==, "snowflake");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (connection,
                                                                                 "parameters"),
                                                  "role"),
                   ==, "QUALYTICS_READ_ROLE");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (connection,
                                                                                 "parameters"),
                                                  "authentication_type"),
                   ==, "password");
  g_assert_false (json_object_has_member (connection, "role"));
}

static void
closed_cb (GtkWindow *window,
           gpointer   user_data)
{
  char **password = user_data;
  StewardConnectorForm *form =
      steward_create_datastore_dialog_get_form (STEWARD_CREATE_DATASTORE_DIALOG (window));
  GtkWidget *row = steward_connector_form_get_row (form, "password");

  *password = g_strdup (row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : "(no row)");
}

/* A create and a connection test with a password and an S3 secret key, logged at debug level:
 * neither secret appears, and the forms are empty when the dialog is opened again. */
static void
test_secrets_never_logged (void)
{
  static const char password[] = "Pg-Secret-3141-5926";
  static const char secret_key[] = "S3-Secret-Key-2718-2818";
  g_autoptr(StewardTestDemo) demo = steward_test_demo_new (STEWARD_DEMO_ROLE_MANAGER);
  g_auto(Created) created = { NULL };
  StewardCreateDatastoreDialog *dialog;
  StewardConnectorForm *form;
  g_autofree char *password_at_close = NULL;
  g_autofree char *body = NULL;

  g_string_truncate (log_text, 0);

  dialog = open_dialog (demo, NULL, &created);
  type_into (dialog, "Name", "Logged Sales");
  fill_postgresql (dialog, "db.acme-corp.com", password);
  run_test_connection (dialog);
  g_assert_cmpint (steward_connection_tester_get_state (
                       steward_create_datastore_dialog_get_tester (dialog)),
                   ==, STEWARD_CONNECTION_TESTER_SUCCEEDED);
  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 1);

  dialog = open_dialog (demo, NULL, &created);
  form = steward_create_datastore_dialog_get_form (dialog);
  type_into (dialog, "Name", "Logged Events");
  g_assert_true (steward_connector_form_select_type (form, "s3"));
  steward_connector_form_set_value (form, "uri", "s3://acme-data-lake");
  steward_connector_form_set_value (form, "access_key", "AKIAIOSFODNN7EXAMPLE");
  steward_connector_form_set_value (form, "secret_key", secret_key);
  type_into (dialog, "Root Path", "/raw/");
  run_test_connection (dialog);
  g_assert_true (press_create (dialog));
  g_assert_cmpuint (created.count, ==, 2);

  /* The secrets went to the server… */
  body = steward_test_demo_last_body (demo, "POST", DATASTORES_PATH);
  g_assert_nonnull (strstr (body, secret_key));

  /* …and nowhere into the log, which did record the requests. */
  g_assert_nonnull (strstr (log_text->str, "POST"));
  g_assert_nonnull (strstr (log_text->str, "steward-transport"));
  g_assert_null (strstr (log_text->str, password));
  g_assert_null (strstr (log_text->str, secret_key));

  /* Reopened after typing a secret and closing: empty. */
  dialog = open_dialog (demo, NULL, NULL);
  fill_postgresql (dialog, "db.acme-corp.com", password);
  g_signal_connect_after (dialog, "close-request", G_CALLBACK (closed_cb), &password_at_close);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpstr (password_at_close, ==, "");

  dialog = open_dialog (demo, NULL, NULL);
  form = steward_create_datastore_dialog_get_form (dialog);
  g_assert_true (steward_connector_form_select_type (form, "postgresql"));
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "password"))),
                   ==, "");
  g_assert_true (steward_connector_form_select_type (form, "s3"));
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (form, "secret_key"))),
                   ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_null (strstr (log_text->str, password));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (record_log_cb, NULL, NULL);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/create/jdbc-new-connection", test_jdbc_new_connection);
  g_test_add_func ("/create/existing-connection", test_existing_connection);
  g_test_add_func ("/create/dfs-root-path", test_dfs_root_path);
  g_test_add_func ("/create/new-group", test_new_group);
  g_test_add_func ("/create/existing-group-and-enrichment", test_existing_group_and_enrichment);
  g_test_add_func ("/create/server-rejects", test_server_rejects);
  g_test_add_func ("/create/client-checks", test_client_checks);
  g_test_add_func ("/create/forbidden", test_forbidden);
  g_test_add_func ("/create/sync-followed", test_sync_followed);
  g_test_add_func ("/create/connection-test-inside", test_connection_test_inside);
  g_test_add_func ("/create/create-after-failed-test", test_create_after_failed_test);
  g_test_add_func ("/create/server-specifications", test_server_specifications);
  g_test_add_func ("/create/secrets-never-logged", test_secrets_never_logged);

  status = g_test_run ();
  g_string_free (log_text, TRUE);
  return status;
}
