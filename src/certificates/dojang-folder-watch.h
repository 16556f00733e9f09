/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_FOLDER_WATCH (dojang_folder_watch_get_type ())

G_DECLARE_FINAL_TYPE (DojangFolderWatch, dojang_folder_watch, DOJANG, FOLDER_WATCH, GObject)

DojangFolderWatch *dojang_folder_watch_new         (const char * const *media_folders);
gboolean           dojang_folder_watch_set_folders (DojangFolderWatch  *self,
                                                    const char * const *folders);

G_END_DECLS
