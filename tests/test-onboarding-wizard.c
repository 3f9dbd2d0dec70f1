/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The multi-schema onboarding wizard against the demo server, in real windows: an existing
 * connection and a new one end to end, a schema that fails validation skipped, 120 schemas
 * validated in batches of at most 50, a partial bulk failure and Retry Failed, root paths of a
 * file-system connection, the name template's preview and its flags, a failed discovery and its
 * Retry, closing half way, a member refused, the main window's entry point, and how long 100
 * schemas take. */
#include <adwaita.h>
#include <string.h>

#include "steward-chip-editor.h"
#include "steward-connection-tester.h"
#include "steward-group-icon-picker.h"
#include "steward-connector-form.h"
#include "steward-datastore-table.h"
#include "steward-main-view.h"
#include "steward-onboarding-connection-page.h"
#include "steward-onboarding-paths-page.h"
#include "steward-onboarding-results-page.h"
#include "steward-onboarding-schemas-page.h"
#include "steward-onboarding-settings-page.h"
#include "steward-onboarding-validate-page.h"
#include "steward-onboarding-wizard.h"
#include "steward-test-demo.h"
#include "steward-test-notifications.h"
#include "steward-test-utils.h"

#define BULK_INLINE "/api/connections/datastores/bulk"
#define VALIDATE_INLINE "/api/connections/datastores/validate"
#define WAREHOUSE_CONNECTION 13   /* the demo's next connection id */

typedef struct
{
  StewardTestDemo         *demo;
  StewardDeployment       *deployment;
  StewardOnboardingWizard *wizard;   /* weak: NULL once the window is gone */
  const char              *page;     /* for waiting on a page */
  GtkWindow               *window;   /* the main window, when a test opens one */
  StewardMainView         *view;
} Fixture;

/* Set up and tear down */

static gboolean
deployment_loaded_cb (gpointer user_data)
{
  return steward_deployment_get_loaded (user_data) && !steward_deployment_get_loading (user_data);
}

static void
setup_role (Fixture         *f,
            StewardDemoRole  role)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardUser) user = NULL;

  f->demo = steward_test_demo_new (role);
  steward_client_get_current_user_async (f->demo->client, NULL, steward_test_store_result_cb,
                                         &result);
  steward_test_wait_result (&result);
  user = steward_client_get_current_user_finish (f->demo->client, result, NULL);
  g_assert_nonnull (user);

  f->deployment = steward_deployment_new (f->demo->client, user, NULL);
  steward_deployment_refresh_async (f->deployment, NULL, NULL, NULL);
  g_assert_true (
      steward_test_wait_until (deployment_loaded_cb, f->deployment, STEWARD_TEST_LONG_TIMEOUT_MS));
}

static void
setup_manager (Fixture       *f,
               gconstpointer  data)
{
  setup_role (f, STEWARD_DEMO_ROLE_MANAGER);
}

static void
setup_member (Fixture       *f,
              gconstpointer  data)
{
  setup_role (f, STEWARD_DEMO_ROLE_MEMBER);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->wizard != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (f->wizard), (gpointer *) &f->wizard);
      gtk_window_destroy (GTK_WINDOW (f->wizard));
    }
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_clear_object (&f->deployment);
  steward_test_demo_free (f->demo);
}

/* Finding and pressing things as a user would */

static gboolean
mapped_cb (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static void
adopt_wizard (Fixture                 *f,
              StewardOnboardingWizard *wizard)
{
  f->wizard = wizard;
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &f->wizard);
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_true (steward_test_wait_until (mapped_cb, wizard, STEWARD_TEST_TIMEOUT_MS));
}

static void
open_wizard (Fixture *f,
             gint64   connection_id)
{
  adopt_wizard (f, steward_onboarding_wizard_new (NULL, f->deployment, connection_id));
}

static StewardOnboarding *
model (Fixture *f)
{
  return steward_onboarding_wizard_get_onboarding (f->wizard);
}

static GtkWidget *
page (Fixture *f)
{
  return steward_onboarding_wizard_get_page (f->wizard);
}

static gboolean
on_page_cb (gpointer user_data)
{
  Fixture *f = user_data;

  return f->wizard != NULL && g_strcmp0 (steward_onboarding_wizard_get_page_name (f->wizard),
                                         f->page) == 0;
}

static void
wait_page (Fixture    *f,
           const char *name)
{
  f->page = name;
  if (!steward_test_wait_until (on_page_cb, f, STEWARD_TEST_TIMEOUT_MS))
    g_error ("The wizard shows “%s”, not “%s”",
             steward_onboarding_wizard_get_page_name (f->wizard),
             name);
}

static GtkWidget *
find_button_with_action (GtkWidget  *root,
                         const char *action)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
next_button (Fixture *f)
{
  GtkWidget *button = find_button_with_action (GTK_WIDGET (f->wizard), "wizard.next");

  g_assert_nonnull (button);
  return button;
}

static gboolean
can_press_cb (gpointer user_data)
{
  return gtk_widget_is_sensitive (user_data);
}

/* A click on a button that is on screen and sensitive (waiting a while for it). */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (steward_test_wait_until (mapped_cb, button, STEWARD_TEST_TIMEOUT_MS));
  g_assert_true (steward_test_wait_until (can_press_cb, button, STEWARD_TEST_TIMEOUT_MS));
  g_signal_emit_by_name (button, "clicked");
}

static void
press_next (Fixture    *f,
            const char *then)
{
  click (next_button (f));
  wait_page (f, then);
}

