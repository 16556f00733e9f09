/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore on real SQLite files in a temporary folder: the
 * schema and its migration from v1, recording certificates, rescheduling
 * when the lead times change, retiring renewed certificates, JSON export
 * and import, and recovery from a damaged file. The due check itself is in
 * test-reminder-due.c. */

#include "config.h"

#include <unistd.h>

#include "dojang-reminder-schema.h"
#include "dojang-test-fixtures.h"
#include "reminder-store-fixture.h"

static void
test_fresh_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  open_store (fixture);

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (dojang_reminder_store_get_recovered_from (fixture->store));
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, DOJANG_REMINDER_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM sqlite_schema WHERE name IN"
                              " ('certificates', 'manual_entries', 'reminders', 'meta',"
                              "  'reminders_pending', 'reminders_snoozed')"), ==, 6);

  /* WAL mode is a property of the file. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* Reopening an up-to-date file changes nothing. */
  open_store (fixture);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, DOJANG_REMINDER_SCHEMA_VERSION);
}

/* The first released schema, exactly as v1 wrote it, with data of the kind
 * v1 produced (including rows v2 no longer accepts). */
static const char v1_fixture[] =
  "CREATE TABLE certificates (sha256 TEXT PRIMARY KEY NOT NULL, subject TEXT NOT NULL,"
  "  provider_id TEXT NOT NULL, type_name TEXT NOT NULL DEFAULT '', not_after INTEGER NOT NULL,"
  "  path TEXT, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL);"
  "CREATE TABLE manual_entries (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
  "  provider_id TEXT NOT NULL, type_name TEXT NOT NULL DEFAULT '', expiry_date TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL);"
  "CREATE TABLE reminders (id INTEGER PRIMARY KEY,"
  "  certificate_sha256 TEXT REFERENCES certificates (sha256) ON DELETE CASCADE,"
  "  manual_entry_id INTEGER REFERENCES manual_entries (id) ON DELETE CASCADE,"
  "  lead_days INTEGER NOT NULL, due INTEGER NOT NULL, state TEXT NOT NULL DEFAULT 'pending',"
  "  snoozed_until INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
  "CREATE INDEX reminders_due ON reminders (due);"
  "PRAGMA user_version = 1;"
  /* notAfter 2026-12-01 23:59:59 KST */
  "INSERT INTO certificates VALUES ('" SHA_A "', '" SUBJECT "', 'yessign', '범용',"
  "  1796137199, '/home/u/NPKI/yessign/USER/a/signCert.der', 1790000000, 1790000000);"
  "INSERT INTO manual_entries VALUES (1, '휴대폰 인증서', 'kica', '은행용', '2027-03-31', 1790000000);"
  /* D-60 sent, D-30 pending, D-7 with a state v1 never defined, D-7 again (duplicate). */
  "INSERT INTO reminders VALUES (1, '" SHA_A "', NULL, 60, 1790989200, 'sent', NULL, 1790000000, 1790989300);"
  "INSERT INTO reminders VALUES (2, '" SHA_A "', NULL, 30, 1793581200, 'pending', NULL, 1790000000, 1790000000);"
  "INSERT INTO reminders VALUES (3, '" SHA_A "', NULL, 7, 1795568400, 'whatever', NULL, 1790000000, 1790000000);"
  "INSERT INTO reminders VALUES (4, '" SHA_A "', NULL, 7, 1795568400, 'pending', NULL, 1790000000, 1790000000);"
  "INSERT INTO reminders VALUES (5, NULL, 1, 30, 1803945600, 'pending', NULL, 1790000000, 1790000000);"
  "INSERT INTO reminders VALUES (6, NULL, NULL, 1, 1803945600, 'pending', NULL, 1790000000, 1790000000);";

