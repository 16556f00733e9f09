/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Internal: libgcrypt set-up, secure buffers and the password-based key
 * derivations of signPri.key: PBKDF1 and PBKDF2 (RFC 8018, sections 5.1 and
 * 5.2) and the IV of KISA's seedCBCWithSHA1, SHA-1 of DK[16..20] (as in
 * https://github.com/bandoche/PyPinkSign). Exposed for the unit tests. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOJANG_SHA1_LEN 20
#define DOJANG_SEED_BLOCK_LEN 16

void      dojang_crypto_init          (void);

gpointer  dojang_secure_alloc         (gsize          size);
void      dojang_secure_free          (gpointer       buffer,
                                       gsize          size);

void      dojang_pbkdf1_sha1          (const guint8  *password,
                                       gsize          password_len,
                                       const guint8  *salt,
                                       gsize          salt_len,
                                       guint          iterations,
                                       guint8         dk[DOJANG_SHA1_LEN]);
void      dojang_seed_iv_from_dk      (const guint8   dk[DOJANG_SHA1_LEN],
                                       guint8         iv[DOJANG_SEED_BLOCK_LEN]);
gboolean  dojang_pbkdf2               (int            md_algo,
                                       const guint8  *password,
                                       gsize          password_len,
                                       const guint8  *salt,
                                       gsize          salt_len,
                                       guint          iterations,
                                       guint8        *key,
                                       gsize          key_len);

G_END_DECLS
