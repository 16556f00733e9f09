/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Seoul time and calendar dates: the one place that knows how a day, a
 * "D-N" and an expiry date are counted, and how dates and instants typed
 * by people (--at, DOJANG_NOW, data files) are read. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dojang-seoul.h"

/**
 * dojang_seoul_get_time_zone:
 *
 * Returns: (transfer none): Asia/Seoul, or a fixed +09:00 zone if the
 * system has no tz database (Korea has kept +09:00 without daylight saving
 * since 1988, so the two agree for all dates we handle).
 */
GTimeZone *
dojang_seoul_get_time_zone (void)
{
  static GTimeZone *seoul;

  if (g_once_init_enter (&seoul))
    {
      GTimeZone *tz = g_time_zone_new_identifier ("Asia/Seoul");

      if (tz == NULL)
        tz = g_time_zone_new_offset (9 * 3600);
      g_once_init_leave (&seoul, tz);
    }

  return seoul;
}

/* Returns: (transfer full): 00:00 of the Seoul calendar day holding @instant */
GDateTime *
dojang_seoul_day_start (GDateTime *instant)
{
  GDate date;

  dojang_seoul_get_date (instant, &date);
  return dojang_seoul_new_date_time (&date, 0, 0, 0);
}

/* Returns: (transfer full): @day_start plus @minutes (24:00 is the next day) */
GDateTime *
dojang_seoul_at_minutes (GDateTime *day_start,
                         int        minutes)
{
  return g_date_time_add_minutes (day_start, minutes);
}

/* Whole minutes from @day_start to @instant (seconds are dropped, so
 * 11:59:59 is still before a 12:00 lunch break). */
int
dojang_seoul_minutes_into_day (GDateTime *instant,
                               GDateTime *day_start)
{
  return (int) (g_date_time_difference (instant, day_start) / G_TIME_SPAN_MINUTE);
}

/* YYYYMMDD of the Seoul calendar day holding @instant */
int
dojang_seoul_date_key (GDateTime *instant)
{
  GDate date;

  dojang_seoul_get_date (instant, &date);
  return g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 + g_date_get_day (&date);
}

/**
 * dojang_seoul_get_date:
 * @instant: any instant
 * @date: (out caller-allocates): the Seoul calendar day holding @instant
 */
void
dojang_seoul_get_date (GDateTime *instant,
                       GDate     *date)
{
  g_autoptr(GDateTime) local = NULL;
  gboolean day_after = FALSE;
  int year, month, day;

  g_return_if_fail (instant != NULL);
  g_return_if_fail (date != NULL);

  local = g_date_time_to_timezone (instant, dojang_seoul_get_time_zone ());

  /* The last hours of 9999-12-31 UTC are already the year 10000 in Seoul,
   * which GDateTime cannot hold but GDate can: step over from the day before. */
  if (local == NULL)
    {
      g_autoptr(GDateTime) day_before = g_date_time_add_days (instant, -1);

      local = g_date_time_to_timezone (day_before, dojang_seoul_get_time_zone ());
      day_after = TRUE;
    }

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (day_after)
    g_date_add_days (date, 1);
}

/**
 * dojang_seoul_new_date_time:
 * @date: a valid calendar date
 *
 * Returns: (transfer full) (nullable): that wall-clock time on @date in
 *   Seoul, or %NULL outside the years GDateTime holds
 */
GDateTime *
dojang_seoul_new_date_time (const GDate *date,
                            int          hour,
                            int          minute,
                            int          seconds)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_date_time_new (dojang_seoul_get_time_zone (),
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                          hour, minute, seconds);
}

/**
 * dojang_seoul_days_between:
 *
 * Returns: Seoul calendar days from the day of @from to the day of @to:
 *   1 from 23:59 to 00:01 the next morning, 0 all through one day, negative
 *   when @to is on an earlier day. Not 24-hour spans, and not the
 *   machine's own time zone.
 */
int
dojang_seoul_days_between (GDateTime *from,
                           GDateTime *to)
{
  GDate from_date, to_date;

  g_return_val_if_fail (from != NULL, 0);
  g_return_val_if_fail (to != NULL, 0);

  dojang_seoul_get_date (from, &from_date);
  dojang_seoul_get_date (to, &to_date);

  return g_date_days_between (&from_date, &to_date);
}

