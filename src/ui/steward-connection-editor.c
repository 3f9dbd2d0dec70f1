/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connection-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-busy-form.h"
#include "steward-connection-details.h"
#include "steward-connection-editor-private.h"
#include "steward-discard-question.h"

/* Edits a saved connection with its connector's form, or changes its secrets alone (rotating a
 * password): test what is typed against the saved connection before saving, save, then check
 * every datastore that uses it, one row each.
 *
 * The server never sends secrets back, so their fields start empty and an empty one keeps the
 * stored secret; the request carries a secret only when one was typed. PUT /connections/{id}
 * always carries the name and the type, which deployed servers require, and otherwise only what
 * changed: a value cleared is sent as null, and the options ("parameters") are sent whole, the
 * stored ones with the changes laid over them, since servers replace them as a whole. The name is
 * checked against the deployment's other connections as it is typed. A failure leaves the form
 * as it was, what was typed included. Checking the datastores that use it after saving is in
 * steward-connection-editor-verify.c. */

G_DEFINE_FINAL_TYPE (StewardConnectionEditor, steward_connection_editor, ADW_TYPE_WINDOW)

G_DEFINE_ENUM_TYPE (StewardConnectionEditorMode, steward_connection_editor_mode,
                    G_DEFINE_ENUM_VALUE (STEWARD_CONNECTION_EDITOR_SETTINGS, "settings"),
                    G_DEFINE_ENUM_VALUE (STEWARD_CONNECTION_EDITOR_CREDENTIALS, "credentials"))

enum {
  PROP_0,
  PROP_DEPLOYMENT,
  PROP_CONNECTION,
  PROP_MODE,
  PROP_LOADED,
  PROP_VERIFYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

StewardClient *
_steward_connection_editor_get_client (StewardConnectionEditor *self)
{
  return steward_deployment_get_client (self->deployment);
}

static void
show_error (StewardConnectionEditor *self,
            const char              *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;

  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) &&
           (b == NULL || json_object_get_size (b) == 0);

  first = steward_json_object_node (a);
  second = steward_json_object_node (b);
  return json_node_equal (first, second);
}

/* Whether anything differs from the form as it was filled in: typing a secret counts. */
static gboolean
has_changes (StewardConnectionEditor *self)
{
  g_autoptr(JsonObject) current = NULL;

  if (self->initial == NULL)
    return FALSE;

  current = steward_connector_form_build_connection (self->form);
  return current != NULL && !objects_equal (current, self->initial);
}

/* Returns: (transfer full) (nullable): why the name cannot be saved: another connection of the
 * deployment has it (names are compared the way people read them, regardless of case). */
static char *
name_problem (StewardConnectionEditor *self)
{
  g_autoptr(JsonObject) current = steward_connector_form_build_connection (self->form);
  const char *name = current != NULL ? steward_json_get_string (current, "name") : NULL;
  GListModel *connections = steward_deployment_get_connections (self->deployment);
  g_autofree char *folded = NULL;
  guint n = g_list_model_get_n_items (connections);

  if (name == NULL || g_strcmp0 (name, steward_connection_get_name (self->connection)) == 0)
    return NULL;

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardConnection) other = g_list_model_get_item (connections, i);
      g_autofree char *other_folded = NULL;

      if (steward_connection_get_id (other) == steward_connection_get_id (self->connection) ||
          steward_connection_get_name (other) == NULL)
        continue;

      other_folded = g_utf8_casefold (steward_connection_get_name (other), -1);
      if (g_strcmp0 (folded, other_folded) == 0)
        /* Translators: %s is the name of the other connection. */
        return g_strdup_printf (_("Another connection is named “%s”; choose another name"),
                                steward_connection_get_name (other));
    }

  return NULL;
}

/* Returns: (transfer full): the body of PUT /connections/{id}: the name and the type, what changed
 * since the form was filled in (null for a value cleared), the secrets typed, and the options
 * whole when one of them changed. @changed_more says whether anything but the name changed.
 * When the options must be sent but the server kept one of them secret, and it was not typed
 * again, @hidden is set to its path: sending the options without it would drop it. */
