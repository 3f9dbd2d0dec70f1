/* SPDX-License-Identifier: GPL-3.0-or-later */
/* StewardConnectorForm: every connector of the built-in table renders, and filled in produces a
 * connection body with each field where the table says; required fields, malformed numbers and
 * JSON are marked before anything is sent; a server's field names mark their rows; secrets and
 * key files are wiped when the form closes. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "steward-connector-form.h"
#include "steward-row-message.h"
#include "steward-test-utils.h"

typedef struct
{
  GtkWindow            *window;
  StewardConnectorForm *form;
  GListModel           *specs;
  char                 *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->specs = steward_connector_spec_list_load_builtin (&error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  f->form = STEWARD_CONNECTOR_FORM (steward_connector_form_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->form));
  gtk_window_present (f->window);

  f->dir = g_dir_make_tmp ("steward-form-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);

  gtk_window_destroy (f->window);
  g_clear_object (&f->specs);
}

static StewardConnectorSpec *
find_spec (Fixture    *f,
           const char *type)
{
  StewardConnectorSpec *spec = steward_connector_spec_list_find (f->specs, type);

  g_assert_nonnull (spec);
  return spec;
}

static gboolean
not_busy_cb (gpointer user_data)
{
  return !steward_connector_form_get_busy (user_data);
}

static GFile *
write_key_file (Fixture    *f,
                const char *name,
                const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static const char *
message_of (StewardConnectorForm *form,
            const char           *field)
{
  return steward_connector_form_get_field_message (form, field);
}

/* The widget a kind is rendered with. */
static void
assert_row_kind (GtkWidget                 *row,
                 StewardConnectorFieldKind  kind)
{
  switch (kind)
    {
    case STEWARD_CONNECTOR_FIELD_TEXT:
    case STEWARD_CONNECTOR_FIELD_NUMBER:
    case STEWARD_CONNECTOR_FIELD_JSON:
      g_assert_true (ADW_IS_ENTRY_ROW (row));
      g_assert_false (ADW_IS_PASSWORD_ENTRY_ROW (row));
      break;
    case STEWARD_CONNECTOR_FIELD_SECRET:
      g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (row));
      break;
    case STEWARD_CONNECTOR_FIELD_BOOLEAN:
      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_assert_nonnull (steward_test_find_widget (row, GTK_TYPE_SWITCH, NULL));
      break;
    case STEWARD_CONNECTOR_FIELD_CHOICE:
      g_assert_true (ADW_IS_COMBO_ROW (row));
      break;
    case STEWARD_CONNECTOR_FIELD_FILE:
      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_assert_nonnull (steward_test_find_widget (row, GTK_TYPE_BUTTON, "_Choose File…"));
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert_true (gtk_widget_get_mapped (row));
}

