/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminder database: certificates seen, certificates entered by hand,
 * and their reminders, in one SQLite file at
 * $XDG_DATA_HOME/dojang/dojang.db (WAL, foreign keys on). Every value goes
 * through a bound parameter; every change that touches several rows runs in
 * a transaction.
 *
 * A damaged or unreadable file is never deleted: it is renamed to
 * dojang.db.corrupt-<timestamp> (with its -wal and -shm) and a fresh
 * database is created; get_recovered_from() tells the caller, who rebuilds
 * it from a scan and tells the user.
 *
 * This file: opening, recovery, statements and transactions. The rest of
 * the type lives in dojang-reminder-store-schedule.c (lead times,
 * certificates), -manual.c (manual entries), -due.c (the due check, snooze,
 * dismiss) and -json.c (export and import). */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "dojang-clock.h"
#include "dojang-reminder-schedule.h"
#include "dojang-reminder-schema.h"
#include "dojang-reminder-store-private.h"

G_DEFINE_FINAL_TYPE (DojangReminderStore, dojang_reminder_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const int default_lead_days[] = { 60, 30, 7, 1, 0 };

void
_dojang_statement_release (DojangStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* The time changes are stamped and scheduled with. */
gint64
_dojang_reminder_store_now (DojangReminderStore *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->clock != NULL)
    return g_date_time_to_unix (self->clock);

  now = dojang_clock_get_now ();
  return g_date_time_to_unix (now);
}

/**
 * dojang_reminder_store_set_clock:
 * @now: (nullable): the instant to take as "now", or %NULL for the
 *   program's clock (dojang_clock_get_now())
 *
 * Makes the store act as if it were @now (`dojang --check-reminders --at`,
 * tests): reminders whose due instant is already past when they are
 * scheduled, and the timestamps of changes, follow it.
 */
void
dojang_reminder_store_set_clock (DojangReminderStore *self,
                                 GDateTime           *now)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));

  locker = g_rec_mutex_locker_new (&self->lock);
  g_clear_pointer (&self->clock, g_date_time_unref);
  if (now != NULL)
    self->clock = g_date_time_ref (now);
}

void
_dojang_reminder_store_sqlite_error (DojangReminderStore  *self,
                                     int                   rc,
                                     GError              **error)
{
  dojang_reminder_set_sqlite_error (self->db, rc, error);
}

