/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-test"

#include "steward-test-async.h"
#include "steward-test-notifications.h"

/* A stand-in for the desktop's notification server (org.freedesktop.Notifications on the test's
 * own session bus), which records what it is shown. GNotification reaches it as it would reach
 * GNOME Shell; a test clicks a notification by emitting ActionInvoked with its id, which is its
 * position in the list counted from 1. */

static GPtrArray *shown;
static gboolean   owned;

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "</method>"
  "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "</interface></node>";

static void
notification_free (StewardTestNotification *item)
{
  g_free (item->summary);
  g_free (item->body);
  g_free (item);
}

static void
call_cb (GDBusConnection       *connection,
         const char            *sender,
         const char            *path,
         const char            *interface,
         const char            *method,
         GVariant              *parameters,
         GDBusMethodInvocation *invocation,
         gpointer               user_data)
{
  if (g_str_equal (method, "Notify"))
    {
      StewardTestNotification *item = g_new0 (StewardTestNotification, 1);
      g_autofree const char **actions = NULL;

      g_variant_get_child (parameters, 3, "s", &item->summary);
      g_variant_get_child (parameters, 4, "s", &item->body);
      g_variant_get_child (parameters, 5, "^a&s", &actions);
      item->has_default = actions != NULL && g_strv_contains (actions, "default");
      g_ptr_array_add (shown, item);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", shown->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new_parsed ("(['body', 'actions'],)"));
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "tests", "steward",
                                                                      "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  owned = TRUE;
}

static gboolean
owned_cb (gpointer user_data)
{
  return owned;
}

/* Serves notifications on the session bus for the rest of the process. */
void
steward_test_notifications_serve (void)
{
  static const GDBusInterfaceVTable vtable = { call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  g_assert_null (shown);
  shown = g_ptr_array_new_with_free_func ((GDestroyNotify) notification_free);
  g_assert_nonnull (bus);
  g_assert_cmpuint (g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                                       node->interfaces[0], &vtable, NULL, NULL,
                                                       NULL), >, 0);
  g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                name_acquired_cb, NULL, NULL, NULL);
  g_assert_true (steward_test_wait_until (owned_cb, NULL, STEWARD_TEST_TIMEOUT_MS));
}

/* Returns: (transfer none) (element-type StewardTestNotification): what was shown, oldest
 * first, since the last steward_test_notifications_clear() */
GPtrArray *
steward_test_notifications_get_shown (void)
{
  g_assert_nonnull (shown);
  return shown;
}

/* Forgets what was shown: a test counts only its own notifications. */
void
steward_test_notifications_clear (void)
{
  g_assert_nonnull (shown);
  g_ptr_array_set_size (shown, 0);
}
