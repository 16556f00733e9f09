/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How certificate facts read on screen and in the commands: "D-23",
 * status words, fees. Dates are formatted by dojang-seoul.c. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-certificate-format.h"
#include "dojang-enum.h"

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

/**
 * dojang_format_days_until_valid:
 *
 * For a certificate that is not valid yet: a countdown to its first day,
 * never a "D-N", which always counts to expiry.
 *
 * Returns: "in 3 days", "tomorrow" or "today"
 */
char *
dojang_format_days_until_valid (int days)
{
  if (days <= 0)
    return g_strdup (C_("a certificate becomes valid", "Today"));

  if (days == 1)
    return g_strdup (C_("a certificate becomes valid", "Tomorrow"));

  /* TRANSLATORS: when a certificate becomes valid, shown beside "Not Yet Valid" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days", days), days);
}

/**
 * dojang_format_days_left_long:
 *
 * Returns: what dojang_format_days_left() abbreviates, in words: "7 days
 *   left", "Last day", "Expired 5 days ago"
 */
char *
dojang_format_days_left_long (int days_left)
{
  if (days_left > 0)
    return g_strdup_printf (ngettext ("%d day left", "%d days left", days_left), days_left);

  if (days_left == 0)
    return g_strdup (_("Last day"));

  return g_strdup_printf (ngettext ("Expired %d day ago", "Expired %d days ago", -days_left), -days_left);
}

const char *
dojang_certificate_status_label (DojangCertificateStatus status)
{
  switch (status)
    {
    case DOJANG_CERTIFICATE_STATUS_VALID:
      return _("Valid");
    case DOJANG_CERTIFICATE_STATUS_EXPIRING:
      return _("Renewable");
    case DOJANG_CERTIFICATE_STATUS_EXPIRED:
      return _("Expired");
    case DOJANG_CERTIFICATE_STATUS_UNUSABLE:
      /* TRANSLATORS: the badge of a certificate whose private key is missing */
      return _("Unusable");
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
    case DOJANG_CERTIFICATE_STATUS_UNUSABLE:
      return "unusable";
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

/**
 * dojang_certificate_status_needs_attention:
 *
 * Returns: %TRUE for the states that ask something of the owner: expired,
 *   in its renewal window, or unusable
 */
gboolean
dojang_certificate_status_needs_attention (DojangCertificateStatus status)
{
  return status == DOJANG_CERTIFICATE_STATUS_EXPIRED ||
         status == DOJANG_CERTIFICATE_STATUS_EXPIRING ||
         status == DOJANG_CERTIFICATE_STATUS_UNUSABLE;
}

/**
 * dojang_certificate_status_to_string:
 *
 * Returns: the nick of @status: "valid", "expiring", "expired",
 *   "not_yet_valid" or "unusable" (not translated; the JSON output uses it)
 */
const char *
dojang_certificate_status_to_string (DojangCertificateStatus status)
{
  return dojang_enum_get_nick (DOJANG_TYPE_CERTIFICATE_STATUS, status);
}
