/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gcrypt.h>
#include <glib/gi18n.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>

#include "dojang-asn1.h"
#include "dojang-key-derivation.h"
#include "dojang-private-key-info.h"
#include "dojang-private-key.h"

#define OID_RSA_ENCRYPTION "1.2.840.113549.1.1.1"

#define MAX_CERT_SIZE (1024 * 1024)

enum
{
  RSA_N,
  RSA_E,
  RSA_D,
  RSA_P,
  RSA_Q,
  RSA_DP,
  RSA_DQ,
  RSA_QINV,
  N_RSA_PARAMS
};

/* Field names of RSAPrivateKey, in the order above. */
static const char * const rsa_fields[N_RSA_PARAMS] = {
  "modulus", "publicExponent", "privateExponent", "prime1", "prime2",
  "exponent1", "exponent2", "coefficient",
};

typedef struct
{
  gcry_mpi_t param[N_RSA_PARAMS];
} RsaKey;

static void
rsa_key_clear (RsaKey *key)
{
  for (guint i = 0; i < N_RSA_PARAMS; i++)
    g_clear_pointer (&key->param[i], gcry_mpi_release);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RsaKey, rsa_key_clear)

static gboolean
set_damaged (GError **error)
{
  g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_DAMAGED,
                       _("The password is right, but the private key file is damaged."));
  return FALSE;
}

/* Whether libgcrypt takes the key: gcry_pk_testkey() checks n = p × q, and a
 * signature made with d alone fails unless d fits e, as libgcrypt checks
 * every signature it makes against n and e before returning it. */
static gboolean
gcrypt_accepts (const RsaKey *key)
{
  gcry_sexp_t secret = NULL;
  gcry_sexp_t exponent_only = NULL;
  gcry_sexp_t data = NULL;
  gcry_sexp_t signature = NULL;
  gcry_mpi_t probe = NULL;
  gboolean accepted = FALSE;

  if (gcry_sexp_build (&secret, NULL,
                       "(private-key (rsa (n %m) (e %m) (d %m) (p %m) (q %m) (u %m)))",
                       key->param[RSA_N], key->param[RSA_E], key->param[RSA_D],
                       key->param[RSA_P], key->param[RSA_Q], key->param[RSA_QINV]) != 0
      || gcry_pk_testkey (secret) != 0)
    goto out;

  /* Without p, q and u libgcrypt signs with d itself. Any number below n
   * will do; blinding is off as the number is no secret. The random bytes
   * fill whole octets, hence the cut below n's top bit. */
  probe = gcry_mpi_new (0);
  gcry_mpi_randomize (probe, gcry_mpi_get_nbits (key->param[RSA_N]), GCRY_WEAK_RANDOM);
  gcry_mpi_clear_highbit (probe, gcry_mpi_get_nbits (key->param[RSA_N]) - 1);
  accepted = gcry_sexp_build (&exponent_only, NULL, "(private-key (rsa (n %m) (e %m) (d %m)))",
                              key->param[RSA_N], key->param[RSA_E], key->param[RSA_D]) == 0
             && gcry_sexp_build (&data, NULL, "(data (flags raw no-blinding) (value %m))", probe) == 0
             && gcry_pk_sign (&signature, data, exponent_only) == 0;

out:
  gcry_mpi_release (probe);
  gcry_sexp_release (signature);
  gcry_sexp_release (data);
  gcry_sexp_release (exponent_only);
  gcry_sexp_release (secret);

  return accepted;
}

/* d mod (prime − 1) == exponent. */
static gboolean
crt_exponent_matches (const RsaKey *key,
                      gcry_mpi_t    prime,
                      gcry_mpi_t    exponent)
{
  gcry_mpi_t prime_minus_1 = gcry_mpi_snew (0);
  gcry_mpi_t reduced = gcry_mpi_snew (0);
  gboolean matches;

  gcry_mpi_sub_ui (prime_minus_1, prime, 1);
  gcry_mpi_mod (reduced, key->param[RSA_D], prime_minus_1);
  matches = gcry_mpi_cmp (reduced, exponent) == 0;

  gcry_mpi_release (reduced);
  gcry_mpi_release (prime_minus_1);

  return matches;
}

/* Whether the stored coefficient is @a⁻¹ mod @m. */
static gboolean
coefficient_is_inverse (const RsaKey *key,
                        gcry_mpi_t    a,
                        gcry_mpi_t    m)
{
  gcry_mpi_t inverse = gcry_mpi_snew (0);
  gboolean matches;

  matches = gcry_mpi_invm (inverse, a, m) && gcry_mpi_cmp (inverse, key->param[RSA_QINV]) == 0;
  gcry_mpi_release (inverse);

  return matches;
}

/* Every number of the key must agree with the others: a right password on a
 * damaged file can still leave a well-formed structure. libgcrypt checks n,
 * p, q, e and d; the CRT values that other software uses are compared here:
 * both exponents with d, and the coefficient, q⁻¹ mod p as PKCS #1 says
 * (RFC 8017, A.1.2) or p⁻¹ mod q as some older libraries store it. */
static gboolean
rsa_key_is_consistent (const RsaKey *key)
{
  /* p, q > 2 keep p − 1 and q − 1 above 1: libgcrypt aborts on a zero divisor. */
  if (gcry_mpi_cmp_ui (key->param[RSA_P], 2) <= 0 || gcry_mpi_cmp_ui (key->param[RSA_Q], 2) <= 0)
    return FALSE;

  return gcrypt_accepts (key)
         && crt_exponent_matches (key, key->param[RSA_P], key->param[RSA_DP])
         && crt_exponent_matches (key, key->param[RSA_Q], key->param[RSA_DQ])
         && (coefficient_is_inverse (key, key->param[RSA_Q], key->param[RSA_P])
             || coefficient_is_inverse (key, key->param[RSA_P], key->param[RSA_Q]));
}