/* Fills each field with a value of its kind and checks where the body puts it. */
static void
test_every_connector (Fixture       *f,
                      gconstpointer  data)
{
  for (guint i = 0; i < g_list_model_get_n_items (f->specs); i++)
    {
      g_autoptr(StewardConnectorSpec) spec = g_list_model_get_item (f->specs, i);
      g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(JsonObject) connection = NULL;
      JsonObject *parameters;
      const char *type = steward_connector_spec_get_type_name (spec);
      guint n_fields = steward_connector_spec_get_n_fields (spec);

      g_test_message ("connector %s", type);
      steward_connector_form_set_spec (f->form, spec);
      steward_test_iterate (STEWARD_TEST_IDLE_MS);
      steward_connector_form_set_value (f->form, "name", "sample_connection");

      for (guint j = 0; j < n_fields; j++)
        {
          StewardConnectorField *field = steward_connector_spec_get_field (spec, j);
          const char *path = steward_connector_field_get_path (field);
          const char *name = steward_connector_field_get_name (field);
          GtkWidget *row = steward_connector_form_get_row (f->form, path);
          g_autofree char *value = NULL;

          g_assert_nonnull (row);
          assert_row_kind (row, steward_connector_field_get_kind (field));
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                           steward_connector_field_get_label (field));

          switch (steward_connector_field_get_kind (field))
            {
            case STEWARD_CONNECTOR_FIELD_TEXT:
            case STEWARD_CONNECTOR_FIELD_SECRET:
              value = g_strdup_printf ("sample-%s", name);
              break;
            case STEWARD_CONNECTOR_FIELD_NUMBER:
              value = g_strdup ("443");
              break;
            case STEWARD_CONNECTOR_FIELD_BOOLEAN:
              /* The opposite of the default, so that the value is surely the form's. */
              value = g_strdup (
                  g_strcmp0 (steward_connector_field_get_default_value (field), "true") == 0
                      ? "false"
                      : "true");
              break;
            case STEWARD_CONNECTOR_FIELD_CHOICE:
              {
                const char * const *choices = steward_connector_field_get_choices (field);
                value = g_strdup (choices[g_strv_length ((char **) choices) - 1]);
              }
              break;
            case STEWARD_CONNECTOR_FIELD_JSON:
              value = g_strdup ("{\"extra_option\": 7, \"nested\": {\"on\": true}}");
              break;
            case STEWARD_CONNECTOR_FIELD_FILE:
              {
                g_autofree char *contents =
                    g_strdup_printf ("{\"type\": \"service_account\", \"key\": \"%s\"}\n", name);
                g_autoptr(GFile) file = write_key_file (f, name, contents);

                steward_connector_form_set_file (f->form, path, file);
                g_assert_true (steward_connector_form_get_busy (f->form));
                g_assert_true (
                    steward_test_wait_until (not_busy_cb, f->form, STEWARD_TEST_TIMEOUT_MS));
                g_hash_table_insert (files, (gpointer) path, g_steal_pointer (&contents));
                /* The row names the file; the contents show nowhere. */
                g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, name);
              }
              continue;
            default:
              g_assert_not_reached ();
            }

          g_assert_true (steward_connector_form_set_value (f->form, path, value));
        }

      g_assert_true (steward_connector_form_validate (f->form));
      connection = steward_connector_form_build_connection (f->form);
      g_assert_nonnull (connection);
      g_assert_cmpstr (json_object_get_string_member (connection, "name"), ==, "sample_connection");
      parameters = json_object_has_member (connection, "parameters")
        ? json_object_get_object_member (connection, "parameters")
        : NULL;

      if (steward_connector_spec_is_generic (spec))
        {
          /* The real type comes from the form; the raw parameters are merged. */
          g_assert_cmpstr (json_object_get_string_member (connection, "type"), ==, "timescale");
          g_assert_nonnull (parameters);
          g_assert_cmpint (json_object_get_int_member (parameters, "extra_option"), ==, 7);
          g_assert_true (
              json_object_get_boolean_member (json_object_get_object_member (parameters, "nested"),
                                              "on"));
        }
      else
        g_assert_cmpstr (json_object_get_string_member (connection, "type"), ==, type);

      for (guint j = 0; j < n_fields; j++)
        {
          StewardConnectorField *field = steward_connector_spec_get_field (spec, j);
          const char *name = steward_connector_field_get_name (field);
          StewardConnectorFieldKind kind = steward_connector_field_get_kind (field);
          gboolean top = steward_connector_field_get_target (field) == STEWARD_CONNECTOR_TARGET_TOP;
          JsonObject *home = top ? connection : parameters;
          JsonObject *other = top ? parameters : connection;
          JsonNode *node;

          if (kind == STEWARD_CONNECTOR_FIELD_JSON || g_str_equal (name, "type"))
            continue;

          g_test_message ("  field %s", name);
          g_assert_nonnull (home);
          node = json_object_get_member (home, name);
          g_assert_nonnull (node);
          if (other != NULL && other != connection)
            g_assert_false (json_object_has_member (other, name));
          if (other == connection)
            g_assert_false (json_object_has_member (connection, name));

          switch (kind)
            {
            case STEWARD_CONNECTOR_FIELD_TEXT:
            case STEWARD_CONNECTOR_FIELD_SECRET:
              {
                g_autofree char *expected = g_strdup_printf ("sample-%s", name);
                g_assert_cmpstr (json_node_get_string (node), ==, expected);
              }
              break;
            case STEWARD_CONNECTOR_FIELD_NUMBER:
              g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
              g_assert_cmpint (json_node_get_int (node), ==, 443);
              break;
            case STEWARD_CONNECTOR_FIELD_BOOLEAN:
              g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
              g_assert_cmpint (json_node_get_boolean (node), ==,
                               g_strcmp0 (steward_connector_field_get_default_value (field),
                                          "true") != 0);
              break;
            case STEWARD_CONNECTOR_FIELD_CHOICE:
              {
                const char * const *choices = steward_connector_field_get_choices (field);
                g_assert_cmpstr (json_node_get_string (node), ==,
                                 choices[g_strv_length ((char **) choices) - 1]);
              }
              break;
            case STEWARD_CONNECTOR_FIELD_FILE:
              g_assert_cmpstr (json_node_get_string (node), ==,
                               g_hash_table_lookup (files,
                                                    steward_connector_field_get_path (field)));
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
}

/* A server's description renders with the same rows as the table's. */
static void
test_server_description (Fixture       *f,
                         gconstpointer  data)
{
  static const char json[] =
      "[{\"type\": \"postgresql\", \"display_name\": \"PostgreSQL\", \"properties\": ["
      "  {\"field\": \"host\", \"title\": \"Host\", \"type\": \"string\", \"required\": true, "
      "\"map_to\": \"host\"},"
      "  {\"field\": \"port\", \"title\": \"Port\", \"type\": \"integer\", \"default\": 5432, "
      "\"map_to\": \"port\"},"
      "  {\"field\": \"password\", \"title\": \"Password\", \"type\": \"string\", \"secret\": "
      "true, \"map_to\": \"password\"},"
      "  {\"field\": \"sslmode\", \"title\": \"SSL mode\", \"type\": \"select\", \"default\": "
      "\"prefer\","
      "   \"map_to\": \"parameters.sslmode\", \"values\": [\"disable\", \"prefer\", "
      "\"require\"]}]}]";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(JsonObject) connection = NULL;
  StewardConnectorSpec *spec;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  specs = steward_connector_spec_list_new_from_specifications (json_parser_get_root (parser), NULL);
  spec = steward_connector_spec_list_find (specs, "postgresql");
  steward_connector_form_set_spec (f->form, spec);

  assert_row_kind (steward_connector_form_get_row (f->form, "host"), STEWARD_CONNECTOR_FIELD_TEXT);
  assert_row_kind (steward_connector_form_get_row (f->form, "port"),
                   STEWARD_CONNECTOR_FIELD_NUMBER);
  assert_row_kind (steward_connector_form_get_row (f->form, "password"),
                   STEWARD_CONNECTOR_FIELD_SECRET);
  assert_row_kind (steward_connector_form_get_row (f->form, "parameters.sslmode"),
                   STEWARD_CONNECTOR_FIELD_CHOICE);
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (f->form, "port"))),
                   ==, "5432");

  steward_connector_form_set_default_name (f->form, "pg");
  steward_connector_form_set_value (f->form, "host", "db.acme-corp.com");
  steward_connector_form_set_value (f->form, "password", "pw");
  g_assert_true (steward_connector_form_validate (f->form));
  connection = steward_connector_form_build_connection (f->form);
  g_assert_cmpstr (json_object_get_string_member (connection, "name"), ==, "pg");
  g_assert_cmpint (json_object_get_int_member (connection, "port"), ==, 5432);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (connection,
                                                                                 "parameters"),
                                                  "sslmode"),
                   ==, "prefer");
}

