/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "steward-application.h"
#include "steward-chip-editor.h"
#include "steward-test-utils.h"

typedef struct
{
  GtkWindow         *window;
  StewardChipEditor *editor;
  GtkWidget         *entry_row;
  guint              notifications;
} Fixture;

static StewardApplication *app;

static void
values_notified_cb (Fixture *fixture)
{
  fixture->notifications++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (app)));
  fixture->editor = STEWARD_CHIP_EDITOR (steward_chip_editor_new ());
  steward_chip_editor_set_placeholder_text (fixture->editor, "Add Tag");
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_set_default_size (fixture->window, 400, 300);
  gtk_window_present (fixture->window);
  g_assert_true (steward_test_wait_until (steward_test_widget_mapped_cb, fixture->editor,
                                          STEWARD_TEST_TIMEOUT_MS));

  fixture->entry_row =
      steward_test_find_widget (GTK_WIDGET (fixture->editor), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (fixture->entry_row);
  g_signal_connect_swapped (fixture->editor, "notify::values", G_CALLBACK (values_notified_cb),
                            fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

/* Types into the entry and presses Enter. */
static void
type_and_enter (Fixture    *fixture,
                const char *text)
{
  GtkWidget *text_widget = steward_test_find_widget (fixture->entry_row, GTK_TYPE_TEXT, NULL);

  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), text);
  /* What the Enter key binding does. */
  g_signal_emit_by_name (text_widget, "activate");
}

static void
assert_values (Fixture            *fixture,
               const char * const *expected)
{
  const char * const *values = steward_chip_editor_get_values (fixture->editor);
  g_auto(GStrv) property = NULL;

  if (!g_strv_equal (values, expected))
    {
      g_autofree char *got = g_strjoinv (", ", (char **) values);
      g_autofree char *want = g_strjoinv (", ", (char **) expected);
      g_error ("values are [%s], expected [%s]", got, want);
    }

  g_object_get (fixture->editor, "values", &property, NULL);
  g_assert_true (g_strv_equal ((const char * const *) property, expected));
}

/* A chip shows the value and a remove button named after it. */
static void
assert_chip_shown (Fixture    *fixture,
                   const char *value)
{
  g_autofree char *remove_label = g_strdup_printf ("Remove “%s”", value);
  GtkWidget *label = steward_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_LABEL, value);
  GtkWidget *button =
      steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->editor), remove_label);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_mapped (button));
}

static void
test_add_by_enter (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpstr (steward_chip_editor_get_placeholder_text (fixture->editor), ==, "Add Tag");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fixture->entry_row)), ==,
                   "Add Tag");

  type_and_enter (fixture, "production");
  assert_values (fixture, (const char *[]) { "production", NULL });
  g_assert_cmpuint (fixture->notifications, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry_row)), ==, "");
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  assert_chip_shown (fixture, "production");

  /* Surrounding spaces are not part of a value. */
  type_and_enter (fixture, "  sales  ");
  assert_values (fixture, (const char *[]) { "production", "sales", NULL });
  g_assert_cmpuint (fixture->notifications, ==, 2);
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  assert_chip_shown (fixture, "sales");
}

