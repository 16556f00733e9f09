/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the renewal assistant writes to the reminder store, in a worker
 * thread: the reminder for the day a renewal window opens, and the record
 * of a finished rehearsal. The one place where the renewal plan meets the
 * store, whose API takes plain values. */

#include "config.h"

#include "dojang-renewal-record.h"

static void
remind_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DojangReminderStore *store = source_object;
  DojangRenewalPlan *plan = task_data;
  DojangCertificate *certificate = dojang_renewal_plan_get_certificate (plan);
  GDateTime *due = NULL;
  GError *error = NULL;

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
                                                 &error) ||
      !dojang_reminder_store_request_reminder (store, dojang_certificate_get_sha256 (certificate),
                                               dojang_renewal_plan_get_window_days (plan),
                                               &due, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, due, (GDestroyNotify) g_date_time_unref);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (store));
  g_return_if_fail (DOJANG_IS_RENEWAL_PLAN (plan));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_renewal_remind_async);
  g_task_set_task_data (task, g_object_ref (plan), g_object_unref);
  g_task_run_in_thread (task, remind_thread);
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
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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

static void
record_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Rehearsal *rehearsal = task_data;
  GError *error = NULL;

  if (dojang_reminder_store_record_rehearsal (source_object, rehearsal->sha256, rehearsal->completed_at,
                                              rehearsal->payment_method, rehearsal->outcome, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
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
  g_autoptr(GTask) task = NULL;
  Rehearsal *rehearsal;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (store));
  g_return_if_fail (DOJANG_IS_RENEWAL_PLAN (plan));
  g_return_if_fail (completed_at != NULL);

  rehearsal = g_new0 (Rehearsal, 1);
  rehearsal->sha256 = g_strdup (dojang_certificate_get_sha256 (dojang_renewal_plan_get_certificate (plan)));
  rehearsal->completed_at = g_date_time_ref (completed_at);
  rehearsal->payment_method = g_strdup (payment_method);
  rehearsal->outcome = g_strdup (outcome);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_renewal_record_async);
  g_task_set_task_data (task, rehearsal, rehearsal_free);
  g_task_run_in_thread (task, record_thread);
}

gboolean
dojang_renewal_record_finish (DojangReminderStore  *store,
                              GAsyncResult         *result,
                              GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