static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *states = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, v1_fixture, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 1);

  open_store (fixture);

  g_assert_null (dojang_reminder_store_get_recovered_from (fixture->store));
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, DOJANG_REMINDER_SCHEMA_VERSION);
  /* The holder's name, derived from the subject. */
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM certificates WHERE name = '홍길동'"), ==, 1);
  /* The sent reminder keeps its history stamp. */
  g_assert_cmpint (query_int (fixture->path, "SELECT sent_at FROM reminders WHERE id = 1"), ==, 1790989300);
  /* v3: no reminder was asked for, and there is an empty rehearsals table. */
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reminders WHERE requested = 0"), ==, 4);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM rehearsals"), ==, 0);
  /* The duplicate D-7 and the reminder about nothing are gone; the unknown state is pending. */
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reminders"), ==, 4);
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "60:sent 30:pending 7:pending");

  /* The manual entry's notAfter was computed in Korean time. */
  g_assert_cmpint (query_int (fixture->path, "SELECT not_after FROM manual_entries WHERE id = 1"), ==,
                   1806505199);
  entries = dojang_reminder_store_list_manual_entries (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (dojang_manual_entry_get_expiry_date (g_ptr_array_index (entries, 0)), ==, "2027-03-31");

  /* The migrated file works: the due check uses the new indexes and states. */
  g_assert_cmpuint (collect (fixture->store, "2026-11-30T10:00:00+09:00", NULL), ==, 1);
  g_clear_pointer (&states, g_free);
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "60:sent 30:skipped 7:sent");
}

static void
test_newer_file_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DojangReminderStore) store = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  /* A newer Dojang records its format in meta too (see dojang-reminder-schema.c). */
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE meta (key TEXT PRIMARY KEY, value);"
                                 "INSERT INTO meta VALUES ('schema_version', '9');"
                                 "CREATE TABLE future (x); PRAGMA user_version = 9;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = dojang_reminder_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_FAILED);
  /* Not damaged, so not moved. */
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 9);
}

static void
test_upsert (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) not_after = at ("2026-12-01T23:59:59+09:00");
  g_autoptr(GDateTime) later = at ("2026-11-20T08:00:00+09:00");
  DojangReminder *first;

  open_store (fixture);
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  g_assert_cmpuint (dojang_reminder_store_count_certificates (fixture->store), ==, 1);

  dojang_reminder_store_upsert_certificate (fixture->store, SHA_A, SUBJECT, "홍길동", "yessign", "범용",
                                            not_after, NULL, later, &error);
  g_assert_no_error (error);
  /* A scan without a path keeps the last one; last_seen moves on. */
  g_assert_cmpint (query_int (fixture->path, "SELECT path IS NOT NULL FROM certificates"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT last_seen - first_seen FROM certificates"), ==,
                   19 * 24 * 3600 - 4 * 3600);

  upcoming = dojang_reminder_store_list_upcoming (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 5);
  first = g_ptr_array_index (upcoming, 0);
  g_assert_cmpint (dojang_reminder_get_lead_days (first), ==, 60);
  g_assert_cmpstr (dojang_reminder_get_name (first), ==, "홍길동");
  g_assert_cmpstr (dojang_reminder_get_provider_id (first), ==, "yessign");
  g_assert_cmpstr (dojang_reminder_get_type_name (first), ==, "범용");
  g_assert_cmpstr (dojang_reminder_get_certificate_sha256 (first), ==, SHA_A);
  g_assert_false (dojang_reminder_is_manual (first));
  assert_instant (dojang_reminder_get_due (first), "2026-10-02T09:00:00+09:00");
  assert_instant (dojang_reminder_get_due (g_ptr_array_index (upcoming, 4)), "2026-12-01T09:00:00+09:00");

  /* Bad input is refused, not stored. */
  dojang_reminder_store_upsert_certificate (fixture->store, "ABC", SUBJECT, "홍길동", "yessign", "범용",
                                            not_after, NULL, later, &error);
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID);
  g_assert_cmpuint (dojang_reminder_store_count_certificates (fixture->store), ==, 1);
}

