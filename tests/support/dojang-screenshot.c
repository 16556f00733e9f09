/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Test hook: report the first frame of a window and optionally save it as a
 * PNG, rendered by the window's own renderer so no window manager is needed. */

#include "config.h"

#include "dojang-screenshot.h"

#include <unistd.h>

typedef struct
{
  GtkWidget *window;
  char      *png_path;
  gulong     handler_id;
} FirstFrame;

gboolean
dojang_screenshot_save (GtkWidget   *widget,
                        const char  *png_path,
                        GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           "The window is not realized yet");
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, png_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", png_path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
take_screenshot_and_quit (gpointer user_data)
{
  FirstFrame *ff = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (ff->window));
  g_autoptr(GError) error = NULL;

  if (!dojang_screenshot_save (ff->window, ff->png_path, &error))
    g_printerr ("dojang: screenshot failed: %s\n", error->message);

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));

  g_object_unref (ff->window);
  g_free (ff->png_path);
  g_free (ff);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                FirstFrame    *ff)
{
  g_signal_handler_disconnect (clock, ff->handler_id);

  /* Machine-readable for the benchmark; CLOCK_MONOTONIC in microseconds. */
  g_printerr ("dojang: first frame at %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (g_strcmp0 (g_getenv ("DOJANG_REPORT_FIRST_FRAME"), "exit") == 0)
    _exit (0);

  if (ff->png_path == NULL)
    {
      g_object_unref (ff->window);
      g_free (ff);
      return;
    }

  /* Let pending size allocations and idle work settle before rendering. */
  g_timeout_add (300, take_screenshot_and_quit, ff);
}

static void
on_realize (GtkWidget  *window,
            FirstFrame *ff)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_handlers_disconnect_by_func (window, on_realize, ff);
  ff->handler_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), ff);
}

void
dojang_screenshot_after_first_frame (GtkWidget  *window,
                                     const char *png_path)
{
  FirstFrame *ff = g_new0 (FirstFrame, 1);

  ff->window = g_object_ref (window);
  ff->png_path = g_strdup (png_path);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), ff);
}
