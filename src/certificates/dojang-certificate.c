/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One NPKI signing certificate (signCert.der), parsed with GnuTLS and
 * matched against the provider catalog for its CA, type, fee and renewal
 * window. Immutable once built. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dojang-certificate-private.h"
#include "dojang-npki-lookup.h"
#include "dojang-provider-catalog.h"
#include "dojang-seoul.h"
#include "dojang-x509.h"

struct _DojangCertificate
{
  GObject                parent_instance;

  char                  *path;
  char                  *folder;
  char                  *root;
  char                  *key_path;
  char                  *km_cert_path;
  char                  *km_key_path;

  DojangX509Info        *info;
  char                  *name;

  DojangProvider        *provider;
  DojangCertificateType *type;
};

G_DEFINE_FINAL_TYPE (DojangCertificate, dojang_certificate, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (DojangCertificateStatus, dojang_certificate_status,
  G_DEFINE_ENUM_VALUE (DOJANG_CERTIFICATE_STATUS_VALID, "valid"),
  G_DEFINE_ENUM_VALUE (DOJANG_CERTIFICATE_STATUS_EXPIRING, "expiring"),
  G_DEFINE_ENUM_VALUE (DOJANG_CERTIFICATE_STATUS_EXPIRED, "expired"),
  G_DEFINE_ENUM_VALUE (DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID, "not_yet_valid"),
  G_DEFINE_ENUM_VALUE (DOJANG_CERTIFICATE_STATUS_UNUSABLE, "unusable"))

enum {
  PROP_0,
  PROP_PATH,
  PROP_SUBJECT,
  PROP_NAME,
  PROP_PROVIDER_ID,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "홍길동()0011048202001011234567" → "홍길동". The number follows the last
 * parenthesis, so companies like "(주)도장상사()…" keep their "(주)". */
static char *
name_from_subject (const char *subject)
{
  const char *paren = strrchr (subject, '(');
  g_autofree char *name = NULL;

  if (paren == NULL || paren == subject)
    return g_strstrip (g_strdup (subject));

  name = g_strndup (subject, paren - subject);
  g_strstrip (name);

  if (*name == '\0')
    return g_strstrip (g_strdup (subject));

  return g_steal_pointer (&name);
}

static void
match_catalog (DojangCertificate *self)
{
  DojangProviderCatalog *catalog = dojang_provider_catalog_get_default ();
  DojangProvider *provider;
  DojangCertificateType *type = NULL;

  if (catalog == NULL)
    return;

  provider = dojang_provider_catalog_identify_issuer (catalog, self->info->issuer_org,
                                                      self->info->issuer_cn,
                                                      self->info->policy_oid);
  if (self->info->policy_oid != NULL)
    type = dojang_provider_catalog_find_type (catalog, self->info->policy_oid);

  if (type != NULL && provider == NULL)
    provider = dojang_provider_catalog_lookup (catalog, dojang_certificate_type_get_provider_id (type));

  g_set_object (&self->provider, provider);
  g_set_object (&self->type, type);
}

static gboolean
parse_der (DojangCertificate  *self,
           GBytes             *der,
           GError            **error)
{
  self->info = dojang_x509_info_parse (der, error);
  if (self->info == NULL)
    return FALSE;

  self->name = name_from_subject (self->info->subject);
  match_catalog (self);

  return TRUE;
}

static void
dojang_certificate_finalize (GObject *object)
{
  DojangCertificate *self = DOJANG_CERTIFICATE (object);

  g_free (self->path);
  g_free (self->folder);
  g_free (self->root);
  g_free (self->key_path);
  g_free (self->km_cert_path);
  g_free (self->km_key_path);
  g_clear_pointer (&self->info, dojang_x509_info_free);
  g_free (self->name);
  g_clear_object (&self->provider);
  g_clear_object (&self->type);

  G_OBJECT_CLASS (dojang_certificate_parent_class)->finalize (object);
}

static void
dojang_certificate_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DojangCertificate *self = DOJANG_CERTIFICATE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->info->subject);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PROVIDER_ID:
      g_value_set_string (value, dojang_certificate_get_provider_id (self));
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->info->sha256);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dojang_certificate_class_init (DojangCertificateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dojang_certificate_finalize;
  object_class->get_property = dojang_certificate_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVIDER_ID] =
    g_param_spec_string ("provider-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dojang_certificate_init (DojangCertificate *self)
{
}

/**
 * dojang_certificate_new_from_bytes:
 * @der: the DER encoding of the certificate
 * @cert_path: (nullable): where it came from; its folder is not looked at
 * @error: a #DOJANG_CERTIFICATE_ERROR on failure
 */
DojangCertificate *
dojang_certificate_new_from_bytes (GBytes      *der,
                                   const char  *cert_path,
                                   GError     **error)
{
  g_autoptr(DojangCertificate) self = NULL;

  g_return_val_if_fail (der != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (DOJANG_TYPE_CERTIFICATE, NULL);
  self->path = g_strdup (cert_path != NULL ? cert_path : "");
  self->folder = cert_path != NULL ? g_path_get_dirname (cert_path) : g_strdup ("");

  if (!parse_der (self, der, error))
    return NULL;

  return g_steal_pointer (&self);
}

DojangCertificate *
_dojang_certificate_new_with_companions (const char  *root,
                                         const char  *cert_path,
                                         const char  *key_path,
                                         const char  *km_cert_path,
                                         const char  *km_key_path,
                                         GError     **error)
{
  g_autoptr(GBytes) der = NULL;
  DojangCertificate *self;

  der = dojang_x509_read_file (cert_path, error);
  if (der == NULL)
    return NULL;

  self = dojang_certificate_new_from_bytes (der, cert_path, error);
  if (self == NULL)
    return NULL;

  self->root = g_strdup (root);
  self->key_path = g_strdup (key_path);
  self->km_cert_path = g_strdup (km_cert_path);
  self->km_key_path = g_strdup (km_key_path);

  return self;
}

DojangCertificate *
_dojang_certificate_new_from_file (const char  *root,
                                   const char  *cert_path,
                                   GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (cert_path);
  g_autofree char *key_path = dojang_npki_find_file (folder, "signPri.key");
  g_autofree char *km_cert_path = dojang_npki_find_file (folder, "kmCert.der");
  g_autofree char *km_key_path = dojang_npki_find_file (folder, "kmPri.key");

  return _dojang_certificate_new_with_companions (root, cert_path, key_path, km_cert_path,
                                                  km_key_path, error);
}

/**
 * dojang_certificate_new_from_file:
 * @cert_path: a signCert.der file
 * @error: a #DOJANG_CERTIFICATE_ERROR on failure
 *
 * Reads and parses @cert_path and looks for signPri.key, kmCert.der and
 * kmPri.key beside it (names compared case-insensitively).
 */
DojangCertificate *
dojang_certificate_new_from_file (const char  *cert_path,
                                  GError     **error)
{
  g_return_val_if_fail (cert_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _dojang_certificate_new_from_file (NULL, cert_path, error);
}

const char *
dojang_certificate_get_path (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->path;
}

const char *
dojang_certificate_get_folder (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->folder;
}

/**
 * dojang_certificate_get_root:
 *
 * Returns: (nullable): the place it was found in, as the scanner was given
 *   it (an NPKI folder, a folder the user added, a file the user opened);
 *   %NULL when it was read on its own
 */
const char *
dojang_certificate_get_root (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->root;
}

/**
 * dojang_certificate_get_subject:
 *
 * Returns: the full subject common name, e.g. "홍길동()0011048202001011234567"
 */
const char *
dojang_certificate_get_subject (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->info->subject;
}

/**
 * dojang_certificate_get_name:
 *
 * Returns: the person's or company's name: the common name before its
 *   number in parentheses
 */
const char *
dojang_certificate_get_name (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->name;
}

const char *
dojang_certificate_get_issuer_dn (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->info->issuer_dn;
}

const char *
dojang_certificate_get_issuer_organization (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->info->issuer_org;
}

const char *
dojang_certificate_get_issuer_common_name (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->info->issuer_cn;
}

/**
 * dojang_certificate_get_provider_id:
 *
 * Returns: "kica", "koscom", "yessign", "crosscert", "tradesign" or "unknown"
 */
const char *
dojang_certificate_get_provider_id (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->provider != NULL ? dojang_provider_get_id (self->provider) : "unknown";
}

const char *
dojang_certificate_get_provider_name (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  if (self->provider != NULL)
    return dojang_provider_get_name (self->provider);

  if (self->info->issuer_org != NULL && *self->info->issuer_org != '\0')
    return self->info->issuer_org;

  return _("Unknown issuer");
}

/**
 * dojang_certificate_dup_provider_name_with_brand:
 *
 * Returns: (transfer full): the issuer's name with its brand, as the
 *   details show it ("금융결제원 (yessign)"); an issuer not in the catalog
 *   as dojang_certificate_get_provider_name() gives it
 */
char *
dojang_certificate_dup_provider_name_with_brand (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  if (self->provider != NULL)
    return dojang_provider_dup_name_with_brand (self->provider, FALSE);

  return g_strdup (dojang_certificate_get_provider_name (self));
}

gboolean
dojang_certificate_get_type_known (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), FALSE);

  return self->type != NULL;
}

const char *
dojang_certificate_get_type_name (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  if (self->type != NULL)
    return dojang_certificate_type_get_name (self->type);

  return _("Unknown type");
}

/**
 * dojang_certificate_get_policy_oid:
 *
 * Returns: (nullable): the certificatePolicies OID that tells the type
 */
const char *
dojang_certificate_get_policy_oid (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->info->policy_oid;
}

/**
 * dojang_certificate_get_serial:
 *
 * Returns: the serial number in lowercase hexadecimal, without leading zero bytes
 */
const char *
dojang_certificate_get_serial (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->info->serial;
}

/**
 * dojang_certificate_get_not_before:
 *
 * Returns: (transfer none): the start of validity, in UTC
 */
GDateTime *
dojang_certificate_get_not_before (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->info->not_before;
}

/**
 * dojang_certificate_get_not_after:
 *
 * Returns: (transfer none): the end of validity, in UTC
 */
GDateTime *
dojang_certificate_get_not_after (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->info->not_after;
}

/**
 * dojang_certificate_get_sha256:
 *
 * Returns: the SHA-256 fingerprint of the DER, 64 lowercase hex digits
 */
const char *
dojang_certificate_get_sha256 (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->info->sha256;
}

/**
 * dojang_certificate_get_annual_fee_krw:
 *
 * Returns: the yearly fee in won, VAT included; 0 when free, -1 when the
 *   type is unknown
 */
int
dojang_certificate_get_annual_fee_krw (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), -1);

  return self->type != NULL ? dojang_certificate_type_get_annual_fee_krw (self->type) : -1;
}

