/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A renewal issues a new certificate with a new key for the same holder:
 * same subject, same CA, a later expiry. Found in any scanned folder (the
 * CAs do not say whether it overwrites the old folder), it replaces the
 * old one. The reminder store applies the same rule to hand the reminders
 * over (dojang-reminder-store-schedule.c). */

#include "config.h"

#include "dojang-certificate-successor.h"

/**
 * dojang_certificate_find_successor:
 * @certificates: (element-type DojangCertificate): the certificates found
 * @certificate: one of them
 *
 * Returns: (transfer none) (nullable): the newest certificate of
 *   @certificates that renews @certificate, or %NULL if none does
 */
DojangCertificate *
dojang_certificate_find_successor (GListModel        *certificates,
                                   DojangCertificate *certificate)
{
  DojangCertificate *newest = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (certificates), NULL);
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (certificate), NULL);

  n = g_list_model_get_n_items (certificates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DojangCertificate) other = g_list_model_get_item (certificates, i);
      GDateTime *best = newest != NULL ? dojang_certificate_get_not_after (newest)
                                       : dojang_certificate_get_not_after (certificate);

      if (g_strcmp0 (dojang_certificate_get_subject (other), dojang_certificate_get_subject (certificate)) != 0 ||
          g_strcmp0 (dojang_certificate_get_provider_id (other), dojang_certificate_get_provider_id (certificate)) != 0)
        continue;

      if (g_date_time_compare (dojang_certificate_get_not_after (other), best) > 0)
        newest = other;
    }

  return newest;
}
