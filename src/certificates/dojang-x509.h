/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "dojang-certificate-error.h"

G_BEGIN_DECLS

/* The decoded fields of one X.509 certificate; strings are UTF-8, dates UTC. */
typedef struct
{
  char      *subject;
  char      *issuer_dn;
  char      *issuer_org;
  char      *issuer_cn;
  char      *policy_oid;
  char      *serial;
  char      *sha256;
  GDateTime *not_before;
  GDateTime *not_after;
} DojangX509Info;

GBytes         *dojang_x509_read_file  (const char      *path,
                                        GError         **error);
DojangX509Info *dojang_x509_info_parse (GBytes          *der,
                                        GError         **error);
void            dojang_x509_info_free  (DojangX509Info  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangX509Info, dojang_x509_info_free)

G_END_DECLS
