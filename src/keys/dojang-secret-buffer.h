/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_SECRET_BUFFER (dojang_secret_buffer_get_type ())

G_DECLARE_FINAL_TYPE (DojangSecretBuffer, dojang_secret_buffer, DOJANG, SECRET_BUFFER, GtkEntryBuffer)

GtkEntryBuffer *dojang_secret_buffer_new     (void);
GtkEntryBuffer *dojang_secret_buffer_install (GtkEditable *editable);

G_END_DECLS
