/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Internal: encrypts a PrivateKeyInfo into a PKCS#8 EncryptedPrivateKeyInfo
 * in one of the formats dojang-encrypted-key.c reads. */

#pragma once

#include <glib.h>

#include "dojang-encrypted-key.h"

G_BEGIN_DECLS

void     dojang_key_format_init_npki   (DojangKeyFormat        *format);
void     dojang_key_format_init_pkcs12 (DojangKeyFormat        *format);
GBytes  *dojang_key_encrypt            (const DojangKeyFormat  *format,
                                        const guint8           *plaintext,
                                        gsize                   plaintext_len,
                                        const guint8           *password,
                                        gsize                   password_len,
                                        GError                **error);

G_END_DECLS
