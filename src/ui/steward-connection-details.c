/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connection-details"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-connection-details.h"
#include "steward-format.h"

/* Everything about one connection that the server tells: its connector, where it points, its
 * options, which secrets it keeps (never their values: the server does not send them), the
 * datastores that use it (each opens in the datastore browser), and when it was made, with the
 * actions on it (connections.* actions of the page around it) and a test of the saved
 * connection. It follows the shared connection object, so an edit shows at once. */
struct _StewardConnectionDetails
{
  AdwBin                   parent_instance;

  StewardDeployment       *deployment;
  StewardConnection       *connection;
  gulong                   notify_id;
  GListModel              *connectors;
  GPtrArray               *rows;        /* rows added to the groups below, removed on update */
  char                    *why_not;

  /* Template widgets */
  GtkStack                *stack;
  GtkLabel                *name_label;
  GtkLabel                *kind_label;
  GtkButton               *edit_button;
  GtkButton               *credentials_button;
  GtkButton               *delete_button;
  GtkLabel                *denied_label;
  StewardConnectionTester *tester;
  AdwPreferencesGroup     *settings_group;
  AdwPreferencesGroup     *secrets_group;
  AdwPreferencesGroup     *datastores_group;
  AdwPreferencesGroup     *history_group;
};

G_DEFINE_FINAL_TYPE (StewardConnectionDetails, steward_connection_details, ADW_TYPE_BIN)

/* More datastores than this are summed up in one row: the details are no list of thousands. */
#define MAX_DATASTORE_ROWS 100
/* Option values are shown whole up to this length. */
#define MAX_VALUE_CHARS 500

/* Labels for the top-level members, for when the connector has no field of its own for one;
 * worded, and translated, as the connector forms' own labels. */
static const struct
{
  const char *name;
  const char *label;
} member_labels[] = {
  { "host", NC_("connector", "Host") },
  { "port", NC_("connector", "Port") },
  { "username", NC_("connector", "User Name") },
  { "uri", NC_("connector", "URI") },
  { "access_key", NC_("connector", "Access Key") },
  { "catalog", NC_("connector", "Catalog") },
  { "jdbc_fetch_size", NC_("connector", "JDBC Fetch Size") },
  { "max_parallelization", NC_("connector", "Max Parallelization") },
  { "secrets_manager", NC_("connector", "Secrets Manager") },
};

static const char *
member_label (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (member_labels); i++)
    if (g_str_equal (member_labels[i].name, name))
      return g_dpgettext2 (GETTEXT_PACKAGE, "connector", member_labels[i].label);
  return name;
}

static StewardConnectorSpec *
find_spec (StewardConnectionDetails *self)
{
  if (self->connectors == NULL || self->connection == NULL)
    return NULL;

  return steward_connector_spec_list_find (self->connectors,
                                           steward_connection_get_type_name (self->connection));
}

/* What the Change button says: "Password" when that is the connector's only secret. */
const char *
steward_connection_credentials_label (StewardConnectorSpec *spec)
{
  guint secrets = 0;
  gboolean password = FALSE;

  for (guint i = 0; spec != NULL && i < steward_connector_spec_get_n_fields (spec); i++)
    {
      StewardConnectorField *field = steward_connector_spec_get_field (spec, i);

      if (!steward_connector_field_get_secret (field))
        continue;
      secrets++;
      password |= g_strcmp0 (steward_connector_field_get_path (field), "password") == 0;
    }

  return secrets == 1 && password ? _("Change _Password…") : _("Change _Credentials…");
}

