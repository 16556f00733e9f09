/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminder database's tables and how older files are brought up to
 * date. Every database, new or old, goes through the same steps, ordered by
 * PRAGMA user_version, so the upgrade path is the one that is always run.
 *
 *   v1  certificates, manual entries and reminders with free-text states.
 *   v2  certificates get an integer key and the holder's name; manual
 *       entries keep their notAfter instant; reminders point to the
 *       certificate's key, get checked states (+ "skipped"), a sent_at
 *       history stamp, one row per certificate and lead time, and the
 *       partial indexes the due check runs on; a meta table keeps the lead
 *       times the reminders were scheduled with.
 *   v3  the lead times in meta must be a JSON array, read with json_each().
 *   v4  reminders the user asked for ("remind me the day renewal opens")
 *       are marked requested, so a change of lead times keeps them; a
 *       rehearsals table records each finished renewal rehearsal.
 *   v5  the due check keeps a watermark in meta instead of marking every
 *       reminder it passes over (see dojang-reminder-store-check.c); a
 *       reminder already due that the next check must still show is marked
 *       outstanding; manual entries are indexed as imports look them up.
 *   v6  the reminders' state CHECK is written as a chain of comparisons:
 *       SQLite 3.40 builds a temporary table for an IN list of more than
 *       two values each time it checks a row, which was the largest cost of
 *       an import. The manual entries' index goes: imports look entries up
 *       in memory (dojang-reminder-store-import.c) and no query uses it.
 *   v7  reminders already sent are indexed per certificate and per manual
 *       entry: the due check asks, for each one it would send, whether a
 *       later one was sent; without them it read every row of the
 *       certificate to know.
 *
 * The format number is written twice, in the header (user_version) and in
 * meta ("schema_version"), by the one step that ends every upgrade: a
 * header whose number disagrees with the tables is damage, not a newer
 * Dojang, and every later format must keep writing both. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-reminder-error.h"
#include "dojang-reminder-schedule.h"
#include "dojang-reminder-schema.h"

G_STATIC_ASSERT (DOJANG_REMINDER_SCHEMA_VERSION == 7);

static const char schema_v1[] =
  "CREATE TABLE certificates ("
  "  sha256      TEXT PRIMARY KEY NOT NULL,"
  "  subject     TEXT NOT NULL,"
  "  provider_id TEXT NOT NULL,"
  "  type_name   TEXT NOT NULL DEFAULT '',"
  "  not_after   INTEGER NOT NULL,"
  "  path        TEXT,"
  "  first_seen  INTEGER NOT NULL,"
  "  last_seen   INTEGER NOT NULL"
  ");"
  "CREATE TABLE manual_entries ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL,"
  "  provider_id TEXT NOT NULL,"
  "  type_name   TEXT NOT NULL DEFAULT '',"
  "  expiry_date TEXT NOT NULL,"
  "  created_at  INTEGER NOT NULL"
  ");"
  "CREATE TABLE reminders ("
  "  id                 INTEGER PRIMARY KEY,"
  "  certificate_sha256 TEXT REFERENCES certificates (sha256) ON DELETE CASCADE,"
  "  manual_entry_id    INTEGER REFERENCES manual_entries (id) ON DELETE CASCADE,"
  "  lead_days          INTEGER NOT NULL,"
  "  due                INTEGER NOT NULL,"
  "  state              TEXT NOT NULL DEFAULT 'pending',"
  "  snoozed_until      INTEGER,"
  "  created_at         INTEGER NOT NULL,"
  "  updated_at         INTEGER NOT NULL"
  ");"
  "CREATE INDEX reminders_due ON reminders (due);"
  "PRAGMA user_version = 1;";

/* v1 → v2. Both tables are rebuilt (SQLite's way to change keys and add
 * CHECK constraints): certificates get a small integer key that reminders
 * point to instead of the 64-character fingerprint, which makes the
 * reminder rows and their indexes a third of the size. Duplicates and rows
 * v2 would reject are dropped on the way. */
