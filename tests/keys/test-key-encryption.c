/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Re-encrypting signPri.key: a changed password opens the key, the old one
 * no longer does, the key inside is byte for byte the same, and the format
 * is the key's own, as an independent reader (fixtures/decrypt-key.py,
 * python3-cryptography) and OpenSSL see it. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dojang-key-derivation.h"
#include "dojang-key-encryption.h"
#include "dojang-private-key.h"
#include "key-fixtures.h"

#define NEW_PASSWORD "Nxq7#kPz2@Wm"

static char *fixtures;
static char *scratch;

typedef struct
{
  const char *folder;
  const char *password;
} Key;

/* Every format make-keys.py writes, each re-encrypted in its own. */
static const Key keys[] = {
  { "seed-sha1", KEY_FIXTURE_PASSWORD },
  { "seed-sha1-korean", KEY_FIXTURE_PASSWORD_KOREAN },
  { "pbes2-seed", KEY_FIXTURE_PASSWORD },
  { "legacy-seed", KEY_FIXTURE_PASSWORD },
  { "pbes2-seed-default-prf", KEY_FIXTURE_PASSWORD },
  { "pbes2-aes128-sha512", KEY_FIXTURE_PASSWORD },
  { "pbes2-aes192-sha384", KEY_FIXTURE_PASSWORD },
  { "pbes2-aes256-sha256", KEY_FIXTURE_PASSWORD_KOREAN },
  { "pbes2-des3-sha224", KEY_FIXTURE_PASSWORD },
  { "openssl-pbes2-seed", KEY_FIXTURE_PASSWORD },
  { "openssl-pbes2-des3-sha512", KEY_FIXTURE_PASSWORD_KOREAN },
  { "cryptography-best-available", KEY_FIXTURE_PASSWORD },
};

