/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-reminder.h"

G_BEGIN_DECLS

/* A check with more reminders than this shows one summary for all of them. */
#define DOJANG_REMINDER_MAX_SINGLE_NOTIFICATIONS 3
#define DOJANG_REMINDER_SUMMARY_ID "reminders-summary"

/* One notification to show and the reminders it covers: they count as sent
 * once it has been answered. */
typedef struct
{
  char      *id;
  GVariant  *notification;
  GPtrArray *reminders;
} DojangReminderNotice;

char          *dojang_reminder_describe_certificate (DojangReminder *reminder);
char          *dojang_reminder_describe_days_left   (DojangReminder *reminder,
                                                     GDateTime      *now);
char          *dojang_reminder_notification_id      (DojangReminder *reminder);
gboolean       dojang_reminder_is_renewed_at_bank   (DojangReminder *reminder);
char          *dojang_reminder_describe_renewal     (DojangReminder *reminder,
                                                     GDateTime      *now);
GVariant      *dojang_reminder_notification_new     (DojangReminder *reminder,
                                                     GDateTime      *now);
GVariant      *dojang_reminder_summary_new          (GPtrArray      *reminders,
                                                     GDateTime      *now);
GPtrArray     *dojang_reminder_notices_new          (GPtrArray      *due,
                                                     GDateTime      *now);
void           dojang_reminder_notice_add_covered   (DojangReminderNotice *notice,
                                                    GPtrArray            *shown);
void           dojang_reminder_notice_free          (DojangReminderNotice *notice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangReminderNotice, dojang_reminder_notice_free)

G_END_DECLS
