/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-channel.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_RECOMMENDATION (dojang_recommendation_get_type ())

G_DECLARE_FINAL_TYPE (DojangRecommendation, dojang_recommendation, DOJANG, RECOMMENDATION, GObject)

DojangRecommendation *dojang_recommendation_new             (DojangChannel        *channel,
                                                             DojangChannelStatus  *status,
                                                             const char           *reason,
                                                             gboolean              fallback);
DojangChannel        *dojang_recommendation_get_channel     (DojangRecommendation *self);
DojangChannelStatus  *dojang_recommendation_get_status      (DojangRecommendation *self);
const char           *dojang_recommendation_get_reason      (DojangRecommendation *self);
gboolean              dojang_recommendation_get_is_fallback (DojangRecommendation *self);

G_END_DECLS
