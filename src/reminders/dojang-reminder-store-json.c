/* SPDX-License-Identifier: GPL-3.0-or-later */

/* DojangReminderStore: export and import as JSON (see
 * dojang-reminder-store.c). The file holds the certificates the reminders
 * refer to, the manual entries and all reminders with their history:
 *
 *   { "format": "dojang-reminders", "version": 1, "exported_at": "…",
 *     "certificates": [ { "sha256", "subject", "name", "provider_id",
 *                         "type_name", "not_after", "path" } ],
 *     "manual_entries": [ { "id", "name", "provider_id", "type_name",
 *                           "expiry_date": "YYYY-MM-DD" } ],
 *     "reminders": [ { "certificate_sha256" | "manual_entry" (an id above),
 *                      "lead_days", "due", "state", "snoozed_until",
 *                      "sent_at" } ] }
 *
 * Instants are ISO 8601. An import validates every record first and reports
 * each bad one by array, index and field; only a file without a single
 * problem is applied, in one transaction. Importing merges: known
 * certificates and identical manual entries are kept, and a reminder's
 * imported state replaces the local one only where nothing happened locally. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dojang-clock.h"
#include "dojang-input-file.h"
#include "dojang-reminder-import.h"
#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store-private.h"
#include "dojang-task.h"

static char *
format_instant (gint64 unix_seconds)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format_iso8601 (instant);
}

static void
add_instant_member (JsonBuilder *builder,
                    const char  *name,
                    gint64       unix_seconds)
{
  g_autofree char *text = format_instant (unix_seconds);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  g_autofree char *valid = NULL;

  /* A file that cannot be read back is no export: text is always UTF-8. */
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

typedef void (*RowWriter) (JsonBuilder   *builder,
                           sqlite3_stmt  *stmt);

/* Writes one JSON array member, an object per row of @sql. */
static gboolean
export_rows (DojangReminderStore  *self,
             JsonBuilder          *builder,
             const char           *member,
             const char           *sql,
             RowWriter             write_row,
             GError              **error)
{
  g_autoptr(DojangStatement) stmt = NULL;
  int rc;

  stmt = _dojang_reminder_store_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      write_row (builder, stmt);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      _dojang_reminder_store_sqlite_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

static void
write_certificate (JsonBuilder  *builder,
                   sqlite3_stmt *stmt)
{
  add_string_member (builder, "sha256", (const char *) sqlite3_column_text (stmt, 0));
  add_string_member (builder, "subject", (const char *) sqlite3_column_text (stmt, 1));
  add_string_member (builder, "name", (const char *) sqlite3_column_text (stmt, 2));
  add_string_member (builder, "provider_id", (const char *) sqlite3_column_text (stmt, 3));
  add_string_member (builder, "type_name", (const char *) sqlite3_column_text (stmt, 4));
  add_instant_member (builder, "not_after", sqlite3_column_int64 (stmt, 5));
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    {
      /* A folder name need not be UTF-8: exported as it is shown. */
      g_autofree char *shown = g_filename_display_name ((const char *) sqlite3_column_text (stmt, 6));

      add_string_member (builder, "path", shown);
    }
}

static void
write_manual_entry (JsonBuilder  *builder,
                    sqlite3_stmt *stmt)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  add_string_member (builder, "name", (const char *) sqlite3_column_text (stmt, 1));
  add_string_member (builder, "provider_id", (const char *) sqlite3_column_text (stmt, 2));
  add_string_member (builder, "type_name", (const char *) sqlite3_column_text (stmt, 3));
  add_string_member (builder, "expiry_date", (const char *) sqlite3_column_text (stmt, 4));
}

static void
write_reminder (JsonBuilder  *builder,
                sqlite3_stmt *stmt)
{
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      add_string_member (builder, "certificate_sha256", (const char *) sqlite3_column_text (stmt, 0));
    }
  else
    {
      json_builder_set_member_name (builder, "manual_entry");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
    }
  json_builder_set_member_name (builder, "lead_days");
  json_builder_add_int_value (builder, sqlite3_column_int (stmt, 2));
  add_instant_member (builder, "due", sqlite3_column_int64 (stmt, 3));
  add_string_member (builder, "state", (const char *) sqlite3_column_text (stmt, 4));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    add_instant_member (builder, "snoozed_until", sqlite3_column_int64 (stmt, 5));
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    add_instant_member (builder, "sent_at", sqlite3_column_int64 (stmt, 6));
}

