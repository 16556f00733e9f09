/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reads a reminder export (the format is described in
 * dojang-reminder-store-json.c) and checks every record before anything is
 * imported: each problem is reported with its array, index and field, e.g.
 * "reminders[3].due: not a date and time (ISO 8601)". */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dojang-json-scope.h"
#include "dojang-reminder-error.h"
#include "dojang-reminder-import.h"
#include "dojang-reminder-schedule.h"
#include "dojang-reminder-store-private.h"
#include "dojang-seoul.h"

#define MAX_REPORTED_PROBLEMS 20

typedef struct
{
  GString *report;
  guint    count;
} Problems;

/* Takes @error, whose message names the record and the field. */
static void
add_problem (Problems *problems,
             GError   *error)
{
  problems->count++;
  if (problems->count <= MAX_REPORTED_PROBLEMS)
    {
      if (problems->report->len > 0)
        g_string_append_c (problems->report, '\n');
      g_string_append (problems->report, error->message);
    }
  g_error_free (error);
}

static void
imported_certificate_clear (gpointer data)
{
  DojangImportedCertificate *c = data;

  g_free (c->sha256);
  g_free (c->subject);
  g_free (c->name);
  g_free (c->provider_id);
  g_free (c->type_name);
  g_free (c->path);
}

static void
imported_manual_entry_clear (gpointer data)
{
  DojangImportedManualEntry *m = data;

  g_free (m->name);
  g_free (m->provider_id);
  g_free (m->type_name);
  g_free (m->expiry_date);
}

static void
imported_reminder_clear (gpointer data)
{
  DojangImportedReminder *r = data;

  g_free (r->certificate_sha256);
  g_free (r->state);
}

/* Reads one record through the JSON layer, collecting every problem
 * instead of stopping at the first. */
typedef struct
{
  Problems                     problems;
  DojangJsonScope              record;
  DojangCertificateExistsFunc  certificate_exists;
  gpointer                     user_data;
} Reader;

static void
report (Reader     *reader,
        const char *field,
        const char *reason)
{
  GError *error = NULL;

  dojang_json_scope_set_bad_value (&reader->record, field, reason, &error);
  add_problem (&reader->problems, error);
}

static char *
read_string (Reader     *reader,
             const char *field,
             gboolean    required)
{
  const char *value = NULL;
  GError *error = NULL;

  if (!dojang_json_scope_string (&reader->record, field, required, &value, &error))
    add_problem (&reader->problems, error);

  return g_strdup (value);
}

static gboolean
read_integer (Reader     *reader,
              const char *field,
              gint64      min,
              gint64      max,
              gint64     *value)
{
  GError *error = NULL;

  if (dojang_json_scope_int_range (&reader->record, field, TRUE, min, max, value, &error))
    return TRUE;

  add_problem (&reader->problems, error);
  return FALSE;
}

/* Returns 0 for a missing optional instant (and for a bad one, reported). */
static gint64
read_instant (Reader     *reader,
              const char *field,
              gboolean    required)
{
  g_autofree char *text = read_string (reader, field, required);
  g_autoptr(GDateTime) instant = NULL;

  if (text == NULL)
    return 0;

  instant = g_date_time_new_from_iso8601 (text, dojang_seoul_get_time_zone ());
  if (instant == NULL || g_date_time_to_unix (instant) <= 0)
    {
      report (reader, field, _("not a date and time (ISO 8601)"));
      return 0;
    }

  return g_date_time_to_unix (instant);
}

static JsonArray *
get_array (Reader                *reader,
           const DojangJsonScope *root,
           const char            *name)
{
  JsonArray *array = NULL;
  GError *error = NULL;

  if (!dojang_json_scope_array (root, name, FALSE, &array, &error))
    add_problem (&reader->problems, error);

  return array;
}

static gboolean
start_record (Reader                *reader,
              const DojangJsonScope *root,
              const char            *name,
              JsonArray             *array,
              guint                  index)
{
  GError *error = NULL;

  dojang_json_scope_clear (&reader->record);
  if (dojang_json_scope_element (root, name, array, index, &reader->record, &error))
    return TRUE;

  add_problem (&reader->problems, error);
  return FALSE;
}

