/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean dojang_cli_check_folders     (const char * const *paths);
int      dojang_cli_certificates_list (GVariantDict       *options);

G_END_DECLS
