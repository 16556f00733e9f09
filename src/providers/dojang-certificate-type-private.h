/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-certificate-type.h"
#include "dojang-json-scope.h"

G_BEGIN_DECLS

DojangCertificateType *dojang_certificate_type_new_from_json (const DojangJsonScope  *scope,
                                                              const char             *provider_id,
                                                              GError                **error);
GPtrArray             *dojang_certificate_type_get_facts     (DojangCertificateType  *self);
gboolean               dojang_oid_is_valid                   (const char             *oid);
gboolean               dojang_oid_is_under_arc               (const char             *oid,
                                                              const char             *arc);

G_END_DECLS
