/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "dojang-enum.h"
#include "dojang-fact.h"
#include "dojang-i18n.h"

struct _DojangFact
{
  char             *path;
  char             *source;
  char             *checked;
  char             *note_ko;
  char             *note_en;
  DojangConfidence  confidence;
};

G_DEFINE_BOXED_TYPE (DojangFact, dojang_fact, dojang_fact_ref, dojang_fact_unref)

/* The nicks are the "confidence" letters of the data files. */
G_DEFINE_ENUM_TYPE (DojangConfidence, dojang_confidence,
  G_DEFINE_ENUM_VALUE (DOJANG_CONFIDENCE_HIGH, "H"),
  G_DEFINE_ENUM_VALUE (DOJANG_CONFIDENCE_MEDIUM, "M"),
  G_DEFINE_ENUM_VALUE (DOJANG_CONFIDENCE_LOW, "L"))

/**
 * dojang_fact_new:
 * @path: where the fact sits in its data file, e.g. "providers[0].channels[1].hours"
 * @source: the URL (or, where there is none, the citation) it was taken from
 * @checked: the ISO 8601 date it was last checked
 * @confidence: how sure we are
 * @note_ko: (nullable): a Korean remark on the source
 * @note_en: (nullable): the same in English
 */
DojangFact *
dojang_fact_new (const char       *path,
                 const char       *source,
                 const char       *checked,
                 DojangConfidence  confidence,
                 const char       *note_ko,
                 const char       *note_en)
{
  DojangFact *self;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (checked != NULL, NULL);

  self = g_atomic_rc_box_new0 (DojangFact);
  self->path = g_strdup (path);
  self->source = g_strdup (source);
  self->checked = g_strdup (checked);
  self->confidence = confidence;
  self->note_ko = g_strdup (note_ko);
  self->note_en = g_strdup (note_en);

  return self;
}

DojangFact *
dojang_fact_ref (DojangFact *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
dojang_fact_clear (DojangFact *self)
{
  g_free (self->path);
  g_free (self->source);
  g_free (self->checked);
  g_free (self->note_ko);
  g_free (self->note_en);
}

void
dojang_fact_unref (DojangFact *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) dojang_fact_clear);
}

const char *
dojang_fact_get_path (const DojangFact *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/**
 * dojang_fact_get_key:
 *
 * Returns: the last component of the path: "hours", "annual_fee", …
 */
const char *
dojang_fact_get_key (const DojangFact *self)
{
  const char *dot;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->path == NULL)
    return NULL;

  dot = strrchr (self->path, '.');
  return dot != NULL ? dot + 1 : self->path;
}

const char *
dojang_fact_get_source (const DojangFact *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

/**
 * dojang_fact_get_source_url:
 *
 * Returns: (nullable): the source when it is a web address, else %NULL
 */
const char *
dojang_fact_get_source_url (const DojangFact *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_str_has_prefix (self->source, "https://") || g_str_has_prefix (self->source, "http://"))
    return self->source;

  return NULL;
}

const char *
dojang_fact_get_checked (const DojangFact *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->checked;
}

DojangConfidence
dojang_fact_get_confidence (const DojangFact *self)
{
  g_return_val_if_fail (self != NULL, DOJANG_CONFIDENCE_LOW);

  return self->confidence;
}

/**
 * dojang_fact_get_note:
 *
 * Returns: (nullable): the remark on the source in the active language
 */
const char *
dojang_fact_get_note (const DojangFact *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return dojang_i18n_pick (self->note_ko, self->note_en);
}

/**
 * dojang_fact_is_verified:
 *
 * Returns: %TRUE when several independent sources agree (confidence H);
 * anything else must be shown with "please verify".
 */
gboolean
dojang_fact_is_verified (const DojangFact *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->confidence == DOJANG_CONFIDENCE_HIGH;
}

/**
 * dojang_facts_lookup:
 * @facts: (element-type DojangFact): a list of facts
 * @key: the fact's key, e.g. "hours"
 *
 * Returns: (transfer none) (nullable): the fact with that key
 */
DojangFact *
dojang_facts_lookup (GPtrArray  *facts,
                     const char *key)
{
  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      DojangFact *fact = g_ptr_array_index (facts, i);

      if (g_strcmp0 (dojang_fact_get_key (fact), key) == 0)
        return fact;
    }

  return NULL;
}

const char *
dojang_confidence_to_string (DojangConfidence confidence)
{
  return dojang_enum_get_nick (DOJANG_TYPE_CONFIDENCE, confidence);
}

gboolean
dojang_confidence_from_string (const char       *text,
                               DojangConfidence *confidence)
{
  int value;

  if (!dojang_enum_from_nick (DOJANG_TYPE_CONFIDENCE, text, &value))
    return FALSE;

  *confidence = (DojangConfidence) value;
  return TRUE;
}
