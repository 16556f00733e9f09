/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Upgrades of the reminder database on real SQLite files written in an
 * older format: from v2, the lead times v2 kept as hand-written text become
 * a JSON array that SQLite checks and json_each() reads; from v5, the
 * reminders table is rebuilt with a state CHECK that SQLite evaluates
 * without a temporary table, every row and its history kept. */

#include "config.h"

#include "dojang-reminder-schema.h"
#include "reminder-store-fixture.h"

/* The v2 schema, exactly as v2 left a database (v1 tables rebuilt). */
static const char v2_schema[] =
  "CREATE TABLE manual_entries (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
  "  provider_id TEXT NOT NULL, type_name TEXT NOT NULL DEFAULT '', expiry_date TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL, not_after INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE certificates (id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64), subject TEXT NOT NULL,"
  "  name TEXT NOT NULL, provider_id TEXT NOT NULL, type_name TEXT NOT NULL DEFAULT '',"
  "  not_after INTEGER NOT NULL, path TEXT, first_seen INTEGER NOT NULL,"
  "  last_seen INTEGER NOT NULL);"
  "CREATE TABLE reminders (id INTEGER PRIMARY KEY,"
  "  certificate_id INTEGER REFERENCES certificates (id) ON DELETE CASCADE,"
  "  manual_entry_id INTEGER REFERENCES manual_entries (id) ON DELETE CASCADE,"
  "  lead_days INTEGER NOT NULL CHECK (lead_days BETWEEN 0 AND 365), due INTEGER NOT NULL,"
  "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN"
  "    ('pending', 'sent', 'snoozed', 'dismissed', 'done', 'skipped')),"
  "  snoozed_until INTEGER, sent_at INTEGER, created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CHECK ((certificate_id IS NULL) <> (manual_entry_id IS NULL)),"
  "  CHECK (state <> 'snoozed' OR snoozed_until IS NOT NULL));"
  "CREATE INDEX certificates_holder ON certificates (subject, provider_id, not_after);"
  "CREATE UNIQUE INDEX reminders_certificate ON reminders (certificate_id, lead_days)"
  "  WHERE certificate_id IS NOT NULL;"
  "CREATE UNIQUE INDEX reminders_manual ON reminders (manual_entry_id, lead_days, due)"
  "  WHERE manual_entry_id IS NOT NULL;"
  "CREATE INDEX reminders_pending ON reminders (due) WHERE state = 'pending';"
  "CREATE INDEX reminders_snoozed ON reminders (snoozed_until) WHERE state = 'snoozed';"
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;"
  /* notAfter 2026-12-01 23:59:59 KST; D-30 sent, D-7 and D-1 pending. */
  "INSERT INTO certificates VALUES (1, '" SHA_A "', '" SUBJECT "', '홍길동', 'yessign', '범용',"
  "  1796137199, '/home/u/NPKI/yessign/USER/a/signCert.der', 1790000000, 1790000000);"
  "INSERT INTO reminders VALUES (1, 1, NULL, 30, 1793581200, 'sent', NULL, 1793581300,"
  "  1790000000, 1793581300);"
  "INSERT INTO reminders VALUES (2, 1, NULL, 7, 1795568400, 'pending', NULL, NULL,"
  "  1790000000, 1790000000);"
  "INSERT INTO reminders VALUES (3, 1, NULL, 1, 1796086800, 'pending', NULL, NULL,"
  "  1790000000, 1790000000);"
  "PRAGMA user_version = 2;";

typedef struct
{
  const char *name;
  const char *stored;     /* the v2 meta value, NULL for no row */
  const char *expected;   /* the lead times read after the upgrade */
  gboolean    kept;       /* whether a lead_days row remains */
} Case;

static const Case cases[] = {
  /* What v2 itself wrote. */
  { "as-written", "[30,7,1]", "30 7 1", TRUE },
  /* Text the old splitting reader let through, duplicates and all. */
  { "loose", "[ 7, 30,30, 400, \"1\", 1, -1, 2.5 ]", "30 7 1", TRUE },
  /* Every lead time switched off stays off. */
  { "empty", "[]", "", TRUE },
  /* No JSON array: the defaults, until the settings set the lead times. */
  { "not-json", "60, 30", "60 30 7 1 0", FALSE },
  { "object", "{\"days\": [60]}", "60 30 7 1 0", FALSE },
  { "no-row", NULL, "60 30 7 1 0", FALSE },
};

