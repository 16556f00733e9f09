/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The opening-hours engine on the shipped data: KICA's phone line is open
 * weekdays 09:00–18:00 with a 12:00–13:00 lunch break, closed on weekends
 * and public holidays. meson runs this file again with TZ=UTC and
 * TZ=America/Los_Angeles: the results must not depend on the machine. */

#include "test-common.h"

#include "dojang-channel.h"
#include "dojang-holiday-calendar.h"
#include "dojang-i18n.h"
#include "dojang-provider-catalog.h"

static DojangChannel *
find_channel (const char *provider_id,
              const char *channel_id)
{
  DojangProvider *provider = dojang_provider_catalog_lookup (dojang_provider_catalog_get_default (), provider_id);
  GListModel *channels;

  g_assert_nonnull (provider);
  channels = dojang_provider_get_channels (provider);
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(DojangChannel) channel = g_list_model_get_item (channels, i);

      if (g_str_equal (dojang_channel_get_id (channel), channel_id))
        return channel;
    }

  g_assert_not_reached ();
}

static DojangChannelStatus *
status_at (const char *provider_id,
           const char *channel_id,
           const char *iso8601)
{
  g_autoptr(GDateTime) now = dojang_test_instant (iso8601);

  return dojang_channel_get_status (find_channel (provider_id, channel_id),
                                    dojang_holiday_calendar_get_default (), now);
}

static void
assert_describes (DojangChannelStatus *status,
                  const char          *expected)
{
  g_autofree char *text = dojang_channel_status_describe (status);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_weekday_morning (void)
{
  /* Monday 10:00 in Seoul, written as UTC. */
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-11-23T01:00:00Z");

  g_assert_cmpint (dojang_channel_status_get_state (status), ==, DOJANG_CHANNEL_STATE_OPEN);
  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_NONE);
  dojang_assert_instant (dojang_channel_status_get_closes_at (status), "2026-11-23T18:00:00+09:00");
  dojang_assert_instant (dojang_channel_status_get_next_change (status), "2026-11-23T12:00:00+09:00");
  g_assert_null (dojang_channel_status_get_next_open (status));
  assert_describes (status, "Open now · until 18:00");
}

static void
test_before_hours (void)
{
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-11-23T08:15:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_state (status), ==, DOJANG_CHANNEL_STATE_CLOSED);
  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_BEFORE_HOURS);
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-11-23T09:00:00+09:00");
  dojang_assert_instant (dojang_channel_status_get_next_change (status), "2026-11-23T09:00:00+09:00");
  assert_describes (status, "Not open yet · opens at 09:00");
}

static void
test_lunch (void)
{
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-11-23T12:30:00+09:00");
  g_autoptr(DojangChannelStatus) edge = status_at ("kica", "phone", "2026-11-23T11:59:59+09:00");
  g_autoptr(DojangChannelStatus) back = status_at ("kica", "phone", "2026-11-23T13:00:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_state (status), ==, DOJANG_CHANNEL_STATE_LIMITED);
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-11-23T13:00:00+09:00");
  dojang_assert_instant (dojang_channel_status_get_next_change (status), "2026-11-23T13:00:00+09:00");
  assert_describes (status, "Lunch break · back at 13:00");

  g_assert_cmpint (dojang_channel_status_get_state (edge), ==, DOJANG_CHANNEL_STATE_OPEN);
  g_assert_cmpint (dojang_channel_status_get_state (back), ==, DOJANG_CHANNEL_STATE_OPEN);
  dojang_assert_instant (dojang_channel_status_get_next_change (back), "2026-11-23T18:00:00+09:00");
}

static void
test_after_hours (void)
{
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-11-23T18:00:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_state (status), ==, DOJANG_CHANNEL_STATE_CLOSED);
  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_AFTER_HOURS);
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-11-24T09:00:00+09:00");
  /* The wording changes at midnight, before the opening. */
  dojang_assert_instant (dojang_channel_status_get_next_change (status), "2026-11-24T00:00:00+09:00");
  assert_describes (status, "Closed for today · opens Tue, Nov 24 at 09:00");
}

static void
test_friday_evening (void)
{
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-11-27T19:00:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_AFTER_HOURS);
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-11-30T09:00:00+09:00");
}

