/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"
#include "dojang-scan-problem.h"

G_BEGIN_DECLS

char     **dojang_certificate_scanner_media_folders (void);
char     **dojang_certificate_scanner_find_roots    (const char * const  *media_folders,
                                                     const char * const  *extra_folders);
char     **dojang_certificate_scanner_default_roots (const char * const  *extra_folders);
char     **dojang_certificate_scanner_configured_roots (void);

gboolean   dojang_certificate_scan_sync             (const char * const  *roots,
                                                     GCancellable        *cancellable,
                                                     GPtrArray          **certificates,
                                                     GPtrArray          **problems,
                                                     GError             **error);
void       dojang_certificate_scan_async            (const char * const  *roots,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean   dojang_certificate_scan_finish           (GAsyncResult        *result,
                                                     GPtrArray          **certificates,
                                                     GPtrArray          **problems,
                                                     GError             **error);
gboolean   dojang_certificate_scan_finish_full      (GAsyncResult        *result,
                                                     GPtrArray          **certificates,
                                                     GPtrArray          **problems,
                                                     char              ***watch_folders,
                                                     GError             **error);

G_END_DECLS
