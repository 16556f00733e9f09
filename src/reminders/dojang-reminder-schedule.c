/* SPDX-License-Identifier: GPL-3.0-or-later */

/* When reminders fall due. A reminder "D-N" is due at 09:00 Asia/Seoul, N
 * calendar days before the day the certificate expires: Korean certificates
 * expire at the end of a day in Korean time (notAfter 23:59:59 KST), the CAs'
 * help lines open at 09:00, and the reminder fires on the same wall-clock
 * morning wherever the computer is. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dojang-reminder-error.h"
#include "dojang-reminder-schedule.h"
#include "dojang-seoul.h"

/**
 * dojang_reminder_expiry_day:
 * @not_after: when a certificate expires
 *
 * Returns: (transfer full): the Korean calendar day on which it expires. A
 *   notAfter at exactly midnight means "valid through the previous day".
 */
GDate *
dojang_reminder_expiry_day (GDateTime *not_after)
{
  g_autoptr(GDateTime) last_second = g_date_time_add_seconds (not_after, -1);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (last_second, dojang_seoul_get_time_zone ());
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);

  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * dojang_reminder_seoul_day:
 *
 * Returns: (transfer full): the Korean calendar day of @instant
 */
GDate *
dojang_reminder_seoul_day (GDateTime *instant)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, dojang_seoul_get_time_zone ());
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);

  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static GDateTime *
morning_of (const GDate *date)
{
  return g_date_time_new (dojang_seoul_get_time_zone (),
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date),
                          DOJANG_REMINDER_HOUR, 0, 0);
}

/**
 * dojang_reminder_due_for:
 * @not_after: when the certificate expires
 * @lead_days: how many days before the expiry day
 *
 * Returns: (transfer full): 09:00 Asia/Seoul, @lead_days days before the
 *   expiry day. A same-day reminder for a certificate that expires before
 *   09:00 falls due at midnight instead, so it never comes after the expiry.
 */
GDateTime *
dojang_reminder_due_for (GDateTime *not_after,
                         int        lead_days)
{
  g_autoptr(GDate) day = NULL;
  g_autoptr(GDateTime) morning = NULL;
  GDateTime *due;

  g_return_val_if_fail (not_after != NULL, NULL);
  g_return_val_if_fail (lead_days >= 0, NULL);

  day = dojang_reminder_expiry_day (not_after);
  morning = morning_of (day);
  due = g_date_time_add_days (morning, -lead_days);

  if (g_date_time_compare (due, not_after) >= 0)
    {
      g_date_time_unref (due);
      due = g_date_time_new (dojang_seoul_get_time_zone (),
                             g_date_get_year (day), g_date_get_month (day), g_date_get_day (day),
                             0, 0, 0);
    }

  return due;
}

/**
 * dojang_reminder_next_morning:
 * @after: an instant
 *
 * Returns: (transfer full): 09:00 Asia/Seoul on the day after @after's
 *   Korean calendar day: what "remind me tomorrow" means.
 */
GDateTime *
dojang_reminder_next_morning (GDateTime *after)
{
  g_autoptr(GDate) day = NULL;

  g_return_val_if_fail (after != NULL, NULL);

  day = dojang_reminder_seoul_day (after);
  g_date_add_days (day, 1);

  return morning_of (day);
}

/**
 * dojang_reminder_days_left:
 * @now: the current instant
 * @not_after: when the certificate expires
 *
 * Returns: calendar days (Asia/Seoul) from today to the expiry day: 0 on
 *   the expiry day itself, negative once it is past.
 */
int
dojang_reminder_days_left (GDateTime *now,
                           GDateTime *not_after)
{
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) last_day = NULL;

  g_return_val_if_fail (now != NULL, 0);
  g_return_val_if_fail (not_after != NULL, 0);

  today = dojang_reminder_seoul_day (now);
  last_day = dojang_reminder_expiry_day (not_after);

  return g_date_days_between (today, last_day);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;
  char tail;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

gboolean
dojang_reminder_expiry_date_is_valid (const char *expiry_date)
{
  GDate date;

  g_date_clear (&date, 1);

  return parse_date (expiry_date, &date);
}

/**
 * dojang_reminder_expiry_date_to_instant:
 * @expiry_date: a "YYYY-MM-DD" date, the last day a certificate is valid
 *
 * Returns: (transfer full) (nullable): 23:59:59 Asia/Seoul on that day, the
 *   notAfter of a Korean certificate, or %NULL if the date is not valid.
 */
GDateTime *
dojang_reminder_expiry_date_to_instant (const char *expiry_date)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!parse_date (expiry_date, &date))
    return NULL;

  return g_date_time_new (dojang_seoul_get_time_zone (),
                          g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                          23, 59, 59);
}

/**
 * dojang_reminder_format_date:
 * @instant: an instant
 *
 * Returns: (transfer full): the Korean calendar day of @instant, formatted
 *   for people.
 */
char *
dojang_reminder_format_date (GDateTime *instant)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (instant != NULL, NULL);

  local = g_date_time_to_timezone (instant, dojang_seoul_get_time_zone ());

  /* Translators: a date as strftime() format, e.g. "2026-12-01". Use numbers
   * only: month names would follow LC_TIME, not the translation. */
  return g_date_time_format (local, _("%Y-%m-%d"));
}

/**
 * dojang_reminder_parse_at:
 * @text: an ISO 8601 date and time (without an offset it is Korean time),
 *   or a date alone, meaning its midnight in Korea
 * @error: return location for an error
 *
 * Returns: (transfer full): the instant, or %NULL with @error set.
 */
GDateTime *
dojang_reminder_parse_at (const char  *text,
                          GError     **error)
{
  g_autofree char *with_time = NULL;
  GDateTime *instant;

  g_return_val_if_fail (text != NULL, NULL);

  if (dojang_reminder_expiry_date_is_valid (text))
    text = with_time = g_strconcat (text, "T00:00:00", NULL);

  instant = g_date_time_new_from_iso8601 (text, dojang_seoul_get_time_zone ());
  if (instant == NULL)
    g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                 _("“%s” is not a date and time such as 2026-11-24T09:00:00+09:00"),
                 text);

  return instant;
}
