/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-onboarding-page.h"
#include "steward-onboarding-paths-page.h"

/* Step 3 for file-system (DFS) connections, which have no catalogs or schemas to discover: the
 * root paths, typed or pasted one per line. Empty lines and repeats are dropped; each path left
 * is checked by the server in the next step. */

#define ROOT_PATH_MAX 1024

struct _StewardOnboardingPathsPage
{
  AdwBin             parent_instance;

  StewardOnboarding *onboarding;
  gboolean           has_paths;
  gboolean           too_long;

  /* Template widgets */
  GtkTextView       *text_view;
  GtkLabel          *count_label;
};

static void page_iface_init (StewardOnboardingPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardOnboardingPathsPage, steward_onboarding_paths_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_ONBOARDING_PAGE,
                                                      page_iface_init))

enum {
  PROP_0,
  PROP_ONBOARDING,
  PROP_CAN_GO_NEXT,
  N_PROPS
};

static char *
dup_text (StewardOnboardingPathsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_changed_cb (StewardOnboardingPathsPage *self)
{
  g_autofree char *text = dup_text (self);
  g_auto(GStrv) paths = steward_onboarding_split_root_paths (text);
  guint n = g_strv_length (paths);
  g_autofree char *message = NULL;

  self->too_long = FALSE;
  for (guint i = 0; i < n && !self->too_long; i++)
    self->too_long = g_utf8_strlen (paths[i], -1) > ROOT_PATH_MAX;

  if (self->too_long)
    /* Translators: %d is the longest a root path may be, 1024. */
    message = g_strdup_printf (_("A root path can have at most %d characters"), ROOT_PATH_MAX);
  else if (n == 0)
    message = g_strdup (_("No root path yet"));
  else
    /* Translators: %u counts the distinct root paths typed so far. */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u root path", "%u root paths", n),
                               n);

  gtk_label_set_label (self->count_label, message);
  if (self->too_long)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");

  if (n > 0 && self->onboarding != NULL)
    steward_onboarding_mark_dirty (self->onboarding);
  self->has_paths = n > 0;
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

/* StewardOnboardingPage */

static const char *
page_get_title (StewardOnboardingPage *page)
{
  return _("Root Paths");
}

static void
page_activate (StewardOnboardingPage *page)
{
  StewardOnboardingPathsPage *self = STEWARD_ONBOARDING_PATHS_PAGE (page);
  GListModel *targets = steward_onboarding_get_targets (self->onboarding);
  g_autofree char *text = dup_text (self);

  /* Back from a later step: show what was sent there. */
  if (*text == '\0' && g_list_model_get_n_items (targets) > 0)
    {
      g_autoptr(GString) lines = g_string_new (NULL);

      for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
        {
          g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (targets, i);

          g_string_append_printf (lines, "%s\n", steward_onboarding_target_get_name (target));
        }
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), lines->str, -1);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static gboolean
page_can_go_next (StewardOnboardingPage *page)
{
  StewardOnboardingPathsPage *self = STEWARD_ONBOARDING_PATHS_PAGE (page);

  return self->has_paths && !self->too_long;
}

static gboolean
page_apply (StewardOnboardingPage *page)
{
  StewardOnboardingPathsPage *self = STEWARD_ONBOARDING_PATHS_PAGE (page);
  g_autofree char *text = dup_text (self);
  g_auto(GStrv) paths = steward_onboarding_split_root_paths (text);

  if (paths[0] == NULL || self->too_long)
    return FALSE;

  steward_onboarding_set_root_paths (self->onboarding, (const char * const *) paths);
  return TRUE;
}

static void
page_iface_init (StewardOnboardingPageInterface *iface)
{
  iface->get_title = page_get_title;
  iface->activate = page_activate;
  iface->can_go_next = page_can_go_next;
  iface->apply = page_apply;
}

/* GObject */

static void
steward_onboarding_paths_page_dispose (GObject *object)
{
  StewardOnboardingPathsPage *self = STEWARD_ONBOARDING_PATHS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ONBOARDING_PATHS_PAGE);
  g_clear_object (&self->onboarding);

  G_OBJECT_CLASS (steward_onboarding_paths_page_parent_class)->dispose (object);
}

static void
steward_onboarding_paths_page_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  StewardOnboardingPathsPage *self = STEWARD_ONBOARDING_PATHS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ONBOARDING:
      g_value_set_object (value, self->onboarding);
      break;
    case PROP_CAN_GO_NEXT:
      g_value_set_boolean (value, page_can_go_next (STEWARD_ONBOARDING_PAGE (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_paths_page_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  StewardOnboardingPathsPage *self = STEWARD_ONBOARDING_PATHS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ONBOARDING:
      self->onboarding = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_onboarding_paths_page_class_init (StewardOnboardingPathsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_onboarding_paths_page_dispose;
  object_class->get_property = steward_onboarding_paths_page_get_property;
  object_class->set_property = steward_onboarding_paths_page_set_property;

  g_object_class_override_property (object_class, PROP_ONBOARDING, "onboarding");
  g_object_class_override_property (object_class, PROP_CAN_GO_NEXT, "can-go-next");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steward-onboarding-paths-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingPathsPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingPathsPage, count_label);
}

static void
steward_onboarding_paths_page_init (StewardOnboardingPathsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  text_changed_cb (self);
}

GtkWidget *
steward_onboarding_paths_page_new (StewardOnboarding *onboarding)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (onboarding), NULL);

  return g_object_new (STEWARD_TYPE_ONBOARDING_PATHS_PAGE, "onboarding", onboarding, NULL);
}

/* As if typed or pasted. */
void
steward_onboarding_paths_page_set_text (StewardOnboardingPathsPage *self,
                                        const char                 *text)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING_PATHS_PAGE (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "",
                            -1);
}
