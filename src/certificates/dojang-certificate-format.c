/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How certificate facts read on screen: dates, "D-23", status words, fees. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-format.h"

/**
 * dojang_format_date:
 *
 * Returns: the local calendar date of @instant, e.g. "2026-03-24" or
 *   "2026년 3월 24일"
 */
char *
dojang_format_date (GDateTime *instant)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (instant);

  /* TRANSLATORS: a g_date_time_format() date format */
  return g_date_time_format (local, C_("date format", "%Y-%m-%d"));
}

/**
 * dojang_format_day:
 * @day: a calendar day
 *
 * Returns: @day as dojang_format_date() writes dates, e.g. "2026년 3월 24일"
 */
char *
dojang_format_day (const GDate *day)
{
  g_autoptr(GDateTime) noon = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  noon = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), 12, 0, 0);

  return dojang_format_date (noon);
}

/**
 * dojang_format_days_left:
 *
 * Returns: "D-23" before expiry, "D-Day" on the last day, "D+5" after
 */
char *
dojang_format_days_left (int days_left)
{
  if (days_left > 0)
    return g_strdup_printf ("D-%d", days_left);

  if (days_left == 0)
    return g_strdup ("D-Day");

  return g_strdup_printf ("D+%d", -days_left);
}

const char *
dojang_certificate_status_label (DojangCertificateStatus status)
{
  switch (status)
    {
    case DOJANG_CERTIFICATE_STATUS_VALID:
      return _("Valid");
    case DOJANG_CERTIFICATE_STATUS_EXPIRING:
      return _("Renew Now");
    case DOJANG_CERTIFICATE_STATUS_EXPIRED:
      return _("Expired");
    case DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID:
    default:
      return _("Not Yet Valid");
    }
}

/* The style class of the status badge (see style.css). */
const char *
dojang_certificate_status_css (DojangCertificateStatus status)
{
  switch (status)
    {
    case DOJANG_CERTIFICATE_STATUS_VALID:
      return "valid";
    case DOJANG_CERTIFICATE_STATUS_EXPIRING:
      return "expiring";
    case DOJANG_CERTIFICATE_STATUS_EXPIRED:
      return "expired";
    case DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID:
    default:
      return "not-yet-valid";
    }
}

char *
dojang_format_fee (int annual_fee_krw)
{
  g_autoptr(GString) digits = NULL;
  int length;

  if (annual_fee_krw < 0)
    return g_strdup (_("Unknown"));

  if (annual_fee_krw == 0)
    return g_strdup (_("Free"));

  digits = g_string_new (NULL);
  g_string_printf (digits, "%d", annual_fee_krw);
  length = (int) digits->len;
  for (int i = length - 3; i > 0; i -= 3)
    g_string_insert_c (digits, i, ',');

  /* TRANSLATORS: a yearly fee; %s is the amount in won with thousands separators */
  return g_strdup_printf (_("₩%s a year"), digits->str);
}