static void
test_required_fields (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *host;

  steward_connector_form_set_spec (f->form, find_spec (f, "postgresql"));
  steward_connector_form_set_value (f->form, "port", "");

  g_assert_false (steward_connector_form_validate (f->form));
  g_assert_cmpstr (message_of (f->form, "name"), ==, "The connection needs a name");
  g_assert_cmpstr (message_of (f->form, "host"), ==, "This field is required");
  g_assert_cmpstr (message_of (f->form, "port"), ==, "This field is required");
  g_assert_cmpstr (message_of (f->form, "username"), ==, "This field is required");
  g_assert_cmpstr (message_of (f->form, "password"), ==, "This field is required");
  g_assert_null (message_of (f->form, "parameters.sslmode"));

  host = steward_connector_form_get_row (f->form, "host");
  g_assert_true (gtk_widget_has_css_class (host, "error"));
  g_assert_nonnull (
      steward_test_find_widget (GTK_WIDGET (f->form), GTK_TYPE_LABEL, "This field is required"));

  /* Typing takes the mark away. */
  gtk_editable_set_text (GTK_EDITABLE (host), "db.acme-corp.com");
  g_assert_null (message_of (f->form, "host"));
  g_assert_false (gtk_widget_has_css_class (host, "error"));

  /* A default name stands in for the connection name. */
  steward_connector_form_set_default_name (f->form, "Sales");
  steward_connector_form_set_value (f->form, "port", "5432");
  steward_connector_form_set_value (f->form, "username", "reader");
  steward_connector_form_set_value (f->form, "password", "pw");
  g_assert_true (steward_connector_form_validate (f->form));
  g_assert_null (message_of (f->form, "name"));

  /* A key file is required like any field. */
  steward_connector_form_set_spec (f->form, find_spec (f, "gcs"));
  steward_connector_form_set_value (f->form, "uri", "gs://bucket");
  g_assert_false (steward_connector_form_validate (f->form));
  g_assert_cmpstr (message_of (f->form, "credentials_payload"), ==, "Choose a file");
}

