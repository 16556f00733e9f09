/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: applying a checked reminder export (see
 * dojang-reminder-store-json.c for the format, dojang-reminder-import.c for
 * the checks), all in one transaction. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dojang-reminder-import.h"
#include "dojang-reminder-schema.h"
#include "dojang-reminder-store-private.h"

/* PRAGMA cache_size values (negative: KiB): SQLite's default, and what an
 * import uses (imports are at most DOJANG_INPUT_MAX_IMPORT_FILE). */
#define DEFAULT_CACHE_KIB -2000
#define IMPORT_CACHE_KIB  -65536

static gboolean
apply_certificate (DojangReminderStore        *self,
                   const DojangImportedCertificate  *c,
                   GError                    **error)
{
  g_autoptr(DojangStatement) insert = NULL;
  gint64 now = _dojang_reminder_store_now (self);

  insert = _dojang_reminder_store_statement (self,
      "INSERT OR IGNORE INTO certificates"
      " (sha256, subject, name, provider_id, type_name, not_after, path, first_seen, last_seen)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
      error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_text (insert, 1, c->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, c->subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, c->name != NULL ? c->name : c->subject, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, c->provider_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, c->type_name != NULL ? c->type_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 6, c->not_after);
  if (c->path != NULL)
    sqlite3_bind_text (insert, 7, c->path, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (insert, 7);
  sqlite3_bind_int64 (insert, 8, now);

  return _dojang_reminder_store_step_done (self, insert, error);
}

/* An identical manual entry is one with the same name, CA and expiry
 * date; each part is length-prefixed so that no two triples share a key. */
static char *
manual_entry_key (const char *name,
                  const char *provider_id,
                  const char *expiry_date)
{
  return g_strdup_printf ("%zu:%s;%zu:%s;%s", strlen (name), name,
                          strlen (provider_id), provider_id, expiry_date);
}

/* The store's manual entries by key, read once: a search per imported
 * entry would make an import of 50,000 quadratic. */
static GHashTable *
load_manual_entries (DojangReminderStore  *self,
                     GError              **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(DojangStatement) all = NULL;
  int status;

  all = _dojang_reminder_store_statement (self,
      "SELECT id, name, provider_id, expiry_date FROM manual_entries ORDER BY id DESC", error);
  if (all == NULL)
    return NULL;

  /* Newest first, so that the oldest of equal entries wins, as before. */
  while ((status = sqlite3_step (all)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (all, 0);

      g_hash_table_insert (known,
                           manual_entry_key ((const char *) sqlite3_column_text (all, 1),
                                             (const char *) sqlite3_column_text (all, 2),
                                             (const char *) sqlite3_column_text (all, 3)),
                           g_memdup2 (&id, sizeof id));
    }
  if (status != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, status, error);
      return NULL;
    }

  return g_steal_pointer (&known);
}

static gboolean
apply_manual_entry (DojangReminderStore  *self,
                    GHashTable           *known,
                    DojangImportedManualEntry  *m,
                    GError              **error)
{
  g_autoptr(DojangStatement) insert = NULL;
  g_autofree char *key = manual_entry_key (m->name, m->provider_id, m->expiry_date);
  gint64 *id = g_hash_table_lookup (known, key);

  if (id != NULL)
    {
      m->db_id = *id;
      return TRUE;
    }

  insert = _dojang_reminder_store_statement (self,
      "INSERT INTO manual_entries"
      " (name, provider_id, type_name, expiry_date, not_after, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
      error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_text (insert, 1, m->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, m->provider_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, m->type_name != NULL ? m->type_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, m->expiry_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 5, m->not_after);
  sqlite3_bind_int64 (insert, 6, _dojang_reminder_store_now (self));
  if (!_dojang_reminder_store_step_done (self, insert, error))
    return FALSE;

  m->db_id = sqlite3_last_insert_rowid (self->db);
  g_hash_table_insert (known, g_steal_pointer (&key), g_memdup2 (&m->db_id, sizeof m->db_id));

  return TRUE;
}

/* The file's manual entry ids (unique, checked on reading) → the store's. */
static GHashTable *
map_manual_ids (GArray *entries)
{
  GHashTable *ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < entries->len; i++)
    {
      DojangImportedManualEntry *m = &g_array_index (entries, DojangImportedManualEntry, i);

      g_hash_table_insert (ids, &m->file_id, &m->db_id);
    }

  return ids;
}

static gint64
manual_db_id (GHashTable *ids,
              gint64      file_id)
{
  gint64 *db_id = g_hash_table_lookup (ids, &file_id);

  return db_id != NULL ? *db_id : 0;
}

static gboolean
apply_reminder (DojangReminderStore     *self,
                const DojangImportedReminder  *r,
                GHashTable              *manual_ids,
                GError                 **error)
{
  g_autoptr(DojangStatement) upsert = NULL;
  gint64 now = _dojang_reminder_store_now (self);

  /* The imported state wins only over a reminder nothing happened to yet. */
  if (r->certificate_sha256 != NULL)
    {
      upsert = _dojang_reminder_store_statement (self,
          "INSERT INTO reminders (certificate_id, manual_entry_id, lead_days, due, state,"
          "  snoozed_until, sent_at, outstanding, created_at, updated_at)"
          " VALUES ((SELECT id FROM certificates WHERE sha256 = ?1), NULL, ?2, ?3, ?4, ?5, ?6,"
          "  " DOJANG_REMINDER_OUTSTANDING ("?4", "?3") ", ?7, ?7)"
          " ON CONFLICT (certificate_id, lead_days) WHERE certificate_id IS NOT NULL"
          " DO UPDATE SET state = excluded.state,"
          "  snoozed_until = excluded.snoozed_until, sent_at = excluded.sent_at,"
          "  outstanding = excluded.outstanding, updated_at = excluded.updated_at"
          " WHERE reminders.state = 'pending' AND NOT " DOJANG_REMINDER_PASSED_OVER ("reminders"),
          error);
      if (upsert == NULL)
        return FALSE;
      sqlite3_bind_text (upsert, 1, r->certificate_sha256, -1, SQLITE_STATIC);
    }
  else
    {
      upsert = _dojang_reminder_store_statement (self,
          "INSERT INTO reminders (certificate_id, manual_entry_id, lead_days, due, state,"
          "  snoozed_until, sent_at, outstanding, created_at, updated_at)"
          " VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, " DOJANG_REMINDER_OUTSTANDING ("?4", "?3") ", ?7, ?7)"
          " ON CONFLICT (manual_entry_id, lead_days, due) WHERE manual_entry_id IS NOT NULL"
          " DO UPDATE SET state = excluded.state,"
          "  snoozed_until = excluded.snoozed_until, sent_at = excluded.sent_at,"
          "  outstanding = excluded.outstanding, updated_at = excluded.updated_at"
          " WHERE reminders.state = 'pending' AND NOT " DOJANG_REMINDER_PASSED_OVER ("reminders"),
          error);
      if (upsert == NULL)
        return FALSE;
      sqlite3_bind_int64 (upsert, 1, manual_db_id (manual_ids, r->manual_file_id));
    }

  sqlite3_bind_int (upsert, 2, r->lead_days);
  sqlite3_bind_int64 (upsert, 3, r->due);
  sqlite3_bind_text (upsert, 4, r->state, -1, SQLITE_STATIC);
  _dojang_reminder_store_bind_optional (upsert, 5, g_str_equal (r->state, "snoozed") ? r->snoozed_until : 0);
  _dojang_reminder_store_bind_optional (upsert, 6, r->sent_at);
  sqlite3_bind_int64 (upsert, 7, now);

  return _dojang_reminder_store_step_done (self, upsert, error);
}

static gboolean
apply_import (DojangReminderStore  *self,
              GArray               *certificates,
              GArray               *entries,
              GArray               *reminders,
              GError              **error)
{
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GHashTable) manual_ids = NULL;
  g_autofree DojangScheduleTarget *targets = NULL;

  for (guint i = 0; i < certificates->len; i++)
    {
      if (!apply_certificate (self, &g_array_index (certificates, DojangImportedCertificate, i), error))
        return FALSE;
    }

  known = load_manual_entries (self, error);
  if (known == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      if (!apply_manual_entry (self, known, &g_array_index (entries, DojangImportedManualEntry, i), error))
        return FALSE;
    }

  manual_ids = map_manual_ids (entries);
  for (guint i = 0; i < reminders->len; i++)
    {
      if (!apply_reminder (self, &g_array_index (reminders, DojangImportedReminder, i), manual_ids, error))
        return FALSE;
    }

  /* Then the current lead times for everything imported. */
  for (guint i = 0; i < certificates->len; i++)
    {
      const DojangImportedCertificate *c = &g_array_index (certificates, DojangImportedCertificate, i);

      if (!_dojang_reminder_store_schedule_certificate (self, c->sha256, error))
        return FALSE;
    }

  targets = g_new0 (DojangScheduleTarget, entries->len + 1);
  for (guint i = 0; i < entries->len; i++)
    {
      const DojangImportedManualEntry *m = &g_array_index (entries, DojangImportedManualEntry, i);

      targets[i].manual_entry_id = m->db_id;
      targets[i].not_after = m->not_after;
    }

  return _dojang_reminder_store_schedule_all (self, targets, entries->len, error);
}

static gboolean
certificate_in_store (const char *sha256,
                      gpointer    user_data)
{
  DojangReminderStore *self = user_data;
  g_autoptr(DojangStatement) stmt = NULL;

  stmt = _dojang_reminder_store_statement (self, "SELECT 1 FROM certificates WHERE sha256 = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * dojang_reminder_store_import_json:
 * @data: the JSON text
 * @length: its length, or -1 if nul-terminated
 * @n_imported: (out) (optional): how many records the file held
 * @error: return location for an error
 *
 * Validates the whole file, then merges it into the store in one
 * transaction. A file with any bad record changes nothing; the error lists
 * the problems ("reminders[3].due: …").
 */
gboolean
dojang_reminder_store_import_json (DojangReminderStore  *self,
                                   const char           *data,
                                   gssize                length,
                                   guint                *n_imported,
                                   GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(DojangReminderImport) import = NULL;
  gboolean ok;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  locker = g_rec_mutex_locker_new (&self->lock);

  import = dojang_reminder_import_parse (data, length, certificate_in_store, self, error);
  if (import == NULL)
    return FALSE;

  /* A large import changes many more pages than SQLite's default cache
   * (2 MiB) holds, and a page pushed out is written again at its next
   * change: 78,000 extra writes for 50,000 entries. The transaction gets a
   * larger cache, given back when it ends. */
  dojang_reminder_exec_sql (self->db, "PRAGMA cache_size = " G_STRINGIFY (IMPORT_CACHE_KIB), NULL);
  ok = dojang_reminder_store_begin (self, error);
  if (ok && !apply_import (self, import->certificates, import->manual_entries, import->reminders, error))
    {
      dojang_reminder_store_rollback (self);
      ok = FALSE;
    }
  if (ok)
    {
      _dojang_reminder_store_changed (self);
      ok = dojang_reminder_store_commit (self, error);
    }
  dojang_reminder_exec_sql (self->db, "PRAGMA cache_size = " G_STRINGIFY (DEFAULT_CACHE_KIB), NULL);
  if (!ok)
    return FALSE;

  if (n_imported != NULL)
    *n_imported = import->certificates->len + import->manual_entries->len + import->reminders->len;

  return TRUE;
}