static void
test_saturday (void)
{
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-11-21T11:00:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_state (status), ==, DOJANG_CHANNEL_STATE_CLOSED);
  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_WEEKEND);
  g_assert_null (dojang_channel_status_get_holiday_name (status));
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-11-23T09:00:00+09:00");
  dojang_assert_instant (dojang_channel_status_get_next_change (status), "2026-11-22T00:00:00+09:00");
  assert_describes (status, "Closed for the weekend · opens Mon, Nov 23 at 09:00");
}

static void
test_sunday (void)
{
  /* Sunday 23:30 in Seoul is still Sunday 14:30 in UTC. */
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-11-22T14:30:00Z");

  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_WEEKEND);
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-11-23T09:00:00+09:00");
}

static void
test_seollal (void)
{
  /* 설날 2026: Mon 16 – Wed 18 February. */
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-02-16T10:00:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_HOLIDAY);
  g_assert_cmpstr (dojang_channel_status_get_holiday_name (status), ==, "Seollal (Lunar New Year)");
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-02-19T09:00:00+09:00");
}

static void
test_chuseok_over_weekend (void)
{
  /* 추석 2026: Thu 24 – Sat 26 September, then Sunday: opens Monday 28. */
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-09-25T10:00:00+09:00");
  g_autoptr(DojangChannelStatus) saturday = status_at ("kica", "phone", "2026-09-26T10:00:00+09:00");
  g_autoptr(DojangChannelStatus) sunday = status_at ("kica", "phone", "2026-09-27T10:00:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_HOLIDAY);
  g_assert_cmpstr (dojang_channel_status_get_holiday_name (status), ==, "Chuseok");
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-09-28T09:00:00+09:00");
  assert_describes (status, "Closed (Chuseok) · opens Mon, Sep 28 at 09:00");

  /* A holiday on a Saturday is reported as the holiday. */
  g_assert_cmpint (dojang_channel_status_get_closed_reason (saturday), ==, DOJANG_CLOSED_REASON_HOLIDAY);
  g_assert_cmpint (dojang_channel_status_get_closed_reason (sunday), ==, DOJANG_CLOSED_REASON_WEEKEND);
  dojang_assert_instant (dojang_channel_status_get_next_open (sunday), "2026-09-28T09:00:00+09:00");
}

static void
test_substitute_holiday (void)
{
  /* 3·1절 2026 is a Sunday: Monday 2 March is its substitute. */
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2026-03-02T10:00:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_HOLIDAY);
  g_assert_cmpstr (dojang_channel_status_get_holiday_name (status), ==,
                   "Substitute holiday (Independence Movement Day)");
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-03-03T09:00:00+09:00");
}

