/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminder database: certificates seen, certificates entered by hand,
 * and their reminders, in one SQLite file at
 * $XDG_DATA_HOME/dojang/dojang.db (WAL, foreign keys on). Every value goes
 * through a bound parameter; every change that touches several rows runs in
 * a transaction.
 *
 * This file: statements, transactions and the object. Opening, recovery
 * from damage and the file's privacy are in dojang-reminder-store-open.c;
 * the rest of the type lives in dojang-reminder-store-schedule.c (lead
 * times, certificates), -manual.c (manual entries), -due.c (the due check,
 * snooze, dismiss) and -json.c (export and import). */

#include "config.h"

#include <glib/gi18n.h>
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
  int primary = rc & 0xff;

  dojang_reminder_set_sqlite_error (self->db, rc, error);

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    _dojang_reminder_store_suspect_damage (self);
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

/* Binds @value, or NULL for 0: how the store keeps an id or instant that
 * is not there (no certificate for a manual entry's reminder, never sent). */
void
_dojang_reminder_store_bind_optional (DojangStatement *stmt,
                                      int              column,
                                      gint64           value)
{
  if (value != 0)
    sqlite3_bind_int64 (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
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

  _dojang_reminder_store_release_check_lock (self);
  _dojang_reminder_store_close (self);
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
  self->check_lock_fd = -1;
}