/**
 * dojang_certificate_get_renewed_at_bank:
 *
 * Returns: whether the certificate is renewed at the holder's own bank
 *   (internet banking → 인증센터) rather than on its CA's site, as personal
 *   yessign certificates are (the catalog's "renewal_at": "bank")
 */
gboolean
dojang_certificate_get_renewed_at_bank (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), FALSE);

  return self->type != NULL && dojang_certificate_type_get_renewed_at_bank (self->type);
}

/**
 * dojang_certificate_get_renewal_window_days:
 *
 * Returns: how many days before expiry the CA accepts a renewal
 */
int
dojang_certificate_get_renewal_window_days (DojangCertificate *self)
{
  int days;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), DOJANG_CERTIFICATE_DEFAULT_RENEWAL_WINDOW_DAYS);

  if (self->type == NULL)
    return DOJANG_CERTIFICATE_DEFAULT_RENEWAL_WINDOW_DAYS;

  days = dojang_certificate_type_get_renewal_window_days (self->type);

  return days > 0 ? days : DOJANG_CERTIFICATE_DEFAULT_RENEWAL_WINDOW_DAYS;
}

/**
 * dojang_certificate_get_renewal_opens:
 *
 * The renewal window counts Seoul calendar days like "D-N" does: it opens
 * at 00:00 KST on the day that is D-(window days).
 *
 * Returns: (transfer full): the first instant a renewal is accepted
 */
