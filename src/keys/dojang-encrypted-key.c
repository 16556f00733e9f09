/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gcrypt.h>
#include <glib/gi18n.h>
#include <string.h>

#include "dojang-asn1.h"
#include "dojang-encrypted-key.h"
#include "dojang-key-algorithms.h"
#include "dojang-key-derivation.h"
#include "dojang-private-key.h"

/* Even a 16384-bit RSA key stays far below this. */
#define MAX_KEY_FILE_SIZE (64 * 1024)

/* Old keys encrypted with SEED-CBC (OID 1.2.410.200004.1.4, RFC 4010) at the
 * top level use this constant IV, as PyPinkSign's reader has it
 * (https://github.com/bandoche/PyPinkSign). */
static const guint8 legacy_seed_iv[DOJANG_SEED_BLOCK_LEN] = "0123456789012345";

struct _DojangEncryptedKey
{
  DojangKeyScheme         scheme;
  int                     prf_md;       /* PBES2 only */
  gboolean                prf_explicit; /* PBES2: the PRF is written out */
  gboolean                key_length;   /* PBES2: PBKDF2 states keyLength */
  const DojangCipherInfo *cipher;
  guint                   iterations;
  GBytes                 *salt;
  GBytes                 *iv;           /* PBES2 only */
  GBytes                 *ciphertext;
};

void
dojang_encrypted_key_free (DojangEncryptedKey *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->salt, g_bytes_unref);
  g_clear_pointer (&self->iv, g_bytes_unref);
  g_clear_pointer (&self->ciphertext, g_bytes_unref);
  g_free (self);
}

DojangKeyScheme
dojang_encrypted_key_get_scheme (const DojangEncryptedKey *self)
{
  return self->scheme;
}

guint
dojang_encrypted_key_get_iterations (const DojangEncryptedKey *self)
{
  return self->iterations;
}

/**
 * dojang_encrypted_key_get_format:
 * @format: (out caller-allocates): how the key is encrypted, less its salt
 *   and IV: what re-encrypting it "in its own format" keeps
 */
void
dojang_encrypted_key_get_format (const DojangEncryptedKey *self,
                                 DojangKeyFormat          *format)
{
  memset (format, 0, sizeof *format);
  format->scheme = self->scheme;
  format->iterations = self->iterations;
  format->salt_len = g_bytes_get_size (self->salt);
  if (self->scheme != DOJANG_KEY_SCHEME_PBES2)
    return;

  format->prf_md = self->prf_md;
  format->prf_explicit = self->prf_explicit;
  format->key_length = self->key_length;
  format->cipher_oid = self->cipher->oid;
}

static gboolean
set_damaged (GError **error)
{
  g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_DAMAGED,
                       _("The private key file is damaged or is not a private key."));
  return FALSE;
}

static gboolean
set_unsupported_algorithm (const char  *oid,
                           GError     **error)
{
  g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED,
               _("The private key is encrypted with an algorithm Dojang does not support (OID %s)."),
               oid);
  return FALSE;
}

static gboolean
read_iterations (DojangAsn1Node  *node,
                 const char      *name,
                 guint           *iterations,
                 GError         **error)
{
  guint64 value = 0;

  switch (dojang_asn1_read_uint64 (node, name, &value))
    {
    case DOJANG_ASN1_UINT_OK:
      break;
    case DOJANG_ASN1_UINT_TOO_BIG:
      value = G_MAXUINT64;
      break;
    case DOJANG_ASN1_UINT_MISSING:
    case DOJANG_ASN1_UINT_NEGATIVE:
    default:
      return set_damaged (error);
    }

  if (value == 0)
    {
      g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_DAMAGED,
                           _("The private key file is damaged: its key derivation has zero rounds."));
      return FALSE;
    }

  /* Running an absurd count would freeze the check for hours; refuse it. */
  if (value > DOJANG_PRIVATE_KEY_MAX_ITERATIONS)
    {
      g_set_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED,
                   _("The private key asks for more than %d key derivation rounds, which Dojang refuses to compute."),
                   DOJANG_PRIVATE_KEY_MAX_ITERATIONS);
      return FALSE;
    }

  *iterations = (guint) value;
  return TRUE;
}

static gboolean
read_salt (DojangAsn1Node  *node,
           const char      *name,
           GBytes         **salt,
           GError         **error)
{
  *salt = dojang_asn1_read_bytes (node, name);
  if (*salt == NULL || g_bytes_get_size (*salt) == 0)
    return set_damaged (error);

  return TRUE;
}

/* seedCBCWithSHA1 (1.2.410.200004.1.15) and the old top-level SEED-CBC both
 * carry params SEQUENCE { salt, iterations }, the PBES1 parameters of
 * RFC 8018, appendix A.3. */
