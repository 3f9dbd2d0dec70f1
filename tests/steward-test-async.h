/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Main-loop helpers for tests; GLib only, so API tests need no display. */

typedef gboolean (*StewardTestCondition) (gpointer user_data);

/* How long a test waits for what must happen. Reaching the bound means it never came: it is far
 * longer than anything takes here, even under valgrind on a loaded machine, so a slow run is
 * never a failure and a failure never waits long. */
#define STEWARD_TEST_TIMEOUT_MS       15000
/* The same for whole flows: a sign-in, a listing of thousands, a wizard from end to end. */
#define STEWARD_TEST_LONG_TIMEOUT_MS  60000
/* How long a test runs the main loop for pending idles and redraws to happen. */
#define STEWARD_TEST_IDLE_MS          50
/* How long a test watches for what must NOT happen (a request, a dialog) before it says so. */
#define STEWARD_TEST_QUIET_MS         300

/* Returns: whether the condition holds. A test that goes on without checking would assert on a
 * state that never came, so the result must be used: assert it, or g_error() with what did not
 * happen. */
G_GNUC_WARN_UNUSED_RESULT
gboolean   steward_test_wait_until        (StewardTestCondition  condition,
                                           gpointer              user_data,
                                           guint                 timeout_ms);
void       steward_test_iterate           (guint                 ms);

/* For async calls in tests: pass steward_test_store_result_cb with &result as user data, then
 * steward_test_wait_result (&result) runs the main loop until the call finished (or fails the
 * test after 30 s). */
void       steward_test_store_result_cb   (GObject              *object,
                                           GAsyncResult         *result,
                                           gpointer              user_data);
void       steward_test_wait_result       (GAsyncResult        **result);

G_END_DECLS
