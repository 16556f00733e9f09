/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: lead times, certificates found by scans, and the
 * scheduling of their reminders (see dojang-reminder-store.c). */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store-private.h"
#include "dojang-seoul.h"

/**
 * dojang_reminder_store_get_lead_days:
 * @n_lead_days: (out): the number of values
 *
 * Returns: (array length=n_lead_days): the days before expiry reminders
 *   are scheduled at, longest first.
 */
const int *
dojang_reminder_store_get_lead_days (DojangReminderStore *self,
                                     gsize               *n_lead_days)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);
  g_return_val_if_fail (n_lead_days != NULL, NULL);

  *n_lead_days = self->lead_days->len;

  return (const int *) (gpointer) self->lead_days->data;
}

typedef struct
{
  gint64      certificate_id;
  gint64      manual_entry_id;
  int         lead_days;
  gint64      due;
  const char *state;
} ScheduleRow;

/* Appends to @rows the reminders of one certificate or manual entry for
 * the current lead times. What the due check would skip anyway (see
 * dojang-reminder-store-due.c) is recorded as skipped right away: of the
 * reminders already past, all but the latest, and every reminder of a
 * certificate that expired more than the grace period ago. */
static void
append_schedule_rows (DojangReminderStore          *self,
                      const DojangScheduleTarget   *target,
                      gint64                        now,
                      GArray                       *rows)
{
  g_autoptr(GDateTime) not_after = g_date_time_new_from_unix_utc (target->not_after);
  gint64 latest_past = G_MININT64;
  gboolean long_expired;
  guint first = rows->len;
  GDate expiry_day;

  long_expired = target->not_after < now - (gint64) DOJANG_REMINDER_EXPIRED_GRACE_DAYS * 24 * 3600;
  dojang_seoul_get_expiry_date (not_after, &expiry_day);

  for (guint i = 0; i < self->lead_days->len; i++)
    {
      int lead = g_array_index (self->lead_days, int, i);
      ScheduleRow row = {
        .certificate_id = target->certificate_id,
        .manual_entry_id = target->manual_entry_id,
        .lead_days = lead,
        .due = dojang_reminder_due_before (not_after, &expiry_day, lead),
      };

      if (row.due <= now)
        latest_past = MAX (latest_past, row.due);
      g_array_append_val (rows, row);
    }

  for (guint i = first; i < rows->len; i++)
    {
      ScheduleRow *row = &g_array_index (rows, ScheduleRow, i);

      row->state = long_expired || row->due < latest_past ? "skipped" : "pending";
    }
}

/* Rows per statement: the SQLite of Debian 12 allows 32,766 parameters. */
#define SCHEDULE_CHUNK 200

/* The insert of @n_rows rows: ?1 is the time, then five parameters a row. */
static char *
schedule_sql (guint n_rows)
{
  GString *sql = g_string_new (
      "INSERT OR IGNORE INTO reminders"
      " (certificate_id, manual_entry_id, lead_days, due, state, outstanding, created_at, updated_at)"
      " SELECT column1, column2, column3, column4, column5,"
      "  " DOJANG_REMINDER_OUTSTANDING ("column5", "column4") ", ?1, ?1"
      " FROM (VALUES ");

  for (guint i = 0; i < n_rows; i++)
    {
      guint p = 2 + i * 5;

      g_string_append_printf (sql, "%s(?%u, ?%u, ?%u, ?%u, ?%u)", i > 0 ? ", " : "",
                              p, p + 1, p + 2, p + 3, p + 4);
    }
  g_string_append_c (sql, ')');

  return g_string_free (sql, FALSE);
}

