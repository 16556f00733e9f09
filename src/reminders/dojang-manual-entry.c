/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A certificate Dojang cannot scan (on a phone, on an unplugged USB stick),
 * entered by hand: a name, its CA, its type and its last valid day. */

#include "config.h"

#include "dojang-reminder-private.h"
#include "dojang-reminder-schedule.h"

struct _DojangManualEntry
{
  GObject    parent_instance;

  gint64     id;
  char      *name;
  char      *provider_id;
  char      *type_name;
  char      *expiry_date;
  GDateTime *not_after;
};

G_DEFINE_FINAL_TYPE (DojangManualEntry, dojang_manual_entry, G_TYPE_OBJECT)

DojangManualEntry *
_dojang_manual_entry_new (gint64      id,
                          const char *name,
                          const char *provider_id,
                          const char *type_name,
                          const char *expiry_date)
{
  DojangManualEntry *self = g_object_new (DOJANG_TYPE_MANUAL_ENTRY, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->provider_id = g_strdup (provider_id);
  self->type_name = g_strdup (type_name != NULL ? type_name : "");
  self->expiry_date = g_strdup (expiry_date);
  self->not_after = dojang_reminder_expiry_date_to_instant (expiry_date);

  return self;
}

static void
dojang_manual_entry_finalize (GObject *object)
{
  DojangManualEntry *self = DOJANG_MANUAL_ENTRY (object);

  g_free (self->name);
  g_free (self->provider_id);
  g_free (self->type_name);
  g_free (self->expiry_date);
  g_clear_pointer (&self->not_after, g_date_time_unref);

  G_OBJECT_CLASS (dojang_manual_entry_parent_class)->finalize (object);
}

static void
dojang_manual_entry_class_init (DojangManualEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dojang_manual_entry_finalize;
}

static void
dojang_manual_entry_init (DojangManualEntry *self)
{
}

gint64
dojang_manual_entry_get_id (DojangManualEntry *self)
{
  g_return_val_if_fail (DOJANG_IS_MANUAL_ENTRY (self), 0);

  return self->id;
}

const char *
dojang_manual_entry_get_name (DojangManualEntry *self)
{
  g_return_val_if_fail (DOJANG_IS_MANUAL_ENTRY (self), NULL);

  return self->name;
}

/* One of the five CA ids, or "other". */
const char *
dojang_manual_entry_get_provider_id (DojangManualEntry *self)
{
  g_return_val_if_fail (DOJANG_IS_MANUAL_ENTRY (self), NULL);

  return self->provider_id;
}

const char *
dojang_manual_entry_get_type_name (DojangManualEntry *self)
{
  g_return_val_if_fail (DOJANG_IS_MANUAL_ENTRY (self), NULL);

  return self->type_name;
}

/* The last day the certificate is valid, "YYYY-MM-DD". */
const char *
dojang_manual_entry_get_expiry_date (DojangManualEntry *self)
{
  g_return_val_if_fail (DOJANG_IS_MANUAL_ENTRY (self), NULL);

  return self->expiry_date;
}

GDateTime *
dojang_manual_entry_get_not_after (DojangManualEntry *self)
{
  g_return_val_if_fail (DOJANG_IS_MANUAL_ENTRY (self), NULL);

  return self->not_after;
}
