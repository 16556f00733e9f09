/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-renewal-plan.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_RENEWAL_CONFIRM_PAGE (dojang_renewal_confirm_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangRenewalConfirmPage, dojang_renewal_confirm_page, DOJANG, RENEWAL_CONFIRM_PAGE, AdwBin)

void dojang_renewal_confirm_page_setup       (DojangRenewalConfirmPage *self,
                                              DojangRenewalPlan        *plan,
                                              const char               *payment_method,
                                              gboolean                  new_password);
void dojang_renewal_confirm_page_show_notice (DojangRenewalConfirmPage *self,
                                              const char               *notice);

G_END_DECLS
