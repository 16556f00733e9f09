/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Toasts show their text as given: file names with "&" or "<" in them are
 * not taken for markup. */

#include "config.h"

#include <adwaita.h>

#include "dojang-test-ui.h"
#include "dojang-toast.h"
#include "dojang-window.h"

extern void dojang_register_resource (void);

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  return dojang_test_find_label (widget, text) != NULL;
}

static void
test_plain_text (void)
{
  static const char * const texts[] = {
    "Reminders exported to /home/u/A&B <2026>.json",
    "<b>not bold</b> & “quoted”",
    "홍길동 & 김철수",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *overlay = adw_toast_overlay_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *inner = gtk_button_new ();

      gtk_box_append (GTK_BOX (box), inner);
      adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
      gtk_window_set_child (GTK_WINDOW (window), overlay);

      g_assert_false (shows_label (overlay, texts[i]));
      /* Found from any depth below the overlay. */
      g_assert_true (dojang_toast_show (inner, texts[i]));
      g_assert_true (shows_label (overlay, texts[i]));

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_no_overlay (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("alone");

  gtk_window_set_child (GTK_WINDOW (window), label);
  g_assert_false (dojang_toast_show (label, "nowhere to show this"));
  g_assert_false (shows_label (window, "nowhere to show this"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window's own entry point goes through the same escaping. */
static void
test_window_toast (void)
{
  GtkWidget *window = g_object_new (DOJANG_TYPE_WINDOW, NULL);
  static const char text[] = "Saved “R&D <team>.json”";

  dojang_window_add_toast (DOJANG_WINDOW (window), text);
  g_assert_true (shows_label (window, text));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dojang_register_resource ();

  g_test_add_func ("/dojang/toast/plain-text", test_plain_text);
  g_test_add_func ("/dojang/toast/no-overlay", test_no_overlay);
  g_test_add_func ("/dojang/toast/window", test_window_toast);

  return g_test_run ();
}
