/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

gboolean dojang_certificate_trash          (DojangCertificate    *certificate,
                                            GCancellable         *cancellable,
                                            GError              **error);
void     dojang_certificate_trash_async    (DojangCertificate    *certificate,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean dojang_certificate_trash_finish   (GAsyncResult         *result,
                                            GError              **error);

gboolean dojang_certificate_untrash        (const char           *folder,
                                            GCancellable         *cancellable,
                                            GError              **error);
void     dojang_certificate_untrash_async  (const char           *folder,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean dojang_certificate_untrash_finish (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