static const char schema_v2[] =
  "CREATE TABLE certificates_v2 ("
  "  id          INTEGER PRIMARY KEY,"
  "  sha256      TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),"
  "  subject     TEXT NOT NULL,"
  "  name        TEXT NOT NULL,"
  "  provider_id TEXT NOT NULL,"
  "  type_name   TEXT NOT NULL DEFAULT '',"
  "  not_after   INTEGER NOT NULL,"
  "  path        TEXT,"
  "  first_seen  INTEGER NOT NULL,"
  "  last_seen   INTEGER NOT NULL"
  ");"
  "INSERT INTO certificates_v2 (id, sha256, subject, name, provider_id, type_name, not_after,"
  "                             path, first_seen, last_seen)"
  "  SELECT rowid, sha256, subject,"
  "         CASE WHEN instr (subject, '(') > 1"
  "              THEN substr (subject, 1, instr (subject, '(') - 1) ELSE subject END,"
  "         provider_id, type_name, not_after, path, first_seen, last_seen"
  "  FROM certificates WHERE length (sha256) = 64;"
  "ALTER TABLE manual_entries ADD COLUMN not_after INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE manual_entries ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;"
  "UPDATE manual_entries SET updated_at = created_at;"
  "CREATE TABLE reminders_v2 ("
  "  id              INTEGER PRIMARY KEY,"
  "  certificate_id  INTEGER REFERENCES certificates (id) ON DELETE CASCADE,"
  "  manual_entry_id INTEGER REFERENCES manual_entries (id) ON DELETE CASCADE,"
  "  lead_days       INTEGER NOT NULL CHECK (lead_days BETWEEN 0 AND 365),"
  "  due             INTEGER NOT NULL,"
  "  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN"
  "                    ('pending', 'sent', 'snoozed', 'dismissed', 'done', 'skipped')),"
  "  snoozed_until   INTEGER,"
  "  sent_at         INTEGER,"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL,"
  "  CHECK ((certificate_id IS NULL) <> (manual_entry_id IS NULL)),"
  "  CHECK (state <> 'snoozed' OR snoozed_until IS NOT NULL)"
  ");"
  "INSERT INTO reminders_v2 (id, certificate_id, manual_entry_id, lead_days, due, state,"
  "                          snoozed_until, sent_at, created_at, updated_at)"
  "  SELECT r.id, c.id,"
  "         CASE WHEN c.id IS NULL THEN r.manual_entry_id END,"
  "         r.lead_days, r.due,"
  "         CASE WHEN r.state IN ('pending', 'sent', 'dismissed', 'done') THEN r.state"
  "              WHEN r.state = 'snoozed' AND r.snoozed_until IS NOT NULL THEN 'snoozed'"
  "              ELSE 'pending' END,"
  "         CASE WHEN r.state = 'snoozed' THEN r.snoozed_until END,"
  "         CASE WHEN r.state = 'sent' THEN r.updated_at END,"
  "         r.created_at, r.updated_at"
  "  FROM reminders r LEFT JOIN certificates_v2 c ON c.sha256 = r.certificate_sha256"
  "  WHERE (c.id IS NOT NULL OR r.manual_entry_id IN (SELECT id FROM manual_entries))"
  "    AND r.lead_days BETWEEN 0 AND 365"
  "    AND r.id IN (SELECT max (id) FROM reminders"
  "                 GROUP BY certificate_sha256, manual_entry_id, lead_days,"
  "                          CASE WHEN certificate_sha256 IS NULL THEN due END);"
  "DROP TABLE reminders;"
  "DROP TABLE certificates;"
  "ALTER TABLE certificates_v2 RENAME TO certificates;"
  "ALTER TABLE reminders_v2 RENAME TO reminders;"
  "CREATE INDEX certificates_holder ON certificates (subject, provider_id, not_after);"
  "CREATE UNIQUE INDEX reminders_certificate ON reminders (certificate_id, lead_days)"
  "  WHERE certificate_id IS NOT NULL;"
  "CREATE UNIQUE INDEX reminders_manual ON reminders (manual_entry_id, lead_days, due)"
  "  WHERE manual_entry_id IS NOT NULL;"
  "CREATE INDEX reminders_pending ON reminders (due) WHERE state = 'pending';"
  "CREATE INDEX reminders_snoozed ON reminders (snoozed_until) WHERE state = 'snoozed';"
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;";

