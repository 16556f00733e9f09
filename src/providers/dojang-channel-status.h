/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DOJANG_CHANNEL_STATE_OPEN,
  DOJANG_CHANNEL_STATE_LIMITED,
  DOJANG_CHANNEL_STATE_CLOSED,
} DojangChannelState;

typedef enum
{
  DOJANG_CLOSED_REASON_NONE,
  DOJANG_CLOSED_REASON_WEEKEND,
  DOJANG_CLOSED_REASON_HOLIDAY,
  DOJANG_CLOSED_REASON_BEFORE_HOURS,
  DOJANG_CLOSED_REASON_AFTER_HOURS,
} DojangClosedReason;

#define DOJANG_TYPE_CHANNEL_STATE (dojang_channel_state_get_type ())
GType dojang_channel_state_get_type (void);
#define DOJANG_TYPE_CLOSED_REASON (dojang_closed_reason_get_type ())
GType dojang_closed_reason_get_type (void);

/* The state of one channel at one instant. All times are in Asia/Seoul.
 * - OPEN: closes_at is when it stops taking calls today (a lunch break
 *   only limits the service, so closes_at is the end of the day's hours);
 *   NULL for channels that never close (ARS, chatbot, FAQ, 1:1 inquiry).
 * - LIMITED (lunch): next_open is the end of the break.
 * - CLOSED: reason, holiday name when reason is HOLIDAY, next_open.
 * next_change is the next instant the state or its description may
 * change (NULL if never): the UI schedules one timer for it.
 * A 1:1 inquiry is always OPEN for submissions; its reply status (the
 * desk that answers in business hours) is get_reply_status. */
#define DOJANG_TYPE_CHANNEL_STATUS (dojang_channel_status_get_type ())

typedef struct _DojangChannelStatus DojangChannelStatus;

GType                dojang_channel_status_get_type          (void) G_GNUC_CONST;
DojangChannelStatus *dojang_channel_status_ref               (DojangChannelStatus *self);
void                 dojang_channel_status_unref             (DojangChannelStatus *self);
DojangChannelState   dojang_channel_status_get_state         (DojangChannelStatus *self);
DojangClosedReason   dojang_channel_status_get_closed_reason (DojangChannelStatus *self);
const char          *dojang_channel_status_get_holiday_name  (DojangChannelStatus *self);
GDateTime           *dojang_channel_status_get_now           (DojangChannelStatus *self);
GDateTime           *dojang_channel_status_get_closes_at     (DojangChannelStatus *self);
GDateTime           *dojang_channel_status_get_next_open     (DojangChannelStatus *self);
GDateTime           *dojang_channel_status_get_next_change   (DojangChannelStatus *self);
gboolean             dojang_channel_status_get_always_open   (DojangChannelStatus *self);
DojangChannelStatus *dojang_channel_status_get_reply_status  (DojangChannelStatus *self);
char                *dojang_channel_status_describe          (DojangChannelStatus *self);
char                *dojang_channel_status_format_next_open  (DojangChannelStatus *self);
const char          *dojang_channel_state_to_string          (DojangChannelState   state);
const char          *dojang_closed_reason_to_string          (DojangClosedReason   reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangChannelStatus, dojang_channel_status_unref)

G_END_DECLS