/**
 * dojang_seoul_get_expiry_date:
 * @not_after: the last instant a certificate is valid
 * @date: (out caller-allocates): the last Seoul calendar day it is valid
 *
 * That is the Seoul day of @not_after, except that a notAfter at exactly
 * 00:00:00 KST counts for the day before (it is valid through that day).
 * Korean CAs write 23:59:59 KST: 2026-12-06T14:59:59Z expires on
 * 6 December, and so does 2026-12-06T15:00:00Z (00:00:00 KST on the 7th);
 * 2026-12-06T15:00:01Z expires on 7 December.
 */
void
dojang_seoul_get_expiry_date (GDateTime *not_after,
                              GDate     *date)
{
  g_autoptr(GDateTime) last_second = NULL;

  g_return_if_fail (not_after != NULL);
  g_return_if_fail (date != NULL);

  last_second = g_date_time_add_seconds (not_after, -1);
  dojang_seoul_get_date (last_second != NULL ? last_second : not_after, date);
}

/**
 * dojang_seoul_days_left:
 * @now: the current instant
 * @not_after: when the certificate expires
 *
 * The "N" of "D-N", the same on every page and in every command:
 * (expiry date) − (Seoul calendar day of @now), both as in
 * dojang_seoul_get_expiry_date(). 0 ("D-Day") all through the expiry day,
 * negative once that day is over.
 *
 * Returns: calendar days left
 */
int
dojang_seoul_days_left (GDateTime *now,
                        GDateTime *not_after)
{
  GDate today, last_day;

  g_return_val_if_fail (now != NULL, 0);
  g_return_val_if_fail (not_after != NULL, 0);

  dojang_seoul_get_date (now, &today);
  dojang_seoul_get_expiry_date (not_after, &last_day);

  return g_date_days_between (&today, &last_day);
}

/**
 * dojang_seoul_parse_date:
 * @text: (nullable): "YYYY-MM-DD", four-digit year, two-digit month and day
 * @date: (out caller-allocates): the date
 *
 * The one reader of calendar dates in data files, imports and --at.
 *
 * Returns: %TRUE for a real calendar day in the years 0001 to 9999
 */
gboolean
dojang_seoul_parse_date (const char *text,
                         GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* The shapes --at and DOJANG_NOW accept, and only those (GLib alone would
 * also take week dates, ordinal dates and the basic format). Matched once
 * per process: compiling it for speed (JIT) would cost more than it saves. */
static GRegex *
instant_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("^([0-9]{4}-[0-9]{2}-[0-9]{2})"
                                      "(?:[T ]([0-9]{2}:[0-9]{2})(:[0-9]{2}(?:\\.[0-9]+)?)?"
                                      "(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$",
                                      G_REGEX_DOLLAR_ENDONLY, 0, NULL);

      g_once_init_leave (&regex, compiled);
    }

  return regex;
}

static GDateTime *
bad_instant (const char  *text,
             GError     **error)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* TRANSLATORS: %s is what was typed; keep the forms as they are */
               _("“%s” is not a date or a date and time. Use YYYY-MM-DD (00:00 in Seoul), "
                 "YYYY-MM-DDTHH:MM[:SS] (Seoul time) or YYYY-MM-DDTHH:MM[:SS] followed by Z or an "
                 "offset such as +09:00."),
               text);
  return NULL;
}

/**
 * dojang_seoul_parse_instant:
 * @text: what follows --at, or DOJANG_NOW
 * @error: return location for a %G_OPTION_ERROR_BAD_VALUE naming the
 *   accepted forms
 *
 * The one parser of "now" given by hand. Accepted:
 *   - YYYY-MM-DD: 00:00:00 of that day in Seoul;
 *   - YYYY-MM-DDTHH:MM[:SS[.frac]]: that wall-clock time in Seoul;
 *   - the same followed by Z, ±HH, ±HHMM or ±HH:MM: that instant.
 * A space may stand for the T. The instant must lie in the years 0001 to
 * 9999 both in UTC and in Seoul, as GDateTime holds them.
 *
 * Returns: (transfer full) (nullable): the instant, in UTC
 */