static JsonObject *
build_changes (StewardConnectionEditor  *self,
               gboolean                 *changed_more,
               char                    **hidden)
{
  g_autoptr(JsonObject) current = steward_connector_form_build_connection (self->form);
  JsonObject *changes = json_object_new ();
  JsonObject *current_parameters = steward_json_get_object (current, "parameters");
  JsonObject *initial_parameters = steward_json_get_object (self->initial, "parameters");
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  gboolean more = FALSE;

  if (hidden != NULL)
    *hidden = NULL;

  json_object_set_string_member (changes, "name",
                                 steward_json_get_string (current, "name") != NULL
                                 ? steward_json_get_string (current, "name")
                                 : steward_connection_get_name (self->connection));
  json_object_set_string_member (changes, "type",
                                 steward_connection_get_type_name (self->connection));

  json_object_iter_init (&iter, current);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (g_str_equal (member, "name") || g_str_equal (member, "type") ||
          g_str_equal (member, "parameters"))
        continue;
      if (nodes_equal (node, json_object_get_member (self->initial, member)))
        continue;
      json_object_set_member (changes, member, steward_json_deep_copy (node));
      more = TRUE;
    }

  json_object_iter_init (&iter, self->initial);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (g_str_equal (member, "name") || g_str_equal (member, "type") ||
          g_str_equal (member, "parameters"))
        continue;
      if (json_object_has_member (current, member))
        continue;
      json_object_set_null_member (changes, member);
      more = TRUE;
    }

  if (!objects_equal (current_parameters, initial_parameters))
    {
      g_autoptr(JsonNode) stored =
          steward_json_object_node (steward_connection_get_parameters (self->connection));
      g_autoptr(JsonNode) merged_node = steward_json_deep_copy (stored);
      JsonObject *merged = json_node_get_object (merged_node);
      const char * const *kept_secret = steward_connection_get_hidden_parameters (self->connection);

      if (initial_parameters != NULL)
        {
          json_object_iter_init (&iter, initial_parameters);
          while (json_object_iter_next (&iter, &member, &node))
            if (current_parameters == NULL || !json_object_has_member (current_parameters, member))
              json_object_remove_member (merged, member);
        }
      if (current_parameters != NULL)
        {
          json_object_iter_init (&iter, current_parameters);
          while (json_object_iter_next (&iter, &member, &node))
            json_object_set_member (merged, member, steward_json_deep_copy (node));
        }

      for (guint i = 0; hidden != NULL && kept_secret != NULL && kept_secret[i] != NULL; i++)
        if (!json_object_has_member (merged, kept_secret[i]) && *hidden == NULL)
          *hidden = g_strconcat ("parameters.", kept_secret[i], NULL);

      json_object_set_object_member (changes, "parameters", json_object_ref (merged));
      more = TRUE;
    }

  if (changed_more != NULL)
    *changed_more = more;
  return changes;
}

void
_steward_connection_editor_update_state (StewardConnectionEditor *self)
{
  g_autofree char *problem = NULL;
  gboolean on_form = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0;
  gboolean changed;

  if (!on_form)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.verify",
                                     self->verify_running == 0 && self->verify_rows->len > 0);
      return;
    }

  problem = self->initial != NULL ? name_problem (self) : NULL;
  if (problem != NULL)
    steward_connector_form_mark_field (self->form, "name", problem);

  changed = has_changes (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 self->initial != NULL && !self->saving && changed &&
                                     problem == NULL &&
                                     !steward_connector_form_get_busy (self->form));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.verify", FALSE);
}

static void
set_saving (StewardConnectionEditor *self,
            gboolean                 saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), saving);
  gtk_spinner_set_spinning (self->spinner, saving);

  steward_busy_form_set_busy (GTK_WINDOW (self), self->form_box, saving,
                              &self->focus_before_saving);

  _steward_connection_editor_update_state (self);
}

static gboolean
has_secret_fields (StewardConnectorSpec *spec)
{
  for (guint i = 0; spec != NULL && i < steward_connector_spec_get_n_fields (spec); i++)
    if (steward_connector_field_get_secret (steward_connector_spec_get_field (spec, i)))
      return TRUE;
  return FALSE;
}

static GtkWidget *
first_secret_row (StewardConnectionEditor *self,
                  StewardConnectorSpec    *spec)
{
  for (guint i = 0; spec != NULL && i < steward_connector_spec_get_n_fields (spec); i++)
    {
      StewardConnectorField *field = steward_connector_spec_get_field (spec, i);

      if (steward_connector_field_get_secret (field))
        return steward_connector_form_get_row (self->form,
                                               steward_connector_field_get_path (field));
    }
  return NULL;
}

