/* SPDX-License-Identifier: GPL-3.0-or-later */

/* .pfx export and import against OpenSSL: OpenSSL reads what Dojang writes
 * (certificate and key modulus match), and Dojang reads what OpenSSL writes
 * (fixtures/make-pfx.py), old schemes included. */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "dojang-key-derivation.h"
#include "dojang-pkcs12.h"
#include "dojang-private-key.h"
#include "key-fixtures.h"

static char *keys;
static char *pfx_dir;
static char *scratch;
static JsonObject *pfx_expected;

static GBytes *
read_bytes (const char *dir,
            const char *first,
            const char *second)
{
  g_autofree char *path = g_build_filename (dir, first, second, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* The seed-sha1 fixture's key, opened: a PrivateKeyInfo with the NPKI
 * identity-check attribute. */
static guint8 *
open_fixture_key (GBytes *cert_der,
                  gsize  *info_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key_der = read_bytes (keys, "seed-sha1", "signPri.key");
  guint8 *info;

  info = dojang_private_key_open (key_der, cert_der, KEY_FIXTURE_PASSWORD, strlen (KEY_FIXTURE_PASSWORD),
                                  NULL, info_len, &error);
  g_assert_no_error (error);

  return info;
}

static char *
export_fixture (const char *file_name,
                const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cert_der = read_bytes (keys, "seed-sha1", "signCert.der");
  g_autoptr(GBytes) pfx = NULL;
  char *path = g_build_filename (scratch, file_name, NULL);
  gsize info_len = 0;
  guint8 *info = open_fixture_key (cert_der, &info_len);

  pfx = dojang_pkcs12_export (cert_der, info, info_len, "홍길동", password, strlen (password), &error);
  dojang_secure_free (info, info_len);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pfx, NULL), (gssize) g_bytes_get_size (pfx), &error);
  g_assert_no_error (error);

  return path;
}

static char *
openssl (const char *password,
         int         expected_status,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  char *output = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "openssl");
  va_start (args, expected_status);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (key_fixtures_run ((const char * const *) argv->pdata, password, &output), ==,
                   expected_status);
  return output;
}

static void
export_read_by_openssl (const char *password)
{
  g_autofree char *pfx = export_fixture ("exported.pfx", password);
  g_autofree char *cert_path = g_build_filename (keys, "seed-sha1", "signCert.der", NULL);
  g_autofree char *cert_out = g_build_filename (scratch, "openssl-cert.der", NULL);
  g_autofree char *key_out = g_build_filename (scratch, "openssl-key.pem", NULL);
  g_autofree char *info = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *key_modulus = NULL;
  g_autofree char *cert_modulus = NULL;
  g_autoptr(GBytes) cert_der = read_bytes (keys, "seed-sha1", "signCert.der");
  g_autoptr(GBytes) openssl_cert = NULL;
  g_autofree char *pem_out = g_build_filename (scratch, "openssl-cert.pem", NULL);

  /* Default OpenSSL 3, no -legacy: the schemes are current ones. */
  info = openssl (password, 0, "pkcs12", "-in", pfx, "-passin", "env:DOJANG_FIXTURE_PASSWORD",
                  "-info", "-noout", NULL);
  g_free (openssl (password, 0, "pkcs12", "-in", pfx, "-passin", "env:DOJANG_FIXTURE_PASSWORD",
                   "-nokeys", "-clcerts", "-out", pem_out, NULL));
  g_free (openssl (NULL, 0, "x509", "-in", pem_out, "-outform", "DER", "-out", cert_out, NULL));
  openssl_cert = read_bytes (cert_out, NULL, NULL);
  g_assert_true (g_bytes_equal (openssl_cert, cert_der));

  g_free (openssl (password, 0, "pkcs12", "-in", pfx, "-passin", "env:DOJANG_FIXTURE_PASSWORD",
                   "-nocerts", "-nodes", "-out", key_out, NULL));
  key_modulus = openssl (NULL, 0, "rsa", "-in", key_out, "-noout", "-modulus", NULL);
  cert_modulus = openssl (NULL, 0, "x509", "-inform", "DER", "-in", cert_path, "-noout", "-modulus", NULL);
  g_assert_true (g_str_has_prefix (key_modulus, "Modulus="));
  g_assert_cmpstr (key_modulus, ==, cert_modulus);

  /* The wrong password gets nothing out of it. */
  ignored = openssl ("Wrong-Password1!", 1, "pkcs12", "-in", pfx, "-passin", "env:DOJANG_FIXTURE_PASSWORD",
                     "-nokeys", "-noout", NULL);
}

