/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void dojang_terminal_print_safely (void);

G_END_DECLS
