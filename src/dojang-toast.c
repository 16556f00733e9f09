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

/**
 * dojang_toast_show_with_action:
 * @widget: a widget inside (or being) an #AdwToastOverlay
 * @text: plain text, not markup
 * @button_label: the button's label, with a mnemonic, e.g. "_Undo"
 * @action_name: the action the button activates
 * @target: (nullable): its target (floating references are sunk)
 *
 * Like dojang_toast_show(), with a button (an undo, mostly).
 *
 * Returns: %FALSE when @widget is not inside a toast overlay (nothing shown)
 */
gboolean
dojang_toast_show_with_action (GtkWidget  *widget,
                               const char *text,
                               const char *button_label,
                               const char *action_name,
                               GVariant   *target)
{
  GtkWidget *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (button_label != NULL && action_name != NULL, FALSE);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      if (target != NULL)
        g_variant_unref (g_variant_ref_sink (target));
      return FALSE;
    }

  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  if (target != NULL)
    adw_toast_set_action_target_value (toast, target);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);

  return TRUE;
}
