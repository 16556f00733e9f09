/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dojang-npki-folder.h"

/**
 * dojang_npki_find_entry:
 * @folder: the folder to look in
 * @name: the name wanted, e.g. "NPKI"
 *
 * Returns: (transfer full) (nullable): the path of the entry of @folder
 *   whose name equals @name ignoring ASCII case (the exact name first), or
 *   %NULL when there is none
 */
char *
dojang_npki_find_entry (const char *folder,
                        const char *name)
{
  g_autofree char *exact = g_build_filename (folder, name, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  g_return_val_if_fail (folder != NULL && name != NULL, NULL);

  if (g_file_test (exact, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&exact);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return NULL;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      if (g_ascii_strcasecmp (entry, name) == 0)
        return g_build_filename (folder, entry, NULL);
    }

  return NULL;
}

/**
 * dojang_npki_find_file:
 *
 * Like dojang_npki_find_entry(), but only a regular file (or a link to one)
 * counts.
 *
 * Returns: (transfer full) (nullable): the file's path
 */
char *
dojang_npki_find_file (const char *folder,
                       const char *name)
{
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  g_return_val_if_fail (folder != NULL && name != NULL, NULL);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return NULL;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_ascii_strcasecmp (entry, name) != 0)
        continue;

      path = g_build_filename (folder, entry, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  return NULL;
}