static void
clear_rows (StewardConnectionDetails *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* A row whose title and value are data: neither is read as markup. */
static GtkWidget *
add_row (StewardConnectionDetails *self,
         AdwPreferencesGroup      *group,
         const char               *title,
         const char               *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *cut = g_utf8_strlen (value, -1) > MAX_VALUE_CHARS
        ? g_utf8_substring (value, 0, MAX_VALUE_CHARS - 1) : NULL;
      g_autofree char *shown = cut != NULL ? g_strconcat (cut, "…", NULL) : g_strdup (value);

      gtk_label_set_label (GTK_LABEL (label), shown);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_hexpand (label, TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* A value as a person reads it: yes or no, a number, a choice's label, or the text. */
static char *
format_value (StewardConnectionDetails *self,
              StewardConnectorField    *field,
              const char               *path)
{
  g_autofree char *text = steward_connection_dup_value_text (self->connection, path);
  JsonNode *node = steward_connection_get_value (self->connection, path);

  if (text == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));

  if (field != NULL && steward_connector_field_get_kind (field) == STEWARD_CONNECTOR_FIELD_CHOICE)
    {
      const char * const *choices = steward_connector_field_get_choices (field);
      const char * const *labels = steward_connector_field_get_choice_labels (field);

      for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
        if (g_str_equal (choices[i], text) && labels != NULL && labels[i] != NULL)
          return g_strdup (labels[i]);
    }

  return g_steal_pointer (&text);
}

static void
add_settings (StewardConnectionDetails *self,
              StewardConnectorSpec     *spec)
{
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *fields = steward_connection_get_fields (self->connection);
  JsonObject *parameters = steward_connection_get_parameters (self->connection);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  /* The connector's own fields first, in its form's order and with its labels. */
  for (guint i = 0; spec != NULL && i < steward_connector_spec_get_n_fields (spec); i++)
    {
      StewardConnectorField *field = steward_connector_spec_get_field (spec, i);
      const char *path = steward_connector_field_get_path (field);
      g_autofree char *value = NULL;

      if (steward_connector_field_get_secret (field))
        continue;

      value = format_value (self, field, path);
      if (value == NULL)
        continue;
      add_row (self, self->settings_group, steward_connector_field_get_label (field), value);
      g_hash_table_add (shown, g_strdup (path));
    }

  /* Then whatever else the server keeps for it. */
  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &member, &node))
    {
      g_autofree char *value = NULL;

      if (g_hash_table_contains (shown, member))
        continue;
      value = format_value (self, NULL, member);
      if (value != NULL)
        add_row (self, self->settings_group, member_label (member), value);
    }

  json_object_iter_init (&iter, parameters);
  while (json_object_iter_next (&iter, &member, &node))
    {
      g_autofree char *path = g_strconcat ("parameters.", member, NULL);
      g_autofree char *value = NULL;

      if (g_hash_table_contains (shown, path))
        continue;
      value = format_value (self, NULL, path);
      if (value != NULL)
        add_row (self, self->settings_group, member, value);
    }
}

static void
add_secrets (StewardConnectionDetails *self,
             StewardConnectorSpec     *spec)
{
  guint n = 0;

  for (guint i = 0; spec != NULL && i < steward_connector_spec_get_n_fields (spec); i++)
    {
      StewardConnectorField *field = steward_connector_spec_get_field (spec, i);

      if (!steward_connector_field_get_secret (field))
        continue;

      /* Translators: the value shown for a password or key, which the server never sends. */
      add_row (self, self->secrets_group, steward_connector_field_get_label (field),
               _("Not shown"));
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->secrets_group), n > 0);
}

static char *
datastore_placement (StewardDatastore *datastore)
{
  const char *database = steward_datastore_get_database (datastore);
  const char *schema = steward_datastore_get_schema (datastore);

  if (steward_datastore_is_dfs (datastore))
    return g_strdup (steward_datastore_get_root_path (datastore));
  if (database != NULL && schema != NULL)
    return g_strdup_printf ("%s/%s", database, schema);
  return g_strdup (database != NULL ? database : schema);
}

