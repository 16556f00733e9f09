/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Looking up NPKI names in a folder. The folders come from Windows and USB
 * sticks with any capitalisation (NPKI, npki, User, SignCert.der, SIGNPRI.KEY),
 * so names are compared ignoring ASCII case. */

#include "config.h"

#include "dojang-npki-lookup.h"

static char *
find_ignoring_case (const char *folder,
                    const char *name,
                    gboolean    regular_only)
{
  g_autofree char *exact = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The name as written wins over other spellings of it in the same folder. */
  exact = g_build_filename (folder, name, NULL);
  if (g_file_test (exact, regular_only ? G_FILE_TEST_IS_REGULAR : G_FILE_TEST_EXISTS))
    return g_steal_pointer (&exact);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return NULL;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_ascii_strcasecmp (entry, name) != 0)
        continue;

      path = g_build_filename (folder, entry, NULL);
      if (!regular_only || g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/**
 * dojang_npki_find_entry:
 * @folder: the folder to look in
 * @name: the name wanted, e.g. "NPKI"
 *
 * Returns: (transfer full) (nullable): the path of the entry of @folder
 *   (of any kind) whose name is @name ignoring ASCII case, the exact
 *   spelling first, or %NULL
 */
char *
dojang_npki_find_entry (const char *folder,
                        const char *name)
{
  return find_ignoring_case (folder, name, FALSE);
}

/**
 * dojang_npki_find_file:
 * @folder: the folder to look in
 * @name: the name wanted, e.g. "signPri.key"
 *
 * Like dojang_npki_find_entry(), but only a regular file (or a link to one)
 * counts: a folder that happens to be called signPri.key is skipped.
 *
 * Returns: (transfer full) (nullable): the file's path, or %NULL
 */
char *
dojang_npki_find_file (const char *folder,
                       const char *name)
{
  return find_ignoring_case (folder, name, TRUE);
}
