/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The program's one clock: pinned by DOJANG_NOW (read at the first look)
 * or by dojang_clock_pin() (what --at does), it starts at that instant and
 * runs on. Bounds are loose on purpose: the machine may be slow. */

#include "test-common.h"

#include "dojang-clock.h"

#define PINNED "2026-09-25T10:00:00"
#define PINNED_UTC "2026-09-25T01:00:00Z"

static void
assert_runs_from (GDateTime  *now,
                  const char *start_utc)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (start_utc, NULL);
  GTimeSpan elapsed = g_date_time_difference (now, start);

  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 0);
  g_assert_cmpint (elapsed, >=, 0);
  g_assert_cmpint (elapsed, <, 10 * G_TIME_SPAN_MINUTE);
}

static void
test_environment (void)
{
  g_autoptr(GDateTime) first = dojang_clock_get_now ();
  g_autoptr(GDateTime) second = NULL;

  /* Without an offset DOJANG_NOW is Seoul time, like --at. */
  assert_runs_from (first, PINNED_UTC);

  g_usleep (20 * 1000);
  second = dojang_clock_get_now ();
  assert_runs_from (second, PINNED_UTC);
  g_assert_cmpint (g_date_time_difference (second, first), >=, 20 * 1000);
}

static void
test_pin (void)
{
  g_autoptr(GDateTime) leap_day = g_date_time_new_from_iso8601 ("2028-02-29T00:00:00+09:00", NULL);
  g_autoptr(GDateTime) end = dojang_seoul_parse_instant ("9999-12-31T23:59:59", NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) still = NULL;

  /* Takes precedence over DOJANG_NOW. */
  dojang_clock_pin (leap_day);
  now = dojang_clock_get_now ();
  assert_runs_from (now, "2028-02-28T15:00:00Z");
  g_clear_pointer (&now, g_date_time_unref);

  /* At the last second GDateTime holds in Seoul, time stops. */
  g_assert_nonnull (end);
  dojang_clock_pin (end);
  g_usleep (1100 * 1000);
  still = dojang_clock_get_now ();
  g_assert_true (g_date_time_equal (still, end));
}

static void
test_bad_environment (void)
{
  g_autoptr(GDateTime) real = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (g_test_subprocess ())
    {
      g_setenv ("DOJANG_NOW", "next tuesday", TRUE);
      g_test_expect_message ("Dojang", G_LOG_LEVEL_WARNING, "DOJANG_NOW: “next tuesday” is not a date*");
      now = dojang_clock_get_now ();
      g_test_assert_expected_messages ();

      real = g_date_time_new_now_utc ();
      g_assert_cmpint (ABS (g_date_time_difference (real, now)), <, 10 * G_TIME_SPAN_MINUTE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("DOJANG_NOW", PINNED, TRUE);
  dojang_test_init (&argc, &argv);

  g_test_add_func ("/dojang/clock/environment", test_environment);
  g_test_add_func ("/dojang/clock/pin", test_pin);
  g_test_add_func ("/dojang/clock/bad-environment", test_bad_environment);

  return g_test_run ();
}
