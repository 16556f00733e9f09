/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-call-checklist.h"
#include "dojang-holiday-calendar.h"
#include "dojang-provider.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_PROVIDER_DETAILS (dojang_provider_details_get_type ())

G_DECLARE_FINAL_TYPE (DojangProviderDetails, dojang_provider_details, DOJANG, PROVIDER_DETAILS, AdwBin)

DojangProvider      *dojang_provider_details_get_provider  (DojangProviderDetails *self);
void                 dojang_provider_details_set_provider  (DojangProviderDetails *self,
                                                            DojangProvider        *provider);
DojangCallChecklist *dojang_provider_details_get_checklist (DojangProviderDetails *self);
GDateTime           *dojang_provider_details_update_status (DojangProviderDetails *self,
                                                            DojangHolidayCalendar *holidays,
                                                            GDateTime             *now);
void                 dojang_provider_details_focus_start   (DojangProviderDetails *self);

G_END_DECLS
