/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

DojangCertificate *dojang_renewal_find_certificate (const char         *cert,
                                                    const char * const *roots,
                                                    GError            **error);
gboolean           dojang_renewal_is_sha256        (const char         *text);
int                dojang_cli_renewal_plan         (GVariantDict       *options);

G_END_DECLS
