/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: which reminders are due, and what the user did with
 * them (see dojang-reminder-store.c).
 *
 * The due check sends at most one reminder per certificate: of all its
 * reminders due at once (a first run, a computer that was off for weeks)
 * only the latest-due one, the most relevant, is sent and the older ones
 * are marked skipped. Nothing is sent for a reminder older than one already
 * sent for the same certificate, nor for a certificate that expired more
 * than DOJANG_REMINDER_EXPIRED_GRACE_DAYS ago. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store-private.h"
#include "dojang-task.h"

DojangReminder *
_dojang_reminder_store_read_row (DojangStatement *stmt)
{
  DojangReminderRow row = {
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

static DojangReminder *
get_reminder (DojangReminderStore  *self,
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

  return get_reminder (self, id, error);
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
      "WHERE r.state IN ('pending', 'snoozed')"
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

static gboolean
set_state (DojangReminderStore  *self,
           gint64                id,
           const char           *state,
           gint64                now,
           GError              **error)
{
  g_autoptr(DojangStatement) update = NULL;

  update = _dojang_reminder_store_statement (self,
      "UPDATE reminders SET state = ?2, snoozed_until = NULL,"
      " sent_at = CASE WHEN ?2 = 'sent' THEN ?3 ELSE sent_at END, updated_at = ?4"
      " WHERE id = ?1",
      error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_int64 (update, 1, id);
  sqlite3_bind_text (update, 2, state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 3, now);
  sqlite3_bind_int64 (update, 4, _dojang_reminder_store_now (self));

  return _dojang_reminder_store_step_done (self, update, error);
}

/* Whether the most relevant due reminder of a certificate or manual entry
 * is worth sending: not if one due later was already sent (an older one has
 * nothing new to say), nor if it expired more than the grace period ago. */
static gboolean
worth_sending (DojangReminderStore  *self,
               gint64                certificate_id,
               gint64                manual_entry_id,
               gint64                due,
               gint64                expired_before,
               gboolean             *worth,
               GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  int rc;

  if (certificate_id != 0)
    stmt = _dojang_reminder_store_statement (self,
        "SELECT not_after >= ?3 AND NOT EXISTS (SELECT 1 FROM reminders"
        "  WHERE certificate_id = ?1 AND due > ?2 AND sent_at IS NOT NULL)"
        " FROM certificates WHERE id = ?1",
        error);
  else
    stmt = _dojang_reminder_store_statement (self,
        "SELECT not_after >= ?3 AND NOT EXISTS (SELECT 1 FROM reminders"
        "  WHERE manual_entry_id = ?1 AND due > ?2 AND sent_at IS NOT NULL)"
        " FROM manual_entries WHERE id = ?1",
        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, certificate_id != 0 ? certificate_id : manual_entry_id);
  sqlite3_bind_int64 (stmt, 2, due);
  sqlite3_bind_int64 (stmt, 3, expired_before);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  *worth = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

typedef struct
{
  gint64 id;
  gint64 certificate_id;
  gint64 manual_entry_id;
  gint64 due;
} Candidate;

/* Each certificate's (or manual entry's) candidates together, latest due first. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->certificate_id != y->certificate_id)
    return x->certificate_id < y->certificate_id ? -1 : 1;
  if (x->manual_entry_id != y->manual_entry_id)
    return x->manual_entry_id < y->manual_entry_id ? -1 : 1;
  if (x->due != y->due)
    return x->due > y->due ? -1 : 1;

  return 0;
}

static gboolean
same_target (const Candidate *a,
             const Candidate *b)
{
  return a->manual_entry_id == b->manual_entry_id && a->certificate_id == b->certificate_id;
}

static GArray *
read_candidates (DojangReminderStore  *self,
                 gint64                now,
                 GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  int rc;

  /* Two ranges of the partial indexes on pending due and on snoozed until;
   * sorted here, which is cheaper than an ORDER BY over the union. */
  stmt = _dojang_reminder_store_statement (self,
      "SELECT id, certificate_id, manual_entry_id, due FROM reminders"
      " WHERE state = 'pending' AND due <= ?1"
      " UNION ALL "
      "SELECT id, certificate_id, manual_entry_id, due FROM reminders"
      " WHERE state = 'snoozed' AND snoozed_until <= ?1",
      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate candidate = {
        .id = sqlite3_column_int64 (stmt, 0),
        .certificate_id = sqlite3_column_int64 (stmt, 1),
        .manual_entry_id = sqlite3_column_int64 (stmt, 2),
        .due = sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (candidates, candidate);
    }

  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return NULL;
    }

  g_array_sort (candidates, compare_candidates);

  return g_steal_pointer (&candidates);
}

/* Marks many reminders skipped in one statement: after a long time without
 * a check, tens of thousands can be overdue at once. */
static gboolean
skip_all (DojangReminderStore  *self,
          GString              *ids_json,
          GError              **error)
{
  g_autoptr(DojangStatement) update = NULL;

  update = _dojang_reminder_store_statement (self,
      "UPDATE reminders SET state = 'skipped', snoozed_until = NULL, updated_at = ?2"
      " WHERE id IN (SELECT value FROM json_each (?1))",
      error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_text (update, 1, ids_json->str, (int) ids_json->len, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 2, _dojang_reminder_store_now (self));

  return _dojang_reminder_store_step_done (self, update, error);
}

static void
add_id (GString *ids_json,
        gint64   id)
{
  g_string_append_printf (ids_json, "%s%" G_GINT64_FORMAT, ids_json->len > 1 ? "," : "", id);
}

static gboolean
process_candidates (DojangReminderStore  *self,
                    GArray               *candidates,
                    gint64                now,
                    GPtrArray            *sent,
                    GError              **error)
{
  gint64 expired_before = now - (gint64) DOJANG_REMINDER_EXPIRED_GRACE_DAYS * 24 * 3600;
  g_autoptr(GString) skipped = g_string_new ("[");
  const Candidate *best = NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      DojangReminder *reminder;
      gboolean send = FALSE;

      if (best != NULL && same_target (best, candidate))
        {
          add_id (skipped, candidate->id);
          continue;
        }

      best = candidate;
      if (!worth_sending (self, candidate->certificate_id, candidate->manual_entry_id,
                          candidate->due, expired_before, &send, error))
        return FALSE;

      if (!send)
        {
          add_id (skipped, candidate->id);
          continue;
        }

      if (!set_state (self, candidate->id, "sent", now, error))
        return FALSE;

      reminder = get_reminder (self, candidate->id, error);
      if (reminder == NULL)
        return FALSE;
      g_ptr_array_add (sent, reminder);
    }

  g_string_append_c (skipped, ']');

  return skipped->len == 2 || skip_all (self, skipped, error);
}

/**
 * dojang_reminder_store_collect_due:
 * @now: the current instant
 * @error: return location for an error
 *
 * Finds the reminders due at @now (and snoozed ones whose snooze is over),
 * marks the one to send per certificate as sent and the others as skipped,
 * in one transaction. The caller shows the returned ones; calling this
 * again with the same @now returns none.
 *
 * Returns: (transfer full) (element-type DojangReminder): the reminders to
 *   show now, or %NULL with @error set.
 */
GPtrArray *
dojang_reminder_store_collect_due (DojangReminderStore  *self,
                                   GDateTime            *now,
                                   GError              **error)
{
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) candidates = NULL;
  gint64 now_unix;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  now_unix = g_date_time_to_unix (now);

  if (!dojang_reminder_store_begin (self, error))
    return NULL;

  candidates = read_candidates (self, now_unix, error);
  if (candidates == NULL || !process_candidates (self, candidates, now_unix, sent, error))
    {
      dojang_reminder_store_rollback (self);
      return NULL;
    }

  if (candidates->len > 0)
    _dojang_reminder_store_changed (self);

  if (!dojang_reminder_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&sent);
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

  reminder = get_reminder (self, id, error);
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
      "UPDATE reminders SET state = 'snoozed', snoozed_until = ?2, updated_at = ?3 WHERE id = ?1",
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
      "UPDATE reminders SET state = 'dismissed', snoozed_until = NULL, updated_at = ?2"
      " WHERE id = ?1 AND state IN ('pending', 'sent', 'snoozed')",
      error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_int64 (update, 1, id);
  sqlite3_bind_int64 (update, 2, _dojang_reminder_store_now (self));
  if (!_dojang_reminder_store_step_done (self, update, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_autoptr(DojangReminder) reminder = get_reminder (self, id, error);

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
      "UPDATE reminders SET state = ?2, snoozed_until = ?3, updated_at = ?4"
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

static gboolean
collect_due_in_thread (gpointer       store,
                       gpointer       now,
                       GCancellable  *cancellable,
                       gpointer      *result,
                       GError       **error)
{
  *result = dojang_reminder_store_collect_due (store, now, error);

  return *result != NULL;
}

/**
 * dojang_reminder_store_collect_due_async:
 *
 * Runs dojang_reminder_store_collect_due() in a worker thread.
 */
void
dojang_reminder_store_collect_due_async (DojangReminderStore *self,
                                         GDateTime           *now,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (now != NULL);

  dojang_task_run_in_thread (self, dojang_reminder_store_collect_due_async, collect_due_in_thread,
                             g_date_time_ref (now), (GDestroyNotify) g_date_time_unref,
                             (GDestroyNotify) g_ptr_array_unref,
                             cancellable, callback, user_data);
}

/**
 * dojang_reminder_store_collect_due_finish:
 *
 * Returns: (transfer full) (element-type DojangReminder): the reminders to
 *   show, or %NULL with @error set.
 */
GPtrArray *
dojang_reminder_store_collect_due_finish (DojangReminderStore  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  GPtrArray *sent = NULL;

  if (!dojang_task_finish (result, self, dojang_reminder_store_collect_due_async,
                           (gpointer *) &sent, error))
    return NULL;

  return sent;
}
