/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Feeds the certificates a scan finds into the reminder store: the one place
 * where the certificate model meets the store, whose API takes plain values. */

#include "config.h"

#include "dojang-certificate-scanner.h"
#include "dojang-reminder-scan.h"
#include "dojang-task.h"

/**
 * dojang_reminder_scan_add_certificates:
 * @store: the reminder store
 * @certificates: (element-type DojangCertificate): certificates found
 * @seen_at: when they were found
 * @error: return location for an error
 *
 * Records the certificates and schedules their reminders, all in one
 * transaction.
 */
gboolean
dojang_reminder_scan_add_certificates (DojangReminderStore  *store,
                                       GPtrArray            *certificates,
                                       GDateTime            *seen_at,
                                       GError              **error)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (store), FALSE);
  g_return_val_if_fail (certificates != NULL, FALSE);
  g_return_val_if_fail (seen_at != NULL, FALSE);

  if (!dojang_reminder_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < certificates->len; i++)
    {
      DojangCertificate *certificate = g_ptr_array_index (certificates, i);

      if (!dojang_reminder_store_upsert_certificate (store,
                                                     dojang_certificate_get_sha256 (certificate),
                                                     dojang_certificate_get_subject (certificate),
                                                     dojang_certificate_get_name (certificate),
                                                     dojang_certificate_get_provider_id (certificate),
                                                     /* "Unknown type" says nothing in a reminder. */
                                                     dojang_certificate_get_type_known (certificate)
                                                       ? dojang_certificate_get_type_name (certificate) : "",
                                                     dojang_certificate_get_not_after (certificate),
                                                     dojang_certificate_get_path (certificate),
                                                     seen_at,
                                                     error))
        {
          dojang_reminder_store_rollback (store);
          return FALSE;
        }
    }

  return dojang_reminder_store_commit (store, error);
}

/**
 * dojang_reminder_scan_sync:
 * @store: the reminder store
 * @roots: the folders to scan (see dojang_certificate_scanner_default_roots())
 * @now: when the scan happens
 * @cancellable: (nullable): a #GCancellable
 * @n_certificates: (out) (optional): how many different certificates were
 *   found (copies of one count once)
 * @error: return location for an error
 *
 * Scans @roots and records what it finds. Unreadable files are the
 * scanner's problems, not errors: only a failing store is.
 */
gboolean
dojang_reminder_scan_sync (DojangReminderStore  *store,
                           const char * const   *roots,
                           GDateTime            *now,
                           GCancellable         *cancellable,
                           guint                *n_certificates,
                           GError              **error)
{
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (store), FALSE);
  g_return_val_if_fail (roots != NULL, FALSE);

  if (!dojang_certificate_scan_sync (roots, cancellable, &certificates, &problems, error))
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    g_debug ("Not a certificate: %s: %s",
             dojang_scan_problem_get_path (g_ptr_array_index (problems, i)),
             dojang_scan_problem_get_message (g_ptr_array_index (problems, i)));

  if (n_certificates != NULL)
    {
      g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < certificates->len; i++)
        g_hash_table_add (distinct, (gpointer) dojang_certificate_get_sha256 (g_ptr_array_index (certificates, i)));
      *n_certificates = g_hash_table_size (distinct);
    }

  return dojang_reminder_scan_add_certificates (store, certificates, now, error);
}

typedef struct
{
  GPtrArray *certificates;
  GDateTime *seen_at;
} Sighting;

static void
sighting_free (gpointer data)
{
  Sighting *sighting = data;

  g_ptr_array_unref (sighting->certificates);
  g_date_time_unref (sighting->seen_at);
  g_free (sighting);
}

static gboolean
add_in_thread (gpointer       store,
               gpointer       data,
               GCancellable  *cancellable,
               gpointer      *result,
               GError       **error)
{
  Sighting *sighting = data;

  return dojang_reminder_scan_add_certificates (store, sighting->certificates, sighting->seen_at,
                                                error);
}

/**
 * dojang_reminder_scan_add_certificates_async:
 * @certificates: (element-type DojangCertificate): certificates found
 *
 * dojang_reminder_scan_add_certificates() in a worker thread: what the
 * running application does with the certificates its live list finds.
 */
void
dojang_reminder_scan_add_certificates_async (DojangReminderStore *store,
                                             GPtrArray           *certificates,
                                             GDateTime           *seen_at,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  Sighting *sighting;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (store));
  g_return_if_fail (certificates != NULL);
  g_return_if_fail (seen_at != NULL);

  sighting = g_new0 (Sighting, 1);
  sighting->certificates = g_ptr_array_ref (certificates);
  sighting->seen_at = g_date_time_ref (seen_at);

  dojang_task_run_in_thread (store, dojang_reminder_scan_add_certificates_async, add_in_thread,
                             sighting, sighting_free, NULL, cancellable, callback, user_data);
}

gboolean
dojang_reminder_scan_add_certificates_finish (DojangReminderStore  *store,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  return dojang_task_finish (result, store, dojang_reminder_scan_add_certificates_async, NULL, error);
}