static GBytes *
read_bytes (const char *folder,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixtures, folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static char *
write_scratch (const char *name,
               GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (scratch, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

static char *
to_hex (const guint8 *data,
        gsize         len)
{
  GString *hex = g_string_sized_new (len * 2);

  for (gsize i = 0; i < len; i++)
    g_string_append_printf (hex, "%02x", data[i]);

  return g_string_free (hex, FALSE);
}

static void
test_change (gconstpointer data)
{
  const Key *key = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old_der = read_bytes (key->folder, "signPri.key");
  g_autoptr(GBytes) cert_der = read_bytes (key->folder, "signCert.der");
  g_autoptr(GBytes) new_der = NULL;
  DojangKeyFormat before;
  DojangKeyFormat after;
  guint8 *info;
  gsize info_len = 0;

  new_der = dojang_private_key_change_password (old_der, cert_der, key->password, strlen (key->password),
                                                NEW_PASSWORD, strlen (NEW_PASSWORD), &error);
  g_assert_no_error (error);
  g_assert_nonnull (new_der);

  /* The new password opens it, the old one no longer does. */
  g_assert_true (dojang_private_key_check_bytes (new_der, cert_der, NEW_PASSWORD, strlen (NEW_PASSWORD), &error));
  g_assert_no_error (error);
  g_assert_false (dojang_private_key_check_bytes (new_der, cert_der, key->password, strlen (key->password),
                                                  &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* Same format, same size, new salt and ciphertext. */
  info = dojang_private_key_open (old_der, cert_der, key->password, strlen (key->password), &before,
                                  &info_len, &error);
  g_assert_no_error (error);
  dojang_secure_free (info, info_len);
  info = dojang_private_key_open (new_der, cert_der, NEW_PASSWORD, strlen (NEW_PASSWORD), &after,
                                  &info_len, &error);
  g_assert_no_error (error);
  dojang_secure_free (info, info_len);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  g_assert_cmpuint (g_bytes_get_size (new_der), ==, g_bytes_get_size (old_der));
  g_assert_false (g_bytes_equal (new_der, old_der));
}

/* decrypt-key.py's lines for @paths, all opened with @password. */
static char **
decrypt_independently (GPtrArray  *paths,
                       const char *password)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *output = NULL;
  char **lines;

  g_ptr_array_add (argv, (gpointer) "python3");
  g_ptr_array_add (argv, (gpointer) "FIXTURE/decrypt-key.py");
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (key_fixtures_run ((const char * const *) argv->pdata, password, &output), ==, 0);
  lines = g_strsplit (output, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2 * paths->len);

  return lines;
}

/* An independent reader (python3-cryptography) agrees that every changed
 * key has its old format and the same key inside: three runs of it for all
 * the keys, not two per key, to keep the test quick. */
static void
test_independent_reader (void)
{
  g_autoptr(GPtrArray) old_ascii = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) old_korean = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) ascii_lines = NULL;
  g_auto(GStrv) korean_lines = NULL;
  g_auto(GStrv) new_lines = NULL;
  guint ascii = 0;
  guint korean = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) old_der = read_bytes (keys[i].folder, "signPri.key");
      g_autoptr(GBytes) new_der = NULL;
      gboolean is_korean = g_str_equal (keys[i].password, KEY_FIXTURE_PASSWORD_KOREAN);
      g_autofree char *file_name = g_strconcat (keys[i].folder, ".key", NULL);

      new_der = dojang_private_key_change_password (old_der, NULL, keys[i].password, strlen (keys[i].password),
                                                    NEW_PASSWORD, strlen (NEW_PASSWORD), &error);
      g_assert_no_error (error);
      g_ptr_array_add (is_korean ? old_korean : old_ascii,
                       g_build_filename (fixtures, keys[i].folder, "signPri.key", NULL));
      g_ptr_array_add (changed, write_scratch (file_name, new_der));
    }

  ascii_lines = decrypt_independently (old_ascii, KEY_FIXTURE_PASSWORD);
  korean_lines = decrypt_independently (old_korean, KEY_FIXTURE_PASSWORD_KOREAN);
  new_lines = decrypt_independently (changed, NEW_PASSWORD);

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gboolean is_korean = g_str_equal (keys[i].password, KEY_FIXTURE_PASSWORD_KOREAN);
      char **old_lines = is_korean ? korean_lines : ascii_lines;
      guint old_index = is_korean ? korean++ : ascii++;

      g_test_message ("%s: %s", keys[i].folder, new_lines[2 * i]);
      g_assert_cmpstr (new_lines[2 * i], ==, old_lines[2 * old_index]);
      g_assert_cmpstr (new_lines[2 * i + 1], ==, old_lines[2 * old_index + 1]);
    }
}

/* An imported key gets the form of current Korean certificates, which
 * OpenSSL reads too (SEED needs its legacy provider). */
