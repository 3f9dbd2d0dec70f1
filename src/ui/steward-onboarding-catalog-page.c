/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-onboarding-catalog-page.h"
#include "steward-onboarding-page.h"

/* Step 2, for connectors with catalogs: the catalogs the connection can see, each with the
 * datastores that already read it, and a refresh. A failed discovery shows the server's message
 * and a Retry: an empty list would look like a connection without catalogs, which is how the
 * vendor's web UI fails here. */
struct _StewardOnboardingCatalogPage
{
  AdwBin             parent_instance;

  StewardOnboarding *onboarding;

  /* Template widgets */
  GtkStack          *stack;
  GtkLabel          *error_label;
  GtkListBox        *list_box;
};

static void page_iface_init (StewardOnboardingPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardOnboardingCatalogPage, steward_onboarding_catalog_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_ONBOARDING_PAGE,
                                                      page_iface_init))

enum {
  PROP_0,
  PROP_ONBOARDING,
  PROP_CAN_GO_NEXT,
  N_PROPS
};

#define NAMES_SHOWN 3

/* "Used by A, B and 3 more", or that nothing reads it yet. */
static char *
describe_existing (StewardDiscoveredItem *item)
{
  guint n = steward_discovered_item_get_n_existing (item);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  if (n == 0)
    return g_strdup (_("No datastore reads it yet"));

  for (guint i = 0; i < MIN (n, NAMES_SHOWN); i++)
    {
      const char *name = steward_discovered_item_get_existing_name (item, i);

      g_ptr_array_add (names, (gpointer) (name != NULL ? name : "?"));
    }
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (char **) names->pdata);

  if (n <= NAMES_SHOWN)
    /* Translators: %s is a list of datastore names. */
    return g_strdup_printf (_("Used by %s"), list);

  /* Translators: %s is a list of datastore names, %u how many more there are. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Used by %s and %u more",
                                       "Used by %s and %u more",
                                       n - NAMES_SHOWN),
                          list, n - NAMES_SHOWN);
}

static void
update_checks (StewardOnboardingCatalogPage *self)
{
  const char *chosen = steward_onboarding_get_catalog (self->onboarding);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *name = g_object_get_data (G_OBJECT (row), "catalog");
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (name != NULL && check != NULL)
        gtk_widget_set_opacity (check, g_strcmp0 (name, chosen) == 0 ? 1.0 : 0.0);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  StewardOnboardingCatalogPage *self = user_data;
  StewardDiscoveredItem *catalog = item;
  const char *name = steward_discovered_item_get_name (catalog);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  g_autofree char *subtitle = describe_existing (catalog);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_opacity (check,
                          g_strcmp0 (name, steward_onboarding_get_catalog (self->onboarding)) == 0
                                 ? 1.0 : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chosen"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (row), "catalog", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

static void
update_stack (StewardOnboardingCatalogPage *self)
{
  GListModel *catalogs = steward_onboarding_get_catalogs (self->onboarding);

  if (steward_onboarding_page_show_load (self->stack, self->error_label,
                                         steward_onboarding_get_catalogs_state (self->onboarding),
                                         steward_onboarding_get_catalogs_error (self->onboarding)))
    {
      /* One catalog only: nothing to choose. */
      if (g_list_model_get_n_items (catalogs) == 1 &&
          steward_onboarding_get_catalog (self->onboarding) == NULL)
        {
          g_autoptr(StewardDiscoveredItem) only = g_list_model_get_item (catalogs, 0);

          steward_onboarding_set_catalog (self->onboarding,
                                          steward_discovered_item_get_name (only));
        }
      gtk_stack_set_visible_child_name (self->stack,
                                        g_list_model_get_n_items (catalogs) > 0 ? "list" : "empty");
      update_checks (self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalog-page.refresh",
                                 steward_onboarding_get_catalogs_state (self->onboarding) !=
                                 STEWARD_LOAD_RUNNING);
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

