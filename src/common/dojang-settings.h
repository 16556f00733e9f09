/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *dojang_settings_new_if_installed (const char *required_key);

G_END_DECLS