static void
test_export_openssl (void)
{
  export_read_by_openssl (KEY_FIXTURE_PASSWORD);
}

static void
test_export_openssl_korean_password (void)
{
  export_read_by_openssl (KEY_FIXTURE_PASSWORD_KOREAN);
}

static void
test_export_schemes (void)
{
  g_autofree char *pfx = export_fixture ("schemes.pfx", KEY_FIXTURE_PASSWORD);
  g_autofree char *info = openssl (KEY_FIXTURE_PASSWORD, 0, "pkcs12", "-in", pfx, "-passin",
                                   "env:DOJANG_FIXTURE_PASSWORD", "-info", "-noout", NULL);
  g_autofree char *listing = openssl (KEY_FIXTURE_PASSWORD, 0, "pkcs12", "-in", pfx, "-passin",
                                      "env:DOJANG_FIXTURE_PASSWORD", "-nokeys", "-clcerts", NULL);

  g_test_message ("%s", info);
  g_assert_nonnull (strstr (info, "MAC: sha256"));
  g_assert_nonnull (strstr (info, "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC"));
  g_assert_nonnull (strstr (info, "PRF hmacWithSHA256"));
  g_assert_null (strstr (info, "3DES"));
  g_assert_null (strstr (info, "RC2"));
  /* The friendly name and the local key ID pair certificate and key. */
  g_assert_nonnull (strstr (listing, "friendlyName: 홍길동"));
  g_assert_nonnull (strstr (listing, "localKeyID:"));
}

/* DER of OID 1.2.410.200004.10.1.1.3, the identity-check random number. */
static const guint8 vid_random_oid[] = {
  0x06, 0x0a, 0x2a, 0x83, 0x1a, 0x8c, 0x9a, 0x44, 0x0a, 0x01, 0x01, 0x03,
};

static gboolean
contains (const guint8 *data,
          gsize         len,
          const guint8 *part,
          gsize         part_len)
{
  for (gsize i = 0; i + part_len <= len; i++)
    if (memcmp (data + i, part, part_len) == 0)
      return TRUE;

  return FALSE;
}

