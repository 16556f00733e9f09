/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Shared by the reminder store tests: a store on a real SQLite file in a
 * temporary folder, and helpers to look at the file directly. */

#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store.h"
#include "dojang-reminder-store-private.h"

#define SHA_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define SHA_C "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
#define SUBJECT "홍길동()0011048202001011234567"

typedef struct
{
  char                *folder;
  char                *path;
  DojangReminderStore *store;
} Fixture;

G_GNUC_UNUSED static GDateTime *
at (const char *iso)
{
  GDateTime *instant = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (instant);

  return instant;
}

G_GNUC_UNUSED static void
assert_instant (GDateTime  *actual,
                const char *expected_iso)
{
  g_autoptr(GDateTime) expected = at (expected_iso);

  g_assert_nonnull (actual);
  if (!g_date_time_equal (actual, expected))
    {
      g_autofree char *text = g_date_time_format_iso8601 (actual);
      g_error ("instant %s, expected %s", text, expected_iso);
    }
}

G_GNUC_UNUSED static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("reminder-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "dojang", "dojang.db", NULL);
}

/* Before every due instant of the tests' certificates, so scheduling
 * leaves them all pending (unless a test moves the clock). */
#define EARLY "2026-09-01T00:00:00+09:00"

G_GNUC_UNUSED static void
set_clock (DojangReminderStore *store,
           const char          *now_iso)
{
  g_autoptr(GDateTime) now = at (now_iso);

  dojang_reminder_store_set_clock (store, now);
}

G_GNUC_UNUSED static void
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = dojang_reminder_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  set_clock (fixture->store, EARLY);
}

G_GNUC_UNUSED static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

G_GNUC_UNUSED static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

G_GNUC_UNUSED static void
upsert (DojangReminderStore *store,
        const char          *sha256,
        const char          *subject,
        const char          *not_after_iso)
{
  g_autoptr(GDateTime) not_after = at (not_after_iso);
  g_autoptr(GDateTime) seen = at ("2026-11-01T12:00:00+09:00");
  g_autoptr(GError) error = NULL;

  dojang_reminder_store_upsert_certificate (store, sha256, subject, "홍길동", "yessign", "범용",
                                            not_after, "/home/user/NPKI/yessign/USER/x/signCert.der",
                                            seen, &error);
  g_assert_no_error (error);
}

/* Reminder rows as "lead:state" in lead order, e.g. "60:skipped 7:sent";
 * the state as the store reads it (passed-over reminders keep their row).
 * @join_where joins and filters on ?1: @text_key when set, else @int_key. */
G_GNUC_UNUSED static char *
lead_states (Fixture    *fixture,
             const char *join_where,
             const char *text_key,
             gint64      int_key)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *sql = g_strconcat ("SELECT r.lead_days, " DOJANG_REMINDER_STATE ("r") " FROM reminders r ",
                                      join_where, " ORDER BY r.lead_days DESC", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text_key != NULL)
    sqlite3_bind_text (stmt, 1, text_key, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, int_key);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s%d:%s", text->len > 0 ? " " : "",
                            sqlite3_column_int (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The rows of one certificate, see lead_states(). */
G_GNUC_UNUSED static char *
states_of (Fixture    *fixture,
           const char *sha256)
{
  return lead_states (fixture, "JOIN certificates c ON c.id = r.certificate_id WHERE c.sha256 = ?1", sha256, 0);
}

/* The rows of one manual entry, see lead_states(). */
G_GNUC_UNUSED static char *
manual_states (Fixture *fixture,
               gint64   id)
{
  return lead_states (fixture, "WHERE r.manual_entry_id = ?1", NULL, id);
}

G_GNUC_UNUSED static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* A whole due check whose notifications were all answered. */
G_GNUC_UNUSED static GPtrArray *
collect_due (DojangReminderStore  *store,
             GDateTime            *now,
             GError              **error)
{
  g_autoptr(GPtrArray) chosen = dojang_reminder_store_begin_check (store, now, error);

  if (chosen == NULL)
    return NULL;

  return dojang_reminder_store_end_check (store, chosen, now, error);
}

G_GNUC_UNUSED static guint
collect (DojangReminderStore *store,
         const char          *now_iso,
         int                 *lead_of_first)
{
  g_autoptr(GDateTime) now = at (now_iso);
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;

  sent = collect_due (store, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sent);

  if (lead_of_first != NULL && sent->len > 0)
    *lead_of_first = dojang_reminder_get_lead_days (g_ptr_array_index (sent, 0));

  return sent->len;
}

