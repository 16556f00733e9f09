/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Deleting a certificate moves its whole folder to the trash (GIO), and the
 * undo puts it back. g_file_trash() does not say where the folder went, so
 * the undo reads the trash as the freedesktop.org Trash specification lays
 * it out (the original Path in info/NAME.trashinfo, the item in files/NAME),
 * in the home trash and in the trash at the top of the folder's volume:
 * GIO's trash:/// needs gvfs, which many systems and sandboxes lack. */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gunixmounts.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dojang-certificate-trash.h"
#include "dojang-npki-folder.h"
#include "dojang-safe-file.h"
#include "dojang-task.h"

/* What may be in a certificate folder besides the certificate: its other
 * NPKI files, old keys a password change kept, and what file managers drop. */
static gboolean
belongs_in_certificate_folder (const char *name)
{
  static const char * const names[] = {
    "signCert.der", "signPri.key", "kmCert.der", "kmPri.key", "desktop.ini", "Thumbs.db",
  };

  if (name[0] == '.')
    return TRUE;
  if (g_ascii_strncasecmp (name, "signPri.key.old", strlen ("signPri.key.old")) == 0
      || g_ascii_strncasecmp (name, "kmPri.key.old", strlen ("kmPri.key.old")) == 0)
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

/* A certificate opened from a folder full of other things (a loose
 * signCert.der in Downloads) must not take that folder with it. */
static gboolean
check_certificate_folder (const char  *folder,
                          GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *display = g_filename_display_name (folder);
  const char *name;

  if (dir == NULL)
    {
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_FOUND,
                   _("There is no folder “%s”."), display);
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!belongs_in_certificate_folder (name)
          || (name[0] != '.' && g_file_test (path, G_FILE_TEST_IS_DIR)))
        {
          g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_SHARED_FOLDER,
                       _("The folder “%s” holds other files besides the certificate, so Dojang does not delete it. Move the certificate into a folder of its own, or delete its files yourself."),
                       display);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * dojang_certificate_trash:
 * @error: a #DOJANG_CERTIFICATE_ERROR: _READ_ONLY, _SHARED_FOLDER (the
 *   folder holds more than the certificate), _WRITE (no trash there,
 *   no permission)
 *
 * Moves the certificate's folder, with its keys, to the trash;
 * dojang_certificate_untrash() brings it back. Reminders are the caller's:
 * see dojang_reminder_store_retire_certificate().
 */