static void
make_v2_file (const char *path,
              const char *stored)
{
  g_autofree char *folder = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, v2_schema, NULL, NULL, NULL), ==, SQLITE_OK);
  if (stored != NULL)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO meta VALUES ('lead_days', ?1)", -1,
                                           &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, stored, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 2);
}

static char *
lead_days_text (DojangReminderStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize n = 0;
  const int *days = dojang_reminder_store_get_lead_days (store, &n);

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? " " : "", days[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Runs @sql on the file and returns the SQLite result code. */
static int
exec_on_file (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);

  return rc;
}

static void
test_upgrade (Fixture       *fixture,
              gconstpointer  data)
{
  const Case *c = data;
  g_autofree char *read = NULL;
  g_autofree char *states = NULL;

  make_v2_file (fixture->path, c->stored);
  open_store (fixture);

  g_assert_null (dojang_reminder_store_get_recovered_from (fixture->store));
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, DOJANG_REMINDER_SCHEMA_VERSION);
  read = lead_days_text (fixture->store);
  g_assert_cmpstr (read, ==, c->expected);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM meta WHERE key = 'lead_days'"),
                   ==, c->kept ? 1 : 0);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM meta WHERE key = 'lead_days'"
                              " AND NOT (json_valid (value) AND json_type (value) = 'array')"), ==, 0);
  /* The reminders and their history are untouched by the upgrade. */
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "30:sent 7:pending 1:pending");
}

/* Written as JSON and read back through json_each(), also after reopening. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  static const int chosen[] = { 7, 90, 0, 90 };
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  g_autofree char *reread = NULL;

  make_v2_file (fixture->path, "[30,7,1]");
  open_store (fixture);

  g_assert_true (dojang_reminder_store_set_lead_days (fixture->store, chosen,
                                                      G_N_ELEMENTS (chosen), &error));
  g_assert_no_error (error);
  read = lead_days_text (fixture->store);
  g_assert_cmpstr (read, ==, "90 7 0");
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT value = '[90,7,0]' FROM meta WHERE key = 'lead_days'"), ==, 1);

  open_store (fixture);
  reread = lead_days_text (fixture->store);
  g_assert_cmpstr (reread, ==, "90 7 0");
}

/* After the upgrade the file itself refuses lead times that are not a
 * JSON array, whoever writes them. */
static void
test_table_refuses_text (Fixture       *fixture,
                         gconstpointer  data)
{
  make_v2_file (fixture->path, "[30,7,1]");
  open_store (fixture);
  g_clear_object (&fixture->store);

  g_assert_cmpint (exec_on_file (fixture->path,
                                 "UPDATE meta SET value = '60, 30' WHERE key = 'lead_days'"),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_on_file (fixture->path,
                                 "UPDATE meta SET value = '{}' WHERE key = 'lead_days'"),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_on_file (fixture->path,
                                 "UPDATE meta SET value = '[60]' WHERE key = 'lead_days'"),
                   ==, SQLITE_OK);
}

/* The v5 schema, as v5 left a database, and a row of every kind: a sent,
 * an outstanding, a snoozed, a dismissed and a requested reminder. */
