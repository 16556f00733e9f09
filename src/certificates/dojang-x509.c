/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading a certificate file and decoding it with GnuTLS (libtasn1 for the
 * outer DER header), with an error a person can act on for each failure. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <libtasn1.h>

#include "dojang-x509.h"

/* Real certificates are 1–2 KiB; anything this large is not one. */
#define MAX_CERTIFICATE_SIZE (64 * 1024)

/* Tells missing, unreadable and folder paths apart; anything else keeps the
 * system's own reason. */
static void
set_read_error (GError     **error,
                GFileError   code,
                const char  *detail)
{
  switch (code)
    {
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
                           _("The file does not exist."));
      break;

    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_PERMISSION,
                           _("You do not have permission to read this file."));
      break;

    case G_FILE_ERROR_ISDIR:
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_A_FILE,
                           _("This is a folder, not a certificate file."));
      break;

    default:
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_READ,
                   _("The file could not be read: %s"), detail);
    }
}

static void
set_empty_error (GError **error)
{
  g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EMPTY,
                       _("The file is empty."));
}

static void
set_too_large_error (GError **error)
{
  g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_TOO_LARGE,
                       _("The file is too large to be a certificate."));
}

/**
 * dojang_x509_read_file:
 * @path: a certificate file
 * @error: a #DOJANG_CERTIFICATE_ERROR on failure
 *
 * Reads a whole certificate file, telling missing, unreadable, empty and
 * oversized files and folders apart. The size is checked before reading, so
 * a large file that happens to be named signCert.der is never loaded.
 */
GBytes *
dojang_x509_read_file (const char  *path,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      set_read_error (error, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
      return NULL;
    }

  if (S_ISDIR (st.st_mode))
    {
      set_read_error (error, G_FILE_ERROR_ISDIR, NULL);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_A_FILE,
                           _("This is a device, a pipe or a socket, not a certificate file."));
      return NULL;
    }

  if (st.st_size == 0)
    {
      set_empty_error (error);
      return NULL;
    }

  if (st.st_size > MAX_CERTIFICATE_SIZE)
    {
      set_too_large_error (error);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      set_read_error (error, (GFileError) local_error->code, local_error->message);
      return NULL;
    }

  /* The file may have changed since it was looked at. */
  if (length == 0)
    {
      set_empty_error (error);
      return NULL;
    }
  if (length > MAX_CERTIFICATE_SIZE)
    {
      set_too_large_error (error);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gboolean
looks_like_pem (const guint8 *data,
                gsize         length)
{
  static const char marker[] = "-----BEGIN";
  gsize i = 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return length - i >= strlen (marker) && memcmp (data + i, marker, strlen (marker)) == 0;
}

#define DER_NOT_A_SEQUENCE (-1)
#define DER_TRUNCATED      (-2)

/* A certificate is one DER SEQUENCE; libtasn1 decodes its header, so a file
 * that was cut short can be told apart from one that is not DER at all.
 * Returns the length of the whole SEQUENCE, or DER_NOT_A_SEQUENCE or
 * DER_TRUNCATED. */
static gssize
outer_der_length (const guint8 *data,
                  gsize         length)
{
  unsigned char class;
  unsigned long tag;
  int tag_length = 0;
  int length_length = 0;
  long content_length;

  if (length > G_MAXINT)
    return DER_NOT_A_SEQUENCE;

  if (asn1_get_tag_der (data, (int) length, &class, &tag_length, &tag) != ASN1_SUCCESS)
    return DER_NOT_A_SEQUENCE;

  if (tag != ASN1_TAG_SEQUENCE || (class & ASN1_CLASS_STRUCTURED) == 0)
    return DER_NOT_A_SEQUENCE;

  if ((gsize) tag_length >= length)
    return DER_TRUNCATED;

  content_length = asn1_get_length_der (data + tag_length, (int) (length - tag_length), &length_length);
  if (content_length == -4)
    return DER_TRUNCATED;
  if (content_length < 0)
    return DER_NOT_A_SEQUENCE;

  return tag_length + length_length + content_length;
}

static char *
dn_field (gnutls_x509_crt_t  crt,
          gboolean           issuer,
          const char        *oid)
{
  char buffer[512];
  size_t size = sizeof buffer;
  g_autofree char *heap = NULL;
  int ret;

  if (issuer)
    ret = gnutls_x509_crt_get_issuer_dn_by_oid (crt, oid, 0, 0, buffer, &size);
  else
    ret = gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buffer, &size);

  if (ret == GNUTLS_E_SUCCESS)
    return g_utf8_make_valid (buffer, -1);

  if (ret != GNUTLS_E_SHORT_MEMORY_BUFFER)
    return NULL;

  heap = g_malloc (size);
  if (issuer)
    ret = gnutls_x509_crt_get_issuer_dn_by_oid (crt, oid, 0, 0, heap, &size);
  else
    ret = gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, heap, &size);

  return ret == GNUTLS_E_SUCCESS ? g_utf8_make_valid (heap, -1) : NULL;
}

