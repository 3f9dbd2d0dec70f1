/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-connection-tester"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-connection-tester.h"

/* The "Test Connection" part of a form: a button, then a spinner and a Cancel while the server
 * tries to connect (POST /datastores/connection), then "Connection verified" or the server's
 * message verbatim with a hint at the usual cause. The form that owns it answers
 * ::test-requested by checking its fields and calling steward_connection_tester_start() with
 * the request; the tester never keeps that request, which holds secrets. A saved connection is
 * tested by its id instead (POST /connections/{id}/test), with the values being edited laid over
 * the stored ones, so a password typed but not saved yet can be tried. */
struct _StewardConnectionTester
{
  GtkWidget                     parent_instance;

  StewardClient                *client;
  GCancellable                 *cancellable;
  StewardConnectionTesterState  state;
  char                         *message;
  const char                   *hint;
  GError                       *error;
  guint                         reveal_tick;
  guint                         reveal_frames;

  /* Template widgets */
  GtkButton                    *test_button;
  GtkSpinner                   *spinner;
  GtkLabel                     *running_label;
  GtkButton                    *cancel_button;
  GtkBox                       *result_box;
  GtkImage                     *result_icon;
  GtkLabel                     *result_title;
  GtkLabel                     *result_message;
  GtkLabel                     *hint_label;
};

G_DEFINE_FINAL_TYPE (StewardConnectionTester, steward_connection_tester, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (StewardConnectionTesterState, steward_connection_tester_state,
                    G_DEFINE_ENUM_VALUE (STEWARD_CONNECTION_TESTER_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (STEWARD_CONNECTION_TESTER_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (STEWARD_CONNECTION_TESTER_SUCCEEDED, "succeeded"),
                    G_DEFINE_ENUM_VALUE (STEWARD_CONNECTION_TESTER_FAILED, "failed"))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  N_PROPS
};

enum {
  TEST_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_state (StewardConnectionTester *self)
{
  gboolean running = self->state == STEWARD_CONNECTION_TESTER_RUNNING;
  gboolean done = self->state == STEWARD_CONNECTION_TESTER_SUCCEEDED ||
                  self->state == STEWARD_CONNECTION_TESTER_FAILED;
  gboolean failed = self->state == STEWARD_CONNECTION_TESTER_FAILED;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_visible (GTK_WIDGET (self->running_label), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tester.test", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tester.cancel", running);

  gtk_widget_set_visible (GTK_WIDGET (self->result_box), done);
  if (!done)
    return;

  gtk_image_set_from_icon_name (self->result_icon,
                                failed ? "dialog-error-symbolic" : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), failed ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), failed ? "error" : "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_title), failed ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_title), failed ? "error" : "success");
  gtk_label_set_label (self->result_title,
                       failed ? _("Connection Failed") : _("Connection Verified"));

  gtk_label_set_label (self->result_message, self->message != NULL ? self->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_message), self->message != NULL);
  gtk_label_set_label (self->hint_label, self->hint != NULL ? self->hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), self->hint != NULL);
}

/* Scrolls the dialog so that the result, which appears below the button, is in view. The
 * first frame lays it out; the bounds are right from the second. */
static gboolean
reveal_result_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  StewardConnectionTester *self = STEWARD_CONNECTION_TESTER (widget);
  GtkWidget *scroller;
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double bottom;
  double delta;

  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;

  self->reveal_tick = 0;
  scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  viewport =
      scroller != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;
  if (viewport == NULL || !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return G_SOURCE_REMOVE;

  /* In the viewport's coordinates, what shows runs from 0 to the page size. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  bottom = bounds.origin.y + bounds.size.height + 12;
  delta = MIN (bottom - gtk_adjustment_get_page_size (adjustment), bounds.origin.y);
  if (delta > 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);

  return G_SOURCE_REMOVE;
}

static void
reveal_result (StewardConnectionTester *self)
{
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick =
        gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_result_cb, NULL, NULL);
}

static void
set_state (StewardConnectionTester      *self,
           StewardConnectionTesterState  state)
{
  gboolean changed = self->state != state;

  self->state = state;
  show_state (self);
  if (changed &&
      (state == STEWARD_CONNECTION_TESTER_SUCCEEDED || state == STEWARD_CONNECTION_TESTER_FAILED))
    reveal_result (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
clear_result (StewardConnectionTester *self)
{
  g_clear_pointer (&self->message, g_free);
  g_clear_error (&self->error);
  self->hint = NULL;
}

static char *
describe_failure (const GError *error,
                  const char  **hint)
{
  *hint = NULL;

  if (error->domain != STEWARD_API_ERROR)
    return g_strdup (error->message);

  switch (error->code)
    {
    case STEWARD_API_ERROR_BAD_REQUEST:
      /* The driver's own words, verbatim: they are what a database administrator searches for. */
      *hint = steward_connection_problem_get_hint (
          steward_connection_problem_from_message (error->message));
      return g_strdup (error->message);
    case STEWARD_API_ERROR_FORBIDDEN:
      return steward_forbidden_message (STEWARD_ACTION_TEST_CONNECTION, error);
    case STEWARD_API_ERROR_NETWORK:
    case STEWARD_API_ERROR_TLS:
      /* Translators: %s says why the Qualytics server itself could not be reached. */
      return g_strdup_printf (_("The Qualytics deployment could not be reached: %s"),
                              error->message);
    default:
      return g_strdup (error->message);
    }
}

