/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-fact.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_HOLIDAY_CALENDAR (dojang_holiday_calendar_get_type ())

G_DECLARE_FINAL_TYPE (DojangHolidayCalendar, dojang_holiday_calendar, DOJANG, HOLIDAY_CALENDAR, GObject)

DojangHolidayCalendar *dojang_holiday_calendar_get_default    (void);
DojangHolidayCalendar *dojang_holiday_calendar_new_default    (void);
DojangHolidayCalendar *dojang_holiday_calendar_new_from_file  (const char             *path,
                                                               GError                **error);
DojangHolidayCalendar *dojang_holiday_calendar_new_from_bytes (GBytes                 *bytes,
                                                               const char             *file_name,
                                                               GError                **error);
const char            *dojang_holiday_calendar_lookup         (DojangHolidayCalendar  *self,
                                                               GDateTime              *day);
const char            *dojang_holiday_calendar_lookup_ko      (DojangHolidayCalendar  *self,
                                                               GDateTime              *day);
const char            *dojang_holiday_calendar_lookup_en      (DojangHolidayCalendar  *self,
                                                               GDateTime              *day);
DojangFact            *dojang_holiday_calendar_get_fact       (DojangHolidayCalendar  *self,
                                                               GDateTime              *day);
gboolean               dojang_holiday_calendar_covers         (DojangHolidayCalendar  *self,
                                                               GDateTime              *day);
int                    dojang_holiday_calendar_get_first_year (DojangHolidayCalendar  *self);
int                    dojang_holiday_calendar_get_last_year  (DojangHolidayCalendar  *self);
const char            *dojang_holiday_calendar_get_rules      (DojangHolidayCalendar  *self);
DojangFact            *dojang_holiday_calendar_get_rules_fact (DojangHolidayCalendar  *self);

G_END_DECLS
