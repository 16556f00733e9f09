/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-channel-status.h"
#include "dojang-holiday-calendar.h"
#include "dojang-json-scope.h"

G_BEGIN_DECLS

/* The weekly schedule of one channel, in Seoul time: a range per weekday
 * (or closed), an optional lunch break with limited service, and whether
 * public holidays close it. */
typedef struct _DojangOpeningHours DojangOpeningHours;

DojangOpeningHours  *dojang_opening_hours_new_from_json (const DojangJsonScope  *scope,
                                                         const char             *member,
                                                         GError                **error);
void                 dojang_opening_hours_free          (DojangOpeningHours     *self);
gboolean             dojang_opening_hours_is_always     (const DojangOpeningHours *self);
DojangChannelStatus *dojang_opening_hours_get_status    (const DojangOpeningHours *self,
                                                         DojangHolidayCalendar  *holidays,
                                                         GDateTime              *now);
char                *dojang_opening_hours_to_text       (const DojangOpeningHours *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangOpeningHours, dojang_opening_hours_free)

G_END_DECLS
