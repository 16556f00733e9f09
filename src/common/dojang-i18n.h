/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        dojang_i18n_init      (void);
gboolean    dojang_i18n_is_korean (void);
const char *dojang_i18n_pick      (const char *ko,
                                   const char *en);

G_END_DECLS
