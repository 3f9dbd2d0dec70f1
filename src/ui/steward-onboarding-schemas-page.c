/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-onboarding-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-format.h"
#include "steward-onboarding-page.h"
#include "steward-onboarding-schemas-page.h"

/* Step 3: the schemas of the catalog, to pick from. A connection may have thousands, so the list
 * is a GtkListView over the onboarding's targets (rows are made for what is on screen and bound
 * as they scroll), filtered by the search as it is typed. Each row's check box is bound to its
 * target's "selected"; schemas that datastores already read show their names and start
 * unselected. The buttons act on the schemas the search shows. */
struct _StewardOnboardingSchemasPage
{
  AdwBin              parent_instance;

  StewardOnboarding  *onboarding;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *needle;

  /* Template widgets */
  GtkLabel           *intro_label;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkLabel           *error_label;
  GtkLabel           *empty_label;
  GtkListView        *list_view;
};

static void page_iface_init (StewardOnboardingPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardOnboardingSchemasPage, steward_onboarding_schemas_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (STEWARD_TYPE_ONBOARDING_PAGE,
                                                      page_iface_init))

enum {
  PROP_0,
  PROP_ONBOARDING,
  PROP_CAN_GO_NEXT,
  N_PROPS
};

static gboolean
target_matches (gpointer item,
                gpointer user_data)
{
  StewardOnboardingSchemasPage *self = user_data;
  g_autofree char *folded = NULL;

  if (self->needle == NULL)
    return TRUE;

  folded = g_utf8_casefold (steward_onboarding_target_get_name (item), -1);
  return strstr (folded, self->needle) != NULL;
}

static void
update_count (StewardOnboardingSchemasPage *self)
{
  guint selected = steward_onboarding_get_n_selected (self->onboarding);
  guint total = g_list_model_get_n_items (steward_onboarding_get_targets (self->onboarding));
  g_autofree char *text = NULL;

  /* Translators: the first %u is how many schemas are selected, the second how many there are. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u selected", "%u of %u selected",
                                       total),
                          selected, total);
  gtk_label_set_label (self->count_label, text);
  steward_onboarding_page_notify_can_go_next (STEWARD_ONBOARDING_PAGE (self));
}

static void
update_stack (StewardOnboardingSchemasPage *self)
{
  g_autofree char *intro = NULL;
  const char *catalog = steward_onboarding_get_catalog (self->onboarding);

  if (catalog != NULL)
    /* Translators: %s is a catalog (a database) name. */
    intro = g_strdup_printf (_("The schemas of %s. Each one selected becomes a datastore."),
                             catalog);
  else
    intro = g_strdup (_("The connection’s schemas. Each one selected becomes a datastore."));
  gtk_label_set_label (self->intro_label, intro);

  if (steward_onboarding_page_show_load (self->stack, self->error_label,
                                         steward_onboarding_get_targets_state (self->onboarding),
                                         steward_onboarding_get_targets_error (self->onboarding)))
    {
      gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;

      if (!any)
        gtk_label_set_label (self->empty_label,
                             self->needle != NULL
                             ? _("No schema matches the search.")
                             : _("The catalog has no schemas the connection can see."));
      gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
    }

  update_count (self);
}

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *existing = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (existing), 0);
  gtk_label_set_ellipsize (GTK_LABEL (existing), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (existing, "dim-label");
  gtk_widget_add_css_class (existing, "caption");
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);

  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), existing);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), labels);

  g_object_set_data (G_OBJECT (item), "check", check);
  g_object_set_data (G_OBJECT (item), "name", name);
  g_object_set_data (G_OBJECT (item), "existing", existing);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  StewardOnboardingTarget *target = gtk_list_item_get_item (item);
  GtkWidget *check = g_object_get_data (G_OBJECT (item), "check");
  GtkWidget *existing = g_object_get_data (G_OBJECT (item), "existing");
  const char * const *names = steward_onboarding_target_get_existing (target);
  GBinding *binding;

  gtk_label_set_label (g_object_get_data (G_OBJECT (item), "name"),
                       steward_onboarding_target_get_name (target));
  if (names != NULL)
    {
      g_autofree char *list = steward_format_list (names);
      /* Translators: %s is a list of datastore names. */
      g_autofree char *text = g_strdup_printf (_("Already read by %s"), list);

      gtk_label_set_label (GTK_LABEL (existing), text);
      gtk_widget_set_tooltip_text (existing, text);
    }
  gtk_widget_set_visible (existing, names != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  steward_onboarding_target_get_name (target), -1);
  binding = g_object_bind_property (target, "selected", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (item), "binding", binding);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GBinding *binding = g_object_get_data (G_OBJECT (item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (item), "binding", NULL);
}

/* Callbacks and actions */

static void
activate_cb (StewardOnboardingSchemasPage *self,
             guint                         position)
{
  g_autoptr(StewardOnboardingTarget) target = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                                     position);

  if (target != NULL)
    steward_onboarding_target_set_selected (target,
                                            !steward_onboarding_target_get_selected (target));
}

