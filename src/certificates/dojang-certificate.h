/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate-error.h"

G_BEGIN_DECLS

/**
 * DojangCertificateStatus:
 * @DOJANG_CERTIFICATE_STATUS_VALID: valid and not yet in its renewal window
 * @DOJANG_CERTIFICATE_STATUS_EXPIRING: valid, inside the renewal window of its CA and type
 * @DOJANG_CERTIFICATE_STATUS_EXPIRED: past notAfter; only a new issuance (신규 발급) helps
 * @DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID: before notBefore
 * @DOJANG_CERTIFICATE_STATUS_UNUSABLE: within its validity, but its private key
 *   (signPri.key) is not beside it, so it can neither sign nor be renewed
 *
 * When several hold, the first of not yet valid, expired and unusable wins
 * (the order in which the renewal rules decide too).
 */
typedef enum
{
  DOJANG_CERTIFICATE_STATUS_VALID,
  DOJANG_CERTIFICATE_STATUS_EXPIRING,
  DOJANG_CERTIFICATE_STATUS_EXPIRED,
  DOJANG_CERTIFICATE_STATUS_NOT_YET_VALID,
  DOJANG_CERTIFICATE_STATUS_UNUSABLE,
} DojangCertificateStatus;

#define DOJANG_TYPE_CERTIFICATE_STATUS (dojang_certificate_status_get_type ())
GType dojang_certificate_status_get_type (void);

/* Used when the catalog does not know the certificate type: the most common
 * window (yessign and KICA). */
#define DOJANG_CERTIFICATE_DEFAULT_RENEWAL_WINDOW_DAYS 30

#define DOJANG_TYPE_CERTIFICATE (dojang_certificate_get_type ())

G_DECLARE_FINAL_TYPE (DojangCertificate, dojang_certificate, DOJANG, CERTIFICATE, GObject)

DojangCertificate       *dojang_certificate_new_from_file          (const char         *cert_path,
                                                                    GError            **error);
DojangCertificate       *dojang_certificate_new_from_bytes         (GBytes             *der,
                                                                    const char         *cert_path,
                                                                    GError            **error);

const char              *dojang_certificate_get_path               (DojangCertificate  *self);
const char              *dojang_certificate_get_folder             (DojangCertificate  *self);
const char              *dojang_certificate_get_root               (DojangCertificate  *self);
const char              *dojang_certificate_get_subject            (DojangCertificate  *self);
const char              *dojang_certificate_get_name               (DojangCertificate  *self);
const char              *dojang_certificate_get_issuer_dn          (DojangCertificate  *self);
const char              *dojang_certificate_get_issuer_organization (DojangCertificate *self);
const char              *dojang_certificate_get_issuer_common_name (DojangCertificate  *self);
const char              *dojang_certificate_get_provider_id        (DojangCertificate  *self);
const char              *dojang_certificate_get_provider_name      (DojangCertificate  *self);
char                    *dojang_certificate_dup_provider_name_with_brand (DojangCertificate *self);
gboolean                 dojang_certificate_get_type_known         (DojangCertificate  *self);
const char              *dojang_certificate_get_type_name          (DojangCertificate  *self);
const char              *dojang_certificate_get_policy_oid         (DojangCertificate  *self);
const char              *dojang_certificate_get_serial             (DojangCertificate  *self);
GDateTime               *dojang_certificate_get_not_before         (DojangCertificate  *self);
GDateTime               *dojang_certificate_get_not_after          (DojangCertificate  *self);
const char              *dojang_certificate_get_sha256             (DojangCertificate  *self);
int                      dojang_certificate_get_annual_fee_krw     (DojangCertificate  *self);
int                      dojang_certificate_get_renewal_window_days (DojangCertificate *self);
gboolean                 dojang_certificate_get_renewed_at_bank    (DojangCertificate  *self);
GDateTime               *dojang_certificate_get_renewal_opens      (DojangCertificate  *self);
gboolean                 dojang_certificate_get_has_private_key    (DojangCertificate  *self);
const char              *dojang_certificate_get_key_path           (DojangCertificate  *self);
const char              *dojang_certificate_get_km_cert_path       (DojangCertificate  *self);
const char              *dojang_certificate_get_km_key_path        (DojangCertificate  *self);
DojangCertificateStatus  dojang_certificate_get_status             (DojangCertificate  *self,
                                                                    GDateTime          *now);
int                      dojang_certificate_get_days_left          (DojangCertificate  *self,
                                                                    GDateTime          *now);
int                      dojang_certificate_get_days_until_valid   (DojangCertificate  *self,
                                                                    GDateTime          *now);
gboolean                 dojang_certificate_status_needs_attention (DojangCertificateStatus status);

const char              *dojang_certificate_status_to_string       (DojangCertificateStatus status);

G_END_DECLS
