/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <time.h>

#include "dojang-certificates-page.h"
#include "dojang-test-pages.h"

/* In the app's resources, registered by hand (--manual-register). */
extern void dojang_register_resource (void);

/* What a page test's main() does first, before anything looks at the
 * local zone or the clock: the machine's zone is @time_zone, "now" is
 * pinned to @now, messages come from the build tree's catalogs (in
 * English unless LANGUAGE asks for Korean and @english is %FALSE), then
 * GTK, libadwaita and the app's resources. */
void
dojang_test_pages_init (int         *argc,
                        char      ***argv,
                        const char  *time_zone,
                        const char  *now,
                        gboolean     english)
{
  const char *localedir = g_getenv ("DOJANG_LOCALEDIR");

  g_setenv ("TZ", time_zone, TRUE);
  tzset ();
  g_setenv ("DOJANG_NOW", now, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (english)
    g_setenv ("LANGUAGE", "en", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  dojang_register_resource ();
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A template child that must be there, or a widget of @widget's that was
 * built later from a .ui file of its own (e.g. the Certificates page's
 * "empty" and "list" states, built when first shown). */
GtkWidget *
dojang_test_template_child (GtkWidget  *widget,
                            GType       type,
                            const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  if (object == NULL)
    object = G_OBJECT (find_by_id (widget, name));
  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* @page in a window of its own, inside a toast overlay as in the app. */
GtkWidget *
dojang_test_show_page (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 900);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* Until @list has finished its scan (at most 20 s). */
void
dojang_test_wait_list_loaded (DojangCertificateList *list)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end &&
         !(dojang_certificate_list_get_loaded (list) && !dojang_certificate_list_get_loading (list)))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (dojang_certificate_list_get_loaded (list));
}

static DojangCertificateRow *
find_certificate_row (GtkWidget  *page,
                      const char *sha256)
{
  static const char * const lists[] = { "expired_list", "expiring_list", "unusable_list", "valid_list", "not_yet_valid_list" };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *list = dojang_test_template_child (page, DOJANG_TYPE_CERTIFICATES_PAGE, lists[i]);

      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          if (DOJANG_IS_CERTIFICATE_ROW (row) &&
              g_strcmp0 (dojang_certificate_get_sha256 (dojang_certificate_row_get_certificate (DOJANG_CERTIFICATE_ROW (row))),
                         sha256) == 0)
            return DOJANG_CERTIFICATE_ROW (row);
        }
    }

  return NULL;
}

/* The Certificates page's row for @sha256. The rows come in batches after
 * the list has loaded: this waits for the row (at most 20 s) rather than
 * for a fixed time. */
DojangCertificateRow *
dojang_test_wait_certificate_row (GtkWidget  *page,
                                  const char *sha256)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  DojangCertificateRow *row;

  while ((row = find_certificate_row (page, sha256)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  return row;
}

/* The details pane, which the page builds the first time a certificate is
 * opened. */
GtkWidget *
dojang_test_certificate_details (GtkWidget *page)
{
  GtkWidget *slot = dojang_test_template_child (page, DOJANG_TYPE_CERTIFICATES_PAGE, "details_slot");
  GtkWidget *details = adw_bin_get_child (ADW_BIN (slot));

  g_assert_nonnull (details);
  return details;
}
