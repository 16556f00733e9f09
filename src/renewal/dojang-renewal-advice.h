/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-renewal-plan.h"

G_BEGIN_DECLS

char *dojang_renewal_advice_short   (DojangRenewalPlan *plan,
                                     DojangCertificate *successor);
char *dojang_renewal_advice_title   (DojangRenewalPlan *plan,
                                     DojangCertificate *successor);
char *dojang_renewal_advice_body    (DojangRenewalPlan *plan,
                                     DojangCertificate *successor);
char *dojang_renewal_advice_contact (DojangRenewalPlan *plan);
char *dojang_renewal_advice_place   (DojangRenewalPlan *plan);

G_END_DECLS
