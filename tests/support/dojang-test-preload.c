/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Test hooks for the real dojang binary, kept out of the shipped app: this
 * library is put in front of GTK with LD_PRELOAD by the smoke test, the
 * screenshot script and the benchmarks. It wraps gtk_window_present() and,
 * on the first window presented, reads:
 *
 *   DOJANG_PAGE=<page>[:<provider id>]  opens that page (win.show-page) or a
 *                                       provider's details (win.show-provider)
 *   DOJANG_REPORT_FIRST_FRAME=1         prints "dojang: first frame at <µs>"
 *                                       (CLOCK_MONOTONIC) after the first frame
 *   DOJANG_SCREENSHOT=<file.png>        also saves the window, then quits
 *   DOJANG_COUNT_FRAMES=<seconds>       once the window settled, counts the
 *                                       frames painted for that long, prints
 *                                       "dojang: idle frames <n> in <s> s",
 *                                       then quits (see dojang-idle-frames.c)
 *   DOJANG_SCREENSHOT_DIR=<dir>         on SIGUSR1, reads <dir>/request
 *                                       ("NAME<TAB>TITLE PART") and saves the
 *                                       shown window whose title contains
 *                                       TITLE PART as <dir>/NAME.png: GUI
 *                                       tests keep pictures of each step
 */

#define _GNU_SOURCE

#include "config.h"

#include <dlfcn.h>
#include <string.h>
#include <signal.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "dojang-idle-frames.h"
#include "dojang-screenshot.h"

typedef void (*PresentFunc) (GtkWindow *window);

static void
open_page (GtkWindow  *window,
           const char *page)
{
  g_auto(GStrv) parts = g_strsplit (page, ":", 2);

  if (parts[0] == NULL)
    return;

  if (parts[1] != NULL && g_strcmp0 (parts[0], "help") == 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-provider", "s", parts[1]);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", parts[0]);
}

static GtkWindow *
find_window (const char *title_part)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      const char *title = gtk_window_get_title (l->data);

      if (gtk_widget_get_mapped (l->data) && title != NULL && strstr (title, title_part) != NULL)
        return l->data;
    }

  return NULL;
}

/* Written under a temporary name first: the test waits for NAME.png. */
static gboolean
on_screenshot_request (gpointer user_data)
{
  const char *dir = user_data;
  g_autofree char *request_path = g_build_filename (dir, "request", NULL);
  g_autofree char *request = NULL;
  g_autofree char *png = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  GtkWindow *window;

  if (!g_file_get_contents (request_path, &request, NULL, &error))
    {
      g_printerr ("dojang: screenshot request: %s\n", error->message);
      return G_SOURCE_CONTINUE;
    }

  fields = g_strsplit (g_strchomp (request), "\t", 2);
  if (fields[0] == NULL || fields[1] == NULL)
    return G_SOURCE_CONTINUE;

  window = find_window (fields[1]);
  if (window == NULL)
    {
      g_printerr ("dojang: no shown window titled like “%s” to save\n", fields[1]);
      return G_SOURCE_CONTINUE;
    }

  png = g_strdup_printf ("%s/%s.png", dir, fields[0]);
  partial = g_strdup_printf ("%s.part", png);
  if (!dojang_screenshot_save (GTK_WIDGET (window), partial, &error))
    g_printerr ("dojang: screenshot failed: %s\n", error->message);
  else
    g_rename (partial, png);

  return G_SOURCE_CONTINUE;
}

void
gtk_window_present (GtkWindow *window)
{
  static PresentFunc real_present = NULL;
  static gboolean hooked = FALSE;

  if (real_present == NULL)
    real_present = (PresentFunc) dlsym (RTLD_NEXT, "gtk_window_present");

  if (!hooked && GTK_IS_APPLICATION_WINDOW (window))
    {
      const char *page = g_getenv ("DOJANG_PAGE");
      const char *screenshot = g_getenv ("DOJANG_SCREENSHOT");
      const char *count_frames = g_getenv ("DOJANG_COUNT_FRAMES");
      const char *screenshot_dir = g_getenv ("DOJANG_SCREENSHOT_DIR");

      hooked = TRUE;
      if (screenshot_dir != NULL && *screenshot_dir != '\0')
        g_unix_signal_add (SIGUSR1, on_screenshot_request, g_strdup (screenshot_dir));
      if (page != NULL && *page != '\0')
        open_page (window, page);

      if (screenshot != NULL && *screenshot != '\0')
        dojang_screenshot_after_first_frame (GTK_WIDGET (window), screenshot);
      else if (g_getenv ("DOJANG_REPORT_FIRST_FRAME") != NULL)
        dojang_screenshot_after_first_frame (GTK_WIDGET (window), NULL);

      if (count_frames != NULL && *count_frames != '\0')
        dojang_idle_frames_count (GTK_WIDGET (window), (guint) g_ascii_strtoull (count_frames, NULL, 10));
    }

  real_present (window);
}