/* Fills the form with the connection as the server keeps it: every value but the secrets. */
static void
fill_form (StewardConnectionEditor *self,
           StewardConnectorSpec    *spec)
{
  const char *credentials_title = steward_connection_credentials_label (spec);
  g_autofree char *title = NULL;
  GtkWidget *focus;

  steward_connector_form_set_keep_secrets (self->form, TRUE);
  steward_connector_form_set_secrets_only (self->form,
                                           self->mode == STEWARD_CONNECTION_EDITOR_CREDENTIALS);
  steward_connector_form_set_spec (self->form, spec);
  steward_connector_form_set_value (self->form, "name",
                                    steward_connection_get_name (self->connection));

  for (guint i = 0; i < steward_connector_spec_get_n_fields (spec); i++)
    {
      StewardConnectorField *field = steward_connector_spec_get_field (spec, i);
      const char *path = steward_connector_field_get_path (field);
      g_autofree char *value = NULL;

      if (steward_connector_field_get_secret (field) ||
          steward_connector_field_get_kind (field) == STEWARD_CONNECTOR_FIELD_FILE)
        continue;

      value = steward_connection_dup_value_text (self->connection, path);
      if (value != NULL)
        steward_connector_form_set_value (self->form, path, value);
    }

  g_clear_pointer (&self->initial, json_object_unref);
  self->initial = steward_connector_form_build_connection (self->form);

  if (self->mode == STEWARD_CONNECTION_EDITOR_CREDENTIALS)
    {
      /* "Change _Password…" without its mnemonic and dots. */
      g_autoptr(GString) plain = g_string_new (credentials_title);

      g_string_replace (plain, "_", "", 0);
      g_string_replace (plain, "…", "", 0);
      title = g_string_free (g_steal_pointer (&plain), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->window_title, title);
      gtk_label_set_label (
          self->intro_label,
          has_secret_fields (spec)
              ? _("Type the new secret. A field left empty keeps the one the deployment has. "
                   "Test it, then save it, then check the datastores that use this connection.")
              : _("This connector keeps no password or key to change."));
      focus = first_secret_row (self, spec);
    }
  else
    {
      gtk_label_set_label (self->intro_label, _("Secrets are never shown: leave them empty to "
                                                 "keep them as they are."));
      focus = steward_connector_form_get_row (self->form, "name");
    }

  if (focus != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), focus);
  _steward_connection_editor_update_state (self);
}

