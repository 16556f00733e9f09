/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-certificate-list.h"
#include "dojang-reminder-controller.h"
#include "dojang-renewal-plan.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_RENEWAL_SELECT_PAGE (dojang_renewal_select_page_get_type ())

G_DECLARE_FINAL_TYPE (DojangRenewalSelectPage, dojang_renewal_select_page, DOJANG, RENEWAL_SELECT_PAGE, AdwBin)

void               dojang_renewal_select_page_setup            (DojangRenewalSelectPage *self,
                                                                DojangCertificateList   *list,
                                                                DojangReminderController *reminders,
                                                                GDateTime               *now);
void               dojang_renewal_select_page_select           (DojangRenewalSelectPage *self,
                                                                const char              *sha256);
DojangRenewalPlan *dojang_renewal_select_page_get_plan         (DojangRenewalSelectPage *self);
gboolean           dojang_renewal_select_page_get_can_continue (DojangRenewalSelectPage *self);
void               dojang_renewal_select_page_focus            (DojangRenewalSelectPage *self);

G_END_DECLS
