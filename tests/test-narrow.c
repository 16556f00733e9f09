/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every page and dialog at GNOME's mobile size, 360 × 640, with the real
 * application in-process on a real (Xvfb) display and the clock pinned: the
 * window can be that narrow (its minimum width is at most 360 px), and once
 * laid out at 360 px no label is cut short with "…" and no row grows into a
 * column of words. GTK 4.8 exports no widget extents over AT-SPI, so this
 * is measured here, in the toolkit. Run once per language (LANGUAGE is set
 * by meson). Set DOJANG_TEST_SCREENSHOT_DIR to keep a PNG of each. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dojang-application.h"
#include "dojang-certificates-page.h"
#include "dojang-help-page.h"
#include "dojang-reminders-page.h"
#include "dojang-test-ui.h"
#include "dojang-window.h"

#define NARROW_WIDTH 360
#define NARROW_HEIGHT 640
/* A row's title may take two lines at 360 px, never more. */
#define MAX_TITLE_LINES 2

typedef struct
{
  DojangApplication *app;
  DojangWindow      *window;
  JsonObject        *expected;
  char              *tree;
  const char        *lang;
} Run;

static Run run;

static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
      if (gtk_widget_get_parent (w) != NULL)
        g_string_prepend (path, " > ");
    }
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (path, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));

  return g_string_free (g_steal_pointer (&path), FALSE);
}

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);

  return minimum;
}

/* Which widget holds the window wider than it may be: follows the widest
 * visible child down the tree, for the failure message. */
static char *
widest_chain (GtkWidget *root)
{
  g_autoptr(GString) chain = g_string_new (NULL);
  GtkWidget *widget = root;

  while (widget != NULL)
    {
      GtkWidget *widest = NULL;
      int widest_width = -1;

      g_string_append_printf (chain, "\n  %s %d px", G_OBJECT_TYPE_NAME (widget), min_width (widget));
      if (GTK_IS_LABEL (widget))
        g_string_append_printf (chain, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int width;

          if (!gtk_widget_get_visible (child))
            continue;
          width = min_width (child);
          if (width > widest_width)
            {
              widest = child;
              widest_width = width;
            }
        }
      widget = widest;
    }

  return g_string_free (g_steal_pointer (&chain), FALSE);
}