static gboolean
connections_loaded_cb (gpointer user_data)
{
  return steward_onboarding_get_connections_state (user_data) == STEWARD_LOAD_DONE;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = steward_test_find_widget (root, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
choose_connection (Fixture    *f,
                   const char *name)
{
  g_assert_true (
      steward_test_wait_until (connections_loaded_cb, model (f), STEWARD_TEST_TIMEOUT_MS));
  gtk_widget_activate (find_row (page (f), name));
  g_assert_cmpstr (steward_onboarding_get_connection_name (model (f)), ==, name);
}

static gboolean
catalogs_settled_cb (gpointer user_data)
{
  StewardLoadState state = steward_onboarding_get_catalogs_state (user_data);

  return state == STEWARD_LOAD_DONE || state == STEWARD_LOAD_FAILED;
}

static gboolean
targets_settled_cb (gpointer user_data)
{
  StewardLoadState state = steward_onboarding_get_targets_state (user_data);

  return state == STEWARD_LOAD_DONE || state == STEWARD_LOAD_FAILED;
}

static gboolean
validated_cb (gpointer user_data)
{
  return !steward_onboarding_get_validating (user_data);
}

static gboolean
created_cb (gpointer user_data)
{
  StewardOnboarding *onboarding = user_data;

  return steward_onboarding_get_sent (onboarding) && !steward_onboarding_get_creating (onboarding);
}

static void
choose_catalog (Fixture    *f,
                const char *catalog)
{
  g_assert_true (steward_test_wait_until (catalogs_settled_cb, model (f), STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpint (steward_onboarding_get_catalogs_state (model (f)), ==, STEWARD_LOAD_DONE);
  gtk_widget_activate (find_row (page (f), catalog));
  g_assert_cmpstr (steward_onboarding_get_catalog (model (f)), ==, catalog);
}

static StewardOnboardingTarget *
target (Fixture    *f,
        const char *name)
{
  GListModel *targets = steward_onboarding_get_targets (model (f));

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(StewardOnboardingTarget) candidate = g_list_model_get_item (targets, i);

      if (g_strcmp0 (steward_onboarding_target_get_name (candidate), name) == 0)
        return candidate;   /* the model keeps it */
    }

  g_error ("No schema or root path “%s”", name);
}

static void
wait_schemas (Fixture *f)
{
  g_assert_true (steward_test_wait_until (targets_settled_cb, model (f), STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpint (steward_onboarding_get_targets_state (model (f)), ==, STEWARD_LOAD_DONE);
}

static void
select_only (Fixture            *f,
             const char * const *names)
{
  gtk_widget_activate_action (page (f), "schemas-page.clear", NULL);
  for (guint i = 0; names[i] != NULL; i++)
    steward_onboarding_target_set_selected (target (f, names[i]), TRUE);
}

static void
wait_validated (Fixture *f)
{
  g_assert_true (steward_test_wait_until (validated_cb, model (f), STEWARD_TEST_LONG_TIMEOUT_MS));
}

static void
wait_created (Fixture *f)
{
  g_assert_true (steward_test_wait_until (created_cb, model (f), STEWARD_TEST_LONG_TIMEOUT_MS));
}

static gboolean
tested_cb (gpointer user_data)
{
  StewardConnectionTesterState state = steward_connection_tester_get_state (user_data);

  return state == STEWARD_CONNECTION_TESTER_SUCCEEDED || state == STEWARD_CONNECTION_TESTER_FAILED;
}

static void
set_template (Fixture    *f,
              const char *template)
{
  GtkWidget *row = steward_test_find_widget (page (f), ADW_TYPE_ENTRY_ROW, "Name Template");

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), template);
}

/* A new PostgreSQL connection to the warehouse host, whose tenants catalog has 152 schemas. */
static void
describe_warehouse (Fixture *f)
{
  StewardOnboardingConnectionPage *connection_page = STEWARD_ONBOARDING_CONNECTION_PAGE (page (f));
  StewardConnectorForm *form = steward_onboarding_connection_page_get_form (connection_page);

  steward_onboarding_connection_page_set_new (connection_page, TRUE);
  g_assert_true (steward_connector_form_select_type (form, "postgresql"));
  g_assert_true (steward_connector_form_set_value (form, "name", "tenant_warehouse"));
  g_assert_true (steward_connector_form_set_value (form, "host", "warehouse.acme-corp.com"));
  g_assert_true (steward_connector_form_set_value (form, "username", "qualytics"));
  g_assert_true (steward_connector_form_set_value (form, "password", "demo-warehouse"));
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (text);
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static GPtrArray *
bodies (Fixture    *f,
        const char *method,
        const char *path)
{
  return steward_demo_server_dup_request_bodies (f->demo->server, method, path);
}

static guint
requests (Fixture    *f,
          const char *method,
          const char *path)
{
  return steward_demo_server_count_requests (f->demo->server, method, path);
}

/* The strings of a JSON array member, joined by commas. */
static char *
joined (JsonObject *object,
        const char *member)
{
  JsonArray *array = json_object_get_array_member (object, member);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (items, (gpointer) json_array_get_string_element (array, i));
  g_ptr_array_add (items, NULL);
  return g_strjoinv (",", (char **) items->pdata);
}

static StewardDatastore *
deployment_datastore (Fixture *f,
                      gint64   id)
{
  StewardDatastore *datastore = steward_deployment_find_datastore (f->deployment, id);

  g_assert_nonnull (datastore);
  return datastore;
}

/* The datastore a target became, as the deployment holds it. */
static StewardDatastore *
made (Fixture    *f,
      const char *name)
{
  return deployment_datastore (f, steward_onboarding_target_get_datastore_id (target (f, name)));
}

static const char *
results_summary (Fixture *f)
{
  return steward_onboarding_results_page_get_summary (STEWARD_ONBOARDING_RESULTS_PAGE (page (f)));
}

static const char *
names_summary (Fixture *f)
{
  StewardOnboardingSettingsPage *settings_page = STEWARD_ONBOARDING_SETTINGS_PAGE (page (f));

  return steward_onboarding_settings_page_get_names_summary (settings_page);
}

static StewardOnboardingWizard *
find_open_wizard (void)
{
  GtkWindow *window = steward_test_find_toplevel (STEWARD_TYPE_ONBOARDING_WIZARD);

  g_assert_nonnull (window);
  return STEWARD_ONBOARDING_WIZARD (window);
}

/* The tests */

/* The reference's PostgreSQL guide with a saved connection: discovery shows what exists,
 * finance fails validation and is skipped, one bulk request creates the others, and the
 * deployment has them at once. */
static void
test_existing_connection (Fixture       *f,
                          gconstpointer  data)
{
  StewardOnboardingSchemasPage *schemas_page;
  StewardOnboardingValidatePage *validate_page;
  GListModel *shown;
  GListModel *plan;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *schemas = NULL;
  StewardOnboardingTarget *finance;
  GtkWidget *row;

  open_wizard (f, 0);
  wait_page (f, "connection");
  g_assert_false (gtk_widget_is_sensitive (next_button (f)));
  choose_connection (f, "postgres_production");

  press_next (f, "catalog");
  g_assert_true (steward_test_wait_until (catalogs_settled_cb, model (f), STEWARD_TEST_TIMEOUT_MS));
  row = find_row (page (f), "production");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Used by Production Sales, Patient Records, Claims Processing");
  choose_catalog (f, "production");

  press_next (f, "schemas");
  wait_schemas (f);
  schemas_page = STEWARD_ONBOARDING_SCHEMAS_PAGE (page (f));
  /* Schemas that datastores read start unselected, with those datastores named. */
  g_assert_cmpstr (steward_onboarding_schemas_page_get_count (schemas_page), ==, "3 of 6 selected");
  g_assert_false (steward_onboarding_target_get_selected (target (f, "sales")));
  g_assert_cmpstr (steward_onboarding_target_get_existing (target (f, "sales"))[0], ==,
                   "Production Sales");
  g_assert_true (steward_onboarding_target_get_selected (target (f, "inventory")));

  gtk_widget_activate_action (page (f), "schemas-page.select-all", NULL);
  g_assert_cmpstr (steward_onboarding_schemas_page_get_count (schemas_page), ==, "6 of 6 selected");
  gtk_widget_activate_action (page (f), "schemas-page.select-new", NULL);
  g_assert_cmpuint (steward_onboarding_get_n_selected (model (f)), ==, 3);
  steward_onboarding_schemas_page_set_search (schemas_page, "IN");
  shown = steward_onboarding_schemas_page_get_shown (schemas_page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_widget_activate_action (page (f), "schemas-page.clear", NULL);
  g_assert_cmpuint (steward_onboarding_get_n_selected (model (f)), ==, 1);
  steward_onboarding_schemas_page_set_search (schemas_page, "");
  gtk_widget_activate_action (page (f), "schemas-page.clear", NULL);
  g_assert_false (gtk_widget_is_sensitive (next_button (f)));
  gtk_widget_activate_action (page (f), "schemas-page.select-new", NULL);
  g_assert_cmpstr (steward_onboarding_schemas_page_get_count (schemas_page), ==, "3 of 6 selected");

  /* A schema that fails validation is reported with the server's words and skipped. */
  press_next (f, "validate");
  wait_validated (f);
  validate_page = STEWARD_ONBOARDING_VALIDATE_PAGE (page (f));
  finance = target (f, "finance");
  g_assert_cmpint (steward_onboarding_target_get_check (finance), ==, STEWARD_TARGET_CHECK_FAILED);
  g_assert_cmpstr (steward_onboarding_target_get_check_message (finance), ==,
                   "Permission denied for schema finance");
  g_assert_cmpstr (steward_onboarding_validate_page_get_summary (validate_page), ==,
                   "2 of 3 can be onboarded");
  g_assert_cmpuint (requests (f, "POST", "/api/connections/7/datastores/validate"), ==, 1);
  g_assert_nonnull (steward_test_find_widget (GTK_WIDGET (f->wizard), GTK_TYPE_LABEL,
                                              "Permission denied for schema finance"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next_button (f))), ==, "_Skip Failures");

  press_next (f, "settings");
  plan = steward_onboarding_get_plan (model (f));
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 2);
  g_assert_cmpstr (steward_onboarding_get_name_template (model (f)), ==,
                   "postgres_production_{{ schema }}");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next_button (f))), ==, "C_reate 2 Datastores");

  press_next (f, "results");
  wait_created (f);
  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 2);
  g_assert_cmpuint (steward_onboarding_get_n_create_failed (model (f)), ==, 0);
  g_assert_cmpstr (results_summary (f), ==, "2 Datastores Created");

  /* Exactly one request, with the plan and the template as previewed. */
  sent = bodies (f, "POST", "/api/connections/7/datastores/bulk");
  g_assert_cmpuint (sent->len, ==, 1);
  body = parse (g_ptr_array_index (sent, 0));
  schemas = joined (json_node_get_object (body), "schemas");
  g_assert_cmpstr (schemas, ==, "public,inventory");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "database"), ==,
                   "production");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "name_template"), ==,
                   "postgres_production_{{ schema }}");
  g_assert_false (json_object_has_member (json_node_get_object (body), "connection"));

  /* The deployment has them, under the names shown. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(StewardOnboardingTarget) made = g_list_model_get_item (plan, i);
      StewardDatastore *datastore =
        deployment_datastore (f, steward_onboarding_target_get_datastore_id (made));

      g_assert_cmpstr (steward_datastore_get_name (datastore), ==,
                       steward_onboarding_target_get_planned_name (made));
      g_assert_cmpstr (steward_datastore_get_schema (datastore), ==,
                       steward_onboarding_target_get_name (made));
      g_assert_cmpstr (steward_onboarding_target_get_datastore_name (made), ==,
                       steward_datastore_get_name (datastore));
    }

  /* No way back once created; Done closes without asking. */
  g_assert_null (find_button_with_action (GTK_WIDGET (f->wizard), "wizard.back"));
  click (find_button_with_action (GTK_WIDGET (f->wizard), "wizard.done"));
  g_assert_null (f->wizard);
}

