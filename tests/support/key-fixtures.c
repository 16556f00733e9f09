/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>

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
