/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminder store's due check on a real SQLite file: when reminders
 * fall due (09:00 Korean time), only the most relevant one per certificate
 * is sent, past ones are skipped when scheduled, snooze and dismiss,
 * certificates entered by hand, and the choice among many due reminders of
 * several certificates at once. */

#include "config.h"

#include "dojang-seoul.h"
#include "reminder-store-fixture.h"

static void
test_due_instant (void)
{
  g_autoptr(GDateTime) end_of_day = at ("2026-12-01T14:59:59Z");
  g_autoptr(GDateTime) midnight = at ("2026-12-02T00:00:00+09:00");
  g_autoptr(GDateTime) early = at ("2026-12-02T05:00:00+09:00");
  g_autoptr(GDateTime) d7 = dojang_reminder_due_for (end_of_day, 7);
  g_autoptr(GDateTime) d0 = dojang_reminder_due_for (end_of_day, 0);
  g_autoptr(GDateTime) d0_midnight = dojang_reminder_due_for (midnight, 0);
  g_autoptr(GDateTime) d0_early = dojang_reminder_due_for (early, 0);
  g_autoptr(GDateTime) d60 = dojang_reminder_due_for (end_of_day, 60);
  g_autoptr(GDateTime) late_evening = at ("2026-11-24T23:30:00+09:00");
  g_autoptr(GDateTime) tomorrow = dojang_reminder_next_morning (late_evening);
  g_autoptr(GDateTime) expiry = dojang_reminder_expiry_date_to_instant ("2026-12-01");
  g_autoptr(GDateTime) d7_morning = at ("2026-11-24T09:00:00+09:00");
  g_autoptr(GDateTime) after = at ("2026-12-03T10:00:00+09:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) parsed = dojang_seoul_parse_instant ("2026-11-24T09:00:00", &error);

  /* notAfter 23:59:59 KST on 1 December. */
  assert_instant (d7, "2026-11-24T09:00:00+09:00");
  assert_instant (d0, "2026-12-01T09:00:00+09:00");
  assert_instant (d60, "2026-10-02T09:00:00+09:00");
  /* Midnight means "through the day before". */
  assert_instant (d0_midnight, "2026-12-01T09:00:00+09:00");
  /* Expiring at 05:00: the same-day reminder moves to midnight, before it. */
  assert_instant (d0_early, "2026-12-02T00:00:00+09:00");
  assert_instant (tomorrow, "2026-11-25T09:00:00+09:00");
  assert_instant (expiry, "2026-12-01T23:59:59+09:00");

  g_assert_cmpint (dojang_seoul_days_left (d7_morning, end_of_day), ==, 7);
  g_assert_cmpint (dojang_seoul_days_left (d0, end_of_day), ==, 0);
  g_assert_cmpint (dojang_seoul_days_left (after, end_of_day), ==, -2);

  g_assert_no_error (error);
  assert_instant (parsed, "2026-11-24T00:00:00Z");
  g_assert_null (dojang_seoul_parse_instant ("tomorrow", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);

  g_assert_false (dojang_reminder_expiry_date_is_valid ("2026-02-30"));
  g_assert_false (dojang_reminder_expiry_date_is_valid ("2026-2-3"));
  g_assert_true (dojang_reminder_expiry_date_is_valid ("2028-02-29"));
}

static void
test_most_relevant_only (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = at ("2026-11-25T10:00:00+09:00");
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *states = NULL;
  int lead = -1;

  open_store (fixture);
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  /* Expired two years ago: never announced. */
  upsert (fixture->store, SHA_B, "김철수()0011", "2024-11-01T23:59:59+09:00");

  /* First run on 25 November: D-60, D-30 and D-7 are all past due. */
  g_assert_cmpuint (collect (fixture->store, "2026-11-25T10:00:00+09:00", &lead), ==, 1);
  g_assert_cmpint (lead, ==, 7);
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "60:skipped 30:skipped 7:sent 1:pending 0:pending");
  g_clear_pointer (&states, g_free);
  states = states_of (fixture, SHA_B);
  g_assert_cmpstr (states, ==, "60:skipped 30:skipped 7:skipped 1:skipped 0:skipped");

  /* Idempotent. */
  g_assert_cmpuint (collect (fixture->store, "2026-11-25T10:00:00+09:00", NULL), ==, 0);
  g_assert_cmpuint (collect (fixture->store, "2026-11-25T11:00:00+09:00", NULL), ==, 0);

  next = dojang_reminder_store_get_next_due (fixture->store, now, &error);
  g_assert_no_error (error);
  assert_instant (next, "2026-11-30T09:00:00+09:00");

  g_assert_cmpuint (collect (fixture->store, "2026-11-30T09:00:00+09:00", &lead), ==, 1);
  g_assert_cmpint (lead, ==, 1);

  /* Three days after expiry, the same-day reminder still goes out (grace). */
  g_assert_cmpuint (collect (fixture->store, "2026-12-04T09:00:00+09:00", &lead), ==, 1);
  g_assert_cmpint (lead, ==, 0);

  g_clear_pointer (&next, g_date_time_unref);
  next = dojang_reminder_store_get_next_due (fixture->store, now, &error);
  g_assert_no_error (error);
  g_assert_null (next);
}

static void
test_schedule_skips_past (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *states = NULL;
  int lead = -1;

  open_store (fixture);
  /* First seen on 25 November, six days before it expires. */
  set_clock (fixture->store, "2026-11-25T10:00:00+09:00");
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "60:skipped 30:skipped 7:pending 1:pending 0:pending");

  g_assert_cmpuint (collect (fixture->store, "2026-11-25T10:00:00+09:00", &lead), ==, 1);
  g_assert_cmpint (lead, ==, 7);
  g_assert_cmpuint (collect (fixture->store, "2026-11-25T10:00:00+09:00", NULL), ==, 0);
}

