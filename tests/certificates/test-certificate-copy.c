/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Copying a certificate folder to another root (a USB stick): identical
 * bytes, NPKI names in any case reused, nothing different overwritten. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "dojang-certificate-copy.h"
#include "dojang-safe-file.h"
#include "certificate-folder-fixture.h"
#include "key-fixtures.h"

static const char *fixtures;

typedef struct
{
  CertificateFolderFixture source;
  char                    *usb;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  certificate_folder_fixture_set_up (&fixture->source, "copy", "seed-sha1", TRUE);
  fixture->usb = g_build_filename (fixture->source.home, "usb", NULL);
  g_assert_cmpint (g_mkdir (fixture->usb, 0755), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  certificate_folder_fixture_tear_down (&fixture->source);
  g_free (fixture->usb);
}

static GBytes *
read_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
assert_same_files (const char *a,
                   const char *b)
{
  const char *names[] = { "signCert.der", "signPri.key", "kmCert.der", "kmPri.key" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) x = read_file (a, names[i]);
      g_autoptr(GBytes) y = read_file (b, names[i]);

      g_assert_true (g_bytes_equal (x, y));
    }
}

static void
assert_no_partials (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, DOJANG_SAFE_FILE_PARTIAL_PREFIX));
}

static void
test_to_usb (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) copy = NULL;
  g_autofree char *npki = g_build_filename (fixture->usb, "NPKI", NULL);
  g_autofree char *ca = g_build_filename (npki, "yessign", NULL);
  g_autofree char *user = g_build_filename (ca, "USER", NULL);
  g_autofree char *folder = g_build_filename (user, KEY_FIXTURE_SUBJECT_FOLDER, NULL);
  g_autofree char *key = g_build_filename (folder, "signPri.key", NULL);
  g_autofree char *km_key = g_build_filename (folder, "kmPri.key", NULL);
  g_autofree char *cert = g_build_filename (folder, "signCert.der", NULL);
  gboolean already_there = TRUE;

  copy = dojang_certificate_copy (fixture->source.certificate, fixture->usb, &already_there, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_false (already_there);

  g_assert_cmpstr (dojang_certificate_get_folder (copy), ==, folder);
  g_assert_cmpstr (dojang_certificate_get_sha256 (copy), ==, dojang_certificate_get_sha256 (fixture->source.certificate));
  g_assert_cmpstr (dojang_certificate_get_key_path (copy), ==, key);
  assert_same_files (fixture->source.folder, folder);

  assert_mode (npki, 0700);
  assert_mode (ca, 0700);
  assert_mode (user, 0700);
  assert_mode (folder, 0700);
  assert_mode (key, 0600);
  assert_mode (km_key, 0600);
  assert_mode (cert, 0644);
  assert_no_partials (user);
}

static void
test_already_there (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) first = NULL;
  g_autoptr(DojangCertificate) second = NULL;
  g_autoptr(DojangCertificate) onto_itself = NULL;
  gboolean already_there = FALSE;
  GStatBuf before;
  GStatBuf after;

  first = dojang_certificate_copy (fixture->source.certificate, fixture->usb, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dojang_certificate_get_key_path (first), &before), ==, 0);

  second = dojang_certificate_copy (fixture->source.certificate, fixture->usb, &already_there, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (already_there);
  g_assert_cmpstr (dojang_certificate_get_folder (second), ==, dojang_certificate_get_folder (first));
  g_assert_cmpint (g_stat (dojang_certificate_get_key_path (first), &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);

  /* The source's own root: it is there already. */
  already_there = FALSE;
  onto_itself = dojang_certificate_copy (fixture->source.certificate, fixture->source.home, &already_there, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (already_there);
  g_assert_cmpstr (dojang_certificate_get_folder (onto_itself), ==, fixture->source.folder);
}

/* A stick with "npki/YESSIGN/user" keeps one tree. */
static void
test_odd_case (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) copy = NULL;
  g_autofree char *user = g_build_filename (fixture->usb, "npki", "YESSIGN", "user", NULL);
  g_autofree char *expected = g_build_filename (user, KEY_FIXTURE_SUBJECT_FOLDER, NULL);
  g_autofree char *upper = g_build_filename (fixture->usb, "NPKI", NULL);
  g_autofree char *npki = g_build_filename (fixture->usb, "npki", NULL);

  g_assert_cmpint (g_mkdir_with_parents (user, 0755), ==, 0);
  copy = dojang_certificate_copy (fixture->source.certificate, fixture->usb, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dojang_certificate_get_folder (copy), ==, expected);
  g_assert_false (g_file_test (upper, G_FILE_TEST_EXISTS));

  /* An NPKI folder given as the root is used as it is. */
  g_clear_object (&copy);
  copy = dojang_certificate_copy (fixture->source.certificate, npki, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dojang_certificate_get_folder (copy), ==, expected);
}

static void
write_file (const char *folder,
            const char *name,
            GBytes     *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (contents, NULL), (gssize) g_bytes_get_size (contents), &error);
  g_assert_no_error (error);
}

