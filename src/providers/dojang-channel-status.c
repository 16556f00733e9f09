/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-channel-status-private.h"
#include "dojang-enum.h"
#include "dojang-seoul.h"

struct _DojangChannelStatus
{
  DojangChannelState   state;
  DojangClosedReason   reason;
  char                *holiday_name;
  GDateTime           *now;
  GDateTime           *closes_at;
  GDateTime           *next_open;
  GDateTime           *next_change;
  DojangChannelStatus *reply;
  gboolean             always_open;
};

G_DEFINE_BOXED_TYPE (DojangChannelStatus, dojang_channel_status,
                     dojang_channel_status_ref, dojang_channel_status_unref)

/* The nicks are the stable names of the CLI's JSON. */
G_DEFINE_ENUM_TYPE (DojangChannelState, dojang_channel_state,
  G_DEFINE_ENUM_VALUE (DOJANG_CHANNEL_STATE_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (DOJANG_CHANNEL_STATE_LIMITED, "limited"),
  G_DEFINE_ENUM_VALUE (DOJANG_CHANNEL_STATE_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (DojangClosedReason, dojang_closed_reason,
  G_DEFINE_ENUM_VALUE (DOJANG_CLOSED_REASON_NONE, "none"),
  G_DEFINE_ENUM_VALUE (DOJANG_CLOSED_REASON_WEEKEND, "weekend"),
  G_DEFINE_ENUM_VALUE (DOJANG_CLOSED_REASON_HOLIDAY, "holiday"),
  G_DEFINE_ENUM_VALUE (DOJANG_CLOSED_REASON_BEFORE_HOURS, "before_hours"),
  G_DEFINE_ENUM_VALUE (DOJANG_CLOSED_REASON_AFTER_HOURS, "after_hours"))

static GDateTime *
to_seoul (GDateTime *instant)
{
  return instant != NULL ? g_date_time_to_timezone (instant, dojang_seoul_get_time_zone ()) : NULL;
}

DojangChannelStatus *
dojang_channel_status_new (GDateTime          *now,
                           DojangChannelState  state,
                           DojangClosedReason  reason,
                           const char         *holiday_name,
                           GDateTime          *closes_at,
                           GDateTime          *next_open,
                           GDateTime          *next_change)
{
  DojangChannelStatus *self = g_atomic_rc_box_new0 (DojangChannelStatus);

  self->now = to_seoul (now);
  self->state = state;
  self->reason = reason;
  self->holiday_name = g_strdup (holiday_name);
  self->closes_at = to_seoul (closes_at);
  self->next_open = to_seoul (next_open);
  self->next_change = to_seoul (next_change);

  return self;
}

/* A channel that takes requests at any time (ARS, chatbot, FAQ pages);
 * @reply is the status of the desk answering them, if any (1:1 inquiry). */
DojangChannelStatus *
dojang_channel_status_new_always_open (GDateTime           *now,
                                       DojangChannelStatus *reply)
{
  DojangChannelStatus *self;

  self = dojang_channel_status_new (now, DOJANG_CHANNEL_STATE_OPEN, DOJANG_CLOSED_REASON_NONE,
                                    NULL, NULL, NULL,
                                    reply != NULL ? reply->next_change : NULL);
  self->always_open = TRUE;
  self->reply = reply != NULL ? dojang_channel_status_ref (reply) : NULL;

  return self;
}

DojangChannelStatus *
dojang_channel_status_ref (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
dojang_channel_status_clear (DojangChannelStatus *self)
{
  g_free (self->holiday_name);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->closes_at, g_date_time_unref);
  g_clear_pointer (&self->next_open, g_date_time_unref);
  g_clear_pointer (&self->next_change, g_date_time_unref);
  g_clear_pointer (&self->reply, dojang_channel_status_unref);
}

void
dojang_channel_status_unref (DojangChannelStatus *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) dojang_channel_status_clear);
}

DojangChannelState
dojang_channel_status_get_state (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, DOJANG_CHANNEL_STATE_CLOSED);

  return self->state;
}

DojangClosedReason
dojang_channel_status_get_closed_reason (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, DOJANG_CLOSED_REASON_NONE);

  return self->reason;
}

/**
 * dojang_channel_status_get_holiday_name:
 *
 * Returns: (nullable): the localized name of the holiday when the reason
 * is HOLIDAY
 */
