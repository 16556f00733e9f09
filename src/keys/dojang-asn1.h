/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Internal: libtasn1 access to the structures of dojang-private-key.asn. */

#pragma once

#include <gcrypt.h>
#include <glib.h>
#include <libtasn1.h>

G_BEGIN_DECLS

typedef struct asn1_node_st DojangAsn1Node;

typedef enum
{
  DOJANG_ASN1_UINT_OK,
  DOJANG_ASN1_UINT_MISSING,
  DOJANG_ASN1_UINT_NEGATIVE,
  DOJANG_ASN1_UINT_TOO_BIG,
} DojangAsn1UintResult;

DojangAsn1Node       *dojang_asn1_decode       (const char      *type_name,
                                                const guint8    *der,
                                                gsize            der_len);
DojangAsn1Node       *dojang_asn1_new          (const char      *type_name);
gboolean              dojang_asn1_write        (DojangAsn1Node  *node,
                                                const char      *name,
                                                const void      *value,
                                                gsize            len);
gboolean              dojang_asn1_write_oid    (DojangAsn1Node  *node,
                                                const char      *name,
                                                const char      *oid);
gboolean              dojang_asn1_write_uint   (DojangAsn1Node  *node,
                                                const char      *name,
                                                guint            value);
gboolean              dojang_asn1_write_bytes  (DojangAsn1Node  *node,
                                                const char      *name,
                                                GBytes          *value);
gboolean              dojang_asn1_omit         (DojangAsn1Node  *node,
                                                const char      *name);
GBytes               *dojang_asn1_encode       (DojangAsn1Node  *node);
void                  dojang_asn1_node_free    (DojangAsn1Node  *node);
char                 *dojang_asn1_read_oid     (DojangAsn1Node  *node,
                                                const char      *name);
GBytes               *dojang_asn1_read_bytes   (DojangAsn1Node  *node,
                                                const char      *name);
char                 *dojang_asn1_read_choice  (DojangAsn1Node  *node,
                                                const char      *name);
DojangAsn1UintResult  dojang_asn1_read_uint64  (DojangAsn1Node  *node,
                                                const char      *name,
                                                guint64         *value);
gcry_mpi_t            dojang_asn1_read_mpi     (DojangAsn1Node  *node,
                                                const char      *name);
guint8               *dojang_asn1_read_secret  (DojangAsn1Node  *node,
                                                const char      *name,
                                                gsize           *len);
gboolean              dojang_asn1_read_header  (const guint8    *der,
                                                gsize            der_len,
                                                guint8           tag_class,
                                                gulong           tag,
                                                gsize           *header_len,
                                                gsize           *content_len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangAsn1Node, dojang_asn1_node_free)

G_END_DECLS
