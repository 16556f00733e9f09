/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How long the due check of `dojang --check-reminders` takes over 100,000
 * reminder rows (20,000 certificates × 5 lead times, expiries spread over
 * two years), without scanning and without D-Bus: the query, the "most
 * relevant only" rule and the state updates, in their transaction.
 *   daily      an ordinary day, after yesterday's check;
 *   first run  right after the first scan of certificates of which half
 *              already expired (their past reminders were recorded as
 *              skipped when they were scheduled);
 *   year off   nothing checked for a year: 53,000 reminders overdue at once,
 *              every one of them needs its state changed (the worst case).
 * Budget: 100 ms. Run by `make bench`; prints one BENCH line per check. */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-line.h"
#include "dojang-reminder-store.h"

#define N_CERTIFICATES 20000
#define BUDGET_MS 100.0

static DojangReminderStore *
fill (const char *folder,
      const char *name,
      GDateTime  *now,
      GDateTime  *scheduled_at,
      int         first_day_offset)
{
  g_autofree char *path = g_build_filename (folder, name, "dojang.db", NULL);
  g_autoptr(DojangReminderStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = dojang_reminder_store_new (path, &error);
  g_assert_no_error (error);
  dojang_reminder_store_set_clock (store, scheduled_at);

  dojang_reminder_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_CERTIFICATES; i++)
    {
      /* Expiries spread over two years, each certificate its own holder. */
      int day = first_day_offset + (int) (i % 730);
      g_autoptr(GDateTime) not_after = g_date_time_add_days (now, day);
      g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) &i, sizeof i);
      g_autofree char *subject = g_strdup_printf ("사용자%u()00110482020010%06u", i, i);

      dojang_reminder_store_upsert_certificate (store, sha256, subject, "사용자", "yessign", "범용",
                                                not_after, NULL, now, &error);
      g_assert_no_error (error);
    }
  dojang_reminder_store_commit (store, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static double
time_check (DojangReminderStore *store,
            GDateTime           *now,
            guint               *n_sent)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  chosen = dojang_reminder_store_begin_check (store, now, &error);
  g_assert_no_error (error);
  sent = dojang_reminder_store_end_check (store, chosen, now, &error);
  g_assert_no_error (error);
  *n_sent = sent->len;

  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
count_rows (DojangReminderStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 rows = 0;
  const char *p;

  /* Counted from an export: the store's public API only. */
  json = dojang_reminder_store_export_json (store, now, &error);
  g_assert_no_error (error);
  for (p = json; (p = strstr (p, "\"lead_days\"")) != NULL; p++)
    rows++;

  return rows;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("bench-reminders-XXXXXX", &error);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-24T09:00:00+09:00", NULL);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(DojangReminderStore) daily = NULL;
  g_autoptr(GDateTime) year_ago = g_date_time_add_days (now, -365);
  g_autoptr(DojangReminderStore) first = NULL;
  g_autoptr(DojangReminderStore) year_off = NULL;
  g_autofree char *command = NULL;
  double daily_ms, first_ms, year_off_ms;
  guint daily_sent = 0, first_sent = 0, year_off_sent = 0, ignored = 0;
  gboolean within = TRUE;
  gint64 rows;

  g_assert_no_error (error);

  daily = fill (folder, "daily", now, yesterday, 0);
  rows = count_rows (daily);
  time_check (daily, yesterday, &ignored);
  daily_ms = time_check (daily, now, &daily_sent);

  first = fill (folder, "first", now, now, -365);
  first_ms = time_check (first, now, &first_sent);

  year_off = fill (folder, "year-off", now, year_ago, -365);
  year_off_ms = time_check (year_off, now, &year_off_sent);

  /* One run each: the first-run and year-off checks change the rows they
   * time. The sent counts say what each run did. */
  g_print ("bench-reminders: %" G_GINT64_FORMAT " reminder rows, %d certificates; "
           "sent %u (daily), %u (first run), %u (year off)\n",
           rows, N_CERTIFICATES, daily_sent, first_sent, year_off_sent);
  within &= bench_line_print ("reminders.due-check.daily", "ms", BUDGET_MS, &daily_ms, 1);
  within &= bench_line_print ("reminders.due-check.first-run", "ms", BUDGET_MS, &first_ms, 1);
  within &= bench_line_print ("reminders.due-check.year-off", "ms", BUDGET_MS, &year_off_ms, 1);

  g_clear_object (&daily);
  g_clear_object (&first);
  g_clear_object (&year_off);
  command = g_strdup_printf ("rm -rf '%s'", folder);
  if (system (command) != 0)
    g_printerr ("bench-reminders: could not remove %s\n", folder);

  return within ? EXIT_SUCCESS : EXIT_FAILURE;
}