/* A new connection, tested before anything is saved, discovered and validated inline, then
 * saved once when the datastores are created, by one bulk request naming it by id. */
static void
test_new_connection (Fixture       *f,
                     gconstpointer  data)
{
  StewardConnectionTester *tester;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *schemas = NULL;
  static const char * const chosen[] = { "sales", "hr", NULL };
  guint datastores_before =
    g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment));

  open_wizard (f, 0);
  wait_page (f, "connection");
  describe_warehouse (f);

  tester =
    steward_onboarding_connection_page_get_tester (STEWARD_ONBOARDING_CONNECTION_PAGE (page (f)));
  click (steward_connection_tester_get_button (tester));
  g_assert_true (steward_test_wait_until (tested_cb, tester, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpint (steward_connection_tester_get_state (tester), ==,
                   STEWARD_CONNECTION_TESTER_SUCCEEDED);
  g_assert_cmpuint (requests (f, "POST", "/api/datastores/connection"), ==, 1);

  press_next (f, "catalog");
  choose_catalog (f, "analytics_db");
  g_assert_cmpuint (requests (f, "POST", "/api/connections/catalogs"), ==, 1);

  press_next (f, "schemas");
  wait_schemas (f);
  g_assert_cmpuint (steward_onboarding_get_n_selected (model (f)), ==, 5);
  select_only (f, chosen);

  press_next (f, "validate");
  wait_validated (f);
  g_assert_cmpuint (steward_onboarding_get_n_passed (model (f)), ==, 2);
  g_assert_cmpuint (requests (f, "POST", VALIDATE_INLINE), ==, 1);

  press_next (f, "settings");
  g_assert_cmpstr (steward_onboarding_get_name_template (model (f)), ==,
                   "tenant_warehouse_{{ schema }}");
  set_template (f, "wh_{{ schema }}");
  press_next (f, "results");
  wait_created (f);
  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 2);

  /* Saved once, then named by id: nothing went inline. */
  g_assert_cmpuint (requests (f, "POST", "/api/connections"), ==, 1);
  g_assert_cmpuint (requests (f, "POST", BULK_INLINE), ==, 0);
  g_assert_cmpint (steward_onboarding_get_connection_id (model (f)), ==, WAREHOUSE_CONNECTION);
  sent = bodies (f, "POST", "/api/connections/13/datastores/bulk");
  g_assert_cmpuint (sent->len, ==, 1);
  body = parse (g_ptr_array_index (sent, 0));
  schemas = joined (json_node_get_object (body), "schemas");
  g_assert_cmpstr (schemas, ==, "sales,hr");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "name_template"), ==,
                   "wh_{{ schema }}");
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment)),
                    ==,
                    datastores_before + 2);
}

/* Through the new warehouse connection to its tenants catalog, with the first @n tenants
 * selected, up to the validation step. */