static gboolean
read_rsa_key (const guint8  *rsa_der,
              gsize          rsa_der_len,
              RsaKey        *key,
              GError       **error)
{
  g_autoptr(DojangAsn1Node) node = NULL;
  g_autoptr(GBytes) other_primes = NULL;
  guint64 version = 0;

  node = dojang_asn1_decode ("RSAPrivateKey", rsa_der, rsa_der_len);
  if (node == NULL || dojang_asn1_read_uint64 (node, "version", &version) != DOJANG_ASN1_UINT_OK)
    return set_damaged (error);

  /* Multi-prime keys (version 1) never occur in NPKI. */
  other_primes = dojang_asn1_read_bytes (node, "otherPrimeInfos");
  if (version != 0 || other_primes != NULL)
    {
      g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED,
                   _("The private key is of a kind Dojang does not support (OID %s)."),
                   OID_RSA_ENCRYPTION);
      return FALSE;
    }

  for (guint i = 0; i < N_RSA_PARAMS; i++)
    {
      key->param[i] = dojang_asn1_read_mpi (node, rsa_fields[i]);
      if (key->param[i] == NULL)
        return set_damaged (error);
    }

  if (!rsa_key_is_consistent (key))
    return set_damaged (error);

  return TRUE;
}

static gboolean
datum_equals_mpi (const gnutls_datum_t *datum,
                  gcry_mpi_t            mpi)
{
  gcry_mpi_t value = NULL;
  gboolean equal;

  if (gcry_mpi_scan (&value, GCRYMPI_FMT_USG, datum->data, datum->size, NULL) != 0)
    return FALSE;
  equal = gcry_mpi_cmp (value, mpi) == 0;
  gcry_mpi_release (value);

  return equal;
}

/* Compares the certificate's RSA public key with the key's n and e. */
static gboolean
key_matches_certificate (const RsaKey  *key,
                         GBytes        *cert_der,
                         GError       **error)
{
  gnutls_x509_crt_t cert = NULL;
  gnutls_datum_t datum;
  gnutls_datum_t modulus = { NULL, 0 };
  gnutls_datum_t exponent = { NULL, 0 };
  gsize cert_len = 0;
  gboolean ok = FALSE;

  datum.data = (unsigned char *) g_bytes_get_data (cert_der, &cert_len);
  datum.size = (unsigned int) cert_len;

  if (cert_len == 0 || cert_len > MAX_CERT_SIZE
      || gnutls_x509_crt_init (&cert) < 0
      || gnutls_x509_crt_import (cert, &datum, GNUTLS_X509_FMT_DER) < 0)
    {
      g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR,
                           DOJANG_PRIVATE_KEY_ERROR_CERTIFICATE_DAMAGED,
                           _("The certificate beside the private key is damaged."));
      goto out;
    }

  ok = gnutls_x509_crt_get_pk_algorithm (cert, NULL) == GNUTLS_PK_RSA
       && gnutls_x509_crt_get_pk_rsa_raw (cert, &modulus, &exponent) >= 0
       && datum_equals_mpi (&modulus, key->param[RSA_N])
       && datum_equals_mpi (&exponent, key->param[RSA_E]);

  if (!ok)
    g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_KEY_MISMATCH,
                         _("The password is right, but the private key does not belong to this certificate."));

out:
  gnutls_free (modulus.data);
  gnutls_free (exponent.data);
  g_clear_pointer (&cert, gnutls_x509_crt_deinit);
  return ok;
}

/**
 * dojang_private_key_info_verify:
 * @der: a decrypted DER PrivateKeyInfo (RFC 5958)
 * @cert_der: (nullable): the certificate the key should belong to
 *
 * A right password yields a whole PrivateKeyInfo holding a consistent RSA key
 * whose public half is the certificate's, not just valid padding.
 *
 * Returns: %TRUE if all of that holds; otherwise %FALSE with
 *   %DOJANG_PRIVATE_KEY_ERROR_DAMAGED, _UNSUPPORTED, _KEY_MISMATCH or
 *   _CERTIFICATE_DAMAGED
 */
gboolean
dojang_private_key_info_verify (const guint8  *der,
                                gsize          der_len,
                                GBytes        *cert_der,
                                GError       **error)
{
  g_autoptr(DojangAsn1Node) node = NULL;
  g_autofree char *algorithm = NULL;
  g_auto(RsaKey) key = { { NULL } };
  guint8 *rsa_der;
  gsize rsa_der_len = 0;
  guint64 version = 0;
  gboolean ok;

  node = dojang_asn1_decode ("PrivateKeyInfo", der, der_len);
  if (node == NULL
      || dojang_asn1_read_uint64 (node, "version", &version) != DOJANG_ASN1_UINT_OK
      || version > 1
      || (algorithm = dojang_asn1_read_oid (node, "privateKeyAlgorithm.algorithm")) == NULL)
    return set_damaged (error);

  /* NPKI keys are RSA; anything else cannot be a Korean certificate's key. */
  if (strcmp (algorithm, OID_RSA_ENCRYPTION) != 0)
    {
      g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED,
                   _("The private key is of a kind Dojang does not support (OID %s)."),
                   algorithm);
      return FALSE;
    }

  rsa_der = dojang_asn1_read_secret (node, "privateKey", &rsa_der_len);
  if (rsa_der == NULL)
    return set_damaged (error);

  ok = read_rsa_key (rsa_der, rsa_der_len, &key, error);
  dojang_secure_free (rsa_der, rsa_der_len);
  if (!ok)
    return FALSE;

  return cert_der == NULL || key_matches_certificate (&key, cert_der, error);
}
