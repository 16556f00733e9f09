/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-reminder.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_REMINDER_ROW (dojang_reminder_row_get_type ())

G_DECLARE_FINAL_TYPE (DojangReminderRow, dojang_reminder_row, DOJANG, REMINDER_ROW, AdwActionRow)

GtkWidget      *dojang_reminder_row_new          (DojangReminder    *reminder,
                                                  GPtrArray         *later,
                                                  GDateTime         *now);
DojangReminder *dojang_reminder_row_get_reminder (DojangReminderRow *self);

G_END_DECLS