gboolean
dojang_certificate_trash (DojangCertificate  *certificate,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *parent = NULL;
  const char *folder;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folder = dojang_certificate_get_folder (certificate);
  parent = g_path_get_dirname (folder);
  if (!check_certificate_folder (folder, error)
      || !dojang_npki_check_writable (parent, error))
    return FALSE;

  file = g_file_new_for_path (folder);
  if (!g_file_trash (file, cancellable, &local_error))
    {
      g_autofree char *display = g_filename_display_name (folder);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
        return dojang_certificate_error_read_only (parent, error);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_WRITE,
                   _("Could not move “%s” to the trash: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char *info_path;
  char *item_path;
  char *deleted_at;
} TrashEntry;

static void
trash_entry_clear (TrashEntry *entry)
{
  g_clear_pointer (&entry->info_path, g_free);
  g_clear_pointer (&entry->item_path, g_free);
  g_clear_pointer (&entry->deleted_at, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrashEntry, trash_entry_clear)

/* Looks through one trash folder for the latest item deleted from @folder.
 * Paths are absolute in the home trash, relative to @top in a volume's. */
static void
search_trash (const char *trash,
              const char *top,
              const char *folder,
              TrashEntry *best)
{
  g_autofree char *info_folder = g_build_filename (trash, "info", NULL);
  g_autoptr(GDir) dir = g_dir_open (info_folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *original = NULL;
      g_autofree char *absolute = NULL;
      g_autofree char *deleted_at = NULL;
      g_autofree char *item = NULL;

      if (!g_str_has_suffix (name, ".trashinfo"))
        continue;

      info_path = g_build_filename (info_folder, name, NULL);
      if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        continue;
      escaped = g_key_file_get_string (info, "Trash Info", "Path", NULL);
      deleted_at = g_key_file_get_string (info, "Trash Info", "DeletionDate", NULL);
      original = escaped != NULL ? g_uri_unescape_string (escaped, NULL) : NULL;
      if (original == NULL)
        continue;

      absolute = g_path_is_absolute (original) ? g_canonicalize_filename (original, NULL)
                                               : g_canonicalize_filename (original, top);
      if (g_strcmp0 (absolute, folder) != 0)
        continue;
      if (best->info_path != NULL && g_strcmp0 (deleted_at, best->deleted_at) < 0)
        continue;

      item = g_strndup (name, strlen (name) - strlen (".trashinfo"));
      trash_entry_clear (best);
      best->info_path = g_steal_pointer (&info_path);
      best->item_path = g_build_filename (trash, "files", item, NULL);
      best->deleted_at = g_steal_pointer (&deleted_at);
    }
}

/* The top of the volume @path is on, where its trash folders are. */
static char *
volume_top (const char *path)
{
  g_autofree char *existing = g_strdup (path);
  GUnixMountEntry *mount;
  char *top = NULL;

  while (!g_file_test (existing, G_FILE_TEST_IS_DIR))
    {
      char *parent = g_path_get_dirname (existing);

      g_free (existing);
      existing = parent;
    }

  mount = g_unix_mount_for (existing, NULL);
  if (mount != NULL)
    {
      top = g_strdup (g_unix_mount_get_mount_path (mount));
      g_unix_mount_free (mount);
    }

  return top;
}

/**
 * dojang_certificate_untrash:
 * @folder: the certificate folder that was moved to the trash
 * @error: a #DOJANG_CERTIFICATE_ERROR: _NOT_IN_TRASH, _EXISTS (something
 *   is at @folder again), _WRITE
 *
 * Puts back the folder most recently trashed from @folder.
 */
gboolean
dojang_certificate_untrash (const char    *folder,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *home_trash = NULL;
  g_autofree char *top = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *display = NULL;
  g_auto(TrashEntry) found = { NULL, NULL, NULL };

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  canonical = g_canonicalize_filename (folder, NULL);
  display = g_filename_display_name (canonical);
  parent = g_path_get_dirname (canonical);

  home_trash = g_build_filename (g_get_user_data_dir (), "Trash", NULL);
  search_trash (home_trash, NULL, canonical, &found);

  top = volume_top (parent);
  if (top != NULL)
    {
      g_autofree char *uid = g_strdup_printf ("%u", (guint) geteuid ());
      g_autofree char *shared = g_build_filename (top, ".Trash", uid, NULL);
      g_autofree char *own = g_strdup_printf ("%s/.Trash-%s", top, uid);

      search_trash (shared, top, canonical, &found);
      search_trash (own, top, canonical, &found);
    }

  if (found.info_path == NULL || !g_file_test (found.item_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_NOT_IN_TRASH,
                   _("The trash no longer holds “%s”."), display);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!dojang_safe_file_rename_new (found.item_path, canonical, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, DOJANG_CERTIFICATE_ERROR, DOJANG_CERTIFICATE_ERROR_EXISTS,
                     _("Something is at “%s” again; move it away, then restore the certificate."), display);
      else
        dojang_certificate_error_propagate_io (error, local_error);
      return FALSE;
    }

  g_unlink (found.info_path);
  dojang_safe_file_sync_folder (parent, NULL);

  return TRUE;
}

static gboolean
trash_in_thread (gpointer       source_object,
                 gpointer       certificate,
                 GCancellable  *cancellable,
                 gpointer      *result,
                 GError       **error)
{
  return dojang_certificate_trash (certificate, cancellable, error);
}

/**
 * dojang_certificate_trash_async:
 *
 * Runs dojang_certificate_trash() in a worker thread.
 */
void
dojang_certificate_trash_async (DojangCertificate   *certificate,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_CERTIFICATE (certificate));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  dojang_task_run_in_thread (NULL, dojang_certificate_trash_async, trash_in_thread,
                             g_object_ref (certificate), g_object_unref, NULL,
                             cancellable, callback, user_data);
}

gboolean
dojang_certificate_trash_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return dojang_task_finish (result, NULL, dojang_certificate_trash_async, NULL, error);
}

static gboolean
untrash_in_thread (gpointer       source_object,
                   gpointer       folder,
                   GCancellable  *cancellable,
                   gpointer      *result,
                   GError       **error)
{
  return dojang_certificate_untrash (folder, cancellable, error);
}

/**
 * dojang_certificate_untrash_async:
 *
 * Runs dojang_certificate_untrash() in a worker thread: the undo of a
 * deletion.
 */
void
dojang_certificate_untrash_async (const char          *folder,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (folder != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  dojang_task_run_in_thread (NULL, dojang_certificate_untrash_async, untrash_in_thread,
                             g_strdup (folder), g_free, NULL, cancellable, callback, user_data);
}

gboolean
dojang_certificate_untrash_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return dojang_task_finish (result, NULL, dojang_certificate_untrash_async, NULL, error);
}
