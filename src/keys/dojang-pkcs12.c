/* SPDX-License-Identifier: GPL-3.0-or-later */

/* PKCS#12 through GnuTLS's bag API. The key travels as the NPKI software
 * wrote it: a PrivateKeyInfo with its attributes, among them the random
 * number of the identity check (OID 1.2.410.200004.10.1.1.3) that Korean
 * sites verify. gnutls_x509_privkey_t and gnutls_pkcs12_simple_parse()
 * drop attributes, so the key bag is sealed and opened here with the
 * PBES2 code of signPri.key (AES-256, PBKDF2-HMAC-SHA256), which OpenSSL 3
 * and Windows read; only keys in the old PKCS#12 PBE schemes, which that code
 * does not know, are opened by GnuTLS, and lose their attributes. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>
#include <string.h>

#include "dojang-encrypted-key.h"
#include "dojang-key-derivation.h"
#include "dojang-key-encryption.h"
#include "dojang-pkcs12.h"
#include "dojang-private-key-info.h"
#include "dojang-private-key.h"

#define MAX_PFX_SIZE (1024 * 1024)
#define MAX_KEY_ID_SIZE 64

typedef struct
{
  GPtrArray *certificates;
  guint8    *key_info;
  gsize      key_info_len;
  guint      n_keys;
} Contents;

static void
contents_clear (Contents *contents)
{
  g_clear_pointer (&contents->certificates, g_ptr_array_unref);
  dojang_secure_free (contents->key_info, contents->key_info_len);
  contents->key_info = NULL;
}

/* GnuTLS's handle types are pointers to these. */
typedef struct gnutls_pkcs12_int GnutlsPkcs12;
typedef struct gnutls_pkcs12_bag_int GnutlsPkcs12Bag;
typedef struct gnutls_x509_crt_int GnutlsCrt;
typedef struct gnutls_x509_privkey_int GnutlsPrivkey;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GnutlsPkcs12, gnutls_pkcs12_deinit)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GnutlsPkcs12Bag, gnutls_pkcs12_bag_deinit)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GnutlsCrt, gnutls_x509_crt_deinit)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GnutlsPrivkey, gnutls_x509_privkey_deinit)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Contents, contents_clear)

/* GnuTLS wants a NUL-terminated password; a NUL inside cannot be passed. */
static char *
secure_c_string (const char *password,
                 gsize       password_len)
{
  char *copy;

  if (password_len > 0 && memchr (password, '\0', password_len) != NULL)
    return NULL;

  copy = dojang_secure_alloc (password_len + 1);
  if (password_len > 0)
    memcpy (copy, password, password_len);

  return copy;
}

static gboolean
set_damaged (GError **error)
{
  g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_DAMAGED,
                       _("The file is damaged or is not a .pfx/.p12 file."));
  return FALSE;
}

static gboolean
set_wrong_password (GError **error)
{
  g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD,
                       _("The password is wrong."));
  return FALSE;
}

static gboolean
set_gnutls_failed (int      ret,
                   GError **error)
{
  g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED,
               _("The .pfx file could not be made: %s"), gnutls_strerror (ret));
  return FALSE;
}

/**
 * dojang_pkcs12_export:
 * @cert_der: the certificate
 * @key_info: its private key, a DER PrivateKeyInfo (checked by the caller)
 * @friendly_name: (nullable): the name programs show for the pair
 * @password: the password's bytes (UTF-8) that protect the file
 *
 * Builds a .pfx: the certificate in a bag encrypted with PBES2 AES-256, the
 * key in a shrouded key bag, a local key ID pairing them, and an
 * HMAC-SHA-256 over the whole, all with @password.
 *
 * Returns: (transfer full) (nullable): the DER file contents
 */