static void
go_to_tenants (Fixture *f,
               guint    n)
{
  GListModel *targets;
  guint chosen = 0;

  open_wizard (f, 0);
  wait_page (f, "connection");
  describe_warehouse (f);
  press_next (f, "catalog");
  choose_catalog (f, "tenants");
  press_next (f, "schemas");
  wait_schemas (f);

  targets = steward_onboarding_get_targets (model (f));
  g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 152);
  gtk_widget_activate_action (page (f), "schemas-page.clear", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (targets) && chosen < n; i++)
    {
      g_autoptr(StewardOnboardingTarget) tenant = g_list_model_get_item (targets, i);

      if (!g_str_has_prefix (steward_onboarding_target_get_name (tenant), "tenant_"))
        continue;
      steward_onboarding_target_set_selected (tenant, TRUE);
      chosen++;
    }
  g_assert_cmpuint (steward_onboarding_get_n_selected (model (f)), ==, n);
  press_next (f, "validate");
}

/* 120 schemas are validated in three requests of 50, 50 and 20, each schema once. */
static void
test_validate_batches (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const guint sizes[] = { 50, 50, 20 };

  go_to_tenants (f, 120);
  wait_validated (f);
  g_assert_cmpuint (steward_onboarding_get_n_passed (model (f)), ==, 120);
  g_assert_cmpuint (steward_onboarding_get_n_checked (model (f)), ==, 120);

  g_assert_cmpuint (requests (f, "POST", VALIDATE_INLINE), ==, 3);
  sent = bodies (f, "POST", VALIDATE_INLINE);
  g_assert_cmpuint (sent->len, ==, 3);
  for (guint i = 0; i < sent->len; i++)
    {
      g_autoptr(JsonNode) body = parse (g_ptr_array_index (sent, i));
      JsonObject *object = json_node_get_object (body);
      JsonArray *schemas = json_object_get_array_member (object, "schemas");

      g_assert_cmpuint (json_array_get_length (schemas), ==, sizes[i]);
      g_assert_cmpstr (json_object_get_string_member (object, "database"), ==, "tenants");
      for (guint s = 0; s < json_array_get_length (schemas); s++)
        g_assert_true (g_hash_table_add (seen,
                                         g_strdup (json_array_get_string_element (schemas, s))));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 120);
  g_assert_true (g_hash_table_contains (seen, "tenant_120"));
  g_assert_false (g_hash_table_contains (seen, "tenant_121"));
}

/* Two schemas fail the bulk creation; Retry Failed sends exactly those two, in a new request,
 * and the server ends with one datastore per schema. */
static void
test_retry_failed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autofree char *first_schemas = NULL;
  g_autofree char *second_schemas = NULL;
  StewardOnboardingTarget *failed;
  GListModel *datastores;
  guint per_schema[11] = { 0, };

  steward_demo_server_fail_bulk_target (f->demo->server, "tenant_003", "Lock wait timeout exceeded",
                                        1);
  steward_demo_server_fail_bulk_target (f->demo->server, "tenant_007", "Lock wait timeout exceeded",
                                        1);
  go_to_tenants (f, 10);
  wait_validated (f);
  press_next (f, "settings");
  press_next (f, "results");
  wait_created (f);

  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 8);
  g_assert_cmpuint (steward_onboarding_get_n_create_failed (model (f)), ==, 2);
  g_assert_cmpstr (results_summary (f), ==, "8 created, 2 failed");
  failed = target (f, "tenant_003");
  g_assert_cmpint (steward_onboarding_target_get_outcome (failed), ==,
                   STEWARD_TARGET_OUTCOME_FAILED);
  g_assert_cmpstr (steward_onboarding_target_get_outcome_message (failed), ==,
                   "Lock wait timeout exceeded");
  /* Created ones cannot be sent twice by going back. */
  g_assert_null (find_button_with_action (GTK_WIDGET (f->wizard), "wizard.back"));

  click (find_button_with_action (GTK_WIDGET (f->wizard), "results-page.retry-failed"));
  wait_created (f);
  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 10);
  g_assert_cmpuint (steward_onboarding_get_n_create_failed (model (f)), ==, 0);
  g_assert_cmpint (steward_onboarding_target_get_outcome (failed), ==,
                   STEWARD_TARGET_OUTCOME_CREATED);

  sent = bodies (f, "POST", "/api/connections/13/datastores/bulk");
  g_assert_cmpuint (sent->len, ==, 2);
  first = parse (g_ptr_array_index (sent, 0));
  second = parse (g_ptr_array_index (sent, 1));
  first_schemas = joined (json_node_get_object (first), "schemas");
  second_schemas = joined (json_node_get_object (second), "schemas");
  g_assert_cmpstr (first_schemas, ==, "tenant_001,tenant_002,tenant_003,tenant_004,tenant_005,"
                                      "tenant_006,tenant_007,tenant_008,tenant_009,tenant_010");
  g_assert_cmpstr (second_schemas, ==, "tenant_003,tenant_007");
  g_assert_cmpuint (requests (f, "POST", "/api/connections"), ==, 1);

  /* What the server holds now: one datastore per tenant. */
  steward_deployment_refresh_async (f->deployment, NULL, NULL, NULL);
  g_assert_true (
      steward_test_wait_until (deployment_loaded_cb, f->deployment, STEWARD_TEST_LONG_TIMEOUT_MS));
  datastores = steward_deployment_get_datastores (f->deployment);
  for (guint i = 0; i < g_list_model_get_n_items (datastores); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);
      const char *schema = steward_datastore_get_schema (datastore);
      guint number;

      if (steward_datastore_get_connection_id (datastore) != WAREHOUSE_CONNECTION || schema == NULL)
        continue;
      g_assert_true (sscanf (schema, "tenant_%u", &number) == 1 && number >= 1 && number <= 10);
      per_schema[number]++;
    }
  for (guint i = 1; i <= 10; i++)
    g_assert_cmpuint (per_schema[i], ==, 1);
}

/* The @n-th widget of @type in @root, depth first. */
static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint      n)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint seen = 0;

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (g_type_is_a (G_OBJECT_TYPE (widget), type) && seen++ == n)
        return widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (children, child);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
    }

  g_error ("No widget %u of type %s", n, g_type_name (type));
}

/* What every datastore shares reaches the server: teams, tags, a new group with its icon, an
 * enrichment datastore with its settings, the sync. The group, made by the first request, is
 * named by id in the retry. */