GDateTime *
dojang_certificate_get_renewal_opens (DojangCertificate *self)
{
  GDate day;
  GDateTime *opens;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  dojang_seoul_get_expiry_date (self->info->not_after, &day);
  g_date_subtract_days (&day, dojang_certificate_get_renewal_window_days (self));
  opens = dojang_seoul_new_date_time (&day, 0, 0, 0);

  /* Only for a notAfter at the very start of the year 0001. */
  if (opens == NULL)
    opens = g_date_time_ref (self->info->not_after);

  return opens;
}

gboolean
dojang_certificate_get_has_private_key (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), FALSE);

  return self->key_path != NULL;
}

/**
 * dojang_certificate_get_key_path:
 *
 * Returns: (nullable): the signPri.key beside the certificate
 */
const char *
dojang_certificate_get_key_path (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->key_path;
}

/**
 * dojang_certificate_get_km_cert_path:
 *
 * Returns: (nullable): the key-management certificate (kmCert.der) beside it
 */
const char *
dojang_certificate_get_km_cert_path (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->km_cert_path;
}

/**
 * dojang_certificate_get_km_key_path:
 *
 * Returns: (nullable): the key-management private key (kmPri.key) beside it
 */
const char *
dojang_certificate_get_km_key_path (DojangCertificate *self)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), NULL);

  return self->km_key_path;
}

