/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One reminder as the store last saw it: which certificate (or manual entry)
 * it is about, when it falls due and what became of it. Immutable; the store
 * hands out fresh objects after each change. */

#include "config.h"

#include "dojang-enum.h"
#include "dojang-reminder-private.h"

struct _DojangReminder
{
  GObject              parent_instance;

  gint64               id;
  char                *certificate_sha256;
  gint64               manual_entry_id;
  char                *name;
  char                *subject;
  char                *provider_id;
  char                *type_name;
  GDateTime           *not_after;
  int                  lead_days;
  GDateTime           *due;
  DojangReminderState  state;
  GDateTime           *snoozed_until;
  GDateTime           *sent_at;
};

G_DEFINE_FINAL_TYPE (DojangReminder, dojang_reminder, G_TYPE_OBJECT)

/* The nicks are what the database and the JSON export store. */
G_DEFINE_ENUM_TYPE (DojangReminderState, dojang_reminder_state,
  G_DEFINE_ENUM_VALUE (DOJANG_REMINDER_STATE_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (DOJANG_REMINDER_STATE_SENT, "sent"),
  G_DEFINE_ENUM_VALUE (DOJANG_REMINDER_STATE_SNOOZED, "snoozed"),
  G_DEFINE_ENUM_VALUE (DOJANG_REMINDER_STATE_DISMISSED, "dismissed"),
  G_DEFINE_ENUM_VALUE (DOJANG_REMINDER_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (DOJANG_REMINDER_STATE_SKIPPED, "skipped"))

const char *
dojang_reminder_state_to_string (DojangReminderState state)
{
  return dojang_enum_get_nick (DOJANG_TYPE_REMINDER_STATE, state);
}

gboolean
dojang_reminder_state_from_string (const char          *text,
                                   DojangReminderState *state)
{
  int value;

  g_return_val_if_fail (state != NULL, FALSE);

  if (!dojang_enum_from_nick (DOJANG_TYPE_REMINDER_STATE, text, &value))
    return FALSE;

  *state = (DojangReminderState) value;
  return TRUE;
}

static GDateTime *
instant_or_null (gint64 unix_seconds)
{
  if (unix_seconds == 0)
    return NULL;

  return g_date_time_new_from_unix_utc (unix_seconds);
}

DojangReminder *
_dojang_reminder_new_from_row (const DojangReminderRecord *row)
{
  DojangReminder *self = g_object_new (DOJANG_TYPE_REMINDER, NULL);

  self->id = row->id;
  self->certificate_sha256 = g_strdup (row->certificate_sha256);
  self->manual_entry_id = row->manual_entry_id;
  self->name = g_strdup (row->name != NULL ? row->name : "");
  self->subject = g_strdup (row->subject != NULL ? row->subject : self->name);
  self->provider_id = g_strdup (row->provider_id != NULL ? row->provider_id : "unknown");
  self->type_name = g_strdup (row->type_name != NULL ? row->type_name : "");
  self->not_after = g_date_time_new_from_unix_utc (row->not_after);
  self->lead_days = row->lead_days;
  self->due = g_date_time_new_from_unix_utc (row->due);
  self->state = row->state;
  self->snoozed_until = instant_or_null (row->snoozed_until);
  self->sent_at = instant_or_null (row->sent_at);

  return self;
}

/* @reminder as recorded sent at @sent_at (no longer snoozed); the rest as
 * it was read. */
DojangReminder *
_dojang_reminder_new_sent (DojangReminder *reminder,
                           GDateTime      *sent_at)
{
  DojangReminder *self = g_object_new (DOJANG_TYPE_REMINDER, NULL);

  self->id = reminder->id;
  self->certificate_sha256 = g_strdup (reminder->certificate_sha256);
  self->manual_entry_id = reminder->manual_entry_id;
  self->name = g_strdup (reminder->name);
  self->subject = g_strdup (reminder->subject);
  self->provider_id = g_strdup (reminder->provider_id);
  self->type_name = g_strdup (reminder->type_name);
  self->not_after = g_date_time_ref (reminder->not_after);
  self->lead_days = reminder->lead_days;
  self->due = g_date_time_ref (reminder->due);
  self->state = DOJANG_REMINDER_STATE_SENT;
  self->sent_at = g_date_time_ref (sent_at);

  return self;
}

static void
dojang_reminder_finalize (GObject *object)
{
  DojangReminder *self = DOJANG_REMINDER (object);

  g_free (self->certificate_sha256);
  g_free (self->name);
  g_free (self->subject);
  g_free (self->provider_id);
  g_free (self->type_name);
  g_clear_pointer (&self->not_after, g_date_time_unref);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->snoozed_until, g_date_time_unref);
  g_clear_pointer (&self->sent_at, g_date_time_unref);

  G_OBJECT_CLASS (dojang_reminder_parent_class)->finalize (object);
}

static void
dojang_reminder_class_init (DojangReminderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dojang_reminder_finalize;
}

static void
dojang_reminder_init (DojangReminder *self)
{
}

gint64
dojang_reminder_get_id (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), 0);

  return self->id;
}

/**
 * dojang_reminder_get_certificate_sha256:
 *
 * Returns: (nullable): the certificate's fingerprint, or %NULL for a
 *   reminder about a manual entry.
 */
const char *
dojang_reminder_get_certificate_sha256 (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  return self->certificate_sha256;
}

gint64
dojang_reminder_get_manual_entry_id (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), 0);

  return self->manual_entry_id;
}

gboolean
dojang_reminder_is_manual (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), FALSE);

  return self->certificate_sha256 == NULL;
}

/* The holder's name (the subject CN before "("), or a manual entry's name. */
const char *
dojang_reminder_get_name (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  return self->name;
}

const char *
dojang_reminder_get_subject (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  return self->subject;
}

const char *
dojang_reminder_get_provider_id (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  return self->provider_id;
}

const char *
dojang_reminder_get_type_name (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  return self->type_name;
}

GDateTime *
dojang_reminder_get_not_after (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  return self->not_after;
}

int
dojang_reminder_get_lead_days (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), 0);

  return self->lead_days;
}

GDateTime *
dojang_reminder_get_due (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  return self->due;
}

DojangReminderState
dojang_reminder_get_state (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), DOJANG_REMINDER_STATE_PENDING);

  return self->state;
}

GDateTime *
dojang_reminder_get_snoozed_until (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  return self->snoozed_until;
}

GDateTime *
dojang_reminder_get_sent_at (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  return self->sent_at;
}

/**
 * dojang_reminder_get_next_time:
 *
 * Returns: (transfer none): when the reminder fires next: the end of its
 *   snooze if it is snoozed, its due instant otherwise.
 */
GDateTime *
dojang_reminder_get_next_time (DojangReminder *self)
{
  g_return_val_if_fail (DOJANG_IS_REMINDER (self), NULL);

  if (self->state == DOJANG_REMINDER_STATE_SNOOZED && self->snoozed_until != NULL)
    return self->snoozed_until;

  return self->due;
}