static void
find_cut_labels (GtkWidget *widget,
                 GPtrArray *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));

      if (pango_layout_is_ellipsized (layout))
        g_ptr_array_add (problems, g_strdup_printf ("cut: %s", describe (widget)));
      else if (gtk_widget_has_css_class (widget, "title") &&
               pango_layout_get_line_count (layout) > MAX_TITLE_LINES)
        g_ptr_array_add (problems, g_strdup_printf ("%d lines: %s", pango_layout_get_line_count (layout),
                                                    describe (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    find_cut_labels (child, problems);
}

/* Without a compositor, client-side decorations keep a border for resizing
 * around the window (a phone's maximized window has none): the window's
 * own width is what its contents get. */
static int
border_width (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return gdk_surface_get_width (surface) - gtk_widget_get_width (GTK_WIDGET (window));
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
has_width (gpointer data)
{
  return gtk_widget_get_width (data) == NARROW_WIDTH;
}

/* @window at 360 × 640: it fits, and nothing in it is cut. */
static void
check_narrow (GtkWindow  *window,
              const char *what)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *shot = g_strdup_printf ("narrow-%s-%s.png", what, run.lang);
  int border;
  int minimum;

  gtk_window_present (window);
  g_assert_true (dojang_test_wait_until (is_mapped, window));
  dojang_test_iterate_for_ms (300);
  border = border_width (window);

  minimum = min_width (GTK_WIDGET (window)) - border;
  if (minimum > NARROW_WIDTH)
    {
      g_autofree char *chain = widest_chain (GTK_WIDGET (window));

      g_test_message ("%s (%s) needs %d px:%s", what, run.lang, minimum, chain);
      g_test_fail_printf ("%s (%s) cannot be narrower than %d px", what, run.lang, minimum);
      return;
    }

  /* A mapped window keeps its size: the default size counts when it maps. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, NARROW_WIDTH + border, NARROW_HEIGHT + border);
  gtk_window_present (window);
  if (!dojang_test_wait_until (has_width, window))
    g_error ("%s (%s) stays %d px wide", what, run.lang, gtk_widget_get_width (GTK_WIDGET (window)));
  dojang_test_iterate_for_ms (200);
  dojang_test_keep_screenshot (GTK_WIDGET (window), shot);

  find_cut_labels (GTK_WIDGET (window), problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s (%s): %s", what, run.lang, (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    g_test_fail_printf ("%s (%s): %u labels cut or too tall at %d px", what, run.lang, problems->len, NARROW_WIDTH);
}

static gboolean
started (gpointer data)
{
  DojangReminderController *reminders = dojang_application_get_reminders (run.app);
  DojangCertificateList *list = dojang_application_get_certificates (run.app);

  return dojang_reminder_controller_get_store (reminders) != NULL &&
         dojang_certificate_list_get_loaded (list) && !dojang_certificate_list_get_loading (list);
}

static gboolean
list_has_all (gpointer data)
{
  DojangCertificateList *list = dojang_application_get_certificates (run.app);
  JsonArray *certificates = json_object_get_array_member (run.expected, "certificates");
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    g_hash_table_add (distinct, (gpointer) json_object_get_string_member (json_array_get_object_element (certificates, i),
                                                                         "sha256"));

  return !dojang_certificate_list_get_loading (list) &&
         g_list_model_get_n_items (G_LIST_MODEL (list)) >= g_hash_table_size (distinct);
}

/* The toplevel that appeared besides the main window. */
static GtkWindow *
other_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (l->data != (gpointer) run.window && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return other_window () != NULL;
}

static void
check_dialog (GtkWidget  *from,
              const char *action,
              const char *what)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (from, action, NULL));
  g_assert_true (dojang_test_wait_until (dialog_shown, NULL));
  dialog = other_window ();
  check_narrow (dialog, what);
  gtk_window_destroy (dialog);
  dojang_test_iterate_for_ms (100);
}

static void
test_every_page_at_360 (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  JsonArray *roots;
  const char *folders[3] = { NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  static const char *providers[] = { "kica", "koscom", "yessign", "crosscert", "tradesign" };
  JsonObject *certificate;

  run.app = dojang_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (run.app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (run.app));
  run.window = DOJANG_WINDOW (gtk_application_get_windows (GTK_APPLICATION (run.app))->data);
  g_assert_true (dojang_test_wait_until (started, NULL));

  /* First with nothing found: the empty states. */
  check_narrow (GTK_WINDOW (run.window), "certificates-empty");
  dojang_window_show_page (run.window, "reminders");
  check_narrow (GTK_WINDOW (run.window), "reminders-empty");

  roots = json_object_get_array_member (run.expected, "roots");
  folders[0] = json_array_get_string_element (roots, 0);
  folders[1] = json_array_get_string_element (roots, 1);
  g_settings_set_strv (settings, "certificate-folders", folders);
  g_assert_true (dojang_test_wait_until (list_has_all, NULL));
  dojang_test_iterate_for_ms (300);

  dojang_window_show_page (run.window, "certificates");
  check_narrow (GTK_WINDOW (run.window), "certificates");
  certificate = dojang_test_find_expected (run.expected, "certificates", "name", "김철수");
  g_action_group_activate_action (G_ACTION_GROUP (run.app), "show-certificate",
                                  g_variant_new_string (json_object_get_string_member (certificate, "sha256")));
  check_narrow (GTK_WINDOW (run.window), "certificate-details");

  dojang_window_show_page (run.window, "reminders");
  check_narrow (GTK_WINDOW (run.window), "reminders");
  check_dialog (GTK_WIDGET (dojang_window_get_reminders_page (run.window)), "reminders.add-entry", "manual-entry");

  dojang_window_show_page (run.window, "help");
  check_narrow (GTK_WINDOW (run.window), "help");
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      g_autofree char *what = g_strdup_printf ("help-%s", providers[i]);

      g_assert_true (dojang_help_page_show_provider (dojang_window_get_help_page (run.window), providers[i]));
      check_narrow (GTK_WINDOW (run.window), what);
    }

  check_dialog (GTK_WIDGET (run.window), "app.preferences", "preferences");
  check_dialog (GTK_WIDGET (run.window), "app.about", "about");
  /* Not the shortcuts window: GTK 4.8's GtkShortcutsWindow always lays its
   * groups out in two columns (over 500 px) and has no narrow form; it is
   * for keyboards, which phones do not have. */

  gtk_window_destroy (GTK_WINDOW (run.window));
  g_settings_reset (settings, "certificate-folders");
  g_clear_object (&run.app);
  dojang_test_iterate_for_ms (100);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *localedir = g_strdup (g_getenv ("DOJANG_LOCALEDIR"));
  int status;

  run.lang = language != NULL && *language != '\0' ? language : "en";
  /* The standard fixture tree's "now", for the whole application. */
  g_setenv ("DOJANG_NOW", DOJANG_TEST_AT, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);

  run.tree = dojang_test_make_npki_tree (DOJANG_TEST_AT, 0);
  run.expected = dojang_test_load_expected (run.tree);

  g_test_add_func ("/dojang/narrow/every-page-at-360", test_every_page_at_360);
  status = g_test_run ();

  json_object_unref (run.expected);
  dojang_test_remove_tree (run.tree);
  g_free (run.tree);

  return status;
}