static gboolean
parse_salt_and_iterations (DojangEncryptedKey  *self,
                           GBytes              *params,
                           GError             **error)
{
  g_autoptr(DojangAsn1Node) node = NULL;

  if (params == NULL)
    return set_damaged (error);

  node = dojang_asn1_decode ("SaltAndIterations", g_bytes_get_data (params, NULL),
                             g_bytes_get_size (params));
  if (node == NULL)
    return set_damaged (error);

  self->cipher = dojang_cipher_lookup (DOJANG_OID_SEED_CBC);

  return read_salt (node, "salt", &self->salt, error)
         && read_iterations (node, "iterationCount", &self->iterations, error);
}

static gboolean
parse_pbkdf2 (DojangEncryptedKey  *self,
              DojangAsn1Node      *pbes2,
              GError             **error)
{
  g_autoptr(DojangAsn1Node) node = NULL;
  g_autoptr(GBytes) params = NULL;
  g_autofree char *kdf_oid = NULL;
  g_autofree char *salt_choice = NULL;
  g_autofree char *prf_oid = NULL;
  guint64 key_len = 0;

  kdf_oid = dojang_asn1_read_oid (pbes2, "keyDerivationFunc.algorithm");
  if (kdf_oid == NULL)
    return set_damaged (error);
  if (strcmp (kdf_oid, DOJANG_OID_PBKDF2) != 0)
    return set_unsupported_algorithm (kdf_oid, error);

  params = dojang_asn1_read_bytes (pbes2, "keyDerivationFunc.parameters");
  if (params == NULL)
    return set_damaged (error);
  node = dojang_asn1_decode ("PBKDF2Params", g_bytes_get_data (params, NULL),
                             g_bytes_get_size (params));
  if (node == NULL)
    return set_damaged (error);

  salt_choice = dojang_asn1_read_choice (node, "salt");
  if (g_strcmp0 (salt_choice, "specified") != 0)
    {
      g_autofree char *source_oid = dojang_asn1_read_oid (node, "salt.otherSource.algorithm");

      if (source_oid == NULL)
        return set_damaged (error);
      return set_unsupported_algorithm (source_oid, error);
    }

  if (!read_salt (node, "salt.specified", &self->salt, error)
      || !read_iterations (node, "iterationCount", &self->iterations, error))
    return FALSE;

  self->prf_md = GCRY_MD_SHA1;
  prf_oid = dojang_asn1_read_oid (node, "prf.algorithm");
  if (prf_oid != NULL)
    {
      self->prf_md = dojang_prf_lookup (prf_oid);
      self->prf_explicit = TRUE;
      if (self->prf_md == 0)
        return set_unsupported_algorithm (prf_oid, error);
    }

  /* keyLength is optional; when present it must match the cipher. */
  switch (dojang_asn1_read_uint64 (node, "keyLength", &key_len))
    {
    case DOJANG_ASN1_UINT_MISSING:
      key_len = 0;
      break;
    case DOJANG_ASN1_UINT_OK:
      if (key_len == 0)
        return set_damaged (error);
      self->key_length = TRUE;
      break;
    case DOJANG_ASN1_UINT_NEGATIVE:
    case DOJANG_ASN1_UINT_TOO_BIG:
    default:
      return set_damaged (error);
    }

  if (key_len != 0 && key_len != self->cipher->key_len)
    return set_damaged (error);

  return TRUE;
}

static gboolean
parse_pbes2 (DojangEncryptedKey  *self,
             GBytes              *params,
             GError             **error)
{
  g_autoptr(DojangAsn1Node) node = NULL;
  g_autoptr(DojangAsn1Node) iv_node = NULL;
  g_autoptr(GBytes) iv_params = NULL;
  g_autofree char *cipher_oid = NULL;

  if (params == NULL)
    return set_damaged (error);

  node = dojang_asn1_decode ("PBES2Params", g_bytes_get_data (params, NULL),
                             g_bytes_get_size (params));
  if (node == NULL)
    return set_damaged (error);

  cipher_oid = dojang_asn1_read_oid (node, "encryptionScheme.algorithm");
  if (cipher_oid == NULL)
    return set_damaged (error);
  self->cipher = dojang_cipher_lookup (cipher_oid);
  if (self->cipher == NULL)
    return set_unsupported_algorithm (cipher_oid, error);

  if (!parse_pbkdf2 (self, node, error))
    return FALSE;

  iv_params = dojang_asn1_read_bytes (node, "encryptionScheme.parameters");
  if (iv_params == NULL)
    return set_damaged (error);
  iv_node = dojang_asn1_decode ("CipherIV", g_bytes_get_data (iv_params, NULL),
                                g_bytes_get_size (iv_params));
  if (iv_node == NULL)
    return set_damaged (error);
  self->iv = dojang_asn1_read_bytes (iv_node, "");
  if (self->iv == NULL || g_bytes_get_size (self->iv) != self->cipher->block_len)
    return set_damaged (error);

  return TRUE;
}

