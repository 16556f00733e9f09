/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Seoul date module: calendar days, expiry dates and "D-N", and the one
 * parser of dates and instants typed by hand (--at, DOJANG_NOW, data files).
 * meson runs this file again with TZ=UTC and TZ=America/Los_Angeles: a
 * machine with daylight saving time must count the same days as Seoul, which
 * has none. Instants are handed over in the machine's zone. */

#include "test-common.h"

#include <string.h>

static int
days_between (const char *from,
              const char *to)
{
  g_autoptr(GDateTime) from_instant = dojang_test_instant (from);
  g_autoptr(GDateTime) to_instant = dojang_test_instant (to);

  return dojang_seoul_days_between (from_instant, to_instant);
}

static int
days_left (const char *now,
           const char *not_after)
{
  g_autoptr(GDateTime) now_instant = dojang_test_instant (now);
  g_autoptr(GDateTime) not_after_instant = dojang_test_instant (not_after);

  return dojang_seoul_days_left (now_instant, not_after_instant);
}

static char *
expiry_date (const char *not_after)
{
  g_autoptr(GDateTime) instant = dojang_test_instant (not_after);
  GDate date;

  dojang_seoul_get_expiry_date (instant, &date);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

#define assert_expiry_date(not_after, expected) \
  G_STMT_START { \
    g_autofree char *_date = expiry_date (not_after); \
    g_assert_cmpstr (_date, ==, (expected)); \
  } G_STMT_END

static void
test_days_across_midnight (void)
{
  /* 23:59:59 KST to 00:00:00 KST: one second, one day. */
  g_assert_cmpint (days_between ("2026-12-06T14:59:59Z", "2026-12-06T15:00:00Z"), ==, 1);
  g_assert_cmpint (days_between ("2026-12-06T15:00:00Z", "2026-12-06T14:59:59Z"), ==, -1);
  /* 00:00:00 to 23:59:59 KST: almost a day, still the same day. */
  g_assert_cmpint (days_between ("2026-12-06T15:00:00Z", "2026-12-07T14:59:59Z"), ==, 0);
  /* Across a year, in the same instant's zone or another. */
  g_assert_cmpint (days_between ("2026-12-31T23:59:00+09:00", "2027-01-01T00:01:00+09:00"), ==, 1);
  g_assert_cmpint (days_between ("2026-12-31T14:00:00Z", "2026-12-31T16:00:00Z"), ==, 1);
  g_assert_cmpint (days_between ("2026-01-01T00:00:00+09:00", "2027-01-01T00:00:00+09:00"), ==, 365);
}

/* 8 March 2026 is the day Los Angeles moves its clocks forward (02:00 PST
 * becomes 03:00 PDT, 10:00 UTC) and 1 November the day it moves them back.
 * Seoul has no such day: every answer below is Seoul's. */
static void
test_days_on_dst_days_elsewhere (void)
{
  /* 17 hours apart; 7 March and 8 March in Los Angeles, both 8 March in Seoul. */
  g_assert_cmpint (days_between ("2026-03-07T08:00:00-08:00", "2026-03-08T01:00:00-08:00"), ==, 0);
  /* 26 hours apart; one day in Los Angeles, two in Seoul (23:00 → 01:00). */
  g_assert_cmpint (days_between ("2026-03-07T06:00:00-08:00", "2026-03-08T09:00:00-07:00"), ==, 2);
  /* Los Angeles' 23-hour and 25-hour days are one Seoul day each. */
  g_assert_cmpint (days_between ("2026-03-08T00:00:00-08:00", "2026-03-08T23:59:00-07:00"), ==, 1);
  g_assert_cmpint (days_between ("2026-11-01T00:00:00-07:00", "2026-11-01T23:59:00-08:00"), ==, 1);
  g_assert_cmpint (days_left ("2026-03-07T16:00:00Z", "2026-03-08T14:59:59Z"), ==, 0);
  g_assert_cmpint (days_left ("2026-03-07T14:59:59Z", "2026-03-08T14:59:59Z"), ==, 1);

  /* Every Seoul day of 2026 is 24 hours long. */
  for (int day = 0; day < 365; day++)
    {
      g_autoptr(GDateTime) start = g_date_time_new (dojang_seoul_get_time_zone (), 2026, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) instant = g_date_time_add_days (start, day);
      g_autoptr(GDateTime) later = g_date_time_add_hours (instant, 36);
      g_autoptr(GDateTime) today = dojang_seoul_day_start (instant);
      g_autoptr(GDateTime) tomorrow = dojang_seoul_day_start (later);

      g_assert_cmpint (g_date_time_difference (tomorrow, today), ==, G_TIME_SPAN_DAY);
      g_assert_cmpint (dojang_seoul_days_between (instant, later), ==, 1);
    }
}

static void
test_leap_day (void)
{
  GDate date;

  g_assert_cmpint (days_between ("2028-02-28T12:00:00+09:00", "2028-03-01T12:00:00+09:00"), ==, 2);
  g_assert_cmpint (days_between ("2027-02-28T12:00:00+09:00", "2027-03-01T12:00:00+09:00"), ==, 1);
  /* A certificate valid through 29 February 2028 (23:59:59 KST). */
  g_assert_cmpint (days_left ("2028-02-27T23:00:00Z", "2028-02-29T14:59:59Z"), ==, 1);
  g_assert_cmpint (days_left ("2028-02-28T15:00:00Z", "2028-02-29T14:59:59Z"), ==, 0);
  g_assert_cmpint (days_left ("2028-02-29T15:00:00Z", "2028-02-29T14:59:59Z"), ==, -1);
  assert_expiry_date ("2028-02-29T14:59:59Z", "2028-02-29");
  assert_expiry_date ("2028-02-29T15:00:01Z", "2028-03-01");

  g_assert_true (dojang_seoul_parse_date ("2028-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_true (dojang_seoul_parse_date ("2000-02-29", &date));
  g_assert_false (dojang_seoul_parse_date ("2027-02-29", &date));
  g_assert_false (dojang_seoul_parse_date ("2100-02-29", &date));
}

/* The boundary every page and command shares: a certificate issued by a
 * Korean CA ends at 23:59:59 KST, 14:59:59 UTC. */
static void
test_expiry_boundary (void)
{
  assert_expiry_date ("2026-12-06T14:59:59Z", "2026-12-06");
  /* Exactly 00:00:00 KST: valid through the day before. */
  assert_expiry_date ("2026-12-06T15:00:00Z", "2026-12-06");
  assert_expiry_date ("2026-12-06T15:00:01Z", "2026-12-07");
  assert_expiry_date ("2026-12-06T05:00:00-08:00", "2026-12-06");

  /* From 00:00:00 to 23:59:59 KST on 29 November: D-7; then D-6. */
  g_assert_cmpint (days_left ("2026-11-28T15:00:00Z", "2026-12-06T14:59:59Z"), ==, 7);
  g_assert_cmpint (days_left ("2026-11-29T14:59:59Z", "2026-12-06T14:59:59Z"), ==, 7);
  g_assert_cmpint (days_left ("2026-11-29T15:00:00Z", "2026-12-06T14:59:59Z"), ==, 6);
  g_assert_cmpint (days_left ("2026-12-06T14:59:58Z", "2026-12-06T14:59:59Z"), ==, 0);
  g_assert_cmpint (days_left ("2026-12-06T14:59:59Z", "2026-12-06T14:59:59Z"), ==, 0);
  g_assert_cmpint (days_left ("2026-12-06T15:00:00Z", "2026-12-06T14:59:59Z"), ==, -1);
  /* Not 24-hour spans: 6 days 13 hours before a midday expiry is D-7. */
  g_assert_cmpint (days_left ("2026-11-30T14:00:00Z", "2026-12-07T03:00:00Z"), ==, 7);
  g_assert_cmpint (days_left ("2026-12-07T02:00:00Z", "2026-12-07T03:00:00Z"), ==, 0);
  g_assert_cmpint (days_left ("2026-12-07T04:00:00Z", "2026-12-07T03:00:00Z"), ==, 0);

  /* RFC 5280's "no well-defined expiration", 9999-12-31T23:59:59Z, is
   * already 1 January 10000 in Seoul. */
  {
    g_autoptr(GDateTime) no_end = g_date_time_new_from_iso8601 ("9999-12-31T23:59:59Z", NULL);
    g_autoptr(GDateTime) before = g_date_time_new_from_iso8601 ("9999-12-30T00:00:00Z", NULL);
    GDate date;

    dojang_seoul_get_expiry_date (no_end, &date);
    g_assert_cmpint (g_date_get_year (&date), ==, 10000);
    g_assert_cmpint (g_date_get_month (&date), ==, 1);
    g_assert_cmpint (g_date_get_day (&date), ==, 1);
    g_assert_cmpint (dojang_seoul_days_left (before, no_end), ==, 2);
  }
}

static void
test_format_date (void)
{
  g_autoptr(GDateTime) late_evening = dojang_test_instant ("2026-12-06T15:30:00Z");
  g_autoptr(GDateTime) not_after = dojang_test_instant ("2026-12-06T15:00:00Z");
  g_autoptr(GDateTime) no_end = g_date_time_new_from_iso8601 ("9999-12-31T23:59:59Z", NULL);
  g_autofree char *date = dojang_seoul_format_date (late_evening);
  g_autofree char *expiry = dojang_seoul_format_expiry_date (not_after);
  g_autofree char *far = dojang_seoul_format_expiry_date (no_end);
  g_autofree char *date_ko = NULL;

  g_assert_cmpstr (date, ==, "Mon, 7 Dec 2026");
  g_assert_cmpstr (expiry, ==, "Sun, 6 Dec 2026");
  g_assert_cmpstr (far, ==, "Sat, 1 Jan 10000");

  dojang_test_set_language ("ko");
  date_ko = dojang_seoul_format_date (late_evening);
  dojang_test_set_language ("en");
  g_assert_cmpstr (date_ko, ==, "2026년 12월 7일");
}

static void
test_parse_date (void)
{
  static const char * const rejected[] = {
    "", "2026-2-3", "2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01", "2026/03/01",
    "2026-03-01T00:00", " 2026-03-01", "2026-03-01 ", "+2026-03-01", "２０２６-03-01", "20260301",
  };
  GDate date;

  g_assert_true (dojang_seoul_parse_date ("2026-03-01", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_true (dojang_seoul_parse_date ("0001-01-01", &date));
  g_assert_true (dojang_seoul_parse_date ("9999-12-31", &date));
  g_assert_false (dojang_seoul_parse_date (NULL, &date));

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_test_message ("%s", rejected[i]);
      g_assert_false (dojang_seoul_parse_date (rejected[i], &date));
    }
}

static void
assert_parses_to (const char *text,
                  const char *expected_utc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) instant = dojang_seoul_parse_instant (text, &error);
  g_autofree char *rest = NULL;
  g_autofree char *utc = NULL;

  g_test_message ("%s", text);
  g_assert_no_error (error);
  g_assert_nonnull (instant);
  g_assert_cmpint (g_date_time_get_utc_offset (instant), ==, 0);
  /* %Y does not pad the year 1 to four digits. */
  rest = g_date_time_format (instant, "%m-%dT%H:%M:%S.%fZ");
  utc = g_strdup_printf ("%04d-%s", g_date_time_get_year (instant), rest);
  g_assert_cmpstr (utc, ==, expected_utc);
}

static void
test_parse_instant_accepted (void)
{
  /* A date alone is 00:00 in Seoul. */
  assert_parses_to ("2026-09-25", "2026-09-24T15:00:00.000000Z");
  /* Without an offset, Seoul time; seconds may be left out. */
  assert_parses_to ("2026-09-25T10:00", "2026-09-25T01:00:00.000000Z");
  assert_parses_to ("2026-09-25T10:00:30", "2026-09-25T01:00:30.000000Z");
  assert_parses_to ("2026-09-25 10:00:30", "2026-09-25T01:00:30.000000Z");
  assert_parses_to ("2026-09-25T10:00:30.25", "2026-09-25T01:00:30.250000Z");
  /* With an offset, that instant. */
  assert_parses_to ("2026-09-25T10:00:00Z", "2026-09-25T10:00:00.000000Z");
  assert_parses_to ("2026-09-25T10:00Z", "2026-09-25T10:00:00.000000Z");
  assert_parses_to ("2026-09-25T10:00:00+09:00", "2026-09-25T01:00:00.000000Z");
  assert_parses_to ("2026-09-25T10:00:00+0900", "2026-09-25T01:00:00.000000Z");
  assert_parses_to ("2026-09-25T10:00:00+09", "2026-09-25T01:00:00.000000Z");
  assert_parses_to ("2026-03-08T02:30:00-07:00", "2026-03-08T09:30:00.000000Z");
  assert_parses_to ("2028-02-29", "2028-02-28T15:00:00.000000Z");
  /* The ends of the range all three commands accept. */
  assert_parses_to ("9999-12-31", "9999-12-30T15:00:00.000000Z");
  assert_parses_to ("9999-12-31T23:59:59", "9999-12-31T14:59:59.000000Z");
  assert_parses_to ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000000Z");
  assert_parses_to ("0001-01-02T09:00:00+09:00", "0001-01-02T00:00:00.000000Z");
  {
    /* Seoul's zone before 1908 is its local mean time: no exact UTC check. */
    g_autoptr(GDateTime) first = dojang_seoul_parse_instant ("0001-01-02", NULL);

    g_assert_nonnull (first);
    g_assert_cmpint (dojang_seoul_date_key (first), ==, 10102);
  }
}

static void
test_parse_instant_rejected (void)
{
  static const char * const rejected[] = {
    "", "garbage", "next tuesday", "tomorrow", "0000-01-01", "0000-01-01T00:00:00Z",
    "10000-01-01", "2026-02-30", "2026-9-25", "2026-09-25T10", "2026-09-25T1000",
    "2026-09-25T24:00:00", "2026-09-25T10:61:00", "2026-09-25Z", "2026-09-25+09:00",
    "2026-09-25T10:00:00+9", "2026-09-25T10:00:00 +09:00", " 2026-09-25", "2026-09-25 ", "2026-09-25\n",
    "20260925T100000", "2026-W39-5T10:00:00", "2026-268T10:00:00", "2026-09-25t10:00:00",
    /* Outside what GDateTime holds, in UTC or in Seoul. */
    "9999-12-31T23:59:59-05:00", "9999-12-31T23:59:59Z", "0001-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) instant = dojang_seoul_parse_instant (rejected[i], &error);

      g_test_message ("“%s”", rejected[i]);
      g_assert_null (instant);
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      /* The message names what was typed. */
      g_assert_nonnull (strstr (error->message, rejected[i]));
    }
}

static void
test_parse_instant_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) instant = dojang_seoul_parse_instant ("next tuesday", &error);

  g_assert_null (instant);
  /* It names the accepted forms. */
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DDTHH:MM[:SS]"));
  g_assert_nonnull (strstr (error->message, "+09:00"));
  g_clear_error (&error);

  g_assert_null (dojang_seoul_parse_instant (NULL, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

int
main (int   argc,
      char *argv[])
{
  dojang_test_init (&argc, &argv);

  g_test_add_func ("/dojang/seoul/days-across-midnight", test_days_across_midnight);
  g_test_add_func ("/dojang/seoul/days-on-dst-days-elsewhere", test_days_on_dst_days_elsewhere);
  g_test_add_func ("/dojang/seoul/leap-day", test_leap_day);
  g_test_add_func ("/dojang/seoul/expiry-boundary", test_expiry_boundary);
  g_test_add_func ("/dojang/seoul/format-date", test_format_date);
  g_test_add_func ("/dojang/seoul/parse-date", test_parse_date);
  g_test_add_func ("/dojang/seoul/parse-instant-accepted", test_parse_instant_accepted);
  g_test_add_func ("/dojang/seoul/parse-instant-rejected", test_parse_instant_rejected);
  g_test_add_func ("/dojang/seoul/parse-instant-message", test_parse_instant_message);

  return g_test_run ();
}
