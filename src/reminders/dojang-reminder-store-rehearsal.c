/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: what the renewal assistant keeps (see
 * dojang-reminder-store.c): the rehearsals people finished, and the
 * reminders they asked for on the day a renewal window opens. */

#include "config.h"

#include <glib/gi18n.h>

#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store-private.h"

static const char * const payment_methods[] = { "card", "transfer", "phone", "none", NULL };
static const char * const outcomes[] = { "finished", "renewal_page_opened", NULL };

/**
 * dojang_reminder_store_record_rehearsal:
 * @sha256: the rehearsed certificate's fingerprint
 * @completed_at: when the rehearsal ended
 * @payment_method: "card", "transfer", "phone", or "none" for a free one
 * @outcome: "finished", or "renewal_page_opened" when the person went on
 *   to the CA's renewal page
 * @error: return location for an error
 *
 * Records one finished rehearsal: when, which certificate and how it ended.
 * Nothing typed in the rehearsal (passwords, card details) is kept.
 */
gboolean
dojang_reminder_store_record_rehearsal (DojangReminderStore  *self,
                                        const char           *sha256,
                                        GDateTime            *completed_at,
                                        const char           *payment_method,
                                        const char           *outcome,
                                        GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) insert = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);
  g_return_val_if_fail (completed_at != NULL, FALSE);

  if (!_dojang_reminder_store_valid_sha256 (sha256) ||
      !g_strv_contains (payment_methods, payment_method != NULL ? payment_method : "") ||
      !g_strv_contains (outcomes, outcome != NULL ? outcome : ""))
    {
      g_set_error_literal (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                           _("The rehearsal could not be recorded: its details are incomplete"));
      return FALSE;
    }

  locker = g_rec_mutex_locker_new (&self->lock);
  insert = _dojang_reminder_store_statement (self,
      "INSERT INTO rehearsals (certificate_sha256, completed_at, payment_method, outcome)"
      " VALUES (?1, ?2, ?3, ?4)",
      error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_text (insert, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, g_date_time_to_unix (completed_at));
  sqlite3_bind_text (insert, 3, payment_method, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, outcome, -1, SQLITE_STATIC);
  if (!_dojang_reminder_store_step_done (self, insert, error))
    return FALSE;

  _dojang_reminder_store_changed (self);

  return TRUE;
}

/**
 * dojang_reminder_store_get_last_rehearsal:
 * @sha256: a certificate's fingerprint
 * @outcome: (out) (optional) (transfer full): how it ended
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): when the latest rehearsal of that
 *   certificate ended, or %NULL (without @error) if there was none
 */
GDateTime *
dojang_reminder_store_get_last_rehearsal (DojangReminderStore  *self,
                                          const char           *sha256,
                                          char                **outcome,
                                          GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) select = NULL;
  int rc;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  select = _dojang_reminder_store_statement (self,
      "SELECT completed_at, outcome FROM rehearsals WHERE certificate_sha256 = ?1"
      " ORDER BY completed_at DESC, id DESC LIMIT 1",
      error);
  if (select == NULL)
    return NULL;

  sqlite3_bind_text (select, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return NULL;
    }

  if (outcome != NULL)
    *outcome = g_strdup ((const char *) sqlite3_column_text (select, 1));

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (select, 0));
}

/**
 * dojang_reminder_store_request_reminder:
 * @sha256: a certificate the store knows (see upsert_certificate())
 * @lead_days: how many days before its expiry day, 0–365
 * @due: (out) (optional) (transfer full): when the reminder falls due
 * @error: return location for an error
 *
 * Adds a reminder the person asked for, such as "remind me the day renewal
 * opens": due at 09:00 Korean time @lead_days days before the expiry day,
 * whatever the lead times in the preferences, and kept when they change.
 * If a reminder with that lead time exists it becomes a requested one (and
 * pending again if it had been dismissed).
 */
gboolean
dojang_reminder_store_request_reminder (DojangReminderStore  *self,
                                        const char           *sha256,
                                        int                   lead_days,
                                        GDateTime           **due,
                                        GError              **error)
{
  g_autoptr(DojangStatement) find = NULL;
  g_autoptr(DojangStatement) insert = NULL;
  g_autoptr(GDateTime) not_after = NULL;
  g_autoptr(GDateTime) due_at = NULL;
  gint64 certificate_id;
  gint64 now;
  int rc;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  if (lead_days < 0 || lead_days > DOJANG_REMINDER_MAX_LEAD_DAYS)
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                   _("A reminder can be set 0 to %d days before the expiry, not %d"),
                   DOJANG_REMINDER_MAX_LEAD_DAYS, lead_days);
      return FALSE;
    }

  if (!dojang_reminder_store_begin (self, error))
    return FALSE;

  find = _dojang_reminder_store_statement (self,
      "SELECT id, not_after FROM certificates WHERE sha256 = ?1", error);
  if (find == NULL)
    goto failed;
  sqlite3_bind_text (find, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_NOT_FOUND,
                           _("Dojang has no record of this certificate yet"));
      goto failed;
    }
  if (rc != SQLITE_ROW)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      goto failed;
    }
  certificate_id = sqlite3_column_int64 (find, 0);
  not_after = g_date_time_new_from_unix_utc (sqlite3_column_int64 (find, 1));

  due_at = dojang_reminder_due_for (not_after, lead_days);
  now = _dojang_reminder_store_now (self);
  insert = _dojang_reminder_store_statement (self,
      "INSERT INTO reminders"
      " (certificate_id, lead_days, due, state, requested, outstanding, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, 'pending', 1, " DOJANG_REMINDER_OUTSTANDING ("'pending'", "?3") ", ?4, ?4)"
      " ON CONFLICT (certificate_id, lead_days) WHERE certificate_id IS NOT NULL"
      " DO UPDATE SET requested = 1, updated_at = ?4,"
      "  outstanding = CASE WHEN state IN ('dismissed', 'skipped', 'done', 'pending')"
      "    THEN " DOJANG_REMINDER_OUTSTANDING ("'pending'", "due") " ELSE outstanding END,"
      "  state = CASE WHEN state IN ('dismissed', 'skipped', 'done') THEN 'pending' ELSE state END",
      error);
  if (insert == NULL)
    goto failed;
  sqlite3_bind_int64 (insert, 1, certificate_id);
  sqlite3_bind_int (insert, 2, lead_days);
  sqlite3_bind_int64 (insert, 3, g_date_time_to_unix (due_at));
  sqlite3_bind_int64 (insert, 4, now);
  if (!_dojang_reminder_store_step_done (self, insert, error))
    goto failed;

  _dojang_reminder_store_changed (self);
  if (!dojang_reminder_store_commit (self, error))
    return FALSE;

  if (due != NULL)
    *due = g_steal_pointer (&due_at);

  return TRUE;

failed:
  dojang_reminder_store_rollback (self);
  return FALSE;
}