static void
read_certificates (Reader                *reader,
                   const DojangJsonScope *root,
                   GArray                *certificates)
{
  JsonArray *array = get_array (reader, root, "certificates");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      DojangImportedCertificate c = { 0 };

      if (!start_record (reader, root, "certificates", array, i))
        continue;

      c.sha256 = read_string (reader, "sha256", TRUE);
      if (c.sha256 != NULL && !_dojang_reminder_store_valid_sha256 (c.sha256))
        report (reader, "sha256", _("not a SHA-256 fingerprint (64 lowercase hexadecimal digits)"));
      c.subject = read_string (reader, "subject", TRUE);
      if (c.subject != NULL && *c.subject == '\0')
        report (reader, "subject", _("empty"));
      c.name = read_string (reader, "name", FALSE);
      c.provider_id = read_string (reader, "provider_id", TRUE);
      if (c.provider_id != NULL && !_dojang_reminder_store_valid_provider_id (c.provider_id))
        report (reader, "provider_id", _("not a CA id"));
      c.type_name = read_string (reader, "type_name", FALSE);
      c.not_after = read_instant (reader, "not_after", TRUE);
      c.path = read_string (reader, "path", FALSE);

      g_array_append_val (certificates, c);
    }
}

static void
read_manual_entries (Reader                *reader,
                     const DojangJsonScope *root,
                     GArray                *entries)
{
  JsonArray *array = get_array (reader, root, "manual_entries");
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      DojangImportedManualEntry m = { 0 };
      g_autoptr(GDateTime) not_after = NULL;

      if (!start_record (reader, root, "manual_entries", array, i))
        continue;

      if (read_integer (reader, "id", 1, G_MAXINT64, &m.file_id))
        {
          if (g_hash_table_contains (ids, &m.file_id))
            report (reader, "id", _("used twice"));
          g_hash_table_add (ids, g_memdup2 (&m.file_id, sizeof m.file_id));
        }
      m.name = read_string (reader, "name", TRUE);
      if (m.name != NULL && *g_strstrip (m.name) == '\0')
        report (reader, "name", _("empty"));
      m.provider_id = read_string (reader, "provider_id", TRUE);
      if (m.provider_id != NULL && !_dojang_reminder_store_valid_provider_id (m.provider_id))
        report (reader, "provider_id", _("not a CA id"));
      m.type_name = read_string (reader, "type_name", FALSE);
      m.expiry_date = read_string (reader, "expiry_date", TRUE);
      not_after = dojang_reminder_expiry_date_to_instant (m.expiry_date);
      if (m.expiry_date != NULL && not_after == NULL)
        report (reader, "expiry_date", _("not a date (YYYY-MM-DD)"));
      m.not_after = not_after != NULL ? g_date_time_to_unix (not_after) : 0;

      g_array_append_val (entries, m);
    }
}

static gboolean
certificate_known (Reader     *reader,
                   GHashTable *in_file,
                   const char *sha256)
{
  return g_hash_table_contains (in_file, sha256) ||
         (reader->certificate_exists != NULL && reader->certificate_exists (sha256, reader->user_data));
}

static void
read_reminders (Reader                *reader,
                const DojangJsonScope *root,
                GArray                *certificates,
                GArray                *entries,
                GArray                *reminders)
{
  JsonArray *array = get_array (reader, root, "reminders");
  g_autoptr(GHashTable) certificates_in_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) entries_in_file = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* Looked up once per reminder: sets, not searches through the arrays. */
  for (guint i = 0; i < certificates->len; i++)
    {
      const char *sha256 = g_array_index (certificates, DojangImportedCertificate, i).sha256;

      if (sha256 != NULL)
        g_hash_table_add (certificates_in_file, (gpointer) sha256);
    }
  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (entries_in_file, &g_array_index (entries, DojangImportedManualEntry, i).file_id);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      DojangImportedReminder r = { 0 };
      DojangReminderState state;
      gboolean has_manual_entry;
      gint64 lead = 0;

      if (!start_record (reader, root, "reminders", array, i))
        continue;

      r.certificate_sha256 = read_string (reader, "certificate_sha256", FALSE);
      if (r.certificate_sha256 != NULL && !certificate_known (reader, certificates_in_file, r.certificate_sha256))
        report (reader, "certificate_sha256", _("no such certificate in the file or in Dojang"));
      has_manual_entry = dojang_json_scope_has (&reader->record, "manual_entry");
      if (has_manual_entry &&
          read_integer (reader, "manual_entry", 1, G_MAXINT64, &r.manual_file_id) &&
          !g_hash_table_contains (entries_in_file, &r.manual_file_id))
        report (reader, "manual_entry", _("no such manual entry in the file"));
      if ((r.certificate_sha256 != NULL) == (r.manual_file_id != 0) &&
          (r.certificate_sha256 != NULL || !has_manual_entry))
        report (reader, "certificate_sha256", _("give either a certificate or a manual entry"));

      if (read_integer (reader, "lead_days", 0, DOJANG_REMINDER_MAX_LEAD_DAYS, &lead))
        r.lead_days = (int) lead;
      r.due = read_instant (reader, "due", TRUE);
      r.state = read_string (reader, "state", TRUE);
      if (r.state != NULL && !dojang_reminder_state_from_string (r.state, &state))
        report (reader, "state", _("not one of pending, sent, snoozed, dismissed, done, skipped"));
      r.snoozed_until = read_instant (reader, "snoozed_until", g_strcmp0 (r.state, "snoozed") == 0);
      r.sent_at = read_instant (reader, "sent_at", FALSE);

      g_array_append_val (reminders, r);
    }
}