static void
test_settings_applied (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *settings;
  GtkWidget *teams_editor;
  GtkWidget *tags_editor;
  GtkWidget *icon_picker;
  GtkWidget *expander;
  AdwComboRow *enrichment_row;
  GListModel *enrichment_model;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  JsonObject *object;
  JsonObject *group;
  g_autofree char *teams = NULL;
  g_autofree char *tags = NULL;
  gint64 group_id = 0;
  GListModel *groups;

  steward_demo_server_fail_bulk_target (f->demo->server, "tenant_002", "Lock wait timeout exceeded",
                                        1);
  go_to_tenants (f, 2);
  wait_validated (f);
  press_next (f, "settings");
  settings = page (f);

  /* Teams first, then tags, as on screen. */
  teams_editor = find_nth (settings, STEWARD_TYPE_CHIP_EDITOR, 0);
  tags_editor = find_nth (settings, STEWARD_TYPE_CHIP_EDITOR, 1);
  g_assert_true (steward_chip_editor_add_value (STEWARD_CHIP_EDITOR (teams_editor),
                                                "Data Platform"));
  g_assert_true (steward_chip_editor_add_value (STEWARD_CHIP_EDITOR (tags_editor), "tenants"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (steward_test_find_widget (settings, ADW_TYPE_COMBO_ROW,
                                                                       "Group")), 1);
  g_assert_false (gtk_widget_is_sensitive (next_button (f)));
  gtk_editable_set_text (GTK_EDITABLE (steward_test_find_widget (settings, ADW_TYPE_ENTRY_ROW,
                                                                 "New Group Name")),
                         "Tenants");
  icon_picker = steward_test_find_widget (settings, STEWARD_TYPE_GROUP_ICON_PICKER, NULL);
  steward_group_icon_picker_set_icon (STEWARD_GROUP_ICON_PICKER (icon_picker), "mdi-flask-outline");
  expander = steward_test_find_widget (settings, ADW_TYPE_EXPANDER_ROW,
                                       "Link an Enrichment Datastore");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), TRUE);
  enrichment_row = ADW_COMBO_ROW (steward_test_find_widget (settings, ADW_TYPE_COMBO_ROW,
                                                            "Enrichment Datastore"));
  enrichment_model = adw_combo_row_get_model (enrichment_row);
  for (guint i = 0; i < g_list_model_get_n_items (enrichment_model); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (enrichment_model, i);

      if (steward_datastore_get_id (datastore) == 100)
        adw_combo_row_set_selected (enrichment_row, i);
    }

  press_next (f, "results");
  wait_created (f);
  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 1);
  click (find_button_with_action (GTK_WIDGET (f->wizard), "results-page.retry-failed"));
  wait_created (f);
  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 2);

  sent = bodies (f, "POST", "/api/connections/13/datastores/bulk");
  g_assert_cmpuint (sent->len, ==, 2);
  first = parse (g_ptr_array_index (sent, 0));
  object = json_node_get_object (first);
  teams = joined (object, "teams");
  g_assert_cmpstr (teams, ==, "Data Platform");
  tags = joined (object, "tags");
  g_assert_cmpstr (tags, ==, "tenants");
  group = json_object_get_object_member (object, "group");
  g_assert_cmpstr (json_object_get_string_member (group, "name"), ==, "Tenants");
  g_assert_cmpstr (json_object_get_string_member (group, "icon"), ==, "mdi-flask-outline");
  g_assert_false (json_object_has_member (object, "group_id"));
  g_assert_cmpint (json_object_get_int_member (object, "enrichment_datastore_id"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (object, "enrichment_source_record_limit"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (object, "enrichment_remediation_strategy"), ==,
                   "none");
  g_assert_true (json_object_get_boolean_member (object, "trigger_catalog"));

  /* The deployment knows the new group, and the retry names it by id. */
  groups = steward_deployment_get_groups (f->deployment);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(StewardDatastoreGroup) candidate = g_list_model_get_item (groups, i);

      if (g_strcmp0 (steward_datastore_group_get_name (candidate), "Tenants") == 0)
        group_id = steward_datastore_group_get_id (candidate);
    }
  g_assert_cmpint (group_id, >, 0);
  second = parse (g_ptr_array_index (sent, 1));
  object = json_node_get_object (second);
  g_assert_false (json_object_has_member (object, "group"));
  g_assert_cmpint (json_object_get_int_member (object, "group_id"), ==, group_id);
  g_clear_pointer (&teams, g_free);
  teams = joined (object, "schemas");
  g_assert_cmpstr (teams, ==, "tenant_002");
  g_assert_cmpint (steward_datastore_get_group_id (made (f, "tenant_002")), ==, group_id);
}

/* A file-system connection chosen from outside (as a connection's row would): the wizard goes
 * straight to its root paths, typed one per line, each checked; repeated names are flagged. */
static void
test_root_paths (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *paths = NULL;
  GListModel *plan;

  open_wizard (f, 12);
  wait_page (f, "paths");
  g_assert_true (steward_onboarding_get_dfs (model (f)));
  steward_onboarding_paths_page_set_text (STEWARD_ONBOARDING_PATHS_PAGE (page (f)),
                                          "/raw/orders/\n\n  /raw/denied/  "
                                          "\n/raw/orders/\n/raw_orders/\n/raw/events/\n");
  g_assert_nonnull (steward_test_find_widget (page (f), GTK_TYPE_LABEL, "4 root paths"));

  press_next (f, "validate");
  wait_validated (f);
  sent = bodies (f, "POST", "/api/connections/12/datastores/validate");
  g_assert_cmpuint (sent->len, ==, 1);
  body = parse (g_ptr_array_index (sent, 0));
  paths = joined (json_node_get_object (body), "root_paths");
  g_assert_cmpstr (paths, ==, "/raw/orders/,/raw/denied/,/raw_orders/,/raw/events/");
  g_assert_cmpint (steward_onboarding_target_get_check (target (f, "/raw/denied/")), ==,
                   STEWARD_TARGET_CHECK_FAILED);
  g_assert_cmpstr (steward_onboarding_target_get_check_message (target (f, "/raw/denied/")), ==,
                   "Access Denied: the credentials cannot read s3://acme-data-lake/raw/denied/");
  g_assert_cmpuint (steward_onboarding_get_n_passed (model (f)), ==, 3);

  press_next (f, "settings");
  g_assert_cmpstr (steward_onboarding_target_get_planned_name (target (f, "/raw/events/")), ==,
                   "s3_data_lake_raw_events");
  /* "/raw/orders/" and "/raw_orders/" both give raw_orders. */
  g_assert_cmpuint (steward_onboarding_get_n_duplicates (model (f)), ==, 2);
  g_assert_cmpint (steward_onboarding_target_get_name_problem (target (f, "/raw_orders/")), ==,
                   STEWARD_TARGET_NAME_DUPLICATE);
  g_assert_nonnull (steward_test_find_widget (page (f), GTK_TYPE_LABEL, "Repeated"));
  g_assert_cmpstr (names_summary (f), ==, "3 datastores will be created. 2 names repeat.");
  set_template (f, "lake_{{ schema }}");
  g_assert_cmpstr (steward_onboarding_target_get_planned_name (target (f, "/raw/events/")), ==,
                   "lake_raw_events");

  press_next (f, "results");
  wait_created (f);
  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 3);
  plan = steward_onboarding_get_plan (model (f));
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(StewardOnboardingTarget) made = g_list_model_get_item (plan, i);
      StewardDatastore *datastore =
        deployment_datastore (f, steward_onboarding_target_get_datastore_id (made));

      g_assert_cmpstr (steward_datastore_get_root_path (datastore), ==,
                       steward_onboarding_target_get_name (made));
      g_assert_cmpint (steward_datastore_get_connection_id (datastore), ==, 12);
    }
}

