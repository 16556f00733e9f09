/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-holiday-calendar.h"
#include "dojang-provider.h"
#include "dojang-recommendation.h"

G_BEGIN_DECLS

typedef enum
{
  DOJANG_SITUATION_URGENT,
  DOJANG_SITUATION_COMPLEX,
  DOJANG_SITUATION_SIMPLE,
  DOJANG_SITUATION_NEEDS_SCREENSHOTS,
  DOJANG_SITUATION_COMMON_QUESTION,
} DojangSituation;

/* Returns a GListModel of DojangRecommendation, best first: the channels
 * that suit @situation, as KICA's customer-center guide advises
 * (https://www.signgate.com): urgent/complex → phone, simple → ARS or
 * chatbot, screenshots → 1:1 inquiry, common question → FAQ; those usable
 * at @now move ahead of closed ones. */
GListModel *dojang_channel_advisor_recommend (DojangProvider        *provider,
                                              DojangSituation        situation,
                                              DojangHolidayCalendar *holidays,
                                              GDateTime             *now);
const char *dojang_situation_get_label       (DojangSituation        situation);

G_END_DECLS