/* v2 → v3. v2 wrote the lead times as JSON text by hand and read them back
 * by splitting the text, which let anything through. Now SQLite's JSON
 * functions read them, and the table refuses a value that is not a JSON
 * array. The existing value becomes the distinct whole numbers from 0 to
 * 365 it holds, largest first; a value that is no JSON array is dropped:
 * the default lead times apply until the settings set them again. */
static const char schema_v3[] =
  "CREATE TABLE meta_v3 ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL,"
  "  CHECK (key <> 'lead_days' OR (json_valid (value) AND json_type (value) = 'array'))"
  ") WITHOUT ROWID;"
  "INSERT INTO meta_v3 (key, value) SELECT key, value FROM meta WHERE key <> 'lead_days';"
  "INSERT INTO meta_v3 (key, value)"
  "  SELECT 'lead_days',"
  "         (SELECT json_group_array (days)"
  "          FROM (SELECT DISTINCT j.value AS days FROM json_each (m.value) j"
  "                WHERE j.type = 'integer' AND j.value BETWEEN 0 AND 365"
  "                ORDER BY days DESC))"
  "  FROM meta m"
  "  WHERE m.key = 'lead_days' AND json_valid (m.value) AND json_type (m.value) = 'array';"
  "DROP TABLE meta;"
  "ALTER TABLE meta_v3 RENAME TO meta;";

/* v3 → v4. A rehearsal is kept by fingerprint, not as a reference into
 * certificates: it may be of a certificate opened from a file that no scan
 * records. Nothing typed during a rehearsal is kept, only how it ended. */
static const char schema_v4[] =
  "ALTER TABLE reminders ADD COLUMN requested INTEGER NOT NULL DEFAULT 0"
  "  CHECK (requested IN (0, 1));"
  "CREATE TABLE rehearsals ("
  "  id                 INTEGER PRIMARY KEY,"
  "  certificate_sha256 TEXT NOT NULL CHECK (length (certificate_sha256) = 64),"
  "  completed_at       INTEGER NOT NULL,"
  "  payment_method     TEXT NOT NULL CHECK (payment_method IN"
  "                       ('card', 'transfer', 'phone', 'none')),"
  "  outcome            TEXT NOT NULL CHECK (outcome IN"
  "                       ('finished', 'renewal_page_opened'))"
  ");"
  "CREATE INDEX rehearsals_certificate ON rehearsals (certificate_sha256, completed_at);";

/* v4 → v5. Adding the column fails on a file that already has it: a header
 * that claims an older format than the tables is caught here. */
static const char schema_v5[] =
  "ALTER TABLE reminders ADD COLUMN outstanding INTEGER NOT NULL DEFAULT 0"
  "  CHECK (outstanding IN (0, 1));"
  "CREATE INDEX reminders_outstanding ON reminders (due) WHERE state = 'pending' AND outstanding = 1;"
  "CREATE INDEX manual_entries_identity ON manual_entries (name, provider_id, expiry_date);";

/* v5 → v6. A CHECK cannot be changed in place: the table is rebuilt
 * (https://www.sqlite.org/lang_altertable.html#otheralter) with the same
 * columns and rows, and its indexes made again. Dropping the v5 index
 * fails on a file that does not have it: a header that claims v5 on a v6
 * file is caught here. */
