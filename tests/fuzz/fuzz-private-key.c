/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the signPri.key parser, built by run-fuzz.sh. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "dojang-encrypted-key.h"
#include "dojang-key-derivation.h"
#include "dojang-private-key-info.h"

/* The seed corpus keys open with this password, so mutations of them reach
 * the decryption and the PrivateKeyInfo checks. */
#define FUZZ_PASSWORD "Dojang-Test1!"

/* Higher counts are legal but would make each run slow. */
#define FUZZ_MAX_ITERATIONS 2048

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DojangEncryptedKey) key = NULL;
  guint8 *plaintext = NULL;
  gsize plaintext_len = 0;

  key = dojang_encrypted_key_parse (data, size, NULL);
  if (key != NULL
      && dojang_encrypted_key_get_iterations (key) <= FUZZ_MAX_ITERATIONS
      && dojang_encrypted_key_decrypt (key, (const guint8 *) FUZZ_PASSWORD,
                                       strlen (FUZZ_PASSWORD), &plaintext,
                                       &plaintext_len, NULL))
    {
      dojang_private_key_info_verify (plaintext, plaintext_len, NULL, NULL);
      dojang_secure_free (plaintext, plaintext_len);
    }

  /* The same bytes taken as a decrypted PrivateKeyInfo. */
  dojang_private_key_info_verify (data, size, NULL, NULL);

  return 0;
}
