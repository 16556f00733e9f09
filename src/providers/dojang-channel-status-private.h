/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-channel-status.h"

G_BEGIN_DECLS

DojangChannelStatus *dojang_channel_status_new              (GDateTime           *now,
                                                             DojangChannelState   state,
                                                             DojangClosedReason   reason,
                                                             const char          *holiday_name,
                                                             GDateTime           *closes_at,
                                                             GDateTime           *next_open,
                                                             GDateTime           *next_change);
DojangChannelStatus *dojang_channel_status_new_always_open  (GDateTime           *now,
                                                             DojangChannelStatus *reply);

G_END_DECLS