static void
test_long_holiday (void)
{
  /* 2025: 개천절 Fri 3 Oct, weekend, 추석 5–7, substitute 8, 한글날 9 Oct. */
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2025-10-02T18:30:00+09:00");
  g_autoptr(DojangChannelStatus) inside = status_at ("kica", "phone", "2025-10-08T09:30:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_AFTER_HOURS);
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2025-10-10T09:00:00+09:00");
  g_assert_cmpstr (dojang_channel_status_get_holiday_name (inside), ==, "Substitute holiday (Chuseok)");
  dojang_assert_instant (dojang_channel_status_get_next_open (inside), "2025-10-10T09:00:00+09:00");
}

static void
test_year_boundary (void)
{
  /* Wed 31 Dec 2025 evening; 1 Jan 2026 is a holiday; Fri 2 Jan opens. */
  g_autoptr(DojangChannelStatus) status = status_at ("kica", "phone", "2025-12-31T11:00:00Z");
  g_autoptr(DojangChannelStatus) new_year = status_at ("kica", "phone", "2026-01-01T12:00:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_closed_reason (status), ==, DOJANG_CLOSED_REASON_AFTER_HOURS);
  dojang_assert_instant (dojang_channel_status_get_next_open (status), "2026-01-02T09:00:00+09:00");
  assert_describes (status, "Closed for today · opens Fri, Jan 2 at 09:00");
  g_assert_cmpstr (dojang_channel_status_get_holiday_name (new_year), ==, "New Year's Day");
}

static void
test_seoul_day_from_other_zones (void)
{
  /* Monday 08:30 in Seoul is Sunday afternoon in Los Angeles and Sunday
   * 23:30 in UTC: the day must be Seoul's. */
  g_autoptr(DojangChannelStatus) from_la = status_at ("koscom", "phone", "2026-11-22T15:30:00-08:00");
  g_autoptr(DojangChannelStatus) from_utc = status_at ("kica", "phone", "2026-11-22T23:30:00Z");

  g_assert_cmpint (dojang_channel_status_get_state (from_la), ==, DOJANG_CHANNEL_STATE_OPEN);
  dojang_assert_instant (dojang_channel_status_get_closes_at (from_la), "2026-11-23T19:00:00+09:00");
  g_assert_cmpint (dojang_channel_status_get_closed_reason (from_utc), ==, DOJANG_CLOSED_REASON_BEFORE_HOURS);
  dojang_assert_instant (dojang_channel_status_get_next_open (from_utc), "2026-11-23T09:00:00+09:00");
}

static void
test_always_open (void)
{
  const char *instants[] = {
    "2026-09-25T03:00:00+09:00", "2026-11-22T12:00:00+09:00", "2026-11-23T12:30:00+09:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
    {
      g_autoptr(DojangChannelStatus) ars = status_at ("kica", "ars", instants[i]);
      g_autoptr(DojangChannelStatus) chatbot = status_at ("kica", "chatbot", instants[i]);

      g_assert_cmpint (dojang_channel_status_get_state (ars), ==, DOJANG_CHANNEL_STATE_OPEN);
      g_assert_true (dojang_channel_status_get_always_open (ars));
      g_assert_null (dojang_channel_status_get_next_change (ars));
      g_assert_cmpint (dojang_channel_status_get_state (chatbot), ==, DOJANG_CHANNEL_STATE_OPEN);
      assert_describes (ars, "Available 24 hours");
    }
}

static void
test_inquiry (void)
{
  g_autoptr(DojangChannelStatus) holiday = status_at ("kica", "inquiry", "2026-09-25T10:00:00+09:00");
  g_autoptr(DojangChannelStatus) office = status_at ("kica", "inquiry", "2026-11-23T10:00:00+09:00");
  g_autoptr(DojangChannelStatus) lunch = status_at ("kica", "inquiry", "2026-11-23T12:10:00+09:00");
  DojangChannelStatus *reply;

  /* Always open for sending… */
  g_assert_cmpint (dojang_channel_status_get_state (holiday), ==, DOJANG_CHANNEL_STATE_OPEN);
  g_assert_true (dojang_channel_status_get_always_open (holiday));
  /* …answered in business hours. */
  reply = dojang_channel_status_get_reply_status (holiday);
  g_assert_nonnull (reply);
  g_assert_cmpint (dojang_channel_status_get_closed_reason (reply), ==, DOJANG_CLOSED_REASON_HOLIDAY);
  dojang_assert_instant (dojang_channel_status_get_next_open (reply), "2026-09-28T09:00:00+09:00");
  dojang_assert_instant (dojang_channel_status_get_next_change (holiday), "2026-09-26T00:00:00+09:00");
  assert_describes (holiday, "Accepting inquiries · replies from Mon, Sep 28 at 09:00");
  assert_describes (office, "Accepting inquiries · replies until 18:00");
  assert_describes (lunch, "Accepting inquiries · replies from 13:00");
}

static void
test_other_schedules (void)
{
  /* Koscom's phone line is open 08:00–19:00 without a lunch break. */
  g_autoptr(DojangChannelStatus) early = status_at ("koscom", "phone", "2026-11-23T08:30:00+09:00");
  g_autoptr(DojangChannelStatus) noon = status_at ("koscom", "phone", "2026-11-23T12:30:00+09:00");
  g_autoptr(DojangChannelStatus) visit = status_at ("koscom", "visit", "2026-11-23T17:30:00+09:00");

  g_assert_cmpint (dojang_channel_status_get_state (early), ==, DOJANG_CHANNEL_STATE_OPEN);
  g_assert_cmpint (dojang_channel_status_get_state (noon), ==, DOJANG_CHANNEL_STATE_OPEN);
  g_assert_cmpint (dojang_channel_status_get_closed_reason (visit), ==, DOJANG_CLOSED_REASON_AFTER_HOURS);
}

static void
test_hours_text (void)
{
  g_autofree char *phone = dojang_channel_get_hours_text (find_channel ("kica", "phone"));
  g_autofree char *ars = dojang_channel_get_hours_text (find_channel ("kica", "ars"));
  g_autofree char *inquiry = dojang_channel_get_hours_text (find_channel ("kica", "inquiry"));
  g_autofree char *koscom = dojang_channel_get_hours_text (find_channel ("koscom", "phone"));

  g_assert_cmpstr (phone, ==, "Weekdays 09:00–18:00 (lunch break 12:00–13:00); closed on weekends and public holidays");
  g_assert_cmpstr (ars, ==, "24 hours, every day");
  g_assert_true (g_str_has_prefix (inquiry, "Send anytime; replies: Weekdays 09:00–18:00"));
  g_assert_cmpstr (koscom, ==, "Weekdays 08:00–19:00; closed on weekends and public holidays");
}

static void
test_korean (void)
{
  g_autoptr(DojangChannelStatus) open = status_at ("kica", "phone", "2026-11-23T10:00:00+09:00");
  g_autoptr(DojangChannelStatus) lunch = status_at ("kica", "phone", "2026-11-23T12:30:00+09:00");
  g_autoptr(DojangChannelStatus) chuseok = status_at ("kica", "phone", "2026-09-25T10:00:00+09:00");
  g_autoptr(DojangChannelStatus) weekend = status_at ("kica", "phone", "2026-11-21T10:00:00+09:00");
  g_autofree char *hours = NULL;

  dojang_test_set_language ("ko");
  g_assert_true (dojang_i18n_is_korean ());

  assert_describes (open, "지금 상담 가능 · 18:00까지");
  assert_describes (lunch, "점심시간 · 13:00 재개");
  /* The status keeps the holiday name of the language it was made in. */
  g_clear_pointer (&chuseok, dojang_channel_status_unref);
  chuseok = status_at ("kica", "phone", "2026-09-25T10:00:00+09:00");
  assert_describes (chuseok, "휴무 (추석) · 9월 28일 (월) 09:00 재개");
  assert_describes (weekend, "주말 휴무 · 11월 23일 (월) 09:00 재개");
  hours = dojang_channel_get_hours_text (find_channel ("kica", "phone"));
  g_assert_cmpstr (hours, ==, "평일 09:00–18:00 (점심시간 12:00–13:00), 주말·공휴일 휴무");
  g_assert_cmpstr (dojang_holiday_calendar_lookup (dojang_holiday_calendar_get_default (),
                                                   dojang_channel_status_get_now (chuseok)), ==, "추석");

  dojang_test_set_language ("en");
  g_assert_false (dojang_i18n_is_korean ());
}

int
main (int   argc,
      char *argv[])
{
  dojang_test_init (&argc, &argv);

  g_test_add_func ("/dojang/opening-hours/weekday-morning", test_weekday_morning);
  g_test_add_func ("/dojang/opening-hours/before-hours", test_before_hours);
  g_test_add_func ("/dojang/opening-hours/lunch", test_lunch);
  g_test_add_func ("/dojang/opening-hours/after-hours", test_after_hours);
  g_test_add_func ("/dojang/opening-hours/friday-evening", test_friday_evening);
  g_test_add_func ("/dojang/opening-hours/saturday", test_saturday);
  g_test_add_func ("/dojang/opening-hours/sunday", test_sunday);
  g_test_add_func ("/dojang/opening-hours/seollal", test_seollal);
  g_test_add_func ("/dojang/opening-hours/chuseok-over-weekend", test_chuseok_over_weekend);
  g_test_add_func ("/dojang/opening-hours/substitute-holiday", test_substitute_holiday);
  g_test_add_func ("/dojang/opening-hours/long-holiday", test_long_holiday);
  g_test_add_func ("/dojang/opening-hours/year-boundary", test_year_boundary);
  g_test_add_func ("/dojang/opening-hours/seoul-day-from-other-zones", test_seoul_day_from_other_zones);
  g_test_add_func ("/dojang/opening-hours/always-open", test_always_open);
  g_test_add_func ("/dojang/opening-hours/inquiry", test_inquiry);
  g_test_add_func ("/dojang/opening-hours/other-schedules", test_other_schedules);
  g_test_add_func ("/dojang/opening-hours/hours-text", test_hours_text);
  g_test_add_func ("/dojang/opening-hours/korean", test_korean);

  return g_test_run ();
}
