/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "certificate-folder-fixture.h"
#include "key-fixtures.h"

static char *keys;

/**
 * certificate_folder_fixture_keys:
 *
 * Returns: the folder of the test program's key fixtures (see
 *   key_fixtures_create()), made on the first call
 */
const char *
certificate_folder_fixture_keys (void)
{
  if (keys == NULL)
    keys = key_fixtures_create ();

  return keys;
}

/**
 * certificate_folder_fixture_run:
 *
 * Runs the tests (g_test_run()), then removes the key fixtures.
 *
 * Returns: the exit status of the test program
 */
int
certificate_folder_fixture_run (void)
{
  int status = g_test_run ();

  if (keys != NULL)
    key_fixtures_remove (keys);
  g_clear_pointer (&keys, g_free);

  return status;
}

/**
 * certificate_folder_fixture_load:
 * @folder: a certificate folder
 *
 * Returns: (transfer full): the certificate of its signCert.der; the test
 *   fails if it cannot be read
 */
DojangCertificate *
certificate_folder_fixture_load (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, "signCert.der", NULL);
  DojangCertificate *certificate = dojang_certificate_new_from_file (path, &error);

  g_assert_no_error (error);
  return certificate;
}

/**
 * certificate_folder_fixture_set_up:
 * @prefix: how the fresh folder's name starts (the test's name)
 * @key_name: which of make-keys.py's keys, e.g. "seed-sha1"
 * @with_km: whether kmCert.der and kmPri.key are there too
 */
void
certificate_folder_fixture_set_up (CertificateFolderFixture *fixture,
                                   const char               *prefix,
                                   const char               *key_name,
                                   gboolean                  with_km)
{
  g_autofree char *pattern = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (g_get_home_dir (), pattern, NULL);

  fixture->home = g_mkdtemp (g_steal_pointer (&base));
  g_assert_nonnull (fixture->home);
  fixture->folder = key_fixtures_install (certificate_folder_fixture_keys (), key_name, fixture->home, with_km);
  fixture->certificate = certificate_folder_fixture_load (fixture->folder);
}

/* Removes the whole fresh folder, with whatever the test wrote there. */
void
certificate_folder_fixture_tear_down (CertificateFolderFixture *fixture)
{
  g_clear_object (&fixture->certificate);
  key_fixtures_remove (fixture->home);
  g_clear_pointer (&fixture->home, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}
