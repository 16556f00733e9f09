/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: what the running application does with the store,
 * in a worker thread so the window never waits on the disk: opening it,
 * reading what the Reminders page shows, the changes the UI makes (manual
 * entries, snooze, dismiss, lead times) and the monitor's next instant
 * (see dojang-reminder-store.c). */

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

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DojangReminderStore *store = task_data;
  GError *error = NULL;

  if (_dojang_reminder_store_open (store, &error))
    g_task_return_pointer (task, g_object_ref (store), g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * dojang_reminder_store_new_async:
 * @path: the database file; its folder is created if needed
 *
 * dojang_reminder_store_new() in a worker thread: opening runs the
 * migrations and an integrity check. The store's "changed" signal is
 * emitted in the calling thread's main context.
 */
void
dojang_reminder_store_new_async (const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_reminder_store_new_async);
  /* Made here, so that it belongs to this thread's main context. */
  g_task_set_task_data (task, _dojang_reminder_store_new_unopened (path), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

/**
 * dojang_reminder_store_new_finish:
 *
 * Returns: (transfer full): the store, or %NULL with @error set; see
 *   dojang_reminder_store_new().
 */
DojangReminderStore *
dojang_reminder_store_new_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dojang_reminder_store_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  gint64          id;
  GDateTime      *now;
  DojangReminder *reminder;
} ReminderChange;

static void
reminder_change_free (gpointer data)
{
  ReminderChange *change = data;

  g_clear_pointer (&change->now, g_date_time_unref);
  g_clear_object (&change->reminder);
  g_free (change);
}

/* The reminder is read first, so that the caller can withdraw its
 * notification even when the change itself is refused (already dismissed). */
static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DojangReminderStore *self = source_object;
  ReminderChange *change = task_data;
  GError *error = NULL;
  gboolean done;

  change->reminder = dojang_reminder_store_get_reminder (self, change->id, &error);
  if (change->reminder == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (change->now != NULL)
    done = dojang_reminder_store_snooze (self, change->id, change->now, &error);
  else
    done = dojang_reminder_store_dismiss (self, change->id, &error);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
change_async (DojangReminderStore *self,
              gint64               id,
              GDateTime           *now,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReminderChange *change = g_new0 (ReminderChange, 1);

  change->id = id;
  change->now = now != NULL ? g_date_time_ref (now) : NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, change, reminder_change_free);
  g_task_run_in_thread (task, change_thread);
}

static gboolean
change_finish (DojangReminderStore  *self,
               GAsyncResult         *result,
               DojangReminder      **reminder,
               GError              **error)
{
  ReminderChange *change = g_task_get_task_data (G_TASK (result));

  if (reminder != NULL)
    *reminder = change->reminder != NULL ? g_object_ref (change->reminder) : NULL;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * dojang_reminder_store_snooze_async:
 *
 * dojang_reminder_store_snooze() in a worker thread.
 */
void
dojang_reminder_store_snooze_async (DojangReminderStore *self,
                                    gint64               id,
                                    GDateTime           *now,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (now != NULL);

  change_async (self, id, now, dojang_reminder_store_snooze_async, cancellable, callback, user_data);
}

/**
 * dojang_reminder_store_snooze_finish:
 * @reminder: (out) (optional) (nullable) (transfer full): the reminder as it
 *   was before, when it exists, even if it could not be snoozed
 */
gboolean
dojang_reminder_store_snooze_finish (DojangReminderStore  *self,
                                     GAsyncResult         *result,
                                     DojangReminder      **reminder,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dojang_reminder_store_snooze_async, FALSE);

  return change_finish (self, result, reminder, error);
}

/**
 * dojang_reminder_store_dismiss_async:
 *
 * dojang_reminder_store_dismiss() in a worker thread.
 */
void
dojang_reminder_store_dismiss_async (DojangReminderStore *self,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));

  change_async (self, id, NULL, dojang_reminder_store_dismiss_async, cancellable, callback, user_data);
}

/**
 * dojang_reminder_store_dismiss_finish:
 * @reminder: (out) (optional) (nullable) (transfer full): the reminder as it
 *   was before, when it exists, even if it could not be dismissed
 */
