/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

gboolean           dojang_certificate_export_pfx        (DojangCertificate    *certificate,
                                                         const char           *file,
                                                         const char           *password,
                                                         gsize                 password_len,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
void               dojang_certificate_export_pfx_async  (DojangCertificate    *certificate,
                                                         const char           *file,
                                                         const char           *password,
                                                         gsize                 password_len,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean           dojang_certificate_export_pfx_finish (GAsyncResult         *result,
                                                         GError              **error);

DojangCertificate *dojang_certificate_import_pfx        (const char           *file,
                                                         const char           *root,
                                                         const char           *password,
                                                         gsize                 password_len,
                                                         gboolean             *already_there,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
void               dojang_certificate_import_pfx_async  (const char           *file,
                                                         const char           *root,
                                                         const char           *password,
                                                         gsize                 password_len,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
DojangCertificate *dojang_certificate_import_pfx_finish (GAsyncResult         *result,
                                                         gboolean             *already_there,
                                                         GError              **error);

G_END_DECLS
