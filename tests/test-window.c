/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window restores its size from GSettings and saves it on close. */

#include "config.h"

#include <adwaita.h>

#include "dojang-window.h"

extern void dojang_register_resource (void);

static void
test_window_geometry_round_trip (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window;
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 720);
  g_settings_set_int (settings, "window-height", 510);
  g_settings_set_boolean (settings, "window-maximized", TRUE);

  window = g_object_new (DOJANG_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 510);

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_window_show_page (void)
{
  GtkWidget *window = g_object_new (DOJANG_TYPE_WINDOW, NULL);
  GtkWidget *stack;

  dojang_window_show_page (DOJANG_WINDOW (window), "help");
  stack = GTK_WIDGET (gtk_widget_get_template_child (window, DOJANG_TYPE_WINDOW, "stack"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "help");

  /* An unknown page name leaves the window where it was. */
  dojang_window_show_page (DOJANG_WINDOW (window), "no-such-page");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "help");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dojang_register_resource ();

  g_test_add_func ("/dojang/window/geometry-round-trip", test_window_geometry_round_trip);
  g_test_add_func ("/dojang/window/show-page", test_window_show_page);

  return g_test_run ();
}
