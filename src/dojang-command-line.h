/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void               dojang_command_line_add_options (GApplication *app);
const GOptionEntry *dojang_command_line_get_entries (void);
int                dojang_command_line_run         (GVariantDict *options);

G_END_DECLS
