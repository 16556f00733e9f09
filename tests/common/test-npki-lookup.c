/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The case-insensitive NPKI name lookup shared by the scanner, the
 * certificate and the private-key check, on real folders. */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "dojang-npki-lookup.h"

typedef struct
{
  char *folder;
} Fixture;

static void
touch (const char *folder,
       const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "x", 1, &error);
  g_assert_no_error (error);
}

static void
make_folder (const char *folder,
             const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("dojang-npki-lookup-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
}

/* Returns the last path element of a found path, or NULL. */
static char *
found_name (char *path)
{
  g_autofree char *owned = path;

  return owned != NULL ? g_path_get_basename (owned) : NULL;
}

static void
test_odd_case (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *key = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *km_key = NULL;
  g_autofree char *npki = NULL;
  g_autofree char *user = NULL;

  touch (fixture->folder, "SIGNPRI.KEY");
  touch (fixture->folder, "sIgNcErT.dEr");
  touch (fixture->folder, "kmpri.key");
  make_folder (fixture->folder, "Npki");
  make_folder (fixture->folder, "uSER");

  key = found_name (dojang_npki_find_file (fixture->folder, "signPri.key"));
  cert = found_name (dojang_npki_find_file (fixture->folder, "signCert.der"));
  km_key = found_name (dojang_npki_find_file (fixture->folder, "kmPri.key"));
  npki = found_name (dojang_npki_find_entry (fixture->folder, "NPKI"));
  user = found_name (dojang_npki_find_entry (fixture->folder, "USER"));

  g_assert_cmpstr (key, ==, "SIGNPRI.KEY");
  g_assert_cmpstr (cert, ==, "sIgNcErT.dEr");
  g_assert_cmpstr (km_key, ==, "kmpri.key");
  g_assert_cmpstr (npki, ==, "Npki");
  g_assert_cmpstr (user, ==, "uSER");
}

/* Only the whole name counts, and only ASCII letters fold: a full-width
 * "Ｓ" is another letter, not an odd-case "S". */
static void
test_near_misses (Fixture       *fixture,
                  gconstpointer  data)
{
  touch (fixture->folder, "signCert.der.bak");
  touch (fixture->folder, "signCert.de");
  touch (fixture->folder, "xsignCert.der");
  touch (fixture->folder, "\xef\xbc\xb3ignCert.der");
  touch (fixture->folder, "signCert der");

  g_assert_null (dojang_npki_find_file (fixture->folder, "signCert.der"));
  g_assert_null (dojang_npki_find_entry (fixture->folder, "signCert.der"));
}

/* A folder called signPri.key is no key: the file with the same name in
 * another case is found instead, whatever order the folder lists them in. */
static void
test_folder_with_a_file_name (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *folder_only = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *file = NULL;

  make_folder (fixture->folder, "signCert.der");
  g_assert_null (dojang_npki_find_file (fixture->folder, "signCert.der"));
  folder_only = found_name (dojang_npki_find_entry (fixture->folder, "SIGNCERT.DER"));
  g_assert_cmpstr (folder_only, ==, "signCert.der");

  make_folder (fixture->folder, "signPri.key");
  touch (fixture->folder, "SignPri.Key");
  file = found_name (dojang_npki_find_file (fixture->folder, "signpri.key"));
  g_assert_cmpstr (file, ==, "SignPri.Key");
  entry = found_name (dojang_npki_find_entry (fixture->folder, "signpri.key"));
  g_assert_true (g_strcmp0 (entry, "SignPri.Key") == 0 || g_strcmp0 (entry, "signPri.key") == 0);
}

/* Two spellings of one name in the same folder: the one asked for wins,
 * whatever order the folder lists them in. */
static void
test_exact_spelling_first (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *upper = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *odd_cert = NULL;

  make_folder (fixture->folder, "NPKI");
  make_folder (fixture->folder, "npki");
  touch (fixture->folder, "signCert.der");
  touch (fixture->folder, "SIGNCERT.DER");

  upper = found_name (dojang_npki_find_entry (fixture->folder, "NPKI"));
  lower = found_name (dojang_npki_find_entry (fixture->folder, "npki"));
  cert = found_name (dojang_npki_find_file (fixture->folder, "signCert.der"));
  odd_cert = found_name (dojang_npki_find_file (fixture->folder, "SIGNCERT.DER"));

  g_assert_cmpstr (upper, ==, "NPKI");
  g_assert_cmpstr (lower, ==, "npki");
  g_assert_cmpstr (cert, ==, "signCert.der");
  g_assert_cmpstr (odd_cert, ==, "SIGNCERT.DER");
}

/* A link to a certificate is a certificate; a dangling link is an entry
 * (the scanner reports it) but no file. */
static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->folder, "real.der", NULL);
  g_autofree char *link = g_build_filename (fixture->folder, "SignCert.der", NULL);
  g_autofree char *dangling = g_build_filename (fixture->folder, "signpri.KEY", NULL);
  g_autofree char *cert = NULL;
  g_autofree char *key_entry = NULL;

  touch (fixture->folder, "real.der");
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (symlink ("nowhere", dangling), ==, 0);

  cert = found_name (dojang_npki_find_file (fixture->folder, "signCert.der"));
  g_assert_cmpstr (cert, ==, "SignCert.der");
  g_assert_null (dojang_npki_find_file (fixture->folder, "signPri.key"));
  key_entry = found_name (dojang_npki_find_entry (fixture->folder, "signPri.key"));
  g_assert_cmpstr (key_entry, ==, "signpri.KEY");
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *nowhere = g_build_filename (fixture->folder, "no-such-folder", NULL);
  g_autofree char *file = g_build_filename (fixture->folder, "plain-file", NULL);

  touch (fixture->folder, "plain-file");
  g_assert_null (dojang_npki_find_entry (nowhere, "NPKI"));
  g_assert_null (dojang_npki_find_file (nowhere, "signCert.der"));
  /* A file is not a folder to look in. */
  g_assert_null (dojang_npki_find_entry (file, "NPKI"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/dojang/npki-lookup/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("odd-case", test_odd_case);
  ADD ("near-misses", test_near_misses);
  ADD ("folder-with-a-file-name", test_folder_with_a_file_name);
  ADD ("exact-spelling-first", test_exact_spelling_first);
  ADD ("links", test_links);
  ADD ("missing-folder", test_missing_folder);
#undef ADD

  return g_test_run ();
}
