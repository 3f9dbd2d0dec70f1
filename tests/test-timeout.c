/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-test-async.h"
#include "steward-timeout.h"

/* steward_timeout_async(): the wait between two requests that the transport's retries, following
 * an operation and looking for a sync share. It must last its time, and end at once, once only,
 * when cancelled. */

typedef struct
{
  guint     calls;
  gboolean  fired;
  GError   *error;
  gint64    done_us;
} Outcome;

static void
outcome_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->calls++;
  outcome->fired = steward_timeout_finish (result, &outcome->error);
  outcome->done_us = g_get_monotonic_time ();
}

static gboolean
called_cb (gpointer user_data)
{
  return ((Outcome *) user_data)->calls > 0;
}

static void
test_timeout_fires (void)
{
  Outcome outcome = { 0, };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 start_us = g_get_monotonic_time ();

  steward_timeout_async (200, cancellable, outcome_cb, &outcome);
  g_assert_cmpuint (outcome.calls, ==, 0);

  if (!steward_test_wait_until (called_cb, &outcome, STEWARD_TEST_TIMEOUT_MS))
    g_error ("A 200 ms timeout did not complete within 10 s");
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.fired);
  g_assert_cmpint (outcome.done_us - start_us, >=, 200 * 1000);

  /* Cancelling after the time was up changes nothing. */
  g_cancellable_cancel (cancellable);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_assert_cmpuint (outcome.calls, ==, 1);
}

static void
test_timeout_without_cancellable (void)
{
  Outcome outcome = { 0, };

  steward_timeout_async (10, NULL, outcome_cb, &outcome);
  if (!steward_test_wait_until (called_cb, &outcome, STEWARD_TEST_TIMEOUT_MS))
    g_error ("A 10 ms timeout without a cancellable did not complete within 10 s");
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.fired);
}

static void
test_timeout_cancelled (void)
{
  Outcome outcome = { 0, };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 start_us = g_get_monotonic_time ();

  steward_timeout_async (60000, cancellable, outcome_cb, &outcome);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_assert_cmpuint (outcome.calls, ==, 0);

  g_cancellable_cancel (cancellable);
  /* Twice is harmless. */
  g_cancellable_cancel (cancellable);
  if (!steward_test_wait_until (called_cb, &outcome, STEWARD_TEST_TIMEOUT_MS))
    g_error ("Cancelling a 60 s timeout did not complete it within 10 s");
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (outcome.fired);
  /* At once: far from the 60 s the timer would have taken. */
  g_assert_cmpint (outcome.done_us - start_us, <, 5 * G_USEC_PER_SEC);

  g_cancellable_cancel (cancellable);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  g_assert_cmpuint (outcome.calls, ==, 1);
  g_clear_error (&outcome.error);
}

static void
test_timeout_already_cancelled (void)
{
  Outcome outcome = { 0, };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  steward_timeout_async (60000, cancellable, outcome_cb, &outcome);
  /* Never in the caller's own frame. */
  g_assert_cmpuint (outcome.calls, ==, 0);

  if (!steward_test_wait_until (called_cb, &outcome, STEWARD_TEST_TIMEOUT_MS))
    g_error ("A timeout started cancelled did not complete within 10 s");
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (outcome.calls, ==, 1);
  g_clear_error (&outcome.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeout/fires", test_timeout_fires);
  g_test_add_func ("/timeout/without-cancellable", test_timeout_without_cancellable);
  g_test_add_func ("/timeout/cancelled", test_timeout_cancelled);
  g_test_add_func ("/timeout/already-cancelled", test_timeout_already_cancelled);

  return g_test_run ();
}