static const char schema_v6[] =
  "DROP INDEX manual_entries_identity;"
  "CREATE TABLE reminders_v6 ("
  "  id              INTEGER PRIMARY KEY,"
  "  certificate_id  INTEGER REFERENCES certificates (id) ON DELETE CASCADE,"
  "  manual_entry_id INTEGER REFERENCES manual_entries (id) ON DELETE CASCADE,"
  "  lead_days       INTEGER NOT NULL CHECK (lead_days BETWEEN 0 AND 365),"
  "  due             INTEGER NOT NULL,"
  "  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state = 'pending' OR state = 'sent'"
  "                    OR state = 'snoozed' OR state = 'dismissed' OR state = 'done'"
  "                    OR state = 'skipped'),"
  "  snoozed_until   INTEGER,"
  "  sent_at         INTEGER,"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL,"
  "  requested       INTEGER NOT NULL DEFAULT 0 CHECK (requested = 0 OR requested = 1),"
  "  outstanding     INTEGER NOT NULL DEFAULT 0 CHECK (outstanding = 0 OR outstanding = 1),"
  "  CHECK ((certificate_id IS NULL) <> (manual_entry_id IS NULL)),"
  "  CHECK (state <> 'snoozed' OR snoozed_until IS NOT NULL)"
  ");"
  "INSERT INTO reminders_v6 (id, certificate_id, manual_entry_id, lead_days, due, state,"
  "                          snoozed_until, sent_at, created_at, updated_at, requested, outstanding)"
  "  SELECT id, certificate_id, manual_entry_id, lead_days, due, state,"
  "         snoozed_until, sent_at, created_at, updated_at, requested, outstanding"
  "  FROM reminders ORDER BY id;"
  "DROP TABLE reminders;"
  "ALTER TABLE reminders_v6 RENAME TO reminders;"
  "CREATE UNIQUE INDEX reminders_certificate ON reminders (certificate_id, lead_days)"
  "  WHERE certificate_id IS NOT NULL;"
  "CREATE UNIQUE INDEX reminders_manual ON reminders (manual_entry_id, lead_days, due)"
  "  WHERE manual_entry_id IS NOT NULL;"
  "CREATE INDEX reminders_pending ON reminders (due) WHERE state = 'pending';"
  "CREATE INDEX reminders_snoozed ON reminders (snoozed_until) WHERE state = 'snoozed';"
  "CREATE INDEX reminders_outstanding ON reminders (due) WHERE state = 'pending' AND outstanding = 1;";

/* v6 → v7. Small indexes: only the rows sent so far, each row in one of
 * them (a query's "certificate_id = ?" implies the first's condition,
 * https://www.sqlite.org/partialindex.html#queries). Creating them fails
 * on a file that has them: a header that claims v6 on a v7 file is caught
 * here. */
static const char schema_v7[] =
  "CREATE INDEX reminders_sent_certificate ON reminders (certificate_id, due)"
  "  WHERE sent_at IS NOT NULL AND certificate_id IS NOT NULL;"
  "CREATE INDEX reminders_sent_manual ON reminders (manual_entry_id, due)"
  "  WHERE sent_at IS NOT NULL AND manual_entry_id IS NOT NULL;";

void
dojang_reminder_set_sqlite_error (sqlite3  *db,
                                  int       rc,
                                  GError  **error)
{
  int primary = rc & 0xff;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
                 _("The reminder database is damaged: %s"), detail);
  else
    g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_FAILED,
                 _("The reminder database could not be used: %s"), detail);
}

/**
 * dojang_reminder_exec_sql:
 * @sql: statements without parameters or results
 *
 * Returns: %FALSE with @error set as dojang_reminder_set_sqlite_error() does
 */
