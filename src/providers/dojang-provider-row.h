/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-holiday-calendar.h"
#include "dojang-provider.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_PROVIDER_ROW (dojang_provider_row_get_type ())

G_DECLARE_FINAL_TYPE (DojangProviderRow, dojang_provider_row, DOJANG, PROVIDER_ROW, GtkListBoxRow)

GtkWidget      *dojang_provider_row_new             (DojangProvider        *provider);
DojangProvider *dojang_provider_row_get_provider    (DojangProviderRow     *self);
const char     *dojang_provider_row_get_status_text (DojangProviderRow     *self);
GDateTime      *dojang_provider_row_update_status   (DojangProviderRow     *self,
                                                     DojangHolidayCalendar *holidays,
                                                     GDateTime             *now);

G_END_DECLS
