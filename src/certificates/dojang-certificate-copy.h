/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

DojangCertificate *dojang_certificate_copy        (DojangCertificate    *certificate,
                                                   const char           *root,
                                                   gboolean             *already_there,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void               dojang_certificate_copy_async  (DojangCertificate    *certificate,
                                                   const char           *root,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
DojangCertificate *dojang_certificate_copy_finish (GAsyncResult         *result,
                                                   gboolean             *already_there,
                                                   GError              **error);

G_END_DECLS