const char *
dojang_channel_status_get_holiday_name (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->holiday_name;
}

/**
 * dojang_channel_status_get_now:
 *
 * Returns: (transfer none): the instant the status is for, in Asia/Seoul
 */
GDateTime *
dojang_channel_status_get_now (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->now;
}

/**
 * dojang_channel_status_get_closes_at:
 *
 * Returns: (transfer none) (nullable): when an OPEN or LIMITED channel
 * stops for the day; %NULL if it never closes
 */
GDateTime *
dojang_channel_status_get_closes_at (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->closes_at;
}

/**
 * dojang_channel_status_get_next_open:
 *
 * Returns: (transfer none) (nullable): for LIMITED or CLOSED, the next
 * instant the channel is fully open (Asia/Seoul); %NULL when OPEN or when
 * no opening is found within a year
 */
GDateTime *
dojang_channel_status_get_next_open (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->next_open;
}

/**
 * dojang_channel_status_get_next_change:
 *
 * Returns: (transfer none) (nullable): the next instant the state or its
 * description may change; %NULL if never
 */
GDateTime *
dojang_channel_status_get_next_change (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->next_change;
}

gboolean
dojang_channel_status_get_always_open (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->always_open;
}

/**
 * dojang_channel_status_get_reply_status:
 *
 * A 1:1 inquiry can be sent at any time but is answered in business hours.
 *
 * Returns: (transfer none) (nullable): the state of the answering desk,
 * or %NULL for channels without one
 */
DojangChannelStatus *
dojang_channel_status_get_reply_status (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->reply;
}

static char *
format_time (GDateTime *instant)
{
  return g_date_time_format (instant, "%H:%M");
}

/* The weekday is part of the translated format (not %a), so Korean shows
 * "9월 28일 (월)" whatever LC_TIME is. */
static char *
format_day_and_time (GDateTime *instant)
{
  const char *format;

  switch (g_date_time_get_day_of_week (instant))
    {
    case 1:
      /* xgettext:no-c-format */
      format = C_("date and time for g_date_time_format, on a Monday", "Mon, %b %-d at %H:%M");
      break;
    case 2:
      /* xgettext:no-c-format */
      format = C_("date and time for g_date_time_format, on a Tuesday", "Tue, %b %-d at %H:%M");
      break;
    case 3:
      /* xgettext:no-c-format */
      format = C_("date and time for g_date_time_format, on a Wednesday", "Wed, %b %-d at %H:%M");
      break;
    case 4:
      /* xgettext:no-c-format */
      format = C_("date and time for g_date_time_format, on a Thursday", "Thu, %b %-d at %H:%M");
      break;
    case 5:
      /* xgettext:no-c-format */
      format = C_("date and time for g_date_time_format, on a Friday", "Fri, %b %-d at %H:%M");
      break;
    case 6:
      /* xgettext:no-c-format */
      format = C_("date and time for g_date_time_format, on a Saturday", "Sat, %b %-d at %H:%M");
      break;
    default:
      /* xgettext:no-c-format */
      format = C_("date and time for g_date_time_format, on a Sunday", "Sun, %b %-d at %H:%M");
      break;
    }

  return g_date_time_format (instant, format);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return dojang_seoul_date_key (a) == dojang_seoul_date_key (b);
}

/**
 * dojang_channel_status_format_next_open:
 *
 * Returns: (transfer full) (nullable): when the channel opens next, for
 * people: "at 13:00" later today, else "Mon, Sep 28 at 09:00"; %NULL if
 * there is no next opening
 */
char *
dojang_channel_status_format_next_open (DojangChannelStatus *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->next_open == NULL)
    return NULL;

  if (same_day (self->now, self->next_open))
    /* xgettext:no-c-format */
    return g_date_time_format (self->next_open, C_("time later today for g_date_time_format", "at %H:%M"));

  return format_day_and_time (self->next_open);
}

