/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *dojang_clock_get_now (void);
void       dojang_clock_pin     (GDateTime *instant);

G_END_DECLS
