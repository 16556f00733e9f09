/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * DojangThreadWork:
 * @source_object: (nullable): the object the task belongs to
 * @work_data: what dojang_task_run_in_thread() was given
 * @cancellable: (nullable): the task's cancellable
 * @result: (out): the result handed to the _finish() call, may stay %NULL
 * @error: return location for an error
 *
 * The blocking part of an `_async` function, run in a worker thread.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
typedef gboolean (*DojangThreadWork) (gpointer       source_object,
                                      gpointer       work_data,
                                      GCancellable  *cancellable,
                                      gpointer      *result,
                                      GError       **error);

void     dojang_task_run_in_thread (gpointer              source_object,
                                    gpointer              source_tag,
                                    DojangThreadWork      work,
                                    gpointer              work_data,
                                    GDestroyNotify        work_data_free,
                                    GDestroyNotify        result_free,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean dojang_task_finish        (GAsyncResult         *result,
                                    gpointer              source_object,
                                    gpointer              source_tag,
                                    gpointer             *value,
                                    GError              **error);
gpointer dojang_task_get_work_data (GAsyncResult         *result);

G_END_DECLS
