/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: what the running application does with the store,
 * in a worker thread so the window never waits on the disk: opening it,
 * reading what the Reminders page shows, the changes the UI makes (manual
 * entries, snooze, dismiss, lead times) and the monitor's next instant
 * (see dojang-reminder-store.c). */

#include "config.h"

#include "dojang-reminder-store-private.h"
#include "dojang-task.h"

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

static gboolean
save_in_thread (gpointer       store,
                gpointer       data,
                GCancellable  *cancellable,
                gpointer      *result,
                GError       **error)
{
  EntryChange *change = data;
  gint64 id = change->id;

  if (id == 0)
    id = dojang_reminder_store_add_manual_entry (store, change->name, change->provider_id,
                                                 change->type_name, change->expiry_date, error);
  else if (!dojang_reminder_store_update_manual_entry (store, id, change->name, change->provider_id,
                                                       change->type_name, change->expiry_date, error))
    id = 0;

  if (id == 0)
    return FALSE;

  *result = g_memdup2 (&id, sizeof id);
  return TRUE;
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
  EntryChange *change;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));

  change = g_new0 (EntryChange, 1);
  change->id = id;
  change->name = g_strdup (name);
  change->provider_id = g_strdup (provider_id);
  change->type_name = g_strdup (type_name);
  change->expiry_date = g_strdup (expiry_date);

  dojang_task_run_in_thread (self, dojang_reminder_store_save_manual_entry_async, save_in_thread,
                             change, entry_change_free, g_free,
                             cancellable, callback, user_data);
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

  if (!dojang_task_finish (result, self, dojang_reminder_store_save_manual_entry_async,
                           (gpointer *) &id, error))
    return 0;

  return *id;
}

static gboolean
remove_in_thread (gpointer       store,
                  gpointer       id,
                  GCancellable  *cancellable,
                  gpointer      *result,
                  GError       **error)
{
  return dojang_reminder_store_remove_manual_entry (store, *(gint64 *) id, error);
}

void
dojang_reminder_store_remove_manual_entry_async (DojangReminderStore *self,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));

  dojang_task_run_in_thread (self, dojang_reminder_store_remove_manual_entry_async, remove_in_thread,
                             g_memdup2 (&id, sizeof id), g_free, NULL,
                             cancellable, callback, user_data);
}

gboolean
dojang_reminder_store_remove_manual_entry_finish (DojangReminderStore  *self,
                                                  GAsyncResult         *result,
                                                  GError              **error)
{
  return dojang_task_finish (result, self, dojang_reminder_store_remove_manual_entry_async,
                             NULL, error);
}

static gboolean
open_in_thread (gpointer       source_object,
                gpointer       store,
                GCancellable  *cancellable,
                gpointer      *result,
                GError       **error)
{
  if (!_dojang_reminder_store_open (store, error))
    return FALSE;

  *result = g_object_ref (store);
  return TRUE;
}

/**
 * dojang_reminder_store_new_async:
 * @path: the database file; its folder is created if needed
 *
 * dojang_reminder_store_new() in a worker thread: opening runs the
 * migrations and, once a week, SQLite's integrity check over the whole
 * file. The store's "changed" signal is emitted in the calling thread's
 * main context.
 */
