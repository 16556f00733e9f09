/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "dojang-test-fixtures.h"

G_BEGIN_DECLS

char *dojang_test_read_clipboard  (GtkWidget  *widget);
void  dojang_test_iterate_for_ms  (guint       ms);
void  dojang_test_keep_screenshot (GtkWidget  *widget,
                                   const char *name);
GtkWidget *dojang_test_find_label (GtkWidget  *root,
                                   const char *text);

G_END_DECLS
