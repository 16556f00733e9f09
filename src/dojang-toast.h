/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean dojang_toast_show (GtkWidget  *widget,
                            const char *text);

G_END_DECLS
