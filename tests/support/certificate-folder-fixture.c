/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "certificate-folder-fixture.h"
#include "key-fixtures.h"

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
 * @fixtures: from key_fixtures_create()
 * @prefix: how the fresh folder's name starts (the test's name)
 * @key_name: which of make-keys.py's keys, e.g. "seed-sha1"
 * @with_km: whether kmCert.der and kmPri.key are there too
 */
void
certificate_folder_fixture_set_up (CertificateFolderFixture *fixture,
                                   const char               *fixtures,
                                   const char               *prefix,
                                   const char               *key_name,
                                   gboolean                  with_km)
{
  g_autofree char *pattern = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (g_get_home_dir (), pattern, NULL);

  fixture->home = g_mkdtemp (g_steal_pointer (&base));
  g_assert_nonnull (fixture->home);
  fixture->folder = key_fixtures_install (fixtures, key_name, fixture->home, with_km);
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