static void
test_snooze_dismiss (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) now = at ("2026-11-24T09:05:00+09:00");
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(DojangReminder) snoozed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  open_store (fixture);
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  sent = collect_due (fixture->store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 1);
  id = dojang_reminder_get_id (g_ptr_array_index (sent, 0));
  g_assert_cmpint (dojang_reminder_get_state (g_ptr_array_index (sent, 0)), ==, DOJANG_REMINDER_STATE_SENT);
  assert_instant (dojang_reminder_get_sent_at (g_ptr_array_index (sent, 0)), "2026-11-24T09:05:00+09:00");

  g_assert_true (dojang_reminder_store_snooze (fixture->store, id, now, &error));
  g_assert_no_error (error);
  snoozed = dojang_reminder_store_get_reminder (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dojang_reminder_get_state (snoozed), ==, DOJANG_REMINDER_STATE_SNOOZED);
  assert_instant (dojang_reminder_get_snoozed_until (snoozed), "2026-11-25T09:00:00+09:00");
  assert_instant (dojang_reminder_get_next_time (snoozed), "2026-11-25T09:00:00+09:00");

  g_assert_cmpuint (collect (fixture->store, "2026-11-24T18:00:00+09:00", NULL), ==, 0);
  g_assert_cmpuint (collect (fixture->store, "2026-11-25T09:00:00+09:00", NULL), ==, 1);

  g_assert_true (dojang_reminder_store_dismiss (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_false (dojang_reminder_store_snooze (fixture->store, id, now, &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dojang_reminder_store_dismiss (fixture->store, id, &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dojang_reminder_store_dismiss (fixture->store, 99999, &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_NOT_FOUND);
}

static guint
count_manual_reminders (Fixture    *fixture,
                        const char *state)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM reminders"
                                          " WHERE manual_entry_id IS NOT NULL AND state = '%s'", state);

  return (guint) query_int (fixture->path, sql);
}

static void
test_manual_entries (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  open_store (fixture);

  g_assert_cmpint (dojang_reminder_store_add_manual_entry (fixture->store, "  ", "kica", "", "2027-01-31",
                                                           &error), ==, 0);
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dojang_reminder_store_add_manual_entry (fixture->store, "폰", "kica", "", "2027-02-30",
                                                           &error), ==, 0);
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dojang_reminder_store_add_manual_entry (fixture->store, "폰", "", "", "2027-01-31",
                                                           &error), ==, 0);
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID);
  g_clear_error (&error);

  id = dojang_reminder_store_add_manual_entry (fixture->store, " 휴대폰 인증서 ", "kica", "은행용",
                                               "2027-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (count_manual_reminders (fixture, "pending"), ==, 5);

  entries = dojang_reminder_store_list_manual_entries (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (dojang_manual_entry_get_name (g_ptr_array_index (entries, 0)), ==, "휴대폰 인증서");
  assert_instant (dojang_manual_entry_get_not_after (g_ptr_array_index (entries, 0)),
                  "2027-01-31T23:59:59+09:00");

  /* D-60 goes out; renaming keeps the history. */
  g_assert_cmpuint (collect (fixture->store, "2026-12-02T09:00:00+09:00", NULL), ==, 1);
  g_assert_true (dojang_reminder_store_update_manual_entry (fixture->store, id, "엄마 폰", "kica", "은행용",
                                                            "2027-01-31", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_manual_reminders (fixture, "sent"), ==, 1);
  g_assert_cmpuint (count_manual_reminders (fixture, "pending"), ==, 4);

  /* A new expiry date is a renewal: old reminders retire, new ones come. */
  g_assert_true (dojang_reminder_store_update_manual_entry (fixture->store, id, "엄마 폰", "kica", "은행용",
                                                            "2028-01-31", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_manual_reminders (fixture, "done"), ==, 1);
  g_assert_cmpuint (count_manual_reminders (fixture, "pending"), ==, 5);
  g_assert_cmpuint (collect (fixture->store, "2026-12-03T09:00:00+09:00", NULL), ==, 0);

  g_assert_false (dojang_reminder_store_update_manual_entry (fixture->store, 4242, "x", "kica", "",
                                                             "2028-01-31", &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (dojang_reminder_store_remove_manual_entry (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count (*) FROM reminders"), ==, 0);
  g_assert_false (dojang_reminder_store_remove_manual_entry (fixture->store, id, &error));
  g_assert_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_NOT_FOUND);
}

static int
compare_text (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Which reminders a check chose, as "<target>:<lead>" in order, e.g.
 * "A:7 M:30"; a target is the first letter of the certificate's hash or
 * "M" for the manual entry. */
static char *
describe (GPtrArray *reminders)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < reminders->len; i++)
    {
      DojangReminder *reminder = g_ptr_array_index (reminders, i);
      const char *sha256 = dojang_reminder_get_certificate_sha256 (reminder);

      g_ptr_array_add (parts, g_strdup_printf ("%c:%d", sha256 != NULL ? g_ascii_toupper (sha256[0]) : 'M',
                                               dojang_reminder_get_lead_days (reminder)));
    }
  g_ptr_array_sort (parts, compare_text);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" ", (char **) parts->pdata);
}

/* A whole check at @now_iso whose notifications were answered for all but
 * the reminders of @unanswered_target; returns what it chose. */
static char *
check (Fixture    *fixture,
       const char *now_iso,
       char        unanswered_target)
{
  g_autoptr(GDateTime) now = at (now_iso);
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;

  chosen = dojang_reminder_store_begin_check (fixture->store, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < chosen->len; i++)
    {
      DojangReminder *reminder = g_ptr_array_index (chosen, i);
      const char *sha256 = dojang_reminder_get_certificate_sha256 (reminder);

      if (sha256 == NULL || g_ascii_toupper (sha256[0]) != unanswered_target)
        g_ptr_array_add (shown, reminder);
    }
  sent = dojang_reminder_store_end_check (fixture->store, shown, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, shown->len);

  return describe (chosen);
}

static gint64
reminder_id (Fixture    *fixture,
             const char *target_condition,
             int         lead_days)
{
  g_autofree char *sql = g_strdup_printf ("SELECT r.id FROM reminders r LEFT JOIN certificates c"
                                          " ON c.id = r.certificate_id WHERE %s AND r.lead_days = %d",
                                          target_condition, lead_days);

  return query_int (fixture->path, sql);
}

static void
snooze (Fixture    *fixture,
        gint64      id,
        const char *now_iso)
{
  g_autoptr(GDateTime) now = at (now_iso);
  g_autoptr(GError) error = NULL;

  g_assert_true (dojang_reminder_store_snooze (fixture->store, id, now, &error));
  g_assert_no_error (error);
}

#define SHA_D "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"

/* Per certificate and manual entry, of many reminders due at once only the
 * latest is chosen, unanswered and snoozed ones take part, and nothing goes
 * out for a certificate expired beyond the grace period or for a reminder
 * older than one already sent. Every check is asserted exactly: a wrong
 * choice of row, target or rule changes the text. */
static void
test_choice_per_target (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *chosen = NULL;
  g_autofree char *states = NULL;
  gint64 manual;

  open_store (fixture);
  /* Due (09:00) 60: 10-02, 30: 11-01, 7: 11-24, 1: 11-30, 0: 12-01. */
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  /* 60: 10-11, 30: 11-10, 7: 12-03, 1: 12-09, 0: 12-10. */
  upsert (fixture->store, SHA_B, "김철수()0011", "2026-12-10T23:59:59+09:00");
  /* Expired on 5 October, 50 days before the first check. */
  upsert (fixture->store, SHA_C, "박영희()0022", "2026-10-05T23:59:59+09:00");
  /* Expired on 20 November, 4 days before it: within the grace period. */
  upsert (fixture->store, SHA_D, "이민수()0033", "2026-11-20T23:59:59+09:00");
  /* 60: 10-06, 30: 11-05, 7: 11-28, 1: 12-04, 0: 12-05. */
  manual = dojang_reminder_store_add_manual_entry (fixture->store, "휴대폰 인증서", "kica", "은행용",
                                                   "2026-12-05", NULL);
  g_assert_cmpint (manual, >, 0);

  /* The first check after months: three to five due per target. B's
   * notification is not answered, so its choice stays outstanding. */
  chosen = check (fixture, "2026-11-24T09:05:00+09:00", 'B');
  g_assert_cmpstr (chosen, ==, "A:7 B:30 D:0 M:30");
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "60:skipped 30:skipped 7:sent 1:pending 0:pending");
  g_clear_pointer (&states, g_free);
  states = states_of (fixture, SHA_B);
  g_assert_cmpstr (states, ==, "60:skipped 30:pending 7:pending 1:pending 0:pending");
  g_clear_pointer (&states, g_free);
  states = states_of (fixture, SHA_C);
  g_assert_cmpstr (states, ==, "60:skipped 30:skipped 7:skipped 1:skipped 0:skipped");
  g_clear_pointer (&states, g_free);

  /* A's sent 7-day reminder snoozed: when its snooze is over, A's 1-day
   * one is due too and is the one chosen; the snoozed one is passed over.
   * B's unanswered one comes back. */
  snooze (fixture, reminder_id (fixture, "c.sha256 = '" SHA_A "'", 7), "2026-11-24T10:00:00+09:00");
  g_clear_pointer (&chosen, g_free);
  chosen = check (fixture, "2026-11-30T09:05:00+09:00", 0);
  g_assert_cmpstr (chosen, ==, "A:1 B:30 M:7");
  g_clear_pointer (&states, g_free);
  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "60:skipped 30:skipped 7:skipped 1:sent 0:pending");

  /* M's 30-day reminder snoozed after its 7-day one went out: older than
   * one already sent, it has nothing to say and is passed over. */
  snooze (fixture, reminder_id (fixture, "r.manual_entry_id IS NOT NULL", 30), "2026-11-30T10:00:00+09:00");
  g_clear_pointer (&chosen, g_free);
  chosen = check (fixture, "2026-12-01T09:05:00+09:00", 0);
  g_assert_cmpstr (chosen, ==, "A:0");
  g_clear_pointer (&states, g_free);
  states = manual_states (fixture, manual);
  g_assert_cmpstr (states, ==, "60:skipped 30:skipped 7:sent 1:pending 0:pending");

  /* The same for a certificate: B's 30-day one snoozed after its 7-day one
   * went out. */
  g_clear_pointer (&chosen, g_free);
  chosen = check (fixture, "2026-12-03T09:05:00+09:00", 0);
  g_assert_cmpstr (chosen, ==, "B:7");
  snooze (fixture, reminder_id (fixture, "c.sha256 = '" SHA_B "'", 30), "2026-12-03T10:00:00+09:00");
  g_clear_pointer (&chosen, g_free);
  chosen = check (fixture, "2026-12-04T09:05:00+09:00", 0);
  g_assert_cmpstr (chosen, ==, "M:1");
  g_clear_pointer (&states, g_free);
  states = states_of (fixture, SHA_B);
  g_assert_cmpstr (states, ==, "60:skipped 30:skipped 7:sent 1:pending 0:pending");

  /* The rule reads the index of sent reminders, not every row of the
   * target (dojang-reminder-schema.c, v7). */
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM reminders INDEXED BY reminders_sent_certificate"
                              " WHERE certificate_id IS NOT NULL AND sent_at IS NOT NULL"), ==, 6);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count (*) FROM reminders INDEXED BY reminders_sent_manual"
                              " WHERE manual_entry_id IS NOT NULL AND sent_at IS NOT NULL"), ==, 3);
}

