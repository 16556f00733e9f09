/* SPDX-License-Identifier: GPL-3.0-or-later */

/* When what a list of certificates shows next changes by itself: the days
 * left at Seoul midnight, a status at a not-before, a renewal opening or
 * an expiry. A view waits for that moment instead of polling. */

#include "config.h"

#include "dojang-certificate.h"
#include "dojang-certificate-next-change.h"
#include "dojang-seoul.h"

static void
keep_earliest (GDateTime  *now,
               GDateTime  *when,
               GDateTime **earliest)
{
  if (g_date_time_compare (when, now) <= 0)
    return;

  if (*earliest == NULL || g_date_time_compare (when, *earliest) < 0)
    {
      g_clear_pointer (earliest, g_date_time_unref);
      *earliest = g_date_time_ref (when);
    }
}

/**
 * dojang_certificate_next_change:
 * @certificates: a list of #DojangCertificate
 * @now: the current instant
 *
 * Returns: (transfer full): the first instant after @now at which a
 *   certificate's status or days left changes (at the latest, the next
 *   Seoul midnight)
 */
GDateTime *
dojang_certificate_next_change (GListModel *certificates,
                                GDateTime  *now)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  GDateTime *earliest = NULL;
  guint n;

  g_return_val_if_fail (certificates == NULL || G_IS_LIST_MODEL (certificates), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  today = dojang_seoul_day_start (now);
  tomorrow = g_date_time_add_days (today, 1);
  earliest = dojang_seoul_day_start (tomorrow);

  n = certificates != NULL ? g_list_model_get_n_items (certificates) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DojangCertificate) certificate = g_list_model_get_item (certificates, i);
      g_autoptr(GDateTime) renewal_opens = dojang_certificate_get_renewal_opens (certificate);

      keep_earliest (now, dojang_certificate_get_not_before (certificate), &earliest);
      keep_earliest (now, renewal_opens, &earliest);
      keep_earliest (now, dojang_certificate_get_not_after (certificate), &earliest);
    }

  return earliest;
}
