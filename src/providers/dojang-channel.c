/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One way to reach a certificate authority: a phone line, its ARS menu, a
 * chatbot, the 1:1 inquiry form, the FAQ pages or a counter to visit. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-channel-private.h"
#include "dojang-channel-status-private.h"
#include "dojang-enum.h"
#include "dojang-i18n.h"
#include "dojang-opening-hours.h"

struct _DojangChannel
{
  GObject             parent_instance;

  char               *id;
  DojangChannelKind   kind;
  char               *label_ko;
  char               *label_en;
  char               *phone;
  char               *url;
  char               *notes_ko;
  char               *notes_en;
  DojangOpeningHours *hours;
  GPtrArray          *facts;
  gboolean            is_main;
  gboolean            submit_anytime;
};

G_DEFINE_FINAL_TYPE (DojangChannel, dojang_channel, G_TYPE_OBJECT)

/* The nicks are the "kind" names of data/providers.json. */
G_DEFINE_ENUM_TYPE (DojangChannelKind, dojang_channel_kind,
  G_DEFINE_ENUM_VALUE (DOJANG_CHANNEL_KIND_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (DOJANG_CHANNEL_KIND_ARS, "ars"),
  G_DEFINE_ENUM_VALUE (DOJANG_CHANNEL_KIND_CHATBOT, "chatbot"),
  G_DEFINE_ENUM_VALUE (DOJANG_CHANNEL_KIND_INQUIRY, "inquiry"),
  G_DEFINE_ENUM_VALUE (DOJANG_CHANNEL_KIND_FAQ, "faq"),
  G_DEFINE_ENUM_VALUE (DOJANG_CHANNEL_KIND_VISIT, "visit"))

static void
dojang_channel_finalize (GObject *object)
{
  DojangChannel *self = DOJANG_CHANNEL (object);

  g_free (self->id);
  g_free (self->label_ko);
  g_free (self->label_en);
  g_free (self->phone);
  g_free (self->url);
  g_free (self->notes_ko);
  g_free (self->notes_en);
  g_clear_pointer (&self->hours, dojang_opening_hours_free);
  g_clear_pointer (&self->facts, g_ptr_array_unref);

  G_OBJECT_CLASS (dojang_channel_parent_class)->finalize (object);
}

static void
dojang_channel_class_init (DojangChannelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dojang_channel_finalize;
}

static void
dojang_channel_init (DojangChannel *self)
{
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) dojang_fact_unref);
}

static gboolean
parse_kind (const DojangJsonScope  *scope,
            DojangChannelKind      *kind,
            GError                **error)
{
  const char *text;
  g_autofree char *message = NULL;
  int value;

  if (!dojang_json_scope_string (scope, "kind", TRUE, &text, error))
    return FALSE;

  if (dojang_enum_from_nick (DOJANG_TYPE_CHANNEL_KIND, text, &value))
    {
      *kind = (DojangChannelKind) value;
      return TRUE;
    }

  /* TRANSLATORS: %s is the bad value; the names after it stay in English */
  message = g_strdup_printf (_("unknown kind “%s” (expected phone, ars, chatbot, inquiry, faq or visit)"), text);
  dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, scope->file, scope->path, "kind", message);
  return FALSE;
}

/**
 * dojang_channel_new_from_json:
 *
 * Reads one entry of a provider's "channels". Phone lines and ARS need a
 * "phone", chatbots, inquiry forms and FAQs a "url"; every stated fact
 * needs its source in "facts".
 *
 * Returns: (transfer full) (nullable): the channel
 */
DojangChannel *
dojang_channel_new_from_json (const DojangJsonScope  *scope,
                              GError                **error)
{
  g_autoptr(DojangChannel) self = g_object_new (DOJANG_TYPE_CHANNEL, NULL);
  g_autoptr(GStrvBuilder) fact_keys = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  const char *id, *phone, *url;
  gboolean needs_phone, needs_url;

  if (!dojang_json_scope_string (scope, "id", TRUE, &id, error) ||
      !parse_kind (scope, &self->kind, error) ||
      !dojang_json_scope_boolean (scope, "main", FALSE, &self->is_main, error) ||
      !dojang_json_scope_localized (scope, "label", TRUE, &self->label_ko, &self->label_en, error))
    return NULL;

  needs_phone = self->kind == DOJANG_CHANNEL_KIND_PHONE || self->kind == DOJANG_CHANNEL_KIND_ARS;
  needs_url = self->kind == DOJANG_CHANNEL_KIND_CHATBOT || self->kind == DOJANG_CHANNEL_KIND_INQUIRY ||
              self->kind == DOJANG_CHANNEL_KIND_FAQ;

  if (!dojang_json_scope_string (scope, "phone", needs_phone, &phone, error) ||
      !dojang_json_scope_string (scope, "url", needs_url, &url, error) ||
      !dojang_json_scope_boolean (scope, "submit_anytime", FALSE, &self->submit_anytime, error) ||
      !dojang_json_scope_localized (scope, "notes", FALSE, &self->notes_ko, &self->notes_en, error))
    return NULL;

  self->hours = dojang_opening_hours_new_from_json (scope, "hours", error);
  if (self->hours == NULL)
    return NULL;

  self->id = g_strdup (id);
  self->phone = g_strdup (phone);
  self->url = g_strdup (url);

  g_strv_builder_add (fact_keys, "hours");
  if (phone != NULL)
    g_strv_builder_add (fact_keys, "phone");
  if (url != NULL)
    g_strv_builder_add (fact_keys, "url");
  keys = g_strv_builder_end (fact_keys);
  if (!dojang_json_scope_facts (scope, (const char * const *) keys, self->facts, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
dojang_channel_get_id (DojangChannel *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);

  return self->id;
}

DojangChannelKind
dojang_channel_get_kind (DojangChannel *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), DOJANG_CHANNEL_KIND_PHONE);

  return self->kind;
}

