/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gpointer (*DojangDataLoader) (GBytes      *bytes,
                                      const char  *file_name,
                                      GError     **error);

gpointer dojang_data_file_load          (const char        *path,
                                         DojangDataLoader   loader,
                                         GError           **error);
gpointer dojang_data_file_load_default  (const char        *file_name,
                                         DojangDataLoader   loader);
char    *dojang_data_file_user_path     (const char        *file_name);
GBytes  *dojang_data_file_get_builtin   (const char        *file_name);

G_END_DECLS
