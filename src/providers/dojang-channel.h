/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dojang-channel-status.h"
#include "dojang-fact.h"
#include "dojang-holiday-calendar.h"

G_BEGIN_DECLS

typedef enum
{
  DOJANG_CHANNEL_KIND_PHONE,
  DOJANG_CHANNEL_KIND_ARS,
  DOJANG_CHANNEL_KIND_CHATBOT,
  DOJANG_CHANNEL_KIND_INQUIRY,
  DOJANG_CHANNEL_KIND_FAQ,
  DOJANG_CHANNEL_KIND_VISIT,
} DojangChannelKind;

#define DOJANG_TYPE_CHANNEL_KIND (dojang_channel_kind_get_type ())
GType dojang_channel_kind_get_type (void);

#define DOJANG_TYPE_CHANNEL (dojang_channel_get_type ())

G_DECLARE_FINAL_TYPE (DojangChannel, dojang_channel, DOJANG, CHANNEL, GObject)

DojangChannelKind    dojang_channel_get_kind       (DojangChannel         *self);
const char          *dojang_channel_get_id         (DojangChannel         *self);
const char          *dojang_channel_get_label      (DojangChannel         *self);
const char          *dojang_channel_get_phone      (DojangChannel         *self);
const char          *dojang_channel_get_url        (DojangChannel         *self);
char                *dojang_channel_get_hours_text (DojangChannel         *self);
char                *dojang_channel_describe_status (DojangChannel       *self,
                                                     DojangChannelStatus *status);
const char          *dojang_channel_get_notes      (DojangChannel         *self);
gboolean             dojang_channel_get_is_main    (DojangChannel         *self);
gboolean             dojang_channel_get_always_open (DojangChannel        *self);
DojangFact          *dojang_channel_get_fact       (DojangChannel         *self,
                                                    const char            *key);
DojangChannelStatus *dojang_channel_get_status     (DojangChannel         *self,
                                                    DojangHolidayCalendar *holidays,
                                                    GDateTime             *now);
const char          *dojang_channel_kind_to_string (DojangChannelKind      kind);

G_END_DECLS
