/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reads a reminder export (the format is described in
 * dojang-reminder-store-json.c) and checks every record before anything is
 * imported: each problem is reported with its array, index and field, e.g.
 * "reminders[3].due: not a date and time (ISO 8601)". */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

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

static void
add_problem (Problems   *problems,
             const char *array,
             guint       index,
             const char *field,
             const char *reason)
{
  problems->count++;
  if (problems->count > MAX_REPORTED_PROBLEMS)
    return;

  if (problems->report->len > 0)
    g_string_append_c (problems->report, '\n');

  /* Translators: a problem in an imported file, e.g.
   * "reminders[3].due: not a date and time". */
  g_string_append_printf (problems->report, _("%s[%u].%s: %s"), array, index, field, reason);
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

typedef struct
{
  Problems                     problems;
  const char                  *array;
  guint                        index;
  JsonObject                  *object;
  DojangCertificateExistsFunc  certificate_exists;
  gpointer                     user_data;
} Reader;

static JsonNode *
member (Reader     *reader,
        const char *field,
        gboolean    required)
{
  JsonNode *node = json_object_get_member (reader->object, field);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    node = NULL;
  if (node == NULL && required)
    add_problem (&reader->problems, reader->array, reader->index, field, _("missing"));

  return node;
}

static char *
read_string (Reader     *reader,
             const char *field,
             gboolean    required)
{
  JsonNode *node = member (reader, field, required);

  if (node == NULL)
    return NULL;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      add_problem (&reader->problems, reader->array, reader->index, field, _("not a text"));
      return NULL;
    }

  return json_node_dup_string (node);
}

static gboolean
read_integer (Reader     *reader,
              const char *field,
              gint64      min,
              gint64      max,
              gint64     *value)
{
  JsonNode *node = member (reader, field, TRUE);

  if (node == NULL)
    return FALSE;

  if (json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      g_autofree char *reason = g_strdup_printf (_("not a whole number from %lld to %lld"),
                                                 (long long) min, (long long) max);
      add_problem (&reader->problems, reader->array, reader->index, field, reason);
      return FALSE;
    }

  *value = json_node_get_int (node);

  return TRUE;
}

/* Returns 0 for a missing optional instant (and for a bad one, reported). */
static gint64
read_instant (Reader     *reader,
              const char *field,
              gboolean    required)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) instant = NULL;
  JsonNode *node = member (reader, field, required);

  if (node == NULL)
    return 0;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      text = json_node_dup_string (node);
      instant = g_date_time_new_from_iso8601 (text, dojang_seoul_get_time_zone ());
    }

  if (instant == NULL || g_date_time_to_unix (instant) <= 0)
    {
      add_problem (&reader->problems, reader->array, reader->index, field,
                   _("not a date and time (ISO 8601)"));
      return 0;
    }

  return g_date_time_to_unix (instant);
}