static const char v5_file[] =
  "CREATE TABLE manual_entries (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
  "  provider_id TEXT NOT NULL, type_name TEXT NOT NULL DEFAULT '', expiry_date TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL, not_after INTEGER NOT NULL DEFAULT 0,"
  "  updated_at INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE certificates (id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64), subject TEXT NOT NULL,"
  "  name TEXT NOT NULL, provider_id TEXT NOT NULL, type_name TEXT NOT NULL DEFAULT '',"
  "  not_after INTEGER NOT NULL, path TEXT, first_seen INTEGER NOT NULL,"
  "  last_seen INTEGER NOT NULL);"
  "CREATE TABLE reminders (id INTEGER PRIMARY KEY,"
  "  certificate_id INTEGER REFERENCES certificates (id) ON DELETE CASCADE,"
  "  manual_entry_id INTEGER REFERENCES manual_entries (id) ON DELETE CASCADE,"
  "  lead_days INTEGER NOT NULL CHECK (lead_days BETWEEN 0 AND 365), due INTEGER NOT NULL,"
  "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN"
  "    ('pending', 'sent', 'snoozed', 'dismissed', 'done', 'skipped')),"
  "  snoozed_until INTEGER, sent_at INTEGER, created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  requested INTEGER NOT NULL DEFAULT 0 CHECK (requested IN (0, 1)),"
  "  outstanding INTEGER NOT NULL DEFAULT 0 CHECK (outstanding IN (0, 1)),"
  "  CHECK ((certificate_id IS NULL) <> (manual_entry_id IS NULL)),"
  "  CHECK (state <> 'snoozed' OR snoozed_until IS NOT NULL));"
  "CREATE INDEX certificates_holder ON certificates (subject, provider_id, not_after);"
  "CREATE UNIQUE INDEX reminders_certificate ON reminders (certificate_id, lead_days)"
  "  WHERE certificate_id IS NOT NULL;"
  "CREATE UNIQUE INDEX reminders_manual ON reminders (manual_entry_id, lead_days, due)"
  "  WHERE manual_entry_id IS NOT NULL;"
  "CREATE INDEX reminders_pending ON reminders (due) WHERE state = 'pending';"
  "CREATE INDEX reminders_snoozed ON reminders (snoozed_until) WHERE state = 'snoozed';"
  "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL,"
  "  CHECK (key <> 'lead_days' OR (json_valid (value) AND json_type (value) = 'array'))) WITHOUT ROWID;"
  "CREATE TABLE rehearsals (id INTEGER PRIMARY KEY,"
  "  certificate_sha256 TEXT NOT NULL CHECK (length (certificate_sha256) = 64),"
  "  completed_at INTEGER NOT NULL,"
  "  payment_method TEXT NOT NULL CHECK (payment_method IN ('card', 'transfer', 'phone', 'none')),"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('finished', 'renewal_page_opened')));"
  "CREATE INDEX rehearsals_certificate ON rehearsals (certificate_sha256, completed_at);"
  "CREATE INDEX reminders_outstanding ON reminders (due) WHERE state = 'pending' AND outstanding = 1;"
  "CREATE INDEX manual_entries_identity ON manual_entries (name, provider_id, expiry_date);"
  /* notAfter 2026-12-01 23:59:59 KST; a manual entry for 2026-12-20. */
  "INSERT INTO certificates VALUES (1, '" SHA_A "', '" SUBJECT "', '홍길동', 'yessign', '범용',"
  "  1796137199, '/home/u/NPKI/yessign/USER/a/signCert.der', 1790000000, 1790000000);"
  "INSERT INTO manual_entries VALUES (1, '엄마', 'kica', '', '2026-12-20', 1790000000,"
  "  1797778799, 1790000000);"
  "INSERT INTO reminders VALUES (1, 1, NULL, 30, 1793581200, 'sent', NULL, 1793581300,"
  "  1790000000, 1793581300, 0, 0);"
  "INSERT INTO reminders VALUES (2, 1, NULL, 7, 1795568400, 'pending', NULL, NULL,"
  "  1790000000, 1790000000, 0, 1);"
  "INSERT INTO reminders VALUES (3, 1, NULL, 1, 1796086800, 'snoozed', 1796090400, NULL,"
  "  1790000000, 1796086900, 0, 0);"
  "INSERT INTO reminders VALUES (4, NULL, 1, 30, 1795136400, 'dismissed', NULL, NULL,"
  "  1790000000, 1795136500, 0, 0);"
  "INSERT INTO reminders VALUES (5, NULL, 1, 0, 1797728400, 'pending', NULL, NULL,"
  "  1790000000, 1790000000, 1, 0);"
  "INSERT INTO rehearsals VALUES (1, '" SHA_A "', 1791000000, 'card', 'finished');"
  "INSERT INTO meta VALUES ('lead_days', '[30,7,1,0]');"
  "INSERT INTO meta VALUES ('checked_through', '1795500000');"
  "INSERT INTO meta VALUES ('schema_version', '5');"
  "PRAGMA user_version = 5;";

/* Every column of every reminder, in id order. */
#define REMINDER_ROWS \
  "SELECT group_concat (row, ' ') FROM (SELECT id || ':' || ifnull (certificate_id, '-') || ':'" \
  " || ifnull (manual_entry_id, '-') || ':' || lead_days || ':' || due || ':' || state || ':'" \
  " || ifnull (snoozed_until, '-') || ':' || ifnull (sent_at, '-') || ':' || created_at || ':'" \
  " || updated_at || ':' || requested || ':' || outstanding AS row FROM reminders ORDER BY id)"

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Whether SQLite builds a temporary table to insert a reminder: what it
 * did for every row under the v5 state CHECK. */
