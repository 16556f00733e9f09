/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Toasts for every page: the window's AdwToastOverlay is found up the
 * widget tree, and the text is shown exactly as given. */

#include "config.h"

#include <adwaita.h>

#include "dojang-toast.h"

/**
 * dojang_toast_show:
 * @widget: a widget inside (or being) an #AdwToastOverlay
 * @text: plain text, not markup
 *
 * The title of an #AdwToast is Pango markup in libadwaita 1.2, so a file
 * name such as "A&B.json" would not show; @text is escaped first.
 *
 * Returns: %FALSE when @widget is not inside a toast overlay (nothing shown)
 */
gboolean
dojang_toast_show (GtkWidget  *widget,
                   const char *text)
{
  GtkWidget *overlay;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return FALSE;

  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));

  return TRUE;
}
