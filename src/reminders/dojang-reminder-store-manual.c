/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: certificates entered by hand (see
 * dojang-reminder-store.c). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store-private.h"

static gboolean
validate_manual_entry (const char  *name,
                       const char  *provider_id,
                       const char  *expiry_date,
                       GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                           _("A name is required"));
      return FALSE;
    }
  if (!_dojang_reminder_store_valid_provider_id (provider_id))
    {
      g_set_error_literal (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                           _("Choose the certificate authority"));
      return FALSE;
    }
  if (!dojang_reminder_expiry_date_is_valid (expiry_date))
    {
      g_set_error_literal (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                           _("An expiry date is required"));
      return FALSE;
    }

  return TRUE;
}

/**
 * dojang_reminder_store_add_manual_entry:
 * @name: who or what the certificate is for; required
 * @provider_id: the CA's id, or "other"
 * @type_name: (nullable): the certificate type, free text
 * @expiry_date: the last valid day, "YYYY-MM-DD"
 * @error: return location for an error
 *
 * Returns: the new entry's id (with its reminders scheduled), or 0 with
 *   @error set.
 */
gint64
dojang_reminder_store_add_manual_entry (DojangReminderStore  *self,
                                        const char           *name,
                                        const char           *provider_id,
                                        const char           *type_name,
                                        const char           *expiry_date,
                                        GError              **error)
{
  g_autoptr(DojangStatement) insert = NULL;
  g_autoptr(GDateTime) not_after = NULL;
  g_autofree char *clean_name = NULL;
  gint64 id;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), 0);

  if (!validate_manual_entry (name, provider_id, expiry_date, error))
    return 0;

  clean_name = g_strstrip (g_strdup (name));
  not_after = dojang_reminder_expiry_date_to_instant (expiry_date);

  if (!dojang_reminder_store_begin (self, error))
    return 0;

  insert = _dojang_reminder_store_statement (self,
      "INSERT INTO manual_entries"
      " (name, provider_id, type_name, expiry_date, not_after, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
      error);
  if (insert == NULL)
    goto failed;

  sqlite3_bind_text (insert, 1, clean_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, provider_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, type_name != NULL ? type_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, expiry_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 5, g_date_time_to_unix (not_after));
  sqlite3_bind_int64 (insert, 6, _dojang_reminder_store_now (self));
  if (!_dojang_reminder_store_step_done (self, insert, error))
    goto failed;

  id = sqlite3_last_insert_rowid (self->db);
  if (!_dojang_reminder_store_schedule (self, 0, id, not_after, error))
    goto failed;

  if (!dojang_reminder_store_commit (self, error))
    return 0;

  return id;

failed:
  dojang_reminder_store_rollback (self);
  return 0;
}

/* A new expiry date is a renewal: the old date's open reminders are
 * retired (pending ones deleted) and the new date gets fresh ones. */
static gboolean
renew_manual_entry (DojangReminderStore  *self,
                    gint64                id,
                    GDateTime            *not_after,
                    GError              **error)
{
  g_autoptr(DojangStatement) drop = NULL;
  g_autoptr(DojangStatement) retire = NULL;

  drop = _dojang_reminder_store_statement (self,
      "DELETE FROM reminders WHERE manual_entry_id = ?1 AND state = 'pending'"
      " AND NOT " DOJANG_REMINDER_PASSED_OVER ("reminders"), error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, id);
  if (!_dojang_reminder_store_step_done (self, drop, error))
    return FALSE;

  retire = _dojang_reminder_store_statement (self,
      "UPDATE reminders SET state = 'done', snoozed_until = NULL, updated_at = ?2"
      " WHERE manual_entry_id = ?1 AND state IN ('snoozed', 'sent')", error);
  if (retire == NULL)
    return FALSE;
  sqlite3_bind_int64 (retire, 1, id);
  sqlite3_bind_int64 (retire, 2, _dojang_reminder_store_now (self));
  if (!_dojang_reminder_store_step_done (self, retire, error))
    return FALSE;

  return _dojang_reminder_store_schedule (self, 0, id, not_after, error);
}