/* A reminder dismissed while its notification was on screen is not
 * recorded as sent; the others are, once each, as they were shown. */
static void
test_dismissed_while_shown (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) now = at ("2026-11-24T09:05:00+09:00");
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *states = NULL;
  DojangReminder *first;

  open_store (fixture);
  upsert (fixture->store, SHA_A, SUBJECT, "2026-12-01T23:59:59+09:00");
  upsert (fixture->store, SHA_B, "김철수()0011", "2026-12-10T23:59:59+09:00");

  chosen = dojang_reminder_store_begin_check (fixture->store, now, &error);
  g_assert_no_error (error);
  described = describe (chosen);
  g_assert_cmpstr (described, ==, "A:7 B:30");
  first = g_ptr_array_index (chosen, 0);
  g_assert_cmpstr (dojang_reminder_get_certificate_sha256 (first), ==, SHA_A);
  g_assert_true (dojang_reminder_store_dismiss (fixture->store, dojang_reminder_get_id (first), &error));
  g_assert_no_error (error);

  /* B's twice, as a caller might pass it. */
  g_ptr_array_extend (shown, chosen, NULL, NULL);
  g_ptr_array_add (shown, g_ptr_array_index (chosen, 1));
  sent = dojang_reminder_store_end_check (fixture->store, shown, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 1);
  g_assert_cmpstr (dojang_reminder_get_certificate_sha256 (g_ptr_array_index (sent, 0)), ==, SHA_B);
  g_assert_cmpint (dojang_reminder_get_lead_days (g_ptr_array_index (sent, 0)), ==, 30);
  g_assert_cmpint (dojang_reminder_get_state (g_ptr_array_index (sent, 0)), ==, DOJANG_REMINDER_STATE_SENT);
  assert_instant (dojang_reminder_get_sent_at (g_ptr_array_index (sent, 0)), "2026-11-24T09:05:00+09:00");
  g_assert_null (dojang_reminder_get_snoozed_until (g_ptr_array_index (sent, 0)));

  states = states_of (fixture, SHA_A);
  g_assert_cmpstr (states, ==, "60:skipped 30:skipped 7:dismissed 1:pending 0:pending");
  g_clear_pointer (&states, g_free);
  states = states_of (fixture, SHA_B);
  g_assert_cmpstr (states, ==, "60:skipped 30:sent 7:pending 1:pending 0:pending");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dojang/reminder-due/due-instant", test_due_instant);
#define ADD(name, func) \
  g_test_add ("/dojang/reminder-due/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("most-relevant-only", test_most_relevant_only);
  ADD ("schedule-skips-past", test_schedule_skips_past);
  ADD ("snooze-dismiss", test_snooze_dismiss);
  ADD ("manual-entries", test_manual_entries);
  ADD ("choice-per-target", test_choice_per_target);
  ADD ("dismissed-while-shown", test_dismissed_while_shown);
#undef ADD

  return g_test_run ();
}