gboolean
dojang_reminder_exec_sql (sqlite3     *db,
                          const char  *sql,
                          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      dojang_reminder_set_sqlite_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_version (sqlite3  *db,
              int      *version,
              GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      dojang_reminder_set_sqlite_error (db, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}

/* v2 keeps the notAfter of manual entries; computing it needs the Korean
 * time zone, so it is done here rather than in SQL. */
static gboolean
fill_manual_not_after (sqlite3  *db,
                       GError  **error)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *update = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT id, expiry_date FROM manual_entries", -1, &select, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "UPDATE manual_entries SET not_after = ?2 WHERE id = ?1",
                             -1, &update, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *date = (const char *) sqlite3_column_text (select, 1);
      g_autoptr(GDateTime) not_after = dojang_reminder_expiry_date_to_instant (date);

      sqlite3_bind_int64 (update, 1, sqlite3_column_int64 (select, 0));
      sqlite3_bind_int64 (update, 2, not_after != NULL ? g_date_time_to_unix (not_after) : 0);
      rc = sqlite3_step (update);
      sqlite3_reset (update);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  if (rc != SQLITE_DONE)
    dojang_reminder_set_sqlite_error (db, rc, error);

  sqlite3_finalize (select);
  sqlite3_finalize (update);

  return rc == SQLITE_DONE;
}

static gboolean
foreign_keys_hold (sqlite3  *db,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
                   _("The reminder database is damaged: %s"),
                   _("reminders point to certificates that do not exist"));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      dojang_reminder_set_sqlite_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* A step of an upgrade that fails on the file's own tables ("table already
 * exists", "duplicate column", "no such table") means the header's format
 * number is not the tables' one: the file is damaged. */
static void
set_upgrade_error (sqlite3  *db,
                   int       rc,
                   int       from_version,
                   GError  **error)
{
  int primary = rc & 0xff;

  if (primary != SQLITE_ERROR && primary != SQLITE_CONSTRAINT)
    {
      dojang_reminder_set_sqlite_error (db, rc, error);
      return;
    }

  g_debug ("Reminder database upgrade from format %d: %s", from_version, sqlite3_errmsg (db));
  g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
               _("The reminder database is damaged: %s"),
               _("its format number does not match its tables"));
}

static gboolean
upgrade_step (sqlite3     *db,
              const char  *sql,
              int          from_version,
              GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_upgrade_error (db, rc, from_version, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
upgrade (sqlite3  *db,
         int       from_version,
         GError  **error)
{
  if (from_version < 1 && !upgrade_step (db, schema_v1, from_version, error))
    return FALSE;

  if (from_version < 2)
    {
      g_autoptr(GError) local_error = NULL;

      if (!upgrade_step (db, schema_v2, from_version, error))
        return FALSE;
      if (!fill_manual_not_after (db, &local_error))
        {
          set_upgrade_error (db, sqlite3_errcode (db), from_version, error);
          return FALSE;
        }
    }

  if (from_version < 3 && !upgrade_step (db, schema_v3, from_version, error))
    return FALSE;

  if (from_version < 4 && !upgrade_step (db, schema_v4, from_version, error))
    return FALSE;

  if (from_version < 5 && !upgrade_step (db, schema_v5, from_version, error))
    return FALSE;

  if (from_version < 6 && !upgrade_step (db, schema_v6, from_version, error))
    return FALSE;

  if (from_version < 7 && !upgrade_step (db, schema_v7, from_version, error))
    return FALSE;

  if (!foreign_keys_hold (db, error))
    return FALSE;

  /* Constants: PRAGMA takes no bound parameters. */
  return dojang_reminder_exec_sql (db,
                                   "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '"
                                   G_STRINGIFY (DOJANG_REMINDER_SCHEMA_VERSION) "');"
                                   "PRAGMA user_version = " G_STRINGIFY (DOJANG_REMINDER_SCHEMA_VERSION),
                                   error);
}

/* The format number meta records, or -1 when it records none. */
static gboolean
read_recorded_version (sqlite3  *db,
                       int      *version,
                       GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *version = -1;
  rc = sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    *version = (int) g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
  sqlite3_finalize (stmt);

  /* No meta table at all: the header claims a format that has one. */
  if ((rc & 0xff) == SQLITE_ERROR)
    return TRUE;

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      dojang_reminder_set_sqlite_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
recorded_version_matches (sqlite3  *db,
                          int       version,
                          GError  **error)
{
  int recorded = -1;

  if (!read_recorded_version (db, &recorded, error))
    return FALSE;

  if (recorded != version)
    {
      g_debug ("Reminder database: format %d in the header, %d in meta", version, recorded);
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
                   _("The reminder database is damaged: %s"),
                   _("its format number does not match its tables"));
      return FALSE;
    }

  return TRUE;
}

/**
 * dojang_reminder_schema_quick_check:
 * @db: an open database
 * @error: return location for an error
 *
 * SQLite's quick_check: every page and record well formed. Takes a few
 * hundred milliseconds on a large file, so it runs when something looks
 * wrong or rarely (see dojang-reminder-store-open.c), not at every open.
 *
 * Returns: %TRUE if the file passed; otherwise @error is
 *   %DOJANG_REMINDER_ERROR_UNREADABLE (damage) or another failure.
 */
gboolean
dojang_reminder_schema_quick_check (sqlite3  *db,
                                    GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *verdict = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    verdict = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      dojang_reminder_set_sqlite_error (db, rc, error);
      return FALSE;
    }

  if (g_strcmp0 (verdict, "ok") != 0)
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_UNREADABLE,
                   _("The reminder database is damaged: %s"), verdict);
      return FALSE;
    }

  return TRUE;
}

