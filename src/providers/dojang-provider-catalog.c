/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The certificate authorities of data/providers.json, in the order of the
 * data, and the lookups that recognise a certificate's issuer and type.
 *
 * The file: { "version": 1, "providers": [ provider… ],
 * "other_certificate_types": [ type with "provider_id"… ] }. A provider has
 * id, name {ko, en}, brand, URLs, issuers {organizations, cn_patterns,
 * oid_arcs}, faq_topics, channels (with "hours") and certificate_types;
 * every object that states facts has a "facts" map from each fact to
 * { source, checked, confidence H|M|L, note {ko, en} }. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dojang-certificate-type-private.h"
#include "dojang-data-file.h"
#include "dojang-provider-catalog.h"
#include "dojang-provider-private.h"

struct _DojangProviderCatalog
{
  GObject     parent_instance;

  GListStore *providers;
  GListStore *other_types;   /* types of CAs no longer in service */
};

G_DEFINE_FINAL_TYPE (DojangProviderCatalog, dojang_provider_catalog, G_TYPE_OBJECT)

static void
dojang_provider_catalog_finalize (GObject *object)
{
  DojangProviderCatalog *self = DOJANG_PROVIDER_CATALOG (object);

  g_clear_object (&self->providers);
  g_clear_object (&self->other_types);

  G_OBJECT_CLASS (dojang_provider_catalog_parent_class)->finalize (object);
}

static void
dojang_provider_catalog_class_init (DojangProviderCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dojang_provider_catalog_finalize;
}

static void
dojang_provider_catalog_init (DojangProviderCatalog *self)
{
  self->providers = g_list_store_new (DOJANG_TYPE_PROVIDER);
  self->other_types = g_list_store_new (DOJANG_TYPE_CERTIFICATE_TYPE);
}

static gboolean
parse_providers (DojangProviderCatalog  *self,
                 const DojangJsonScope  *root,
                 GError                **error)
{
  JsonArray *providers;

  if (!dojang_json_scope_array (root, "providers", TRUE, &providers, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (providers); i++)
    {
      g_auto(DojangJsonScope) entry = { 0 };
      g_autoptr(DojangProvider) provider = NULL;

      if (!dojang_json_scope_element (root, "providers", providers, i, &entry, error))
        return FALSE;

      provider = dojang_provider_new_from_json (&entry, error);
      if (provider == NULL)
        return FALSE;

      if (dojang_provider_catalog_lookup (self, dojang_provider_get_id (provider)) != NULL)
        {
          dojang_json_set_error (error, DOJANG_DATA_ERROR_BAD_VALUE, entry.file, entry.path, "id",
                                 _("listed twice"));
          return FALSE;
        }
      g_list_store_append (self->providers, provider);
    }

  return TRUE;
}

static gboolean
parse_other_types (DojangProviderCatalog  *self,
                   const DojangJsonScope  *root,
                   GError                **error)
{
  JsonArray *types;

  if (!dojang_json_scope_array (root, "other_certificate_types", FALSE, &types, error))
    return FALSE;

  for (guint i = 0; types != NULL && i < json_array_get_length (types); i++)
    {
      g_auto(DojangJsonScope) entry = { 0 };
      g_autoptr(DojangCertificateType) type = NULL;
      const char *provider_id;

      if (!dojang_json_scope_element (root, "other_certificate_types", types, i, &entry, error) ||
          !dojang_json_scope_string (&entry, "provider_id", TRUE, &provider_id, error))
        return FALSE;

      type = dojang_certificate_type_new_from_json (&entry, provider_id, error);
      if (type == NULL)
        return FALSE;
      g_list_store_append (self->other_types, type);
    }

  return TRUE;
}

/**
 * dojang_provider_catalog_new_from_bytes:
 * @bytes: the contents of a providers.json
 * @file_name: how to call the file in error messages
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error
 * naming the file and the faulty field
 */
DojangProviderCatalog *
dojang_provider_catalog_new_from_bytes (GBytes      *bytes,
                                        const char  *file_name,
                                        GError     **error)
{
  g_autoptr(DojangProviderCatalog) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_auto(DojangJsonScope) root = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  parser = dojang_json_parse_bytes (bytes, file_name, &root, error);
  if (parser == NULL)
    return NULL;

  if (!dojang_json_check_version (&root, 1, error))
    return NULL;

  self = g_object_new (DOJANG_TYPE_PROVIDER_CATALOG, NULL);
  if (!parse_providers (self, &root, error) || !parse_other_types (self, &root, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * dojang_provider_catalog_new_from_file:
 *
 * Returns: (transfer full) (nullable): the catalog in @path
 */
DojangProviderCatalog *
dojang_provider_catalog_new_from_file (const char  *path,
                                       GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return dojang_data_file_load (path, (DojangDataLoader) dojang_provider_catalog_new_from_bytes, error);
}

/**
 * dojang_provider_catalog_new_default:
 *
 * Loads a fresh copy of the default catalog: a valid
 * $XDG_DATA_HOME/dojang/providers.json, else the built-in one (a broken
 * user copy is ignored with a warning). Most callers want get_default.
 *
 * Returns: (transfer full): the catalog
 */
DojangProviderCatalog *
dojang_provider_catalog_new_default (void)
{
  return dojang_data_file_load_default ("providers.json",
                                        (DojangDataLoader) dojang_provider_catalog_new_from_bytes);
}

/**
 * dojang_provider_catalog_get_default:
 *
 * Returns: (transfer none): the catalog, loaded once per process
 */
DojangProviderCatalog *
dojang_provider_catalog_get_default (void)
{
  static DojangProviderCatalog *catalog;

  if (g_once_init_enter (&catalog))
    g_once_init_leave (&catalog, dojang_provider_catalog_new_default ());

  return catalog;
}

/* Returns: (transfer none): the DojangProvider list, in the data's order */
GListModel *
dojang_provider_catalog_get_providers (DojangProviderCatalog *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER_CATALOG (self), NULL);

  return G_LIST_MODEL (self->providers);
}

/* Returns: (transfer none): DojangCertificateType of CAs that are no longer in service */
GListModel *
dojang_provider_catalog_get_other_types (DojangProviderCatalog *self)
{
  g_return_val_if_fail (DOJANG_IS_PROVIDER_CATALOG (self), NULL);

  return G_LIST_MODEL (self->other_types);
}

static DojangProvider *
provider_at (DojangProviderCatalog *self,
             guint                  position)
{
  DojangProvider *provider = g_list_model_get_item (G_LIST_MODEL (self->providers), position);

  /* The store keeps its own reference: hand out a borrowed pointer. */
  g_object_unref (provider);
  return provider;
}

/* Returns: (transfer none) (nullable): the provider with that id */
DojangProvider *
dojang_provider_catalog_lookup (DojangProviderCatalog *self,
                                const char            *id)
{
  guint n;

  g_return_val_if_fail (DOJANG_IS_PROVIDER_CATALOG (self), NULL);

  if (id == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->providers));
  for (guint i = 0; i < n; i++)
    {
      DojangProvider *provider = provider_at (self, i);

      if (g_str_equal (dojang_provider_get_id (provider), id))
        return provider;
    }

  return NULL;
}

typedef gboolean (*ProviderMatch) (DojangProvider *provider,
                                   const char     *value);

static DojangProvider *
find_provider (DojangProviderCatalog *self,
               ProviderMatch          match,
               const char            *value)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->providers));

  if (value == NULL || *value == '\0')
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      DojangProvider *provider = provider_at (self, i);

      if (match (provider, value))
        return provider;
    }

  return NULL;
}

