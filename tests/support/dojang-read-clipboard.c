/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Prints what the display's clipboard and primary selection hold, as a
 * paste would read them: the GUI tests check that no secret got there.
 * Output: "clipboard: TEXT" and "primary: TEXT", empty when they hold no
 * text. */

#include "config.h"

#include <gtk/gtk.h>

typedef struct
{
  const char *label;
  gboolean    done;
} Read;

static void
on_text (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  g_print ("%s: %s\n", read->label, text != NULL ? text : "");
  read->done = TRUE;
}

static void
read_clipboard (GdkClipboard *clipboard,
                const char   *label)
{
  Read read = { label, FALSE };

  gdk_clipboard_read_text_async (clipboard, NULL, on_text, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (void)
{
  GdkDisplay *display;

  gtk_init ();
  display = gdk_display_get_default ();
  if (display == NULL)
    {
      g_printerr ("dojang-read-clipboard: no display\n");
      return 1;
    }

  read_clipboard (gdk_display_get_clipboard (display), "clipboard");
  read_clipboard (gdk_display_get_primary_clipboard (display), "primary");

  return 0;
}
