/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: reading reminders, the next instant one falls due,
 * and what the user did with them: snooze, dismiss (see
 * dojang-reminder-store.c; the due check itself is in -check.c). */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store-private.h"
#include "dojang-task.h"

DojangReminder *
_dojang_reminder_store_read_row (DojangStatement *stmt)
{
  DojangReminderRecord row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .certificate_sha256 = (const char *) sqlite3_column_text (stmt, 1),
    .manual_entry_id = sqlite3_column_int64 (stmt, 2),
    .name = (const char *) sqlite3_column_text (stmt, 3),
    .subject = (const char *) sqlite3_column_text (stmt, 4),
    .provider_id = (const char *) sqlite3_column_text (stmt, 5),
    .type_name = (const char *) sqlite3_column_text (stmt, 6),
    .not_after = sqlite3_column_int64 (stmt, 7),
    .lead_days = sqlite3_column_int (stmt, 8),
    .due = sqlite3_column_int64 (stmt, 9),
    .state = DOJANG_REMINDER_STATE_PENDING,
    .snoozed_until = sqlite3_column_int64 (stmt, 11),
    .sent_at = sqlite3_column_int64 (stmt, 12),
  };

  dojang_reminder_state_from_string ((const char *) sqlite3_column_text (stmt, 10), &row.state);

  return _dojang_reminder_new_from_row (&row);
}

DojangReminder *
_dojang_reminder_store_get_reminder (DojangReminderStore  *self,
              gint64                id,
              GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  int rc;

  stmt = _dojang_reminder_store_statement (self, DOJANG_REMINDER_SELECT "WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _dojang_reminder_store_read_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_NOT_FOUND,
                 _("There is no reminder %lld"), (long long) id);
  else
    _dojang_reminder_store_sqlite_error (self, rc, error);

  return NULL;
}

/**
 * dojang_reminder_store_get_reminder:
 *
 * Returns: (transfer full): the reminder, or %NULL with @error set.
 */
DojangReminder *
dojang_reminder_store_get_reminder (DojangReminderStore  *self,
                                    gint64                id,
                                    GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  return _dojang_reminder_store_get_reminder (self, id, error);
}

/**
 * dojang_reminder_store_list_upcoming:
 *
 * Returns: (transfer full) (element-type DojangReminder): reminders still to
 *   come (pending or snoozed), the next one first, or %NULL with @error set.
 */
GPtrArray *
dojang_reminder_store_list_upcoming (DojangReminderStore  *self,
                                     GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) stmt = NULL;
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _dojang_reminder_store_statement (self,
      DOJANG_REMINDER_SELECT
      "WHERE r.state IN ('pending', 'snoozed') AND NOT " DOJANG_REMINDER_PASSED_OVER ("r")
      " ORDER BY coalesce (r.snoozed_until, r.due), r.id",
      error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reminders, _dojang_reminder_store_read_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&reminders);
}

/**
 * dojang_reminder_store_get_next_due:
 * @now: the current instant
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the next instant after @now at which
 *   a reminder falls due or a snooze ends; %NULL (without @error) when
 *   nothing is scheduled.
 */
GDateTime *
dojang_reminder_store_get_next_due (DojangReminderStore  *self,
                                    GDateTime            *now,
                                    GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _dojang_reminder_store_statement (self,
      "SELECT min (t) FROM ("
      " SELECT min (due) AS t FROM reminders WHERE state = 'pending' AND due > ?1"
      "  AND NOT " DOJANG_REMINDER_PASSED_OVER ("reminders")
      " UNION ALL"
      " SELECT min (snoozed_until) FROM reminders WHERE state = 'snoozed' AND snoozed_until > ?1)",
      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (now));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return NULL;
    }

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
}

/**
 * dojang_reminder_store_snooze:
 * @id: a reminder that is pending, sent or snoozed
 * @now: the current instant
 * @error: return location for an error
 *
 * "Remind me tomorrow": the reminder comes back at 09:00 (Korean time) on
 * the day after @now, or after its due day if that is still to come.
 */