static void
set_loaded (StewardConnectionEditor *self)
{
  if (self->loaded)
    return;

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/* Picks the connection's connector among @connectors and fills the form, unless it already shows
 * that very description or the user has typed. */
static void
use_connectors (StewardConnectionEditor *self,
                GListModel              *connectors)
{
  const char *type = steward_connection_get_type_name (self->connection);
  StewardConnectorSpec *spec =
      connectors != NULL ? steward_connector_spec_list_find (connectors, type) : NULL;
  g_autofree char *message = NULL;

  if (spec == NULL)
    {
      if (self->initial == NULL)
        {
          /* Translators: %s is a connector type such as "postgresql". */
          message =
              g_strdup_printf (_("Steward has no form for the “%s” connector, so this connection "
                                  "cannot be edited here."),
                               type != NULL ? type : "");
          show_error (self, message);
        }
      return;
    }

  if (spec == steward_connector_form_get_spec (self->form) || has_changes (self))
    return;

  show_error (self, NULL);
  fill_form (self, spec);
}

static void
connectors_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  StewardConnectionEditor *self = user_data;
  g_autoptr(GListModel) connectors = NULL;
  g_autoptr(GError) error = NULL;

  connectors = steward_client_load_connectors_finish (STEWARD_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (connectors == NULL)
    g_warning ("Could not load the connector forms: %s", error->message);
  else
    use_connectors (self, connectors);
  set_loaded (self);
}

static void
mark_fields (StewardConnectionEditor *self,
             const GError            *error)
{
  GPtrArray *field_errors = steward_api_error_get_field_errors (error);
  gboolean marked = FALSE;

  for (guint i = 0; field_errors != NULL && i < field_errors->len; i++)
    {
      StewardFieldError *field_error = g_ptr_array_index (field_errors, i);

      if (field_error->field != NULL)
        marked |= steward_connector_form_mark_field (self->form, field_error->field,
                                                     field_error->message);
    }

  if (!marked)
    show_error (self, error->message);
}

/* Saving */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(StewardConnectionEditor) self = user_data;
  g_autoptr(StewardConnection) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) users = NULL;
  g_autofree char *message = NULL;

  answer = steward_client_update_connection_finish (STEWARD_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_saving (self, FALSE);

  if (answer == NULL)
    {
      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID))
        {
          mark_fields (self, error);
          return;
        }

      if (g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_FORBIDDEN))
        message = steward_forbidden_message (STEWARD_ACTION_MANAGE_CONNECTIONS, error);
      else
        /* Translators: %s is the reason, often the server's own words. */
        message = g_strdup_printf (_("The connection was not saved: %s"), error->message);
      show_error (self, message);
      return;
    }

  /* Every view shows the shared object, which takes the server's answer. */
  steward_deployment_apply_connection (self->deployment, answer);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->connection);

  steward_connector_form_clear_secrets (self->form);
  g_clear_pointer (&self->initial, json_object_unref);
  self->initial = steward_connector_form_build_connection (self->form);

  users =
      steward_deployment_list_connection_datastores (self->deployment,
                                                     steward_connection_get_id (self->connection));
  if (self->offer_verify && g_list_model_get_n_items (users) > 0)
    {
      _steward_connection_editor_show_verify_page (self, users);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
check_form (StewardConnectionEditor *self)
{
  g_autofree char *problem = NULL;

  steward_connector_form_clear_marks (self->form);
  if (steward_connector_form_get_spec (self->form) == NULL ||
      steward_connector_form_get_busy (self->form))
    return FALSE;

  if (!steward_connector_form_validate (self->form))
    {
      StewardConnectorSpec *spec = steward_connector_form_get_spec (self->form);

      /* With the secrets alone shown, a problem with another setting would be out of sight. */
      for (guint i = 0; self->mode == STEWARD_CONNECTION_EDITOR_CREDENTIALS &&
                        i < steward_connector_spec_get_n_fields (spec); i++)
        {
          StewardConnectorField *field = steward_connector_spec_get_field (spec, i);

          if (!steward_connector_field_get_secret (field) &&
              steward_connector_form_get_field_message (self->form,
                                                        steward_connector_field_get_path (field)) !=
                  NULL)
            {
              show_error (self,
                          _("Other settings of this connection are incomplete: complete them with "
                             "Edit first."));
              break;
            }
        }
      return FALSE;
    }

  problem = name_problem (self);
  if (problem != NULL)
    {
      steward_connector_form_mark_field (self->form, "name", problem);
      return FALSE;
    }

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StewardConnectionEditor *self = STEWARD_CONNECTION_EDITOR (widget);
  g_autoptr(JsonObject) changes = NULL;
  g_autofree char *hidden = NULL;
  gboolean changed_more = FALSE;

  if (self->saving || !has_changes (self))
    return;

  show_error (self, NULL);
  if (!check_form (self))
    return;

  changes = build_changes (self, &changed_more, &hidden);
  if (hidden != NULL)
    {
      if (!steward_connector_form_mark_field (self->form, hidden,
                                              _("Enter it again: saving the options sends them "
                                                 "all, and "
                                                 "the deployment never sends this one back")))
        show_error (self,
                    _("Saving would drop a secret option the deployment keeps. Change the options "
                       "in the Qualytics web interface instead."));
      return;
    }

  /* Checking the datastores is worth offering when what they connect with changed. */
  self->offer_verify = changed_more;
  set_saving (self, TRUE);
  steward_client_update_connection_async (_steward_connection_editor_get_client (self),
                                          steward_connection_get_id (self->connection), changes,
                                          self->cancellable, saved_cb, g_object_ref (self));
}

/* Testing: the saved connection, with what is typed laid over it. */
static void
test_requested_cb (StewardConnectionEditor *self)
{
  g_autoptr(JsonObject) overrides = NULL;

  show_error (self, NULL);
  if (!check_form (self))
    return;

  if (has_changes (self))
    overrides = build_changes (self, NULL, NULL);
  steward_connection_tester_start_saved (self->tester, steward_connection_get_id (self->connection),
                                         overrides);
}

static void
form_changed_cb (StewardConnectionEditor *self)
{
  /* The result was about the values as they were. */
  steward_connection_tester_reset (self->tester);
  _steward_connection_editor_update_state (self);
}

static void
tester_state_cb (StewardConnectionEditor *self)
{
  const GError *error = steward_connection_tester_get_error (self->tester);

  if (steward_connection_tester_get_state (self->tester) == STEWARD_CONNECTION_TESTER_FAILED &&
      g_error_matches (error, STEWARD_API_ERROR, STEWARD_API_ERROR_INVALID))
    mark_fields (self, error);
}

/* Closing */

static void
forget_secrets (StewardConnectionEditor *self)
{
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->verify_cancellable);
  if (self->tester != NULL)
    steward_connection_tester_cancel (self->tester);
  if (self->form != NULL)
    steward_connector_form_clear_secrets (self->form);
}

