/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Internal: reads a PKCS#8 EncryptedPrivateKeyInfo (RFC 5958) encrypted with
 * KISA's seedCBCWithSHA1, the old top-level SEED-CBC (RFC 4010, SEED itself
 * is RFC 4269) or PBES2 (RFC 8018), and decrypts it with a password. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DOJANG_KEY_SCHEME_SEED_SHA1,   /* seedCBCWithSHA1: PBKDF1-SHA1, IV from the DK */
  DOJANG_KEY_SCHEME_PBES2,       /* PBES2: PBKDF2-HMAC and a CBC cipher */
  DOJANG_KEY_SCHEME_LEGACY_SEED, /* top-level SEED-CBC: PBKDF1-SHA1, fixed IV */
} DojangKeyScheme;

/**
 * DojangKeyFormat:
 * @scheme: the scheme
 * @prf_md: PBES2: the PBKDF2 HMAC hash (a GCRY_MD_* value)
 * @prf_explicit: PBES2: the PRF is written even when it is the default SHA-1
 * @key_length: PBES2: the PBKDF2 parameters state the key length
 * @cipher_oid: PBES2: the CBC cipher
 * @iterations: key derivation rounds
 * @salt_len: bytes of salt
 */
typedef struct
{
  DojangKeyScheme  scheme;
  int              prf_md;
  gboolean         prf_explicit;
  gboolean         key_length;
  const char      *cipher_oid;
  guint            iterations;
  gsize            salt_len;
} DojangKeyFormat;

typedef struct _DojangEncryptedKey DojangEncryptedKey;

DojangEncryptedKey *dojang_encrypted_key_parse          (const guint8              *der,
                                                         gsize                      der_len,
                                                         GError                   **error);
void                dojang_encrypted_key_free           (DojangEncryptedKey        *self);
DojangKeyScheme     dojang_encrypted_key_get_scheme     (const DojangEncryptedKey  *self);
guint               dojang_encrypted_key_get_iterations (const DojangEncryptedKey  *self);
void                dojang_encrypted_key_get_format     (const DojangEncryptedKey  *self,
                                                         DojangKeyFormat           *format);
gboolean            dojang_encrypted_key_decrypt        (const DojangEncryptedKey  *self,
                                                         const guint8              *password,
                                                         gsize                      password_len,
                                                         guint8                   **plaintext,
                                                         gsize                     *plaintext_len,
                                                         GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangEncryptedKey, dojang_encrypted_key_free)

G_END_DECLS