DojangStatement *
_dojang_reminder_store_statement (DojangReminderStore  *self,
                                  const char           *sql,
                                  GError              **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

gboolean
_dojang_reminder_store_step_done (DojangReminderStore  *self,
                                  DojangStatement      *stmt,
                                  GError              **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_constant (DojangReminderStore  *self,
               const char           *sql,
               GError              **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
emit_changed_cb (gpointer data)
{
  DojangReminderStore *self = data;

  g_rec_mutex_lock (&self->lock);
  g_clear_pointer (&self->changed_source, g_source_unref);
  g_rec_mutex_unlock (&self->lock);

  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

/* "changed" is emitted once, from the store's main context, after any
 * number of changes (possibly made in a worker thread). */
void
_dojang_reminder_store_changed (DojangReminderStore *self)
{
  if (self->transaction_depth > 0)
    {
      self->changed_in_transaction = TRUE;
      return;
    }

  if (self->changed_source != NULL)
    return;

  self->changed_source = g_idle_source_new ();
  g_source_set_static_name (self->changed_source, "[dojang] reminder store changed");
  g_source_set_callback (self->changed_source, emit_changed_cb, self, NULL);
  g_source_attach (self->changed_source, self->context);
}

gboolean
_dojang_reminder_store_valid_sha256 (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;

  for (const char *p = sha256; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
        return FALSE;
    }

  return TRUE;
}

/* Provider ids are short lowercase words: "kica", …, "other", "unknown". */
gboolean
_dojang_reminder_store_valid_provider_id (const char *provider_id)
{
  gsize length;

  if (provider_id == NULL)
    return FALSE;

  length = strlen (provider_id);
  if (length == 0 || length > 32)
    return FALSE;

  for (const char *p = provider_id; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return TRUE;
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE (so a writer never
 * has to upgrade a read lock and fail with SQLITE_BUSY), inner ones are
 * savepoints. The store's lock is held from begin to commit/rollback. */
gboolean
dojang_reminder_store_begin (DojangReminderStore  *self,
                             GError              **error)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);

  g_rec_mutex_lock (&self->lock);

  if (!exec_constant (self, self->transaction_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested",
                      error))
    {
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  self->transaction_depth++;

  return TRUE;
}

gboolean
dojang_reminder_store_commit (DojangReminderStore  *self,
                              GError              **error)
{
  gboolean ok;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  ok = exec_constant (self, self->transaction_depth == 1 ? "COMMIT" : "RELEASE nested", error);
  if (!ok)
    {
      dojang_reminder_store_rollback (self);
      return FALSE;
    }

  self->transaction_depth--;
  if (self->transaction_depth == 0 && self->changed_in_transaction)
    {
      self->changed_in_transaction = FALSE;
      _dojang_reminder_store_changed (self);
    }

  g_rec_mutex_unlock (&self->lock);

  return TRUE;
}

void
dojang_reminder_store_rollback (DojangReminderStore *self)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->changed_in_transaction = FALSE;
    }
  else
    {
      sqlite3_exec (self->db, "ROLLBACK TO nested", NULL, NULL, NULL);
      sqlite3_exec (self->db, "RELEASE nested", NULL, NULL, NULL);
    }

  self->transaction_depth--;
  g_rec_mutex_unlock (&self->lock);
}

static void
close_database (DojangReminderStore *self)
{
  GHashTableIter iter;
  gpointer stmt;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_finalize (stmt);
  g_hash_table_remove_all (self->statements);

  g_clear_pointer (&self->db, sqlite3_close_v2);
}

gboolean
_dojang_reminder_store_load_lead_days (DojangReminderStore  *self,
                                       GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  gboolean stored = FALSE;
  int rc;

  g_array_set_size (self->lead_days, 0);

  /* A JSON array of whole numbers, e.g. [60,30,7,1,0]; one row of NULL for
   * an empty array, no row when none was stored. */
  stmt = _dojang_reminder_store_statement (self,
      "SELECT DISTINCT j.value FROM meta m"
      " LEFT JOIN json_each (m.value) j ON j.type = 'integer' AND j.value BETWEEN 0 AND ?1"
      " WHERE m.key = 'lead_days' ORDER BY j.value DESC",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, DOJANG_REMINDER_MAX_LEAD_DAYS);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int days = sqlite3_column_int (stmt, 0);

      stored = TRUE;
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        g_array_append_val (self->lead_days, days);
    }
  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  if (!stored)
    g_array_append_vals (self->lead_days, default_lead_days, G_N_ELEMENTS (default_lead_days));

  return TRUE;
}

/* Whether an existing file starts like an SQLite database. Checked before
 * SQLite opens it: SQLite could otherwise discard a -wal file it cannot
 * make sense of when the connection closes. */
static gboolean
check_header (DojangReminderStore  *self,
              GError              **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[sizeof magic];
  FILE *file;
  size_t length;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;

  file = g_fopen (self->path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
                   _("The reminder database cannot be read: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  length = fread (header, 1, sizeof header, file);
  fclose (file);

  /* An empty file is a database SQLite has not written to yet. */
  if (length == 0 || (length == sizeof header && memcmp (header, magic, sizeof magic) == 0))
    return TRUE;

  g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
               _("The reminder database is damaged: %s"), _("it does not start like an SQLite file"));

  return FALSE;
}

static gboolean
open_database (DojangReminderStore  *self,
               GError              **error)
{
  static const char * const setup[] = {
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
  };
  int rc;

  if (!check_header (self, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  for (guint i = 0; i < G_N_ELEMENTS (setup); i++)
    {
      if (!exec_constant (self, setup[i], error))
        return FALSE;
    }

  if (!dojang_reminder_schema_migrate (self->db, error))
    return FALSE;

  /* Catches a damaged page before the user's data is trusted; on a file
   * with 100,000 reminders this takes a few milliseconds. */
  {
    g_autoptr(DojangStatement) check = _dojang_reminder_store_statement (self, "PRAGMA quick_check (1)", error);
    const char *verdict;

    if (check == NULL)
      return FALSE;
    rc = sqlite3_step (check);
    if (rc != SQLITE_ROW)
      {
        _dojang_reminder_store_sqlite_error (self, rc, error);
        return FALSE;
      }
    verdict = (const char *) sqlite3_column_text (check, 0);
    if (g_strcmp0 (verdict, "ok") != 0)
      {
        g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
                     _("The reminder database is damaged: %s"), verdict);
        return FALSE;
      }
  }

  return _dojang_reminder_store_load_lead_days (self, error);
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

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The damaged reminder database could not be moved aside to %s: %s"),
                       to, g_strerror (saved_errno));
          return FALSE;
        }
    }

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

  if (open_database (self, &local_error))
    return TRUE;

  close_database (self);

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
      close_database (self);
      return FALSE;
    }

  return TRUE;
}

