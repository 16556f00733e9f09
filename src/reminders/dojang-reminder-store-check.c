/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: the due check (see dojang-reminder-store.c).
 *
 * A check sends at most one reminder per certificate: of all its reminders
 * due at once (a first run, a computer that was off for weeks) only the
 * latest-due one, the most relevant, is sent and the older ones are passed
 * over. Nothing is sent for a reminder older than one already sent for the
 * same certificate, nor for a certificate that expired more than
 * DOJANG_REMINDER_EXPIRED_GRACE_DAYS ago.
 *
 * A reminder counts as sent only once its notification has been answered:
 * begin_check() chooses the reminders to show, the caller shows them, and
 * end_check() records the ones the notification server answered. A crash
 * in between shows them again at the next check, never loses them. A lock
 * file beside the database, held from begin to end (and let go by the
 * system when a process dies), makes a second check wait for the first, so
 * that two never show the same reminder.
 *
 * Passed-over reminders are not rewritten one by one (after a year without
 * a check, tens of thousands would be): meta's "checked_through" is the
 * instant the checks have gone up to, and a pending reminder due before it
 * counts as skipped (DOJANG_REMINDER_PASSED_OVER). The exceptions are
 * marked "outstanding": a reminder chosen but not yet answered, and one
 * scheduled or imported after the check that passed its due instant (see
 * DOJANG_REMINDER_OUTSTANDING). */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store-private.h"

/* How long a check waits for another one to end: longer than a
 * notification server may take to answer (D-Bus gives up after 25 s). */
#define CHECK_LOCK_WAIT_SECONDS 60

/* Returns the descriptor holding the lock, or -1. Called without the
 * store's mutex: the wait must not block the store's other users. */
static int
acquire_check_lock (DojangReminderStore  *self,
                    GError              **error)
{
  g_autofree char *path = g_strconcat (self->path, "-lock", NULL);
  gint64 deadline = g_get_monotonic_time () + CHECK_LOCK_WAIT_SECONDS * G_USEC_PER_SEC;
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The reminders cannot be checked: %s"), g_strerror (saved_errno));
      return -1;
    }

  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINTR)
        continue;

      if (saved_errno != EWOULDBLOCK || g_get_monotonic_time () > deadline)
        {
          g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_FAILED,
                       _("The reminders cannot be checked: %s"),
                       saved_errno == EWOULDBLOCK ? _("another check does not end") : g_strerror (saved_errno));
          close (fd);
          return -1;
        }

      g_usleep (10 * 1000);
    }

  return fd;
}

void
_dojang_reminder_store_release_check_lock (DojangReminderStore *self)
{
  if (self->check_lock_fd < 0)
    return;

  /* Closing the only descriptor lets go of the lock. */
  close (self->check_lock_fd);
  self->check_lock_fd = -1;
}

