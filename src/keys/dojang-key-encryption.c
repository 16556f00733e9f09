/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The encrypting half of dojang-encrypted-key.c: libgcrypt derives and
 * encrypts, libtasn1 writes the DER with the module of
 * dojang-private-key.asn. Salts and IVs are fresh for every call. */

#include "config.h"

#include <gcrypt.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dojang-asn1.h"
#include "dojang-key-algorithms.h"
#include "dojang-key-derivation.h"
#include "dojang-key-encryption.h"
#include "dojang-private-key.h"

/* The fixed IV of the old top-level SEED-CBC keys (as PyPinkSign,
 * github.com/bandoche/PyPinkSign, reads them). */
static const guint8 legacy_seed_iv[DOJANG_SEED_BLOCK_LEN] = "0123456789012345";

/* DER of the NULL parameters of an HMAC algorithm identifier. */
static const guint8 der_null[] = { 0x05, 0x00 };

/**
 * dojang_key_format_init_npki:
 *
 * The format current Korean certificates are issued in (PyPinkSign issue 7,
 * github.com/bandoche/PyPinkSign): PBES2 with PBKDF2-HMAC-SHA1 (2048 rounds,
 * 8-byte salt, key length 16 stated, default PRF left out) and SEED-CBC.
 */
void
dojang_key_format_init_npki (DojangKeyFormat *format)
{
  memset (format, 0, sizeof *format);
  format->scheme = DOJANG_KEY_SCHEME_PBES2;
  format->prf_md = GCRY_MD_SHA1;
  format->prf_explicit = FALSE;
  format->key_length = TRUE;
  format->cipher_oid = DOJANG_OID_SEED_CBC;
  format->iterations = 2048;
  format->salt_len = 8;
}

/**
 * dojang_key_format_init_pkcs12:
 *
 * The key of an exported .pfx: PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC,
 * which OpenSSL 3 writes and reads by default and current Windows imports.
 */
void
dojang_key_format_init_pkcs12 (DojangKeyFormat *format)
{
  memset (format, 0, sizeof *format);
  format->scheme = DOJANG_KEY_SCHEME_PBES2;
  format->prf_md = GCRY_MD_SHA256;
  format->prf_explicit = TRUE;
  format->key_length = FALSE;
  format->cipher_oid = DOJANG_OID_AES256_CBC;
  format->iterations = 10000;
  format->salt_len = 16;
}

static GBytes *
encode_salt_and_iterations (GBytes *salt,
                            guint   iterations)
{
  g_autoptr(DojangAsn1Node) node = dojang_asn1_new ("SaltAndIterations");

  if (!dojang_asn1_write_bytes (node, "salt", salt)
      || !dojang_asn1_write_uint (node, "iterationCount", iterations))
    return NULL;

  return dojang_asn1_encode (node);
}

static GBytes *
encode_pbkdf2 (const DojangKeyFormat  *format,
               const DojangCipherInfo *cipher,
               GBytes                 *salt)
{
  g_autoptr(DojangAsn1Node) node = dojang_asn1_new ("PBKDF2Params");
  gboolean ok;

  ok = dojang_asn1_write (node, "salt", "specified", 1)
       && dojang_asn1_write_bytes (node, "salt.specified", salt)
       && dojang_asn1_write_uint (node, "iterationCount", format->iterations);

  if (format->key_length)
    ok = ok && dojang_asn1_write_uint (node, "keyLength", (guint) cipher->key_len);
  else
    ok = ok && dojang_asn1_omit (node, "keyLength");

  /* DER leaves a DEFAULT value out; some writers state hmacWithSHA1 anyway. */
  if (format->prf_explicit || format->prf_md != GCRY_MD_SHA1)
    ok = ok && dojang_asn1_write_oid (node, "prf.algorithm", dojang_prf_oid (format->prf_md))
         && dojang_asn1_write (node, "prf.parameters", der_null, sizeof der_null);
  else
    ok = ok && dojang_asn1_omit (node, "prf");

  return ok ? dojang_asn1_encode (node) : NULL;
}

