/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Korean public holidays, as listed in data/holidays.json:
 * { "version": 1, "first_year", "last_year", "rules": {ko, en},
 *   "rules_fact": fact, "holidays": [ { "date": "YYYY-MM-DD",
 *   "name": {ko, en}, "kind": holiday|substitute|temporary|election,
 *   "fact": { source, checked, confidence, note } } ] } */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-data-file.h"
#include "dojang-holiday-calendar.h"
#include "dojang-i18n.h"
#include "dojang-json-scope.h"
#include "dojang-seoul.h"

typedef struct
{
  char       *name_ko;
  char       *name_en;
  DojangFact *fact;
} Holiday;

struct _DojangHolidayCalendar
{
  GObject     parent_instance;

  GHashTable *holidays;   /* YYYYMMDD → Holiday */
  char       *rules_ko;
  char       *rules_en;
  DojangFact *rules_fact;
  int         first_year;
  int         last_year;
};

G_DEFINE_FINAL_TYPE (DojangHolidayCalendar, dojang_holiday_calendar, G_TYPE_OBJECT)

static void
holiday_free (Holiday *holiday)
{
  g_free (holiday->name_ko);
  g_free (holiday->name_en);
  g_clear_pointer (&holiday->fact, dojang_fact_unref);
  g_free (holiday);
}

static void
dojang_holiday_calendar_finalize (GObject *object)
{
  DojangHolidayCalendar *self = DOJANG_HOLIDAY_CALENDAR (object);

  g_clear_pointer (&self->holidays, g_hash_table_unref);
  g_free (self->rules_ko);
  g_free (self->rules_en);
  g_clear_pointer (&self->rules_fact, dojang_fact_unref);

  G_OBJECT_CLASS (dojang_holiday_calendar_parent_class)->finalize (object);
}

static void
dojang_holiday_calendar_class_init (DojangHolidayCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dojang_holiday_calendar_finalize;
}

static void
dojang_holiday_calendar_init (DojangHolidayCalendar *self)
{
  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) holiday_free);
}

static gboolean
parse_holiday (DojangHolidayCalendar  *self,
               const DojangJsonScope  *root,
               JsonArray              *array,
               guint                   index,
               GError                **error)
{
  g_auto(DojangJsonScope) entry = { 0 };
  g_autofree char *name_ko = NULL;
  g_autofree char *name_en = NULL;
  const char *kind;
  Holiday *holiday;
  DojangFact *fact;
  GDate date;
  int key;

  if (!dojang_json_scope_element (root, "holidays", array, index, &entry, error) ||
      !dojang_json_scope_date (&entry, "date", &date, error) ||
      !dojang_json_scope_localized (&entry, "name", TRUE, &name_ko, &name_en, error) ||
      !dojang_json_scope_string (&entry, "kind", TRUE, &kind, error))
    return FALSE;

  if (!g_str_equal (kind, "holiday") && !g_str_equal (kind, "substitute") &&
      !g_str_equal (kind, "temporary") && !g_str_equal (kind, "election"))
    {
      g_autofree char *message = g_strdup_printf (_("unknown kind “%s”"), kind);

      dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, entry.file, entry.path, "kind", message);
      return FALSE;
    }

  key = g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 + g_date_get_day (&date);
  if (g_date_get_year (&date) < self->first_year || g_date_get_year (&date) > self->last_year)
    {
      dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, entry.file, entry.path, "date",
                             _("outside first_year…last_year"));
      return FALSE;
    }
  if (g_hash_table_contains (self->holidays, GINT_TO_POINTER (key)))
    {
      dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, entry.file, entry.path, "date",
                             _("listed twice"));
      return FALSE;
    }

  fact = dojang_json_scope_fact (&entry, "fact", error);
  if (fact == NULL)
    return FALSE;

  holiday = g_new0 (Holiday, 1);
  holiday->name_ko = g_steal_pointer (&name_ko);
  holiday->name_en = g_steal_pointer (&name_en);
  holiday->fact = fact;
  g_hash_table_insert (self->holidays, GINT_TO_POINTER (key), holiday);

  return TRUE;
}

/**
 * dojang_holiday_calendar_new_from_bytes:
 * @bytes: the contents of a holidays.json
 * @file_name: how to call the file in error messages
 *
 * Returns: (transfer full) (nullable): the calendar, or %NULL with @error
 * naming the file and the faulty field
 */
