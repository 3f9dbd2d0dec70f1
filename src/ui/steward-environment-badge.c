/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-environment-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-environment-badge.h"

/* A small pill naming a profile's environment ("Production", "Test", "Development") in its
 * colour, so nobody mistakes production for test; hidden when the profile has no colour. It
 * follows the profile's changes. The colours come from style.css, by CSS class. */
struct _StewardEnvironmentBadge
{
  GtkWidget       parent_instance;

  StewardProfile *profile;
  GSignalGroup   *profile_signals;

  /* Template widgets */
  GtkLabel       *label;
};

G_DEFINE_FINAL_TYPE (StewardEnvironmentBadge, steward_environment_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *environment_classes[] = {
  [STEWARD_ENVIRONMENT_NONE] = "environment-none",
  [STEWARD_ENVIRONMENT_GREEN] = "environment-green",
  [STEWARD_ENVIRONMENT_YELLOW] = "environment-yellow",
  [STEWARD_ENVIRONMENT_RED] = "environment-red",
};

static void
update (StewardEnvironmentBadge *self)
{
  StewardEnvironment environment = STEWARD_ENVIRONMENT_NONE;
  const char *label;
  g_autofree char *description = NULL;

  if (self->profile != NULL)
    environment = steward_profile_get_environment (self->profile);

  for (guint i = 0; i < G_N_ELEMENTS (environment_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), environment_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self), environment_classes[environment]);

  label = steward_environment_get_label (environment);
  gtk_label_set_label (self->label, label);

  /* Translators: %s is an environment such as "Production"; read out and shown as a tooltip. */
  description = g_strdup_printf (_("Environment: %s"), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  gtk_widget_set_visible (GTK_WIDGET (self), environment != STEWARD_ENVIRONMENT_NONE);
}

static void
environment_changed_cb (StewardEnvironmentBadge *self)
{
  update (self);
}

static void
steward_environment_badge_dispose (GObject *object)
{
  StewardEnvironmentBadge *self = STEWARD_ENVIRONMENT_BADGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ENVIRONMENT_BADGE);
  g_clear_object (&self->profile_signals);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (steward_environment_badge_parent_class)->dispose (object);
}

static void
steward_environment_badge_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardEnvironmentBadge *self = STEWARD_ENVIRONMENT_BADGE (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_environment_badge_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StewardEnvironmentBadge *self = STEWARD_ENVIRONMENT_BADGE (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      steward_environment_badge_set_profile (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_environment_badge_class_init (StewardEnvironmentBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_environment_badge_dispose;
  object_class->get_property = steward_environment_badge_get_property;
  object_class->set_property = steward_environment_badge_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, STEWARD_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-environment-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardEnvironmentBadge, label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
steward_environment_badge_init (StewardEnvironmentBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->profile_signals = g_signal_group_new (STEWARD_TYPE_PROFILE);
  g_signal_group_connect_swapped (self->profile_signals, "notify::environment",
                                  G_CALLBACK (environment_changed_cb), self);
  update (self);
}

GtkWidget *
steward_environment_badge_new (void)
{
  return g_object_new (STEWARD_TYPE_ENVIRONMENT_BADGE, NULL);
}

/* Returns: (transfer none) (nullable) */
StewardProfile *
steward_environment_badge_get_profile (StewardEnvironmentBadge *self)
{
  g_return_val_if_fail (STEWARD_IS_ENVIRONMENT_BADGE (self), NULL);

  return self->profile;
}

/* Shows @profile's environment, and keeps showing it as it changes; NULL hides the badge. */
void
steward_environment_badge_set_profile (StewardEnvironmentBadge *self,
                                       StewardProfile          *profile)
{
  g_return_if_fail (STEWARD_IS_ENVIRONMENT_BADGE (self));
  g_return_if_fail (profile == NULL || STEWARD_IS_PROFILE (profile));

  if (!g_set_object (&self->profile, profile))
    return;

  g_signal_group_set_target (self->profile_signals, profile);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}