static JsonArray *
get_array (JsonObject *root,
           const char *name,
           Problems   *problems)
{
  JsonNode *node = json_object_get_member (root, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problems->count++;
      if (problems->report->len > 0)
        g_string_append_c (problems->report, '\n');
      g_string_append_printf (problems->report, _("%s: not a list"), name);
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
start_record (Reader    *reader,
              JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  reader->index = index;
  reader->object = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader->problems.count++;
      if (reader->problems.report->len > 0)
        g_string_append_c (reader->problems.report, '\n');
      g_string_append_printf (reader->problems.report, _("%s[%u]: not an object"), reader->array, index);
      return FALSE;
    }

  reader->object = json_node_get_object (node);

  return TRUE;
}

static void
read_certificates (Reader     *reader,
                   JsonObject *root,
                   GArray     *certificates)
{
  JsonArray *array = get_array (root, "certificates", &reader->problems);

  reader->array = "certificates";
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      DojangImportedCertificate c = { 0 };

      if (!start_record (reader, array, i))
        continue;

      c.sha256 = read_string (reader, "sha256", TRUE);
      if (c.sha256 != NULL && !_dojang_reminder_store_valid_sha256 (c.sha256))
        add_problem (&reader->problems, reader->array, i, "sha256",
                     _("not a SHA-256 fingerprint (64 lowercase hexadecimal digits)"));
      c.subject = read_string (reader, "subject", TRUE);
      if (c.subject != NULL && *c.subject == '\0')
        add_problem (&reader->problems, reader->array, i, "subject", _("empty"));
      c.name = read_string (reader, "name", FALSE);
      c.provider_id = read_string (reader, "provider_id", TRUE);
      if (c.provider_id != NULL && !_dojang_reminder_store_valid_provider_id (c.provider_id))
        add_problem (&reader->problems, reader->array, i, "provider_id", _("not a CA id"));
      c.type_name = read_string (reader, "type_name", FALSE);
      c.not_after = read_instant (reader, "not_after", TRUE);
      c.path = read_string (reader, "path", FALSE);

      g_array_append_val (certificates, c);
    }
}

static void
read_manual_entries (Reader     *reader,
                     JsonObject *root,
                     GArray     *entries)
{
  JsonArray *array = get_array (root, "manual_entries", &reader->problems);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  reader->array = "manual_entries";
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      DojangImportedManualEntry m = { 0 };
      g_autoptr(GDateTime) not_after = NULL;

      if (!start_record (reader, array, i))
        continue;

      if (read_integer (reader, "id", 1, G_MAXINT64, &m.file_id))
        {
          if (g_hash_table_contains (ids, &m.file_id))
            add_problem (&reader->problems, reader->array, i, "id", _("used twice"));
          g_hash_table_add (ids, g_memdup2 (&m.file_id, sizeof m.file_id));
        }
      m.name = read_string (reader, "name", TRUE);
      if (m.name != NULL && *g_strstrip (m.name) == '\0')
        add_problem (&reader->problems, reader->array, i, "name", _("empty"));
      m.provider_id = read_string (reader, "provider_id", TRUE);
      if (m.provider_id != NULL && !_dojang_reminder_store_valid_provider_id (m.provider_id))
        add_problem (&reader->problems, reader->array, i, "provider_id", _("not a CA id"));
      m.type_name = read_string (reader, "type_name", FALSE);
      m.expiry_date = read_string (reader, "expiry_date", TRUE);
      not_after = dojang_reminder_expiry_date_to_instant (m.expiry_date);
      if (m.expiry_date != NULL && not_after == NULL)
        add_problem (&reader->problems, reader->array, i, "expiry_date", _("not a date (YYYY-MM-DD)"));
      m.not_after = not_after != NULL ? g_date_time_to_unix (not_after) : 0;

      g_array_append_val (entries, m);
    }
}

static gboolean
certificate_known (Reader     *reader,
                   GArray     *certificates,
                   const char *sha256)
{
  for (guint i = 0; i < certificates->len; i++)
    {
      if (g_strcmp0 (g_array_index (certificates, DojangImportedCertificate, i).sha256, sha256) == 0)
        return TRUE;
    }

  return reader->certificate_exists != NULL &&
         reader->certificate_exists (sha256, reader->user_data);
}

static gboolean
manual_entry_known (GArray *entries,
                    gint64  file_id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      if (g_array_index (entries, DojangImportedManualEntry, i).file_id == file_id)
        return TRUE;
    }

  return FALSE;
}