/* The top level: JSON, an object, our format and version; anything else
 * is refused as a whole before any record is looked at. */
static JsonParser *
parse_root (const char       *data,
            gssize            length,
            DojangJsonScope  *root,
            GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object = NULL;
  const char *format = NULL;
  gint64 version = 0;

  parser = dojang_json_parse_object (data, length, &object, &parse_error);
  if (parser == NULL && g_error_matches (parse_error, DOJANG_DATA_ERROR, DOJANG_DATA_ERROR_PARSE))
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT,
                   _("The file is not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  root->file = NULL;
  root->path = g_strdup ("");
  root->object = object;
  if (parser == NULL
      || !dojang_json_scope_string (root, "format", FALSE, &format, NULL)
      || g_strcmp0 (format, DOJANG_REMINDER_EXPORT_FORMAT) != 0)
    {
      g_set_error_literal (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT,
                           _("The file is not a Dojang reminder export"));
      return NULL;
    }

  if (!dojang_json_scope_int (root, "version", TRUE, 0, &version, NULL)
      || version != DOJANG_REMINDER_EXPORT_VERSION)
    {
      g_set_error_literal (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT,
                           _("The file comes from an unknown version of Dojang"));
      return NULL;
    }

  return g_steal_pointer (&parser);
}

void
dojang_reminder_import_free (DojangReminderImport *import)
{
  if (import == NULL)
    return;

  g_array_unref (import->certificates);
  g_array_unref (import->manual_entries);
  g_array_unref (import->reminders);
  g_free (import);
}

/**
 * dojang_reminder_import_parse:
 * @data: the JSON text
 * @length: its length, or -1 if nul-terminated
 * @certificate_exists: (nullable): tells whether a certificate the file does
 *   not hold is known already
 * @user_data: for @certificate_exists
 * @error: return location for an error
 *
 * Returns: (transfer full): the file's records, or %NULL with @error set
 *   (DOJANG_REMINDER_ERROR_INVALID_IMPORT, listing the problems).
 */
DojangReminderImport *
dojang_reminder_import_parse (const char                   *data,
                              gssize                        length,
                              DojangCertificateExistsFunc   certificate_exists,
                              gpointer                      user_data,
                              GError                      **error)
{
  g_autoptr(DojangReminderImport) import = g_new0 (DojangReminderImport, 1);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_auto(DojangJsonScope) root = { 0 };
  Reader reader = {
    .problems = { .report = problems },
    .certificate_exists = certificate_exists,
    .user_data = user_data,
  };

  g_return_val_if_fail (data != NULL, NULL);

  import->certificates = g_array_new (FALSE, TRUE, sizeof (DojangImportedCertificate));
  import->manual_entries = g_array_new (FALSE, TRUE, sizeof (DojangImportedManualEntry));
  import->reminders = g_array_new (FALSE, TRUE, sizeof (DojangImportedReminder));
  g_array_set_clear_func (import->certificates, imported_certificate_clear);
  g_array_set_clear_func (import->manual_entries, imported_manual_entry_clear);
  g_array_set_clear_func (import->reminders, imported_reminder_clear);

  parser = parse_root (data, length, &root, error);
  if (parser == NULL)
    return NULL;

  read_certificates (&reader, &root, import->certificates);
  read_manual_entries (&reader, &root, import->manual_entries);
  read_reminders (&reader, &root, import->certificates, import->manual_entries, import->reminders);
  dojang_json_scope_clear (&reader.record);

  if (reader.problems.count > 0)
    {
      if (reader.problems.count > MAX_REPORTED_PROBLEMS)
        g_string_append_printf (problems, "\n%s", _("… and more problems"));
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT,
                   _("Nothing was imported: the file has problems.\n%s"), problems->str);
      return NULL;
    }

  return g_steal_pointer (&import);
}
