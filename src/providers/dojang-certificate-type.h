/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-fact.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CERTIFICATE_TYPE (dojang_certificate_type_get_type ())

G_DECLARE_FINAL_TYPE (DojangCertificateType, dojang_certificate_type, DOJANG, CERTIFICATE_TYPE, GObject)

const char         *dojang_certificate_type_get_id                  (DojangCertificateType *self);
const char         *dojang_certificate_type_get_provider_id         (DojangCertificateType *self);
const char         *dojang_certificate_type_get_name                (DojangCertificateType *self);
const char         *dojang_certificate_type_get_name_ko             (DojangCertificateType *self);
const char         *dojang_certificate_type_get_name_en             (DojangCertificateType *self);
const char * const *dojang_certificate_type_get_policy_oids         (DojangCertificateType *self);
const char * const *dojang_certificate_type_get_policy_oid_arcs     (DojangCertificateType *self);
int                 dojang_certificate_type_get_annual_fee_krw      (DojangCertificateType *self);
int                 dojang_certificate_type_get_renewal_window_days (DojangCertificateType *self);
gboolean            dojang_certificate_type_get_issued_at_bank      (DojangCertificateType *self);
gboolean            dojang_certificate_type_get_renewed_at_bank     (DojangCertificateType *self);
const char         *dojang_certificate_type_get_notes               (DojangCertificateType *self);
DojangFact         *dojang_certificate_type_get_fact                (DojangCertificateType *self,
                                                                     const char            *key);
gboolean            dojang_certificate_type_matches_oid             (DojangCertificateType *self,
                                                                     const char            *policy_oid,
                                                                     gboolean               exact);

G_END_DECLS