static void
test_add_by_comma (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), "finance,");
  assert_values (fixture, (const char *[]) { "finance", NULL });
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry_row)), ==, "");

  /* A pasted list: each finished part is added, the last one is still being typed. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), "pii, gdpr,raw");
  assert_values (fixture, (const char *[]) { "finance", "pii", "gdpr", NULL });
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry_row)), ==, "raw");
  g_assert_cmpuint (fixture->notifications, ==, 3);

  type_and_enter (fixture, "raw");
  assert_values (fixture, (const char *[]) { "finance", "pii", "gdpr", "raw", NULL });
}

static void
test_refuses_duplicates_and_blanks (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *hint;

  steward_chip_editor_set_values (fixture->editor, (const char *[]) { "staging", NULL });
  g_assert_cmpuint (fixture->notifications, ==, 1);

  type_and_enter (fixture, "staging");
  assert_values (fixture, (const char *[]) { "staging", NULL });
  g_assert_cmpuint (fixture->notifications, ==, 1);
  /* Refused, said why, and left in the entry to correct. */
  hint = steward_test_find_widget (GTK_WIDGET (fixture->editor), GTK_TYPE_LABEL,
                                   "“staging” is already in the list");
  g_assert_nonnull (hint);
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_true (gtk_widget_has_css_class (fixture->entry_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry_row)), ==, "staging");

  /* Editing clears the complaint; the server compares case-sensitively, so does the editor. */
  type_and_enter (fixture, "Staging");
  g_assert_false (gtk_widget_get_visible (hint));
  assert_values (fixture, (const char *[]) { "staging", "Staging", NULL });
  g_assert_cmpuint (fixture->notifications, ==, 2);

  type_and_enter (fixture, "   ");
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), " , ,");
  type_and_enter (fixture, "");
  assert_values (fixture, (const char *[]) { "staging", "Staging", NULL });
  g_assert_cmpuint (fixture->notifications, ==, 2);
  g_assert_false (gtk_widget_get_visible (hint));

  /* The add button is only enabled with something to add. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), "  ");
  g_assert_false (
      gtk_widget_get_sensitive (steward_test_find_widget_by_tooltip (fixture->entry_row, "Add")));
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), "qa");
  g_assert_true (
      gtk_widget_get_sensitive (steward_test_find_widget_by_tooltip (fixture->entry_row, "Add")));
}

static gboolean
has_two_values_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_strv_length ((char **) steward_chip_editor_get_values (fixture->editor)) == 2;
}

/* A form sent with a value still in the entry keeps it; a refused one stays to be corrected. */
static void
test_commit_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (steward_chip_editor_commit_entry (fixture->editor));
  assert_values (fixture, (const char *[]) { NULL });

  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), " pii ");
  g_assert_true (steward_chip_editor_commit_entry (fixture->editor));
  assert_values (fixture, (const char *[]) { "pii", NULL });
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry_row)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), "pii");
  g_assert_false (steward_chip_editor_commit_entry (fixture->editor));
  assert_values (fixture, (const char *[]) { "pii", NULL });
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry_row)), ==, "pii");
}

static void
test_remove_by_button (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *button;

  steward_chip_editor_set_values (fixture->editor, (const char *[]) { "a", "b", "c", NULL });
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  assert_chip_shown (fixture, "b");

  button = steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->editor), "Remove “b”");
  gtk_widget_activate (button);
  g_assert_true (steward_test_wait_until (has_two_values_cb, fixture, STEWARD_TEST_TIMEOUT_MS));
  assert_values (fixture, (const char *[]) { "a", "c", NULL });
  g_assert_cmpuint (fixture->notifications, ==, 2);
  g_assert_null (steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->editor), "Remove “b”"));
  assert_chip_shown (fixture, "a");
  assert_chip_shown (fixture, "c");
}

static gboolean
press_backspace (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_BackSpace, 22, 0, &handled);
    }

  return handled;
}

static void
test_backspace_focuses_last_chip (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *last;

  steward_chip_editor_set_values (fixture->editor, (const char *[]) { "one", "two", NULL });
  steward_test_iterate (STEWARD_TEST_IDLE_MS);
  gtk_widget_grab_focus (fixture->entry_row);

  /* With text in the entry, Backspace edits the text. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), "x");
  g_assert_false (press_backspace (fixture->entry_row));

  gtk_editable_set_text (GTK_EDITABLE (fixture->entry_row), "");
  g_assert_true (press_backspace (fixture->entry_row));
  last = steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->editor), "Remove “two”");
  g_assert_true (gtk_widget_has_focus (last));

  /* A second Backspace removes that chip and moves to the one before. */
  g_assert_true (press_backspace (last));
  assert_values (fixture, (const char *[]) { "one", NULL });
  g_assert_true (gtk_widget_has_focus (
      steward_test_find_widget_by_tooltip (GTK_WIDGET (fixture->editor), "Remove “one”")));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = steward_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/chip-editor/add-by-enter", Fixture, NULL,
              fixture_set_up, test_add_by_enter, fixture_tear_down);
  g_test_add ("/chip-editor/add-by-comma", Fixture, NULL,
              fixture_set_up, test_add_by_comma, fixture_tear_down);
  g_test_add ("/chip-editor/refuses-duplicates-and-blanks", Fixture, NULL,
              fixture_set_up, test_refuses_duplicates_and_blanks, fixture_tear_down);
  g_test_add ("/chip-editor/commit-entry", Fixture, NULL,
              fixture_set_up, test_commit_entry, fixture_tear_down);
  g_test_add ("/chip-editor/remove-by-button", Fixture, NULL,
              fixture_set_up, test_remove_by_button, fixture_tear_down);
  g_test_add ("/chip-editor/backspace-focuses-last-chip", Fixture, NULL,
              fixture_set_up, test_backspace_focuses_last_chip, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
