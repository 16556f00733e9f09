/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-asn1.h"
#include "dojang-key-derivation.h"

/* Generated at build time by asn1Parser from dojang-private-key.asn. */
extern const asn1_static_node dojang_private_key_asn1_tab[];

#define DOJANG_ASN1_MODULE "DojangPrivateKey."

static asn1_node
get_definitions (void)
{
  static asn1_node definitions = NULL;

  if (g_once_init_enter (&definitions))
    {
      asn1_node parsed = NULL;
      char message[ASN1_MAX_ERROR_DESCRIPTION_SIZE] = "";

      if (asn1_array2tree (dojang_private_key_asn1_tab, &parsed, message) != ASN1_SUCCESS)
        g_error ("Invalid built-in ASN.1 definitions: %s", message);

      g_once_init_leave (&definitions, parsed);
    }

  return definitions;
}

/**
 * dojang_asn1_decode:
 * @type_name: a type of the DojangPrivateKey module, e.g. "PrivateKeyInfo"
 *
 * Decodes @der as @type_name, as strict DER. Trailing bytes after the value
 * are an error.
 *
 * Returns: (transfer full) (nullable): the decoded structure, or %NULL
 */
DojangAsn1Node *
dojang_asn1_decode (const char   *type_name,
                    const guint8 *der,
                    gsize         der_len)
{
  g_autofree char *full_name = g_strconcat (DOJANG_ASN1_MODULE, type_name, NULL);
  asn1_node node = NULL;
  int consumed = (int) der_len;

  if (der == NULL || der_len == 0 || der_len > G_MAXINT)
    return NULL;

  if (asn1_create_element (get_definitions (), full_name, &node) != ASN1_SUCCESS)
    g_error ("Unknown built-in ASN.1 type %s", type_name);

  /* Strict DER: key files are DER, so BER's indefinite lengths mean damage. */
  if (asn1_der_decoding2 (&node, der, &consumed, ASN1_DECODE_FLAG_STRICT_DER, NULL) != ASN1_SUCCESS
      || (gsize) consumed != der_len)
    {
      dojang_asn1_node_free (node);
      return NULL;
    }

  return node;
}

/**
 * dojang_asn1_new:
 * @type_name: a type of the DojangPrivateKey module
 *
 * Returns: (transfer full): an empty structure to fill with the
 *   dojang_asn1_write*() functions and encode with dojang_asn1_encode()
 */
DojangAsn1Node *
dojang_asn1_new (const char *type_name)
{
  g_autofree char *full_name = g_strconcat (DOJANG_ASN1_MODULE, type_name, NULL);
  asn1_node node = NULL;

  if (asn1_create_element (get_definitions (), full_name, &node) != ASN1_SUCCESS)
    g_error ("Unknown built-in ASN.1 type %s", type_name);

  return node;
}

/**
 * dojang_asn1_write:
 *
 * asn1_write_value() for the element @name: an OCTET STRING's bytes, the
 * whole DER encoding of an ANY, the alternative's name of a CHOICE.
 */
gboolean
dojang_asn1_write (DojangAsn1Node *node,
                   const char     *name,
                   const void     *value,
                   gsize           len)
{
  g_return_val_if_fail (len <= G_MAXINT, FALSE);

  return asn1_write_value (node, name, value, (int) len) == ASN1_SUCCESS;
}

gboolean
dojang_asn1_write_oid (DojangAsn1Node *node,
                       const char     *name,
                       const char     *oid)
{
  /* A length of 1 tells libtasn1 to read a NUL-terminated dotted string. */
  return asn1_write_value (node, name, oid, 1) == ASN1_SUCCESS;
}

gboolean
dojang_asn1_write_uint (DojangAsn1Node *node,
                        const char     *name,
                        guint           value)
{
  char decimal[16];

  /* A length of 0 tells libtasn1 the INTEGER is given in decimal. */
  g_snprintf (decimal, sizeof decimal, "%u", value);

  return asn1_write_value (node, name, decimal, 0) == ASN1_SUCCESS;
}