static gboolean
close_after_discard_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog        *dialog,
                     const char              *response,
                     StewardConnectionEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Once the dialog has finished answering: closing the editor takes the dialog with it. */
  self->discard_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, close_after_discard_cb, g_object_ref (self),
                   g_object_unref);
}

static void
ask_discard (StewardConnectionEditor *self)
{
  GtkWidget *dialog;

  if (self->discard_dialog != NULL)
    return;

  dialog = GTK_WIDGET (steward_discard_question_new (
    GTK_WINDOW (self), _("Discard Changes?"),
    _("What you typed here has not been saved and will be lost."), _("_Keep Editing")));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  g_set_weak_pointer (&self->discard_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
steward_connection_editor_close_request (GtkWindow *window)
{
  StewardConnectionEditor *self = STEWARD_CONNECTION_EDITOR (window);
  gboolean on_form = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0;

  /* Saving is quick, and its outcome must be seen. */
  if (self->saving)
    return TRUE;

  /* Escape asks first when something was typed; what is saved needs no asking. */
  if (on_form && !self->discard_confirmed && has_changes (self))
    {
      ask_discard (self);
      return TRUE;
    }

  forget_secrets (self);
  return GTK_WINDOW_CLASS (steward_connection_editor_parent_class)->close_request (window);
}

/* GObject */

static void
steward_connection_editor_constructed (GObject *object)
{
  StewardConnectionEditor *self = STEWARD_CONNECTION_EDITOR (object);
  g_autoptr(GListModel) builtin = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (steward_connection_editor_parent_class)->constructed (object);

  g_assert (STEWARD_IS_DEPLOYMENT (self->deployment));
  g_assert (STEWARD_IS_CONNECTION (self->connection));

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Connection"));
  adw_window_title_set_title (self->window_title, _("Edit Connection"));
  adw_window_title_set_subtitle (self->window_title,
                                 steward_connection_get_name (self->connection));
  steward_connection_tester_set_client (self->tester, _steward_connection_editor_get_client (self));

  /* Steward's own forms at once; the server's replace them if it has any. */
  builtin = steward_connector_spec_list_load_builtin (&error);
  if (builtin == NULL)
    g_critical ("The built-in connector table is missing: %s", error->message);
  use_connectors (self, builtin);
  steward_client_load_connectors_async (_steward_connection_editor_get_client (self),
                                        self->cancellable, connectors_loaded_cb, self);
}

static void
steward_connection_editor_dispose (GObject *object)
{
  StewardConnectionEditor *self = STEWARD_CONNECTION_EDITOR (object);

  forget_secrets (self);
  g_clear_weak_pointer (&self->focus_before_saving);
  if (self->discard_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->discard_dialog));
  g_clear_weak_pointer (&self->discard_dialog);
  /* A call still running may keep the editor past its window: it lets go of the window now, as
   * GTK would only at finalization, when the window may be gone. */
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CONNECTION_EDITOR);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->verify_cancellable);

  G_OBJECT_CLASS (steward_connection_editor_parent_class)->dispose (object);
}

static void
steward_connection_editor_finalize (GObject *object)
{
  StewardConnectionEditor *self = STEWARD_CONNECTION_EDITOR (object);

  g_clear_object (&self->deployment);
  g_clear_object (&self->connection);
  g_clear_pointer (&self->initial, json_object_unref);
  g_clear_pointer (&self->verify_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_connection_editor_parent_class)->finalize (object);
}

