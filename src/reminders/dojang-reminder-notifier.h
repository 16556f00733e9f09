/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_REMINDER_NOTIFIER (dojang_reminder_notifier_get_type ())

G_DECLARE_FINAL_TYPE (DojangReminderNotifier, dojang_reminder_notifier, DOJANG, REMINDER_NOTIFIER, GObject)

DojangReminderNotifier *dojang_reminder_notifier_new         (GDBusConnection        *connection,
                                                              const char             *application_id,
                                                              GActionGroup           *actions);
void                    dojang_reminder_notifier_send_async  (DojangReminderNotifier *self,
                                                              const char             *id,
                                                              GVariant               *notification,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
gboolean                dojang_reminder_notifier_send_finish (DojangReminderNotifier *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);
void                    dojang_reminder_notifier_withdraw    (DojangReminderNotifier *self,
                                                              const char             *id);

G_END_DECLS
