/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dojang-provider.h"

G_BEGIN_DECLS

gboolean dojang_provider_search_matches (DojangProvider *provider,
                                         const char     *query);

G_END_DECLS