static void
catalog_changed_cb (StewardOnboardingCatalogPage *self)
{
  update_checks (self);
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

static void
row_activated_cb (StewardOnboardingCatalogPage *self,
                  GtkListBoxRow                *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "catalog");

  if (name == NULL)
    return;

  steward_onboarding_set_catalog (self->onboarding, name);
  steward_onboarding_mark_dirty (self->onboarding);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StewardOnboardingCatalogPage *self = STEWARD_ONBOARDING_CATALOG_PAGE (widget);

  steward_onboarding_load_catalogs (self->onboarding);
}

/* StewardOnboardingPage */

static const char *
page_get_title (StewardOnboardingPage *page)
{
  return _("Catalog");
}

static void
page_activate (StewardOnboardingPage *page)
{
  StewardOnboardingCatalogPage *self = STEWARD_ONBOARDING_CATALOG_PAGE (page);

  if (steward_onboarding_get_catalogs_state (self->onboarding) == STEWARD_LOAD_IDLE)
    steward_onboarding_load_catalogs (self->onboarding);
  update_stack (self);
}

static gboolean
page_can_go_next (StewardOnboardingPage *page)
{
  StewardOnboardingCatalogPage *self = STEWARD_ONBOARDING_CATALOG_PAGE (page);

  if (steward_onboarding_get_catalogs_state (self->onboarding) != STEWARD_LOAD_DONE)
    return FALSE;

  return steward_onboarding_get_catalog (self->onboarding) != NULL ||
         g_list_model_get_n_items (steward_onboarding_get_catalogs (self->onboarding)) == 0;
}

static void
page_iface_init (StewardOnboardingPageInterface *iface)
{
  iface->get_title = page_get_title;
  iface->activate = page_activate;
  iface->can_go_next = page_can_go_next;
}

/* GObject */

static void
steward_onboarding_catalog_page_constructed (GObject *object)
{
  StewardOnboardingCatalogPage *self = STEWARD_ONBOARDING_CATALOG_PAGE (object);

  G_OBJECT_CLASS (steward_onboarding_catalog_page_parent_class)->constructed (object);

  g_assert (STEWARD_IS_ONBOARDING (self->onboarding));
  gtk_list_box_bind_model (self->list_box, steward_onboarding_get_catalogs (self->onboarding),
                           create_row, self, NULL);
  g_signal_connect_object (self->onboarding, "notify::catalogs-state",
                           G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->onboarding, "notify::catalog",
                           G_CALLBACK (catalog_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
steward_onboarding_catalog_page_dispose (GObject *object)
{
  StewardOnboardingCatalogPage *self = STEWARD_ONBOARDING_CATALOG_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ONBOARDING_CATALOG_PAGE);
  g_clear_object (&self->onboarding);

  G_OBJECT_CLASS (steward_onboarding_catalog_page_parent_class)->dispose (object);
}

static void
steward_onboarding_catalog_page_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  StewardOnboardingCatalogPage *self = STEWARD_ONBOARDING_CATALOG_PAGE (object);

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
steward_onboarding_catalog_page_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  StewardOnboardingCatalogPage *self = STEWARD_ONBOARDING_CATALOG_PAGE (object);

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
steward_onboarding_catalog_page_class_init (StewardOnboardingCatalogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steward_onboarding_catalog_page_constructed;
  object_class->dispose = steward_onboarding_catalog_page_dispose;
  object_class->get_property = steward_onboarding_catalog_page_get_property;
  object_class->set_property = steward_onboarding_catalog_page_set_property;

  g_object_class_override_property (object_class, PROP_ONBOARDING, "onboarding");
  g_object_class_override_property (object_class, PROP_CAN_GO_NEXT, "can-go-next");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/steward-onboarding-catalog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingCatalogPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingCatalogPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingCatalogPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "catalog-page.refresh", NULL, refresh_action);
}

static void
steward_onboarding_catalog_page_init (StewardOnboardingCatalogPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steward_onboarding_catalog_page_new (StewardOnboarding *onboarding)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (onboarding), NULL);

  return g_object_new (STEWARD_TYPE_ONBOARDING_CATALOG_PAGE, "onboarding", onboarding, NULL);
}