static gboolean
read_checked_through (DojangReminderStore  *self,
                      gint64               *checked_through,
                      GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  int rc;

  stmt = _dojang_reminder_store_statement (self, "SELECT " DOJANG_REMINDER_CHECKED_THROUGH, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  *checked_through = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? G_MININT64 : sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static gboolean
write_checked_through (DojangReminderStore  *self,
                       gint64                checked_through,
                       GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;

  stmt = _dojang_reminder_store_statement (self,
      "INSERT OR REPLACE INTO meta (key, value) VALUES ('checked_through', ?1)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, checked_through);

  return _dojang_reminder_store_step_done (self, stmt, error);
}

/* Whether the most relevant due reminder of a certificate or manual entry
 * is worth sending: not if one due later was already sent (an older one has
 * nothing new to say), nor if it expired more than the grace period ago.
 * The first question reads the small index of sent reminders (schema v7),
 * not every row of the target: after a year off it is asked thousands of
 * times. */
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
  gint64   id;
  gint64   certificate_id;
  gint64   manual_entry_id;
  gint64   due;
  /* Snoozed or outstanding: passing it over must be written down. */
  gboolean marked;
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
                 gint64                checked_through,
                 GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  int rc;

  /* Ranges of the three partial indexes: pending reminders that fell due
   * since the last check, outstanding ones from before it, and snoozed
   * ones whose snooze is over. Sorted here, which is cheaper than an ORDER
   * BY over the union. */
  stmt = _dojang_reminder_store_statement (self,
      "SELECT id, certificate_id, manual_entry_id, due, outstanding FROM reminders"
      " WHERE state = 'pending' AND due > ?2 AND due <= ?1"
      " UNION ALL "
      "SELECT id, certificate_id, manual_entry_id, due, 1 FROM reminders"
      " WHERE state = 'pending' AND outstanding = 1 AND due <= ?1 AND due <= ?2"
      " UNION ALL "
      "SELECT id, certificate_id, manual_entry_id, due, 1 FROM reminders"
      " WHERE state = 'snoozed' AND snoozed_until <= ?1",
      error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, checked_through);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate candidate = {
        .id = sqlite3_column_int64 (stmt, 0),
        .certificate_id = sqlite3_column_int64 (stmt, 1),
        .manual_entry_id = sqlite3_column_int64 (stmt, 2),
        .due = sqlite3_column_int64 (stmt, 3),
        .marked = sqlite3_column_int (stmt, 4) != 0,
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

/* Runs @sql, which changes the reminders whose ids are in the JSON array
 * ?1 in one statement; ?2 is the time of the change, ?3 the check's. */
static gboolean
update_all (DojangReminderStore  *self,
            const char           *sql,
            GString              *ids_json,
            gint64                now,
            GError              **error)
{
  g_autoptr(DojangStatement) update = NULL;

  if (ids_json->len == 2)
    return TRUE;

  update = _dojang_reminder_store_statement (self, sql, error);
  if (update == NULL)
    return FALSE;

  sqlite3_bind_text (update, 1, ids_json->str, (int) ids_json->len, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 2, _dojang_reminder_store_now (self));
  sqlite3_bind_int64 (update, 3, now);

  return _dojang_reminder_store_step_done (self, update, error);
}

/* By hand: printf was a noticeable cost for the thousands of ids of a
 * check after a year off. */
static void
add_id (GString *ids_json,
        gint64   id)
{
  char digits[20];
  gsize n = 0;

  if (ids_json->len > 1)
    g_string_append_c (ids_json, ',');

  /* SQLite's own keys are positive; anything else the slow way. */
  if (id <= 0)
    {
      g_string_append_printf (ids_json, "%" G_GINT64_FORMAT, id);
      return;
    }

  for (; id > 0; id /= 10)
    digits[n++] = (char) ('0' + id % 10);
  while (n > 0)
    g_string_append_c (ids_json, digits[--n]);
}

/* Chooses per certificate what to send; the ids of the chosen ones go to
 * @chosen, the marked ones passed over are recorded as skipped. */
static gboolean
process_candidates (DojangReminderStore  *self,
                    GArray               *candidates,
                    gint64                now,
                    GString              *chosen,
                    GError              **error)
{
  gint64 expired_before = now - (gint64) DOJANG_REMINDER_EXPIRED_GRACE_DAYS * 24 * 3600;
  g_autoptr(GString) skipped = g_string_new ("[");
  const Candidate *best = NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      gboolean send = FALSE;

      if (best == NULL || !same_target (best, candidate))
        {
          best = candidate;
          if (!worth_sending (self, candidate->certificate_id, candidate->manual_entry_id,
                              candidate->due, expired_before, &send, error))
            return FALSE;
        }

      if (send)
        add_id (chosen, candidate->id);
      else if (candidate->marked)
        add_id (skipped, candidate->id);
    }

  g_string_append_c (skipped, ']');
  g_string_append_c (chosen, ']');

  /* The chosen stay due until their notification is answered. */
  return update_all (self,
                     "UPDATE reminders SET state = 'skipped', snoozed_until = NULL, outstanding = 0,"
                     " updated_at = ?2 WHERE id IN (SELECT value FROM json_each (?1))",
                     skipped, now, error) &&
         update_all (self,
                     "UPDATE reminders SET outstanding = 1, updated_at = ?2"
                     " WHERE id IN (SELECT value FROM json_each (?1)) AND state = 'pending' AND outstanding = 0",
                     chosen, now, error);
}

static GPtrArray *
read_reminders (DojangReminderStore  *self,
                GString              *ids_json,
                GError              **error)
{
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DojangStatement) stmt = NULL;
  int rc;

  stmt = _dojang_reminder_store_statement (self,
      DOJANG_REMINDER_SELECT "WHERE r.id IN (SELECT value FROM json_each (?1)) ORDER BY r.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, ids_json->str, (int) ids_json->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reminders, _dojang_reminder_store_read_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&reminders);
}

static GPtrArray *
choose_due (DojangReminderStore  *self,
            gint64                now,
            GError              **error)
{
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GString) chosen = g_string_new ("[");
  g_autoptr(GPtrArray) reminders = NULL;
  gint64 checked_through = G_MININT64;

  if (!dojang_reminder_store_begin (self, error))
    return NULL;

  if (!read_checked_through (self, &checked_through, error) ||
      (candidates = read_candidates (self, now, checked_through, error)) == NULL ||
      !process_candidates (self, candidates, now, chosen, error) ||
      /* A clock set back does not bring back what was passed over. */
      !write_checked_through (self, MAX (now, checked_through), error) ||
      (reminders = read_reminders (self, chosen, error)) == NULL)
    {
      dojang_reminder_store_rollback (self);
      return NULL;
    }

  if (candidates->len > 0)
    _dojang_reminder_store_changed (self);

  if (!dojang_reminder_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&reminders);
}

/**
 * dojang_reminder_store_begin_check:
 * @now: the current instant
 * @error: return location for an error
 *
 * Finds the reminders due at @now (and snoozed ones whose snooze is over)
 * and chooses the one to show per certificate; the others are passed over.
 * Waits first for a check that another process (or this one) has under
 * way. Every successful call must be followed by
 * dojang_reminder_store_end_check(), once the reminders have been shown;
 * until then they stay due.
 *
 * Returns: (transfer full) (element-type DojangReminder): the reminders to
 *   show now, or %NULL with @error set.
 */
GPtrArray *
dojang_reminder_store_begin_check (DojangReminderStore  *self,
                                   GDateTime            *now,
                                   GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  GPtrArray *chosen;
  int fd;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  /* A check under way in this process holds the lock too: this waits for
   * its end like for another process's. */
  fd = acquire_check_lock (self, error);
  if (fd < 0)
    return NULL;

  locker = g_rec_mutex_locker_new (&self->lock);
  g_assert (self->check_lock_fd < 0);
  self->check_lock_fd = fd;

  chosen = choose_due (self, g_date_time_to_unix (now), error);
  if (chosen == NULL)
    _dojang_reminder_store_release_check_lock (self);

  return chosen;
}

/* Records the reminders whose ids are in the JSON array @ids_json (@n_ids
 * different ones) as sent at @now, if they are still due; the ids of those
 * recorded go to @recorded. */
static gboolean
record_sent (DojangReminderStore  *self,
             GString              *ids_json,
             guint                 n_ids,
             gint64                now,
             GHashTable           *recorded,
             GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  int rc;

  if (!update_all (self,
                   "UPDATE reminders SET state = 'sent', sent_at = ?3, snoozed_until = NULL, outstanding = 0,"
                   " updated_at = ?2"
                   " WHERE id IN (SELECT value FROM json_each (?1)) AND state IN ('pending', 'snoozed')",
                   ids_json, now, error))
    return FALSE;

  /* Usually all of them: then nothing needs reading back (RETURNING
   * costs more than the update itself). */
  if (n_ids == 0 || (guint) sqlite3_changes (self->db) == n_ids)
    return TRUE;

  g_hash_table_remove_all (recorded);
  stmt = _dojang_reminder_store_statement (self,
      "SELECT id FROM reminders WHERE id IN (SELECT value FROM json_each (?1)) AND state = 'sent' AND sent_at = ?2",
      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, ids_json->str, (int) ids_json->len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (recorded, g_memdup2 (&id, sizeof id));
    }

  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = dojang_reminder_get_id (*(DojangReminder * const *) a);
  gint64 y = dojang_reminder_get_id (*(DojangReminder * const *) b);

  return x < y ? -1 : x > y;
}

/**
 * dojang_reminder_store_end_check:
 * @shown: (element-type DojangReminder): the reminders of
 *   dojang_reminder_store_begin_check() whose notifications were answered
 * @now: the instant of the check
 * @error: return location for an error
 *
 * Records @shown as sent and ends the check. The reminders chosen but not
 * in @shown stay due: the next check shows them.
 *
 * Returns: (transfer full) (element-type DojangReminder): those of @shown
 *   now recorded as sent (each once, by id, as shown but in the sent
 *   state), or %NULL with @error set.
 */
GPtrArray *
dojang_reminder_store_end_check (DojangReminderStore  *self,
                                 GPtrArray            *shown,
                                 GDateTime            *now,
                                 GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(GString) ids = g_string_new ("[");
  g_autoptr(GHashTable) recorded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GDateTime) sent_at = NULL;
  g_autoptr(GPtrArray) sent = NULL;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);
  g_return_val_if_fail (shown != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  locker = g_rec_mutex_locker_new (&self->lock);

  for (guint i = 0; i < shown->len; i++)
    {
      gint64 id = dojang_reminder_get_id (g_ptr_array_index (shown, i));

      if (g_hash_table_add (recorded, g_memdup2 (&id, sizeof id)))
        add_id (ids, id);
    }
  g_string_append_c (ids, ']');

  if (!dojang_reminder_store_begin (self, error))
    goto out;

  if (!record_sent (self, ids, g_hash_table_size (recorded), g_date_time_to_unix (now), recorded, error))
    {
      dojang_reminder_store_rollback (self);
      goto out;
    }

  if (shown->len > 0)
    _dojang_reminder_store_changed (self);

  if (!dojang_reminder_store_commit (self, error))
    goto out;

  /* Those dismissed meanwhile were not recorded: not sent after all. The
   * others are what was shown, now sent, in the order of their ids. */
  sent = g_ptr_array_new_with_free_func (g_object_unref);
  sent_at = g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
  for (guint i = 0; i < shown->len; i++)
    {
      DojangReminder *reminder = g_ptr_array_index (shown, i);
      gint64 id = dojang_reminder_get_id (reminder);

      if (g_hash_table_remove (recorded, &id))
        g_ptr_array_add (sent, _dojang_reminder_new_sent (reminder, sent_at));
    }
  g_ptr_array_sort (sent, compare_ids);

out:
  _dojang_reminder_store_release_check_lock (self);

  return g_steal_pointer (&sent);
}
