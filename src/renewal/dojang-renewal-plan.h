/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-certificate.h"
#include "dojang-provider.h"

G_BEGIN_DECLS

/**
 * DojangRenewalReason:
 * @DOJANG_RENEWAL_REASON_ELIGIBLE: it can be renewed now
 * @DOJANG_RENEWAL_REASON_TOO_EARLY: the CA's renewal window has not opened yet
 * @DOJANG_RENEWAL_REASON_EXPIRED: past its expiry: only a new issue (신규 발급)
 * @DOJANG_RENEWAL_REASON_NOT_YET_VALID: its validity has not begun
 * @DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY: no signPri.key beside it: 재발급
 * @DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER: Dojang does not know its CA
 *
 * When several hold, the first in the order not_yet_valid, expired,
 * unknown_provider, no_private_key, too_early is the reason.
 */
typedef enum
{
  DOJANG_RENEWAL_REASON_ELIGIBLE,
  DOJANG_RENEWAL_REASON_TOO_EARLY,
  DOJANG_RENEWAL_REASON_EXPIRED,
  DOJANG_RENEWAL_REASON_NOT_YET_VALID,
  DOJANG_RENEWAL_REASON_NO_PRIVATE_KEY,
  DOJANG_RENEWAL_REASON_UNKNOWN_PROVIDER,
} DojangRenewalReason;

/**
 * DojangRenewalPlace:
 * @DOJANG_RENEWAL_PLACE_UNKNOWN: the CA is not known
 * @DOJANG_RENEWAL_PLACE_PROVIDER: on the CA's own site
 * @DOJANG_RENEWAL_PLACE_BANK: at the issuing bank (its internet banking's 인증센터)
 */
typedef enum
{
  DOJANG_RENEWAL_PLACE_UNKNOWN,
  DOJANG_RENEWAL_PLACE_PROVIDER,
  DOJANG_RENEWAL_PLACE_BANK,
} DojangRenewalPlace;

#define DOJANG_TYPE_RENEWAL_PLAN (dojang_renewal_plan_get_type ())

G_DECLARE_FINAL_TYPE (DojangRenewalPlan, dojang_renewal_plan, DOJANG, RENEWAL_PLAN, GObject)

DojangRenewalPlan   *dojang_renewal_plan_new                  (DojangCertificate   *certificate,
                                                               GDateTime           *now);
DojangCertificate   *dojang_renewal_plan_get_certificate      (DojangRenewalPlan   *self);
DojangProvider      *dojang_renewal_plan_get_provider         (DojangRenewalPlan   *self);
GDateTime           *dojang_renewal_plan_get_now              (DojangRenewalPlan   *self);
DojangRenewalReason  dojang_renewal_plan_get_reason           (DojangRenewalPlan   *self);
gboolean             dojang_renewal_plan_get_eligible         (DojangRenewalPlan   *self);
int                  dojang_renewal_plan_get_window_days      (DojangRenewalPlan   *self);
const GDate         *dojang_renewal_plan_get_expiry_day       (DojangRenewalPlan   *self);
const GDate         *dojang_renewal_plan_get_window_opens     (DojangRenewalPlan   *self);
const GDate         *dojang_renewal_plan_get_new_not_after    (DojangRenewalPlan   *self);
DojangRenewalPlace   dojang_renewal_plan_get_place            (DojangRenewalPlan   *self);
int                  dojang_renewal_plan_get_fee_krw          (DojangRenewalPlan   *self);
gboolean             dojang_renewal_plan_get_payment_required (DojangRenewalPlan   *self);
const char          *dojang_renewal_plan_get_renewal_url      (DojangRenewalPlan   *self);
char                *dojang_renewal_plan_to_json              (DojangRenewalPlan   *self);

const char          *dojang_renewal_reason_to_string          (DojangRenewalReason  reason);
const char          *dojang_renewal_place_to_string           (DojangRenewalPlace   place);

G_END_DECLS