static char *
describe_inquiry (DojangChannelStatus *self)
{
  DojangChannelStatus *reply = self->reply;
  g_autofree char *when = NULL;

  if (reply->state == DOJANG_CHANNEL_STATE_OPEN && reply->closes_at != NULL)
    {
      when = format_time (reply->closes_at);
      /* TRANSLATORS: a 1:1 inquiry; %s is a time like 18:00 */
      return g_strdup_printf (_("Accepting inquiries · replies until %s"), when);
    }

  if (reply->next_open == NULL)
    return g_strdup (_("Accepting inquiries"));

  if (same_day (self->now, reply->next_open))
    when = format_time (reply->next_open);
  else
    when = format_day_and_time (reply->next_open);

  /* TRANSLATORS: a 1:1 inquiry; %s is a time like 13:00, or a day and
   * time like "Mon, Sep 28 at 09:00" */
  return g_strdup_printf (_("Accepting inquiries · replies from %s"), when);
}

static char *
describe_closed (DojangChannelStatus *self)
{
  g_autofree char *when = NULL;

  if (self->next_open == NULL)
    {
      if (self->reason == DOJANG_CLOSED_REASON_HOLIDAY)
        /* TRANSLATORS: %s is the holiday, e.g. Chuseok */
        return g_strdup_printf (_("Closed (%s)"), self->holiday_name);
      return g_strdup (_("Closed"));
    }

  if (self->reason == DOJANG_CLOSED_REASON_BEFORE_HOURS)
    {
      when = format_time (self->next_open);
      /* TRANSLATORS: %s is a time later today, like 09:00 */
      return g_strdup_printf (_("Not open yet · opens at %s"), when);
    }

  when = format_day_and_time (self->next_open);
  switch (self->reason)
    {
    case DOJANG_CLOSED_REASON_HOLIDAY:
      /* TRANSLATORS: the holiday, then a day and time like "Mon, Sep 28 at 09:00" */
      return g_strdup_printf (_("Closed (%s) · opens %s"), self->holiday_name, when);
    case DOJANG_CLOSED_REASON_WEEKEND:
      /* TRANSLATORS: %s is a day and time like "Mon, Sep 28 at 09:00" */
      return g_strdup_printf (_("Closed for the weekend · opens %s"), when);
    case DOJANG_CLOSED_REASON_NONE:
    case DOJANG_CLOSED_REASON_BEFORE_HOURS:
    case DOJANG_CLOSED_REASON_AFTER_HOURS:
    default:
      /* TRANSLATORS: %s is a day and time like "Tue, Sep 29 at 09:00" */
      return g_strdup_printf (_("Closed for today · opens %s"), when);
    }
}

/**
 * dojang_channel_status_describe:
 *
 * Times are Korean business hours, so they are shown in Seoul time.
 *
 * Returns: (transfer full): a localized one-line summary, e.g.
 * "Open now · until 18:00" or "Closed (Chuseok) · opens Mon, Sep 28 at 09:00"
 */
char *
dojang_channel_status_describe (DojangChannelStatus *self)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->reply != NULL)
    return describe_inquiry (self);

  if (self->always_open)
    return g_strdup (_("Available 24 hours"));

  switch (self->state)
    {
    case DOJANG_CHANNEL_STATE_OPEN:
      if (self->closes_at == NULL)
        return g_strdup (_("Open now"));
      when = format_time (self->closes_at);
      /* TRANSLATORS: %s is the closing time, like 18:00 */
      return g_strdup_printf (_("Open now · until %s"), when);

    case DOJANG_CHANNEL_STATE_LIMITED:
      if (self->next_open == NULL)
        return g_strdup (_("Lunch break"));
      when = format_time (self->next_open);
      /* TRANSLATORS: %s is the end of the lunch break, like 13:00 */
      return g_strdup_printf (_("Lunch break · back at %s"), when);

    case DOJANG_CHANNEL_STATE_CLOSED:
    default:
      return describe_closed (self);
    }
}

/* Stable names for machine-readable output (the CLI's JSON). */
const char *
dojang_channel_state_to_string (DojangChannelState state)
{
  return dojang_enum_get_nick (DOJANG_TYPE_CHANNEL_STATE, state);
}

/**
 * dojang_closed_reason_to_string:
 *
 * Returns: (nullable): "weekend", "holiday", "before_hours",
 * "after_hours", or %NULL for NONE (a JSON null)
 */
const char *
dojang_closed_reason_to_string (DojangClosedReason reason)
{
  if (reason == DOJANG_CLOSED_REASON_NONE)
    return NULL;

  return dojang_enum_get_nick (DOJANG_TYPE_CLOSED_REASON, reason);
}