gboolean
dojang_reminder_store_snooze (DojangReminderStore  *self,
                              gint64                id,
                              GDateTime            *now,
                              GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangReminder) reminder = NULL;
  g_autoptr(DojangStatement) update = NULL;
  g_autoptr(GDateTime) until = NULL;
  DojangReminderState state;
  GDateTime *from;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);

  reminder = _dojang_reminder_store_get_reminder (self, id, error);
  if (reminder == NULL)
    return FALSE;

  state = dojang_reminder_get_state (reminder);
  if (state != DOJANG_REMINDER_STATE_PENDING &&
      state != DOJANG_REMINDER_STATE_SENT &&
      state != DOJANG_REMINDER_STATE_SNOOZED)
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                   _("This reminder is no longer active"));
      return FALSE;
    }

  from = now;
  if (g_date_time_compare (dojang_reminder_get_next_time (reminder), now) > 0)
    from = dojang_reminder_get_next_time (reminder);
  until = dojang_reminder_next_morning (from);

  update = _dojang_reminder_store_statement (self,
      "UPDATE reminders SET state = 'snoozed', snoozed_until = ?2, outstanding = 0, updated_at = ?3"
      " WHERE id = ?1",
      error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_int64 (update, 1, id);
  sqlite3_bind_int64 (update, 2, g_date_time_to_unix (until));
  sqlite3_bind_int64 (update, 3, _dojang_reminder_store_now (self));
  if (!_dojang_reminder_store_step_done (self, update, error))
    return FALSE;

  _dojang_reminder_store_changed (self);

  return TRUE;
}

/**
 * dojang_reminder_store_dismiss:
 * @id: a reminder
 * @error: return location for an error
 *
 * The user does not want this reminder (any more). Other reminders of the
 * same certificate stay.
 */
gboolean
dojang_reminder_store_dismiss (DojangReminderStore  *self,
                               gint64                id,
                               GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) update = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  update = _dojang_reminder_store_statement (self,
      "UPDATE reminders SET state = 'dismissed', snoozed_until = NULL, outstanding = 0, updated_at = ?2"
      " WHERE id = ?1 AND state IN ('pending', 'sent', 'snoozed')"
      "  AND NOT " DOJANG_REMINDER_PASSED_OVER ("reminders"),
      error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_int64 (update, 1, id);
  sqlite3_bind_int64 (update, 2, _dojang_reminder_store_now (self));
  if (!_dojang_reminder_store_step_done (self, update, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_autoptr(DojangReminder) reminder = _dojang_reminder_store_get_reminder (self, id, error);

      if (reminder == NULL)
        return FALSE;
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                   _("This reminder is no longer active"));
      return FALSE;
    }

  _dojang_reminder_store_changed (self);

  return TRUE;
}

/**
 * dojang_reminder_store_restore:
 * @before: a reminder as it was before it was dismissed (see
 *   dojang_reminder_store_dismiss_finish())
 *
 * Undoes a dismissal: the reminder gets back its state and snooze time.
 * One that is no longer dismissed is left alone.
 *
 * Returns: %FALSE with an error when it was not dismissed or is gone
 */
gboolean
dojang_reminder_store_restore (DojangReminderStore  *self,
                               DojangReminder       *before,
                               GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) update = NULL;
  GDateTime *snoozed_until;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);
  g_return_val_if_fail (DOJANG_IS_REMINDER (before), FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  update = _dojang_reminder_store_statement (self,
      "UPDATE reminders SET state = ?2, snoozed_until = ?3, updated_at = ?4,"
      " outstanding = CASE WHEN ?2 = 'pending' THEN 1 ELSE 0 END"
      " WHERE id = ?1 AND state = 'dismissed'",
      error);
  if (update == NULL)
    return FALSE;

  snoozed_until = dojang_reminder_get_snoozed_until (before);
  sqlite3_bind_int64 (update, 1, dojang_reminder_get_id (before));
  sqlite3_bind_text (update, 2, dojang_reminder_state_to_string (dojang_reminder_get_state (before)), -1, SQLITE_STATIC);
  if (snoozed_until != NULL)
    sqlite3_bind_int64 (update, 3, g_date_time_to_unix (snoozed_until));
  else
    sqlite3_bind_null (update, 3);
  sqlite3_bind_int64 (update, 4, _dojang_reminder_store_now (self));
  if (!_dojang_reminder_store_step_done (self, update, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                   _("This reminder is no longer active"));
      return FALSE;
    }

  _dojang_reminder_store_changed (self);

  return TRUE;
}