static void
tested_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StewardConnectionTester) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steward_client_test_connection_finish (STEWARD_CLIENT (object), result, &error))
    {
      /* Cancelling already put the tester back to idle. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Connection test failed (%s, code %d)", g_quark_to_string (error->domain),
               error->code);
      clear_result (self);
      self->message = describe_failure (error, &self->hint);
      self->error = g_steal_pointer (&error);
      g_clear_object (&self->cancellable);
      set_state (self, STEWARD_CONNECTION_TESTER_FAILED);
      return;
    }

  g_debug ("Connection test succeeded");
  clear_result (self);
  self->message = g_strdup (_("The Qualytics deployment connected with these settings."));
  g_clear_object (&self->cancellable);
  set_state (self, STEWARD_CONNECTION_TESTER_SUCCEEDED);
}

static void
saved_tested_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(StewardConnectionTester) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean connected;

  connected = steward_client_test_connection_by_id_finish (STEWARD_CLIENT (object), result,
                                                           &message, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clear_result (self);
  g_clear_object (&self->cancellable);

  if (error != NULL)
    {
      g_debug ("Connection test failed (%s, code %d)", g_quark_to_string (error->domain),
               error->code);
      self->message = describe_failure (error, &self->hint);
      self->error = g_steal_pointer (&error);
      set_state (self, STEWARD_CONNECTION_TESTER_FAILED);
      return;
    }

  if (!connected)
    {
      /* A refusal is an answer here (200, "connected": false): the driver's words, with a hint. */
      self->message = message != NULL ? g_steal_pointer (&message)
                                       : g_strdup (_("The deployment could not connect."));
      self->hint = steward_connection_problem_get_hint (
          steward_connection_problem_from_message (self->message));
      self->error =
          g_error_new_literal (STEWARD_API_ERROR, STEWARD_API_ERROR_BAD_REQUEST, self->message);
      set_state (self, STEWARD_CONNECTION_TESTER_FAILED);
      return;
    }

  g_debug ("Connection test succeeded");
  self->message = g_strdup (_("The Qualytics deployment connected with these settings."));
  set_state (self, STEWARD_CONNECTION_TESTER_SUCCEEDED);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[TEST_REQUESTED], 0);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  steward_connection_tester_cancel (STEWARD_CONNECTION_TESTER (widget));
}

static void
steward_connection_tester_dispose (GObject *object)
{
  StewardConnectionTester *self = STEWARD_CONNECTION_TESTER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CONNECTION_TESTER);
  /* The template's root has no id: unparented here, as the bin layout does not do it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (steward_connection_tester_parent_class)->dispose (object);
}

static void
steward_connection_tester_finalize (GObject *object)
{
  StewardConnectionTester *self = STEWARD_CONNECTION_TESTER (object);

  clear_result (self);

  G_OBJECT_CLASS (steward_connection_tester_parent_class)->finalize (object);
}

static void
steward_connection_tester_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardConnectionTester *self = STEWARD_CONNECTION_TESTER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connection_tester_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StewardConnectionTester *self = STEWARD_CONNECTION_TESTER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      steward_connection_tester_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_connection_tester_class_init (StewardConnectionTesterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_connection_tester_dispose;
  object_class->finalize = steward_connection_tester_finalize;
  object_class->get_property = steward_connection_tester_get_property;
  object_class->set_property = steward_connection_tester_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, STEWARD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, STEWARD_TYPE_CONNECTION_TESTER_STATE,
                       STEWARD_CONNECTION_TESTER_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The Test button was pressed: check the form, then call steward_connection_tester_start(). */
  signals[TEST_REQUESTED] = g_signal_new ("test-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-connection-tester.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionTester, test_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionTester, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionTester, running_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionTester, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionTester, result_box);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionTester, result_icon);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionTester, result_title);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionTester, result_message);
  gtk_widget_class_bind_template_child (widget_class, StewardConnectionTester, hint_label);

  gtk_widget_class_install_action (widget_class, "tester.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "tester.cancel", NULL, cancel_action);
}

static void
steward_connection_tester_init (StewardConnectionTester *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_state (self);
}

GtkWidget *
steward_connection_tester_new (void)
{
  return g_object_new (STEWARD_TYPE_CONNECTION_TESTER, NULL);
}

StewardClient *
steward_connection_tester_get_client (StewardConnectionTester *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_TESTER (self), NULL);
  return self->client;
}