GBytes *
dojang_pkcs12_export (GBytes        *cert_der,
                      const guint8  *key_info,
                      gsize          key_info_len,
                      const char    *friendly_name,
                      const char    *password,
                      gsize          password_len,
                      GError       **error)
{
  g_autoptr(GnutlsPkcs12) pkcs12 = NULL;
  g_autoptr(GnutlsPkcs12Bag) cert_bag = NULL;
  g_autoptr(GnutlsPkcs12Bag) key_bag = NULL;
  g_autoptr(GnutlsCrt) crt = NULL;
  g_autoptr(GBytes) shrouded = NULL;
  DojangKeyFormat format;
  gnutls_datum_t datum;
  gnutls_datum_t key_id;
  gnutls_datum_t out = { NULL, 0 };
  guint8 id[MAX_KEY_ID_SIZE];
  size_t id_size = sizeof id;
  gsize cert_len = 0;
  char *pass = NULL;
  GBytes *result = NULL;
  int cert_index;
  int key_index;
  int ret;

  g_return_val_if_fail (cert_der != NULL && key_info != NULL && key_info_len > 0, NULL);
  g_return_val_if_fail (password != NULL && password_len > 0, NULL);

  pass = secure_c_string (password, password_len);
  if (pass == NULL)
    {
      g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED,
                           _("A password with a NUL character cannot protect a .pfx file."));
      return NULL;
    }

  datum.data = (unsigned char *) g_bytes_get_data (cert_der, &cert_len);
  datum.size = (unsigned int) cert_len;
  if ((ret = gnutls_x509_crt_init (&crt)) < 0
      || (ret = gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_DER)) < 0
      || (ret = gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, id, &id_size)) < 0)
    {
      set_gnutls_failed (ret, error);
      goto out;
    }
  key_id.data = id;
  key_id.size = (unsigned int) id_size;

  dojang_key_format_init_pkcs12 (&format);
  shrouded = dojang_key_encrypt (&format, key_info, key_info_len, (const guint8 *) password,
                                 password_len, error);
  if (shrouded == NULL)
    goto out;

  if ((ret = gnutls_pkcs12_init (&pkcs12)) < 0
      || (ret = gnutls_pkcs12_bag_init (&cert_bag)) < 0
      || (ret = gnutls_pkcs12_bag_init (&key_bag)) < 0
      || (ret = cert_index = gnutls_pkcs12_bag_set_crt (cert_bag, crt)) < 0
      || (ret = gnutls_pkcs12_bag_set_key_id (cert_bag, (unsigned) cert_index, &key_id)) < 0)
    {
      set_gnutls_failed (ret, error);
      goto out;
    }

  datum.data = (unsigned char *) g_bytes_get_data (shrouded, NULL);
  datum.size = (unsigned int) g_bytes_get_size (shrouded);
  if ((ret = key_index = gnutls_pkcs12_bag_set_data (key_bag, GNUTLS_BAG_PKCS8_ENCRYPTED_KEY, &datum)) < 0
      || (ret = gnutls_pkcs12_bag_set_key_id (key_bag, (unsigned) key_index, &key_id)) < 0)
    {
      set_gnutls_failed (ret, error);
      goto out;
    }

  if (friendly_name != NULL
      && ((ret = gnutls_pkcs12_bag_set_friendly_name (cert_bag, (unsigned) cert_index, friendly_name)) < 0
          || (ret = gnutls_pkcs12_bag_set_friendly_name (key_bag, (unsigned) key_index, friendly_name)) < 0))
    {
      set_gnutls_failed (ret, error);
      goto out;
    }

  if ((ret = gnutls_pkcs12_bag_encrypt (cert_bag, pass, GNUTLS_PKCS_PBES2_AES_256)) < 0
      || (ret = gnutls_pkcs12_set_bag (pkcs12, cert_bag)) < 0
      || (ret = gnutls_pkcs12_set_bag (pkcs12, key_bag)) < 0
      || (ret = gnutls_pkcs12_generate_mac2 (pkcs12, GNUTLS_MAC_SHA256, pass)) < 0
      || (ret = gnutls_pkcs12_export2 (pkcs12, GNUTLS_X509_FMT_DER, &out)) < 0)
    {
      set_gnutls_failed (ret, error);
      goto out;
    }

  result = g_bytes_new (out.data, out.size);

