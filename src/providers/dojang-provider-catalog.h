/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate-type.h"
#include "dojang-provider.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_PROVIDER_CATALOG (dojang_provider_catalog_get_type ())

G_DECLARE_FINAL_TYPE (DojangProviderCatalog, dojang_provider_catalog, DOJANG, PROVIDER_CATALOG, GObject)

DojangProviderCatalog *dojang_provider_catalog_get_default     (void);
DojangProviderCatalog *dojang_provider_catalog_new_default     (void);
DojangProviderCatalog *dojang_provider_catalog_new_from_file   (const char            *path,
                                                                GError               **error);
DojangProviderCatalog *dojang_provider_catalog_new_from_bytes  (GBytes                *bytes,
                                                                const char            *file_name,
                                                                GError               **error);
GListModel            *dojang_provider_catalog_get_providers   (DojangProviderCatalog *self);
DojangProvider        *dojang_provider_catalog_lookup          (DojangProviderCatalog *self,
                                                                const char            *id);
DojangProvider        *dojang_provider_catalog_identify_issuer (DojangProviderCatalog *self,
                                                                const char            *issuer_org,
                                                                const char            *issuer_cn,
                                                                const char            *policy_oid);
DojangCertificateType *dojang_provider_catalog_find_type       (DojangProviderCatalog *self,
                                                                const char            *policy_oid);
GListModel            *dojang_provider_catalog_get_other_types (DojangProviderCatalog *self);

G_END_DECLS
