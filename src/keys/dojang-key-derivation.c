/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gcrypt.h>
#include <string.h>

#include "dojang-key-derivation.h"

/* The oldest libgcrypt with PBKDF2, SEED and overflow pools for
 * gcry_xmalloc_secure. */
#define DOJANG_GCRYPT_MIN_VERSION "1.8.0"
#define DOJANG_SECURE_POOL_SIZE (64 * 1024)

/**
 * dojang_crypto_init:
 *
 * Initialises libgcrypt with a secure memory pool, once per process. GnuTLS
 * 3.7 uses nettle, so nobody else sets libgcrypt up; should another library
 * have finished the set-up already, its choices stand.
 */
void
dojang_crypto_init (void)
{
  static gsize initialised = 0;

  if (!g_once_init_enter (&initialised))
    return;

  if (!gcry_control (GCRYCTL_INITIALIZATION_FINISHED_P))
    {
      if (gcry_check_version (DOJANG_GCRYPT_MIN_VERSION) == NULL)
        g_error ("libgcrypt %s or newer is required", DOJANG_GCRYPT_MIN_VERSION);

      /* Without CAP_IPC_LOCK or a big enough RLIMIT_MEMLOCK the pool is not
       * locked; libgcrypt would then print a warning on every start. */
      gcry_control (GCRYCTL_SUSPEND_SECMEM_WARN);
      gcry_control (GCRYCTL_INIT_SECMEM, DOJANG_SECURE_POOL_SIZE, 0);
      gcry_control (GCRYCTL_DISABLE_SECMEM_WARN);
      gcry_control (GCRYCTL_RESUME_SECMEM_WARN);
      gcry_control (GCRYCTL_INITIALIZATION_FINISHED, 0);
    }

  g_once_init_leave (&initialised, 1);
}

/**
 * dojang_secure_alloc:
 * @size: bytes wanted
 *
 * Returns: (transfer full): a zeroed buffer in libgcrypt's secure memory;
 *   release it with dojang_secure_free().
 */
gpointer
dojang_secure_alloc (gsize size)
{
  dojang_crypto_init ();

  return gcry_xcalloc_secure (1, MAX (size, 1));
}

void
dojang_secure_free (gpointer buffer,
                    gsize    size)
{
  if (buffer == NULL)
    return;

  explicit_bzero (buffer, size);
  gcry_free (buffer);
}

/**
 * dojang_pbkdf1_sha1:
 *
 * PBKDF1 (RFC 8018 §5.1) with SHA-1: T1 = SHA1(P || S), Tn = SHA1(Tn-1);
 * DK = T(iterations). libgcrypt has no PBKDF1, so this iterates its SHA-1.
 */
void
dojang_pbkdf1_sha1 (const guint8 *password,
                    gsize         password_len,
                    const guint8 *salt,
                    gsize         salt_len,
                    guint         iterations,
                    guint8        dk[DOJANG_SHA1_LEN])
{
  gsize input_len = password_len + salt_len;
  guint8 *input;
  guint8 *digest;

  g_return_if_fail (iterations > 0);

  input = dojang_secure_alloc (input_len);
  digest = dojang_secure_alloc (DOJANG_SHA1_LEN);
  memcpy (input, password, password_len);
  memcpy (input + password_len, salt, salt_len);
  gcry_md_hash_buffer (GCRY_MD_SHA1, digest, input, input_len);

  for (guint i = 1; i < iterations; i++)
    {
      gcry_md_hash_buffer (GCRY_MD_SHA1, dk, digest, DOJANG_SHA1_LEN);
      memcpy (digest, dk, DOJANG_SHA1_LEN);
    }
  memcpy (dk, digest, DOJANG_SHA1_LEN);

  dojang_secure_free (digest, DOJANG_SHA1_LEN);
  dojang_secure_free (input, input_len);
}

/**
 * dojang_seed_iv_from_dk:
 *
 * The IV of seedCBCWithSHA1 keys: the first 16 bytes of SHA1(DK[16..20]).
 */
void
dojang_seed_iv_from_dk (const guint8 dk[DOJANG_SHA1_LEN],
                        guint8       iv[DOJANG_SEED_BLOCK_LEN])
{
  guint8 *digest = dojang_secure_alloc (DOJANG_SHA1_LEN);

  gcry_md_hash_buffer (GCRY_MD_SHA1, digest, dk + DOJANG_SEED_BLOCK_LEN,
                       DOJANG_SHA1_LEN - DOJANG_SEED_BLOCK_LEN);
  memcpy (iv, digest, DOJANG_SEED_BLOCK_LEN);
  dojang_secure_free (digest, DOJANG_SHA1_LEN);
}

/**
 * dojang_pbkdf2:
 * @md_algo: the HMAC hash, a GCRY_MD_* value
 *
 * PBKDF2 (RFC 8018 §5.2) through gcry_kdf_derive.
 *
 * Returns: %FALSE if libgcrypt refused the parameters
 */
gboolean
dojang_pbkdf2 (int           md_algo,
               const guint8 *password,
               gsize         password_len,
               const guint8 *salt,
               gsize         salt_len,
               guint         iterations,
               guint8       *key,
               gsize         key_len)
{
  dojang_crypto_init ();

  return gcry_kdf_derive (password, password_len, GCRY_KDF_PBKDF2, md_algo,
                          salt, salt_len, iterations, key_len, key) == 0;
}
