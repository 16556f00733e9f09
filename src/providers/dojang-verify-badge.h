/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-fact.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_VERIFY_BADGE (dojang_verify_badge_get_type ())

G_DECLARE_FINAL_TYPE (DojangVerifyBadge, dojang_verify_badge, DOJANG, VERIFY_BADGE, AdwBin)

GtkWidget *dojang_verify_badge_new      (void);
void       dojang_verify_badge_set_facts (DojangVerifyBadge *self,
                                          DojangFact * const *facts,
                                          guint              n_facts);
char      *dojang_verify_badge_describe  (DojangFact        *fact);
void       dojang_verify_badge_mark_fact (DojangVerifyBadge *self,
                                          DojangFact        *fact,
                                          GtkWidget         *subject);

G_END_DECLS
