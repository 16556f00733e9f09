/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the X.509 certificate parser (signCert.der). */

#include "config.h"

#include <stdint.h>

#include "dojang-x509.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) der = g_bytes_new (data, size);
  g_autoptr(DojangX509Info) info = dojang_x509_info_parse (der, NULL);

  /* What the list and the JSON output show must be text. */
  if (info != NULL)
    {
      g_assert (info->subject == NULL || g_utf8_validate (info->subject, -1, NULL));
      g_assert (info->issuer_cn == NULL || g_utf8_validate (info->issuer_cn, -1, NULL));
      g_assert (info->issuer_org == NULL || g_utf8_validate (info->issuer_org, -1, NULL));
    }

  return 0;
}
