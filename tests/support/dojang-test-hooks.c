/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Test hooks for the real dojang binary, kept out of the shipped app:
 * libdojang-test-preload.so, put in front of GTK with LD_PRELOAD by the
 * smoke test, the screenshot script and the benchmarks, opens this library
 * and hands it each gtk_window_present(). On the first window presented,
 * they read:
 *
 *   DOJANG_SIZE=<width>x<height>        the window's size (default: its own)
 *   DOJANG_PAGE=<page>[:<argument>]     what to show:
 *       certificates, reminders, help   that page (win.show-page)
 *       certificates:<sha256>           a certificate's details (app.show-certificate)
 *       help:<provider id>              an authority's details (win.show-provider)
 *       reminders:add                   the dialog that adds a certificate by hand
 *       preferences, shortcuts, about   those windows
 *   DOJANG_REPORT_FIRST_FRAME=1         prints "dojang: first frame at <µs>"
 *                                       (CLOCK_MONOTONIC) after the first frame
 *   DOJANG_REPORT_FIRST_FRAME=exit      the same, then exits at once: a
 *                                       profiler's run ends at the first frame
 *   DOJANG_SCREENSHOT=<file.png>        also saves the window, or the dialog
 *                                       DOJANG_PAGE opens, once it has
 *                                       settled (nothing loading, the page
 *                                       asked for shown), then quits
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

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <signal.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include <adwaita.h>

#include "dojang-idle-frames.h"
#include "dojang-screenshot.h"

/* Settling is checked this often, and given up on (with a picture of what
 * is there and a warning) after this long. */
#define POLL_MS 50
#define GIVE_UP_MS 45000
/* Quiet time after settling, for the last allocation and frame. */
#define SETTLE_MS 400

typedef void (*PresentFunc) (GtkWindow *window);

typedef struct
{
  GtkWindow *window;
  char      *png_path;
  char      *page;
  char      *argument;
  char      *dialog_action;
  GtkWindow *dialog;
  gboolean   dialog_opened;
  gint64     give_up_at;
  gint64     settled_at;
} Shot;

static GtkWidget *
find_by_type_name (GtkWidget  *root,
                   const char *type_name)
{
  if (g_strcmp0 (G_OBJECT_TYPE_NAME (root), type_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type_name (child, type_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_loading (GtkWidget *root)
{
  if (GTK_IS_SPINNER (root) && gtk_widget_get_mapped (root) && gtk_spinner_get_spinning (GTK_SPINNER (root)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (is_loading (child))
        return TRUE;
    }

  return FALSE;
}

/* The page's leaflet shows its second child (details) when one was asked for. */
static gboolean
shows_details (GtkWidget  *window,
               const char *page_type)
{
  GtkWidget *page = find_by_type_name (window, page_type);
  GtkWidget *leaflet = page != NULL ? find_by_type_name (page, "AdwLeaflet") : NULL;
  GtkWidget *visible;

  if (leaflet == NULL)
    return FALSE;

  visible = adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet));

  return visible != NULL && visible != gtk_widget_get_first_child (leaflet);
}

static gboolean
shows_list (GtkWidget *window)
{
  GtkWidget *page = find_by_type_name (window, "DojangRemindersPage");
  GtkWidget *stack = page != NULL ? find_by_type_name (page, "GtkStack") : NULL;

  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "list") == 0 &&
         !gtk_stack_get_transition_running (GTK_STACK (stack));
}

static GtkWindow *
find_new_window (Shot *shot)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (l->data != shot->window && gtk_widget_get_mapped (l->data))
        return l->data;
    }

  return NULL;
}

/* The reminders page's actions are enabled once its store is open. */
static gboolean
open_dialog (Shot *shot)
{
  GtkWidget *target = GTK_WIDGET (shot->window);

  if (g_str_has_prefix (shot->dialog_action, "reminders."))
    target = find_by_type_name (GTK_WIDGET (shot->window), "DojangRemindersPage");

  return target != NULL && gtk_widget_activate_action (target, shot->dialog_action, NULL);
}

static gboolean
settled (Shot *shot)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (shot->window)))
    return FALSE;

  if (shot->dialog_action != NULL)
    {
      if (!shot->dialog_opened)
        shot->dialog_opened = open_dialog (shot);
      if (shot->dialog == NULL && shot->dialog_opened)
        shot->dialog = find_new_window (shot);

      return shot->dialog != NULL;
    }

  if (is_loading (GTK_WIDGET (shot->window)))
    return FALSE;

  /* The made-up certificates have reached the reminders. */
  if (g_str_equal (shot->page, "reminders"))
    return shows_list (GTK_WIDGET (shot->window));

  if (shot->argument != NULL && g_str_equal (shot->page, "certificates"))
    return shows_details (GTK_WIDGET (shot->window), "DojangCertificatesPage");
  if (shot->argument != NULL && g_str_equal (shot->page, "help"))
    return shows_details (GTK_WIDGET (shot->window), "DojangHelpPage");

  return TRUE;
}

static void
shot_free (Shot *shot)
{
  g_object_unref (shot->window);
  g_clear_object (&shot->dialog);
  g_free (shot->png_path);
  g_free (shot->page);
  g_free (shot->argument);
  g_free (shot->dialog_action);
  g_free (shot);
}