/**
 * dojang_provider_catalog_identify_issuer:
 * @issuer_org: (nullable): the issuer's O=, e.g. "yessign"
 * @issuer_cn: (nullable): the issuer's CN=, e.g. "yessignCA Class 2"
 * @policy_oid: (nullable): the certificate's certificatePolicies OID
 *
 * Issuer names change over the years (CA numbers, "LicensedCA"), so the
 * organisation is tried first (any case), then the CN, then the OID arc.
 *
 * Returns: (transfer none) (nullable): the CA, or %NULL when unknown
 */
DojangProvider *
dojang_provider_catalog_identify_issuer (DojangProviderCatalog *self,
                                         const char            *issuer_org,
                                         const char            *issuer_cn,
                                         const char            *policy_oid)
{
  DojangProvider *provider;

  g_return_val_if_fail (DOJANG_IS_PROVIDER_CATALOG (self), NULL);

  provider = find_provider (self, dojang_provider_matches_org, issuer_org);
  if (provider == NULL)
    provider = find_provider (self, dojang_provider_matches_cn, issuer_cn);
  if (provider == NULL)
    provider = find_provider (self, dojang_provider_matches_oid_arc, policy_oid);

  return provider;
}

static DojangCertificateType *
find_type_in (GListModel *types,
              const char *policy_oid,
              gboolean    exact)
{
  guint n = g_list_model_get_n_items (types);

  for (guint i = 0; i < n; i++)
    {
      DojangCertificateType *type = g_list_model_get_item (types, i);

      /* The list keeps its own reference: hand out a borrowed pointer. */
      g_object_unref (type);
      if (dojang_certificate_type_matches_oid (type, policy_oid, exact))
        return type;
    }

  return NULL;
}

static DojangCertificateType *
find_type (DojangProviderCatalog *self,
           const char            *policy_oid,
           gboolean               exact)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->providers));
  DojangCertificateType *type;

  for (guint i = 0; i < n; i++)
    {
      type = find_type_in (dojang_provider_get_certificate_types (provider_at (self, i)), policy_oid, exact);
      if (type != NULL)
        return type;
    }

  return find_type_in (G_LIST_MODEL (self->other_types), policy_oid, exact);
}

/**
 * dojang_provider_catalog_find_type:
 * @policy_oid: (nullable): a certificatePolicies OID
 *
 * Exact OIDs win; a few types are defined by an arc instead (yessign's
 * 1.2.410.200005.1.1.6.x, the closed NCASign's 1.2.410.200004.5.3.1.x).
 *
 * Returns: (transfer none) (nullable): the type, or %NULL when unknown
 */
DojangCertificateType *
dojang_provider_catalog_find_type (DojangProviderCatalog *self,
                                   const char            *policy_oid)
{
  DojangCertificateType *type;

  g_return_val_if_fail (DOJANG_IS_PROVIDER_CATALOG (self), NULL);

  if (policy_oid == NULL || *policy_oid == '\0')
    return NULL;

  type = find_type (self, policy_oid, TRUE);
  if (type == NULL)
    type = find_type (self, policy_oid, FALSE);

  return type;
}