DojangCertificateStatus
dojang_certificate_get_status (DojangCertificate *self,
                               GDateTime         *now)
{
  g_autoptr(GDateTime) renewal_opens = NULL;

  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), DOJANG_CERTIFICATE_STATUS_EXPIRED);
  g_return_val_if_fail (now != NULL, DOJANG_CERTIFICATE_STATUS_EXPIRED);

  if (g_date_time_compare (now, self->info->not_before) < 0)
    return DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID;

  if (g_date_time_compare (now, self->info->not_after) >= 0)
    return DOJANG_CERTIFICATE_STATUS_EXPIRED;

  /* Without its key a certificate signs nothing and cannot be renewed:
   * however far its expiry, it needs its owner now. */
  if (self->key_path == NULL)
    return DOJANG_CERTIFICATE_STATUS_UNUSABLE;

  renewal_opens = dojang_certificate_get_renewal_opens (self);
  if (g_date_time_compare (now, renewal_opens) >= 0)
    return DOJANG_CERTIFICATE_STATUS_EXPIRING;

  return DOJANG_CERTIFICATE_STATUS_VALID;
}

/**
 * dojang_certificate_get_days_left:
 *
 * Returns: Seoul calendar days from @now to the expiry date, the "N" of
 *   "D-N": 0 all through the last day, negative once it is over (see
 *   dojang_seoul_days_left())
 */
int
dojang_certificate_get_days_left (DojangCertificate *self,
                                  GDateTime         *now)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  return dojang_seoul_days_left (now, self->info->not_after);
}

/**
 * dojang_certificate_get_days_until_valid:
 *
 * Returns: Seoul calendar days from @now to the first day of validity: 0
 *   once that day has come
 */
int
dojang_certificate_get_days_until_valid (DojangCertificate *self,
                                         GDateTime         *now)
{
  g_return_val_if_fail (DOJANG_IS_CERTIFICATE (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  if (g_date_time_compare (now, self->info->not_before) >= 0)
    return 0;

  return MAX (dojang_seoul_days_between (now, self->info->not_before), 0);
}