static gboolean
poll_settled (gpointer user_data)
{
  Shot *shot = user_data;
  gint64 now = g_get_monotonic_time ();
  GtkApplication *app = gtk_window_get_application (shot->window);
  GtkWidget *target;
  g_autoptr(GError) error = NULL;

  if (shot->settled_at == 0)
    {
      if (settled (shot))
        {
          if (shot->dialog != NULL)
            g_object_ref (shot->dialog);
          shot->settled_at = now;
        }
      else if (now < shot->give_up_at)
        return G_SOURCE_CONTINUE;
      else
        {
          g_printerr ("dojang: %s did not settle; saving what is shown\n", shot->page);
          shot->settled_at = now;
        }
    }

  if (now - shot->settled_at < SETTLE_MS * 1000)
    return G_SOURCE_CONTINUE;

  /* Shown again meanwhile (a size or a page changed), or no longer what was
   * asked for (the page reloaded): settle again. */
  target = GTK_WIDGET (shot->dialog != NULL ? shot->dialog : shot->window);
  if ((!gtk_widget_get_realized (target) ||
       gtk_widget_get_width (target) <= 0 ||
       gtk_native_get_renderer (gtk_widget_get_native (target)) == NULL ||
       (shot->dialog_action == NULL && !settled (shot))) &&
      now < shot->give_up_at)
    {
      shot->settled_at = 0;
      g_clear_object (&shot->dialog);
      return G_SOURCE_CONTINUE;
    }

  if (!dojang_screenshot_save (target, shot->png_path, &error))
    g_printerr ("dojang: screenshot failed: %s\n", error->message);

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  shot_free (shot);

  return G_SOURCE_REMOVE;
}

static const char *
dialog_action (const char *page,
               const char *argument)
{
  if (g_str_equal (page, "preferences"))
    return "app.preferences";
  if (g_str_equal (page, "shortcuts"))
    return "win.show-help-overlay";
  if (g_str_equal (page, "about"))
    return "app.about";
  if (g_str_equal (page, "reminders") && g_strcmp0 (argument, "add") == 0)
    return "reminders.add-entry";

  return NULL;
}

static void
open_page (Shot *shot)
{
  GtkWidget *window = GTK_WIDGET (shot->window);

  if (shot->dialog_action != NULL)
    {
      if (g_str_has_prefix (shot->dialog_action, "reminders."))
        gtk_widget_activate_action (window, "win.show-page", "s", shot->page);
      return;
    }

  if (shot->argument != NULL && g_str_equal (shot->page, "help"))
    gtk_widget_activate_action (window, "win.show-provider", "s", shot->argument);
  else if (shot->argument != NULL && g_str_equal (shot->page, "certificates"))
    gtk_widget_activate_action (window, "app.show-certificate", "s", shot->argument);
  else
    gtk_widget_activate_action (window, "win.show-page", "s", shot->page);
}

static void
set_size (GtkWindow  *window,
          const char *size)
{
  int width = 0;
  int height = 0;

  if (sscanf (size, "%dx%d", &width, &height) != 2 || width <= 0 || height <= 0)
    {
      g_printerr ("dojang: DOJANG_SIZE “%s” is not WIDTHxHEIGHT\n", size);
      return;
    }

  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, width, height);
}

static void
hook_window (GtkWindow *window)
{
  const char *page = g_getenv ("DOJANG_PAGE");
  const char *size = g_getenv ("DOJANG_SIZE");
  const char *screenshot = g_getenv ("DOJANG_SCREENSHOT");
  g_auto(GStrv) parts = g_strsplit (page != NULL ? page : "", ":", 2);
  Shot *shot = g_new0 (Shot, 1);

  shot->window = g_object_ref (window);
  shot->page = g_strdup (parts[0] != NULL ? parts[0] : "");
  shot->argument = parts[0] != NULL ? g_strdup (parts[1]) : NULL;
  shot->dialog_action = g_strdup (dialog_action (shot->page, shot->argument));
  shot->give_up_at = g_get_monotonic_time () + GIVE_UP_MS * G_TIME_SPAN_MILLISECOND;

  if (size != NULL && *size != '\0')
    set_size (window, size);

  if (*shot->page != '\0')
    open_page (shot);

  if (screenshot != NULL && *screenshot != '\0')
    {
      shot->png_path = g_strdup (screenshot);
      /* The first frame is still reported, for the smoke test. */
      dojang_screenshot_after_first_frame (GTK_WIDGET (window), NULL);
      g_timeout_add (POLL_MS, poll_settled, shot);
      return;
    }

  if (g_getenv ("DOJANG_REPORT_FIRST_FRAME") != NULL)
    dojang_screenshot_after_first_frame (GTK_WIDGET (window), NULL);
  shot_free (shot);
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

/* Called by the preload library's gtk_window_present() with GTK's own. */
void dojang_test_hooks_present (GtkWindow   *window,
                                PresentFunc  real_present);

void
dojang_test_hooks_present (GtkWindow   *window,
                           PresentFunc  real_present)
{
  static gboolean hooked = FALSE;

  if (!hooked && GTK_IS_APPLICATION_WINDOW (window))
    {
      const char *count_frames = g_getenv ("DOJANG_COUNT_FRAMES");
      const char *screenshot_dir = g_getenv ("DOJANG_SCREENSHOT_DIR");

      hooked = TRUE;
      if (screenshot_dir != NULL && *screenshot_dir != '\0')
        g_unix_signal_add (SIGUSR1, on_screenshot_request, g_strdup (screenshot_dir));
      hook_window (window);

      if (count_frames != NULL && *count_frames != '\0')
        dojang_idle_frames_count (GTK_WIDGET (window), (guint) g_ascii_strtoull (count_frames, NULL, 10));
    }

  real_present (window);
}