/* A file that says it comes from a newer Dojang is left alone only if it
 * is one: both format numbers agree and it passes the integrity check. */
static gboolean
refuse_newer (sqlite3  *db,
              int       version,
              GError  **error)
{
  if (!recorded_version_matches (db, version, error) || !dojang_reminder_schema_quick_check (db, error))
    return FALSE;

  g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_FAILED,
               _("The reminder database was written by a newer version of Dojang (format %d)"),
               version);
  return FALSE;
}

/* Inside the write transaction: whoever got the lock first may have
 * upgraded the file meanwhile, so the version is read again here. */
static gboolean
migrate_locked (sqlite3  *db,
                GError  **error)
{
  int version = 0;

  if (!read_version (db, &version, error))
    return FALSE;

  if (version == DOJANG_REMINDER_SCHEMA_VERSION)
    return recorded_version_matches (db, version, error);

  if (version > DOJANG_REMINDER_SCHEMA_VERSION)
    return refuse_newer (db, version, error);

  return upgrade (db, version, error);
}

/**
 * dojang_reminder_schema_migrate:
 * @db: an open database with foreign keys enabled
 * @error: return location for an error
 *
 * Creates the tables of a new database or upgrades an older one, in one
 * write transaction that reads the format again once it holds the lock, so
 * two first runs at once create the tables once. A failed upgrade leaves
 * the file as it was. A file from a newer Dojang is refused, not touched;
 * a file whose format number does not match its tables is reported as
 * damaged (%DOJANG_REMINDER_ERROR_UNREADABLE).
 */
gboolean
dojang_reminder_schema_migrate (sqlite3  *db,
                                GError  **error)
{
  int version = 0;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!read_version (db, &version, error))
    return FALSE;

  if (version == DOJANG_REMINDER_SCHEMA_VERSION)
    return recorded_version_matches (db, version, error);

  if (version > DOJANG_REMINDER_SCHEMA_VERSION)
    return refuse_newer (db, version, error);

  /* Table rebuilds want foreign keys off; the check in upgrade() runs
   * instead. The pragma is a no-op inside a transaction, so it comes first. */
  if (!dojang_reminder_exec_sql (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  ok = dojang_reminder_exec_sql (db, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = migrate_locked (db, error);
      if (ok)
        ok = dojang_reminder_exec_sql (db, "COMMIT", error);
      else
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }

  if (!dojang_reminder_exec_sql (db, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    return FALSE;

  return ok;
}
