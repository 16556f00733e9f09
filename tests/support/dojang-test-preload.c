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
 */

#define _GNU_SOURCE

#include "config.h"

#include <dlfcn.h>

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

      hooked = TRUE;
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
