/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate-list.h"
#include "dojang-reminder-store.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_REMINDER_CONTROLLER (dojang_reminder_controller_get_type ())

G_DECLARE_FINAL_TYPE (DojangReminderController, dojang_reminder_controller, DOJANG, REMINDER_CONTROLLER, GObject)

DojangReminderController *dojang_reminder_controller_new       (GApplication             *application,
                                                                GSettings                *settings,
                                                                DojangCertificateList    *certificates);
void                      dojang_reminder_controller_add_actions (DojangReminderController *self);
void                      dojang_reminder_controller_start     (DojangReminderController *self);
void                      dojang_reminder_controller_snooze    (DojangReminderController *self,
                                                                gint64                    id);
void                      dojang_reminder_controller_dismiss   (DojangReminderController *self,
                                                                gint64                    id);
void                      dojang_reminder_controller_undo_dismiss (DojangReminderController *self,
                                                                   gint64                    id);
DojangReminderStore      *dojang_reminder_controller_get_store (DojangReminderController *self);
const GError             *dojang_reminder_controller_get_error (DojangReminderController *self);

G_END_DECLS