static gboolean
insert_schedule_rows (DojangReminderStore  *self,
                      const ScheduleRow    *rows,
                      guint                 n_rows,
                      gint64                now,
                      GError              **error)
{
  /* Built once; the store's statement cache is keyed by the SQL's address. */
  static char *sql_one, *sql_chunk;
  g_autoptr(DojangStatement) insert = NULL;

  g_assert (n_rows == 1 || n_rows == SCHEDULE_CHUNK);

  if (g_once_init_enter (&sql_one))
    g_once_init_leave (&sql_one, schedule_sql (1));
  if (g_once_init_enter (&sql_chunk))
    g_once_init_leave (&sql_chunk, schedule_sql (SCHEDULE_CHUNK));

  insert = _dojang_reminder_store_statement (self, n_rows == 1 ? sql_one : sql_chunk, error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, now);
  for (guint i = 0; i < n_rows; i++)
    {
      int p = 2 + (int) i * 5;

      _dojang_reminder_store_bind_optional (insert, p, rows[i].certificate_id);
      _dojang_reminder_store_bind_optional (insert, p + 1, rows[i].manual_entry_id);
      sqlite3_bind_int (insert, p + 2, rows[i].lead_days);
      sqlite3_bind_int64 (insert, p + 3, rows[i].due);
      sqlite3_bind_text (insert, p + 4, rows[i].state, -1, SQLITE_STATIC);
    }

  return _dojang_reminder_store_step_done (self, insert, error);
}

/* Inserts the missing reminders of @n_targets certificates or manual
 * entries for the current lead times, many rows per statement: a
 * statement run per reminder costs more than the row itself, which made an
 * import of 50,000 entries take seconds. Existing rows (sent, dismissed, …) are kept as
 * they are. */
gboolean
_dojang_reminder_store_schedule_all (DojangReminderStore         *self,
                                     const DojangScheduleTarget  *targets,
                                     gsize                        n_targets,
                                     GError                     **error)
{
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (ScheduleRow), n_targets * self->lead_days->len);
  gint64 now = _dojang_reminder_store_now (self);
  guint done = 0;

  for (gsize i = 0; i < n_targets; i++)
    append_schedule_rows (self, &targets[i], now, rows);

  for (; done + SCHEDULE_CHUNK <= rows->len; done += SCHEDULE_CHUNK)
    {
      if (!insert_schedule_rows (self, &g_array_index (rows, ScheduleRow, done), SCHEDULE_CHUNK, now, error))
        return FALSE;
    }
  for (; done < rows->len; done++)
    {
      if (!insert_schedule_rows (self, &g_array_index (rows, ScheduleRow, done), 1, now, error))
        return FALSE;
    }

  if (n_targets > 0)
    _dojang_reminder_store_changed (self);

  return TRUE;
}

/* The same for one certificate or manual entry. */
gboolean
_dojang_reminder_store_schedule (DojangReminderStore  *self,
                                 gint64                certificate_id,
                                 gint64                manual_entry_id,
                                 GDateTime            *not_after,
                                 GError              **error)
{
  DojangScheduleTarget target = {
    .certificate_id = certificate_id,
    .manual_entry_id = manual_entry_id,
    .not_after = g_date_time_to_unix (not_after),
  };

  return _dojang_reminder_store_schedule_all (self, &target, 1, error);
}

/* A certificate renewed later has the same subject and CA and a later
 * notAfter: the older one's open reminders are retired. */
