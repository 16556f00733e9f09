/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-reminder.h"

G_BEGIN_DECLS

char          *dojang_reminder_describe_certificate (DojangReminder *reminder);
char          *dojang_reminder_describe_days_left   (DojangReminder *reminder,
                                                     GDateTime      *now);
char          *dojang_reminder_notification_id      (DojangReminder *reminder);
gboolean       dojang_reminder_is_renewed_at_bank   (DojangReminder *reminder);
char          *dojang_reminder_describe_renewal     (DojangReminder *reminder,
                                                     GDateTime      *now);
GVariant      *dojang_reminder_notification_new     (DojangReminder *reminder,
                                                     GDateTime      *now);

G_END_DECLS