static void
test_different_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_folder = g_build_filename (fixtures, "other-certificate", NULL);
  g_autofree char *target = g_build_filename (fixture->usb, "NPKI", "yessign", "USER",
                                              KEY_FIXTURE_SUBJECT_FOLDER, NULL);
  g_autoptr(GBytes) other_cert = read_file (other_folder, "signCert.der");
  g_autoptr(GBytes) other_key = read_file (fixtures, "pbes2-seed/signPri.key");
  g_autoptr(GBytes) cert = read_file (fixture->source.folder, "signCert.der");
  g_autoptr(GBytes) after = NULL;

  /* Another certificate where this one would go. */
  g_assert_cmpint (g_mkdir_with_parents (target, 0700), ==, 0);
  write_file (target, "signCert.der", other_cert);
  g_assert_null (dojang_certificate_copy (fixture->source.certificate, fixture->usb, NULL, NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS);
  g_clear_error (&error);
  after = read_file (target, "signCert.der");
  g_assert_true (g_bytes_equal (after, other_cert));

  /* This certificate, with another key file (another password). */
  write_file (target, "signCert.der", cert);
  write_file (target, "signPri.key", other_key);
  g_assert_null (dojang_certificate_copy (fixture->source.certificate, fixture->usb, NULL, NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "different key file"));
  g_clear_error (&error);
  g_clear_pointer (&after, g_bytes_unref);
  after = read_file (target, "signPri.key");
  g_assert_true (g_bytes_equal (after, other_key));
}

/* The same certificate under another folder name counts as there. */
static void
test_other_folder_name (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) first = NULL;
  g_autoptr(DojangCertificate) second = NULL;
  g_autofree char *renamed = NULL;
  gboolean already_there = FALSE;

  first = dojang_certificate_copy (fixture->source.certificate, fixture->usb, NULL, NULL, &error);
  g_assert_no_error (error);
  renamed = g_build_filename (fixture->usb, "NPKI", "yessign", "USER", "renamed", NULL);
  g_assert_cmpint (g_rename (dojang_certificate_get_folder (first), renamed), ==, 0);

  second = dojang_certificate_copy (fixture->source.certificate, fixture->usb, &already_there, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (already_there);
  g_assert_cmpstr (dojang_certificate_get_folder (second), ==, renamed);
}

/* A certificate outside an NPKI tree gets the usual names. */
static void
test_loose_certificate (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) loose = NULL;
  g_autoptr(DojangCertificate) copy = NULL;
  g_autofree char *loose_folder = g_build_filename (fixtures, "pbes2-seed", NULL);
  g_autofree char *expected = g_build_filename (fixture->usb, "NPKI", "yessign", "USER",
                                                KEY_FIXTURE_SUBJECT_FOLDER, NULL);

  loose = certificate_folder_fixture_load (loose_folder);
  copy = dojang_certificate_copy (loose, fixture->usb, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dojang_certificate_get_folder (copy), ==, expected);
  g_assert_null (dojang_certificate_get_km_key_path (copy));
}

static void
test_stale_partials (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) copy = NULL;
  g_autofree char *user = g_build_filename (fixture->usb, "NPKI", "yessign", "USER", NULL);
  /* Process 2^22 + 1 is above the default pid_max: it does not run. */
  g_autofree char *stale = g_build_filename (user, DOJANG_SAFE_FILE_PARTIAL_PREFIX "4194305-abcdef", NULL);
  g_autofree char *stale_file = g_build_filename (stale, "signPri.key", NULL);
  g_autofree char *live = g_strdup_printf ("%s/" DOJANG_SAFE_FILE_PARTIAL_PREFIX "1-abcdef", user);

  g_assert_cmpint (g_mkdir_with_parents (stale, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stale_file, "half", 4, NULL));
  g_assert_cmpint (g_mkdir (live, 0700), ==, 0);

  copy = dojang_certificate_copy (fixture->source.certificate, fixture->usb, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  /* Process 1 runs: its partial folder stays. */
  g_assert_true (g_file_test (live, G_FILE_TEST_IS_DIR));
}

static void
test_missing_root (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->source.home, "not-plugged-in", NULL);

  g_assert_null (dojang_certificate_copy (fixture->source.certificate, missing, NULL, NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
on_copied (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DojangCertificate **copy = user_data;
  g_autoptr(GError) error = NULL;
  gboolean already_there = TRUE;

  *copy = dojang_certificate_copy_finish (result, &already_there, &error);
  g_assert_no_error (error);
  g_assert_false (already_there);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DojangCertificate) copy = NULL;

  dojang_certificate_copy_async (fixture->source.certificate, fixture->usb, NULL, on_copied, &copy);
  while (copy == NULL)
    g_main_context_iteration (NULL, TRUE);

  assert_same_files (fixture->source.folder, dojang_certificate_get_folder (copy));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fixtures = certificate_folder_fixture_keys ();

#define ADD(name, func) \
  g_test_add ("/dojang/certificate-copy/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("to-usb", test_to_usb);
  ADD ("already-there", test_already_there);
  ADD ("odd-case", test_odd_case);
  ADD ("different-refused", test_different_refused);
  ADD ("other-folder-name", test_other_folder_name);
  ADD ("loose-certificate", test_loose_certificate);
  ADD ("stale-partials", test_stale_partials);
  ADD ("missing-root", test_missing_root);
  ADD ("async", test_async);
#undef ADD

  return certificate_folder_fixture_run ();
}