static void
search_changed_cb (StewardOnboardingSchemasPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (*stripped != '\0')
    self->needle = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardOnboardingSchemasPage *self = STEWARD_ONBOARDING_SCHEMAS_PAGE (widget);
  StewardSelectHow how = STEWARD_SELECT_NONE;

  if (g_str_equal (action_name, "schemas-page.select-all"))
    how = STEWARD_SELECT_ALL;
  else if (g_str_equal (action_name, "schemas-page.select-new"))
    how = STEWARD_SELECT_NEW_ONLY;

  steward_onboarding_select (self->onboarding, G_LIST_MODEL (self->filtered), how);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StewardOnboardingSchemasPage *self = STEWARD_ONBOARDING_SCHEMAS_PAGE (widget);

  steward_onboarding_load_schemas (self->onboarding);
}

/* StewardOnboardingPage */

static const char *
page_get_title (StewardOnboardingPage *page)
{
  return _("Schemas");
}

static void
page_activate (StewardOnboardingPage *page)
{
  StewardOnboardingSchemasPage *self = STEWARD_ONBOARDING_SCHEMAS_PAGE (page);

  if (steward_onboarding_get_targets_state (self->onboarding) == STEWARD_LOAD_IDLE)
    steward_onboarding_load_schemas (self->onboarding);
  update_stack (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
page_can_go_next (StewardOnboardingPage *page)
{
  StewardOnboardingSchemasPage *self = STEWARD_ONBOARDING_SCHEMAS_PAGE (page);

  return steward_onboarding_get_targets_state (self->onboarding) == STEWARD_LOAD_DONE &&
         steward_onboarding_get_n_selected (self->onboarding) > 0;
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
steward_onboarding_schemas_page_constructed (GObject *object)
{
  StewardOnboardingSchemasPage *self = STEWARD_ONBOARDING_SCHEMAS_PAGE (object);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (steward_onboarding_schemas_page_parent_class)->constructed (object);

  g_assert (STEWARD_IS_ONBOARDING (self->onboarding));
  self->filter = gtk_custom_filter_new (target_matches, self, NULL);
  self->filtered =
    gtk_filter_list_model_new (g_object_ref (steward_onboarding_get_targets (self->onboarding)),
                                              GTK_FILTER (g_object_ref (self->filter)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->onboarding, "notify::targets-state",
                           G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->onboarding, "notify::n-selected",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
}

static void
steward_onboarding_schemas_page_dispose (GObject *object)
{
  StewardOnboardingSchemasPage *self = STEWARD_ONBOARDING_SCHEMAS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_ONBOARDING_SCHEMAS_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->onboarding);

  G_OBJECT_CLASS (steward_onboarding_schemas_page_parent_class)->dispose (object);
}

static void
steward_onboarding_schemas_page_finalize (GObject *object)
{
  StewardOnboardingSchemasPage *self = STEWARD_ONBOARDING_SCHEMAS_PAGE (object);

  g_free (self->needle);

  G_OBJECT_CLASS (steward_onboarding_schemas_page_parent_class)->finalize (object);
}

static void
steward_onboarding_schemas_page_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  StewardOnboardingSchemasPage *self = STEWARD_ONBOARDING_SCHEMAS_PAGE (object);

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
steward_onboarding_schemas_page_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  StewardOnboardingSchemasPage *self = STEWARD_ONBOARDING_SCHEMAS_PAGE (object);

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
steward_onboarding_schemas_page_class_init (StewardOnboardingSchemasPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steward_onboarding_schemas_page_constructed;
  object_class->dispose = steward_onboarding_schemas_page_dispose;
  object_class->finalize = steward_onboarding_schemas_page_finalize;
  object_class->get_property = steward_onboarding_schemas_page_get_property;
  object_class->set_property = steward_onboarding_schemas_page_set_property;

  g_object_class_override_property (object_class, PROP_ONBOARDING, "onboarding");
  g_object_class_override_property (object_class, PROP_CAN_GO_NEXT, "can-go-next");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/steward-onboarding-schemas-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSchemasPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSchemasPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSchemasPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSchemasPage, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSchemasPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSchemasPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, StewardOnboardingSchemasPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "schemas-page.select-all", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "schemas-page.select-new", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "schemas-page.clear", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "schemas-page.reload", NULL, reload_action);
}

static void
steward_onboarding_schemas_page_init (StewardOnboardingSchemasPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steward_onboarding_schemas_page_new (StewardOnboarding *onboarding)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING (onboarding), NULL);

  return g_object_new (STEWARD_TYPE_ONBOARDING_SCHEMAS_PAGE, "onboarding", onboarding, NULL);
}

/* Returns: (transfer none): the targets the search shows */
GListModel *
steward_onboarding_schemas_page_get_shown (StewardOnboardingSchemasPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_SCHEMAS_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

void
steward_onboarding_schemas_page_set_search (StewardOnboardingSchemasPage *self,
                                            const char                   *search)
{
  g_return_if_fail (STEWARD_IS_ONBOARDING_SCHEMAS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");
  /* At once, not after the entry's typing delay. */
  search_changed_cb (self);
}

/* The "N of M selected" text, as shown. */
const char *
steward_onboarding_schemas_page_get_count (StewardOnboardingSchemasPage *self)
{
  g_return_val_if_fail (STEWARD_IS_ONBOARDING_SCHEMAS_PAGE (self), NULL);
  return gtk_label_get_label (self->count_label);
}