static char *
issuer_dn (gnutls_x509_crt_t crt)
{
  gnutls_datum_t dn = { NULL, 0 };
  char *result;

  if (gnutls_x509_crt_get_issuer_dn3 (crt, &dn, 0) != GNUTLS_E_SUCCESS)
    return g_strdup ("");

  result = g_utf8_make_valid ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);

  return result;
}

/* Korean CAs put their own policy under 1.2.410; prefer it over generic ones. */
static char *
policy_oid (gnutls_x509_crt_t crt)
{
  g_autofree char *first = NULL;

  for (unsigned int i = 0; ; i++)
    {
      struct gnutls_x509_policy_st policy;
      unsigned int critical = 0;
      char *oid;

      if (gnutls_x509_crt_get_policy (crt, i, &policy, &critical) < 0)
        break;

      oid = g_strdup (policy.oid);
      gnutls_x509_policy_release (&policy);

      if (g_str_has_prefix (oid, "1.2.410."))
        return oid;

      if (first == NULL)
        first = oid;
      else
        g_free (oid);
    }

  return g_steal_pointer (&first);
}

static char *
serial_hex (gnutls_x509_crt_t crt)
{
  guint8 serial[64];
  size_t size = sizeof serial;
  GString *hex;
  gsize start = 0;

  if (gnutls_x509_crt_get_serial (crt, serial, &size) != GNUTLS_E_SUCCESS || size == 0)
    return g_strdup ("");

  /* DER keeps a leading zero byte for positive numbers with the top bit set. */
  while (start + 1 < size && serial[start] == 0)
    start++;

  hex = g_string_sized_new (2 * size);
  for (gsize i = start; i < size; i++)
    g_string_append_printf (hex, "%02x", serial[i]);

  return g_string_free (hex, FALSE);
}

void
dojang_x509_info_free (DojangX509Info *info)
{
  if (info == NULL)
    return;

  g_free (info->subject);
  g_free (info->issuer_dn);
  g_free (info->issuer_org);
  g_free (info->issuer_cn);
  g_free (info->policy_oid);
  g_free (info->serial);
  g_free (info->sha256);
  g_clear_pointer (&info->not_before, g_date_time_unref);
  g_clear_pointer (&info->not_after, g_date_time_unref);
  g_free (info);
}

/**
 * dojang_x509_info_parse:
 * @der: the DER encoding of an X.509 certificate
 * @error: a #DOJANG_CERTIFICATE_ERROR on failure
 *
 * Returns: (transfer full): the fields Dojang shows and matches on
 */
DojangX509Info *
dojang_x509_info_parse (GBytes  *der,
                        GError **error)
{
  g_autoptr(DojangX509Info) info = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t datum;
  gsize length = 0;
  const guint8 *data;
  gssize der_length;
  int ret;

  g_return_val_if_fail (der != NULL, NULL);

  data = g_bytes_get_data (der, &length);
  if (length == 0)
    {
      set_empty_error (error);
      return NULL;
    }

  if (looks_like_pem (data, length))
    {
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_PEM,
                           _("The certificate is in PEM text format; NPKI folders need the binary DER format."));
      return NULL;
    }

  der_length = outer_der_length (data, length);
  if (der_length == DER_TRUNCATED)
    {
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_TRUNCATED,
                           _("The certificate file is incomplete: it ends too early, perhaps because it was only partly copied."));
      return NULL;
    }

  if (der_length < 0 || length > G_MAXUINT || gnutls_x509_crt_init (&crt) != GNUTLS_E_SUCCESS)
    {
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_INVALID,
                           _("This is not a valid certificate file."));
      return NULL;
    }

  datum.data = (unsigned char *) data;
  datum.size = (unsigned int) length;
  ret = gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER);
  if (ret != GNUTLS_E_SUCCESS)
    {
      gnutls_x509_crt_deinit (crt);
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_INVALID,
                           _("This is not a valid certificate file."));
      return NULL;
    }

  info = g_new0 (DojangX509Info, 1);
  info->subject = dn_field (crt, FALSE, GNUTLS_OID_X520_COMMON_NAME);
  if (info->subject == NULL)
    info->subject = g_strdup ("");
  info->issuer_dn = issuer_dn (crt);
  info->issuer_org = dn_field (crt, TRUE, GNUTLS_OID_X520_ORGANIZATION_NAME);
  info->issuer_cn = dn_field (crt, TRUE, GNUTLS_OID_X520_COMMON_NAME);
  info->policy_oid = policy_oid (crt);
  info->serial = serial_hex (crt);
  /* The fingerprint is over the certificate's own bytes, not what follows. */
  info->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, der_length);
  info->not_before = g_date_time_new_from_unix_utc (gnutls_x509_crt_get_activation_time (crt));
  info->not_after = g_date_time_new_from_unix_utc (gnutls_x509_crt_get_expiration_time (crt));

  gnutls_x509_crt_deinit (crt);

  if (info->not_before == NULL || info->not_after == NULL)
    {
      g_set_error_literal (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_INVALID,
                           _("The certificate has no valid validity period."));
      return NULL;
    }

  return g_steal_pointer (&info);
}
