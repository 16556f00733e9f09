/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writing that never leaves half a file where a whole one is expected:
 * write beside under a hidden "partial" name, fsync, verify, rename. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOJANG_SAFE_FILE_PARTIAL_PREFIX ".dojang-partial-"

gboolean  dojang_safe_file_write             (const char   *path,
                                              GBytes       *contents,
                                              int           mode,
                                              GError      **error);
gboolean  dojang_safe_file_verify            (const char   *path,
                                              GBytes       *expected,
                                              GError      **error);
gboolean  dojang_safe_file_sync_folder       (const char   *folder,
                                              GError      **error);
gboolean  dojang_safe_file_rename_new        (const char   *from,
                                              const char   *to,
                                              GError      **error);
char     *dojang_safe_file_partial_path      (const char   *folder);
char     *dojang_safe_file_make_partial_dir  (const char   *parent,
                                              GError      **error);
void      dojang_safe_file_remove_stale      (const char   *folder);
gboolean  dojang_safe_file_mkdir             (const char   *path,
                                              GError      **error);

G_END_DECLS
