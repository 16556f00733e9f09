/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-channel-status-private.h"
#include "dojang-opening-hours.h"
#include "dojang-seoul.h"

/* A closed channel searches this far ahead for its next opening; the
 * longest Korean holiday block is about ten days. */
#define SEARCH_DAYS 400

#define NO_TIME (-1)

static const char * const day_keys[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

struct _DojangOpeningHours
{
  gboolean always;
  gboolean open_on_holidays;
  int      open[7];        /* minutes after midnight, index 0 = Monday; NO_TIME if closed */
  int      close[7];
  int      lunch_start;    /* NO_TIME if there is no lunch break */
  int      lunch_end;
};

/* One day's schedule once holidays are applied. */
typedef struct
{
  gboolean            closed;
  DojangClosedReason  reason;
  const char         *holiday;
  int                 open;
  int                 close;
  int                 lunch_start;   /* clipped to [open, close]; NO_TIME if none */
  int                 lunch_end;
} Day;

DojangOpeningHours *
dojang_opening_hours_new_from_json (const DojangJsonScope  *scope,
                                    const char             *member,
                                    GError                **error)
{
  g_autoptr(DojangOpeningHours) self = g_new0 (DojangOpeningHours, 1);
  g_auto(DojangJsonScope) hours = { 0 };
  gboolean present;
  gboolean any_open = FALSE;

  if (!dojang_json_scope_object (scope, member, TRUE, &hours, error) ||
      !dojang_json_scope_boolean (&hours, "always", FALSE, &self->always, error) ||
      !dojang_json_scope_boolean (&hours, "open_on_holidays", FALSE, &self->open_on_holidays, error))
    return NULL;

  self->lunch_start = self->lunch_end = NO_TIME;
  for (guint i = 0; i < G_N_ELEMENTS (day_keys); i++)
    self->open[i] = self->close[i] = NO_TIME;

  if (self->always)
    return g_steal_pointer (&self);

  for (guint i = 0; i < G_N_ELEMENTS (day_keys); i++)
    {
      /* Every day must be spelled out (null = closed) so a forgotten day
       * is an error, not a silent closure. */
      if (!json_object_has_member (hours.object, day_keys[i]))
        {
          dojang_json_set_error (error, DOJANG_DATA_ERROR_MISSING_FIELD, hours.file, hours.path,
                                 day_keys[i], _("missing field"));
          return NULL;
        }
      if (!dojang_json_scope_time_range (&hours, day_keys[i], &present,
                                         &self->open[i], &self->close[i], error))
        return NULL;
      any_open |= present;
    }

  if (!any_open)
    {
      dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, hours.file, hours.path, NULL,
                             _("open on no day of the week"));
      return NULL;
    }

  if (!dojang_json_scope_time_range (&hours, "lunch", &present,
                                     &self->lunch_start, &self->lunch_end, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
dojang_opening_hours_free (DojangOpeningHours *self)
{
  g_free (self);
}

gboolean
dojang_opening_hours_is_always (const DojangOpeningHours *self)
{
  return self->always;
}

static void
get_day (const DojangOpeningHours *self,
         DojangHolidayCalendar    *holidays,
         GDateTime                *day_start,
         Day                      *day)
{
  int index = g_date_time_get_day_of_week (day_start) - 1;

  day->holiday = holidays != NULL ? dojang_holiday_calendar_lookup (holidays, day_start) : NULL;
  day->open = self->open[index];
  day->close = self->close[index];
  day->lunch_start = day->lunch_end = NO_TIME;
  day->closed = FALSE;
  day->reason = DOJANG_CLOSED_REASON_NONE;

  if (day->holiday != NULL && !self->open_on_holidays)
    {
      day->closed = TRUE;
      day->reason = DOJANG_CLOSED_REASON_HOLIDAY;
      return;
    }

  if (day->open == NO_TIME)
    {
      day->closed = TRUE;
      day->reason = index >= 5 ? DOJANG_CLOSED_REASON_WEEKEND : DOJANG_CLOSED_REASON_AFTER_HOURS;
      return;
    }

  if (self->lunch_start != NO_TIME &&
      MAX (self->lunch_start, day->open) < MIN (self->lunch_end, day->close))
    {
      day->lunch_start = MAX (self->lunch_start, day->open);
      day->lunch_end = MIN (self->lunch_end, day->close);
    }
}

/* The first minute of @day with full service, or NO_TIME if a lunch break
 * fills the whole day. */
static int
first_full_open (const Day *day)
{
  if (day->closed)
    return NO_TIME;
  if (day->lunch_start == NO_TIME || day->lunch_start > day->open)
    return day->open;
  if (day->lunch_end < day->close)
    return day->lunch_end;

  return NO_TIME;
}

/* Returns: (transfer full) (nullable): the first full opening on or after
 * the day starting at @from_day */
static GDateTime *
find_next_open (const DojangOpeningHours *self,
                DojangHolidayCalendar    *holidays,
                GDateTime                *from_day)
{
  for (int i = 0; i < SEARCH_DAYS; i++)
    {
      g_autoptr(GDateTime) day_start = from_day != NULL ? g_date_time_add_days (from_day, i) : NULL;
      Day day;
      int minutes;

      /* Past 9999-12-31, the end of GDateTime's calendar (--at 9999-12-31). */
      if (day_start == NULL)
        return NULL;

      get_day (self, holidays, day_start, &day);
      minutes = first_full_open (&day);
      if (minutes != NO_TIME)
        return dojang_seoul_at_minutes (day_start, minutes);
    }

  return NULL;
}

static GDateTime *
earliest (GDateTime *a,
          GDateTime *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  return g_date_time_compare (a, b) <= 0 ? a : b;
}

/**
 * dojang_opening_hours_get_status:
 * @holidays: (nullable): the public holidays, or %NULL to ignore them
 * @now: any instant, in any time zone
 *
 * Returns: (transfer full): the state of the schedule at @now
 */
DojangChannelStatus *
dojang_opening_hours_get_status (const DojangOpeningHours *self,
                                 DojangHolidayCalendar    *holidays,
                                 GDateTime                *now)
{
  g_autoptr(GDateTime) today = dojang_seoul_day_start (now);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  g_autoptr(GDateTime) closes_at = NULL;
  g_autoptr(GDateTime) next_open = NULL;
  g_autoptr(GDateTime) boundary = NULL;
  int minute = dojang_seoul_minutes_into_day (now, today);
  Day day;

  if (self->always)
    return dojang_channel_status_new_always_open (now, NULL);

  get_day (self, holidays, today, &day);

  if (day.closed || minute >= day.close)
    {
      DojangClosedReason reason = day.closed ? day.reason : DOJANG_CLOSED_REASON_AFTER_HOURS;

      /* The wording changes at midnight too ("closed for today" becomes
       * "closed for the weekend"), hence the earliest of the two. */
      next_open = find_next_open (self, holidays, tomorrow);
      return dojang_channel_status_new (now, DOJANG_CHANNEL_STATE_CLOSED, reason,
                                        day.closed ? day.holiday : NULL, NULL, next_open,
                                        earliest (next_open, tomorrow));
    }

  if (minute < day.open)
    {
      int minutes = first_full_open (&day);

      boundary = dojang_seoul_at_minutes (today, day.open);
      next_open = minutes != NO_TIME ? dojang_seoul_at_minutes (today, minutes)
                                     : find_next_open (self, holidays, tomorrow);
      return dojang_channel_status_new (now, DOJANG_CHANNEL_STATE_CLOSED,
                                        DOJANG_CLOSED_REASON_BEFORE_HOURS, NULL, NULL,
                                        next_open, boundary);
    }

  closes_at = dojang_seoul_at_minutes (today, day.close);

  if (day.lunch_start != NO_TIME && minute >= day.lunch_start && minute < day.lunch_end)
    {
      boundary = dojang_seoul_at_minutes (today, day.lunch_end);
      next_open = day.lunch_end < day.close ? g_date_time_ref (boundary)
                                            : find_next_open (self, holidays, tomorrow);
      return dojang_channel_status_new (now, DOJANG_CHANNEL_STATE_LIMITED, DOJANG_CLOSED_REASON_NONE,
                                        NULL, closes_at, next_open, boundary);
    }

  if (day.lunch_start != NO_TIME && minute < day.lunch_start)
    boundary = dojang_seoul_at_minutes (today, day.lunch_start);

  return dojang_channel_status_new (now, DOJANG_CHANNEL_STATE_OPEN, DOJANG_CLOSED_REASON_NONE, NULL,
                                    closes_at, NULL, boundary != NULL ? boundary : closes_at);
}

static const char *
day_name (int index)
{
  switch (index)
    {
    case 0:
      return C_("abbreviated weekday", "Mon");
    case 1:
      return C_("abbreviated weekday", "Tue");
    case 2:
      return C_("abbreviated weekday", "Wed");
    case 3:
      return C_("abbreviated weekday", "Thu");
    case 4:
      return C_("abbreviated weekday", "Fri");
    case 5:
      return C_("abbreviated weekday", "Sat");
    default:
      return C_("abbreviated weekday", "Sun");
    }
}

static char *
format_range (int start,
              int end)
{
  return g_strdup_printf ("%02d:%02d–%02d:%02d", start / 60, start % 60, end / 60, end % 60);
}

/* "Weekdays 09:00–18:00", or "Mon–Thu 09:00–18:00, Fri 09:00–17:00" */
static char *
format_days (const DojangOpeningHours *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (int first = 0; first < 7;)
    {
      g_autofree char *days = NULL;
      g_autofree char *range = NULL;
      int last = first;

      if (self->open[first] == NO_TIME)
        {
          first++;
          continue;
        }

      while (last + 1 < 7 && self->open[last + 1] == self->open[first] &&
             self->close[last + 1] == self->close[first])
        last++;

      if (first == 0 && last == 4)
        days = g_strdup (_("Weekdays"));
      else if (first == last)
        days = g_strdup (day_name (first));
      else
        days = g_strdup_printf ("%s–%s", day_name (first), day_name (last));

      range = format_range (self->open[first], self->close[first]);
      g_ptr_array_add (parts, g_strdup_printf ("%s %s", days, range));
      first = last + 1;
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/**
 * dojang_opening_hours_to_text:
 *
 * Returns: (transfer full): the schedule for people, e.g. "Weekdays
 * 09:00–18:00 (lunch break 12:00–13:00); closed on weekends and public
 * holidays"
 */
char *
dojang_opening_hours_to_text (const DojangOpeningHours *self)
{
  g_autofree char *days = NULL;
  g_autofree char *with_lunch = NULL;
  gboolean weekend_closed;

  if (self->always)
    return g_strdup (_("24 hours, every day"));

  days = format_days (self);
  if (self->lunch_start != NO_TIME)
    {
      g_autofree char *lunch = format_range (self->lunch_start, self->lunch_end);

      /* TRANSLATORS: opening days and hours, then the lunch break's range */
      with_lunch = g_strdup_printf (_("%s (lunch break %s)"), days, lunch);
    }
  else
    with_lunch = g_steal_pointer (&days);

  weekend_closed = self->open[5] == NO_TIME && self->open[6] == NO_TIME;
  if (weekend_closed && !self->open_on_holidays)
    /* TRANSLATORS: %s is the opening hours */
    return g_strdup_printf (_("%s; closed on weekends and public holidays"), with_lunch);
  if (!self->open_on_holidays)
    /* TRANSLATORS: %s is the opening hours */
    return g_strdup_printf (_("%s; closed on public holidays"), with_lunch);
  if (weekend_closed)
    /* TRANSLATORS: %s is the opening hours */
    return g_strdup_printf (_("%s; closed on weekends"), with_lunch);

  return g_steal_pointer (&with_lunch);
}
