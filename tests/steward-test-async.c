/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-test"

#include "steward-test-async.h"

static gboolean
timeout_reached_cb (gpointer user_data)
{
  gboolean *reached = user_data;

  *reached = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop, as the app would, until the condition holds or the time runs out. */
gboolean
steward_test_wait_until (StewardTestCondition condition,
                         gpointer             user_data,
                         guint                timeout_ms)
{
  gboolean reached = FALSE;
  guint source = g_timeout_add (timeout_ms, timeout_reached_cb, &reached);

  while (!condition (user_data) && !reached)
    g_main_context_iteration (NULL, TRUE);

  if (!reached)
    g_source_remove (source);

  return condition (user_data);
}

static gboolean
never_cb (gpointer user_data)
{
  return FALSE;
}

void
steward_test_iterate (guint ms)
{
  steward_test_wait_until (never_cb, NULL, ms);
}

void
steward_test_store_result_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
result_arrived_cb (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

void
steward_test_wait_result (GAsyncResult **result)
{
  if (!steward_test_wait_until (result_arrived_cb, result, 30000))
    g_error ("The call did not finish within 30 seconds");
}
