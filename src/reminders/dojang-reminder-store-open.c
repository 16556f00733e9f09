/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: opening the database file (see
 * dojang-reminder-store.c).
 *
 * A new database is built under a temporary name beside the real one and
 * linked into place only once its tables exist, so the real name never
 * holds a file without tables: two first runs at once cannot both create
 * the tables, and a file found empty is damage (a truncation), not a
 * database that is still being made. The files are created readable by
 * the user only, in a folder created for the user only.
 *
 * A damaged or unreadable file is never deleted: it is renamed to
 * dojang.db.corrupt-<timestamp> (with its -wal and -shm) and a fresh
 * database is created; get_recovered_from() tells the caller, who rebuilds
 * it from a scan and tells the user. Damage is what SQLite reports as such,
 * a file that does not start like a database or is empty, and a format
 * number that does not match the tables (see dojang-reminder-schema.c).
 *
 * SQLite's integrity check reads the whole file (a few hundred
 * milliseconds for 100,000 reminders), so it does not run at every open:
 * only after SQLite reported damage (the -suspect marker file) and, for the
 * running application, whose store opens in a worker thread, once a week. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dojang-clock.h"
#include "dojang-reminder-schema.h"
#include "dojang-reminder-store-private.h"

#define INTEGRITY_CHECK_INTERVAL (7 * G_TIME_SPAN_DAY / G_USEC_PER_SEC)

/* A new database left half-made by a crash is removed after this long;
 * a younger one may still be in the making by another process. */
#define STALE_CREATION_SECONDS (10 * 60)

#define CREATION_INFIX ".new-"

static char *
marker_path (DojangReminderStore *self)
{
  return g_strconcat (self->path, "-suspect", NULL);
}

/* Called when SQLite reports damage: the next open checks the file. */
void
_dojang_reminder_store_suspect_damage (DojangReminderStore *self)
{
  g_autofree char *marker = marker_path (self);
  int fd;

  fd = g_open (marker, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0)
    close (fd);
}

void
_dojang_reminder_store_close (DojangReminderStore *self)
{
  GHashTableIter iter;
  gpointer stmt;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_finalize (stmt);
  g_hash_table_remove_all (self->statements);

  g_clear_pointer (&self->db, sqlite3_close_v2);
}

static gboolean
record_integrity_checked (sqlite3  *db,
                          GError  **error)
{
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT OR REPLACE INTO meta (key, value) VALUES ('integrity_checked_at', '%"
                         G_GINT64_FORMAT "')", g_date_time_to_unix (now));

  return dojang_reminder_exec_sql (db, sql, error);
}

/* Half-made new databases of processes killed while making them. */
static void
remove_stale_creations (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, CREATION_INFIX, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stale = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix))
        continue;

      stale = g_build_filename (folder, name, NULL);
      if (g_lstat (stale, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > STALE_CREATION_SECONDS)
        g_unlink (stale);
    }
}

/* Builds the tables in @temporary, a new empty file. */
static gboolean
build_database (const char  *temporary,
                GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (temporary, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      dojang_reminder_set_sqlite_error (db, rc, error);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  sqlite3_extended_result_codes (db, 1);
  ok = dojang_reminder_exec_sql (db, "PRAGMA journal_mode = WAL", error) &&
       dojang_reminder_exec_sql (db, "PRAGMA foreign_keys = ON", error) &&
       dojang_reminder_schema_migrate (db, error) &&
       record_integrity_checked (db, error);

  /* Closing checkpoints the WAL into the file and removes the -wal and -shm. */
  rc = sqlite3_close_v2 (db);
  if (ok && rc != SQLITE_OK)
    {
      dojang_reminder_set_sqlite_error (NULL, rc, error);
      return FALSE;
    }

  return ok;
}

/* Creates the database at the store's path if there is none, atomically:
 * whoever links first wins, the others use that file. */
static gboolean
create_database (DojangReminderStore  *self,
                 GError              **error)
{
  g_autofree char *temporary = NULL;
  gboolean ok;
  int fd;

  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;

  temporary = g_strconcat (self->path, CREATION_INFIX "XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The reminder database could not be created: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  ok = build_database (temporary, error);
  if (ok && link (temporary, self->path) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      /* A file system without hard links: a plain rename, unless someone
       * else was quicker. */
      if (!g_file_test (self->path, G_FILE_TEST_EXISTS) && g_rename (temporary, self->path) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The reminder database could not be created: %s"), g_strerror (saved_errno));
          ok = FALSE;
        }
    }

  g_unlink (temporary);

  return ok;
}

/* Whether an existing file starts like an SQLite database. Checked before
 * SQLite opens it: SQLite would take an empty file for a new database, and
 * could discard a -wal file it cannot make sense of when it closes. */
static gboolean
check_header (DojangReminderStore  *self,
              GError              **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[sizeof magic];
  FILE *file;
  size_t length;

  file = g_fopen (self->path, "rbe");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
                   _("The reminder database cannot be read: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  length = fread (header, 1, sizeof header, file);
  fclose (file);

  if (length == 0)
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
                   _("The reminder database is damaged: %s"), _("the file is empty"));
      return FALSE;
    }

  if (length == sizeof header && memcmp (header, magic, sizeof magic) == 0)
    return TRUE;

  g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
               _("The reminder database is damaged: %s"), _("it does not start like an SQLite file"));

  return FALSE;
}

