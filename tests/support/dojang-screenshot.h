/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     dojang_screenshot_after_first_frame (GtkWidget  *window,
                                              const char *png_path);
gboolean dojang_screenshot_save              (GtkWidget  *widget,
                                              const char *png_path,
                                              GError    **error);

G_END_DECLS
