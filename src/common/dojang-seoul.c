/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

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
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, dojang_seoul_get_time_zone ());
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  return g_date_time_new (dojang_seoul_get_time_zone (), year, month, day, 0, 0, 0);
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
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, dojang_seoul_get_time_zone ());
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  return year * 10000 + month * 100 + day;
}

/**
 * dojang_seoul_parse_iso8601:
 *
 * Parses an ISO 8601 date and time; without an offset it is Seoul time.
 * Seconds may be left out ("2026-09-25T10:00").
 *
 * Returns: (transfer full) (nullable): the instant in Asia/Seoul, or %NULL
 */
GDateTime *
dojang_seoul_parse_iso8601 (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  const char *time_part;

  if (text == NULL)
    return NULL;

  parsed = g_date_time_new_from_iso8601 (text, dojang_seoul_get_time_zone ());

  /* GLib wants the seconds; add ":00" after a bare "THH:MM". */
  time_part = strpbrk (text, "Tt ");
  if (parsed == NULL && time_part != NULL && strlen (time_part) >= 6 && time_part[3] == ':' &&
      time_part[6] != ':')
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.*s:00%s", (int) (time_part + 6 - text), text,
                                                       time_part + 6);

      parsed = g_date_time_new_from_iso8601 (with_seconds, dojang_seoul_get_time_zone ());
    }

  if (parsed == NULL)
    return NULL;

  return g_date_time_to_timezone (parsed, dojang_seoul_get_time_zone ());
}

/* "2026-09-28T09:00:00+09:00", to the second, in Seoul time */
char *
dojang_seoul_format_iso8601 (GDateTime *instant)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, dojang_seoul_get_time_zone ());

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}