/* The preview follows the template as it is typed and flags names the deployment has already;
 * a template without {{ schema }}, or one giving names too long, cannot be sent. */
static void
test_template_preview (Fixture       *f,
                       gconstpointer  data)
{
  StewardOnboardingSettingsPage *settings_page;
  g_autoptr(GString) long_template = g_string_new (NULL);

  open_wizard (f, 7);
  wait_page (f, "catalog");
  choose_catalog (f, "production_db");
  press_next (f, "schemas");
  wait_schemas (f);
  gtk_widget_activate_action (page (f), "schemas-page.select-all", NULL);
  press_next (f, "validate");
  wait_validated (f);
  g_assert_cmpuint (steward_onboarding_get_n_passed (model (f)), ==, 2);
  press_next (f, "settings");
  settings_page = STEWARD_ONBOARDING_SETTINGS_PAGE (page (f));

  g_assert_cmpstr (steward_onboarding_target_get_planned_name (target (f, "public")), ==,
                   "postgres_production_public");
  g_assert_cmpuint (steward_onboarding_get_n_taken (model (f)), ==, 0);

  /* The reference's own example: both names are taken by datastores 50 and 60. */
  set_template (f, "prod_{{ schema }}");
  g_assert_cmpstr (steward_onboarding_target_get_planned_name (target (f, "public")), ==,
                   "prod_public");
  g_assert_cmpstr (steward_onboarding_target_get_planned_name (target (f, "sales")), ==,
                   "prod_sales");
  g_assert_cmpint (steward_onboarding_target_get_name_problem (target (f, "sales")), ==,
                   STEWARD_TARGET_NAME_TAKEN);
  g_assert_cmpuint (steward_onboarding_get_n_taken (model (f)), ==, 2);
  g_assert_cmpstr (steward_onboarding_settings_page_get_names_summary (settings_page), ==,
                   "2 datastores will be created. 2 names are taken already.");
  g_assert_nonnull (steward_test_find_widget (page (f), GTK_TYPE_LABEL, "Taken"));
  /* Taken names are allowed (names are not unique), so Create stays available. */
  g_assert_true (gtk_widget_is_sensitive (next_button (f)));

  set_template (f, "prod_schema");
  g_assert_false (steward_onboarding_get_template_valid (model (f)));
  g_assert_cmpstr (steward_onboarding_settings_page_get_template_message (settings_page), ==,
                   "The template must contain {{ schema }}");
  g_assert_false (gtk_widget_is_sensitive (next_button (f)));

  for (guint i = 0; i < 26; i++)
    g_string_append (long_template, "abcdefghij");
  g_string_append (long_template, "{{schema}}");
  set_template (f, long_template->str);
  g_assert_true (steward_onboarding_get_template_valid (model (f)));
  g_assert_cmpuint (steward_onboarding_get_n_too_long (model (f)), ==, 2);
  g_assert_false (gtk_widget_is_sensitive (next_button (f)));

  /* Spaces inside the braces are optional; the server gets one spelling. */
  set_template (f, "pg_{{schema}}");
  g_assert_cmpstr (steward_onboarding_target_get_planned_name (target (f, "sales")), ==,
                   "pg_sales");
  g_assert_cmpuint (steward_onboarding_get_n_taken (model (f)), ==, 0);
  g_assert_cmpuint (steward_onboarding_get_n_too_long (model (f)), ==, 0);
  press_next (f, "results");
  wait_created (f);
  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 2);
  g_assert_cmpstr (steward_onboarding_target_get_datastore_name (target (f, "sales")), ==,
                   "pg_sales");
}

/* Through connection 7's analytics_db catalog to the results, its two new schemas chosen. */
static void
create_in_analytics (Fixture *f)
{
  static const char * const chosen[] = { "staging", NULL };

  open_wizard (f, 7);
  wait_page (f, "catalog");
  choose_catalog (f, "analytics_db");
  press_next (f, "schemas");
  wait_schemas (f);
  select_only (f, chosen);
  press_next (f, "validate");
  wait_validated (f);
  press_next (f, "settings");
  press_next (f, "results");
  wait_created (f);
}

/* The server made the datastore but its answer was cut short: the request is not sent again;
 * the deployment is asked, and shows the datastore made. */
static void
test_unanswered_created (Fixture       *f,
                         gconstpointer  data)
{
  StewardOnboardingTarget *staging;

  steward_demo_server_inject_fault (f->demo->server, "POST", "/api/connections/7/datastores/bulk",
                                    STEWARD_DEMO_FAULT_TRUNCATED, 1);
  create_in_analytics (f);
  staging = target (f, "staging");
  g_assert_cmpint (steward_onboarding_target_get_outcome (staging), ==,
                   STEWARD_TARGET_OUTCOME_CREATED);
  g_assert_cmpuint (requests (f, "POST", "/api/connections/7/datastores/bulk"), ==, 1);
  g_assert_cmpstr (steward_datastore_get_schema (made (f, "staging")), ==, "staging");
  g_assert_null (find_button_with_action (GTK_WIDGET (f->wizard), "results-page.retry-failed"));
}

/* No answer at all, and nothing made: it says so, and Retry Failed sends it again. */
static void
test_unanswered_not_created (Fixture       *f,
                             gconstpointer  data)
{
  StewardOnboardingTarget *staging;

  steward_demo_server_inject_fault (f->demo->server, "POST", "/api/connections/7/datastores/bulk",
                                    STEWARD_DEMO_FAULT_503, 1);
  create_in_analytics (f);
  staging = target (f, "staging");
  g_assert_cmpint (steward_onboarding_target_get_outcome (staging), ==,
                   STEWARD_TARGET_OUTCOME_FAILED);
  g_assert_cmpstr (steward_onboarding_target_get_outcome_message (staging), ==,
                   "Not created: the server did not answer, and has no datastore for it");
  g_assert_cmpuint (requests (f, "POST", "/api/connections/7/datastores/bulk"), ==, 1);

  click (find_button_with_action (GTK_WIDGET (f->wizard), "results-page.retry-failed"));
  wait_created (f);
  g_assert_cmpint (steward_onboarding_target_get_outcome (staging), ==,
                   STEWARD_TARGET_OUTCOME_CREATED);
  g_assert_cmpuint (requests (f, "POST", "/api/connections/7/datastores/bulk"), ==, 2);
}

