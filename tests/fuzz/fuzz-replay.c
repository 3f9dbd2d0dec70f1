/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a fuzz target over files without libFuzzer: every file of the directories (or the files)
 * given, once each. The normal build runs each target over its seed corpus and the inputs that
 * once crashed it (tests/fuzz/regressions/), so what fuzzing found stays fixed. */
#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;
      guint n = 0;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          n += replay (child);
        }
      return n;
    }

  if (!g_file_get_contents (path, &data, &size, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    if (g_file_test (argv[i], G_FILE_TEST_EXISTS))
      n += replay (argv[i]);

  g_print ("replayed %u inputs\n", n);
  return n > 0 ? 0 : 1;
}
