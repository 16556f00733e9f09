/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"

G_BEGIN_DECLS

gboolean           dojang_certificate_looks_like_sha256 (const char          *text);
DojangCertificate *dojang_certificate_resolve           (const char          *argument,
                                                         const char * const  *roots,
                                                         GError             **error);

G_END_DECLS
