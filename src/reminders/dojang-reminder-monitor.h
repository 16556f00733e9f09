/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-reminder-store.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_REMINDER_MONITOR (dojang_reminder_monitor_get_type ())

G_DECLARE_FINAL_TYPE (DojangReminderMonitor, dojang_reminder_monitor, DOJANG, REMINDER_MONITOR, GObject)

DojangReminderMonitor *dojang_reminder_monitor_new            (GApplication          *application,
                                                               DojangReminderStore   *store);
void                   dojang_reminder_monitor_start          (DojangReminderMonitor *self);
void                   dojang_reminder_monitor_check          (DojangReminderMonitor *self);
GDateTime             *dojang_reminder_monitor_get_next_check (DojangReminderMonitor *self);
void                   dojang_reminder_monitor_withdraw       (DojangReminderMonitor *self,
                                                               DojangReminder        *reminder);

G_END_DECLS
