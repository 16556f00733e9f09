/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-channel.h"
#include "dojang-holiday-calendar.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_CHANNEL_ROW (dojang_channel_row_get_type ())

G_DECLARE_FINAL_TYPE (DojangChannelRow, dojang_channel_row, DOJANG, CHANNEL_ROW, GtkListBoxRow)

GtkWidget     *dojang_channel_row_new           (DojangChannel         *channel);
DojangChannel *dojang_channel_row_get_channel   (DojangChannelRow      *self);
GDateTime     *dojang_channel_row_update_status (DojangChannelRow      *self,
                                                 DojangHolidayCalendar *holidays,
                                                 GDateTime             *now);

G_END_DECLS
