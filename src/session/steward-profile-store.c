/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-profile-store"

#include "steward-profile-store.h"

/* The saved profiles, as a GListModel kept in step with the "profiles" GSettings key: every
 * change to the list or to a saved profile is written back. Temporary profiles (the demo's) are
 * listed but never written. */
struct _StewardProfileStore
{
  GObject     parent_instance;

  GSettings  *settings;
  GListStore *profiles;
  gboolean    loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardProfileStore, steward_profile_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
store_get_item_type (GListModel *model)
{
  return STEWARD_TYPE_PROFILE;
}

static guint
store_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (STEWARD_PROFILE_STORE (model)->profiles));
}

static gpointer
store_get_item (GListModel *model,
                guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (STEWARD_PROFILE_STORE (model)->profiles), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = store_get_item_type;
  iface->get_n_items = store_get_n_items;
  iface->get_item = store_get_item;
}

static void
save (StewardProfileStore *self)
{
  GVariantBuilder builder;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  if (self->loading)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      if (!steward_profile_get_temporary (profile))
        g_variant_builder_add_value (&builder, steward_profile_to_variant (profile));
    }

  g_settings_set_value (self->settings, "profiles", g_variant_builder_end (&builder));
}

static void
profile_changed_cb (StewardProfile      *profile,
                    GParamSpec          *pspec,
                    StewardProfileStore *self)
{
  save (self);
}

static void
items_changed_cb (GListModel          *model,
                  guint                position,
                  guint                removed,
                  guint                added,
                  StewardProfileStore *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
load (StewardProfileStore *self)
{
  g_autoptr(GVariant) profiles = g_settings_get_value (self->settings, "profiles");
  GVariantIter iter;
  GVariant *entry;

  self->loading = TRUE;
  g_variant_iter_init (&iter, profiles);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(StewardProfile) profile = steward_profile_new_from_variant (entry);

      if (profile != NULL)
        steward_profile_store_add (self, profile);
      g_variant_unref (entry);
    }
  self->loading = FALSE;
}

static void
steward_profile_store_dispose (GObject *object)
{
  StewardProfileStore *self = STEWARD_PROFILE_STORE (object);
  guint n = self->profiles != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      g_signal_handlers_disconnect_by_func (profile, profile_changed_cb, self);
    }

  g_clear_object (&self->profiles);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_profile_store_parent_class)->dispose (object);
}

static void
steward_profile_store_class_init (StewardProfileStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = steward_profile_store_dispose;
}

static void
steward_profile_store_init (StewardProfileStore *self)
{
  self->profiles = g_list_store_new (STEWARD_TYPE_PROFILE);
  g_signal_connect_object (self->profiles, "items-changed", G_CALLBACK (items_changed_cb), self, 0);
}

StewardProfileStore *
steward_profile_store_new (GSettings *settings)
{
  StewardProfileStore *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (STEWARD_TYPE_PROFILE_STORE, NULL);
  self->settings = g_object_ref (settings);
  load (self);
  return self;
}

static gboolean
find_position (StewardProfileStore *self,
               const char          *id,
               guint               *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(StewardProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      if (g_str_equal (steward_profile_get_id (profile), id))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Adds a profile, or replaces the one with the same id in its place (the current profile stays
 * current when it is replaced). */
void
steward_profile_store_add (StewardProfileStore *self,
                           StewardProfile      *profile)
{
  guint position;

  g_return_if_fail (STEWARD_IS_PROFILE_STORE (self));
  g_return_if_fail (STEWARD_IS_PROFILE (profile));

  if (find_position (self, steward_profile_get_id (profile), &position))
    {
      g_autoptr(StewardProfile) old =
          g_list_model_get_item (G_LIST_MODEL (self->profiles), position);

      if (old == profile)
        return;

      g_signal_handlers_disconnect_by_func (old, profile_changed_cb, self);
      g_signal_connect (profile, "notify", G_CALLBACK (profile_changed_cb), self);
      g_list_store_splice (self->profiles, position, 1, (gpointer *) &profile, 1);
    }
  else
    {
      g_signal_connect (profile, "notify", G_CALLBACK (profile_changed_cb), self);
      g_list_store_append (self->profiles, profile);
    }

  save (self);
}

gboolean
steward_profile_store_remove (StewardProfileStore *self,
                              const char          *id)
{
  g_autoptr(StewardProfile) profile = NULL;
  g_autofree char *current = NULL;
  guint position;

  g_return_val_if_fail (STEWARD_IS_PROFILE_STORE (self), FALSE);

  if (!find_position (self, id, &position))
    return FALSE;

  profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), position);
  g_signal_handlers_disconnect_by_func (profile, profile_changed_cb, self);
  g_list_store_remove (self->profiles, position);

  current = g_settings_get_string (self->settings, "current-profile");
  if (g_str_equal (current, id))
    steward_profile_store_set_current_id (self, NULL);
  save (self);
  return TRUE;
}

/* Returns: (transfer none) (nullable) */
StewardProfile *
steward_profile_store_find (StewardProfileStore *self,
                            const char          *id)
{
  g_autoptr(StewardProfile) profile = NULL;
  guint position;

  g_return_val_if_fail (STEWARD_IS_PROFILE_STORE (self), NULL);

  if (!find_position (self, id, &position))
    return NULL;

  /* The store keeps it alive. */
  profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), position);
  return profile;
}

/* Returns: (transfer none) (nullable): the profile for that (normalized) URL */
StewardProfile *
steward_profile_store_find_by_url (StewardProfileStore *self,
                                   const char          *url)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  for (guint i = 0; url != NULL && i < n; i++)
    {
      StewardProfile *profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      g_object_unref (profile);
      if (g_strcmp0 (steward_profile_get_url (profile), url) == 0)
        return profile;
    }

  return NULL;
}

const char *
steward_profile_store_get_current_id (StewardProfileStore *self)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (STEWARD_IS_PROFILE_STORE (self), NULL);

  id = g_settings_get_string (self->settings, "current-profile");
  if (*id == '\0')
    return NULL;

  /* Hand out the stored profile's own string, which lives as long as the profile. */
  {
    StewardProfile *profile = steward_profile_store_find (self, id);
    return profile != NULL ? steward_profile_get_id (profile) : NULL;
  }
}

void
steward_profile_store_set_current_id (StewardProfileStore *self,
                                      const char          *id)
{
  g_return_if_fail (STEWARD_IS_PROFILE_STORE (self));

  g_settings_set_string (self->settings, "current-profile", id != NULL ? id : "");
}
