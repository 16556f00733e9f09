/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate-type.h"
#include "dojang-channel.h"
#include "dojang-fact.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_PROVIDER (dojang_provider_get_type ())

G_DECLARE_FINAL_TYPE (DojangProvider, dojang_provider, DOJANG, PROVIDER, GObject)

const char         *dojang_provider_get_id                   (DojangProvider *self);
const char         *dojang_provider_get_name                 (DojangProvider *self);
const char         *dojang_provider_get_name_ko              (DojangProvider *self);
const char         *dojang_provider_get_name_en              (DojangProvider *self);
const char         *dojang_provider_get_brand                (DojangProvider *self);
char               *dojang_provider_dup_name_with_brand      (DojangProvider *self,
                                                              gboolean        in_korean);
const char         *dojang_provider_get_main_phone           (DojangProvider *self);
DojangChannel      *dojang_provider_get_main_channel         (DojangProvider *self);
const char         *dojang_provider_get_website              (DojangProvider *self);
const char         *dojang_provider_get_renewal_url          (DojangProvider *self);
const char         *dojang_provider_get_faq_url              (DojangProvider *self);
const char         *dojang_provider_get_inquiry_url          (DojangProvider *self);
const char         *dojang_provider_get_chatbot_url          (DojangProvider *self);
const char         *dojang_provider_get_notes                (DojangProvider *self);
const char         *dojang_provider_get_new_issue            (DojangProvider *self);
GListModel         *dojang_provider_get_channels             (DojangProvider *self);
GListModel         *dojang_provider_get_certificate_types    (DojangProvider *self);
const char * const *dojang_provider_get_faq_topics           (DojangProvider *self);
const char * const *dojang_provider_get_issuer_organizations (DojangProvider *self);
const char * const *dojang_provider_get_issuer_cn_patterns   (DojangProvider *self);
const char * const *dojang_provider_get_policy_oid_arcs      (DojangProvider *self);
DojangFact         *dojang_provider_get_fact                 (DojangProvider *self,
                                                              const char     *key);
GPtrArray          *dojang_provider_collect_unverified       (DojangProvider *self);

G_END_DECLS