/**
 * dojang_reminder_store_export_json:
 * @now: the export's timestamp
 * @error: return location for an error
 *
 * Returns: (transfer full): all certificates, manual entries and reminders
 *   as JSON, or %NULL with @error set.
 */
char *
dojang_reminder_store_export_json (DojangReminderStore  *self,
                                   GDateTime            *now,
                                   GError              **error)
{
  g_autoptr(GRecMutexLocker) locker = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  gboolean ok;

  g_return_val_if_fail (DOJANG_IS_REMINDER_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "format", DOJANG_REMINDER_EXPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DOJANG_REMINDER_EXPORT_VERSION);
  add_instant_member (builder, "exported_at", g_date_time_to_unix (now));

  /* One read transaction, so the three arrays agree with each other. */
  locker = g_rec_mutex_locker_new (&self->lock);
  if (!dojang_reminder_store_begin (self, error))
    return NULL;
  ok = export_rows (self, builder, "certificates",
                    "SELECT sha256, subject, name, provider_id, type_name, not_after, path"
                    " FROM certificates ORDER BY not_after, sha256",
                    write_certificate, error) &&
       export_rows (self, builder, "manual_entries",
                    "SELECT id, name, provider_id, type_name, expiry_date FROM manual_entries ORDER BY id",
                    write_manual_entry, error) &&
       export_rows (self, builder, "reminders",
                    "SELECT c.sha256, r.manual_entry_id, r.lead_days, r.due, " DOJANG_REMINDER_STATE ("r") ","
                    " r.snoozed_until, r.sent_at"
                    " FROM reminders r LEFT JOIN certificates c ON c.id = r.certificate_id ORDER BY r.id",
                    write_reminder, error);
  dojang_reminder_store_rollback (self);
  if (!ok)
    return NULL;

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static gboolean
export_in_thread (gpointer       store,
                  gpointer       file,
                  GCancellable  *cancellable,
                  gpointer      *result,
                  GError       **error)
{
  g_autoptr(GDateTime) now = dojang_clock_get_now ();
  g_autofree char *json = NULL;

  json = dojang_reminder_store_export_json (store, now, error);

  return json != NULL
         && g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                     G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

void
dojang_reminder_store_export_async (DojangReminderStore *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  dojang_task_run_in_thread (self, dojang_reminder_store_export_async, export_in_thread,
                             g_object_ref (file), g_object_unref, NULL,
                             cancellable, callback, user_data);
}

gboolean
dojang_reminder_store_export_finish (DojangReminderStore  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  return dojang_task_finish (result, self, dojang_reminder_store_export_async, NULL, error);
}

static gboolean
import_in_thread (gpointer       store,
                  gpointer       file,
                  GCancellable  *cancellable,
                  gpointer      *result,
                  GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GBytes) contents = NULL;
  const char *data;
  gsize length = 0;
  guint n_imported = 0;

  /* Only files with a local path: the file chooser gives those (through
   * the document portal in the Flatpak). */
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only local files can be imported"));
      return FALSE;
    }
  contents = dojang_input_file_read (path, DOJANG_INPUT_MAX_IMPORT_FILE, error);
  if (contents == NULL)
    return FALSE;
  data = g_bytes_get_data (contents, &length);
  if (!dojang_reminder_store_import_json (store, data, (gssize) length, &n_imported, error))
    return FALSE;

  *result = GUINT_TO_POINTER (n_imported);
  return TRUE;
}

void
dojang_reminder_store_import_async (DojangReminderStore *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (DOJANG_IS_REMINDER_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  dojang_task_run_in_thread (self, dojang_reminder_store_import_async, import_in_thread,
                             g_object_ref (file), g_object_unref, NULL,
                             cancellable, callback, user_data);
}

gboolean
dojang_reminder_store_import_finish (DojangReminderStore  *self,
                                     GAsyncResult         *result,
                                     guint                *n_imported,
                                     GError              **error)
{
  gpointer count = NULL;

  if (!dojang_task_finish (result, self, dojang_reminder_store_import_async, &count, error))
    return FALSE;

  if (n_imported != NULL)
    *n_imported = GPOINTER_TO_UINT (count);

  return TRUE;
}