static void
test_malformed_values (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonObject) connection = NULL;

  steward_connector_form_set_spec (f->form, find_spec (f, "postgresql"));
  steward_connector_form_set_value (f->form, "port", "54x");
  g_assert_cmpstr (message_of (f->form, "port"), ==, "Enter a whole number from 1 to 65535");
  steward_connector_form_set_value (f->form, "port", "70000");
  g_assert_cmpstr (message_of (f->form, "port"), ==, "Enter a whole number from 1 to 65535");
  steward_connector_form_set_value (f->form, "port", "6543");
  g_assert_null (message_of (f->form, "port"));

  steward_connector_form_set_spec (f->form, find_spec (f, STEWARD_CONNECTOR_GENERIC_JDBC));
  steward_connector_form_set_default_name (f->form, "other");
  steward_connector_form_set_value (f->form, "host", "db2.example.com");
  steward_connector_form_set_value (f->form, "parameters", "[1, 2]");
  g_assert_cmpstr (message_of (f->form, "parameters"), ==,
                   "Enter a JSON object, like {\"ssl\": true}");
  g_assert_false (steward_connector_form_validate (f->form));
  steward_connector_form_set_value (f->form, "parameters", "{\"ssl\": ");
  g_assert_false (steward_connector_form_validate (f->form));
  g_assert_nonnull (message_of (f->form, "parameters"));

  steward_connector_form_set_value (f->form, "parameters", "  ");
  g_assert_true (steward_connector_form_validate (f->form));
  connection = steward_connector_form_build_connection (f->form);
  g_assert_cmpstr (json_object_get_string_member (connection, "type"), ==, "db2");
  g_assert_false (json_object_has_member (connection, "parameters"));
  /* Carried over from the PostgreSQL form, where it was typed. */
  g_assert_cmpint (json_object_get_int_member (connection, "port"), ==, 6543);
}

static void
test_mark_field (Fixture       *f,
                 gconstpointer  data)
{
  steward_connector_form_set_spec (f->form, find_spec (f, "snowflake"));

  g_assert_true (steward_connector_form_mark_field (f->form, "connection.host",
                                                    "String should have at most 2048 characters"));
  g_assert_cmpstr (message_of (f->form, "host"), ==, "String should have at most 2048 characters");
  g_assert_true (
      gtk_widget_has_css_class (steward_connector_form_get_row (f->form, "host"), "error"));

  g_assert_true (
      steward_connector_form_mark_field (f->form, "connection.parameters.role", "Unknown role"));
  g_assert_cmpstr (message_of (f->form, "connection.parameters.role"), ==, "Unknown role");
  g_assert_true (steward_connector_form_mark_field (f->form, "connection.name", "Taken"));
  g_assert_cmpstr (message_of (f->form, "name"), ==, "Taken");
  g_assert_false (
      steward_connector_form_mark_field (f->form, "connection.parameters.nothing", "x"));
  g_assert_false (steward_connector_form_mark_field (f->form, "schema", "x"));

  steward_connector_form_clear_marks (f->form);
  g_assert_null (message_of (f->form, "host"));
  g_assert_false (
      gtk_widget_has_css_class (steward_connector_form_get_row (f->form, "host"), "error"));

  /* A parameter without a field of its own marks the raw parameters. */
  steward_connector_form_set_spec (f->form, find_spec (f, STEWARD_CONNECTOR_GENERIC_JDBC));
  g_assert_true (steward_connector_form_mark_field (f->form, "connection.parameters.ssl",
                                                    "Input should be a valid boolean"));
  g_assert_cmpstr (message_of (f->form, "parameters"), ==, "Input should be a valid boolean");
}

