/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean dojang_bank_search_match (const char  *query,
                                   char       **bank_name);

G_END_DECLS