DojangHolidayCalendar *
dojang_holiday_calendar_new_from_bytes (GBytes      *bytes,
                                        const char  *file_name,
                                        GError     **error)
{
  g_autoptr(DojangHolidayCalendar) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_auto(DojangJsonScope) root = { 0 };
  JsonArray *holidays;
  gint64 first_year, last_year;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  parser = dojang_json_parse_bytes (bytes, file_name, &root, error);
  if (parser == NULL)
    return NULL;

  self = g_object_new (DOJANG_TYPE_HOLIDAY_CALENDAR, NULL);

  if (!dojang_json_check_version (&root, 1, error) ||
      !dojang_json_scope_localized (&root, "rules", TRUE, &self->rules_ko, &self->rules_en, error) ||
      !dojang_json_scope_int (&root, "first_year", TRUE, 0, &first_year, error) ||
      !dojang_json_scope_int (&root, "last_year", TRUE, 0, &last_year, error) ||
      !dojang_json_scope_array (&root, "holidays", TRUE, &holidays, error))
    return NULL;

  if (first_year < 1988 || last_year < first_year || last_year > 9999)
    {
      dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, file_name, root.path, "last_year",
                             _("first_year and last_year do not make a range of years"));
      return NULL;
    }

  self->rules_fact = dojang_json_scope_fact (&root, "rules_fact", error);
  if (self->rules_fact == NULL)
    return NULL;

  self->first_year = (int) first_year;
  self->last_year = (int) last_year;

  for (guint i = 0; i < json_array_get_length (holidays); i++)
    {
      if (!parse_holiday (self, &root, holidays, i, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * dojang_holiday_calendar_new_from_file:
 *
 * Returns: (transfer full) (nullable): the calendar in @path
 */
DojangHolidayCalendar *
dojang_holiday_calendar_new_from_file (const char  *path,
                                       GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return dojang_data_file_load (path, (DojangDataLoader) dojang_holiday_calendar_new_from_bytes, error);
}

/**
 * dojang_holiday_calendar_new_default:
 *
 * Loads a fresh copy of the default calendar (the user's valid
 * holidays.json, else the built-in one); most callers want get_default.
 *
 * Returns: (transfer full): the calendar
 */
DojangHolidayCalendar *
dojang_holiday_calendar_new_default (void)
{
  return dojang_data_file_load_default ("holidays.json",
                                        (DojangDataLoader) dojang_holiday_calendar_new_from_bytes);
}

/**
 * dojang_holiday_calendar_get_default:
 *
 * Returns: (transfer none): the calendar, loaded once per process
 */
DojangHolidayCalendar *
dojang_holiday_calendar_get_default (void)
{
  static DojangHolidayCalendar *calendar;

  if (g_once_init_enter (&calendar))
    g_once_init_leave (&calendar, dojang_holiday_calendar_new_default ());

  return calendar;
}

static Holiday *
find (DojangHolidayCalendar *self,
      GDateTime             *day)
{
  return g_hash_table_lookup (self->holidays, GINT_TO_POINTER (dojang_seoul_date_key (day)));
}

/**
 * dojang_holiday_calendar_lookup:
 * @day: any instant of the day; the day is taken in Asia/Seoul
 *
 * Returns: (nullable): the holiday's name in the active language, or %NULL
 * on a working day
 */
const char *
dojang_holiday_calendar_lookup (DojangHolidayCalendar *self,
                                GDateTime             *day)
{
  Holiday *holiday;

  g_return_val_if_fail (DOJANG_IS_HOLIDAY_CALENDAR (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  holiday = find (self, day);
  return holiday != NULL ? dojang_i18n_pick (holiday->name_ko, holiday->name_en) : NULL;
}

const char *
dojang_holiday_calendar_lookup_ko (DojangHolidayCalendar *self,
                                   GDateTime             *day)
{
  Holiday *holiday;

  g_return_val_if_fail (DOJANG_IS_HOLIDAY_CALENDAR (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  holiday = find (self, day);
  return holiday != NULL ? holiday->name_ko : NULL;
}

const char *
dojang_holiday_calendar_lookup_en (DojangHolidayCalendar *self,
                                   GDateTime             *day)
{
  Holiday *holiday;

  g_return_val_if_fail (DOJANG_IS_HOLIDAY_CALENDAR (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  holiday = find (self, day);
  return holiday != NULL ? holiday->name_en : NULL;
}

/**
 * dojang_holiday_calendar_get_fact:
 *
 * Returns: (transfer none) (nullable): source and confidence of the
 * holiday on @day, or %NULL on a working day
 */
DojangFact *
dojang_holiday_calendar_get_fact (DojangHolidayCalendar *self,
                                  GDateTime             *day)
{
  Holiday *holiday;

  g_return_val_if_fail (DOJANG_IS_HOLIDAY_CALENDAR (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  holiday = find (self, day);
  return holiday != NULL ? holiday->fact : NULL;
}

/**
 * dojang_holiday_calendar_covers:
 *
 * Returns: %TRUE if the data lists the holidays of @day's year; outside
 * it, a day without an entry may still be a holiday.
 */
gboolean
dojang_holiday_calendar_covers (DojangHolidayCalendar *self,
                                GDateTime             *day)
{
  int year;

  g_return_val_if_fail (DOJANG_IS_HOLIDAY_CALENDAR (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  year = dojang_seoul_date_key (day) / 10000;
  return year >= self->first_year && year <= self->last_year;
}

int
dojang_holiday_calendar_get_first_year (DojangHolidayCalendar *self)
{
  g_return_val_if_fail (DOJANG_IS_HOLIDAY_CALENDAR (self), 0);

  return self->first_year;
}

int
dojang_holiday_calendar_get_last_year (DojangHolidayCalendar *self)
{
  g_return_val_if_fail (DOJANG_IS_HOLIDAY_CALENDAR (self), 0);

  return self->last_year;
}

/**
 * dojang_holiday_calendar_get_rules:
 *
 * Returns: when substitute holidays are given, in the active language
 */
const char *
dojang_holiday_calendar_get_rules (DojangHolidayCalendar *self)
{
  g_return_val_if_fail (DOJANG_IS_HOLIDAY_CALENDAR (self), NULL);

  return dojang_i18n_pick (self->rules_ko, self->rules_en);
}

/* Returns: (transfer none): the source of the rules */
DojangFact *
dojang_holiday_calendar_get_rules_fact (DojangHolidayCalendar *self)
{
  g_return_val_if_fail (DOJANG_IS_HOLIDAY_CALENDAR (self), NULL);

  return self->rules_fact;
}
