/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gcrypt.h>
#include <string.h>

#include "dojang-key-algorithms.h"

typedef struct
{
  const char *oid;
  int         md_algo;
} PrfInfo;

/* RFC 8018 appendix B.1; an absent PRF means hmacWithSHA1. */
static const PrfInfo prfs[] = {
  { "1.2.840.113549.2.7", GCRY_MD_SHA1 },
  { "1.2.840.113549.2.8", GCRY_MD_SHA224 },
  { "1.2.840.113549.2.9", GCRY_MD_SHA256 },
  { "1.2.840.113549.2.10", GCRY_MD_SHA384 },
  { "1.2.840.113549.2.11", GCRY_MD_SHA512 },
  { "1.2.840.113549.2.12", GCRY_MD_SHA512_224 },
  { "1.2.840.113549.2.13", GCRY_MD_SHA512_256 },
};

static const DojangCipherInfo ciphers[] = {
  { DOJANG_OID_SEED_CBC, GCRY_CIPHER_SEED, 16, 16 },
  { "2.16.840.1.101.3.4.1.2", GCRY_CIPHER_AES128, 16, 16 },
  { "2.16.840.1.101.3.4.1.22", GCRY_CIPHER_AES192, 24, 16 },
  { DOJANG_OID_AES256_CBC, GCRY_CIPHER_AES256, 32, 16 },
  { "1.2.840.113549.3.7", GCRY_CIPHER_3DES, 24, 8 },
};

/**
 * dojang_prf_lookup:
 *
 * Returns: the GCRY_MD_* hash of the PBKDF2 PRF @oid, or 0 if unknown
 */
int
dojang_prf_lookup (const char *oid)
{
  for (gsize i = 0; i < G_N_ELEMENTS (prfs); i++)
    if (strcmp (prfs[i].oid, oid) == 0)
      return prfs[i].md_algo;

  return 0;
}

/**
 * dojang_prf_oid:
 *
 * Returns: (nullable): the OID of the HMAC PRF with hash @md_algo
 */
const char *
dojang_prf_oid (int md_algo)
{
  for (gsize i = 0; i < G_N_ELEMENTS (prfs); i++)
    if (prfs[i].md_algo == md_algo)
      return prfs[i].oid;

  return NULL;
}

/**
 * dojang_cipher_lookup:
 *
 * Returns: (nullable): the CBC cipher with the OID @oid
 */
const DojangCipherInfo *
dojang_cipher_lookup (const char *oid)
{
  for (gsize i = 0; i < G_N_ELEMENTS (ciphers); i++)
    if (strcmp (ciphers[i].oid, oid) == 0)
      return &ciphers[i];

  return NULL;
}
