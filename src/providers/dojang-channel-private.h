/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-channel.h"
#include "dojang-json-scope.h"

G_BEGIN_DECLS

DojangChannel *dojang_channel_new_from_json (const DojangJsonScope  *scope,
                                             GError                **error);
GPtrArray     *dojang_channel_get_facts     (DojangChannel          *self);

G_END_DECLS
