/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-json-scope.h"
#include "dojang-provider.h"

G_BEGIN_DECLS

DojangProvider *dojang_provider_new_from_json    (const DojangJsonScope  *scope,
                                                  GError                **error);
gboolean        dojang_provider_matches_org      (DojangProvider         *self,
                                                  const char             *issuer_org);
gboolean        dojang_provider_matches_cn       (DojangProvider         *self,
                                                  const char             *issuer_cn);
gboolean        dojang_provider_matches_oid_arc  (DojangProvider         *self,
                                                  const char             *policy_oid);

G_END_DECLS