static void
test_npki_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old_der = read_bytes ("seed-sha1", "signPri.key");
  g_autoptr(GBytes) cert_der = read_bytes ("seed-sha1", "signCert.der");
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info_hex = NULL;
  g_autofree char *openssl_out = g_build_filename (scratch, "openssl-plain.der", NULL);
  DojangKeyFormat npki;
  guint8 *info;
  gsize info_len = 0;

  info = dojang_private_key_open (old_der, cert_der, KEY_FIXTURE_PASSWORD, strlen (KEY_FIXTURE_PASSWORD),
                                  NULL, &info_len, &error);
  g_assert_no_error (error);
  info_hex = to_hex (info, info_len);

  dojang_key_format_init_npki (&npki);
  sealed = dojang_private_key_seal (&npki, info, info_len, NEW_PASSWORD, strlen (NEW_PASSWORD), &error);
  g_assert_no_error (error);
  again = dojang_private_key_seal (&npki, info, info_len, NEW_PASSWORD, strlen (NEW_PASSWORD), &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (sealed, again));
  g_assert_true (dojang_private_key_check_bytes (sealed, cert_der, NEW_PASSWORD, strlen (NEW_PASSWORD), &error));
  g_assert_no_error (error);

  path = write_scratch ("npki.key", sealed);
  g_ptr_array_add (paths, g_strdup (path));
  lines = decrypt_independently (paths, NEW_PASSWORD);
  g_assert_cmpstr (lines[0], ==, "pbes2 cipher=seed prf=sha1 prf_explicit=False key_length=16 salt=8 iterations=2048");
  g_assert_cmpstr (lines[1], ==, info_hex);

  {
    const char *argv[] = { "openssl", "pkcs8", "-inform", "DER", "-in", path, "-outform", "DER",
                           "-out", openssl_out, "-passin", "env:DOJANG_FIXTURE_PASSWORD",
                           "-provider", "legacy", "-provider", "default", NULL };

    g_assert_cmpint (key_fixtures_run (argv, NEW_PASSWORD, NULL), ==, 0);
  }
  /* OpenSSL drops the attributes when it writes the key back out; the key
   * itself must be the certificate's. */
  {
    g_autofree char *cert_path = g_build_filename (fixtures, "seed-sha1", "signCert.der", NULL);
    const char *key_modulus[] = { "openssl", "rsa", "-inform", "DER", "-in", openssl_out, "-noout",
                                  "-modulus", NULL };
    const char *cert_modulus[] = { "openssl", "x509", "-inform", "DER", "-in", cert_path, "-noout",
                                   "-modulus", NULL };
    g_autofree char *from_key = NULL;
    g_autofree char *from_cert = NULL;

    g_assert_cmpint (key_fixtures_run (key_modulus, NULL, &from_key), ==, 0);
    g_assert_cmpint (key_fixtures_run (cert_modulus, NULL, &from_cert), ==, 0);
    g_assert_true (g_str_has_prefix (from_key, "Modulus="));
    g_assert_cmpstr (from_key, ==, from_cert);
  }

  dojang_secure_free (info, info_len);
}

static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key_der = read_bytes ("pbes2-seed", "signPri.key");
  g_autoptr(GBytes) cert_der = read_bytes ("pbes2-seed", "signCert.der");
  g_autoptr(GBytes) other_cert = read_bytes ("other-certificate", "signCert.der");
  g_autoptr(GBytes) damaged = read_bytes ("damaged", "flipped-last.key");

  g_assert_null (dojang_private_key_change_password (key_der, cert_der, "wrong-Password1", 15,
                                                     NEW_PASSWORD, strlen (NEW_PASSWORD), &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  g_assert_null (dojang_private_key_change_password (key_der, other_cert, KEY_FIXTURE_PASSWORD,
                                                     strlen (KEY_FIXTURE_PASSWORD), NEW_PASSWORD,
                                                     strlen (NEW_PASSWORD), &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_KEY_MISMATCH);
  g_clear_error (&error);

  g_assert_null (dojang_private_key_change_password (damaged, cert_der, KEY_FIXTURE_PASSWORD,
                                                     strlen (KEY_FIXTURE_PASSWORD), NEW_PASSWORD,
                                                     strlen (NEW_PASSWORD), &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_DAMAGED);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dojang_crypto_init ();
  fixtures = key_fixtures_create ();
  scratch = g_dir_make_tmp ("dojang-reencrypt-XXXXXX", &error);
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *name = g_strdup_printf ("/dojang/key-encryption/change/%s", keys[i].folder);

      g_test_add_data_func (name, &keys[i], test_change);
    }
  g_test_add_func ("/dojang/key-encryption/independent-reader", test_independent_reader);
  g_test_add_func ("/dojang/key-encryption/npki-format", test_npki_format);
  g_test_add_func ("/dojang/key-encryption/refusals", test_refusals);

  status = g_test_run ();

  key_fixtures_remove (fixtures);
  key_fixtures_remove (scratch);
  g_free (fixtures);
  g_free (scratch);

  return status;
}