GDateTime *
dojang_seoul_parse_instant (const char  *text,
                            GError     **error)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *seconds_text = NULL;
  g_autofree char *offset_text = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_seoul = NULL;
  GDateTime *utc = NULL;
  GDate date;

  if (text == NULL || !g_regex_match (instant_regex (), text, 0, &match))
    return bad_instant (text != NULL ? text : "", error);

  day_text = g_match_info_fetch (match, 1);
  time_text = g_match_info_fetch (match, 2);
  seconds_text = g_match_info_fetch (match, 3);
  offset_text = g_match_info_fetch (match, 4);

  if (!dojang_seoul_parse_date (day_text, &date))
    return bad_instant (text, error);

  if (time_text == NULL || *time_text == '\0')
    {
      parsed = dojang_seoul_new_date_time (&date, 0, 0, 0);
    }
  else
    {
      /* GLib wants the seconds. */
      gboolean has_seconds = seconds_text != NULL && *seconds_text != '\0';
      g_autofree char *full = g_strconcat (day_text, "T", time_text, has_seconds ? seconds_text : ":00",
                                           offset_text != NULL ? offset_text : "", NULL);

      parsed = g_date_time_new_from_iso8601 (full, dojang_seoul_get_time_zone ());
      if (parsed == NULL)
        return bad_instant (text, error);
    }

  if (parsed != NULL)
    utc = g_date_time_to_utc (parsed);
  if (utc != NULL)
    in_seoul = g_date_time_to_timezone (utc, dojang_seoul_get_time_zone ());
  if (in_seoul == NULL)
    {
      g_clear_pointer (&utc, g_date_time_unref);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: %s is what was typed */
                   _("“%s” is outside the years 0001 to 9999."), text);
    }

  return utc;
}

/* Weekday and month names come from the translation, not from LC_TIME, so
 * that a date reads in the language of the text around it. */
static const char *
weekday_name (GDateWeekday weekday)
{
  static const char *names[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
    NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[weekday - G_DATE_MONDAY]);
}

static const char *
month_name (GDateMonth month)
{
  static const char *names[] = {
    NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
    NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
    NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[month - G_DATE_JANUARY]);
}

/* @format with %a and %b replaced by the translated names for @date. */
static char *
expand_names (const char  *format,
              const GDate *date)
{
  GString *expanded = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'a')
        g_string_append (expanded, weekday_name (g_date_get_weekday (date)));
      else if (p[0] == '%' && p[1] == 'b')
        g_string_append (expanded, month_name (g_date_get_month (date)));
      else if (p[0] == '%' && p[1] != '\0')
        g_string_append_len (expanded, p, 2);
      else
        {
          g_string_append_c (expanded, *p);
          continue;
        }
      p++;
    }

  return g_string_free (expanded, FALSE);
}

static char *
format_date (const GDate *date)
{
  /* TRANSLATORS: a g_date_time_format() date format, "Sun, 6 Dec 2026".
   * %a and %b are the weekday and month names translated here too
   * (context "weekday" and "month"), not the system's. */
  g_autofree char *format = expand_names (C_("date format", "%a, %-d %b %Y"), date);
  g_autoptr(GDateTime) noon = dojang_seoul_new_date_time (date, 12, 0, 0);
  char text[64];

  if (noon != NULL)
    return g_date_time_format (noon, format);

  /* The year 10000 (see dojang_seoul_get_date()): GDate still formats it. */
  if (g_date_strftime (text, sizeof text, format, date) == 0)
    return g_strdup ("");

  return g_strdup (text);
}

/**
 * dojang_seoul_format_day:
 * @date: a calendar date (a Seoul one: an expiry day, a renewal window's
 *   first day)
 *
 * Returns: (transfer full): @date for people, as dojang_seoul_format_date()
 *   writes it
 */
char *
dojang_seoul_format_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return format_date (date);
}

/**
 * dojang_seoul_format_date:
 *
 * Returns: (transfer full): the Seoul calendar date of @instant, for
 *   people: "Sun, 6 Dec 2026", "2026년 12월 6일"
 */
char *
dojang_seoul_format_date (GDateTime *instant)
{
  GDate date;

  g_return_val_if_fail (instant != NULL, NULL);

  dojang_seoul_get_date (instant, &date);
  return format_date (&date);
}

/**
 * dojang_seoul_format_expiry_date:
 * @not_after: when a certificate expires
 *
 * Returns: (transfer full): its expiry date (see
 *   dojang_seoul_get_expiry_date()) for people: the day that is "D-Day".
 */
char *
dojang_seoul_format_expiry_date (GDateTime *not_after)
{
  GDate date;

  g_return_val_if_fail (not_after != NULL, NULL);

  dojang_seoul_get_expiry_date (not_after, &date);
  return format_date (&date);
}

/* "2026-09-28T09:00:00+09:00", to the second, in Seoul time */
char *
dojang_seoul_format_iso8601 (GDateTime *instant)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, dojang_seoul_get_time_zone ());

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}