static gboolean
retire_superseded (DojangReminderStore  *self,
                   const char           *subject,
                   const char           *provider_id,
                   GError              **error)
{
  g_autoptr(DojangStatement) retire = NULL;

  retire = _dojang_reminder_store_statement (self,
      "UPDATE reminders SET state = 'done', snoozed_until = NULL, updated_at = ?3"
      " WHERE state IN ('pending', 'snoozed', 'sent') AND NOT " DOJANG_REMINDER_PASSED_OVER ("reminders")
      "  AND certificate_id IN"
      "  (SELECT old.id FROM certificates old"
      "   WHERE old.subject = ?1 AND old.provider_id = ?2 AND EXISTS"
      "    (SELECT 1 FROM certificates newer"
      "     WHERE newer.subject = old.subject AND newer.provider_id = old.provider_id"
      "       AND newer.not_after > old.not_after))",
      error);
  if (retire == NULL)
    return FALSE;

  sqlite3_bind_text (retire, 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (retire, 2, provider_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (retire, 3, _dojang_reminder_store_now (self));

  return _dojang_reminder_store_step_done (self, retire, error);
}

static gboolean
is_superseded (DojangReminderStore  *self,
               const char           *sha256,
               gboolean             *superseded,
               GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  int rc;

  stmt = _dojang_reminder_store_statement (self,
      "SELECT EXISTS (SELECT 1 FROM certificates c JOIN certificates newer"
      "  ON newer.subject = c.subject AND newer.provider_id = c.provider_id"
      "  AND newer.not_after > c.not_after WHERE c.sha256 = ?1)",
      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  *superseded = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

static gboolean
reschedule_all (DojangReminderStore  *self,
                const char           *lead_days_json,
                GError              **error)
{
  g_autoptr(DojangStatement) drop = NULL;
  g_autoptr(DojangStatement) certificates = NULL;
  g_autoptr(DojangStatement) manual = NULL;
  g_autoptr(DojangStatement) save = NULL;
  int rc;

  /* Only reminders nothing happened to yet go away with their lead time;
   * sent, snoozed, dismissed and skipped ones are history, and the ones the
   * user asked for stay. */
  drop = _dojang_reminder_store_statement (self,
      "DELETE FROM reminders WHERE state = 'pending' AND requested = 0"
      " AND NOT " DOJANG_REMINDER_PASSED_OVER ("reminders")
      " AND lead_days NOT IN (SELECT value FROM json_each (?1))",
      error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_text (drop, 1, lead_days_json, -1, SQLITE_STATIC);
  if (!_dojang_reminder_store_step_done (self, drop, error))
    return FALSE;

  certificates = _dojang_reminder_store_statement (self,
      "SELECT c.id, c.not_after FROM certificates c WHERE NOT EXISTS"
      " (SELECT 1 FROM certificates newer WHERE newer.subject = c.subject"
      "  AND newer.provider_id = c.provider_id AND newer.not_after > c.not_after)",
      error);
  if (certificates == NULL)
    return FALSE;
  while ((rc = sqlite3_step (certificates)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) not_after = g_date_time_new_from_unix_utc (sqlite3_column_int64 (certificates, 1));

      if (!_dojang_reminder_store_schedule (self, sqlite3_column_int64 (certificates, 0), 0,
                                            not_after, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  manual = _dojang_reminder_store_statement (self, "SELECT id, not_after FROM manual_entries", error);
  if (manual == NULL)
    return FALSE;
  while ((rc = sqlite3_step (manual)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) not_after = g_date_time_new_from_unix_utc (sqlite3_column_int64 (manual, 1));

      if (!_dojang_reminder_store_schedule (self, 0, sqlite3_column_int64 (manual, 0), not_after, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  save = _dojang_reminder_store_statement (self,
      "INSERT INTO meta (key, value) VALUES ('lead_days', ?1)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      error);
  if (save == NULL)
    return FALSE;
  sqlite3_bind_text (save, 1, lead_days_json, -1, SQLITE_STATIC);

  return _dojang_reminder_store_step_done (self, save, error);
}

/* Schedules a known certificate (unless a renewal superseded it) and
 * retires what it supersedes. */
gboolean
_dojang_reminder_store_schedule_certificate (DojangReminderStore  *self,
                                             const char           *sha256,
                                             GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  g_autoptr(GDateTime) not_after = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *provider_id = NULL;
  gboolean superseded = FALSE;
  gint64 id;

  stmt = _dojang_reminder_store_statement (self,
      "SELECT id, not_after, subject, provider_id FROM certificates WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _dojang_reminder_store_sqlite_error (self, sqlite3_errcode (self->db), error);
      return FALSE;
    }

  id = sqlite3_column_int64 (stmt, 0);
  not_after = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 1));
  subject = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  provider_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);

  if (!is_superseded (self, sha256, &superseded, error))
    return FALSE;
  if (!superseded && !_dojang_reminder_store_schedule (self, id, 0, not_after, error))
    return FALSE;

  return retire_superseded (self, subject, provider_id, error);
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x < y) - (x > y);
}

/**
 * dojang_reminder_store_set_lead_days:
 * @lead_days: (array length=n_lead_days): days before expiry, 0–365
 * @n_lead_days: the number of values
 * @error: return location for an error
 *
 * Sets the lead times (the GSettings key reminder-lead-days) and, when they
 * differ from the ones the reminders were scheduled with, reschedules:
 * pending reminders of a dropped lead time go, new lead times get pending
 * reminders, and everything that was sent, snoozed or dismissed stays.
 */
gboolean
dojang_reminder_store_set_lead_days (DojangReminderStore  *self,
                                     const int            *lead_days,
                                     gsize                 n_lead_days,
                                     GError              **error)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);
  g_return_val_if_fail (lead_days != NULL || n_lead_days == 0, FALSE);

  for (gsize i = 0; i < n_lead_days; i++)
    {
      gboolean seen = FALSE;

      if (lead_days[i] < 0 || lead_days[i] > DOJANG_REMINDER_MAX_LEAD_DAYS)
        {
          g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                       _("A reminder can be set 0 to %d days before the expiry, not %d"),
                       DOJANG_REMINDER_MAX_LEAD_DAYS, lead_days[i]);
          return FALSE;
        }
      for (guint j = 0; j < sorted->len; j++)
        seen |= g_array_index (sorted, int, j) == lead_days[i];
      if (!seen)
        g_array_append_val (sorted, lead_days[i]);
    }
  g_array_sort (sorted, compare_descending);

  array = json_array_sized_new (sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    json_array_add_int_element (array, g_array_index (sorted, int, i));
  node = json_node_init_array (json_node_alloc (), array);
  json = json_to_string (node, FALSE);

  g_rec_mutex_lock (&self->lock);

  if (sorted->len == self->lead_days->len &&
      memcmp (sorted->data, self->lead_days->data, sorted->len * sizeof (int)) == 0)
    {
      g_rec_mutex_unlock (&self->lock);
      return TRUE;
    }

  g_array_set_size (self->lead_days, 0);
  g_array_append_vals (self->lead_days, sorted->data, sorted->len);

  if (!dojang_reminder_store_begin (self, error))
    goto failed;
  if (!reschedule_all (self, json, error))
    {
      dojang_reminder_store_rollback (self);
      goto failed;
    }
  if (!dojang_reminder_store_commit (self, error))
    goto failed;

  _dojang_reminder_store_changed (self);
  g_rec_mutex_unlock (&self->lock);

  return TRUE;

failed:
  _dojang_reminder_store_load_lead_days (self, NULL);
  g_rec_mutex_unlock (&self->lock);

  return FALSE;
}

/**
 * dojang_reminder_store_upsert_certificate:
 * @sha256: the certificate's SHA-256 fingerprint, 64 lowercase hex digits
 * @subject: the full subject CN
 * @name: the holder's name (the CN before "(")
 * @provider_id: the CA's id ("yessign", …, "unknown")
 * @type_name: the certificate type as people read it
 * @not_after: when it expires
 * @path: (nullable): where it was found
 * @seen_at: when it was found
 * @error: return location for an error
 *
 * Records a certificate found by a scan and schedules its reminders. When
 * it renews an older certificate of the same holder and CA, the old one's
 * open reminders are retired; when a newer one is already known, this one
 * gets none.
 */
gboolean
dojang_reminder_store_upsert_certificate (DojangReminderStore  *self,
                                          const char           *sha256,
                                          const char           *subject,
                                          const char           *name,
                                          const char           *provider_id,
                                          const char           *type_name,
                                          GDateTime            *not_after,
                                          const char           *path,
                                          GDateTime            *seen_at,
                                          GError              **error)
{
  g_autoptr(DojangStatement) upsert = NULL;
  gboolean superseded = FALSE;
  gint64 id;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);
  g_return_val_if_fail (not_after != NULL, FALSE);
  g_return_val_if_fail (seen_at != NULL, FALSE);

  if (!_dojang_reminder_store_valid_sha256 (sha256) ||
      !_dojang_reminder_store_valid_provider_id (provider_id))
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID,
                   _("The certificate “%s” has no valid fingerprint or CA"), subject);
      return FALSE;
    }

  if (!dojang_reminder_store_begin (self, error))
    return FALSE;

  upsert = _dojang_reminder_store_statement (self,
      "INSERT INTO certificates"
      " (sha256, subject, name, provider_id, type_name, not_after, path, first_seen, last_seen)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)"
      " ON CONFLICT (sha256) DO UPDATE SET subject = excluded.subject, name = excluded.name,"
      "  provider_id = excluded.provider_id, type_name = excluded.type_name,"
      "  path = coalesce (excluded.path, path), last_seen = max (last_seen, excluded.last_seen)"
      " RETURNING id",
      error);
  if (upsert == NULL)
    goto failed;

  sqlite3_bind_text (upsert, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 2, subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 3, name != NULL ? name : subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 4, provider_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 5, type_name != NULL ? type_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (upsert, 6, g_date_time_to_unix (not_after));
  if (path != NULL)
    sqlite3_bind_text (upsert, 7, path, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (upsert, 7);
  sqlite3_bind_int64 (upsert, 8, g_date_time_to_unix (seen_at));

  if (sqlite3_step (upsert) != SQLITE_ROW)
    {
      _dojang_reminder_store_sqlite_error (self, sqlite3_errcode (self->db), error);
      goto failed;
    }
  id = sqlite3_column_int64 (upsert, 0);
  sqlite3_reset (upsert);

  if (!is_superseded (self, sha256, &superseded, error))
    goto failed;

  if (!superseded && !_dojang_reminder_store_schedule (self, id, 0, not_after, error))
    goto failed;

  if (!retire_superseded (self, subject, provider_id, error))
    goto failed;

  return dojang_reminder_store_commit (self, error);

failed:
  dojang_reminder_store_rollback (self);
  return FALSE;
}

guint
dojang_reminder_store_count_certificates (DojangReminderStore *self)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) stmt = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), 0);

  locker = g_rec_mutex_locker_new (&self->lock);
  stmt = _dojang_reminder_store_statement (self, "SELECT count (*) FROM certificates", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int (stmt, 0);
}


/**
 * dojang_reminder_store_retire_certificate:
 * @sha256: the fingerprint of a certificate the user deleted
 * @error: return location for an error
 *
 * Forgets the certificate and, with it (ON DELETE CASCADE), its reminders:
 * none of them is shown any more. Should the certificate come back (the
 * deletion undone, a copy found elsewhere), the next scan records it again
 * and schedules its reminders afresh. An unknown fingerprint is not an error.
 *
 * Returns: %FALSE on a database error
 */
gboolean
dojang_reminder_store_retire_certificate (DojangReminderStore  *self,
                                          const char           *sha256,
                                          GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangStatement) forget = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);
  lower = g_ascii_strdown (sha256, -1);

  forget = _dojang_reminder_store_statement (self, "DELETE FROM certificates WHERE sha256 = ?1", error);
  if (forget == NULL)
    return FALSE;
  sqlite3_bind_text (forget, 1, lower, -1, SQLITE_STATIC);
  if (!_dojang_reminder_store_step_done (self, forget, error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0)
    _dojang_reminder_store_changed (self);

  return TRUE;
}
