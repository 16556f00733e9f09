/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files Dojang reads whole from users: the data files and imports. */
#define DOJANG_INPUT_MAX_DATA_FILE   (8 * 1024 * 1024)
#define DOJANG_INPUT_MAX_IMPORT_FILE (64 * 1024 * 1024)

/* Deeper JSON than this is refused before it is parsed: json-glib recurses
 * once per level and overflows the stack at some tens of thousands. Our
 * own formats nest four levels at most. */
#define DOJANG_JSON_MAX_DEPTH 64

GBytes   *dojang_input_file_read   (const char  *path,
                                    gsize        max_size,
                                    GError     **error);
gboolean  dojang_json_check_text   (const char  *data,
                                    gsize        length,
                                    guint        max_depth,
                                    GError     **error);

G_END_DECLS
