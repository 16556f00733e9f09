/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The hour of the day (Asia/Seoul) at which reminders fall due. */
#define DOJANG_REMINDER_HOUR 9

/* An overdue reminder is still sent this many days after its certificate
 * expired; later than that it is only recorded as skipped. */
#define DOJANG_REMINDER_EXPIRED_GRACE_DAYS 7

/* Lead days accepted by the store (and by the import). */
#define DOJANG_REMINDER_MAX_LEAD_DAYS 365

GDateTime *dojang_reminder_due_for             (GDateTime  *not_after,
                                                int         lead_days);
gint64     dojang_reminder_due_before          (GDateTime   *not_after,
                                                const GDate *expiry_day,
                                                int          lead_days);
GDateTime *dojang_reminder_next_morning        (GDateTime  *after);
GDateTime *dojang_reminder_expiry_date_to_instant (const char *expiry_date);
gboolean   dojang_reminder_expiry_date_is_valid (const char *expiry_date);

G_END_DECLS