gboolean
dojang_asn1_write_bytes (DojangAsn1Node *node,
                         const char     *name,
                         GBytes         *value)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (value, &len);

  return dojang_asn1_write (node, name, data, len);
}

/* An OPTIONAL element left out of the encoding. */
gboolean
dojang_asn1_omit (DojangAsn1Node *node,
                  const char     *name)
{
  return asn1_write_value (node, name, NULL, 0) == ASN1_SUCCESS;
}

/**
 * dojang_asn1_encode:
 *
 * Returns: (transfer full) (nullable): the DER encoding of @node, or %NULL
 *   when a mandatory element was not written
 */
GBytes *
dojang_asn1_encode (DojangAsn1Node *node)
{
  char message[ASN1_MAX_ERROR_DESCRIPTION_SIZE] = "";
  g_autofree guint8 *der = NULL;
  int len = 0;

  if (asn1_der_coding (node, "", NULL, &len, message) != ASN1_MEM_ERROR || len <= 0)
    return NULL;

  der = g_malloc ((gsize) len);
  if (asn1_der_coding (node, "", der, &len, message) != ASN1_SUCCESS)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&der), (gsize) len);
}

/* Decoded private keys live in these nodes: wipe them on release. */
void
dojang_asn1_node_free (DojangAsn1Node *node)
{
  if (node != NULL)
    asn1_delete_structure2 (&node, ASN1_DELETE_FLAG_ZEROIZE);
}

static guint8 *
read_value (DojangAsn1Node *node,
            const char     *name,
            int            *length)
{
  g_autofree guint8 *value = NULL;
  int len = 0;

  if (asn1_read_value (node, name, NULL, &len) != ASN1_MEM_ERROR)
    return NULL;

  /* One extra byte keeps strings NUL-terminated. */
  value = g_malloc0 ((gsize) len + 1);
  if (asn1_read_value (node, name, value, &len) != ASN1_SUCCESS)
    return NULL;

  *length = len;
  return g_steal_pointer (&value);
}

/**
 * dojang_asn1_read_oid:
 *
 * Returns: (transfer full) (nullable): the dotted OBJECT IDENTIFIER at @name
 */
char *
dojang_asn1_read_oid (DojangAsn1Node *node,
                      const char     *name)
{
  int len = 0;
  g_autofree char *oid = (char *) read_value (node, name, &len);

  if (oid == NULL || len <= 1 || oid[0] == '\0')
    return NULL;

  return g_steal_pointer (&oid);
}

/**
 * dojang_asn1_read_bytes:
 *
 * Reads an OCTET STRING's content, or the whole encoding of an ANY.
 *
 * Returns: (transfer full) (nullable): the bytes, %NULL when absent
 */
GBytes *
dojang_asn1_read_bytes (DojangAsn1Node *node,
                        const char     *name)
{
  guint8 *value;
  int len = 0;
  int ret;

  /* An empty OCTET STRING answers the size query with success. */
  ret = asn1_read_value (node, name, NULL, &len);
  if (ret == ASN1_SUCCESS && len == 0)
    return g_bytes_new (NULL, 0);

  value = read_value (node, name, &len);
  if (value == NULL)
    return NULL;

  return g_bytes_new_take (value, (gsize) len);
}

/**
 * dojang_asn1_read_choice:
 *
 * Returns: (transfer full) (nullable): the name of the alternative chosen in
 *   the CHOICE at @name
 */
char *
dojang_asn1_read_choice (DojangAsn1Node *node,
                         const char     *name)
{
  int len = 0;

  return (char *) read_value (node, name, &len);
}

/**
 * dojang_asn1_read_uint64:
 *
 * Reads a non-negative INTEGER that must fit in 64 bits.
 */
DojangAsn1UintResult
dojang_asn1_read_uint64 (DojangAsn1Node *node,
                         const char     *name,
                         guint64        *value)
{
  g_autofree guint8 *bytes = NULL;
  guint64 result = 0;
  int len = 0;
  int start = 0;

  bytes = read_value (node, name, &len);
  if (bytes == NULL || len == 0)
    return DOJANG_ASN1_UINT_MISSING;

  if (bytes[0] & 0x80)
    return DOJANG_ASN1_UINT_NEGATIVE;

  while (start < len - 1 && bytes[start] == 0)
    start++;
  if (len - start > 8)
    return DOJANG_ASN1_UINT_TOO_BIG;

  for (int i = start; i < len; i++)
    result = (result << 8) | bytes[i];

  *value = result;
  return DOJANG_ASN1_UINT_OK;
}

