/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A certificate folder to a .pfx and back: OpenSSL reads the export, and
 * a .pfx made by OpenSSL becomes an NPKI folder whose key is in the Korean
 * PBES2/SEED form (checked by fixtures/decrypt-key.py) and opens. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dojang-certificate-pfx.h"
#include "dojang-key-derivation.h"
#include "dojang-private-key.h"
#include "dojang-safe-file.h"
#include "certificate-folder-fixture.h"
#include "key-fixtures.h"

static const char *fixtures;
static char *pfx_dir;
static JsonObject *pfx_expected;

typedef CertificateFolderFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  certificate_folder_fixture_set_up (fixture, "pfx", "seed-sha1", FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  certificate_folder_fixture_tear_down (fixture);
}

static const char *
expected_string (const char *member)
{
  return json_object_get_string_member (pfx_expected, member);
}

static char *
run_openssl (const char *password,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  char *output = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "openssl");
  va_start (args, password);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (key_fixtures_run ((const char * const *) argv->pdata, password, &output), ==, 0);
  return output;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pfx = g_build_filename (fixture->home, "홍길동.pfx", NULL);
  g_autofree char *key_pem = g_build_filename (fixture->home, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (fixture->folder, "signCert.der", NULL);
  g_autofree char *key_modulus = NULL;
  g_autofree char *cert_modulus = NULL;
  GStatBuf st;

  g_assert_true (dojang_certificate_export_pfx (fixture->certificate, pfx, KEY_FIXTURE_PASSWORD,
                                                strlen (KEY_FIXTURE_PASSWORD), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (pfx, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  g_free (run_openssl (KEY_FIXTURE_PASSWORD, "pkcs12", "-in", pfx, "-passin", "env:DOJANG_FIXTURE_PASSWORD",
                       "-nocerts", "-nodes", "-out", key_pem, NULL));
  key_modulus = run_openssl (NULL, "rsa", "-in", key_pem, "-noout", "-modulus", NULL);
  cert_modulus = run_openssl (NULL, "x509", "-inform", "DER", "-in", cert, "-noout", "-modulus", NULL);
  g_assert_cmpstr (key_modulus, ==, cert_modulus);
}

static void
test_export_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) keyless = NULL;
  g_autofree char *pfx = g_build_filename (fixture->home, "out.pfx", NULL);
  g_autofree char *key = g_build_filename (fixture->folder, "signPri.key", NULL);
  g_autofree char *cert = g_build_filename (fixture->folder, "signCert.der", NULL);
  g_autofree char *damaged = g_build_filename (fixtures, "damaged", "flipped-last.key", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_false (dojang_certificate_export_pfx (fixture->certificate, pfx, "Wrong-Password1!", 16, NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_false (g_file_test (pfx, G_FILE_TEST_EXISTS));

  /* Never replaced. */
  g_assert_true (g_file_set_contents (pfx, "mine", 4, NULL));
  g_assert_false (dojang_certificate_export_pfx (fixture->certificate, pfx, KEY_FIXTURE_PASSWORD,
                                                 strlen (KEY_FIXTURE_PASSWORD), NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (pfx, &contents, &len, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  g_unlink (pfx);

  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (damaged, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (key, contents, (gssize) len, NULL));
  g_assert_false (dojang_certificate_export_pfx (fixture->certificate, pfx, KEY_FIXTURE_PASSWORD,
                                                 strlen (KEY_FIXTURE_PASSWORD), NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_KEY_DAMAGED);
  g_clear_error (&error);

  g_unlink (key);
  keyless = dojang_certificate_new_from_file (cert, &error);
  g_assert_no_error (error);
  g_assert_false (dojang_certificate_export_pfx (keyless, pfx, KEY_FIXTURE_PASSWORD,
                                                 strlen (KEY_FIXTURE_PASSWORD), NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NO_PRIVATE_KEY);
  g_assert_false (g_file_test (pfx, G_FILE_TEST_EXISTS));
}

static DojangCertificate *
import (const char  *file,
        const char  *root,
        const char  *password,
        gboolean    *already_there,
        GError     **error)
{
  g_autofree char *path = g_build_filename (pfx_dir, file, NULL);

  return dojang_certificate_import_pfx (path, root, password, strlen (password), already_there, NULL, error);
}

static void
test_import_korean (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) imported = NULL;
  g_autoptr(DojangCertificate) again = NULL;
  g_autoptr(DojangCertificate) chain = NULL;
  g_autoptr(DojangCertificate) legacy = NULL;
  g_autofree char *folder = g_build_filename (fixture->home, "NPKI", "yessign", "USER",
                                              expected_string ("folder"), NULL);
  g_autofree char *key = g_build_filename (folder, "signPri.key", NULL);
  g_autofree char *cert = g_build_filename (folder, "signCert.der", NULL);
  g_autofree char *output = NULL;
  g_autofree char *other_root = g_build_filename (fixture->home, "other", NULL);
  const char *decrypt[] = { "python3", "FIXTURE/decrypt-key.py", key, NULL };
  gboolean already_there = TRUE;
  GStatBuf st;

  imported = import ("korean.pfx", fixture->home, expected_string ("password"), &already_there, &error);
  g_assert_no_error (error);
  g_assert_false (already_there);
  g_assert_cmpstr (dojang_certificate_get_folder (imported), ==, folder);
  g_assert_cmpstr (dojang_certificate_get_sha256 (imported), ==, expected_string ("sha256"));
  g_assert_cmpstr (dojang_certificate_get_key_path (imported), ==, key);
  g_assert_cmpint (g_stat (key, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0700);

  /* The form current Korean certificates have, with the .pfx's password. */
  g_assert_cmpint (key_fixtures_run (decrypt, expected_string ("password"), &output), ==, 0);
  g_assert_true (g_str_has_prefix (output,
                                   "pbes2 cipher=seed prf=sha1 prf_explicit=False key_length=16 salt=8 iterations=2048\n"));
  g_assert_true (dojang_private_key_check (key, cert, expected_string ("password"),
                                           strlen (expected_string ("password")), &error));
  g_assert_no_error (error);

  /* Again, and with the CA chain: the same certificate is already there. */
  again = import ("korean.pfx", fixture->home, expected_string ("password"), &already_there, &error);
  g_assert_no_error (error);
  g_assert_true (already_there);
  already_there = FALSE;
  chain = import ("chain.pfx", fixture->home, expected_string ("password"), &already_there, &error);
  g_assert_no_error (error);
  g_assert_true (already_there);
  g_assert_cmpstr (dojang_certificate_get_folder (chain), ==, folder);

  /* The old schemes import as well, here into another root. */
  g_assert_cmpint (g_mkdir (other_root, 0700), ==, 0);
  legacy = import ("korean-legacy.pfx", other_root, expected_string ("password"), &already_there, &error);
  g_assert_no_error (error);
  g_assert_false (already_there);
  g_assert_cmpstr (dojang_certificate_get_sha256 (legacy), ==, expected_string ("sha256"));
}

static void
test_import_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct
  {
    const char *file;
    const char *password;
    int         code;
  } cases[] = {
    { "korean.pfx", "Wrong-Password1!", DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD },
    { "korean-legacy.pfx", "Wrong-Password1!", DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD },
    { "random.pfx", KEY_FIXTURE_PASSWORD, DOJANG_CERTIFICATE_ERROR_KEY_DAMAGED },
    { "truncated.pfx", KEY_FIXTURE_PASSWORD, DOJANG_CERTIFICATE_ERROR_KEY_DAMAGED },
    { "no-key.pfx", KEY_FIXTURE_PASSWORD, DOJANG_CERTIFICATE_ERROR_KEY_DAMAGED },
    { "no-such.pfx", KEY_FIXTURE_PASSWORD, DOJANG_CERTIFICATE_ERROR_NOT_FOUND },
  };
  g_autofree char *npki = g_build_filename (fixture->home, "NPKI", NULL);
  g_autofree char *yessign = g_build_filename (npki, "yessign", "USER", NULL);
  g_autoptr(GDir) dir = NULL;
  guint entries = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].file);
      g_assert_null (import (cases[i].file, fixture->home, cases[i].password, NULL, &error));
      g_assert_error (error, DOJANG_CERTIFICATE_ERROR, cases[i].code);
    }

  /* Only the installed fixture is there. */
  dir = g_dir_open (yessign, 0, NULL);
  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    entries++;
  g_assert_cmpuint (entries, ==, 1);
}

/* Where the imported certificate's folder would go, another certificate. */
static void
test_import_different (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->home, "NPKI", "yessign", "USER",
                                              expected_string ("folder"), NULL);
  g_autofree char *source = g_build_filename (fixture->folder, "signCert.der", NULL);
  g_autofree char *target = g_build_filename (folder, "signCert.der", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize len = 0;
  gsize after_len = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (target, contents, (gssize) len, NULL));

  g_assert_null (import ("korean.pfx", fixture->home, expected_string ("password"), NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (target, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, contents, len);
}

/* Export then import elsewhere: the key inside is byte for byte the same,
 * with the NPKI attributes. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) imported = NULL;
  g_autofree char *pfx = g_build_filename (fixture->home, "round.pfx", NULL);
  g_autofree char *usb = g_build_filename (fixture->home, "usb", NULL);
  g_autofree char *old_key = NULL;
  g_autofree char *new_key = NULL;
  gsize old_len = 0;
  gsize new_len = 0;
  guint8 *old_info;
  guint8 *new_info;
  gsize old_info_len = 0;
  gsize new_info_len = 0;
  g_autoptr(GBytes) old_bytes = NULL;
  g_autoptr(GBytes) new_bytes = NULL;

  g_assert_true (dojang_certificate_export_pfx (fixture->certificate, pfx, KEY_FIXTURE_PASSWORD,
                                                strlen (KEY_FIXTURE_PASSWORD), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  imported = dojang_certificate_import_pfx (pfx, usb, KEY_FIXTURE_PASSWORD, strlen (KEY_FIXTURE_PASSWORD),
                                            NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (dojang_certificate_get_key_path (fixture->certificate), &old_key,
                                      &old_len, NULL));
  g_assert_true (g_file_get_contents (dojang_certificate_get_key_path (imported), &new_key, &new_len, NULL));
  old_bytes = g_bytes_new (old_key, old_len);
  new_bytes = g_bytes_new (new_key, new_len);
  old_info = dojang_private_key_open (old_bytes, NULL, KEY_FIXTURE_PASSWORD, strlen (KEY_FIXTURE_PASSWORD),
                                      NULL, &old_info_len, &error);
  g_assert_no_error (error);
  new_info = dojang_private_key_open (new_bytes, NULL, KEY_FIXTURE_PASSWORD, strlen (KEY_FIXTURE_PASSWORD),
                                      NULL, &new_info_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (new_info, new_info_len, old_info, old_info_len);
  dojang_secure_free (old_info, old_info_len);
  dojang_secure_free (new_info, new_info_len);
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
  fixtures = certificate_folder_fixture_keys ();
  pfx_dir = g_build_filename (fixtures, "openssl-pfx", NULL);
  {
    const char *make[] = { "python3", "FIXTURE/make-pfx.py", pfx_dir, NULL };

    g_assert_cmpint (key_fixtures_run (make, NULL, NULL), ==, 0);
  }
  expected_path = g_build_filename (pfx_dir, "expected.json", NULL);
  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  pfx_expected = json_node_get_object (json_parser_get_root (parser));

#define ADD(name, func) \
  g_test_add ("/dojang/certificate-pfx/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("export", test_export);
  ADD ("export-refusals", test_export_refusals);
  ADD ("import-korean", test_import_korean);
  ADD ("import-refusals", test_import_refusals);
  ADD ("import-different", test_import_different);
  ADD ("round-trip", test_round_trip);
#undef ADD

  status = certificate_folder_fixture_run ();
  g_free (pfx_dir);

  return status;
}
