/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

gboolean dojang_certificate_change_password        (DojangCertificate    *certificate,
                                                    const char           *old_password,
                                                    gsize                 old_password_len,
                                                    const char           *new_password,
                                                    gsize                 new_password_len,
                                                    char                **kept_old_key,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void     dojang_certificate_change_password_async  (DojangCertificate    *certificate,
                                                    const char           *old_password,
                                                    gsize                 old_password_len,
                                                    const char           *new_password,
                                                    gsize                 new_password_len,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean dojang_certificate_change_password_finish (GAsyncResult         *result,
                                                    char                **kept_old_key,
                                                    GError              **error);

G_END_DECLS
