/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-manual-entry.h"
#include "dojang-reminder.h"

G_BEGIN_DECLS

/* Rows as the store reads them; instants are Unix seconds, 0 for "none". */
typedef struct
{
  gint64               id;
  const char          *certificate_sha256;
  gint64               manual_entry_id;
  const char          *name;
  const char          *subject;
  const char          *provider_id;
  const char          *type_name;
  gint64               not_after;
  int                  lead_days;
  gint64               due;
  DojangReminderState  state;
  gint64               snoozed_until;
  gint64               sent_at;
} DojangReminderRecord;

DojangReminder    *_dojang_reminder_new_from_row     (const DojangReminderRecord *row);
DojangReminder    *_dojang_reminder_new_sent         (DojangReminder             *reminder,
                                                      GDateTime                  *sent_at);

DojangManualEntry *_dojang_manual_entry_new          (gint64      id,
                                                      const char *name,
                                                      const char *provider_id,
                                                      const char *type_name,
                                                      const char *expiry_date);

G_END_DECLS