/**
 * dojang_encrypted_key_parse:
 *
 * Reads the encryption scheme and its parameters without deriving anything,
 * so unsupported and damaged files are told apart before a password is used.
 *
 * Returns: (transfer full) (nullable): the parsed key, or %NULL with @error
 *   set to %DOJANG_PRIVATE_KEY_ERROR_DAMAGED or _UNSUPPORTED
 */
DojangEncryptedKey *
dojang_encrypted_key_parse (const guint8  *der,
                            gsize          der_len,
                            GError       **error)
{
  g_autoptr(DojangEncryptedKey) self = NULL;
  g_autoptr(DojangAsn1Node) node = NULL;
  g_autoptr(GBytes) params = NULL;
  g_autofree char *oid = NULL;
  gboolean parsed;

  if (der_len == 0)
    {
      g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_DAMAGED,
                           _("The private key file is empty."));
      return NULL;
    }
  if (der_len > MAX_KEY_FILE_SIZE)
    {
      set_damaged (error);
      return NULL;
    }

  node = dojang_asn1_decode ("EncryptedPrivateKeyInfo", der, der_len);
  if (node == NULL)
    {
      set_damaged (error);
      return NULL;
    }

  self = g_new0 (DojangEncryptedKey, 1);
  oid = dojang_asn1_read_oid (node, "encryptionAlgorithm.algorithm");
  params = dojang_asn1_read_bytes (node, "encryptionAlgorithm.parameters");
  self->ciphertext = dojang_asn1_read_bytes (node, "encryptedData");
  if (oid == NULL || self->ciphertext == NULL)
    {
      set_damaged (error);
      return NULL;
    }

  if (strcmp (oid, DOJANG_OID_SEED_CBC_WITH_SHA1) == 0)
    {
      self->scheme = DOJANG_KEY_SCHEME_SEED_SHA1;
      parsed = parse_salt_and_iterations (self, params, error);
    }
  else if (strcmp (oid, DOJANG_OID_SEED_CBC) == 0)
    {
      self->scheme = DOJANG_KEY_SCHEME_LEGACY_SEED;
      parsed = parse_salt_and_iterations (self, params, error);
    }
  else if (strcmp (oid, DOJANG_OID_PBES2) == 0)
    {
      self->scheme = DOJANG_KEY_SCHEME_PBES2;
      parsed = parse_pbes2 (self, params, error);
    }
  else
    {
      parsed = set_unsupported_algorithm (oid, error);
    }

  if (!parsed)
    return NULL;

  if (g_bytes_get_size (self->ciphertext) == 0
      || g_bytes_get_size (self->ciphertext) % self->cipher->block_len != 0)
    {
      set_damaged (error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* Derives the cipher key and IV into @key (cipher->key_len bytes) and @iv
 * (cipher->block_len bytes), both secure buffers. */
static gboolean
derive_key_and_iv (const DojangEncryptedKey *self,
                   const guint8             *password,
                   gsize                     password_len,
                   guint8                   *key,
                   guint8                   *iv)
{
  gsize salt_len = 0;
  const guint8 *salt = g_bytes_get_data (self->salt, &salt_len);
  guint8 *dk;

  if (self->scheme == DOJANG_KEY_SCHEME_PBES2)
    {
      memcpy (iv, g_bytes_get_data (self->iv, NULL), self->cipher->block_len);
      return dojang_pbkdf2 (self->prf_md, password, password_len, salt, salt_len,
                            self->iterations, key, self->cipher->key_len);
    }

  dk = dojang_secure_alloc (DOJANG_SHA1_LEN);
  dojang_pbkdf1_sha1 (password, password_len, salt, salt_len, self->iterations, dk);
  memcpy (key, dk, DOJANG_SEED_BLOCK_LEN);
  if (self->scheme == DOJANG_KEY_SCHEME_SEED_SHA1)
    dojang_seed_iv_from_dk (dk, iv);
  else
    memcpy (iv, legacy_seed_iv, DOJANG_SEED_BLOCK_LEN);
  dojang_secure_free (dk, DOJANG_SHA1_LEN);

  return TRUE;
}

/* A PrivateKeyInfo starts with SEQUENCE { INTEGER 0|1, SEQUENCE … } whose
 * length fits the plaintext less 1 to block_len padding bytes. Random bytes
 * from a wrong key match this with negligible probability; a right key with
 * damage further on still does, which tells the two failures apart. So only
 * the tag of the algorithm SEQUENCE is looked at, not its length. */
static gboolean
starts_like_private_key_info (const guint8 *plain,
                              gsize         len,
                              gsize         block_len,
                              gsize        *der_len)
{
  gsize header = 0;
  gsize body = 0;
  gsize version_header = 0;
  gsize version_len = 0;
  const guint8 *after_version;
  unsigned char algorithm_class = 0;
  unsigned long algorithm_tag = 0;
  int algorithm_tag_len = 0;

  if (len < 16
      || !dojang_asn1_read_header (plain, len, ASN1_CLASS_STRUCTURED, ASN1_TAG_SEQUENCE,
                                   &header, &body))
    return FALSE;

  *der_len = header + body;
  if (*der_len >= len || *der_len + block_len < len)
    return FALSE;

  if (!dojang_asn1_read_header (plain + header, body, ASN1_CLASS_UNIVERSAL, ASN1_TAG_INTEGER,
                                &version_header, &version_len)
      || version_len != 1 || plain[header + version_header] > 1
      || version_header + version_len >= body)
    return FALSE;

  after_version = plain + header + version_header + version_len;
  return asn1_get_tag_der (after_version, (int) (body - version_header - version_len),
                           &algorithm_class, &algorithm_tag_len, &algorithm_tag) == ASN1_SUCCESS
         && algorithm_class == ASN1_CLASS_STRUCTURED && algorithm_tag == ASN1_TAG_SEQUENCE;
}

static gboolean
has_valid_padding (const guint8 *plain,
                   gsize         len,
                   gsize         der_len)
{
  guint8 pad = plain[len - 1];

  if (pad == 0 || len - der_len != pad)
    return FALSE;

  for (gsize i = der_len; i < len; i++)
    if (plain[i] != pad)
      return FALSE;

  return TRUE;
}

/**
 * dojang_encrypted_key_decrypt:
 * @plaintext: (out): the DER PrivateKeyInfo, in secure memory; release it
 *   with dojang_secure_free (*plaintext, *plaintext_len)
 *
 * Returns: %TRUE if @password opens the key; otherwise @error is
 *   %DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD, or _DAMAGED when the password
 *   is right but the encrypted data is broken
 */
gboolean
dojang_encrypted_key_decrypt (const DojangEncryptedKey  *self,
                              const guint8              *password,
                              gsize                      password_len,
                              guint8                   **plaintext,
                              gsize                     *plaintext_len,
                              GError                   **error)
{
  gsize len = 0;
  const guint8 *ciphertext = g_bytes_get_data (self->ciphertext, &len);
  gsize key_len = self->cipher->key_len;
  gsize block_len = self->cipher->block_len;
  guint8 *key = dojang_secure_alloc (key_len);
  guint8 *iv = dojang_secure_alloc (block_len);
  guint8 *buffer = dojang_secure_alloc (len);
  gcry_cipher_hd_t cipher = NULL;
  gcry_error_t gerr;
  gsize der_len = 0;
  gboolean ok = FALSE;

  if (!derive_key_and_iv (self, password, password_len, key, iv))
    {
      set_damaged (error);
      goto out;
    }

  gerr = gcry_cipher_open (&cipher, self->cipher->cipher_algo, GCRY_CIPHER_MODE_CBC,
                           GCRY_CIPHER_SECURE);
  if (gerr != 0)
    {
      set_unsupported_algorithm (self->cipher->oid, error);
      goto out;
    }

  /* 3DES flags weak keys but still sets them; a wrong password shows later. */
  gerr = gcry_cipher_setkey (cipher, key, key_len);
  if (gerr != 0 && gcry_err_code (gerr) != GPG_ERR_WEAK_KEY)
    {
      set_damaged (error);
      goto out;
    }

  if (gcry_cipher_setiv (cipher, iv, block_len) != 0
      || gcry_cipher_decrypt (cipher, buffer, len, ciphertext, len) != 0)
    {
      set_damaged (error);
      goto out;
    }

  if (!starts_like_private_key_info (buffer, len, block_len, &der_len))
    {
      g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD,
                           _("The password is wrong."));
      goto out;
    }

  if (!has_valid_padding (buffer, len, der_len))
    {
      g_set_error_literal (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_DAMAGED,
                           _("The password is right, but the private key file is damaged."));
      goto out;
    }

  *plaintext = dojang_secure_alloc (der_len);
  memcpy (*plaintext, buffer, der_len);
  *plaintext_len = der_len;
  ok = TRUE;

out:
  gcry_cipher_close (cipher);
  dojang_secure_free (buffer, len);
  dojang_secure_free (iv, block_len);
  dojang_secure_free (key, key_len);

  return ok;
}
