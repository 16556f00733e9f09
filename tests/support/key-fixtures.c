/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>
#include <string.h>

#include "key-fixtures.h"

/**
 * key_fixtures_create:
 *
 * Runs make-keys.py (found through $DOJANG_SOURCE_ROOT, or the source tree
 * this was built from) with $DOJANG_PYTHON into a new temporary folder.
 *
 * Returns: (transfer full): the folder; aborts the test on failure
 */
char *
key_fixtures_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *script = NULL;
  g_autofree char *err = NULL;
  const char *source_root = g_getenv ("DOJANG_SOURCE_ROOT");
  const char *python = g_getenv ("DOJANG_PYTHON");
  const char *argv[4] = { NULL };
  int status = 0;

  if (source_root == NULL)
    source_root = DOJANG_TEST_SOURCE_ROOT;
  if (python == NULL)
    python = DOJANG_TEST_PYTHON;

  dir = g_dir_make_tmp ("dojang-keys-XXXXXX", &error);
  g_assert_no_error (error);

  script = g_build_filename (source_root, "tests", "fixtures", "make-keys.py", NULL);
  argv[0] = python;
  argv[1] = script;
  argv[2] = dir;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("make-keys.py failed: %s\n%s", error->message, err);

  return g_steal_pointer (&dir);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

void
key_fixtures_remove (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);

  remove_tree (file);
}

/**
 * key_fixtures_run:
 * @argv: a command; "python3" as argv[0] stands for $DOJANG_PYTHON and a
 *   second word "FIXTURE/x.py" for tests/fixtures/x.py
 * @password: (nullable): put into $DOJANG_FIXTURE_PASSWORD for the command
 * @output: (out) (optional): what it printed, standard error after
 *   standard output (OpenSSL reports on standard error)
 *
 * Runs a tool the tests check Dojang's output with (OpenSSL, the fixture
 * scripts). A tool that cannot be started fails the test.
 *
 * Returns: its exit status
 */
int
key_fixtures_run (const char * const  *argv,
                  const char          *password,
                  char               **output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  const char *source_root = g_getenv ("DOJANG_SOURCE_ROOT");
  const char *python = g_getenv ("DOJANG_PYTHON");

  if (source_root == NULL)
    source_root = DOJANG_TEST_SOURCE_ROOT;
  if (python == NULL)
    python = DOJANG_TEST_PYTHON;

  for (gsize i = 0; argv[i] != NULL; i++)
    {
      if (i == 0 && g_str_equal (argv[i], "python3"))
        g_ptr_array_add (args, g_strdup (python));
      else if (i == 1 && g_str_has_prefix (argv[i], "FIXTURE/"))
        g_ptr_array_add (args, g_build_filename (source_root, "tests", "fixtures",
                                                 argv[i] + strlen ("FIXTURE/"), NULL));
      else
        g_ptr_array_add (args, g_strdup (argv[i]));
    }
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "DOJANG_FIXTURE_PASSWORD", password, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (output != NULL)
    *output = g_steal_pointer (&out);
  else if (out != NULL && *out != '\0')
    g_test_message ("%s: %s", argv[0], out);

  if (g_subprocess_get_if_signaled (process))
    return 128 + g_subprocess_get_term_sig (process);

  return g_subprocess_get_exit_status (process);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) len, &error);
  g_assert_no_error (error);
}

/**
 * key_fixtures_install:
 * @fixtures: the folder key_fixtures_create() made
 * @name: one of its key folders, e.g. "seed-sha1"
 * @root: where NPKI/ is or goes
 * @with_km: also install the pair as kmCert.der and kmPri.key
 *
 * Installs a fixture as NPKI software would:
 * ROOT/NPKI/yessign/USER/cn=…,o=yessign,c=KR/{signCert.der,signPri.key}.
 *
 * Returns: (transfer full): the certificate folder
 */
char *
key_fixtures_install (const char *fixtures,
                      const char *name,
                      const char *root,
                      gboolean    with_km)
{
  g_autofree char *source = g_build_filename (fixtures, name, NULL);
  char *folder = g_build_filename (root, "NPKI", "yessign", "USER", KEY_FIXTURE_SUBJECT_FOLDER, NULL);
  const char *names[][2] = {
    { "signCert.der", "signCert.der" },
    { "signPri.key", "signPri.key" },
    { "signCert.der", "kmCert.der" },
    { "signPri.key", "kmPri.key" },
  };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (gsize i = 0; i < (with_km ? 4 : 2); i++)
    {
      g_autofree char *from = g_build_filename (source, names[i][0], NULL);
      g_autofree char *to = g_build_filename (folder, names[i][1], NULL);

      copy_file (from, to);
    }

  return folder;
}
