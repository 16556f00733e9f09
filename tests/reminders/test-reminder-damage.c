/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminder database file itself: kinds of damage that must be moved
 * aside (never taken for a new or a newer database), the file's privacy,
 * and when the integrity check runs. Real SQLite files in a temporary
 * folder. */

#include "config.h"

#include <sys/stat.h>

#include "dojang-reminder-schema.h"
#include "dojang-reminder-store-private.h"
#include "reminder-store-fixture.h"

static void
make_folder (Fixture *fixture,
             int      mode)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (g_chmod (folder, mode), ==, 0);
}

static void
exec_on_file (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* A store just let go of can still be closing: the task that opened it
   * holds it until the task ends, possibly in its worker thread, and
   * closing checkpoints the WAL under a lock. Wait for it as the store's
   * own connections wait for each other. */
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A store with one manual entry, closed again. */
static void
make_database (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  open_store (fixture);
  dojang_reminder_store_add_manual_entry (fixture->store, "엄마 휴대폰", "kica", "", "2027-01-31", &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
}

/* Opens the store; the old file must have been moved aside intact. */
static char *
assert_moved_aside (Fixture *fixture)
{
  const char *moved;
  g_autofree char *basename = NULL;

  open_store (fixture);
  moved = dojang_reminder_store_get_recovered_from (fixture->store);
  g_assert_nonnull (moved);
  basename = g_path_get_basename (moved);
  g_assert_true (g_str_has_prefix (basename, "dojang.db.corrupt-"));
  g_assert_true (g_file_test (moved, G_FILE_TEST_IS_REGULAR));

  /* The new database works and starts empty. */
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM manual_entries"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, DOJANG_REMINDER_SCHEMA_VERSION);

  return g_strdup (moved);
}

static void
test_empty_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *moved = NULL;
  GStatBuf st;

  make_folder (fixture, 0700);
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));

  /* Not taken for a new database: kept aside, and the user is told. */
  moved = assert_moved_aside (fixture);
  g_assert_cmpint (g_stat (moved, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

static void
test_header_version_too_high (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *moved = NULL;

  make_database (fixture);
  /* A damaged header: the format number no Dojang wrote (the tables and
   * meta say the current one). */
  exec_on_file (fixture->path, "PRAGMA user_version = 242");

  moved = assert_moved_aside (fixture);
  g_assert_cmpint (query_int (moved, "PRAGMA user_version"), ==, 242);
  g_assert_cmpint (query_int (moved, "SELECT count (*) FROM manual_entries"), ==, 1);
}

static void
test_header_version_too_low (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *moved = NULL;

  for (int version = 0; version < DOJANG_REMINDER_SCHEMA_VERSION; version++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

      make_database (fixture);
      /* An upgrade would fail on every run ("table already exists",
       * "duplicate column"): damage instead. */
      exec_on_file (fixture->path, sql);

      g_clear_pointer (&moved, g_free);
      moved = assert_moved_aside (fixture);
      g_assert_cmpint (query_int (moved, "PRAGMA user_version"), ==, version);
      g_clear_object (&fixture->store);
      g_assert_cmpint (g_unlink (moved), ==, 0);
    }
}

static void
test_newer_damaged_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *moved = NULL;

  /* It claims a newer format in both places but fails the integrity check. */
  make_database (fixture);
  exec_on_file (fixture->path,
                "UPDATE meta SET value = '9' WHERE key = 'schema_version';"
                "PRAGMA user_version = 9;"
                "PRAGMA writable_schema = ON;"
                "UPDATE sqlite_schema SET rootpage = 1000 WHERE name = 'manual_entries';");

  moved = assert_moved_aside (fixture);
  g_assert_cmpint (query_int (moved, "PRAGMA user_version"), ==, 9);
}

static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_private_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask;

  /* A folder that others may read, and no umask at all. */
  make_folder (fixture, 0755);
  old_umask = umask (0);
  open_store (fixture);
  dojang_reminder_store_add_manual_entry (fixture->store, "폰", "kica", "", "2027-01-31", &error);
  g_assert_no_error (error);
  umask (old_umask);

  assert_private (fixture->path);
  assert_private (wal);
  assert_private (shm);

  /* A file an older Dojang left readable is made private when opened. */
  g_clear_object (&fixture->store);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  open_store (fixture);
  assert_private (fixture->path);
}

static gint64
integrity_checked_at (Fixture *fixture)
{
  return query_int (fixture->path,
                    "SELECT coalesce ((SELECT CAST (value AS INTEGER) FROM meta"
                    " WHERE key = 'integrity_checked_at'), -1)");
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DojangReminderStore **store = user_data;
  g_autoptr(GError) error = NULL;

  *store = dojang_reminder_store_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_integrity_check_rarely (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(DojangReminderStore) store = NULL;
  gint64 checked;

  make_database (fixture);
  checked = integrity_checked_at (fixture);
  g_assert_cmpint (checked, >, 0);

  /* An ordinary open (the command line) does not read the whole file. */
  exec_on_file (fixture->path, "UPDATE meta SET value = '1000' WHERE key = 'integrity_checked_at'");
  open_store (fixture);
  g_clear_object (&fixture->store);
  g_assert_cmpint (integrity_checked_at (fixture), ==, 1000);

  /* The application's open, in a worker thread, checks once a week. */
  dojang_reminder_store_new_async (fixture->path, NULL, on_opened, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (integrity_checked_at (fixture), >=, checked);
  g_clear_object (&store);

  /* A week has not passed: not again. */
  exec_on_file (fixture->path, "UPDATE meta SET value = CAST (strftime ('%s', 'now') AS INTEGER) - 3600"
                               " WHERE key = 'integrity_checked_at'");
  checked = integrity_checked_at (fixture);
  dojang_reminder_store_new_async (fixture->path, NULL, on_opened, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (integrity_checked_at (fixture), ==, checked);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/dojang/reminder-damage/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("empty-file", test_empty_file);
  ADD ("header-version-too-high", test_header_version_too_high);
  ADD ("header-version-too-low", test_header_version_too_low);
  ADD ("newer-damaged-file", test_newer_damaged_file);
  ADD ("private-files", test_private_files);
  ADD ("integrity-check-rarely", test_integrity_check_rarely);
#undef ADD

  return g_test_run ();
}