static gboolean
insert_uses_temporary_table (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  /* Read-write: on a read-only connection SQLite codes no CHECK at all. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "EXPLAIN INSERT INTO reminders (manual_entry_id, lead_days, due,"
                                       " state, created_at, updated_at) VALUES (1, 3, 5, 'pending', 1, 1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    found |= g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "OpenEphemeral") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return found;
}

static void
make_v5_file (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (exec_on_file (path, v5_file), ==, SQLITE_OK);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 5);
}

static void
test_v5_upgrade (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *states = NULL;

  make_v5_file (fixture->path);
  before = query_text (fixture->path, REMINDER_ROWS);
  g_assert_true (insert_uses_temporary_table (fixture->path));

  open_store (fixture);
  g_assert_null (dojang_reminder_store_get_recovered_from (fixture->store));
  g_clear_object (&fixture->store);

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, DOJANG_REMINDER_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT value = '" G_STRINGIFY (DOJANG_REMINDER_SCHEMA_VERSION) "'"
                              " FROM meta WHERE key = 'schema_version'"), ==, 1);
  g_assert_false (insert_uses_temporary_table (fixture->path));

  /* Every reminder, its state and history as they were; the rest too. */
  after = query_text (fixture->path, REMINDER_ROWS);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM manual_entries"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM rehearsals"), ==, 1);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT value = '1795500000' FROM meta WHERE key = 'checked_through'"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);

  /* The indexes the queries use, and not the one none uses. */
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'reminders'"
                              " AND name IN ('reminders_certificate', 'reminders_manual', 'reminders_pending',"
                              " 'reminders_snoozed', 'reminders_outstanding', 'reminders_sent_certificate',"
                              " 'reminders_sent_manual')"), ==, 7);
  /* The sent indexes hold the one sent reminder of the v5 file. */
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM reminders INDEXED BY reminders_sent_certificate"
                              " WHERE certificate_id IS NOT NULL AND sent_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM sqlite_schema WHERE name = 'manual_entries_identity'"), ==, 0);

  open_store (fixture);
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "30:sent 7:pending 1:snoozed");
}

/* The rewritten CHECKs refuse what the old ones refused. */
static void
test_v6_table_refuses (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const refused[] = {
    "INSERT INTO reminders (manual_entry_id, lead_days, due, state, created_at, updated_at)"
    " VALUES (1, 3, 5, 'later', 1, 1)",
    "INSERT INTO reminders (manual_entry_id, lead_days, due, state, created_at, updated_at)"
    " VALUES (1, 3, 5, 'Pending', 1, 1)",
    "INSERT INTO reminders (manual_entry_id, lead_days, due, state, created_at, updated_at)"
    " VALUES (1, 3, 5, 'snoozed', 1, 1)",
    "INSERT INTO reminders (manual_entry_id, lead_days, due, created_at, updated_at, requested)"
    " VALUES (1, 3, 5, 1, 1, 2)",
    "INSERT INTO reminders (manual_entry_id, lead_days, due, created_at, updated_at, outstanding)"
    " VALUES (1, 3, 5, 1, 1, -1)",
    "UPDATE reminders SET state = 'gone' WHERE id = 5",
  };

  make_v5_file (fixture->path);
  open_store (fixture);
  g_clear_object (&fixture->store);

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_cmpint (exec_on_file (fixture->path, refused[i]), ==, SQLITE_CONSTRAINT);
    }
  g_assert_cmpint (exec_on_file (fixture->path,
                                 "INSERT INTO reminders (manual_entry_id, lead_days, due, state, created_at,"
                                 " updated_at) VALUES (1, 3, 5, 'skipped', 1, 1)"), ==, SQLITE_OK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/dojang/reminder-migration/v2-lead-days/%s",
                                               cases[i].name);

      g_test_add (name, Fixture, &cases[i], fixture_set_up, test_upgrade, fixture_tear_down);
    }
  g_test_add ("/dojang/reminder-migration/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/dojang/reminder-migration/table-refuses-text", Fixture, NULL,
              fixture_set_up, test_table_refuses_text, fixture_tear_down);
  g_test_add ("/dojang/reminder-migration/v5-keeps-every-row", Fixture, NULL,
              fixture_set_up, test_v5_upgrade, fixture_tear_down);
  g_test_add ("/dojang/reminder-migration/v6-table-refuses", Fixture, NULL,
              fixture_set_up, test_v6_table_refuses, fixture_tear_down);

  return g_test_run ();
}
