/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Helpers for the certificate tools. Everything a tool writes first gets a
 * hidden name beginning with ".dojang-partial-<pid>-", which the scanner
 * skips (it skips dot names); only a complete, synced and verified file or
 * folder is renamed to its real name, with a rename that refuses to replace
 * anything. A process killed half-way leaves a partial entry behind, which
 * the next tool writing in that folder removes once its process is gone. */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dojang-safe-file.h"

typedef enum
{
  FAILED_CREATE,
  FAILED_WRITE,
  FAILED_OPEN_FOLDER,
  FAILED_WRITE_FOLDER,
  FAILED_MOVE,
  FAILED_CREATE_IN,
  FAILED_CREATE_FOLDER,
} Failure;

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 Failure      failure,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  int code = g_io_error_from_errno (saved_errno);
  const char *reason = g_strerror (saved_errno);

  switch (failure)
    {
    case FAILED_CREATE:
      g_set_error (error, G_IO_ERROR, code, _("Could not create “%s”: %s"), display, reason);
      break;
    case FAILED_WRITE:
      g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s"), display, reason);
      break;
    case FAILED_OPEN_FOLDER:
      g_set_error (error, G_IO_ERROR, code, _("Could not open the folder “%s”: %s"), display, reason);
      break;
    case FAILED_WRITE_FOLDER:
      g_set_error (error, G_IO_ERROR, code, _("Could not write the folder “%s”: %s"), display, reason);
      break;
    case FAILED_MOVE:
      g_set_error (error, G_IO_ERROR, code, _("Could not move “%s” into place: %s"), display, reason);
      break;
    case FAILED_CREATE_IN:
      g_set_error (error, G_IO_ERROR, code, _("Could not create a folder in “%s”: %s"), display, reason);
      break;
    case FAILED_CREATE_FOLDER:
    default:
      g_set_error (error, G_IO_ERROR, code, _("Could not create the folder “%s”: %s"), display, reason);
      break;
    }

  return FALSE;
}

/**
 * dojang_safe_file_write:
 * @path: a file that must not exist yet
 * @mode: its permissions, e.g. 0600 for a private key
 *
 * Creates @path exclusively, writes @contents and fsyncs it.
 *
 * Returns: %FALSE with a #G_IO_ERROR (G_IO_ERROR_READ_ONLY on read-only
 *   media, G_IO_ERROR_EXISTS if @path exists)
 */
gboolean
dojang_safe_file_write (const char  *path,
                        GBytes      *contents,
                        int          mode,
                        GError     **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (contents, &len);
  gsize done = 0;
  int fd;

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0)
    return set_errno_error (error, errno, FAILED_CREATE, path);

  /* The umask must not widen or narrow what was asked for. */
  if (fchmod (fd, (mode_t) mode) != 0 && errno != EPERM)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno, FAILED_WRITE, path);
    }

  while (done < len)
    {
      ssize_t written = write (fd, data + done, len - done);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          int saved_errno = written < 0 ? errno : ENOSPC;

          close (fd);
          return set_errno_error (error, saved_errno, FAILED_WRITE, path);
        }
      done += (gsize) written;
    }

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno, FAILED_WRITE, path);
    }

  if (close (fd) != 0)
    return set_errno_error (error, errno, FAILED_WRITE, path);

  return TRUE;
}

/**
 * dojang_safe_file_verify:
 *
 * Reads @path back and compares its SHA-256 with that of @expected.
 */
gboolean
dojang_safe_file_verify (const char  *path,
                         GBytes      *expected,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  got = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  want = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, expected);
  if (g_strcmp0 (got, want) != 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” does not read back as it was written."), display);
      return FALSE;
    }

  return TRUE;
}

/* A rename or a new entry is only durable once its folder is synced. */
gboolean
dojang_safe_file_sync_folder (const char  *folder,
                              GError     **error)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved_errno;

  if (fd < 0)
    return set_errno_error (error, errno, FAILED_OPEN_FOLDER, folder);

  /* Some file systems (FAT through some drivers) cannot sync a folder. */
  if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS)
    {
      saved_errno = errno;
      close (fd);
      return set_errno_error (error, saved_errno, FAILED_WRITE_FOLDER, folder);
    }

  close (fd);
  return TRUE;
}

/**
 * dojang_safe_file_rename_new:
 *
 * Renames @from to @to only if @to does not exist (files or folders).
 *
 * Returns: %FALSE with G_IO_ERROR_EXISTS when @to exists
 */
gboolean
dojang_safe_file_rename_new (const char  *from,
                             const char  *to,
                             GError     **error)
{
  struct stat st;

  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;

  /* File systems without RENAME_NOREPLACE (some FUSE drivers): check, then
   * rename; only a racing writer in the same folder could slip in. */
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return set_errno_error (error, errno, FAILED_MOVE, to);

  if (lstat (to, &st) == 0)
    return set_errno_error (error, EEXIST, FAILED_MOVE, to);
  if (rename (from, to) != 0)
    return set_errno_error (error, errno, FAILED_MOVE, to);

  return TRUE;
}

/**
 * dojang_safe_file_partial_path:
 *
 * Returns: (transfer full): a new hidden name in @folder for a file being
 *   written; nothing is created
 */
char *
dojang_safe_file_partial_path (const char *folder)
{
  g_autofree char *name = g_strdup_printf (DOJANG_SAFE_FILE_PARTIAL_PREFIX "%ld-%08x",
                                           (long) getpid (), g_random_int ());

  return g_build_filename (folder, name, NULL);
}

/**
 * dojang_safe_file_make_partial_dir:
 *
 * Returns: (transfer full) (nullable): a new hidden folder (mode 0700) in
 *   @parent to build a folder in before it is renamed into place
 */
char *
dojang_safe_file_make_partial_dir (const char  *parent,
                                   GError     **error)
{
  g_autofree char *name = g_strdup_printf (DOJANG_SAFE_FILE_PARTIAL_PREFIX "%ld-XXXXXX", (long) getpid ());
  g_autofree char *path = g_build_filename (parent, name, NULL);

  if (g_mkdtemp_full (path, 0700) == NULL)
    {
      set_errno_error (error, errno, FAILED_CREATE_IN, parent);
      return NULL;
    }

  return g_steal_pointer (&path);
}

static void
remove_recursively (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      struct stat st;

      if (lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
        remove_recursively (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * dojang_safe_file_remove_stale:
 *
 * Removes the partial files and folders in @folder whose writing process
 * has ended (killed, or a crash).
 */
void
dojang_safe_file_remove_stale (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      const char *pid_text;
      char *end = NULL;
      gint64 pid;

      if (!g_str_has_prefix (name, DOJANG_SAFE_FILE_PARTIAL_PREFIX))
        continue;

      pid_text = name + strlen (DOJANG_SAFE_FILE_PARTIAL_PREFIX);
      pid = g_ascii_strtoll (pid_text, &end, 10);
      if (end == pid_text || *end != '-' || pid <= 0 || pid == getpid ())
        continue;
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;

      path = g_build_filename (folder, name, NULL);
      remove_recursively (path);
    }
}

/**
 * dojang_safe_file_mkdir:
 *
 * Creates the folder @path (mode 0700) and syncs its parent; an existing
 * folder is fine.
 */
gboolean
dojang_safe_file_mkdir (const char  *path,
                        GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_mkdir (path, 0700) != 0)
    {
      if (errno == EEXIST && g_file_test (path, G_FILE_TEST_IS_DIR))
        return TRUE;
      return set_errno_error (error, errno, FAILED_CREATE_FOLDER, path);
    }

  return dojang_safe_file_sync_folder (parent, error);
}