static void
steward_connection_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardConnectionEditor *self = STEWARD_CONNECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DEPLOYMENT:
      g_value_set_object (value, self->deployment);
      break;
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_VERIFYING:
      g_value_set_boolean (value, self->verify_running > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connection_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StewardConnectionEditor *self = STEWARD_CONNECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DEPLOYMENT:
      self->deployment = g_value_dup_object (value);
      break;
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    case PROP_MODE:
      self->mode = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connection_editor_class_init (StewardConnectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steward_connection_editor_constructed;
  object_class->dispose = steward_connection_editor_dispose;
  object_class->finalize = steward_connection_editor_finalize;
  object_class->get_property = steward_connection_editor_get_property;
  object_class->set_property = steward_connection_editor_set_property;
  window_class->close_request = steward_connection_editor_close_request;

  properties[PROP_DEPLOYMENT] =
    g_param_spec_object ("deployment", NULL, NULL, STEWARD_TYPE_DEPLOYMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The deployment's shared object: it takes the server's answer when saved. */
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, STEWARD_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, STEWARD_TYPE_CONNECTION_EDITOR_MODE,
                       STEWARD_CONNECTION_EDITOR_SETTINGS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The server's connector descriptions were asked for (and used, if it had any). */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Datastores are being checked. */
  properties[PROP_VERIFYING] =
    g_param_spec_boolean ("verifying", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardConnectionEditor::saved:
   * @connection: the deployment's connection object, already updated
   *
   * The server saved the changes. The editor then closes, or offers to check the datastores
   * that use the connection.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, STEWARD_TYPE_CONNECTION);

  g_type_ensure (STEWARD_TYPE_CONNECTOR_FORM);
  g_type_ensure (STEWARD_TYPE_CONNECTION_TESTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-connection-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, intro_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, form);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, tester);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, saved_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, verify_intro_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, verify_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, verify_summary);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionEditor, verify_group);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_requested_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.verify", NULL,
                                   _steward_connection_editor_verify_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_connection_editor_init (StewardConnectionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->verify_cancellable = g_cancellable_new ();
  self->verify_rows = g_ptr_array_new_with_free_func (_steward_connection_editor_verify_row_free);
  g_signal_connect_object (self->tester, "notify::state", G_CALLBACK (tester_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::busy",
                           G_CALLBACK (_steward_connection_editor_update_state), self,
                           G_CONNECT_SWAPPED);
  _steward_connection_editor_update_state (self);
}

/**
 * steward_connection_editor_new:
 * @parent: (nullable): the window it belongs to
 * @deployment: the deployment the connection belongs to, whose client saves it
 * @connection: the deployment's object for the connection
 * @mode: every setting, or the secrets alone
 */
StewardConnectionEditor *
steward_connection_editor_new (GtkWindow                   *parent,
                               StewardDeployment           *deployment,
                               StewardConnection           *connection,
                               StewardConnectionEditorMode  mode)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEWARD_IS_DEPLOYMENT (deployment), NULL);
  g_return_val_if_fail (STEWARD_IS_CONNECTION (connection), NULL);

  return g_object_new (STEWARD_TYPE_CONNECTION_EDITOR,
                       "transient-for", parent,
                       "deployment", deployment,
                       "connection", connection,
                       "mode", mode,
                       NULL);
}

StewardConnection *
steward_connection_editor_get_connection (StewardConnectionEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_EDITOR (self), NULL);
  return self->connection;
}

/* Returns: (transfer none) */
StewardConnectorForm *
steward_connection_editor_get_form (StewardConnectionEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_EDITOR (self), NULL);
  return self->form;
}

/* Returns: (transfer none) */
StewardConnectionTester *
steward_connection_editor_get_tester (StewardConnectionEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_EDITOR (self), NULL);
  return self->tester;
}

gboolean
steward_connection_editor_get_loaded (StewardConnectionEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_EDITOR (self), FALSE);
  return self->loaded;
}

/* Whether anything was typed since the form was filled in. */
gboolean
steward_connection_editor_get_changed (StewardConnectionEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_EDITOR (self), FALSE);
  return has_changes (self);
}

/* "form", or "verify" once saved with datastores to check. */
const char *
steward_connection_editor_get_page (StewardConnectionEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_EDITOR (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
steward_connection_editor_get_verifying (StewardConnectionEditor *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_EDITOR (self), FALSE);
  return self->verify_running > 0;
}