static GBytes *
encode_pbes2 (const DojangKeyFormat  *format,
              const DojangCipherInfo *cipher,
              GBytes                 *salt,
              GBytes                 *iv)
{
  g_autoptr(DojangAsn1Node) node = dojang_asn1_new ("PBES2Params");
  g_autoptr(DojangAsn1Node) iv_node = dojang_asn1_new ("CipherIV");
  g_autoptr(GBytes) kdf = encode_pbkdf2 (format, cipher, salt);
  g_autoptr(GBytes) iv_der = NULL;

  if (kdf == NULL || !dojang_asn1_write_bytes (iv_node, "", iv))
    return NULL;
  iv_der = dojang_asn1_encode (iv_node);
  if (iv_der == NULL)
    return NULL;

  if (!dojang_asn1_write_oid (node, "keyDerivationFunc.algorithm", DOJANG_OID_PBKDF2)
      || !dojang_asn1_write_bytes (node, "keyDerivationFunc.parameters", kdf)
      || !dojang_asn1_write_oid (node, "encryptionScheme.algorithm", cipher->oid)
      || !dojang_asn1_write_bytes (node, "encryptionScheme.parameters", iv_der))
    return NULL;

  return dojang_asn1_encode (node);
}

static GBytes *
encode_encrypted_key (const char *algorithm,
                      GBytes     *parameters,
                      GBytes     *ciphertext)
{
  g_autoptr(DojangAsn1Node) node = dojang_asn1_new ("EncryptedPrivateKeyInfo");

  if (!dojang_asn1_write_oid (node, "encryptionAlgorithm.algorithm", algorithm)
      || !dojang_asn1_write_bytes (node, "encryptionAlgorithm.parameters", parameters)
      || !dojang_asn1_write_bytes (node, "encryptedData", ciphertext))
    return NULL;

  return dojang_asn1_encode (node);
}

/* PKCS#7 padding (RFC 5652 §6.3), then CBC. */
static GBytes *
cbc_encrypt (const DojangCipherInfo *cipher,
             const guint8           *key,
             const guint8           *iv,
             const guint8           *plaintext,
             gsize                   plaintext_len)
{
  gsize padded_len = (plaintext_len / cipher->block_len + 1) * cipher->block_len;
  guint8 pad = (guint8) (padded_len - plaintext_len);
  guint8 *buffer = dojang_secure_alloc (padded_len);
  gcry_cipher_hd_t handle = NULL;
  GBytes *ciphertext = NULL;
  gcry_error_t gerr;

  memcpy (buffer, plaintext, plaintext_len);
  memset (buffer + plaintext_len, pad, pad);

  gerr = gcry_cipher_open (&handle, cipher->cipher_algo, GCRY_CIPHER_MODE_CBC, GCRY_CIPHER_SECURE);
  if (gerr == 0)
    gerr = gcry_cipher_setkey (handle, key, cipher->key_len);
  /* 3DES flags weak keys but uses them, as on the reading side. */
  if (gerr == 0 || gcry_err_code (gerr) == GPG_ERR_WEAK_KEY)
    gerr = gcry_cipher_setiv (handle, iv, cipher->block_len);
  if (gerr == 0)
    gerr = gcry_cipher_encrypt (handle, buffer, padded_len, NULL, 0);
  if (gerr == 0)
    ciphertext = g_bytes_new (buffer, padded_len);

  gcry_cipher_close (handle);
  dojang_secure_free (buffer, padded_len);

  return ciphertext;
}

/**
 * dojang_key_encrypt:
 * @format: the scheme and parameters; the salt and the IV are made here
 * @plaintext: a DER PrivateKeyInfo
 * @password: the password's bytes (UTF-8)
 *
 * Returns: (transfer full) (nullable): the DER EncryptedPrivateKeyInfo, or
 *   %NULL with %DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED if libgcrypt refuses
 */
