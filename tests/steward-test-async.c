/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* dl_iterate_phdr, for the leak-check set-up at the end */
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

/* Runs the main loop for @ms, for what must not happen (or must settle) in that time. */
void
steward_test_iterate (guint ms)
{
  gboolean reached = FALSE;

  g_timeout_add (ms, timeout_reached_cb, &reached);
  while (!reached)
    g_main_context_iteration (NULL, TRUE);
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
  if (!steward_test_wait_until (result_arrived_cb, result, STEWARD_TEST_LONG_TIMEOUT_MS))
    g_error ("The call did not finish within %u seconds", STEWARD_TEST_LONG_TIMEOUT_MS / 1000);
}

/* Tests find widgets by their English labels and compare the messages they show, so they run in
 * the untranslated UI whatever the developer's language. gtk_test_init() pins the locale itself
 * (en_US.UTF-8, else C), but gettext honours LANGUAGE for any locale other than C, and a steward
 * catalog installed system-wide would then translate the UI under test. test-translation sets
 * its own language after this has run. */
__attribute__((constructor)) static void
pin_untranslated_ui (void)
{
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

#ifdef __SANITIZE_ADDRESS__
#include <link.h>
#include <string.h>

/* From the sanitizer runtime; GCC 12 ships no header for the allocator calls. */
int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);
void   __lsan_ignore_object           (const void *p);

/* GLib 2.74 leaks its first quark block (2048 slots) on purpose once a process interns more
 * strings than that: lock-free readers may still hold it (gquark.c, quark_new). Widget tests
 * cross that line. The block is allocated in GLib's constructor, where LSan's fast unwinder
 * sees nothing but g_malloc, so no suppression can single it out. Instead, find the block
 * through GLib's writable data and tell LSan that it is meant to outlive the process. */

#define QUARK_BLOCK_BYTES (2048 * sizeof (char *))

static const char quark_probe[] = "steward-test-quark-probe";

static int
ignore_quark_block_cb (struct dl_phdr_info *info,
                       size_t               size,
                       void                *data)
{
  GQuark probe = GPOINTER_TO_UINT (data);

  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *phdr = &info->dlpi_phdr[i];
      char **word, **end;

      if (phdr->p_type != PT_LOAD || (phdr->p_flags & PF_W) == 0)
        continue;

      word = (char **) GSIZE_TO_POINTER ((info->dlpi_addr + phdr->p_vaddr + sizeof (char *) - 1) &
                                         ~(sizeof (char *) - 1));
      end = (char **) GSIZE_TO_POINTER (info->dlpi_addr + phdr->p_vaddr + phdr->p_memsz);

      for (; word + 1 <= end; word++)
        {
          char **block = (char **) *word;

          if (block == NULL || !__sanitizer_get_ownership (block) ||
              __sanitizer_get_allocated_size (block) != QUARK_BLOCK_BYTES)
            continue;

          if (block[probe] == quark_probe)
            {
              __lsan_ignore_object (block);
              return 1;
            }
        }
    }

  return 1;
}

__attribute__((constructor)) static void
ignore_glib_quark_block (void)
{
  GQuark probe = g_quark_from_static_string (quark_probe);

  /* Only the first block is the one the constructor allocated. */
  if (probe < 2048)
    dl_iterate_phdr (ignore_quark_block_cb, GUINT_TO_POINTER (probe));
}
#endif