out:
  gnutls_free (out.data);
  dojang_secure_free (pass, password_len + 1);
  return result;
}

/* A PrivateKeyInfo in secure memory, from a shrouded key bag. */
static guint8 *
open_shrouded_key (const gnutls_datum_t  *data,
                   const char            *pass,
                   gsize                  pass_len,
                   gsize                 *info_len,
                   GError               **error)
{
  g_autoptr(DojangEncryptedKey) key = NULL;
  g_autoptr(GnutlsPrivkey) privkey = NULL;
  g_autoptr(GError) local_error = NULL;
  gnutls_datum_t plain = { NULL, 0 };
  guint8 *info = NULL;

  key = dojang_encrypted_key_parse (data->data, data->size, &local_error);
  if (key != NULL)
    {
      if (!dojang_encrypted_key_decrypt (key, (const guint8 *) pass, pass_len, &info, info_len, error))
        return NULL;
      return info;
    }
  if (!g_error_matches (local_error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* PKCS#12's own PBE schemes (3DES, RC2): GnuTLS knows them. */
  if (gnutls_x509_privkey_init (&privkey) < 0)
    {
      set_damaged (error);
      return NULL;
    }
  if (gnutls_x509_privkey_import_pkcs8 (privkey, data, GNUTLS_X509_FMT_DER, pass, 0) < 0)
    {
      set_wrong_password (error);
      return NULL;
    }
  if (gnutls_x509_privkey_export2_pkcs8 (privkey, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN,
                                         &plain) < 0)
    {
      set_damaged (error);
      return NULL;
    }

  info = dojang_secure_alloc (plain.size);
  memcpy (info, plain.data, plain.size);
  *info_len = plain.size;
  explicit_bzero (plain.data, plain.size);
  gnutls_free (plain.data);

  return info;
}

static gboolean
take_key (Contents  *contents,
          guint8    *info,
          gsize      info_len)
{
  contents->n_keys++;
  if (contents->key_info != NULL)
    {
      dojang_secure_free (info, info_len);
      return FALSE;
    }

  contents->key_info = info;
  contents->key_info_len = info_len;
  return TRUE;
}

static gboolean
read_bag (gnutls_pkcs12_bag_t   bag,
          const char           *pass,
          gsize                 pass_len,
          Contents             *contents,
          GError              **error)
{
  int count;

  if (gnutls_pkcs12_bag_get_type (bag, 0) == GNUTLS_BAG_ENCRYPTED
      && gnutls_pkcs12_bag_decrypt (bag, pass) < 0)
    return set_wrong_password (error);

  count = gnutls_pkcs12_bag_get_count (bag);
  if (count < 0)
    return set_damaged (error);

  for (int i = 0; i < count; i++)
    {
      gnutls_datum_t data = { NULL, 0 };
      guint8 *info = NULL;
      gsize info_len = 0;
      int type = gnutls_pkcs12_bag_get_type (bag, (unsigned) i);

      if (gnutls_pkcs12_bag_get_data (bag, (unsigned) i, &data) < 0)
        return set_damaged (error);

      switch (type)
        {
        case GNUTLS_BAG_CERTIFICATE:
          g_ptr_array_add (contents->certificates, g_bytes_new (data.data, data.size));
          break;
        case GNUTLS_BAG_PKCS8_KEY:
          info = dojang_secure_alloc (data.size);
          memcpy (info, data.data, data.size);
          take_key (contents, info, data.size);
          break;
        case GNUTLS_BAG_PKCS8_ENCRYPTED_KEY:
          info = open_shrouded_key (&data, pass, pass_len, &info_len, error);
          if (info == NULL)
            return FALSE;
          take_key (contents, info, info_len);
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/**
 * dojang_pkcs12_import:
 * @pfx: the contents of a .pfx or .p12 file (DER)
 * @password: the password's bytes (UTF-8)
 * @cert_der: (out) (transfer full): the certificate that belongs to the key
 * @key_info: (out) (transfer full): the key, a DER PrivateKeyInfo in secure
 *   memory; release it with dojang_secure_free (*key_info, *key_info_len)
 *
 * Other certificates in the file (the CA chain) are left out.
 *
 * Returns: %TRUE, or %FALSE with %DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD,
 *   _DAMAGED, _UNSUPPORTED (not exactly one key) or _KEY_MISMATCH (no
 *   certificate of the key)
 */
gboolean
dojang_pkcs12_import (GBytes        *pfx,
                      const char    *password,
                      gsize          password_len,
                      GBytes       **cert_der,
                      guint8       **key_info,
                      gsize         *key_info_len,
                      GError       **error)
{
  g_autoptr(GnutlsPkcs12) pkcs12 = NULL;
  g_auto(Contents) contents = { NULL, NULL, 0, 0 };
  gnutls_datum_t datum;
  unsigned int mac = 0;
  gsize pfx_len = 0;
  char *pass;
  gboolean ok = FALSE;
  int ret;

  g_return_val_if_fail (pfx != NULL && cert_der != NULL && key_info != NULL, FALSE);
  g_return_val_if_fail (key_info_len != NULL, FALSE);
  g_return_val_if_fail (password != NULL || password_len == 0, FALSE);

  dojang_crypto_init ();

  datum.data = (unsigned char *) g_bytes_get_data (pfx, &pfx_len);
  datum.size = (unsigned int) pfx_len;
  if (pfx_len == 0 || pfx_len > MAX_PFX_SIZE
      || gnutls_pkcs12_init (&pkcs12) < 0
      || gnutls_pkcs12_import (pkcs12, &datum, GNUTLS_X509_FMT_DER, 0) < 0)
    return set_damaged (error);

  pass = secure_c_string (password, password_len);
  if (pass == NULL)
    return set_wrong_password (error);

  /* The MAC tells a wrong password from damage; files without one only
   * show a wrong password when a bag does not decrypt. */
  if (gnutls_pkcs12_mac_info (pkcs12, &mac, NULL, NULL, NULL, NULL) >= 0)
    {
      ret = gnutls_pkcs12_verify_mac (pkcs12, pass);
      if (ret == GNUTLS_E_MAC_VERIFY_FAILED)
        {
          set_wrong_password (error);
          goto out;
        }
      if (ret < 0)
        {
          set_damaged (error);
          goto out;
        }
    }

  contents.certificates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (unsigned i = 0;; i++)
    {
      g_autoptr(GnutlsPkcs12Bag) bag = NULL;

      if (gnutls_pkcs12_bag_init (&bag) < 0)
        {
          set_damaged (error);
          goto out;
        }
      ret = gnutls_pkcs12_get_bag (pkcs12, (int) i, bag);
      if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        break;
      if (ret < 0)
        {
          set_damaged (error);
          goto out;
        }
      if (!read_bag (bag, pass, password_len, &contents, error))
        goto out;
    }

  if (contents.n_keys != 1)
    {
      g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED,
                   contents.n_keys == 0
                   ? _("The .pfx file holds no private key.")
                   : _("The .pfx file holds several private keys; Dojang imports files with one."));
      goto out;
    }

  for (guint i = 0; i < contents.certificates->len; i++)
    {
      GBytes *candidate = g_ptr_array_index (contents.certificates, i);

      if (dojang_private_key_info_verify (contents.key_info, contents.key_info_len, candidate, NULL))
        {
          *cert_der = g_bytes_ref (candidate);
          *key_info = g_steal_pointer (&contents.key_info);
          *key_info_len = contents.key_info_len;
          ok = TRUE;
          goto out;
        }
    }

  /* Tell a damaged key from a missing certificate. */
  if (dojang_private_key_info_verify (contents.key_info, contents.key_info_len, NULL, error))
    g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_KEY_MISMATCH,
                         _("The .pfx file holds a private key but not its certificate."));

out:
  dojang_secure_free (pass, password_len + 1);
  return ok;
}