/* The store's "changed" signal is emitted in the main context of the
 * thread that calls this. */
DojangReminderStore *
_dojang_reminder_store_new_unopened (const char *path)
{
  DojangReminderStore *self = g_object_new (DOJANG_TYPE_REMINDER_STORE, NULL);

  self->path = g_strdup (path);

  return self;
}

/**
 * dojang_reminder_store_new:
 * @path: the database file; its folder is created if needed
 * @error: return location for an error
 *
 * Opens (creating or upgrading) the database. A damaged file is moved aside
 * and replaced by an empty database; see get_recovered_from(). The UI uses
 * dojang_reminder_store_new_async() instead.
 *
 * Returns: (transfer full): the store, or %NULL with @error set when even a
 *   fresh database cannot be created (or the file comes from a newer Dojang).
 */
DojangReminderStore *
dojang_reminder_store_new (const char  *path,
                           GError     **error)
{
  g_autoptr(DojangReminderStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = _dojang_reminder_store_new_unopened (path);
  if (!_dojang_reminder_store_open (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
dojang_reminder_store_get_path (DojangReminderStore *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);

  return self->path;
}

/**
 * dojang_reminder_store_get_recovered_from:
 *
 * Returns: (nullable): where the damaged database was moved when this
 *   store had to start afresh, or %NULL.
 */
const char *
dojang_reminder_store_get_recovered_from (DojangReminderStore *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);

  return self->recovered_from;
}

static void
dojang_reminder_store_dispose (GObject *object)
{
  DojangReminderStore *self = DOJANG_REMINDER_STORE (object);

  if (self->changed_source != NULL)
    {
      g_source_destroy (self->changed_source);
      g_clear_pointer (&self->changed_source, g_source_unref);
    }

  G_OBJECT_CLASS (dojang_reminder_store_parent_class)->dispose (object);
}

static void
dojang_reminder_store_finalize (GObject *object)
{
  DojangReminderStore *self = DOJANG_REMINDER_STORE (object);

  close_database (self);
  g_hash_table_unref (self->statements);
  g_array_unref (self->lead_days);
  g_main_context_unref (self->context);
  g_clear_pointer (&self->clock, g_date_time_unref);
  g_free (self->path);
  g_free (self->recovered_from);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (dojang_reminder_store_parent_class)->finalize (object);
}

static void
dojang_reminder_store_class_init (DojangReminderStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dojang_reminder_store_dispose;
  object_class->finalize = dojang_reminder_store_finalize;

  /**
   * DojangReminderStore::changed:
   *
   * Reminders or manual entries changed; emitted in the main context the
   * store was created in, once for a burst of changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dojang_reminder_store_init (DojangReminderStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->statements = g_hash_table_new (NULL, NULL);
  self->lead_days = g_array_new (FALSE, FALSE, sizeof (int));
  self->context = g_main_context_ref_thread_default ();
}
