/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Test hook: counts the frames a window paints while nothing happens.
 * Once the window has painted its first frame and then stayed quiet for
 * SETTLE_MS (or after MAX_SETTLE_MS whatever it does), it counts the
 * frame clock's after-paint signals for the given number of seconds, prints
 *
 *   dojang: idle from <µs>
 *   dojang: idle frames <count> in <seconds> s
 *
 * (CLOCK_MONOTONIC) on standard error and quits the application. It arms
 * at most three one-shot timers, so that the count of system calls taken
 * meanwhile from outside stays the application's own. */

#include "config.h"

#include "dojang-idle-frames.h"

/* A window that loads its data after the first frame (a scan, a database)
 * paints a few more frames; a second without one means it is done. */
#define SETTLE_MS 1000
#define MAX_SETTLE_MS 10000

typedef struct
{
  GtkWidget     *window;
  GdkFrameClock *clock;
  GSource       *settle;
  guint          give_up_id;
  guint          seconds;
  guint          frames;
  gboolean       counting;
} IdleFrames;

static gboolean
on_count_done (gpointer user_data)
{
  IdleFrames *idle = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (idle->window));

  g_printerr ("dojang: idle frames %u in %u s\n", idle->frames, idle->seconds);

  g_signal_handlers_disconnect_by_data (idle->clock, idle);
  g_object_unref (idle->clock);
  g_object_unref (idle->window);
  g_free (idle);

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));

  return G_SOURCE_REMOVE;
}

static void
start_counting (IdleFrames *idle)
{
  if (idle->counting)
    return;

  idle->counting = TRUE;
  g_clear_handle_id (&idle->give_up_id, g_source_remove);
  if (idle->settle != NULL)
    {
      g_source_destroy (idle->settle);
      g_clear_pointer (&idle->settle, g_source_unref);
    }

  g_printerr ("dojang: idle from %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_timeout_add_seconds (idle->seconds, on_count_done, idle);
}

static gboolean
on_settled (gpointer user_data)
{
  start_counting (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
on_give_up_settling (gpointer user_data)
{
  IdleFrames *idle = user_data;

  idle->give_up_id = 0;
  start_counting (idle);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                IdleFrames    *idle)
{
  if (idle->counting)
    {
      idle->frames++;
      return;
    }

  /* Every frame before the window settles pushes the settle timer back:
   * one source, moved, instead of a new one per frame. */
  if (idle->settle == NULL)
    {
      idle->settle = g_timeout_source_new (SETTLE_MS);
      g_source_set_callback (idle->settle, on_settled, idle, NULL);
      g_source_attach (idle->settle, NULL);
      idle->give_up_id = g_timeout_add (MAX_SETTLE_MS, on_give_up_settling, idle);
    }
  else
    {
      g_source_set_ready_time (idle->settle, g_get_monotonic_time () + SETTLE_MS * 1000);
    }
}

static void
on_realize (GtkWidget  *window,
            IdleFrames *idle)
{
  g_signal_handlers_disconnect_by_func (window, on_realize, idle);
  idle->clock = g_object_ref (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))));
  g_signal_connect (idle->clock, "after-paint", G_CALLBACK (on_after_paint), idle);
}

void
dojang_idle_frames_count (GtkWidget *window,
                          guint      seconds)
{
  IdleFrames *idle = g_new0 (IdleFrames, 1);

  idle->window = g_object_ref (window);
  idle->seconds = MAX (seconds, 1);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), idle);
}
