/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Helpers for the widget tests: the clipboard as a paste reads it, a main
 * loop that runs for a while, and screenshots kept for people to look at. */

#include "config.h"

#include "dojang-screenshot.h"
#include "dojang-test-ui.h"

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

/* The text on the widget's clipboard, read back the way a paste would. */
char *
dojang_test_read_clipboard (GtkWidget *widget)
{
  ClipboardRead read = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);

  return read.text;
}

/* Runs the main loop for @ms milliseconds, whatever it has to do. */
void
dojang_test_iterate_for_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Saves @widget's window as DOJANG_TEST_SCREENSHOT_DIR/@name, for people to
 * look at; does nothing when that variable is not set. */
void
dojang_test_keep_screenshot (GtkWidget  *widget,
                             const char *name)
{
  const char *dir = g_getenv ("DOJANG_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || *dir == '\0')
    return;

  /* Let allocation and the first frame settle before drawing. */
  dojang_test_iterate_for_ms (400);
  path = g_build_filename (dir, name, NULL);
  if (!dojang_screenshot_save (widget, path, &error))
    g_warning ("%s", error->message);
}

/* The first GtkLabel under @root (depth first) that shows exactly @text, to
 * check what a toast or a status line says without reading pixels. */
GtkWidget *
dojang_test_find_label (GtkWidget  *root,
                        const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dojang_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}
