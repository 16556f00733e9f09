/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The `_async`/`_finish` pair every slow operation needs, written once: the
 * blocking function runs in a GTask worker thread and its result or error
 * comes back to the caller's main context. */

#include "config.h"

#include "dojang-task.h"

typedef struct
{
  DojangThreadWork work;
  gpointer         data;
  GDestroyNotify   data_free;
  GDestroyNotify   result_free;
} ThreadWork;

static void
thread_work_free (ThreadWork *thread_work)
{
  if (thread_work->data_free != NULL)
    thread_work->data_free (thread_work->data);
  g_free (thread_work);
}

static void
run_work (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  ThreadWork *thread_work = task_data;
  gpointer result = NULL;
  GError *error = NULL;

  if (!thread_work->work (source_object, thread_work->data, cancellable, &result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, thread_work->result_free);
}

/**
 * dojang_task_run_in_thread:
 * @source_object: (nullable) (type GObject): the object the task belongs to
 * @source_tag: the `_async` function, checked again by dojang_task_finish()
 * @work: the blocking part
 * @work_data: (transfer full): handed to @work
 * @work_data_free: (nullable): frees @work_data when the task ends
 * @result_free: (nullable): frees a result nobody took
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the calling thread's main context when done
 * @user_data: for @callback
 */
void
dojang_task_run_in_thread (gpointer             source_object,
                           gpointer             source_tag,
                           DojangThreadWork     work,
                           gpointer             work_data,
                           GDestroyNotify       work_data_free,
                           GDestroyNotify       result_free,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ThreadWork *thread_work;

  g_return_if_fail (source_object == NULL || G_IS_OBJECT (source_object));
  g_return_if_fail (work != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  thread_work = g_new0 (ThreadWork, 1);
  thread_work->work = work;
  thread_work->data = work_data;
  thread_work->data_free = work_data_free;
  thread_work->result_free = result_free;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, thread_work, (GDestroyNotify) thread_work_free);
  g_task_run_in_thread (task, run_work);
}

/**
 * dojang_task_finish:
 * @result: the #GAsyncResult the callback got
 * @source_object: (nullable) (type GObject): as given to dojang_task_run_in_thread()
 * @source_tag: as given to dojang_task_run_in_thread()
 * @value: (out) (optional) (transfer full): the result @work set; when
 *   %NULL, the result is freed
 * @error: return location for an error
 *
 * Returns: %TRUE if the work succeeded
 */
gboolean
dojang_task_finish (GAsyncResult  *result,
                    gpointer       source_object,
                    gpointer       source_tag,
                    gpointer      *value,
                    GError       **error)
{
  GError *local_error = NULL;
  ThreadWork *thread_work;
  gpointer returned;

  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  returned = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  thread_work = g_task_get_task_data (G_TASK (result));
  if (value != NULL)
    *value = returned;
  else if (returned != NULL && thread_work->result_free != NULL)
    thread_work->result_free (returned);

  return TRUE;
}

/**
 * dojang_task_get_work_data:
 * @result: the #GAsyncResult of a task started by dojang_task_run_in_thread()
 *
 * For a `_finish()` that also reads what the work left in its data, even
 * when the work failed.
 *
 * Returns: (transfer none): the work data
 */
gpointer
dojang_task_get_work_data (GAsyncResult *result)
{
  ThreadWork *thread_work;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  thread_work = g_task_get_task_data (G_TASK (result));

  return thread_work->data;
}
