/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean dojang_toast_show (GtkWidget  *widget,
                            const char *text);
gboolean dojang_toast_show_action (GtkWidget  *widget,
                                   const char *text,
                                   const char *button_label,
                                   const char *action_name,
                                   GVariant   *target);

G_END_DECLS