/* Export then import gives back the very bytes: the NPKI attributes too. */
static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cert_der = read_bytes (keys, "seed-sha1", "signCert.der");
  g_autofree char *pfx_path = export_fixture ("round-trip.pfx", KEY_FIXTURE_PASSWORD_KOREAN);
  g_autoptr(GBytes) pfx = read_bytes (pfx_path, NULL, NULL);
  g_autoptr(GBytes) imported_cert = NULL;
  guint8 *original;
  gsize original_len = 0;
  guint8 *imported = NULL;
  gsize imported_len = 0;

  original = open_fixture_key (cert_der, &original_len);
  g_assert_true (dojang_pkcs12_import (pfx, KEY_FIXTURE_PASSWORD_KOREAN, strlen (KEY_FIXTURE_PASSWORD_KOREAN),
                                       &imported_cert, &imported, &imported_len, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (imported_cert, cert_der));
  g_assert_cmpmem (imported, imported_len, original, original_len);
  g_assert_true (contains (imported, imported_len, vid_random_oid, sizeof vid_random_oid));

  dojang_secure_free (original, original_len);
  dojang_secure_free (imported, imported_len);

  g_assert_false (dojang_pkcs12_import (pfx, KEY_FIXTURE_PASSWORD, strlen (KEY_FIXTURE_PASSWORD),
                                        &imported_cert, &imported, &imported_len, &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD);
}

typedef struct
{
  const char *file;
  gboolean    korean_password;
} OpensslPfx;

static const OpensslPfx openssl_files[] = {
  { "korean.pfx", FALSE },
  { "korean-legacy.pfx", FALSE },
  { "korean-password.pfx", TRUE },
  { "chain.pfx", FALSE },
};

static void
test_import_openssl (gconstpointer data)
{
  const OpensslPfx *file = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pfx = read_bytes (pfx_dir, file->file, NULL);
  g_autoptr(GBytes) cert_der = NULL;
  g_autofree char *sha256 = NULL;
  const char *password = json_object_get_string_member (pfx_expected,
                                                        file->korean_password ? "password_korean" : "password");
  guint8 *info = NULL;
  gsize info_len = 0;

  g_assert_true (dojang_pkcs12_import (pfx, password, strlen (password), &cert_der, &info, &info_len, &error));
  g_assert_no_error (error);

  /* The user's certificate, not the CA's, and a key that belongs to it. */
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, cert_der);
  g_assert_cmpstr (sha256, ==, json_object_get_string_member (pfx_expected, "sha256"));
  g_assert_nonnull (info);
  dojang_secure_free (info, info_len);

  g_assert_false (dojang_pkcs12_import (pfx, "Wrong-Password1!", 16, &cert_der, &info, &info_len, &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD);
}

static void
test_import_refusals (void)
{
  const char *password = json_object_get_string_member (pfx_expected, "password");
  const struct
  {
    const char *file;
    int         code;
  } cases[] = {
    { "random.pfx", DOJANG_PRIVATE_KEY_ERROR_DAMAGED },
    { "truncated.pfx", DOJANG_PRIVATE_KEY_ERROR_DAMAGED },
    { "no-key.pfx", DOJANG_PRIVATE_KEY_ERROR_UNSUPPORTED },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pfx = read_bytes (pfx_dir, cases[i].file, NULL);
      g_autoptr(GBytes) cert_der = NULL;
      guint8 *info = NULL;
      gsize info_len = 0;

      g_test_message ("%s", cases[i].file);
      g_assert_false (dojang_pkcs12_import (pfx, password, strlen (password), &cert_der, &info, &info_len,
                                            &error));
      g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, cases[i].code);
      g_assert_null (cert_der);
      g_assert_null (info);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *expected_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dojang_crypto_init ();
  keys = key_fixtures_create ();
  scratch = g_dir_make_tmp ("dojang-pkcs12-XXXXXX", &error);
  g_assert_no_error (error);
  pfx_dir = g_build_filename (scratch, "openssl", NULL);
  {
    const char *make[] = { "python3", "FIXTURE/make-pfx.py", pfx_dir, NULL };

    g_assert_cmpint (key_fixtures_run (make, NULL, NULL), ==, 0);
  }
  expected_path = g_build_filename (pfx_dir, "expected.json", NULL);
  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  pfx_expected = json_node_get_object (json_parser_get_root (parser));

  g_test_add_func ("/dojang/pkcs12/export/openssl", test_export_openssl);
  g_test_add_func ("/dojang/pkcs12/export/openssl-korean-password", test_export_openssl_korean_password);
  g_test_add_func ("/dojang/pkcs12/export/schemes", test_export_schemes);
  g_test_add_func ("/dojang/pkcs12/round-trip", test_round_trip);
  for (gsize i = 0; i < G_N_ELEMENTS (openssl_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/dojang/pkcs12/import/%s", openssl_files[i].file);

      g_test_add_data_func (name, &openssl_files[i], test_import_openssl);
    }
  g_test_add_func ("/dojang/pkcs12/import/refusals", test_import_refusals);

  status = g_test_run ();

  key_fixtures_remove (keys);
  key_fixtures_remove (scratch);
  g_free (keys);
  g_free (scratch);
  g_free (pfx_dir);

  return status;
}
