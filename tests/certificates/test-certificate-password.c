/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Changing a certificate's password on real files: the new password opens
 * the key, the old one no longer does, the old key file is in the trash,
 * and a refusal changes nothing at all. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dojang-certificate-password.h"
#include "dojang-private-key.h"
#include "dojang-safe-file.h"
#include "certificate-folder-fixture.h"
#include "key-fixtures.h"

#define NEW_PASSWORD "Nxq7#kPz2@Wm"

static const char *fixtures;

typedef CertificateFolderFixture Fixture;

static void
set_up (Fixture    *fixture,
        const char *name,
        gboolean    with_km)
{
  certificate_folder_fixture_set_up (fixture, "password", name, with_km);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, data != NULL ? data : "seed-sha1", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  certificate_folder_fixture_tear_down (fixture);
}

static gboolean
opens (const char  *folder,
       const char  *key_name,
       const char  *password,
       GError     **error)
{
  g_autofree char *key = g_build_filename (folder, key_name, NULL);
  g_autofree char *cert = g_build_filename (folder, "signCert.der", NULL);

  return dojang_private_key_check (key, cert, password, strlen (password), error);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The folder's names, sorted, hidden ones too. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_change (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *trash_files = g_build_filename (g_get_user_data_dir (), "Trash", "files", NULL);
  g_autofree char *trashed = NULL;
  g_autofree char *old_key = g_build_filename (fixture->folder, "signPri.key", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GBytes) before = read_bytes (old_key);
  g_autoptr(GBytes) in_trash = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  g_assert_true (dojang_certificate_change_password (fixture->certificate, KEY_FIXTURE_PASSWORD,
                                                     strlen (KEY_FIXTURE_PASSWORD), NEW_PASSWORD,
                                                     strlen (NEW_PASSWORD), &kept, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (kept);

  g_assert_true (opens (fixture->folder, "signPri.key", NEW_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_false (opens (fixture->folder, "signPri.key", KEY_FIXTURE_PASSWORD, &error));
  g_assert_error (error, DOJANG_PRIVATE_KEY_ERROR, DOJANG_PRIVATE_KEY_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  /* The key-management key follows. */
  g_assert_true (opens (fixture->folder, "kmPri.key", NEW_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (old_key, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* Nothing else in the folder: the old keys are in the trash. */
  listing = list_folder (fixture->folder);
  g_assert_cmpstr (listing, ==, "kmCert.der kmPri.key signCert.der signPri.key");

  dir = g_dir_open (trash_files, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "signPri.key.old"))
        trashed = g_build_filename (trash_files, name, NULL);
    }
  g_assert_nonnull (trashed);
  in_trash = read_bytes (trashed);
  g_assert_true (g_bytes_equal (in_trash, before));
}

static void
assert_unchanged (Fixture    *fixture,
                  GBytes     *key_before,
                  const char *listing_before)
{
  g_autofree char *key = g_build_filename (fixture->folder, "signPri.key", NULL);
  g_autoptr(GBytes) key_after = read_bytes (key);
  g_autofree char *listing = list_folder (fixture->folder);

  g_assert_true (g_bytes_equal (key_after, key_before));
  g_assert_cmpstr (listing, ==, listing_before);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *key = g_build_filename (fixture->folder, "signPri.key", NULL);
  g_autoptr(GBytes) before = read_bytes (key);
  g_autofree char *listing = list_folder (fixture->folder);
  const struct
  {
    const char *old_password;
    const char *new_password;
    int         code;
    const char *message_part;
  } cases[] = {
    { "Wrong-Password1!", NEW_PASSWORD, DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD, "wrong" },
    /* A wrong old password is said first, before the new one's faults. */
    { "Wrong-Password1!", "short", DOJANG_CERTIFICATE_ERROR_WRONG_PASSWORD, "wrong" },
    { KEY_FIXTURE_PASSWORD, "short1!", DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED, "At least 10 characters" },
    { KEY_FIXTURE_PASSWORD, "Nxq7#kPz2@Wabc", DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED, "“abc”" },
    { KEY_FIXTURE_PASSWORD, "Nxq7#kPz2|Wm", DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED, "' \" \\ |" },
    { KEY_FIXTURE_PASSWORD, "도장비밀번호2026!", DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED, "no Korean letters" },
    { KEY_FIXTURE_PASSWORD, KEY_FIXTURE_PASSWORD, DOJANG_CERTIFICATE_ERROR_PASSWORD_REJECTED, "same" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;

      g_test_message ("%s → %s", cases[i].old_password, cases[i].new_password);
      g_assert_false (dojang_certificate_change_password (fixture->certificate, cases[i].old_password,
                                                          strlen (cases[i].old_password),
                                                          cases[i].new_password,
                                                          strlen (cases[i].new_password), &kept, NULL,
                                                          &error));
      g_assert_error (error, DOJANG_CERTIFICATE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      assert_unchanged (fixture, before, listing);
    }
}

/* Every format keeps its own scheme: seen through the checks above for the
 * seed-sha1 default; here the old SEED-CBC and a PBES2 AES key. */
static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_build_filename (fixture->folder, "signPri.key", NULL);
  const char *decrypt[] = { "python3", "FIXTURE/decrypt-key.py", key, NULL };
  const char *password = g_str_equal (data, "pbes2-aes256-sha256") ? KEY_FIXTURE_PASSWORD_KOREAN
                                                                  : KEY_FIXTURE_PASSWORD;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (key_fixtures_run (decrypt, password, &before), ==, 0);
  g_assert_true (dojang_certificate_change_password (fixture->certificate, password, strlen (password),
                                                     NEW_PASSWORD, strlen (NEW_PASSWORD), NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (key_fixtures_run (decrypt, NEW_PASSWORD, &after), ==, 0);

  /* Same first line (the format), same second line (the key). */
  g_assert_cmpstr (after, ==, before);
}

static void
test_no_key (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DojangCertificate) keyless = NULL;
  g_autofree char *key = g_build_filename (fixture->folder, "signPri.key", NULL);
  g_autofree char *cert = g_build_filename (fixture->folder, "signCert.der", NULL);

  g_assert_cmpint (g_unlink (key), ==, 0);
  keyless = dojang_certificate_new_from_file (cert, &error);
  g_assert_no_error (error);
  g_assert_false (dojang_certificate_change_password (keyless, KEY_FIXTURE_PASSWORD,
                                                      strlen (KEY_FIXTURE_PASSWORD), NEW_PASSWORD,
                                                      strlen (NEW_PASSWORD), NULL, NULL, &error));
  g_assert_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NO_PRIVATE_KEY);
}

static void
on_changed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  int *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_assert_true (dojang_certificate_change_password_finish (result, &kept, &error));
  g_assert_no_error (error);
  g_assert_null (kept);
  *done = 1;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char old_password[] = KEY_FIXTURE_PASSWORD;
  char new_password[] = NEW_PASSWORD;
  int done = 0;

  dojang_certificate_change_password_async (fixture->certificate, old_password, strlen (old_password),
                                            new_password, strlen (new_password), NULL, on_changed, &done);
  /* The task has its own copies: the caller wipes its buffers at once. */
  explicit_bzero (old_password, sizeof old_password);
  explicit_bzero (new_password, sizeof new_password);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (opens (fixture->folder, "signPri.key", NEW_PASSWORD, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fixtures = certificate_folder_fixture_keys ();

#define ADD(name, data, func) \
  g_test_add ("/dojang/certificate-password/" name, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("change", NULL, test_change);
  ADD ("refusals", NULL, test_refusals);
  ADD ("format/legacy-seed", "legacy-seed", test_formats);
  ADD ("format/pbes2-seed", "pbes2-seed", test_formats);
  ADD ("format/pbes2-aes256-sha256", "pbes2-aes256-sha256", test_formats);
  ADD ("no-key", NULL, test_no_key);
  ADD ("async", NULL, test_async);
#undef ADD

  return certificate_folder_fixture_run ();
}