static void
test_reschedule_keeps_history (Fixture       *fixture,
                               gconstpointer  data)
{
  static const int fewer[] = { 30, 7 };
  static const int more[] = { 60, 30, 14, 7, 1, 0, 7 };
  g_autoptr(GError) error = NULL;
  g_autofree char *states = NULL;
  const int *current;
  gsize n = 0;

  open_store (fixture);
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");

  /* D-60 sent on 2 October, D-30 dismissed by the user. */
  g_assert_cmpuint (collect (fixture->store, "2026-10-02T09:00:00+09:00", NULL), ==, 1);
  {
    g_autoptr(GPtrArray) upcoming = dojang_reminder_store_list_upcoming (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpint (dojang_reminder_get_lead_days (g_ptr_array_index (upcoming, 0)), ==, 30);
    dojang_reminder_store_dismiss (fixture->store,
                                   dojang_reminder_get_id (g_ptr_array_index (upcoming, 0)), &error);
    g_assert_no_error (error);
  }

  dojang_reminder_store_set_lead_days (fixture->store, fewer, G_N_ELEMENTS (fewer), &error);
  g_assert_no_error (error);
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "60:sent 30:dismissed 7:pending");

  /* Duplicates collapse; a new lead time appears; history stays single. */
  dojang_reminder_store_set_lead_days (fixture->store, more, G_N_ELEMENTS (more), &error);
  g_assert_no_error (error);
  g_clear_pointer (&states, g_free);
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "60:sent 30:dismissed 14:pending 7:pending 1:pending 0:pending");

  current = dojang_reminder_store_get_lead_days (fixture->store, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpint (current[0], ==, 60);
  g_assert_cmpint (current[5], ==, 0);

  /* The lead times survive reopening; unchanged ones reschedule nothing. */
  open_store (fixture);
  current = dojang_reminder_store_get_lead_days (fixture->store, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpint (current[2], ==, 14);

  /* A newly added lead time that is already past, with a later reminder
   * already sent, is not sent late. */
  g_assert_cmpuint (collect (fixture->store, "2026-11-24T09:00:00+09:00", NULL), ==, 1);
  {
    static const int with_ten[] = { 60, 30, 14, 10, 7, 1, 0 };

    dojang_reminder_store_set_lead_days (fixture->store, with_ten, G_N_ELEMENTS (with_ten), &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (collect (fixture->store, "2026-11-24T10:00:00+09:00", NULL), ==, 0);

  {
    static const int bad[] = { 7, 400 };

    g_assert_false (dojang_reminder_store_set_lead_days (fixture->store, bad, G_N_ELEMENTS (bad), &error));
    g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID);
  }
}

static void
test_retire_on_renewal (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *old_states = NULL;
  g_autofree char *new_states = NULL;
  g_autofree char *late_states = NULL;

  open_store (fixture);
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  g_assert_cmpuint (collect (fixture->store, "2026-11-02T09:00:00+09:00", NULL), ==, 1);

  /* Renewed: same holder and CA, a year later. */
  upsert (fixture->store, SHA_B, SUBJECT, "2027-12-01T23:59:59+09:00");
  old_states = states_of (fixture, SHA_A);
  g_assert_cmpstr (old_states, ==, "60:skipped 30:done 7:done 1:done 0:done");
  new_states = states_of (fixture, SHA_B);
  g_assert_cmpstr (new_states, ==, "60:pending 30:pending 7:pending 1:pending 0:pending");

  /* The old file is still on disk and scanned again: it stays retired. */
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  g_clear_pointer (&old_states, g_free);
  old_states = states_of (fixture, SHA_A);
  g_assert_cmpstr (old_states, ==, "60:skipped 30:done 7:done 1:done 0:done");
  g_assert_cmpuint (collect (fixture->store, "2026-11-24T09:00:00+09:00", NULL), ==, 0);

  /* Found in the other order, the older one gets no reminders at all. */
  upsert (fixture->store, SHA_C, SUBJECT, "2025-12-01T23:59:59+09:00");
  late_states = states_of (fixture, SHA_C);
  g_assert_cmpstr (late_states, ==, "");
}

/* A deleted certificate's reminders go, sent and snoozed ones too; if the
 * deletion is undone, the next scan brings fresh ones. */
static void
test_retire_deleted (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *back = NULL;

  open_store (fixture);
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  upsert (fixture->store, SHA_B, "김철수()0011048202001019876543", "2026-12-01T23:59:59+09:00");
  g_assert_cmpuint (collect (fixture->store, "2026-11-02T09:00:00+09:00", NULL), ==, 2);

  g_assert_true (dojang_reminder_store_retire_certificate (fixture->store, SHA_A, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM certificates WHERE sha256 = '" SHA_A "'"),
                   ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reminders r JOIN certificates c"
                                             " ON c.id = r.certificate_id WHERE c.sha256 = '" SHA_B "'"),
                   ==, 5);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reminders"), ==, 5);
  g_assert_cmpuint (collect (fixture->store, "2026-11-24T09:00:00+09:00", NULL), ==, 1);

  /* Unknown and upper-case fingerprints are fine. */
  g_assert_true (dojang_reminder_store_retire_certificate (fixture->store, SHA_C, &error));
  g_assert_no_error (error);
  kept = states_of (fixture, SHA_B);
  g_assert_true (dojang_reminder_store_retire_certificate (fixture->store,
                                                           "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
                                                           &error));
  g_assert_no_error (error);
  gone = states_of (fixture, SHA_B);
  g_assert_cmpstr (kept, ==, "60:skipped 30:sent 7:sent 1:pending 0:pending");
  g_assert_cmpstr (gone, ==, "");

  /* Undone: found again, scheduled afresh as of now. */
  set_clock (fixture->store, "2026-11-10T09:00:00+09:00");
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  back = states_of (fixture, SHA_A);
  g_assert_cmpstr (back, ==, "60:skipped 30:pending 7:pending 1:pending 0:pending");
}

static void
fill_for_export (Fixture *fixture)
{
  g_autoptr(GDateTime) now = at ("2026-11-24T09:05:00+09:00");
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;

  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  dojang_reminder_store_add_manual_entry (fixture->store, "휴대폰 인증서", "kica", "은행용", "2027-01-31", &error);
  g_assert_no_error (error);
  dojang_reminder_store_add_manual_entry (fixture->store, "USB \"회사\"", "other", "", "2026-12-10", &error);
  g_assert_no_error (error);

  sent = collect_due (fixture->store, now, &error);
  g_assert_no_error (error);
  /* The certificate's D-7 and the USB stick's D-30. */
  g_assert_cmpuint (sent->len, ==, 2);
  dojang_reminder_store_snooze (fixture->store, dojang_reminder_get_id (g_ptr_array_index (sent, 0)), now, &error);
  g_assert_no_error (error);
}

static char *
export (DojangReminderStore *store)
{
  g_autoptr(GDateTime) now = at ("2026-11-24T12:00:00+09:00");
  g_autoptr(GError) error = NULL;
  char *json = dojang_reminder_store_export_json (store, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);

  return json;
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *exported = NULL;
  g_autofree char *reexported = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  open_store (fixture);
  fill_for_export (fixture);
  exported = export (fixture->store);
  g_assert_nonnull (strstr (exported, "\"format\" : \"dojang-reminders\""));
  g_assert_nonnull (strstr (exported, "\"state\" : \"snoozed\""));

  /* Into a fresh store in another file. */
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  fixture->path = g_build_filename (fixture->folder, "other", "dojang.db", NULL);
  open_store (fixture);

  g_assert_true (dojang_reminder_store_import_json (fixture->store, exported, -1, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1 + 2 + 15);
  reexported = export (fixture->store);
  g_assert_cmpstr (reexported, ==, exported);

  /* Importing the same file again duplicates nothing. */
  g_assert_true (dojang_reminder_store_import_json (fixture->store, exported, -1, &n, &error));
  g_assert_no_error (error);
  again = export (fixture->store);
  g_assert_cmpstr (again, ==, exported);

  /* The imported history is live: nothing due is sent twice. */
  g_assert_cmpuint (collect (fixture->store, "2026-11-24T12:00:00+09:00", NULL), ==, 0);
}

/* A folder name that is not UTF-8 (a stick formatted elsewhere) is exported
 * as it is shown, and the file imports again. */
static void
test_export_invalid_path (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) not_after = at ("2026-12-01T23:59:59+09:00");
  g_autoptr(GDateTime) seen = at ("2026-11-01T12:00:00+09:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  guint n = 0;

  open_store (fixture);
  dojang_reminder_store_upsert_certificate (fixture->store, SHA_A, SUBJECT, "홍길동", "yessign", "범용",
                                            not_after, "/media/\xff\xfe/NPKI/yessign/USER/x/signCert.der",
                                            seen, &error);
  g_assert_no_error (error);
  exported = export (fixture->store);
  g_assert_true (g_utf8_validate (exported, -1, NULL));
  g_assert_null (strstr (exported, "\xff"));
  g_assert_nonnull (strstr (exported, "/NPKI/yessign/USER/x/signCert.der"));

  g_clear_object (&fixture->store);
  g_free (fixture->path);
  fixture->path = g_build_filename (fixture->folder, "other", "dojang.db", NULL);
  open_store (fixture);
  g_assert_true (dojang_reminder_store_import_json (fixture->store, exported, -1, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 1);
}

static void
test_bad_import (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char bad[] =
    "{ \"format\": \"dojang-reminders\", \"version\": 1,"
    "  \"certificates\": [ { \"sha256\": \"XYZ\", \"subject\": \"a\", \"provider_id\": \"kica\","
    "                        \"not_after\": \"2027-01-01T00:00:00Z\" } ],"
    "  \"manual_entries\": [ { \"id\": 1, \"name\": \"good\", \"provider_id\": \"kica\","
    "                          \"expiry_date\": \"2027-01-31\" },"
    "                        { \"id\": 2, \"name\": \"\", \"provider_id\": \"kica\","
    "                          \"expiry_date\": \"2027-13-01\" } ],"
    "  \"reminders\": [ { \"manual_entry\": 1, \"lead_days\": 7, \"due\": \"2027-01-24T00:00:00Z\","
    "                     \"state\": \"pending\" },"
    "                   { \"manual_entry\": 1, \"lead_days\": 3, \"due\": \"soon\", \"state\": \"pending\" },"
    "                   { \"manual_entry\": 9, \"lead_days\": 900, \"due\": \"2027-01-24T00:00:00Z\","
    "                     \"state\": \"lost\" },"
    "                   \"nonsense\" ] }";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const expected[] = {
    "certificates[0].sha256",
    "manual_entries[1].name",
    "manual_entries[1].expiry_date",
    "reminders[1].due",
    "reminders[2].manual_entry",
    "reminders[2].lead_days",
    "reminders[2].state",
    "reminders[3]",
  };
  /* Whole lines: the record and field first, then what is wrong. */
  static const char * const expected_lines[] = {
    "\nmanual_entries[1].expiry_date: not a date (YYYY-MM-DD)\n",
    "\nreminders[2].lead_days: expected a whole number from 0 to 365\n",
    "\nreminders[3]: expected an object",
  };

  open_store (fixture);
  fill_for_export (fixture);
  before = export (fixture->store);

  g_assert_false (dojang_reminder_store_import_json (fixture->store, bad, -1, NULL, &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (strstr (error->message, expected[i]) == NULL)
        g_error ("“%s” not reported in: %s", expected[i], error->message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected_lines); i++)
    {
      if (strstr (error->message, expected_lines[i]) == NULL)
        g_error ("“%s” not reported in: %s", expected_lines[i], error->message);
    }
  /* The good records are not reported… */
  g_assert_null (strstr (error->message, "manual_entries[0]"));
  g_assert_null (strstr (error->message, "reminders[0]"));
  g_clear_error (&error);

  /* …and not imported either: the store is untouched. */
  after = export (fixture->store);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (dojang_reminder_store_import_json (fixture->store, "{ not json", -1, NULL, &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT);
  g_clear_error (&error);
  g_assert_false (dojang_reminder_store_import_json (fixture->store, "[1, 2]", -1, NULL, &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT);
  g_clear_error (&error);
  /* An empty file, as GIO reads one. */
  g_assert_false (dojang_reminder_store_import_json (fixture->store, "", 0, NULL, &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT);
  g_clear_error (&error);
  g_assert_false (dojang_reminder_store_import_json (fixture->store,
                                                     "{\"format\": \"dojang-reminders\", \"version\": 7}",
                                                     -1, NULL, &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT);

  g_clear_pointer (&after, g_free);
  after = export (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_corrupt_recovery (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char garbage[] = "This is not an SQLite database, just garbage bytes \x01\x02\x03";
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *moved = NULL;
  g_autofree char *moved_wal = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_file (fixture->path, garbage, sizeof garbage - 1);
  write_file (wal, "wal garbage", -1);

  open_store (fixture);

  /* Moved aside, byte for byte, with its -wal. */
  g_assert_nonnull (dojang_reminder_store_get_recovered_from (fixture->store));
  moved = g_strdup (dojang_reminder_store_get_recovered_from (fixture->store));
  basename = g_path_get_basename (moved);
  g_assert_true (g_str_has_prefix (basename, "dojang.db.corrupt-"));
  g_assert_true (g_file_get_contents (moved, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, garbage, sizeof garbage - 1);
  moved_wal = g_strconcat (moved, "-wal", NULL);
  g_assert_true (g_file_test (moved_wal, G_FILE_TEST_IS_REGULAR));

  /* The fresh database works. */
  dojang_reminder_store_add_manual_entry (fixture->store, "폰", "kica", "", "2027-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM manual_entries"), ==, 1);

  /* A damaged page inside an otherwise valid file is caught as well. */
  g_clear_object (&fixture->store);
  {
    g_autofree char *db = NULL;
    gsize size = 0;

    gint64 page = query_int (fixture->path, "SELECT rootpage FROM sqlite_master WHERE name = 'reminders'");
    gint64 page_size = query_int (fixture->path, "PRAGMA page_size");

    g_assert_true (g_file_get_contents (fixture->path, &db, &size, NULL));
    g_assert_cmpuint (size, >=, page * page_size);
    /* Scribble over the reminders table's b-tree page. */
    memset (db + (page - 1) * page_size, 0xA5, page_size);
    write_file (fixture->path, db, (gssize) size);
  }
  /* Not checked at every open (that reads the whole file): the first read
   * that meets the damage reports it, and the next open checks the file
   * and moves it aside. */
  open_store (fixture);
  g_assert_null (dojang_reminder_store_get_recovered_from (fixture->store));
  {
    g_autoptr(GPtrArray) upcoming = dojang_reminder_store_list_upcoming (fixture->store, &error);

    g_assert_null (upcoming);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_clear_object (&fixture->store);
  open_store (fixture);
  g_assert_nonnull (dojang_reminder_store_get_recovered_from (fixture->store));
  g_assert_cmpstr (dojang_reminder_store_get_recovered_from (fixture->store), !=, moved);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM manual_entries"), ==, 0);
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *moved;

  /* Root reads any file: as root, run the check again as "nobody". */
  if (geteuid () == 0 && !g_test_subprocess ())
    {
      g_assert_true (dojang_test_can_drop_root ());
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  if (g_test_subprocess ())
    {
      g_assert_cmpint (g_chmod (fixture->folder, 0777), ==, 0);
      g_assert_true (dojang_test_drop_root ());
    }

  open_store (fixture);
  g_clear_object (&fixture->store);
  g_assert_cmpint (g_chmod (fixture->path, 0), ==, 0);

  open_store (fixture);
  moved = dojang_reminder_store_get_recovered_from (fixture->store);
  g_assert_nonnull (moved);
  g_assert_true (g_file_test (moved, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (moved, 0600), ==, 0);
  g_assert_cmpint (query_int (moved, "PRAGMA user_version"), ==, DOJANG_REMINDER_SCHEMA_VERSION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/dojang/reminder-store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fresh-schema", test_fresh_schema);
  ADD ("migrate-v1", test_migrate_v1);
  ADD ("newer-file-refused", test_newer_file_refused);
  ADD ("upsert", test_upsert);
  ADD ("reschedule-keeps-history", test_reschedule_keeps_history);
  ADD ("retire-on-renewal", test_retire_on_renewal);
  ADD ("retire-deleted", test_retire_deleted);
  ADD ("export-import", test_export_import);
  ADD ("export-invalid-path", test_export_invalid_path);
  ADD ("bad-import", test_bad_import);
  ADD ("corrupt-recovery", test_corrupt_recovery);
  ADD ("unreadable", test_unreadable);
#undef ADD

  return g_test_run ();
}