GBytes *
dojang_key_encrypt (const DojangKeyFormat  *format,
                    const guint8           *plaintext,
                    gsize                   plaintext_len,
                    const guint8           *password,
                    gsize                   password_len,
                    GError                **error)
{
  const DojangCipherInfo *cipher;
  g_autoptr(GBytes) salt = NULL;
  g_autoptr(GBytes) iv = NULL;
  g_autoptr(GBytes) parameters = NULL;
  g_autoptr(GBytes) ciphertext = NULL;
  g_autofree guint8 *salt_data = NULL;
  guint8 iv_data[32];
  guint8 *key;
  const char *algorithm;
  gboolean derived = TRUE;

  g_return_val_if_fail (format != NULL && plaintext != NULL && plaintext_len > 0, NULL);
  g_return_val_if_fail (format->iterations > 0 && format->salt_len > 0, NULL);

  dojang_crypto_init ();

  cipher = dojang_cipher_lookup (format->scheme == DOJANG_KEY_SCHEME_PBES2
                                 ? format->cipher_oid : DOJANG_OID_SEED_CBC);
  g_return_val_if_fail (cipher != NULL && cipher->block_len <= sizeof iv_data, NULL);

  salt_data = g_malloc (format->salt_len);
  gcry_randomize (salt_data, format->salt_len, GCRY_STRONG_RANDOM);
  salt = g_bytes_new (salt_data, format->salt_len);
  key = dojang_secure_alloc (cipher->key_len);

  if (format->scheme == DOJANG_KEY_SCHEME_PBES2)
    {
      gcry_randomize (iv_data, cipher->block_len, GCRY_STRONG_RANDOM);
      derived = dojang_pbkdf2 (format->prf_md, password, password_len, salt_data,
                               format->salt_len, format->iterations, key, cipher->key_len);
    }
  else
    {
      guint8 *dk = dojang_secure_alloc (DOJANG_SHA1_LEN);

      dojang_pbkdf1_sha1 (password, password_len, salt_data, format->salt_len,
                          format->iterations, dk);
      memcpy (key, dk, DOJANG_SEED_BLOCK_LEN);
      if (format->scheme == DOJANG_KEY_SCHEME_SEED_SHA1)
        dojang_seed_iv_from_dk (dk, iv_data);
      else
        memcpy (iv_data, legacy_seed_iv, DOJANG_SEED_BLOCK_LEN);
      dojang_secure_free (dk, DOJANG_SHA1_LEN);
    }

  if (derived)
    ciphertext = cbc_encrypt (cipher, key, iv_data, plaintext, plaintext_len);
  dojang_secure_free (key, cipher->key_len);

  if (ciphertext == NULL)
    {
      g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED,
                   _("The private key could not be encrypted with %s."), cipher->oid);
      return NULL;
    }

  switch (format->scheme)
    {
    case DOJANG_KEY_SCHEME_PBES2:
      iv = g_bytes_new (iv_data, cipher->block_len);
      parameters = encode_pbes2 (format, cipher, salt, iv);
      algorithm = DOJANG_OID_PBES2;
      break;
    case DOJANG_KEY_SCHEME_SEED_SHA1:
      parameters = encode_salt_and_iterations (salt, format->iterations);
      algorithm = DOJANG_OID_SEED_CBC_WITH_SHA1;
      break;
    case DOJANG_KEY_SCHEME_LEGACY_SEED:
    default:
      parameters = encode_salt_and_iterations (salt, format->iterations);
      algorithm = DOJANG_OID_SEED_CBC;
      break;
    }

  /* Only a bug in the ASN.1 module could make the encoding fail. */
  g_return_val_if_fail (parameters != NULL, NULL);

  return encode_encrypted_key (algorithm, parameters, ciphertext);
}
