/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Internal: the OIDs of signPri.key's encryption schemes, and the PBKDF2
 * hashes and CBC ciphers of PBES2 with their libgcrypt counterparts. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOJANG_OID_SEED_CBC_WITH_SHA1 "1.2.410.200004.1.15"
#define DOJANG_OID_SEED_CBC           "1.2.410.200004.1.4"
#define DOJANG_OID_PBES2              "1.2.840.113549.1.5.13"
#define DOJANG_OID_PBKDF2             "1.2.840.113549.1.5.12"
#define DOJANG_OID_AES256_CBC         "2.16.840.1.101.3.4.1.42"

typedef struct
{
  const char *oid;
  int         cipher_algo;
  gsize       key_len;
  gsize       block_len;
} DojangCipherInfo;

const DojangCipherInfo *dojang_cipher_lookup (const char *oid);
int                     dojang_prf_lookup    (const char *oid);
const char             *dojang_prf_oid       (int         md_algo);

G_END_DECLS