/* Files written by an older Dojang may be readable by others: from now on
 * they are not. */
static void
keep_private (DojangReminderStore *self)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 && (st.st_mode & 077) != 0 && g_chmod (file, 0600) != 0)
        g_debug ("Reminder database: %s stays readable by others: %s", file, g_strerror (errno));
    }
}

static gboolean
integrity_check_due (DojangReminderStore *self)
{
  g_autoptr(DojangStatement) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 checked_at;

  if (!self->check_weekly)
    return FALSE;

  stmt = _dojang_reminder_store_statement (self,
      "SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'integrity_checked_at'", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  checked_at = sqlite3_column_int64 (stmt, 0);
  now = dojang_clock_get_now ();

  /* A stamp in the future is as good as none. */
  return checked_at > g_date_time_to_unix (now) ||
         g_date_time_to_unix (now) - checked_at >= INTEGRITY_CHECK_INTERVAL;
}

static gboolean
check_integrity_if_needed (DojangReminderStore  *self,
                           GError              **error)
{
  g_autofree char *marker = marker_path (self);
  gboolean suspect = g_file_test (marker, G_FILE_TEST_EXISTS);

  if (!suspect && !integrity_check_due (self))
    return TRUE;

  g_debug ("Reminder database %s: integrity check (%s)", self->path, suspect ? "damage reported" : "weekly");
  if (!dojang_reminder_schema_quick_check (self->db, error) || !record_integrity_checked (self->db, error))
    return FALSE;

  g_unlink (marker);

  return TRUE;
}

static gboolean
open_database (DojangReminderStore  *self,
               GError              **error)
{
  static const char * const setup[] = {
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    /* Statement journals in memory: on disk, an import of 50,000 entries
     * made 158,000 writes to a temporary file that is never read back. */
    "PRAGMA temp_store = MEMORY",
  };
  int rc;

  if (!create_database (self, error) || !check_header (self, error))
    return FALSE;

  keep_private (self);

  /* Without SQLITE_OPEN_CREATE: a file that vanished since is not
   * silently replaced by an empty one. */
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  for (guint i = 0; i < G_N_ELEMENTS (setup); i++)
    {
      if (!dojang_reminder_exec_sql (self->db, setup[i], error))
        return FALSE;
    }

  /* A short-lived process (the command line) reads the file through a
   * memory map instead of copying every page it reads into a cache of its
   * own: 7–9 ms less for a check over 100,000 reminders. The running app
   * keeps the cache, whose size is bounded: a map of the whole file would
   * stay in its resident memory after the weekly integrity check.
   * https://www.sqlite.org/mmap.html */
  if (!self->check_weekly && !dojang_reminder_exec_sql (self->db, "PRAGMA mmap_size = 268435456", error))
    return FALSE;

  return dojang_reminder_schema_migrate (self->db, error) &&
         check_integrity_if_needed (self, error) &&
         _dojang_reminder_store_load_lead_days (self, error);
}

static gboolean
is_damaged (DojangReminderStore *self,
            const GError        *error)
{
  if (g_error_matches (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE))
    return TRUE;

  /* A file we may not read or write is as good as damaged to us; moving it
   * aside keeps it for the user. */
  return g_file_test (self->path, G_FILE_TEST_EXISTS) &&
         g_access (self->path, R_OK | W_OK) != 0;
}

static gboolean
move_aside (DojangReminderStore  *self,
            GError              **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *stamp = g_date_time_format (local, "%Y%m%d-%H%M%S");
  g_autofree char *base = NULL;
  g_autofree char *marker = marker_path (self);

  base = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);
  for (guint n = 1; g_file_test (base, G_FILE_TEST_EXISTS); n++)
    {
      g_free (base);
      base = g_strdup_printf ("%s.corrupt-%s-%u", self->path, stamp, n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (base, suffixes[i], NULL);

      if (g_rename (from, to) == 0)
        continue;

      /* Gone: there was none, or another Dojang moved it aside first
       * (and tells the user). */
      if (errno == ENOENT)
        {
          if (i == 0)
            return TRUE;
          continue;
        }

      {
        int saved_errno = errno;

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("The damaged reminder database could not be moved aside to %s: %s"),
                     to, g_strerror (saved_errno));
        return FALSE;
      }
    }

  g_unlink (marker);
  self->recovered_from = g_steal_pointer (&base);

  return TRUE;
}

/**
 * dojang_reminder_store_default_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/dojang/dojang.db
 */
char *
dojang_reminder_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dojang", "dojang.db", NULL);
}

/* Opens (creating or upgrading) the database of a store made with
 * _dojang_reminder_store_new_unopened(); a damaged file is moved aside and
 * replaced by an empty database. Runs in any thread. */
gboolean
_dojang_reminder_store_open (DojangReminderStore  *self,
                             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = g_path_get_dirname (self->path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  remove_stale_creations (self->path);

  if (open_database (self, &local_error))
    return TRUE;

  _dojang_reminder_store_close (self);

  if (!is_damaged (self, local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_debug ("Reminder database %s is damaged (%s); moving it aside", self->path, local_error->message);
  if (!move_aside (self, error))
    return FALSE;

  if (!open_database (self, error))
    {
      _dojang_reminder_store_close (self);
      return FALSE;
    }

  return TRUE;
}