/* Returns: the channel's purpose in the active language, e.g. "Talk to an agent" */
const char *
dojang_channel_get_label (DojangChannel *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);

  return dojang_i18n_pick (self->label_ko, self->label_en);
}

/* Returns: (nullable): the number to call, e.g. "1577-8787" */
const char *
dojang_channel_get_phone (DojangChannel *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);

  return self->phone;
}

/* Returns: (nullable): the web page of the channel */
const char *
dojang_channel_get_url (DojangChannel *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);

  return self->url;
}

/* Returns: (nullable): a remark in the active language */
const char *
dojang_channel_get_notes (DojangChannel *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);

  return dojang_i18n_pick (self->notes_ko, self->notes_en);
}

/* Returns: %TRUE for the provider's main phone line */
gboolean
dojang_channel_get_is_main (DojangChannel *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), FALSE);

  return self->is_main;
}

/* Returns: %TRUE if requests are taken at any time (ARS, chatbot, FAQ, 1:1 inquiry) */
gboolean
dojang_channel_get_always_open (DojangChannel *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), FALSE);

  return self->submit_anytime || dojang_opening_hours_is_always (self->hours);
}

/**
 * dojang_channel_get_hours_text:
 *
 * Returns: (transfer full): the opening hours for people, in the active
 * language and in Seoul time
 */
char *
dojang_channel_get_hours_text (DojangChannel *self)
{
  g_autofree char *hours = NULL;

  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);

  hours = dojang_opening_hours_to_text (self->hours);
  if (!self->submit_anytime)
    return g_steal_pointer (&hours);

  /* TRANSLATORS: a 1:1 inquiry form; %s is when replies are written,
   * e.g. "Weekdays 09:00–18:00; closed on weekends and public holidays" */
  return g_strdup_printf (_("Send anytime; replies: %s"), hours);
}

/**
 * dojang_channel_describe_status:
 * @status: the channel's status at some instant
 *
 * Hours nobody has confirmed on the CA's own pages give no "open now" with
 * full confidence: the status then reads as an estimate, e.g.
 * "Open now · until 18:00 (estimated)". Every place that shows a channel's
 * status says it this way.
 *
 * Returns: (transfer full): the status for people
 */
char *
dojang_channel_describe_status (DojangChannel       *self,
                                DojangChannelStatus *status)
{
  g_autofree char *text = NULL;
  DojangFact *hours;

  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);
  g_return_val_if_fail (status != NULL, NULL);

  text = dojang_channel_status_describe (status);
  hours = dojang_channel_get_fact (self, "hours");
  if (hours == NULL || dojang_fact_is_verified (hours))
    return g_steal_pointer (&text);

  /* TRANSLATORS: a status from opening hours that are not confirmed, e.g.
   * "Open now · until 18:00 (estimated)" */
  return g_strdup_printf (_("%s (estimated)"), text);
}

/**
 * dojang_channel_get_fact:
 * @key: "hours", "phone" or "url"
 *
 * Returns: (transfer none) (nullable): the source and confidence of that fact
 */
DojangFact *
dojang_channel_get_fact (DojangChannel *self,
                         const char    *key)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);

  return dojang_facts_lookup (self->facts, key);
}

/* Returns: (transfer none) (element-type DojangFact): all facts of the channel */
GPtrArray *
dojang_channel_get_facts (DojangChannel *self)
{
  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);

  return self->facts;
}

/**
 * dojang_channel_get_status:
 * @holidays: (nullable): public holidays (usually the default calendar)
 * @now: any instant in any time zone
 *
 * A 1:1 inquiry can be sent at any time, so it is always OPEN; its reply
 * status tells when the desk answers.
 *
 * Returns: (transfer full): the channel's state at @now
 */
DojangChannelStatus *
dojang_channel_get_status (DojangChannel         *self,
                           DojangHolidayCalendar *holidays,
                           GDateTime             *now)
{
  g_autoptr(DojangChannelStatus) reply = NULL;

  g_return_val_if_fail (DOJANG_IS_CHANNEL (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!self->submit_anytime)
    return dojang_opening_hours_get_status (self->hours, holidays, now);

  reply = dojang_opening_hours_get_status (self->hours, holidays, now);
  return dojang_channel_status_new_always_open (now, reply);
}

/* Stable names, as in the data files: "phone", "ars", … */
const char *
dojang_channel_kind_to_string (DojangChannelKind kind)
{
  return dojang_enum_get_nick (DOJANG_TYPE_CHANNEL_KIND, kind);
}
