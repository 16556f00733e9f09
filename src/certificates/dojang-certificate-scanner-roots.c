/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Where the scanner looks by default (see dojang-certificate-scanner.h).
 * Linux has no one place for NPKI folders: ~/NPKI is the common one, some
 * distributions keep ~/PKI/NPKI, HamoniKR has a /vusb virtual stick
 * (github.com/Opensource-OS/Community issue 12), and USB sticks carry an
 * NPKI folder at their top. Letter case varies everywhere. */

#include "config.h"

#include <gio/gunixmounts.h>

#include "dojang-certificate-scanner.h"
#include "dojang-npki-lookup.h"
#include "dojang-settings.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every folder of @parent named NPKI in any case: there can be more than
 * one (a Flatpak sandbox shows an empty ~/NPKI mount point beside ~/npki). */
static void
add_npki_folders (GPtrArray  *roots,
                  const char *parent)
{
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_ascii_strcasecmp (name, "NPKI") != 0)
        continue;
      path = g_build_filename (parent, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }

  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (roots, g_strdup (g_ptr_array_index (found, i)));
}

static void
add_media_folders (GPtrArray  *roots,
                   const char *media)
{
  g_autoptr(GDir) dir = g_dir_open (media, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *mount = g_build_filename (media, name, NULL);

      add_npki_folders (roots, mount);
    }
}

/* Every mounted volume, also those the volume monitor does not show (a
 * stick mounted by hand, a /vusb mount), but not the system's own. */
static void
add_mounted_volumes (GPtrArray *roots)
{
  GList *mounts = g_unix_mounts_get (NULL);

  for (GList *l = mounts; l != NULL; l = l->next)
    {
      GUnixMountEntry *mount = l->data;

      if (!g_unix_mount_is_system_internal (mount))
        add_npki_folders (roots, g_unix_mount_get_mount_path (mount));
    }
  g_list_free_full (mounts, (GDestroyNotify) g_unix_mount_free);
}

static void
add_monitored_volumes (GPtrArray *roots)
{
  g_autoptr(GVolumeMonitor) monitor = g_volume_monitor_get ();
  GList *mounts = g_volume_monitor_get_mounts (monitor);

  for (GList *l = mounts; l != NULL; l = l->next)
    {
      g_autoptr(GFile) root = g_mount_get_root (l->data);
      g_autofree char *path = g_file_get_path (root);

      if (path != NULL)
        add_npki_folders (roots, path);
    }
  g_list_free_full (mounts, g_object_unref);
}

static gboolean
contains_path (GPtrArray  *paths,
               const char *path)
{
  for (guint i = 0; i < paths->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (paths, i), path) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * dojang_certificate_scanner_media_folders:
 *
 * Returns: (transfer full): where removable media are mounted for this
 *   user: /media/$USER (Debian, Ubuntu) and /run/media/$USER (Fedora)
 */
char **
dojang_certificate_scanner_media_folders (void)
{
  char **folders = g_new0 (char *, 3);

  folders[0] = g_build_filename ("/media", g_get_user_name (), NULL);
  folders[1] = g_build_filename ("/run/media", g_get_user_name (), NULL);

  return folders;
}

/**
 * dojang_certificate_scanner_find_roots:
 * @media_folders: (nullable): where removable media are mounted, or %NULL
 *   for dojang_certificate_scanner_media_folders()
 * @extra_folders: (nullable): folders the user added (the `certificate-folders` setting)
 *
 * The places Dojang looks: ~/NPKI (listed even when it does not exist, so
 * the user is told), ~/PKI/NPKI, the NPKI folder of /vusb, of every medium
 * under @media_folders, of every mount the volume monitor knows and of
 * every other mounted volume, then @extra_folders. Names match in any
 * letter case. Call it from the main thread.
 *
 * Returns: (transfer full): the roots, without duplicates
 */
char **
dojang_certificate_scanner_find_roots (const char * const *media_folders,
                                       const char * const *extra_folders)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) roots = NULL;
  g_auto(GStrv) standard_media = NULL;
  g_autofree char *pki = NULL;

  add_npki_folders (found, g_get_home_dir ());
  if (found->len == 0)
    g_ptr_array_add (found, g_build_filename (g_get_home_dir (), "NPKI", NULL));

  pki = dojang_npki_find_entry (g_get_home_dir (), "PKI");
  if (pki != NULL)
    add_npki_folders (found, pki);
  add_npki_folders (found, "/vusb");

  if (media_folders == NULL)
    {
      standard_media = dojang_certificate_scanner_media_folders ();
      media_folders = (const char * const *) standard_media;
    }
  for (guint i = 0; media_folders[i] != NULL; i++)
    add_media_folders (found, media_folders[i]);
  add_monitored_volumes (found);
  add_mounted_volumes (found);

  for (guint i = 0; extra_folders != NULL && extra_folders[i] != NULL; i++)
    {
      if (*extra_folders[i] != '\0')
        g_ptr_array_add (found, g_strdup (extra_folders[i]));
    }

  roots = g_ptr_array_new ();
  for (guint i = 0; i < found->len; i++)
    {
      char *path = g_ptr_array_index (found, i);

      if (!contains_path (roots, path))
        g_ptr_array_add (roots, g_strdup (path));
    }
  g_ptr_array_add (roots, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&roots), FALSE);
}

/**
 * dojang_certificate_scanner_default_roots:
 * @extra_folders: (nullable): folders the user added (the `certificate-folders` setting)
 *
 * dojang_certificate_scanner_find_roots() with the usual media folders.
 *
 * Returns: (transfer full): the roots, without duplicates
 */
char **
dojang_certificate_scanner_default_roots (const char * const *extra_folders)
{
  return dojang_certificate_scanner_find_roots (NULL, extra_folders);
}

static char **
user_folders (void)
{
  g_autoptr(GSettings) settings = dojang_settings_new_if_installed ("certificate-folders");

  return settings != NULL ? g_settings_get_strv (settings, "certificate-folders") : NULL;
}

/**
 * dojang_certificate_scanner_configured_roots:
 *
 * The default roots plus the folders of the `certificate-folders` setting
 * when its schema is installed: what the command line scans.
 *
 * Returns: (transfer full): the roots
 */
char **
dojang_certificate_scanner_configured_roots (void)
{
  g_auto(GStrv) folders = user_folders ();

  return dojang_certificate_scanner_default_roots ((const char * const *) folders);
}
