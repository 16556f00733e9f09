/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-renewal-plan.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_RENEWAL_PASSWORD_PAGE (dojang_renewal_password_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangRenewalPasswordPage, dojang_renewal_password_page, DOJANG, RENEWAL_PASSWORD_PAGE, AdwBin)

void     dojang_renewal_password_page_set_plan         (DojangRenewalPasswordPage *self,
                                                        DojangRenewalPlan         *plan);
gboolean dojang_renewal_password_page_start            (DojangRenewalPasswordPage *self);
gboolean dojang_renewal_password_page_get_busy         (DojangRenewalPasswordPage *self);
gboolean dojang_renewal_password_page_get_new_password (DojangRenewalPasswordPage *self);
void     dojang_renewal_password_page_clear            (DojangRenewalPasswordPage *self);
void     dojang_renewal_password_page_focus            (DojangRenewalPasswordPage *self);

G_END_DECLS
