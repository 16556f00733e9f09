/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dojang-channel.h"
#include "dojang-channel-status.h"

G_BEGIN_DECLS

#define DOJANG_TYPE_STATUS_LABEL (dojang_status_label_get_type ())

G_DECLARE_FINAL_TYPE (DojangStatusLabel, dojang_status_label, DOJANG, STATUS_LABEL, AdwBin)

GtkWidget  *dojang_status_label_new        (void);
void        dojang_status_label_set_status (DojangStatusLabel   *self,
                                            DojangChannelStatus *status);
void        dojang_status_label_set_channel_status (DojangStatusLabel   *self,
                                                    DojangChannel       *channel,
                                                    DojangChannelStatus *status);
const char *dojang_status_label_get_text   (DojangStatusLabel   *self);

G_END_DECLS
