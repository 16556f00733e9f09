/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-renewal-plan.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_RENEWAL_PAYMENT_PAGE (dojang_renewal_payment_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangRenewalPaymentPage, dojang_renewal_payment_page, DOJANG, RENEWAL_PAYMENT_PAGE, AdwBin)

void        dojang_renewal_payment_page_setup        (DojangRenewalPaymentPage *self,
                                                      DojangRenewalPlan        *plan,
                                                      GDateTime                *now);
gboolean    dojang_renewal_payment_page_get_complete (DojangRenewalPaymentPage *self);
const char *dojang_renewal_payment_page_get_method   (DojangRenewalPaymentPage *self);
const char *dojang_renewal_method_label              (const char               *method);
void        dojang_renewal_payment_page_clear        (DojangRenewalPaymentPage *self);
void        dojang_renewal_payment_page_focus        (DojangRenewalPaymentPage *self);

G_END_DECLS
