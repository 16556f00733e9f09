/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: the manual-entry changes the UI makes, in a worker
 * thread so the window never waits on the disk (see dojang-reminder-store.c). */

#include "config.h"

#include "dojang-reminder-store-private.h"

typedef struct
{
  gint64  id;
  char   *name;
  char   *provider_id;
  char   *type_name;
  char   *expiry_date;
} EntryChange;

static void
entry_change_free (gpointer data)
{
  EntryChange *change = data;

  g_free (change->name);
  g_free (change->provider_id);
  g_free (change->type_name);
  g_free (change->expiry_date);
  g_free (change);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DojangReminderStore *self = source_object;
  EntryChange *change = task_data;
  GError *error = NULL;
  gint64 id = change->id;

  if (id == 0)
    id = dojang_reminder_store_add_manual_entry (self, change->name, change->provider_id,
                                                 change->type_name, change->expiry_date, &error);
  else if (!dojang_reminder_store_update_manual_entry (self, id, change->name, change->provider_id,
                                                       change->type_name, change->expiry_date, &error))
    id = 0;

  if (id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (&id, sizeof id), g_free);
}

/**
 * dojang_reminder_store_save_manual_entry_async:
 * @id: the entry to change, or 0 to add one
 *
 * Adds or updates a manual entry in a worker thread; see
 * dojang_reminder_store_add_manual_entry() and
 * dojang_reminder_store_update_manual_entry().
 */
void
dojang_reminder_store_save_manual_entry_async (DojangReminderStore *self,
                                               gint64               id,
                                               const char          *name,
                                               const char          *provider_id,
                                               const char          *type_name,
                                               const char          *expiry_date,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EntryChange *change;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));

  change = g_new0 (EntryChange, 1);
  change->id = id;
  change->name = g_strdup (name);
  change->provider_id = g_strdup (provider_id);
  change->type_name = g_strdup (type_name);
  change->expiry_date = g_strdup (expiry_date);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_reminder_store_save_manual_entry_async);
  g_task_set_task_data (task, change, entry_change_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * dojang_reminder_store_save_manual_entry_finish:
 *
 * Returns: the entry's id, or 0 with @error set.
 */
gint64
dojang_reminder_store_save_manual_entry_finish (DojangReminderStore  *self,
                                                GAsyncResult         *result,
                                                GError              **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  id = g_task_propagate_pointer (G_TASK (result), error);

  return id != NULL ? *id : 0;
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (dojang_reminder_store_remove_manual_entry (source_object, *(gint64 *) task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dojang_reminder_store_remove_manual_entry_async (DojangReminderStore *self,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_reminder_store_remove_manual_entry_async);
  g_task_set_task_data (task, g_memdup2 (&id, sizeof id), g_free);
  g_task_run_in_thread (task, remove_thread);
}

gboolean
dojang_reminder_store_remove_manual_entry_finish (DojangReminderStore  *self,
                                                  GAsyncResult         *result,
                                                  GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