gboolean
dojang_reminder_store_dismiss_finish (DojangReminderStore  *self,
                                      GAsyncResult         *result,
                                      DojangReminder      **reminder,
                                      GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dojang_reminder_store_dismiss_async, FALSE);

  return change_finish (self, result, reminder, error);
}

static void
next_due_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  GDateTime *next = dojang_reminder_store_get_next_due (source_object, task_data, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, next, (GDestroyNotify) g_date_time_unref);
}

/**
 * dojang_reminder_store_get_next_due_async:
 *
 * dojang_reminder_store_get_next_due() in a worker thread.
 */
void
dojang_reminder_store_get_next_due_async (DojangReminderStore *self,
                                          GDateTime           *now,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (now != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_reminder_store_get_next_due_async);
  g_task_set_task_data (task, g_date_time_ref (now), (GDestroyNotify) g_date_time_unref);
  g_task_run_in_thread (task, next_due_thread);
}

/**
 * dojang_reminder_store_get_next_due_finish:
 *
 * Returns: (transfer full) (nullable): the next instant, or %NULL when
 *   nothing is scheduled or with @error set
 */
GDateTime *
dojang_reminder_store_get_next_due_finish (DojangReminderStore  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
lead_days_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GArray *days = task_data;
  GError *error = NULL;

  if (dojang_reminder_store_set_lead_days (source_object, (const int *) days->data, days->len, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * dojang_reminder_store_set_lead_days_async:
 *
 * dojang_reminder_store_set_lead_days() in a worker thread: it reschedules
 * every reminder.
 */
void
dojang_reminder_store_set_lead_days_async (DojangReminderStore *self,
                                           const int           *lead_days,
                                           gsize                n_lead_days,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GArray *days;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (lead_days != NULL || n_lead_days == 0);

  days = g_array_sized_new (FALSE, FALSE, sizeof (int), n_lead_days);
  g_array_append_vals (days, lead_days, n_lead_days);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_reminder_store_set_lead_days_async);
  g_task_set_task_data (task, days, (GDestroyNotify) g_array_unref);
  g_task_run_in_thread (task, lead_days_thread);
}

gboolean
dojang_reminder_store_set_lead_days_finish (DojangReminderStore  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GPtrArray *upcoming;
  GPtrArray *entries;
} Listing;

static void
listing_free (gpointer data)
{
  Listing *listing = data;

  g_clear_pointer (&listing->upcoming, g_ptr_array_unref);
  g_clear_pointer (&listing->entries, g_ptr_array_unref);
  g_free (listing);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DojangReminderStore *self = source_object;
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  Listing *listing = g_new0 (Listing, 1);
  GError *error = NULL;

  /* Under one lock, so both lists show the same moment. */
  listing->upcoming = dojang_reminder_store_list_upcoming (self, &error);
  if (listing->upcoming != NULL)
    listing->entries = dojang_reminder_store_list_manual_entries (self, &error);

  if (listing->entries == NULL)
    {
      listing_free (listing);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, listing, listing_free);
}

/**
 * dojang_reminder_store_list_async:
 *
 * dojang_reminder_store_list_upcoming() and
 * dojang_reminder_store_list_manual_entries() together, in a worker thread.
 */
void
dojang_reminder_store_list_async (DojangReminderStore *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dojang_reminder_store_list_async);
  g_task_run_in_thread (task, list_thread);
}

/**
 * dojang_reminder_store_list_finish:
 * @upcoming: (out) (transfer container) (element-type DojangReminder): the
 *   active reminders, soonest first
 * @entries: (out) (transfer container) (element-type DojangManualEntry):
 *   the manual entries
 */
gboolean
dojang_reminder_store_list_finish (DojangReminderStore  *self,
                                   GAsyncResult         *result,
                                   GPtrArray           **upcoming,
                                   GPtrArray           **entries,
                                   GError              **error)
{
  Listing *listing;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (upcoming != NULL && entries != NULL, FALSE);

  listing = g_task_propagate_pointer (G_TASK (result), error);
  if (listing == NULL)
    return FALSE;

  *upcoming = g_steal_pointer (&listing->upcoming);
  *entries = g_steal_pointer (&listing->entries);
  listing_free (listing);

  return TRUE;
}