void
dojang_reminder_store_new_async (const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  DojangReminderStore *store;

  g_return_if_fail (path != NULL);

  /* Made here, so that it belongs to this thread's main context. */
  store = _dojang_reminder_store_new_unopened (path);
  store->check_weekly = TRUE;
  dojang_task_run_in_thread (NULL, dojang_reminder_store_new_async, open_in_thread,
                             store, g_object_unref,
                             g_object_unref, cancellable, callback, user_data);
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
  DojangReminderStore *store = NULL;

  if (!dojang_task_finish (result, NULL, dojang_reminder_store_new_async, (gpointer *) &store, error))
    return NULL;

  return store;
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
static gboolean
change_in_thread (gpointer       store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  gpointer      *result,
                  GError       **error)
{
  ReminderChange *change = data;

  change->reminder = dojang_reminder_store_get_reminder (store, change->id, error);
  if (change->reminder == NULL)
    return FALSE;

  if (change->now != NULL)
    return dojang_reminder_store_snooze (store, change->id, change->now, error);

  return dojang_reminder_store_dismiss (store, change->id, error);
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
  ReminderChange *change = g_new0 (ReminderChange, 1);

  change->id = id;
  change->now = now != NULL ? g_date_time_ref (now) : NULL;

  dojang_task_run_in_thread (self, source_tag, change_in_thread, change, reminder_change_free, NULL,
                             cancellable, callback, user_data);
}

static gboolean
change_finish (DojangReminderStore  *self,
               GAsyncResult         *result,
               gpointer              source_tag,
               DojangReminder      **reminder,
               GError              **error)
{
  gboolean done = dojang_task_finish (result, self, source_tag, NULL, error);
  ReminderChange *change = dojang_task_get_work_data (result);

  if (reminder != NULL)
    *reminder = change->reminder != NULL ? g_object_ref (change->reminder) : NULL;

  return done;
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
  return change_finish (self, result, dojang_reminder_store_snooze_async, reminder, error);
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
  return change_finish (self, result, dojang_reminder_store_dismiss_async, reminder, error);
}

static gboolean
restore_in_thread (gpointer       store,
                   gpointer       before,
                   GCancellable  *cancellable,
                   gpointer      *result,
                   GError       **error)
{
  return dojang_reminder_store_restore (store, before, error);
}

/**
 * dojang_reminder_store_restore_async:
 *
 * dojang_reminder_store_restore() in a worker thread.
 */
void
dojang_reminder_store_restore_async (DojangReminderStore *self,
                                     DojangReminder      *before,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (DOJANG_IS_REMINDER (before));

  dojang_task_run_in_thread (self, dojang_reminder_store_restore_async, restore_in_thread,
                             g_object_ref (before), g_object_unref, NULL, cancellable, callback, user_data);
}

gboolean
dojang_reminder_store_restore_finish (DojangReminderStore  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  return dojang_task_finish (result, self, dojang_reminder_store_restore_async, NULL, error);
}

/* No next instant is a result too: only an error fails. */
static gboolean
next_due_in_thread (gpointer       store,
                    gpointer       now,
                    GCancellable  *cancellable,
                    gpointer      *result,
                    GError       **error)
{
  GError *local_error = NULL;

  *result = dojang_reminder_store_get_next_due (store, now, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
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
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (now != NULL);

  dojang_task_run_in_thread (self, dojang_reminder_store_get_next_due_async, next_due_in_thread,
                             g_date_time_ref (now), (GDestroyNotify) g_date_time_unref,
                             (GDestroyNotify) g_date_time_unref, cancellable, callback, user_data);
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
  GDateTime *next = NULL;

  if (!dojang_task_finish (result, self, dojang_reminder_store_get_next_due_async,
                           (gpointer *) &next, error))
    return NULL;

  return next;
}

static gboolean
lead_days_in_thread (gpointer       store,
                     gpointer       data,
                     GCancellable  *cancellable,
                     gpointer      *result,
                     GError       **error)
{
  GArray *days = data;

  return dojang_reminder_store_set_lead_days (store, (const int *) (gpointer) days->data, days->len,
                                              error);
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
  GArray *days;

  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (lead_days != NULL || n_lead_days == 0);

  days = g_array_sized_new (FALSE, FALSE, sizeof (int), n_lead_days);
  g_array_append_vals (days, lead_days, n_lead_days);

  dojang_task_run_in_thread (self, dojang_reminder_store_set_lead_days_async, lead_days_in_thread,
                             days, (GDestroyNotify) g_array_unref, NULL,
                             cancellable, callback, user_data);
}

gboolean
dojang_reminder_store_set_lead_days_finish (DojangReminderStore  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  return dojang_task_finish (result, self, dojang_reminder_store_set_lead_days_async, NULL, error);
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

static gboolean
list_in_thread (gpointer       store,
                gpointer       data,
                GCancellable  *cancellable,
                gpointer      *result,
                GError       **error)
{
  DojangReminderStore *self = store;
  g_autoptr(GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  Listing *listing = g_new0 (Listing, 1);

  /* Under one lock, so both lists show the same moment. */
  listing->upcoming = dojang_reminder_store_list_upcoming (self, error);
  if (listing->upcoming != NULL)
    listing->entries = dojang_reminder_store_list_manual_entries (self, error);

  if (listing->entries == NULL)
    {
      listing_free (listing);
      return FALSE;
    }

  *result = listing;
  return TRUE;
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
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));

  dojang_task_run_in_thread (self, dojang_reminder_store_list_async, list_in_thread, NULL, NULL,
                             listing_free, cancellable, callback, user_data);
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
  Listing *listing = NULL;

  g_return_val_if_fail (upcoming != NULL && entries != NULL, FALSE);

  if (!dojang_task_finish (result, self, dojang_reminder_store_list_async, (gpointer *) &listing,
                           error))
    return FALSE;

  *upcoming = g_steal_pointer (&listing->upcoming);
  *entries = g_steal_pointer (&listing->entries);
  listing_free (listing);

  return TRUE;
}
