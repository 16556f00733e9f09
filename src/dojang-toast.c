/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Toasts for every page: the window's AdwToastOverlay is found up the
 * widget tree, and the text is shown exactly as given. */

#include "config.h"

#include <adwaita.h>

#include "dojang-toast.h"

/* The overlay around @widget or, for a window, the first one inside it. */
static GtkWidget *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL || !GTK_IS_WINDOW (widget))
    return overlay;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;)
    {
      if (ADW_IS_TOAST_OVERLAY (child))
        return child;

      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != widget && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child == widget ? NULL : gtk_widget_get_next_sibling (child);
        }
    }

  return NULL;
}

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

  overlay = find_overlay (widget);
  if (overlay == NULL)
    return FALSE;

  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));

  return TRUE;
}

/**
 * dojang_toast_show_action:
 * @widget: a widget inside (or being) an #AdwToastOverlay, or a window
 *   holding one
 * @text: plain text, not markup
 * @button_label: the button's label, with a mnemonic
 * @action_name: the action the button activates, e.g. "app.untrash-certificate"
 * @target: (nullable): its target; a floating reference is sunk
 *
 * A toast with one button, such as Undo. The button goes through an action
 * like every other control, so it works the same from anywhere.
 *
 * Returns: %FALSE when there is no toast overlay (nothing shown)
 */
gboolean
dojang_toast_show_action (GtkWidget  *widget,
                          const char *text,
                          const char *button_label,
                          const char *action_name,
                          GVariant   *target)
{
  GtkWidget *overlay;
  g_autofree char *escaped = NULL;
  g_autoptr(GVariant) owned_target = target != NULL ? g_variant_ref_sink (target) : NULL;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (text != NULL && button_label != NULL && action_name != NULL, FALSE);

  overlay = find_overlay (widget);
  if (overlay == NULL)
    return FALSE;

  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  if (owned_target != NULL)
    adw_toast_set_action_target_value (toast, owned_target);
  /* Long enough to read the text and reach the button with the keyboard. */
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);

  return TRUE;
}