/**
 * dojang_asn1_read_secret:
 * @len: (out): the size of the value and of the returned buffer
 *
 * Returns: (transfer full) (nullable): a non-empty value copied into secure
 *   memory; release it with dojang_secure_free (value, *len)
 */
guint8 *
dojang_asn1_read_secret (DojangAsn1Node *node,
                         const char     *name,
                         gsize          *len)
{
  guint8 *value;
  int size = 0;

  if (asn1_read_value (node, name, NULL, &size) != ASN1_MEM_ERROR || size <= 0)
    return NULL;

  *len = (gsize) size;
  value = dojang_secure_alloc (*len);
  if (asn1_read_value (node, name, value, &size) != ASN1_SUCCESS)
    {
      dojang_secure_free (value, *len);
      return NULL;
    }

  return value;
}

/**
 * dojang_asn1_read_mpi:
 *
 * Reads a positive INTEGER, such as a private key's prime, through secure
 * memory into a secure libgcrypt MPI.
 *
 * Returns: (transfer full) (nullable): the number; %NULL if it is missing,
 *   zero or negative
 */
gcry_mpi_t
dojang_asn1_read_mpi (DojangAsn1Node *node,
                      const char     *name)
{
  gcry_mpi_t mpi = NULL;
  gsize len = 0;
  guint8 *bytes = dojang_asn1_read_secret (node, name, &len);

  if (bytes == NULL)
    return NULL;

  /* libgcrypt puts an MPI scanned from secure memory in secure memory. */
  if ((bytes[0] & 0x80) != 0
      || gcry_mpi_scan (&mpi, GCRYMPI_FMT_USG, bytes, len, NULL) != 0)
    g_clear_pointer (&mpi, gcry_mpi_release);
  dojang_secure_free (bytes, len);

  if (mpi != NULL && gcry_mpi_cmp_ui (mpi, 0) == 0)
    g_clear_pointer (&mpi, gcry_mpi_release);

  return mpi;
}

/**
 * dojang_asn1_read_header:
 * @der: where a DER value starts
 * @der_len: how many bytes are there
 * @tag_class: the expected class bits, e.g. %ASN1_CLASS_STRUCTURED for a SEQUENCE
 * @tag: the expected tag number, e.g. %ASN1_TAG_SEQUENCE
 * @header_len: (out): the size of the tag and length octets
 * @content_len: (out): the length the header announces
 *
 * Reads the tag and length of the value at @der with libtasn1. Indefinite
 * lengths (BER, never DER), lengths too large for an int and contents that
 * would run past @der_len are refused.
 *
 * Returns: %TRUE if the value has the expected tag and fits in @der_len
 */
gboolean
dojang_asn1_read_header (const guint8 *der,
                         gsize         der_len,
                         guint8        tag_class,
                         gulong        tag,
                         gsize        *header_len,
                         gsize        *content_len)
{
  unsigned char found_class = 0;
  unsigned long found_tag = 0;
  int tag_len = 0;
  int length_len = 0;
  long length;

  if (der == NULL || der_len == 0 || der_len > G_MAXINT)
    return FALSE;

  if (asn1_get_tag_der (der, (int) der_len, &found_class, &tag_len, &found_tag) != ASN1_SUCCESS
      || found_class != tag_class || found_tag != tag || (gsize) tag_len >= der_len)
    return FALSE;

  /* -1: indefinite, -2: too long, -4: runs past the end. */
  length = asn1_get_length_der (der + tag_len, (int) (der_len - tag_len), &length_len);
  if (length < 0)
    return FALSE;

  *header_len = (gsize) tag_len + (gsize) length_len;
  *content_len = (gsize) length;
  return TRUE;
}