static void
read_reminders (Reader     *reader,
                JsonObject *root,
                GArray     *certificates,
                GArray     *entries,
                GArray     *reminders)
{
  JsonArray *array = get_array (root, "reminders", &reader->problems);

  reader->array = "reminders";
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      DojangImportedReminder r = { 0 };
      DojangReminderState state;
      gint64 lead = 0;

      if (!start_record (reader, array, i))
        continue;

      r.certificate_sha256 = read_string (reader, "certificate_sha256", FALSE);
      if (r.certificate_sha256 != NULL && !certificate_known (reader, certificates, r.certificate_sha256))
        add_problem (&reader->problems, reader->array, i, "certificate_sha256",
                     _("no such certificate in the file or in Dojang"));
      if (member (reader, "manual_entry", FALSE) != NULL &&
          read_integer (reader, "manual_entry", 1, G_MAXINT64, &r.manual_file_id) &&
          !manual_entry_known (entries, r.manual_file_id))
        add_problem (&reader->problems, reader->array, i, "manual_entry", _("no such manual entry in the file"));
      if ((r.certificate_sha256 != NULL) == (r.manual_file_id != 0) &&
          (r.certificate_sha256 != NULL || member (reader, "manual_entry", FALSE) == NULL))
        add_problem (&reader->problems, reader->array, i, "certificate_sha256",
                     _("give either a certificate or a manual entry"));

      if (read_integer (reader, "lead_days", 0, DOJANG_REMINDER_MAX_LEAD_DAYS, &lead))
        r.lead_days = (int) lead;
      r.due = read_instant (reader, "due", TRUE);
      r.state = read_string (reader, "state", TRUE);
      if (r.state != NULL && !dojang_reminder_state_from_string (r.state, &state))
        add_problem (&reader->problems, reader->array, i, "state",
                     _("not one of pending, sent, snoozed, dismissed, done, skipped"));
      r.snoozed_until = read_instant (reader, "snoozed_until", g_strcmp0 (r.state, "snoozed") == 0);
      r.sent_at = read_instant (reader, "sent_at", FALSE);

      g_array_append_val (reminders, r);
    }
}

static JsonObject *
parse_root (const char  *data,
            gssize       length,
            JsonParser  *parser,
            GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *version;

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT,
                   _("The file is not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL || g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""),
                                   DOJANG_REMINDER_EXPORT_FORMAT) != 0)
    {
      g_set_error_literal (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT,
                           _("The file is not a Dojang reminder export"));
      return NULL;
    }

  version = json_object_get_member (object, "version");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != DOJANG_REMINDER_EXPORT_VERSION)
    {
      g_set_error_literal (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT,
                           _("The file comes from an unknown version of Dojang"));
      return NULL;
    }

  return object;
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
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) report = g_string_new (NULL);
  Reader reader = {
    .problems = { .report = report },
    .certificate_exists = certificate_exists,
    .user_data = user_data,
  };
  JsonObject *root;

  g_return_val_if_fail (data != NULL, NULL);

  import->certificates = g_array_new (FALSE, TRUE, sizeof (DojangImportedCertificate));
  import->manual_entries = g_array_new (FALSE, TRUE, sizeof (DojangImportedManualEntry));
  import->reminders = g_array_new (FALSE, TRUE, sizeof (DojangImportedReminder));
  g_array_set_clear_func (import->certificates, imported_certificate_clear);
  g_array_set_clear_func (import->manual_entries, imported_manual_entry_clear);
  g_array_set_clear_func (import->reminders, imported_reminder_clear);

  root = parse_root (data, length, parser, error);
  if (root == NULL)
    return NULL;

  read_certificates (&reader, root, import->certificates);
  read_manual_entries (&reader, root, import->manual_entries);
  read_reminders (&reader, root, import->certificates, import->manual_entries, import->reminders);

  if (reader.problems.count > 0)
    {
      if (reader.problems.count > MAX_REPORTED_PROBLEMS)
        g_string_append_printf (report, "\n%s", _("… and more problems"));
      g_set_error (error, DOJANG_REMINDER_ERROR, DOJANG_REMINDER_ERROR_INVALID_IMPORT,
                   _("Nothing was imported: the file has problems.\n%s"), report->str);
      return NULL;
    }

  return g_steal_pointer (&import);
}