static void
add_datastores (StewardConnectionDetails *self)
{
  g_autoptr(GListModel) users = NULL;
  g_autofree char *description = NULL;
  guint n;

  if (self->deployment == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->datastores_group), FALSE);
      return;
    }

  users =
      steward_deployment_list_connection_datastores (self->deployment,
                                                     steward_connection_get_id (self->connection));
  n = g_list_model_get_n_items (users);
  gtk_widget_set_visible (GTK_WIDGET (self->datastores_group), TRUE);

  if (n == 0)
    description = g_strdup (_("No datastore uses this connection."));
  else
    description = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "Used by %u datastore. Activate it to open it in the browser.",
                     "Used by %u datastores. Activate one to open it in the browser.", n),
        n);
  adw_preferences_group_set_description (self->datastores_group, description);

  for (guint i = 0; i < MIN (n, MAX_DATASTORE_ROWS); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (users, i);
      g_autofree char *placement = datastore_placement (datastore);
      GtkWidget *row =
          add_row (self, self->datastores_group, steward_datastore_get_name (datastore), NULL);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      if (placement != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), placement);
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                      -1);
      gtk_widget_set_tooltip_text (row, _("Open in the datastore browser"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* The target first: the action's parameter is checked as soon as it is named. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_int64 (
                                                  steward_datastore_get_id (datastore)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "view.open-datastore");
    }

  if (n > MAX_DATASTORE_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                            "And %u more", n - MAX_DATASTORE_ROWS),
                                               n - MAX_DATASTORE_ROWS);

      add_row (self, self->datastores_group, more, NULL);
    }
}

static void
add_history (StewardConnectionDetails *self)
{
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *id =
      g_strdup_printf ("%" G_GINT64_FORMAT, steward_connection_get_id (self->connection));

  if (steward_connection_get_created (self->connection) != NULL)
    {
      created = steward_format_date_time (steward_connection_get_created (self->connection));
      add_row (self, self->history_group, _("Created"), created);
    }
  if (steward_connection_get_updated (self->connection) != NULL)
    {
      updated = steward_format_date_time (steward_connection_get_updated (self->connection));
      add_row (self, self->history_group, _("Updated"), updated);
    }
  add_row (self, self->history_group, _("ID"), id);
}

static void
update (StewardConnectionDetails *self)
{
  StewardConnectorSpec *spec;
  const char *type;
  g_autofree char *kind = NULL;

  clear_rows (self);
  if (self->connection == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  spec = find_spec (self);
  type = steward_connection_get_type_name (self->connection);
  gtk_label_set_label (self->name_label, steward_connection_get_name (self->connection));
  /* Translators: a connection's connector and kind, e.g. "PostgreSQL · JDBC". */
  kind = g_strdup_printf (_("%s · %s"), steward_format_connector_type (type),
                          steward_connection_is_dfs (self->connection) ? _("Files (DFS)")
                                                                       : _("JDBC"));
  gtk_label_set_label (self->kind_label, kind);
  gtk_button_set_label (self->credentials_button, steward_connection_credentials_label (spec));

  add_settings (self, spec);
  add_secrets (self, spec);
  add_datastores (self);
  add_history (self);

  gtk_stack_set_visible_child_name (self->stack, "details");
}

static void
connection_notify_cb (StewardConnectionDetails *self)
{
  update (self);
}

/* The tester asks for a test: the saved connection, as the server stores it. */
static void
test_requested_cb (StewardConnectionDetails *self)
{
  if (self->connection == NULL || self->why_not != NULL)
    return;

  steward_connection_tester_start_saved (self->tester, steward_connection_get_id (self->connection),
                                         NULL);
}

static void
apply_denied (StewardConnectionDetails *self)
{
  gboolean denied = self->why_not != NULL;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->edit_button), denied ? self->why_not : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->credentials_button),
                               denied ? self->why_not
                                      : _("Change a secret, test it, and check the datastores "
                                           "that use it"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button),
                               denied ? self->why_not : _("Delete Connection…"));
  gtk_widget_set_tooltip_text (steward_connection_tester_get_button (self->tester),
                               denied ? self->why_not
                                      : _("Check that the Qualytics deployment can connect with "
                                           "these settings"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->tester), !denied);
  gtk_label_set_label (self->denied_label, denied ? self->why_not : "");
  gtk_widget_set_visible (GTK_WIDGET (self->denied_label), denied);
}

