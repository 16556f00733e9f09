/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Deleting a certificate moves its folder to the trash (the test's own
 * $XDG_DATA_HOME/Trash, the home file system's trash); undoing puts it
 * back with the same bytes. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dojang-certificate-trash.h"
#include "certificate-folder-fixture.h"
#include "key-fixtures.h"

static const char *fixtures;

typedef CertificateFolderFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  certificate_folder_fixture_set_up (fixture, "trash", "seed-sha1", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  certificate_folder_fixture_tear_down (fixture);
}

static char *
checksum_folder (const char *folder)
{
  const char *names[] = { "signCert.der", "signPri.key", "kmCert.der", "kmPri.key" };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_checksum_update (checksum, (const guchar *) contents, (gssize) len);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static guint
count_trash_info (void)
{
  g_autofree char *info = g_build_filename (g_get_user_data_dir (), "Trash", "info", NULL);
  g_autoptr(GDir) dir = g_dir_open (info, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_trash_and_restore (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_folder (fixture->folder);
  g_autofree char *after = NULL;
  g_autofree char *in_trash = g_build_filename (g_get_user_data_dir (), "Trash", "files",
                                                KEY_FIXTURE_SUBJECT_FOLDER, NULL);
  guint infos = count_trash_info ();

  g_assert_true (dojang_certificate_trash (fixture->certificate, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->folder, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (in_trash, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_trash_info (), ==, infos + 1);

  g_assert_true (dojang_certificate_untrash (fixture->folder, NULL, &error));
  g_assert_no_error (error);
  after = checksum_folder (fixture->folder);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (in_trash, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_trash_info (), ==, infos);

  /* Nothing left to restore. */
  g_assert_false (dojang_certificate_untrash (fixture->folder, NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_IN_TRASH);
}

/* Deleted twice: the undo brings back the latest deletion, and the trash
 * keeps the earlier one. */
static void
test_latest_restored (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) second = NULL;
  g_autofree char *marker = g_build_filename (fixture->folder, "kmPri.key.old", NULL);
  g_autofree char *info_folder = g_build_filename (g_get_user_data_dir (), "Trash", "info", NULL);
  g_autoptr(GRegex) date = g_regex_new ("DeletionDate=.*", 0, 0, NULL);
  g_autoptr(GDir) dir = NULL;
  guint infos = count_trash_info ();
  const char *name;

  g_assert_true (dojang_certificate_trash (fixture->certificate, NULL, &error));
  g_assert_no_error (error);

  /* The same folder again, now with a marker, deleted a moment later: the
   * deletion dates have one-second steps, so age the first one. */
  g_free (key_fixtures_install (fixtures, "seed-sha1", fixture->home, TRUE));
  g_assert_true (g_file_set_contents (marker, "second", 6, NULL));
  dir = g_dir_open (info_folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (info_folder, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *aged = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      if (strstr (text, "DeletionDate=2000") != NULL)
        continue;
      aged = g_regex_replace_literal (date, text, -1, 0, "DeletionDate=2000-01-01T00:00:00", 0, NULL);
      g_assert_true (g_file_set_contents (path, aged, -1, NULL));
    }
  second = certificate_folder_fixture_load (fixture->folder);
  g_assert_true (dojang_certificate_trash (second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_trash_info (), ==, infos + 2);

  g_assert_true (dojang_certificate_untrash (fixture->folder, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_trash_info (), ==, infos + 1);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) loose = NULL;
  g_autofree char *downloads = g_build_filename (fixture->home, "Downloads", NULL);
  g_autofree char *photo = g_build_filename (downloads, "photo.jpg", NULL);
  g_autofree char *cert_from = g_build_filename (fixture->folder, "signCert.der", NULL);
  g_autofree char *cert_to = g_build_filename (downloads, "signCert.der", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  /* A certificate loose among other files: the folder is not its own. */
  g_assert_cmpint (g_mkdir (downloads, 0700), ==, 0);
  g_assert_true (g_file_set_contents (photo, "jpeg", 4, NULL));
  g_assert_true (g_file_get_contents (cert_from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cert_to, contents, (gssize) len, NULL));
  loose = certificate_folder_fixture_load (downloads);
  g_assert_false (dojang_certificate_trash (loose, NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_SHARED_FOLDER);
  g_clear_error (&error);
  g_assert_true (g_file_test (photo, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (cert_to, G_FILE_TEST_EXISTS));

  /* Restoring onto something new at the same place. */
  g_assert_true (dojang_certificate_trash (fixture->certificate, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (fixture->folder, 0700), ==, 0);
  g_assert_false (dojang_certificate_untrash (fixture->folder, NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (fixture->folder), ==, 0);
  g_assert_true (dojang_certificate_untrash (fixture->folder, NULL, &error));
  g_assert_no_error (error);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) trashed = NULL;
  g_autoptr(GAsyncResult) restored = NULL;

  dojang_certificate_trash_async (fixture->certificate, NULL, on_done, &trashed);
  while (trashed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dojang_certificate_trash_finish (trashed, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->folder, G_FILE_TEST_EXISTS));

  dojang_certificate_untrash_async (fixture->folder, NULL, on_done, &restored);
  while (restored == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dojang_certificate_untrash_finish (restored, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->folder, G_FILE_TEST_IS_DIR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fixtures = certificate_folder_fixture_keys ();

#define ADD(name, func) \
  g_test_add ("/dojang/certificate-trash/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("trash-and-restore", test_trash_and_restore);
  ADD ("latest-restored", test_latest_restored);
  ADD ("refusals", test_refusals);
  ADD ("async", test_async);
#undef ADD

  return certificate_folder_fixture_run ();
}
