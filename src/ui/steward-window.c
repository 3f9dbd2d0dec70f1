/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-window"

#include <glib/gi18n.h>

#include "steward-window.h"

struct _StewardWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  AdwStatusPage        *signed_out_page;
};

G_DEFINE_FINAL_TYPE (StewardWindow, steward_window, ADW_TYPE_APPLICATION_WINDOW)

static void
steward_window_restore_size (StewardWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
steward_window_close_request (GtkWindow *window)
{
  StewardWindow *self = STEWARD_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  int width;
  int height;

  /* The default size tracks the unmaximized size, which is what should come back next time. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (steward_window_parent_class)->close_request (window);
}

static void
steward_window_dispose (GObject *object)
{
  StewardWindow *self = STEWARD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_window_parent_class)->dispose (object);
}

static void
steward_window_class_init (StewardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_window_dispose;
  window_class->close_request = steward_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steward-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, signed_out_page);
}

static void
steward_window_init (StewardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  steward_window_restore_size (self);
}

StewardWindow *
steward_window_new (StewardApplication *application)
{
  return g_object_new (STEWARD_TYPE_WINDOW, "application", application, NULL);
}
