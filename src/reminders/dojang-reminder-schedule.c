/* SPDX-License-Identifier: GPL-3.0-or-later */

/* When reminders fall due. A reminder "D-N" is due at 09:00 Asia/Seoul, N
 * calendar days before the day the certificate expires: Korean certificates
 * expire at the end of a day in Korean time (notAfter 23:59:59 KST), the CAs'
 * help lines open at 09:00, and the reminder fires on the same wall-clock
 * morning wherever the computer is. */

#include "config.h"

#include "dojang-reminder-schedule.h"
#include "dojang-seoul.h"

static GDateTime *
morning_of (const GDate *date)
{
  return dojang_seoul_new_date_time (date, DOJANG_REMINDER_HOUR, 0, 0);
}

/**
 * dojang_reminder_due_before:
 * @not_after: when the certificate expires
 * @expiry_day: its last day, as dojang_seoul_get_expiry_date() gives it
 * @lead_days: how many days before the expiry day
 *
 * dojang_reminder_due_for() for callers that schedule several lead times
 * of one certificate and find its expiry day once.
 *
 * Returns: the due instant, in Unix seconds
 */
gint64
dojang_reminder_due_before (GDateTime   *not_after,
                            const GDate *expiry_day,
                            int          lead_days)
{
  GDate day = *expiry_day;
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (not_after != NULL, 0);
  g_return_val_if_fail (lead_days >= 0, 0);

  g_date_subtract_days (&day, lead_days);
  due = morning_of (&day);

  if (due == NULL || g_date_time_compare (due, not_after) >= 0)
    {
      g_clear_pointer (&due, g_date_time_unref);
      due = dojang_seoul_new_date_time (&day, 0, 0, 0);
    }

  /* A notAfter in the last hours of 9999 (UTC) expires on a Seoul day
   * GDateTime cannot hold: remind at the notAfter itself. */
  return due != NULL ? g_date_time_to_unix (due) : g_date_time_to_unix (not_after);
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
  g_autoptr(GDateTime) due = NULL;
  GDate day;

  g_return_val_if_fail (not_after != NULL, NULL);
  g_return_val_if_fail (lead_days >= 0, NULL);

  dojang_seoul_get_expiry_date (not_after, &day);
  due = g_date_time_new_from_unix_utc (dojang_reminder_due_before (not_after, &day, lead_days));

  return g_date_time_to_timezone (due, dojang_seoul_get_time_zone ());
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
  GDate day;

  g_return_val_if_fail (after != NULL, NULL);

  dojang_seoul_get_date (after, &day);
  g_date_add_days (&day, 1);

  return morning_of (&day);
}

gboolean
dojang_reminder_expiry_date_is_valid (const char *expiry_date)
{
  GDate date;

  return dojang_seoul_parse_date (expiry_date, &date);
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

  if (!dojang_seoul_parse_date (expiry_date, &date))
    return NULL;

  return dojang_seoul_new_date_time (&date, 23, 59, 59);
}
