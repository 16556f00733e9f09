/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a fact of the bundled data comes from and how sure we are of it.
 * Anything below HIGH must be shown with "please verify / 확인 필요". */
typedef enum
{
  DOJANG_CONFIDENCE_HIGH,
  DOJANG_CONFIDENCE_MEDIUM,
  DOJANG_CONFIDENCE_LOW,
} DojangConfidence;

#define DOJANG_TYPE_CONFIDENCE (dojang_confidence_get_type ())
GType dojang_confidence_get_type (void);

#define DOJANG_TYPE_FACT (dojang_fact_get_type ())

typedef struct _DojangFact DojangFact;

GType             dojang_fact_get_type       (void) G_GNUC_CONST;
DojangFact       *dojang_fact_new            (const char       *path,
                                              const char       *source,
                                              const char       *checked,
                                              DojangConfidence  confidence,
                                              const char       *note_ko,
                                              const char       *note_en);
DojangFact       *dojang_fact_ref            (DojangFact       *self);
void              dojang_fact_unref          (DojangFact       *self);
const char       *dojang_fact_get_path       (const DojangFact *self);
const char       *dojang_fact_get_key        (const DojangFact *self);
const char       *dojang_fact_get_source     (const DojangFact *self);
const char       *dojang_fact_get_source_url (const DojangFact *self);
const char       *dojang_fact_get_checked    (const DojangFact *self);
DojangConfidence  dojang_fact_get_confidence (const DojangFact *self);
const char       *dojang_fact_get_note       (const DojangFact *self);
gboolean          dojang_fact_is_verified    (const DojangFact *self);
DojangFact       *dojang_facts_lookup        (GPtrArray        *facts,
                                              const char       *key);
const char       *dojang_confidence_to_string (DojangConfidence confidence);
gboolean          dojang_confidence_from_string (const char     *text,
                                                 DojangConfidence *confidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DojangFact, dojang_fact_unref)

G_END_DECLS