/* A failed discovery is a message and a Retry, never an empty list; Retry works. */
static void
test_discovery_failure (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *retry;

  /* Four: the client tries a GET three more times before it gives up. */
  steward_demo_server_inject_fault (f->demo->server, "GET", "/api/connections/7/catalogs",
                                    STEWARD_DEMO_FAULT_503, 4);
  open_wizard (f, 7);
  wait_page (f, "catalog");
  g_assert_true (
      steward_test_wait_until (catalogs_settled_cb, model (f), STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_cmpint (steward_onboarding_get_catalogs_state (model (f)), ==, STEWARD_LOAD_FAILED);
  g_assert_nonnull (steward_onboarding_get_catalogs_error (model (f)));
  g_assert_nonnull (steward_test_find_widget (page (f), GTK_TYPE_LABEL,
                                              steward_onboarding_get_catalogs_error (model (f))));
  g_assert_nonnull (steward_test_find_widget (page (f), GTK_TYPE_LABEL,
                                              "The Catalogs Could Not Be Discovered"));
  g_assert_false (gtk_widget_is_sensitive (next_button (f)));

  retry = steward_test_find_widget (page (f), GTK_TYPE_BUTTON, "_Retry");
  click (retry);
  g_assert_true (
      steward_test_wait_until (catalogs_settled_cb, model (f), STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_cmpint (steward_onboarding_get_catalogs_state (model (f)), ==, STEWARD_LOAD_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (steward_onboarding_get_catalogs (model (f))), ==, 5);
}

/* The server's own words when a connection cannot be reached. */
static void
test_discovery_refused (Fixture       *f,
                        gconstpointer  data)
{
  open_wizard (f, 9);
  wait_page (f, "catalog");
  g_assert_true (
      steward_test_wait_until (catalogs_settled_cb, model (f), STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_cmpint (steward_onboarding_get_catalogs_state (model (f)), ==, STEWARD_LOAD_FAILED);
  g_assert_cmpstr (steward_onboarding_get_catalogs_error (model (f)), ==,
                   "Connection refused: could not connect to server at refused.acme-corp.com:5432");
  g_assert_nonnull (steward_test_find_widget (page (f), GTK_TYPE_LABEL,
                                              "Connection refused: could not connect to server at "
                                              "refused.acme-corp.com:5432"));
}

static AdwMessageDialog *
find_confirmation (void)
{
  return ADW_MESSAGE_DIALOG (steward_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
confirmation_shown_cb (gpointer user_data)
{
  return find_confirmation () != NULL;
}

static gboolean
wizard_gone_cb (gpointer user_data)
{
  Fixture *f = user_data;

  return f->wizard == NULL;
}

/* Escape half way asks first; keeping goes on, discarding closes, and nothing was created. */
static void
test_cancel_midway (Fixture       *f,
                    gconstpointer  data)
{
  guint datastores = g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment));

  /* Nothing entered yet: Escape closes at once. */
  open_wizard (f, 0);
  wait_page (f, "connection");
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "window.close", NULL);
  g_assert_true (steward_test_wait_until (wizard_gone_cb, f, STEWARD_TEST_TIMEOUT_MS));
  g_assert_null (find_confirmation ());

  go_to_tenants (f, 5);
  wait_validated (f);
  press_next (f, "settings");

  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "window.close", NULL);
  g_assert_true (steward_test_wait_until (confirmation_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (adw_message_dialog_get_heading (find_confirmation ()), ==,
                   "Discard the Onboarding?");
  adw_message_dialog_response (find_confirmation (), "keep");
  steward_test_iterate (STEWARD_TEST_QUIET_MS);
  g_assert_nonnull (f->wizard);
  g_assert_cmpstr (steward_onboarding_wizard_get_page_name (f->wizard), ==, "settings");

  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "window.close", NULL);
  g_assert_true (steward_test_wait_until (confirmation_shown_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  adw_message_dialog_response (find_confirmation (), "discard");
  g_assert_true (steward_test_wait_until (wizard_gone_cb, f, STEWARD_TEST_TIMEOUT_MS));

  g_assert_cmpuint (requests (f, "POST", "/api/connections"), ==, 0);
  g_assert_cmpuint (requests (f, "POST", BULK_INLINE), ==, 0);
  g_assert_cmpuint (requests (f, "POST", "/api/connections/13/datastores/bulk"), ==, 0);
  steward_deployment_refresh_async (f->deployment, NULL, NULL, NULL);
  g_assert_true (
      steward_test_wait_until (deployment_loaded_cb, f->deployment, STEWARD_TEST_LONG_TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_datastores (f->deployment)),
                    ==, datastores);
}

/* A window with the browser, as Steward shows it. */
static StewardMainView *
open_main_view (Fixture *f)
{
  f->view = STEWARD_MAIN_VIEW (steward_main_view_new ());
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  steward_main_view_set_deployment (f->view, f->deployment);
  gtk_window_present (f->window);
  g_assert_true (steward_test_wait_until (mapped_cb, f->view, STEWARD_TEST_TIMEOUT_MS));
  return f->view;
}

/* A member gets the window, which says why instead of showing the steps, and nothing is asked
 * of the server. */
static void
test_member_refused (Fixture       *f,
                     gconstpointer  data)
{
  StewardMainView *view = open_main_view (f);
  AdwStatusPage *status;
  GtkWidget *close;

  gtk_widget_activate_action (GTK_WIDGET (view), "view.onboard-schemas", NULL);
  adopt_wizard (f, find_open_wizard ());
  g_assert_true (steward_onboarding_wizard_get_refused (f->wizard));
  g_assert_cmpstr (steward_onboarding_wizard_get_page_name (f->wizard), ==, "refused");
  status = ADW_STATUS_PAGE (steward_test_find_widget (GTK_WIDGET (f->wizard), ADW_TYPE_STATUS_PAGE,
                                                      "Onboarding Needs the Manager Role"));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "Requires the Manager role"));
  g_assert_null (find_button_with_action (GTK_WIDGET (f->wizard), "wizard.next"));
  g_assert_cmpuint (requests (f, "GET", "/api/connections"), ==, 0);

  close = find_button_with_action (GTK_WIDGET (f->wizard), "window.close");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (close)), ==, "_Close");
  click (close);
  g_assert_true (steward_test_wait_until (wizard_gone_cb, f, STEWARD_TEST_TIMEOUT_MS));
}

static gboolean
selected_cb (gpointer user_data)
{
  Fixture *f = user_data;
  GtkWidget *table = steward_test_find_widget (GTK_WIDGET (f->view), STEWARD_TYPE_DATASTORE_TABLE,
                                               NULL);
  StewardDatastore *selected;

  selected = steward_datastore_table_get_selected (STEWARD_DATASTORE_TABLE (table));
  return selected != NULL && f->wizard != NULL &&
         steward_datastore_get_id (selected) ==
         steward_onboarding_target_get_datastore_id (target (f, "staging"));
}

/* From the main window's "+" menu action to a created datastore selected in the list. */
static void
test_main_view (Fixture       *f,
                gconstpointer  data)
{
  StewardMainView *view = open_main_view (f);

  gtk_widget_activate_action (GTK_WIDGET (view), "view.onboard-schemas", NULL);
  adopt_wizard (f, find_open_wizard ());
  g_assert_false (steward_onboarding_wizard_get_refused (f->wizard));
  wait_page (f, "connection");
  choose_connection (f, "postgres_production");
  press_next (f, "catalog");
  choose_catalog (f, "analytics_db");
  press_next (f, "schemas");
  wait_schemas (f);
  g_assert_cmpuint (steward_onboarding_get_n_selected (model (f)), ==, 1);
  g_assert_true (steward_onboarding_target_get_selected (target (f, "staging")));
  press_next (f, "validate");
  wait_validated (f);
  press_next (f, "settings");
  press_next (f, "results");
  wait_created (f);
  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 1);

  steward_onboarding_results_page_activate_row (STEWARD_ONBOARDING_RESULTS_PAGE (page (f)), 0);
  g_assert_true (steward_test_wait_until (selected_cb, f, STEWARD_TEST_TIMEOUT_MS));

  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "window.close", NULL);
  g_assert_true (steward_test_wait_until (wizard_gone_cb, f, STEWARD_TEST_TIMEOUT_MS));
}

static int focused_at_finish = -1;

/* Connected after the wizard's own handler, so it sees what the wizard saw. */
static void
note_focus_cb (StewardOnboarding *onboarding,
               gpointer           wizard)
{
  focused_at_finish = gtk_window_is_active (GTK_WINDOW (wizard));
}

/* How long 100 schemas take, from opening the wizard and from pressing Create to the results;
 * with the window unfocused at the end, the desktop is told how it went. */
static void
test_hundred_schemas (Fixture       *f,
                      gconstpointer  data)
{
  gint64 opened = g_get_monotonic_time ();
  gint64 create_pressed, results_shown;
  go_to_tenants (f, 100);
  wait_validated (f);
  g_assert_cmpuint (steward_onboarding_get_n_passed (model (f)), ==, 100);
  press_next (f, "settings");

  /* Whether the window had the focus when the creation finished: the tests share one display
   * without a window manager, so another test's window can take it. */
  g_signal_connect (model (f), "finished", G_CALLBACK (note_focus_cb), f->wizard);
  focused_at_finish = -1;
  create_pressed = g_get_monotonic_time ();
  press_next (f, "results");
  wait_created (f);
  results_shown = g_get_monotonic_time ();

  g_assert_cmpuint (steward_onboarding_get_n_created (model (f)), ==, 100);
  g_assert_cmpuint (requests (f, "POST", "/api/connections/13/datastores/bulk"), ==, 1);
  g_test_message ("Onboarding 100 schemas against the demo server: %.0f ms from Create to the "
                  "results, "
                  "%.0f ms for the whole flow (validation in %u requests)",
                  (results_shown - create_pressed) / 1000.0, (results_shown - opened) / 1000.0,
                  requests (f, "POST", VALIDATE_INLINE));

  /* Focused at the end: no notification; otherwise one (test_notification checks its text). */
  g_assert_cmpint (focused_at_finish, !=, -1);
  if (focused_at_finish)
    g_assert_null (steward_onboarding_wizard_get_notification (f->wizard));
  else
    g_assert_nonnull (steward_onboarding_wizard_get_notification (f->wizard));
}

static gboolean
notified_cb (gpointer user_data)
{
  return steward_test_notifications_get_shown ()->len > 0;
}

static gboolean
inactive_cb (gpointer user_data)
{
  return !gtk_window_is_active (user_data);
}

/* The user went to another window while the datastores were being created: the desktop is
 * told how it went. */
static void
test_notification (Fixture       *f,
                   gconstpointer  data)
{
  StewardTestNotification *shown;
  GtkWindow *other;

  /* Only this test's notification counts: an earlier test may have left one that arrived late. */
  steward_test_notifications_clear ();
  steward_demo_server_fail_bulk_target (f->demo->server, "tenant_002", "Lock wait timeout exceeded",
                                        1);
  go_to_tenants (f, 3);
  wait_validated (f);
  press_next (f, "settings");

  other = GTK_WINDOW (gtk_window_new ());
  f->window = other;
  gtk_window_present (other);
  g_assert_true (steward_test_wait_until (inactive_cb, f->wizard, STEWARD_TEST_TIMEOUT_MS));
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.next", NULL);
  wait_created (f);

  g_assert_false (gtk_window_is_active (GTK_WINDOW (f->wizard)));
  g_assert_true (steward_test_wait_until (notified_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
  /* The last one: an earlier test's may still have arrived after the list was cleared. */
  shown = g_ptr_array_index (steward_test_notifications_get_shown (),
                             steward_test_notifications_get_shown ()->len - 1);
  g_assert_cmpstr (shown->summary, ==, "Onboarding Finished");
  g_assert_cmpstr (shown->body, ==, "2 datastores created, 1 failed");
  g_assert_cmpstr (steward_onboarding_wizard_get_notification (f->wizard), ==, shown->body);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Notifications go through the application, as in Steward. */
  app = gtk_application_new ("io.github.stewardapp.Steward.Tests", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_set_default (G_APPLICATION (app));
  steward_test_notifications_serve ();

#define ADD(path, setup, func) g_test_add (path, Fixture, NULL, setup, func, teardown)

  ADD ("/onboarding/existing-connection", setup_manager, test_existing_connection);
  ADD ("/onboarding/new-connection", setup_manager, test_new_connection);
  ADD ("/onboarding/validate-batches", setup_manager, test_validate_batches);
  ADD ("/onboarding/retry-failed", setup_manager, test_retry_failed);
  ADD ("/onboarding/settings-applied", setup_manager, test_settings_applied);
  ADD ("/onboarding/root-paths", setup_manager, test_root_paths);
  ADD ("/onboarding/template-preview", setup_manager, test_template_preview);
  ADD ("/onboarding/unanswered-created", setup_manager, test_unanswered_created);
  ADD ("/onboarding/unanswered-not-created", setup_manager, test_unanswered_not_created);
  ADD ("/onboarding/discovery-failure", setup_manager, test_discovery_failure);
  ADD ("/onboarding/discovery-refused", setup_manager, test_discovery_refused);
  ADD ("/onboarding/cancel-midway", setup_manager, test_cancel_midway);
  ADD ("/onboarding/member-refused", setup_member, test_member_refused);
  ADD ("/onboarding/main-view", setup_manager, test_main_view);
  ADD ("/onboarding/hundred-schemas", setup_manager, test_hundred_schemas);
  ADD ("/onboarding/notification", setup_manager, test_notification);

  return g_test_run ();
}
