/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the renewal assistant writes to the reminder store, in a worker
 * thread: the reminder for the day a renewal window opens, and the record
 * of a finished rehearsal. The one place where the renewal plan meets the
 * store, whose API takes plain values. */

#include "config.h"

#include "dojang-renewal-record.h"
#include "dojang-task.h"

static gboolean
remind_work (gpointer       source_object,
             gpointer       work_data,
             GCancellable  *cancellable,
             gpointer      *result,
             GError       **error)
{
  DojangReminderStore *store = source_object;
  DojangRenewalPlan *plan = work_data;
  DojangCertificate *certificate = dojang_renewal_plan_get_certificate (plan);
  GDateTime *due = NULL;

  /* A certificate opened from a file may be unknown to the store so far. */
  if (!dojang_reminder_store_upsert_certificate (store,
                                                 dojang_certificate_get_sha256 (certificate),
                                                 dojang_certificate_get_subject (certificate),
                                                 dojang_certificate_get_name (certificate),
                                                 dojang_certificate_get_provider_id (certificate),
                                                 dojang_certificate_get_type_known (certificate)
                                                   ? dojang_certificate_get_type_name (certificate) : "",
                                                 dojang_certificate_get_not_after (certificate),
                                                 dojang_certificate_get_path (certificate),
                                                 dojang_renewal_plan_get_now (plan),
                                                 error) ||
      !dojang_reminder_store_request_reminder (store, dojang_certificate_get_sha256 (certificate),
                                               dojang_renewal_plan_get_window_days (plan),
                                               &due, error))
    return FALSE;

  *result = due;

  return TRUE;
}

/**
 * dojang_renewal_remind_async:
 * @store: the reminder store
 * @plan: a plan whose window has not opened yet
 *
 * Asks for a reminder on the morning the renewal window opens.
 */
void
dojang_renewal_remind_async (DojangReminderStore *store,
                             DojangRenewalPlan   *plan,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (store));
  g_return_if_fail (DOJANG_IS_RENEWAL_PLAN (plan));

  dojang_task_run_in_thread (store, dojang_renewal_remind_async, remind_work,
                             g_object_ref (plan), g_object_unref, (GDestroyNotify) g_date_time_unref,
                             cancellable, callback, user_data);
}

/**
 * dojang_renewal_remind_finish:
 *
 * Returns: (transfer full) (nullable): when the reminder falls due
 */
GDateTime *
dojang_renewal_remind_finish (DojangReminderStore  *store,
                              GAsyncResult         *result,
                              GError              **error)
{
  gpointer due = NULL;

  if (!dojang_task_finish (result, store, dojang_renewal_remind_async, &due, error))
    return NULL;

  return due;
}

typedef struct
{
  char      *sha256;
  GDateTime *completed_at;
  char      *payment_method;
  char      *outcome;
} Rehearsal;

static void
rehearsal_free (gpointer data)
{
  Rehearsal *rehearsal = data;

  g_free (rehearsal->sha256);
  g_date_time_unref (rehearsal->completed_at);
  g_free (rehearsal->payment_method);
  g_free (rehearsal->outcome);
  g_free (rehearsal);
}

static gboolean
record_work (gpointer       source_object,
             gpointer       work_data,
             GCancellable  *cancellable,
             gpointer      *result,
             GError       **error)
{
  Rehearsal *rehearsal = work_data;

  return dojang_reminder_store_record_rehearsal (source_object, rehearsal->sha256, rehearsal->completed_at,
                                                 rehearsal->payment_method, rehearsal->outcome, error);
}

/**
 * dojang_renewal_record_async:
 * @payment_method: "card", "transfer", "phone" or "none"
 * @outcome: "finished" or "renewal_page_opened"
 *
 * Records a finished rehearsal; see dojang_reminder_store_record_rehearsal().
 */
void
dojang_renewal_record_async (DojangReminderStore *store,
                             DojangRenewalPlan   *plan,
                             GDateTime           *completed_at,
                             const char          *payment_method,
                             const char          *outcome,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Rehearsal *rehearsal;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (store));
  g_return_if_fail (DOJANG_IS_RENEWAL_PLAN (plan));
  g_return_if_fail (completed_at != NULL);

  rehearsal = g_new0 (Rehearsal, 1);
  rehearsal->sha256 = g_strdup (dojang_certificate_get_sha256 (dojang_renewal_plan_get_certificate (plan)));
  rehearsal->completed_at = g_date_time_ref (completed_at);
  rehearsal->payment_method = g_strdup (payment_method);
  rehearsal->outcome = g_strdup (outcome);

  dojang_task_run_in_thread (store, dojang_renewal_record_async, record_work, rehearsal, rehearsal_free, NULL,
                             cancellable, callback, user_data);
}

gboolean
dojang_renewal_record_finish (DojangReminderStore  *store,
                              GAsyncResult         *result,
                              GError              **error)
{
  return dojang_task_finish (result, store, dojang_renewal_record_async, NULL, error);
}