static void
steward_connection_details_dispose (GObject *object)
{
  StewardConnectionDetails *self = STEWARD_CONNECTION_DETAILS (object);

  if (self->connection != NULL)
    g_clear_signal_handler (&self->notify_id, self->connection);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  /* AdwBin unparents its child itself: let go of it first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CONNECTION_DETAILS);
  g_clear_object (&self->connection);
  g_clear_object (&self->deployment);
  g_clear_object (&self->connectors);

  G_OBJECT_CLASS (steward_connection_details_parent_class)->dispose (object);
}

static void
steward_connection_details_finalize (GObject *object)
{
  StewardConnectionDetails *self = STEWARD_CONNECTION_DETAILS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->why_not);

  G_OBJECT_CLASS (steward_connection_details_parent_class)->finalize (object);
}

static void
steward_connection_details_class_init (StewardConnectionDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_connection_details_dispose;
  object_class->finalize = steward_connection_details_finalize;

  g_type_ensure (STEWARD_TYPE_CONNECTION_TESTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-connection-details.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, kind_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, edit_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, credentials_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, delete_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, denied_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, tester);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, settings_group);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, secrets_group);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, datastores_group);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionDetails, history_group);
  gtk_widget_class_bind_template_callback (widget_class, test_requested_cb);
}

static void
steward_connection_details_init (StewardConnectionDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows are the groups' children: removing them is what lets them go. */
  self->rows = g_ptr_array_new ();
  apply_denied (self);
  update (self);
}

GtkWidget *
steward_connection_details_new (void)
{
  return g_object_new (STEWARD_TYPE_CONNECTION_DETAILS, NULL);
}

/* Returns: (transfer none) (nullable) */
StewardDeployment *
steward_connection_details_get_deployment (StewardConnectionDetails *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_DETAILS (self), NULL);

  return self->deployment;
}

/* Where the datastores that use the connection are found, and the client its test uses. */
void
steward_connection_details_set_deployment (StewardConnectionDetails *self,
                                           StewardDeployment        *deployment)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_DETAILS (self));
  g_return_if_fail (deployment == NULL || STEWARD_IS_DEPLOYMENT (deployment));

  if (!g_set_object (&self->deployment, deployment))
    return;

  steward_connection_tester_cancel (self->tester);
  steward_connection_tester_set_client (self->tester,
                                        deployment != NULL
                                            ? steward_deployment_get_client (deployment)
                                            : NULL);
  update (self);
}

/* Returns: (transfer none) (nullable) */
StewardConnection *
steward_connection_details_get_connection (StewardConnectionDetails *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_DETAILS (self), NULL);

  return self->connection;
}

void
steward_connection_details_set_connection (StewardConnectionDetails *self,
                                           StewardConnection        *connection)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_DETAILS (self));
  g_return_if_fail (connection == NULL || STEWARD_IS_CONNECTION (connection));

  if (self->connection == connection)
    return;

  if (self->connection != NULL)
    g_clear_signal_handler (&self->notify_id, self->connection);
  g_set_object (&self->connection, connection);
  if (connection != NULL)
    self->notify_id =
        g_signal_connect_swapped (connection, "notify", G_CALLBACK (connection_notify_cb), self);

  /* A result was about the connection shown before. */
  steward_connection_tester_cancel (self->tester);
  steward_connection_tester_reset (self->tester);
  update (self);
}

/* The connector descriptions (StewardConnectorSpec), for the fields' labels and order. */
void
steward_connection_details_set_connectors (StewardConnectionDetails *self,
                                           GListModel               *connectors)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_DETAILS (self));
  g_return_if_fail (connectors == NULL || G_IS_LIST_MODEL (connectors));

  if (g_set_object (&self->connectors, connectors))
    update (self);
}

/* Why the user may not change, test or delete connections (NULL when they may): the buttons
 * say it in their tooltips, and a line under them says it to everyone. */
void
steward_connection_details_set_denied (StewardConnectionDetails *self,
                                       const char               *why_not)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_DETAILS (self));

  if (g_strcmp0 (self->why_not, why_not) == 0)
    return;

  g_free (self->why_not);
  self->why_not = g_strdup (why_not);
  apply_denied (self);
}

/* The deployment's datastores changed: which use the connection may have too. */
void
steward_connection_details_update_datastores (StewardConnectionDetails *self)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_DETAILS (self));

  if (self->connection != NULL)
    update (self);
}

/* Returns: (transfer none) */
StewardConnectionTester *
steward_connection_details_get_tester (StewardConnectionDetails *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_DETAILS (self), NULL);

  return self->tester;
}
