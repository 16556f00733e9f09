/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Loading of the data files (providers.json, holidays.json): the copy
 * built into the GResource, unless the user put a valid one of their own
 * in $XDG_DATA_HOME/dojang/ (to fix a phone number before we release). */

#define G_LOG_DOMAIN "Dojang"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-data-error.h"
#include "dojang-data-file.h"

#define RESOURCE_DATA_PATH "/io/github/dojang/Dojang/data/"

char *
dojang_data_file_user_path (const char *file_name)
{
  return g_build_filename (g_get_user_data_dir (), "dojang", file_name, NULL);
}

/**
 * dojang_data_file_load:
 * @path: a data file on disk
 * @loader: parses its contents
 *
 * Returns: (transfer full) (nullable): what @loader made of the file
 */
gpointer
dojang_data_file_load (const char        *path,
                       DojangDataLoader   loader,
                       GError           **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE,
                   /* TRANSLATORS: file name, then the system's reason */
                   _("%s: cannot be read: %s"), basename, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return loader (bytes, basename, error);
}

/**
 * dojang_data_file_load_default:
 *
 * Loads the user's copy of @file_name if there is one and it is valid (a
 * broken copy is ignored with a warning naming the file and the field),
 * else the built-in one.
 *
 * Returns: (transfer full): the loaded data
 */
gpointer
dojang_data_file_load_default (const char       *file_name,
                               DojangDataLoader  loader)
{
  g_autofree char *user_path = dojang_data_file_user_path (file_name);
  g_autofree char *resource_path = g_strconcat (RESOURCE_DATA_PATH, file_name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gpointer loaded;

  if (g_file_test (user_path, G_FILE_TEST_EXISTS))
    {
      loaded = dojang_data_file_load (user_path, loader, &error);
      if (loaded != NULL)
        return loaded;

      g_warning ("Ignoring %s, using the built-in data: %s", user_path, error->message);
      g_clear_error (&error);
    }

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in %s is missing (%s): the resource is not registered", file_name, error->message);

  loaded = loader (bytes, file_name, &error);
  if (loaded == NULL)
    g_error ("The built-in %s is broken: %s", file_name, error->message);

  return loaded;
}
