/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-certificate.h"

G_BEGIN_DECLS

/* For the scanner, which has listed the folder already: the companion files
 * (signPri.key, kmCert.der, kmPri.key) are given, not looked up again, and
 * @root is the place it was looking in. */
DojangCertificate *_dojang_certificate_new_with_companions (const char  *root,
                                                            const char  *cert_path,
                                                            const char  *key_path,
                                                            const char  *km_cert_path,
                                                            const char  *km_key_path,
                                                            GError     **error);

/* dojang_certificate_new_from_file() for a file found under (or being) @root. */
DojangCertificate *_dojang_certificate_new_from_file        (const char  *root,
                                                            const char  *cert_path,
                                                            GError     **error);

G_END_DECLS