/* Switching connector keeps what was typed for a field both have, but not a default. */
static void
test_switch_connector (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *row;

  steward_connector_form_set_connectors (f->form, f->specs);
  g_assert_true (steward_connector_form_select_type (f->form, "postgresql"));
  g_assert_true (steward_connector_form_get_spec (f->form) == find_spec (f, "postgresql"));
  steward_connector_form_set_value (f->form, "host", "db.acme-corp.com");
  steward_connector_form_set_value (f->form, "username", "reader");
  steward_connector_form_set_value (f->form, "password", "pw");

  g_assert_true (steward_connector_form_select_type (f->form, "mysql"));
  g_assert_true (steward_connector_form_get_spec (f->form) == find_spec (f, "mysql"));
  row = steward_connector_form_get_row (f->form, "host");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "db.acme-corp.com");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (f->form, "username"))),
                   ==, "reader");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (f->form, "port"))),
                   ==, "3306");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (f->form, "password"))),
                   ==, "");
  g_assert_null (steward_connector_form_get_row (f->form, "parameters.sslmode"));
  g_assert_false (steward_connector_form_select_type (f->form, "punchcards"));
}

static void
test_clear_secrets (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file =
      write_key_file (f, "key.p8",
                      "-----BEGIN PRIVATE KEY-----\nMIIEvAIB\n-----END PRIVATE KEY-----\n");
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  GtkWidget *file_row;

  steward_connector_form_set_spec (f->form, find_spec (f, "snowflake"));
  steward_connector_form_set_value (f->form, "password", "hunter2-secret");
  steward_connector_form_set_value (f->form, "passphrase", "open sesame");
  steward_connector_form_set_value (f->form, "username", "qualytics");
  steward_connector_form_set_file (f->form, "parameters.private_key", file);
  g_assert_true (steward_test_wait_until (not_busy_cb, f->form, STEWARD_TEST_TIMEOUT_MS));

  file_row = steward_connector_form_get_row (f->form, "parameters.private_key");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (file_row)), ==, "key.p8");
  g_assert_null (steward_test_find_widget (GTK_WIDGET (f->form), GTK_TYPE_LABEL, "MIIEvAIB"));
  before = steward_connector_form_build_connection (f->form);
  g_assert_nonnull (
      strstr (json_object_get_string_member (json_object_get_object_member (before, "parameters"),
                                             "private_key"),
              "MIIEvAIB"));

  steward_connector_form_clear_secrets (f->form);
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (f->form, "password"))),
                   ==, "");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (f->form, "passphrase"))),
                   ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (file_row)), ==, "No file chosen");
  /* What is not secret stays. */
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (steward_connector_form_get_row (f->form, "username"))),
                   ==, "qualytics");

  after = steward_connector_form_build_connection (f->form);
  g_assert_false (json_object_has_member (after, "password"));
  g_assert_false (json_object_has_member (after, "passphrase"));
  g_assert_false (
      json_object_has_member (json_object_get_object_member (after, "parameters"), "private_key"));
}

static void
test_bad_key_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing_path = g_build_filename (f->dir, "missing.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) binary = NULL;
  g_autofree char *path = g_build_filename (f->dir, "binary.bin", NULL);
  static const char bytes[] = { 'a', '\0', (char) 0xff, 'b' };

  g_file_set_contents (path, bytes, sizeof bytes, NULL);
  binary = g_file_new_for_path (path);

  steward_connector_form_set_spec (f->form, find_spec (f, "bigquery"));
  steward_connector_form_set_file (f->form, "credentials_payload", missing);
  g_assert_true (steward_test_wait_until (not_busy_cb, f->form, STEWARD_TEST_TIMEOUT_MS));
  g_assert_nonnull (message_of (f->form, "credentials_payload"));

  steward_connector_form_set_file (f->form, "credentials_payload", binary);
  g_assert_true (steward_test_wait_until (not_busy_cb, f->form, STEWARD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (message_of (f->form, "credentials_payload"), ==,
                   "The file is not a text key file");
  g_assert_false (steward_connector_form_validate (f->form));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/connector-form/every-connector", test_every_connector);
  ADD ("/connector-form/server-description", test_server_description);
  ADD ("/connector-form/required-fields", test_required_fields);
  ADD ("/connector-form/malformed-values", test_malformed_values);
  ADD ("/connector-form/mark-field", test_mark_field);
  ADD ("/connector-form/switch-connector", test_switch_connector);
  ADD ("/connector-form/clear-secrets", test_clear_secrets);
  ADD ("/connector-form/bad-key-file", test_bad_key_file);
#undef ADD

  return g_test_run ();
}
