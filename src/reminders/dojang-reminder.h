/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOJANG_TYPE_REMINDER (dojang_reminder_get_type ())

G_DECLARE_FINAL_TYPE (DojangReminder, dojang_reminder, DOJANG, REMINDER, GObject)

typedef enum
{
  DOJANG_REMINDER_STATE_PENDING,
  DOJANG_REMINDER_STATE_SENT,
  DOJANG_REMINDER_STATE_SNOOZED,
  DOJANG_REMINDER_STATE_DISMISSED,
  DOJANG_REMINDER_STATE_DONE,
  DOJANG_REMINDER_STATE_SKIPPED,
} DojangReminderState;

#define DOJANG_TYPE_REMINDER_STATE (dojang_reminder_state_get_type ())
GType dojang_reminder_state_get_type (void);

const char          *dojang_reminder_state_to_string        (DojangReminderState  state);
gboolean             dojang_reminder_state_from_string      (const char          *text,
                                                             DojangReminderState *state);

gint64               dojang_reminder_get_id                 (DojangReminder *self);
const char          *dojang_reminder_get_certificate_sha256 (DojangReminder *self);
gint64               dojang_reminder_get_manual_entry_id    (DojangReminder *self);
gboolean             dojang_reminder_is_manual              (DojangReminder *self);
const char          *dojang_reminder_get_name               (DojangReminder *self);
const char          *dojang_reminder_get_subject            (DojangReminder *self);
const char          *dojang_reminder_get_provider_id        (DojangReminder *self);
const char          *dojang_reminder_get_type_name          (DojangReminder *self);
GDateTime           *dojang_reminder_get_not_after          (DojangReminder *self);
int                  dojang_reminder_get_lead_days          (DojangReminder *self);
GDateTime           *dojang_reminder_get_due                (DojangReminder *self);
DojangReminderState  dojang_reminder_get_state              (DojangReminder *self);
GDateTime           *dojang_reminder_get_snoozed_until      (DojangReminder *self);
GDateTime           *dojang_reminder_get_sent_at            (DojangReminder *self);
GDateTime           *dojang_reminder_get_next_time          (DojangReminder *self);

G_END_DECLS