gboolean
dojang_reminder_store_update_manual_entry (DojangReminderStore  *self,
                                           gint64                id,
                                           const char           *name,
                                           const char           *provider_id,
                                           const char           *type_name,
                                           const char           *expiry_date,
                                           GError              **error)
{
  g_autoptr(DojangStatement) previous = NULL;
  g_autoptr(DojangStatement) update = NULL;
  g_autoptr(GDateTime) not_after = NULL;
  g_autofree char *clean_name = NULL;
  gboolean date_changed = FALSE;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);

  if (!validate_manual_entry (name, provider_id, expiry_date, error))
    return FALSE;

  clean_name = g_strstrip (g_strdup (name));
  not_after = dojang_reminder_expiry_date_to_instant (expiry_date);

  if (!dojang_reminder_store_begin (self, error))
    return FALSE;

  previous = _dojang_reminder_store_statement (self,
      "SELECT not_after FROM manual_entries WHERE id = ?1", error);
  if (previous == NULL)
    goto failed;
  sqlite3_bind_int64 (previous, 1, id);
  switch (sqlite3_step (previous))
    {
    case SQLITE_ROW:
      date_changed = sqlite3_column_int64 (previous, 0) != g_date_time_to_unix (not_after);
      break;

    case SQLITE_DONE:
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_NOT_FOUND,
                   _("There is no certificate entry %lld"), (long long) id);
      goto failed;

    default:
      _dojang_reminder_store_sqlite_error (self, sqlite3_errcode (self->db), error);
      goto failed;
    }

  update = _dojang_reminder_store_statement (self,
      "UPDATE manual_entries SET name = ?2, provider_id = ?3, type_name = ?4,"
      " expiry_date = ?5, not_after = ?6, updated_at = ?7 WHERE id = ?1",
      error);
  if (update == NULL)
    goto failed;

  sqlite3_bind_int64 (update, 1, id);
  sqlite3_bind_text (update, 2, clean_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, provider_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 4, type_name != NULL ? type_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 5, expiry_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 6, g_date_time_to_unix (not_after));
  sqlite3_bind_int64 (update, 7, _dojang_reminder_store_now (self));
  if (!_dojang_reminder_store_step_done (self, update, error))
    goto failed;

  if (date_changed && !renew_manual_entry (self, id, not_after, error))
    goto failed;

  _dojang_reminder_store_changed (self);

  return dojang_reminder_store_commit (self, error);

failed:
  dojang_reminder_store_rollback (self);
  return FALSE;
}

gboolean
dojang_reminder_store_remove_manual_entry (DojangReminderStore  *self,
                                           gint64                id,
                                           GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) remove = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);

  /* Its reminders go with it (ON DELETE CASCADE), in the same statement. */
  remove = _dojang_reminder_store_statement (self, "DELETE FROM manual_entries WHERE id = ?1", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, id);
  if (!_dojang_reminder_store_step_done (self, remove, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_NOT_FOUND,
                   _("There is no certificate entry %lld"), (long long) id);
      return FALSE;
    }

  _dojang_reminder_store_changed (self);

  return TRUE;
}

/**
 * dojang_reminder_store_count_manual_entries:
 *
 * Returns: how many manual entries there are (0 on error, with @error set);
 *   cheaper than listing them.
 */
guint
dojang_reminder_store_count_manual_entries (DojangReminderStore  *self,
                                            GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), 0);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _dojang_reminder_store_statement (self, "SELECT count (*) FROM manual_entries", error);
  if (stmt == NULL)
    return 0;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return 0;
    }

  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * dojang_reminder_store_list_manual_entries:
 *
 * Returns: (transfer full) (element-type DojangManualEntry): the manual
 *   entries, soonest expiry first, or %NULL with @error set.
 */
GPtrArray *
dojang_reminder_store_list_manual_entries (DojangReminderStore  *self,
                                           GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _dojang_reminder_store_statement (self,
      "SELECT id, name, provider_id, type_name, expiry_date FROM manual_entries"
      " ORDER BY not_after, name, id",
      error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries,
                     _dojang_manual_entry_new (sqlite3_column_int64 (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2),
                                               (const char *) sqlite3_column_text (stmt, 3),
                                               (const char *) sqlite3_column_text (stmt, 4)));

  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