void
steward_connection_tester_set_client (StewardConnectionTester *self,
                                      StewardClient           *client)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_TESTER (self));
  g_return_if_fail (client == NULL || STEWARD_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/* Returns: (transfer none): the Test button, for a dialog to make it its default widget. */
GtkWidget *
steward_connection_tester_get_button (StewardConnectionTester *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_TESTER (self), NULL);
  return GTK_WIDGET (self->test_button);
}

StewardConnectionTesterState
steward_connection_tester_get_state (StewardConnectionTester *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_TESTER (self), STEWARD_CONNECTION_TESTER_IDLE);
  return self->state;
}

/* Returns: (nullable): after a failure, the server's message verbatim (or what else went
 * wrong); after a success, a sentence saying so. */
const char *
steward_connection_tester_get_message (StewardConnectionTester *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_TESTER (self), NULL);
  return self->message;
}

/* Returns: (nullable): what to check after a failure whose cause was recognized. */
const char *
steward_connection_tester_get_hint (StewardConnectionTester *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_TESTER (self), NULL);
  return self->hint;
}

/* Returns: (nullable): the failure, e.g. to mark the fields of a 422. */
const GError *
steward_connection_tester_get_error (StewardConnectionTester *self)
{
  g_return_val_if_fail (STEWARD_IS_CONNECTION_TESTER (self), NULL);
  return self->error;
}

/* Sends @request (a "connection", plus the placement the server may need) to be tested. */
void
steward_connection_tester_start (StewardConnectionTester *self,
                                 StewardDatastoreRequest *request)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_TESTER (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (self->client != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  clear_result (self);
  set_state (self, STEWARD_CONNECTION_TESTER_RUNNING);
  steward_client_test_connection_async (self->client, request, self->cancellable, tested_cb,
                                        g_object_ref (self));
}

/* Tests the saved connection @connection_id, with @overrides (nullable: the values being edited,
 * secrets only when typed) laid over what the server stores. */
void
steward_connection_tester_start_saved (StewardConnectionTester *self,
                                       gint64                   connection_id,
                                       JsonObject              *overrides)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_TESTER (self));
  g_return_if_fail (connection_id > 0);
  g_return_if_fail (self->client != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  clear_result (self);
  set_state (self, STEWARD_CONNECTION_TESTER_RUNNING);
  steward_client_test_connection_by_id_async (self->client, connection_id, overrides,
                                              self->cancellable, saved_tested_cb,
                                              g_object_ref (self));
}

/* Stops a running test: the tester is idle at once, and nothing is reported as failed. */
void
steward_connection_tester_cancel (StewardConnectionTester *self)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_TESTER (self));

  if (self->state != STEWARD_CONNECTION_TESTER_RUNNING)
    return;

  g_debug ("Connection test cancelled");
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_result (self);
  set_state (self, STEWARD_CONNECTION_TESTER_IDLE);
}

/* Forgets the last result: the settings it was about have changed. A running test goes on. */
void
steward_connection_tester_reset (StewardConnectionTester *self)
{
  g_return_if_fail (STEWARD_IS_CONNECTION_TESTER (self));

  if (self->state == STEWARD_CONNECTION_TESTER_RUNNING ||
      self->state == STEWARD_CONNECTION_TESTER_IDLE)
    return;

  clear_result (self);
  set_state (self, STEWARD_CONNECTION_TESTER_IDLE);
}
