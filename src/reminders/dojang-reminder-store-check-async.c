/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: the due check of dojang-reminder-store-check.c in a
 * worker thread, as the running application's monitor runs it. */

#include "config.h"

#include "dojang-reminder-store-private.h"
#include "dojang-task.h"

static gboolean
begin_in_thread (gpointer       store,
                 gpointer       now,
                 GCancellable  *cancellable,
                 gpointer      *result,
                 GError       **error)
{
  *result = dojang_reminder_store_begin_check (store, now, error);

  return *result != NULL;
}

/**
 * dojang_reminder_store_begin_check_async:
 *
 * Runs dojang_reminder_store_begin_check() in a worker thread.
 */
void
dojang_reminder_store_begin_check_async (DojangReminderStore *self,
                                         GDateTime           *now,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (now != NULL);

  dojang_task_run_in_thread (self, dojang_reminder_store_begin_check_async, begin_in_thread,
                             g_date_time_ref (now), (GDestroyNotify) g_date_time_unref,
                             (GDestroyNotify) g_ptr_array_unref,
                             cancellable, callback, user_data);
}

/**
 * dojang_reminder_store_begin_check_finish:
 *
 * Returns: (transfer full) (element-type DojangReminder): the reminders to
 *   show, or %NULL with @error set.
 */
GPtrArray *
dojang_reminder_store_begin_check_finish (DojangReminderStore  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  GPtrArray *chosen = NULL;

  if (!dojang_task_finish (result, self, dojang_reminder_store_begin_check_async,
                           (gpointer *) &chosen, error))
    return NULL;

  return chosen;
}

typedef struct
{
  GPtrArray *shown;
  GDateTime *now;
} Ending;

static void
ending_free (gpointer data)
{
  Ending *ending = data;

  g_ptr_array_unref (ending->shown);
  g_date_time_unref (ending->now);
  g_free (ending);
}

static gboolean
end_in_thread (gpointer       store,
               gpointer       data,
               GCancellable  *cancellable,
               gpointer      *result,
               GError       **error)
{
  Ending *ending = data;

  *result = dojang_reminder_store_end_check (store, ending->shown, ending->now, error);

  return *result != NULL;
}

/**
 * dojang_reminder_store_end_check_async:
 *
 * Runs dojang_reminder_store_end_check() in a worker thread.
 */
void
dojang_reminder_store_end_check_async (DojangReminderStore *self,
                                       GPtrArray           *shown,
                                       GDateTime           *now,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Ending *ending;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (shown != NULL);
  g_return_if_fail (now != NULL);

  ending = g_new0 (Ending, 1);
  ending->shown = g_ptr_array_ref (shown);
  ending->now = g_date_time_ref (now);

  dojang_task_run_in_thread (self, dojang_reminder_store_end_check_async, end_in_thread,
                             ending, ending_free, (GDestroyNotify) g_ptr_array_unref,
                             cancellable, callback, user_data);
}

/**
 * dojang_reminder_store_end_check_finish:
 *
 * Returns: (transfer full) (element-type DojangReminder): the reminders now
 *   recorded as sent, or %NULL with @error set.
 */
GPtrArray *
dojang_reminder_store_end_check_finish (DojangReminderStore  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  GPtrArray *sent = NULL;

  if (!dojang_task_finish (result, self, dojang_reminder_store_end_check_async,
                           (gpointer *) &sent, error))
    return NULL;

  return sent;
}
