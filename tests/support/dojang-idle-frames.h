/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void dojang_idle_frames_count (GtkWidget *window,
                               guint      seconds);

G_END_DECLS
